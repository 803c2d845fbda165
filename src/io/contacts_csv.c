/*
 * contacts_csv.c - LinkedIn and Google Contacts CSV files (see contacts_csv.h).
 *
 * How it reads. The decoded text is fed to libcsv one physical line at a time (a line
 * ends in LF, CRLF or a lone CR; a very long line goes in pieces of CHUNK_MAX), so the
 * line number is always known: a row starts on the first line fed while no row is open
 * that holds a byte other than space, tab, CR or LF (libcsv passes over such lines and
 * over leading blanks, and any other byte opens a field). libcsv keeps no line numbers
 * itself; this gives the exact physical line even when quoted cells span lines.
 *
 * A file is parsed in two steps. The header pass reads rows until one is the header of
 * a LinkedIn or Google file; it runs with ',' and then with ';' (the second run stops
 * after the line where the first found its header) and the delimiter whose header holds
 * more known column names wins. The data pass starts afresh right after the header row
 * (a row ends at a line break, so that is a clean place to start) and turns each row
 * into a contact as soon as libcsv hands it over: only the current row is held (its
 * cells one after another, each ended by NUL, in one mu_buf), so memory is the decoded
 * text, the result and one row, and time is linear in the file. The result is kept
 * small, as fresh memory is much of the time on a large file: count_rows sizes the
 * contact array before the data pass (no doubling), and strings are packed (pool).
 *
 * The header's columns are looked up by name into `simple` (one column per role) and,
 * for Google's numbered groups ("Phone 3 - Value"), into groups sorted by kind and
 * number, so a row's values are found by column index whatever the order of columns.
 *
 * Invariants: every string handed out is trimmed, non-empty, valid UTF-8 (the text is,
 * and cells are cut only at ASCII bytes) and in the caller's arena; a libcsv cell never
 * grows past CONTACTS_CSV_CELL_MAX plus one chunk before it is refused.
 */
#include <csv.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/contacts_csv.h"
#include "io/csv.h"
#include "io/encoding.h"
#include "core/banned.h"

#define CHUNK_MAX (16 * 1024)		/* bytes fed to libcsv at once */
#define ROW_MAX (16 * 1024 * 1024)	/* bytes of one row's cells */
#define NO_COL SIZE_MAX
#define MULTI " ::: "			/* Google's separator of values in one cell */
#define MULTI_LEN 5

struct view {
	const char *s;
	size_t n;
};

/* What a column holds. */
enum role {
	R_NONE,		/* not ours */
	R_KNOWN,	/* a column of the format that we do not read (scores the delimiter) */
	R_GIVEN, R_FAMILY, R_MIDDLE, R_PREFIX, R_SUFFIX, R_NAME, R_NICKNAME, R_FILE_AS,
	R_ORG, R_TITLE, R_DEPT, R_BIRTHDAY, R_NOTES, R_LABELS, R_EMAIL, R_URL, R_SINCE,
	R_COUNT
};

/* Which files a column name belongs to. */
enum {
	K_LI = 1,	/* LinkedIn */
	K_GC = 2,	/* Google Contacts today */
	K_GL = 4,	/* the older "Google CSV" */
	K_G = K_GC | K_GL,
};

/* What a name tells of the header it is in (header_row). */
enum {
	S_FIRST = 1, S_LAST = 2, S_CONNECTED = 4, S_ORG = 8, S_LABELS = 16, S_LEGACY = 32,
};

static const struct colname {
	const char *name;
	size_t len;
	enum role role;
	unsigned kinds, sig;
} colnames[] = {
#define COL(name, role, kinds, sig) { name, sizeof(name) - 1, role, kinds, sig }
	COL("First Name", R_GIVEN, K_LI | K_GC, S_FIRST),
	COL("Last Name", R_FAMILY, K_LI | K_GC, S_LAST),
	COL("URL", R_URL, K_LI, 0),
	COL("Email Address", R_EMAIL, K_LI, 0),
	COL("Company", R_ORG, K_LI, 0),
	COL("Position", R_TITLE, K_LI, 0),
	COL("Connected On", R_SINCE, K_LI, S_CONNECTED),
	COL("Middle Name", R_MIDDLE, K_GC, 0),
	COL("Name Prefix", R_PREFIX, K_G, 0),
	COL("Name Suffix", R_SUFFIX, K_G, 0),
	COL("Nickname", R_NICKNAME, K_G, 0),
	COL("File As", R_FILE_AS, K_GC, 0),
	COL("Organization Name", R_ORG, K_GC, S_ORG),
	COL("Organization Title", R_TITLE, K_GC, 0),
	COL("Organization Department", R_DEPT, K_GC, 0),
	COL("Birthday", R_BIRTHDAY, K_G, 0),
	COL("Notes", R_NOTES, K_G, 0),
	COL("Labels", R_LABELS, K_GC, S_LABELS),
	COL("Name", R_NAME, K_GL, 0),
	COL("Given Name", R_GIVEN, K_GL, S_LEGACY),
	COL("Additional Name", R_MIDDLE, K_GL, 0),
	COL("Family Name", R_FAMILY, K_GL, S_LEGACY),
	COL("Group Membership", R_LABELS, K_GL, S_LEGACY),
	COL("Phonetic First Name", R_KNOWN, K_GC, 0),
	COL("Phonetic Middle Name", R_KNOWN, K_GC, 0),
	COL("Phonetic Last Name", R_KNOWN, K_GC, 0),
	COL("Photo", R_KNOWN, K_G, 0),
	COL("Yomi Name", R_KNOWN, K_GL, 0),
	COL("Given Name Yomi", R_KNOWN, K_GL, 0),
	COL("Additional Name Yomi", R_KNOWN, K_GL, 0),
	COL("Family Name Yomi", R_KNOWN, K_GL, 0),
	COL("Initials", R_KNOWN, K_GL, 0),
	COL("Short Name", R_KNOWN, K_GL, 0),
	COL("Maiden Name", R_KNOWN, K_GL, 0),
	COL("Gender", R_KNOWN, K_GL, 0),
	COL("Location", R_KNOWN, K_GL, 0),
	COL("Billing Information", R_KNOWN, K_GL, 0),
	COL("Directory Server", R_KNOWN, K_GL, 0),
	COL("Mileage", R_KNOWN, K_GL, 0),
	COL("Occupation", R_KNOWN, K_GL, 0),
	COL("Hobby", R_KNOWN, K_GL, 0),
	COL("Sensitivity", R_KNOWN, K_GL, 0),
	COL("Priority", R_KNOWN, K_GL, 0),
	COL("Subject", R_KNOWN, K_GL, 0),
	COL("Language", R_KNOWN, K_GL, 0),
#undef COL
};

