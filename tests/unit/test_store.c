/*
 * test_store.c - the store suite that every driver must pass.
 *
 * store_suite(url) speaks only store.h, so the same function runs on any database the
 * store can open: test_store() runs it on a fresh SQLite file; a PostgreSQL run passes
 * a postgres:// URL of an empty database. To stay portable it assumes nothing a driver
 * may do differently: every operation expected to fail runs in its own transaction and
 * is rolled back (PostgreSQL aborts a transaction at its first error), workspace ids are
 * taken from the store rather than assumed, and nothing looks at the database's files.
 *
 * Records are built from JSON text with the record codec (io/record.h), so they are
 * the records the CLI and the API would store.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "t.h"
#include "core/arena.h"
#include "core/model.h"
#include "core/mtime.h"
#include "io/record.h"
#include "store/store.h"

void test_store(void);

#define ID(x) ((long long)(x))

struct suite {
	const char *url;
	struct store *st;
	struct mu_arena a;
	mu_time now;
	struct mu_error err;
};

static const struct entity_def *ent(enum entity_kind k)
{
	return model_entity(k);
}

static const struct mu_value *val(const struct mu_record *r, const char *field)
{
	int i = model_field_index(r->ent, field);

	if (i < 0)
		MU_BUG("the store suite names a field the model does not have");
	return &r->v[i];
}

/* The same JSON value, whatever the spacing and member order. */
static int json_same(const char *got, const char *want)
{
	json_t *g = got ? json_loads(got, JSON_DECODE_ANY, NULL) : NULL;
	json_t *w = json_loads(want, JSON_DECODE_ANY, NULL);
	int same = g && w && json_equal(g, w);

	json_decref(g);
	json_decref(w);
	return same;
}

/* The ids of a list as "2,3,4" (arena text), for readable failures. */
static const char *ids_of(struct suite *s, const struct mu_record *r, size_t n)
{
	const char *t = "";

	for (size_t i = 0; i < n; i++)
		t = mu_printf(&s->a, "%s%s%lld", t, i ? "," : "", ID(r[i].id));
	return t;
}

/* A new record of kind k from JSON text (printf-formatted), as the CLI would create it;
 * NULL (and a failed check) if the text does not decode. */
static struct mu_record *build(struct suite *s, enum entity_kind k, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static struct mu_record *build(struct suite *s, enum entity_kind k, const char *fmt, ...)
{
	struct mu_record *r = NULL;
	struct mu_error err = { 0 };
	char text[2048];
	va_list ap;
	json_t *j;
	int rc = -1;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	j = json_loads(text, 0, NULL);
	if (j)
		rc = record_decode(&s->a, ent(k), j, RD_CREATE, ref_resolve_store_id, NULL, &r,
				   &err);
	json_decref(j);
	T_CHECK(rc == 0, "suite data decodes: %s: %s: %s", text, err.field, err.message);
	return rc == 0 ? r : NULL;
}

/* Insert r into ws in a transaction of its own; the store's rc (r->id set on success). */
static int insert(struct suite *s, mu_id ws, struct mu_record *r)
{
	int rc;

	if (!r)
		return -1000;
	if ((rc = store_begin(s->st, STORE_WRITE, &s->err)) < 0)
		return rc;
	rc = store_record_insert(s->st, ws, r, s->now, &s->err);
	return store_end(s->st, rc, &s->err);
}

static int update(struct suite *s, mu_id ws, struct mu_record *r, mu_id id)
{
	int rc;

	if (!r)
		return -1000;
	r->id = id;
	if ((rc = store_begin(s->st, STORE_WRITE, &s->err)) < 0)
		return rc;
	rc = store_record_update(s->st, ws, r, s->now, &s->err);
	return store_end(s->st, rc, &s->err);
}

static int del(struct suite *s, mu_id ws, enum entity_kind k, mu_id id)
{
	int rc;

	if ((rc = store_begin(s->st, STORE_WRITE, &s->err)) < 0)
		return rc;
	rc = store_record_delete(s->st, ws, ent(k), id, &s->err);
	return store_end(s->st, rc, &s->err);
}

static int get(struct suite *s, mu_id ws, enum entity_kind k, mu_id id, struct mu_record **out)
{
	int rc;

	*out = NULL;
	if ((rc = store_begin(s->st, STORE_READ, &s->err)) < 0)
		return rc;
	rc = store_record_get(s->st, &s->a, ws, ent(k), id, out, &s->err);
	return store_end(s->st, rc, &s->err);
}

/* 1, 0, or < 0 as store_record_exists(). */
static int exists(struct suite *s, mu_id ws, enum entity_kind k, mu_id id)
{
	int rc, end;

	if ((rc = store_begin(s->st, STORE_READ, &s->err)) < 0)
		return rc;
	rc = store_record_exists(s->st, ws, ent(k), id, &s->err);
	/* 1 is an answer, not an error: end the transaction with 0 */
	end = store_end(s->st, rc < 0 ? rc : 0, &s->err);
	return end < 0 ? end : rc;
}

static int list(struct suite *s, mu_id ws, enum entity_kind k, mu_id after, size_t limit,
		struct mu_record **out, size_t *n)
{
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_begin(s->st, STORE_READ, &s->err)) < 0)
		return rc;
	rc = store_record_list(s->st, &s->a, ws, ent(k), after, limit, out, n, &s->err);
	return store_end(s->st, rc, &s->err);
}

/* The ids of a whole list of kind k in ws, "" if none; "error" if listing fails. */
static const char *list_ids(struct suite *s, mu_id ws, enum entity_kind k, mu_id after,
			    size_t limit)
{
	struct mu_record *r;
	size_t n;

	if (list(s, ws, k, after, limit, &r, &n) < 0)
		return "error";
	return ids_of(s, r, n);
}

static int names(struct suite *s, mu_id ws, enum entity_kind k, struct store_name **out,
		 size_t *n)
{
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_begin(s->st, STORE_READ, &s->err)) < 0)
		return rc;
	rc = store_record_names(s->st, &s->a, ws, ent(k), out, n, &s->err);
	return store_end(s->st, rc, &s->err);
}

static int reopen(struct suite *s)
{
	store_close(s->st);
	s->st = NULL;
	return store_open(s->url, &s->st, &s->err);
}

/* ---- the parts of the suite ---- */

static void suite_open(struct suite *s)
{
	int version = store_schema_version(s->st), rc;

	T_CHECK(version > 0, "migrations applied: schema version %d", version);
	rc = reopen(s);
	T_EQ(rc, 0, "reopening an up-to-date database works: %s", s->err.message);
	if (rc == 0)
		T_EQ(store_schema_version(s->st), version, "reopening keeps schema version %d, got %d",
		     version, store_schema_version(s->st));
}

static const struct workspace *find_ws(const struct workspace *w, size_t n, mu_id id)
{
	for (size_t i = 0; i < n; i++)
		if (w[i].id == id)
			return &w[i];
	return NULL;
}

static int ws_add(struct suite *s, const struct workspace *w, mu_id *id)
{
	int rc;

	if ((rc = store_begin(s->st, STORE_WRITE, &s->err)) < 0)
		return rc;
	rc = store_workspace_add(s->st, w, s->now, id, &s->err);
	return store_end(s->st, rc, &s->err);
}

static int ws_update(struct suite *s, const struct workspace *w)
{
	int rc;

	if ((rc = store_begin(s->st, STORE_WRITE, &s->err)) < 0)
		return rc;
	rc = store_workspace_update(s->st, w, s->now, &s->err);
	return store_end(s->st, rc, &s->err);
}

static int ws_get(struct suite *s, mu_id id, struct workspace *out)
{
	int rc;

	if ((rc = store_begin(s->st, STORE_READ, &s->err)) < 0)
		return rc;
	rc = store_workspace_get(s->st, &s->a, id, out, &s->err);
	return store_end(s->st, rc, &s->err);
}

static int ws_list(struct suite *s, struct workspace **out, size_t *n)
{
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_begin(s->st, STORE_READ, &s->err)) < 0)
		return rc;
	rc = store_workspace_list(s->st, &s->a, out, n, &s->err);
	return store_end(s->st, rc, &s->err);
}

