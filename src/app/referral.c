/*
 * referral.c - the referral pipeline: given -> contacted -> meeting -> offer ->
 * won | lost, each step stamped in the history.
 *
 * A referral is followed up until it closes, and closed business is answered with a
 * "thank you for closed business" in the ledger (SPEC §3 referral.closed_value): the one
 * who earned writes it to the one who gave the referral (FORMAT.md §1: r1 and x2), once.
 */
#include <stdio.h>
#include <string.h>

#include "app/internal.h"
#include "app/method.h"
#include "io/record.h"
#include "enums_gen.h"
#include "core/banned.h"

#define NO_TIME INT64_MIN

void app_referral_start(struct app *app, json_t *obj)
{
	json_t *st = json_object_get(obj, "status");
	char at[MU_TIME_LEN];
	mu_time_format(app->now, at);
	json_object_set_new(obj, "history", json_pack("[{s:s, s:s}]", "status",
						      json_is_string(st) ? json_string_value(st) : "given",
						      "at", at));
}

static int final(int status)
{
	return status == REFERRAL_STATUS_WON || status == REFERRAL_STATUS_LOST;
}

/* May a referral at status from (last step at last) move to status to at time at? */
static int check_step(int from, int to, mu_time last, mu_time at, struct mu_error *err)
{
	char when[MU_TIME_LEN];
	if (final(from) && to != from)
		return mu_fail(err, MU_EINVAL, "status", "the referral is %s already; it cannot move to %s",
			       enum_referral_status.items[from].name, enum_referral_status.items[to].name);
	if (to < from && !final(to))
		return mu_fail(err, MU_EINVAL, "status", "the pipeline moves forward: %s comes before %s"
			       " (use 'referral edit' to correct a mistake)",
			       enum_referral_status.items[to].name, enum_referral_status.items[from].name);
	if (last != NO_TIME && at < last) {
		mu_time_format(last, when);
		return mu_fail(err, MU_EINVAL, "at", "is before the last step of the referral (%s)", when);
	}
	return 0;
}

/* The last step's time in a history array, or NO_TIME. */
static mu_time last_step(json_t *history)
{
	mu_time last = NO_TIME, t;
	size_t i;
	json_t *s;
	json_array_foreach(history, i, s)
		if (mu_time_parse(json_string_value(json_object_get(s, "at")), &t) == 0 && t > last)
			last = t;
	return last;
}

/* When the referral was won: its won step (a value given later is still dated then). */
static const char *won_at(json_t *history, const char *otherwise)
{
	size_t i;
	json_t *s;
	json_array_foreach(history, i, s)
		if (json_is_string(json_object_get(s, "status")) &&
		    strcmp(json_string_value(json_object_get(s, "status")), "won") == 0)
			return json_string_value(json_object_get(s, "at"));
	return otherwise;
}

/* The closed-business exchange of referral id, if one was written (0 if none). */
static int find_thanks(struct app *app, struct mu_arena *a, mu_id id, struct mu_record **out,
		       struct mu_error *err)
{
	const struct entity_def *e = model_entity(ENT_EXCHANGE);
	int kind = model_field_index(e, "kind"), ref = model_field_index(e, "referral_id");
	struct mu_record *rs;
	size_t n;
	int rc;

	*out = NULL;
	if ((rc = store_record_list(app->st, a, app->ws, e, 0, 0, &rs, &n, err)) < 0)
		return rc;
	for (size_t i = 0; i < n; i++)
		if (rs[i].v[ref].set && rs[i].v[ref].i == id && rs[i].v[kind].set &&
		    strcmp(rs[i].v[kind].s, "closed_business") == 0) {
			*out = &rs[i];
			return 1;
		}
	return 0;
}

