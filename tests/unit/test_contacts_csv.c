/*
 * test_contacts_csv.c - the CSV writer (quoting, the formula guard, rollback), the
 * LinkedIn and Google Contacts readers (header found by content, columns by name,
 * dates, groups, primary values, labels, delimiter, encodings, line numbers, every
 * error with its line), the Google writer read back, and the sample files in
 * tests/data/contacts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"
#include "io/contacts_csv.h"
#include "io/csv.h"
#include "core/banned.h"

void test_csv_write(void);
void test_linkedin_read(void);
void test_google_read(void);

/* NULL-aware string check: want NULL means the value must be absent. */
#define T_OPT(got, want, ...) \
	T_CHECK((want) ? t_streq((got), (want)) : !(got), __VA_ARGS__)

static const char *show(const char *s)
{
	return s ? s : "(null)";
}

/* A list as "a|b|c" ("" when empty), for one-line expectations. */
static const char *strs(struct mu_arena *a, const struct contact_strings *s)
{
	const char *out = "";

	for (size_t i = 0; i < s->n; i++)
		out = mu_printf(a, "%s%s%s", out, i ? "|" : "", s->v[i]);
	return out;
}

static int read_text(struct mu_arena *a, const char *text, enum contact_kind want,
		     struct contact_file *out, struct mu_error *err)
{
	mu_error_clear(err);
	return contacts_csv_read(a, text, strlen(text), want, out, err);
}

/* ---- csv_row ---- */

static void test_rows(struct mu_buf *b)
{
	static const struct {
		const char *cells[3];
		size_t n;
		char delim;
		const char *want;
	} cases[] = {
		{ { "a", "b", "c" }, 3, ',', "a,b,c\r\n" },
		{ { "Öberg, Åsa", "x" }, 2, ',', "\"Öberg, Åsa\",x\r\n" },
		/* ',' is no delimiter here */
		{ { "Öberg, Åsa", "x" }, 2, ';', "Öberg, Åsa;x\r\n" },
		{ { "a;b", "c" }, 2, ';', "\"a;b\";c\r\n" },
		{ { "say \"hej\"" }, 1, ',', "\"say \"\"hej\"\"\"\r\n" },	/* quotes doubled */
		{ { "\"" }, 1, ',', "\"\"\"\"\r\n" },
		{ { "rad 1\nrad 2" }, 1, ',', "\"rad 1\nrad 2\"\r\n" },
		{ { "cr\rhere" }, 1, ',', "\"cr\rhere\"\r\n" },
		{ { " lead", "trail " }, 2, ',', "\" lead\",\"trail \"\r\n" },
		{ { "in side" }, 1, ',', "in side\r\n" },		/* inner space: no quotes */
		{ { NULL, "", "x" }, 3, ',', ",,x\r\n" },
		{ { "" }, 1, ',', "\"\"\r\n" },				/* not a blank line */
		{ { NULL }, 1, ',', "\"\"\r\n" },
		/* the formula guard (OWASP): an apostrophe, inside the quotes */
		{ { "=SUM(A1)" }, 1, ',', "'=SUM(A1)\r\n" },
		{ { "+46 70 123 45 67" }, 1, ',', "'+46 70 123 45 67\r\n" },
		{ { "-x", "@y" }, 2, ',', "'-x,'@y\r\n" },
		{ { "\tcmd" }, 1, ',', "\"'\tcmd\"\r\n" },	/* leading tab: quoted too */
		{ { "\r=1" }, 1, ',', "\"'\r=1\"\r\n" },
		{ { "=1,2" }, 1, ',', "\"'=1,2\"\r\n" },
		{ { "=HYPERLINK(\"x\")" }, 1, ',', "\"'=HYPERLINK(\"\"x\"\")\"\r\n" },
		{ { "'=x" }, 1, ',', "''=x\r\n" },		/* guarded again: reads back */
		{ { "''+1" }, 1, ',', "'''+1\r\n" },
		{ { "'plain", "a=b", "1-2" }, 3, ',', "'plain,a=b,1-2\r\n" },	/* harmless */
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		mu_buf_reset(b);
		T_EQ(csv_row(b, cases[i].cells, cases[i].n, cases[i].delim), 0, "row %zu", i);
		T_STR(mu_buf_str(b), cases[i].want, "row %zu: got '%s'", i, mu_buf_str(b));
	}

	/* a full buffer: an error, and nothing of the row is left */
	{
		static const char *const big[] = { "0123456789", "abcdefghij" };
		struct mu_buf small;

		mu_buf_init(&small, 16);
		T_EQ(mu_buf_adds(&small, "abc"), 0, "small buffer");
		T_EQ(csv_row(&small, big, 2, ','), MU_ETOOBIG, "row past the limit");
		T_STR(mu_buf_str(&small), "abc", "the buffer is as it was");
		T_EQ(small.len, 3, "length as it was");
		T_EQ(csv_row(&small, big, 1, ','), 0, "12 bytes + 3 fit");
		T_STR(mu_buf_str(&small), "abc0123456789\r\n", "then it appends");
		mu_buf_release(&small);
	}

	/* the rule the reader undoes */
	{
		static const struct { const char *s; int want; } guard[] = {
			{ "=x", 1 }, { "+", 1 }, { "-1", 1 }, { "@a", 1 }, { "\tx", 1 },
			{ "\r", 1 }, { "'=x", 1 }, { "'''@", 1 }, { "'", 0 }, { "''", 0 },
			{ "'a", 0 }, { "a=", 0 }, { "", 0 }, { " =x", 0 },
		};
		for (size_t i = 0; i < ARRAY_SIZE(guard); i++)
			T_EQ(csv_needs_guard(guard[i].s, strlen(guard[i].s)), guard[i].want,
			     "guard '%s'", guard[i].s);
	}
}

/* ---- the Google writer, read back ---- */