/* Two workspaces A and B; their ids go to *wa and *wb. */
static void suite_workspaces(struct suite *s, mu_id *wa, mu_id *wb)
{
	struct workspace a = { .name = "store suite A", .kind = "group", .locale = "en",
			       .currency = "SEK", .settings = "{\"cadence_days\":{\"inner\":30}}" };
	struct workspace b = { .name = "store suite B", .kind = "personal", .locale = "da",
			       .currency = "DKK", .settings = "{}" };
	struct workspace *all, got = { 0 };
	const struct workspace *w;
	size_t n0, n;
	mu_id dup = 0;
	int rc;

	*wa = *wb = 0;
	rc = ws_list(s, &all, &n0);
	T_EQ(rc, 0, "workspace list before adding: %s", s->err.message);
	rc = ws_add(s, &a, wa);
	T_EQ(rc, 0, "add workspace A: %s", s->err.message);
	T_CHECK(*wa > 0, "workspace A has an id, got %lld", ID(*wa));
	rc = ws_add(s, &b, wb);
	T_EQ(rc, 0, "add workspace B: %s", s->err.message);
	T_CHECK(*wb > 0 && *wb != *wa, "workspace B has its own id, got %lld (A %lld)", ID(*wb),
		ID(*wa));
	rc = ws_add(s, &a, &dup);
	T_EQ(rc, MU_ECONFLICT, "a second workspace named like A is a conflict, got %d", rc);

	rc = ws_list(s, &all, &n);
	T_EQ(rc, 0, "workspace list: %s", s->err.message);
	T_EQ(n, n0 + 2, "the list grew by two (and not three), %zu -> %zu", n0, n);
	w = find_ws(all, n, *wa);
	T_CHECK(w && t_streq(w->name, a.name) && t_streq(w->kind, "group") &&
		t_streq(w->locale, "en") && t_streq(w->currency, "SEK"), "A is listed as added");
	w = find_ws(all, n, *wb);
	T_CHECK(w && t_streq(w->name, b.name) && t_streq(w->currency, "DKK"), "B is listed");
	for (size_t i = 1; i < n; i++)
		T_CHECK(all[i - 1].id < all[i].id, "workspaces are listed by id (%lld, %lld)",
			ID(all[i - 1].id), ID(all[i].id));

	rc = ws_get(s, *wa, &got);
	T_EQ(rc, 0, "get workspace A: %s", s->err.message);
	T_EQ(got.id, *wa, "get A gives A's id, got %lld", ID(got.id));
	T_STR(got.name, a.name, "A's name, got '%s'", got.name);
	T_STR(got.kind, "group", "A's kind, got '%s'", got.kind);
	T_STR(got.locale, "en", "A's locale, got '%s'", got.locale);
	T_STR(got.currency, "SEK", "A's currency, got '%s'", got.currency);
	T_CHECK(json_same(got.settings, a.settings), "A's settings, got '%s'", got.settings);
	T_STR(got.created_at, "2026-03-04T10:00:00Z", "A's creation time, got '%s'",
	      got.created_at);
	rc = ws_get(s, *wa + *wb + 1000, &got);
	T_EQ(rc, MU_ENOTFOUND, "an absent workspace is not found, got %d", rc);

	a.id = *wa;
	a.name = "store suite A2";
	a.locale = "sv";
	a.settings = "{}";
	rc = ws_update(s, &a);
	T_EQ(rc, 0, "update A: %s", s->err.message);
	rc = ws_get(s, *wa, &got);
	T_CHECK(rc == 0 && t_streq(got.name, "store suite A2") && t_streq(got.locale, "sv") &&
		json_same(got.settings, "{}"), "A's update is kept (name '%s', locale '%s')",
		rc == 0 ? got.name : "?", rc == 0 ? got.locale : "?");
	T_CHECK(rc == 0 && t_streq(got.created_at, "2026-03-04T10:00:00Z"),
		"an update keeps the creation time");
	rc = ws_get(s, *wb, &got);
	T_CHECK(rc == 0 && t_streq(got.name, b.name) && t_streq(got.locale, "da"),
		"updating A leaves B alone");
	a.name = b.name;
	rc = ws_update(s, &a);
	T_EQ(rc, MU_ECONFLICT, "renaming A to B's name is a conflict, got %d", rc);
	a.id = *wa + *wb + 1000;
	a.name = "store suite nobody";
	rc = ws_update(s, &a);
	T_EQ(rc, MU_ENOTFOUND, "updating an absent workspace: not found, got %d", rc);
}

/* The ids of the records of workspace A, in insertion order. */
struct ids {
	mu_id org, anna, bo, cia, dan, network, tie, referral, exchange, meeting;
};

