/*
 * routes.h - the HTTP API as one table: method, path pattern, handler, summary.
 *
 * Dispatch, the 404/405 decision, the Allow header, the access log's route names and
 * (later) the OpenAPI document and the meta-tests all read the same table. Patterns
 * are literal segments and two placeholders: {entity}, any entity plural of the
 * model (core/model.h: "persons", "one_to_ones"), and {id}, a store id (a segment
 * that is not one is answered 404). Handlers see no libmicrohttpd type: the server
 * hands them a struct http_request and they fill a struct http_reply (http/reply.h).
 */
#ifndef MU_HTTP_ROUTES_H
#define MU_HTTP_ROUTES_H

#include <stddef.h>

#include "app/app.h"
#include "core/access.h"
#include "core/arena.h"
#include "core/error.h"
#include "core/model.h"
#include "http/reply.h"

/* One request as a handler sees it. Everything is borrowed for the handler's call. */
struct http_request {
	struct app *app;	/* checked out for this request, clock set */
	struct mu_arena *arena;	/* dies after the response is queued */
	const char *method;
	const char *path;	/* without the query string */
	const struct entity_def *entity;	/* {entity}, or NULL */
	mu_id id;		/* {id}, or 0 */
	const char *body;	/* the request body, NUL-terminated ("" if none) */
	size_t body_len;
	/* A query argument or a request header by name, or NULL if absent. */
	const char *(*query)(void *query_cls, const char *name);
	const char *(*header)(void *query_cls, const char *name);
	void *query_cls;
	const char *client;	/* the client's address (X-Forwarded-For behind --proxy) */
	int secure;		/* 1 if the client reached us over TLS (X-Forwarded-Proto) */
	const char *session;	/* the session cookie's token, set by http_authorize() */
};

/* Fill rep and return 0, or return a negative MU_E* with err filled (the caller turns
 * it into the error object). */
typedef int (*http_handler_fn)(struct http_request *req, struct http_reply *rep,
			       struct mu_error *err);

/* Who may call a route: anyone; any signed-in account; or an account holding at least
 * a role in the request's workspace (core/access.h). */
enum http_access { HA_PUBLIC, HA_ACCOUNT, HA_VIEWER, HA_MEMBER, HA_ADMIN, HA_OWNER };

/* The role an access level asks of the workspace, ROLE_NONE for the first two. */
static inline enum role http_access_role(enum http_access a)
{
	return a >= HA_VIEWER ? (enum role)(a - HA_VIEWER + ROLE_VIEWER) : ROLE_NONE;
}

struct http_route {
	const char *method;	/* "GET", "POST", "PATCH", "PUT", "DELETE" */
	const char *pattern;	/* "/api/v1/{entity}/{id}" */
	http_handler_fn handler;
	enum http_access access;
	const char *query;	/* query arguments, "a! b! network" (! required), or "" */
	const char *body;	/* the request body's schema name (docs/api.md), or NULL */
	const char *summary;	/* one line for OpenAPI and help */
};

/* The most request body a route takes: a file to import may be large, the rest is
 * small JSON. */
#define HTTP_BODY_LIMIT ((size_t)1 << 20)
#define HTTP_UPLOAD_LIMIT ((size_t)64 << 20)
#define HTTP_PAGE_MAX ((size_t)64 << 20)	/* a page of records as JSON */
size_t http_route_body_limit(const struct http_route *r);

/* The table, for meta-tests and generators. */
const struct http_route *http_routes(size_t *n);

struct http_match {
	const struct http_route *route;	/* the route; on 405 the first path match */
	const struct entity_def *entity;
	mu_id id;
	char allow[64];		/* on 405: the methods the path allows, "GET, POST" */
};

/* Find the route for method and path. 0 with m filled; MU_ENOTFOUND if no pattern
 * matches (or {id} is not a store id); MU_EMETHOD if the path exists but not with
 * this method, with m->allow filled. HEAD is served by the GET route. */
int http_route_match(const char *method, const char *path, struct http_match *m,
		     struct mu_error *err);

/* Sign the request in as its route's access level asks (http/auth.c): 0, or an error
 * (401, 403, 404 for a workspace the account has no role in). */
int http_authorize(const struct http_route *route, struct http_request *req,
		   struct mu_error *err);

/* Authorize, then run m's handler on req and fill rep, with the error object if
 * either fails. */
void http_dispatch(const struct http_match *m, struct http_request *req,
		   struct http_reply *rep);

#endif