static void test_roundtrip(void)
{
	static const char *emails1[] = { "-x@example.se", "@y", "a,b\"c\"@example.dk" };
	static const char *phones1[] = { "+46 70 123 45 67", "=040-12 34 56", "-1" };
	static const char *tags1[] = { "=evil()", "Kunder, Malmö", "😀 emoji", "+1" };
	static const char *urls1[] = { "https://example.se/?a=1,b=\"2\"" };
	static const char *tags2[] = { "'=x", "Styrelse" };
	static const char *emails5[] = { "a@b.se", "c@d.se", "e@f.se", "g@h.se" };
	struct contact in[6];
	struct mu_arena a;
	struct mu_buf b;
	struct contact_file out;
	struct mu_error err;

	memset(in, 0, sizeof(in));
	in[0].given = "Åsa";
	in[0].family = "Öberg";
	in[0].full_name = "Åsa Öberg";
	in[0].organisation = "=SUM(A1)";
	in[0].title = "+46 70";
	in[0].department = "Bygg, Syd";
	in[0].note = "rad 1\nrad 2, \"citat\"; semikolon\n\n=1+1";
	in[0].birthday = "1980-05-12";
	in[0].city = "Malmö";
	in[0].country = "@Sverige";
	in[0].emails = (struct contact_strings){ emails1, 3 };
	in[0].phones = (struct contact_strings){ phones1, 3 };
	in[0].tags = (struct contact_strings){ tags1, 4 };
	in[0].urls = (struct contact_strings){ urls1, 1 };
	/* a full name that is not its parts: kept, the parts are not */
	in[1].full_name = "Dr. Zoë \"Zozo\" O'Brien 👩‍👩‍👧";
	in[1].given = "Zoë";
	in[1].tags = (struct contact_strings){ tags2, 2 };
	/* a company's own card */
	in[2].organisation = "Öresund Bygg AB";
	in[2].birthday = "--05-12";
	/* every part */
	in[3].prefix = "Dr.";
	in[3].given = "Karl";
	in[3].middle = "Johan";
	in[3].family = "Svensson";
	in[3].suffix = "Jr.";
	in[3].full_name = "Dr. Karl Johan Svensson Jr.";
	/* nothing Google can hold: a blank row */
	in[4].since = "2024-03-12";
	in[5].full_name = "Many Mails";
	in[5].given = "Many";
	in[5].family = "Mails";
	in[5].emails = (struct contact_strings){ emails5, 4 };

	mu_arena_init(&a);
	mu_buf_init(&b, 1 << 20);
	T_EQ(contacts_csv_write_google(&b, in, ARRAY_SIZE(in)), 0, "write");
	T_CHECK(!strncmp(mu_buf_str(&b), "First Name,Middle Name,Last Name,", 33),
		"header: '%.60s'", mu_buf_str(&b));
	T_CHECK(strstr(mu_buf_str(&b), "E-mail 4 - Value,Phone 1 - Label") != NULL,
		"four e-mail groups for the contact with four");
	T_CHECK(strstr(mu_buf_str(&b), ",'=SUM(A1),'+46 70,\"Bygg, Syd\",") != NULL,
		"formula cells guarded");
	T_CHECK(!strstr(mu_buf_str(&b), ",=") && !strstr(mu_buf_str(&b), ",+") &&
		!strstr(mu_buf_str(&b), ",-") && !strstr(mu_buf_str(&b), ",@"),
		"no cell starts a formula");
	T_EQ(read_text(&a, mu_buf_str(&b), CONTACT_GOOGLE, &out, &err), 0, "read back: %s",
	     err.message);
	T_EQ(out.kind, CONTACT_GOOGLE, "kind");
	T_EQ(out.n, 5, "the blank row is passed over");
	T_EQ(out.skipped_lines, 1, "and counted");
	if (out.n == 5) {
		const struct contact *c = out.items;

		T_STR(c[0].full_name, "Åsa Öberg", "name");
		T_STR(c[0].given, "Åsa", "given");
		T_STR(c[0].family, "Öberg", "family");
		T_STR(c[0].organisation, "=SUM(A1)", "guard undone: org");
		T_STR(c[0].title, "+46 70", "title");
		T_STR(c[0].department, "Bygg, Syd", "department");
		T_STR(c[0].note, in[0].note, "note: got '%s'", show(c[0].note));
		T_STR(c[0].birthday, "1980-05-12", "birthday");
		T_STR(c[0].city, "Malmö", "city");
		T_STR(c[0].country, "@Sverige", "country");
		T_STR(strs(&a, &c[0].emails), "-x@example.se|@y|a,b\"c\"@example.dk", "emails: %s",
		      strs(&a, &c[0].emails));
		T_STR(strs(&a, &c[0].phones), "+46 70 123 45 67|=040-12 34 56|-1", "phones: %s",
		      strs(&a, &c[0].phones));
		T_STR(strs(&a, &c[0].tags), "=evil()|Kunder, Malmö|😀 emoji|+1", "tags: %s",
		      strs(&a, &c[0].tags));
		T_STR(strs(&a, &c[0].urls), "https://example.se/?a=1,b=\"2\"", "urls");
		T_EQ(c[0].line, 2, "first row on line 2");
		T_STR(c[1].full_name, in[1].full_name, "name not its parts: got '%s'",
		      show(c[1].full_name));
		T_STR(strs(&a, &c[1].tags), "'=x|Styrelse", "an apostrophe tag: %s",
		      strs(&a, &c[1].tags));
		T_EQ(c[1].line, 6, "the note's three line breaks counted");
		T_CHECK(!c[2].full_name, "company card: no name");
		T_STR(c[2].organisation, "Öresund Bygg AB", "company card: organisation");
		T_STR(c[2].birthday, "--05-12", "birthday without a year");
		T_STR(c[3].full_name, "Dr. Karl Johan Svensson Jr.", "every part");
		T_STR(c[3].prefix, "Dr.", "prefix");
		T_STR(c[3].middle, "Johan", "middle");
		T_STR(c[3].suffix, "Jr.", "suffix");
		T_STR(strs(&a, &c[4].emails), "a@b.se|c@d.se|e@f.se|g@h.se",
		      "four e-mails in order");
	}

	/* nothing to write: a header only, still read as Google */
	mu_buf_reset(&b);
	T_EQ(contacts_csv_write_google(&b, NULL, 0), 0, "no contacts");
	T_EQ(read_text(&a, mu_buf_str(&b), CONTACT_ANY, &out, &err), 0, "header only reads");
	T_EQ(out.n, 0, "no rows");
	T_EQ(out.kind, CONTACT_GOOGLE, "a Google file");

	/* a full buffer leaves it as it was */
	{
		struct mu_buf small;

		mu_buf_init(&small, 700);
		T_EQ(mu_buf_adds(&small, "keep"), 0, "small");
		T_EQ(contacts_csv_write_google(&small, in, ARRAY_SIZE(in)), MU_ETOOBIG, "too big");
		T_STR(mu_buf_str(&small), "keep", "buffer as it was");
		mu_buf_release(&small);
	}
	mu_buf_release(&b);
	mu_arena_release(&a);
}

