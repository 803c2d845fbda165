/*
 * internal.h - helpers shared by the use-case files of app/; not for the CLI or API.
 */
#ifndef MU_APP_INTERNAL_H
#define MU_APP_INTERNAL_H

#include <jansson.h>

#include "app/app.h"

/* Begin a transaction and load what the actor may not see into app->priv (in a);
 * app_end() ends both. Every use case that reads records begins so. */
int app_begin(struct app *app, enum store_mode mode, struct mu_arena *a, struct mu_error *err);
int app_end(struct app *app, int rc, struct mu_error *err);

/* An account that makes a workspace (init, import, demo with --user) owns it; the
 * operator needs no role. Inside the caller's write transaction. */
int app_own_new_workspace(struct app *app, mu_id ws, struct mu_error *err);
/* A private record belongs to the account that wrote it (none for the operator). */
int app_own_if_private(struct app *app, const struct mu_record *r, struct mu_error *err);

/* An audit entry as GET /api/v1/audit shows it (new reference). */
json_t *app_audit_json(const struct store_audit *e);

/* Select workspace ws by id, reading its row (and so its settings) afresh. */
int app_workspace_reload(struct app *app, mu_id ws, struct mu_error *err);
/* MU_EUSAGE unless a workspace is selected. */
int app_need_workspace(struct app *app, struct mu_error *err);
/* Resolver for references given as store ids: they must exist in the workspace. */
int app_resolve_existing(void *ctx, enum entity_kind kind, const char *text, mu_id *id,
			 struct mu_error *err);
/* How many times j, a value of field f, names person id; with to not 0, each of them
 * is changed to name to (app/merge.c). */
size_t app_person_refs(const struct field_def *f, json_t *j, mu_id id, mu_id to);
/* A new referral without history starts it: its status (default given) at now. */
void app_referral_start(struct app *app, json_t *obj);

#endif
