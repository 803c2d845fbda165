/*
 * test_vcard.c - the vCard reader and writer (src/io/vcard.c).
 *
 * Reading: cards in each version, folding with CRLF and LF (and inside a UTF-8
 * character), groups, parameters (quoted, repeated, 2.1's bare ones), quoted-printable
 * with soft breaks and CHARSET, PREF in the three styles, escapes per version, N as the
 * full name, birthdays, photos and nested cards passed over, every error with its line,
 * and the sample exports in tests/data/contacts. Each case compares a dump of every
 * field of every card, so a field that comes out wrong or extra fails the case.
 * Writing: the exact lines for a full contact, the ical_property it writes through,
 * the buffer limit, and the round trip (write, read back, same fields) on nasty values
 * and on every sample file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"
#include "io/contact.h"
#include "io/ical.h"
#include "io/vcard.h"

void test_vcard_read(void);
void test_vcard_write(void);

/* "[encoding] fn=..|given=..|email=a,b || next card": the set fields in struct order. */
static const char *dump(struct mu_buf *b, const struct contact_file *f)
{
	static const char *const names[] = { "fn", "given", "family", "middle", "prefix",
		"suffix", "org", "dept", "title", "note", "bday", "city", "country" };

	mu_buf_reset(b);
	mu_buf_addf(b, "[%s]", f->encoding ? f->encoding : "?");
	for (size_t i = 0; i < f->n; i++) {
		const struct contact *c = &f->items[i];
		const char *v[] = { c->full_name, c->given, c->family, c->middle, c->prefix,
			c->suffix, c->organisation, c->department, c->title, c->note,
			c->birthday, c->city, c->country };
		const struct { const char *name; const struct contact_strings *l; } lists[] = {
			{ "email", &c->emails }, { "tel", &c->phones }, { "url", &c->urls },
			{ "tag", &c->tags },
		};
		const char *sep = " ";

		if (i)
			mu_buf_adds(b, " ||");
		for (size_t k = 0; k < ARRAY_SIZE(v); k++) {
			if (v[k]) {
				mu_buf_addf(b, "%s%s=%s", sep, names[k], v[k]);
				sep = "|";
			}
		}
		for (size_t k = 0; k < ARRAY_SIZE(lists); k++) {
			if (!lists[k].l->n)
				continue;
			mu_buf_addf(b, "%s%s=", sep, lists[k].name);
			for (size_t j = 0; j < lists[k].l->n; j++)
				mu_buf_addf(b, "%s%s", j ? "," : "", lists[k].l->v[j]);
			sep = "|";
		}
	}
	return mu_buf_str(b);
}

static const char *or_null(const char *s)
{
	return s ? s : "(null)";
}

static int read_text(struct mu_arena *a, const char *s, size_t len, struct contact_file *f,
		     struct mu_error *err)
{
	mu_error_clear(err);
	return vcard_read(a, s, len, f, err);
}

#define CARD(body) "BEGIN:VCARD\r\n" body "END:VCARD\r\n"

