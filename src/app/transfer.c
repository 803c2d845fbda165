/*
 * transfer.c - the workspace document (FORMAT.md §1): export, and import as a new
 * workspace in one transaction.
 *
 * Import maps document ids to store ids. Ids that look like store ids ("42") are kept,
 * which is always safe because the target workspace is new and ids are per workspace;
 * so export -> import into a new database -> export gives the same bytes. Other ids
 * ("p-anna") get fresh ids above the kept ones, and every reference follows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/access.h"
#include "app/internal.h"
#include "app/privacy.h"
#include "io/record.h"
#include "io/workspace.h"
#include "core/banned.h"

struct id_pair {
	const char *doc;
	mu_id id;
};

struct id_maps {
	struct id_pair *pairs[ENT_COUNT];
	size_t n[ENT_COUNT];
};

static int cmp_pair(const void *x, const void *y)
{
	return strcmp(((const struct id_pair *)x)->doc, ((const struct id_pair *)y)->doc);
}

static int map_lookup(void *ctx, enum entity_kind kind, const char *text, mu_id *id,
		      struct mu_error *err)
{
	struct id_maps *m = ctx;
	struct id_pair key = { .doc = text }, *hit;

	hit = m->n[kind] ? bsearch(&key, m->pairs[kind], m->n[kind], sizeof(key), cmp_pair) : NULL;
	if (!hit)
		return mu_fail(err, MU_EINVAL, "", "no %s '%s' in the document",
			       model_entity(kind)->name, text);
	*id = hit->id;
	return 0;
}

static int check_top_level(json_t *doc, struct mu_error *err)
{
	const char *key;
	json_t *v;

	if (!json_is_object(doc))
		return mu_fail(err, MU_EINVAL, "", "the document must be a JSON object");
	v = json_object_get(doc, "format");
	if (!json_is_string(v))
		return mu_fail(err, MU_EINVAL, "format", "is required (\"%s\")", WORKSPACE_FORMAT);
	if (strcmp(json_string_value(v), WORKSPACE_FORMAT))
		return mu_fail(err, MU_EINVAL, "format", "'%s' is not supported; this version reads"
			       " \"%s\"", json_string_value(v), WORKSPACE_FORMAT);
	json_object_foreach(doc, key, v) {
		const struct entity_def *e = model_entity_by_name(key);
		if (!strcmp(key, "format") || !strcmp(key, "workspace"))
			continue;
		if (!e || strcmp(e->plural, key))
			return mu_fail(err, MU_EINVAL, key, "unknown field");
		if (!json_is_array(v))
			return mu_fail(err, MU_EINVAL, key, "must be an array");
	}
	return 0;
}

/* The document id of item i of kind e (for a keyed kind, its key), or an error. */
static int doc_id(const struct entity_def *e, json_t *item, size_t i, const char **out,
		  struct mu_error *err)
{
	int key = model_key_index(e);
	const char *name = key >= 0 ? e->fields[key].name : "id";
	json_t *v = json_is_object(item) ? json_object_get(item, name) : NULL;
	char path[64];

	snprintf(path, sizeof(path), "%s[%zu]", e->plural, i);
	if (!json_is_object(item))
		return mu_fail(err, MU_EINVAL, path, "must be an object");
	if (!json_is_string(v) || !json_string_length(v)) {
		mu_fail(err, MU_EINVAL, name, "is required (a non-empty string)");
		mu_error_prefix(err, path);
		return MU_EINVAL;
	}
	*out = json_string_value(v);
	return 0;
}

/* Pass 1: every document id, kept or newly numbered; duplicates are refused. */
static int build_maps(struct mu_arena *a, json_t *doc, struct id_maps *m, mu_id *max_id,
		      struct import_summary *sum, struct mu_error *err)
{
	mu_id next;
	int rc;

	*max_id = 0;
	for (int k = 0; k < ENT_COUNT; k++) {
		const struct entity_def *e = model_entity(k);
		json_t *arr = json_object_get(doc, e->plural), *item;
		size_t i;

		m->n[k] = json_array_size(arr);
		m->pairs[k] = mu_alloc_array(a, m->n[k] ? m->n[k] : 1, sizeof(struct id_pair));
		json_array_foreach(arr, i, item) {
			if ((rc = doc_id(e, item, i, &m->pairs[k][i].doc, err)) < 0)
				return rc;
			if (model_key_index(e) < 0 && record_is_store_id(m->pairs[k][i].doc,
									 &m->pairs[k][i].id) &&
			    m->pairs[k][i].id > *max_id)
				*max_id = m->pairs[k][i].id;
		}
	}
	next = *max_id + 1;
	for (int k = 0; k < ENT_COUNT; k++) {
		if (model_key_index(model_entity(k)) >= 0)
			continue;
		for (size_t i = 0; i < m->n[k]; i++) {
			mu_id kept;
			if (record_is_store_id(m->pairs[k][i].doc, &kept)) {
				sum->kept_ids++;
			} else {
				m->pairs[k][i].id = next++;
				sum->mapped_ids++;
			}
		}
		qsort(m->pairs[k], m->n[k], sizeof(struct id_pair), cmp_pair);
		for (size_t i = 1; i < m->n[k]; i++)
			if (!strcmp(m->pairs[k][i].doc, m->pairs[k][i - 1].doc))
				return mu_fail(err, MU_EINVAL, model_entity(k)->plural,
					       "id '%s' appears twice", m->pairs[k][i].doc);
	}
	*max_id = next - 1;
	return 0;
}

static int import_records(struct app *app, struct mu_arena *a, json_t *doc, struct id_maps *m,
			  struct import_summary *sum, struct mu_error *err)
{
	char path[64];
	int rc;

