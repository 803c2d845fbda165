/*
 * vcard.c - the vCard reader (2.1, 3.0, 4.0) and writer (4.0); see vcard.h.
 *
 * Reading is one pass over the one UTF-8 copy of the file that enc_to_utf8 makes, and
 * works in place. A logical line is unfolded by moving its continuation lines down over
 * the line breaks; a value is decoded (quoted-printable), unescaped, cleaned and
 * trimmed where it lies, then NUL-terminated there. Each step only shortens the text,
 * and the byte after a value is always one already read (a separator, a line break, or
 * the copy's final NUL), so the contacts' strings point into the copy and the file is
 * never copied twice. A property without a field in struct contact (PHOTO, X-...) is
 * known by its name before its continuation lines are read; they are passed over
 * without moving, so a 5 MB photo costs one scan, no memory and no length limit.
 *
 * What makes a logical line (the physical line it starts on is kept for messages):
 *   - a physical line ends in LF; a CR before it is dropped;
 *   - a line that starts with a space or tab continues the one before: 3.0 and 4.0
 *     drop that whitespace (RFC 6350 §3.2), 2.1 keeps it (RFC 822 folding);
 *   - a quoted-printable value whose physical line ends in '=' (maybe followed by
 *     spaces) continues on the next line, the soft break removed;
 *   - after a value with ENCODING=BASE64 or b, lines of base64 alone belong to it: 2.1
 *     writes them unindented and ends the block with a blank line.
 * Before VERSION is read a card is taken to be 3.0 or 4.0; every exporter writes VERSION
 * right after BEGIN.
 *
 * Some writers fold at 75 octets inside a UTF-8 character, which makes the file look
 * like Windows-1252 to enc_to_utf8. When the bytes are UTF-8 once their folds are taken
 * out, they are read as UTF-8 instead (unfolding joins the characters again) and each
 * value is checked, since 2.1's folding keeps the whitespace between the halves.
 *
 * A card's list values gather in scratch vectors (heap, reused from card to card) with
 * their PREF rank, and go to the arena stably sorted by rank when the card ends. The
 * cards go straight into one arena array, sized by counting the lines that begin with
 * "BEGIN:VCARD". Time and memory are linear in the size of the file.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "io/vcard.h"
#include "io/encoding.h"
#include "io/ical.h"
#include "core/utf8.h"
#include "core/banned.h"

enum prop {
	P_OTHER,		/* passed over */
	P_BEGIN, P_END, P_VERSION, P_FN, P_N, P_ORG, P_TITLE, P_NOTE, P_BDAY, P_ADR,
	P_EMAIL, P_TEL, P_URL, P_CATEGORIES,
	P_KIND, P_SHOW_AS,	/* a card of an organisation: KIND:org (4.0), Apple's
				   X-ABShowAs:COMPANY */
	P_COUNT
};

static const char *const prop_names[P_COUNT] = {
	[P_BEGIN] = "BEGIN", [P_END] = "END", [P_VERSION] = "VERSION", [P_FN] = "FN",
	[P_N] = "N", [P_ORG] = "ORG", [P_TITLE] = "TITLE", [P_NOTE] = "NOTE",
	[P_BDAY] = "BDAY", [P_ADR] = "ADR", [P_EMAIL] = "EMAIL", [P_TEL] = "TEL",
	[P_URL] = "URL", [P_CATEGORIES] = "CATEGORIES", [P_KIND] = "KIND",
	[P_SHOW_AS] = "X-ABSHOWAS",
};

/* PREF=1..100 rank as written (RFC 6350 §5.3); TYPE=pref and 2.1's PREF as 1; no
 * preference after them all. */
#define RANK_PREF_MAX 100
#define RANK_NONE (RANK_PREF_MAX + 1)

/* One logical content line. */
struct cline {
	unsigned line;		/* the physical line it starts on */
	char *text;		/* the line, unfolded in place (its kept part) */
	char *colon;		/* the ':' after name and parameters; NULL if none */
	char *value;		/* colon + 1 .. value + vlen */
	size_t vlen;
	size_t len;		/* of text */
	enum prop prop;
	unsigned rank;
	int qp;			/* ENCODING=QUOTED-PRINTABLE */
	int b64;		/* ENCODING=BASE64 or b */
	int latin;		/* a CHARSET other than UTF-8 or US-ASCII */
	int omit_year;		/* Apple's X-APPLE-OMIT-YEAR=1604, else -1 */
	int keep;		/* read the value: the continuation lines are moved */
};

/* The lists of a card, in the order of struct contact's. */
enum list { L_EMAIL, L_TEL, L_URL, L_TAG, L_COUNT };