static void suite_insert(struct suite *s, mu_id wa, mu_id wb, struct ids *x)
{
	struct mu_record *r;
	mu_id quinn;
	int rc;

	/* ids come from each workspace's own counter: both start at 1 */
	r = build(s, ENT_ORGANISATION, "{\"name\": \"Acme AB\", \"size_class\": \"small\"}");
	rc = insert(s, wa, r);
	T_EQ(rc, 0, "insert organisation: %s", s->err.message);
	x->org = r ? r->id : 0;
	T_EQ(x->org, 1, "the first record of A gets id 1, got %lld", ID(x->org));
	r = build(s, ENT_PERSON, "{\"full_name\": \"Quinn Holm\"}");
	rc = insert(s, wb, r);
	T_EQ(rc, 0, "insert a person into B: %s", s->err.message);
	quinn = r ? r->id : 0;
	T_EQ(quinn, 1, "the first record of B gets id 1 too, got %lld", ID(quinn));

	r = build(s, ENT_PERSON, "{\"full_name\": \"Anna Lind\", \"emails\": [\"anna@acme.se\"],"
		  " \"organisation_id\": \"%lld\", \"tags\": [\"board\"]}", ID(x->org));
	rc = insert(s, wa, r);
	T_EQ(rc, 0, "insert Anna: %s", s->err.message);
	x->anna = r ? r->id : 0;
	T_EQ(x->anna, 2, "A's next id is 2, got %lld", ID(x->anna));
	r = build(s, ENT_PERSON, "{\"full_name\": \"Bo Berg\"}");
	rc = insert(s, wa, r);
	x->bo = r ? r->id : 0;
	T_CHECK(rc == 0 && x->bo == 3, "insert Bo as 3, got %d, id %lld", rc, ID(x->bo));
	r = build(s, ENT_PERSON, "{\"full_name\": \"Cia Dahl\"}");
	rc = insert(s, wa, r);
	x->cia = r ? r->id : 0;
	T_CHECK(rc == 0 && x->cia == 4, "insert Cia as 4, got %d, id %lld", rc, ID(x->cia));
	r = build(s, ENT_PERSON, "{\"full_name\": \"Dan Ek\"}");
	rc = insert(s, wa, r);
	x->dan = r ? r->id : 0;
	T_CHECK(rc == 0 && x->dan == 5, "insert Dan as 5, got %d, id %lld", rc, ID(x->dan));

	/* a profile is keyed by its person and takes no id from the counter */
	r = build(s, ENT_PROFILE, "{\"person_id\": \"%lld\", \"sphere\": \"business_services\","
		  " \"offerings\": [{\"label\": \"recruitment\", \"stage\": \"acquire\"}],"
		  " \"typical_deal\": {\"amount\": 500000, \"currency\": \"SEK\"},"
		  " \"competitors\": [\"%lld\"]}", ID(x->anna), ID(x->bo));
	rc = insert(s, wa, r);
	T_EQ(rc, 0, "insert Anna's profile: %s", s->err.message);
	T_EQ(r ? r->id : 0, x->anna, "a profile's id is its person's, got %lld",
	     ID(r ? r->id : 0));
	r = build(s, ENT_PROFILE, "{\"person_id\": \"%lld\", \"asks\": [\"accountants\"]}",
		  ID(x->dan));
	rc = insert(s, wa, r);
	T_EQ(rc, 0, "insert Dan's profile: %s", s->err.message);
	r = build(s, ENT_PROFILE, "{\"person_id\": \"%lld\"}", ID(x->anna));
	rc = insert(s, wa, r);
	T_EQ(rc, MU_ECONFLICT, "a second profile for Anna is a conflict, got %d", rc);

	r = build(s, ENT_NETWORK, "{\"name\": \"BNI Öresund\","
		  " \"fee\": {\"amount\": 120000, \"currency\": \"SEK\", \"per\": \"year\"}}");
	rc = insert(s, wa, r);
	x->network = r ? r->id : 0;
	T_CHECK(rc == 0 && x->network == 6, "profiles used no ids: the network is 6, got %d,"
		" id %lld", rc, ID(x->network));

	r = build(s, ENT_TIE, "{\"a\": \"%lld\", \"b\": \"%lld\", \"since\": \"2025-01-02\","
		  " \"tier\": \"inner\", \"liking_a\": 4}", ID(x->anna), ID(x->bo));
	rc = insert(s, wa, r);
	T_EQ(rc, 0, "insert a tie: %s", s->err.message);
	x->tie = r ? r->id : 0;

	r = build(s, ENT_REFERRAL, "{\"giver\": \"%lld\", \"receiver\": \"%lld\","
		  " \"status\": \"won\", \"network_id\": \"%lld\", \"history\": ["
		  "{\"status\": \"given\", \"at\": \"2026-03-01T09:00:00Z\"},"
		  " {\"status\": \"won\", \"at\": \"2026-03-03T09:00:00Z\"}],"
		  " \"closed_value\": {\"amount\": 250000, \"currency\": \"SEK\"}}",
		  ID(x->anna), ID(x->bo), ID(x->network));
	rc = insert(s, wa, r);
	T_EQ(rc, 0, "insert a referral: %s", s->err.message);
	x->referral = r ? r->id : 0;

	r = build(s, ENT_EXCHANGE, "{\"at\": \"2026-03-04T10:00:00Z\", \"giver\": \"%lld\","
		  " \"receiver\": \"%lld\", \"kind\": \"closed_business\","
		  " \"amount\": {\"amount\": 250000, \"currency\": \"SEK\"},"
		  " \"referral_id\": \"%lld\", \"note\": \"thanks\"}",
		  ID(x->bo), ID(x->anna), ID(x->referral));
	rc = insert(s, wa, r);
	T_EQ(rc, 0, "insert an exchange: %s", s->err.message);
	x->exchange = r ? r->id : 0;

	r = build(s, ENT_MEETING, "{\"network_id\": \"%lld\", \"at\": \"2026-03-05T07:00:00Z\","
		  " \"place\": \"Malmö\", \"attendance\": [{\"person\": \"%lld\", \"code\": \"P\"},"
		  " {\"person\": \"%lld\", \"code\": \"A\"}]}", ID(x->network), ID(x->anna),
		  ID(x->cia));
	rc = insert(s, wa, r);
	T_EQ(rc, 0, "insert a meeting: %s", s->err.message);
	x->meeting = r ? r->id : 0;
	T_CHECK(x->tie == 7 && x->referral == 8 && x->exchange == 9 && x->meeting == 10,
		"ids follow the counter: 7, 8, 9, 10, got %lld, %lld, %lld, %lld", ID(x->tie),
		ID(x->referral), ID(x->exchange), ID(x->meeting));

	/* a record of B after all that still counts from B's counter */
	r = build(s, ENT_PERSON, "{\"full_name\": \"Rut Holm\"}");
	rc = insert(s, wb, r);
	T_CHECK(rc == 0 && r && r->id == 2, "B's second record is 2, got %d, id %lld", rc,
		ID(r ? r->id : 0));
}

static void suite_get(struct suite *s, mu_id wa, const struct ids *x)
{
	struct mu_record *r;
	int rc;

	rc = get(s, wa, ENT_ORGANISATION, x->org, &r);
	T_EQ(rc, 0, "get the organisation: %s", s->err.message);
	if (rc == 0) {
		T_EQ(r->id, x->org, "organisation id, got %lld", ID(r->id));
		T_STR(val(r, "name")->s, "Acme AB", "organisation name");
		T_STR(val(r, "size_class")->s, "small", "organisation size class");
		T_CHECK(!val(r, "website")->set, "an absent field stays absent");
	}

	rc = get(s, wa, ENT_PERSON, x->anna, &r);
	T_EQ(rc, 0, "get Anna: %s", s->err.message);
	if (rc == 0) {
		T_EQ(r->id, x->anna, "Anna's id, got %lld", ID(r->id));
		T_STR(val(r, "full_name")->s, "Anna Lind", "Anna's name");
		T_CHECK(json_same(val(r, "emails")->s, "[\"anna@acme.se\"]"), "Anna's e-mails,"
			" got %s", val(r, "emails")->s);
		T_CHECK(val(r, "organisation_id")->set && val(r, "organisation_id")->i == x->org,
			"Anna's organisation, got %lld", ID(val(r, "organisation_id")->i));
		T_STR(val(r, "legal_basis")->s, "legitimate_interest", "the default is stored");
		T_CHECK(!val(r, "private")->set && !val(r, "private")->i, "private is false");
	}

	rc = get(s, wa, ENT_PROFILE, x->anna, &r);
	T_EQ(rc, 0, "get Anna's profile by her id: %s", s->err.message);
	if (rc == 0) {
		T_EQ(r->id, x->anna, "the profile's id, got %lld", ID(r->id));
		T_CHECK(val(r, "person_id")->set && val(r, "person_id")->i == x->anna,
			"the profile's key field is its id, got %lld", ID(val(r, "person_id")->i));
		T_STR(val(r, "sphere")->s, "business_services", "profile sphere");
		T_CHECK(json_same(val(r, "offerings")->s,
				  "[{\"label\": \"recruitment\", \"stage\": \"acquire\"}]"),
			"profile offerings, got %s", val(r, "offerings")->s);
		T_CHECK(val(r, "typical_deal")->set && val(r, "typical_deal")->i == 500000,
			"money amount in minor units, got %lld", ID(val(r, "typical_deal")->i));
		T_STR(val(r, "typical_deal")->s, "SEK", "money currency");
		T_CHECK(json_same(val(r, "competitors")->s, mu_printf(&s->a, "[\"%lld\"]",
								      ID(x->bo))),
			"competitors, got %s", val(r, "competitors")->s);
	}

	rc = get(s, wa, ENT_TIE, x->tie, &r);
	T_EQ(rc, 0, "get the tie: %s", s->err.message);
	if (rc == 0) {
		T_CHECK(val(r, "a")->i == x->anna && val(r, "b")->i == x->bo, "tie ends");
		T_STR(val(r, "since")->s, "2025-01-02", "tie since");
		T_STR(val(r, "tier")->s, "inner", "tie tier");
		T_STR(val(r, "status")->s, "active", "tie status by default");
		T_CHECK(val(r, "liking_a")->set && val(r, "liking_a")->i == 4, "liking_a");
		T_CHECK(!val(r, "liking_b")->set, "liking_b absent");
		T_CHECK(!val(r, "cadence_days")->set, "cadence absent (NULL, not 0)");
	}

	rc = get(s, wa, ENT_REFERRAL, x->referral, &r);
	T_EQ(rc, 0, "get the referral: %s", s->err.message);
	if (rc == 0) {
		T_CHECK(json_same(val(r, "history")->s,
				  "[{\"status\": \"given\", \"at\": \"2026-03-01T09:00:00Z\"},"
				  " {\"status\": \"won\", \"at\": \"2026-03-03T09:00:00Z\"}]"),
			"referral history, got %s", val(r, "history")->s);
		T_CHECK(val(r, "closed_value")->set && val(r, "closed_value")->i == 250000,
			"closed value amount");
		T_STR(val(r, "closed_value")->s, "SEK", "closed value currency");
		T_STR(val(r, "kind")->s, "outside", "referral kind by default");
		T_CHECK(val(r, "network_id")->i == x->network, "referral network");
		T_CHECK(!val(r, "prospect_person")->set, "no prospect");
	}

	rc = get(s, wa, ENT_EXCHANGE, x->exchange, &r);
	T_EQ(rc, 0, "get the exchange: %s", s->err.message);
	if (rc == 0) {
		T_STR(val(r, "at")->s, "2026-03-04T10:00:00Z", "exchange time");
		T_CHECK(val(r, "giver")->i == x->bo && val(r, "receiver")->i == x->anna,
			"exchange giver and receiver");
		T_STR(val(r, "kind")->s, "closed_business", "exchange kind");
		T_CHECK(val(r, "amount")->set && val(r, "amount")->i == 250000,
			"exchange amount, got %lld", ID(val(r, "amount")->i));
		T_STR(val(r, "amount")->s, "SEK", "exchange currency");
		T_CHECK(val(r, "referral_id")->i == x->referral, "exchange referral");
		T_CHECK(!val(r, "network_id")->set, "exchange without network");
		T_STR(val(r, "note")->s, "thanks", "exchange note");
	}

	rc = get(s, wa, ENT_MEETING, x->meeting, &r);
	T_EQ(rc, 0, "get the meeting: %s", s->err.message);
	if (rc == 0) {
		T_CHECK(val(r, "network_id")->i == x->network, "meeting network");
		T_STR(val(r, "place")->s, "Malmö", "meeting place (UTF-8 kept)");
		T_CHECK(json_same(val(r, "attendance")->s, mu_printf(&s->a,
			"[{\"person\": \"%lld\", \"code\": \"P\"}, {\"person\": \"%lld\","
			" \"code\": \"A\"}]", ID(x->anna), ID(x->cia))),
			"meeting attendance, got %s", val(r, "attendance")->s);
		T_CHECK(!val(r, "visitors")->set, "no visitors");
	}

	rc = get(s, wa, ENT_PERSON, 999, &r);
	T_EQ(rc, MU_ENOTFOUND, "an absent record is not found, got %d", rc);
	rc = get(s, wa, ENT_PROFILE, x->bo, &r);
	T_EQ(rc, MU_ENOTFOUND, "Bo has no profile, got %d", rc);
	rc = get(s, wa, ENT_PERSON, x->org, &r);
	T_EQ(rc, MU_ENOTFOUND, "ids are per table too: no person %lld, got %d", ID(x->org), rc);
}

