/*
 * fuzz_ical.c - libFuzzer target for the iCalendar writer (src/io/ical.c).
 *
 * The input is split at NUL bytes into up to MAX_PIECES values. Each becomes a SUMMARY
 * (TEXT), an X-RAW (raw) and a category; the first two are also PRODID and
 * X-WR-CALNAME; the first eight bytes give a DTSTAMP and a DUE date. The output must:
 *   - be valid UTF-8, every line end in CRLF, hold at most 75 octets and no control
 *     character but tab; a continuation line starts with a space, a content line not;
 *   - unfold and unescape to the value a reference model predicts: the input with each
 *     maximal ill-formed UTF-8 subpart replaced by U+FFFD and control characters but
 *     tab (and newline, in TEXT) dropped; for valid text that is the input itself;
 *   - with a small buffer limit, hold exactly the output of the calls that succeeded
 *     (a failed call leaves nothing behind).
 * The reference decoder is written independently of ical.c: it decides whether bytes
 * are a prefix of some well-formed sequence from the range of code points they could
 * encode, not from Unicode's table of byte ranges.
 *
 * Build with clang -fsanitize=fuzzer, or with tests/fuzz/driver.c under gcc.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/mtime.h"
#include "io/ical.h"

#define MAX_PIECES 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct input {
	const uint8_t *data;
	size_t size;
	char *copy;			/* data + NUL, pieces point into it */
	const char *pieces[MAX_PIECES];
	size_t n;
	mu_time t;
	int64_t days;
};

static const struct input *current;

/* Kept from one input to the next: ASan fills every new allocation, and a run makes
 * hundreds of thousands. Reachable at exit, so LeakSanitizer does not mind. */
static struct mu_buf s_out = { .limit = SIZE_MAX }, s_lines = { .limit = SIZE_MAX },
		     s_got = { .limit = SIZE_MAX }, s_want = { .limit = SIZE_MAX },
		     s_kept = { .limit = SIZE_MAX };

static _Noreturn void fail(const char *what, const char *detail)
{
	char msg[4096];

	snprintf(msg, sizeof(msg), "%s%s%s", what, detail ? ": " : "", detail ? detail : "");
	fuzz_abort("fuzz_ical", current->data, current->size, msg);
}

/*
 * Reference UTF-8: 1 if the k bytes at s (lead included) begin the encoding of some
 * Unicode scalar value. The lead fixes the length n; filling the missing continuation
 * bits with zeros and with ones gives the smallest and largest code point those bytes
 * can start; they are a prefix if that range meets the scalar values of length n.
 */
static int is_prefix(const unsigned char *s, size_t k)
{
	static const unsigned long min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	static const unsigned long max[5] = { 0, 0x7F, 0x7FF, 0xFFFF, 0x10FFFF };
	unsigned long lo, hi;
	size_t n;

	if (s[0] < 0x80)
		return k == 1;
	n = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
	if (n == 0 || k > n)
		return 0;
	lo = hi = s[0] & (0x7Fu >> n);
	for (size_t i = 1; i < n; i++) {
		if (i < k && (s[i] & 0xC0) != 0x80)
			return 0;
		lo = lo << 6 | (i < k ? (s[i] & 0x3Fu) : 0);
		hi = hi << 6 | (i < k ? (s[i] & 0x3Fu) : 0x3F);
	}
	if (lo < min[n])
		lo = min[n];
	if (hi > max[n])
		hi = max[n];
	if (lo > hi)
		return 0;
	/* the whole range inside the surrogates D800-DFFF holds no scalar value */
	return !(lo >= 0xD800 && hi <= 0xDFFF);
}

