/*
 * test_ical.c - the iCalendar writer: escaping, UTF-8 repair, folding at 75 octets,
 * dates and times, categories, and the rollback when the buffer is full.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "t.h"
#include "core/buf.h"
#include "core/error.h"
#include "io/ical.h"

void test_ical(void);

/* n copies of 'a' (n < 256); four rotating buffers so one printf can use several. */
static const char *as(int n)
{
	static char bufs[4][256];
	static int next;
	char *s = bufs[next++ % 4];

	memset(s, 'a', (size_t)n);
	s[n] = '\0';
	return s;
}

/* Remove every fold (CRLF + space). */
static void unfold(const char *in, char *out, size_t size)
{
	size_t o = 0;

	for (; *in && o + 1 < size; in++) {
		if (in[0] == '\r' && in[1] == '\n' && in[2] == ' ') {
			in += 2;
			continue;
		}
		out[o++] = *in;
	}
	out[o] = '\0';
}

static void test_escaping(struct mu_buf *b)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "plain", "SUMMARY:plain\r\n" },
		{ "", "SUMMARY:\r\n" },
		{ "a,b;c\\d", "SUMMARY:a\\,b\\;c\\\\d\r\n" },
		{ "\\n is not a newline", "SUMMARY:\\\\n is not a newline\r\n" },
		{ "rad 1\r\nrad 2\nrad 3\r", "SUMMARY:rad 1\\nrad 2\\nrad 3\r\n" },	/* CR dropped */
		{ "colon: \"quoted\"\ttab", "SUMMARY:colon: \"quoted\"\ttab\r\n" },	/* allowed in TEXT */
		{ "bell\x07 esc\x1b del\x7f nel\xc2\x85.", "SUMMARY:bell esc del nel.\r\n" },
		{ "Åsa Ærø Œ €5 😀", "SUMMARY:Åsa Ærø Œ €5 😀\r\n" },
		{ "U+FFFD \xef\xbf\xbd kept", "SUMMARY:U+FFFD \xef\xbf\xbd kept\r\n" },
		/* one U+FFFD per maximal ill-formed subpart (Unicode table 3-7) */
		{ "Malm\xf6", "SUMMARY:Malm\xef\xbf\xbd\r\n" },			/* Latin-1 ö */
		{ "\xe2\x82!", "SUMMARY:\xef\xbf\xbd!\r\n" },			/* € cut: 1 subpart */
		{ "\xf0\x9f\x98", "SUMMARY:\xef\xbf\xbd\r\n" },			/* 😀 cut: 1 */
		{ "\xc0\xaf", "SUMMARY:\xef\xbf\xbd\xef\xbf\xbd\r\n" },	/* overlong: C0, AF */
		{ "\xed\xa0\x80", "SUMMARY:\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\r\n" },	/* surrogate */
		{ "\xf4\x90\x80\x80", "SUMMARY:\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\r\n" },
		{ "\x80x\xff", "SUMMARY:\xef\xbf\xbdx\xef\xbf\xbd\r\n" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		mu_buf_reset(b);
		T_EQ(ical_text(b, "SUMMARY", cases[i].in), 0, "text case %zu", i);
		T_STR(mu_buf_str(b), cases[i].want, "text case %zu: got '%s'", i, mu_buf_str(b));
	}
	mu_buf_reset(b);
	T_EQ(ical_raw(b, "UID", "a,b;c\\d\r\ne\tf\x01"), 0, "raw");
	T_STR(mu_buf_str(b), "UID:a,b;c\\de\tf\r\n", "raw: no escaping, controls but tab dropped");
}

