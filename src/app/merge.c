/*
 * merge.c - `person merge KEEP GONE`: two records of one human become one (see
 * interchange.h).
 *
 * Every record that names GONE is rewritten to name KEEP, as JSON through the model, so
 * that the store's indexes of references follow. What would then join KEEP to itself (a
 * tie between the two, an exchange one gave the other) is deleted: it described the
 * duplicate, not a relation. A tie KEEP already has with the same person is kept and
 * takes the moved tie's missing fields. Lists that would name KEEP twice (attendance,
 * competitors) keep the first entry. Records the actor may not see are rewritten as
 * well (the reference must not dangle), but the report counts only what the actor sees.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/interchange.h"
#include "app/access.h"
#include "app/internal.h"
#include "app/privacy.h"
#include "core/strmap.h"
#include "io/record.h"
#include "core/banned.h"

size_t app_person_refs(const struct field_def *f, json_t *j, mu_id id, mu_id to)
{
	size_t n = 0, i;
	json_t *v;
	mu_id x;

	if (f->type == FT_REF) {
		if (f->ref != ENT_PERSON || !json_is_string(j) ||
		    !record_is_store_id(json_string_value(j), &x) || x != id)
			return 0;
		if (to) {
			char text[24];
			snprintf(text, sizeof(text), "%lld", (long long)to);
			json_string_set(j, text);
		}
		return 1;
	}
	if (f->type == FT_LIST) {
		json_array_foreach(j, i, v)
			n += app_person_refs(&f->sub[0], v, id, to);
	} else if (f->type == FT_OBJECT) {
		for (const struct field_def *s = f->sub; s->name; s++)
			if ((v = json_object_get(j, s->name)))
				n += app_person_refs(s, v, id, to);
	}
	return n;
}

/* Drop later entries of a list that name the same person as an earlier one: the whole
 * entry for a reference list, the entry's first person member for a list of objects. */
static void drop_repeats(const struct field_def *f, json_t *arr)
{
	const struct field_def *el = &f->sub[0];
	const char *member = NULL;

	if (el->type == FT_OBJECT)
		for (const struct field_def *s = el->sub; s->name && !member; s++)
			if (s->type == FT_REF && s->ref == ENT_PERSON)
				member = s->name;
	if (el->type != FT_REF && !member)
		return;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *a = json_array_get(arr, i);
		a = member ? json_object_get(a, member) : a;
		for (size_t k = i + 1; a && k < json_array_size(arr);) {
			json_t *b = json_array_get(arr, k);
			b = member ? json_object_get(b, member) : b;
			if (b && json_equal(a, b))
				json_array_remove(arr, k);
			else
				k++;
		}
	}
}

struct merger {
	struct app *app;
	struct mu_arena *a;
	mu_id keep, gone;
	struct strmap *pairs;	/* ties of keep: "other" -> tie id */
	json_t *moved, *removed;	/* entity plural -> count (visible ones) */
};

static void tally(struct merger *m, json_t *o, const struct mu_record *r)
{
	json_t *v;

	if (!privacy_visible(m->app->priv, r))
		return;
	v = json_object_get(o, r->ent->plural);
	json_object_set_new(o, r->ent->plural, json_integer(v ? json_integer_value(v) + 1 : 1));
}

static int distinct_broken(const struct mu_record *r, json_t *j)
{
	const char *const *d = r->ent->distinct;
	json_t *x, *y;

	if (!d[0])
		return 0;
	x = json_object_get(j, d[0]);
	y = json_object_get(j, d[1]);
	return x && y && json_is_string(x) && json_equal(x, y);
}

static mu_id other_side(const struct mu_record *tie, mu_id me)
{
	int a = model_field_index(tie->ent, "a"), b = model_field_index(tie->ent, "b");
	return tie->v[a].i == me ? tie->v[b].i : tie->v[a].i;
}

/* A moved tie keep already has: the kept one takes its missing fields, it goes. */
static int fold_tie(struct merger *m, mu_id kept_id, struct mu_record *moved,
		    struct mu_error *err)
{
	const struct entity_def *te = moved->ent;
	struct mu_record *kept;
	int rc, changed = 0;

