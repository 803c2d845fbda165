/*
 * web.c - the embedded files of web/ as two public routes.
 *
 *	GET /			index.html, the one page of the UI
 *	GET /assets/NAME	the file NAME of web/ (app.js, app.css, ...)
 *
 * There is no file system access at run time: the files are the sorted array
 * web_files[] that scripts/gen-embed writes from web/ at build time, looked up by
 * exact name, so no path can reach outside it. The Content-Type comes from the
 * extension; an unknown asset is the usual 404 error object. The views are routed by
 * the URL's fragment (#/signin) in the browser, so the server never needs to answer
 * a view's path with index.html.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/web.h"
#include "core/banned.h"

#define ASSETS "/assets/"

extern const struct embedded_file web_files[];
extern const size_t web_files_count;

static int web_get(struct http_request *req, struct http_reply *rep, struct mu_error *err);

static const struct http_route web_routes[] = {
	{ "GET", "/", web_get, HA_PUBLIC, "", NULL, "the web UI's page" },
	{ "GET", ASSETS "{name}", web_get, HA_PUBLIC, "", NULL, "a file of the web UI" },
};

static const char *const types[][2] = {
	{ ".html", "text/html; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".mjs", "text/javascript; charset=utf-8" },
	{ ".css", "text/css; charset=utf-8" },
	{ ".json", "application/json; charset=utf-8" },
	{ ".svg", "image/svg+xml" },
	{ ".png", "image/png" },
	{ ".woff2", "font/woff2" },
};

int http_web_path(const char *path)
{
	return strncmp(path, "/api/", 5) != 0;
}

static int by_name(const void *key, const void *elem)
{
	return strcmp(key, ((const struct embedded_file *)elem)->name);
}

const struct embedded_file *http_web_file(const char *name)
{
	return bsearch(name, web_files, web_files_count, sizeof(web_files[0]), by_name);
}

static const char *content_type(const char *name)
{
	size_t len = strlen(name);

	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		size_t elen = strlen(types[i][0]);
		if (len > elen && !strcmp(name + len - elen, types[i][0]))
			return types[i][1];
	}
	return "application/octet-stream";
}

int http_web_match(const char *method, const char *path, struct http_match *m,
		   struct mu_error *err)
{
	memset(m, 0, sizeof(*m));
	if (!strcmp(path, "/"))
		m->route = &web_routes[0];
	else if (!strncmp(path, ASSETS, strlen(ASSETS)) && path[strlen(ASSETS)])
		m->route = &web_routes[1];
	else
		return mu_fail(err, MU_ENOTFOUND, "", "there is nothing at this path; the web UI"
			       " is at /");
	if (strcmp(method, "GET") && strcmp(method, "HEAD")) {
		snprintf(m->allow, sizeof(m->allow), "GET, HEAD");
		return mu_fail(err, MU_EMETHOD, "", "%.16s is not allowed here; use GET", method);
	}
	return 0;
}

static int web_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	const char *name = strcmp(req->path, "/") ? req->path + strlen(ASSETS) : "index.html";
	const struct embedded_file *f = http_web_file(name);

	if (!f)
		return mu_fail(err, MU_ENOTFOUND, "", "the web UI has no file '%.60s'", name);
	rep->status = 200;
	rep->text = (const char *)f->data;
	rep->text_len = f->len;
	rep->content_type = content_type(f->name);
	return 0;
}