	for (int k = 0; k < ENT_COUNT; k++) {
		const struct entity_def *e = model_entity(k);
		json_t *arr = json_object_get(doc, e->plural), *item;
		size_t i;

		json_array_foreach(arr, i, item) {
			struct mu_record *r;
			const char *id;

			snprintf(path, sizeof(path), "%s[%zu]", e->plural, i);
			rc = record_decode(a, e, item, RD_CREATE | RD_ID_ALLOWED, map_lookup, m, &r,
					   err);
			if (rc == 0 && model_key_index(e) < 0) {
				doc_id(e, item, i, &id, err);
				rc = map_lookup(m, e->kind, id, &r->id, err);
			}
			if (rc == 0)
				rc = store_record_insert(app->st, app->ws, r, app->now, err);
			if (rc == 0)
				rc = app_own_if_private(app, r, err);
			if (rc < 0) {
				mu_error_prefix(err, path);
				return rc;
			}
			sum->count[k]++;
		}
	}
	return 0;
}

int app_import(struct app *app, json_t *doc, const char *as_name, struct import_summary *sum,
	       struct mu_error *err)
{
	struct mu_arena a;
	struct workspace w = { 0 };
	struct id_maps maps = { 0 };
	mu_id max_id;
	int rc;

	memset(sum, 0, sizeof(*sum));
	mu_arena_init(&a);
	if ((rc = check_top_level(doc, err)) < 0)
		goto out;
	if ((rc = workspace_decode(&a, json_object_get(doc, "workspace"), &w, err)) < 0) {
		mu_error_prefix(err, "workspace");
		goto out;
	}
	if (as_name)
		w.name = as_name;
	if ((rc = build_maps(&a, doc, &maps, &max_id, sum, err)) < 0)
		goto out;
	if ((rc = store_begin(app->st, STORE_WRITE, err)) < 0)
		goto out;
	rc = store_workspace_add(app->st, &w, app->now, &sum->workspace, err);
	if (rc == 0)
		rc = app_own_new_workspace(app, sum->workspace, err);
	if (rc == 0) {
		app->ws = sum->workspace;
		rc = import_records(app, &a, doc, &maps, sum, err);
	}
	if (rc == 0)
		rc = store_reserve_ids(app->st, app->ws, max_id, err);
	rc = store_end(app->st, rc, err);
	if (rc < 0)
		app->ws = 0;
	else
		rc = app_workspace_select(app, mu_printf(&a, "%lld", (long long)sum->workspace),
					  err);
out:
	mu_arena_release(&a);
	return rc;
}

int app_export(struct app *app, json_t **doc, struct mu_error *err)
{
	struct mu_arena a;
	int rc;

	if (!app->ws)
		return mu_fail(err, MU_EUSAGE, "--workspace", "no workspace selected");
	mu_arena_init(&a);
	*doc = json_object();
	json_object_set_new(*doc, "format", json_string(WORKSPACE_FORMAT));
	json_object_set_new(*doc, "workspace", workspace_encode(&app->wsinfo));
	if ((rc = app_begin(app, STORE_READ, &a, err)) < 0)
		goto out;
	for (int i = 0; i < ENT_COUNT && rc == 0; i++) {
		const struct entity_def *e = model_entity(model_document_order[i]);
		struct mu_record *recs;
		size_t n;
		json_t *arr = json_array();

		rc = store_record_list(app->st, &a, app->ws, e, 0, 0, &recs, &n, err);
		if (rc == 0)
			privacy_filter(app->priv, &a, recs, &n);
		for (size_t j = 0; rc == 0 && j < n; j++)
			json_array_append_new(arr, record_encode(&recs[j]));
		json_object_set_new(*doc, e->plural, arr);
	}
	if ((rc = app_end(app, rc, err)) == 0)
		rc = app_audit_read(app, "export", "workspace", 0, NULL, err);
out:
	if (rc < 0) {
		json_decref(*doc);
		*doc = NULL;
	}
	mu_arena_release(&a);
	return rc;
}

static int open_side(const char *url, const char *option, struct store **st,
		     struct mu_error *err)
{
	int rc = store_open(url, st, err);

	if (rc < 0 && err && !err->field[0])
		snprintf(err->field, sizeof(err->field), "%s", option);
	return rc;
}

static json_t *copy_report(const struct store *from, const struct store *to, const long rows[])
{
	json_t *tables = json_object(), *r;
	long total = 0;

	for (size_t i = 0; store_copy_table(i); i++) {
		json_object_set_new(tables, store_copy_table(i), json_integer(rows[i]));
		total += rows[i];
	}
	r = json_pack("{s:s, s:s, s:I}", "from", store_driver_name(from), "to",
		      store_driver_name(to), "rows", (json_int_t)total);
	json_object_set_new(r, "tables", tables);
	return r;
}

int app_copy(const char *from_url, const char *to_url, mu_time now, json_t **report,
	     struct mu_error *err)
{
	long rows[STORE_COPY_TABLES] = { 0 };
	struct store *from = NULL, *to = NULL;
	char at[MU_TIME_LEN], detail[64];
	struct store_audit note;
	int rc;

	if (!strcmp(from_url, to_url))
		return mu_fail(err, MU_EINVAL, "--to", "is --from itself; copy into a new database");
	if ((rc = open_side(from_url, "--from", &from, err)) == 0 &&
	    (rc = open_side(to_url, "--to", &to, err)) == 0) {
		mu_time_format(now, at);
		snprintf(detail, sizeof(detail), "copied from %s", store_driver_name(from));
		note = (struct store_audit){ .at = at, .actor = "operator", .action = "copy",
					     .entity = "workspace", .detail = detail };
		if ((rc = store_copy(from, to, &note, rows, err)) == 0)
			*report = copy_report(from, to, rows);
	}
	store_close(to);
	store_close(from);
	return rc;
}