void test_csv_write(void)
{
	struct mu_buf b;

	mu_buf_init(&b, 1 << 16);
	test_rows(&b);
	mu_buf_release(&b);
	test_roundtrip();
}

/* ---- LinkedIn ---- */

#define LI_HEADER "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
#define LI_ROW "Åsa,Öberg,https://www.linkedin.com/in/asa,,\"Öresund Bygg, AB\",VD,12 Mar 2024"
#define LI_NOTE "When exporting your connection data, you may notice that some of the email" \
	" addresses are missing."

static void test_preambles(void)
{
	static const struct {
		const char *text;
		unsigned line;		/* of the first contact */
		size_t n;
	} cases[] = {
		{ LI_HEADER "\n" LI_ROW "\n", 2, 1 },
		{ LI_HEADER "\n" LI_ROW, 2, 1 },			/* no final newline */
		{ "Notes:\n\"" LI_NOTE "\"\n\n" LI_HEADER "\n" LI_ROW "\n", 5, 1 },
		/* today's: a quoted paragraph over three lines, with commas and "" */
		{ "Notes:\n\"" LI_NOTE "\nYou will only see, \"\"some\"\", e-mails.\n"
		  "Learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n\n"
		  LI_HEADER "\n" LI_ROW "\n" LI_ROW "\n", 7, 2 },
		/* a longer preamble, CRLF, blank lines and a line of spaces */
		{ "Notes:\r\n\"" LI_NOTE "\"\r\n\r\nOther:\r\n\"x, y\"\r\n   \r\n\r\n" LI_HEADER
		  "\r\n" LI_ROW "\r\n", 9, 1 },
		/* old Mac line ends (CR) */
		{ "Notes:\r\"" LI_NOTE "\"\r\r" LI_HEADER "\r" LI_ROW "\r" LI_ROW "\r", 5, 2 },
		/* the header's names trimmed, any case, any order, extra columns */
		{ "Notes:\n\n \"connected on\" , EXTRA,position,company,email address,url,"
		  "LAST NAME, first name \n12 Mar 2024,x,VD,\"Öresund Bygg, AB\",,"
		  "https://www.linkedin.com/in/asa,Öberg,Åsa\n", 4, 1 },
	};
	struct mu_arena a;
	struct contact_file out;
	struct mu_error err;

	mu_arena_init(&a);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct contact *c;

		T_EQ(read_text(&a, cases[i].text, CONTACT_LINKEDIN, &out, &err), 0,
		     "preamble %zu: %s: %s", i, err.field, err.message);
		T_EQ(out.kind, CONTACT_LINKEDIN, "preamble %zu: kind", i);
		T_EQ(out.delimiter, ',', "preamble %zu: delimiter", i);
		T_STR(out.encoding, "UTF-8", "preamble %zu: encoding", i);
		T_EQ(out.n, cases[i].n, "preamble %zu: %zu contacts", i, out.n);
		if (!out.n)
			continue;
		c = &out.items[0];
		T_EQ(c->line, cases[i].line, "preamble %zu: line %u", i, c->line);
		T_STR(c->full_name, "Åsa Öberg", "preamble %zu: name", i);
		T_STR(c->given, "Åsa", "preamble %zu: given", i);
		T_STR(c->family, "Öberg", "preamble %zu: family", i);
		T_STR(c->organisation, "Öresund Bygg, AB", "preamble %zu: company", i);
		T_STR(c->title, "VD", "preamble %zu: position", i);
		T_STR(c->since, "2024-03-12", "preamble %zu: since", i);
		T_STR(strs(&a, &c->urls), "https://www.linkedin.com/in/asa", "preamble %zu: url",
		      i);
		T_EQ(c->emails.n, 0, "preamble %zu: no e-mail", i);
		if (out.n > 1)
			T_EQ(out.items[1].line, c->line + 1, "preamble %zu: second row", i);
	}

	/* 2019: no preamble, no URL column */
	T_EQ(read_text(&a, "First Name,Last Name,Email Address,Company,Position,Connected On\r\n"
		       "Gunnel,Persson,gunnel@telia.se,Telia,KAM,08 Oct 2019\r\n", CONTACT_ANY,
		       &out, &err), 0, "2019 shape");
	T_EQ(out.n, 1, "2019: one");
	if (out.n == 1) {
		T_STR(strs(&a, &out.items[0].emails), "gunnel@telia.se", "2019: e-mail");
		T_EQ(out.items[0].urls.n, 0, "2019: no URL");
		T_STR(out.items[0].since, "2019-10-08", "2019: since");
	}
	mu_arena_release(&a);
}

static void test_dates(void)
{
	static const struct { const char *in, *want; } good[] = {
		{ "12 Mar 2024", "2024-03-12" },
		{ "1 Mar 2024", "2024-03-01" },		/* one-digit day */
		{ "01 Mar 2024", "2024-03-01" },
		{ "1 March 2024", "2024-03-01" },	/* full month name */
		{ "5 sep 2021", "2021-09-05" },		/* any case */
		{ "5 Sept 2021", "2021-09-05" },
		{ "30 SEPTEMBER 2021", "2021-09-30" },
		{ "29 Feb 2024", "2024-02-29" },	/* leap year */
		{ "29 Feb 2000", "2000-02-29" },	/* divisible by 400 */
		{ "31 Dec 1999", "1999-12-31" },
		{ "  3   Jan   2020 ", "2020-01-03" },
		{ "2023-07-01", "2023-07-01" },		/* as a spreadsheet may save it */
		{ "", NULL },
		{ "   ", NULL },
	};
	static const char *const bad[] = {
		"32 Foo 2020", "32 Mar 2020", "0 Mar 2020", "29 Feb 2023", "29 Feb 1900",
		"31 Apr 2020", "12 Mar 24", "Mar 12 2024", "12/03/2024", "12 Mar 2024x",
		"12 Ma 2024", "12 Marc 2024", "123 Mar 2024", "12 Mar 0000", "2023-13-01",
		"2023-02-30", "12 Mär 2024", "12Mar2024",
	};
	struct mu_arena a;
	struct contact_file out;
	struct mu_error err;
	char text[256];

	mu_arena_init(&a);
	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		snprintf(text, sizeof(text), "First Name,Last Name,Connected On\nA,B,\"%s\"\n",
			 good[i].in);
		T_EQ(read_text(&a, text, CONTACT_LINKEDIN, &out, &err), 0, "date '%s': %s",
		     good[i].in, err.message);
		T_EQ(out.n, 1, "date '%s': one row", good[i].in);
		if (out.n == 1)
			T_OPT(out.items[0].since, good[i].want, "date '%s': got '%s'", good[i].in,
			      show(out.items[0].since));
	}
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		snprintf(text, sizeof(text), "First Name,Last Name,Connected On\nA,B,1 Jan 2020\n"
			 "\n\"C\nD\",E,\"%s\"\n", bad[i]);
		T_EQ(read_text(&a, text, CONTACT_LINKEDIN, &out, &err), MU_EINVAL, "date '%s'",
		     bad[i]);
		T_STR(err.field, "line 4", "date '%s': field '%s'", bad[i], err.field);
		T_CHECK(strstr(err.message, bad[i]) != NULL, "date '%s': message '%s'", bad[i],
			err.message);
	}
	T_EQ(read_text(&a, "First Name,Last Name,Connected On\nA,B,32 Foo 2020\n", CONTACT_ANY,
		       &out, &err), MU_EINVAL, "the brief's example");
	T_STR(err.message, "'32 Foo 2020' is not a date like 12 Mar 2024", "message: %s",
	      err.message);
	T_STR(err.field, "line 2", "field");
	mu_arena_release(&a);
}