struct item {
	const char *s;
	unsigned rank;
};

struct reader {
	struct mu_arena *a;
	struct mu_error *err;
	char *p, *end;		/* the unread text */
	unsigned line;		/* the physical line at p */
	int in_card;
	size_t depth;		/* nested BEGIN:VCARD (2.1's AGENT) being passed over */
	int v21;		/* the card says VERSION:2.1 */
	int split;		/* UTF-8 only once unfolded: check each value */
	int company;		/* the card describes an organisation, not a person */
	struct contact c;	/* the card being read */
	unsigned rank[P_COUNT];	/* of the value each single property took; 0: none yet */
	struct mu_buf lists[L_COUNT];	/* of struct item */
	struct mu_buf join;	/* the full name built from N */
	struct contact *cards;	/* in the arena, room for cap */
	size_t ncards, cap;
};

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

static char upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* s[0..n) equals the upper-case word w, ignoring ASCII case. */
static int word_is(const char *s, size_t n, const char *w)
{
	size_t i = 0;

	for (; i < n && w[i]; i++)
		if (upper(s[i]) != w[i])
			return 0;
	return i == n && !w[i];
}

static void trim(const char **s, const char **e)
{
	while (*s < *e && is_space(**s))
		(*s)++;
	while (*e > *s && is_space((*e)[-1]))
		(*e)--;
}

static int line_error(struct reader *r, int code, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int line_error(struct reader *r, int code, unsigned line, const char *fmt, ...)
{
	char field[32], msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(field, sizeof(field), "line %u", line);
	return mu_fail(r->err, code, field, "%s", msg);
}

/* The start of s[0..n) for a message: whole UTF-8 characters, controls as '?', and
 * "..." when cut. */
static const char *snippet(char *buf, size_t size, const char *s, size_t n)
{
	size_t max = size - 4, o = 0;	/* room for "..." and the NUL */
	int cut = n > max;

	if (cut) {
		n = max;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	for (size_t i = 0; i < n; i++)
		buf[o++] = (unsigned char)s[i] < 0x20 || s[i] == 0x7F ? '?' : s[i];
	if (cut) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o] = '\0';
	if (!enc_is_utf8(buf, o))	/* a character split by a fold */
		for (size_t i = 0; i < o; i++)
			if ((unsigned char)buf[i] >= 0x80)
				buf[i] = '?';
	return buf;
}

/* ---- lines ---- */

/* The next physical line as [*s, *e), without its LF and a CR before it. */
static void physical(struct reader *r, char **s, char **e)
{
	char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));

	*s = r->p;
	*e = nl ? nl : r->end;
	r->p = nl ? nl + 1 : r->end;
	if (*e > *s && (*e)[-1] == '\r')
		(*e)--;
	r->line++;
}

static enum prop prop_of(const char *s, size_t n)
{
	for (int i = 1; i < P_COUNT; i++)
		if (word_is(s, n, prop_names[i]))
			return (enum prop)i;
	return P_OTHER;
}

static void prefer(struct cline *l, unsigned rank)
{
	if (rank < l->rank)
		l->rank = rank;
}

/* The parameter value v[0..n) without the quotes around it or its items. */
static void unquote(const char **s, const char **e)
{
	trim(s, e);
	if (*s < *e && **s == '"')
		(*s)++;
	if (*e > *s && (*e)[-1] == '"')
		(*e)--;
	trim(s, e);
}