/* Length of the character at s (>0) or of the maximal ill-formed subpart (<0). */
static int ref_next(const unsigned char *s, size_t avail, unsigned long *cp)
{
	size_t k = 0, n;

	while (k < avail && k < 4 && is_prefix(s, k + 1))
		k++;
	n = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : 4;
	if (k == 0 || k < n)
		return -(int)(k ? k : 1);
	*cp = n == 1 ? s[0] : s[0] & (0x7Fu >> n);
	for (size_t i = 1; i < n; i++)
		*cp = *cp << 6 | (s[i] & 0x3Fu);
	return (int)n;
}

static int valid_utf8(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp;

	for (size_t i = 0; i < len;) {
		int n = ref_next(p + i, len - i, &cp);
		if (n < 0)
			return 0;
		i += (size_t)n;
	}
	return 1;
}

static int buf_eq(const struct mu_buf *a, const struct mu_buf *b)
{
	return a->len == b->len && !memcmp(mu_buf_str(a), mu_buf_str(b), a->len);
}

/* What a value should read as after unescaping: text mode keeps newlines. */
static void expect(struct mu_buf *out, const char *s, int text)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);
	unsigned long cp = 0;

	mu_buf_reset(out);
	for (size_t i = 0; i < len;) {
		int n = ref_next(p + i, len - i, &cp);
		if (n < 0) {
			mu_buf_add(out, "\xEF\xBF\xBD", 3);
			i += (size_t)-n;
			continue;
		}
		if ((cp < 0x20 && cp != '\t' && !(text && cp == '\n')) || (cp >= 0x7F && cp <= 0x9F))
			;	/* dropped */
		else
			mu_buf_add(out, p + i, (size_t)n);
		i += (size_t)n;
	}
}

/*
 * Unescape one TEXT value of len bytes into out. With list set, an unescaped comma
 * ends the value: *used says how far it read. 0, or -1 on a bare ';' ',' '\' or an
 * unknown escape.
 */
static int unescape(const char *s, size_t len, int list, struct mu_buf *out, size_t *used)
{
	size_t i = 0;

	mu_buf_reset(out);
	for (; i < len; i++) {
		if (s[i] == '\\') {
			if (i + 1 == len)
				return -1;
			i++;
			if (s[i] == 'n' || s[i] == 'N')
				mu_buf_add(out, "\n", 1);
			else if (s[i] == '\\' || s[i] == ';' || s[i] == ',')
				mu_buf_add(out, &s[i], 1);
			else
				return -1;
		} else if (s[i] == ',' && list) {
			break;
		} else if (s[i] == ';' || s[i] == ',') {
			return -1;
		} else {
			mu_buf_add(out, &s[i], 1);
		}
	}
	*used = i;
	return 0;
}

/* Check the physical lines of chunk and unfold them into out (CRLFs kept). */
static void check_lines(const char *s, size_t len, struct mu_buf *out)
{
	size_t i = 0;

	if (!valid_utf8(s, len))
		fail("output is not valid UTF-8", NULL);
	mu_buf_reset(out);
	while (i < len) {
		size_t start = i, n;

		while (i < len && s[i] != '\r' && s[i] != '\n') {
			unsigned char c = (unsigned char)s[i];
			if ((c < 0x20 && c != '\t') || c == 0x7F)
				fail("control character in a line", NULL);
			if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] <= 0x9F)
				fail("C1 control in a line", NULL);
			i++;
		}
		n = i - start;
		if (i + 1 >= len || s[i] != '\r' || s[i + 1] != '\n')
			fail("line does not end in CRLF", NULL);
		if (n > ICAL_LINE_MAX)
			fail("line longer than 75 octets", NULL);
		if (n == 0)
			fail("empty line", NULL);
		if (s[start] == ' ') {
			if (out->len == 0)
				fail("output begins with a continuation line", NULL);
			out->len -= 2;	/* unfold: drop the CRLF before, and the space */
			mu_buf_add(out, s + start + 1, n - 1);
		} else {
			mu_buf_add(out, s + start, n);
		}
		mu_buf_add(out, "\r\n", 2);
		i += 2;
	}
}