/* Google's numbered groups: "<kind> <N> - <part>". */
enum gkind { G_EMAIL, G_PHONE, G_ADDR, G_WEB, G_ORG, G_OTHER, G_COUNT };
enum part { P_LABEL, P_VALUE, P_CITY, P_COUNTRY, P_TITLE, P_DEPT, P_OTHER, P_COUNT };

static const struct {
	const char *name;
	size_t len;
	enum gkind kind;
} gkinds[] = {
#define GK(name, kind) { name, sizeof(name) - 1, kind }
	GK("E-mail", G_EMAIL), GK("Phone", G_PHONE), GK("Address", G_ADDR),
	GK("Website", G_WEB), GK("Organization", G_ORG), GK("IM", G_OTHER),
	GK("Relation", G_OTHER), GK("Event", G_OTHER), GK("Custom Field", G_OTHER),
	GK("External ID", G_OTHER),
#undef GK
};

static const struct {
	const char *name;
	enum part part;
} part_names[] = {
	{ "Label", P_LABEL }, { "Type", P_LABEL }, { "Value", P_VALUE },
	{ "Name", P_VALUE },	/* Organization N - Name */
	{ "City", P_CITY }, { "Country", P_COUNTRY }, { "Title", P_TITLE },
	{ "Department", P_DEPT },
};

struct group {
	enum gkind kind;
	unsigned long num;
	size_t col[P_COUNT];
};

/* One column of a group while the header is sorted into groups. */
struct gcol {
	enum gkind kind;
	unsigned long num;
	enum part part;
	size_t col;
};

struct header {
	enum contact_kind kind;
	unsigned long line;		/* where the header row starts */
	int score;			/* its known column names */
	size_t ncols;
	size_t simple[R_COUNT];		/* the first column of each role, or NO_COL */
	struct group *groups;		/* by kind, then number */
	size_t ngroups;
	size_t first[G_COUNT], end[G_COUNT];	/* groups of a kind: [first, end) */
	size_t next;			/* byte offset just after the header row */
	unsigned long next_line;	/* and its line */
};

/*
 * Strings and small lists of the result, packed into chunks of the arena. The arena
 * rounds each allocation up to 16 bytes and zeroes it, which for a file of short cells
 * would double the memory; and fresh memory costs time (page faults) too.
 */
struct pool {
	struct mu_arena *a;
	char *p;
	size_t left;
};

struct reader {
	struct mu_arena *a;
	struct mu_error *err;
	const char *text;
	size_t len;
	char delim;
	struct csv_parser p;

	unsigned long line;		/* of the bytes being fed */
	unsigned long row_line;		/* where the open row starts */
	int in_row;
	size_t chunk_end;		/* the end of the bytes being fed */
	int chunk_breaks;		/* and whether they end a line */

	struct mu_buf row;		/* the open row's cells, each ended by NUL */
	size_t ncells;
	int nonblank;			/* a cell holds more than white space */
	size_t *off, *lens;		/* where cell i < noff starts in row, its length */
	size_t noff;

	int (*on_row)(struct reader *r);	/* <0 error, 0 go on, 1 stop */
	int rc;
	int stopped;
	size_t blank_lines;

	/* the header pass */
	struct header *h;
	unsigned long max_line;		/* give up on rows starting after it */
	int found;

	/* the data pass */
	struct pool pool;
	struct contact_file *out;
	size_t cap;
	size_t rows;
};

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static struct view trim(const char *s, size_t n)
{
	while (n && is_space(*s))
		s++, n--;
	while (n && is_space(s[n - 1]))
		n--;
	return (struct view){ s, n };
}

/* A cell as a value: trimmed, with csv_row's formula guard undone (csv.h). */
static struct view clean(struct view v)
{
	v = trim(v.s, v.n);
	if (v.n > 1 && v.s[0] == '\'' && csv_needs_guard(v.s + 1, v.n - 1))
		v = trim(v.s + 1, v.n - 1);
	return v;
}