static void suite_update(struct suite *s, mu_id wa, const struct ids *x)
{
	struct mu_record *r;
	int rc;

	rc = update(s, wa, build(s, ENT_PERSON, "{\"full_name\": \"Bo Berg-Ek\","
				 " \"emails\": [\"bo@ek.se\"]}"), x->bo);
	T_EQ(rc, 0, "update Bo: %s", s->err.message);
	rc = get(s, wa, ENT_PERSON, x->bo, &r);
	T_CHECK(rc == 0 && t_streq(val(r, "full_name")->s, "Bo Berg-Ek") &&
		json_same(val(r, "emails")->s, "[\"bo@ek.se\"]"), "Bo's update is kept");

	rc = update(s, wa, build(s, ENT_ORGANISATION, "{\"name\": \"Acme Group AB\"}"), x->org);
	T_EQ(rc, 0, "update the organisation: %s", s->err.message);
	rc = get(s, wa, ENT_ORGANISATION, x->org, &r);
	T_CHECK(rc == 0 && t_streq(val(r, "name")->s, "Acme Group AB") &&
		!val(r, "size_class")->set, "an update replaces the whole record");

	rc = update(s, wa, build(s, ENT_PROFILE, "{\"person_id\": \"%lld\","
				 " \"sphere\": \"finance_legal\","
				 " \"typical_deal\": {\"amount\": 7500, \"currency\": \"EUR\"}}",
				 ID(x->anna)), x->anna);
	T_EQ(rc, 0, "update Anna's profile: %s", s->err.message);
	rc = get(s, wa, ENT_PROFILE, x->anna, &r);
	T_CHECK(rc == 0 && t_streq(val(r, "sphere")->s, "finance_legal") &&
		val(r, "typical_deal")->i == 7500 && t_streq(val(r, "typical_deal")->s, "EUR") &&
		!val(r, "competitors")->set, "the profile's update is kept");

	rc = update(s, wa, build(s, ENT_TIE, "{\"a\": \"%lld\", \"b\": \"%lld\","
				 " \"tier\": \"wide\", \"status\": \"dormant\"}", ID(x->anna),
				 ID(x->bo)), x->tie);
	T_EQ(rc, 0, "update the tie: %s", s->err.message);
	rc = get(s, wa, ENT_TIE, x->tie, &r);
	T_CHECK(rc == 0 && t_streq(val(r, "tier")->s, "wide") &&
		t_streq(val(r, "status")->s, "dormant") && !val(r, "liking_a")->set,
		"the tie's update is kept");

	rc = update(s, wa, build(s, ENT_EXCHANGE, "{\"at\": \"2026-03-04T11:00:00Z\","
				 " \"giver\": \"%lld\", \"receiver\": \"%lld\", \"kind\": \"help\","
				 " \"amount\": {\"amount\": 100, \"currency\": \"NOK\"}}",
				 ID(x->bo), ID(x->anna)), x->exchange);
	T_EQ(rc, 0, "update the exchange: %s", s->err.message);
	rc = get(s, wa, ENT_EXCHANGE, x->exchange, &r);
	T_CHECK(rc == 0 && t_streq(val(r, "kind")->s, "help") && val(r, "amount")->i == 100 &&
		t_streq(val(r, "amount")->s, "NOK") && !val(r, "referral_id")->set,
		"the exchange's update is kept");

	rc = update(s, wa, build(s, ENT_REFERRAL, "{\"giver\": \"%lld\", \"receiver\": \"%lld\","
				 " \"status\": \"lost\", \"history\": [{\"status\": \"lost\","
				 " \"at\": \"2026-03-09T09:00:00Z\"}]}", ID(x->anna), ID(x->bo)),
		    x->referral);
	T_EQ(rc, 0, "update the referral: %s", s->err.message);
	rc = get(s, wa, ENT_REFERRAL, x->referral, &r);
	T_CHECK(rc == 0 && t_streq(val(r, "status")->s, "lost") &&
		json_same(val(r, "history")->s,
			  "[{\"status\": \"lost\", \"at\": \"2026-03-09T09:00:00Z\"}]") &&
		!val(r, "closed_value")->set, "the referral's update is kept");

	/* attendance without Cia: her person_ref goes, so she can be deleted later */
	rc = update(s, wa, build(s, ENT_MEETING, "{\"network_id\": \"%lld\","
				 " \"at\": \"2026-03-05T07:00:00Z\", \"attendance\": ["
				 "{\"person\": \"%lld\", \"code\": \"L\"}]}", ID(x->network),
				 ID(x->anna)), x->meeting);
	T_EQ(rc, 0, "update the meeting: %s", s->err.message);
	rc = get(s, wa, ENT_MEETING, x->meeting, &r);
	T_CHECK(rc == 0 && json_same(val(r, "attendance")->s, mu_printf(&s->a,
		"[{\"person\": \"%lld\", \"code\": \"L\"}]", ID(x->anna))) &&
		!val(r, "place")->set, "the meeting's update is kept");

	rc = update(s, wa, build(s, ENT_PERSON, "{\"full_name\": \"Nobody\"}"), 999);
	T_EQ(rc, MU_ENOTFOUND, "updating an absent record: not found, got %d", rc);
	rc = update(s, wa, build(s, ENT_TIE, "{\"a\": \"%lld\", \"b\": \"998\"}", ID(x->anna)),
		    x->tie);
	T_EQ(rc, MU_ECONFLICT, "an update to a missing person is refused, got %d", rc);
}