/* The calls, in order; each is step k of run(). */
enum { S_HEAD, S_BEGIN, S_TEXT, S_RAW = S_TEXT + MAX_PIECES, S_CATS = S_RAW + MAX_PIECES,
       S_TIME, S_DATE, S_END, S_FOOT, S_COUNT };

static int step(struct mu_buf *b, const struct input *in, int k)
{
	if (k == S_HEAD)
		return ical_begin_calendar(b, in->pieces[0], in->n > 1 ? in->pieces[1] : NULL);
	if (k == S_BEGIN)
		return ical_begin(b, "VTODO");
	if (k >= S_TEXT && k < S_RAW)
		return (size_t)(k - S_TEXT) < in->n ? ical_text(b, "SUMMARY", in->pieces[k - S_TEXT]) : 0;
	if (k >= S_RAW && k < S_CATS)
		return (size_t)(k - S_RAW) < in->n ? ical_raw(b, "X-RAW", in->pieces[k - S_RAW]) : 0;
	if (k == S_CATS)
		return ical_categories(b, in->pieces, in->n);
	if (k == S_TIME)
		return ical_time(b, "DTSTAMP", in->t);
	if (k == S_DATE)
		return ical_date(b, "DUE", in->days);
	if (k == S_END)
		return ical_end(b, "VTODO");
	return ical_end_calendar(b);
}

/* The content line must be NAME ":" value CRLF with value the expected TEXT. */
static void check_text(const char *line, size_t len, const char *name, const char *src,
		       struct mu_buf *got, struct mu_buf *want)
{
	size_t nl = strlen(name), used;

	if (len < nl + 3 || memcmp(line, name, nl) || line[nl] != ':')
		fail("wrong property name", name);
	if (unescape(line + nl + 1, len - nl - 3, 0, got, &used) < 0)
		fail("bad TEXT escaping", name);
	expect(want, src, 1);
	if (!buf_eq(got, want))
		fail("TEXT does not unescape to the input", name);
}