static void test_folding(struct mu_buf *b)
{
	/* value = na 'a' + tail; want = "SUMMARY:" + first 'a' + rest; unfolded, the line is
	 * "SUMMARY:" + na 'a' + esc (the tail escaped). "SUMMARY:" is 8 octets. */
	static const struct { int na; const char *tail; int first; const char *rest, *esc; } cases[] = {
		{ 66, "", 66, "\r\n", "" },			/* 8 + 66 = 74 octets: one line */
		{ 67, "", 67, "\r\n", "" },			/* 75: still one line */
		{ 68, "", 67, "\r\n a\r\n", "" },		/* 76: 75, then space + 1 */
		{ 66, "å!", 66, "\r\n å!\r\n", "å!" },	/* å (C3 A5) at 75-76: fold before, 74 */
		{ 65, "å!", 65, "å\r\n !\r\n", "å!" },	/* å at 74-75 ends the line at 75 */
		{ 64, "😀😀", 64, "\r\n 😀😀\r\n", "😀😀" },	/* 😀 (4 octets) at 73-76: 72 */
		{ 65, "😀😀", 65, "\r\n 😀😀\r\n", "😀😀" },	/* 😀 at 74-77: 73 */
		{ 66, ",b", 66, "\r\n \\,b\r\n", "\\,b" },	/* the escape at 75-76: 74 */
	};
	char value[256], want[512], unfolded[512];

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		snprintf(value, sizeof(value), "%s%s", as(cases[i].na), cases[i].tail);
		snprintf(want, sizeof(want), "SUMMARY:%s%s", as(cases[i].first), cases[i].rest);
		mu_buf_reset(b);
		T_EQ(ical_text(b, "SUMMARY", value), 0, "fold case %zu", i);
		T_STR(mu_buf_str(b), want, "fold case %zu: got '%s'", i, mu_buf_str(b));
		T_CHECK(t_crlf_lines(mu_buf_str(b), ICAL_LINE_MAX), "fold case %zu: line lengths", i);
		unfold(mu_buf_str(b), unfolded, sizeof(unfolded));
		snprintf(want, sizeof(want), "SUMMARY:%s%s\r\n", as(cases[i].na), cases[i].esc);
		T_STR(unfolded, want, "fold case %zu: unfolds to the content line", i);
	}

	/* 200 octets: 8 + 67 = 75, then 1 + 74 = 75, then 1 + 59; 67 + 74 + 59 = 200 */
	mu_buf_reset(b);
	snprintf(value, sizeof(value), "%s%s%s", as(67), as(74), as(59));
	snprintf(want, sizeof(want), "SUMMARY:%s\r\n %s\r\n %s\r\n", as(67), as(74), as(59));
	T_EQ(ical_text(b, "SUMMARY", value), 0, "200 octets");
	T_STR(mu_buf_str(b), want, "200 octets fold twice");

	/* a long nasty line: folds only at character boundaries and unfolds back */
	{
		static const char nasty[] = "Möte på Ærø; ta med: kaffe, kakor\\bullar 😀🇸🇪 — "
					    "ring Åsa, Øystein & Mikaël\nRad två; ÅÄÖ åäö ÆØÅ æøå "
					    "€€€ 😀😀😀 slut.";
		static const char escaped[] = "Möte på Ærø\\; ta med: kaffe\\, kakor\\\\bullar 😀🇸🇪 — "
					      "ring Åsa\\, Øystein & Mikaël\\nRad två\\; ÅÄÖ åäö ÆØÅ "
					      "æøå €€€ 😀😀😀 slut.";
		mu_buf_reset(b);
		T_EQ(ical_text(b, "DESCRIPTION", nasty), 0, "nasty");
		T_CHECK(t_crlf_lines(mu_buf_str(b), ICAL_LINE_MAX), "nasty: line lengths");
		unfold(mu_buf_str(b), unfolded, sizeof(unfolded));
		snprintf(want, sizeof(want), "DESCRIPTION:%s\r\n", escaped);
		T_STR(unfolded, want, "nasty unfolds to the escaped content line");
	}
}

