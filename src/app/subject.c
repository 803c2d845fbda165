/*
 * subject.c - a data subject's rights: export (Art. 15, 20), erase (Art. 17) and the
 * suppression that keeps an erased person from coming back (app/subject.h,
 * docs/privacy.md).
 *
 * Both use cases read the store's records directly, in one transaction each. Export
 * shows what the actor may see (privacy_apply), as every read does. Erase must leave
 * nothing behind, so it rewrites every record naming the person whether or not the
 * actor may see that record; only the person must be visible to the actor.
 *
 * Which records name a person is read from the model: a reference field to persons,
 * or one inside a list or object (attendance, visitors), so a field added to the model
 * later is found without a change here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "app/subject.h"
#include "app/access.h"
#include "app/internal.h"
#include "app/privacy.h"
#include "core/text.h"
#include "io/record.h"
#include "core/banned.h"

#define ERASED_NAME "Erased person %lld"
#define KEY_HEX (crypto_generichash_BYTES * 2 + 1)

static struct mu_value *value(const struct mu_record *r, const char *name)
{
	int i = model_field_index(r->ent, name);

	if (i < 0)
		MU_BUG("a field the model does not have");
	return &r->v[i];
}

/* --- suppression keys --- */

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* s case-folded, trimmed, runs of white space as one space (in a). */
static char *normalised(struct mu_arena *a, const char *s)
{
	char *t = text_fold(s, mu_alloc(a, strlen(s) + 1)), *r = t, *w = t;
	int gap = 0;

	for (; *r; r++) {
		if (blank(*r)) {
			gap = 1;
			continue;
		}
		if (gap && w != t)
			*w++ = ' ';
		gap = 0;
		*w++ = *r;
	}
	*w = '\0';
	return t;
}

/* The digits of a phone number, with a leading + kept: "+46 70-123 45" is "+467012345". */
static char *phone_digits(struct mu_arena *a, const char *s)
{
	char *t = mu_alloc(a, strlen(s) + 1), *w = t;

	while (blank(*s))
		s++;
	if (*s == '+')
		*w++ = *s++;
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			*w++ = *s;
	*w = '\0';
	return t[0] == '+' && !t[1] ? t + 1 : t;
}

static const char *hashed(struct mu_arena *a, const char *kind, const char *text)
{
	unsigned char h[crypto_generichash_BYTES];
	char hex[KEY_HEX];

	crypto_generichash(h, sizeof(h), (const unsigned char *)text, strlen(text), NULL, 0);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	return mu_printf(a, "%s:%s", kind, hex);
}

static void add_key(struct app_subject_key *keys, size_t *n, const char *key, const char *field)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp(keys[i].key, key))
			return;
	keys[*n].key = key;
	keys[*n].field = field;
	(*n)++;
}

/* The strings of a list field (new reference; an empty array when absent). */
static json_t *list_of(const struct mu_value *v)
{
	json_t *j = v->set && v->s ? json_loads(v->s, 0, NULL) : NULL;

	return json_is_array(j) ? j : (json_decref(j), json_array());
}

size_t app_subject_keys(struct mu_arena *a, const struct mu_record *person,
			struct app_subject_key **out)
{
	const struct mu_value *name = value(person, "full_name");
	json_t *emails = list_of(value(person, "emails")), *phones = list_of(value(person, "phones"));
	json_t *x;
	size_t n = 0, i;

	*out = mu_alloc_array(a, json_array_size(emails) + json_array_size(phones) + 1,
			      sizeof(**out));
	json_array_foreach(emails, i, x) {
		const char *s = json_string_value(x) ? normalised(a, json_string_value(x)) : "";
		if (*s)
			add_key(*out, &n, hashed(a, "email", s), "emails");
	}
	json_array_foreach(phones, i, x) {
		const char *s = json_string_value(x) ? phone_digits(a, json_string_value(x)) : "";
		if (*s)
			add_key(*out, &n, hashed(a, "phone", s), "phones");
	}
	if (name->set && name->s &&
	    strcmp(name->s, mu_printf(a, ERASED_NAME, (long long)person->id))) {
		const char *s = normalised(a, name->s);
		if (*s)
			add_key(*out, &n, hashed(a, "name", s), "full_name");
	}
	json_decref(emails);
	json_decref(phones);
	return n;
}

/* 1 with *field set if a key of person is suppressed, 0 if none is. */
static int suppressed_field(struct app *app, const struct mu_record *person, const char **field,
			    struct mu_error *err)
{
	struct app_subject_key *keys;
	struct mu_arena a;
	size_t n;
	int rc = 0;

