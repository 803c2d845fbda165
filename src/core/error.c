/*
 * error.c - mu_fail and the error table (errors.def).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/banned.h"

struct errinfo {
	int code;
	const char *name;
	int http, exit;
	const char *meaning;
};

static const struct errinfo table[] = {
#define MU_ERR(sym, code, http, exit, meaning) { sym, code, http, exit, meaning },
#include "core/errors.def"
#undef MU_ERR
};

static const struct errinfo *find(int code)
{
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (table[i].code == code)
			return &table[i];
	return NULL;
}

int mu_fail(struct mu_error *err, int code, const char *field, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	snprintf(err->field, sizeof(err->field), "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return code;
}

void mu_error_prefix(struct mu_error *err, const char *prefix)
{
	char tmp[2 * sizeof(err->field) + 2];

	if (!err || !prefix || !*prefix)
		return;
	if (!err->field[0])
		snprintf(tmp, sizeof(tmp), "%s", prefix);
	else if (err->field[0] == '[')
		snprintf(tmp, sizeof(tmp), "%s%s", prefix, err->field);
	else
		snprintf(tmp, sizeof(tmp), "%s.%s", prefix, err->field);
	/* a path longer than the field keeps its start: that is where the reader looks */
	tmp[sizeof(err->field) - 1] = '\0';
	memcpy(err->field, tmp, sizeof(err->field));
}

void mu_error_clear(struct mu_error *err)
{
	err->code = 0;
	err->field[0] = '\0';
	err->message[0] = '\0';
}

const char *mu_error_name(int code)
{
	const struct errinfo *e = find(code);
	return e ? e->name : code ? "internal" : "ok";
}

int mu_error_http(int code)
{
	const struct errinfo *e = find(code);
	return e ? e->http : code ? 500 : 200;
}

int mu_error_exit(int code)
{
	const struct errinfo *e = find(code);
	return e ? e->exit : code ? 1 : 0;
}

const char *mu_error_meaning(int code)
{
	const struct errinfo *e = find(code);
	return e ? e->meaning : "";
}

size_t mu_error_all(int *codes, size_t n)
{
	size_t count = sizeof(table) / sizeof(table[0]);
	for (size_t i = 0; i < count && i < n; i++)
		codes[i] = table[i].code;
	return count;
}

_Noreturn void mu_bug(const char *file, int line, const char *msg)
{
	fprintf(stderr, "BUG: %s:%d: %s\n", file, line, msg);
	abort();
}
