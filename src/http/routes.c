/*
 * routes.c - the route table of the API (SPEC §7) and the handlers of its records.
 *
 * Matching walks the table once: a path that fits no pattern is 404, a path that fits
 * patterns only under other methods is 405 with those methods in Allow. Handlers call
 * app/ (one transaction each) and encode with io/record.c, the same codec as --json
 * and the workspace document, so every face shows a record alike.
 *
 * Lists are pages in id order: ?limit=1..1000 (default 50) and ?cursor=, the opaque
 * next_cursor of the previous page (today the last id it held). next_cursor is null
 * exactly when nothing follows: the page is read with one extra row to know.
 * GET /api/v1/takeaways?q= answers a full-text search in the same page shape, and
 * GET /api/v1/persons?q= finds people by name, e-mail, title, city, tags or organisation.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "http/handlers.h"
#include "http/routes.h"
#include "app/search.h"
#include "io/record.h"
#include "core/banned.h"

#ifndef MUTUA_VERSION
#define MUTUA_VERSION "0.1.0"
#endif

#define LIST_DEFAULT 50
#define LIST_MAX 1000

static int health_get(struct http_request *req, struct http_reply *rep, struct mu_error *err);
static int enums_get(struct http_request *req, struct http_reply *rep, struct mu_error *err);
static int workspace_get(struct http_request *req, struct http_reply *rep, struct mu_error *err);
static int workspace_patch(struct http_request *req, struct http_reply *rep,
			   struct mu_error *err);
static int export_get(struct http_request *req, struct http_reply *rep, struct mu_error *err);
static int records_list(struct http_request *req, struct http_reply *rep, struct mu_error *err);
static int record_add(struct http_request *req, struct http_reply *rep, struct mu_error *err);
static int record_get(struct http_request *req, struct http_reply *rep, struct mu_error *err);
static int record_edit(struct http_request *req, struct http_reply *rep, struct mu_error *err);
static int record_rm(struct http_request *req, struct http_reply *rep, struct mu_error *err);

#define ROUTE(method, pattern, handler, access, query, body, summary) \
	{ method, pattern, handler, HA_##access, query, body, summary }

static const struct http_route routes[] = {
	ROUTE("GET", "/api/v1/health", health_get, PUBLIC, "", NULL,
	      "liveness, version and schema version"),
	ROUTE("GET", "/api/v1/openapi.json", http_openapi_get, PUBLIC, "", NULL,
	      "this API as an OpenAPI 3 document"),
	ROUTE("GET", "/api/v1/enums", enums_get, PUBLIC, "", NULL,
	      "every enumeration's values with their English, Swedish and Danish labels"),
	ROUTE("POST", "/api/v1/login", http_login_post, PUBLIC, "", "login",
	      "sign in: a session cookie and the CSRF token"),
	ROUTE("POST", "/api/v1/logout", http_logout_post, ACCOUNT, "", NULL,
	      "sign out: the session ends"),
	ROUTE("GET", "/api/v1/session", http_session_get, ACCOUNT, "", NULL,
	      "the signed-in account, its workspaces and roles, the CSRF token"),
	ROUTE("POST", "/api/v1/invitations/accept", http_invitation_accept_post, PUBLIC, "",
	      "invitation_accept", "accept an invitation: an account, a role, a session"),
	ROUTE("GET", "/api/v1/tokens", http_tokens_get, VIEWER, "", NULL,
	      "API tokens: the caller's own, or all for an admin"),
	ROUTE("POST", "/api/v1/tokens", http_tokens_post, VIEWER, "", "token_create",
	      "a new API token, shown once"),
	ROUTE("DELETE", "/api/v1/tokens/{id}", http_token_delete, VIEWER, "", NULL,
	      "revoke an API token"),
	ROUTE("GET", "/api/v1/members", http_members_get, ADMIN, "", NULL,
	      "the accounts of the workspace with their roles"),
	ROUTE("PUT", "/api/v1/members", http_members_put, ADMIN, "", "member_role",
	      "give an account a role in the workspace, or none"),
	ROUTE("GET", "/api/v1/invitations", http_invitations_get, ADMIN, "", NULL,
	      "open invitations"),
	ROUTE("POST", "/api/v1/invitations", http_invitations_post, ADMIN, "", "invitation_create",
	      "invite an e-mail with a role; the token is shown once"),
	ROUTE("DELETE", "/api/v1/invitations/{id}", http_invitation_delete, ADMIN, "", NULL,
	      "withdraw an invitation"),
	ROUTE("GET", "/api/v1/audit", http_audit_get, ADMIN, "since limit cursor", NULL,
	      "who read or changed personal data, oldest first"),
	ROUTE("GET", "/api/v1/subjects/{id}", http_subject_get, ADMIN, "", NULL,
	      "everything about a person, as one document (GDPR Art. 15, 20)"),
	ROUTE("POST", "/api/v1/subjects/{id}/erase", http_subject_erase_post, ADMIN, "",
	      "subject_erase", "erase a person; the totals they are part of stay (Art. 17)"),
	ROUTE("GET", "/api/v1/workspace", workspace_get, VIEWER, "", NULL, "the selected workspace"),
	ROUTE("PATCH", "/api/v1/workspace", workspace_patch, ADMIN, "", "workspace_patch",
	      "change the workspace's settings: weights and thresholds (SPEC 4)"),
	ROUTE("GET", "/api/v1/export", export_get, MEMBER, "", NULL,
	      "the whole workspace as one document, without what the caller may not see"),
	ROUTE("GET", "/api/v1/export/json", export_get, MEMBER, "", NULL,
	      "the whole workspace as one document (as /api/v1/export)"),
	ROUTE("GET", "/api/v1/export/vcard", http_export_contacts_get, MEMBER, "", NULL,
	      "the persons the caller may see as vCard 4.0"),
	ROUTE("GET", "/api/v1/export/csv", http_export_contacts_get, MEMBER, "", NULL,
	      "the persons the caller may see as a Google Contacts CSV file"),
	ROUTE("POST", "/api/v1/persons/{id}/merge", http_person_merge_post, MEMBER, "",
	      "person_merge", "join another person into this one, with all their records"),
	ROUTE("POST", "/api/v1/import/vcard", http_import_post, MEMBER,
	      "dry_run legal_basis items", "contacts_file",
	      "add or merge the persons of a vCard file (2.1, 3.0, 4.0)"),
	ROUTE("POST", "/api/v1/import/linkedin", http_import_post, MEMBER,
	      "dry_run legal_basis me items", "contacts_file",
	      "add or merge LinkedIn connections (Connections.csv), tied to me"),
	ROUTE("POST", "/api/v1/import/google", http_import_post, MEMBER,
	      "dry_run legal_basis items", "contacts_file",
	      "add or merge the persons of a Google Contacts CSV file"),
	ROUTE("POST", "/api/v1/import/json", http_import_json_post, ACCOUNT, "as",
	      "workspace_document", "a workspace document as a new workspace the caller owns"),
	ROUTE("GET", "/api/v1/fit", http_fit_get, VIEWER, "a! b!", NULL,
	      "fit of two people (SPEC 4.1)"),
	ROUTE("GET", "/api/v1/fit/matrix", http_fit_matrix_get, VIEWER, "network pairs", NULL,
	      "fit of every pair"),
	ROUTE("GET", "/api/v1/partners", http_partners_get, VIEWER, "person! top", NULL,
	      "best referral partners of a person"),
	ROUTE("GET", "/api/v1/powerteams", http_powerteams_get, VIEWER, "network min_fit top", NULL,
	      "power teams (SPEC 4.2)"),
	ROUTE("GET", "/api/v1/balance", http_balance_get, VIEWER, "a b network", NULL,
	      "give and take (SPEC 4.3)"),
	ROUTE("GET", "/api/v1/ledger", http_ledger_get, VIEWER, "person", NULL,
	      "exchanges with their points"),
	ROUTE("GET", "/api/v1/strength", http_strength_get, VIEWER, "a! b!", NULL,
	      "tie strength (SPEC 4.4)"),
	ROUTE("GET", "/api/v1/timeline", http_timeline_get, VIEWER, "person!", NULL,
	      "a person's history, newest first, and their ties with strength"),
	ROUTE("GET", "/api/v1/agenda", http_agenda_get, VIEWER, "person date", NULL,
	      "today's agenda"),
	ROUTE("GET", "/api/v1/agenda.ics", http_agenda_ics_get, VIEWER, "person token", NULL,
	      "the agenda and meetings as an iCalendar feed"),
	ROUTE("GET", "/api/v1/roi", http_roi_get, VIEWER, "network from to", NULL,
	      "network return and verdict (SPEC 4.6)"),
	ROUTE("GET", "/api/v1/goals/progress", http_goals_get, VIEWER, "person", NULL,
	      "progress of every goal"),
	ROUTE("GET", "/api/v1/matches", http_matches_get, VIEWER, "ask top", NULL,
	      "members matching the open asks (SPEC 4.9)"),
	ROUTE("GET", "/api/v1/path", http_path_get, VIEWER, "from to organisation k max_hops", NULL,
	      "warm introduction paths (SPEC 4.7)"),
	ROUTE("GET", "/api/v1/pymk", http_pymk_get, VIEWER, "person! top plan", NULL,
	      "people you may know, by Adamic-Adar"),
	ROUTE("GET", "/api/v1/brokerage", http_brokerage_get, VIEWER, "person", NULL,
	      "Burt's constraint and effective size (SPEC 4.8)"),
	ROUTE("GET", "/api/v1/communities", http_communities_get, VIEWER, "", NULL,
	      "communities by Leiden"),
	ROUTE("GET", "/api/v1/bridges", http_bridges_get, VIEWER, "", NULL,
	      "people who alone connect a community or a plan segment"),
	ROUTE("GET", "/api/v1/map", http_map_get, VIEWER, "", NULL,
	      "the network map: people, ties with strength, communities"),
	ROUTE("POST", "/api/v1/asks/{id}/accept", http_ask_accept_post, MEMBER, "", "ask_accept",
	      "turn a match into an introduction or referral"),
	ROUTE("GET", "/api/v1/participation", http_participation_get, VIEWER, "organisation", NULL,
	      "employees x networks with cost, outcome and goals"),
	ROUTE("GET", "/api/v1/coverage", http_coverage_get, VIEWER, "plan", NULL,
	      "plan coverage, gaps and suggestions (SPEC 4.5)"),
	ROUTE("GET", "/api/v1/scorecard", http_scorecard_get, VIEWER, "network", NULL,
	      "members' scorecards and group totals (SPEC 4.10)"),
	ROUTE("POST", "/api/v1/referrals/{id}/move", http_referral_move_post, MEMBER, "",
	      "referral_move", "move a referral along its pipeline"),
	ROUTE("GET", "/api/v1/{entity}", records_list, VIEWER, "limit cursor q", NULL,
	      "a page of records, in id order; takeaways, persons: ?q= searches, best first"),
	ROUTE("POST", "/api/v1/{entity}", record_add, MEMBER, "", "record", "create a record"),
	ROUTE("GET", "/api/v1/{entity}/{id}", record_get, VIEWER, "", NULL, "one record"),
	ROUTE("PATCH", "/api/v1/{entity}/{id}", record_edit, MEMBER, "", "record_patch",
	      "change the fields given; null clears"),
	ROUTE("DELETE", "/api/v1/{entity}/{id}", record_rm, MEMBER, "", NULL, "delete a record"),
};

size_t http_route_body_limit(const struct http_route *r)
{
	if (r->body && (!strcmp(r->body, "contacts_file") || !strcmp(r->body, "workspace_document")))
		return HTTP_UPLOAD_LIMIT;
	return HTTP_BODY_LIMIT;
}

const struct http_route *http_routes(size_t *n)
{
	*n = sizeof(routes) / sizeof(routes[0]);
	return routes;
}

/* --- matching --- */

