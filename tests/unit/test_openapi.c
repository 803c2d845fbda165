/*
 * test_openapi.c - the OpenAPI document (http/openapi.c) held to the route table: every
 * route is an operation (an {entity} route once per entity plural) and nothing else
 * is, operationIds are unique, each operation carries its route's role, security,
 * query arguments and body, and the record schemas list the model's fields.
 * tests/api/t0110-openapi.sh validates the served document with an outside validator.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "t.h"
#include "core/access.h"
#include "core/error.h"
#include "core/model.h"
#include "http/handlers.h"
#include "http/openapi.h"
#include "http/routes.h"

void test_openapi(void);

/* Written out, not derived, so that a wrong mapping in openapi.c shows. */
static const char *const access_names[] = {
	[HA_PUBLIC] = "public", [HA_ACCOUNT] = "account", [HA_VIEWER] = "viewer",
	[HA_MEMBER] = "member", [HA_ADMIN] = "admin", [HA_OWNER] = "owner",
};

/* The member at path "a/b/c" under j, or NULL. */
static json_t *dig(json_t *j, const char *path)
{
	char key[64];

	while (j && *path) {
		size_t len = strcspn(path, "/");
		snprintf(key, sizeof(key), "%.*s", (int)len, path);
		j = json_object_get(j, key);
		path += len + (path[len] == '/');
	}
	return j;
}

static void path_of(const char *pattern, const struct entity_def *e, char *out, size_t size)
{
	const char *hole = strstr(pattern, "{entity}");

	if (e && hole)
		snprintf(out, size, "%.*s%s%s", (int)(hole - pattern), pattern, e->plural,
			 hole + strlen("{entity}"));
	else
		snprintf(out, size, "%s", pattern);
}

static void lower(const char *s, char *out, size_t size)
{
	size_t i;

	for (i = 0; s[i] && i + 1 < size; i++)
		out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
	out[i] = '\0';
}

/* The parameter of op called name (a $ref'd one by its component name), or NULL. */
static json_t *param(json_t *op, const char *name)
{
	size_t i;
	json_t *p;

	json_array_foreach(json_object_get(op, "parameters"), i, p) {
		const char *r = json_string_value(json_object_get(p, "$ref"));
		if (t_streq(json_string_value(json_object_get(p, "name")), name) ||
		    (r && !strcmp(strrchr(r, '/') + 1, name)))
			return p;
	}
	return NULL;
}

static void check_query(json_t *op, const char *query, const char *where)
{
	for (const char *q = query; *(q += strspn(q, " ")); q += strcspn(q, " ")) {
		size_t len = strcspn(q, " ");
		int required = q[len - 1] == '!';
		char name[64];
		json_t *p;

		snprintf(name, sizeof(name), "%.*s", (int)(len - (size_t)required), q);
		p = param(op, name);
		T_CHECK(p && t_streq(json_string_value(json_object_get(p, "in")), "query"),
			"%s: query argument %s", where, name);
		T_EQ(json_is_true(json_object_get(p, "required")), required, "%s: %s required",
		     where, name);
	}
}

static void check_security(json_t *op, enum http_access a, const char *where)
{
	json_t *sec = json_object_get(op, "security");

	T_STR(json_string_value(json_object_get(op, "x-mutua-role")), access_names[a],
	      "%s: x-mutua-role", where);
	if (a == HA_PUBLIC) {
		T_CHECK(json_is_array(sec) && json_array_size(sec) == 0, "%s: security []", where);
		return;
	}
	T_CHECK(json_array_size(sec) == 2 &&
		json_object_get(json_array_get(sec, 0), "cookieAuth") &&
		json_object_get(json_array_get(sec, 1), "bearerAuth"),
		"%s: cookieAuth or bearerAuth", where);
	T_EQ(param(op, "workspace") != NULL, a >= HA_VIEWER, "%s: X-Mutua-Workspace", where);
}

/* One operation against its route. */
static void check_operation(json_t *doc, const struct http_route *r,
			    const struct entity_def *e)
{
	char path[256], method[8], where[300];
	json_t *op;
	const char *id;

	path_of(r->pattern, e, path, sizeof(path));
	lower(r->method, method, sizeof(method));
	snprintf(where, sizeof(where), "%s %s", r->method, path);
	op = json_object_get(json_object_get(json_object_get(doc, "paths"), path), method);
	T_CHECK(op != NULL, "%s: no operation", where);
	if (!op)
		return;
	id = json_string_value(json_object_get(op, "operationId"));
	T_CHECK(id && *id, "%s: operationId", where);
	T_STR(json_string_value(json_object_get(op, "summary")), r->summary, "%s: summary", where);
	T_EQ(json_object_get(op, "requestBody") != NULL, r->body != NULL, "%s: body", where);
	T_CHECK(json_object_get(json_object_get(op, "responses"), "default") != NULL,
		"%s: default response", where);
	T_EQ(param(op, "id") != NULL, strstr(r->pattern, "{id}") != NULL, "%s: {id}", where);
	check_query(op, r->query ? r->query : "", where);
	check_security(op, r->access, where);
}

