/*
 * reply.h - what a route answers, and how it goes out: status, a JSON body (or a
 * text body with its own type), and the few headers a route may set.
 *
 * Every failure is answered the same way, from the error table (core/errors.def):
 *	{"error": {"code": "not_found", "message": "no person 42 in this workspace",
 *		   "field": null}}
 * with the status of the code. reply_queue() adds the headers every response carries:
 * Content-Type, Cache-Control: no-store, and the security headers of docs/security.md
 * (a Content-Security-Policy without inline script and with frame-ancestors 'none',
 * X-Content-Type-Options: nosniff, X-Frame-Options: DENY, Referrer-Policy).
 */
#ifndef MU_HTTP_REPLY_H
#define MU_HTTP_REPLY_H

#include <stddef.h>

#include <jansson.h>

#include "core/error.h"

struct MHD_Connection;

struct http_reply {
	int status;
	json_t *json;		/* the body (owned); NULL with text, or for no body */
	const char *text;	/* a non-JSON body, copied when queued; NULL if none */
	size_t text_len;
	const char *content_type;	/* NULL: application/json; charset=utf-8 */
	char location[128];	/* Location header, "" for none */
	char allow[64];		/* Allow header (405), "" for none */
	char cookie[256];	/* Set-Cookie header, "" for none */
	int retry_after;	/* Retry-After seconds (429), 0 for none */
	int close;		/* 1: Connection: close (the server is stopping) */
};

void reply_init(struct http_reply *r);
/* Drop the body; r may be reused after reply_init(). */
void reply_release(struct http_reply *r);

/* Answer status with body (a new reference the reply takes over). */
void reply_json(struct http_reply *r, int status, json_t *body);
/* Answer status with no body (204). */
void reply_empty(struct http_reply *r, int status);
/* Answer with the error object of err, with the status of err->code. */
void reply_error(struct http_reply *r, const struct mu_error *err);
/* The same with another status, for the few HTTP-only cases (414 URI too long). */
void reply_error_status(struct http_reply *r, int status, const struct mu_error *err);
/* The error object alone (a new reference). */
json_t *reply_error_json(const struct mu_error *err);

/* Build the response and queue it on c: the status sent (500 if the body could not
 * be serialised), or -1 if libmicrohttpd refused (no memory, or a response was
 * queued already); the caller then drops the connection. The reply keeps its body;
 * release it afterwards. */
int reply_queue(struct MHD_Connection *c, const struct http_reply *r);

#endif