	mu_arena_init(&a);
	n = app_subject_keys(&a, person, &keys);
	for (size_t i = 0; i < n && rc == 0; i++)
		if ((rc = store_suppression_has(app->st, app->ws, keys[i].key, err)) > 0)
			*field = keys[i].field;	/* a string literal: outlives the arena */
	mu_arena_release(&a);
	return rc;
}

int app_subject_suppressed(struct app *app, const struct mu_record *person,
			   struct mu_error *err)
{
	const char *field = NULL;

	return suppressed_field(app, person, &field, err);
}

int app_subject_admit(struct app *app, const struct mu_record *person, struct mu_error *err)
{
	const struct mu_value *basis = value(person, "legal_basis");
	const char *field = NULL;
	int rc = suppressed_field(app, person, &field, err);

	if (rc <= 0)
		return rc;
	if (basis->set && basis->s && !strcmp(basis->s, "consent"))
		return 0;
	return mu_fail(err, MU_ECONFLICT, field, "%s was erased at their request (GDPR Art. 17);"
		       " add them again only with their consent (legal_basis consent)",
		       strcmp(field, "full_name") ? "this person" : "a person of this name");
}

/* --- which records name a person --- */

static int entity_holds_persons(const struct entity_def *e)
{
	for (size_t i = 0; i < e->nfields; i++)
		if (model_field_holds_persons(&e->fields[i]))
			return 1;
	return 0;
}

static int names_person(const struct mu_record *r, mu_id id)
{
	for (size_t i = 0; i < r->ent->nfields; i++) {
		const struct field_def *f = &r->ent->fields[i];
		const struct mu_value *v = &r->v[i];
		json_t *j;
		int hit;

		if (!v->set || !model_field_holds_persons(f))
			continue;
		if (f->type == FT_REF) {
			if (v->i == id)
				return 1;
			continue;
		}
		j = v->s ? json_loads(v->s, JSON_DECODE_ANY, NULL) : NULL;
		hit = j && app_person_refs(f, j, id, 0) > 0;
		json_decref(j);
		if (hit)
			return 1;
	}
	return 0;
}

/* The kinds of record that can name a person, besides the person and their profile,
 * in the document's order: the arrays of an export. */
static int named_kind(enum entity_kind k)
{
	return k != ENT_PERSON && k != ENT_PROFILE && entity_holds_persons(model_entity(k));
}

/* The person as stored; MU_ENOTFOUND as for any record if the actor cannot see them. */
static int get_person(struct app *app, struct mu_arena *a, mu_id id, struct mu_record **out,
		      struct mu_error *err)
{
	const struct entity_def *e = model_entity(ENT_PERSON);
	int rc = store_record_get(app->st, a, app->ws, e, id, out, err);

	if (rc == 0 && !privacy_visible(app->priv, *out))
		rc = MU_ENOTFOUND;
	if (rc == MU_ENOTFOUND)
		return mu_fail(err, MU_ENOTFOUND, "", "no person %lld in this workspace",
			       (long long)id);
	return rc;
}

/* --- export --- */

/* The audit trail of the person and of their profile (keyed by the person's id). */
static int add_audit(struct app *app, struct mu_arena *a, mu_id id, json_t *doc,
		     struct mu_error *err)
{
	struct store_audit *e;
	json_t *arr = json_array();
	size_t n;
	int rc = store_audit_list(app->st, a, app->ws, NULL, 0, 0, &e, &n, err);

	for (size_t i = 0; rc == 0 && i < n; i++)
		if (e[i].entity_id == id && e[i].entity &&
		    (!strcmp(e[i].entity, "person") || !strcmp(e[i].entity, "profile")))
			json_array_append_new(arr, app_audit_json(&e[i]));
	json_object_set_new(doc, "audit", arr);
	return rc;
}

static int add_profile(struct app *app, struct mu_arena *a, mu_id id, json_t *doc,
		       struct mu_error *err)
{
	struct mu_record *r;
	int rc = store_record_get(app->st, a, app->ws, model_entity(ENT_PROFILE), id, &r, err);

	if (rc == MU_ENOTFOUND) {
		mu_error_clear(err);
		json_object_set_new(doc, "profile", json_null());
		return 0;
	}
	if (rc == 0)
		json_object_set_new(doc, "profile", privacy_apply(app->priv, a, r) ?
					   record_encode(r) : json_null());
	return rc;
}