static void parse_param(struct cline *l, const char *s, const char *e)
{
	const char *eq, *v;

	trim(&s, &e);
	eq = memchr(s, '=', (size_t)(e - s));
	if (!eq) {	/* 2.1: TEL;WORK;PREF;QUOTED-PRINTABLE */
		if (word_is(s, (size_t)(e - s), "PREF"))
			prefer(l, 1);
		else if (word_is(s, (size_t)(e - s), "QUOTED-PRINTABLE"))
			l->qp = 1;
		else if (word_is(s, (size_t)(e - s), "BASE64"))
			l->b64 = 1;
		return;
	}
	v = eq + 1;
	trim(&s, &eq);
	if (word_is(s, (size_t)(eq - s), "TYPE")) {
		/* TYPE=a,b and TYPE="work,voice" */
		while (v < e) {
			const char *c = memchr(v, ',', (size_t)(e - v)), *ie = c ? c : e, *is = v;

			unquote(&is, &ie);
			if (word_is(is, (size_t)(ie - is), "PREF"))
				prefer(l, 1);
			v = ie == e || !c ? e : c + 1;
		}
		return;
	}
	unquote(&v, &e);
	if (word_is(s, (size_t)(eq - s), "PREF")) {
		unsigned n = 0;
		const char *p = v;

		for (; p < e && *p >= '0' && *p <= '9' && n <= RANK_PREF_MAX; p++)
			n = n * 10 + (unsigned)(*p - '0');
		if (p > v && n > 0)
			prefer(l, n < RANK_PREF_MAX ? n : RANK_PREF_MAX);
	} else if (word_is(s, (size_t)(eq - s), "ENCODING")) {
		if (word_is(v, (size_t)(e - v), "QUOTED-PRINTABLE"))
			l->qp = 1;
		else if (word_is(v, (size_t)(e - v), "B") || word_is(v, (size_t)(e - v), "BASE64"))
			l->b64 = 1;
	} else if (word_is(s, (size_t)(eq - s), "CHARSET")) {
		size_t n = (size_t)(e - v);
		l->latin = !(word_is(v, n, "UTF-8") || word_is(v, n, "UTF8") ||
			     word_is(v, n, "US-ASCII") || word_is(v, n, "ASCII"));
	} else if (word_is(s, (size_t)(eq - s), "X-APPLE-OMIT-YEAR")) {
		if (e - v == 4 && v[0] >= '0' && v[0] <= '9' && v[1] >= '0' && v[1] <= '9' &&
		    v[2] >= '0' && v[2] <= '9' && v[3] >= '0' && v[3] <= '9')
			l->omit_year = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 +
				       (v[3] - '0');
	}
}

/* Name (without its group: item1.EMAIL is EMAIL) and parameters, once the ':' is known;
 * then whether the value is wanted at all. */
static void parse_header(struct reader *r, struct cline *l)
{
	const char *s = l->text, *end = l->colon, *name_end, *dot, *p;
	int quoted = 0;

	name_end = memchr(s, ';', (size_t)(end - s));
	if (!name_end)
		name_end = end;
	trim(&s, &name_end);
	for (dot = name_end; dot > s && dot[-1] != '.'; dot--)
		;
	l->prop = prop_of(dot, (size_t)(name_end - dot));
	p = memchr(l->text, ';', (size_t)(end - l->text));
	while (p && p < end) {
		const char *ps = ++p;

		for (; p < end && (quoted || *p != ';'); p++)
			if (*p == '"')
				quoted = !quoted;
		parse_param(l, ps, p);
	}
	if (l->prop == P_OTHER || l->b64)
		l->keep = 0;	/* photos, sounds, keys: nothing Mutua reads */
	else if (r->depth && l->prop != P_BEGIN && l->prop != P_END)
		l->keep = 0;	/* inside a nested card */
}

/*
 * Look for the ':' in text[*scan, w): the first one outside a quoted parameter value.
 * *state carries across calls: bit 1 once a ';' (parameters) was seen, bit 2 inside
 * quotes. At the end of the line, a line whose quotes never closed takes its first ':'.
 */
static void find_colon(struct reader *r, struct cline *l, char *w, size_t *scan, int *state,
		       int last)
{
	char *q = l->text + *scan;

	for (; q < w; q++) {
		if (*q == ';')
			*state |= 1;
		else if (*q == '"' && (*state & 1))
			*state ^= 2;
		else if (*q == ':' && !(*state & 2))
			break;
	}
	*scan = (size_t)(q - l->text);
	if (q == w && last && (*state & 2))
		q = memchr(l->text, ':', (size_t)(w - l->text));
	if (q && q < w) {
		l->colon = q;
		parse_header(r, l);
	}
}

/* A quoted-printable soft break: the piece s[0..e) of the value ends in '=' and spaces;
 * the position of the '=', else NULL. */
static char *soft_break(char *s, char *e)
{
	while (e > s && is_space(e[-1]))
		e--;
	return e > s && e[-1] == '=' ? e - 1 : NULL;
}

static int is_base64(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '+' || c == '/' || c == '=';
}

/* A line of a 2.1 base64 block: base64 characters, maybe with whitespace around them
 * (not inside: "no colon" is a line of text, not of base64). */
static int is_base64_line(const char *s, const char *e)
{
	const char *b;

	while (e > s && (is_space(e[-1]) || e[-1] == '\r'))
		e--;
	while (s < e && is_space(*s))
		s++;
	for (b = s; s < e && is_base64(*s); s++)
		;
	return s == e && s > b;
}

