/*
 * web.h - the web UI: the files of web/, compiled into the binary (build/gen/web_gen.c,
 * made by scripts/gen-embed), served at "/" and "/assets/NAME" (docs/web.md).
 *
 * Every path outside "/api/" is the web UI's. The server matches such a path here
 * instead of in the route table, and gets a route like any other: public, GET (and
 * HEAD), answered through the same reply machinery, so static files carry the same
 * security headers and the access log names "/" or "/assets/{name}", never the path.
 */
#ifndef MU_HTTP_WEB_H
#define MU_HTTP_WEB_H

#include "core/embedded.h"
#include "core/error.h"
#include "http/routes.h"

/* 1 if path belongs to the web UI (it is not under "/api/"). */
int http_web_path(const char *path);

/* Match a web UI path as http_route_match() matches an API one: 0 with m filled;
 * MU_EMETHOD (m->allow "GET, HEAD") for another method; MU_ENOTFOUND for a path
 * that is neither "/" nor "/assets/NAME" (an unknown NAME is the handler's 404). */
int http_web_match(const char *method, const char *path, struct http_match *m,
		   struct mu_error *err);

/* The embedded file named name ("index.html"), or NULL. */
const struct embedded_file *http_web_file(const char *name);

#endif