/* The entity whose plural is the segment s[0..len), or NULL. */
static const struct entity_def *entity_by_plural(const char *s, size_t len)
{
	for (int k = 0; k < ENT_COUNT; k++) {
		const struct entity_def *e = model_entity((enum entity_kind)k);
		if (strlen(e->plural) == len && !memcmp(e->plural, s, len))
			return e;
	}
	return NULL;
}

/* Take one path segment for a placeholder; 0 if it cannot fill it. */
static int capture(const char *name, size_t name_len, const char *s, size_t len,
		   struct http_match *m, const char **id_text, size_t *id_len)
{
	if (!len)
		return 0;
	if (name_len == 8 && !memcmp(name, "{entity}", 8))
		return (m->entity = entity_by_plural(s, len)) != NULL;
	if (name_len == 4 && !memcmp(name, "{id}", 4)) {
		*id_text = s;
		*id_len = len;
		return 1;
	}
	MU_BUG("unknown placeholder in a route pattern");
}

/* 1 if path fits pattern segment by segment; fills m's placeholders and the {id} text. */
static int path_fits(const char *pattern, const char *path, struct http_match *m,
		     const char **id_text, size_t *id_len)
{
	const char *p = pattern, *s = path;

	for (;;) {
		size_t pl = strcspn(p, "/"), sl = strcspn(s, "/");

		if (p[0] == '{') {
			if (!capture(p, pl, s, sl, m, id_text, id_len))
				return 0;
		} else if (pl != sl || memcmp(p, s, pl)) {
			return 0;
		}
		p += pl;
		s += sl;
		if (*p != *s)
			return 0;
		if (!*p)
			return 1;
		p++;
		s++;
	}
}

