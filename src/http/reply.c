/*
 * reply.c - http_reply to libmicrohttpd response: serialise, add headers, queue.
 *
 * JSON bodies are dumped once, compactly, with 15 significant digits for reals, and
 * handed to libmicrohttpd, which frees them (MHD_RESPMEM_MUST_FREE). A reply whose
 * body cannot be serialised becomes a fixed 500 error object, never a silent empty
 * 200.
 */
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <microhttpd.h>

#include "http/reply.h"
#include "core/banned.h"

#define JSON_TYPE "application/json; charset=utf-8"
#define DUMP_FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(15))

static const char fallback_body[] =
	"{\"error\":{\"code\":\"no_memory\",\"message\":\"the reply could not be built\","
	"\"field\":null}}";

void reply_init(struct http_reply *r)
{
	memset(r, 0, sizeof(*r));
	r->status = 500;
}

void reply_release(struct http_reply *r)
{
	json_decref(r->json);
	r->json = NULL;
}

void reply_json(struct http_reply *r, int status, json_t *body)
{
	json_decref(r->json);
	r->status = status;
	r->json = body;
	r->text = NULL;
}

void reply_empty(struct http_reply *r, int status)
{
	reply_json(r, status, NULL);
}

json_t *reply_error_json(const struct mu_error *err)
{
	json_t *inner = json_object(), *outer = json_object();

	json_object_set_new(inner, "code", json_string(mu_error_name(err->code)));
	json_object_set_new(inner, "message", json_string(err->message));
	json_object_set_new(inner, "field", err->field[0] ? json_string(err->field) : json_null());
	json_object_set_new(outer, "error", inner);
	return outer;
}

void reply_error(struct http_reply *r, const struct mu_error *err)
{
	reply_error_status(r, mu_error_http(err->code), err);
}

void reply_error_status(struct http_reply *r, int status, const struct mu_error *err)
{
	reply_json(r, status, reply_error_json(err));
}

/* The body as a response: the JSON dump (freed by libmicrohttpd), the text (copied),
 * or nothing. *status turns 500 when the JSON cannot be dumped. */
static struct MHD_Response *make_response(const struct http_reply *r, int *status)
{
	char *s;

	if (r->text)
		return MHD_create_response_from_buffer(r->text_len, (void *)(uintptr_t)r->text,
						       MHD_RESPMEM_MUST_COPY);
	if (!r->json)
		return MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	s = json_dumps(r->json, DUMP_FLAGS);
	if (!s) {
		*status = 500;
		return MHD_create_response_from_buffer(sizeof(fallback_body) - 1,
						       (void *)(uintptr_t)fallback_body,
						       MHD_RESPMEM_PERSISTENT);
	}
	return MHD_create_response_from_buffer(strlen(s), s, MHD_RESPMEM_MUST_FREE);
}


/* On every response, the API's and the web UI's alike: no inline script, no framing,
 * no MIME sniffing, no referrer leaving the site (docs/security.md). */
static const char *const security_headers[][2] = {
	{ "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self';"
	  " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
	  " form-action 'self'; frame-ancestors 'none'" },
	{ "X-Content-Type-Options", "nosniff" },
	{ "X-Frame-Options", "DENY" },
	{ "Referrer-Policy", "no-referrer" },
	{ "Cross-Origin-Opener-Policy", "same-origin" },
};

static int add_headers(struct MHD_Response *resp, const struct http_reply *r)
{
	int ok = 1;

	if (r->json || r->text)
		ok &= MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
					      r->content_type ? r->content_type : JSON_TYPE) == MHD_YES;
	for (size_t i = 0; i < sizeof(security_headers) / sizeof(security_headers[0]); i++)
		ok &= MHD_add_response_header(resp, security_headers[i][0],
					      security_headers[i][1]) == MHD_YES;
	ok &= MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store") == MHD_YES;
	if (r->cookie[0])
		ok &= MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, r->cookie) == MHD_YES;
	if (r->retry_after > 0) {
		char secs[16];
		snprintf(secs, sizeof(secs), "%d", r->retry_after);
		ok &= MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, secs) == MHD_YES;
	}
	if (r->location[0])
		ok &= MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, r->location) == MHD_YES;
	if (r->allow[0])
		ok &= MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, r->allow) == MHD_YES;
	if (r->close)
		ok &= MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close") == MHD_YES;
	return ok ? 0 : -1;
}

int reply_queue(struct MHD_Connection *c, const struct http_reply *r)
{
	int status = r->status, rc = -1;
	struct MHD_Response *resp = make_response(r, &status);

	if (!resp)
		return -1;
	if (add_headers(resp, r) == 0 &&
	    MHD_queue_response(c, (unsigned int)status, resp) == MHD_YES)
		rc = status;
	MHD_destroy_response(resp);
	return rc;
}
