/*
 * interchange.c - POST /api/v1/import/{vcard,linkedin,google,json} and
 * GET /api/v1/export/{vcard,csv,json}, and POST /api/v1/persons/{id}/merge (docs/api.md,
 * docs/interchange.md).
 *
 * An import's body is the file itself (text/vcard, text/csv, application/json, any
 * type), or a multipart/form-data form whose part named "file" holds it: the server
 * keeps only that part (http/server.c), so handlers see the file's bytes either way.
 */
#include <stdio.h>
#include <string.h>

#include "http/handlers.h"
#include "app/interchange.h"
#include "core/buf.h"
#include "core/banned.h"

/* The last segment of the path: the format. */
static const char *format_of(const struct http_request *req)
{
	const char *slash = strrchr(req->path, '/');
	return slash ? slash + 1 : req->path;
}

static int flag(struct http_request *req, const char *name, int *out, struct mu_error *err)
{
	const char *v = req->query(req->query_cls, name);

	*out = 0;
	if (!v || !strcmp(v, "false") || !strcmp(v, "0"))
		return 0;
	if (!strcmp(v, "true") || !strcmp(v, "1"))
		return *out = 1, 0;
	return mu_fail(err, MU_EUSAGE, name, "'%.40s' is not true or false", v);
}

static int need_file(const struct http_request *req, struct mu_error *err)
{
	if (req->body_len)
		return 0;
	return mu_fail(err, MU_EUSAGE, "file", "send the file as the body, or as the part named"
		       " 'file' of a multipart/form-data form");
}

int http_import_post(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	struct contacts_import o = { .kind = format_of(req) };
	json_t *report;
	int rc;

	if ((rc = need_file(req, err)) < 0 || (rc = flag(req, "dry_run", &o.dry_run, err)) < 0 ||
	    (rc = flag(req, "items", &o.with_items, err)) < 0)
		return rc;
	o.legal_basis = req->query(req->query_cls, "legal_basis");
	o.me = req->query(req->query_cls, "me");
	if (o.legal_basis && strcmp(o.legal_basis, "legitimate_interest") &&
	    strcmp(o.legal_basis, "consent") && strcmp(o.legal_basis, "contract"))
		return mu_fail(err, MU_EUSAGE, "legal_basis", "takes legitimate_interest, consent"
			       " or contract, not '%.40s'", o.legal_basis);
	if ((rc = app_import_contacts(req->app, req->body, req->body_len, &o, &report, err)) < 0)
		return rc;
	reply_json(rep, 200, report);
	return 0;
}

int http_import_json_post(struct http_request *req, struct http_reply *rep,
			  struct mu_error *err)
{
	struct import_summary sum;
	json_t *doc, *counts;
	int rc;

	if ((rc = need_file(req, err)) < 0 ||
	    (rc = app_parse_json(req->body, req->body_len, &doc, err)) < 0)
		return rc;
	rc = app_import(req->app, doc, req->query(req->query_cls, "as"), &sum, err);
	json_decref(doc);
	if (rc < 0)
		return rc;
	counts = json_object();
	for (int i = 0; i < ENT_COUNT; i++) {
		const struct entity_def *e = model_entity(model_document_order[i]);
		json_object_set_new(counts, e->plural, json_integer((json_int_t)sum.count[e->kind]));
	}
	reply_json(rep, 201, json_pack("{s:s, s:s, s:o}", "workspace",
				       mu_printf(req->arena, "%lld", (long long)sum.workspace),
				       "name", req->app->wsinfo.name, "imported", counts));
	return 0;
}

int http_export_contacts_get(struct http_request *req, struct http_reply *rep,
			     struct mu_error *err)
{
	const char *format = format_of(req);
	struct mu_buf b;
	int rc;

	mu_buf_init(&b, (size_t)256 << 20);
	if ((rc = app_export_contacts(req->app, format, &b, err)) == 0) {
		/* the reply copies the text when it is queued; the arena outlives that */
		rep->text = mu_strndup(req->arena, mu_buf_str(&b), b.len);
		rep->text_len = b.len;
		rep->content_type = strcmp(format, "csv") ? "text/vcard; charset=utf-8" :
							    "text/csv; charset=utf-8";
		rep->status = 200;
	}
	mu_buf_release(&b);
	return rc;
}

int http_person_merge_post(struct http_request *req, struct http_reply *rep,
			   struct mu_error *err)
{
	const char *key, *text;
	json_t *body, *v, *report;
	mu_id other;
	int rc;

	if ((rc = http_body_object(req, &body, err)) < 0)
		return rc;
	json_object_foreach(body, key, v)
		if (strcmp(key, "other") && (rc = mu_fail(err, MU_EINVAL, key, "unknown field")) < 0)
			break;
	text = json_string_value(json_object_get(body, "other"));
	if (rc == 0 && !text)
		rc = mu_fail(err, MU_EINVAL, "other", "is required: the person who joins, as an"
			     " id, e-mail or name");
	if (rc == 0 && (rc = app_resolve(req->app, req->arena, model_entity(ENT_PERSON), text,
					 &other, err)) < 0) {
		/* a name in the body that names no one is a bad value, not a missing resource */
		char why[sizeof(err->message)];
		snprintf(why, sizeof(why), "%s", err->message);
		rc = mu_fail(err, rc == MU_ENOTFOUND ? MU_EINVAL : rc, "other", "%s", why);
	}
	json_decref(body);
	if (rc < 0 || (rc = app_person_merge(req->app, req->id, other, &report, err)) < 0)
		return rc;
	reply_json(rep, 200, report);
	return 0;
}