static void allow_add(char *allow, size_t size, const char *method)
{
	size_t len = strlen(allow), mlen = strlen(method);
	const char *hit = strstr(allow, method);

	/* the table lists a method once per pattern, but several patterns may fit */
	if (hit && (hit[mlen] == ',' || !hit[mlen]) && (hit == allow || hit[-1] == ' '))
		return;
	snprintf(allow + len, size - len, "%s%s", len ? ", " : "", method);
}

static int method_fits(const char *route_method, const char *method)
{
	return !strcmp(route_method, method) ||
	       (!strcmp(method, "HEAD") && !strcmp(route_method, "GET"));
}

/* {id} must be a store id; anything else names no record. */
static int check_id(struct http_match *m, const char *text, size_t len, struct mu_error *err)
{
	char buf[24];

	if (!text)
		return 0;
	if (len < sizeof(buf)) {
		memcpy(buf, text, len);
		buf[len] = '\0';
		if (record_is_store_id(buf, &m->id))
			return 0;
	}
	return mu_fail(err, MU_ENOTFOUND, "", "'%.*s' is not a %s id", len > 40 ? 40 : (int)len,
		       text, m->entity ? m->entity->name : "record");
}

int http_route_match(const char *method, const char *path, struct http_match *m,
		     struct mu_error *err)
{
	const struct http_route *first = NULL;