static void test_cases(struct mu_arena *a, struct mu_buf *b)
{
	static const struct { const char *name, *in, *want; } cases[] = {
		{ "3.0, CRLF",
		  CARD("VERSION:3.0\r\nFN:Åsa Öberg\r\nN:Öberg;Åsa;;;\r\n"
		       "ORG:Öresundskraft AB;Kundservice\r\nTITLE:Projektledare\r\n"
		       "EMAIL:asa@oberg.nu\r\nTEL:+46 70 123 45 67\r\nURL:https://oberg.nu\r\n"
		       "NOTE:Ring efter lunch\r\nBDAY:19800512\r\nCATEGORIES:Kund,BNI\r\n"
		       "ADR:;;Storgatan 12;Malmö;;211 34;Sverige\r\n"),
		  "[UTF-8] fn=Åsa Öberg|given=Åsa|family=Öberg|org=Öresundskraft AB|"
		  "dept=Kundservice|title=Projektledare|note=Ring efter lunch|bday=1980-05-12|"
		  "city=Malmö|country=Sverige|email=asa@oberg.nu|tel=+46 70 123 45 67|"
		  "url=https://oberg.nu|tag=Kund,BNI" },
		{ "LF, names in any case, two cards",
		  "begin:vcard\nversion:3.0\nfn:Søren Kjær\nEnd:VCard\n"
		  "BEGIN:VCARD\nVERSION:4.0\nFn:Märta\nEND:vcard\n",
		  "[UTF-8] fn=Søren Kjær || fn=Märta" },
		{ "no newline at the end", "BEGIN:VCARD\r\nFN:a\r\nEND:VCARD",
		  "[UTF-8] fn=a" },
		{ "3.0 folding: CRLF + space or tab, one whitespace dropped",
		  CARD("VERSION:3.0\r\nFN:Mär\r\n ta Ljung\r\n\tqvist\r\nNOTE:a\r\n  b\r\n"),
		  "[UTF-8] fn=Märta Ljungqvist|note=a b" },
		{ "4.0 folding with LF, in the name and the parameters too",
		  "BEGIN:VCARD\nVERSION:4.0\nFN:Sø\n ren\nEMAIL:a@x.se\nEM\n AIL;PR\n EF=1:b@x.se\n"
		  "END:VCARD\n",
		  "[UTF-8] fn=Søren|email=b@x.se,a@x.se" },
		{ "2.1 folding keeps the whitespace (RFC 822)",
		  CARD("VERSION:2.1\r\nNOTE:one\r\n two\r\n"), "[UTF-8] note=one two" },
		{ "UTF-8 split by a fold: joined again",
		  CARD("VERSION:3.0\r\nFN:\xc3\r\n \x85sa \xc3\r\n \x96\r\n berg\r\n"),
		  "[UTF-8] fn=Åsa Öberg" },
		{ "groups",
		  CARD("VERSION:3.0\r\nFN:a\r\nitem1.EMAIL;type=INTERNET:a@x.se\r\n"
		       "item2.EMAIL;type=INTERNET;type=pref:b@x.se\r\nitem2.X-ABLabel:_$!<Work>!$_\r\n"
		       "item3.TEL:040-12\r\nITEM4.url:https://x.se\r\n"),
		  "[UTF-8] fn=a|email=b@x.se,a@x.se|tel=040-12|url=https://x.se" },
		{ "2.1 quoted-printable: soft breaks (also with spaces after '='), =0D=0A",
		  CARD("VERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE:Rad ett=0D=0ARad =  \r\n"
		       "tv=C3=A5=\r\n och =\r\n=E2=82=AC\r\nFN:a\r\n"),
		  "[UTF-8] fn=a|note=Rad ett\nRad två och €" },
		{ "quoted-printable with CHARSET windows-1252 and ISO-8859-1",
		  CARD("VERSION:2.1\r\nN;CHARSET=windows-1252;ENCODING=QUOTED-PRINTABLE:=D6berg;=C5sa\r\n"
		       "ORG;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:K=E6rgaard A/S\r\n"
		       "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:=80 5=\r\n000 =96 =93ok=94\r\n"),
		  "[UTF-8] fn=Åsa Öberg|given=Åsa|family=Öberg|org=Kærgaard A/S|"
		  "note=€ 5000 – “ok”" },
		{ "a CHARSET is believed even where the bytes would be UTF-8",
		  CARD("VERSION:2.1\r\nFN;CHARSET=windows-1252;ENCODING=QUOTED-PRINTABLE:=C3=A5\r\n"),
		  "[UTF-8] fn=Ã¥" },
		{ "quoted-printable: CHARSET=UTF-8; bytes not UTF-8 read as Windows-1252; bad escapes kept",
		  CARD("VERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=85sa=20=C3=96berg\r\n"
		       "TITLE;ENCODING=QUOTED-PRINTABLE:Direkt=F8r\r\n"
		       "NOTE;ENCODING=QUOTED-PRINTABLE:a=ZZb=3=00c=3d= d\r\n"),
		  "[UTF-8] fn=Åsa Öberg|title=Direktør|note=a=ZZb=3c== d" },
		{ "a Windows-1252 file",
		  CARD("VERSION:2.1\r\nFN:\xc5sa \xd6" "berg\r\nNOTE:\x80 \x93\x94\r\n"),
		  "[Windows-1252] fn=Åsa Öberg|note=€ “”" },
		{ "a UTF-8 BOM", "\xef\xbb\xbf" CARD("FN:Åsa\r\n"), "[UTF-8] fn=Åsa" },
		{ "CHARSET without quoted-printable: the file's encoding decides",
		  CARD("VERSION:2.1\r\nFN;CHARSET=ISO-8859-1:Åsa\r\n"), "[UTF-8] fn=Åsa" },
		{ "4.0 PREF=n: lowest first, stable, then the rest in order",
		  CARD("VERSION:4.0\r\nEMAIL:n1@x\r\nEMAIL;PREF=3:p3a@x\r\nEMAIL;PREF=1:p1@x\r\n"
		       "EMAIL:n2@x\r\nEMAIL;PREF=3:p3b@x\r\nEMAIL;PREF=0:n3@x\r\nEMAIL;PREF=x:n4@x\r\n"
		       "TEL:1\r\nTEL;VALUE=uri;TYPE=\"work,voice\";PREF=1:tel:+46-70-123-45-67\r\n"),
		  "[UTF-8] email=p1@x,p3a@x,p3b@x,n1@x,n2@x,n3@x,n4@x|tel=+46-70-123-45-67,1" },
		{ "3.0 TYPE=pref: repeated TYPE, TYPE=a,pref, quoted",
		  CARD("VERSION:3.0\r\nTEL;TYPE=CELL:1\r\nTEL;TYPE=WORK,PREF:2\r\n"
		       "EMAIL;type=INTERNET:a\r\nEMAIL;TYPE=\"internet,pref\":b\r\n"
		       "URL:u1\r\nURL;type=HOME;type=pref:u2\r\n"),
		  "[UTF-8] email=b,a|tel=2,1|url=u2,u1" },
		{ "2.1 bare PREF among bare types",
		  CARD("VERSION:2.1\r\nTEL;WORK;VOICE:1\r\nTEL;CELL;PREF:2\r\n"
		       "EMAIL;INTERNET:a\r\nEMAIL;PREF;INTERNET:b\r\n"),
		  "[UTF-8] email=b,a|tel=2,1" },
		{ "3.0 escapes: \\n \\N \\, \\; \\\\ \\: kept as meant, others as written",
		  CARD("VERSION:3.0\r\nNOTE:a\\nb\\Nc\\,d\\;e\\\\f\\:g\\xh\\\r\n"),
		  "[UTF-8] note=a\nb\nc,d;e\\f:g\\xh\\" },
		{ "2.1 escapes: only \\; and \\,",
		  CARD("VERSION:2.1\r\nNOTE:C:\\new\\; x\\,y \\\\z\r\n"),
		  "[UTF-8] note=C:\\new; x,y \\\\z" },
		{ "structured values split on unescaped ';' only",
		  CARD("VERSION:3.0\r\nN:O\\;Brien;Se\\,án;;;\r\n"
		       "ADR:;;Gata 1\\; uppgång B;Malmö\\\\;;;Sverige\r\nORG:A\\;B;C;D\r\n"),
		  "[UTF-8] fn=Se,án O;Brien|given=Se,án|family=O;Brien|org=A;B|dept=C|"
		  "city=Malmö\\|country=Sverige" },
		{ "no FN: the parts of N, prefix given middle family suffix",
		  CARD("VERSION:4.0\r\nN:Ljungqvist;Märta;Eva;Dr.;PhD\r\n"),
		  "[UTF-8] fn=Dr. Märta Eva Ljungqvist PhD|given=Märta|family=Ljungqvist|"
		  "middle=Eva|prefix=Dr.|suffix=PhD" },
		{ "no FN, no N: no names; an empty FN is no FN",
		  CARD("VERSION:3.0\r\nEMAIL:x@y\r\n") CARD("FN:\r\nN:;Åsa;;;\r\n")
		  CARD("FN:  \r\nN:;;;;\r\nTEL:1\r\n"),
		  "[UTF-8] email=x@y || fn=Åsa|given=Åsa || tel=1" },
		{ "single values: the first, unless a later one is preferred",
		  CARD("FN:A\r\nFN:B\r\nTITLE:\r\nTITLE:t2\r\nORG:;\r\nORG:o2\r\n")
		  CARD("FN:A\r\nFN;PREF=1:B\r\nFN;PREF=2:C\r\nN;PREF=1:F;G\r\nN:X;Y\r\n"),
		  "[UTF-8] fn=A|org=o2|title=t2 || fn=B|given=G|family=F" },
		{ "ADR: the preferred one with a city or country, else the first",
		  CARD("VERSION:4.0\r\nADR;TYPE=home:;;Gata 1;;;;\r\n"
		       "ADR;TYPE=work:;;;Lund;;;Sverige\r\nADR;TYPE=home;PREF=1:;;;Malmö;;;\r\n")
		  CARD("VERSION:3.0\r\nADR;TYPE=WORK:;;;Lund;;;\r\nADR;TYPE=HOME:;;;Ystad;;;\r\n")
		  CARD("VERSION:3.0\r\nADR:;;;;;;Danmark\r\n"),
		  "[UTF-8] city=Malmö || city=Lund || country=Danmark" },
		{ "3.0 PHOTO folded over many lines",
		  CARD("VERSION:3.0\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ\r\n SkZJRg\r\n ABAQ==\r\n"
		       "FN:a\r\nLOGO;ENCODING=B:R0lG\r\n ODdh\r\nSOUND;ENCODING=b:AA\r\nKEY;ENCODING=b:AA\r\n"),
		  "[UTF-8] fn=a" },
		{ "2.1 PHOTO: a base64 block up to a blank line, unindented or indented",
		  CARD("VERSION:2.1\r\nPHOTO;TYPE=JPEG;ENCODING=BASE64:\r\n/9j/4AAQSkZJRg\r\n"
		       "ABAQAAAQ==\r\n\r\nFN:a\r\nLOGO;GIF;BASE64:\r\n    R0lGODdh\r\n    AQABAAA=\r\n\r\n"
		       "TEL:1\r\n"),
		  "[UTF-8] fn=a|tel=1" },
		{ "a nested card (2.1 AGENT) is passed over whole",
		  CARD("VERSION:2.1\r\nFN:Åsa Öberg\r\nAGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\n"
		       "FN:Assistent\r\nTEL:999\r\nAGENT:\r\nbegin:vcard\r\nFN:x\r\nend:vcard\r\n"
		       "no colon here\r\nEND:VCARD\r\nTEL:123\r\n"),
		  "[UTF-8] fn=Åsa Öberg|tel=123" },
		{ "3.0 AGENT as a value",
		  CARD("VERSION:3.0\r\nAGENT:BEGIN:VCARD\\nFN:Assistent\\nEND:VCARD\r\nFN:a\r\n"),
		  "[UTF-8] fn=a" },
		{ "blank lines anywhere",
		  "\r\n\r\nBEGIN:VCARD\r\n\r\nFN:a\r\n \r\n\r\nEND:VCARD\r\n\r\n\t\r\n"
		  "BEGIN:VCARD\r\nFN:b\r\nEND:VCARD\r\n\r\n",
		  "[UTF-8] fn=a || fn=b" },
		{ "mailto: and tel: dropped, however often and in any case",
		  CARD("VERSION:4.0\r\nEMAIL:mailto:a@x.se\r\nEMAIL;TYPE=work:MAILTO: b@x.se\r\n"
		       "EMAIL:mailto:\r\nTEL;VALUE=uri:tel:+46-70-1\r\nTEL:TEL:tel:2\r\n"
		       "URL:https://x.se/a,b\r\n"),
		  "[UTF-8] email=a@x.se,b@x.se|tel=+46-70-1,2|url=https://x.se/a,b" },
		{ "control characters dropped, values trimmed, empty ones absent",
		  CARD("FN:  \t Åsa \x01Öberg\x7f\xc2\x85  \r\nTITLE:   \r\nNOTE:\r\n"
		       "CATEGORIES:,a, ,b\\,c,\r\nCATEGORIES:\r\nEMAIL:\r\nTEL: \r\nURL:\r\n"
		       "ORG:;\r\nN:;;;;\r\nBDAY:\r\n"),
		  "[UTF-8] fn=Åsa Öberg|tag=a,b,c" },
		{ "properties without a field are passed over",
		  CARD("VERSION:4.0\r\nX-FOO;BAR=\"a:b\":baz\r\nKIND:individual\r\nGENDER:F\r\n"
		       "PRODID:-//x//y\r\nREV:20240101T000000Z\r\nUID:1\r\nLABEL:x\r\nNICKNAME:Sø,S\r\n"
		       "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Åsa;1;;;;;;;;;;;;;\r\n"
		       "RELATED:urn:x\r\nFN:a\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nIMPP:xmpp:a@b\r\n"),
		  "[UTF-8] fn=a" },
		{ "a quoted parameter value holds ':' and ';'",
		  CARD("VERSION:4.0\r\nADR;LABEL=\"Gata 1; Malmö: Sverige\":;;Gata 1;Malmö;;;Sverige\r\n"
		       "TITLE;X-A=\"a:b\";TYPE=work:VD\r\n"),
		  "[UTF-8] title=VD|city=Malmö|country=Sverige" },
		{ "an unclosed quote: the first ':' after all",
		  CARD("VERSION:4.0\r\nTITLE;X=\"a:VD\r\n"), "[UTF-8] title=VD" },
		{ "Apple: X-APPLE-OMIT-YEAR and an escaped ':' in a URL",
		  CARD("VERSION:3.0\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-11-03\r\n"
		       "item1.URL;type=pref:https\\://x.se\r\n")
		  CARD("VERSION:3.0\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1980-11-03\r\n"),
		  "[UTF-8] bday=--11-03|url=https://x.se || bday=1980-11-03" },
	};
	struct contact_file f;
	struct mu_error err;

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		int rc = read_text(a, cases[i].in, strlen(cases[i].in), &f, &err);

		T_EQ(rc, 0, "%s: %s: %s", cases[i].name, err.field, err.message);
		if (rc == 0)
			T_STR(dump(b, &f), cases[i].want, "%s:\n got '%s'\nwant '%s'", cases[i].name,
			      mu_buf_str(b), cases[i].want);
		T_EQ(f.kind, CONTACT_VCARD, "%s: kind", cases[i].name);
		T_EQ(f.delimiter, 0, "%s: no delimiter", cases[i].name);
	}
}