/* Read the next logical line into *l. 0, or MU_ETOOBIG for a kept line too long. */
static int next_line(struct reader *r, struct cline *l)
{
	char *s, *e, *w, *piece, *pe;
	size_t scan = 0;
	int state = 0;

	memset(l, 0, sizeof(*l));
	l->rank = RANK_NONE;
	l->omit_year = -1;
	l->keep = 1;
	l->line = r->line;
	physical(r, &s, &e);
	l->text = piece = s;
	w = pe = e;
	for (;;) {
		char *soft = NULL;
		int more = r->p < r->end;

		if (!l->colon)
			find_colon(r, l, w, &scan, &state, !more || !is_space(*r->p));
		if (l->keep && (size_t)(w - l->text) > VCARD_LINE_MAX)
			return line_error(r, MU_ETOOBIG, l->line, "content line longer than %d octets"
					  " after unfolding", VCARD_LINE_MAX);
		if (l->colon && l->qp) {
			if (piece <= l->colon)
				piece = l->colon + 1;
			soft = soft_break(piece, pe);
		}
		if (!more || (!soft && !is_space(*r->p)))
			break;
		if (soft && l->keep)
			w = soft;
		physical(r, &s, &e);
		if (!soft && !r->v21)
			s++;	/* the fold's whitespace */
		if (!l->keep) {
			piece = s;
			pe = e;
			continue;
		}
		memmove(w, s, (size_t)(e - s));
		piece = w;
		w = pe = w + (e - s);
	}
	if (l->b64)	/* 2.1: the rest of the base64 block, up to a blank line */
		while (r->p < r->end) {
			char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));

			if (!is_base64_line(r->p, nl ? nl : r->end))
				break;
			physical(r, &s, &e);
		}
	l->len = (size_t)(w - l->text);
	if (l->colon) {
		l->value = l->colon + 1;
		l->vlen = l->keep ? (size_t)(w - l->value) : 0;
	}
	return 0;
}

static int is_blank(const struct cline *l)
{
	if (l->colon)
		return 0;
	for (size_t i = 0; i < l->len; i++)
		if (!is_space(l->text[i]))
			return 0;
	return 1;
}

/* BEGIN:VCARD, END:VCARD: the value, trimmed, is VCARD. */
static int is_vcard(const struct cline *l, enum prop p)
{
	const char *s = l->value, *e;

	if (!l->colon || l->prop != p)
		return 0;
	e = s + l->vlen;
	trim(&s, &e);
	return word_is(s, (size_t)(e - s), "VCARD");
}

/* ---- values ---- */

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = upper(c);
	return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Quoted-printable in place; an '=' without two hex digits stays as it is. NUL bytes
 * are dropped (the strings are C strings; NUL is a control character anyway). */
static size_t qp_decode(char *s, size_t n)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c == '=' && i + 2 < n && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
			c = (char)(hex(s[i + 1]) * 16 + hex(s[i + 2]));
			i += 2;
			if (!c)
				continue;
		}
		s[o++] = c;
	}
	return o;
}

/* The value's bytes as UTF-8: decoded from quoted-printable and its CHARSET. Without
 * quoted-printable the value is part of the text enc_to_utf8 made, UTF-8 already,
 * unless that text was UTF-8 only once unfolded. */
static void decode(struct reader *r, struct cline *l, char **s, size_t *n)
{
	*s = l->value;
	*n = l->vlen;
	if (l->qp)
		*n = qp_decode(*s, *n);
	else if (!r->split)
		return;
	if ((l->qp && l->latin) || !enc_is_utf8(*s, *n)) {
		*s = enc_cp1252_to_utf8(r->a, *s, *n);
		*n = strlen(*s);
	}
}

/* Unescape and clean s[0..n) in place; the new length. */
static size_t unescape(char *s, size_t n, int v21)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i], d = i + 1 < n ? (unsigned char)s[i + 1] : 0;

		if (c == '\\' && d) {
			if (d == ';' || d == ',' || (!v21 && (d == '\\' || d == ':'))) {
				s[o++] = (char)d;
				i++;
				continue;
			}
			if (!v21 && (d == 'n' || d == 'N')) {
				s[o++] = '\n';
				i++;
				continue;
			}
			s[o++] = '\\';	/* not an escape: a backslash */
		} else if (c == '\r') {
			if (d != '\n')
				s[o++] = '\n';
		} else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
			;	/* control characters carry nothing in a name or an address */
		} else if (c == 0xC2 && d >= 0x80 && d <= 0x9F) {
			i++;	/* C1 control */
		} else {
			s[o++] = (char)c;
		}
	}
	return o;
}

/*
 * The next item of s[0..n) from *pos, up to an unescaped sep (0: the whole rest),
 * unescaped, cleaned, trimmed and NUL-terminated in place; NULL if it is empty. Once
 * the value is used up *pos is n + 1.
 */