/* The records of kind e naming person id, as the actor may see them. */
static int add_named(struct app *app, struct mu_arena *a, const struct entity_def *e, mu_id id,
		     json_t *doc, struct mu_error *err)
{
	struct mu_record *recs;
	json_t *arr = json_array();
	size_t n;
	int rc = store_record_list(app->st, a, app->ws, e, 0, 0, &recs, &n, err);

	for (size_t i = 0; rc == 0 && i < n; i++)
		if (names_person(&recs[i], id) && privacy_apply(app->priv, a, &recs[i]))
			json_array_append_new(arr, record_encode(&recs[i]));
	json_object_set_new(doc, e->plural, arr);
	return rc;
}

static json_t *export_head(struct app *app, const struct mu_record *person)
{
	char at[MU_TIME_LEN];
	json_t *doc = json_object();

	mu_time_format(app->now, at);
	json_object_set_new(doc, "format", json_string(APP_SUBJECT_FORMAT));
	json_object_set_new(doc, "exported_at", json_string(at));
	json_object_set_new(doc, "workspace", json_pack("{s:o, s:s?}", "id", record_id_json(app->ws),
							"name", app->wsinfo.name));
	json_object_set_new(doc, "person", record_encode(person));
	return doc;
}

int app_subject_export(struct app *app, mu_id id, json_t **out, struct mu_error *err)
{
	struct mu_record *r;
	struct mu_arena a;
	json_t *doc = NULL;
	int rc;

	*out = NULL;
	if ((rc = app_need_workspace(app, err)) < 0 ||
	    (rc = app_need_role(app, ROLE_ADMIN, err)) < 0)
		return rc;
	mu_arena_init(&a);
	if ((rc = app_begin(app, STORE_READ, &a, err)) < 0)
		goto out;
	if ((rc = get_person(app, &a, id, &r, err)) == 0) {
		privacy_apply(app->priv, &a, r);
		doc = export_head(app, r);
		rc = add_profile(app, &a, id, doc, err);
	}
	for (int k = 0; rc == 0 && k < ENT_COUNT; k++)
		if (named_kind(model_document_order[k]))
			rc = add_named(app, &a, model_entity(model_document_order[k]), id, doc, err);
	if (rc == 0)
		rc = add_audit(app, &a, id, doc, err);
	if ((rc = app_end(app, rc, err)) == 0)
		rc = app_audit_read(app, "subject_export", "person", id, NULL, err);
	if (rc == 0) {
		*out = doc;
		doc = NULL;
	}
out:
	json_decref(doc);
	mu_arena_release(&a);
	return rc;
}

/* --- erase --- */

struct erasure {
	size_t keys, fields;
	int profile;
	size_t mentions;		/* records whose text named them */
	size_t cleared[ENT_COUNT];	/* records of each kind whose notes were cleared */
	size_t kept[ENT_COUNT];		/* records of each kind that name the person */
};

static int suppress(struct app *app, struct mu_arena *a, const struct mu_record *person,
		    struct erasure *x, struct mu_error *err)
{
	struct app_subject_key *keys;
	size_t n = app_subject_keys(a, person, &keys);
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = store_suppression_add(app->st, app->ws, keys[i].key, app->now, err);
	x->keys = n;
	return rc;
}

static void clear(struct mu_value *v)
{
	memset(v, 0, sizeof(*v));
}

/* A copy of r whose values may be changed. */
static struct mu_record *copy_of(struct mu_arena *a, const struct mu_record *r)
{
	struct mu_record *c = mu_alloc(a, sizeof(*c));

	*c = *r;
	c->v = mu_alloc_array(a, r->ent->nfields, sizeof(*c->v));
	memcpy(c->v, r->v, r->ent->nfields * sizeof(*c->v));
	c->person_refs = NULL;
	c->n_person_refs = 0;
	return c;
}

/* The person without what identifies them. Role level and function, industry and
 * region stay: categories, not identities, which the group's statistics (diversity,
 * segments, coverage) count (docs/privacy.md). */
static int anonymise(struct app *app, struct mu_arena *a, const struct mu_record *person,
		     struct erasure *x, struct mu_error *err)
{
	static const char *const also[] = { "tags", "source", "organisation_id", "legal_basis" };
	struct mu_record *r = copy_of(a, person);
	const struct entity_def *e = r->ent;
	struct mu_value *objection = value(r, "objection"), *name = value(r, "full_name");

