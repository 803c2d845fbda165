/*
 * error.h - the one error-handling pattern.
 *
 * A fallible function returns int: 0, or a negative MU_E* code, and fills a
 * caller-owned struct mu_error with the code, the field or JSON path at fault (may be
 * empty) and a message in the user's words (lower case, no full stop, what is wrong
 * first). The codes come from errors.def.
 */
#ifndef MU_ERROR_H
#define MU_ERROR_H

#include <stddef.h>

enum mu_errcode {
	MU_OK = 0,
#define MU_ERR(sym, code, http, exit, meaning) sym##_,
#include "core/errors.def"
#undef MU_ERR
	MU_ERR_COUNT_
};

/* The public codes are negative: MU_EINVAL == -(MU_EINVAL_ + 1). */
#define MU_ERR(sym, code, http, exit, meaning) enum { sym = -(sym##_ + 1) };
#include "core/errors.def"
#undef MU_ERR

struct mu_error {
	int code;		/* 0 or a negative MU_E* */
	char field[128];	/* JSON path, option or parameter at fault; "" if none */
	char message[512];
};

/* Fill err (if not NULL) and return code. fmt is printf-style. */
int mu_fail(struct mu_error *err, int code, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Prefix err->field with prefix ("persons[3]" + "." + field); keeps err->code. */
void mu_error_prefix(struct mu_error *err, const char *prefix);

void mu_error_clear(struct mu_error *err);

/* The table's columns for a code (0 gives "ok", 200, 0). */
const char *mu_error_name(int code);
int mu_error_http(int code);
int mu_error_exit(int code);
const char *mu_error_meaning(int code);
/* All codes, for docs and tests: fills up to n codes, returns how many exist. */
size_t mu_error_all(int *codes, size_t n);

/* Programmer error: abort with file:line. Never for bad input. */
#define MU_BUG(msg) mu_bug(__FILE__, __LINE__, msg)
_Noreturn void mu_bug(const char *file, int line, const char *msg);

#endif
