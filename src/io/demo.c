/*
 * demo.c - three realistic demo workspaces as workspace documents (FORMAT.md §1):
 * a BNI-style referral chapter in Lund (group), a Danish consultancy whose employees
 * take part in five formal networks (organisation) and a Copenhagen freelancer's
 * network of 300 contacts (personal).
 *
 * Everything comes from the static tables below and a splitmix64 generator with a
 * fixed seed per kind, never from the clock or rand(); times are placed relative to
 * "now" on the Scandinavian calendar (CET/CEST, computed here from the EU rule), so
 * the same inputs give the same document byte for byte. History lies in the year
 * before now: no meeting, one-to-one, exchange or referral step lies after now, while
 * some tasks and goals reach into the future. Every record follows docs/model.md;
 * ids are short strings ("p1", "mt3") unique per kind, profiles are keyed by person.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/demo.h"
#include "core/random.h"
#include "core/mtime.h"
#include "core/banned.h"

#define DAY 86400
#define HOUR 3600
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define MAX_PERSONS 400		/* per document; the tie bitmap is MAX_PERSONS² bits */
#define ID_LEN 16

/* ---- the document and its arrays ---- */

enum slot {
	S_ORG, S_PERSON, S_PROFILE, S_TIE, S_EXCHANGE, S_REFERRAL, S_NETWORK, S_MEMBERSHIP,
	S_MEETING, S_ONE_TO_ONE, S_TAKEAWAY, S_GOAL, S_PLAN, S_ASK, S_OFFER, S_TASK, S_COUNT
};

/* the arrays in the order of FORMAT.md §1, with their id prefixes */
static const struct {
	const char *array, *prefix;
} slots[S_COUNT] = {
	[S_ORG] = { "organisations", "o" }, [S_PERSON] = { "persons", "p" },
	[S_PROFILE] = { "profiles", NULL }, [S_TIE] = { "ties", "t" },
	[S_EXCHANGE] = { "exchanges", "x" }, [S_REFERRAL] = { "referrals", "r" },
	[S_NETWORK] = { "networks", "n" }, [S_MEMBERSHIP] = { "memberships", "m" },
	[S_MEETING] = { "meetings", "mt" }, [S_ONE_TO_ONE] = { "one_to_ones", "oo" },
	[S_TAKEAWAY] = { "takeaways", "k" }, [S_GOAL] = { "goals", "g" },
	[S_PLAN] = { "plans", "pl" }, [S_ASK] = { "asks", "a" }, [S_OFFER] = { "offers", "f" },
	[S_TASK] = { "tasks", "ts" },
};

struct gen {
	uint64_t state;		/* splitmix64 */
	int64_t now, today;	/* Unix seconds; whole days since 1970-01-01 */
	const char *currency;
	json_t *doc, *arr[S_COUNT];
	int count[S_COUNT];
	unsigned char *tied;	/* bit lo*MAX_PERSONS+hi: the pair has a tie */
	int oom;
};

/* ---- random numbers ---- */

static uint64_t rnd(struct gen *g)
{
	return mu_splitmix64(&g->state);
}

/* 0 .. n-1 */
static int pick(struct gen *g, int n)
{
	return n > 0 ? (int)(rnd(g) % (uint64_t)n) : 0;
}

static int chance(struct gen *g, int percent)
{
	return pick(g, 100) < percent;
}

/* lo .. hi inclusive */
static int64_t between(struct gen *g, int64_t lo, int64_t hi)
{
	return hi <= lo ? lo : lo + (int64_t)(rnd(g) % (uint64_t)(hi - lo + 1));
}

/* An index drawn with the given weights. */
static int weighted(struct gen *g, const int *weights, int n)
{
	int total = 0, r;

	for (int i = 0; i < n; i++)
		total += weights[i];
	r = pick(g, total);
	for (int i = 0; i < n; i++) {
		if (r < weights[i])
			return i;
		r -= weights[i];
	}
	return n - 1;
}

/* ---- calendar: UTC days, Swedish and Danish local time ---- */