static void test_birthdays(struct mu_arena *a)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "19800512", "1980-05-12" },
		{ "1980-05-12", "1980-05-12" },
		{ "1980-05-12T00:00:00Z", "1980-05-12" },
		{ "19800512T083000", "1980-05-12" },
		{ "--0512", "--05-12" },
		{ "--05-12", "--05-12" },
		{ " 1980-05-12 ", "1980-05-12" },	/* trimmed first */
		{ "2000-02-29", "2000-02-29" },		/* 2000 is divisible by 400 */
		{ "--0229", "--02-29" },			/* no year: any leap year */
		{ "0000-01-01", "0000-01-01" },
		{ "1900-02-29", NULL },			/* 1900: divisible by 100, not 400 */
		{ "1981-02-29", NULL },
		{ "1980-04-31", NULL },
		{ "1980-13-01", NULL },
		{ "1980-00-10", NULL },
		{ "1980-05-00", NULL },
		{ "--1305", NULL },
		{ "---12", NULL },			/* 4.0's day alone: no month */
		{ "1980-05", NULL },
		{ "1980", NULL },
		{ "198005121", NULL },
		{ "1980-05-12x", NULL },
		{ "12.05.1980", NULL },
		{ "circa 1800", NULL },
		{ "--05-12-", NULL },
	};
	char text[128];
	struct contact_file f;
	struct mu_error err;

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		snprintf(text, sizeof(text), "BEGIN:VCARD\r\nBDAY:%s\r\nEND:VCARD\r\n", cases[i].in);
		T_EQ(read_text(a, text, strlen(text), &f, &err), 0, "bday '%s'", cases[i].in);
		if (f.n != 1)
			continue;
		if (cases[i].want)
			T_STR(f.items[0].birthday, cases[i].want, "bday '%s': got '%s'", cases[i].in,
			      or_null(f.items[0].birthday));
		else
			T_CHECK(!f.items[0].birthday, "bday '%s' is no date, got '%s'", cases[i].in,
				or_null(f.items[0].birthday));
	}
	/* an invalid BDAY does not hide a later valid one */
	snprintf(text, sizeof(text), "BEGIN:VCARD\r\nBDAY:x\r\nBDAY:--0101\r\nEND:VCARD\r\n");
	T_EQ(read_text(a, text, strlen(text), &f, &err), 0, "two BDAY");
	T_STR(f.n ? f.items[0].birthday : NULL, "--01-01", "the valid BDAY is taken");
}