static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* v equals the n bytes of the ASCII name s, case ignored. */
static int eq_name_n(struct view v, const char *s, size_t n)
{
	if (v.n != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (ascii_lower((unsigned char)v.s[i]) != ascii_lower((unsigned char)s[i]))
			return 0;
	return 1;
}

static int eq_name(struct view v, const char *s)
{
	return eq_name_n(v, s, strlen(s));
}

/* v begins with the n bytes of the ASCII name s, case ignored; the rest goes to *rest. */
static int has_prefix(struct view v, const char *s, size_t n, struct view *rest)
{
	if (v.n < n || !eq_name_n((struct view){ v.s, n }, s, n))
		return 0;
	*rest = (struct view){ v.s + n, v.n - n };
	return 1;
}

#define POOL_CHUNK (16 * 1024)

static void *pool_alloc(struct pool *pl, size_t n, size_t align)
{
	size_t pad = pl->p ? (align - ((uintptr_t)pl->p & (align - 1))) & (align - 1) : 0;
	void *out;

	if (n > POOL_CHUNK / 16)
		return mu_alloc(pl->a, n);	/* 16-aligned, zeroed */
	if (!pl->p || pl->left < pad + n) {
		pl->p = mu_alloc(pl->a, POOL_CHUNK);
		pl->left = POOL_CHUNK;
		pad = 0;
	}
	out = pl->p + pad;
	pl->p += pad + n;
	pl->left -= pad + n;
	return out;
}

static const char **pool_list(struct pool *pl, size_t n)
{
	if (n > SIZE_MAX / sizeof(const char *))
		MU_BUG("contacts_csv: list size overflows");
	return pool_alloc(pl, n * sizeof(const char *), _Alignof(const char *));
}

/* The view as a string of the result, line breaks as "\n"; NULL when empty. */
static const char *keep(struct pool *pl, struct view v)
{
	char *s, *p;

	if (!v.n)
		return NULL;
	s = p = pool_alloc(pl, v.n + 1, 1);
	for (size_t i = 0; i < v.n; i++) {
		if (v.s[i] != '\r')
			*p++ = v.s[i];
		else if (i + 1 == v.n || v.s[i + 1] != '\n')
			*p++ = '\n';	/* a lone CR; of CRLF only the LF is kept */
	}
	*p = '\0';
	return s;
}

/* At most about max bytes of v for a message, not cutting a UTF-8 character. */
static int shown(struct view v, size_t max)
{
	size_t n = v.n;

	if (n > max) {
		n = max;
		while (n && ((unsigned char)v.s[n] & 0xC0) == 0x80)
			n--;
	}
	return (int)n;
}

static int fail_line(struct mu_error *err, int code, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* mu_fail with the field "line N". */
static int fail_line(struct mu_error *err, int code, unsigned long line, const char *fmt, ...)
{
	char field[32], message[sizeof(err->message)];
	va_list ap;

	snprintf(field, sizeof(field), "line %lu", line);
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	return mu_fail(err, code, field, "%s", message);
}

/* ---- splitting " ::: " ---- */

struct split {
	const char *p, *end;	/* p is NULL when done */
};

static struct split split_start(struct view v)
{
	return (struct split){ v.s, v.s + v.n };
}

/* The next value of a multi-valued cell, trimmed (possibly empty); 0 when done. */
static int split_next(struct split *sp, struct view *out)
{
	const char *m;

	if (!sp->p)
		return 0;
	m = memmem(sp->p, (size_t)(sp->end - sp->p), MULTI, MULTI_LEN);
	if (m) {
		*out = trim(sp->p, (size_t)(m - sp->p));
		sp->p = m + MULTI_LEN;
	} else {
		*out = trim(sp->p, (size_t)(sp->end - sp->p));
		sp->p = NULL;
	}
	return 1;
}

static size_t split_count(struct view v)
{
	struct split sp = split_start(v);
	struct view x;
	size_t n = 0;

	while (split_next(&sp, &x))
		n++;
	return n;
}

static struct view split_first(struct view v)
{
	struct split sp = split_start(v);
	struct view x = { v.s, 0 };

	split_next(&sp, &x);
	return x;
}

/* ---- column names ---- */

static const struct colname *find_colname(struct view name)
{
	if (name.n > 32)
		return NULL;
	for (size_t i = 0; i < sizeof(colnames) / sizeof(colnames[0]); i++)
		if (eq_name_n(name, colnames[i].name, colnames[i].len))
			return &colnames[i];
	return NULL;
}

/* "<kind> <N> - <part>" into *g; 1 if the name has that shape with a kind we know. */
static int parse_group(struct view name, struct gcol *g)
{
	struct view rest;
	size_t i, k;

	for (k = 0; k < sizeof(gkinds) / sizeof(gkinds[0]); k++)
		if (has_prefix(name, gkinds[k].name, gkinds[k].len, &rest) && rest.n > 1 &&
		    rest.s[0] == ' ' && rest.s[1] >= '0' && rest.s[1] <= '9')
			break;
	if (k == sizeof(gkinds) / sizeof(gkinds[0]))
		return 0;
	g->kind = gkinds[k].kind;
	g->num = 0;
	for (i = 1; i < rest.n && rest.s[i] >= '0' && rest.s[i] <= '9'; i++) {
		if (g->num > 1000000)
			return 0;
		g->num = g->num * 10 + (unsigned long)(rest.s[i] - '0');
	}
	rest = (struct view){ rest.s + i, rest.n - i };
	if (!has_prefix(rest, " - ", 3, &rest) || !rest.n)
		return 0;
	g->part = P_OTHER;
	for (k = 0; k < sizeof(part_names) / sizeof(part_names[0]); k++)
		if (eq_name(rest, part_names[k].name))
			g->part = part_names[k].part;
	return 1;
}

static int gcol_cmp(const void *x, const void *y)
{
	const struct gcol *a = x, *b = y;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->num != b->num)
		return a->num < b->num ? -1 : 1;
	return a->col < b->col ? -1 : a->col > b->col;
}

/* The cells of the open row, in order: call with *at = 0, then until it returns 0. */
static int next_cell(const struct reader *r, size_t *at, struct view *v)
{
	if (*at >= r->row.len)
		return 0;
	v->s = r->row.data + *at;
	v->n = strlen(v->s);
	*at += v->n + 1;
	return 1;
}

/* Map the header row's columns into h for a file of the given kind. */
static void build_header(struct reader *r, struct header *h, enum contact_kind kind)
{
	unsigned mask = kind == CONTACT_LINKEDIN ? K_LI : K_G;
	struct gcol *gc = NULL;
	size_t at = 0, ngc = 0, col;
	struct view v;

	h->kind = kind;
	h->ncols = r->ncells;
	for (int i = 0; i < R_COUNT; i++)
		h->simple[i] = NO_COL;
	if (kind == CONTACT_GOOGLE)
		gc = mu_alloc_array(r->a, r->ncells, sizeof(*gc));
	for (col = 0; next_cell(r, &at, &v); col++) {
		const struct colname *cn;
		struct view name = trim(v.s, v.n);

		if ((cn = find_colname(name)) && (cn->kinds & mask)) {
			if (h->simple[cn->role] == NO_COL)
				h->simple[cn->role] = col;
		} else if (gc && parse_group(name, &gc[ngc])) {
			gc[ngc++].col = col;
		}
	}
	h->groups = mu_alloc_array(r->a, ngc, sizeof(*h->groups));
	h->ngroups = 0;
	if (ngc)
		qsort(gc, ngc, sizeof(*gc), gcol_cmp);
	for (size_t i = 0; i < ngc; i++) {
		struct group *g;

		if (!h->ngroups || h->groups[h->ngroups - 1].kind != gc[i].kind ||
		    h->groups[h->ngroups - 1].num != gc[i].num) {
			g = &h->groups[h->ngroups++];
			g->kind = gc[i].kind;
			g->num = gc[i].num;
			for (int p = 0; p < P_COUNT; p++)
				g->col[p] = NO_COL;
		}
		g = &h->groups[h->ngroups - 1];
		if (g->col[gc[i].part] == NO_COL)
			g->col[gc[i].part] = gc[i].col;
	}
	for (int k = 0; k < G_COUNT; k++)
		h->first[k] = h->end[k] = 0;
	for (size_t i = h->ngroups; i-- > 0;)
		h->first[h->groups[i].kind] = i;
	for (size_t i = 0; i < h->ngroups; i++)
		h->end[h->groups[i].kind] = i + 1;
}

/* The header pass: is the open row a header? */
static int header_row(struct reader *r)
{
	unsigned sig = 0;
	int score = 0, email1 = 0;
	enum contact_kind kind = CONTACT_ANY;
	size_t at = 0;
	struct view v;

	if (r->row_line > r->max_line)
		return 1;
	while (next_cell(r, &at, &v)) {
		struct view name = trim(v.s, v.n);
		const struct colname *cn = find_colname(name);
		struct gcol g;

		if (cn) {
			score++;
			sig |= cn->sig;
		} else if (parse_group(name, &g)) {
			score++;
			email1 |= eq_name(name, "E-mail 1 - Value");
		}
	}
	if ((sig & (S_FIRST | S_LAST | S_CONNECTED)) == (S_FIRST | S_LAST | S_CONNECTED))
		kind = CONTACT_LINKEDIN;
	else if (((sig & S_FIRST) && ((sig & (S_ORG | S_LABELS)) || email1)) || (sig & S_LEGACY))
		kind = CONTACT_GOOGLE;
	if (kind == CONTACT_ANY)
		return 0;
	build_header(r, r->h, kind);
	r->h->line = r->row_line;
	r->h->score = score;
	r->h->next = r->chunk_end;
	r->h->next_line = r->line + (r->chunk_breaks ? 1 : 0);
	r->found = 1;
	return 1;
}

/* ---- the data pass ---- */

static struct view cell(const struct reader *r, size_t col)
{
	struct view v = { "", 0 };

	if (col == NO_COL || col >= r->ncells || col >= r->noff)
		return v;
	v.s = r->row.data + r->off[col];
	v.n = r->lens[col];
	return clean(v);
}

static struct view role_cell(const struct reader *r, enum role role)
{
	return cell(r, r->h->simple[role]);
}

static const char *role_value(struct reader *r, enum role role)
{
	return keep(&r->pool, role_cell(r, role));
}

/* The parts that are set, joined by one space; NULL if none is. */
static const char *join_names(struct pool *pl, const char *const *parts, size_t n)
{
	size_t len = 0;
	char *s, *p;

	for (size_t i = 0; i < n; i++)
		if (parts[i])
			len += strlen(parts[i]) + 1;
	if (!len)
		return NULL;
	s = p = pool_alloc(pl, len, 1);
	for (size_t i = 0; i < n; i++) {
		if (!parts[i])
			continue;
		if (p != s)
			*p++ = ' ';
		memcpy(p, parts[i], strlen(parts[i]));
		p += strlen(parts[i]);
	}
	*p = '\0';
	return s;
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* "YYYY-MM-DD", or "--MM-DD" when y is 0. */
static const char *date_text(struct pool *pl, int y, int m, int d)
{
	char *s = pool_alloc(pl, 11, 1), *p = s;

	if (y) {
		*p++ = (char)('0' + y / 1000 % 10);
		*p++ = (char)('0' + y / 100 % 10);
		*p++ = (char)('0' + y / 10 % 10);
		*p++ = (char)('0' + y % 10);
	} else {
		*p++ = '-';
	}
	*p++ = '-';
	*p++ = (char)('0' + m / 10);
	*p++ = (char)('0' + m % 10);
	*p++ = '-';
	*p++ = (char)('0' + d / 10);
	*p++ = (char)('0' + d % 10);
	*p = '\0';
	return s;
}

/* n decimal digits at s[*i] into *out. */
static int digits(struct view v, size_t *i, size_t n, int *out)
{
	*out = 0;
	for (size_t k = 0; k < n; k++, (*i)++) {
		if (*i >= v.n || v.s[*i] < '0' || v.s[*i] > '9')
			return 0;
		*out = *out * 10 + (v.s[*i] - '0');
	}
	return 1;
}

/* "YYYY-MM-DD" (year 0001-9999); with year 0 in *y for "--MM-DD" when allow_no_year. */
static int parse_iso(struct view v, int allow_no_year, int *y, int *m, int *d)
{
	size_t i = 0;

	*y = 0;
	if (allow_no_year && v.n == 7 && v.s[0] == '-' && v.s[1] == '-')
		i = 2;
	else if (v.n != 10 || !digits(v, &i, 4, y) || *y == 0 || v.s[i++] != '-')
		return 0;
	if (!digits(v, &i, 2, m) || i >= v.n || v.s[i++] != '-' || !digits(v, &i, 2, d))
		return 0;
	return *m >= 1 && *m <= 12 && *d >= 1 && *d <= month_days(*y ? *y : 2000, *m);
}

/* "12 Mar 2024", "1 March 2024" (English, case ignored) or "2024-03-12". */
static int parse_since(struct view v, int *y, int *m, int *d)
{
	static const char *const months[12] = {
		"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december",
	};
	static const char *const abbrs[12] = {
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
	};
	size_t i = 0, w;

	if (parse_iso(v, 0, y, m, d))
		return 1;
	if (!digits(v, &i, 1, d))
		return 0;
	if (i < v.n && v.s[i] >= '0' && v.s[i] <= '9')
		*d = *d * 10 + (v.s[i++] - '0');
	if (i >= v.n || v.s[i] != ' ')
		return 0;
	while (i < v.n && v.s[i] == ' ')
		i++;
	for (w = i; w < v.n && ascii_lower((unsigned char)v.s[w]) >= 'a' &&
		    ascii_lower((unsigned char)v.s[w]) <= 'z'; w++)
		;
	*m = 0;
	for (int k = 0; k < 12; k++) {
		struct view word = { v.s + i, w - i };

		if (eq_name(word, months[k]) || eq_name(word, abbrs[k]) ||
		    (k == 8 && eq_name(word, "sept")))
			*m = k + 1;
	}
	i = w;
	if (!*m || i >= v.n || v.s[i] != ' ')
		return 0;
	while (i < v.n && v.s[i] == ' ')
		i++;
	if (!digits(v, &i, 4, y) || i != v.n || *y == 0)
		return 0;
	return *d >= 1 && *d <= month_days(*y, *m);
}

static int since_value(struct reader *r, struct contact *c)
{
	struct view v = role_cell(r, R_SINCE);
	int y, m, d;

	if (!v.n)
		return 0;
	if (!parse_since(v, &y, &m, &d))
		return fail_line(r->err, MU_EINVAL, r->row_line,
				 "'%.*s' is not a date like 12 Mar 2024", shown(v, 40), v.s);
	c->since = date_text(&r->pool, y, m, d);
	return 0;
}

static const char *birthday_value(struct reader *r)
{
	struct view v = role_cell(r, R_BIRTHDAY);
	int y, m, d;

	if (!parse_iso(v, 1, &y, &m, &d))
		return NULL;
	return date_text(&r->pool, y, m, d);
}

static int is_primary(struct view label)
{
	return label.n >= 2 && label.s[0] == '*' && label.s[1] == ' ';
}

/*
 * The values of the groups of one kind whose primary flag is `primary`, in group order;
 * stored at dst (when not NULL) from index 0. Returns how many. A label cell with as many
 * " ::: " parts as the value cell labels each value; else it labels them all.
 */
static size_t group_values(struct reader *r, enum gkind kind, int primary, const char **dst)
{
	const struct header *h = r->h;
	size_t n = 0;

	for (size_t i = h->first[kind]; i < h->end[kind]; i++) {
		const struct group *g = &h->groups[i];
		struct view val = cell(r, g->col[P_VALUE]), lab = cell(r, g->col[P_LABEL]), x;
		struct split sv, sl;
		int each;

		if (!val.n)
			continue;
		each = split_count(lab) > 1 && split_count(lab) == split_count(val);
		sv = split_start(val);
		sl = split_start(lab);
		while (split_next(&sv, &x)) {
			struct view l = lab;

			if (each)
				split_next(&sl, &l);	/* as many parts as sv has */
			if (x.n && is_primary(l) == primary) {
				if (dst)
					dst[n] = keep(&r->pool, x);
				n++;
			}
		}
	}
	return n;
}

static void group_list(struct reader *r, enum gkind kind, struct contact_strings *out)
{
	size_t first = group_values(r, kind, 1, NULL), n = first + group_values(r, kind, 0, NULL);
	const char **v;

	if (!n)
		return;
	v = pool_list(&r->pool, n);
	group_values(r, kind, 1, v);
	group_values(r, kind, 0, v + first);
	out->v = v;
	out->n = n;
}

/* The first group of a kind (primary ones first) for which pick() finds something. */
static const struct group *first_group(struct reader *r, enum gkind kind,
				       int (*pick)(struct reader *r, const struct group *g))
{
	const struct header *h = r->h;

	for (int primary = 1; primary >= 0; primary--)
		for (size_t i = h->first[kind]; i < h->end[kind]; i++)
			if (is_primary(cell(r, h->groups[i].col[P_LABEL])) == primary &&
			    pick(r, &h->groups[i]))
				return &h->groups[i];
	return NULL;
}

static int has_place(struct reader *r, const struct group *g)
{
	return split_first(cell(r, g->col[P_CITY])).n || split_first(cell(r, g->col[P_COUNTRY])).n;
}

static int has_org(struct reader *r, const struct group *g)
{
	return cell(r, g->col[P_VALUE]).n || cell(r, g->col[P_TITLE]).n ||
	       cell(r, g->col[P_DEPT]).n;
}

static const char *group_first(struct reader *r, const struct group *g, enum part part)
{
	return g ? keep(&r->pool, split_first(cell(r, g->col[part]))) : NULL;
}

static int is_system_label(struct view v)
{
	return eq_name(v, "myContacts") || eq_name(v, "My Contacts") || eq_name(v, "starred");
}

static size_t labels(struct reader *r, const char **dst)
{
	struct split sp = split_start(role_cell(r, R_LABELS));
	struct view x;
	size_t n = 0;

	while (split_next(&sp, &x)) {
		int system = 0;

		while (is_primary(x)) {
			system = 1;
			x = trim(x.s + 2, x.n - 2);
		}
		if (!x.n || (system && is_system_label(x)))
			continue;
		if (dst)
			dst[n] = keep(&r->pool, x);
		n++;
	}
	return n;
}

static void google_contact(struct reader *r, struct contact *c)
{
	const char *parts[5], *file_as, *nickname;
	const struct group *g;
	size_t n;

	c->given = role_value(r, R_GIVEN);
	c->family = role_value(r, R_FAMILY);
	c->middle = role_value(r, R_MIDDLE);
	c->prefix = role_value(r, R_PREFIX);
	c->suffix = role_value(r, R_SUFFIX);
	g = first_group(r, G_ORG, has_org);
	c->organisation = role_value(r, R_ORG);
	if (!c->organisation)
		c->organisation = group_first(r, g, P_VALUE);
	c->title = role_value(r, R_TITLE);
	if (!c->title)
		c->title = group_first(r, g, P_TITLE);
	c->department = role_value(r, R_DEPT);
	if (!c->department)
		c->department = group_first(r, g, P_DEPT);
	c->note = role_value(r, R_NOTES);
	c->birthday = birthday_value(r);

	parts[0] = c->prefix, parts[1] = c->given, parts[2] = c->middle;
	parts[3] = c->family, parts[4] = c->suffix;
	c->full_name = role_value(r, R_NAME);
	if (!c->full_name)
		c->full_name = join_names(&r->pool, parts, 5);
	/* a company's own card often files itself under its name: that is no person */
	file_as = role_value(r, R_FILE_AS);
	nickname = role_value(r, R_NICKNAME);
	if (!c->full_name && file_as && (!c->organisation || strcmp(file_as, c->organisation)))
		c->full_name = file_as;
	if (!c->full_name && nickname && (!c->organisation || strcmp(nickname, c->organisation)))
		c->full_name = nickname;

	group_list(r, G_EMAIL, &c->emails);
	group_list(r, G_PHONE, &c->phones);
	group_list(r, G_WEB, &c->urls);
	g = first_group(r, G_ADDR, has_place);
	c->city = group_first(r, g, P_CITY);
	c->country = group_first(r, g, P_COUNTRY);
	if ((n = labels(r, NULL))) {
		c->tags.v = pool_list(&r->pool, n);
		c->tags.n = labels(r, c->tags.v);
	}
}

static void one_value(struct reader *r, enum role role, struct contact_strings *out)
{
	const char *s = role_value(r, role);
	const char **v;

	if (!s)
		return;
	v = pool_list(&r->pool, 1);
	v[0] = s;
	out->v = v;
	out->n = 1;
}

static int linkedin_contact(struct reader *r, struct contact *c)
{
	const char *parts[2];

	c->given = role_value(r, R_GIVEN);
	c->family = role_value(r, R_FAMILY);
	parts[0] = c->given, parts[1] = c->family;
	c->full_name = join_names(&r->pool, parts, 2);
	c->organisation = role_value(r, R_ORG);
	c->title = role_value(r, R_TITLE);
	one_value(r, R_EMAIL, &c->emails);
	one_value(r, R_URL, &c->urls);
	return since_value(r, c);
}

static int data_row(struct reader *r)
{
	struct contact_file *out = r->out;
	struct contact *c;

	if (++r->rows > CONTACTS_CSV_ROWS_MAX)
		return fail_line(r->err, MU_ETOOBIG, r->row_line, "more than %d rows",
				 CONTACTS_CSV_ROWS_MAX);
	if (!r->nonblank) {
		out->skipped_lines++;
		return 0;
	}
	if (out->n == r->cap) {
		/* count_rows was wrong (it cannot be for a file libcsv reads): grow */
		struct contact *items;

		r->cap = r->cap ? r->cap * 2 : 64;
		items = mu_alloc_array(r->a, r->cap, sizeof(*items));
		if (out->n)
			memcpy(items, out->items, out->n * sizeof(*items));
		out->items = items;
	}
	c = &out->items[out->n++];
	memset(c, 0, sizeof(*c));
	c->line = (unsigned)r->row_line;
	if (r->h->kind == CONTACT_LINKEDIN)
		return linkedin_contact(r, c);
	google_contact(r, c);
	return 0;
}

/* ---- feeding libcsv ---- */

static void on_cell(void *s, size_t n, void *data)
{
	struct reader *r = data;
	const char *p = s;
	int rc;

	if (r->rc || r->stopped)
		return;
	if (n > CONTACTS_CSV_CELL_MAX) {
		r->rc = fail_line(r->err, MU_ETOOBIG, r->row_line, "a cell is longer than %d bytes",
				  CONTACTS_CSV_CELL_MAX);
		return;
	}
	for (size_t i = 0; i < n && !r->nonblank; i++)
		r->nonblank = !is_space(p[i]);
	if (r->ncells < r->noff) {
		r->off[r->ncells] = r->row.len;
		r->lens[r->ncells] = n;
	}
	if (r->ncells < r->noff || !r->noff) {
		if ((rc = mu_buf_add(&r->row, p, n)) < 0 || (rc = mu_buf_add(&r->row, "", 1)) < 0) {
			r->rc = fail_line(r->err, rc, r->row_line, "a row is longer than %d bytes",
					  ROW_MAX);
			return;
		}
	}
	r->ncells++;
}

static void on_row(int c, void *data)
{
	struct reader *r = data;
	int rc;

	(void)c;
	if (!r->rc && !r->stopped) {
		rc = r->on_row(r);
		if (rc < 0)
			r->rc = rc;
		else if (rc > 0)
			r->stopped = 1;
	}
	mu_buf_reset(&r->row);
	r->ncells = 0;
	r->nonblank = 0;
	r->in_row = 0;
}

/* The end of the line that starts at pos (after its LF, CRLF or CR), or CHUNK_MAX
 * bytes on; *breaks tells which. */
static size_t chunk(const char *s, size_t len, size_t pos, int *breaks)
{
	size_t max = len - pos > CHUNK_MAX ? pos + CHUNK_MAX : len;

	for (size_t i = pos; i < max; i++) {
		if (s[i] == '\n' || s[i] == '\r') {
			*breaks = 1;
			return s[i] == '\r' && i + 1 < len && s[i + 1] == '\n' ? i + 2 : i + 1;
		}
	}
	*breaks = 0;
	return max;
}

static int holds_text(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 1;
	return 0;
}

static int syntax_error(struct reader *r, size_t at)
{
	char where[48] = "";

	if (r->line != r->row_line)
		snprintf(where, sizeof(where), " (on line %lu)", r->line);
	if (csv_error(&r->p) != CSV_EPARSE)
		return fail_line(r->err, MU_ENOMEM, r->row_line, "%s",
				 csv_strerror(csv_error(&r->p)));
	if (r->text[at] == '"')
		return fail_line(r->err, MU_EINVAL, r->row_line, "a '\"' inside a cell that is not"
				 " quoted%s: quote the cell and double the '\"'", where);
	return fail_line(r->err, MU_EINVAL, r->row_line, "text after the closing quote of a"
			 " cell%s: a '\"' inside a quoted cell must be doubled", where);
}

/* Parse from byte pos (the start of line `line`) until on_row stops or the text ends. */
static int feed(struct reader *r, size_t pos, unsigned long line)
{
	size_t limit = CONTACTS_CSV_CELL_MAX + CHUNK_MAX + 8192;

	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		MU_BUG("csv_init");
	csv_set_delim(&r->p, (unsigned char)r->delim);
	csv_set_blk_size(&r->p, 4096);
	mu_buf_init(&r->row, ROW_MAX);
	r->line = line;
	r->in_row = 0;
	r->ncells = 0;
	r->nonblank = 0;
	r->rc = 0;
	r->stopped = 0;
	while (pos < r->len && !r->rc && !r->stopped) {
		size_t end = chunk(r->text, r->len, pos, &r->chunk_breaks), done;

		if (!r->in_row && holds_text(r->text + pos, end - pos)) {
			r->in_row = 1;
			r->row_line = r->line;
		} else if (!r->in_row && r->chunk_breaks) {
			r->blank_lines++;
		}
		r->chunk_end = end;
		done = csv_parse(&r->p, r->text + pos, end - pos, on_cell, on_row, r);
		if (done != end - pos && !r->rc && !r->stopped)
			r->rc = syntax_error(r, pos + done);
		else if (!r->rc && !r->stopped && csv_get_buffer_size(&r->p) > limit)
			r->rc = fail_line(r->err, MU_ETOOBIG, r->row_line,
					  "a cell is longer than %d bytes", CONTACTS_CSV_CELL_MAX);
		if (r->chunk_breaks)
			r->line++;
		pos = end;
	}
	if (!r->rc && !r->stopped) {
		r->chunk_end = r->len;
		r->chunk_breaks = 0;
		if (csv_fini(&r->p, on_cell, on_row, r) != 0 && !r->rc)
			r->rc = fail_line(r->err, MU_EINVAL, r->row_line,
					  "a quoted cell is never closed");
	}
	csv_free(&r->p);
	mu_buf_release(&r->row);
	return r->rc;
}

/* ---- the two passes ---- */

/*
 * How many rows from s on hold a byte other than white space, delimiters and quotes:
 * at least as many as the contacts in them, so the data pass allocates items once.
 * A '"' toggles quoting (a doubled one toggles twice); this agrees with libcsv on
 * every row it reads without error.
 */
static size_t count_rows(const char *s, size_t len, char delim)
{
	size_t n = 0;
	int quoted = 0, content = 0;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
			n += content, content = 0;
		else if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && (quoted || c != delim))
			content = 1;
	}
	return n + content;
}