/* Rows that name nobody stay; blank rows and lines are counted, not returned. */
static void test_linkedin_rows(void)
{
	static const char text[] =
		"Notes:\n\"x\"\n\n" LI_HEADER "\n"	/* header on line 4 */
		"Åsa,Öberg,,,,,\n"			/* 5 */
		",,,,,,\n"				/* 6: blank row */
		"\n"					/* 7: blank line */
		",,,,Spotify,Engineer,5 May 2022\n"	/* 8: no name, e-mail or URL */
		" , ,\" \",,,, \n"			/* 9: only white space */
		"\"Lars\nOlof\",\"Ek\"\"ström\",,\" lars@ek.se \",,,\n"	/* 10-11 */
		"Mette,Holm,'=cmd|x,'+45 20,'-1,'@2,\n"	/* 12: guards undone */
		"Bo,,,,,,\n";				/* 13, short of nothing */
	struct mu_arena a;
	struct contact_file out;
	struct mu_error err;

	mu_arena_init(&a);
	T_EQ(read_text(&a, text, CONTACT_LINKEDIN, &out, &err), 0, "rows: %s", err.message);
	T_EQ(out.n, 5, "five contacts");
	T_EQ(out.skipped_lines, 3, "three blank rows and lines");
	if (out.n == 5) {
		const struct contact *c = out.items;

		T_EQ(c[0].line, 5, "line of row 1");
		T_CHECK(!c[0].since && !c[0].urls.n && !c[0].emails.n && !c[0].organisation,
			"empty cells are NULL");
		T_EQ(c[1].line, 8, "line of row 2");
		T_CHECK(!c[1].full_name && !c[1].given && !c[1].family, "no name");
		T_STR(c[1].organisation, "Spotify", "but a company");
		T_STR(c[1].since, "2022-05-05", "and a date");
		T_EQ(c[2].line, 10, "line of row 3");
		T_STR(c[2].full_name, "Lars\nOlof Ek\"ström", "a name over two lines: '%s'",
		      show(c[2].full_name));
		T_STR(strs(&a, &c[2].emails), "lars@ek.se", "trimmed inside quotes");
		T_EQ(c[3].line, 12, "the line after a two-line row");
		T_STR(strs(&a, &c[3].urls), "=cmd|x", "URL guard undone");
		T_STR(strs(&a, &c[3].emails), "+45 20", "e-mail guard undone");
		T_STR(c[3].organisation, "-1", "company guard undone");
		T_STR(c[3].title, "@2", "position guard undone");
		T_EQ(c[4].line, 13, "last line");
		T_STR(c[4].full_name, "Bo", "one name part");
	}

	/* one row, LF or CRLF or CR: the same */
	{
		static const char *const ends[] = { "\n", "\r\n", "\r" };
		for (size_t i = 0; i < ARRAY_SIZE(ends); i++) {
			char buf[512];
			const char *e = ends[i];

			snprintf(buf, sizeof(buf), "Notes:%s\"a%sb\"%s%s" LI_HEADER
				 "%s\"Åsa%sB\",Ö,,,,,1 Jan 2020%sBo,Ek,,,,,%s", e, e, e, e, e, e, e,
				 e);
			T_EQ(read_text(&a, buf, CONTACT_ANY, &out, &err), 0, "ends %zu", i);
			T_EQ(out.n, 2, "ends %zu: two", i);
			if (out.n == 2) {
				T_EQ(out.items[0].line, 6, "ends %zu: line", i);
				T_EQ(out.items[1].line, 8, "ends %zu: next line", i);
				T_STR(out.items[0].given, "Åsa\nB", "ends %zu: break as \\n", i);
			}
		}
	}
	mu_arena_release(&a);
}

