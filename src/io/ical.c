/*
 * ical.c - the iCalendar writer (RFC 5545): escaping, UTF-8 repair and line folding.
 *
 * One content line is written as a stream of units: an ASCII byte of the name, one
 * UTF-8 character, or one TEXT escape ("\;"). A unit never straddles a fold: when the
 * next unit would pass column 75 the writer first emits CRLF and a space, and the space
 * counts towards the next line's 75 octets (§3.1). Unfolding (deleting every CRLF
 * followed by a space) therefore gives back exactly the unfolded content line.
 *
 * Input is decoded by the well-formed byte sequences of Unicode's table 3-7 (no
 * overlong forms, no surrogates, nothing above U+10FFFF). Bad bytes are replaced, not
 * dropped: each maximal ill-formed subpart becomes one U+FFFD, so damaged text stays
 * visibly damaged and two replacements never merge words. Control characters carry no
 * meaning in a calendar and most clients choke on them, so they are dropped.
 *
 * Invariants (checked by tests/fuzz/fuzz_ical.c): every line ends in CRLF, holds at most
 * 75 octets, is valid UTF-8; TEXT values contain no bare ',' ';' '\' or control
 * character but tab; a failed call leaves the buffer as it was.
 */
#include <stdio.h>
#include <string.h>

#include "io/ical.h"
#include "core/utf8.h"
#include "core/error.h"
#include "core/banned.h"

enum value_mode {
	V_RAW,		/* no escaping; newline dropped like the other controls */
	V_TEXT,		/* §3.3.11 escaping */
};

/* The lines one call writes: where it began (for the rollback), the column, and units
 * staged so that mu_buf sees a few large appends rather than one per character. */
struct line {
	struct mu_buf *b;
	size_t start;	/* b->len when the call began */
	size_t col;	/* octets on the current physical line */
	int rc;		/* sticky: the first error */
	size_t npend;
	char pend[256];
};

static void line_open(struct line *l, struct mu_buf *b)
{
	l->b = b;
	l->start = b->len;
	l->col = 0;
	l->rc = 0;
	l->npend = 0;
}

static void flush(struct line *l)
{
	if (l->rc >= 0 && l->npend)
		l->rc = mu_buf_add(l->b, l->pend, l->npend);
	l->npend = 0;
}

static void stage(struct line *l, const char *s, size_t n)
{
	if (l->npend + n > sizeof(l->pend))
		flush(l);
	memcpy(l->pend + l->npend, s, n);
	l->npend += n;
}

/* Append one unit of n octets (1-4), folding first if it would pass column 75. */
static void put(struct line *l, const char *s, size_t n)
{
	if (l->rc < 0)
		return;
	if (l->col + n > ICAL_LINE_MAX) {
		stage(l, "\r\n ", 3);
		l->col = 1;
	}
	stage(l, s, n);
	l->col += n;
}

/* ASCII we wrote ourselves (names, parameters, dates): byte by byte. */
static void put_ascii(struct line *l, const char *s)
{
	for (; *s; s++)
		put(l, s, 1);
}

static void check_name(const char *name)
{
	const char *p = name;

	if (!name || !*name)
		MU_BUG("ical: empty property or component name");
	for (; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= '0' && *p <= '9') || *p == '-'))
			MU_BUG("ical: a name is an iana-token or x-name");
}

/* Start a content line with its name (parameters and ':' are the caller's). */
static void begin_line(struct line *l, const char *name)
{
	check_name(name);
	l->col = 0;
	put_ascii(l, name);
}

static void end_line(struct line *l)
{
	if (l->rc >= 0)
		stage(l, "\r\n", 2);
	flush(l);
}

/* The call's result; on error the buffer is cut back to where the call began. mu_buf
 * has no truncate, and its fields are public by design. */
static int line_close(struct line *l)
{
	if (l->rc < 0) {
		l->b->len = l->start;
		if (l->b->data)
			l->b->data[l->start] = '\0';
	}
	return l->rc;
}

/*
 * The well-formed UTF-8 sequence at s: its length (1-4) with the code point in *cp, or
 * minus the length of the maximal ill-formed subpart (Unicode 15 §3.9, table 3-7). The
 * NUL that ends s is never a continuation byte, so decoding stops at it.
 */
static int decode_or_skip(const unsigned char *s, unsigned long *cp)
{
	unsigned char lo, hi;
	int more = utf8_lead(s[0], &lo, &hi);

	if (more == 0) {
		*cp = s[0];
		return 1;
	}
	if (more < 0 || s[1] < lo || s[1] > hi)
		return -1;
	*cp = s[0] & (0x7F >> more);
	for (int i = 1; i <= more; i++) {
		if (i > 1 && (s[i] < 0x80 || s[i] > 0xBF))
			return -i;
		*cp = (*cp << 6) | (s[i] & 0x3F);
	}
	return more + 1;
}

static int is_control(unsigned long cp)
{
	return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F);
}

static void put_value(struct line *l, const char *s, enum value_mode mode)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p && l->rc >= 0) {
		unsigned long cp = 0;
		int n = decode_or_skip(p, &cp);

		if (n < 0) {
			put(l, "\xEF\xBF\xBD", 3);	/* U+FFFD */
			p += -n;
			continue;
		}
		if (mode == V_TEXT && cp == '\n')
			put(l, "\\n", 2);
		else if (mode == V_TEXT && (cp == '\\' || cp == ';' || cp == ','))
			put(l, (const char[]){ '\\', (char)cp }, 2);
		else if (!is_control(cp))
			put(l, (const char *)p, (size_t)n);
		p += n;
	}
}

