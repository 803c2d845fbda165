/*
 * buf.h - a growing byte buffer with a hard limit (curl's dynbuf "toobig").
 *
 * The bytes are always NUL-terminated. Appending past the limit fails with MU_ETOOBIG
 * and leaves the buffer as it was. Heap-owned: mu_buf_release() frees.
 */
#ifndef MU_BUF_H
#define MU_BUF_H

#include <stddef.h>

struct mu_buf {
	char *data;
	size_t len, cap, limit;
};

void mu_buf_init(struct mu_buf *b, size_t limit);
void mu_buf_release(struct mu_buf *b);
void mu_buf_reset(struct mu_buf *b);
int mu_buf_add(struct mu_buf *b, const void *data, size_t len);
int mu_buf_adds(struct mu_buf *b, const char *s);
int mu_buf_addf(struct mu_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The text so far, never NULL. */
const char *mu_buf_str(const struct mu_buf *b);

#endif