static int find_header(struct reader *r, char delim, unsigned long max_line, struct header *h,
		       struct mu_error *err)
{
	r->delim = delim;
	r->on_row = header_row;
	r->h = h;
	r->max_line = max_line;
	r->found = 0;
	r->err = err;
	r->off = r->lens = NULL;
	r->noff = 0;
	return feed(r, 0, 1);
}

static const char *kind_text(enum contact_kind kind)
{
	switch (kind) {
	case CONTACT_LINKEDIN:
		return "a LinkedIn export";
	case CONTACT_GOOGLE:
		return "a Google Contacts file";
	case CONTACT_VCARD:
		return "a vCard file";
	default:
		return "a contacts file";
	}
}

int contacts_csv_read(struct mu_arena *a, const char *data, size_t len, enum contact_kind want,
		      struct contact_file *out, struct mu_error *err)
{
	struct header comma, semi, *h = NULL;
	struct mu_error err_comma, err_semi;
	struct reader r;
	char *text;
	size_t text_len;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&r, 0, sizeof(r));
	if ((rc = enc_to_utf8(a, data, len, &text, &text_len, &out->encoding, err)) < 0)
		return rc;
	if (trim(text, text_len).n == 0)
		return mu_fail(err, MU_EINVAL, "", "the file is empty");
	r.a = a;
	r.text = text;
	r.len = text_len;

	mu_error_clear(&err_comma);
	mu_error_clear(&err_semi);
	rc = find_header(&r, ',', ULONG_MAX, &comma, &err_comma);
	if (rc == 0 && r.found)
		h = &comma;
	rc = find_header(&r, ';', h ? h->line : ULONG_MAX, &semi, &err_semi);
	if (rc == 0 && r.found && (!h || semi.score > h->score))
		h = &semi;
	if (!h) {
		if (err_comma.code < 0) {
			if (err)
				*err = err_comma;
			return err_comma.code;
		}
		return mu_fail(err, MU_EINVAL, "", "no LinkedIn or Google Contacts header row:"
			       " looked for a row with First Name, Last Name and Connected On"
			       " (LinkedIn), First Name with Organization Name, Labels or"
			       " E-mail 1 - Value (Google Contacts), or Given Name, Family Name or"
			       " Group Membership (Google's older CSV)");
	}
	if (want != CONTACT_ANY && want != h->kind) {
		char field[32];

		snprintf(field, sizeof(field), "line %lu", h->line);
		return mu_fail(err, MU_EINVAL, field, "this is %s, not %s", kind_text(h->kind),
			       kind_text(want));
	}

	out->kind = h->kind;
	out->delimiter = h == &semi ? ';' : ',';
	r.delim = out->delimiter;
	r.h = h;
	r.on_row = data_row;
	r.out = out;
	r.err = err;
	r.noff = h->ncols;
	r.off = mu_alloc_array(a, h->ncols, sizeof(*r.off));
	r.lens = mu_alloc_array(a, h->ncols, sizeof(*r.lens));
	r.blank_lines = 0;
	r.pool = (struct pool){ a, NULL, 0 };
	r.cap = count_rows(text + h->next, text_len - h->next, r.delim);
	if (r.cap > CONTACTS_CSV_ROWS_MAX)
		r.cap = CONTACTS_CSV_ROWS_MAX;
	if (r.cap)
		out->items = mu_alloc_array(a, r.cap, sizeof(*out->items));
	if ((rc = feed(&r, h->next, h->next_line)) < 0)
		return rc;
	out->skipped_lines += r.blank_lines;
	return 0;
}