/* Write (or bring up to date) the thank-you for closed business of a won referral. */
static int write_thanks(struct app *app, struct mu_arena *a, mu_id id, json_t *ref,
			const char *at, struct mu_record **out, struct mu_error *err)
{
	const struct entity_def *e = model_entity(ENT_EXCHANGE);
	struct mu_record *old;
	char rid[24];
	int rc;

	snprintf(rid, sizeof rid, "%lld", (long long)id);
	json_t *x = json_pack("{s:s, s:O, s:O, s:s, s:O, s:O, s:s}", "at", at,
			      "giver", json_object_get(ref, "receiver"),
			      "receiver", json_object_get(ref, "giver"), "kind", "closed_business",
			      "amount", json_object_get(ref, "closed_value"),
			      "network_id", json_object_get(ref, "network_id"), "referral_id", rid);
	if ((rc = find_thanks(app, a, id, &old, err)) < 0)
		goto out;
	if (rc == 1) {
		/* once: a second move to won only corrects the amount */
		json_t *amount = json_object_get(ref, "closed_value");
		json_t *prev = record_encode(old);
		int same = json_equal(json_object_get(prev, "amount"), amount);
		json_decref(prev);
		if (same) {
			*out = old;
			rc = 0;
			goto out;
		}
		json_t *patch = record_encode(old);
		json_object_set(patch, "amount", amount);
		rc = record_decode(a, e, patch, RD_ID_ALLOWED, app_resolve_existing, app, out, err);
		json_decref(patch);
		if (rc == 0) {
			(*out)->id = old->id;
			rc = store_record_update(app->st, app->ws, *out, app->now, err);
		}
		goto out;
	}
	if ((rc = record_decode(a, e, x, RD_CREATE, app_resolve_existing, app, out, err)) == 0 &&
	    (rc = model_check(*out, 1, err)) == 0)
		rc = store_record_insert(app->st, app->ws, *out, app->now, err);
out:
	json_decref(x);
	if (rc < 0)
		mu_error_prefix(err, "closed-business exchange");
	return rc;
}

int app_referral_move(struct app *app, mu_id id, const char *status, mu_time at,
		      json_t *closed_value, json_t **out, struct mu_error *err)
{
	const struct entity_def *e = model_entity(ENT_REFERRAL);
	struct mu_arena a;
	struct mu_record *old, *upd, *thanks = NULL;
	json_t *j = NULL;
	char when[MU_TIME_LEN];
	int to = enum_find(&enum_referral_status, status ? status : ""), rc;

	if (to < 0)
		return mu_fail(err, MU_EINVAL, "status",
			       "must be one of given, contacted, meeting, offer, won, lost");
	if ((rc = app_need_workspace(app, err)) < 0)
		return rc;
	mu_time_format(at ? at : app->now, when);
	mu_arena_init(&a);
	if ((rc = store_begin(app->st, STORE_WRITE, err)) < 0)
		goto done;
	if ((rc = store_record_get(app->st, &a, app->ws, e, id, &old, err)) < 0)
		goto out;
	j = record_encode(old);
	int from = enum_find(&enum_referral_status, json_string_value(json_object_get(j, "status")));
	json_t *history = json_object_get(j, "history");
	if ((rc = check_step(from, to, last_step(history), at ? at : app->now, err)) < 0)
		goto out;
	if (to != from)
		json_array_append_new(history, json_pack("{s:s, s:s}", "status", status, "at", when));
	json_object_set_new(j, "status", json_string(status));
	if (closed_value)
		json_object_set(j, "closed_value", closed_value);
	if ((rc = record_decode(&a, e, j, RD_ID_ALLOWED, app_resolve_existing, app, &upd, err)) < 0)
		goto out;
	upd->id = id;
	if ((rc = model_check(upd, 1, err)) < 0 ||
	    (rc = store_record_update(app->st, app->ws, upd, app->now, err)) < 0)
		goto out;
	if (to == REFERRAL_STATUS_WON && json_is_object(json_object_get(j, "closed_value")))
		rc = write_thanks(app, &a, id, j, won_at(history, when), &thanks, err);
out:
	rc = store_end(app->st, rc, err);
	if (rc == 0)
		*out = json_pack("{s:o, s:o}", "referral", record_encode(upd),
				 "exchange", thanks ? record_encode(thanks) : json_null());
done:
	json_decref(j);
	mu_arena_release(&a);
	return rc;
}
