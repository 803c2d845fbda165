/*
 * t.h - the unit test harness: case tables and counting assertions.
 * Each test_*.c defines functions listed in main.c's table.
 */
#ifndef MU_T_H
#define MU_T_H

#include <math.h>
#include <stdio.h>
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

#endif
