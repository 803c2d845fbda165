/*
 * test_interchange.c - the importer's keys: telephone numbers as E.164, names without
 * accents, the text map, and which person a contact already is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "core/phone.h"
#include "core/strmap.h"
#include "core/text.h"
#include "core/utf8.h"
#include "method/dedupe.h"

void test_utf8(void);
void test_phone(void);
void test_text_key(void);
void test_strmap(void);
void test_dedupe(void);

void test_utf8(void)
{
	static const struct { const char *s; size_t n; int len; uint32_t cp; } cases[] = {
		{ "A", 1, 1, 0x41 },
		{ "\xc3\xa5", 2, 2, 0xE5 },			/* å */
		{ "\xe2\x82\xac", 3, 3, 0x20AC },		/* € */
		{ "\xf0\x9f\x98\x80", 4, 4, 0x1F600 },	/* 😀 */
		{ "\xf4\x8f\xbf\xbf", 4, 4, 0x10FFFF },	/* the last code point */
		{ "\xf4\x90\x80\x80", 4, 0, 0 },		/* above U+10FFFF */
		{ "\xc0\xaf", 2, 0, 0 },			/* overlong '/' */
		{ "\xe0\x80\xaf", 3, 0, 0 },			/* overlong */
		{ "\xf0\x80\x80\xaf", 4, 0, 0 },		/* overlong */
		{ "\xed\xa0\x80", 3, 0, 0 },			/* a surrogate */
		{ "\xe2\x82", 2, 0, 0 },			/* cut short */
		{ "\xe2\x82\xac", 2, 0, 0 },			/* cut short by n */
		{ "\x80", 1, 0, 0 },				/* a continuation byte */
		{ "\xf5\x80\x80\x80", 4, 0, 0 },		/* F5 never leads */
		{ "\xc3", 1, 0, 0 },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		uint32_t cp = 0;
		int len = utf8_decode((const unsigned char *)cases[i].s, cases[i].n, &cp);
		T_CHECK(len == cases[i].len && (!len || cp == cases[i].cp),
			"case %zu: length %d U+%04X, got %d U+%04X", i, cases[i].len,
			(unsigned)cases[i].cp, len, (unsigned)cp);
	}
}

void test_phone(void)
{
	static const struct { const char *raw; int cc; const char *want; } cases[] = {
		{ "070-123 45 67", 46, "+46701234567" },
		{ "+46 70 123 45 67", 46, "+46701234567" },
		{ "+46 (0)70 123 45 67", 46, "+46701234567" },
		{ "0046 70 123 45 67", 46, "+46701234567" },
		{ "(040) 12 34 56", 46, "+4640123456" },
		{ "070.123.45.67", 46, "+46701234567" },
		{ "20 30 40 50", 45, "+4520304050" },		/* Denmark: no trunk prefix */
		{ "+45 20 30 40 50", 46, "+4520304050" },	/* a foreign number stays foreign */
		{ "08-123 456 78 ext 12", 46, "+46812345678" },
		{ "08-123 456 78 x12", 46, "+46812345678" },
		{ "08-123 456 78,,12", 46, "+46812345678" },
		{ "+1 (555) 010-9999", 46, "+15550109999" },
		{ "070\xc2\xa0" "123 45 67", 46, "+46701234567" },	/* a no-break space */
		{ "070-123 45 67", 0, NULL },	/* no default country: no national numbers */
		{ "+46 70", 46, NULL },		/* too short */
		{ "+46 70 123 45 67 89 01 23", 46, NULL },	/* longer than 15 digits */
		{ "ring Anna", 46, NULL },
		{ "", 46, NULL },
		{ "+", 46, NULL },
		{ "12", 46, NULL },
	};
	char out[PHONE_E164_MAX];

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		int rc = phone_e164(cases[i].raw, cases[i].cc, out);
		if (cases[i].want)
			T_CHECK(rc == 0 && !strcmp(out, cases[i].want), "phone '%s' -> %s, got %s",
				cases[i].raw, cases[i].want, rc ? "none" : out);
		else
			T_EQ(rc, -1, "phone '%s' is no number, got %s", cases[i].raw, out);
	}
	T_EQ(phone_country_code("SE"), 46, "SE");
	T_EQ(phone_country_code("DK"), 45, "DK");
	T_EQ(phone_country_code("XX"), 0, "unknown");
	T_EQ(phone_country_code(NULL), 0, "none");
}

void test_text_key(void)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "Åsa Öberg", "asa oberg" },
		{ "  ASA   OBERG ", "asa oberg" },
		{ "Søren Kjær", "soren kjaer" },
		{ "Straße", "strasse" },
		{ "Łukasz Żółć", "lukasz zolc" },
		{ "Åkesson & Söner, Handelsbolag", "akesson soner handelsbolag" },
		{ "O'Brien-Smith", "o brien smith" },
		{ "Ærø\xc2\xa0" "Café", "aero cafe" },	/* a no-break space separates */
		{ "Иван Петров", "Иван Петров" },		/* other scripts stay */
		{ "-- ..", "" },
		{ "", "" },
	};
	char out[128];

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		T_STR(text_key(cases[i].in, out), cases[i].want, "key of '%s': got '%s'",
		      cases[i].in, out);
}