static void test_lines_and_encodings(struct mu_arena *a, struct mu_buf *b)
{
	static const char utf16[] = "\xff\xfe" "B\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D\0\r\0\n\0"
				    "F\0N\0:\0\xc5\0s\0a\0 \0\x3d\xd8\x00\xde\r\0\n\0"
				    "E\0N\0D\0:\0V\0C\0A\0R\0D\0\r\0\n\0";
	const char *text = CARD("FN:a\r\n") "\r\n" CARD("VERSION:2.1\r\nNOTE;QUOTED-PRINTABLE:a=\r\nb\r\n"
		"PHOTO;BASE64:\r\nAAAA\r\nBBBB\r\n\r\nFN:b\r\n") "BEGIN:VCARD\r\nN:c\r\n"
		" ;d\r\nEND:VCARD\r\n";
	struct contact_file f;
	struct mu_error err;

	/* the line of each card's BEGIN:VCARD: 1; 5 (after a blank line); 15 */
	T_EQ(read_text(a, text, strlen(text), &f, &err), 0, "lines: %s", err.message);
	T_EQ(f.n, 3, "three cards");
	if (f.n == 3) {
		T_EQ(f.items[0].line, 1, "card 1 at line 1");
		T_EQ(f.items[1].line, 5, "card 2 at line 5");
		T_EQ(f.items[2].line, 15, "card 3 at line 15");
		T_STR(f.items[1].note, "ab", "QP soft break");
		T_STR(f.items[2].given, "d", "folded N");
	}
	/* BEGIN folded: more cards than lines that begin with "BEGIN:" */
	{
		static const char folded[] = "BEG\r\n IN:VCARD\r\nFN:n\r\nEND:VCARD\r\n";
		char many[40 * sizeof(folded)];

		for (size_t i = 0; i < 40; i++)
			memcpy(many + i * (sizeof(folded) - 1), folded, sizeof(folded) - 1);
		T_EQ(read_text(a, many, 40 * (sizeof(folded) - 1), &f, &err), 0, "folded BEGIN");
		T_EQ(f.n, 40, "40 cards");
		T_STR(f.n == 40 ? f.items[39].full_name : NULL, "n", "the last one");
		T_EQ(f.n == 40 ? f.items[39].line : 0, 157, "at line 39 * 4 + 1");
	}
	/* UTF-16LE with a BOM: Å is U+00C5, 😀 the pair D83D DE00 */
	T_EQ(read_text(a, utf16, sizeof(utf16) - 1, &f, &err), 0, "UTF-16: %s", err.message);
	T_STR(dump(b, &f), "[UTF-16LE] fn=Åsa 😀", "UTF-16LE: got '%s'", mu_buf_str(b));
}

#define Y10 "yyyyyyyyyy"