	memset(m, 0, sizeof(*m));
	for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		struct http_match t = { 0 };
		const char *id_text = NULL;
		size_t id_len = 0;

		if (!path_fits(routes[i].pattern, path, &t, &id_text, &id_len))
			continue;
		if (!first)
			first = &routes[i];
		if (!method_fits(routes[i].method, method)) {
			allow_add(m->allow, sizeof(m->allow), routes[i].method);
			continue;
		}
		memcpy(t.allow, m->allow, sizeof(t.allow));
		*m = t;
		m->route = &routes[i];
		return check_id(m, id_text, id_len, err);
	}
	m->route = first;
	if (first)
		return mu_fail(err, MU_EMETHOD, "", "%.16s is not allowed here; use %s", method,
			       m->allow);
	return mu_fail(err, MU_ENOTFOUND, "", "there is no resource at this path");
}

/* A use case the database answered "busy" (MU_ERETRY: a serialization failure or a
 * deadlock on PostgreSQL, a lock held past the timeout on SQLite) is run again, up to
 * HANDLER_ATTEMPTS times in all: its transaction was rolled back whole, so running it
 * again is running it once (docs/decisions/0006-postgresql.md). */
#define HANDLER_ATTEMPTS 5

/* 5, 10, 20, 40 ms and a jitter of up to 5 ms, so that two that collided do not
 * collide again */
static void back_off(int attempt)
{
	struct timespec now, wait;

	clock_gettime(CLOCK_MONOTONIC, &now);
	wait.tv_sec = 0;
	wait.tv_nsec = (5L << (attempt - 1)) * 1000000L + now.tv_nsec % 5000000L;
	nanosleep(&wait, NULL);
}

void http_dispatch(const struct http_match *m, struct http_request *req,
		   struct http_reply *rep)
{
	struct mu_error err = { 0 };
	int rc;

