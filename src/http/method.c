/*
 * method.c - the method's routes (SPEC §4.1-§4.4): the same use cases and the same
 * JSON as the CLI's --json. People in query arguments are ids, e-mails or names.
 */
#include <stdlib.h>
#include <string.h>

#include "http/handlers.h"
#include "app/calendar.h"
#include "app/method.h"
#include "app/graph.h"
#include "core/buf.h"
#include "io/stream.h"
#include "core/banned.h"

static const char *arg(struct http_request *req, const char *name)
{
	const char *v = req->query(req->query_cls, name);
	return v && *v ? v : NULL;
}

/* A person named in query argument name: 0 when absent and optional. */
static int person(struct http_request *req, const char *name, int required, mu_id *id,
		  struct mu_error *err)
{
	const char *v = arg(req, name);
	int rc;
	*id = 0;
	if (!v)
		return required ? mu_fail(err, MU_EUSAGE, name, "is required: a person's id, e-mail"
					  " or name") : 0;
	if ((rc = app_resolve(req->app, req->arena, model_entity(ENT_PERSON), v, id, err)) < 0)
		mu_error_prefix(err, name);
	return rc;
}

static int network(struct http_request *req, mu_id *id, struct mu_error *err)
{
	const char *v = arg(req, "network");
	int rc;
	*id = 0;
	if (v && (rc = app_resolve(req->app, req->arena, model_entity(ENT_NETWORK), v, id, err)) < 0)
		return mu_error_prefix(err, "network"), rc;
	return 0;
}

static int number(struct http_request *req, const char *name, double lo, double hi, double *out,
		  struct mu_error *err)
{
	const char *v = arg(req, name);
	char *end;
	if (!v)
		return 0;
	*out = strtod(v, &end);
	if (*end || !(*out >= lo && *out <= hi))
		return mu_fail(err, MU_EUSAGE, name, "'%.40s' is not a number from %g to %g", v, lo, hi);
	return 0;
}

/* Reply with *j when rc says the call worked (j is read only after the call ran). */
static int answer(struct http_reply *rep, int rc, json_t **j)
{
	if (rc == 0)
		reply_json(rep, 200, *j);
	return rc;
}

int http_fit_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	mu_id a, b;
	json_t *j = NULL;
	int rc;
	if ((rc = person(req, "a", 1, &a, err)) < 0 || (rc = person(req, "b", 1, &b, err)) < 0)
		return rc;
	return answer(rep, app_fit(req->app, a, b, &j, err), &j);
}

static int append(void *ctx, const char *text, size_t len)
{
	return mu_buf_add(ctx, text, len);
}

/* ?pairs=false leaves the pairs out (a heat map needs only the numbers); with them the
 * body is written as text pair by pair rather than held as a JSON tree. */
int http_fit_matrix_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	const char *pairs = arg(req, "pairs");
	mu_id n;
	json_t *j = NULL;
	int rc;
	if ((rc = network(req, &n, err)) < 0)
		return rc;
	if (pairs && strcmp(pairs, "true") && strcmp(pairs, "false"))
		return mu_fail(err, MU_EUSAGE, "pairs", "must be true or false");
	if (pairs && !strcmp(pairs, "false"))
		return answer(rep, app_fit_matrix(req->app, n, 0, NULL, &j, err), &j);
	struct mu_buf b;
	mu_buf_init(&b, (size_t)1 << 31);
	struct json_stream out = { .write = append, .ctx = &b };
	if ((rc = app_fit_matrix(req->app, n, 1, &out, NULL, err)) == 0) {
		rep->text = mu_strndup(req->arena, mu_buf_str(&b), b.len);
		rep->text_len = b.len;
		rep->status = 200;
		rep->content_type = "application/json; charset=utf-8";
	}
	mu_buf_release(&b);
	return rc;
}

int http_partners_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	mu_id p;
	double top = 5;
	json_t *j = NULL;
	int rc;
	if ((rc = person(req, "person", 1, &p, err)) < 0 ||
	    (rc = number(req, "top", 1, 10000, &top, err)) < 0)
		return rc;
	return answer(rep, app_partners(req->app, p, (size_t)top, &j, err), &j);
}

int http_powerteams_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	mu_id n;
	double min = -1, top = 0;
	json_t *j = NULL;
	int rc;
	if ((rc = network(req, &n, err)) < 0 || (rc = number(req, "min_fit", 0, 1, &min, err)) < 0 ||
	    (rc = number(req, "top", 1, 1e9, &top, err)) < 0)
		return rc;
	return answer(rep, app_power_teams(req->app, n, min, (size_t)top, &j, err), &j);
}

int http_balance_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	mu_id a, b, n;
	json_t *j = NULL;
	int rc;
	if ((rc = person(req, "a", 0, &a, err)) < 0 || (rc = person(req, "b", 0, &b, err)) < 0 ||
	    (rc = network(req, &n, err)) < 0)
		return rc;
	if (b && !a)
		return mu_fail(err, MU_EUSAGE, "a", "is required with b");
	if (!a)
		return answer(rep, app_balance_group(req->app, n, &j, err), &j);
	return answer(rep, app_balance(req->app, a, b, n, &j, err), &j);
}