static void suite_list(struct suite *s, mu_id wa, mu_id wb, const struct ids *x)
{
	static const struct { enum entity_kind k; const char *ids; } all[] = {
		{ ENT_ORGANISATION, "1" }, { ENT_PERSON, "2,3,4,5" }, { ENT_PROFILE, "2,5" },
		{ ENT_NETWORK, "6" }, { ENT_TIE, "7" }, { ENT_REFERRAL, "8" },
		{ ENT_EXCHANGE, "9" }, { ENT_MEETING, "10" }, { ENT_MEMBERSHIP, "" },
		{ ENT_TASK, "" },
	};
	struct store_name *nm;
	struct mu_record *r;
	size_t n;
	int rc;

	for (size_t i = 0; i < ARRAY_SIZE(all); i++)
		T_STR(list_ids(s, wa, all[i].k, 0, 0), all[i].ids, "list %s: want ids %s, got %s",
		      ent(all[i].k)->plural, all[i].ids, list_ids(s, wa, all[i].k, 0, 0));

	/* pagination: up to limit records after the given id, by id */
	T_STR(list_ids(s, wa, ENT_PERSON, 0, 2), "2,3", "first page of two");
	T_STR(list_ids(s, wa, ENT_PERSON, x->bo, 2), "4,5", "second page after %lld, got %s",
	      ID(x->bo), list_ids(s, wa, ENT_PERSON, x->bo, 2));
	T_STR(list_ids(s, wa, ENT_PERSON, x->dan, 2), "", "after the last: empty");
	T_STR(list_ids(s, wa, ENT_PERSON, x->anna, 0), "3,4,5", "after 2, no limit, got %s",
	      list_ids(s, wa, ENT_PERSON, x->anna, 0));
	T_STR(list_ids(s, wa, ENT_PERSON, 1, 1), "2", "after an id of another table");
	T_STR(list_ids(s, wa, ENT_PERSON, 0, 100), "2,3,4,5", "a limit beyond the end");
	rc = list(s, wa, ENT_PERSON, 0, 0, &r, &n);
	T_CHECK(rc == 0 && n == 4 && t_streq(val(&r[0], "full_name")->s, "Anna Lind") &&
		t_streq(val(&r[1], "full_name")->s, "Bo Berg-Ek"), "listed records carry values");
	rc = list(s, wa, ENT_MEETING, 0, 0, &r, &n);
	T_CHECK(rc == 0 && n == 1 && json_same(val(&r[0], "attendance")->s, mu_printf(&s->a,
		"[{\"person\": \"%lld\", \"code\": \"L\"}]", ID(x->anna))),
		"a listed meeting carries its attendance");
	rc = list(s, wa, ENT_PROFILE, 0, 0, &r, &n);
	T_CHECK(rc == 0 && n == 2 && val(&r[1], "person_id")->i == x->dan,
		"a listed profile carries its key");

	rc = store_begin(s->st, STORE_READ, &s->err);
	T_EQ(rc, 0, "begin a read: %s", s->err.message);
	T_EQ(store_record_exists(s->st, wa, ent(ENT_PERSON), x->anna, &s->err), 1, "Anna exists");
	T_EQ(store_record_exists(s->st, wa, ent(ENT_PROFILE), x->anna, &s->err), 1,
	     "Anna's profile exists");
	T_EQ(store_record_exists(s->st, wa, ent(ENT_PROFILE), x->bo, &s->err), 0,
	     "Bo's profile does not");
	T_EQ(store_record_exists(s->st, wa, ent(ENT_PERSON), 999, &s->err), 0,
	     "no person 999");
	T_EQ(store_record_exists(s->st, wa, ent(ENT_MEETING), x->meeting, &s->err), 1,
	     "the meeting exists");
	T_EQ(store_record_exists(s->st, wa, ent(ENT_TIE), x->meeting, &s->err), 0,
	     "no tie with the meeting's id");
	rc = store_end(s->st, 0, &s->err);
	T_EQ(rc, 0, "end a read: %s", s->err.message);

	rc = names(s, wa, ENT_PERSON, &nm, &n);
	T_CHECK(rc == 0 && n == 4, "four person names, got %zu", n);
	if (rc == 0 && n == 4) {
		T_CHECK(nm[0].id == x->anna && t_streq(nm[0].title, "Anna Lind") &&
			json_same(nm[0].emails, "[\"anna@acme.se\"]"), "Anna's name and e-mails");
		T_CHECK(nm[1].id == x->bo && t_streq(nm[1].title, "Bo Berg-Ek"), "Bo's name");
		T_CHECK(nm[2].id == x->cia && nm[2].emails == NULL, "no e-mails: NULL");
		T_CHECK(nm[3].id == x->dan && t_streq(nm[3].title, "Dan Ek"), "Dan's name");
	}
	rc = names(s, wa, ENT_ORGANISATION, &nm, &n);
	T_CHECK(rc == 0 && n == 1 && nm[0].id == x->org && t_streq(nm[0].title, "Acme Group AB") &&
		nm[0].emails == NULL, "organisation names: title, no e-mails");
	rc = names(s, wa, ENT_PROFILE, &nm, &n);
	T_CHECK(rc == 0 && n == 2 && nm[0].id == x->anna && t_streq(nm[0].title, "2") &&
		nm[1].id == x->dan, "profile names are their ids");
	rc = names(s, wb, ENT_PERSON, &nm, &n);
	T_CHECK(rc == 0 && n == 2 && t_streq(nm[0].title, "Quinn Holm") &&
		t_streq(nm[1].title, "Rut Holm"), "B's names are B's only (got %zu)", n);
}

