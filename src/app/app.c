/*
 * app.c - workspaces and records: the use cases under both the CLI and the API.
 *
 * Every function is one transaction: begin, work, store_end() (commit on success,
 * roll back on any error), so nothing is ever half-written. References given by the
 * caller are store ids and are checked to exist in the selected workspace, so a
 * dangling reference is a clear error rather than a constraint failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/access.h"
#include "app/internal.h"
#include "app/privacy.h"
#include "app/subject.h"
#include "core/text.h"
#include "io/record.h"
#include "io/workspace.h"
#include "core/banned.h"

int app_open(const char *db, mu_time now, struct app **out, struct mu_error *err)
{
	struct app *app = calloc(1, sizeof(*app));
	int rc;

	if (!app)
		return mu_fail(err, MU_ENOMEM, "", "out of memory");
	mu_arena_init(&app->wsarena);
	if ((rc = store_open(db, &app->st, err)) < 0) {
		free(app);
		return rc;
	}
	app->now = now;
	app_act_as_operator(app);
	*out = app;
	return 0;
}

void app_close(struct app *app)
{
	if (!app)
		return;
	store_close(app->st);
	mu_arena_release(&app->wsarena);
	free(app);
}

static int pick_workspace(struct app *app, const char *sel, struct workspace *ws, size_t n,
			  struct mu_error *err)
{
	mu_id id = 0;
	size_t i;

	if (!n)
		return mu_fail(err, MU_ENOTFOUND, "--workspace", "there is no workspace yet;"
			       " create one with 'mutua init' or 'mutua demo'");
	if (!sel) {
		char names[400] = "";
		size_t len = 0;
		if (n == 1) {
			app->wsinfo = ws[0];
			return 0;
		}
		for (i = 0; i < n && len < sizeof(names) - 64; i++)
			len += (size_t)snprintf(names + len, sizeof(names) - len, "%s'%s'",
						i ? ", " : "", ws[i].name);
		return mu_fail(err, MU_EUSAGE, "--workspace", "there are %zu workspaces (%s);"
			       " choose one with --workspace or MUTUA_WORKSPACE", n, names);
	}
	record_is_store_id(sel, &id);
	for (i = 0; i < n; i++)
		if (ws[i].id == id || !strcmp(ws[i].name, sel))
			break;
	for (size_t j = 0; i == n && j < n; j++)
		if (text_equal_folded(ws[j].name, sel))
			i = j;
	if (i == n)
		return mu_fail(err, MU_ENOTFOUND, "--workspace", "no workspace '%s'", sel);
	app->wsinfo = ws[i];
	return 0;
}

int app_workspace_select(struct app *app, const char *sel, struct mu_error *err)
{
	struct workspace *ws;
	size_t n;
	int rc;

	mu_arena_release(&app->wsarena);
	app->ws = 0;
	if ((rc = store_begin(app->st, STORE_READ, err)) < 0)
		return rc;
	rc = store_workspace_list(app->st, &app->wsarena, &ws, &n, err);
	if (rc == 0)
		rc = pick_workspace(app, sel, ws, n, err);
	if ((rc = store_end(app->st, rc, err)) < 0)
		return rc;
	app->ws = app->wsinfo.id;
	return 0;
}

int app_workspace_create(struct app *app, json_t *spec, mu_id *id, struct mu_error *err)
{
	struct mu_arena a;
	struct workspace w = { 0 };
	int rc;

	mu_arena_init(&a);
	if ((rc = workspace_decode(&a, spec, &w, err)) < 0)
		goto out;
	if ((rc = store_begin(app->st, STORE_WRITE, err)) < 0)
		goto out;
	rc = store_workspace_add(app->st, &w, app->now, id, err);
	if (rc == 0)
		rc = app_own_new_workspace(app, *id, err);
	rc = store_end(app->st, rc, err);
out:
	mu_arena_release(&a);
	return rc;
}

int app_own_if_private(struct app *app, const struct mu_record *r, struct mu_error *err)
{
	int i = model_field_index(r->ent, "private");

	if (i < 0 || !r->v[i].set || !r->v[i].i || !app->who.account)
		return 0;
	return store_owner_set(app->st, app->ws, r->ent, r->id, app->who.account, err);
}

int app_own_new_workspace(struct app *app, mu_id ws, struct mu_error *err)
{
	if (!app->who.account)
		return 0;
	return store_role_set(app->st, ws, app->who.account, role_name(ROLE_OWNER), app->now, err);
}

static json_t *workspace_json(const struct workspace *w)
{
	json_t *o = json_object(), *body = workspace_encode(w);
	char id[32];

	snprintf(id, sizeof(id), "%lld", (long long)w->id);
	json_object_set_new(o, "id", json_string(id));
	json_object_update(o, body);
	json_decref(body);
	json_object_set_new(o, "created_at", json_string(w->created_at));
	return o;
}

int app_workspace_list(struct app *app, json_t **out, struct mu_error *err)
{
	struct mu_arena a;
	struct workspace *ws;
	size_t n;
	int rc;

	mu_arena_init(&a);
	if ((rc = store_begin(app->st, STORE_READ, err)) < 0)
		goto out;
	rc = store_workspace_list(app->st, &a, &ws, &n, err);
	if ((rc = store_end(app->st, rc, err)) < 0)
		goto out;
	*out = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(*out, workspace_json(&ws[i]));
out:
	mu_arena_release(&a);
	return rc;
}

json_t *app_workspace_json(struct app *app)
{
	return workspace_json(&app->wsinfo);
}

int app_workspace_reload(struct app *app, mu_id ws, struct mu_error *err)
{
	struct workspace w;
	int rc;

	mu_arena_release(&app->wsarena);
	app->ws = 0;
	if ((rc = store_begin(app->st, STORE_READ, err)) < 0)
		return rc;
	rc = store_workspace_get(app->st, &app->wsarena, ws, &w, err);
	if ((rc = store_end(app->st, rc, err)) < 0)
		return rc;
	app->wsinfo = w;
	app->ws = ws;
	return 0;
}

/* Apply patch to target as a JSON merge patch (RFC 7396): members one by one, objects
 * into objects, null removes (so the setting takes its default again), anything else
 * replaces, arrays whole. */