void test_strmap(void)
{
	struct strmap *m = strmap_new();
	char key[32];
	int added;
	long *v;

	for (long i = 0; i < 20000; i++) {	/* past several growths */
		snprintf(key, sizeof(key), "k%ld", i);
		strmap_put(m, key, i, &added);
		if (!added)
			T_CHECK(0, "key %s is new", key);
	}
	T_EQ(strmap_count(m), (size_t)20000, "count");
	v = strmap_put(m, "k7", 99, &added);
	T_CHECK(!added && *v == 7, "a held key keeps its value");
	*v = 70;
	T_CHECK((v = strmap_get(m, "k7")) && *v == 70, "the value can be changed in place");
	T_CHECK((v = strmap_get(m, "k19999")) && *v == 19999, "the last key");
	T_CHECK(strmap_get(m, "k20000") == NULL, "a missing key");
	T_CHECK(strmap_get(m, "") == NULL, "the empty key");
	strmap_free(m);
	strmap_free(NULL);
}

void test_dedupe(void)
{
	static const char *const anna_mail[] = { "Anna.Lind@LindRekrytering.se " };
	static const char *const anna_phone[] = { "070-123 45 67" };
	static const char *const anna_url[] = { "https://www.linkedin.com/in/annalind/" };
	static const char *const erik_mail[] = { "erik@holm.se" };
	const struct dedupe_keys persons[] = {
		{ .name = "Anna Lind", .organisation = "Lind Rekrytering AB", .emails = anna_mail,
		  .n_emails = 1, .phones = anna_phone, .n_phones = 1, .urls = anna_url, .n_urls = 1 },
		{ .name = "Erik Holm", .emails = erik_mail, .n_emails = 1 },
		{ .name = "Maria Berg", .organisation = "Berg AB" },
		{ .name = "Maria Berg", .organisation = "Karriär AB" },	/* a namesake */
		{ .name = "Åsa Öberg" },
	};
	static const char *const mail_upper[] = { "anna.lind@lindrekrytering.se" };
	static const char *const phone_intl[] = { "+46 70 123 45 67" };
	static const char *const url_plain[] = { "http://linkedin.com/in/AnnaLind?trk=x" };
	static const char *const other_mail[] = { "someone@else.se" };
	const struct { struct dedupe_keys k; long want; const char *why; } cases[] = {
		{ { .name = "A. Lind", .emails = mail_upper, .n_emails = 1 }, 0, "same e-mail" },
		{ { .name = "Anna", .phones = phone_intl, .n_phones = 1 }, 0, "same phone" },
		{ { .name = "Anna", .urls = url_plain, .n_urls = 1 }, 0, "same web address" },
		{ { .name = "anna lind", .organisation = "LIND REKRYTERING AB" }, 0,
		  "same name and organisation" },
		{ { .name = "Anna Lind" }, 0, "same name, and no organisation" },
		{ { .name = "Anna Lind", .organisation = "Another AB" }, -1, NULL },
		{ { .name = "Erik Holm", .organisation = "Holm AB" }, 1, "same name, and no" },
		{ { .name = "Maria Berg" }, -1, NULL },	/* two of them: never by name alone */
		{ { .name = "Maria Berg", .organisation = "Karriar AB" }, 3, "same name and org" },
		{ { .name = "Asa Oberg" }, 4, "same name" },
		{ { .name = "Nobody", .emails = other_mail, .n_emails = 1 }, -1, NULL },
		{ { .name = NULL }, -1, NULL },
	};
	struct dedupe *d = dedupe_new(46);
	char why[200], e164[64];

	for (size_t i = 0; i < ARRAY_SIZE(persons); i++)
		dedupe_add(d, i, &persons[i]);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		long got;
		why[0] = '\0';
		got = dedupe_find(d, &cases[i].k, why, sizeof(why));
		T_EQ(got, cases[i].want, "case %zu: slot %ld, got %ld (%s)", i, cases[i].want, got, why);
		if (cases[i].why && got == cases[i].want)
			T_CHECK(!strncmp(why, cases[i].why, strlen(cases[i].why)),
				"case %zu says '%s', got '%s'", i, cases[i].why, why);
	}
	const char *form = dedupe_key(d, DEDUPE_PHONE, "040-12 34 56", e164, sizeof(e164));
	T_CHECK(form && !strcmp(form, "+4640123456"), "the index's country code");
	/* a person added while importing is found by the next contact */
	dedupe_add(d, 5, &(struct dedupe_keys){ .name = "Ny Person", .emails = other_mail,
						 .n_emails = 1 });
	T_EQ(dedupe_find(d, &cases[10].k, why, sizeof(why)), 5L, "found after it was added");
	dedupe_free(d);
}