	for (size_t i = 0; i < e->nfields; i++)
		if ((e->fields[i].flags & FF_PERSONAL) && r->v[i].set) {
			clear(&r->v[i]);
			x->fields++;
		}
	for (size_t k = 0; k < sizeof(also) / sizeof(also[0]); k++)
		if (value(r, also[k])->set) {
			clear(value(r, also[k]));
			x->fields++;
		}
	name->set = 1;
	name->s = mu_printf(a, ERASED_NAME, (long long)r->id);
	objection->set = 1;
	objection->i = 1;
	return store_record_update(app->st, app->ws, r, app->now, err);
}

static int drop_profile(struct app *app, mu_id id, struct erasure *x, struct mu_error *err)
{
	int rc = store_record_delete(app->st, app->ws, model_entity(ENT_PROFILE), id, err);

	if (rc == MU_ENOTFOUND) {
		mu_error_clear(err);
		return 0;
	}
	x->profile = rc == 0;
	return rc;
}

/* What goes from a record naming the erased person: its personal fields (the notes of
 * exchanges and one-to-ones) and, of a tie, how they met. */
static int erasable(const struct entity_def *e, size_t i)
{
	return (e->fields[i].flags & FF_PERSONAL) ||
	       (e->kind == ENT_TIE && !strcmp(e->fields[i].name, "how_met"));
}

/* What identifies the erased person in free text elsewhere ("invited by Anna Lind"):
 * their e-mails, phone numbers of six digits or more, and their full name when it has
 * two words or more (one word, "Anna", would hit every other Anna). */
struct mentions {
	const char **what;
	size_t n;
	const char *with;	/* "Erased person ID" */
};

static void mentions_of(struct mu_arena *a, const struct mu_record *person, struct mentions *m)
{
	json_t *emails = list_of(value(person, "emails")), *phones = list_of(value(person, "phones"));
	const struct mu_value *name = value(person, "full_name");
	size_t i;
	json_t *x;

	m->what = mu_alloc_array(a, json_array_size(emails) + json_array_size(phones) + 1,
				 sizeof(*m->what));
	m->n = 0;
	m->with = mu_printf(a, ERASED_NAME, (long long)person->id);
	json_array_foreach(emails, i, x)
		if (json_string_value(x) && *normalised(a, json_string_value(x)))
			m->what[m->n++] = normalised(a, json_string_value(x));
	json_array_foreach(phones, i, x) {
		const char *digits = json_string_value(x) ? phone_digits(a, json_string_value(x)) : "";
		if (strlen(digits) - (digits[0] == '+') >= 6)
			m->what[m->n++] = normalised(a, json_string_value(x));
	}
	if (name->set && name->s && strchr(normalised(a, name->s), ' ') &&
	    strcmp(name->s, m->with))
		m->what[m->n++] = normalised(a, name->s);
	json_decref(emails);
	json_decref(phones);
}

static int word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c >= 0x80;
}

/* text with every mention of needle (folded; case ignored, at word boundaries) as
 * with, or NULL if it has none. Folding keeps the length of every character, so an
 * offset in the folded text is one in text. */
static char *replaced(struct mu_arena *a, const char *text, const char *needle, const char *with)
{
	size_t len = strlen(text), n = strlen(needle), hits = 0, w = strlen(with);
	char *folded = text_fold(text, mu_alloc(a, len + 1)), *out, *o;
	const char *p, *from = folded;

	if (!n || strlen(folded) != len)
		return NULL;
	for (p = strstr(folded, needle); p; p = strstr(p + n, needle))
		hits++;
	if (!hits)
		return NULL;
	o = out = mu_alloc(a, len + hits * w + 1);
	hits = 0;
	for (p = strstr(folded, needle); p; p = strstr(p + n, needle)) {
		if ((p > folded && word_byte((unsigned char)p[-1])) || word_byte((unsigned char)p[n]))
			continue;
		memcpy(o, text + (from - folded), (size_t)(p - from));
		o += p - from;
		memcpy(o, with, w);
		o += w;
		from = p + n;
		hits++;
	}
	if (!hits)
		return NULL;
	memcpy(o, text + (from - folded), len - (size_t)(from - folded) + 1);
	return out;
}

/* s cut to at most max characters (at a character's start). */
static void cut(char *s, int64_t max)
{
	int64_t chars = 0;

	for (char *p = s; *p; p++)
		if (((unsigned char)*p & 0xC0) != 0x80 && ++chars > max) {
			*p = '\0';
			return;
		}
}