static void test_errors(struct mu_arena *a)
{
	static const struct { const char *in; int code; const char *field, *msg; } cases[] = {
		{ CARD("VERSION:3.0\r\nFN Åsa Öberg\r\n"), MU_EINVAL, "line 3",
		  "content line without ':' ('FN Åsa Öberg')" },
		{ "BEGIN:VCARD\r\nFN:a\r\n\r\nfoo\r\n bar\r\nEND:VCARD\r\n", MU_EINVAL, "line 4",
		  "content line without ':' ('foobar')" },
		{ "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;QUOTED-PRINTABLE:a=\r\nb=\r\nc\r\nFN:x\r\n FN\r\n"
		  "bad\r\nEND:VCARD\r\n", MU_EINVAL, "line 8", "content line without ':' ('bad')" },
		{ "BEGIN:VCARD\r\nPHOTO;ENCODING=BASE64:\r\nAAAA\r\nBBBB\r\n\r\nbad line\r\nEND:VCARD\r\n",
		  MU_EINVAL, "line 6", "content line without ':' ('bad line')" },
		/* 52 octets: the first 44 in the message, the control character as '?' */
		{ "BEGIN:VCARD\r\nFN:a\r\n" "x\x01" Y10 Y10 Y10 Y10 Y10 "\r\n", MU_EINVAL, "line 3",
		  "content line without ':' ('x?" Y10 Y10 Y10 Y10 "yy...')" },
		{ "END:VCARD\r\n", MU_EINVAL, "line 1", "END:VCARD without BEGIN:VCARD" },
		{ CARD("FN:a\r\n") "\r\nEND:VCARD\r\n", MU_EINVAL, "line 5",
		  "END:VCARD without BEGIN:VCARD" },
		{ CARD("FN:a\r\n") "BEGIN:VCARD\r\nFN:b\r\n", MU_EINVAL, "line 4",
		  "vCard without END:VCARD: it begins here and the file ends first" },
		{ "\r\nBEGIN:VCARD\r\nAGENT:\r\nBEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n", MU_EINVAL, "line 2",
		  "vCard without END:VCARD: it begins here and the file ends first" },
		{ "\r\nhello\r\n" CARD(""), MU_EINVAL, "line 2", "content outside a vCard ('hello'):"
		  " only blank lines may come between END:VCARD and BEGIN:VCARD" },
		{ CARD("") "FN:a\r\n", MU_EINVAL, "line 3", "content outside a vCard ('FN'):" },
		{ "BEGIN:VCALENDAR\r\n", MU_EINVAL, "line 1", "content outside a vCard ('BEGIN'):" },
		{ "", MU_EINVAL, "", "no vCard in the file" },
		{ "\r\n \r\n\n\t\n", MU_EINVAL, "", "no vCard in the file" },
		{ "\xff\xfe" "B", MU_EINVAL, "", "the file is UTF-16 but ends in half a character" },
		/* UTF-8 split by folds: joined again in 3.0; 2.1 keeps the space, and the
		 * message shows no broken UTF-8 */
		{ CARD("FN:\xc3\r\n \x85sa\r\n") "\xc3\r\n \x85", MU_EINVAL, "line 5",
		  "content outside a vCard ('Å'):" },
		{ CARD("VERSION:2.1\r\nFN:\xc3\r\n \x85sa\r\n") "\xc3\r\n \x85", MU_EINVAL, "line 6",
		  "content outside a vCard ('? ?'):" },
	};
	struct contact_file f;
	struct mu_error err;

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t len = strlen(cases[i].in);
		int rc = read_text(a, cases[i].in, len, &f, &err);

		T_EQ(rc, cases[i].code, "error case %zu: rc %d", i, rc);
		T_STR(err.field, cases[i].field, "error case %zu: field '%s'", i, err.field);
		T_CHECK(!strncmp(err.message, cases[i].msg, strlen(cases[i].msg)),
			"error case %zu: message '%s'", i, err.message);
		T_CHECK(f.n == 0 && !f.items, "error case %zu: no cards", i);
	}
}

/* A line of exactly VCARD_LINE_MAX octets is kept, one more is not; a photo may be
 * longer; more than VCARD_CARDS_MAX cards fail. */
static void test_limits(struct mu_arena *a)
{
	static const char card[] = "BEGIN:VCARD\nEND:VCARD\n";
	size_t big = VCARD_LINE_MAX + 64, n = 0;
	char *s = malloc(big * 3 + 64), *p;
	struct contact_file f;
	struct mu_error err;

	/* NOTE: + value = VCARD_LINE_MAX, folded once (the fold's space is not counted) */
	n = (size_t)snprintf(s, 64, "BEGIN:VCARD\r\nNOTE:");
	memset(s + n, 'a', VCARD_LINE_MAX - 5 - 10);
	n += VCARD_LINE_MAX - 5 - 10;
	memcpy(s + n, "\r\n aaaaaaaaaa\r\nEND:VCARD\r\n", 26);
	n += 26;
	T_EQ(read_text(a, s, n, &f, &err), 0, "a line of 1 MiB: %s", err.message);
	T_EQ(f.n ? strlen(f.items[0].note) : 0, VCARD_LINE_MAX - 5, "all of it kept");
	memcpy(s + n - 26, "\r\n aaaaaaaaaaa\r\nEND:VCARD\r\n", 27);
	T_EQ(read_text(a, s, n + 1, &f, &err), MU_ETOOBIG, "one octet more");
	T_STR(err.field, "line 2", "the line it starts on");
	T_STR(err.message, "content line longer than 1048576 octets after unfolding", "message");

	/* a 3 MiB photo in lines of 75 is passed over */
	p = s + snprintf(s, 64, "BEGIN:VCARD\r\nFN:a\r\nPHOTO;ENCODING=b:");
	for (size_t k = 0; k < 3 * (size_t)VCARD_LINE_MAX / 77; k++) {
		memset(p, 'A', 74);
		memcpy(p + 74, "\r\n ", 3);
		p += 77;
	}
	p += snprintf(p, 64, "A\r\nEND:VCARD\r\n");
	T_EQ(read_text(a, s, (size_t)(p - s), &f, &err), 0, "a 3 MiB photo: %s", err.message);
	T_STR(f.n ? f.items[0].full_name : NULL, "a", "and the card read");
	free(s);

	/* VCARD_CARDS_MAX cards, then one more */
	n = (VCARD_CARDS_MAX + 1) * (sizeof(card) - 1);
	s = malloc(n);
	for (size_t k = 0; k <= VCARD_CARDS_MAX; k++)
		memcpy(s + k * (sizeof(card) - 1), card, sizeof(card) - 1);
	T_EQ(read_text(a, s, n - (sizeof(card) - 1), &f, &err), 0, "a million cards");
	T_EQ(f.n, VCARD_CARDS_MAX, "all of them");
	T_EQ(read_text(a, s, n, &f, &err), MU_ETOOBIG, "one card more");
	T_STR(err.field, "line 2000001", "at its BEGIN:VCARD");
	T_STR(err.message, "more than 1000000 vCards in the file", "message");
	free(s);
}

