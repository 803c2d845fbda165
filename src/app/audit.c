/*
 * audit.c - the audit trail: who read or changed personal data, when, which record
 * (SPEC §6, docs/privacy.md).
 *
 * Changes are audited inside their own transaction, so a change and its entry stand
 * or fall together. Reads are audited after their read transaction, in a short write
 * transaction of their own: upgrading a read transaction to a write one can fail on a
 * busy database, and a read must not fail because its audit entry waited.
 */
#include <string.h>

#include "app/access.h"
#include "app/internal.h"
#include "io/record.h"
#include "core/banned.h"

int app_audit(struct app *app, const char *action, const char *entity, mu_id id,
	      const char *detail, struct mu_error *err)
{
	char at[MU_TIME_LEN];
	struct store_audit e;

	if (!app->ws)
		return 0;
	mu_time_format(app->now, at);
	e = (struct store_audit){ .at = at, .account = app->who.account,
				  .actor = app->who.name ? app->who.name : "operator",
				  .action = action, .entity = entity, .entity_id = id,
				  .detail = detail };
	return store_audit_add(app->st, app->ws, &e, err);
}

int app_audit_read(struct app *app, const char *action, const char *entity, mu_id id,
		   const char *detail, struct mu_error *err)
{
	int rc;

	if (!app->ws)
		return 0;
	if ((rc = store_begin(app->st, STORE_WRITE, err)) < 0)
		return rc;
	return store_end(app->st, app_audit(app, action, entity, id, detail, err), err);
}

json_t *app_audit_json(const struct store_audit *e)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", record_id_json(e->id));
	json_object_set_new(o, "at", json_string(e->at));
	json_object_set_new(o, "actor", json_string(e->actor));
	json_object_set_new(o, "account", e->account ? record_id_json(e->account) : json_null());
	json_object_set_new(o, "action", json_string(e->action));
	json_object_set_new(o, "entity", json_string(e->entity));
	json_object_set_new(o, "entity_id", e->entity_id ? record_id_json(e->entity_id) :
							   json_null());
	json_object_set_new(o, "detail", e->detail ? json_string(e->detail) : json_null());
	return o;
}

int app_audit_list(struct app *app, const char *since, mu_id after, size_t limit,
		   json_t **out, struct mu_error *err)
{
	struct store_audit *e;
	struct mu_arena a;
	char from[MU_TIME_LEN] = "";
	int64_t day;
	mu_time t;
	size_t n;
	int rc;

	if ((rc = app_need_workspace(app, err)) < 0 || (rc = app_need_role(app, ROLE_ADMIN, err)) < 0)
		return rc;
	if (since && mu_time_parse(since, &t) == 0)
		mu_time_format(t, from);
	else if (since && mu_date_parse(since, &day) == 0)
		mu_time_format(day * 86400, from);
	else if (since)
		return mu_fail(err, MU_EUSAGE, "since", "'%.40s' is not a date or time", since);
	mu_arena_init(&a);
	if ((rc = store_begin(app->st, STORE_READ, err)) == 0)
		rc = store_end(app->st, store_audit_list(app->st, &a, app->ws, from, after, limit,
							 &e, &n, err), err);
	*out = rc < 0 ? NULL : json_array();
	for (size_t i = 0; rc == 0 && i < n; i++)
		json_array_append_new(*out, app_audit_json(&e[i]));
	mu_arena_release(&a);
	return rc;
}