/* Nothing of A is visible, changeable or removable from B, and the reverse. */
static void suite_isolation(struct suite *s, mu_id wa, mu_id wb, const struct ids *x)
{
	struct store_name *nm;
	struct mu_record *r;
	size_t n;
	int rc;

	for (int k = 0; k < ENT_COUNT; k++) {
		const char *want = k == ENT_PERSON ? "1,2" : "";
		const char *got = list_ids(s, wb, k, 0, 0);
		T_STR(got, want, "B lists only its own %s: want '%s', got '%s'",
		      ent(k)->plural, want, got);
		rc = names(s, wb, k, &nm, &n);
		T_CHECK(rc == 0 && n == (k == ENT_PERSON ? 2u : 0u), "B's %s names: %zu",
			ent(k)->name, n);
		for (mu_id id = 3; id <= x->meeting; id++)
			T_EQ(exists(s, wb, k, id), 0, "%s %lld of A does not exist in B",
			     ent(k)->name, ID(id));
	}
	T_STR(list_ids(s, wb, ENT_PERSON, 1, 1), "2", "B's pages are B's");
	T_STR(list_ids(s, wa, ENT_PERSON, 0, 0), "2,3,4,5", "A does not see B's persons");
	T_EQ(exists(s, wa, ENT_PERSON, 1), 0, "B's person 1 does not exist in A");

	rc = get(s, wb, ENT_PERSON, x->bo, &r);
	T_EQ(rc, MU_ENOTFOUND, "B cannot get A's person %lld, got %d", ID(x->bo), rc);
	rc = get(s, wb, ENT_ORGANISATION, x->org, &r);
	T_EQ(rc, MU_ENOTFOUND, "B cannot get A's organisation, got %d", rc);
	rc = get(s, wb, ENT_PROFILE, x->anna, &r);
	T_EQ(rc, MU_ENOTFOUND, "B cannot get A's profile, got %d", rc);
	rc = get(s, wb, ENT_MEETING, x->meeting, &r);
	T_EQ(rc, MU_ENOTFOUND, "B cannot get A's meeting, got %d", rc);
	rc = get(s, wa, ENT_PERSON, x->anna, &r);
	T_CHECK(rc == 0 && t_streq(val(r, "full_name")->s, "Anna Lind"),
		"B's person 2 is not A's person 2");

	rc = update(s, wb, build(s, ENT_ORGANISATION, "{\"name\": \"Hijacked\"}"), x->org);
	T_EQ(rc, MU_ENOTFOUND, "B cannot update A's organisation, got %d", rc);
	rc = update(s, wb, build(s, ENT_TIE, "{\"a\": \"1\", \"b\": \"2\"}"), x->tie);
	T_EQ(rc, MU_ENOTFOUND, "B cannot update A's tie, got %d", rc);
	rc = get(s, wa, ENT_ORGANISATION, x->org, &r);
	T_CHECK(rc == 0 && t_streq(val(r, "name")->s, "Acme Group AB"),
		"A's organisation is unchanged");
	rc = update(s, wb, build(s, ENT_PERSON, "{\"full_name\": \"Quinn Holm-Lind\"}"), 2);
	T_EQ(rc, 0, "B updates its own person 2: %s", s->err.message);
	rc = get(s, wa, ENT_PERSON, 2, &r);
	T_CHECK(rc == 0 && t_streq(val(r, "full_name")->s, "Anna Lind"),
		"which leaves A's person 2 alone");

	rc = del(s, wb, ENT_EXCHANGE, x->exchange);
	T_EQ(rc, MU_ENOTFOUND, "B cannot delete A's exchange, got %d", rc);
	rc = del(s, wb, ENT_PERSON, x->cia);
	T_EQ(rc, MU_ENOTFOUND, "B cannot delete A's person, got %d", rc);
	T_EQ(exists(s, wa, ENT_EXCHANGE, x->exchange), 1, "A's exchange is still there");
	T_EQ(exists(s, wa, ENT_PERSON, x->cia), 1, "A's person is still there");

	/* references are composite keys (workspace_id, id): no way into another workspace */
	rc = insert(s, wb, build(s, ENT_TIE, "{\"a\": \"1\", \"b\": \"%lld\"}", ID(x->cia)));
	T_EQ(rc, MU_ECONFLICT, "a tie from B to A's person is refused, got %d", rc);
	rc = insert(s, wb, build(s, ENT_PROFILE, "{\"person_id\": \"%lld\"}", ID(x->cia)));
	T_EQ(rc, MU_ECONFLICT, "a profile in B for A's person is refused, got %d", rc);
	rc = insert(s, wb, build(s, ENT_PERSON, "{\"full_name\": \"X\", \"organisation_id\":"
				 " \"%lld\"}", ID(x->org)));
	T_EQ(rc, MU_ECONFLICT, "a person in B at A's organisation is refused, got %d", rc);
	rc = insert(s, wb, build(s, ENT_PROFILE, "{\"person_id\": \"1\", \"competitors\":"
				 " [\"%lld\"]}", ID(x->cia)));
	T_EQ(rc, MU_ECONFLICT, "a list in B naming A's person is refused, got %d", rc);
	T_STR(list_ids(s, wb, ENT_TIE, 0, 0), "", "no tie was left in B");
	T_STR(list_ids(s, wb, ENT_PROFILE, 0, 0), "", "no profile was left in B");
	T_STR(list_ids(s, wb, ENT_PERSON, 0, 0), "1,2", "no person was left in B");
	r = build(s, ENT_PERSON, "{\"full_name\": \"Sam Holm\"}");
	rc = insert(s, wb, r);
	T_CHECK(rc == 0 && r && r->id == 3, "refused inserts used no ids: B's next is 3, got"
		" %d, id %lld", rc, ID(r ? r->id : 0));
	rc = del(s, wb, ENT_PERSON, 3);
	T_EQ(rc, 0, "delete B's person 3: %s", s->err.message);
}

static void suite_delete(struct suite *s, mu_id wa, const struct ids *x)
{
	int rc;

	rc = del(s, wa, ENT_PERSON, 999);
	T_EQ(rc, MU_ENOTFOUND, "deleting an absent person: not found, got %d", rc);
	rc = del(s, wa, ENT_PROFILE, x->bo);
	T_EQ(rc, MU_ENOTFOUND, "deleting an absent profile: not found, got %d", rc);
	rc = del(s, wa, ENT_PERSON, x->bo);
	T_EQ(rc, MU_ECONFLICT, "a person in a tie is not deleted, got %d", rc);
	T_EQ(exists(s, wa, ENT_PERSON, x->bo), 1, "Bo is still there");
	rc = del(s, wa, ENT_ORGANISATION, x->org);
	T_EQ(rc, MU_ECONFLICT, "an organisation with a person is not deleted, got %d", rc);
	rc = del(s, wa, ENT_NETWORK, x->network);
	T_EQ(rc, MU_ECONFLICT, "a network with a meeting is not deleted, got %d", rc);

	/* Anna is still on the meeting's attendance list: a reference inside JSON */
	rc = update(s, wa, build(s, ENT_TIE, "{\"a\": \"%lld\", \"b\": \"%lld\"}", ID(x->cia),
				 ID(x->bo)), x->tie);
	T_EQ(rc, 0, "move the tie from Anna to Cia: %s", s->err.message);
	rc = update(s, wa, build(s, ENT_REFERRAL, "{\"giver\": \"%lld\", \"receiver\": \"%lld\"}",
				 ID(x->cia), ID(x->bo)), x->referral);
	T_EQ(rc, 0, "move the referral from Anna to Cia: %s", s->err.message);
	rc = del(s, wa, ENT_EXCHANGE, x->exchange);
	T_EQ(rc, 0, "delete the exchange: %s", s->err.message);
	T_EQ(exists(s, wa, ENT_EXCHANGE, x->exchange), 0, "the exchange is gone");
	rc = del(s, wa, ENT_EXCHANGE, x->exchange);
	T_EQ(rc, MU_ENOTFOUND, "deleting it again: not found, got %d", rc);
	rc = del(s, wa, ENT_PERSON, x->anna);
	T_EQ(rc, MU_ECONFLICT, "a person on an attendance list is not deleted, got %d", rc);
	T_EQ(exists(s, wa, ENT_PROFILE, x->anna), 1, "a refused delete keeps the profile");

	/* a person's profile goes with the person */
	rc = del(s, wa, ENT_PERSON, x->dan);
	T_EQ(rc, 0, "delete Dan: %s", s->err.message);
	T_EQ(exists(s, wa, ENT_PERSON, x->dan), 0, "Dan is gone");
	T_EQ(exists(s, wa, ENT_PROFILE, x->dan), 0, "and so is his profile");
	T_STR(list_ids(s, wa, ENT_PROFILE, 0, 0), "2", "only Anna's profile is listed");

	rc = del(s, wa, ENT_MEETING, x->meeting);
	T_EQ(rc, 0, "delete the meeting: %s", s->err.message);
	rc = del(s, wa, ENT_PROFILE, x->anna);
	T_EQ(rc, 0, "delete Anna's profile alone: %s", s->err.message);
	T_EQ(exists(s, wa, ENT_PERSON, x->anna), 1, "which leaves Anna");
	rc = del(s, wa, ENT_PERSON, x->anna);
	T_EQ(rc, 0, "with nothing left naming her, Anna is deleted: %s", s->err.message);
	rc = del(s, wa, ENT_ORGANISATION, x->org);
	T_EQ(rc, 0, "and then her organisation: %s", s->err.message);
	T_STR(list_ids(s, wa, ENT_PERSON, 0, 0), "3,4",
	      "persons left: Bo and Cia, got %s", list_ids(s, wa, ENT_PERSON, 0, 0));
}