/* Every error, with the line where its row starts. */
static void test_errors(void)
{
	static const struct {
		const char *text;
		int code;
		const char *field, *msg;	/* msg: the start of the message */
	} cases[] = {
		{ "", MU_EINVAL, "", "the file is empty" },
		{ " \r\n\t\n", MU_EINVAL, "", "the file is empty" },
		{ "Name,E-mail\nÅsa,a@b.se\n", MU_EINVAL, "",
		  "no LinkedIn or Google Contacts header" },
		{ "Notes:\n\"never closed\n" LI_HEADER "\n", MU_EINVAL, "line 2",
		  "a quoted cell is never closed" },
		{ LI_HEADER "\n" LI_ROW "\nÅsa,Ö\"berg,,,,,\n", MU_EINVAL, "line 3",
		  "a '\"' inside a cell that is not quoted" },
		{ LI_HEADER "\n" LI_ROW "\n\"Åsa\"x,Öberg,,,,,\n", MU_EINVAL, "line 3",
		  "text after the closing quote of a cell" },
		{ LI_HEADER "\n" LI_ROW "\n\"Åsa\n\nB\" ,\"x\" y,,,,,\n", MU_EINVAL, "line 3",
		  "text after the closing quote of a cell (on line 5)" },
		{ LI_HEADER "\r\n" LI_ROW "\r\n" LI_ROW "\r\nA,B,,,,,\"open\r\n", MU_EINVAL,
		  "line 4", "a quoted cell is never closed" },
		{ "First Name,Last Name,Connected On\n\"a\nb\",c,Feb 12 2020\n", MU_EINVAL,
		  "line 2", "'Feb 12 2020' is not a date like 12 Mar 2024" },
	};
	struct mu_arena a;
	struct contact_file out;
	struct mu_error err;

	mu_arena_init(&a);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		T_EQ(read_text(&a, cases[i].text, CONTACT_ANY, &out, &err), cases[i].code,
		     "error %zu: %s", i, err.message);
		T_STR(err.field, cases[i].field, "error %zu: field '%s'", i, err.field);
		T_CHECK(!strncmp(err.message, cases[i].msg, strlen(cases[i].msg)),
			"error %zu: message '%s'", i, err.message);
	}

	/* a cell of 64 KiB + 1 on line 3 (the cell after a row of 2 lines) */
	{
		size_t n = CONTACTS_CSV_CELL_MAX + 1, len;
		char *text = malloc(n + 256);

		len = (size_t)snprintf(text, 256,
				       "First Name,Last Name,Connected On\n\"a\nb\",c,\nx,");
		memset(text + len, 'y', n);
		memcpy(text + len + n, ",\n", 3);
		T_EQ(read_text(&a, text, CONTACT_ANY, &out, &err), MU_ETOOBIG, "long cell");
		T_STR(err.field, "line 4", "long cell: field '%s'", err.field);
		/* exactly the limit is fine */
		text[len + n - 1] = ',';
		T_EQ(read_text(&a, text, CONTACT_ANY, &out, &err), 0, "64 KiB cell: %s",
		     err.message);
		T_EQ(out.n, 2, "64 KiB cell: rows");
		/* in a quoted cell spanning lines too */
		len = (size_t)snprintf(text, 256, "First Name,Last Name,Connected On\nx,\"");
		for (size_t i = 0; i < n; i++)
			text[len + i] = i % 100 == 99 ? '\n' : 'z';
		memcpy(text + len + n, "\",\n", 4);
		T_EQ(read_text(&a, text, CONTACT_ANY, &out, &err), MU_ETOOBIG, "long quoted cell");
		T_STR(err.field, "line 2", "long quoted cell: field '%s'", err.field);
		free(text);
	}

	/* 1,000,001 rows: too many, blank ones too; the error names the row past the limit */
	{
		static const char head[] = "First Name,Last Name,Connected On\n";
		size_t rows = CONTACTS_CSV_ROWS_MAX + 1, len = sizeof(head) - 1;
		char *text = malloc(len + rows * 2 + 1);

		memcpy(text, head, len);
		for (size_t i = 0; i < rows; i++, len += 2)
			memcpy(text + len, ",\n", 2);
		text[len] = '\0';
		T_EQ(read_text(&a, text, CONTACT_ANY, &out, &err), MU_ETOOBIG, "too many rows");
		T_STR(err.field, "line 1000002", "too many rows: field '%s'", err.field);
		text[len - 2] = '\0';	/* one row fewer: fine */
		T_EQ(read_text(&a, text, CONTACT_ANY, &out, &err), 0, "a million rows");
		T_EQ(out.n, 0, "all blank");
		T_EQ(out.skipped_lines, CONTACTS_CSV_ROWS_MAX, "a million passed over");
		free(text);
	}

	/* what the file is, when the caller wanted the other kind */
	T_EQ(read_text(&a, "\n\nFirst Name,Labels\nÅsa,x\n", CONTACT_LINKEDIN, &out, &err),
	     MU_EINVAL, "Google, not LinkedIn");
	T_STR(err.message, "this is a Google Contacts file, not a LinkedIn export", "message: %s",
	      err.message);
	T_STR(err.field, "line 3", "the header's line");
	T_EQ(read_text(&a, LI_HEADER "\n", CONTACT_GOOGLE, &out, &err), MU_EINVAL,
	     "LinkedIn, not Google");
	T_STR(err.message, "this is a LinkedIn export, not a Google Contacts file", "message: %s",
	      err.message);

	/* bytes the decoder refuses */
	T_EQ(contacts_csv_read(&a, "\xff\xfe" "F\0i\0r", 7, CONTACT_ANY, &out, &err), MU_EINVAL,
	     "half a UTF-16 character");
	T_EQ(contacts_csv_read(&a, "First Name\0", 11, CONTACT_ANY, &out, &err), MU_EINVAL,
	     "a NUL byte");
	mu_arena_release(&a);
}

/* UTF-8 text of the Basic Multilingual Plane as UTF-16 with a BOM. */
static size_t to_utf16(const char *s, char *out, int big)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	out[n++] = big ? '\xfe' : '\xff';
	out[n++] = big ? '\xff' : '\xfe';
	while (*p) {
		unsigned u;

		if (*p < 0x80)
			u = *p++;
		else if (*p < 0xE0)
			u = (p[0] & 0x1Fu) << 6 | (p[1] & 0x3Fu), p += 2;
		else
			u = (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu), p += 3;
		out[n++] = (char)(big ? u >> 8 : u & 0xFF);
		out[n++] = (char)(big ? u & 0xFF : u >> 8);
	}
	return n;
}

static void test_encodings(void)
{
	static const char text[] = "Notes:\r\n\"När du exporterar…\"\r\n\r\n" LI_HEADER "\r\n"
				   LI_ROW "\r\n";
	static const struct { const char *bytes; const char *enc; } cp[] = {
		/* Å s a , Ö b e r g in Windows-1252, and € (0x80) */
		{ "First Name,Last Name,Connected On\r\n\xc5sa,\xd6" "berg \x80,1 Jan 2020\r\n",
		  "Windows-1252" },
		{ "\xef\xbb\xbf" "First Name,Last Name,Connected On\r\nÅsa,Öberg €,1 Jan 2020\r\n",
		  "UTF-8" },
	};
	struct mu_arena a;
	struct contact_file out;
	struct mu_error err;
	char buf[1024];

	mu_arena_init(&a);
	for (int big = 0; big <= 1; big++) {
		size_t n = to_utf16(text, buf, big);

		mu_error_clear(&err);
		T_EQ(contacts_csv_read(&a, buf, n, CONTACT_ANY, &out, &err), 0, "UTF-16 %d: %s",
		     big, err.message);
		T_STR(out.encoding, big ? "UTF-16BE" : "UTF-16LE", "UTF-16 %d: encoding", big);
		T_EQ(out.n, 1, "UTF-16 %d: one", big);
		if (out.n == 1) {
			T_STR(out.items[0].full_name, "Åsa Öberg", "UTF-16 %d: name", big);
			T_STR(out.items[0].organisation, "Öresund Bygg, AB", "UTF-16 %d: company",
			      big);
			T_EQ(out.items[0].line, 5, "UTF-16 %d: line", big);
		}
	}
	for (size_t i = 0; i < ARRAY_SIZE(cp); i++) {
		T_EQ(read_text(&a, cp[i].bytes, CONTACT_ANY, &out, &err), 0, "8-bit %zu", i);
		T_STR(out.encoding, cp[i].enc, "8-bit %zu: encoding", i);
		T_EQ(out.n, 1, "8-bit %zu: one", i);
		if (out.n == 1) {
			T_STR(out.items[0].given, "Åsa", "8-bit %zu: given", i);
			T_STR(out.items[0].family, "Öberg €", "8-bit %zu: family", i);
		}
	}
	mu_arena_release(&a);
}