/* The exports in tests/data/contacts: how many cards, and one card's every field. */
static const struct {
	const char *file, *encoding;
	size_t n, card;
	const char *want;
} samples[] = {
	{ "iphone-3.0.vcf", "UTF-8", 4, 0,
	  "fn=Åsa Öberg|given=Åsa|family=Öberg|middle=Maria|org=Öresundskraft AB|"
	  "dept=Kundservice|title=Projektledare|note=Träffades på BNI-mötet i Lund 12 mars.\n"
	  "Ring om offert före midsommar, gärna förmiddag.|bday=1980-05-12|city=Malmö|"
	  "country=Sverige|email=asa.oberg@oresundskraft.se,asa@oberg.nu|"
	  "tel=+46 70-123 45 67,040-12 34 56|url=https://www.oresundskraft.se|"
	  "tag=BNI Öresund,Kund" },
	{ "iphone-3.0.vcf", "UTF-8", 4, 1,
	  "fn=Søren Kjær|given=Søren|family=Kjær|org=Kjær & Sønner ApS|title=Direktør|"
	  "bday=--11-03|city=København V|country=Danmark|"
	  "email=soren.kjaer@gmail.com,soren@kjaer-sonner.dk|tel=+45 20 12 34 56,+45 33 12 34 56|"
	  "tag=Leverantör" },
	/* a company's card (X-ABShowAs:COMPANY): an organisation, no person's name */
	{ "iphone-3.0.vcf", "UTF-8", 4, 3,
	  "org=Ljungqvist Bygg AB|tel=0410-123 45|"
	  "url=https://ljungqvistbygg.se" },
	{ "google-3.0.vcf", "UTF-8", 4, 1,
	  "fn=Märta Ljungqvist|given=Märta|family=Ljungqvist|org=Lunds universitet|"
	  "dept=Ekonomihögskolan|title=Universitetslektor|note=Introducerad av Åsa Öberg på BNI "
	  "Öresund. Intresserad av samarbete kring utbildning i nätverkande för småföretagare; "
	  "vill ha en offert på en halvdags workshop, helst i september.|bday=--02-28|city=Lund|"
	  "country=SE|email=marta.ljungqvist@fek.lu.se|tel=073-987 65 43|"
	  "tag=myContacts,BNI Öresund" },
	{ "google-3.0.vcf", "UTF-8", 4, 3, "email=info@ljungqvistbygg.se|tag=myContacts" },
	{ "outlook-2.1.vcf", "Windows-1252", 3, 0,
	  "fn=Åsa Öberg|given=Åsa|family=Öberg|org=Öresundskraft AB|dept=Kundservice|"
	  "title=Projektledare|note=Träffades på BNI-mötet i Lund 12 mars.\nRing om offert före "
	  "midsommar, gärna förmiddag. Kaffe: svart, inget socker.|city=Malmö|country=Sverige|"
	  "email=asa.oberg@oresundskraft.se,asa@oberg.nu|tel=040-12 34 56,+46 70 123 45 67|"
	  "url=http://www.oresundskraft.se" },
	{ "outlook-2.1.vcf", "Windows-1252", 3, 1,
	  "fn=Søren Kjær|given=Søren|family=Kjær|org=Kjær & Sønner ApS|title=Direktør|"
	  "bday=1975-11-03|city=København V|country=Danmark|email=soren@kjaer-sonner.dk|"
	  "tel=+45 20 12 34 56,+45 33 12 34 56|tag=Leverantör" },
	{ "outlook-2.1.vcf", "Windows-1252", 3, 2,
	  "fn=Märta Ljungqvist|given=Märta|family=Ljungqvist|prefix=Dr.|org=Lunds universitet|"
	  "dept=Ekonomihögskolan|title=Universitetslektor|note=Föreläsning om nätverk och "
	  "förtroende – 14 oktober.\nAnmälan via Åsa. Budget: 5 000 kr (exkl. moms).\n"
	  "”Citat” och €-tecken från Word.|city=Lund|country=Sverige|"
	  "email=marta.ljungqvist@fek.lu.se|tel=046-222 00 00" },
	{ "android-2.1.vcf", "UTF-8", 4, 0,
	  "fn=Åsa Öberg|given=Åsa|family=Öberg|org=Öresundskraft AB|title=Projektledare|"
	  "note=Träffades på BNI-mötet i Lund.\nRing om offert före midsommar, gärna förmiddag.|"
	  "bday=1980-05-12|city=Malmö|country=Sverige|"
	  "email=asa.oberg@oresundskraft.se,asa@oberg.nu|tel=+46701234567,040123456|"
	  "url=https://www.oresundskraft.se" },
	{ "android-2.1.vcf", "UTF-8", 4, 1,
	  "fn=Søren Kjær|given=Søren|family=Kjær|email=soren.kjaer@gmail.com|"
	  "tel=+4533123456,+4520123456" },
	{ "android-2.1.vcf", "UTF-8", 4, 3, "tel=+46 70 555 01 02" },
	{ "thunderbird-4.0.vcf", "UTF-8", 3, 1,
	  "fn=Søren Kjær|given=Søren|family=Kjær|bday=--11-03|email=soren@kjaer-sonner.dk|"
	  "tel=+45 20 12 34 56" },
	{ "generic-4.0.vcf", "UTF-8", 4, 0,
	  "fn=Åsa Öberg|given=Åsa|family=Öberg|middle=Maria|org=Öresundskraft AB|"
	  "title=Projektledare|bday=--05-12|city=Malmö|country=Sverige|"
	  "email=asa.oberg@oresundskraft.se,asa@oberg.nu|tel=+46-70-123-45-67,+46-40-12-34-56|"
	  "url=https://www.oresundskraft.se|tag=Kund,BNI Öresund" },
	{ "generic-4.0.vcf", "UTF-8", 4, 1,
	  "fn=Søren Kjær|given=Søren|family=Kjær|org=Kjær & Sønner ApS|dept=Salg|"
	  "note=Mødtes i København, marts 2024; vil gerne høre om\nBNI i Malmö.|bday=1975-11-03|"
	  "city=København V|country=Danmark|email=soren@kjaer-sonner.dk|tel=+45-20-12-34-56" },
	{ "generic-4.0.vcf", "UTF-8", 4, 2,
	  "fn=Dr. Märta Ljungqvist PhD|given=Märta|family=Ljungqvist|prefix=Dr.|suffix=PhD|"
	  "bday=1971-02-28|city=Lund|country=Sverige|email=marta.ljungqvist@fek.lu.se" },
	/* KIND:org: an organisation's card, no person's name */
	{ "generic-4.0.vcf", "UTF-8", 4, 3, "org=Ljungqvist Bygg AB|tel=+46-410-123-45" },
};