/* ---- writing ---- */

/* Today's Google export, the columns before the numbered groups. */
enum wcol {
	W_FIRST, W_MIDDLE, W_LAST, W_PH_FIRST, W_PH_MIDDLE, W_PH_LAST, W_PREFIX, W_SUFFIX,
	W_NICKNAME, W_FILE_AS, W_ORG, W_TITLE, W_DEPT, W_BIRTHDAY, W_NOTES, W_PHOTO, W_LABELS,
	W_FIXED
};

static const char *const wnames[W_FIXED] = {
	"First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name",
	"Phonetic Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As",
	"Organization Name", "Organization Title", "Organization Department", "Birthday", "Notes",
	"Photo", "Labels",
};

static const char *const addr_parts[] = {
	"Label", "Formatted", "Street", "City", "PO Box", "Region", "Postal Code", "Country",
	"Extended Address",
};
#define ADDR_CITY 3
#define ADDR_COUNTRY 7
#define ADDR_N (sizeof(addr_parts) / sizeof(addr_parts[0]))

static size_t at_least(size_t m, size_t n)
{
	return n > m ? n : m;
}

static const char *joined(struct mu_arena *a, const struct contact_strings *s)
{
	struct mu_buf b;
	const char *out;

	if (!s->n)
		return NULL;
	mu_buf_init(&b, SIZE_MAX);
	for (size_t i = 0; i < s->n; i++) {
		if (i)
			mu_buf_adds(&b, MULTI);
		mu_buf_adds(&b, s->v[i]);
	}
	out = mu_strndup(a, mu_buf_str(&b), b.len);
	mu_buf_release(&b);
	return out;
}