static void merge_patch(json_t *target, json_t *patch)
{
	const char *key;
	json_t *v;

	json_object_foreach(patch, key, v) {
		json_t *cur = json_object_get(target, key);
		if (json_is_null(v)) {
			json_object_del(target, key);
		} else if (json_is_object(v)) {
			if (!json_is_object(cur)) {
				cur = json_object();
				json_object_set_new(target, key, cur);
			}
			merge_patch(cur, v);
		} else {
			json_object_set(target, key, v);
		}
	}
}

/* "fit_weights, scorecard": the settings a patch names, for the audit trail. */
static const char *patched_keys(struct mu_arena *a, json_t *patch)
{
	const char *key, *list = "";
	json_t *v;

	json_object_foreach(patch, key, v)
		list = mu_printf(a, "%s%s%.40s", list, *list ? ", " : "", key);
	return list;
}

int app_workspace_settings(struct app *app, json_t *patch, struct mu_error *err)
{
	struct workspace old, w = { 0 };
	struct mu_arena a;
	json_t *settings = NULL, *spec = NULL;
	int rc;

	if (!json_is_object(patch))
		return mu_fail(err, MU_EINVAL, "settings", "must be an object");
	if ((rc = app_need_workspace(app, err)) < 0 || (rc = app_need_role(app, ROLE_ADMIN, err)) < 0)
		return rc;
	mu_arena_init(&a);
	if ((rc = store_begin(app->st, STORE_WRITE, err)) < 0)
		goto out;
	/* the stored settings, not the ones read when the request began: another change
	 * may have come in between, and a patch changes only what it names */
	if ((rc = store_workspace_get(app->st, &a, app->ws, &old, err)) < 0)
		goto end;
	settings = json_loads(old.settings ? old.settings : "{}", 0, NULL);
	if (!json_is_object(settings)) {
		json_decref(settings);
		settings = json_object();
	}
	merge_patch(settings, patch);
	spec = workspace_encode(&old);
	json_object_set(spec, "settings", settings);
	/* checked whole, as on import: an unknown key, a wrong type or a value out of range
	 * fails with its path (settings.fit_weights[2]) and nothing is written */
	if ((rc = workspace_decode(&a, spec, &w, err)) < 0)
		goto end;
	w.id = old.id;
	if (!strcmp(w.settings, old.settings ? old.settings : ""))
		goto end;	/* nothing changes: no write, no revision, nothing to audit */
	if ((rc = store_workspace_update(app->st, &w, app->now, err)) < 0)
		goto end;
	rc = app_audit(app, "update", "workspace", app->ws,
		       mu_printf(&a, "settings: %s", patched_keys(&a, patch)), err);
end:
	rc = store_end(app->st, rc, err);
	if (rc == 0)
		rc = app_workspace_reload(app, app->ws, err);
out:
	json_decref(spec);
	json_decref(settings);
	mu_arena_release(&a);
	return rc;
}