static char *next_item(char *s, size_t n, size_t *pos, char sep, int v21)
{
	size_t i = *pos, m;
	char *p = s + i;

	if (i > n)
		return NULL;
	for (; i < n && (!sep || s[i] != sep); i++)
		if (s[i] == '\\' && i + 1 < n)
			i++;
	*pos = i + 1;
	m = unescape(p, i - (size_t)(p - s), v21);
	while (m && (is_space(p[m - 1]) || p[m - 1] == '\n'))
		m--;
	p[m] = '\0';
	while (*p && (is_space(*p) || *p == '\n'))
		p++;
	return *p ? p : NULL;
}

/* Drop a URI scheme ("mailto:", "tel:"), as often as it is written. */
static char *drop_scheme(char *s, const char *scheme)
{
	size_t n = strlen(scheme);

	while (s && strlen(s) >= n && word_is(s, n, scheme)) {
		s += n;
		while (is_space(*s) || *s == '\n')
			s++;
		if (!*s)
			s = NULL;
	}
	return s;
}

static int digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

static int day_ok(int y, int m, int d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	/* y < 0: no year, 29 February is a birthday */
	return !(m == 2 && d == 29 && y >= 0 && (y % 4 || (y % 100 == 0 && y % 400)));
}

/* BDAY as contact.h has it: YYYY-MM-DD, or --MM-DD without a year; else NULL. */
static const char *birthday(struct mu_arena *a, const char *s, int omit_year)
{
	int y = -1, m, d;
	size_t n = strlen(s);

	if (n >= 6 && s[0] == '-' && s[1] == '-') {
		s += 2;
		if (!(n == 6 && digits(s, 2, &m) && digits(s + 2, 2, &d)) &&
		    !(n == 7 && s[2] == '-' && digits(s, 2, &m) && digits(s + 3, 2, &d)))
			return NULL;
	} else if (n >= 8 && digits(s, 4, &y) && digits(s + 4, 2, &m) && digits(s + 6, 2, &d) &&
		   (n == 8 || s[8] == 'T')) {
		;
	} else if (n >= 10 && digits(s, 4, &y) && s[4] == '-' && digits(s + 5, 2, &m) &&
		   s[7] == '-' && digits(s + 8, 2, &d) && (n == 10 || s[10] == 'T')) {
		;
	} else {
		return NULL;
	}
	if (y >= 0 && y == omit_year)
		y = -1;
	if (!day_ok(y, m, d))
		return NULL;
	return y < 0 ? mu_printf(a, "--%02d-%02d", m, d) : mu_printf(a, "%04d-%02d-%02d", y, m, d);
}

/* ---- cards ---- */

static void begin_card(struct reader *r, unsigned line)
{
	memset(&r->c, 0, sizeof(r->c));
	memset(r->rank, 0, sizeof(r->rank));
	for (int i = 0; i < L_COUNT; i++)
		mu_buf_reset(&r->lists[i]);
	r->c.line = line;
	r->in_card = 1;
	r->depth = 0;
	r->v21 = 0;
	r->company = 0;
}

/* A single property takes this line's value unless one was taken with a rank as good. */
static int wanted(struct reader *r, const struct cline *l)
{
	return !r->rank[l->prop] || l->rank < r->rank[l->prop];
}

static void take(struct reader *r, const struct cline *l, const char **field, const char *v)
{
	if (v) {
		*field = v;
		r->rank[l->prop] = l->rank;
	}
}

static void push(struct reader *r, enum list which, const char *s, unsigned rank)
{
	struct item it = { s, rank };

	if (s && mu_buf_add(&r->lists[which], &it, sizeof(it)) < 0)
		MU_BUG("vcard: list buffer without limit is full");
}

/* N: family;given;middle;prefix;suffix. ORG: organisation;department. ADR: pobox;
 * extended;street;locality;region;code;country. Components past those are ignored. */
static void structured(struct reader *r, struct cline *l, char *s, size_t n)
{
	const char *part[7] = { NULL };
	size_t pos = 0, count = l->prop == P_N ? 5 : l->prop == P_ORG ? 2 : 7;
	struct contact *c = &r->c;

	for (size_t i = 0; i < count; i++)
		part[i] = next_item(s, n, &pos, ';', r->v21);
	if (l->prop == P_N && (part[0] || part[1] || part[2] || part[3] || part[4])) {
		c->family = part[0];
		c->given = part[1];
		c->middle = part[2];
		c->prefix = part[3];
		c->suffix = part[4];
		r->rank[P_N] = l->rank;
	} else if (l->prop == P_ORG && (part[0] || part[1])) {
		c->organisation = part[0];
		c->department = part[1];
		r->rank[P_ORG] = l->rank;
	} else if (l->prop == P_ADR && (part[3] || part[6])) {
		c->city = part[3];
		c->country = part[6];
		r->rank[P_ADR] = l->rank;
	}
}