/* ---- the sample files ---- */

struct sample {
	const char *file;
	enum contact_kind kind;
	const char *encoding;
	char delim;
	size_t n, skipped;
	/* one contact in detail */
	size_t at;
	unsigned line;
	const char *full_name, *organisation, *title, *since, *emails, *phones, *tags, *city;
	unsigned last_line;	/* of the last contact */
};

static const struct sample samples[] = {
	{ "linkedin-2024.csv", CONTACT_LINKEDIN, "UTF-8", ',', 11, 0,
	  1, 7, "Søren Kierkegaard-Møller", "Nordisk Energi, A/S", "CFO", "2024-01-03",
	  "soren.moller@nordiskenergi.dk", "", "", NULL, 16 },
	{ "linkedin-2023-short-preamble.csv", CONTACT_LINKEDIN, "UTF-8", ',', 5, 0,
	  2, 7, "Oskar Hägg", "Hägg, Larsson & Partners", "Advokat", "2023-09-30", "", "", "",
	  NULL, 9 },
	{ "linkedin-2019.csv", CONTACT_LINKEDIN, "UTF-8", ',', 6, 0,
	  0, 2, "Gunnel Persson", "Telia Company", "Key Account Manager", "2019-10-08",
	  "gunnel.persson@telia.com", "", "", NULL, 7 },
	{ "linkedin-utf16le.csv", CONTACT_LINKEDIN, "UTF-16LE", ',', 3, 0,
	  2, 7, "Zoë Ångström 🇸🇪", "Lunds universitet", "Doktorand", "2023-09-05", "", "", "",
	  NULL, 7 },
	{ "google-current.csv", CONTACT_GOOGLE, "UTF-8", ',', 5, 0,
	  0, 2, "Åsa Öberg", "Öresund Bygg AB", "Projektledare", NULL,
	  "asa.oberg@oresundbygg.se|asa.oberg@gmail.com", "+46 70 123 45 67|040-12 34 56",
	  "Kunder", "Malmö", 10 },
	{ "google-legacy.csv", CONTACT_GOOGLE, "UTF-8", ',', 4, 0,
	  0, 2, "Lars Ekström", "Malmö stad", "Utvecklingsstrateg", NULL,
	  "lars.ekstrom@malmo.se|lars.ekstrom@telia.com", "+46 70 555 12 34", "Kunder|Malmö",
	  "Malmö", 5 },
	{ "google-excel-semicolon-cp1252.csv", CONTACT_GOOGLE, "Windows-1252", ';', 3, 1,
	  1, 3, "Søren Kierkegaard-Møller", "Nordisk Energi, A/S", "CFO", NULL,
	  "soren.moller@nordiskenergi.dk", "", "", "Århus", 6 },
	{ "google-utf8-bom.csv", CONTACT_GOOGLE, "UTF-8", ',', 2, 0,
	  0, 2, "Ingrid Bergström", "Region Skåne", "Enhetschef", NULL,
	  "ingrid.bergstrom@skane.se", "040-675 30 00", "Region", "Kristianstad", 3 },
};

static void test_sample(struct mu_arena *a, const struct sample *s)
{
	char path[256];
	struct contact_file out;
	struct mu_error err;
	const struct contact *c;
	size_t len = 0;
	char *data;

	snprintf(path, sizeof(path), "tests/data/contacts/%s", s->file);
	data = t_slurp(path, &len);
	T_CHECK(data != NULL, "%s: cannot read", path);
	if (!data)
		return;
	mu_error_clear(&err);
	T_EQ(contacts_csv_read(a, data, len, CONTACT_ANY, &out, &err), 0, "%s: %s: %s", s->file,
	     err.field, err.message);
	free(data);
	if (err.code)
		return;
	T_EQ(out.kind, s->kind, "%s: kind", s->file);
	T_STR(out.encoding, s->encoding, "%s: encoding %s", s->file, out.encoding);
	T_EQ(out.delimiter, s->delim, "%s: delimiter", s->file);
	T_EQ(out.n, s->n, "%s: %zu contacts", s->file, out.n);
	T_EQ(out.skipped_lines, s->skipped, "%s: %zu skipped", s->file, out.skipped_lines);
	if (out.n != s->n)
		return;
	c = &out.items[s->at];
	T_EQ(c->line, s->line, "%s: line %u", s->file, c->line);
	T_OPT(c->full_name, s->full_name, "%s: name '%s'", s->file, show(c->full_name));
	T_OPT(c->organisation, s->organisation, "%s: organisation '%s'", s->file,
	      show(c->organisation));
	T_OPT(c->title, s->title, "%s: title", s->file);
	T_OPT(c->since, s->since, "%s: since", s->file);
	T_OPT(c->city, s->city, "%s: city", s->file);
	T_STR(strs(a, &c->emails), s->emails, "%s: emails %s", s->file, strs(a, &c->emails));
	T_STR(strs(a, &c->phones), s->phones, "%s: phones %s", s->file, strs(a, &c->phones));
	T_STR(strs(a, &c->tags), s->tags, "%s: tags %s", s->file, strs(a, &c->tags));
	T_EQ(out.items[out.n - 1].line, s->last_line, "%s: last line %u", s->file,
	     out.items[out.n - 1].line);
}

void test_linkedin_read(void)
{
	struct mu_arena a;

	test_preambles();
	test_dates();
	test_linkedin_rows();
	test_errors();
	test_encodings();
	mu_arena_init(&a);
	for (size_t i = 0; i < ARRAY_SIZE(samples); i++)
		if (samples[i].kind == CONTACT_LINKEDIN)
			test_sample(&a, &samples[i]);
	mu_arena_release(&a);
}