	req->entity = m->entity;
	req->id = m->id;
	rc = http_authorize(m->route, req, &err);
	for (int attempt = 1; rc == 0; attempt++) {
		rc = m->route->handler(req, rep, &err);
		if (rc != MU_ERETRY || attempt == HANDLER_ATTEMPTS)
			break;
		/* the transaction was rolled back: run the use case again, a little later */
		mu_error_clear(&err);
		reply_release(rep);
		reply_init(rep);
		back_off(attempt);
		rc = 0;
	}
	if (rc < 0) {
		if (!err.code)
			err.code = rc;
		reply_error(rep, &err);
	}
}

/* --- handlers --- */

static int health_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	json_t *o = json_object();

	(void)err;
	json_object_set_new(o, "status", json_string("ok"));
	json_object_set_new(o, "version", json_string(MUTUA_VERSION));
	/* NEEDSWORK: app.h has no schema call yet, so this reaches the store through app */
	json_object_set_new(o, "schema", json_integer(store_schema_version(req->app->st)));
	reply_json(rep, 200, o);
	return 0;
}

/* The product's enumerations (the TSV files of data/), the same for everyone: public,
 * as the OpenAPI document that lists their values is. */
static int enums_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	(void)req;
	(void)err;
	reply_json(rep, 200, record_enums_json());
	return 0;
}

static int workspace_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	(void)err;
	reply_json(rep, 200, app_workspace_json(req->app));
	return 0;
}

/* {"settings": {...}}: a merge patch of the settings (app_workspace_settings()); the
 * answer is the workspace as GET shows it. */
static int workspace_patch(struct http_request *req, struct http_reply *rep,
			   struct mu_error *err)
{
	const char *key;
	json_t *body, *v;
	int rc = 0;

	if ((rc = http_body_object(req, &body, err)) < 0)
		return rc;
	json_object_foreach(body, key, v)
		if (strcmp(key, "settings") && rc == 0)
			rc = mu_fail(err, MU_EINVAL, key, "unknown field; only settings can be changed");
	if (rc == 0 && !json_object_get(body, "settings"))
		rc = mu_fail(err, MU_EINVAL, "settings", "is required");
	if (rc == 0)
		rc = app_workspace_settings(req->app, json_object_get(body, "settings"), err);
	json_decref(body);
	if (rc < 0)
		return rc;
	reply_json(rep, 200, app_workspace_json(req->app));
	return 0;
}

static int export_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	json_t *doc;
	int rc;

	if ((rc = app_export(req->app, &doc, err)) < 0)
		return rc;
	reply_json(rep, 200, doc);
	return 0;
}

static int parse_limit(const char *s, size_t *limit, struct mu_error *err)
{
	size_t v = 0;
	const char *p = s;

	if (!s) {
		*limit = LIST_DEFAULT;
		return 0;
	}
	for (; *p >= '0' && *p <= '9' && v <= LIST_MAX; p++)
		v = v * 10 + (size_t)(*p - '0');
	if (p == s || *p || v < 1 || v > LIST_MAX)
		return mu_fail(err, MU_EUSAGE, "limit", "'%.40s' is not a number from 1 to %d", s,
			       LIST_MAX);
	*limit = v;
	return 0;
}

static int parse_cursor(const char *s, mu_id *after, struct mu_error *err)
{
	*after = 0;
	if (!s || record_is_store_id(s, after))
		return 0;
	return mu_fail(err, MU_EUSAGE, "cursor", "'%.40s' is not a cursor; pass the"
		       " next_cursor of the previous page", s);
}

/* A page of records, {"items": [...], "next_cursor": "NEXT" or null}, written straight
 * into the body: the same bytes as the objects' dump (record_write_json), for a
 * fraction of the work, which is most of what a list costs. n may be limit + 1: the
 * one more row says there is a next page, which starts after the cursor next. */
static int reply_page(struct http_request *req, struct http_reply *rep,
		      const struct mu_record *recs, size_t n, size_t limit, mu_id next,
		      struct mu_error *err)
{
	struct mu_buf b;
	int rc;

