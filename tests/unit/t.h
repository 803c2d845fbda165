/*
 * t.h - the unit test harness: case tables and counting assertions.
 * Each test_*.c defines functions listed in main.c's table.
 */
#ifndef MU_T_H
#define MU_T_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern int t_passed, t_failed;
extern const char *t_current;

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define T_CHECK(cond, ...) do { \
	if (cond) { \
		t_passed++; \
	} else { \
		t_failed++; \
		fprintf(stderr, "FAIL %s (%s:%d): ", t_current, __FILE__, __LINE__); \
		fprintf(stderr, __VA_ARGS__); \
		fputc('\n', stderr); \
	} \
} while (0)

#define T_EQ(got, want, ...) T_CHECK((got) == (want), __VA_ARGS__)
static inline int t_streq(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}
#define T_STR(got, want, ...) T_CHECK(t_streq((got), (want)), __VA_ARGS__)
#define T_NEAR(got, want, tol, ...) T_CHECK(fabs((got) - (want)) <= (tol), __VA_ARGS__)

/* The file at path, NUL-terminated, of *len bytes (malloc'ed: free it), or NULL. */
static inline char *t_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (s = malloc((size_t)n + 1)) && fread(s, 1, (size_t)n, f) == (size_t)n) {
		s[n] = '\0';
		*len = (size_t)n;
	} else {
		free(s);
		s = NULL;
	}
	fclose(f);
	return s;
}

/* 1 if every physical line of s ends in CRLF and holds at most max octets. */
static inline int t_crlf_lines(const char *s, long max)
{
	while (*s) {
		const char *crlf = strstr(s, "\r\n");

		if (!crlf || crlf - s > max || memchr(s, '\n', (size_t)(crlf - s)))
			return 0;
		s = crlf + 2;
	}
	return 1;
}

#endif