int http_ledger_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	mu_id p;
	json_t *j = NULL;
	int rc;
	if ((rc = person(req, "person", 0, &p, err)) < 0)
		return rc;
	return answer(rep, app_ledger(req->app, p, &j, err), &j);
}

int http_strength_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	mu_id a, b;
	json_t *j = NULL;
	int rc;
	if ((rc = person(req, "a", 1, &a, err)) < 0 || (rc = person(req, "b", 1, &b, err)) < 0)
		return rc;
	return answer(rep, app_strength(req->app, a, b, &j, err), &j);
}

/* ?date=D computes as of D (00:00 UTC), as the CLI's --date does. */
static int as_of(struct http_request *req, struct mu_error *err)
{
	const char *v = arg(req, "date");
	if (v && mu_when_parse(v, &req->app->now))
		return mu_fail(err, MU_EUSAGE, "date", "'%.40s' is not a date (YYYY-MM-DD)", v);
	return 0;
}

int http_timeline_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	mu_id p;
	json_t *j = NULL;
	int rc;
	if ((rc = person(req, "person", 1, &p, err)) < 0)
		return rc;
	return answer(rep, app_timeline(req->app, p, &j, err), &j);
}

int http_agenda_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	mu_id p;
	json_t *j = NULL;
	int rc;
	if ((rc = person(req, "person", 0, &p, err)) < 0 || (rc = as_of(req, err)) < 0)
		return rc;
	return answer(rep, app_agenda(req->app, p, &j, err), &j);
}

/* The agenda and meetings as a calendar to subscribe to: ?person= */
int http_agenda_ics_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	struct mu_buf b;
	mu_id p;
	int rc;

	if ((rc = person(req, "person", 0, &p, err)) < 0)
		return rc;
	mu_buf_init(&b, (size_t)64 << 20);
	if ((rc = app_calendar(req->app, p, &b, err)) == 0) {
		/* the reply copies the text when it is queued; the arena outlives that */
		rep->text = mu_strndup(req->arena, mu_buf_str(&b), b.len);
		rep->text_len = b.len;
		rep->content_type = "text/calendar; charset=utf-8";
		rep->status = 200;
	}
	mu_buf_release(&b);
	return rc;
}

static int day_arg(struct http_request *req, const char *name, int64_t *days, struct mu_error *err)
{
	const char *v = arg(req, name);
	if (v && mu_date_parse(v, days))
		return mu_fail(err, MU_EUSAGE, name, "'%.40s' is not a date (YYYY-MM-DD)", v);
	return 0;
}

int http_roi_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	mu_id n;
	int64_t to = req->app->now / 86400, from;
	json_t *j = NULL;
	int rc;
	if ((rc = network(req, &n, err)) < 0 || (rc = day_arg(req, "to", &to, err)) < 0)
		return rc;
	from = to - 364;	/* as the CLI: a year up to and with the last day */
	if ((rc = day_arg(req, "from", &from, err)) < 0)
		return rc;
	return answer(rep, app_roi(req->app, n, from, to, &j, err), &j);
}

int http_coverage_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	const char *v = arg(req, "plan");
	mu_id plan = 0;
	json_t *j = NULL;
	int rc;
	if (v && (rc = app_resolve(req->app, req->arena, model_entity(ENT_PLAN), v, &plan, err)) < 0)
		return mu_error_prefix(err, "plan"), rc;
	return answer(rep, app_coverage(req->app, plan, &j, err), &j);
}

int http_matches_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	const char *v = arg(req, "ask");
	mu_id ask = 0;
	double top = 5;
	json_t *j = NULL;
	int rc;
	if ((rc = number(req, "top", 1, 1e6, &top, err)) < 0)
		return rc;
	if (v && (rc = app_resolve(req->app, req->arena, model_entity(ENT_ASK), v, &ask, err)) < 0)
		return mu_error_prefix(err, "ask"), rc;
	return answer(rep, app_matches(req->app, ask, (size_t)top, &j, err), &j);
}

/* POST /api/v1/asks/{id}/accept {"person", "as"?} */
int http_ask_accept_post(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	json_t *body, *j = NULL;
	mu_id p = 0;
	int rc;

	if ((rc = app_parse_json(req->body, req->body_len, &body, err)) < 0)
		return rc;
	json_t *who = json_object_get(body, "person"), *as = json_object_get(body, "as");
	if (!json_is_object(body) || !json_is_string(who))
		rc = mu_fail(err, MU_EINVAL, "person", "is required: a person's id, e-mail or name");
	else if (as && !json_is_string(as))
		rc = mu_fail(err, MU_EINVAL, "as", "must be introduction or referral");
	else if ((rc = app_resolve(req->app, req->arena, model_entity(ENT_PERSON),
				   json_string_value(who), &p, err)) == 0)
		rc = app_ask_accept(req->app, req->id, p, as ? json_string_value(as) : "introduction",
				    &j, err);
	json_decref(body);
	if (rc == 0)
		reply_json(rep, 201, j);
	return rc;
}