static void property(struct reader *r, struct cline *l)
{
	struct contact *c = &r->c;
	size_t n, pos = 0;
	char *s, *v;

	if (l->prop == P_VERSION) {
		const char *vs = l->value, *ve = vs + l->vlen;
		trim(&vs, &ve);
		r->v21 = ve - vs == 3 && !memcmp(vs, "2.1", 3);
		return;
	}
	if (l->prop <= P_ADR && !wanted(r, l))
		return;
	decode(r, l, &s, &n);
	switch (l->prop) {
	case P_FN:
		take(r, l, &c->full_name, next_item(s, n, &pos, 0, r->v21));
		break;
	case P_TITLE:
		take(r, l, &c->title, next_item(s, n, &pos, 0, r->v21));
		break;
	case P_NOTE:
		take(r, l, &c->note, next_item(s, n, &pos, 0, r->v21));
		break;
	case P_BDAY:
		if ((v = next_item(s, n, &pos, 0, r->v21)))
			take(r, l, &c->birthday, birthday(r->a, v, l->omit_year));
		break;
	case P_N:
	case P_ORG:
	case P_ADR:
		structured(r, l, s, n);
		break;
	case P_EMAIL:
		push(r, L_EMAIL, drop_scheme(next_item(s, n, &pos, 0, r->v21), "MAILTO:"), l->rank);
		break;
	case P_TEL:
		push(r, L_TEL, drop_scheme(next_item(s, n, &pos, 0, r->v21), "TEL:"), l->rank);
		break;
	case P_URL:
		push(r, L_URL, next_item(s, n, &pos, 0, r->v21), l->rank);
		break;
	case P_CATEGORIES:
		while (pos <= n)
			push(r, L_TAG, next_item(s, n, &pos, ',', r->v21), RANK_NONE);
		break;
	case P_KIND:
	case P_SHOW_AS:
		v = next_item(s, n, &pos, 0, r->v21);
		r->company |= v && (!strcasecmp(v, "org") || !strcasecmp(v, "COMPANY"));
		break;
	default:
		break;
	}
}

/* The items in the arena, stably sorted by rank (a counting sort: ranks are small). */
static void place(struct mu_arena *a, const struct mu_buf *b, struct contact_strings *out)
{
	const struct item *it = (const struct item *)(const void *)b->data;
	size_t n = b->len / sizeof(*it), ranked = 0, at[RANK_NONE + 2];

	out->n = n;
	out->v = n ? mu_alloc_array(a, n, sizeof(*out->v)) : NULL;
	for (size_t i = 0; i < n; i++) {
		out->v[i] = it[i].s;
		ranked += it[i].rank != RANK_NONE;
	}
	if (!ranked)
		return;
	memset(at, 0, sizeof(at));
	for (size_t i = 0; i < n; i++)
		at[it[i].rank + 1]++;
	for (size_t k = 1; k < RANK_NONE + 2; k++)
		at[k] += at[k - 1];
	for (size_t i = 0; i < n; i++)
		out->v[at[it[i].rank]++] = it[i].s;
}

static void end_card(struct reader *r)
{
	struct contact *c = &r->c;
	struct contact_strings *lists[L_COUNT] = { &c->emails, &c->phones, &c->urls, &c->tags };

	if (r->company && c->organisation) {	/* its FN is the organisation's name */
		c->full_name = c->given = c->family = c->middle = c->prefix = c->suffix = NULL;
	} else if (!c->full_name) {
		const char *parts[] = { c->prefix, c->given, c->middle, c->family, c->suffix };
		struct mu_buf *b = &r->join;

		mu_buf_reset(b);
		for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
			if (!parts[i])
				continue;
			if ((b->len && mu_buf_add(b, " ", 1) < 0) ||
			    mu_buf_add(b, parts[i], strlen(parts[i])) < 0)
				MU_BUG("vcard: join buffer without limit is full");
		}
		if (b->len)
			c->full_name = mu_strndup(r->a, b->data, b->len);
	}
	for (int i = 0; i < L_COUNT; i++)
		place(r->a, &r->lists[i], lists[i]);
	/* more than count_cards saw (a folded BEGIN) grows the array */
	r->cards = mu_grow(r->a, r->cards, r->ncards, &r->cap, sizeof(*r->cards));
	r->cards[r->ncards++] = *c;
	r->in_card = 0;
}