static int64_t floor_div(int64_t a, int64_t b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* 0 Monday .. 6 Sunday; 1970-01-01 was a Thursday */
static int weekday(int64_t day)
{
	return (int)(((day % 7) + 7 + 3) % 7);
}

static int month_of(int64_t day)
{
	int y, m, d;

	mu_civil_from_days(day, &y, &m, &d);
	return m;
}

static int64_t last_sunday(int year, int month)	/* March or October: 31 days */
{
	int64_t d = mu_days_from_civil(year, month, 31);

	return d - (weekday(d) + 1) % 7;
}

/* Hours east of UTC in Lund and Copenhagen: CEST from the last Sunday of March to the
 * last Sunday of October (whole days: nothing here happens at night). */
static int cet_offset(int64_t day)
{
	int y, m, d;

	mu_civil_from_days(day, &y, &m, &d);
	return day >= last_sunday(y, 3) && day < last_sunday(y, 10) ? 2 : 1;
}

static int64_t local_at(int64_t day, int hour, int minute)
{
	return day * DAY + (int64_t)(hour - cet_offset(day)) * HOUR + (int64_t)minute * 60;
}

/* The first day of the month delta months from day's month. */
static int64_t month_start(int64_t day, int delta)
{
	int y, m, d;

	mu_civil_from_days(day, &y, &m, &d);
	m += delta;
	while (m < 1) {
		m += 12;
		y--;
	}
	while (m > 12) {
		m -= 12;
		y++;
	}
	return mu_days_from_civil(y, m, 1);
}

/* Summer and Christmas, when networks rest. */
static int holiday(int64_t day)
{
	int y, m, d;

	mu_civil_from_days(day, &y, &m, &d);
	return m == 7 || (m == 12 && d >= 22) || (m == 1 && d <= 5);
}

/* An office time (08:00-16:45 local) on a working day from .. to, never after
 * yesterday; a weekend day moves to Friday, or to Monday if Friday is before from. */
static int64_t office_time(struct gen *g, int64_t from, int64_t to)
{
	int64_t day, friday, monday;
	int w;

	if (to > g->today - 1)
		to = g->today - 1;
	if (from > to)
		from = to;
	day = between(g, from, to);
	w = weekday(day);
	if (w >= 5) {
		friday = day - (w - 4);
		monday = day + (7 - w);
		day = friday >= from || monday > to ? friday : monday;
	}
	return local_at(day, 8 + pick(g, 9), 15 * pick(g, 4));
}

/* The first weekday wd (0 Monday) on or after day. */
static int64_t next_weekday(int64_t day, int wd)
{
	while (weekday(day) != wd)
		day++;
	return day;
}

/* ---- JSON helpers: every failure marks the generator out of memory ---- */

static void put(struct gen *g, json_t *o, const char *key, json_t *v)
{
	if (json_object_set_new(o, key, v) != 0)
		g->oom = 1;
}

static void push(struct gen *g, json_t *array, json_t *v)
{
	if (json_array_append_new(array, v) != 0)
		g->oom = 1;
}

static void put_str(struct gen *g, json_t *o, const char *key, const char *s)
{
	if (s && *s)
		put(g, o, key, json_string(s));
}

static void put_int(struct gen *g, json_t *o, const char *key, int64_t v)
{
	put(g, o, key, json_integer((json_int_t)v));
}

static void id_text(enum slot s, int n, char id[ID_LEN])
{
	snprintf(id, ID_LEN, "%s%d", slots[s].prefix, n);
}

static json_t *ref(enum slot s, int n)
{
	char id[ID_LEN];

	id_text(s, n, id);
	return json_string(id);
}

/* A reference to record n of kind s; 0 is none. */
static void put_ref(struct gen *g, json_t *o, const char *key, enum slot s, int n)
{
	if (n > 0)
		put(g, o, key, ref(s, n));
}

static void put_time(struct gen *g, json_t *o, const char *key, int64_t t)
{
	char buf[MU_TIME_LEN];

	mu_time_format(t, buf);
	put(g, o, key, json_string(buf));
}

static void put_date(struct gen *g, json_t *o, const char *key, int64_t day)
{
	char buf[MU_DATE_LEN];

	mu_date_format(day, buf);
	put(g, o, key, json_string(buf));
}

static json_t *money(struct gen *g, int64_t minor)
{
	return json_pack("{s:I, s:s}", "amount", (json_int_t)minor, "currency", g->currency);
}

/* Sets a list, or drops it when empty. */
static void put_list(struct gen *g, json_t *o, const char *key, json_t *list)
{
	if (!list) {
		g->oom = 1;
		return;
	}
	if (json_array_size(list))
		put(g, o, key, list);
	else
		json_decref(list);
}

/* The items of list separated by sep ("62 70 C", "a;b"), as a JSON array of strings. */
static json_t *words(struct gen *g, const char *list, char sep)
{
	json_t *a = json_array();
	const char *p = list, *end;

	if (!a)
		g->oom = 1;
	while (a && p && *p) {
		size_t len;

		end = strchr(p, sep);
		len = end ? (size_t)(end - p) : strlen(p);
		if (len)
			push(g, a, json_stringn(p, len));
		p = end ? end + 1 : NULL;
	}
	return a;
}

static void put_words(struct gen *g, json_t *o, const char *key, const char *list, char sep)
{
	if (list && *list)
		put_list(g, o, key, words(g, list, sep));
}

/* Objects {k1: left, k2: right} from "left<mid>right<sep>..." ("label|stage;..."). */
static json_t *pairs(struct gen *g, const char *list, char sep, char mid, const char *k1,
		     const char *k2)
{
	json_t *items = words(g, list, sep), *out = json_array(), *w;
	size_t i;

	if (!out)
		g->oom = 1;
	json_array_foreach(items, i, w) {
		const char *s = json_string_value(w), *m = strchr(s, mid);
		json_t *o = json_object();

		put(g, o, k1, m ? json_stringn(s, (size_t)(m - s)) : json_string(s));
		if (m)
			put(g, o, k2, json_string(m + 1));
		push(g, out, o);
	}
	json_decref(items);
	return out;
}

/* A segment object from "industry=64 role_level=manager ... want=10", keys in the
 * order of docs/model.md. */
static json_t *segment(struct gen *g, const char *spec)
{
	json_t *items = words(g, spec, ' '), *o = json_object(), *w;
	size_t i;

	if (!o)
		g->oom = 1;
	json_array_foreach(items, i, w) {
		const char *s = json_string_value(w), *eq = strchr(s, '=');
		char key[16];

		if (!eq || (size_t)(eq - s) >= sizeof(key))
			continue;
		snprintf(key, sizeof(key), "%.*s", (int)(eq - s), s);
		if (!strcmp(key, "want"))
			put_int(g, o, key, strtol(eq + 1, NULL, 10));
		else
			put_str(g, o, key, eq + 1);
	}
	json_decref(items);
	return o;
}

/* A new record appended to its array with "id" first (profiles have none). */
static json_t *record(struct gen *g, enum slot s, int *n)
{
	json_t *o = json_object();
	int num = ++g->count[s];

	if (n)
		*n = num;
	if (!o || json_array_append_new(g->arr[s], o) != 0) {
		g->oom = 1;
		return NULL;
	}
	put_ref(g, o, "id", s, slots[s].prefix ? num : 0);
	return o;
}

static void start(struct gen *g, const char *name, const char *kind, const char *locale,
		  const char *currency)
{
	json_t *ws = json_object();

	g->currency = currency;
	if (!(g->doc = json_object())) {
		g->oom = 1;
		json_decref(ws);
		return;
	}
	put_str(g, g->doc, "format", "mutua-workspace/1");
	put_str(g, ws, "name", name);
	put_str(g, ws, "kind", kind);
	put_str(g, ws, "locale", locale);
	put_str(g, ws, "currency", currency);
	put(g, g->doc, "workspace", ws);
	for (int s = 0; s < S_COUNT; s++) {
		json_t *a = json_array();

		if (!a || json_object_set_new(g->doc, slots[s].array, a) != 0) {
			g->oom = 1;
			a = NULL;
		}
		g->arr[s] = a;
	}
}

/* ---- text helpers: addresses, phone numbers ---- */

static const struct {
	const char *from, *to;
} translit[] = {
	{ "å", "a" }, { "ä", "a" }, { "ö", "o" }, { "æ", "ae" }, { "ø", "o" }, { "é", "e" },
	{ "ü", "u" }, { "Å", "a" }, { "Ä", "a" }, { "Ö", "o" }, { "Æ", "ae" }, { "Ø", "o" },
	{ "É", "e" }, { "Ü", "u" },
};

static int translit_at(const char *in)
{
	for (int k = 0; k < N(translit); k++)
		if (!strncmp(in, translit[k].from, strlen(translit[k].from)))
			return k;
	return -1;
}

/* Lower-case ASCII of text for addresses: å ä ö æ ø é ü spelled out, letters, digits
 * and '-' kept, a space becomes sep (nothing if sep is 0) or ends the text when
 * first_word is set, anything else is dropped. */
static void ascii(const char *in, char sep, int first_word, char *out, size_t size)
{
	size_t o = 0;

	while (*in && o + 3 < size) {
		int k = translit_at(in);
		char ch;

		if (k >= 0) {
			for (const char *t = translit[k].to; *t; t++)
				out[o++] = *t;
			in += strlen(translit[k].from);
			continue;
		}
		ch = *in++;
		if (ch == ' ' && first_word)
			break;
		if (ch == ' ' && sep && o && out[o - 1] != sep)
			out[o++] = sep;
		else if (ch >= 'A' && ch <= 'Z')
			out[o++] = (char)(ch - 'A' + 'a');
		else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-')
			out[o++] = ch;
	}
	out[o] = '\0';
}

static int is_danish(const char *region)
{
	return region && !strncmp(region, "DK", 2);
}

static void phone(struct gen *g, const char *region, char *buf, size_t size)
{
	if (is_danish(region))
		snprintf(buf, size, "+45 %02d %02d %02d %02d", 20 + pick(g, 80), pick(g, 100),
			 pick(g, 100), pick(g, 100));
	else
		snprintf(buf, size, "+46 7%c %03d %02d %02d", "0236"[pick(g, 4)], pick(g, 1000),
			 pick(g, 100), pick(g, 100));
}

/* ---- records ---- */

struct org_spec {
	const char *name, *industry, *size, *region, *domain;
};

static int add_org(struct gen *g, const struct org_spec *s)
{
	json_t *o;
	char buf[96];
	int n;

	o = record(g, S_ORG, &n);
	put_str(g, o, "name", s->name);
	put_str(g, o, "industry", s->industry);
	put_str(g, o, "size_class", s->size);
	put_str(g, o, "region", s->region);
	if (s->domain) {
		snprintf(buf, sizeof(buf), "https://%s", s->domain);
		put_str(g, o, "website", buf);
	}
	if (is_danish(s->region))	/* CVR-nummer */
		snprintf(buf, sizeof(buf), "%08d", 10000000 + pick(g, 89999999));
	else if (s->industry && !strncmp(s->industry, "84", 2))	/* a kommun or region */
		snprintf(buf, sizeof(buf), "2120%02d-%04d", pick(g, 100), pick(g, 10000));
	else				/* organisationsnummer of an aktiebolag */
		snprintf(buf, sizeof(buf), "559%03d-%04d", pick(g, 1000), pick(g, 10000));
	put_str(g, o, "org_number", buf);
	return n;
}

struct person_spec {
	const char *name, *domain, *title, *level, *function, *industry, *region, *city;
	const char *tags, *source, *basis;	/* tags separated by ';' */
	int org, full_email, private_flag;
};

static int add_person(struct gen *g, const struct person_spec *s)
{
	char local[96], buf[160];
	json_t *o;
	int n;

	o = record(g, S_PERSON, &n);
	put_str(g, o, "full_name", s->name);
	if (s->domain) {
		ascii(s->name, '.', !s->full_email, local, sizeof(local));
		snprintf(buf, sizeof(buf), "%s@%s", local, s->domain);
		put(g, o, "emails", json_pack("[s]", buf));
	}
	phone(g, s->region, buf, sizeof(buf));
	put(g, o, "phones", json_pack("[s]", buf));
	put_ref(g, o, "organisation_id", S_ORG, s->org);
	put_str(g, o, "title", s->title);
	put_str(g, o, "role_level", s->level);
	put_str(g, o, "role_function", s->function);
	put_str(g, o, "industry", s->industry);
	put_str(g, o, "region", s->region);
	put_str(g, o, "city", s->city);
	put_words(g, o, "tags", s->tags, ';');
	put_str(g, o, "source", s->source);
	put_str(g, o, "legal_basis", s->basis);
	if (s->private_flag)
		put(g, o, "private", json_true());
	return n;
}

/* A profile as text: lists separated by ';' (labels, asks, themes) or ' ' (codes);
 * offerings "label|stage", roles "level:function". */
struct profile_text {
	const char *sphere, *offerings, *asks, *contributes, *industries, *sizes, *roles,
		   *regions, *themes;
	int deal;		/* typical deal in major units */
};

static void add_profile(struct gen *g, int person, const struct profile_text *p, int competitor)
{
	json_t *o = record(g, S_PROFILE, NULL);

	put_ref(g, o, "person_id", S_PERSON, person);
	put_str(g, o, "sphere", p->sphere);
	put_list(g, o, "offerings", pairs(g, p->offerings, ';', '|', "label", "stage"));
	put_words(g, o, "asks", p->asks, ';');
	put_str(g, o, "contributes", p->contributes);
	put_words(g, o, "target_industries", p->industries, ' ');
	put_words(g, o, "target_sizes", p->sizes, ' ');
	put_list(g, o, "target_roles", pairs(g, p->roles, ' ', ':', "level", "function"));
	put_words(g, o, "target_regions", p->regions, ' ');
	put_words(g, o, "themes", p->themes, ';');
	if (p->deal)
		put(g, o, "typical_deal", money(g, (int64_t)p->deal * 100));
	if (competitor)
		put(g, o, "competitors", json_pack("[o]", ref(S_PERSON, competitor)));
}

static size_t pair_bit(int a, int b)
{
	int lo = a < b ? a : b, hi = a < b ? b : a;

	return (size_t)lo * MAX_PERSONS + (size_t)hi;
}

static int is_tied(const struct gen *g, int a, int b)
{
	size_t bit = pair_bit(a, b);

	return (g->tied[bit / 8] >> (bit % 8)) & 1;
}

struct tie_spec {
	int a, b;
	const char *how, *tier, *status;
	int64_t since;		/* day */
	int cadence, liking_a, liking_b, private_flag;	/* 0: none */
};

/* A tie, unless a == b or the pair already has one; returns its number or 0. */
static int add_tie(struct gen *g, const struct tie_spec *s)
{
	size_t bit;
	json_t *o;
	int n;

	if (s->a == s->b || s->a < 1 || s->b < 1 || s->a >= MAX_PERSONS ||
	    s->b >= MAX_PERSONS || is_tied(g, s->a, s->b))
		return 0;
	bit = pair_bit(s->a, s->b);
	g->tied[bit / 8] |= (unsigned char)(1u << (bit % 8));
	o = record(g, S_TIE, &n);
	put_ref(g, o, "a", S_PERSON, s->a);
	put_ref(g, o, "b", S_PERSON, s->b);
	put_str(g, o, "how_met", s->how);
	put_date(g, o, "since", s->since < g->today ? s->since : g->today - 1);
	if (s->cadence)
		put_int(g, o, "cadence_days", s->cadence);
	put_str(g, o, "tier", s->tier);
	if (s->liking_a)
		put_int(g, o, "liking_a", s->liking_a);
	if (s->liking_b)
		put_int(g, o, "liking_b", s->liking_b);
	if (s->private_flag)
		put(g, o, "private", json_true());
	put_str(g, o, "status", s->status ? s->status : "active");
	return n;
}

struct x_spec {
	int64_t at;
	int giver, receiver;
	const char *kind;
	int64_t amount;		/* minor units, 0: none */
	int network, referral;
	const char *note;
};

/* An exchange in the ledger; never one with itself or after now. */
static int add_exchange(struct gen *g, const struct x_spec *s)
{
	json_t *o;
	int n;

	if (s->giver == s->receiver || s->giver < 1 || s->receiver < 1 || s->at > g->now)
		return 0;
	o = record(g, S_EXCHANGE, &n);
	put_time(g, o, "at", s->at);
	put_ref(g, o, "giver", S_PERSON, s->giver);
	put_ref(g, o, "receiver", S_PERSON, s->receiver);
	put_str(g, o, "kind", s->kind);
	if (s->amount)
		put(g, o, "amount", money(g, s->amount));
	put_ref(g, o, "network_id", S_NETWORK, s->network);
	put_ref(g, o, "referral_id", S_REFERRAL, s->referral);
	put_str(g, o, "note", s->note);
	return n;
}

/* A thank-you from giver to receiver one to four days after t, if that is not after
 * now (and only sometimes: a missing thanks is something the agenda should show). */
static void maybe_thank(struct gen *g, int64_t t, int giver, int receiver, int network,
			int percent, const char *note)
{
	int64_t at = t + between(g, 1, 4) * DAY + between(g, 0, 5) * HOUR;

	if (chance(g, percent) && at <= g->now)
		add_exchange(g, &(struct x_spec){ .at = at, .giver = giver, .receiver = receiver,
			     .kind = "thanks", .network = network, .note = note });
}

struct ref_spec {
	int64_t at;
	int giver, receiver, prospect_person, prospect_org, network, inside;
	int64_t value;		/* minor units if won */
	const char *won_note, *thanks_note;
};

struct ref_result {
	int n, won;
	const char *status;
	int64_t last;		/* time of the last status */
};

/* The statuses a referral will pass, ending in won, lost or a stall. */
static int referral_path(struct gen *g, const char **path)
{
	static const char *const steps[] = { "given", "contacted", "meeting", "offer" };
	int r = pick(g, 100), len;

	if (r < 40)
		len = 4;
	else if (r < 62)
		len = 2 + pick(g, 3);
	else
		len = 1 + pick(g, 4);
	for (int i = 0; i < len; i++)
		path[i] = steps[i];
	if (r < 40)
		path[len++] = "won";
	else if (r < 62)
		path[len++] = "lost";
	return len;
}

/* The time of step i (1..) after t, on a working day; -1 if it would be after now. */
static int64_t referral_step(struct gen *g, int64_t t, int i, const char *status)
{
	static const int days[][2] = { { 1, 4 }, { 3, 14 }, { 2, 12 } };
	const int *d = days[i <= 3 ? i - 1 : 2];
	int64_t day = floor_div(t, DAY);
	int64_t at;

	if (!strcmp(status, "won") || !strcmp(status, "lost"))
		day += between(g, 5, 30);
	else
		day += between(g, d[0], d[1]);
	day += weekday(day) == 5 ? 2 : weekday(day) == 6 ? 1 : 0;
	at = local_at(day, 8 + pick(g, 9), 15 * pick(g, 4));
	return at > g->now ? -1 : at;
}

static json_t *history_step(struct gen *g, const char *status, int64_t at)
{
	json_t *o = json_object();

	put_str(g, o, "status", status);
	put_time(g, o, "at", at);
	return o;
}

static void referral_exchanges(struct gen *g, const struct ref_spec *s,
			       const struct ref_result *r)
{
	add_exchange(g, &(struct x_spec){ .at = s->at, .giver = s->giver,
		     .receiver = s->receiver, .kind = "referral", .network = s->network,
		     .referral = r->n });
	maybe_thank(g, s->at, s->receiver, s->giver, s->network, 70, s->thanks_note);
	if (!r->won)
		return;
	/* "thank you for closed business": the receiver reports the value to the giver */
	add_exchange(g, &(struct x_spec){ .at = r->last, .giver = s->receiver,
		     .receiver = s->giver, .kind = "closed_business", .amount = s->value,
		     .network = s->network, .referral = r->n, .note = s->won_note });
	maybe_thank(g, r->last, s->giver, s->receiver, s->network, 40, NULL);
}

/* A referral slip with its status history, and its exchanges in the ledger. */
static void add_referral(struct gen *g, const struct ref_spec *s, struct ref_result *r)
{
	const char *path[5];
	int len = referral_path(g, path), i;
	json_t *o, *hist = json_array();
	int64_t t = s->at;

	if (!hist)
		g->oom = 1;
	push(g, hist, history_step(g, path[0], t));
	for (i = 1; i < len; i++) {
		int64_t next = referral_step(g, t, i, path[i]);

		if (next < 0)
			break;
		t = next;
		push(g, hist, history_step(g, path[i], t));
	}
	r->status = path[i - 1];
	r->last = t;
	r->won = !strcmp(r->status, "won");
	o = record(g, S_REFERRAL, &r->n);
	put_ref(g, o, "giver", S_PERSON, s->giver);
	put_ref(g, o, "receiver", S_PERSON, s->receiver);
	put_ref(g, o, "prospect_person", S_PERSON, s->prospect_person);
	put_ref(g, o, "prospect_organisation", S_ORG, s->prospect_org);
	put_ref(g, o, "network_id", S_NETWORK, s->network);
	put_str(g, o, "kind", s->inside ? "inside" : "outside");
	put_str(g, o, "status", r->status);
	put_list(g, o, "history", hist);
	if (r->won)
		put(g, o, "closed_value", money(g, s->value));
	referral_exchanges(g, s, r);
}

struct network_spec {
	const char *name, *purpose, *openness, *per, *place;
	int fee;		/* minor units per period */
	int per_year;
};

static int add_network(struct gen *g, const struct network_spec *s)
{
	json_t *o, *fee;
	int n;

	o = record(g, S_NETWORK, &n);
	put_str(g, o, "name", s->name);
	put_str(g, o, "purpose", s->purpose);
	put_str(g, o, "openness", s->openness);
	fee = money(g, s->fee);
	put_str(g, fee, "per", s->per);
	put(g, o, "fee", fee);
	put_int(g, o, "meetings_per_year", s->per_year);
	put_str(g, o, "meeting_place", s->place);
	return n;
}

struct membership_spec {
	int network, person;
	const char *role;
	int64_t since, until;	/* days; until 0: still a member */
	int half_hours;		/* hours per meeting × 2, 0: none */
	int hourly;		/* major units, 0: none */
	const char *outcome;
};

static void add_membership(struct gen *g, const struct membership_spec *s)
{
	json_t *o = record(g, S_MEMBERSHIP, NULL);

	put_ref(g, o, "network_id", S_NETWORK, s->network);
	put_ref(g, o, "person_id", S_PERSON, s->person);
	put_str(g, o, "role", s->role);
	put_date(g, o, "since", s->since);
	if (s->until)
		put_date(g, o, "until", s->until);
	if (s->half_hours)	/* halves are exact in binary: 2.5 prints as 2.5 */
		put(g, o, "hours_per_meeting", json_real(s->half_hours / 2.0));
	if (s->hourly)
		put(g, o, "hourly_cost", money(g, (int64_t)s->hourly * 100));
	put_str(g, o, "expected_outcome", s->outcome);
}

static json_t *attendance(struct gen *g, int person, const char *code)
{
	json_t *o = json_object();

	put_ref(g, o, "person", S_PERSON, person);
	put_str(g, o, "code", code);
	return o;
}

static json_t *visitor(struct gen *g, int person, int host)
{
	json_t *o = json_object();

	put_ref(g, o, "person", S_PERSON, person);
	put_ref(g, o, "invited_by", S_PERSON, host);
	return o;
}

/* A meeting; takes over the references to att and vis. */
static int add_meeting(struct gen *g, int network, int64_t at, const char *place, json_t *att,
		       json_t *vis)
{
	json_t *o;
	int n;

	o = record(g, S_MEETING, &n);
	put_ref(g, o, "network_id", S_NETWORK, network);
	put_time(g, o, "at", at);
	put_str(g, o, "place", place);
	put_list(g, o, "attendance", att);
	put_list(g, o, "visitors", vis);
	return n;
}

struct text_tags {
	const char *text, *tags;	/* tags separated by ' ' */
};

static void add_takeaway(struct gen *g, int network, int meeting, int author, int64_t at,
			 const struct text_tags *t)
{
	json_t *o = record(g, S_TAKEAWAY, NULL);

	put_ref(g, o, "network_id", S_NETWORK, network);
	put_ref(g, o, "meeting_id", S_MEETING, meeting);
	put_ref(g, o, "author", S_PERSON, author);
	put_time(g, o, "at", at < g->now ? at : g->now);
	put_str(g, o, "text", t->text);
	put_words(g, o, "tags", t->tags, ' ');
}

static void add_one_to_one(struct gen *g, int64_t at, int a, int b, const char *notes_a,
			   const char *notes_b)
{
	json_t *o;

	if (a == b || at > g->now)
		return;
	o = record(g, S_ONE_TO_ONE, NULL);
	put_time(g, o, "at", at);
	put_ref(g, o, "a", S_PERSON, a);
	put_ref(g, o, "b", S_PERSON, b);
	put_str(g, o, "notes_a", notes_a);
	put_str(g, o, "notes_b", notes_b);
}

struct goal_spec {
	int owner, network;	/* 0: the workspace's goal / any network */
	const char *metric;
	int64_t target;
};

static void add_goal(struct gen *g, const struct goal_spec *s, int64_t from, int64_t to)
{
	json_t *o = record(g, S_GOAL, NULL);

	put_ref(g, o, "owner_person", S_PERSON, s->owner);
	put_ref(g, o, "network_id", S_NETWORK, s->network);
	put_str(g, o, "metric", s->metric);
	put_int(g, o, "target", s->target);
	put_date(g, o, "from", from);
	put_date(g, o, "to", to < from ? from : to);
}

static void add_plan(struct gen *g, int owner, int capacity, const char *const *segments,
		     int n)
{
	json_t *o = record(g, S_PLAN, NULL), *list = json_array();

	put_ref(g, o, "owner_person", S_PERSON, owner);
	put_int(g, o, "capacity_per_month", capacity);
	for (int i = 0; i < n; i++)
		push(g, list, segment(g, segments[i]));
	put_list(g, o, "segments", list);
}

/* An ask (with a segment) or an offer (segment NULL). */
struct board_item {
	int who;		/* person number */
	int days_ago;
	const char *text, *segment, *status;
};

static void add_board(struct gen *g, enum slot s, const struct board_item *b)
{
	json_t *o = record(g, s, NULL);
	int64_t at = local_at(g->today - b->days_ago, 9 + b->days_ago % 7, 0);

	put_ref(g, o, "person", S_PERSON, b->who);
	put_time(g, o, "at", at < g->now ? at : g->now);
	put_str(g, o, "text", b->text);
	if (b->segment)
		put(g, o, "segment", segment(g, b->segment));
	put_str(g, o, "status", b->status);
}

static void add_task(struct gen *g, int owner, int person, int64_t due, const char *kind,
		     int64_t done_at)
{
	json_t *o = record(g, S_TASK, NULL);

	put_ref(g, o, "owner_person", S_PERSON, owner);
	put_ref(g, o, "person", S_PERSON, person);
	put_date(g, o, "due", due);
	put_str(g, o, "kind", kind);
	if (done_at && done_at <= g->now)
		put_time(g, o, "done_at", done_at);
}

/* ---- names ---- */

static const char *const first_se[] = {
	"Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Sara", "Per", "Emma", "Anders",
	"Ingrid", "Mikael", "Elin", "Fredrik", "Linnea", "Oskar", "Helena", "Gustav", "Malin",
	"Nils", "Sofia", "Henrik", "Ebba", "Björn", "Johanna", "Magnus", "Ulrika", "Patrik",
	"Camilla", "Mattias", "Åsa", "Jonas", "Therese", "Daniel", "Lena", "Viktor", "Hanna",
	"Olof", "Cecilia", "Axel", "Märta", "Göran", "Ylva", "Kristoffer", "Annika",
};

static const char *const last_se[] = {
	"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
	"Persson", "Svensson", "Gustafsson", "Pettersson", "Jönsson", "Lindberg", "Lindqvist",
	"Bergström", "Holm", "Åberg", "Sjöberg", "Ekström", "Lundqvist", "Öberg", "Engström",
	"Håkansson", "Wallin", "Nyström", "Axelsson", "Strand", "Lind", "Sandberg",
	"Mårtensson", "Nordström", "Hellström", "Björk", "Ström", "Forsberg", "Bengtsson",
	"Palm", "Fransson", "Ljung", "Åkesson",
};

static const char *const first_dk[] = {
	"Mette", "Jens", "Louise", "Mads", "Camilla", "Rasmus", "Sofie", "Anders", "Line",
	"Frederik", "Ida", "Kasper", "Signe", "Jonas", "Maja", "Christian", "Freja", "Mikkel",
	"Astrid", "Lars", "Hanne", "Søren", "Pernille", "Thomas", "Anne-Sofie", "Martin",
	"Trine", "Henrik", "Julie", "Morten", "Karina", "Niels", "Birgitte", "Peter",
	"Charlotte", "Jakob", "Lene", "Emil", "Nanna", "Bo", "Marianne", "Ulrik", "Rikke",
	"Troels", "Tine", "Esben", "Stine", "Kristian", "Malene", "Asger",
};

static const char *const last_dk[] = {
	"Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen",
	"Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen",
	"Thomsen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen",
	"Mikkelsen", "Østergaard", "Lauridsen", "Bech", "Dalgaard", "Frandsen", "Kjær", "Holm",
	"Lund", "Vestergaard", "Bruun", "Skov", "Brandt", "Krogh", "Friis", "Dahl", "Bak",
	"Winther", "Riis", "Juhl", "Kofoed", "Ravn", "Hvid", "Bendtsen",
};

static int name_taken(const struct gen *g, const char *name)
{
	size_t i;
	json_t *p;

	json_array_foreach(g->arr[S_PERSON], i, p)
		if (!strcmp(json_string_value(json_object_get(p, "full_name")), name))
			return 1;
	return 0;
}

/* A Swedish or Danish full name not yet used in the document. */
static void new_name(struct gen *g, int swedish, char *buf, size_t size)
{
	for (int tries = 0; tries < 200; tries++) {
		if (swedish)
			snprintf(buf, size, "%s %s", first_se[pick(g, N(first_se))],
				 last_se[pick(g, N(last_se))]);
		else
			snprintf(buf, size, "%s %s", first_dk[pick(g, N(first_dk))],
				 last_dk[pick(g, N(last_dk))]);
		if (!name_taken(g, buf))
			return;
	}
}

static const char *const cities_se_m[] = {
	"Lund", "Malmö", "Helsingborg", "Landskrona", "Eslöv", "Ystad", "Trelleborg", "Lomma",
	"Staffanstorp", "Höör",
};

static const char *const cities_dk_84[] = {
	"København", "Frederiksberg", "Hellerup", "Kongens Lyngby", "Glostrup", "Ballerup",
	"Hillerød", "Gentofte", "Valby", "Herlev",
};

static const char *city_in(struct gen *g, const char *region)
{
	static const char *const dk85[] = { "Roskilde", "Køge", "Holbæk", "Næstved" };
	static const char *const dk83[] = { "Odense", "Vejle", "Kolding" };
	static const char *const dk82[] = { "Aarhus", "Horsens", "Silkeborg" };

	if (!strcmp(region, "DK-84"))
		return cities_dk_84[pick(g, N(cities_dk_84))];
	if (!strcmp(region, "DK-85"))
		return dk85[pick(g, N(dk85))];
	if (!strcmp(region, "DK-83"))
		return dk83[pick(g, N(dk83))];
	if (!strcmp(region, "DK-82"))
		return dk82[pick(g, N(dk82))];
	return cities_se_m[pick(g, N(cities_se_m))];
}

/* Titles by role function (the order of role_function.tsv) and level: owner,
 * executive, manager, specialist. */
static const char *const titles_da[][4] = {
	{ "Indehaver", "Administrerende direktør", "Afdelingsleder", "Projektleder" },
	{ "Indehaver", "Økonomidirektør", "Økonomichef", "Controller" },
	{ "Indehaver", "HR-direktør", "HR-chef", "HR-konsulent" },
	{ "Indehaver", "CTO", "IT-chef", "Softwareudvikler" },
	{ "Indehaver", "Marketingdirektør", "Marketingchef", "Digital marketingspecialist" },
	{ "Indehaver", "Salgsdirektør", "Salgschef", "Key account manager" },
	{ "Indehaver", "Driftsdirektør", "Driftschef", "Processpecialist" },
	{ "Partner", "Juridisk direktør", "Juridisk chef", "Advokatfuldmægtig" },
	{ "Indehaver", "Ejendomsdirektør", "Ejendomschef", "Ejendomsadministrator" },
	{ "Indehaver", "Indkøbsdirektør", "Indkøbschef", "Indkøber" },
	{ "Indehaver", "Direktør", "Teamleder", "Konsulent" },
};

static const char *const titles_sv[][4] = {
	{ "Ägare", "VD", "Avdelningschef", "Projektledare" },
	{ "Ägare", "CFO", "Ekonomichef", "Controller" },
	{ "Ägare", "HR-direktör", "HR-chef", "HR-specialist" },
	{ "Ägare", "CTO", "IT-chef", "Systemutvecklare" },
	{ "Ägare", "Marknadsdirektör", "Marknadschef", "Digital marknadsförare" },
	{ "Ägare", "Försäljningsdirektör", "Försäljningschef", "Key account manager" },
	{ "Ägare", "Driftsdirektör", "Driftchef", "Processpecialist" },
	{ "Delägare", "Chefsjurist", "Juridisk chef", "Biträdande jurist" },
	{ "Ägare", "Fastighetsdirektör", "Fastighetschef", "Fastighetsförvaltare" },
	{ "Ägare", "Inköpsdirektör", "Inköpschef", "Inköpare" },
	{ "Ägare", "Direktör", "Teamledare", "Konsult" },
};

static const char *const levels[] = { "owner", "executive", "manager", "specialist" };

static const char *const functions[] = {
	"general_management", "finance", "hr", "it", "marketing", "sales", "operations",
	"legal", "property", "procurement", "other",
};

/* ---- notes for the ledger ---- */

struct kind_notes {
	const char *kind, *notes[3];
};

static const struct kind_notes notes_sv[] = {
	{ "introduction", { "Introducerade till HR-chefen på ett teknikbolag i Lund.",
			    "Kopplade ihop med ekonomichefen hos en gemensam kund.",
			    "Presenterade för en fastighetsägare i Malmö." } },
	{ "information", { "Tipsade om en kommande upphandling i Region Skåne.",
			   "Delade en rapport om kontorsmarknaden i Malmö.",
			   "Berättade att en kund planerar att flytta till större lokaler." } },
	{ "advice", { "Råd om avtalsvillkor i en offert.",
		      "Synpunkter på den nya webbplatsen.",
		      "Tips om hur man prissätter ett ramavtal." } },
	{ "help", { "Hjälpte till med foton till en nyhet på kort varsel.",
		    "Lånade ut ett mötesrum en förmiddag.",
		    "Läste igenom en presentation inför ett kundmöte." } },
	{ "meeting", { "Bokade ett kundmöte åt mig med en fastighetsägare.",
		       "Tog med mig till ett möte med en ny kund.",
		       "Ordnade ett möte med VD:n på ett tillverkningsföretag." } },
	{ "thanks", { "Tack för tipset!", "Stort tack för introduktionen.",
		      "Tack för hjälpen, det gjorde skillnad." } },
};

static const struct kind_notes notes_da[] = {
	{ "introduction", { "Introducerede mig til økonomidirektøren i deres koncern.",
			    "Satte mig i forbindelse med en ny kontakt i Malmö.",
			    "Præsenterede mig for produktchefen hos en kunde." } },
	{ "information", { "Delte en analyse af markedet for rådgivning.",
			   "Tip om et kommende udbud i Region Hovedstaden.",
			   "Fortalte, at en kunde skal have ny hjemmeside." } },
	{ "advice", { "Gode råd om prissætning af et forløb.",
		      "Sparring på et tilbud før afsendelse.",
		      "Råd om kontraktvilkår med en stor kunde." } },
	{ "help", { "Hjalp med at finde en mødelokation med kort varsel.",
		    "Læste korrektur på en præsentation.",
		    "Lånte mig et mødelokale en formiddag." } },
	{ "meeting", { "Aftalte et kundemøde om budgetproces.",
		       "Tog mig med til et møde med en ny kunde.",
		       "Skaffede et møde med direktøren i en produktionsvirksomhed." } },
	{ "thanks", { "Tak for introduktionen!", "Tusind tak for hjælpen.",
		      "Tak for et godt tip." } },
};

/* A note for kind half of the time. */
static const char *note_for(struct gen *g, const struct kind_notes *t, int n, const char *kind)
{
	if (!chance(g, 50))
		return NULL;
	for (int i = 0; i < n; i++)
		if (!strcmp(t[i].kind, kind))
			return t[i].notes[pick(g, 3)];
	return NULL;
}

/* ======================================================================
 * DEMO_GROUP: BNI Öresund — Lund, a referral chapter meeting on Thursdays
 * ====================================================================== */

#define CHAPTER "BNI Öresund — Lund"
#define CH_MAX 32
#define PROSPECT_MAX 32
#define VISITOR_MAX 16

struct member {
	const char *name, *company, *domain, *industry, *size, *city, *title, *level, *function;
	struct profile_text p;
	int months;		/* a member for this many months */
	int left;		/* left the chapter this many days ago, 0: still a member */
};

static const struct member members[] = {
	{ "Anna Lind", "Lind Rekrytering AB", "lindrekrytering.se", "78.1", "small", "Lund",
	  "VD och rekryterare", "owner", "hr",
	  { "people_hr", "Rekrytering av chefer och specialister|acquire;"
	    "Introduktionsprogram för nyanställda|implement",
	    "Introduktioner till HR-chefer på tillväxtbolag i Skåne;"
	    "Kontakt med VD:ar som planerar att anställa",
	    "Jag känner de flesta HR-chefer i Lund och Malmö och vet vilka bolag som ska växa.",
	    "62 72 C 70", "small medium", "owner:general_management executive:hr manager:hr",
	    "SE-M", "kompetensförsörjning;chefsrekrytering;tillväxt", 85000 }, 62, 0 },
	{ "Erik Holm", "Holm Ledarskap AB", "holmledarskap.se", "70.2", "micro", "Malmö",
	  "Ledarskapskonsult", "owner", "hr",
	  { "people_hr", "Ledarskapsprogram för nya chefer|develop;Medarbetarundersökningar|need",
	    "Introduktioner till VD:ar i ägarledda bolag med 20–100 anställda",
	    "Jag ser tidigt när en ledningsgrupp behöver förstärkas eller byggas om.",
	    "62 C 70 86", "small medium", "owner:general_management executive:hr manager:hr",
	    "SE-M", "ledarskap;kompetensförsörjning;tillväxt", 60000 }, 40, 0 },
	{ "Maria Bergström", "Bergström Karriär & Omställning AB", "bergstromkarriar.se", "70.2",
	  "micro", "Lund", "Karriärcoach", "owner", "hr",
	  { "people_hr", "Omställningsstöd vid uppsägning|exit;Karriärcoachning för chefer|develop",
	    "Kontakt med företag som ska omorganisera;"
	    "Introduktioner till HR-chefer i större företag",
	    "Jag hjälper människor vidare och vet vilka kompetenser som blir lediga i regionen.",
	    "C 62 64 84", "medium large", "executive:hr manager:hr", "SE-M",
	    "omställning;kompetensförsörjning;arbetsmiljö", 45000 }, 30, 0 },
	{ "Søren Kjær", "Kjær Leadership ApS", "kjaer-leadership.dk", "85.5", "micro",
	  "København", "Direktør", "owner", "hr",
	  { "people_hr", "Ledertræning på tværs af Øresund|develop;"
	    "Teamudvikling for ledergrupper|develop",
	    "Introduktioner til svenske virksomheder med danske datterselskaber",
	    "Jeg kender ledelseskulturen på begge sider af Øresund og kan åbne døre i København.",
	    "C 62 70", "medium large", "executive:general_management executive:hr",
	    "DK-84 SE-M", "ledarskap;tillväxt;gränsöverskridande samarbete", 70000 }, 26, 0 },
	{ "Johan Persson", "Persson Revision AB", "perssonrevision.se", "69.2", "small", "Malmö",
	  "Auktoriserad revisor", "owner", "finance",
	  { "finance_legal", "Revision av aktiebolag|develop;Due diligence vid företagsköp|acquire;"
	    "Bokslut och årsredovisning|implement",
	    "Introduktioner till ägare som funderar på att sälja sitt bolag",
	    "Jag ser siffrorna i hundratals skånska bolag och vet vilka som växer.",
	    "C 41 46 62", "small medium", "owner:general_management executive:finance", "SE-M",
	    "generationsskifte;kassaflöde;tillväxt", 90000 }, 70, 0 },
	{ "Per Ekström", "Ekström Redovisning AB", "ekstromredovisning.se", "69.2", "micro",
	  "Lund", "Redovisningskonsult", "owner", "finance",
	  { "finance_legal", "Löpande bokföring|implement;Bokslut och årsredovisning|implement;"
	    "Lönehantering|implement",
	    "Nystartade aktiebolag i Lund och Eslöv",
	    "Jag vet vad nystartade företag behöver under sitt första år och vem de ska prata med.",
	    "43 56 62 96", "micro small", "owner:general_management", "SE-M",
	    "nyetablering;kassaflöde;digitalisering", 30000 }, 50, 0 },
	{ "Sara Sjöberg", "Sjöberg Advokatbyrå AB", "sjobergadvokat.se", "69.1", "micro", "Malmö",
	  "Advokat", "owner", "legal",
	  { "finance_legal", "Aktieägaravtal och bolagsbildning|acquire;"
	    "Kommersiella avtal|implement;Tvistlösning|exit",
	    "Introduktioner till revisorer och banker som möter företag i förändring",
	    "Jag ser tidigt var ett avtal kommer att skava och förklarar juridik på "
	    "vanlig svenska.",
	    "62 68 41 C", "small medium", "owner:general_management executive:legal",
	    "SE-M DK-84", "generationsskifte;avtal;tillväxt", 75000 }, 44, 0 },
	{ "Sofia Holm", "Holm Försäkringsförmedling AB", "holmforsakring.se", "66.2", "micro",
	  "Helsingborg", "Försäkringsförmedlare", "owner", "finance",
	  { "finance_legal", "Företagsförsäkringar|acquire;"
	    "Tjänstepension för ägare och anställda|develop",
	    "Kontakt med byggföretag och hantverkare som anställer",
	    "Jag vet hur risker och pensioner påverkar både ägare och anställda.",
	    "41 43 56 86", "micro small", "owner:general_management executive:finance", "SE-M",
	    "tjänstepension;risk;personalhälsa", 35000 }, 36, 0 },
	{ "Henrik Svensson", "Sydkustens Sparbank", "sydkustenssparbank.se", "64.1", "medium",
	  "Malmö", "Företagsrådgivare", "specialist", "finance",
	  { "finance_legal", "Företagslån och krediter|acquire;"
	    "Betalningar och kortinlösen|implement",
	    "Introduktioner till företag som planerar investeringar i fastigheter eller maskiner",
	    "Jag kan förklara vad banken behöver se för att säga ja.",
	    "41 68 C 56", "small medium", "owner:general_management executive:finance", "SE-M",
	    "kassaflöde;finansiering;investeringar", 120000 }, 28, 0 },
	{ "Emma Larsson", "Larsson Kommersiella Lokaler AB", "larssonlokaler.se", "68.3", "small",
	  "Malmö", "Fastighetsmäklare", "owner", "property",
	  { "property", "Uthyrning av kontor och butiker|acquire;Lokalbehovsanalys|need",
	    "Företag i Malmö och Lund som växer ur sina lokaler",
	    "Jag vet vilka lokaler som blir lediga innan de annonseras.",
	    "62 70 69 86", "small medium",
	    "owner:general_management executive:general_management manager:property", "SE-M",
	    "lokalbyte;tillväxt;hybridarbete", 150000 }, 58, 0 },
	{ "Viktor Sandberg", "Sandberg Fastighetsförvaltning AB", "sandbergforvaltning.se", "68.3",
	  "small", "Helsingborg", "Förvaltningschef", "manager", "property",
	  { "property", "Teknisk och ekonomisk förvaltning|develop;Hyresgästanpassningar|implement",
	    "Kontakt med fastighetsägare i nordvästra Skåne",
	    "Jag känner fastighetsägarna i Helsingborg och vet vilka hus som ska byggas om.",
	    "68 41 43", "small medium", "owner:property manager:property", "SE-M",
	    "lokalbyte;energieffektivisering;hållbarhet", 110000 }, 34, 0 },
	{ "Mikael Engström", "Engström IT-partner AB", "engstromit.se", "62", "small", "Malmö",
	  "IT-konsult", "owner", "it",
	  { "it_digital", "IT-drift och support för småföretag|implement;"
	    "Migrering till Microsoft 365|implement",
	    "Introduktioner till ekonomichefer som ansvarar för IT",
	    "Jag vet vilka småföretag som kör på gamla servrar och snart måste byta.",
	    "69 70 68 86", "micro small", "owner:general_management executive:finance manager:it",
	    "SE-M", "digitalisering;cybersäkerhet;hybridarbete", 50000 }, 66, 0 },
	{ "Elin Håkansson", "Håkansson Webbyrå AB", "hakanssonwebb.se", "62", "micro", "Lund",
	  "Webbutvecklare", "owner", "it",
	  { "it_digital", "Webbplatser och e-handel|implement;Sökmotoroptimering|develop",
	    "Företag som ska byta varumärke eller lansera e-handel",
	    "Jag ser vilka webbplatser som inte fungerar i mobilen – och vem som behöver en ny.",
	    "47 56 96 55", "micro small", "owner:general_management manager:marketing", "SE-M",
	    "digitalisering;varumärke;e-handel", 45000 }, 48, 0 },
	{ "Fredrik Dahl", "Dahl Cybersäkerhet AB", "dahlcyber.se", "62", "micro", "Malmö",
	  "Säkerhetskonsult", "owner", "it",
	  { "it_digital", "Säkerhetsgranskning och penetrationstester|need;"
	    "Anpassning till NIS2|implement",
	    "Introduktioner till IT-chefer i tillverkande företag",
	    "Jag förklarar cyberhot utan skrämselpropaganda och vet vad de nya reglerna kräver.",
	    "C 62 86 35", "small medium", "executive:general_management manager:it", "SE-M DK-84",
	    "cybersäkerhet;digitalisering;NIS2", 70000 }, 5, 0 },
	{ "Linnea Strand", "Strand Kommunikation AB", "strandkom.se", "73", "micro", "Malmö",
	  "Kommunikationsstrateg", "owner", "marketing",
	  { "marketing_creative", "Varumärkesstrategi|need;Lanseringskampanjer|implement;"
	    "Visuell identitet|implement",
	    "Introduktioner till marknadschefer i teknikbolag",
	    "Jag hjälper företag att säga vad de gör på ett sätt som kunderna minns.",
	    "62 72 86 C", "small medium", "owner:general_management manager:marketing", "SE-M",
	    "varumärke;lansering;employer branding", 60000 }, 54, 0 },
	{ "Oskar Wallin", "Wallin Bild & Film AB", "wallinbild.se", "74.2", "micro", "Lund",
	  "Fotograf och filmare", "owner", "marketing",
	  { "marketing_creative", "Företagsporträtt|implement;Rekryteringsfilm|acquire",
	    "Företag som ska rekrytera eller byta webbplats",
	    "Jag är på plats hos många företag och ser tidigt när de ska växa.",
	    "62 78 68 55", "small medium",
	    "owner:general_management manager:marketing manager:hr", "SE-M",
	    "varumärke;employer branding;rekrytering", 18000 }, 46, 0 },
	{ "Mette Møller", "Møller Design ApS", "mollerdesign.dk", "74.1", "micro", "København",
	  "Grafisk designer", "owner", "marketing",
	  { "marketing_creative", "Visuel identitet|implement;Emballagedesign|develop",
	    "Introduktioner til fødevarevirksomheder i Skåne",
	    "Jeg har designet for fødevarebrands på begge sider af sundet.",
	    "10 11 47", "small medium", "owner:general_management manager:marketing",
	    "DK-84 SE-M", "varumärke;förpackning;lansering", 40000 }, 20, 0 },
	{ "Gustav Axelsson", "Axelsson Event & Konferens AB", "axelssonevent.se", "82.3", "small",
	  "Malmö", "Eventproducent", "owner", "sales",
	  { "events_hospitality", "Konferenser och kickoffer|develop;Kundevent|develop",
	    "Introduktioner till HR- och marknadschefer som planerar kickoff",
	    "Jag vet vilka företag som firar, växer eller samlar sina kunder.",
	    "62 64 C 70", "medium large", "manager:hr manager:marketing", "SE-M DK-84",
	    "kickoff;employer branding;kundvård", 80000 }, 60, 0 },
	{ "Malin Sjögren", "Hotell Stortorget Lund AB", "hotellstortorget.se", "55", "medium",
	  "Lund", "Försäljningschef konferens", "manager", "sales",
	  { "events_hospitality", "Konferenspaket och mötesrum|develop;"
	    "Hotellavtal för företag|acquire",
	    "Företag som tar emot besökare från andra länder",
	    "Jag träffar alla som ordnar möten i Lund och vet vilka som planerar större event.",
	    "72 62 85 84", "medium large", "manager:hr manager:procurement", "SE-M",
	    "kickoff;affärsresor;kundvård", 50000 }, 72, 0 },
	{ "Nils Nilsson", "Nilssons Catering i Lund AB", "nilssonscatering.se", "56", "micro",
	  "Lund", "Kock och ägare", "owner", "operations",
	  { "events_hospitality", "Frukost- och lunchcatering|develop;Personalfester|develop",
	    "Kontakt med kontorschefer och receptioner",
	    "Jag lagar mat på hälften av kontoren i Lund och hör vad som händer där.",
	    "62 69 70 86", "small medium", "manager:operations manager:hr", "SE-M",
	    "kundvård;personalfest;hållbarhet", 25000 }, 64, 0 },
	{ "Karin Åberg", "Åberg Företagshälsa AB", "abergforetagshalsa.se", "86", "small", "Lund",
	  "Företagssköterska och ägare", "owner", "hr",
	  { "health_wellness", "Företagshälsovård|develop;Hälsoundersökningar|need",
	    "Introduktioner till HR-chefer i tillverkande företag",
	    "Jag ser tidigt var arbetsmiljön skaver och vilka chefer som behöver stöd.",
	    "C 41 43 49", "small medium", "executive:hr manager:hr", "SE-M",
	    "personalhälsa;arbetsmiljö;sjukfrånvaro", 40000 }, 52, 0 },
	{ "Jonas Ek", "Ek Naprapati & Friskvård AB", "eknaprapati.se", "86.9", "micro", "Malmö",
	  "Leg. naprapat", "owner", "other",
	  { "health_wellness", "Ergonomigenomgång på arbetsplatsen|develop;Friskvårdsavtal|develop",
	    "Kontorsintensiva företag med 20–200 anställda",
	    "Jag vet vad stillasittande gör med kroppen och hur en arbetsplats kan förebygga det.",
	    "62 69 64 70", "small medium", "manager:hr manager:operations", "SE-M",
	    "personalhälsa;arbetsmiljö;hybridarbete", 20000 }, 3, 0 },
	{ "Anders Lundqvist", "Lundqvist Bygg AB", "lundqvistbygg.se", "41", "small", "Lund",
	  "VD", "owner", "general_management",
	  { "construction_trades", "Ombyggnad av kontor och butiker|implement;"
	    "Projektledning vid lokalbyte|need",
	    "Fastighetsägare och hyresgäster som planerar ombyggnad",
	    "Jag vet vad en ombyggnad kostar och hur lång tid den tar.",
	    "68 47 56 86", "small medium", "owner:general_management manager:property", "SE-M",
	    "lokalbyte;hållbarhet;energieffektivisering", 400000 }, 80, 0 },
	{ "Ingrid Öberg", "Öberg El & Energi AB", "obergel.se", "43", "micro", "Lund",
	  "Elinstallatör och ägare", "owner", "operations",
	  { "construction_trades", "Elinstallation i kontor och butiker|implement;"
	    "Solceller och laddboxar|implement",
	    "Kontakt med fastighetsförvaltare och bostadsrättsföreningar",
	    "Jag ser vilka fastigheter som behöver nya elsystem och laddplatser.",
	    "68 41 55", "micro small", "owner:general_management manager:property", "SE-M",
	    "energieffektivisering;laddinfrastruktur;hållbarhet", 60000 }, 38, 0 },
	{ "Ebba Nilsson", "Ebbas Städ & Service AB", "ebbasstad.se", "81.2", "small", "Malmö",
	  "VD", "owner", "operations",
	  { "business_services", "Kontorsstädning|develop;Flyttstädning vid lokalbyte|exit",
	    "Företag som ska flytta eller öppna nytt kontor",
	    "Jag vet när kontor flyttar, växer eller krymper.",
	    "68 62 69 86", "small medium", "manager:operations manager:property", "SE-M",
	    "lokalbyte;arbetsmiljö;hållbarhet", 30000 }, 42, 0 },
	{ "Björn Lind", "Lind Bud & Logistik AB", "lindbud.se", "53.2", "micro", "Malmö",
	  "Trafikledare och ägare", "owner", "operations",
	  { "business_services", "Budtjänster i Öresundsregionen|implement",
	    "E-handlare och laboratorier som skickar prover",
	    "Jag kör till hundratals företag i veckan och vet vem som flyttar eller expanderar.",
	    "47 72 86", "small", "manager:operations", "SE-M DK-84", "e-handel;logistik", 20000 },
	  30, 75 },
};

/* members (0-based) who list another as a competitor */
static const int competing[][2] = { { 5, 4 }, { 14, 16 } };

/* spheres whose members tend to pass each other work */
static const char *const near_spheres[][2] = {
	{ "people_hr", "health_wellness" }, { "people_hr", "events_hospitality" },
	{ "people_hr", "marketing_creative" }, { "finance_legal", "business_services" },
	{ "finance_legal", "property" }, { "property", "construction_trades" },
	{ "property", "business_services" }, { "it_digital", "marketing_creative" },
	{ "marketing_creative", "events_hospitality" },
	{ "construction_trades", "business_services" },
};

struct prospect {
	const char *name, *industry, *size, *region, *city, *domain;
	const char *title, *level, *function;	/* the contact there; NULL: none known */
};

static const struct prospect prospects[] = {
	{ "Ideon Medicinteknik AB", "32.5", "medium", "SE-M", "Lund", "ideonmedtech.se",
	  "HR-chef", "manager", "hr" },
	{ "Sydsvenska Livsmedel AB", "10", "large", "SE-M", "Malmö", "sydsvenskalivsmedel.se",
	  "Inköpschef", "manager", "procurement" },
	{ "Kullabygdens Tandvård AB", "86.2", "small", "SE-M", "Helsingborg", "kullatandvard.se",
	  "Klinikchef", "owner", "general_management" },
	{ "Malmö Hamnlogistik AB", "52", "medium", "SE-M", "Malmö", "hamnlogistik.se",
	  "Ekonomichef", "executive", "finance" },
	{ "Lomma Tak & Fasad AB", "43", "small", "SE-M", "Lomma", "lommatak.se",
	  "VD", "owner", "general_management" },
	{ "Österlens Musteri AB", "11", "small", "SE-M", "Simrishamn", "osterlensmusteri.se",
	  "Marknadschef", "manager", "marketing" },
	{ "Lunds Ingenjörsbyrå AB", "71", "medium", "SE-M", "Lund", "lundsingenjorsbyra.se",
	  "Kontorschef", "manager", "operations" },
	{ "Helsingborgs Plastteknik AB", "22", "medium", "SE-M", "Helsingborg", "hbgplast.se",
	  "Produktionschef", "manager", "operations" },
	{ "Söderslätts Lantbruk AB", "01", "small", "SE-M", "Trelleborg",
	  "soderslattslantbruk.se", "Ägare", "owner", "general_management" },
	{ "Eslövs Bilservice AB", "45", "small", "SE-M", "Eslöv", "eslovsbil.se",
	  NULL, NULL, NULL },
	{ "Ystads Konfektyr AB", "10.8", "small", "SE-M", "Ystad", "ystadskonfektyr.se",
	  "VD", "owner", "general_management" },
	{ "Öresund Software AB", "62", "medium", "SE-M", "Malmö", "oresundsoftware.se",
	  "CTO", "executive", "it" },
	{ "Landskrona Verkstäder AB", "25", "medium", "SE-M", "Landskrona",
	  "landskronaverkstader.se", "HR-chef", "manager", "hr" },
	{ "Västra Hamnens Tandläkare AB", "86.2", "micro", "SE-M", "Malmö", "vhtandlakare.se",
	  NULL, NULL, NULL },
	{ "Lunds Studentbostäder AB", "68.2", "small", "SE-M", "Lund", "lundsstudentbostader.se",
	  "Fastighetschef", "manager", "property" },
	{ "Kävlinge Åkeri AB", "49.4", "small", "SE-M", "Kävlinge", "kavlingeakeri.se",
	  NULL, NULL, NULL },
	{ "Ängelholms Elektronik AB", "26", "medium", "SE-M", "Ängelholm",
	  "angelholmselektronik.se", "Ekonomichef", "manager", "finance" },
	{ "Hyllie Arkitekter AB", "71.1", "small", "SE-M", "Malmö", "hyllie-arkitekter.se",
	  "Partner", "owner", "general_management" },
	{ "Nordic Wind Service A/S", "33", "medium", "DK-84", "København",
	  "nordicwindservice.dk", "HR-direktør", "executive", "hr" },
	{ "Valby Kaffebrænderi ApS", "10.8", "small", "DK-84", "Valby", "valbykaffe.dk",
	  "Indehaver", "owner", "general_management" },
	{ "Region Skåne", "84.1", "large", "SE-M", "Kristianstad", NULL,
	  "Upphandlare", "public_official", "procurement" },
	{ "Lunds kommun", "84.1", "large", "SE-M", "Lund", NULL,
	  "Näringslivsutvecklare", "public_official", "other" },
};

/* visitors' trades: title, industry, level, function, a word for their domain */
static const struct {
	const char *title, *industry, *level, *function, *word;
} visitor_trades[] = {
	{ "Tandläkare och klinikägare", "86.2", "owner", "general_management", "tandvard" },
	{ "Inredningsarkitekt", "74.1", "owner", "other", "inredning" },
	{ "Trädgårdsanläggare", "81.3", "owner", "operations", "tradgard" },
	{ "Bilhandlare", "45.1", "owner", "sales", "bil" },
	{ "Auktoriserad translator", "74.3", "owner", "other", "oversattning" },
	{ "Optiker", "47.7", "owner", "sales", "optik" },
	{ "Projektledare solenergi", "43.2", "manager", "operations", "sol" },
	{ "Arkitekt", "71.1", "owner", "other", "arkitekter" },
	{ "Hudterapeut", "96.0", "owner", "other", "hudvard" },
	{ "Familjejurist", "69.1", "owner", "legal", "juridik" },
	{ "Säljcoach", "70.2", "owner", "sales", "saljcoach" },
	{ "Rörmokare", "43.2", "owner", "operations", "vvs" },
	{ "Bokförlagsredaktör", "58.1", "specialist", "marketing", "forlag" },
	{ "Företagsmäklare", "70.2", "owner", "finance", "foretagsmakleri" },
	{ "Personlig tränare", "93.1", "owner", "other", "traning" },
	{ "Låssmed", "80", "owner", "operations", "las" },
};

static const struct text_tags takeaways_sv[] = {
	{ "Kommunerna i Skåne upphandlar chefsrekrytering under våren.", "lead" },
	{ "Fler företag vill ha aktivitetsbaserade kontor – efterfrågan på ombyggnad ökar.",
	  "trend" },
	{ "Idé: ett gemensamt frukostseminarium om kompetensförsörjning för våra kunder.", "idea" },
	{ "En ny IT-driftsleverantör i Malmö erbjuder fast pris per användare.", "competitor" },
	{ "Bankerna skärper kraven på kassaflödesprognoser vid nya krediter.", "trend" },
	{ "Idé: paketera foto, webb och tryck som ett startpaket för nya företag.", "idea" },
	{ "Region Skåne söker leverantörer av ledarskapsutbildning – anbud senast i mars.",
	  "lead" },
	{ "Idé: varje medlem presenterar en annan medlem för sin bästa kund i kvartalet.", "idea" },
	{ "NIS2 gör att små leverantörer får frågor om informationssäkerhet från sina kunder.",
	  "trend" },
	{ "Ett fastighetsbolag i Lund planerar att bygga om tre våningar till kontor.",
	  "lead trend" },
	{ "Konferenshotellen i Malmö sänker priserna på vardagar – tuff konkurrens för mindre "
	  "aktörer.", "competitor" },
	{ "Allt fler arbetsgivare erbjuder ergonomigenomgång på plats som friskvård.", "trend" },
	{ "Idé: en gemensam kundträff i december med korta presentationer av varje medlem.",
	  "idea" },
	{ "En stor redovisningsbyrå i Malmö erbjuder gratis bokslutsgranskning till småföretag.",
	  "competitor" },
	{ "Generationsskiften i familjeföretag ökar: många ägare i Skåne är över 60.", "trend" },
	{ "Tandvårdskedjan i Helsingborg letar ny lokal på 400 kvm.", "lead" },
	{ "Idé: bjud in en bankrådgivare att tala om finansiering av solceller.", "idea" },
	{ "Laddplatser på arbetsplatsen efterfrågas av allt fler hyresgäster.", "trend" },
	{ "Ett teknikbolag på Ideon ska anställa 20 utvecklare i år.", "lead" },
	{ "Danska företag etablerar sig i Malmö och behöver redovisning och lokaler.",
	  "lead trend" },
};

static const char *const one_to_one_notes_sv[] = {
	"Gick igenom vilka kunder vi båda träffar: HR-chefer i tillverkningsindustrin.",
	"Bra samtal om den bästa kunden: ägarledda bolag med 10–50 anställda.",
	"Vi ska testa ett gemensamt erbjudande till nyetablerade företag.",
	"Lärde mig hur en revision går till – nu vet jag när jag ska tipsa.",
	"Söker kontakt med fastighetsförvaltare i Lund.",
	"Kom överens om att ses igen om en månad och ta med varsin kundlista.",
	"Behöver introduktioner till ekonomichefer i Malmö.",
	"Samma typ av kunder men olika tidpunkt i kundresan – bra förutsättningar.",
	"Pratade om hur vi refererar in varandra i rätt tid.",
	"Många av kunderna planerar lokalbyte nästa år.",
};

struct chapter {
	int n, network;
	int person[CH_MAX], org[CH_MAX], miss[CH_MAX];
	int64_t since[CH_MAX], until[CH_MAX];	/* days; until 0: still a member */
	unsigned char tier[CH_MAX][CH_MAX];	/* 0 none, 1 inner, 2 active, 3 wide */
	int nprospect, prospect_org[PROSPECT_MAX], prospect_person[PROSPECT_MAX];
	int nvisitor, visitor[VISITOR_MAX], visitor_host[VISITOR_MAX];
	int next_takeaway;
	struct ref_result won, stalled;		/* for the tasks */
	int won_giver, won_receiver, stalled_giver, stalled_receiver;
};

static const char *const tier_names[] = { NULL, "inner", "active", "wide" };

static int ch_active(const struct chapter *c, int i, int64_t day)
{
	return c->since[i] <= day && (!c->until[i] || day <= c->until[i]);
}

/* A member active on day, other than except; -1 if none was found. */
static int ch_any(struct gen *g, const struct chapter *c, int64_t day, int except)
{
	for (int tries = 0; tries < 64; tries++) {
		int i = pick(g, c->n);

		if (i != except && ch_active(c, i, day))
			return i;
	}
	return -1;
}

/* One of i's inner or active partners active on day, else any other member. */
static int ch_partner(struct gen *g, const struct chapter *c, int i, int64_t day)
{
	int cand[CH_MAX], k = 0;

	for (int j = 0; j < c->n; j++)
		if (j != i && c->tier[i][j] && c->tier[i][j] < 3 && ch_active(c, j, day))
			cand[k++] = j;
	return k ? cand[pick(g, k)] : ch_any(g, c, day, i);
}

static void group_member(struct gen *g, struct chapter *c, int i)
{
	const struct member *m = &members[i];
	const char *region = strstr(m->domain, ".dk") ? "DK-84" : "SE-M";

	c->org[i] = add_org(g, &(struct org_spec){ m->company, m->industry, m->size, region,
			    m->domain });
	c->person[i] = add_person(g, &(struct person_spec){ .name = m->name,
		.domain = m->domain, .title = m->title, .level = m->level,
		.function = m->function, .industry = m->industry, .region = region,
		.city = m->city, .tags = "bni;medlem", .source = CHAPTER, .basis = "consent",
		.org = c->org[i] });
	c->since[i] = g->today - (int64_t)m->months * 30 - pick(g, 28);
	c->until[i] = m->left ? g->today - m->left : 0;
	c->miss[i] = 4 + pick(g, 12);
}

static void group_members(struct gen *g, struct chapter *c)
{
	c->n = N(members);
	for (int i = 0; i < c->n; i++)
		group_member(g, c, i);
	for (int i = 0; i < c->n; i++) {
		int rival = 0;

		for (int k = 0; k < N(competing); k++)
			if (competing[k][0] == i)
				rival = c->person[competing[k][1]];
		add_profile(g, c->person[i], &members[i].p, rival);
	}
}

static void group_prospects(struct gen *g, struct chapter *c)
{
	char name[80];

	for (int i = 0; i < N(prospects) && i < PROSPECT_MAX; i++) {
		const struct prospect *p = &prospects[i];

		c->prospect_org[i] = add_org(g, &(struct org_spec){ p->name, p->industry, p->size,
					     p->region, p->domain });
		c->prospect_person[i] = 0;
		if (p->title) {
			new_name(g, !is_danish(p->region), name, sizeof(name));
			c->prospect_person[i] = add_person(g, &(struct person_spec){
				.name = name, .domain = p->domain, .title = p->title,
				.level = p->level, .function = p->function, .industry = p->industry,
				.region = p->region, .city = p->city, .tags = "prospekt",
				.source = "Affärstips i " CHAPTER, .basis = "legitimate_interest",
				.org = c->prospect_org[i], .full_email = 1 });
		}
		c->nprospect = i + 1;
	}
}

static void group_network(struct gen *g, struct chapter *c)
{
	c->network = add_network(g, &(struct network_spec){ CHAPTER, "business_exchange",
		"closed", "year", "Hotell Lundia, Lund", 950000, 48 });
	for (int i = 0; i < c->n; i++)
		add_membership(g, &(struct membership_spec){ .network = c->network,
			.person = c->person[i], .role = i == 0 ? "leader" : "member",
			.since = c->since[i], .until = c->until[i] });
}

static int near(const char *a, const char *b)
{
	for (int k = 0; k < N(near_spheres); k++)
		if ((!strcmp(a, near_spheres[k][0]) && !strcmp(b, near_spheres[k][1])) ||
		    (!strcmp(b, near_spheres[k][0]) && !strcmp(a, near_spheres[k][1])))
			return 1;
	return 0;
}

static int rivals(int i, int j)
{
	for (int k = 0; k < N(competing); k++)
		if ((competing[k][0] == i && competing[k][1] == j) ||
		    (competing[k][0] == j && competing[k][1] == i))
			return 1;
	return 0;
}

/* 0 none, 1 inner (a power-team partner), 2 active, 3 wide */
static int member_tier(struct gen *g, int i, int j)
{
	const char *a = members[i].p.sphere, *b = members[j].p.sphere;

	if (rivals(i, j))
		return 3;
	if (!strcmp(a, b))
		return chance(g, 70) ? 1 : 2;
	if (near(a, b))
		return chance(g, 45) ? 2 : chance(g, 30) ? 3 : 0;
	return chance(g, 10) ? 3 : 0;
}

static int liking(struct gen *g, int tier)
{
	if (chance(g, 12))
		return 0;	/* not rated yet */
	return tier == 1 ? 4 + pick(g, 2) : tier == 2 ? 3 + pick(g, 3) : 3 + pick(g, 2);
}

static void group_tie(struct gen *g, struct chapter *c, int i, int j, int tier)
{
	static const char *const how[] = { CHAPTER, "En-till-en i kapitlet", "Gemensam kund",
		"Företagarna Lund" };
	int64_t later = c->since[i] > c->since[j] ? c->since[i] : c->since[j];
	int gone = c->until[i] || c->until[j];

	c->tier[i][j] = c->tier[j][i] = (unsigned char)tier;
	add_tie(g, &(struct tie_spec){ .a = c->person[i], .b = c->person[j],
		.how = how[pick(g, N(how))], .tier = tier_names[tier],
		.status = gone ? "dormant" : "active", .since = later + pick(g, 90),
		.cadence = tier == 1 && chance(g, 40) ? 14 : 0, .liking_a = liking(g, tier),
		.liking_b = liking(g, tier) });
}

static void group_ties(struct gen *g, struct chapter *c)
{
	for (int i = 0; i < c->n; i++)
		for (int j = i + 1; j < c->n; j++) {
			int tier = member_tier(g, i, j);

			if (tier)
				group_tie(g, c, i, j, tier);
		}
}

static const char *attendance_code(struct gen *g, int miss)
{
	static const char *const other[] = { "A", "L", "L", "M", "S", "S" };

	return chance(g, miss) ? other[pick(g, N(other))] : "P";
}

/* A new visitor, invited by host (a member index), who knew them already. */
static int group_new_visitor(struct gen *g, struct chapter *c, int host, int64_t day)
{
	static const char *const how[] = { "Kund", "Grannar på kontoret", "Studiekamrat",
		"Företagarna Lund" };
	int k = c->nvisitor, danish = chance(g, 12);
	char name[80], domain[96], word[48], source[160];
	const char *region = danish ? "DK-84" : "SE-M";

	new_name(g, !danish, name, sizeof(name));
	ascii(strchr(name, ' ') + 1, 0, 0, word, sizeof(word));
	snprintf(domain, sizeof(domain), "%s%s.%s", word, visitor_trades[k].word,
		 danish ? "dk" : "se");
	snprintf(source, sizeof(source), "Besökare på %s, inbjuden av %s", CHAPTER,
		 members[host].name);
	c->visitor[k] = add_person(g, &(struct person_spec){ .name = name, .domain = domain,
		.title = visitor_trades[k].title, .level = visitor_trades[k].level,
		.function = visitor_trades[k].function, .industry = visitor_trades[k].industry,
		.region = region, .city = city_in(g, region), .tags = "besökare",
		.source = source, .basis = "consent" });
	c->visitor_host[k] = host;
	c->nvisitor++;
	add_tie(g, &(struct tie_spec){ .a = c->person[host], .b = c->visitor[k],
		.how = how[pick(g, N(how))], .tier = "wide", .since = day - between(g, 30, 900),
		.liking_a = 3 + pick(g, 3) });
	return k;
}

static void group_visitors(struct gen *g, struct chapter *c, json_t *vis, int64_t day,
			   const int *present, int np)
{
	int count = chance(g, 6) ? 2 : chance(g, 24) ? 1 : 0;

	for (int v = 0; v < count && np; v++) {
		int k;

		if (c->nvisitor < N(visitor_trades) && c->nvisitor < VISITOR_MAX)
			k = group_new_visitor(g, c, present[pick(g, np)], day);
		else if (c->nvisitor && chance(g, 30))
			k = pick(g, c->nvisitor);	/* a second visit before joining */
		else
			continue;
		if (ch_active(c, c->visitor_host[k], day))
			push(g, vis, visitor(g, c->visitor[k], c->person[c->visitor_host[k]]));
	}
}

static void group_meeting(struct gen *g, struct chapter *c, int64_t day, int64_t at)
{
	json_t *att = json_array(), *vis = json_array();
	int present[CH_MAX], np = 0, mt;

	for (int i = 0; i < c->n; i++) {
		const char *code;

		if (!ch_active(c, i, day))
			continue;
		code = attendance_code(g, c->miss[i]);
		if (code[0] == 'P' || code[0] == 'L')
			present[np++] = i;
		push(g, att, attendance(g, c->person[i], code));
	}
	group_visitors(g, c, vis, day, present, np);
	mt = add_meeting(g, c->network, at, "Hotell Lundia, Lund", att, vis);
	if (np && chance(g, 45))
		add_takeaway(g, c->network, mt, c->person[present[pick(g, np)]],
			     at + 2 * HOUR + 30 * 60,
			     &takeaways_sv[c->next_takeaway++ % N(takeaways_sv)]);
}

/* Thursdays at 07:00 in Lund over the last year, resting in July and at Christmas. */
static void group_meetings(struct gen *g, struct chapter *c)
{
	for (int64_t day = next_weekday(g->today - 364, 3); day <= g->today; day += 7) {
		int64_t at = local_at(day, 7, 0);

		if (at <= g->now && !holiday(day))
			group_meeting(g, c, day, at);
	}
}

/* A one-to-one with each side's own notes (sometimes none). */
static void group_one_to_one(struct gen *g, int64_t at, int a, int b)
{
	int n = N(one_to_one_notes_sv), na = pick(g, n), nb = (na + 1 + pick(g, n - 1)) % n;

	add_one_to_one(g, at, a, b, chance(g, 55) ? one_to_one_notes_sv[na] : NULL,
		       chance(g, 40) ? one_to_one_notes_sv[nb] : NULL);
}

static void group_one_to_ones(struct gen *g, struct chapter *c)
{
	for (int w = 0; w < 52; w++) {
		int64_t from = g->today - 364 + w * 7;
		int count = 2 + pick(g, 3);

		for (int k = 0; k < count; k++) {
			int64_t at = office_time(g, from, from + 6), day = floor_div(at, DAY);
			int i = ch_any(g, c, day, -1), j;

			if (i < 0 || (month_of(day) == 7 && chance(g, 70)))
				continue;
			j = chance(g, 75) ? ch_partner(g, c, i, day) : ch_any(g, c, day, i);
			if (j < 0 || j == i)
				continue;
			group_one_to_one(g, at, c->person[i], c->person[j]);
		}
	}
}

/* A deal worth 40-200 % of the receiver's typical deal, in whole 500 kronor. */
static int64_t deal_value(struct gen *g, int typical)
{
	int64_t v = (int64_t)typical * (40 + pick(g, 161)) / 100;

	v = (v + 250) / 500 * 500;
	return (v < 500 ? 500 : v) * 100;
}

static void group_referral(struct gen *g, struct chapter *c, int64_t at, int i, int j)
{
	struct ref_spec s = { .at = at, .giver = c->person[i], .receiver = c->person[j],
		.network = c->network, .value = deal_value(g, members[j].p.deal),
		.won_note = "Tack för affären!", .thanks_note = "Tack för tipset!" };
	struct ref_result r;

	if (chance(g, 20)) {
		s.inside = 1;
		s.prospect_org = c->org[i];
	} else {
		int p = pick(g, c->nprospect);

		s.prospect_org = c->prospect_org[p];
		if (c->prospect_person[p] && chance(g, 75)) {
			s.prospect_person = c->prospect_person[p];
			add_tie(g, &(struct tie_spec){ .a = s.giver, .b = s.prospect_person,
				.how = "Kund", .tier = "wide", .since = floor_div(at, DAY) -
				between(g, 60, 1500), .liking_a = 3 + pick(g, 3) });
		}
	}
	add_referral(g, &s, &r);
	if (r.won) {
		c->won = r;
		c->won_giver = s.giver;
		c->won_receiver = s.receiver;
	} else if (strcmp(r.status, "lost") && r.last < g->now - 14 * DAY) {
		c->stalled = r;
		c->stalled_giver = s.giver;
		c->stalled_receiver = s.receiver;
	}
}

static void group_referrals(struct gen *g, struct chapter *c)
{
	for (int k = 0; k < 90; k++) {
		int64_t from = g->today - 364 + k * 4;
		int64_t at = office_time(g, from, from + 3), day = floor_div(at, DAY);
		int i = ch_any(g, c, day, -1), j;

		if (i < 0)
			continue;
		j = chance(g, 65) ? ch_partner(g, c, i, day) : ch_any(g, c, day, i);
		if (j >= 0 && j != i)
			group_referral(g, c, at, i, j);
	}
}

static void group_exchange(struct gen *g, struct chapter *c, int64_t at)
{
	static const char *const kinds[] = { "information", "information", "advice",
		"introduction", "introduction", "help", "meeting", "meeting" };
	int64_t day = floor_div(at, DAY);
	int i = ch_any(g, c, day, -1), j, network;
	const char *kind = kinds[pick(g, N(kinds))];

	if (i < 0)
		return;
	j = chance(g, 60) ? ch_partner(g, c, i, day) : ch_any(g, c, day, i);
	if (j < 0 || j == i)
		return;
	network = chance(g, 80) ? c->network : 0;
	add_exchange(g, &(struct x_spec){ .at = at, .giver = c->person[i],
		.receiver = c->person[j], .kind = kind, .network = network,
		.note = note_for(g, notes_sv, N(notes_sv), kind) });
	if (strcmp(kind, "information") && strcmp(kind, "advice"))
		maybe_thank(g, at, c->person[j], c->person[i], network, 55,
			    note_for(g, notes_sv, N(notes_sv), "thanks"));
}

static void group_exchanges(struct gen *g, struct chapter *c)
{
	for (int k = 0; k < 180; k++) {
		int64_t from = g->today - 364 + k * 2;

		group_exchange(g, c, office_time(g, from, from + 1));
	}
}

static void group_goals(struct gen *g, struct chapter *c)
{
	static const struct goal_spec goals[] = {
		{ 0, 1, "referrals_given", 240 }, { 0, 1, "visitors", 30 },
		{ 0, 1, "one_to_ones", 260 }, { 0, 1, "closed_value", 3000000 },
		{ 0, 1, "attendance", 95 }, { 1, 1, "referrals_given", 30 },
		{ 13, 1, "one_to_ones", 24 }, { 14, 1, "visitors", 4 },
		{ 14, 1, "one_to_ones", 20 }, { 10, 1, "referrals_received", 12 },
	};
	/* the chapter's term: six months back, six ahead */
	int64_t from = month_start(g->today, -6), to = month_start(g->today, 6) - 1;

	for (int i = 0; i < N(goals); i++) {
		struct goal_spec s = goals[i];

		s.network = c->network;
		if (s.owner == 14)	/* the new member: from the day they joined */
			add_goal(g, &s, c->since[13], c->since[13] + 364);
		else
			add_goal(g, &s, from, to);
	}
}

static void group_board(struct gen *g)
{
	static const char *const recruit[] = {
		"industry=71 region=SE-M want=2", "industry=86.2 region=SE-M want=1",
		"industry=45 role_level=owner region=SE-M want=1",
		"industry=68.1 role_level=owner region=SE-M size_class=small want=2",
	};
	static const struct board_item asks[] = {
		{ 1, 4, "Introduktion till HR-chefer på medelstora tillverkningsföretag i Skåne",
		  "industry=C role_level=manager role_function=hr region=SE-M size_class=medium",
		  "open" },
		{ 23, 9, "Kontakt med fastighetsägare i Lund som planerar ombyggnad",
		  "industry=68 role_function=property region=SE-M", "open" },
		{ 12, 16, "Söker ekonomichefer i IT-bolag i Malmö",
		  "industry=62 role_level=manager role_function=finance region=SE-M", "open" },
		{ 21, 40, "Vem känner inköpschefen på en vårdcentral i Helsingborg?",
		  "industry=86 role_function=procurement region=SE-M", "closed" },
		{ 4, 12, "Svenska företag med dotterbolag i Danmark som behöver ledarträning",
		  "role_level=executive role_function=hr region=DK-84", "open" },
	};
	static const struct board_item offers[] = {
		{ 14, 6, "Gratis säkerhetsgenomlysning för medlemmarnas kunder i december",
		  NULL, "open" },
		{ 19, 11, "Konferenspaket till medlemspris för kapitlets medlemmar", NULL, "open" },
		{ 16, 25, "Porträttfotografering av nya medarbetare till halva priset i januari",
		  NULL, "open" },
		{ 10, 60, "Kostnadsfri lokalbehovsanalys för företag som växer", NULL, "closed" },
	};

	add_plan(g, 1, 3, recruit, N(recruit));
	for (int i = 0; i < N(asks); i++)
		add_board(g, S_ASK, &asks[i]);
	for (int i = 0; i < N(offers); i++)
		add_board(g, S_OFFER, &offers[i]);
}

static void group_tasks(struct gen *g, struct chapter *c)
{
	int64_t t = g->today;

	if (c->nvisitor)
		add_task(g, c->person[c->visitor_host[c->nvisitor - 1]],
			 c->visitor[c->nvisitor - 1], t + 2, "follow_up", 0);
	if (c->won.n)
		add_task(g, c->won_receiver, c->won_giver, floor_div(c->won.last, DAY) + 3,
			 "thank", 0);
	if (c->stalled.n)
		add_task(g, c->stalled_receiver, c->stalled_giver, t + 1, "referral_update", 0);
	add_task(g, c->person[5], c->person[11], t + 5, "meet", 0);
	add_task(g, c->person[14], c->person[15], t - 20, "meet", local_at(t - 21, 10, 0));
	add_task(g, c->person[0], c->person[21], t + 9, "follow_up", 0);
	add_task(g, c->person[0], 0, t + 14, "custom", 0);
}

static void demo_group(struct gen *g)
{
	static struct chapter zero;
	struct chapter *c = malloc(sizeof(*c));

	if (!c) {
		g->oom = 1;
		return;
	}
	*c = zero;
	start(g, CHAPTER, "group", "sv", "SEK");
	group_members(g, c);
	group_prospects(g, c);
	group_network(g, c);
	group_ties(g, c);
	group_meetings(g, c);
	group_one_to_ones(g, c);
	group_referrals(g, c);
	group_exchanges(g, c);
	group_goals(g, c);
	group_board(g);
	group_tasks(g, c);
	free(c);
}

/* ======================================================================
 * DEMO_ORGANISATION: Nordlys Rådgivning A/S and its five networks
 * ====================================================================== */

#define COMPANY "Nordlys Rådgivning A/S"
#define COMPANY_DOMAIN "nordlys-raadgivning.dk"
#define NSTAFF 8
#define NNET 5
#define CO_MAX 64

static const struct {
	const char *name, *title, *level, *function;
	int hourly;		/* internal cost of an hour, DKK */
	int swedish;
} staff[NSTAFF] = {
	{ "Mette Østergaard", "Administrerende direktør", "executive", "general_management", 1400,
	  0 },
	{ "Jens Lauridsen", "Salgsdirektør", "executive", "sales", 1100, 0 },
	{ "Johanna Lindqvist", "Seniorkonsulent", "specialist", "operations", 950, 1 },
	{ "Rasmus Dalgaard", "Partner, strategi", "owner", "general_management", 1300, 0 },
	{ "Louise Bech", "Bogholder", "specialist", "finance", 550, 0 },
	{ "Sofie Frandsen", "Marketingkoordinator", "specialist", "marketing", 600, 0 },
	{ "Kasper Thomsen", "IT-ansvarlig", "manager", "it", 800, 0 },
	{ "Ida Madsen", "Kontorelev", "specialist", "other", 250, 0 },
};

static const struct profile_text staff_profiles[] = {
	{ "business_services", "Strategiforløb for ledergrupper|need;"
	  "Forretningsudvikling og vækstplaner|develop",
	  "Introduktioner til bestyrelsesformænd i produktionsvirksomheder;"
	  "Kontakt til ejerledere før generationsskifte",
	  "Jeg har 20 års erfaring med strategi i ejerledede virksomheder og deler gerne ud "
	  "af den.",
	  "C 46 70 41", "medium large", "executive:general_management owner:general_management",
	  "DK-84 DK-85", "strategi;generationsskifte;vækst", 250000 },
	{ "business_services", "Salgsstrategi og kommerciel udvikling|develop;Prisstrategi|need",
	  "Introduktioner til salgsdirektører i B2B-virksomheder",
	  "Jeg kender de fleste salgschefer i hovedstadsområdet og giver et ærligt blik på en "
	  "salgsorganisation.",
	  "46 C 62", "medium large", "executive:sales executive:general_management", "DK-84",
	  "prissætning;salgsledelse;vækst", 150000 },
	{ "business_services", "Organisationsudvikling|implement;"
	  "Forandringsledelse ved fusioner|implement",
	  "Kontakter i svenske virksomheder med danske datterselskaber",
	  "Jeg arbejder på begge sider af Øresund og kender forskellene i ledelseskultur.",
	  "C 62 64 86", "medium large", "executive:hr executive:general_management", "DK-84 SE-M",
	  "forandringsledelse;kulturforskelle;fusioner", 180000 },
	{ "finance_legal", "Due diligence og værdiansættelse|acquire;"
	  "Exit-planlægning for ejere|exit",
	  "Introduktioner til ejere over 60 år med virksomheder på 20–100 ansatte",
	  "Jeg hjælper ejere med at forberede et salg og kan pege på de rigtige rådgivere.",
	  "C 41 46 43", "small medium", "owner:general_management executive:finance",
	  "DK-84 DK-85", "generationsskifte;værdiansættelse;exit", 300000 },
};

/* a network's calendar: weekday (0 Monday), local time, every so many weeks */
static const struct {
	struct network_spec spec;
	int weekday, hour, minute, every_weeks;
	int meet_percent;	/* chance to meet a new contact at a meeting */
} company_networks[NNET] = {
	{ { "Erhvervsnetværket København City", "business_exchange", "closed", "year",
	    "Hotel Kong Arthur, København K", 950000, 46 }, 1, 7, 30, 1, 12 },
	{ { "Erfa-gruppe: Ledelse i rådgivningsvirksomheder", "experience_group", "closed",
	    "year", "Skiftevis hos medlemmerne", 2400000, 8 }, 3, 15, 0, 6, 30 },
	{ { "Strategiforum Hovedstaden", "professional", "open", "meeting",
	    "Industriens Hus, København V", 145000, 6 }, 2, 14, 0, 8, 60 },
	{ { "Rotary Klub København-Østerbro", "humanitarian", "closed", "month",
	    "Restaurant Parken, Østerbro", 45000, 45 }, 0, 12, 0, 1, 10 },
	{ { "Øresund Tech & Business Breakfast", "mixed", "open", "meeting",
	    "Skiftevis Medeon, Malmö og Symbion, København", 15000, 10 }, 4, 8, 0, 4, 60 },
};

/* who takes part where: network, staff index, role, hours × 2, months a member,
 * days since leaving (0: still), expected outcome, the participant's goal */
static const struct participation {
	int network, who;
	const char *role;
	int half_hours, months, left;
	const char *outcome, *metric;
	int target;
} participations[] = {
	{ 0, 1, "member", 4, 38, 0, "To kundemøder om måneden og mindst én henvisning i "
	  "kvartalet.", "customer_meetings", 20 },
	{ 0, 5, "substitute", 4, 14, 0, "Stedfortræder for salgsdirektøren; lærer at præsentere "
	  "virksomheden på 60 sekunder.", "new_contacts", 10 },
	{ 1, 0, "member", 8, 50, 0, "Sparring på ledelse og vækst; to konkrete idéer pr. "
	  "kvartal.", "ideas", 8 },
	{ 2, 2, "member", 7, 20, 0, "Faglig opdatering og kontakter blandt strategichefer i "
	  "større virksomheder.", "new_contacts", 12 },
	{ 2, 3, "member", 7, 8, 0, "Nye kunder blandt større virksomheder: fire kundemøder i år.",
	  "customer_meetings", 4 },
	{ 3, 4, "member", 3, 30, 0, "Synlighed i lokalsamfundet og relationer til lokale "
	  "erhvervsfolk.", "new_contacts", 8 },
	{ 3, 3, "member", 3, 40, 120, "Relationer til lokale ejerledere.", NULL, 0 },
	{ 4, 6, "member", 5, 24, 0, "Nye idéer og tendenser inden for tech.", "ideas", 6 },
	{ 4, 7, "member", 5, 10, 0, "Lære erhvervslivet at kende og tage idéer med hjem.",
	  "ideas", 4 },
	{ 4, 2, "member", 5, 16, 0, "Kontakter på den svenske side af Øresund.",
	  "customer_meetings", 4 },
};

#define NPART N(participations)

static const struct org_spec partner_orgs[] = {
	{ "Havnens Logistik A/S", "52", "medium", "DK-84", "havnenslogistik.dk" },
	{ "Kløver Software ApS", "62", "small", "DK-84", "kloversoftware.dk" },
	{ "Nordisk Fødevaregruppe A/S", "10", "large", "DK-85", "nordiskfodevare.dk" },
	{ "Bryggens Arkitekter ApS", "71.1", "small", "DK-84", "bryggensarkitekter.dk" },
	{ "Holmen Revision ApS", "69.2", "small", "DK-84", "holmenrevision.dk" },
	{ "Egholm Maskinfabrik A/S", "28", "medium", "DK-85", "egholmmaskin.dk" },
	{ "Ørestad Ejendomme A/S", "68", "medium", "DK-84", "orestadejendomme.dk" },
	{ "Fyrtårn Kommunikation ApS", "73", "micro", "DK-84", "fyrtaarnkom.dk" },
	{ "Solsikke Sundhedshus ApS", "86", "small", "DK-84", "solsikkesundhed.dk" },
	{ "Strandvejens Advokater I/S", "69.1", "small", "DK-84", "strandvejensadvokater.dk" },
	{ "Amager Energi A/S", "35", "large", "DK-84", "amagerenergi.dk" },
	{ "Valby Byg & Anlæg A/S", "41", "medium", "DK-84", "valbybyg.dk" },
	{ "Lyngby Medico ApS", "32.5", "small", "DK-84", "lyngbymedico.dk" },
	{ "Trekroner Forsikring A/S", "65", "large", "DK-84", "trekronerforsikring.dk" },
	{ "Roskilde Vinimport ApS", "46", "small", "DK-85", "roskildevinimport.dk" },
	{ "Ravnsborg Tech ApS", "62", "small", "DK-84", "ravnsborgtech.dk" },
	{ "Öresund Medtech AB", "32.5", "medium", "SE-M", "oresundmedtech.se" },
	{ "Hyllie Fastigheter AB", "68", "medium", "SE-M", "hylliefastigheter.se" },
	{ "Ideon Analytics AB", "62", "small", "SE-M", "ideonanalytics.se" },
	{ "Skånska Maskin AB", "28", "medium", "SE-M", "skanskamaskin.se" },
	{ "Möllevångens Kaffe AB", "56", "micro", "SE-M", "mollevangenskaffe.se" },
};

static const struct text_tags takeaways_da[] = {
	{ "Kommunerne efterspørger rådgivning om grøn omstilling af deres indkøb.", "lead trend" },
	{ "Idé: tilbyd et fast kvartalsvist tjek af likviditeten til mindre kunder.", "idea" },
	{ "Flere mellemstore virksomheder samler indkøb af IT-sikkerhed hos én leverandør.",
	  "trend" },
	{ "En ny konkurrent tilbyder strategiforløb til fast pris på 49.000 kr.", "competitor" },
	{ "Idé: del vores skabelon til budgetopfølgning med netværket.", "idea" },
	{ "Rekruttering af bogholdere er blevet sværere i hele hovedstadsområdet.", "trend" },
	{ "Egholm Maskinfabrik overvejer generationsskifte og søger rådgivning.", "lead" },
	{ "Virksomheder i Malmö leder efter danske samarbejdspartnere inden for rådgivning.",
	  "lead" },
	{ "Idé: lav en fælles morgenmad med Rotary om frivillighed i virksomheder.", "idea" },
	{ "CSRD-rapportering rammer nu også underleverandører til de store selskaber.", "trend" },
	{ "Et stort revisionshus er begyndt at sælge strategirådgivning til SMV'er.",
	  "competitor" },
	{ "Idé: vores kontorelev kan lave en kort video om, hvad vi lærer i netværkene.", "idea" },
	{ "AI-værktøjer til mødereferater bliver standard – kunderne spørger, hvad vi bruger.",
	  "trend" },
	{ "Havnens Logistik skal have ny økonomidirektør og vil gerne have hjælp til processen.",
	  "lead" },
	{ "Idé: tilbyd en gratis workshop om netværksstrategi til erfa-gruppens medlemmer.",
	  "idea" },
	{ "Flere bestyrelser efterspørger scenarieplanlægning efter de seneste toldændringer.",
	  "trend" },
	{ "Et svensk konsulenthus åbner kontor i København med fokus på vores kunder.",
	  "competitor" },
	{ "Region Hovedstaden forventer et stort udbud på organisationsudvikling til foråret.",
	  "lead" },
	{ "Idé: saml netværkernes indsigter i et månedligt internt nyhedsbrev.", "idea" },
	{ "Energipriserne får produktionsvirksomheder til at genforhandle deres kontrakter.",
	  "trend" },
};

struct company {
	int org, staff[NSTAFF], network[NNET], porg[N(partner_orgs)];
	int64_t since[NPART], until[NPART];
	int ncontact, contact[CO_MAX], contact_org[CO_MAX], contact_net[CO_MAX];
	int contact_host[CO_MAX];	/* staff index who met them */
	int64_t contact_met[CO_MAX];
	int next_takeaway, next_org;
};

static void company_staff(struct gen *g, struct company *c)
{
	c->org = add_org(g, &(struct org_spec){ COMPANY, "70.2", "small", "DK-84",
			 COMPANY_DOMAIN });
	/* seed 003: the company's own ground rules for taking part in networks */
	put_str(g, json_array_get(g->arr[S_ORG], (size_t)c->org - 1), "ground_rules",
		"Vi deltager i netværk for at skabe relationer, ikke for at sælge på møderne."
		" Input deles med hele firmaet i takeaways senest dagen efter et møde. Hver"
		" deltager har mål for sin deltagelse, og vi følger op hvert kvartal.");
	for (int i = 0; i < NSTAFF; i++)
		c->staff[i] = add_person(g, &(struct person_spec){ .name = staff[i].name,
			.domain = COMPANY_DOMAIN, .title = staff[i].title,
			.level = staff[i].level, .function = staff[i].function,
			.industry = "70.2", .region = staff[i].swedish ? "SE-M" : "DK-84",
			.city = staff[i].swedish ? "Malmö" : "København", .tags = "medarbejder",
			.source = "Ansat", .basis = "contract", .org = c->org });
	for (int i = 0; i < N(staff_profiles); i++)
		add_profile(g, c->staff[i], &staff_profiles[i], 0);
	for (int i = 0; i < N(partner_orgs); i++)
		c->porg[i] = add_org(g, &partner_orgs[i]);
}

static void company_colleagues(struct gen *g, struct company *c)
{
	for (int i = 0; i < NSTAFF; i++)
		for (int j = i + 1; j < NSTAFF; j++) {
			int inner = (i == 0 && j == 3) || (i == 1 && j == 5);

			if (i && !inner && !chance(g, 35))
				continue;
			add_tie(g, &(struct tie_spec){ .a = c->staff[i], .b = c->staff[j],
				.how = "Kolleger", .tier = inner ? "inner" : "active",
				.since = g->today - between(g, 200, 2500),
				.liking_a = 4 + pick(g, 2), .liking_b = 4 + pick(g, 2) });
		}
}

static void company_networks_add(struct gen *g, struct company *c)
{
	for (int k = 0; k < NNET; k++)
		c->network[k] = add_network(g, &company_networks[k].spec);
	for (int i = 0; i < NPART; i++) {
		const struct participation *p = &participations[i];

		c->since[i] = g->today - (int64_t)p->months * 30 - pick(g, 20);
		c->until[i] = p->left ? g->today - p->left : 0;
		add_membership(g, &(struct membership_spec){ .network = c->network[p->network],
			.person = c->staff[p->who], .role = p->role, .since = c->since[i],
			.until = c->until[i], .half_hours = p->half_hours,
			.hourly = staff[p->who].hourly, .outcome = p->outcome });
	}
}

static int part_active(const struct company *c, int i, int64_t day)
{
	return c->since[i] <= day && (!c->until[i] || day <= c->until[i]);
}

/* A contact met through network k by staff member host on day. */
static int company_contact(struct gen *g, struct company *c, int k, int host, int64_t day)
{
	static const int level_w[] = { 20, 35, 45, 0 };
	int n = c->ncontact, o, lv, fn, swedish;
	const struct org_spec *org;
	char name[80];

	if (n >= CO_MAX)
		return -1;
	o = k == 4 && chance(g, 60) ? 16 + pick(g, 5) : c->next_org++ % 16;
	org = &partner_orgs[o];
	swedish = !is_danish(org->region);
	lv = weighted(g, level_w, N(level_w));
	fn = pick(g, 8);
	new_name(g, swedish, name, sizeof(name));
	c->contact[n] = add_person(g, &(struct person_spec){ .name = name,
		.domain = org->domain, .title = (swedish ? titles_sv : titles_da)[fn][lv],
		.level = levels[lv], .function = functions[fn], .industry = org->industry,
		.region = org->region, .city = city_in(g, org->region), .tags = "netværk",
		.source = company_networks[k].spec.name, .basis = "legitimate_interest",
		.org = c->porg[o], .full_email = 1 });
	c->contact_org[n] = o;
	c->contact_net[n] = k;
	c->contact_host[n] = host;
	c->contact_met[n] = day;
	c->ncontact++;
	add_tie(g, &(struct tie_spec){ .a = c->staff[host], .b = c->contact[n],
		.how = company_networks[k].spec.name, .tier = chance(g, 35) ? "active" : "wide",
		.since = day, .liking_a = 3 + pick(g, 3) });
	return n;
}

/* The staff attending one meeting of network k: members get a code, a substitute
 * comes (present) when a member sends one. Returns the number present. */
static int company_attendance(struct gen *g, struct company *c, int k, int64_t day,
			      json_t *att, int *present)
{
	static const char *const codes[] = { "P", "P", "P", "P", "P", "P", "P", "P", "P", "L",
		"A", "M", "S" };
	int np = 0, sent = 0;

	for (int i = 0; i < NPART; i++) {
		const struct participation *p = &participations[i];
		const char *code;

		if (p->network != k || !part_active(c, i, day) || !strcmp(p->role, "substitute"))
			continue;
		code = codes[pick(g, N(codes))];
		sent |= code[0] == 'S';
		if (code[0] == 'P' || code[0] == 'L')
			present[np++] = p->who;
		push(g, att, attendance(g, c->staff[p->who], code));
	}
	for (int i = 0; i < NPART && sent; i++)
		if (participations[i].network == k && part_active(c, i, day) &&
		    !strcmp(participations[i].role, "substitute")) {
			present[np++] = participations[i].who;
			push(g, att, attendance(g, c->staff[participations[i].who], "P"));
		}
	return np;
}

static void company_meeting(struct gen *g, struct company *c, int k, int64_t day)
{
	int64_t at = local_at(day, company_networks[k].hour, company_networks[k].minute);
	json_t *att = json_array();
	int present[NPART], np, mt;

	if (at > g->now || holiday(day)) {
		json_decref(att);
		return;
	}
	np = company_attendance(g, c, k, day, att, present);
	if (!json_array_size(att)) {
		json_decref(att);
		return;
	}
	mt = add_meeting(g, c->network[k], at, company_networks[k].spec.place, att,
			 json_array());
	if (np && chance(g, k == 0 || k == 3 ? 30 : 70))
		add_takeaway(g, c->network[k], mt, c->staff[present[pick(g, np)]], at + 3 * HOUR,
			     &takeaways_da[c->next_takeaway++ % N(takeaways_da)]);
	if (np && chance(g, company_networks[k].meet_percent))
		company_contact(g, c, k, present[pick(g, np)], day);
}

static void company_meetings(struct gen *g, struct company *c)
{
	for (int k = 0; k < NNET; k++) {
		int64_t day = next_weekday(g->today - 364, company_networks[k].weekday);

		for (; day <= g->today; day += 7 * company_networks[k].every_weeks)
			company_meeting(g, c, k, day);
	}
}

/* Contacts known from before the year, two per network. */
static void company_old_contacts(struct gen *g, struct company *c)
{
	for (int k = 0; k < NNET; k++)
		for (int n = 0; n < 2; n++)
			for (int i = 0; i < NPART; i++)
				if (participations[i].network == k && !participations[i].left &&
				    strcmp(participations[i].role, "substitute")) {
					company_contact(g, c, k, participations[i].who,
							c->since[i] + between(g, 10, 200));
					break;
				}
}

static void company_referral(struct gen *g, struct company *c, int n)
{
	int64_t from = c->contact_met[n] > g->today - 364 ? c->contact_met[n] : g->today - 364;
	int host = c->staff[c->contact_host[n]], back = chance(g, 30);
	struct ref_spec s = { .at = office_time(g, from + 7, g->today - 1),
		.giver = back ? host : c->contact[n], .receiver = back ? c->contact[n] : host,
		.network = c->network[c->contact_net[n]],
		.value = (int64_t)(25 + pick(g, 276)) * 100000,
		.won_note = "Tak for opgaven – aftalen er underskrevet.",
		.thanks_note = "Tak for henvisningen!" };
	struct ref_result r;
	int other = pick(g, N(partner_orgs));

	if (!back && chance(g, 40)) {
		s.inside = 1;
		s.prospect_org = c->porg[c->contact_org[n]];
	} else {
		s.prospect_org = c->porg[other];
		for (int i = 0; i < c->ncontact; i++)
			if (c->contact_org[i] == other && c->contact[i] != s.receiver &&
			    c->contact[i] != s.giver) {
				s.prospect_person = c->contact[i];
				break;
			}
	}
	if (floor_div(s.at, DAY) >= c->contact_met[n])
		add_referral(g, &s, &r);
}

static void company_exchange(struct gen *g, struct company *c, int n)
{
	static const char *const kinds[] = { "meeting", "meeting", "meeting", "information",
		"information", "introduction", "advice", "advice", "help" };
	const char *kind = kinds[pick(g, N(kinds))];
	int64_t from = c->contact_met[n] > g->today - 364 ? c->contact_met[n] : g->today - 364;
	int64_t at = office_time(g, from + 1, g->today - 1);
	int staff_p = c->staff[c->contact_host[n]], gives = !strcmp(kind, "meeting") ||
		chance(g, 60);
	int network = chance(g, 90) ? c->network[c->contact_net[n]] : 0;
	int giver = gives ? c->contact[n] : staff_p, receiver = gives ? staff_p : c->contact[n];

	if (floor_div(at, DAY) < c->contact_met[n])
		return;
	add_exchange(g, &(struct x_spec){ .at = at, .giver = giver, .receiver = receiver,
		.kind = kind, .network = network,
		.note = note_for(g, notes_da, N(notes_da), kind) });
	if (strcmp(kind, "information") && strcmp(kind, "advice"))
		maybe_thank(g, at, receiver, giver, network, 60,
			    note_for(g, notes_da, N(notes_da), "thanks"));
}

static void company_business(struct gen *g, struct company *c)
{
	for (int k = 0; k < 22 && c->ncontact; k++)
		company_referral(g, c, pick(g, c->ncontact));
	for (int k = 0; k < 120 && c->ncontact; k++)
		company_exchange(g, c, pick(g, c->ncontact));
}

static void company_goals(struct gen *g, struct company *c)
{
	static const struct goal_spec shared[] = {
		{ 0, 0, "ideas", 30 }, { 0, 0, "customer_meetings", 40 },
		{ 0, 0, "new_contacts", 30 }, { 0, 0, "closed_value", 750000 },
		{ 0, 0, "referrals_received", 12 },
	};
	int64_t from = month_start(g->today, -8), to = month_start(g->today, 4) - 1;

	for (int i = 0; i < NPART; i++) {
		const struct participation *p = &participations[i];

		if (p->metric)
			add_goal(g, &(struct goal_spec){ c->staff[p->who], c->network[p->network],
				 p->metric, p->target }, from, to);
	}
	for (int i = 0; i < N(shared); i++)
		add_goal(g, &shared[i], from, to);
}

static void company_board(struct gen *g, struct company *c)
{
	static const char *const segments[] = {
		("industry=C role_level=executive role_function=finance region=DK-84 "
		 "size_class=medium want=12"),
		("industry=C role_level=executive role_function=general_management region=DK-85 "
		 "want=8"),
		("industry=C role_level=executive role_function=general_management region=SE-M "
		 "size_class=medium want=6"),
		"industry=84 role_level=public_official region=DK-84 want=5",
	};
	static const struct board_item asks[] = {
		{ 2, 5, "Introduktion til salgsdirektører i engrosvirksomheder på Sjælland",
		  "industry=46 role_level=executive role_function=sales region=DK-85", "open" },
		{ 1, 12, "Hvem kender bestyrelsesformanden i en produktionsvirksomhed med 50–250 "
		  "ansatte?", "industry=C role_level=executive role_function=general_management "
		  "region=DK-84 size_class=medium", "open" },
		{ 3, 20, "Kontakt til HR-direktører i svenske virksomheder med kontor i København",
		  "role_level=executive role_function=hr region=SE-M", "open" },
		{ 4, 70, "Ejere der overvejer at sælge deres virksomhed inden for to år",
		  "role_level=owner region=DK-84", "closed" },
	};
	static const struct board_item offers[] = {
		{ 1, 8, "Gratis strategieftermiddag for netværkets medlemmer i januari", NULL,
		  "open" },
		{ 5, 15, "Vores skabelon til budgetopfølgning – send en mail, så deler jeg den",
		  NULL, "open" },
		{ 3, 30, "Sparring på organisationsudvikling ved fusioner, en time uden beregning",
		  NULL, "open" },
	};

	add_plan(g, c->staff[0], 6, segments, N(segments));
	for (int i = 0; i < N(asks); i++)
		add_board(g, S_ASK, &asks[i]);
	for (int i = 0; i < N(offers); i++)
		add_board(g, S_OFFER, &offers[i]);
}

static void company_tasks(struct gen *g, struct company *c)
{
	int64_t t = g->today;
	int last = c->ncontact - 1;

	if (last < 0)
		return;
	add_task(g, c->staff[c->contact_host[last]], c->contact[last], t + 3, "follow_up", 0);
	add_task(g, c->staff[1], c->contact[0], t - 4, "follow_up", 0);
	add_task(g, c->staff[0], c->contact[last / 2], t + 10, "meet", 0);
	add_task(g, c->staff[4], c->contact[last / 3], t - 12, "thank", local_at(t - 12, 14, 30));
	add_task(g, c->staff[7], 0, t + 6, "custom", 0);
	add_task(g, c->staff[2], c->contact[last / 4], t + 1, "referral_update", 0);
}

static void demo_organisation(struct gen *g)
{
	static struct company zero;
	struct company *c = malloc(sizeof(*c));

	if (!c) {
		g->oom = 1;
		return;
	}
	*c = zero;
	start(g, COMPANY, "organisation", "da", "DKK");
	company_staff(g, c);
	company_colleagues(g, c);
	company_networks_add(g, c);
	company_old_contacts(g, c);
	company_meetings(g, c);
	company_business(g, c);
	company_goals(g, c);
	company_board(g, c);
	company_tasks(g, c);
	free(c);
}

/* ======================================================================
 * DEMO_PERSONAL: Ida Holst, freelance UX designer in Copenhagen
 * ====================================================================== */

#define OWNER "Ida Holst"
#define FL_MAX 320
#define FL_ORGS 80
#define FL_CONTACTS 300		/* the owner's contacts, partners included */

static const struct {
	const char *name, *title, *function, *company, *domain, *industry;
	struct profile_text p;
} partners[] = {
	{ "Jonas Friis", "Tekstforfatter", "marketing", "Friis Tekst", "friistekst.dk", "73.1",
	  { "marketing_creative", "Tekster til web og apps|implement;Tone of voice|develop",
	    "Kunder der skal relancere deres hjemmeside",
	    "Jeg gør komplekse produkter forståelige på dansk og engelsk.",
	    "64 65 62", "medium large", "manager:marketing", "DK-84",
	    "tone of voice;digital selvbetjening;tilgængelighed", 40000 } },
	{ "Signe Krogh", "Frontendudvikler", "it", "Krogh Kode ApS", "kroghkode.dk", "62",
	  { "it_digital", "Frontendudvikling|implement;Tilgængelighedstest|develop",
	    "Designere der mangler en udvikler på deres projekter",
	    "Jeg bygger det, designerne tegner, og siger tidligt til, hvis det bliver dyrt.",
	    "62 64 84", "medium large", "manager:it", "DK-84",
	    "tilgængelighed;digital selvbetjening;designsystemer", 120000 } },
	{ "Magnus Ljung", "Fotograf", "marketing", "Ljung Foto", "ljungfoto.dk", "74.2",
	  { "marketing_creative", "Portrætter og reportage|implement",
	    "Virksomheder der skal lancere en ny hjemmeside",
	    "Jeg kommer rundt i mange virksomheder og hører, hvem der skal have nyt site.",
	    "70 73 62", "small medium", "manager:marketing", "DK-84 SE-M",
	    "employer branding;lancering", 15000 } },
	{ "Trine Bak", "Agil projektleder", "operations", "Bak Projekt", "bakprojekt.dk", "70.2",
	  { "business_services", "Projektledelse af digitale projekter|implement;"
	    "Agil coaching|develop",
	    "Offentlige digitaliseringsprojekter",
	    "Jeg kender de offentlige udbud og ved, hvilke projekter der er på vej.",
	    "84 64 65", "large", "manager:it public_official:it", "DK-84",
	    "digital selvbetjening;udbud;agil udvikling", 200000 } },
	{ "Esben Ravn", "Illustrator", "marketing", "Ravn Illustration", "ravnillustration.dk",
	  "74.1",
	  { "marketing_creative", "Illustrationer og ikoner|implement",
	    "Bureauer der mangler en illustrator",
	    "Jeg kan visualisere en idé på en eftermiddag.",
	    "73 58 62", "small medium", "manager:marketing", "DK-84",
	    "designsystemer;visuel identitet", 25000 } },
};

static const struct profile_text owner_profile = {
	"marketing_creative", "Brugerresearch og interviews|need;Servicedesign-workshops|develop;"
	"Prototyper og brugertest|implement",
	"Introduktioner til produktchefer i fintech og forsikring;"
	"Underleverandøraftaler med digitale bureauer",
	"Jeg deler gerne brugerindsigter, metoder og mit netværk i designmiljøet i København og "
	"Malmö.",
	"64 65 62 84", "medium large", "manager:it manager:marketing executive:general_management",
	"DK-84 SE-M", "digital selvbetjening;tilgængelighed;brugerinddragelse", 85000,
};

static const struct {
	const char *industry, *da, *sv;
} sectors[] = {
	{ "62", "Software", "Mjukvara" }, { "62", "IT", "IT" }, { "63", "Data", "Data" },
	{ "64", "Finans", "Finans" }, { "65", "Forsikring", "Försäkring" },
	{ "66", "Pension", "Pension" }, { "70.2", "Rådgivning", "Rådgivning" },
	{ "73.1", "Reklame", "Reklam" }, { "73", "Kommunikation", "Kommunikation" },
	{ "71.1", "Arkitekter", "Arkitekter" }, { "69.1", "Advokater", "Advokater" },
	{ "69.2", "Revision", "Revision" }, { "86", "Sundhed", "Hälsa" },
	{ "21", "Pharma", "Pharma" }, { "47", "Handel", "Handel" },
	{ "10", "Fødevarer", "Livsmedel" }, { "35", "Energi", "Energi" }, { "41", "Byg", "Bygg" },
	{ "68", "Ejendomme", "Fastigheter" }, { "49", "Transport", "Transport" },
	{ "58", "Forlag", "Förlag" }, { "85.5", "Akademi", "Akademi" },
	{ "74.1", "Design", "Design" }, { "79", "Rejser", "Resor" },
};

static const char *const stems_dk[] = {
	"Nordhavn", "Kløver", "Bølge", "Fyrtårn", "Havørn", "Lyngby", "Amager", "Valby", "Skovbo",
	"Strandvejen", "Kastrup", "Egholm", "Solsikke", "Vestergaard", "Ravnsborg", "Trekroner",
	"Holmen", "Ørestad", "Bryggen", "Christianshavn",
};

static const char *const stems_se[] = {
	"Hyllie", "Kullen", "Ribersborg", "Söderslätt", "Ideon", "Västra Hamnen", "Öresund",
	"Möllevången",
};

static const struct {
	const char *name, *industry, *size, *region, *city;
} public_bodies[] = {
	{ "Københavns Kommune", "84.1", "large", "DK-84", "København" },
	{ "Region Hovedstaden", "84.1", "large", "DK-84", "Hillerød" },
	{ "Frederiksberg Kommune", "84.1", "large", "DK-84", "Frederiksberg" },
	{ "Digitaliseringsstyrelsen", "84.1", "medium", "DK-84", "København" },
	{ "Malmö stad", "84.1", "large", "SE-M", "Malmö" },
};

static const char *const public_titles_da[] = { "Specialkonsulent", "Fuldmægtig",
	"Digitaliseringskonsulent", "Kontorchef", "Indkøbskonsulent" };
static const char *const public_titles_sv[] = { "Handläggare", "Digitaliseringsstrateg",
	"Enhetschef", "Upphandlare" };

static const char *const freelance_titles[] = { "Selvstændig konsulent",
	"Freelance copywriter", "Freelance fotograf", "Selvstændig UX-designer",
	"Freelance udvikler", "Selvstændig erhvervscoach", "Freelance grafiker",
	"Selvstændig projektleder" };

static const struct {
	const char *how, *tag;
} hows[] = {
	{ "Tidligere kollega", "tidligere kollega" }, { "Kunde", "kunde" },
	{ "LinkedIn", "linkedin" }, { "Konference: Digital Tech Summit", "konference" },
	{ "Netværksmøde", "netværk" }, { "Via en fælles kontakt", "introduktion" },
	{ "Studiekammerat", "studie" }, { "UX-meetup i København", "meetup" },
	{ "Samarbejdspartner på et projekt", "samarbejdspartner" },
};

static const char *const private_names[] = { "Anne Winther", "Peter Bak", "Lise Kofoed" };

static const struct text_tags takeaways_ux[] = {
	{ "Flere kommuner skal gentænke deres selvbetjeningsløsninger inden 2027.", "trend lead" },
	{ "Idé: tilbyd en tilgængelighedsgennemgang som fast pakke.", "idea" },
	{ "Et stort bureau sælger brugertest billigt for at komme ind hos kunderne.",
	  "competitor" },
	{ "Fintech-virksomhederne i København mangler UX-research-kompetencer.", "lead" },
	{ "Idé: lav et fælles tilbud med en tekstforfatter og en udvikler.", "idea" },
	{ "AI-genererede prototyper presser prisen på simple skærmdesign.", "trend" },
	{ "Forsikringsselskaberne investerer i digitale skadesanmeldelser.", "lead" },
	{ "Idé: skriv en kort guide om interviewteknik og del den i erfa-gruppen.", "idea" },
	{ "Tilgængelighedsloven får flere virksomheder til at bede om audits.", "trend" },
	{ "En svensk konkurrent tilbyder servicedesign på dansk og svensk til fast pris.",
	  "competitor" },
};

static const char *const coffee_notes[] = {
	"Kaffe på Nørrebro: de leder efter en UX-researcher til et forsikringsprojekt i foråret.",
	"Vi talte om at lave et fælles tilbud på tilgængelighed.",
	"Skifter job til januar og vil gerne holde kontakten.",
	"God snak om priser – jeg har været for billig på workshops.",
	"Aftalte en introduktion til Trine om det offentlige udbud.",
	"Har brug for en sparringspartner på en servicedesign-opgave.",
};

struct freelancer {
	int owner, n;			/* contacts: person[0..n-1] */
	int person[FL_MAX], org[FL_MAX], tier[FL_MAX], priv[FL_MAX];
	int64_t since[FL_MAX];
	int norg, orgs[FL_ORGS + 16], org_public[FL_ORGS + 16], org_se[FL_ORGS + 16];
	char domain[FL_ORGS + 16][48];
	int network[2], next_takeaway;
	struct ref_result won;
	int won_giver;
};

static void freelancer_org(struct gen *g, struct freelancer *f, int i)
{
	static const int size_w[] = { 20, 35, 30, 15 };
	static const char *const sizes[] = { "micro", "small", "medium", "large" };
	int se = i % 8 == 7, sz = weighted(g, size_w, N(size_w)), k = f->norg;
	const char *stem = se ? stems_se[(i / 8) % N(stems_se)] : stems_dk[i % N(stems_dk)];
	int s = (i * 7 + i / 20) % N(sectors);
	const char *word = se ? sectors[s].sv : sectors[s].da;
	char name[96], plain[80];

	snprintf(name, sizeof(name), "%s %s %s", stem, word,
		 se ? "AB" : sz >= 2 ? "A/S" : "ApS");
	snprintf(plain, sizeof(plain), "%s %s", stem, word);
	ascii(plain, '-', 0, f->domain[k], sizeof(f->domain[k]) - 4);
	snprintf(f->domain[k] + strlen(f->domain[k]), 4, ".%s", se ? "se" : "dk");
	f->org_se[k] = se;
	f->org_public[k] = 0;
	f->orgs[k] = add_org(g, &(struct org_spec){ name, sectors[s].industry, sizes[sz],
			     se ? "SE-M" : chance(g, 85) ? "DK-84" : "DK-85", f->domain[k] });
	f->norg++;
}

static void freelancer_orgs(struct gen *g, struct freelancer *f)
{
	for (int i = 0; i < N(public_bodies); i++) {
		f->org_se[f->norg] = !is_danish(public_bodies[i].region);
		f->org_public[f->norg] = 1;
		f->domain[f->norg][0] = '\0';
		f->orgs[f->norg++] = add_org(g, &(struct org_spec){ public_bodies[i].name,
			public_bodies[i].industry, public_bodies[i].size, public_bodies[i].region,
			NULL });
	}
	for (int i = 0; i < FL_ORGS; i++)
		freelancer_org(g, f, i);
}

static void freelancer_owner(struct gen *g, struct freelancer *f)
{
	int org = add_org(g, &(struct org_spec){ "Ida Holst Design", "74.1", "micro", "DK-84",
			  "idaholst.dk" });

	f->owner = add_person(g, &(struct person_spec){ .name = OWNER, .domain = "idaholst.dk",
		.title = "Freelance UX- og servicedesigner", .level = "owner",
		.function = "marketing", .industry = "74.1", .region = "DK-84",
		.city = "København", .tags = "mig", .source = "Arbejdsområdets ejer",
		.basis = "contract", .org = org });
	add_profile(g, f->owner, &owner_profile, 0);
}

static void freelancer_partners(struct gen *g, struct freelancer *f)
{
	for (int i = 0; i < N(partners); i++) {
		int org = add_org(g, &(struct org_spec){ partners[i].company, partners[i].industry,
				  "micro", "DK-84", partners[i].domain });
		int n = f->n++;

		f->person[n] = add_person(g, &(struct person_spec){ .name = partners[i].name,
			.domain = partners[i].domain, .title = partners[i].title, .level = "owner",
			.function = partners[i].function, .industry = partners[i].industry,
			.region = "DK-84", .city = "København", .tags = "samarbejdspartner",
			.source = "Samarbejdspartner på et projekt", .basis = "consent",
			.org = org });
		f->org[n] = 0;
		f->tier[n] = 1;
		add_profile(g, f->person[n], &partners[i].p, 0);
	}
}

/* A contact employed at organisation k (index into f->orgs). */
static void freelancer_employee(struct gen *g, struct freelancer *f, int k, int how)
{
	static const int level_w[] = { 8, 15, 35, 42 };
	static const int func_w[] = { 8, 10, 8, 18, 18, 12, 10, 4, 3, 5, 4 };
	int se = f->org_se[k] || chance(g, 7), lv = weighted(g, level_w, N(level_w));
	int fn = weighted(g, func_w, N(func_w)), n = f->n++;
	json_t *org = json_array_get(g->arr[S_ORG], (size_t)f->orgs[k] - 1);
	const char *region = json_string_value(json_object_get(org, "region"));
	const char *industry = json_string_value(json_object_get(org, "industry"));
	char name[80];

	new_name(g, se, name, sizeof(name));
	f->org[n] = k + 1;
	f->person[n] = add_person(g, &(struct person_spec){ .name = name,
		.domain = f->domain[k][0] ? f->domain[k] : NULL,
		.title = f->org_public[k] ? (se ? public_titles_sv[pick(g, N(public_titles_sv))] :
			 public_titles_da[pick(g, N(public_titles_da))]) :
			 (se ? titles_sv : titles_da)[fn][lv],
		.level = f->org_public[k] ? "public_official" : levels[lv],
		.function = f->org_public[k] ? (chance(g, 50) ? "it" : "procurement") :
			    functions[fn],
		.industry = industry, .region = region,
		.city = k < N(public_bodies) ? public_bodies[k].city : city_in(g, region),
		.tags = hows[how].tag, .source = hows[how].how, .basis = "legitimate_interest",
		.org = f->orgs[k], .full_email = 1 });
}

static void freelancer_self_employed(struct gen *g, struct freelancer *f, int how)
{
	int se = chance(g, 10), n = f->n++, t = pick(g, N(freelance_titles));
	const char *region = se ? "SE-M" : "DK-84";
	char name[80], domain[80];

	new_name(g, se, name, sizeof(name));
	ascii(name, 0, 0, domain, sizeof(domain) - 4);
	snprintf(domain + strlen(domain), 4, ".%s", se ? "se" : "dk");
	f->org[n] = 0;
	f->person[n] = add_person(g, &(struct person_spec){ .name = name, .domain = domain,
		.title = freelance_titles[t], .level = "owner",
		.function = t == 4 ? "it" : t == 0 || t == 5 || t == 7 ? "general_management" :
			    "marketing",
		.industry = t == 4 ? "62" : t == 0 || t == 5 || t == 7 ? "70.2" : "74",
		.region = region, .city = city_in(g, region), .tags = hows[how].tag,
		.source = hows[how].how, .basis = "legitimate_interest" });
}

static void freelancer_private(struct gen *g, struct freelancer *f, int i)
{
	int n = f->n++;
	char name[80];

	snprintf(name, sizeof(name), "%s", private_names[i]);
	if (name_taken(g, name))
		new_name(g, 0, name, sizeof(name));
	f->org[n] = 0;
	f->priv[n] = 1;
	f->person[n] = add_person(g, &(struct person_spec){ .name = name,
		.level = "private_individual", .region = "DK-84", .city = "København",
		.tags = "privat", .source = "Privat", .basis = "consent", .private_flag = 1 });
}

static void freelancer_contacts(struct gen *g, struct freelancer *f)
{
	int extra = FL_CONTACTS - N(partners) - N(private_names);

	for (int i = 0; i < extra; i++) {
		int r = pick(g, 100), how = pick(g, N(hows));

		if (r < 5)
			freelancer_employee(g, f, pick(g, N(public_bodies)), how);
		else if (r < 13)
			freelancer_self_employed(g, f, how);
		else
			freelancer_employee(g, f, N(public_bodies) + pick(g, FL_ORGS), how);
	}
	for (int i = 0; i < N(private_names); i++)
		freelancer_private(g, f, i);
}

/* 15 inner (the partners and ten more), 60 active, the rest wide. */
static void freelancer_tiers(struct gen *g, struct freelancer *f)
{
	int order[FL_MAX], m = 0, first = N(partners);

	for (int i = first; i < f->n; i++)
		order[m++] = i;
	for (int i = m - 1; i > 0; i--) {
		int j = pick(g, i + 1), t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
	for (int i = 0; i < m; i++)
		f->tier[order[i]] = i < 10 ? 1 : i < 70 ? 2 : 3;
}

static void freelancer_owner_tie(struct gen *g, struct freelancer *f, int i)
{
	static const int64_t since[][2] = { { 0, 0 }, { 700, 4000 }, { 200, 3000 }, { 365, 3000 } };
	int tier = f->tier[i];
	const char *status = "active";
	int64_t ago = between(g, since[tier][0], since[tier][1]);
	json_t *p = json_array_get(g->arr[S_PERSON], (size_t)f->person[i] - 1);

	if (tier == 3 && chance(g, 25))
		ago = between(g, 10, 360);	/* new this year */
	if (tier == 3 && chance(g, 13))
		status = chance(g, 25) ? "ended" : "dormant";
	else if (tier == 2 && chance(g, 4))
		status = "dormant";
	f->since[i] = g->today - ago;
	add_tie(g, &(struct tie_spec){ .a = f->owner, .b = f->person[i],
		.how = json_string_value(json_object_get(p, "source")),
		.tier = tier_names[tier], .status = status, .since = f->since[i],
		.cadence = tier == 1 && chance(g, 40) ? 21 : tier == 2 && chance(g, 15) ? 60 : 0,
		.liking_a = tier == 3 && chance(g, 40) ? 0 : liking(g, tier),
		.private_flag = f->priv[i] });
}

static void freelancer_ties(struct gen *g, struct freelancer *f)
{
	static const char *const how[] = { "Studiekammerater", "Tidligere kolleger",
		"Branchenetværk", "Kunde og leverandør" };

	for (int i = 0; i < f->n; i++)
		freelancer_owner_tie(g, f, i);
	for (int i = 0; i < N(partners); i++)	/* the partners work together */
		for (int j = i + 1; j < N(partners); j++)
			add_tie(g, &(struct tie_spec){ .a = f->person[i], .b = f->person[j],
				.how = "Fælles projekter",
				.tier = chance(g, 50) ? "inner" : "active",
				.since = g->today - between(g, 300, 2000) });
	for (int i = 0; i < f->n; i++)		/* colleagues */
		for (int j = i + 1; j < f->n && f->org[i]; j++)
			if (f->org[j] == f->org[i] && chance(g, 70))
				add_tie(g, &(struct tie_spec){ .a = f->person[i], .b = f->person[j],
					.how = "Kolleger", .tier = "active",
					.since = g->today - between(g, 100, 2500) });
	for (int k = 0; k < 150; k++) {
		int i = pick(g, f->n), j = pick(g, f->n);

		if (!f->priv[i] && !f->priv[j])
			add_tie(g, &(struct tie_spec){ .a = f->person[i], .b = f->person[j],
				.how = how[pick(g, N(how))], .tier = "wide",
				.since = g->today - between(g, 200, 3000) });
	}
}

static void freelancer_exchange(struct gen *g, struct freelancer *f, int i)
{
	static const char *const kinds[] = { "information", "information", "information",
		"advice", "advice", "meeting", "meeting", "introduction", "help", "referral" };
	const char *kind = kinds[pick(g, N(kinds))];
	int64_t from = f->since[i] > g->today - 364 ? f->since[i] : g->today - 364;
	int64_t at = office_time(g, from, g->today - 1);
	int gives = chance(g, 52);
	int giver = gives ? f->owner : f->person[i], receiver = gives ? f->person[i] : f->owner;

	if (floor_div(at, DAY) < f->since[i])
		return;
	add_exchange(g, &(struct x_spec){ .at = at, .giver = giver, .receiver = receiver,
		.kind = kind, .note = note_for(g, notes_da, N(notes_da), kind) });
	if (strcmp(kind, "information") && strcmp(kind, "advice"))
		maybe_thank(g, at, receiver, giver, 0, 55,
			    note_for(g, notes_da, N(notes_da), "thanks"));
}

static void freelancer_exchanges(struct gen *g, struct freelancer *f)
{
	for (int i = 0; i < f->n; i++) {
		int count = f->tier[i] == 1 ? 4 + pick(g, 8) : f->tier[i] == 2 ? pick(g, 5) :
			    chance(g, 30);

		if (f->priv[i])
			continue;
		for (int k = 0; k < count; k++)
			freelancer_exchange(g, f, i);
	}
}

/* A close contact (inner or active, not private); -1 if none was found. */
static int freelancer_close(struct gen *g, const struct freelancer *f, int inner_only)
{
	for (int tries = 0; tries < 200; tries++) {
		int i = pick(g, f->n);

		if (!f->priv[i] && f->tier[i] <= (inner_only ? 1 : 2))
			return i;
	}
	return -1;
}

static void freelancer_referrals(struct gen *g, struct freelancer *f)
{
	for (int k = 0; k < 12; k++) {
		int i = k < 4 ? pick(g, N(partners)) : freelancer_close(g, f, 0), to_owner = k >= 4;
		int64_t from = g->today - 364 + k * 28;
		int o = pick(g, f->norg), who = i < 0 ? 0 : f->person[i];
		struct ref_spec s = { .at = office_time(g, from, from + 20),
			.giver = to_owner ? who : f->owner, .receiver = to_owner ? f->owner : who,
			.prospect_org = f->orgs[o],
			.value = (to_owner ? 30 + pick(g, 121) : 15 + pick(g, 100)) * 100000LL,
			.won_note = "Tak for opgaven!", .thanks_note = "Tak for henvisningen!" };
		struct ref_result r;

		if (i < 0)
			continue;
		for (int c = 0; c < f->n; c++)
			if (f->org[c] == o + 1 && f->person[c] != who) {
				s.prospect_person = f->person[c];
				break;
			}
		add_referral(g, &s, &r);
		if (r.won && to_owner) {
			f->won = r;
			f->won_giver = who;
		}
	}
}

static void freelancer_coffees(struct gen *g, struct freelancer *f)
{
	for (int k = 0; k < 24; k++) {
		int i = freelancer_close(g, f, k % 3 == 0);
		int64_t from = g->today - 364 + k * 15;

		if (i >= 0 && f->since[i] <= from)
			add_one_to_one(g, office_time(g, from, from + 14), f->owner, f->person[i],
				       coffee_notes[pick(g, N(coffee_notes))], NULL);
	}
}

static void freelancer_meetings(struct gen *g, struct freelancer *f, int k, const int *roll,
				int nroll)
{
	int every = k == 0 ? 6 : 4, wd = k == 0 ? 2 : 3, hour = k == 0 ? 17 : 16;
	const char *place = k == 0 ? "BLOX, København K" : "Skiftevis hos medlemmerne";

	for (int64_t day = next_weekday(g->today - 364, wd); day <= g->today; day += 7 * every) {
		int64_t at = local_at(day, hour, 30);
		json_t *att;
		int mt, owner_present = 0;

		if (at > g->now || holiday(day))
			continue;
		att = json_array();
		for (int m = 0; m < nroll; m++) {
			const char *code = chance(g, 80) ? "P" : chance(g, 50) ? "A" : "L";

			if (m == 0)
				owner_present = code[0] != 'A';
			push(g, att, attendance(g, roll[m], code));
		}
		mt = add_meeting(g, f->network[k], at, place, att, json_array());
		if (owner_present && chance(g, 55))
			add_takeaway(g, f->network[k], mt, f->owner, at + 2 * HOUR,
				     &takeaways_ux[f->next_takeaway++ % N(takeaways_ux)]);
	}
}

/* Members of network k besides the owner: designers and freelancers for the
 * association, the partners and a few more for the experience group. */
static int freelancer_roll(struct gen *g, struct freelancer *f, int k, int *roll)
{
	int n = 1, want = k == 0 ? 13 : 6;

	roll[0] = f->owner;
	if (k == 1)
		for (int i = 0; i < N(partners); i += 2)
			roll[n++] = f->person[i];
	for (int tries = 0; n < want + 1 && tries < 2000; tries++) {
		int i = pick(g, f->n), dup = 0;
		json_t *p = json_array_get(g->arr[S_PERSON], (size_t)f->person[i] - 1);
		const char *fn = json_string_value(json_object_get(p, "role_function"));

		if (f->priv[i] || !fn || (strcmp(fn, "marketing") && f->org[i]))
			continue;
		for (int m = 0; m < n; m++)
			dup |= roll[m] == f->person[i];
		if (!dup)
			roll[n++] = f->person[i];
	}
	return n;
}

static void freelancer_networks(struct gen *g, struct freelancer *f)
{
	static const struct network_spec nets[] = {
		{ "Foreningen af Selvstændige Designere", "professional", "open", "year",
		  "BLOX, København K", 240000, 8 },
		{ "Erfa-gruppe for UX og servicedesign", "experience_group", "closed", "month",
		  "Skiftevis hos medlemmerne", 35000, 10 },
	};
	static const char *const outcomes[] = {
		"Faglig inspiration og nye kontakter blandt designere og bureauer.",
		"Sparring på opgaver og priser med ligesindede; en ny idé om måneden.",
	};
	int roll[20];

	for (int k = 0; k < 2; k++) {
		int n;

		f->network[k] = add_network(g, &nets[k]);
		n = freelancer_roll(g, f, k, roll);
		for (int m = 0; m < n; m++)
			add_membership(g, &(struct membership_spec){ .network = f->network[k],
				.person = roll[m], .role = m == 0 && k == 1 ? "leader" : "member",
				.since = g->today -
					 (m == 0 ? (k ? 900 : 2200) : between(g, 400, 2500)),
				.half_hours = m == 0 ? (k ? 5 : 4) : 0, .hourly = m == 0 ? 850 : 0,
				.outcome = m == 0 ? outcomes[k] : NULL });
		freelancer_meetings(g, f, k, roll, n);
	}
}

static void freelancer_board(struct gen *g, struct freelancer *f)
{
	static const char *const segments[] = {
		"industry=64 role_level=manager role_function=it region=DK-84 want=10",
		"industry=65 role_level=manager role_function=marketing region=DK-84 want=6",
		"industry=84 role_level=public_official region=DK-84 want=5",
		("industry=62 role_level=executive role_function=general_management region=SE-M "
		 "size_class=small want=4"),
	};
	static const struct goal_spec goals[] = {
		{ 1, 0, "new_contacts", 24 }, { 1, 0, "customer_meetings", 20 },
		{ 1, 2, "ideas", 8 }, { 1, 0, "one_to_ones", 20 },
	};
	static const struct board_item asks[] = {
		{ 1, 6, "Introduktion til produktchefer i fintech i København",
		  "industry=64 role_level=manager role_function=it region=DK-84", "open" },
		{ 1, 18, "Hvem kender en indkøber i Region Hovedstaden?",
		  "industry=84 role_function=procurement region=DK-84", "open" },
		{ 5, 9, "En UX-researcher til et forsikringsprojekt i foråret",
		  "industry=65 region=DK-84", "open" },
		{ 1, 95, "Underleverandøraftale med et digitalt bureau", "industry=73", "closed" },
	};
	static const struct board_item offers[] = {
		{ 1, 20, "Gratis to timers brugertest af en prototype for nye kontakter", NULL,
		  "open" },
		{ 1, 45, "Min skabelon til interviewguides – skriv, så deler jeg den", NULL,
		  "open" },
		{ 3, 11, "Tilgængelighedstjek af et website til halv pris i december", NULL,
		  "open" },
	};
	int64_t from = month_start(g->today, -10), to = month_start(g->today, 2) - 1;

	add_plan(g, f->owner, 4, segments, N(segments));
	for (int i = 0; i < N(goals); i++) {
		struct goal_spec s = goals[i];

		s.network = s.network ? f->network[s.network - 1] : 0;
		add_goal(g, &s, from, to);
	}
	for (int i = 0; i < N(asks); i++)
		add_board(g, S_ASK, &asks[i]);
	for (int i = 0; i < N(offers); i++)
		add_board(g, S_OFFER, &offers[i]);
}

static void freelancer_tasks(struct gen *g, struct freelancer *f)
{
	int64_t t = g->today;
	int inner = freelancer_close(g, f, 1), close = freelancer_close(g, f, 0);

	if (inner >= 0)
		add_task(g, f->owner, f->person[inner], t - 3, "follow_up", 0);
	if (close >= 0)
		add_task(g, f->owner, f->person[close], t + 4, "meet", 0);
	if (f->won.n)
		add_task(g, f->owner, f->won_giver, floor_div(f->won.last, DAY) + 2, "thank",
			 f->won.last + 2 * HOUR);
	add_task(g, f->owner, f->person[1], t + 7, "follow_up", 0);
	add_task(g, f->owner, f->person[3], t - 10, "meet", local_at(t - 11, 13, 0));
	add_task(g, f->owner, 0, t + 14, "custom", 0);
}

static void demo_personal(struct gen *g)
{
	static struct freelancer zero;
	struct freelancer *f = malloc(sizeof(*f));

	if (!f) {
		g->oom = 1;
		return;
	}
	*f = zero;
	start(g, OWNER " — mit netværk", "personal", "da", "DKK");
	freelancer_owner(g, f);
	freelancer_orgs(g, f);
	freelancer_partners(g, f);
	freelancer_contacts(g, f);
	freelancer_tiers(g, f);
	freelancer_ties(g, f);
	freelancer_networks(g, f);
	freelancer_exchanges(g, f);
	freelancer_referrals(g, f);
	freelancer_coffees(g, f);
	freelancer_board(g, f);
	freelancer_tasks(g, f);
	free(f);
}

/* ---- the entry point ---- */

json_t *demo_document(enum demo_kind kind, int64_t now)
{
	static const uint64_t seeds[] = { 0x4D757475614C756EULL, 0x4D7574756144414BULL,
		0x4D75747561434248ULL };
	struct gen g = { .now = now, .today = floor_div(now, DAY) };

	if ((unsigned)kind >= (unsigned)N(seeds))
		return NULL;
	g.state = seeds[kind];
	if (!(g.tied = calloc((size_t)MAX_PERSONS * MAX_PERSONS / 8 + 1, 1)))
		return NULL;
	if (kind == DEMO_GROUP)
		demo_group(&g);
	else if (kind == DEMO_ORGANISATION)
		demo_organisation(&g);
	else
		demo_personal(&g);
	free(g.tied);
	if (g.oom) {
		json_decref(g.doc);
		return NULL;
	}
	return g.doc;
}
