/*
 * main.c - runs every unit test, or those named on the command line; ends with
 * "unit: N passed, N failed".
 */
#include <stdio.h>
#include <string.h>

#include "t.h"

int t_passed, t_failed;
const char *t_current;

#define TESTS(X) \
	X(test_mtime) \
	X(test_text) \
	X(test_errors) \
	X(test_model_doc) \
	X(test_record_decode) \
	X(test_record_roundtrip) \
	X(test_record_write_json) \
	X(test_store) \
	X(test_access) \
	X(test_fit) \
	X(test_power_teams) \
	X(test_ledger) \
	X(test_strength) \
	X(test_goals_agenda) \
	X(test_roi) \
	X(test_scorecard) \
	X(test_coverage) \
	X(test_asks) \
	X(test_objection) \
	X(test_subject_keys) \
	X(test_ical) \
	X(test_csr) \
	X(test_communities) \
	X(test_openapi) \
	X(test_utf8) \
	X(test_phone) \
	X(test_text_key) \
	X(test_strmap) \
	X(test_dedupe) \
	X(test_csv_write) \
	X(test_linkedin_read) \
	X(test_google_read) \
	X(test_vcard_read) \
	X(test_vcard_write)

#define DECLARE(fn) void fn(void);
TESTS(DECLARE)

static const struct {
	const char *name;
	void (*fn)(void);
} tests[] = {
#define ROW(fn) { #fn, fn },
	TESTS(ROW)
};

/* unit-tests [NAME...]: every test, or only those named (tests/store/t0500-postgres.sh
 * runs test_store alone on PostgreSQL). */
int main(int argc, char **argv)
{
	int ran = 0;

	for (size_t i = 0; i < ARRAY_SIZE(tests); i++) {
		int want = argc < 2;
		for (int k = 1; k < argc && !want; k++)
			want = !strcmp(argv[k], tests[i].name);
		if (!want)
			continue;
		t_current = tests[i].name;
		tests[i].fn();
		ran++;
	}
	if (!ran) {
		fprintf(stderr, "unit-tests: no test of that name\n");
		return 2;
	}
	printf("unit: %d passed, %d failed\n", t_passed, t_failed);
	return t_failed != 0;
}