static void test_samples(struct mu_arena *a, struct mu_buf *b)
{
	for (size_t i = 0; i < ARRAY_SIZE(samples); i++) {
		char path[256], want[2048];
		struct contact_file f, one;
		struct mu_error err;
		size_t len = 0;
		char *s;

		snprintf(path, sizeof(path), "tests/data/contacts/%s", samples[i].file);
		s = t_slurp(path, &len);
		T_CHECK(s != NULL, "read %s", path);
		if (!s)
			continue;
		T_EQ(read_text(a, s, len, &f, &err), 0, "%s: %s: %s", path, err.field, err.message);
		T_EQ(f.n, samples[i].n, "%s: %zu cards", path, f.n);
		T_STR(f.encoding, samples[i].encoding, "%s: encoding", path);
		if (samples[i].card < f.n) {
			one = f;
			one.items = &f.items[samples[i].card];
			one.n = 1;
			snprintf(want, sizeof(want), "[%s] %s", samples[i].encoding, samples[i].want);
			T_STR(dump(b, &one), want, "%s card %zu:\n got '%s'\nwant '%s'", path,
			      samples[i].card, mu_buf_str(b), want);
		}
		free(s);
	}
}

void test_vcard_read(void)
{
	struct mu_arena a;
	struct mu_buf b;

	mu_arena_init(&a);
	mu_buf_init(&b, 1 << 20);
	test_cases(&a, &b);
	test_birthdays(&a);
	test_lines_and_encodings(&a, &b);
	test_errors(&a);
	mu_arena_release(&a);
	test_limits(&a);
	mu_arena_release(&a);
	test_samples(&a, &b);
	mu_arena_release(&a);
	mu_buf_release(&b);
	T_STR(contact_kind_name(CONTACT_VCARD), "vcard", "kind name");
	T_STR(contact_kind_name(CONTACT_ANY), "any", "kind name any");
	T_STR(contact_kind_name(CONTACT_LINKEDIN), "linkedin", "kind name linkedin");
	T_STR(contact_kind_name(CONTACT_GOOGLE), "google", "kind name google");
}

/* ---- writing ---- */

static void test_property(struct mu_buf *b)
{
	static const char *const one[] = { "+46 70; 1,2" };
	static const char *const n[] = { "O;Brien", "", "a\\b", "x,y" };
	static const char *const cats[] = { "a,b", "c" };
	static const char params[] = "TYPE=\"work,voice,text,cell,video,pager,textphone\";PREF=1;"
				     "X-LONG=1234567890";
	char want[256];

	mu_buf_reset(b);
	T_EQ(ical_property(b, "TEL", "TYPE=work", one, 1, ';'), 0, "tel");
	T_EQ(ical_property(b, "N", NULL, n, 4, ';'), 0, "structured");
	T_EQ(ical_property(b, "CATEGORIES", "", cats, 2, ','), 0, "list, empty params");
	T_EQ(ical_property(b, "FN", NULL, NULL, 0, ';'), 0, "no value");
	T_STR(mu_buf_str(b), "TEL;TYPE=work:+46 70\\; 1\\,2\r\nN:O\\;Brien;;a\\\\b;x\\,y\r\n"
	      "CATEGORIES:a\\,b,c\r\nFN:\r\n", "got '%s'", mu_buf_str(b));
	/* "TEL;" + 90 octets of parameters + ":1": folded inside the parameters */
	mu_buf_reset(b);
	T_EQ(ical_property(b, "TEL", params, one, 1, ';'), 0, "long parameters");
	snprintf(want, sizeof(want), "TEL;%.71s\r\n %s:+46 70\\; 1\\,2\r\n", params, params + 71);
	T_STR(mu_buf_str(b), want, "folded at 75: got '%s'", mu_buf_str(b));
	T_CHECK(t_crlf_lines(mu_buf_str(b), ICAL_LINE_MAX), "line lengths");
}

/* The first field in which two contacts differ, or NULL. */
static const char *differs(const struct contact *x, const struct contact *y)
{
	const char *a[] = { x->full_name, x->given, x->family, x->middle, x->prefix, x->suffix,
		x->organisation, x->department, x->title, x->note, x->birthday, x->city,
		x->country, x->since };
	const char *b[] = { y->full_name, y->given, y->family, y->middle, y->prefix, y->suffix,
		y->organisation, y->department, y->title, y->note, y->birthday, y->city,
		y->country, y->since };
	const struct contact_strings *la[] = { &x->emails, &x->phones, &x->urls, &x->tags };
	const struct contact_strings *lb[] = { &y->emails, &y->phones, &y->urls, &y->tags };
	static const char *const names[] = { "full_name", "given", "family", "middle",
		"prefix", "suffix", "organisation", "department", "title", "note", "birthday",
		"city", "country", "since", "emails", "phones", "urls", "tags" };

	for (size_t i = 0; i < ARRAY_SIZE(a); i++)
		if ((a[i] || b[i]) && !t_streq(a[i], b[i]))
			return names[i];
	for (size_t i = 0; i < ARRAY_SIZE(la); i++) {
		if (la[i]->n != lb[i]->n)
			return names[ARRAY_SIZE(a) + i];
		for (size_t k = 0; k < la[i]->n; k++)
			if (!t_streq(la[i]->v[k], lb[i]->v[k]))
				return names[ARRAY_SIZE(a) + i];
	}
	return NULL;
}