static void check_output(const struct input *in, const char *out, const size_t *off,
			 const int *rc)
{
	size_t used;

	for (int k = 0; k < S_COUNT; k++) {
		const char *s = out + off[k];
		size_t len = off[k + 1] - off[k], nlines = 0;
		const char *l;

		if (rc[k] != 0 && !((k == S_TIME || k == S_DATE) && rc[k] == MU_EINVAL))
			fail("a call failed", NULL);
		check_lines(s, len, &s_lines);
		l = mu_buf_str(&s_lines);
		for (size_t i = 0; i + 1 < s_lines.len; i++)
			nlines += l[i] == '\r' && l[i + 1] == '\n';
		if (len == 0)
			continue;
		if (k == S_HEAD) {
			/* a value holds no CRLF, so "\r\nNAME:" finds the property itself */
			const char *p = strstr(l, "\r\nPRODID:"), *e = p ? strstr(p + 2, "\r\n") : NULL;
			if (!p || !e || nlines != 5u + (in->n > 1 && *in->pieces[1]))
				fail("calendar header", NULL);
			check_text(p + 2, (size_t)(e - p), "PRODID", in->pieces[0], &s_got, &s_want);
			if (nlines == 6) {
				p = strstr(l, "\r\nX-WR-CALNAME:");
				e = p ? strstr(p + 2, "\r\n") : NULL;
				if (!p || !e)
					fail("calendar name", NULL);
				check_text(p + 2, (size_t)(e - p), "X-WR-CALNAME", in->pieces[1], &s_got, &s_want);
			}
			continue;
		}
		if (nlines != 1)
			fail("one call, one content line", NULL);
		if (k >= S_TEXT && k < S_RAW) {
			check_text(l, s_lines.len, "SUMMARY", in->pieces[k - S_TEXT], &s_got, &s_want);
		} else if (k >= S_RAW && k < S_CATS) {
			expect(&s_want, in->pieces[k - S_RAW], 0);
			if (s_lines.len != 6 + s_want.len + 2 || memcmp(l, "X-RAW:", 6) ||
			    memcmp(l + 6, mu_buf_str(&s_want), s_want.len))
				fail("raw value differs", NULL);
		} else if (k == S_CATS) {
			size_t pos = sizeof("CATEGORIES:") - 1, end = s_lines.len - 2;
			if (memcmp(l, "CATEGORIES:", pos))
				fail("CATEGORIES name", NULL);
			for (size_t i = 0; i < in->n; i++) {
				if (pos > end)
					fail("fewer categories than given", NULL);
				if (unescape(l + pos, end - pos, 1, &s_got, &used) < 0)
					fail("bad category escaping", NULL);
				expect(&s_want, in->pieces[i], 1);
				if (!buf_eq(&s_got, &s_want))
					fail("category does not unescape to the input", NULL);
				pos += used + 1;
			}
			if (pos != end + 1)
				fail("more categories than given", NULL);
		} else if (k == S_TIME) {
			int y, mo, d, h, mi, sec;
			if (sscanf(l, "DTSTAMP:%4d%2d%2dT%2d%2d%2dZ", &y, &mo, &d, &h, &mi, &sec) != 6 ||
			    s_lines.len != sizeof("DTSTAMP:20260304T083000Z\r\n") - 1 ||
			    mu_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec != in->t)
				fail("DTSTAMP does not read back", l);
		} else if (k == S_DATE) {
			int y, mo, d;
			if (sscanf(l, "DUE;VALUE=DATE:%4d%2d%2d", &y, &mo, &d) != 3 ||
			    s_lines.len != sizeof("DUE;VALUE=DATE:20260304\r\n") - 1 ||
			    mu_days_from_civil(y, mo, d) != in->days)
				fail("DUE does not read back", l);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { .data = data, .size = size };
	struct mu_buf *b = &s_out, small;
	size_t off[S_COUNT + 1], limit;
	int rc[S_COUNT];
	uint64_t u = 0;

	current = &in;
	in.copy = malloc(size + 1);
	if (!in.copy)
		abort();
	memcpy(in.copy, data, size);
	in.copy[size] = '\0';
	for (size_t i = 0; i <= size && in.n < MAX_PIECES; i += strlen(in.copy + i) + 1)
		in.pieces[in.n++] = in.copy + i;
	/* a range of about +-9500 years around 1970: about half of it is writable */
	for (size_t i = 0; i < 8 && i < size; i++)
		u = u << 8 | data[i];
	in.t = (int64_t)(u % 600000000000u) - 300000000000;
	in.days = (int64_t)(u % 7000000u) - 3500000;

	mu_buf_reset(b);
	for (int k = 0; k < S_COUNT; k++) {
		off[k] = b->len;
		rc[k] = step(b, &in, k);
	}
	off[S_COUNT] = b->len;
	check_output(&in, mu_buf_str(b), off, rc);

	/* again into a buffer too small for it all: exactly the successful calls remain */
	limit = size ? (size_t)data[size - 1] * b->len / 256 : 0;
	mu_buf_init(&small, limit);
	mu_buf_reset(&s_kept);
	for (int k = 0; k < S_COUNT; k++) {
		size_t before = small.len;
		int r = step(&small, &in, k);

		if (r == MU_ETOOBIG) {
			if (small.len != before)
				fail("a failed call left bytes behind", NULL);
		} else if (r != rc[k]) {
			fail("a call gave a different result with a small buffer", NULL);
		} else {
			mu_buf_add(&s_kept, mu_buf_str(b) + off[k], off[k + 1] - off[k]);
		}
	}
	if (!buf_eq(&small, &s_kept))
		fail("small buffer holds other than the successful calls", NULL);
	mu_buf_release(&small);
	free(in.copy);
	return 0;
}
