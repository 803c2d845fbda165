/*
 * test_core.c - calendar, text checks and the error table.
 */
#include <stdio.h>
#include <stdlib.h>

#include "t.h"
#include "core/error.h"
#include "core/mtime.h"
#include "core/text.h"

void test_mtime(void);
void test_text(void);
void test_errors(void);

void test_mtime(void)
{
	static const struct { const char *text; int ok; long long t; } cases[] = {
		{ "1970-01-01T00:00:00Z", 1, 0 },
		{ "2026-03-04T08:30:00Z", 1, 1772613000 },	/* 20516 days * 86400 + 30600 */
		{ "2024-02-29T23:59:59Z", 1, 1709251199 },	/* leap day */
		{ "2023-02-29T00:00:00Z", 0, 0 },		/* not a leap year */
		{ "2026-13-01T00:00:00Z", 0, 0 },
		{ "2026-03-04T24:00:00Z", 0, 0 },
		{ "2026-03-04 08:30:00Z", 0, 0 },
		{ "2026-03-04T08:30:00", 0, 0 },
		{ "", 0, 0 },
	};
	char out[MU_TIME_LEN];

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		mu_time t = 0;
		int ok = mu_time_parse(cases[i].text, &t) == 0;
		T_EQ(ok, cases[i].ok, "parse '%s'", cases[i].text);
		if (ok && cases[i].ok) {
			T_EQ(t, cases[i].t, "value of '%s': %lld", cases[i].text, (long long)t);
			mu_time_format(t, out);
			T_STR(out, cases[i].text, "format back '%s'", cases[i].text);
		}
	}
	int64_t d;
	T_EQ(mu_date_parse("2026-11-23", &d), 0, "date parses");
	T_EQ(d, 20780, "2026-11-23 is day 20780");
	T_EQ(mu_date_parse("2026-11-31", &d), -1, "30 days in November");
	mu_time_format(-1, out);
	T_STR(out, "1969-12-31T23:59:59Z", "negative times floor");
}

void test_text(void)
{
	static const struct { enum text_check ck; const char *s; int ok; } checks[] = {
		{ TC_EMAIL, "anna@lindrekrytering.se", 1 },
		{ TC_EMAIL, "anna@localhost", 0 },
		{ TC_EMAIL, "anna lind@x.se", 0 },
		{ TC_EMAIL, "anna\tlind@x.se", 0 },
		{ TC_EMAIL, "anna@x.se\nbcc@y.se", 0 },
		{ TC_URL, "https://mutua.se/\tx", 0 },
		{ TC_EMAIL, "@x.se", 0 },
		{ TC_URL, "https://mutua.se/x", 1 },
		{ TC_URL, "ftp://x", 0 },
		{ TC_WORD, "idea", 1 },
		{ TC_WORD, "Idea", 0 },
		{ TC_NACE, "C", 1 },
		{ TC_NACE, "62", 1 },
		{ TC_NACE, "78.1", 1 },
		{ TC_NACE, "85.59", 1 },
		{ TC_NACE, "04", 0 },		/* no division 04 in NACE Rev. 2 */
		{ TC_NACE, "Z", 0 },
		{ TC_BIRTHDAY, "1980-05-12", 1 },
		{ TC_BIRTHDAY, "--05-12", 1 },
		{ TC_BIRTHDAY, "2000-02-29", 1 },
		{ TC_BIRTHDAY, "1900-02-29", 0 },	/* not a leap year */
		{ TC_BIRTHDAY, "--02-29", 1 },
		{ TC_BIRTHDAY, "--04-31", 0 },
		{ TC_BIRTHDAY, "1980-13-01", 0 },
		{ TC_BIRTHDAY, "80-05-12", 0 },
		{ TC_BIRTHDAY, "1980-5-12", 0 },
		{ TC_REGION, "SE-M", 1 },
		{ TC_REGION, "DK-84", 1 },
		{ TC_REGION, "SE-QQ", 0 },
		{ TC_REGION, "Bayern", 1 },	/* other countries: free text */
	};
	char buf[64];

	for (size_t i = 0; i < ARRAY_SIZE(checks); i++)
		T_EQ(text_check_msg(checks[i].ck, checks[i].s) == NULL, checks[i].ok,
		     "check %d of '%s'", checks[i].ck, checks[i].s);
	T_EQ(text_chars("Åsa Öberg", 0), 9, "code points, not bytes");
	T_EQ(text_chars("a\x01", 0), -1, "control characters refused");
	T_EQ(text_chars("a\nb", 1), 3, "newline allowed in long text");
	T_EQ(text_chars("\xc3\x28", 0), -1, "invalid UTF-8 refused");
	T_STR(text_fold("ÅSA ÖBERG Ærø Łódź", buf), "åsa öberg ærø łódź", "folding keeps accents");
	T_EQ(text_equal_folded("søren kjær", "Søren Kjær"), 1, "case-insensitive");
	T_EQ(text_equal_folded("Soren Kjaer", "Søren Kjær"), 0, "accents kept");
	T_EQ(text_contains_folded("Anna Lind", "LIND"), 1, "part of a name");
}

/* docs/errors.md lists every code with its HTTP status and exit status (curl test1477). */
void test_errors(void)
{
	int codes[64];
	size_t n = mu_error_all(codes, 64);
	FILE *f = fopen("docs/errors.md", "r");
	char *doc = NULL;
	size_t len = 0;

	T_CHECK(f != NULL, "docs/errors.md exists");
	if (!f)
		return;
	doc = calloc(1, 1 << 16);
	len = fread(doc, 1, (1 << 16) - 1, f);
	fclose(f);
	T_CHECK(len > 0, "docs/errors.md is not empty");
	for (size_t i = 0; i < n; i++) {
		char row[128];
		snprintf(row, sizeof(row), "| `%s` | %d | %d |", mu_error_name(codes[i]),
			 mu_error_http(codes[i]), mu_error_exit(codes[i]));
		T_CHECK(strstr(doc, row) != NULL, "docs/errors.md has the row %s", row);
	}
	T_EQ(mu_error_exit(MU_EUSAGE), 2, "usage errors exit 2");
	T_EQ(mu_error_exit(MU_EINVAL), 1, "bad data exits 1");
	T_EQ(mu_error_http(MU_ENOTFOUND), 404, "not found is 404");
	free(doc);
}
