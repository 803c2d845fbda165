/*
 * interchange.c - address books in and out (see interchange.h).
 *
 * An import is three steps: read the file (io/vcard.c, io/contacts_csv.c) into
 * contacts; index the persons and organisations the actor may see; then for each
 * contact find the person it already is (method/dedupe.c) and merge, or add a person.
 * Values the model refuses (an e-mail that is no e-mail address, a 300-character title)
 * are dropped one by one and counted, so one bad cell does not cost the whole contact;
 * a contact without a usable name is skipped with its reason.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/interchange.h"
#include "app/access.h"
#include "app/internal.h"
#include "app/privacy.h"
#include "app/subject.h"
#include "core/phone.h"
#include "core/strmap.h"
#include "core/text.h"
#include "io/contact.h"
#include "io/contacts_csv.h"
#include "io/record.h"
#include "io/vcard.h"
#include "method/dedupe.h"
#include "core/banned.h"

#define PROGRESS_EVERY 500

/* How a kind is read and named. */
static const struct {
	const char *name;
	enum contact_kind kind;
	const char *source;	/* the added persons' source, before the date */
} kinds[] = {
	{ "vcard", CONTACT_VCARD, "vCard import" },
	{ "linkedin", CONTACT_LINKEDIN, "LinkedIn import" },
	{ "google", CONTACT_GOOGLE, "Google Contacts import" },
};

struct importer {
	struct app *app;
	struct mu_arena *a;
	const struct contacts_import *o;
	const struct entity_def *pe;
	struct dedupe *dd;
	struct mu_record **people;	/* slot -> the person as it stands now */
	size_t n, cap;
	struct strmap *orgs;		/* text_key of a name -> organisation id */
	struct strmap *ties;		/* "lo-hi" -> index into tie_recs */
	struct mu_record **tie_recs;
	size_t n_ties, cap_ties;
	mu_id me;			/* LinkedIn: whose connections; 0: none */
	const char *source;
	json_t *skipped, *dropped, *items;	/* reason -> count; the contacts */
	size_t added, merged, unchanged, n_skipped, orgs_added, ties_added, ties_dated;
};

static void count(json_t *o, const char *reason)
{
	json_t *v = json_object_get(o, reason);

	json_object_set_new(o, reason, json_integer(v ? json_integer_value(v) + 1 : 1));
}

static void item(struct importer *im, const struct contact *c, const char *action, mu_id id,
		 const char *why)
{
	json_t *it;

	if (!im->items)
		return;
	it = json_pack("{s:I, s:s?, s:s}", "line", (json_int_t)c->line, "name", c->full_name,
		       "action", action);
	json_object_set_new(it, "person", id ? record_id_json(id) : json_null());
	json_object_set_new(it, "reason", why ? json_string(why) : json_null());
	json_array_append_new(im->items, it);
}

static void skip(struct importer *im, const struct contact *c, const char *reason)
{
	im->n_skipped++;
	count(im->skipped, reason);
	item(im, c, "skipped", 0, reason);
}

static struct dedupe_keys keys_of(const struct contact *c)
{
	return (struct dedupe_keys){
		.name = c->full_name, .organisation = c->organisation,
		.emails = c->emails.v, .n_emails = c->emails.n,
		.phones = c->phones.v, .n_phones = c->phones.n,
		.urls = c->urls.v, .n_urls = c->urls.n,
	};
}

/* ---- values: contacts as the model's JSON, and back ---- */

static const char *field_text(const struct mu_record *r, const char *name)
{
	int i = model_field_index(r->ent, name);
	return i >= 0 && r->v[i].set ? r->v[i].s : NULL;
}