/* A transaction that ends with an error leaves nothing behind, the id counter included. */
static void suite_rollback(struct suite *s, mu_id wa)
{
	struct mu_record *r = build(s, ENT_PERSON, "{\"full_name\": \"Ghost\"}");
	mu_id ghost = 0;
	int rc;

	rc = store_begin(s->st, STORE_WRITE, &s->err);
	T_EQ(rc, 0, "begin a write: %s", s->err.message);
	rc = r ? store_record_insert(s->st, wa, r, s->now, &s->err) : -1000;
	T_EQ(rc, 0, "insert inside the transaction: %s", s->err.message);
	ghost = r ? r->id : 0;
	T_EQ(store_record_exists(s->st, wa, ent(ENT_PERSON), ghost, &s->err), 1,
	     "the transaction sees its own insert");
	rc = store_end(s->st, -1, &s->err);
	T_EQ(rc, -1, "store_end gives back the caller's rc, got %d", rc);
	T_EQ(exists(s, wa, ENT_PERSON, ghost), 0, "the rolled-back person %lld is absent",
	     ID(ghost));
	r = build(s, ENT_PERSON, "{\"full_name\": \"Ghost\"}");
	rc = insert(s, wa, r);
	T_CHECK(rc == 0 && r && r->id == ghost, "the rolled-back id %lld is handed out again,"
		" got %lld", ID(ghost), ID(r ? r->id : 0));

	/* a failing statement in the middle: the whole transaction goes */
	rc = store_begin(s->st, STORE_WRITE, &s->err);
	r = build(s, ENT_PERSON, "{\"full_name\": \"Half\"}");
	if (rc == 0)
		rc = r ? store_record_insert(s->st, wa, r, s->now, &s->err) : -1000;
	if (rc == 0)
		rc = store_record_delete(s->st, wa, ent(ENT_PERSON), 999, &s->err);
	rc = store_end(s->st, rc, &s->err);
	T_EQ(rc, MU_ENOTFOUND, "the transaction fails with the delete's error, got %d", rc);
	T_EQ(exists(s, wa, ENT_PERSON, r ? r->id : 0), 0, "its insert is rolled back");
	rc = del(s, wa, ENT_PERSON, ghost);
	T_EQ(rc, 0, "delete the ghost: %s", s->err.message);
}

static mu_id next_id(struct suite *s, mu_id ws)
{
	struct mu_record *r = build(s, ENT_ORGANISATION, "{\"name\": \"Probe\"}");

	if (insert(s, ws, r) < 0)
		return -1;
	if (del(s, ws, ENT_ORGANISATION, r->id) < 0)
		return -1;
	return r->id;
}

static void suite_reserve(struct suite *s, mu_id wa, mu_id wb)
{
	mu_id before_b = next_id(s, wb), id;
	int rc;

	rc = store_begin(s->st, STORE_WRITE, &s->err);
	if (rc == 0)
		rc = store_reserve_ids(s->st, wa, 100, &s->err);
	rc = store_end(s->st, rc, &s->err);
	T_EQ(rc, 0, "reserve ids up to 100 in A: %s", s->err.message);
	id = next_id(s, wa);
	T_EQ(id, 101, "the next id of A is 101, got %lld", ID(id));
	rc = store_begin(s->st, STORE_WRITE, &s->err);
	if (rc == 0)
		rc = store_reserve_ids(s->st, wa, 50, &s->err);
	rc = store_end(s->st, rc, &s->err);
	T_EQ(rc, 0, "reserve ids up to 50 in A: %s", s->err.message);
	id = next_id(s, wa);
	T_EQ(id, 102, "reserving less never goes back: 102, got %lld", ID(id));
	id = next_id(s, wb);
	T_EQ(id, before_b + 1, "A's reservation leaves B's counter alone: %lld, got %lld",
	     ID(before_b + 1), ID(id));

	rc = store_begin(s->st, STORE_WRITE, &s->err);
	if (rc == 0)
		rc = store_reserve_ids(s->st, wb, 500, &s->err);
	store_end(s->st, -1, &s->err);
	id = next_id(s, wb);
	T_EQ(id, before_b + 2, "a rolled-back reservation does not count: %lld, got %lld",
	     ID(before_b + 2), ID(id));
}

/* A reader on a second connection sees committed data only, and a writer's open
 * transaction does not keep it from reading. */
static void suite_modes(struct suite *s, mu_id wa)
{
	struct store *other = NULL;
	struct mu_error err = { 0 };
	struct mu_record *r = build(s, ENT_PERSON, "{\"full_name\": \"Uma Pending\"}");
	mu_id id = 0;
	int rc;

	rc = store_open(s->url, &other, &err);
	T_EQ(rc, 0, "a second connection opens: %s", err.message);
	if (rc < 0)
		return;
	rc = store_begin(s->st, STORE_WRITE, &s->err);
	T_EQ(rc, 0, "begin a write: %s", s->err.message);
	rc = r ? store_record_insert(s->st, wa, r, s->now, &s->err) : -1000;
	T_EQ(rc, 0, "insert in the open write: %s", s->err.message);
	id = r ? r->id : 0;

	rc = store_begin(other, STORE_READ, &err);
	T_EQ(rc, 0, "a read begins beside an open write: %s", err.message);
	rc = store_record_exists(other, wa, ent(ENT_PERSON), id, &err);
	T_EQ(rc, 0, "the reader does not see the uncommitted person %lld, got %d (%s)", ID(id),
	     rc, err.message);
	rc = store_record_exists(other, wa, ent(ENT_PERSON), 3, &err);
	T_EQ(rc, 1, "the reader sees committed data, got %d (%s)", rc, err.message);
	rc = store_end(other, 0, &err);
	T_EQ(rc, 0, "the read ends: %s", err.message);

	rc = store_end(s->st, 0, &s->err);
	T_EQ(rc, 0, "the write commits: %s", s->err.message);
	rc = store_begin(other, STORE_READ, &err);
	if (rc == 0)
		rc = store_record_exists(other, wa, ent(ENT_PERSON), id, &err);
	store_end(other, rc < 0 ? rc : 0, &err);
	T_EQ(rc, 1, "after the commit the reader sees the person, got %d (%s)", rc, err.message);

	/* and the other way round: a write on the second connection */
	rc = store_begin(other, STORE_WRITE, &err);
	if (rc == 0)
		rc = store_record_delete(other, wa, ent(ENT_PERSON), id, &err);
	rc = store_end(other, rc, &err);
	T_EQ(rc, 0, "the second connection writes: %s", err.message);
	T_EQ(exists(s, wa, ENT_PERSON, id), 0, "the first sees its commit");
	store_close(other);
}

static void suite_reopen(struct suite *s, mu_id wa, mu_id wb)
{
	int version = store_schema_version(s->st), rc;
	struct workspace w = { 0 };
	struct mu_record *r;

	rc = reopen(s);
	T_EQ(rc, 0, "reopen with data: %s", s->err.message);
	if (rc < 0)
		return;
	T_EQ(store_schema_version(s->st), version, "the schema version is unchanged");
	rc = ws_get(s, wa, &w);
	T_CHECK(rc == 0 && t_streq(w.name, "store suite A2"), "workspace A survives reopening");
	T_STR(list_ids(s, wa, ENT_PERSON, 0, 0), "3,4", "A's persons survive reopening");
	T_STR(list_ids(s, wb, ENT_PERSON, 0, 0), "1,2", "B's persons survive reopening");
	rc = get(s, wa, ENT_PERSON, 3, &r);
	T_CHECK(rc == 0 && t_streq(val(r, "full_name")->s, "Bo Berg-Ek") &&
		json_same(val(r, "emails")->s, "[\"bo@ek.se\"]"), "a record survives reopening");
	T_EQ(next_id(s, wa), 104, "A's counter survives reopening (103 went to Uma)");
}

/* Search ws for terms written "word word*|word": '|' between terms, ' ' between the
 * words of a phrase, a trailing '*' for a prefix. The ids found in id order (the
 * engines rank alike only roughly), or "error: ...". */
static const char *search(struct suite *s, mu_id ws, const char *q, size_t limit)
{
	struct store_search_term terms[8];
	struct mu_record *r = NULL;
	size_t nterms = 0, n = 0;
	char *text = mu_strdup(&s->a, q), *save = NULL, *cut;
	int rc;

	for (char *t = text; t && nterms < 8; t = cut) {
		const char **words = mu_alloc_array(&s->a, 8, sizeof(*words));
		size_t nw = 0;
		size_t len;

		if ((cut = strchr(t, '|')))
			*cut++ = 0;
		len = strlen(t);
		terms[nterms].prefix = len && t[len - 1] == '*';
		if (terms[nterms].prefix)
			t[len - 1] = 0;
		for (char *w = t; w && nw < 8; w = save) {
			if ((save = strchr(w, ' ')))
				*save++ = 0;
			if (*w)
				words[nw++] = w;
		}
		terms[nterms].words = words;
		terms[nterms++].nwords = nw;
	}
	if ((rc = store_begin(s->st, STORE_READ, &s->err)) < 0)
		return "error: begin";
	rc = store_takeaway_search(s->st, &s->a, ws, terms, nterms, 0, limit, &r, &n, &s->err);
	if ((rc = store_end(s->st, rc, &s->err)) < 0)
		return mu_printf(&s->a, "error: %s", s->err.message);
	for (size_t i = 1; i < n; i++)	/* insertion sort by id */
		for (size_t j = i; j > 0 && r[j - 1].id > r[j].id; j--) {
			struct mu_record t = r[j];
			r[j] = r[j - 1];
			r[j - 1] = t;
		}
	return ids_of(s, r, n);
}