int app_begin(struct app *app, enum store_mode mode, struct mu_arena *a, struct mu_error *err)
{
	int rc;

	if ((rc = store_begin(app->st, mode, err)) < 0)
		return rc;
	if ((rc = privacy_load(app, a, &app->priv, err)) < 0)
		return app_end(app, rc, err);
	return 0;
}

int app_end(struct app *app, int rc, struct mu_error *err)
{
	app->priv = NULL;
	return store_end(app->st, rc, err);
}

int app_need_workspace(struct app *app, struct mu_error *err)
{
	if (!app->ws)
		return mu_fail(err, MU_EUSAGE, "--workspace", "no workspace selected");
	return 0;
}

int app_resolve_existing(void *ctx, enum entity_kind kind, const char *text, mu_id *id,
			    struct mu_error *err)
{
	struct app *app = ctx;
	const struct entity_def *e = model_entity(kind);
	int rc;

	if (!record_is_store_id(text, id))
		return mu_fail(err, MU_EINVAL, "", "'%s' is not a %s id", text, e->name);
	if ((rc = store_record_exists(app->st, app->ws, e, *id, err)) < 0)
		return rc;
	if (!rc || privacy_hides(app->priv, kind, *id))
		return mu_fail(err, MU_EINVAL, "", "no %s %s in this workspace", e->name, text);
	return 0;
}

static int not_found(const struct entity_def *e, mu_id id, struct mu_error *err)
{
	return mu_fail(err, MU_ENOTFOUND, "", "no %s %lld in this workspace", e->name,
		       (long long)id);
}

/* A record as the actor may see it: MU_ENOTFOUND if they may not see it at all. */
static int get_visible(struct app *app, struct mu_arena *a, const struct entity_def *e,
		       mu_id id, struct mu_record **out, struct mu_error *err)
{
	int rc = store_record_get(app->st, a, app->ws, e, id, out, err);

	if (rc == 0 && !privacy_apply(app->priv, a, *out))
		return not_found(e, id, err);
	return rc;
}

static int bool_of(const struct mu_record *r, const char *name)
{
	int i = model_field_index(r->ent, name);
	return i >= 0 && r->v[i].set && r->v[i].i;
}

/* A private record belongs to the account that made it private. Making a shared
 * record private takes it from the others, so only an admin may (docs/privacy.md). */
static int take_ownership(struct app *app, const struct mu_record *old,
			  const struct mu_record *r, struct mu_error *err)
{
	if (!bool_of(r, "private") || (old && bool_of(old, "private")))
		return 0;
	if (old && !app->who.operator && app->who.role < ROLE_ADMIN)
		return mu_fail(err, MU_EFORBIDDEN, "private", "only an admin may make a shared"
			       " record private");
	/* the operator's private records belong to no account: only the operator sees them */
	return app_own_if_private(app, r, err);
}

/* A liking or a one-to-one note is its side's own: only that side's account (or the
 * operator) may set or change it. */
static int sided_writes_ok(struct app *app, const struct mu_record *old,
			   const struct mu_record *r, struct mu_error *err)
{
	static const struct { enum entity_kind kind; const char *side, *field; } sided[] = {
		{ ENT_TIE, "a", "liking_a" }, { ENT_TIE, "b", "liking_b" },
		{ ENT_ONE_TO_ONE, "a", "notes_a" }, { ENT_ONE_TO_ONE, "b", "notes_b" },
	};
	mu_id me = 0;
	int rc;

	if (app->who.operator)
		return 0;
	for (size_t k = 0; k < sizeof(sided) / sizeof(sided[0]); k++) {
		int i = model_field_index(r->ent, sided[k].field), s;
		if (sided[k].kind != r->ent->kind || i < 0 || !r->v[i].set)
			continue;
		if (old && old->v[i].set && old->v[i].i == r->v[i].i &&
		    (!old->v[i].s || (r->v[i].s && !strcmp(old->v[i].s, r->v[i].s))))
			continue;	/* unchanged */
		if (!me && (rc = store_person_of_account(app->st, app->ws, app->who.account, &me,
							 err)) < 0)
			return rc;
		s = model_field_index(r->ent, sided[k].side);
		if (!me || r->v[s].i != me)
			return mu_fail(err, MU_EFORBIDDEN, sided[k].field, "is %s's own; only the"
				       " account of that person may set it", sided[k].side);
	}
	return 0;
}