/* The name of organisation id in orgs (sorted by id, as the store lists), or NULL. */
static const char *org_name(const struct mu_record *orgs, size_t n, mu_id id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (orgs[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && orgs[lo].id == id ? field_text(&orgs[lo], "name") : NULL;
}

/* The strings of a stored JSON list (in a). */
static struct contact_strings list_of(struct mu_arena *a, const struct mu_record *r,
				      const char *name)
{
	struct contact_strings l = { 0 };
	const char *text = field_text(r, name);
	json_t *j = text ? json_loads(text, 0, NULL) : NULL, *v;
	size_t i;

	if (json_is_array(j)) {
		l.v = mu_alloc_array(a, json_array_size(j) + 1, sizeof(*l.v));
		json_array_foreach(j, i, v)
			if (json_is_string(v))
				l.v[l.n++] = mu_strdup(a, json_string_value(v));
	}
	json_decref(j);
	return l;
}

/* The form two values of a list compare in: e-mails, phones and web addresses as
 * dedupe matches them (method/dedupe.h), tags without case; a value dedupe gives no
 * form (a phone that is no number) as it is. */
static const char *same_form(struct importer *im, const char *list, const char *v, char *buf,
			     size_t size)
{
	static const struct { const char *list; enum dedupe_kind kind; } keyed[] = {
		{ "emails", DEDUPE_EMAIL }, { "phones", DEDUPE_PHONE }, { "urls", DEDUPE_URL },
	};
	const char *form;

	for (size_t i = 0; i < sizeof(keyed) / sizeof(keyed[0]); i++)
		if (!strcmp(list, keyed[i].list))
			return (form = dedupe_key(im->dd, keyed[i].kind, v, buf, size)) ? form : v;
	snprintf(buf, size, "%s", v);
	return text_fold(buf, buf);
}

/* 1 if list arr holds v (in same_form). */
static int list_has(struct importer *im, const char *list, json_t *arr, const char *v)
{
	char a[600], b[600];
	const char *fv = same_form(im, list, v, a, sizeof(a));
	json_t *x;
	size_t i;

	json_array_foreach(arr, i, x)
		if (json_is_string(x) && !strcmp(same_form(im, list, json_string_value(x), b,
							   sizeof(b)), fv))
			return 1;
	return 0;
}

/* A web address as the model takes it: "www.x.se" gains https://. */
static const char *as_url(struct mu_arena *a, const char *u)
{
	if (!strncmp(u, "http://", 7) || !strncmp(u, "https://", 8))
		return u;
	if (strchr(u, '.') && !strchr(u, ' ') && !strstr(u, "://"))
		return mu_printf(a, "https://%s", u);
	return u;	/* the model will refuse it, and the value is dropped */
}

/* Append the values of l to obj[name] that it lacks, up to the field's limit; returns
 * how many were added. */
static int add_to_list(struct importer *im, json_t *obj, const char *name,
		       const struct contact_strings *l)
{
	const struct field_def *f = &im->pe->fields[model_field_index(im->pe, name)];
	json_t *arr = json_object_get(obj, name);
	int added = 0;

	if (!json_is_array(arr)) {
		arr = json_array();
		json_object_set_new(obj, name, arr);
	}
	for (size_t i = 0; i < l->n; i++) {
		const char *v = strcmp(name, "urls") ? l->v[i] : as_url(im->a, l->v[i]);
		if (list_has(im, name, arr, v))
			continue;
		if ((int64_t)json_array_size(arr) >= f->max) {
			count(im->dropped, mu_printf(im->a, "%s: more than %lld", name,
						     (long long)f->max));
			continue;
		}
		json_array_append_new(arr, json_string(v));
		added++;
	}
	return added;
}

/* Set obj[name] to v if it is null or absent; 1 if it was set. */
static int fill(json_t *obj, const char *name, const char *v)
{
	json_t *cur = json_object_get(obj, name);

	if (!v || (cur && !json_is_null(cur)))
		return 0;
	json_object_set_new(obj, name, json_string(v));
	return 1;
}

/* What a contact adds to a person's JSON (all of it, for a new person); how many
 * values changed. The organisation is set by the caller. */
static int take_contact(struct importer *im, json_t *obj, const struct contact *c)
{
	return fill(obj, "title", c->title) + fill(obj, "city", c->city) +
	       fill(obj, "birthday", c->birthday) + fill(obj, "note", c->note) +
	       add_to_list(im, obj, "emails", &c->emails) +
	       add_to_list(im, obj, "phones", &c->phones) +
	       add_to_list(im, obj, "urls", &c->urls) +
	       add_to_list(im, obj, "tags", &c->tags);
}

/* Remove the value at path ("emails[2]", "title") from obj; 0 if path names nothing
 * that may go (the name, or what the importer did not set). */
static int drop_at(json_t *obj, const char *path)
{
	char name[64];
	size_t n = strcspn(path, "[");
	json_t *v;

	if (n == 0 || n >= sizeof(name))
		return 0;
	memcpy(name, path, n);
	name[n] = '\0';
	if (!strcmp(name, "full_name") || !(v = json_object_get(obj, name)))
		return 0;
	if (path[n] == '[' && json_is_array(v))
		return json_array_remove(v, strtoul(path + n + 1, NULL, 10)) == 0;
	return json_object_del(obj, name) == 0;
}

/* "'x' is not an e-mail address" as "not an e-mail address": reasons are counted, and
 * the value would make each its own. */
static const char *without_value(const char *message)
{
	const char *end;

	if (message[0] != '\'' || !(end = strstr(message + 1, "' ")))
		return message;
	end += 2;
	return strncmp(end, "is ", 3) ? end : end + 3;
}

/* Decode obj as a person, dropping what the model refuses. 1 if the contact must be
 * skipped (its name is refused: err says why), 0 with *out, or an error. */
static int decode_person(struct importer *im, json_t *obj, unsigned flags,
			 struct mu_record **out, struct mu_error *err)
{
	for (;;) {
		int rc = record_decode(im->a, im->pe, obj, flags, app_resolve_existing, im->app,
				       out, err);
		if (rc != MU_EINVAL)
			return rc;
		if (!strncmp(err->field, "full_name", 9))
			return 1;
		if (!drop_at(obj, err->field))
			return rc;
		count(im->dropped, mu_printf(im->a, "%.*s: %s", (int)strcspn(err->field, "["),
					     err->field, without_value(err->message)));
		mu_error_clear(err);
	}
}

/* The id of the organisation named name, made if the actor sees none of that name. */
static int organisation_of(struct importer *im, const char *name, mu_id *id,
			   struct mu_error *err)
{
	const struct entity_def *oe = model_entity(ENT_ORGANISATION);
	char room[512];	/* most names: a contact each, so no arena memory for the look-up */
	size_t need = 2 * strlen(name) + 1;
	char *key = text_key(name, need <= sizeof(room) ? room : mu_alloc(im->a, need));
	struct mu_record *r;
	json_t *obj;
	long *v;
	int rc;

	if (!*key)
		return *id = 0, 0;
	if ((v = strmap_get(im->orgs, key)))
		return *id = *v, 0;
	obj = json_pack("{s:s}", "name", name);
	rc = record_decode(im->a, oe, obj, RD_CREATE, app_resolve_existing, im->app, &r, err);
	json_decref(obj);
	if (rc == MU_EINVAL) {	/* a name the model refuses (too long): no organisation */
		count(im->dropped, mu_printf(im->a, "organisation: %s", err->message));
		mu_error_clear(err);
		return *id = 0, 0;
	}
	if (rc < 0 || (rc = store_record_insert(im->app->st, im->app->ws, r, im->app->now,
						err)) < 0 ||
	    (rc = app_audit(im->app, "create", oe->name, r->id, "import", err)) < 0)
		return rc;
	strmap_put(im->orgs, key, r->id, NULL);
	im->orgs_added++;
	*id = r->id;
	return 0;
}

static int set_organisation(struct importer *im, json_t *obj, const struct contact *c,
			    struct mu_error *err)
{
	json_t *cur = json_object_get(obj, "organisation_id");
	mu_id id;
	int rc;

	if (!c->organisation || (cur && !json_is_null(cur)))
		return 0;
	if ((rc = organisation_of(im, c->organisation, &id, err)) < 0 || !id)
		return rc;
	json_object_set_new(obj, "organisation_id", record_id_json(id));
	return 1;
}

static void remember(struct importer *im, size_t slot, struct mu_record *r,
		     const struct contact *c)
{
	struct dedupe_keys k = keys_of(c);

	if (slot == im->n)
		im->people = mu_grow(im->a, im->people, im->n++, &im->cap, sizeof(*im->people));
	im->people[slot] = r;
	dedupe_add(im->dd, slot, &k);
}

static int add_person(struct importer *im, const struct contact *c, mu_id *id,
		      struct mu_error *err)
{
	struct mu_record *r;
	json_t *obj = json_pack("{s:s, s:s, s:s}", "full_name", c->full_name, "source",
				im->source, "legal_basis", im->o->legal_basis ?
				im->o->legal_basis : "legitimate_interest");
	int rc;

	take_contact(im, obj, c);
	rc = decode_person(im, obj, RD_CREATE, &r, err);
	if (rc == 1) {
		skip(im, c, mu_printf(im->a, "the name: %s", err->message));
		mu_error_clear(err);
		rc = 0;
		goto out;
	}
	if (rc == 0 && (rc = app_subject_admit(im->app, r, err)) == MU_ECONFLICT) {
		skip(im, c, "erased at their request (GDPR Art. 17); only with their consent");
		mu_error_clear(err);
		rc = 0;
		goto out;
	}
	/* the organisation only now, so that a skipped contact makes none */
	if (rc == 0 && (rc = set_organisation(im, obj, c, err)) == 1)
		rc = decode_person(im, obj, RD_CREATE, &r, err);
	if (rc < 0 || (rc = store_record_insert(im->app->st, im->app->ws, r, im->app->now,
						err)) < 0 ||
	    (rc = app_audit(im->app, "create", "person", r->id, "import", err)) < 0)
		goto out;
	remember(im, im->n, r, c);
	im->added++;
	item(im, c, "added", r->id, NULL);
	*id = r->id;
out:
	json_decref(obj);
	return rc;
}

static int same_record(const struct mu_record *x, const struct mu_record *y)
{
	json_t *a = record_encode(x), *b = record_encode(y);
	int same = json_equal(a, b);

	json_decref(a);
	json_decref(b);
	return same;
}

/* The contact is a person the workspace knows, and says nothing new of them. */
static void unchanged(struct importer *im, const struct contact *c, size_t slot, const char *why)
{
	im->unchanged++;
	item(im, c, "unchanged", im->people[slot]->id, why);
	remember(im, slot, im->people[slot], c);
}

static int merge_person(struct importer *im, const struct contact *c, size_t slot,
			const char *why, mu_id *id, struct mu_error *err)
{
	struct mu_record *old = im->people[slot], *r;
	json_t *obj = record_encode(old);
	int changed, rc;

	*id = old->id;
	changed = take_contact(im, obj, c);
	if ((rc = set_organisation(im, obj, c, err)) < 0)
		goto out;
	if (!(changed += rc)) {
		unchanged(im, c, slot, why);
		goto out;
	}
	if ((rc = decode_person(im, obj, RD_ID_ALLOWED, &r, err)) != 0) {
		if (rc == 1)	/* the stored name is valid: this cannot be the import's doing */
			rc = MU_EINVAL;
		goto out;
	}
	r->id = old->id;
	if (same_record(old, r)) {	/* what it would add, the model refused */
		unchanged(im, c, slot, why);
		goto out;
	}
	if ((rc = store_record_update(im->app->st, im->app->ws, r, im->app->now, err)) < 0 ||
	    (rc = app_audit(im->app, "update", "person", r->id, "import", err)) < 0)
		goto out;
	remember(im, slot, r, c);
	im->merged++;
	item(im, c, "merged", r->id, why);
out:
	json_decref(obj);
	return rc;
}

/* LinkedIn: a tie from me to the connection, dated by Connected On. */
static int tie_to(struct importer *im, mu_id other, const char *since, struct mu_error *err)
{
	const struct entity_def *te = model_entity(ENT_TIE);
	mu_id lo = im->me < other ? im->me : other, hi = im->me ^ lo ^ other;
	char key[48];
	struct mu_record *r;
	json_t *obj;
	long *at;
	int rc;

	if (!im->me || other == im->me)
		return 0;
	snprintf(key, sizeof(key), "%lld-%lld", (long long)lo, (long long)hi);
	if ((at = strmap_get(im->ties, key))) {
		struct mu_record *t = im->tie_recs[*at];
		int i = model_field_index(te, "since");
		if (!since || t->v[i].set)
			return 0;
		t->v[i].set = 1;
		t->v[i].s = mu_strdup(im->a, since);
		im->ties_dated++;
		if ((rc = store_record_update(im->app->st, im->app->ws, t, im->app->now, err)) < 0)
			return rc;
		return app_audit(im->app, "update", te->name, t->id, "import", err);
	}
	obj = json_pack("{s:o, s:o, s:s, s:s}", "a", record_id_json(im->me), "b",
			record_id_json(other), "how_met", "LinkedIn", "tier", "wide");
	if (since)
		json_object_set_new(obj, "since", json_string(since));
	rc = record_decode(im->a, te, obj, RD_CREATE, app_resolve_existing, im->app, &r, err);
	json_decref(obj);
	if (rc < 0 || (rc = store_record_insert(im->app->st, im->app->ws, r, im->app->now,
						err)) < 0 ||
	    (rc = app_audit(im->app, "create", te->name, r->id, "import", err)) < 0)
		return rc;
	im->ties_added++;
	return 0;
}

static void remember_tie(struct importer *im, struct mu_record *t)
{
	int a = model_field_index(t->ent, "a"), b = model_field_index(t->ent, "b");
	mu_id lo = t->v[a].i < t->v[b].i ? t->v[a].i : t->v[b].i;
	mu_id hi = t->v[a].i ^ t->v[b].i ^ lo;
	char key[48];

	im->tie_recs = mu_grow(im->a, im->tie_recs, im->n_ties, &im->cap_ties,
			       sizeof(*im->tie_recs));
	snprintf(key, sizeof(key), "%lld-%lld", (long long)lo, (long long)hi);
	im->tie_recs[im->n_ties] = t;
	strmap_put(im->ties, key, (long)im->n_ties++, NULL);
}

static int import_one(struct importer *im, const struct contact *c, struct mu_error *err)
{
	struct dedupe_keys k = keys_of(c);
	char why[400];
	mu_id id = 0;
	long slot;
	int rc;

	if (!c->full_name) {
		skip(im, c, c->organisation ? "an organisation, not a person" : "no name");
		return 0;
	}
	slot = dedupe_find(im->dd, &k, why, sizeof(why));
	rc = slot >= 0 ? merge_person(im, c, (size_t)slot, why, &id, err) :
			 add_person(im, c, &id, err);
	if (rc == 0 && id && im->me)
		rc = tie_to(im, id, c->since, err);
	if (rc < 0)
		mu_error_prefix(err, mu_printf(im->a, "line %u", c->line));
	return rc;
}

/* ---- the indexes of what the workspace holds ---- */

/* The default country code for numbers written without one: the workspace's currency
 * says where it is; a currency of several countries (EUR) gives none
 * (docs/decisions/0005-interchange.md). */
static int country_code(const struct workspace *w)
{
	static const struct { const char *currency, *iso; } where[] = {
		{ "SEK", "SE" }, { "DKK", "DK" }, { "NOK", "NO" }, { "ISK", "IS" },
		{ "GBP", "GB" }, { "CHF", "CH" }, { "PLN", "PL" }, { "USD", "US" },
	};
	for (size_t i = 0; w->currency && i < sizeof(where) / sizeof(where[0]); i++)
		if (!strcmp(w->currency, where[i].currency))
			return phone_country_code(where[i].iso);
	return 0;
}

/* The records of kind the actor may see, in id order (in a). */
static int load_visible(struct app *app, struct mu_arena *a, enum entity_kind kind,
			struct mu_record **out, size_t *n, struct mu_error *err)
{
	int rc = store_record_list(app->st, a, app->ws, model_entity(kind), 0, 0, out, n, err);

	if (rc == 0)
		privacy_filter(app->priv, a, *out, n);
	return rc;
}

static int load_indexes(struct importer *im, struct mu_error *err)
{
	struct mu_record *orgs, *persons, *ties = NULL;
	size_t no, np, nt = 0;
	int rc;

	/* the ties only when the file's rows become ties (LinkedIn with me) */
	if ((rc = load_visible(im->app, im->a, ENT_ORGANISATION, &orgs, &no, err)) < 0 ||
	    (rc = load_visible(im->app, im->a, ENT_PERSON, &persons, &np, err)) < 0 ||
	    (im->me && (rc = load_visible(im->app, im->a, ENT_TIE, &ties, &nt, err)) < 0))
		return rc;
	for (size_t i = 0; i < no; i++) {
		const char *name = field_text(&orgs[i], "name");
		char *key = text_key(name, mu_alloc(im->a, 2 * strlen(name) + 1));
		if (*key)
			strmap_put(im->orgs, key, orgs[i].id, NULL);
	}
	for (size_t i = 0; i < nt; i++)
		remember_tie(im, &ties[i]);
	for (size_t i = 0; i < np; i++) {
		struct contact c = {
			.full_name = field_text(&persons[i], "full_name"),
			.emails = list_of(im->a, &persons[i], "emails"),
			.phones = list_of(im->a, &persons[i], "phones"),
			.urls = list_of(im->a, &persons[i], "urls"),
		};
		int oi = model_field_index(im->pe, "organisation_id");
		if (persons[i].v[oi].set)
			c.organisation = org_name(orgs, no, persons[i].v[oi].i);
		remember(im, im->n, &persons[i], &c);
	}
	return 0;
}

/* ---- import ---- */

static int read_contacts(struct mu_arena *a, const char *kind, const char *data, size_t len,
			 struct contact_file *f, size_t *k, struct mu_error *err)
{
	for (*k = 0; *k < sizeof(kinds) / sizeof(kinds[0]); (*k)++)
		if (!strcmp(kinds[*k].name, kind))
			break;
	if (*k == sizeof(kinds) / sizeof(kinds[0]))
		return mu_fail(err, MU_EUSAGE, "", "'%s' is not a kind of contacts file (vcard,"
			       " linkedin, google)", kind);
	if (kinds[*k].kind == CONTACT_VCARD)
		return vcard_read(a, data, len, f, err);
	return contacts_csv_read(a, data, len, kinds[*k].kind, f, err);
}

static int resolve_me(struct app *app, struct mu_arena *a, const struct contacts_import *o,
		      mu_id *me, struct mu_error *err)
{
	*me = 0;
	if (o->me)
		return app_resolve(app, a, model_entity(ENT_PERSON), o->me, me, err);
	if (strcmp(o->kind, "linkedin") || app->who.operator)
		return 0;
	return store_person_of_account(app->st, app->ws, app->who.account, me, err);
}

static json_t *report_of(struct importer *im, const struct contact_file *f)
{
	json_t *r = json_pack("{s:s, s:s, s:b, s:I, s:I, s:I, s:I, s:I, s:o, s:o, s:I, s:I, s:I}",
			      "kind", im->o->kind, "encoding", f->encoding, "dry_run",
			      im->o->dry_run, "contacts", (json_int_t)f->n,
			      "added", (json_int_t)im->added, "merged", (json_int_t)im->merged,
			      "unchanged", (json_int_t)im->unchanged,
			      "skipped", (json_int_t)im->n_skipped,
			      "skipped_because", json_incref(im->skipped),
			      "dropped_values", json_incref(im->dropped),
			      "organisations_added", (json_int_t)im->orgs_added,
			      "ties_added", (json_int_t)im->ties_added,
			      "ties_dated", (json_int_t)im->ties_dated);
	json_t *notes = json_array();

	if (!strcmp(f->encoding, "Windows-1252"))
		json_array_append_new(notes, json_string("the file is not UTF-8; it was read as"
							 " Windows-1252"));
	if (f->kind == CONTACT_LINKEDIN && !im->me)
		json_array_append_new(notes, json_string("no ties were made: say whose"
							 " connections these are with --me PERSON,"
							 " or link your account to your person"));
	json_object_set_new(r, "notes", notes);
	if (im->items)
		json_object_set(r, "items", im->items);
	return r;
}

static int run_import(struct importer *im, const struct contact_file *f, struct mu_error *err)
{
	int rc = load_indexes(im, err);

	for (size_t i = 0; rc == 0 && i < f->n; i++) {
		rc = import_one(im, &f->items[i], err);
		if (im->o->progress && (i + 1 == f->n || (i + 1) % PROGRESS_EVERY == 0))
			im->o->progress(im->o->progress_ctx, i + 1, f->n);
	}
	return rc;
}

int app_import_contacts(struct app *app, const char *data, size_t len,
			const struct contacts_import *o, json_t **report, struct mu_error *err)
{
	struct mu_arena a;
	struct contact_file f = { 0 };
	struct importer im = { .app = app, .a = &a, .o = o, .pe = model_entity(ENT_PERSON) };
	char date[MU_TIME_LEN];
	size_t k;
	int rc;

	*report = NULL;
	if ((rc = app_need_workspace(app, err)) < 0 || (rc = app_need_role(app, ROLE_MEMBER, err)) < 0)
		return rc;
	mu_arena_init(&a);
	if ((rc = read_contacts(&a, o->kind, data, len, &f, &k, err)) < 0 ||
	    (rc = resolve_me(app, &a, o, &im.me, err)) < 0 ||
	    (rc = app_begin(app, STORE_WRITE, &a, err)) < 0)
		goto out;
	mu_time_format(app->now, date);
	date[10] = '\0';
	im.source = mu_printf(&a, "%s %s", kinds[k].source, date);
	im.dd = dedupe_new(country_code(&app->wsinfo));
	im.orgs = strmap_new();
	im.ties = strmap_new();
	im.skipped = json_object();
	im.dropped = json_object();
	im.items = o->dry_run || o->with_items ? json_array() : NULL;
	rc = run_import(&im, &f, err);
	if (rc == 0)
		rc = app_audit(app, "import", kinds[k].name, 0, mu_printf(&a, "%zu contacts", f.n),
			       err);
	if (rc == 0)
		*report = report_of(&im, &f);
	/* a dry run ends as a failure would: nothing stays */
	rc = app_end(app, rc == 0 && o->dry_run ? MU_ECONFLICT : rc, err);
	if (rc == MU_ECONFLICT && *report)
		rc = 0;
	dedupe_free(im.dd);
	strmap_free(im.orgs);
	strmap_free(im.ties);
	json_decref(im.skipped);
	json_decref(im.dropped);
	json_decref(im.items);
out:
	if (rc < 0) {
		json_decref(*report);
		*report = NULL;
	}
	mu_arena_release(&a);
	return rc;
}

/* ---- export ---- */

/* A person as a contact: the name split at its last space for programs that want
 * given and family names (Outlook, Google). */
static void contact_of(struct mu_arena *a, const struct mu_record *p,
		       const struct mu_record *orgs, size_t no, struct contact *c)
{
	const char *sp;
	int oi = model_field_index(p->ent, "organisation_id");

	memset(c, 0, sizeof(*c));
	c->full_name = field_text(p, "full_name");
	if (c->full_name && (sp = strrchr(c->full_name, ' ')) && sp > c->full_name && sp[1]) {
		c->given = mu_strndup(a, c->full_name, (size_t)(sp - c->full_name));
		c->family = sp + 1;
	}
	c->title = field_text(p, "title");
	c->note = field_text(p, "note");
	c->birthday = field_text(p, "birthday");
	c->city = field_text(p, "city");
	c->emails = list_of(a, p, "emails");
	c->phones = list_of(a, p, "phones");
	c->urls = list_of(a, p, "urls");
	c->tags = list_of(a, p, "tags");
	if (p->v[oi].set)
		c->organisation = org_name(orgs, no, p->v[oi].i);
}

int app_export_contacts(struct app *app, const char *format, struct mu_buf *out,
			struct mu_error *err)
{
	struct mu_record *orgs, *persons;
	struct contact *cs = NULL;
	struct mu_arena a;
	size_t no, np;
	int rc;

	if (strcmp(format, "vcard") && strcmp(format, "csv"))
		return mu_fail(err, MU_EUSAGE, "", "'%s' is not a contacts format (vcard, csv)",
			       format);
	if ((rc = app_need_workspace(app, err)) < 0)
		return rc;
	mu_arena_init(&a);
	if ((rc = app_begin(app, STORE_READ, &a, err)) < 0)
		goto out;
	if ((rc = load_visible(app, &a, ENT_ORGANISATION, &orgs, &no, err)) == 0 &&
	    (rc = load_visible(app, &a, ENT_PERSON, &persons, &np, err)) == 0) {
		cs = mu_alloc_array(&a, np + 1, sizeof(*cs));
		for (size_t i = 0; i < np; i++)
			contact_of(&a, &persons[i], orgs, no, &cs[i]);
	}
	if ((rc = app_end(app, rc, err)) < 0)
		goto out;
	if (!strcmp(format, "csv")) {
		rc = contacts_csv_write_google(out, cs, np);
	} else {
		for (size_t i = 0; rc == 0 && i < np; i++)
			rc = vcard_write(out, &cs[i], mu_printf(&a, "urn:mutua:%lld:person:%lld",
							       (long long)app->ws,
							       (long long)persons[i].id));
	}
	if (rc < 0)
		rc = mu_fail(err, rc, "", "the contacts do not fit in the output's limit");
	else
		rc = app_audit_read(app, "export", format, 0, mu_printf(&a, "%zu persons", np), err);
out:
	mu_arena_release(&a);
	return rc;
}