/* ---- Google ---- */

/* Groups in any order and number; the primary value first; labels to tags. */
static void test_google_groups(void)
{
	static const char text[] =
		"E-mail 2 - Value,E-mail 2 - Label,First Name,E-mail 10 - Value,Labels,"
		"E-mail 1 - Value,E-mail 1 - Label,Phone 3 - Value,Phone 1 - Value,"
		"Phone 1 - Label,Address 2 - City,Address 1 - Country,Address 2 - Country,"
		"Address 1 - Label,Address 2 - Label,Website 1 - Value,Custom Field 1 - Value,"
		"Last Name\n"
		/* 2: numbers 1, 2, 10 (not 1, 10, 2); no label primary */
		"two@x.se,Home,Åsa,ten@x.se,Kunder ::: * myContacts ::: * starred,one@x.se,Work,"
		"p3,p1,Mobile,Lund,,Sverige,,,https://a.se ::: https://b.se,custom,Öberg\n"
		/* 3: the primary in group 2, a label per value, system groups other than
		 * myContacts/starred become tags, the primary address first */
		"two@x.se,* Work,Bo,,* Friends ::: Styrelse ::: * My Contacts ::: * * Starred,"
		"one@x.se,Home,,p1 ::: p2,Home ::: * Mobile,Malmö,Danmark,Sverige,,* Work,,,Ek\n"
		/* 4: labels one by one: the second of two values is primary */
		"two@x.se,,Cy,,,\"a@x.se ::: b@x.se\",\"Home ::: * Work\",,p1 ::: p2 ::: p3,"
		"* Mobile,,,,,* Home,,,\n";
	struct mu_arena a;
	struct contact_file out;
	struct mu_error err;

	mu_arena_init(&a);
	T_EQ(read_text(&a, text, CONTACT_GOOGLE, &out, &err), 0, "groups: %s", err.message);
	T_EQ(out.n, 3, "three");
	if (out.n == 3) {
		const struct contact *c = out.items;

		T_STR(c[0].full_name, "Åsa Öberg", "name");
		T_STR(strs(&a, &c[0].emails), "one@x.se|two@x.se|ten@x.se", "numeric order: %s",
		      strs(&a, &c[0].emails));
		T_STR(strs(&a, &c[0].phones), "p1|p3", "phones: %s", strs(&a, &c[0].phones));
		T_STR(strs(&a, &c[0].tags), "Kunder", "system groups dropped: %s",
		      strs(&a, &c[0].tags));
		T_STR(strs(&a, &c[0].urls), "https://a.se|https://b.se", "two urls in one cell");
		T_STR(c[0].city, "Lund", "city of the first address with one");
		T_STR(c[0].country, "Sverige", "and its country");
		T_STR(strs(&a, &c[1].emails), "two@x.se|one@x.se", "primary first: %s",
		      strs(&a, &c[1].emails));
		T_STR(strs(&a, &c[1].phones), "p2|p1", "label per value: %s",
		      strs(&a, &c[1].phones));
		T_STR(strs(&a, &c[1].tags), "Friends|Styrelse", "tags: %s", strs(&a, &c[1].tags));
		T_STR(c[1].city, "Malmö", "city of the primary address");
		T_STR(c[1].country, "Sverige", "the country of the same address: %s",
		      show(c[1].country));
		T_STR(strs(&a, &c[2].emails), "b@x.se|a@x.se|two@x.se", "positional primary: %s",
		      strs(&a, &c[2].emails));
		T_STR(strs(&a, &c[2].phones), "p1|p2|p3", "one label for all: %s",
		      strs(&a, &c[2].phones));
		T_CHECK(!c[2].city && !c[2].country, "no address");
		T_EQ(c[2].tags.n, 0, "no tags");
	}
	mu_arena_release(&a);
}