/* Attendance is taken at a meeting, so a meeting still to come has none. */
static int attendance_after_the_fact(const struct app *app, const struct mu_record *r,
				     struct mu_error *err)
{
	mu_time t;
	if (r->ent->kind != ENT_MEETING)
		return 0;
	const struct mu_value *at = &r->v[model_field_index(r->ent, "at")];
	const struct mu_value *att = &r->v[model_field_index(r->ent, "attendance")];
	if (!at->set || !att->set || !strcmp(att->s, "[]") || mu_time_parse(at->s, &t) ||
	    t <= app->now)
		return 0;
	return mu_fail(err, MU_EINVAL, "attendance", "the meeting at %s has not happened yet;"
		       " record its attendance afterwards", at->s);
}

/* "When" defaults to now: recording an exchange, a one-to-one or a takeaway as it
 * happens is the common case, on every face. */
static void at_defaults_to_now(const struct app *app, const struct entity_def *e, json_t *obj)
{
	const struct field_def *at = model_field(e, "at");
	char ts[MU_TIME_LEN];

	if (at && at->type == FT_TIME && json_is_object(obj) && !json_object_get(obj, "at")) {
		mu_time_format(app->now, ts);
		json_object_set_new(obj, "at", json_string(ts));
	}
}

int app_record_add(struct app *app, struct mu_arena *a, const struct entity_def *e,
		   json_t *obj, struct mu_record **out, struct mu_error *err)
{
	int rc;

	if ((rc = app_need_workspace(app, err)) < 0 || (rc = app_need_role(app, ROLE_MEMBER, err)) < 0 ||
	    (rc = app_begin(app, STORE_WRITE, a, err)) < 0)
		return rc;
	if (e->kind == ENT_REFERRAL && json_is_object(obj) && !json_object_get(obj, "history"))
		app_referral_start(app, obj);
	at_defaults_to_now(app, e, obj);
	rc = record_decode(a, e, obj, RD_CREATE, app_resolve_existing, app, out, err);
	if (rc == 0 && model_key_index(e) >= 0) {
		int exists = store_record_exists(app->st, app->ws, e, (*out)->v[model_key_index(e)].i,
						 err);
		if (exists > 0)
			rc = mu_fail(err, MU_ECONFLICT, e->fields[model_key_index(e)].name,
				     "this person has a %s already; edit it instead", e->name);
		else if (exists < 0)
			rc = exists;
	}
	if (rc == 0)
		rc = attendance_after_the_fact(app, *out, err);
	if (rc == 0 && e->kind == ENT_PERSON)	/* erased (Art. 17): only back with consent */
		rc = app_subject_admit(app, *out, err);
	if (rc == 0)
		rc = sided_writes_ok(app, NULL, *out, err);
	if (rc == 0)
		rc = store_record_insert(app->st, app->ws, *out, app->now, err);
	if (rc == 0)
		rc = take_ownership(app, NULL, *out, err);
	if (rc == 0)
		rc = app_audit(app, "create", e->name, (*out)->id, NULL, err);
	return app_end(app, rc, err);
}

/* The record as JSON with patch applied; a key field may not change. */
static int merged(const struct mu_record *old, json_t *patch, json_t **out,
		  struct mu_error *err)
{
	const struct entity_def *e = old->ent;
	int key = model_key_index(e);
	const char *name;
	json_t *v, *j;

	if (!json_is_object(patch))
		return mu_fail(err, MU_EINVAL, "", "must be a JSON object");
	j = record_encode(old);
	json_object_foreach(patch, name, v) {
		if (!strcmp(name, "id") || (key >= 0 && !strcmp(name, e->fields[key].name))) {
			json_t *cur = json_object_get(j, name);
			if (!json_equal(cur, v)) {
				json_decref(j);
				return mu_fail(err, MU_EINVAL, name, "cannot be changed");
			}
			continue;
		}
		if (model_field_index(e, name) < 0) {
			json_decref(j);
			return mu_fail(err, MU_EINVAL, name, "unknown field");
		}
		json_object_set(j, name, v);
	}
	*out = j;
	return 0;
}