	if ((rc = store_record_get(m->app->st, m->a, m->app->ws, te, kept_id, &kept, err)) < 0)
		return rc;
	for (size_t i = 0; i < te->nfields; i++) {
		const char *name = te->fields[i].name;
		if (kept->v[i].set || !moved->v[i].set || !strcmp(name, "a") || !strcmp(name, "b") ||
		    !strncmp(name, "liking_", 7))	/* a liking is its side's own */
			continue;
		kept->v[i] = moved->v[i];
		changed = 1;
	}
	if (changed && (rc = store_record_update(m->app->st, m->app->ws, kept, m->app->now,
						 err)) < 0)
		return rc;
	tally(m, m->removed, moved);
	return store_record_delete(m->app->st, m->app->ws, te, moved->id, err);
}

static int move_record(struct merger *m, struct mu_record *r, struct mu_error *err)
{
	const struct entity_def *e = r->ent;
	json_t *j = record_encode(r);
	struct mu_record *out;
	size_t n = 0;
	int rc;

	for (size_t i = 0; i < e->nfields; i++) {
		const struct field_def *f = &e->fields[i];
		json_t *v = json_object_get(j, f->name);
		size_t k;
		if (!v || !model_field_holds_persons(f) || !(k = app_person_refs(f, v, m->gone, m->keep)))
			continue;
		n += k;
		if (f->type == FT_LIST)
			drop_repeats(f, v);
	}
	if (!n) {
		json_decref(j);
		return 0;
	}
	if (distinct_broken(r, j)) {
		json_decref(j);
		tally(m, m->removed, r);
		return store_record_delete(m->app->st, m->app->ws, e, r->id, err);
	}
	if (e->kind == ENT_TIE) {
		char key[24];
		long *kept;
		snprintf(key, sizeof(key), "%lld", (long long)other_side(r, m->gone));
		if ((kept = strmap_get(m->pairs, key))) {
			json_decref(j);
			return fold_tie(m, *kept, r, err);
		}
	}
	rc = record_decode(m->a, e, j, RD_ID_ALLOWED, app_resolve_existing, m->app, &out, err);
	json_decref(j);
	if (rc < 0)
		return rc;
	out->id = r->id;
	tally(m, m->moved, r);
	if (e->kind == ENT_TIE) {	/* a second tie gone had with the same person folds in */
		char key[24];
		snprintf(key, sizeof(key), "%lld", (long long)other_side(out, m->keep));
		strmap_put(m->pairs, key, out->id, NULL);
	}
	return store_record_update(m->app->st, m->app->ws, out, m->app->now, err);
}

/* gone's profile becomes keep's if keep has none; else it goes with gone. */
static int move_profile(struct merger *m, struct mu_error *err)
{
	const struct entity_def *pe = model_entity(ENT_PROFILE);
	struct mu_record *r, *out;
	json_t *j;
	int rc = store_record_get(m->app->st, m->a, m->app->ws, pe, m->gone, &r, err);

	if (rc == MU_ENOTFOUND) {
		mu_error_clear(err);
		return 0;
	}
	if (rc < 0 || (rc = store_record_delete(m->app->st, m->app->ws, pe, m->gone, err)) < 0 ||
	    (rc = store_record_exists(m->app->st, m->app->ws, pe, m->keep, err)) < 0)
		return rc;
	if (rc == 1) {
		tally(m, m->removed, r);
		return 0;
	}
	j = record_encode(r);
	json_object_set_new(j, pe->fields[model_key_index(pe)].name, record_id_json(m->keep));
	rc = record_decode(m->a, pe, j, RD_ID_ALLOWED, app_resolve_existing, m->app, &out, err);
	json_decref(j);
	if (rc < 0)
		return rc;
	tally(m, m->moved, r);
	return store_record_insert(m->app->st, m->app->ws, out, m->app->now, err);
}

static int move_all(struct merger *m, struct mu_error *err)
{
	int rc = move_profile(m, err);

	for (int k = 0; rc == 0 && k < ENT_COUNT; k++) {
		const struct entity_def *e = model_entity((enum entity_kind)k);
		struct mu_record *rs;
		size_t n;
		if (k == ENT_PERSON)
			continue;
		if ((rc = store_record_list(m->app->st, m->a, m->app->ws, e, 0, 0, &rs, &n, err)) < 0)
			break;
		if (k == ENT_TIE)	/* keep's ties first, to fold the moved ones into */
			for (size_t i = 0; i < n; i++) {
				char key[24];
				mu_id o = other_side(&rs[i], m->keep);
				if (o != m->keep && other_side(&rs[i], o) == m->keep) {
					snprintf(key, sizeof(key), "%lld", (long long)o);
					strmap_put(m->pairs, key, rs[i].id, NULL);
				}
			}
		for (size_t i = 0; rc == 0 && i < n; i++)
			rc = move_record(m, &rs[i], err);
	}
	return rc;
}

