/*
 * app.h - the use cases that the CLI and the HTTP API both call.
 *
 * Each call is one transaction on the store and returns plain structs or jansson
 * values built by io/. Privacy and audit live here, once, for both faces
 * (app/access.h, app/privacy.h). An app is one store connection plus the selected
 * workspace, the actor and the clock; it is used by one thread at a time.
 */
#ifndef MU_APP_H
#define MU_APP_H

#include <jansson.h>

#include "core/access.h"
#include "core/arena.h"
#include "core/error.h"
#include "core/model.h"
#include "core/mtime.h"
#include "store/store.h"

struct privacy;

struct app {
	struct store *st;
	mu_time now;		/* "now" for every computation: --now or the clock */
	mu_id ws;		/* the selected workspace, 0 if none */
	struct workspace wsinfo;	/* its row (strings in wsarena) */
	struct mu_arena wsarena;
	struct actor who;	/* who is acting (app/access.h); the operator by default */
	char who_name[256];	/* who.name points here */
	struct privacy *priv;	/* in a use case: what the actor may not see */
};

/* Open the store at db. The caller owns *out and frees it with app_close(). */
int app_open(const char *db, mu_time now, struct app **out, struct mu_error *err);
void app_close(struct app *app);

/* Select the workspace named or numbered by sel; with sel NULL the only workspace.
 * MU_EUSAGE if there are several and none was chosen, MU_ENOTFOUND if none exists. */
int app_workspace_select(struct app *app, const char *sel, struct mu_error *err);
/* Create a workspace from a JSON object {name, kind, locale, currency, settings}. */
int app_workspace_create(struct app *app, json_t *spec, mu_id *id, struct mu_error *err);
/* All workspaces as a JSON array (new reference). */
int app_workspace_list(struct app *app, json_t **out, struct mu_error *err);
/* The selected workspace as JSON (new reference). */
json_t *app_workspace_json(struct app *app);
/* Change the selected workspace's settings (FORMAT.md §1, SPEC §4 weights and
 * thresholds) by patch, a JSON merge patch (RFC 7396) of the settings object: members
 * change one by one, objects into objects, null gives a setting its default back,
 * anything else (an array too) replaces. The result is checked whole as on import,
 * so an unknown key, a wrong type or a value out of range fails with its path
 * ("settings.fit_weights[2]") and nothing is written. Admins and owners only. One
 * transaction, audited; the workspace's revision goes up, so graphs and scores cached
 * on it are computed again; app->wsinfo holds the new settings afterwards. */
int app_workspace_settings(struct app *app, json_t *patch, struct mu_error *err);

/* Records of the selected workspace. References in obj are store ids as strings. */
int app_record_add(struct app *app, struct mu_arena *a, const struct entity_def *e,
		   json_t *obj, struct mu_record **out, struct mu_error *err);
/* Change the members given in patch; a null member clears the field. */
int app_record_edit(struct app *app, struct mu_arena *a, const struct entity_def *e, mu_id id,
		    json_t *patch, struct mu_record **out, struct mu_error *err);
int app_record_get(struct app *app, struct mu_arena *a, const struct entity_def *e, mu_id id,
		   struct mu_record **out, struct mu_error *err);
int app_record_list(struct app *app, struct mu_arena *a, const struct entity_def *e,
		    mu_id after, size_t limit, struct mu_record **out, size_t *n,
		    struct mu_error *err);
int app_record_rm(struct app *app, const struct entity_def *e, mu_id id, struct mu_error *err);

/* Find one record of kind e by text: an id, for persons an e-mail, or a title (for
 * persons the full name) matching case-insensitively with accents kept, exactly or
 * else as a part. MU_ENOTFOUND if none, MU_EAMBIG listing the matches if several. */
int app_resolve(struct app *app, struct mu_arena *a, const struct entity_def *e,
		const char *text, mu_id *id, struct mu_error *err);
/* Titles of all records of kind e, for showing references by name. */
int app_names(struct app *app, struct mu_arena *a, const struct entity_def *e,
	      struct store_name **out, size_t *n, struct mu_error *err);

/* The whole selected workspace as a FORMAT.md §1 document (new reference). */
int app_export(struct app *app, json_t **doc, struct mu_error *err);

struct import_summary {
	mu_id workspace;
	size_t count[ENT_COUNT];
	size_t kept_ids, mapped_ids;
};
/* Import a document as a new workspace (named as_name, or the document's name).
 * All or nothing. Errors carry the JSON path ("persons[3].emial"). */
int app_import(struct app *app, json_t *doc, const char *as_name,
	       struct import_summary *sum, struct mu_error *err);

/* Copy the whole database at from_url into the new one at to_url (store_copy): every
 * workspace, account and record, ids kept, one transaction; the copy is noted in the
 * audit trail of each workspace. *report: {from, to, rows, tables: {name: rows}}. */
int app_copy(const char *from_url, const char *to_url, mu_time now, json_t **report,
	     struct mu_error *err);

/* Parse a document from bytes, refusing duplicate keys; errors give line and column. */
int app_parse_json(const char *data, size_t len, json_t **out, struct mu_error *err);

#endif