int ical_raw(struct mu_buf *b, const char *name, const char *value)
{
	struct line l;

	if (!value)
		MU_BUG("ical: NULL value");
	line_open(&l, b);
	begin_line(&l, name);
	put(&l, ":", 1);
	put_value(&l, value, V_RAW);
	end_line(&l);
	return line_close(&l);
}

/* Parameters are the caller's constants: printable ASCII, so no escaping and no UTF-8. */
static void check_params(const char *params)
{
	for (const char *p = params; *p; p++)
		if (*p < 0x20 || *p > 0x7E)
			MU_BUG("ical: parameters are printable ASCII");
}

int ical_property(struct mu_buf *b, const char *name, const char *params,
		  const char *const *values, size_t n, char sep)
{
	struct line l;

	if (sep != ';' && sep != ',')
		MU_BUG("ical: values are separated by ';' or ','");
	line_open(&l, b);
	begin_line(&l, name);
	if (params && *params) {
		check_params(params);
		put(&l, ";", 1);
		put_ascii(&l, params);
	}
	put(&l, ":", 1);
	for (size_t i = 0; i < n; i++) {
		if (!values[i])
			MU_BUG("ical: NULL value");
		if (i)
			put(&l, &sep, 1);
		put_value(&l, values[i], V_TEXT);
	}
	end_line(&l);
	return line_close(&l);
}

int ical_text(struct mu_buf *b, const char *name, const char *text)
{
	return ical_property(b, name, NULL, &text, 1, ';');
}

int ical_categories(struct mu_buf *b, const char *const *cats, size_t n)
{
	return n ? ical_property(b, "CATEGORIES", NULL, cats, n, ',') : 0;
}

static int component_line(struct mu_buf *b, const char *what, const char *component)
{
	struct line l;

	check_name(component);
	line_open(&l, b);
	begin_line(&l, what);
	put(&l, ":", 1);
	put_ascii(&l, component);
	end_line(&l);
	return line_close(&l);
}

int ical_begin(struct mu_buf *b, const char *component)
{
	return component_line(b, "BEGIN", component);
}

int ical_end(struct mu_buf *b, const char *component)
{
	return component_line(b, "END", component);
}

int ical_begin_calendar(struct mu_buf *b, const char *prodid, const char *name)
{
	static const char *const fixed[][2] = {
		{ "BEGIN", "VCALENDAR" },
		{ "VERSION", "2.0" },
		{ "PRODID", NULL },	/* the caller's, TEXT */
		{ "CALSCALE", "GREGORIAN" },
		{ "METHOD", "PUBLISH" },
	};
	struct line l;

	if (!prodid)
		MU_BUG("ical: NULL PRODID");
	line_open(&l, b);
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
		begin_line(&l, fixed[i][0]);
		put(&l, ":", 1);
		if (fixed[i][1])
			put_ascii(&l, fixed[i][1]);
		else
			put_value(&l, prodid, V_TEXT);
		end_line(&l);
	}
	if (name && *name) {
		begin_line(&l, "X-WR-CALNAME");
		put(&l, ":", 1);
		put_value(&l, name, V_TEXT);
		end_line(&l);
	}
	return line_close(&l);
}

int ical_end_calendar(struct mu_buf *b)
{
	return component_line(b, "END", "VCALENDAR");
}

/* Days of 0001-01-01 and 9999-12-31: iCalendar has four-digit years, and year 0 is
 * refused by most readers. */
static int day_in_range(int64_t days)
{
	return days >= mu_days_from_civil(1, 1, 1) && days <= mu_days_from_civil(9999, 12, 31);
}

static int date_line(struct mu_buf *b, const char *name, const char *params, int64_t days,
		     int64_t secs, int with_time)
{
	char text[sizeof("99991231T235959Z")];
	struct line l;
	int y, m, d;

	check_name(name);
	mu_civil_from_days(days, &y, &m, &d);
	if (with_time)
		snprintf(text, sizeof(text), "%04d%02d%02dT%02d%02d%02dZ", y, m, d,
			 (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
	else
		snprintf(text, sizeof(text), "%04d%02d%02d", y, m, d);
	line_open(&l, b);
	begin_line(&l, name);
	put_ascii(&l, params);
	put_ascii(&l, text);
	end_line(&l);
	return line_close(&l);
}

int ical_time(struct mu_buf *b, const char *name, mu_time t)
{
	int64_t lo = mu_days_from_civil(1, 1, 1) * 86400;
	int64_t hi = (mu_days_from_civil(9999, 12, 31) + 1) * 86400 - 1;
	int64_t days;

	check_name(name);
	if (t < lo || t > hi)
		return MU_EINVAL;
	/* floor division: times before 1970 are negative */
	days = t / 86400 - (t % 86400 < 0);
	return date_line(b, name, ":", days, t - days * 86400, 1);
}

int ical_date(struct mu_buf *b, const char *name, int64_t days)
{
	check_name(name);
	if (!day_in_range(days))
		return MU_EINVAL;
	return date_line(b, name, ";VALUE=DATE:", days, 0, 0);
}
