/*
 * subject.c - a data subject's rights over the API (app/subject.h, docs/privacy.md):
 * GET /api/v1/subjects/{id} exports everything about person {id}, POST
 * /api/v1/subjects/{id}/erase erases them. Admins only (the route table says so).
 */
#include <string.h>

#include "http/handlers.h"
#include "app/subject.h"
#include "core/banned.h"

int http_subject_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	json_t *doc;
	int rc;

	if ((rc = app_subject_export(req->app, req->id, &doc, err)) < 0)
		return rc;
	reply_json(rep, 200, doc);
	return 0;
}

/* The body is nothing or {}: the path names the person, and erasing takes no options. */
int http_subject_erase_post(struct http_request *req, struct http_reply *rep,
			    struct mu_error *err)
{
	json_t *body = NULL, *summary;
	int rc = 0;

	if (req->body_len && (rc = app_parse_json(req->body, req->body_len, &body, err)) < 0)
		return rc;
	if (body && !json_is_object(body))
		rc = mu_fail(err, MU_EINVAL, "", "the body must be a JSON object, or none");
	else if (json_object_size(body))
		rc = mu_fail(err, MU_EINVAL, json_object_iter_key(json_object_iter(body)),
			     "unknown field; erasing takes none");
	json_decref(body);
	if (rc < 0)
		return rc;
	if ((rc = app_subject_erase(req->app, req->id, &summary, err)) < 0)
		return rc;
	reply_json(rep, 200, summary);
	return 0;
}