/* A fold (CRLF or LF, then a space or tab) at s[i]: its length, else 0. */
static size_t fold_at(const unsigned char *s, size_t n, size_t i)
{
	if (s[i] == '\r' && i + 2 < n && s[i + 1] == '\n' && is_space((char)s[i + 2]))
		return 3;
	if (s[i] == '\n' && i + 1 < n && is_space((char)s[i + 1]))
		return 2;
	return 0;
}

/*
 * 1 if data[0..n) is UTF-8 once its folds are taken out: some writers fold at 75 octets
 * inside a character. The same well-formed sequences as Unicode's table 3-7; a NUL or
 * any other flaw gives 0.
 */
static int utf8_across_folds(const char *data, size_t n)
{
	const unsigned char *s = (const unsigned char *)data;

	for (size_t i = 0; i < n;) {
		unsigned char c = s[i++], lo, hi;
		int more = utf8_lead(c, &lo, &hi);

		if (more < 0 || !c)
			return 0;
		for (int k = 0; k < more; k++) {
			if (i < n)
				i += fold_at(s, n, i);
			if (i >= n || s[i] < lo || s[i] > hi)
				return 0;
			lo = 0x80;
			hi = 0xBF;
			i++;
		}
	}
	return 1;
}

/* How many cards the text holds, nearly always: the lines that begin with
 * "BEGIN:VCARD", so the cards go straight into one array in the arena. A nested card
 * makes it more; a folded BEGIN less, and end_card() then grows the array. */
static size_t count_cards(const char *p, const char *end)
{
	size_t n = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		n += end - p >= 11 && word_is(p, 11, "BEGIN:VCARD");
		p = nl ? nl + 1 : end;
	}
	return n;
}

/* One non-blank logical line. */
static int content(struct reader *r, struct cline *l)
{
	char snip[48];

	if (!r->in_card) {
		if (is_vcard(l, P_BEGIN)) {
			if (r->ncards == VCARD_CARDS_MAX)
				return line_error(r, MU_ETOOBIG, l->line, "more than %d vCards in the file",
						  VCARD_CARDS_MAX);
			begin_card(r, l->line);
			return 0;
		}
		if (is_vcard(l, P_END))
			return line_error(r, MU_EINVAL, l->line, "END:VCARD without BEGIN:VCARD");
		return line_error(r, MU_EINVAL, l->line, "content outside a vCard ('%s'): only blank"
				  " lines may come between END:VCARD and BEGIN:VCARD",
				  snippet(snip, sizeof(snip), l->text,
					  l->colon ? (size_t)(l->colon - l->text) : l->len));
	}
	if (r->depth) {	/* a nested card: passed over, END:VCARD counted */
		if (is_vcard(l, P_BEGIN))
			r->depth++;
		else if (is_vcard(l, P_END))
			r->depth--;
		return 0;
	}
	if (!l->colon)
		return line_error(r, MU_EINVAL, l->line, "content line without ':' ('%s')",
				  snippet(snip, sizeof(snip), l->text, l->len));
	if (is_vcard(l, P_BEGIN))
		r->depth = 1;
	else if (is_vcard(l, P_END))
		end_card(r);
	else if (l->keep && l->prop != P_BEGIN && l->prop != P_END)
		property(r, l);
	return 0;
}

int vcard_read(struct mu_arena *a, const char *data, size_t len, struct contact_file *out,
	       struct mu_error *err)
{
	struct reader r;
	struct cline l;
	char *text;
	size_t n;
	int rc;

	memset(out, 0, sizeof(*out));
	out->kind = CONTACT_VCARD;
	memset(&r, 0, sizeof(r));
	r.a = a;
	r.err = err;
	r.line = 1;
	for (int i = 0; i < L_COUNT; i++)
		mu_buf_init(&r.lists[i], SIZE_MAX);
	mu_buf_init(&r.join, SIZE_MAX);
	if ((rc = enc_to_utf8(a, data, len, &text, &n, &out->encoding, err)) < 0)
		goto out;
	if (!strcmp(out->encoding, "Windows-1252") && utf8_across_folds(data, len)) {
		/* not Windows-1252 but UTF-8 folded inside characters: unfolding joins them
		 * again, and decode() checks every value. The one case of a second copy. */
		if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
			data += 3;
			len -= 3;
		}
		text = mu_strndup(a, data, len);
		n = len;
		out->encoding = "UTF-8";
		r.split = 1;
	}
	r.p = text;
	r.end = text + n;
	r.cap = count_cards(r.p, r.end);
	if (r.cap > VCARD_CARDS_MAX)
		r.cap = VCARD_CARDS_MAX;
	if (r.cap)
		r.cards = mu_alloc_array(a, r.cap, sizeof(*r.cards));
	while (r.p < r.end) {
		if ((rc = next_line(&r, &l)) < 0)
			goto out;
		if (!is_blank(&l) && (rc = content(&r, &l)) < 0)
			goto out;
	}
	if (r.in_card) {
		rc = line_error(&r, MU_EINVAL, r.c.line, "vCard without END:VCARD: it begins here"
				" and the file ends first");
		goto out;
	}
	if (!r.ncards) {
		rc = mu_fail(err, MU_EINVAL, "", "no vCard in the file");
		goto out;
	}
	out->items = r.cards;
	out->n = r.ncards;