static void test_output(struct mu_buf *b)
{
	static const char *emails[] = { "asa@oberg.nu", "a@x.se" };
	static const char *phones[] = { "+46 70 123 45 67" };
	static const char *urls[] = { "https://x.se/?a=1,2" };
	static const char *tags[] = { "BNI Öresund", "Kund, viktig" };
	struct contact c = {
		.full_name = "Åsa Öberg", .family = "Öberg", .given = "Åsa",
		.organisation = "Öresundskraft AB", .department = "Kund; service",
		.title = "Projektledare, BNI", .note = "Rad 1\nRad 2\\slut",
		.birthday = "1980-05-12", .city = "Malmö", .country = "Sverige",
		.emails = { emails, 2 }, .phones = { phones, 1 }, .urls = { urls, 1 },
		.tags = { tags, 2 },
	};
	struct contact empty = { 0 }, bday = { .full_name = "x", .birthday = "--02-29" };
	struct mu_buf small;

	mu_buf_reset(b);
	T_EQ(vcard_write(b, &c, "urn:uuid:4fbe8971"), 0, "write");
	T_STR(mu_buf_str(b), "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:4fbe8971\r\n"
	      "FN:Åsa Öberg\r\nN:Öberg;Åsa;;;\r\nORG:Öresundskraft AB;Kund\\; service\r\n"
	      "TITLE:Projektledare\\, BNI\r\nEMAIL;PREF=1:asa@oberg.nu\r\nEMAIL:a@x.se\r\n"
	      "TEL;PREF=1:+46 70 123 45 67\r\nURL:https://x.se/?a=1\\,2\r\n"
	      "ADR:;;;Malmö;;;Sverige\r\nBDAY:19800512\r\nCATEGORIES:BNI Öresund,Kund\\, viktig\r\n"
	      "NOTE:Rad 1\\nRad 2\\\\slut\r\nEND:VCARD\r\n", "full contact: got '%s'", mu_buf_str(b));

	mu_buf_reset(b);
	T_EQ(vcard_write(b, &empty, NULL), 0, "empty contact");
	T_STR(mu_buf_str(b), "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:\r\nEND:VCARD\r\n",
	      "only the required lines: got '%s'", mu_buf_str(b));

	mu_buf_reset(b);
	empty.prefix = "Dr.";
	empty.department = "Salg";
	empty.country = "Danmark";
	T_EQ(vcard_write(b, &empty, NULL), 0, "parts");
	T_STR(mu_buf_str(b), "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:\r\nN:;;;Dr.;\r\nORG:;Salg\r\n"
	      "ADR:;;;;;;Danmark\r\nEND:VCARD\r\n", "N for a prefix alone: got '%s'", mu_buf_str(b));

	mu_buf_reset(b);
	T_EQ(vcard_write(b, &bday, NULL), 0, "bday without year");
	T_CHECK(strstr(mu_buf_str(b), "\r\nBDAY:--0229\r\n") != NULL, "--MMDD: got '%s'",
		mu_buf_str(b));
	mu_buf_reset(b);
	bday.birthday = "12 maj";
	T_EQ(vcard_write(b, &bday, NULL), 0, "bday not in contact.h's form");
	T_CHECK(!strstr(mu_buf_str(b), "BDAY"), "left out: got '%s'", mu_buf_str(b));

	/* a full buffer: MU_ETOOBIG and nothing of the card left behind */
	mu_buf_init(&small, 120);
	T_EQ(vcard_write(&small, &bday, NULL), 0, "fits");		/* 13 + 13 + 6 + 11 octets */
	T_EQ(vcard_write(&small, &c, NULL), MU_ETOOBIG, "does not fit");
	T_EQ(small.len, 43, "rolled back to the first card");
	T_STR(mu_buf_str(&small), "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:x\r\nEND:VCARD\r\n", "intact");
	mu_buf_release(&small);
}

/* Write, read back: the same contacts. */
static void roundtrip(struct mu_arena *a, struct mu_buf *b, const struct contact *cs, size_t n,
		      const char *what)
{
	struct contact_file f;
	struct mu_error err;

	mu_buf_reset(b);
	for (size_t i = 0; i < n; i++)
		T_EQ(vcard_write(b, &cs[i], i ? NULL : "uid-1"), 0, "%s: write card %zu", what, i);
	T_CHECK(t_crlf_lines(mu_buf_str(b), ICAL_LINE_MAX), "%s: lines of at most 75 octets", what);
	mu_error_clear(&err);
	T_EQ(vcard_read(a, mu_buf_str(b), b->len, &f, &err), 0, "%s: read back: %s: %s", what,
	     err.field, err.message);
	T_EQ(f.n, n, "%s: %zu cards back", what, f.n);
	for (size_t i = 0; i < n && i < f.n; i++) {
		const char *d = differs(&cs[i], &f.items[i]);
		T_CHECK(!d, "%s: card %zu differs in %s", what, i, d ? d : "");
	}
}

static void test_roundtrip(struct mu_arena *a, struct mu_buf *b)
{
	static const char *emails[] = { "a,b@x.se", "c;d\\e@x.se", "😀@x.se" };
	static const char *phones[] = { "+46 70; 1,2", "tel-ish: 3" };
	static const char *urls[] = { "https://x.se/a;b,c\\d?e=f&g=h", "\\n" };
	static const char *tags[] = { "a,b", "c;d", "e\\f", "😀", "\\,", "Öresund\tSyd" };
	char name[1024] = "";
	struct contact cs[3] = {
		{ .full_name = "Åsa \"Kalle\" Öberg, Jr.; \\ 😀🇸🇪",
		  .family = "O'Brien; Smith, Jr\\", .given = "Se,án", .middle = "a\nb",
		  .prefix = "Dr.", .suffix = "PhD, MBA", .organisation = "Kjær & Sønner; ApS",
		  .department = "Salg, Nord", .title = "VD\tCEO",
		  .note = "Rad 1\nRad 2; \\n bokstavligt, \\, och \\;\n😀 👩‍👩‍👧 slut",
		  .birthday = "--02-29", .city = "København; V", .country = "Danmark, DK",
		  .emails = { emails, 3 }, .phones = { phones, 2 }, .urls = { urls, 2 },
		  .tags = { tags, 6 } },
		{ .full_name = name, .given = name, .birthday = "0001-01-01" },
		{ .organisation = ";", .department = "\\", .city = ",", .note = ":" },
	};
	const char *files[] = { "iphone-3.0.vcf", "google-3.0.vcf", "outlook-2.1.vcf",
		"android-2.1.vcf", "thunderbird-4.0.vcf", "generic-4.0.vcf" };

	/* 200 characters, 4 a round: two, two, four octets and a comma */
	for (int i = 0; i < 50; i++)
		snprintf(name + strlen(name), sizeof(name) - strlen(name), "Åø😀,");
	roundtrip(a, b, cs, ARRAY_SIZE(cs), "nasty values");

	for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
		char path[256];
		struct contact_file f;
		struct mu_error err;
		size_t len = 0;
		char *s;

		snprintf(path, sizeof(path), "tests/data/contacts/%s", files[i]);
		if (!(s = t_slurp(path, &len))) {
			T_CHECK(0, "read %s", path);
			continue;
		}
		T_EQ(vcard_read(a, s, len, &f, &err), 0, "%s", path);
		roundtrip(a, b, f.items, f.n, files[i]);
		free(s);
	}
}

void test_vcard_write(void)
{
	struct mu_arena a;
	struct mu_buf b;

	mu_arena_init(&a);
	mu_buf_init(&b, 1 << 20);
	test_property(&b);
	test_output(&b);
	test_roundtrip(&a, &b);
	mu_buf_release(&b);
	mu_arena_release(&a);
}