/* Replace the mentions in r's text fields; 1 if any was there. */
static int redact(struct mu_arena *a, struct mu_record *r, const struct mentions *m)
{
	int changed = 0;

	for (size_t i = 0; i < r->ent->nfields; i++) {
		const struct field_def *f = &r->ent->fields[i];
		if (f->type != FT_TEXT || !r->v[i].set || !r->v[i].s)
			continue;
		for (size_t k = 0; k < m->n; k++) {
			char *t = replaced(a, r->v[i].s, m->what[k], m->with);
			if (!t)
				continue;
			if (f->max > 0)
				cut(t, f->max);
			r->v[i].s = t;
			changed = 1;
		}
	}
	return changed;
}

/* The records of kind e: in those naming person id, clear what is erasable (and
 * count them as kept); in every record, replace the mentions of the person. Records
 * the actor may not see change too, but are not counted: counts would betray them. */
static int scrub(struct app *app, struct mu_arena *a, const struct entity_def *e, mu_id id,
		 const struct mentions *m, struct erasure *x, struct mu_error *err)
{
	struct mu_record *recs;
	size_t n;
	int rc = store_record_list(app->st, a, app->ws, e, 0, 0, &recs, &n, err);

	for (size_t k = 0; rc == 0 && k < n; k++) {
		struct mu_record *r;
		int cleared = 0, mentioned, shown = privacy_visible(app->priv, &recs[k]);

		if (e->kind == ENT_PERSON && recs[k].id == id)
			continue;	/* anonymised already */
		r = copy_of(a, &recs[k]);
		if (named_kind(e->kind) && names_person(r, id)) {
			x->kept[e->kind] += (size_t)shown;
			for (size_t i = 0; i < e->nfields; i++)
				if (erasable(e, i) && r->v[i].set) {
					clear(&r->v[i]);
					cleared = 1;
				}
		}
		mentioned = redact(a, r, m);
		x->cleared[e->kind] += (size_t)(cleared && shown);
		x->mentions += (size_t)(mentioned && shown);
		if (cleared || mentioned)
			rc = store_record_update(app->st, app->ws, r, app->now, err);
	}
	return rc;
}

static json_t *erasure_json(mu_id id, const struct erasure *x)
{
	json_t *kept = json_object(), *cleared = json_object();
	char name[64];

	for (int k = 0; k < ENT_COUNT; k++) {
		enum entity_kind kind = model_document_order[k];
		const struct entity_def *e = model_entity(kind);
		if (!named_kind(kind))
			continue;
		json_object_set_new(kept, e->plural, json_integer((json_int_t)x->kept[kind]));
		for (size_t i = 0; i < e->nfields; i++)
			if (erasable(e, i)) {
				json_object_set_new(cleared, e->plural,
						    json_integer((json_int_t)x->cleared[kind]));
				break;
			}
	}
	snprintf(name, sizeof(name), ERASED_NAME, (long long)id);
	return json_pack("{s:o, s:s, s:I, s:I, s:b, s:o, s:I, s:o}", "person", record_id_json(id),
			 "name", name, "suppression_keys", (json_int_t)x->keys, "fields_cleared",
			 (json_int_t)x->fields, "profile_deleted", x->profile, "notes_cleared",
			 cleared, "mentions_replaced", (json_int_t)x->mentions, "kept", kept);
}

int app_subject_erase(struct app *app, mu_id id, json_t **summary, struct mu_error *err)
{
	struct erasure x = { 0 };
	struct mentions m = { 0 };
	struct mu_record *r;
	struct mu_arena a;
	int rc;

	*summary = NULL;
	if ((rc = app_need_workspace(app, err)) < 0 ||
	    (rc = app_need_role(app, ROLE_ADMIN, err)) < 0)
		return rc;
	mu_arena_init(&a);
	if ((rc = app_begin(app, STORE_WRITE, &a, err)) < 0)
		goto out;
	if ((rc = get_person(app, &a, id, &r, err)) == 0) {
		mentions_of(&a, r, &m);
		if ((rc = suppress(app, &a, r, &x, err)) == 0 &&
		    (rc = anonymise(app, &a, r, &x, err)) == 0)
			rc = drop_profile(app, id, &x, err);
	}
	for (int k = 0; rc == 0 && k < ENT_COUNT; k++)
		rc = scrub(app, &a, model_entity(model_document_order[k]), id, &m, &x, err);
	if (rc == 0)
		rc = app_audit(app, "erase", "person", id, NULL, err);
	if ((rc = app_end(app, rc, err)) == 0)
		*summary = erasure_json(id, &x);
out:
	mu_arena_release(&a);
	return rc;
}