out:
	for (int i = 0; i < L_COUNT; i++)
		mu_buf_release(&r.lists[i]);
	mu_buf_release(&r.join);
	return rc;
}

/* ---- writing ---- */

/* YYYYMMDD from YYYY-MM-DD, --MMDD from --MM-DD (RFC 6350 §4.3.4); else NULL. */
static const char *bday_value(const char *s, char *buf, size_t size)
{
	int y, m, d;
	size_t n = strlen(s);

	if (n == 10 && digits(s, 4, &y) && s[4] == '-' && digits(s + 5, 2, &m) && s[7] == '-' &&
	    digits(s + 8, 2, &d))
		snprintf(buf, size, "%04d%02d%02d", y, m, d);
	else if (n == 7 && s[0] == '-' && s[1] == '-' && digits(s + 2, 2, &m) && s[4] == '-' &&
		 digits(s + 5, 2, &d))
		snprintf(buf, size, "--%02d%02d", m, d);
	else
		return NULL;
	return buf;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static int write_list(struct mu_buf *b, const char *name, const struct contact_strings *l,
		      int pref)
{
	int rc = 0;

	for (size_t i = 0; i < l->n && rc == 0; i++)
		rc = ical_property(b, name, pref && i == 0 ? "PREF=1" : NULL, &l->v[i], 1, ';');
	return rc;
}

static int write_text(struct mu_buf *b, const char *name, const char *s)
{
	return s ? ical_property(b, name, NULL, &s, 1, ';') : 0;
}

int vcard_write(struct mu_buf *b, const struct contact *c, const char *uid)
{
	const char *fn = or_empty(c->full_name), *bday = NULL;
	const char *n[5] = { or_empty(c->family), or_empty(c->given), or_empty(c->middle),
			     or_empty(c->prefix), or_empty(c->suffix) };
	const char *org[2] = { or_empty(c->organisation), or_empty(c->department) };
	const char *adr[7] = { "", "", "", or_empty(c->city), "", "", or_empty(c->country) };
	size_t start = b->len;
	char date[16];
	int rc;

	if (c->birthday)
		bday = bday_value(c->birthday, date, sizeof(date));
	if ((rc = ical_begin(b, "VCARD")) < 0 || (rc = ical_raw(b, "VERSION", "4.0")) < 0 ||
	    (uid && (rc = ical_raw(b, "UID", uid)) < 0) ||
	    (rc = ical_property(b, "FN", NULL, &fn, 1, ';')) < 0)
		goto out;
	/* N whenever a part is set, not only family or given: a prefix alone survives */
	if ((c->family || c->given || c->middle || c->prefix || c->suffix) &&
	    (rc = ical_property(b, "N", NULL, n, 5, ';')) < 0)
		goto out;
	if ((c->organisation || c->department) &&
	    (rc = ical_property(b, "ORG", NULL, org, c->department ? 2 : 1, ';')) < 0)
		goto out;
	if ((rc = write_text(b, "TITLE", c->title)) < 0 ||
	    (rc = write_list(b, "EMAIL", &c->emails, 1)) < 0 ||
	    (rc = write_list(b, "TEL", &c->phones, 1)) < 0 ||
	    (rc = write_list(b, "URL", &c->urls, 0)) < 0)
		goto out;
	if ((c->city || c->country) && (rc = ical_property(b, "ADR", NULL, adr, 7, ';')) < 0)
		goto out;
	if ((bday && (rc = ical_raw(b, "BDAY", bday)) < 0) ||
	    (rc = ical_categories(b, c->tags.v, c->tags.n)) < 0 ||
	    (rc = write_text(b, "NOTE", c->note)) < 0)
		goto out;
	rc = ical_end(b, "VCARD");
out:
	if (rc < 0) {
		b->len = start;
		if (b->data)
			b->data[start] = '\0';
	}
	return rc;
}