int contacts_csv_write_google(struct mu_buf *b, const struct contact *items, size_t n)
{
	size_t ne = 1, np = 1, nu = 1, ncols, at, start = b->len, e0, p0, a0, u0;
	struct mu_arena tmp;
	struct pool pl;
	const char **cells;
	int rc;

	for (size_t i = 0; i < n; i++) {
		ne = at_least(ne, items[i].emails.n);
		np = at_least(np, items[i].phones.n);
		nu = at_least(nu, items[i].urls.n);
	}
	ncols = W_FIXED + 2 * ne + 2 * np + ADDR_N + 2 * nu;
	e0 = W_FIXED, p0 = e0 + 2 * ne, a0 = p0 + 2 * np, u0 = a0 + ADDR_N;
	mu_arena_init(&tmp);
	pl = (struct pool){ &tmp, NULL, 0 };
	cells = mu_alloc_array(&tmp, ncols, sizeof(*cells));
	for (at = 0; at < W_FIXED; at++)
		cells[at] = wnames[at];
	for (size_t i = 0; i < ne; i++) {
		cells[at++] = mu_printf(&tmp, "E-mail %zu - Label", i + 1);
		cells[at++] = mu_printf(&tmp, "E-mail %zu - Value", i + 1);
	}
	for (size_t i = 0; i < np; i++) {
		cells[at++] = mu_printf(&tmp, "Phone %zu - Label", i + 1);
		cells[at++] = mu_printf(&tmp, "Phone %zu - Value", i + 1);
	}
	for (size_t i = 0; i < ADDR_N; i++)
		cells[at++] = mu_printf(&tmp, "Address 1 - %s", addr_parts[i]);
	for (size_t i = 0; i < nu; i++) {
		cells[at++] = mu_printf(&tmp, "Website %zu - Label", i + 1);
		cells[at++] = mu_printf(&tmp, "Website %zu - Value", i + 1);
	}
	rc = csv_row(b, cells, ncols, ',');

	for (size_t k = 0; k < n && rc == 0; k++) {
		const struct contact *c = &items[k];
		const char *parts[5] = { c->prefix, c->given, c->middle, c->family, c->suffix };
		const char *full = join_names(&pl, parts, 5);

		memset(cells, 0, ncols * sizeof(*cells));
		if (c->full_name && (!full || strcmp(full, c->full_name))) {
			/* no columns for a name that is not its parts: keep the name */
			cells[W_FIRST] = c->full_name;
		} else {
			cells[W_PREFIX] = c->prefix;
			cells[W_FIRST] = c->given;
			cells[W_MIDDLE] = c->middle;
			cells[W_LAST] = c->family;
			cells[W_SUFFIX] = c->suffix;
		}
		cells[W_ORG] = c->organisation;
		cells[W_TITLE] = c->title;
		cells[W_DEPT] = c->department;
		cells[W_BIRTHDAY] = c->birthday;
		cells[W_NOTES] = c->note;
		cells[W_LABELS] = joined(&tmp, &c->tags);
		for (size_t i = 0; i < c->emails.n; i++)
			cells[e0 + 2 * i + 1] = c->emails.v[i];
		for (size_t i = 0; i < c->phones.n; i++)
			cells[p0 + 2 * i + 1] = c->phones.v[i];
		cells[a0 + ADDR_CITY] = c->city;
		cells[a0 + ADDR_COUNTRY] = c->country;
		for (size_t i = 0; i < c->urls.n; i++)
			cells[u0 + 2 * i + 1] = c->urls.v[i];
		rc = csv_row(b, cells, ncols, ',');
	}
	mu_arena_release(&tmp);
	if (rc < 0) {
		b->len = start;
		if (b->data)
			b->data[start] = '\0';
	}
	return rc;
}