/* Names, birthdays, organisations: today's and the older columns. */
static void test_google_fields(void)
{
	static const struct {
		const char *birthday, *want;
	} birthdays[] = {
		{ "1980-05-12", "1980-05-12" }, { "--05-12", "--05-12" }, { "--02-29", "--02-29" },
		{ "2000-02-29", "2000-02-29" }, { "1980-02-30", NULL }, { "12/05/1980", NULL },
		{ "--13-01", NULL }, { "1980-5-12", NULL }, { "0000-01-01", NULL }, { "", NULL },
		{ "May 12", NULL }, { " 1980-05-12 ", "1980-05-12" },
	};
	static const char current[] =
		"First Name,Middle Name,Last Name,Name Prefix,Name Suffix,Nickname,File As,"
		"Organization Name,Organization Title,Organization Department,Notes,Labels\n"
		",,,,,,Öresund Bygg AB,Öresund Bygg AB,,,,\n"		/* a company: no name */
		",,,,,,\"Bygg, Åsa\",Öresund Bygg AB,,,,\n"		/* File As */
		",,,,,Mormor,,,,,,\n"					/* Nickname */
		",,,,,Acme,,Acme,,,,\n"					/* Nickname = company */
		"Karl,Johan,Svensson,Dr.,Jr.,Kalle,Svensson Karl,Region Skåne,Överläkare,"
		"Kirurgi,\"rad 1\r\nrad 2\rrad 3\",\n";
	static const char legacy[] =
		"Name,Given Name,Additional Name,Family Name,Group Membership,"
		"Organization 1 - Type,Organization 1 - Name,Organization 1 - Title,"
		"Organization 2 - Type,Organization 2 - Name,Organization 2 - Department,"
		"E-mail 1 - Type,E-mail 1 - Value\n"
		"Mette Holm (Novo),Mette,,Holm,* My Contacts ::: Kunder,Work,Gamla AB,Säljare,"
		"* Work,Novo Nordisk,Diabetes,* Work ::: Home,a@novo.dk ::: b@mail.dk\n"
		",Jens,Peter,Ørsted,,,,Konsult,,,,,\n"
		",,,,,,,,,Skånetrafiken,,,\r\n"
		"\"Name\nover\r\nthree\",,,,,,,,,,,,\r\n"	/* lines 5-7, CRLF */
		",,,,,,,,,Västtrafik,,,\n";			/* line 8, LF */
	struct mu_arena a;
	struct contact_file out;
	struct mu_error err;
	char text[256];

	mu_arena_init(&a);
	for (size_t i = 0; i < ARRAY_SIZE(birthdays); i++) {
		snprintf(text, sizeof(text), "First Name,Birthday,Labels\nÅsa,%s,\n",
			 birthdays[i].birthday);
		T_EQ(read_text(&a, text, CONTACT_GOOGLE, &out, &err), 0, "birthday %zu", i);
		T_EQ(out.n, 1, "birthday %zu: one", i);
		if (out.n == 1)
			T_OPT(out.items[0].birthday, birthdays[i].want, "birthday '%s': got '%s'",
			      birthdays[i].birthday, show(out.items[0].birthday));
	}

	T_EQ(read_text(&a, current, CONTACT_ANY, &out, &err), 0, "current: %s", err.message);
	T_EQ(out.kind, CONTACT_GOOGLE, "current: kind");
	T_EQ(out.n, 5, "current: five");
	if (out.n == 5) {
		const struct contact *c = out.items;

		T_CHECK(!c[0].full_name, "a company's card has no name: '%s'",
			show(c[0].full_name));
		T_STR(c[0].organisation, "Öresund Bygg AB", "but its organisation");
		T_STR(c[1].full_name, "Bygg, Åsa", "File As");
		T_STR(c[2].full_name, "Mormor", "Nickname");
		T_CHECK(!c[3].full_name, "a nickname that is the company: no name");
		T_STR(c[4].full_name, "Dr. Karl Johan Svensson Jr.", "parts joined");
		T_STR(c[4].middle, "Johan", "middle");
		T_STR(c[4].organisation, "Region Skåne", "organisation");
		T_STR(c[4].title, "Överläkare", "title");
		T_STR(c[4].department, "Kirurgi", "department");
		T_STR(c[4].note, "rad 1\nrad 2\nrad 3", "line breaks as \\n");
		T_EQ(c[4].line, 6, "one row a line");
	}

	T_EQ(read_text(&a, legacy, CONTACT_GOOGLE, &out, &err), 0, "legacy: %s", err.message);
	T_EQ(out.n, 5, "legacy: five");
	if (out.n == 5) {
		const struct contact *c = out.items;

		T_STR(c[0].full_name, "Mette Holm (Novo)", "the Name column first");
		T_STR(c[0].given, "Mette", "given");
		T_STR(c[0].organisation, "Novo Nordisk", "the primary organisation");
		T_CHECK(!c[0].title, "and only its fields");
		T_STR(c[0].department, "Diabetes", "department");
		T_STR(strs(&a, &c[0].emails), "a@novo.dk|b@mail.dk", "emails");
		T_STR(strs(&a, &c[0].tags), "Kunder", "tags");
		T_STR(c[1].full_name, "Jens Peter Ørsted", "Additional Name");
		T_STR(c[1].title, "Konsult", "title alone");
		T_CHECK(!c[2].full_name, "organisation only");
		T_STR(c[2].organisation, "Skånetrafiken", "organisation");
		T_EQ(c[2].line, 4, "line of row 3");
		T_STR(c[3].full_name, "Name\nover\nthree", "a name over three lines");
		T_EQ(c[3].line, 5, "line of row 4");
		T_EQ(c[4].line, 8, "the line after it");
	}
	mu_arena_release(&a);
}

/* ',' or ';': whichever splits the header into more known names. */
static void test_google_delimiters(void)
{
	static const struct {
		const char *text;
		char delim;
		enum contact_kind kind;
		const char *org;
	} cases[] = {
		{ "First Name;Last Name;Organization Name;Labels\r\nÅsa;Öberg;Bygg, Syd AB;\r\n",
		  ';', CONTACT_GOOGLE, "Bygg, Syd AB" },
		{ "First Name;Last Name;Organization Name\r\nÅsa;Öberg;\"Bygg; Syd, AB\"\r\n", ';',
		  CONTACT_GOOGLE, "Bygg; Syd, AB" },
		{ "First Name,Last Name,Organization Name\nÅsa,Öberg,Bygg; Syd AB\n", ',',
		  CONTACT_GOOGLE, "Bygg; Syd AB" },
		/* a LinkedIn file saved by Nordic Excel */
		{ "Notes:;;;;;;\r\n\"Some, text\";;;;;;\r\n;;;;;;\r\nFirst Name;Last Name;URL;"
		  "Email Address;Company;Position;Connected On\r\nÅsa;Öberg;;;Bygg, Syd AB;VD;"
		  "12 Mar 2024\r\n", ';', CONTACT_LINKEDIN, "Bygg, Syd AB" },
		/* a header of either kind whichever the delimiter: more known names win */
		{ "First Name;Labels;x,First Name,Labels,Notes,Birthday\nz,Åsa,Kund,n,\n", ',',
		  CONTACT_GOOGLE, NULL },	/* ',': 4 names; ';': 2 */
		{ "First Name,Labels,x;First Name;Labels;Notes;Birthday\nz;Åsa;Kund;n;\n", ';',
		  CONTACT_GOOGLE, NULL },	/* ',': 2 names; ';': 4 */
	};
	struct mu_arena a;
	struct contact_file out;
	struct mu_error err;

	mu_arena_init(&a);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		T_EQ(read_text(&a, cases[i].text, CONTACT_ANY, &out, &err), 0, "delimiter %zu: %s",
		     i, err.message);
		T_EQ(out.delimiter, cases[i].delim, "delimiter %zu: '%c'", i, out.delimiter);
		T_EQ(out.kind, cases[i].kind, "delimiter %zu: kind", i);
		T_EQ(out.n, 1, "delimiter %zu: one", i);
		if (out.n == 1) {
			T_STR(out.items[0].given, "Åsa", "delimiter %zu: given", i);
			T_OPT(out.items[0].organisation, cases[i].org, "delimiter %zu: org '%s'", i,
			      show(out.items[0].organisation));
		}
	}
	/* a ';' header below the ',' one is data, however many names it has */
	T_EQ(read_text(&a, "First Name,Labels\nx;y\nFirst Name;Labels;Notes;Birthday;File As\n",
		       CONTACT_ANY, &out, &err), 0, "the first header");
	T_EQ(out.delimiter, ',', "',' found first");
	T_EQ(out.n, 2, "two rows of data");
	mu_arena_release(&a);
}

void test_google_read(void)
{
	struct mu_arena a;

	test_google_groups();
	test_google_fields();
	test_google_delimiters();
	mu_arena_init(&a);
	for (size_t i = 0; i < ARRAY_SIZE(samples); i++)
		if (samples[i].kind == CONTACT_GOOGLE)
			test_sample(&a, &samples[i]);
	mu_arena_release(&a);
}
