/*
 * auth.c - signing requests in, and the routes of accounts, sessions, tokens,
 * invitations and the audit trail (docs/security.md).
 *
 * A request signs in with the session cookie of POST /api/v1/login or with
 * "Authorization: Bearer TOKEN"; the route's access level (routes.c) says what it
 * needs. A request signed in by cookie that changes something must echo the session's
 * CSRF token in X-CSRF-Token: a cross-site form or script can send the cookie but
 * cannot read the token. Bearer requests carry no ambient authority and need none.
 * The two public POSTs (sign-in, accepting an invitation) take only application/json,
 * which a cross-site form cannot send without a CORS preflight this server never
 * grants.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "http/handlers.h"
#include "http/routes.h"
#include "app/access.h"
#include "io/record.h"
#include "core/banned.h"

#define COOKIE "mutua_session"

/* The value of cookie name in a Cookie header, copied into out; NULL if absent. */
static const char *cookie_value(const char *header, const char *name, char *out, size_t size)
{
	size_t nlen = strlen(name);

	for (const char *p = header; p && *p;) {
		while (*p == ' ' || *p == ';')
			p++;
		size_t len = strcspn(p, ";");
		if (len > nlen && !strncmp(p, name, nlen) && p[nlen] == '=') {
			snprintf(out, size, "%.*s", (int)(len - nlen - 1), p + nlen + 1);
			return out[0] ? out : NULL;
		}
		p += len;
	}
	return NULL;
}

static const char *bearer_token(const struct http_request *req)
{
	const char *h = req->header(req->query_cls, "Authorization");

	if (h && !strncasecmp(h, "Bearer ", 7))
		return h + 7;
	/* a calendar subscribes by URL alone, so the feed takes its token there */
	if (strstr(req->path, ".ics"))
		return req->query(req->query_cls, "token");
	return NULL;
}

static int unsafe(const char *method)
{
	return strcmp(method, "GET") && strcmp(method, "HEAD");
}

static int json_body_only(const struct http_request *req, struct mu_error *err)
{
	const char *type = req->header(req->query_cls, "Content-Type");

	if (type && !strncasecmp(type, "application/json", 16))
		return 0;
	return mu_fail(err, MU_EUSAGE, "Content-Type", "send the body as application/json");
}

int http_authorize(const struct http_route *route, struct http_request *req,
		   struct mu_error *err)
{
	static _Thread_local char session[APP_TOKEN_MAX];
	struct app_credentials cred = { 0 };
	enum app_via via;
	int rc;

	cred.session = cookie_value(req->header(req->query_cls, "Cookie"), COOKIE, session,
				    sizeof(session));
	req->session = cred.session;
	if (route->access == HA_PUBLIC) {
		app_act_anonymous(req->app);
		return unsafe(req->method) ? json_body_only(req, err) : 0;
	}
	cred.bearer = bearer_token(req);
	cred.workspace = req->header(req->query_cls, "X-Mutua-Workspace");
	if ((rc = app_authenticate(req->app, &cred, http_access_role(route->access), &via,
				   err)) < 0)
		return rc;
	if (via == VIA_SESSION && unsafe(req->method) &&
	    !app_csrf_ok(cred.session, req->header(req->query_cls, "X-CSRF-Token")))
		return mu_fail(err, MU_EFORBIDDEN, "X-CSRF-Token", "a change signed in by cookie"
			       " needs the session's CSRF token (GET /api/v1/session)");
	return 0;
}

/* --- helpers --- */

/* A string member of a body, or NULL; MU_EINVAL if present and not a string. */
static int member(json_t *body, const char *name, int required, const char **out,
		  struct mu_error *err)
{
	json_t *v = json_object_get(body, name);

	*out = json_string_value(v);
	if ((v && !json_is_string(v) && !json_is_null(v)) || (required && !*out))
		return mu_fail(err, MU_EINVAL, name, "%s a string", required ? "is required:" :
			       "must be");
	return 0;
}

static void set_cookie(struct http_request *req, struct http_reply *rep, const char *token,
		       long max_age)
{
	snprintf(rep->cookie, sizeof(rep->cookie), COOKIE "=%s; Path=/; Max-Age=%ld; HttpOnly;"
		 " SameSite=Lax%s", token, max_age, req->secure ? "; Secure" : "");
}

/* Answer a new session: its cookie, and the session document. */
static int signed_in(struct http_request *req, struct http_reply *rep,
		     const struct app_session *s, struct mu_error *err)
{
	json_t *doc;
	int rc;

	if ((rc = app_session_json(req->app, s->token, &doc, err)) < 0)
		return rc;
	set_cookie(req, rep, s->token, APP_SESSION_MAX);
	reply_json(rep, 200, doc);
	return 0;
}

static int answer_json(struct http_reply *rep, int rc, int status, json_t *doc)
{
	if (rc < 0)
		return rc;
	reply_json(rep, status, doc);
	return 0;
}

/* 201 with a token made just now, shown this once. */
static int created_token(struct http_reply *rep, int rc, mu_id id, const char *token)
{
	if (rc < 0)
		return rc;
	reply_json(rep, 201, json_pack("{s:o, s:s}", "id", record_id_json(id), "token", token));
	return 0;
}

/* --- sessions --- */

int http_login_post(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	struct app_session s;
	const char *email, *password;
	json_t *body;
	int rc;

	if ((rc = http_body_object(req, &body, err)) < 0)
		return rc;
	if ((rc = member(body, "email", 1, &email, err)) == 0 &&
	    (rc = member(body, "password", 1, &password, err)) == 0)
		rc = app_login(req->app, email, password, req->client, &s, &rep->retry_after, err);
	json_decref(body);
	if (rc == 0)
		rc = signed_in(req, rep, &s, err);
	return rc;
}