/* The operations of the document, each operationId checked to be its own. */
static size_t count_operations(json_t *doc)
{
	const char *path, *method, *id;
	json_t *item, *op, *ids = json_object();
	size_t n = 0;

	json_object_foreach(json_object_get(doc, "paths"), path, item) {
		json_object_foreach(item, method, op) {
			id = json_string_value(json_object_get(op, "operationId"));
			T_CHECK(id && !json_object_get(ids, id), "%s %s: operationId %s twice",
				method, path, id ? id : "(none)");
			if (id)
				json_object_set_new(ids, id, json_true());
			n++;
		}
	}
	json_decref(ids);
	return n;
}

static void check_routes(json_t *doc)
{
	size_t n, want = 0, got;
	const struct http_route *r = http_routes(&n);

	for (size_t i = 0; i < n; i++) {
		if (!strstr(r[i].pattern, "{entity}")) {
			check_operation(doc, &r[i], NULL);
			want++;
			continue;
		}
		for (int k = 0; k < ENT_COUNT; k++)
			check_operation(doc, &r[i], model_entity((enum entity_kind)k));
		want += ENT_COUNT;
	}
	got = count_operations(doc);
	T_EQ(got, want, "operations: %zu, routes: %zu", got, want);
}

/* Every field of every entity is a property; the record requires FF_REQUIRED, the
 * patch nothing. */
static void check_entities(json_t *schemas)
{
	for (int k = 0; k < ENT_COUNT; k++) {
		const struct entity_def *e = model_entity((enum entity_kind)k);
		char patch[64];
		json_t *s = json_object_get(schemas, e->table), *req, *v;
		size_t nreq = 0, i;

		snprintf(patch, sizeof(patch), "%s_patch", e->table);
		T_CHECK(s != NULL, "schema %s", e->table);
		if (!s)
			continue;
		req = json_object_get(s, "required");
		for (i = 0; i < e->nfields; i++) {
			T_CHECK(json_object_get(dig(s, "properties"), e->fields[i].name), "%s.%s",
				e->table, e->fields[i].name);
			nreq += (e->fields[i].flags & FF_REQUIRED) != 0;
		}
		json_array_foreach(req, i, v)
			nreq -= strcmp(json_string_value(v), "id") != 0;
		T_EQ(nreq, 0, "%s: required fields", e->table);
		T_CHECK(json_object_get(schemas, patch) &&
			!json_object_get(json_object_get(schemas, patch), "required"),
			"%s requires nothing", patch);
	}
}

/* bodies[] spells the roles out; they must be core/access.h's, in order. */
static void check_roles(json_t *schemas)
{
	json_t *values = dig(schemas, "invitation_create/properties/role/enum"), *v;
	size_t i;

	T_EQ(json_array_size(values), (size_t)ROLE_COUNT - 1, "role values");
	json_array_foreach(values, i, v)
		T_EQ(role_parse(json_string_value(v)), (int)i + 1, "role %zu", i);
	/* PUT /api/v1/members also takes "none" */
	values = dig(schemas, "member_role/properties/role/enum");
	T_EQ(json_array_size(values), (size_t)ROLE_COUNT, "member_role values");
	for (i = 0; i + 1 < ROLE_COUNT; i++)
		T_EQ(role_parse(json_string_value(json_array_get(values, i))), (int)i + 1,
		     "member_role %zu", i);
	T_STR(json_string_value(json_array_get(values, ROLE_COUNT - 1)), "none", "none");
}

void test_openapi(void)
{
	struct http_request req = { 0 };
	struct http_reply rep;
	struct mu_error err = { 0 };
	json_t *doc, *schemas;
	int codes[64];

	reply_init(&rep);
	T_EQ(http_openapi_get(&req, &rep, &err), 0, "handler");
	T_EQ(rep.status, 200, "status");
	doc = rep.json;
	T_STR(json_string_value(json_object_get(doc, "openapi")), "3.0.3", "version");
	T_STR(json_string_value(dig(doc, "info/version")), MUTUA_VERSION, "info.version");
	schemas = dig(doc, "components/schemas");
	check_routes(doc);
	check_entities(schemas);
	check_roles(schemas);
	T_EQ(json_array_size(dig(schemas, "Error/properties/error/properties/code/enum")),
	     mu_error_all(codes, 64), "every error code");
	reply_release(&rep);
}