static void test_dates(struct mu_buf *b)
{
	static const struct { long long t; const char *want; } times[] = {
		{ 1772613000, "DTSTAMP:20260304T083000Z\r\n" },	/* 20516 days * 86400 + 30600 */
		{ 0, "DTSTAMP:19700101T000000Z\r\n" },
		{ -1, "DTSTAMP:19691231T235959Z\r\n" },		/* floors, not truncates */
		{ 253402300799, "DTSTAMP:99991231T235959Z\r\n" },	/* 2932896 * 86400 + 86399 */
		{ -62135596800, "DTSTAMP:00010101T000000Z\r\n" },	/* -719162 * 86400 */
	};
	static const struct { long long days; const char *want; } dates[] = {
		{ 20780, "DUE;VALUE=DATE:20261123\r\n" },
		{ 0, "DUE;VALUE=DATE:19700101\r\n" },
		{ -1, "DUE;VALUE=DATE:19691231\r\n" },
		{ 11016, "DUE;VALUE=DATE:20000229\r\n" },	/* 30 * 365 + 7 leap days - 1 + 31 + 28 */
	};

	for (size_t i = 0; i < ARRAY_SIZE(times); i++) {
		mu_buf_reset(b);
		T_EQ(ical_time(b, "DTSTAMP", times[i].t), 0, "time %lld", times[i].t);
		T_STR(mu_buf_str(b), times[i].want, "time %lld: got '%s'", times[i].t, mu_buf_str(b));
	}
	for (size_t i = 0; i < ARRAY_SIZE(dates); i++) {
		mu_buf_reset(b);
		T_EQ(ical_date(b, "DUE", dates[i].days), 0, "date %lld", dates[i].days);
		T_STR(mu_buf_str(b), dates[i].want, "date %lld: got '%s'", dates[i].days,
		      mu_buf_str(b));
	}
	mu_buf_reset(b);
	T_EQ(ical_time(b, "DTSTAMP", 253402300800), MU_EINVAL, "year 10000 refused");
	T_EQ(ical_time(b, "DTSTAMP", -62135596801), MU_EINVAL, "year 0 refused");
	T_EQ(ical_time(b, "DTSTAMP", INT64_MIN), MU_EINVAL, "INT64_MIN refused");
	T_EQ(ical_time(b, "DTSTAMP", INT64_MAX), MU_EINVAL, "INT64_MAX refused");
	T_EQ(ical_date(b, "DUE", 2932897), MU_EINVAL, "10000-01-01 refused");
	T_EQ(ical_date(b, "DUE", INT64_MIN), MU_EINVAL, "INT64_MIN days refused");
	T_EQ(b->len, 0, "refusals write nothing");
}

static void test_calendar(struct mu_buf *b)
{
	static const char *const cats[] = { "Kund", "a,b", "x;y\\z", "Ö" };

	mu_buf_reset(b);
	T_EQ(ical_begin_calendar(b, "-//Mutua//Mutua 0.1.0//EN", "BNI Öresund, syd"), 0, "begin");
	T_EQ(ical_begin(b, "VTODO"), 0, "vtodo");
	T_EQ(ical_categories(b, cats, ARRAY_SIZE(cats)), 0, "categories");
	T_EQ(ical_categories(b, cats, 0), 0, "no categories");
	T_EQ(ical_end(b, "VTODO"), 0, "end vtodo");
	T_EQ(ical_end_calendar(b), 0, "end");
	T_STR(mu_buf_str(b),
	      "BEGIN:VCALENDAR\r\n"
	      "VERSION:2.0\r\n"
	      "PRODID:-//Mutua//Mutua 0.1.0//EN\r\n"
	      "CALSCALE:GREGORIAN\r\n"
	      "METHOD:PUBLISH\r\n"
	      "X-WR-CALNAME:BNI Öresund\\, syd\r\n"
	      "BEGIN:VTODO\r\n"
	      "CATEGORIES:Kund,a\\,b,x\\;y\\\\z,Ö\r\n"
	      "END:VTODO\r\n"
	      "END:VCALENDAR\r\n", "calendar: got '%s'", mu_buf_str(b));
	mu_buf_reset(b);
	T_EQ(ical_begin_calendar(b, "p", NULL), 0, "no name");
	T_STR(mu_buf_str(b), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:p\r\n"
	      "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n", "no X-WR-CALNAME without a name");
}

/* A full buffer fails with MU_ETOOBIG and keeps what it held before the call. */
static void test_limit(void)
{
	struct mu_buf b;

	mu_buf_init(&b, 40);
	T_EQ(ical_begin(&b, "VTODO"), 0, "fits");				/* 13 octets */
	T_EQ(ical_text(&b, "SUMMARY", as(100)), MU_ETOOBIG, "too long");
	T_STR(mu_buf_str(&b), "BEGIN:VTODO\r\n", "rolled back to the last whole line");
	T_EQ(ical_text(&b, "SUMMARY", as(17)), 0, "13 + 8 + 17 + 2 (CRLF) = 40 fits");
	T_EQ(b.len, 40, "exactly at the limit");
	T_EQ(ical_end(&b, "VTODO"), MU_ETOOBIG, "one more line does not");
	T_EQ(b.len, 40, "unchanged");
	mu_buf_reset(&b);
	T_EQ(ical_begin_calendar(&b, "-//Mutua//Mutua 0.1.0//EN", "x"), MU_ETOOBIG, "header");
	T_EQ(b.len, 0, "a multi-line call rolls back whole");
	mu_buf_release(&b);
}

void test_ical(void)
{
	struct mu_buf b;

	mu_buf_init(&b, 1 << 20);
	test_escaping(&b);
	test_folding(&b);
	test_dates(&b);
	test_calendar(&b);
	mu_buf_release(&b);
	test_limit();
}