/* Full-text search of takeaways behaves alike on every driver: case folded, accents
 * kept, phrases in order, prefixes, tags, scoped by workspace, and what the user typed
 * is never query syntax. One difference, by design (migration 0007): PostgreSQL reads
 * the words in the workspace's language (Swedish here), so a word finds its inflected
 * forms there too (want_pg). */
static void suite_search(struct suite *s, mu_id wa)
{
	static const char *const texts[] = {
		"{\"at\": \"2026-03-01T10:00:00Z\", \"text\": \"Kommunen söker en ny leverantör\","
		" \"tags\": [\"e-handel\"]}",
		"{\"at\": \"2026-03-02T10:00:00Z\", \"text\": \"Får vi fler kunder i Malmö?\","
		" \"tags\": [\"kund\"]}",
		"{\"at\": \"2026-03-03T10:00:00Z\", \"text\": \"Far and near: a new customer\"}",
		"{\"at\": \"2026-03-04T10:00:00Z\","
		" \"text\": \"Rock & roll with O'Brien: x|y (not!) a\\\\b\"}",
	};
	static const struct {
		const char *q;
		const char *want;
		const char *want_pg;	/* NULL: the same as want */
	} cases[] = {
		{ "får", "2", NULL },			/* å is not a: Far is not found */
		{ "FÅR", "2", NULL },			/* case folds, Å too */
		{ "far", "3", NULL },
		{ "ny leverantör", "1", NULL },	/* a phrase */
		{ "leverantör ny", "", NULL },	/* in that order only */
		{ "kommun*", "1", NULL },		/* a prefix */
		{ "kommun", "", "1" },		/* a whole word otherwise; Swedish stems Kommunen */
		{ "handel", "1", NULL },		/* a word of a tag */
		{ "kund|malmö", "2", NULL },		/* all terms */
		{ "kund|leverantör", "", NULL },
		{ "o'brien", "4", NULL },		/* a quote is no syntax */
		{ "x|y", "4", NULL },			/* two terms, both there */
		{ "a\\b", "4", NULL },		/* a backslash neither */
		{ "not!", "4", NULL },
		{ "& | ! <-> :* ( ) \" AND OR NOT NEAR", "", NULL },	/* no operator anywhere */
		{ "a*", "3,4", NULL },		/* and, a, a\b */
	};
	struct workspace c = { .name = "store suite C", .kind = "group", .locale = "sv",
			       .currency = "SEK", .settings = "{}" };
	mu_id wc = 0;
	int rc;

	rc = ws_add(s, &c, &wc);
	T_EQ(rc, 0, "add workspace C: %s", s->err.message);
	if (rc < 0)
		return;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct mu_record *r = build(s, ENT_TAKEAWAY, "%s", texts[i]);
		rc = insert(s, wc, r);
		T_CHECK(rc == 0 && r && r->id == (mu_id)i + 1, "insert takeaway %zu: %s", i + 1,
			s->err.message);
	}
	int pg = !strncmp(s->url, "postgres", 8);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *want = pg && cases[i].want_pg ? cases[i].want_pg : cases[i].want;
		T_STR(search(s, wc, cases[i].q, 0), want, "search '%s' finds %s, got %s",
		      cases[i].q, want, search(s, wc, cases[i].q, 0));
	}
	T_STR(search(s, wa, "får", 0), "", "another workspace's takeaways are not found");
	{
		const char *one = search(s, wc, "a*", 1);
		T_CHECK(t_streq(one, "3") || t_streq(one, "4"), "a limit of 1 gives one, got %s",
			one);
	}

	/* a changed takeaway is found by its new words only, a deleted one not at all */
	{
		struct mu_record *r = build(s, ENT_TAKEAWAY, "{\"at\": \"2026-03-05T10:00:00Z\","
					    " \"text\": \"Ny text om Göteborg\"}");
		rc = r ? update(s, wc, r, 2) : -1000;
		T_EQ(rc, 0, "update takeaway 2: %s", s->err.message);
		T_STR(search(s, wc, "får", 0), "", "the old words are gone");
		T_STR(search(s, wc, "göteborg", 0), "2", "the new words are found");
		rc = del(s, wc, ENT_TAKEAWAY, 2);
		T_EQ(rc, 0, "delete takeaway 2: %s", s->err.message);
		T_STR(search(s, wc, "göteborg", 0), "", "a deleted takeaway is not found");
	}
}

/* The whole suite on the database at url, which must be empty or new. */
static void store_suite(const char *url)
{
	struct suite s = { .url = url };
	struct ids x = { 0 };
	mu_id wa, wb;
	int rc;

	mu_arena_init(&s.a);
	if (mu_time_parse("2026-03-04T10:00:00Z", &s.now) < 0)
		MU_BUG("bad suite time");
	rc = store_open(url, &s.st, &s.err);
	T_EQ(rc, 0, "open %s: %s", url, s.err.message);
	if (rc < 0)
		goto out;
	suite_open(&s);
	if (!s.st)
		goto out;
	suite_workspaces(&s, &wa, &wb);
	if (!wa || !wb)
		goto out;
	suite_insert(&s, wa, wb, &x);
	suite_get(&s, wa, &x);
	suite_update(&s, wa, &x);
	suite_list(&s, wa, wb, &x);
	suite_isolation(&s, wa, wb, &x);
	suite_delete(&s, wa, &x);
	suite_rollback(&s, wa);
	suite_reserve(&s, wa, wb);
	suite_modes(&s, wa);
	suite_reopen(&s, wa, wb);
	suite_search(&s, wa);
out:
	store_close(s.st);
	mu_arena_release(&s.a);
}

static int remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[4096];

	if (!d)
		return -1;
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
			snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
			unlink(path);
		}
	closedir(d);
	return rmdir(dir);
}

/* The suite on $MUTUA_TEST_DB if set (an empty database, e.g. the postgres:// URL of
 * tests/store/t0500-postgres.sh), else on a fresh SQLite file, by path and sqlite: URL. */
void test_store(void)
{
	const char *tmp = getenv("TMPDIR"), *db = getenv("MUTUA_TEST_DB");
	char dir[4096], url[4200];

	if (db && *db) {
		store_suite(db);
		return;
	}
	snprintf(dir, sizeof(dir), "%s/mutua-store.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		T_CHECK(0, "make a temporary directory under %s", dir);
		return;
	}
	snprintf(url, sizeof(url), "%s/suite.db", dir);
	store_suite(url);
	/* the same file by its sqlite: URL */
	{
		struct store *st = NULL;
		struct mu_error err = { 0 };
		int rc;

		snprintf(url, sizeof(url), "sqlite:%s/suite.db", dir);
		rc = store_open(url, &st, &err);
		T_EQ(rc, 0, "open by sqlite: URL: %s", err.message);
		if (rc == 0) {
			struct mu_arena a;
			struct workspace *w;
			size_t n = 0;

			mu_arena_init(&a);
			rc = store_begin(st, STORE_READ, &err);
			if (rc == 0)
				rc = store_workspace_list(st, &a, &w, &n, &err);
			store_end(st, rc, &err);
			T_CHECK(rc == 0 && n == 3, "the sqlite: URL names the same file (%zu)", n);
			mu_arena_release(&a);
			store_close(st);
		}
	}
	T_EQ(remove_tree(dir), 0, "remove %s", dir);
}