int http_logout_post(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	int rc;

	if (req->session && (rc = app_logout(req->app, req->session, err)) < 0)
		return rc;
	set_cookie(req, rep, "", 0);
	reply_empty(rep, 204);
	return 0;
}

int http_session_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	json_t *doc = NULL;
	int rc = app_session_json(req->app, req->session, &doc, err);

	return answer_json(rep, rc, 200, doc);
}

/* --- tokens --- */

int http_tokens_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	json_t *list = NULL;
	int rc = app_token_list(req->app, &list, err);

	return answer_json(rep, rc, 200, list);
}

int http_tokens_post(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	const char *name, *role, *expires, *account;
	char token[APP_TOKEN_MAX];
	json_t *body;
	mu_id id = 0;
	int rc;

	if ((rc = http_body_object(req, &body, err)) < 0)
		return rc;
	if ((rc = member(body, "name", 1, &name, err)) == 0 &&
	    (rc = member(body, "role", 0, &role, err)) == 0 &&
	    (rc = member(body, "account", 0, &account, err)) == 0 &&
	    (rc = member(body, "expires_at", 0, &expires, err)) == 0)
		rc = app_token_create(req->app, account, name, role, expires, token, &id, err);
	json_decref(body);
	return created_token(rep, rc, id, token);
}

int http_token_delete(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	int rc;

	if ((rc = app_token_revoke(req->app, req->id, err)) < 0)
		return rc;
	reply_empty(rep, 204);
	return 0;
}

/* --- members and invitations --- */

int http_members_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	json_t *list = NULL;
	int rc = app_member_list(req->app, &list, err);

	return answer_json(rep, rc, 200, list);
}

int http_members_put(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	const char *email, *role;
	json_t *body, *list = NULL;
	int rc;

	if ((rc = http_body_object(req, &body, err)) < 0)
		return rc;
	if ((rc = member(body, "email", 1, &email, err)) == 0 &&
	    (rc = member(body, "role", 1, &role, err)) == 0)
		rc = app_account_role(req->app, email, strcmp(role, "none") ? role : NULL, err);
	json_decref(body);
	if (rc == 0)
		rc = app_member_list(req->app, &list, err);
	return answer_json(rep, rc, 200, list);
}

int http_invitations_get(struct http_request *req, struct http_reply *rep,
			 struct mu_error *err)
{
	json_t *list = NULL;
	int rc = app_invitation_list(req->app, &list, err);

	return answer_json(rep, rc, 200, list);
}

int http_invitations_post(struct http_request *req, struct http_reply *rep,
			  struct mu_error *err)
{
	const char *email, *role;
	char token[APP_TOKEN_MAX];
	json_t *body;
	mu_id id = 0;
	int rc;

	if ((rc = http_body_object(req, &body, err)) < 0)
		return rc;
	if ((rc = member(body, "email", 1, &email, err)) == 0 &&
	    (rc = member(body, "role", 1, &role, err)) == 0)
		rc = app_invite(req->app, email, role, token, &id, err);
	json_decref(body);
	return created_token(rep, rc, id, token);
}

int http_invitation_delete(struct http_request *req, struct http_reply *rep,
			   struct mu_error *err)
{
	int rc;

	if ((rc = app_invitation_rm(req->app, req->id, err)) < 0)
		return rc;
	reply_empty(rep, 204);
	return 0;
}

int http_invitation_accept_post(struct http_request *req, struct http_reply *rep,
				struct mu_error *err)
{
	const char *token, *password, *name;
	struct app_session s;
	json_t *body;
	int rc;

	if ((rc = http_body_object(req, &body, err)) < 0)
		return rc;
	if ((rc = member(body, "token", 1, &token, err)) == 0 &&
	    (rc = member(body, "password", 1, &password, err)) == 0 &&
	    (rc = member(body, "display_name", 0, &name, err)) == 0)
		rc = app_invitation_accept(req->app, token, password, name, &s, err);
	json_decref(body);
	if (rc == 0)
		rc = signed_in(req, rep, &s, err);
	return rc;
}

/* --- audit --- */

int http_audit_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	const char *since = req->query(req->query_cls, "since");
	const char *cursor = req->query(req->query_cls, "cursor");
	const char *limit_arg = req->query(req->query_cls, "limit");
	json_t *items = NULL, *page;
	mu_id after = 0, limit = 100;
	size_t n;
	int rc;

	if (cursor && !record_is_store_id(cursor, &after))
		return mu_fail(err, MU_EUSAGE, "cursor", "pass the next_cursor of the previous page");
	if (limit_arg && (!record_is_store_id(limit_arg, &limit) || limit > 1000))
		return mu_fail(err, MU_EUSAGE, "limit", "'%.40s' is not a number from 1 to 1000",
			       limit_arg);
	if ((rc = app_audit_list(req->app, since, after, (size_t)limit + 1, &items, err)) < 0)
		return rc;
	n = json_array_size(items);
	page = json_object();
	if (n > (size_t)limit) {
		json_array_remove(items, (size_t)limit);
		json_object_set(page, "next_cursor",
				json_object_get(json_array_get(items, (size_t)limit - 1), "id"));
	} else {
		json_object_set_new(page, "next_cursor", json_null());
	}
	json_object_set_new(page, "items", items);
	reply_json(rep, 200, page);
	return 0;
}