	mu_buf_init(&b, HTTP_PAGE_MAX);
	rc = mu_buf_adds(&b, "{\"items\":[");
	for (size_t i = 0; i < n && i < limit && !rc; i++)
		if (!(rc = i ? mu_buf_adds(&b, ",") : 0))
			rc = record_write_json(&b, &recs[i]);
	if (!rc)
		rc = n > limit ? mu_buf_addf(&b, "],\"next_cursor\":\"%lld\"}", (long long)next)
			       : mu_buf_adds(&b, "],\"next_cursor\":null}");
	if (!rc) {
		rep->status = 200;
		rep->text_len = b.len;
		rep->text = mu_strndup(req->arena, mu_buf_str(&b), b.len);
	}
	mu_buf_release(&b);
	return rc ? mu_fail(err, MU_ETOOBIG, "limit", "the page is too big; ask for fewer") : 0;
}

/* ?q= on takeaways and persons: the same page, most relevant first; its cursor is the
 * number of results before the next page (app/search.h reads the text). */
static int records_search(struct http_request *req, const char *q, size_t limit, mu_id offset,
			  struct http_reply *rep, struct mu_error *err)
{
	struct mu_record *recs;
	size_t n = 0;
	int rc;

	if (req->entity->kind == ENT_TAKEAWAY)
		rc = app_takeaway_search(req->app, req->arena, q, (size_t)offset, limit + 1, &recs,
					 &n, err);
	else if (req->entity->kind == ENT_PERSON)
		rc = app_person_search(req->app, req->arena, q, (size_t)offset, limit + 1, &recs,
				       &n, err);
	else
		return mu_fail(err, MU_EUSAGE, "q", "%s cannot be searched; only takeaways and"
			       " persons take ?q=", req->entity->plural);
	if (rc < 0)
		return rc;
	return reply_page(req, rep, recs, n, limit, offset + (mu_id)limit, err);
}

static int records_list(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	struct mu_record *recs;
	size_t limit = 0, n = 0;
	mu_id after = 0;
	const char *q = req->query(req->query_cls, "q");
	int rc;

	if ((rc = parse_limit(req->query(req->query_cls, "limit"), &limit, err)) < 0 ||
	    (rc = parse_cursor(req->query(req->query_cls, "cursor"), &after, err)) < 0)
		return rc;
	if (q)
		return records_search(req, q, limit, after, rep, err);
	/* one row more than the page: whether it exists decides next_cursor */
	if ((rc = app_record_list(req->app, req->arena, req->entity, after, limit + 1, &recs, &n,
				  err)) < 0)
		return rc;
	return reply_page(req, rep, recs, n, limit, n > limit ? recs[limit - 1].id : 0, err);
}

int http_body_object(const struct http_request *req, json_t **out, struct mu_error *err)
{
	int rc;

	if ((rc = app_parse_json(req->body, req->body_len, out, err)) < 0)
		return rc;
	if (json_is_object(*out))
		return 0;
	json_decref(*out);
	*out = NULL;
	return mu_fail(err, MU_EINVAL, "", "the body must be a JSON object");
}

static int record_add(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	struct mu_record *r;
	json_t *obj;
	int rc;

	if ((rc = http_body_object(req, &obj, err)) < 0)
		return rc;
	rc = app_record_add(req->app, req->arena, req->entity, obj, &r, err);
	json_decref(obj);
	if (rc < 0)
		return rc;
	/* a profile's id is its person's id (the key), which the store put in r->id */
	snprintf(rep->location, sizeof(rep->location), "/api/v1/%s/%lld", req->entity->plural,
		 (long long)r->id);
	reply_json(rep, 201, record_encode(r));
	return 0;
}

static int record_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	struct mu_record *r;
	int rc;

	if ((rc = app_record_get(req->app, req->arena, req->entity, req->id, &r, err)) < 0)
		return rc;
	reply_json(rep, 200, record_encode(r));
	return 0;
}

static int record_edit(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	struct mu_record *r;
	json_t *patch;
	int rc;

	if ((rc = http_body_object(req, &patch, err)) < 0)
		return rc;
	rc = app_record_edit(req->app, req->arena, req->entity, req->id, patch, &r, err);
	json_decref(patch);
	if (rc < 0)
		return rc;
	reply_json(rep, 200, record_encode(r));
	return 0;
}

static int record_rm(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	int rc;

	if ((rc = app_record_rm(req->app, req->entity, req->id, err)) < 0)
		return rc;
	reply_empty(rep, 204);
	return 0;
}