int app_record_edit(struct app *app, struct mu_arena *a, const struct entity_def *e, mu_id id,
		    json_t *patch, struct mu_record **out, struct mu_error *err)
{
	struct mu_record *old;
	json_t *j = NULL;
	int rc;

	if ((rc = app_need_workspace(app, err)) < 0 || (rc = app_need_role(app, ROLE_MEMBER, err)) < 0 ||
	    (rc = app_begin(app, STORE_WRITE, a, err)) < 0)
		return rc;
	/* the patch applies to the stored record: fields the actor may not see stay */
	if ((rc = store_record_get(app->st, a, app->ws, e, id, &old, err)) < 0)
		goto out;
	if (!privacy_visible(app->priv, old)) {
		rc = not_found(e, id, err);
		goto out;
	}
	if ((rc = merged(old, patch, &j, err)) < 0)
		goto out;
	if ((rc = record_decode(a, e, j, RD_ID_ALLOWED, app_resolve_existing, app, out, err)) < 0)
		goto out;
	(*out)->id = id;
	if ((rc = model_check(*out, 1, err)) < 0 ||
	    (rc = attendance_after_the_fact(app, *out, err)) < 0 ||
	    (rc = sided_writes_ok(app, old, *out, err)) < 0)
		goto out;
	if ((rc = store_record_update(app->st, app->ws, *out, app->now, err)) < 0 ||
	    (rc = take_ownership(app, old, *out, err)) < 0 ||
	    (rc = app_audit(app, "update", e->name, id, NULL, err)) < 0)
		goto out;
	privacy_apply(app->priv, a, *out);
out:
	json_decref(j);
	return app_end(app, rc, err);
}

int app_record_get(struct app *app, struct mu_arena *a, const struct entity_def *e, mu_id id,
		   struct mu_record **out, struct mu_error *err)
{
	int rc;

	if ((rc = app_need_workspace(app, err)) < 0 ||
	    (rc = app_begin(app, STORE_READ, a, err)) < 0)
		return rc;
	rc = get_visible(app, a, e, id, out, err);
	if ((rc = app_end(app, rc, err)) < 0)
		return rc;
	return app_audit_read(app, "read", e->name, id, NULL, err);
}

/* Up to limit visible records after id after: pages of the store are read until the
 * page is full or the records end, so hidden records never shorten a page. */
static int list_visible(struct app *app, struct mu_arena *a, const struct entity_def *e,
			mu_id after, size_t limit, struct mu_record **out, size_t *n,
			struct mu_error *err)
{
	struct mu_record *page, *all = NULL;
	size_t got, cap = 0;
	int rc;

	if (!app->priv)
		return store_record_list(app->st, a, app->ws, e, after, limit, out, n, err);
	*n = 0;
	do {
		size_t want = limit ? limit - *n : 0;
		if ((rc = store_record_list(app->st, a, app->ws, e, after, want, &page, &got,
					    err)) < 0)
			return rc;
		if (got)
			after = page[got - 1].id;
		if (want && got < want)
			limit = *n + got;	/* the store has no more: this is the last page */
		privacy_filter(app->priv, a, page, &got);
		if (*n + got > cap) {
			struct mu_record *more;
			cap = (*n + got) * 2;
			more = mu_alloc_array(a, cap, sizeof(*more));
			if (*n)
				memcpy(more, all, *n * sizeof(*more));
			all = more;
		}
		if (got)
			memcpy(all + *n, page, got * sizeof(*page));
		*n += got;
	} while (limit && *n < limit);
	*out = all ? all : mu_alloc_array(a, 1, sizeof(**out));
	return 0;
}

int app_record_list(struct app *app, struct mu_arena *a, const struct entity_def *e,
		    mu_id after, size_t limit, struct mu_record **out, size_t *n,
		    struct mu_error *err)
{
	int rc;

	char detail[64];

	if ((rc = app_need_workspace(app, err)) < 0 ||
	    (rc = app_begin(app, STORE_READ, a, err)) < 0)
		return rc;
	rc = list_visible(app, a, e, after, limit, out, n, err);
	if ((rc = app_end(app, rc, err)) < 0)
		return rc;
	snprintf(detail, sizeof(detail), "%zu after %lld", *n, (long long)after);
	return app_audit_read(app, "list", e->name, 0, detail, err);
}

