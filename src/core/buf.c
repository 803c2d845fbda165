/*
 * buf.c - mu_buf: doubling growth up to the limit.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/banned.h"

void mu_buf_init(struct mu_buf *b, size_t limit)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->limit = limit;
}

void mu_buf_release(struct mu_buf *b)
{
	free(b->data);
	mu_buf_init(b, b->limit);
}

void mu_buf_reset(struct mu_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static int grow(struct mu_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1, cap;
	char *p;

	if (need < extra || need - 1 > b->limit)
		return MU_ETOOBIG;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	p = realloc(b->data, cap);
	if (!p)
		MU_BUG("out of memory");
	b->data = p;
	b->cap = cap;
	return 0;
}

int mu_buf_add(struct mu_buf *b, const void *data, size_t len)
{
	int rc = grow(b, len);

	if (rc < 0)
		return rc;
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
	return 0;
}

int mu_buf_adds(struct mu_buf *b, const char *s)
{
	return mu_buf_add(b, s, strlen(s));
}

int mu_buf_addf(struct mu_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n, rc;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		MU_BUG("bad format");
	if ((rc = grow(b, (size_t)n)) < 0)
		return rc;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

const char *mu_buf_str(const struct mu_buf *b)
{
	return b->data ? b->data : "";
}