/* keep takes gone's e-mails, phones, web addresses and tags, and the fields it lacks;
 * an objection of either stands. */
static int merge_fields(struct merger *m, struct mu_record *keep, struct mu_record *gone,
			struct mu_error *err)
{
	const struct entity_def *e = keep->ent;
	json_t *k = record_encode(keep), *g = record_encode(gone);
	struct mu_record *out;
	const char *name;
	json_t *v;
	int rc;

	json_object_foreach(g, name, v) {
		json_t *mine = json_object_get(k, name);
		size_t i;
		json_t *x;
		if (!strcmp(name, "id") || !strcmp(name, "private"))
			continue;
		if (json_is_array(v) && json_is_array(mine)) {
			json_array_foreach(v, i, x) {
				size_t j;
				json_t *y;
				int has = 0;
				json_array_foreach(mine, j, y)
					has |= json_equal(x, y);
				if (!has)
					json_array_append(mine, x);
			}
		} else if (!strcmp(name, "objection") ? json_is_true(v) :
			   (!mine || json_is_null(mine))) {
			json_object_set(k, name, v);
		}
	}
	json_decref(g);
	rc = record_decode(m->a, e, k, RD_ID_ALLOWED, app_resolve_existing, m->app, &out, err);
	json_decref(k);
	if (rc < 0)
		return rc;
	out->id = keep->id;
	return store_record_update(m->app->st, m->app->ws, out, m->app->now, err);
}

/* gone's link to an account moves to keep, unless keep has one. */
static int move_link(struct merger *m, struct mu_error *err)
{
	mu_id keep_acc, gone_acc;
	int rc;

	if ((rc = store_account_of_person(m->app->st, m->app->ws, m->keep, &keep_acc, err)) < 0 ||
	    (rc = store_account_of_person(m->app->st, m->app->ws, m->gone, &gone_acc, err)) < 0)
		return rc;
	if (!gone_acc || keep_acc)
		return 0;
	if ((rc = store_person_link(m->app->st, m->app->ws, m->gone, 0, err)) < 0)
		return rc;
	return store_person_link(m->app->st, m->app->ws, m->keep, gone_acc, err);
}

static int get_person(struct merger *m, mu_id id, struct mu_record **out,
		      struct mu_error *err)
{
	int rc = store_record_get(m->app->st, m->a, m->app->ws, model_entity(ENT_PERSON), id, out,
				  err);

	if (rc == 0 && !privacy_visible(m->app->priv, *out))
		rc = MU_ENOTFOUND;
	if (rc == MU_ENOTFOUND)
		return mu_fail(err, MU_ENOTFOUND, "", "no person %lld in this workspace",
			       (long long)id);
	return rc;
}

int app_person_merge(struct app *app, mu_id keep, mu_id gone, json_t **report,
		     struct mu_error *err)
{
	struct mu_arena a;
	struct merger m = { .app = app, .a = &a, .keep = keep, .gone = gone };
	struct mu_record *k, *g;
	int rc;

	*report = NULL;
	if ((rc = app_need_workspace(app, err)) < 0 || (rc = app_need_role(app, ROLE_MEMBER, err)) < 0)
		return rc;
	if (keep == gone)
		return mu_fail(err, MU_EINVAL, "", "a person cannot be merged with themselves");
	mu_arena_init(&a);
	if ((rc = app_begin(app, STORE_WRITE, &a, err)) < 0)
		goto out;
	m.pairs = strmap_new();
	m.moved = json_object();
	m.removed = json_object();
	if ((rc = get_person(&m, keep, &k, err)) == 0 && (rc = get_person(&m, gone, &g, err)) == 0 &&
	    (rc = move_all(&m, err)) == 0 && (rc = merge_fields(&m, k, g, err)) == 0 &&
	    (rc = move_link(&m, err)) == 0 &&
	    (rc = store_record_delete(app->st, app->ws, model_entity(ENT_PERSON), gone, err)) == 0)
		rc = app_audit(app, "merge", "person", keep, mu_printf(&a, "from person %lld",
								       (long long)gone), err);
	if (rc == 0)
		*report = json_pack("{s:o, s:o, s:O, s:O}", "kept", record_id_json(keep), "merged",
				    record_id_json(gone), "moved", m.moved, "removed", m.removed);
	rc = app_end(app, rc, err);
	strmap_free(m.pairs);
	json_decref(m.moved);
	json_decref(m.removed);
out:
	if (rc < 0) {
		json_decref(*report);
		*report = NULL;
	}
	mu_arena_release(&a);
	return rc;
}