int app_record_rm(struct app *app, const struct entity_def *e, mu_id id, struct mu_error *err)
{
	int rc;

	struct mu_record *r;
	struct mu_arena a;

	if ((rc = app_need_workspace(app, err)) < 0 || (rc = app_need_role(app, ROLE_MEMBER, err)) < 0)
		return rc;
	mu_arena_init(&a);
	if ((rc = app_begin(app, STORE_WRITE, &a, err)) < 0)
		goto out;
	rc = get_visible(app, &a, e, id, &r, err);
	if (rc == 0)
		rc = store_record_delete(app->st, app->ws, e, id, err);
	if (rc == 0)
		rc = app_audit(app, "delete", e->name, id, NULL, err);
	rc = app_end(app, rc, err);
out:
	mu_arena_release(&a);
	return rc;
}

int app_names(struct app *app, struct mu_arena *a, const struct entity_def *e,
	      struct store_name **out, size_t *n, struct mu_error *err)
{
	int rc;

	size_t k = 0;

	if ((rc = app_need_workspace(app, err)) < 0 ||
	    (rc = app_begin(app, STORE_READ, a, err)) < 0)
		return rc;
	rc = store_record_names(app->st, a, app->ws, e, out, n, err);
	for (size_t i = 0; rc == 0 && i < *n; i++)
		if (!privacy_hides(app->priv, e->kind, (*out)[i].id))
			(*out)[k++] = (*out)[i];
	if (rc == 0)
		*n = k;
	return app_end(app, rc, err);
}

static int has_email(const char *emails_json, const char *email)
{
	json_t *arr = emails_json ? json_loads(emails_json, 0, NULL) : NULL, *v;
	size_t i;
	int found = 0;

	json_array_foreach(arr, i, v)
		if (text_equal_folded(json_string_value(v), email))
			found = 1;
	json_decref(arr);
	return found;
}

static int ambiguous(const struct entity_def *e, const char *text, struct store_name *names,
		     const size_t *hits, size_t nhits, struct mu_error *err)
{
	char list[400] = "";
	size_t len = 0;

	for (size_t i = 0; i < nhits && len < sizeof(list) - 80; i++)
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s (%lld)",
					i ? ", " : "", names[hits[i]].title,
					(long long)names[hits[i]].id);
	return mu_fail(err, MU_EAMBIG, "", "'%s' matches %zu %s: %s; use the id", text, nhits,
		       e->plural, list);
}

int app_resolve(struct app *app, struct mu_arena *a, const struct entity_def *e,
		const char *text, mu_id *id, struct mu_error *err)
{
	struct store_name *names;
	size_t n, *hits, nhits = 0;
	int rc;

	if (record_is_store_id(text, id)) {
		int found;
		if ((rc = app_need_workspace(app, err)) < 0 ||
		    (rc = app_begin(app, STORE_READ, a, err)) < 0)
			return rc;
		found = store_record_exists(app->st, app->ws, e, *id, err);
		if (found > 0 && privacy_hides(app->priv, e->kind, *id))
			found = 0;
		if ((rc = app_end(app, found < 0 ? found : 0, err)) < 0)
			return rc;
		if (found)
			return 0;
		return mu_fail(err, MU_ENOTFOUND, "", "no %s %s in this workspace", e->name, text);
	}
	if ((rc = app_names(app, a, e, &names, &n, err)) < 0)
		return rc;
	hits = mu_alloc_array(a, n ? n : 1, sizeof(*hits));
	/* exact e-mail or title first, then a part of the title */
	for (size_t i = 0; i < n; i++)
		if ((names[i].emails && strchr(text, '@') && has_email(names[i].emails, text)) ||
		    text_equal_folded(names[i].title, text))
			hits[nhits++] = i;
	if (!nhits)
		for (size_t i = 0; i < n; i++)
			if (text_contains_folded(names[i].title, text))
				hits[nhits++] = i;
	if (nhits == 1) {
		*id = names[hits[0]].id;
		return 0;
	}
	if (nhits > 1)
		return ambiguous(e, text, names, hits, nhits, err);
	return mu_fail(err, MU_ENOTFOUND, "", "no %s matches '%s'", e->name, text);
}

int app_parse_json(const char *data, size_t len, json_t **out, struct mu_error *err)
{
	json_error_t jerr;

	*out = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!*out)
		return mu_fail(err, MU_EJSON, "", "line %d, column %d: %s", jerr.line, jerr.column,
			       jerr.text);
	return 0;
}