int http_participation_get(struct http_request *req, struct http_reply *rep,
			   struct mu_error *err)
{
	const char *v = arg(req, "organisation");
	mu_id org = 0;
	json_t *j = NULL;
	int rc;
	if (v && (rc = app_resolve(req->app, req->arena, model_entity(ENT_ORGANISATION), v, &org,
				   err)) < 0)
		return mu_error_prefix(err, "organisation"), rc;
	return answer(rep, app_participation(req->app, org, &j, err), &j);
}

int http_scorecard_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	mu_id n;
	json_t *j = NULL;
	int rc;
	if ((rc = network(req, &n, err)) < 0)
		return rc;
	return answer(rep, app_scorecard(req->app, n, &j, err), &j);
}

int http_goals_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	mu_id p;
	json_t *j = NULL;
	int rc;
	if ((rc = person(req, "person", 0, &p, err)) < 0)
		return rc;
	return answer(rep, app_goals(req->app, p, &j, err), &j);
}

/* POST /api/v1/referrals/{id}/move {"status", "at"?, "closed_value"?} */
int http_referral_move_post(struct http_request *req, struct http_reply *rep,
			    struct mu_error *err)
{
	json_t *body, *j = NULL;
	mu_time at = 0;
	int rc;

	if ((rc = app_parse_json(req->body, req->body_len, &body, err)) < 0)
		return rc;
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v)
		if (strcmp(key, "status") && strcmp(key, "at") && strcmp(key, "closed_value")) {
			rc = mu_fail(err, MU_EINVAL, key, "unknown field; give status, at and"
				     " closed_value");
			json_decref(body);
			return rc;
		}
	json_t *st = json_object_get(body, "status"), *t = json_object_get(body, "at");
	json_t *cv = json_object_get(body, "closed_value");
	if (!json_is_object(body) || !json_is_string(st))
		rc = mu_fail(err, MU_EINVAL, "status", "is required: given, contacted, meeting,"
			     " offer, won or lost");
	else if (t && !json_is_null(t) &&
		 (!json_is_string(t) || mu_time_parse(json_string_value(t), &at)))
		rc = mu_fail(err, MU_EINVAL, "at", "must be a time such as 2026-03-04T08:30:00Z");
	else
		rc = app_referral_move(req->app, req->id, json_string_value(st), at,
				       json_is_null(cv) ? NULL : cv, &j, err);
	json_decref(body);
	return answer(rep, rc, &j);
}

/* --- the graph (SPEC 4.7, 4.8) --- */

/* A record named in query argument name (0 when absent). */
static int named(struct http_request *req, const char *name, enum entity_kind kind, mu_id *id,
		 struct mu_error *err)
{
	const char *v = arg(req, name);
	int rc;

	*id = 0;
	if (v && (rc = app_resolve(req->app, req->arena, model_entity(kind), v, id, err)) < 0)
		return mu_error_prefix(err, name), rc;
	return 0;
}

/* GET /api/v1/path?from=&to=&organisation=&k=&max_hops=: no from is every member. */
int http_path_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	struct app_path_ends ends;
	double k = APP_PATH_K, hops = APP_PATH_HOPS;
	json_t *j = NULL;
	int rc;

	if ((rc = person(req, "from", 0, &ends.from, err)) < 0 ||
	    (rc = person(req, "to", 0, &ends.to, err)) < 0 ||
	    (rc = named(req, "organisation", ENT_ORGANISATION, &ends.to_organisation, err)) < 0 ||
	    (rc = number(req, "k", 1, 20, &k, err)) < 0 ||
	    (rc = number(req, "max_hops", 1, 6, &hops, err)) < 0)
		return rc;
	if (!ends.to == !ends.to_organisation)
		return mu_fail(err, MU_EUSAGE, "to", "give to (a person) or organisation, one of them");
	rc = app_path(req->app, &ends, (size_t)k, (unsigned)hops, &j, err);
	return answer(rep, rc, &j);
}

int http_pymk_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	double top = 10;
	mu_id p, plan;
	json_t *j = NULL;
	int rc;

	if ((rc = person(req, "person", 1, &p, err)) < 0 ||
	    (rc = number(req, "top", 1, 1000, &top, err)) < 0 ||
	    (rc = named(req, "plan", ENT_PLAN, &plan, err)) < 0)
		return rc;
	rc = app_pymk(req->app, p, (size_t)top, plan, &j, err);
	return answer(rep, rc, &j);
}

int http_brokerage_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	json_t *j = NULL;
	mu_id p;
	int rc;

	if ((rc = person(req, "person", 0, &p, err)) < 0)
		return rc;
	rc = app_brokerage(req->app, p, &j, err);
	return answer(rep, rc, &j);
}

int http_communities_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	json_t *j = NULL;
	int rc = app_communities(req->app, &j, err);

	return answer(rep, rc, &j);
}

int http_bridges_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	json_t *j = NULL;
	int rc = app_bridges(req->app, &j, err);

	return answer(rep, rc, &j);
}

int http_map_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	json_t *j = NULL;
	int rc = app_map(req->app, &j, err);

	return answer(rep, rc, &j);
}
