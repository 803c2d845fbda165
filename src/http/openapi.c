/*
 * openapi.c - GET /api/v1/openapi.json: the route table and the model as one OpenAPI
 * 3.0.3 document (SPEC §7).
 *
 * What has a table elsewhere is read from it: paths, methods, roles, query arguments
 * and summaries from http_routes(), where an {entity} route becomes one path per entity
 * plural; record schemas from the entities' field tables (core/model.c); error
 * responses from core/errors.def. What the route table does not say is decided by
 * rule: success is the status of the body's row in bodies[] below; without a body, 200
 * for GET and 204 (no content) for the rest (DELETE, POST /logout); the error statuses
 * follow from the route's access, query, {id} and body.
 *
 * Request bodies are named in the route table and described in bodies[]. A name that
 * is missing there aborts (MU_BUG) instead of yielding a vague schema: the unit test and
 * tests/api/t0110-openapi.sh build the document, so a route cannot be merged with an
 * undescribed body.
 *
 * Why 3.0 and not 3.1: the 3.0 meta-schema is the stricter one (an operation without
 * responses is invalid), so the validator of t0110 catches more. Fields that may be
 * null say "nullable: true", and an enum that may be null lists null among its values,
 * since in 3.0.3 nullable does not widen an enum.
 *
 * The document is built per request (some 150 kB in about 7 ms, release build): it is
 * fetched rarely, and building it afresh holds no lock and keeps no global.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "http/handlers.h"
#include "http/openapi.h"
#include "app/access.h"
#include "core/access.h"
#include "core/buf.h"
#include "core/model.h"
#include "enums_gen.h"
#include "core/banned.h"

#ifndef MUTUA_VERSION
#define MUTUA_VERSION "0.1.0"
#endif

#define PATH_MAX_LEN 256
#define MAX_CODES 64
#define STORE_ID_PATTERN "^[1-9][0-9]{0,15}$"	/* io/record.c record_is_store_id() */
#define TIME_PATTERN "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
#define MONEY_LIMIT (1LL << 53)	/* io/record.c decode_money() */

/* --- request bodies that are not records --- */

#define B_TEXT(n, fl, ck, lo, hi, h) \
	{ .name = n, .type = FT_TEXT, .flags = fl, .check = ck, .min = lo, .max = hi, .help = h }
#define B_ENUM(n, e, fl, h) { .name = n, .type = FT_ENUM, .flags = fl, .enm = &e, .help = h }
#define B_TIME(n, fl, h) { .name = n, .type = FT_TIME, .flags = fl, .help = h }
#define B_MONEY(n, fl, h) { .name = n, .type = FT_MONEY, .flags = fl, .help = h }
#define B_NUM(n, t, lo, hi, h) { .name = n, .type = t, .min = lo, .max = hi, .help = h }
#define B_LIST(n, el, hi, h) { .name = n, .type = FT_LIST, .max = hi, .sub = el, .help = h }
#define B_OBJECT(n, sb, fl, h) { .name = n, .type = FT_OBJECT, .flags = fl, .sub = sb, .help = h }
#define B_END { .name = NULL }

/* The roles a body may grant, in core/access.h order (test_openapi checks them against
 * role_parse(): an enum_def cannot be initialised from role_name()). */
static const struct enum_item role_items[] = {
	{ .name = "viewer" }, { .name = "member" }, { .name = "admin" }, { .name = "owner" },
};
static const struct enum_def role_enum = { "role", role_items, 4 };

/* the same, or "none" to take a role away (PUT /api/v1/members) */
static const struct enum_item role_or_none_items[] = {
	{ .name = "viewer" }, { .name = "member" }, { .name = "admin" }, { .name = "owner" },
	{ .name = "none" },
};
static const struct enum_def role_or_none_enum = { "role_or_none", role_or_none_items, 5 };

/* what app_ask_accept() turns a match into */
static const struct enum_item accept_as_items[] = {
	{ .name = "introduction" }, { .name = "referral" },
};
static const struct enum_def accept_as_enum = { "accept_as", accept_as_items, 2 };

static const struct field_def ask_accept[] = {
	B_TEXT("person", FF_REQUIRED, TC_PLAIN, 1, 0, "the member: an id, e-mail or name"),
	B_ENUM("as", accept_as_enum, 0, "what the match becomes (default: introduction)"),
	B_END
};

static const struct field_def referral_move[] = {
	B_ENUM("status", enum_referral_status, FF_REQUIRED, "the status reached"),
	B_TIME("at", 0, "when (default: now)"),
	B_MONEY("closed_value", 0, "value of the business closed"),
	B_END
};

/* The settings of a workspace (io/workspace.c checks them; FORMAT.md section 1). */
static const struct field_def fit_weight[] = {
	B_NUM("", FT_REAL, 0, 1, "a cornerstone's weight: liking, field, direction, people and"
	      " stage, both earn"),
};

static const struct field_def cadence_days[] = {
	B_NUM("inner", FT_INT, 1, 3650, "days between contacts, inner tier"),
	B_NUM("active", FT_INT, 1, 3650, "active tier"),
	B_NUM("wide", FT_INT, 1, 3650, "wide tier"),
	B_END
};

static const struct field_def scorecard_settings[] = {
	B_NUM("window_days", FT_INT, 7, 3660, "the rolling window, in days"),
	B_NUM("attendance", FT_REAL, 0, 1, "share of meetings attended for a full score"),
	B_NUM("referrals_given", FT_REAL, 0, 1000000, "referrals given in the window"),
	B_NUM("visitors", FT_REAL, 0, 1000000, "visitors brought"),
	B_NUM("one_to_ones", FT_REAL, 0, 1000000, "one-to-ones"),
	B_NUM("closed_received", FT_REAL, 0, 1000000000000, "closed business received, in"
	      " major units (0: shown, not scored)"),
	B_NUM("closed_given", FT_REAL, 0, 1000000000000, "closed business given"),
	B_NUM("takeaways", FT_REAL, 0, 1000000, "takeaways shared"),
	B_NUM("green", FT_REAL, 0, 1, "the least score that is green"),
	B_NUM("amber", FT_REAL, 0, 1, "the least score that is amber (not above green)"),
	B_NUM("new_member_days", FT_INT, 0, 3660, "how long a new member stays grey"),
	B_END
};

static const struct field_def settings[] = {
	B_LIST("fit_weights", fit_weight, 5, "the five cornerstones' weights, not all 0"),
	B_NUM("fit_threshold_power_team", FT_REAL, 0, 1, "the least pairwise fit in a power team"),
	B_NUM("reciprocity_window_days", FT_INT, 1, 36500, "the window of give and take"),
	B_OBJECT("cadence_days", cadence_days, 0, "the default cadence of a tie by its tier"),
	B_OBJECT("scorecard", scorecard_settings, 0, "the referral-group scorecard (SPEC 4.10)"),
	B_END
};

static const struct field_def workspace_patch[] = {
	B_OBJECT("settings", settings, FF_REQUIRED, "what changes: a merge patch (RFC 7396);"
		 " null gives a setting its default back"),
	B_END
};

static const struct field_def login[] = {
	B_TEXT("email", FF_REQUIRED, TC_EMAIL, 1, 254, "the account's e-mail address"),
	B_TEXT("password", FF_REQUIRED, TC_PLAIN, 1, 0, "its password"),
	B_END
};

static const struct field_def invitation_accept[] = {
	B_TEXT("token", FF_REQUIRED, TC_PLAIN, 1, APP_TOKEN_MAX - 1, "the invitation's token"),
	B_TEXT("password", FF_REQUIRED, TC_PLAIN, APP_PASSWORD_MIN, 0,
	       "the new account's password, or the existing account's"),
	B_TEXT("display_name", 0, TC_PLAIN, 1, 0, "the new account's name"),
	B_END
};

static const struct field_def token_create[] = {
	B_TEXT("name", FF_REQUIRED, TC_PLAIN, 1, 0, "what the token is for"),
	B_ENUM("role", role_enum, 0, "at most the account's own role"),
	B_TEXT("account", 0, TC_EMAIL, 1, 254, "whose token, by e-mail (default: the caller's)"),
	B_TIME("expires_at", 0, "when the token stops working (none: never)"),
	B_END
};

static const struct field_def invitation_create[] = {
	B_TEXT("email", FF_REQUIRED, TC_EMAIL, 1, 254, "whom to invite"),
	B_ENUM("role", role_enum, FF_REQUIRED, "the role they will hold"),
	B_END
};

static const struct field_def member_role[] = {
	B_TEXT("email", FF_REQUIRED, TC_EMAIL, 1, 254, "the account's e-mail address"),
	B_ENUM("role", role_or_none_enum, FF_REQUIRED, "its new role in the workspace, or none"),
	B_END
};

static const struct field_def subject_erase[] = { B_END };

static const struct field_def person_merge[] = {
	B_TEXT("other", FF_REQUIRED, TC_PLAIN, 1, 0,
	       "the person who joins the one of the path: an id, e-mail or name"),
	B_END
};

enum body_kind {
	BODY_RECORD,		/* the route's entity, required fields required */
	BODY_PATCH,		/* the route's entity, nothing required */
	BODY_FIELDS,		/* an object of fields[] */
	BODY_FILE		/* a file as it is, or the part "file" of a multipart form */
};

struct body_def {
	const char *name;	/* as the route table names it */
	enum body_kind kind;
	const struct field_def *fields;	/* BODY_FIELDS: the members, ended by name NULL */
	int status;		/* what its route answers on success */
	int nulls;		/* 1: an optional member may be null, as if absent */
	const char *help;
};

/* Every body name of the route table, with the status its handler answers (keep in step
 * with the handlers: the route table has no status column). */
static const struct body_def bodies[] = {
	{ "record", BODY_RECORD, NULL, 201, 1, "the new record; the store assigns its id" },
	{ "record_patch", BODY_PATCH, NULL, 200, 1, "the fields to change; null clears one" },
	{ "ask_accept", BODY_FIELDS, ask_accept, 201, 0, "who takes up the ask, and as what" },
	{ "referral_move", BODY_FIELDS, referral_move, 200, 1, "the next step of the pipeline" },
	{ "workspace_patch", BODY_FIELDS, workspace_patch, 200, 1,
	  "the settings to change; what the patch leaves out stays" },
	{ "login", BODY_FIELDS, login, 200, 1, "e-mail and password" },
	{ "invitation_accept", BODY_FIELDS, invitation_accept, 200, 1,
	  "the invitation's token, and the password of the account it creates or proves" },
	{ "token_create", BODY_FIELDS, token_create, 201, 1, "the new API token" },
	{ "invitation_create", BODY_FIELDS, invitation_create, 201, 1, "whom to invite, as what" },
	{ "member_role", BODY_FIELDS, member_role, 200, 1, "whose role, and the new one" },
	{ "subject_erase", BODY_FIELDS, subject_erase, 200, 1,
	  "nothing: the path names the person" },
	{ "person_merge", BODY_FIELDS, person_merge, 200, 0,
	  "whom to join into the person of the path (docs/interchange.md)" },
	{ "contacts_file", BODY_FILE, NULL, 200, 0,
	  "the file (vCard, LinkedIn's Connections.csv, Google Contacts CSV), as the body or"
	  " as the part 'file' of a form" },
	{ "workspace_document", BODY_FILE, NULL, 201, 0,
	  "a workspace document (FORMAT.md section 1), as the body or as the part 'file' of a"
	  " form" },
};

static const struct body_def *body_find(const char *name)
{
	for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++)
		if (!strcmp(bodies[i].name, name))
			return &bodies[i];
	MU_BUG("a route's body has no schema in http/openapi.c bodies[]");
}

/* --- JSON helpers --- */

static void set(json_t *o, const char *key, json_t *v)
{
	json_object_set_new(o, key, v);
}

static void set_str(json_t *o, const char *key, const char *s)
{
	json_object_set_new(o, key, json_string(s));
}

static json_t *ref(const char *section, const char *name)
{
	char buf[160];

	snprintf(buf, sizeof(buf), "#/components/%s/%s", section, name);
	return json_pack("{s:s}", "$ref", buf);
}

/* Add s as components.schemas[name]; two schemas of one name are a programmer's error
 * (a body named like an entity). */
static void add_schema(json_t *schemas, const char *name, json_t *s)
{
	if (json_object_get(schemas, name))
		MU_BUG("two OpenAPI schemas share a name");
	set(schemas, name, s);
}

/* --- schemas from field tables --- */

/* {"type": "object", "properties": {}, "additionalProperties": false}: the decoders
 * refuse unknown members (io/record.c). */
static json_t *object_new(const char *help)
{
	json_t *s = json_object();

	set_str(s, "type", "object");
	if (help)
		set_str(s, "description", help);
	set(s, "properties", json_object());
	set(s, "additionalProperties", json_false());
	return s;
}

static void require(json_t *s, const char *name)
{
	json_t *req = json_object_get(s, "required");

	/* 3.0 wants a required list to hold at least one name: create it on the first */
	if (!req) {
		req = json_array();
		set(s, "required", req);
	}
	json_array_append_new(req, json_string(name));
}

static void nullable(json_t *s)
{
	json_t *values = json_object_get(s, "enum");

	set(s, "nullable", json_true());
	if (values)
		json_array_append_new(values, json_null());
}

static json_t *enum_schema(const struct enum_def *e)
{
	json_t *values = json_array();

	for (size_t i = 0; i < e->count; i++)
		json_array_append_new(values, json_string(e->items[i].name));
	return json_pack("{s:s, s:o}", "type", "string", "enum", values);
}

static json_t *text_schema(const struct field_def *f)
{
	json_t *s = json_pack("{s:s}", "type", "string");

	if (f->check == TC_EMAIL)
		set_str(s, "format", "email");
	else if (f->check == TC_URL)
		set_str(s, "format", "uri");
	else if (f->check == TC_BIRTHDAY)
		set_str(s, "pattern", "^([0-9]{4}|-)-[0-9]{2}-[0-9]{2}$");
	/* lengths count characters after trimming, as io/record.c does */
	if (f->min > 0)
		set(s, "minLength", json_integer(f->min));
	if (f->max > 0)
		set(s, "maxLength", json_integer(f->max));
	return s;
}

static json_t *money_schema(int per)
{
	json_t *s = object_new(NULL), *props = json_object_get(s, "properties");

	set(props, "amount", json_pack("{s:s, s:s, s:I, s:I}", "type", "integer",
				       "description", "in minor units (öre, øre, cents)",
				       "minimum", (json_int_t)-MONEY_LIMIT,
				       "maximum", (json_int_t)MONEY_LIMIT));
	set(props, "currency", json_pack("{s:s, s:s, s:s}", "type", "string", "description",
					 "ISO 4217 code such as SEK", "pattern", "^[A-Z]{3}$"));
	require(s, "amount");
	require(s, "currency");
	if (per) {
		set(props, "per", enum_schema(&enum_fee_per));
		set_str(json_object_get(props, "per"), "description", "what the fee is paid per");
		require(s, "per");
	}
	return s;
}

static json_t *field_schema(const struct field_def *f, int nulls);

/* Add fields[0..n) to the object schema s; with_required: list the FF_REQUIRED ones;
 * nulls: optional members may be null. */
static void add_fields(json_t *s, const struct field_def *fields, size_t n, int with_required,
		       int nulls)
{
	json_t *props = json_object_get(s, "properties");

	for (size_t i = 0; i < n; i++) {
		set(props, fields[i].name, field_schema(&fields[i], nulls));
		if (with_required && (fields[i].flags & FF_REQUIRED))
			require(s, fields[i].name);
	}
}

/* Fields of a sub-table, which ends with a field named NULL. */
static size_t sub_count(const struct field_def *sub)
{
	size_t n = 0;

	while (sub[n].name)
		n++;
	return n;
}

static json_t *value_schema(const struct field_def *f, int nulls)
{
	json_t *s;

	switch (f->type) {
	case FT_TEXT:
		return text_schema(f);
	case FT_INT:
	case FT_REAL:
		return json_pack("{s:s, s:I, s:I}", "type",
				 f->type == FT_INT ? "integer" : "number", "minimum",
				 (json_int_t)f->min, "maximum", (json_int_t)f->max);
	case FT_BOOL:
		return json_pack("{s:s}", "type", "boolean");
	case FT_DATE:
		return json_pack("{s:s, s:s}", "type", "string", "format", "date");
	case FT_TIME:
		return json_pack("{s:s, s:s, s:s}", "type", "string", "format", "date-time",
				 "pattern", TIME_PATTERN);
	case FT_ENUM:
		return enum_schema(f->enm);
	case FT_REF:
		return json_pack("{s:s, s:s}", "type", "string", "pattern", STORE_ID_PATTERN);
	case FT_MONEY:
		return money_schema(!!(f->flags & FF_PER));
	case FT_LIST:
		return json_pack("{s:s, s:o, s:I}", "type", "array", "items",
				 field_schema(&f->sub[0], nulls), "maxItems", (json_int_t)f->max);
	case FT_OBJECT:
		s = object_new(NULL);
		add_fields(s, f->sub, sub_count(f->sub), 1, nulls);
		return s;
	}
	MU_BUG("unknown field type");
}

static json_t *field_schema(const struct field_def *f, int nulls)
{
	json_t *s = value_schema(f, nulls);

	if (f->help)
		set_str(s, "description", f->help);
	/* in a record a named optional member may be null (absent), a list item may not
	 * (io/record.c) */
	if (nulls && f->name[0] && !(f->flags & FF_REQUIRED))
		nullable(s);
	return s;
}

/* A record as the API answers it (record_encode) and takes it on create, or (patch)
 * the members a PATCH may carry. */
static json_t *entity_schema(const struct entity_def *e, int patch)
{
	json_t *s = object_new(e->help);

	/* a record keyed by a reference (profile: person_id) has no id of its own */
	if (model_key_index(e) < 0) {
		set(json_object_get(s, "properties"), "id",
		    json_pack("{s:s, s:s, s:b, s:s}", "type", "string", "pattern", STORE_ID_PATTERN,
			      "readOnly", 1, "description", "assigned by the store"));
		if (!patch)
			require(s, "id");
	}
	add_fields(s, e->fields, e->nfields, !patch, 1);
	return s;
}

static json_t *page_schema(const struct entity_def *e)
{
	json_t *s = object_new("a page of records in id order");
	json_t *p = json_object_get(s, "properties");

	set(p, "items", json_pack("{s:s, s:o}", "type", "array", "items",
				  ref("schemas", e->table)));
	set(p, "next_cursor", json_pack("{s:s, s:b, s:s}", "type", "string", "nullable", 1,
					"description", "pass as ?cursor= for the next page; null"
					" on the last"));
	require(s, "items");
	require(s, "next_cursor");
	return s;
}

/* Component names: the entity's singular ("organisation"; its name is the CLI's short
 * word "org"), with _patch and _page. */
static void entity_component(json_t *schemas, const struct entity_def *e, const char *suffix,
			     json_t *s)
{
	char name[64];

	snprintf(name, sizeof(name), "%s%s", e->table, suffix);
	add_schema(schemas, name, s);
}

/* --- errors (core/errors.def) --- */

static size_t all_codes(int codes[MAX_CODES])
{
	size_t n = mu_error_all(codes, MAX_CODES);

	if (n > MAX_CODES)
		MU_BUG("more error codes than MAX_CODES");
	return n;
}

static json_t *error_schema(void)
{
	int codes[MAX_CODES];
	size_t n = all_codes(codes);
	json_t *names = json_array(), *inner = object_new(NULL), *outer;
	json_t *p = json_object_get(inner, "properties");

	for (size_t i = 0; i < n; i++)
		json_array_append_new(names, json_string(mu_error_name(codes[i])));
	set(p, "code", json_pack("{s:s, s:o}", "type", "string", "enum", names));
	set(p, "message", json_pack("{s:s}", "type", "string"));
	set(p, "field", json_pack("{s:s, s:b, s:s}", "type", "string", "nullable", 1,
				  "description", "the JSON path, option or parameter at fault"));
	require(inner, "code");
	require(inner, "message");
	require(inner, "field");
	outer = object_new("an error: its code, status and meaning are in docs/errors.md");
	set(json_object_get(outer, "properties"), "error", inner);
	require(outer, "error");
	return outer;
}

static json_t *error_content(void)
{
	return json_pack("{s:{s:o}}", "application/json", "schema", ref("schemas", "Error"));
}

/* One response per HTTP status of the error table, "error_404", described by the codes
 * that answer with it; and "error", the default, for any other. */
static json_t *error_responses(void)
{
	int codes[MAX_CODES];
	size_t n = all_codes(codes);
	json_t *rs = json_object();
	struct mu_buf b;

	mu_buf_init(&b, 4096);
	for (size_t i = 0; i < n; i++) {
		int status = mu_error_http(codes[i]);
		char name[16];

		snprintf(name, sizeof(name), "error_%d", status);
		if (json_object_get(rs, name))
			continue;	/* described with the first code of its status */
		mu_buf_reset(&b);
		for (size_t j = i; j < n; j++)
			if (mu_error_http(codes[j]) == status)
				mu_buf_addf(&b, "%s%s: %s", b.len ? "; " : "",
					    mu_error_name(codes[j]), mu_error_meaning(codes[j]));
		set(rs, name, json_pack("{s:s, s:o}", "description", mu_buf_str(&b), "content",
					error_content()));
	}
	mu_buf_release(&b);
	set(rs, "error", json_pack("{s:s, s:o}", "description", "an error (docs/errors.md)",
				   "content", error_content()));
	return rs;
}

/* --- the other components --- */

static json_t *parameters(void)
{
	json_t *ps = json_object();

	set(ps, "id", json_pack("{s:s, s:s, s:b, s:s, s:{s:s, s:s}}", "name", "id", "in", "path",
				"required", 1, "description",
				"a record's id (a profile's: its person's id)", "schema", "type",
				"string", "pattern", STORE_ID_PATTERN));
	set(ps, "workspace", json_pack("{s:s, s:s, s:b, s:s, s:{s:s}}", "name",
				       "X-Mutua-Workspace", "in", "header", "required", 0,
				       "description", "the workspace to act in, by id or name",
				       "schema", "type", "string"));
	return ps;
}

static json_t *security_schemes(void)
{
	return json_pack("{s:{s:s, s:s, s:s, s:s}, s:{s:s, s:s, s:s}}",
			 "cookieAuth", "type", "apiKey", "in", "cookie", "name", "mutua_session",
			 "description", "the session cookie set on signing in. A request with an"
			 " unsafe method (POST, PUT, PATCH, DELETE) must also send the session's"
			 " CSRF token in the X-CSRF-Token header",
			 "bearerAuth", "type", "http", "scheme", "bearer", "description",
			 "an API token; it needs no CSRF token");
}

static json_t *components(void)
{
	json_t *c = json_object(), *schemas = json_object();

	add_schema(schemas, "Error", error_schema());
	for (int k = 0; k < ENT_COUNT; k++) {
		const struct entity_def *e = model_entity((enum entity_kind)k);
		entity_component(schemas, e, "", entity_schema(e, 0));
		entity_component(schemas, e, "_patch", entity_schema(e, 1));
		entity_component(schemas, e, "_page", page_schema(e));
	}
	/* every body, used by a route or not, so the validator sees each table */
	for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		json_t *s;
		if (bodies[i].kind != BODY_FIELDS)
			continue;
		s = object_new(bodies[i].help);
		add_fields(s, bodies[i].fields, sub_count(bodies[i].fields), 1, bodies[i].nulls);
		add_schema(schemas, bodies[i].name, s);
	}
	set(c, "schemas", schemas);
	set(c, "responses", error_responses());
	set(c, "parameters", parameters());
	set(c, "securitySchemes", security_schemes());
	return c;
}

/* --- operations --- */

static const char *access_name(enum http_access a)
{
	if (a == HA_PUBLIC)
		return "public";
	if (a == HA_ACCOUNT)
		return "account";
	return role_name(http_access_role(a));
}

/* The route's pattern with {entity} replaced by e's plural (e NULL: as is). */
static void expand(const char *pattern, const struct entity_def *e, char path[PATH_MAX_LEN])
{
	const char *hole = strstr(pattern, "{entity}");
	int len;

	if (!e || !hole)
		len = snprintf(path, PATH_MAX_LEN, "%s", pattern);
	else
		len = snprintf(path, PATH_MAX_LEN, "%.*s%s%s", (int)(hole - pattern), pattern,
			       e->plural, hole + strlen("{entity}"));
	if (len < 0 || len >= PATH_MAX_LEN)
		MU_BUG("a route pattern is too long");
}

/* "get_persons_by_id" from get and /api/v1/persons/{id}: unique as long as method and
 * path are, and readable as a generated client's function name. */
static json_t *operation_id(const char *method, const char *path)
{
	char id[PATH_MAX_LEN + 32];
	size_t len = (size_t)snprintf(id, sizeof(id), "%s", method);
	const char *p = !strncmp(path, "/api/v1", 7) ? path + 7 : path;

	for (; *p; p++) {
		if (len + sizeof("by_id") >= sizeof(id))
			MU_BUG("a route pattern is too long");
		if (!strncmp(p, "{id}", 4)) {
			len += (size_t)snprintf(id + len, sizeof(id) - len, "by_id");
			p += 3;
		} else {
			id[len++] = isalnum((unsigned char)*p) ? *p : '_';
		}
	}
	id[len] = '\0';
	return json_string(id);
}

/* Path {id}, the workspace header and the query arguments ("a! b! network"). */
static json_t *operation_parameters(const struct http_route *r)
{
	json_t *ps = json_array();
	const char *q = r->query ? r->query : "";

	if (strstr(r->pattern, "{id}"))
		json_array_append_new(ps, ref("parameters", "id"));
	if (r->access >= HA_VIEWER)
		json_array_append_new(ps, ref("parameters", "workspace"));
	while (*(q += strspn(q, " "))) {
		size_t len = strcspn(q, " ");
		int required = q[len - 1] == '!';
		char name[64];

		if (len - (size_t)required >= sizeof(name))
			MU_BUG("a query argument's name is too long");
		snprintf(name, sizeof(name), "%.*s", (int)(len - (size_t)required), q);
		json_array_append_new(ps, json_pack("{s:s, s:s, s:b, s:{s:s}}", "name", name,
						    "in", "query", "required", required,
						    "schema", "type", "string"));
		q += len;
	}
	return ps;
}

static json_t *request_body(const struct body_def *b, const struct entity_def *e)
{
	json_t *schema;
	char name[64];

	if (b->kind == BODY_FILE) {
		const char *types[] = { "application/json", "text/vcard", "text/csv",
					"application/octet-stream" };
		json_t *content = json_object();
		for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
			set(content, types[i], json_pack("{s:{s:s, s:s}}", "schema", "type", "string",
							 "format", "binary"));
		set(content, "multipart/form-data",
		    json_pack("{s:{s:s, s:[s], s:{s:{s:s, s:s}}}}", "schema", "type", "object",
			      "required", "file", "properties", "file", "type", "string", "format",
			      "binary"));
		return json_pack("{s:s, s:b, s:o}", "description", b->help, "required", 1,
				 "content", content);
	}
	if (b->kind == BODY_FIELDS) {
		schema = ref("schemas", b->name);
	} else {
		if (!e)
			MU_BUG("a record body on a route without {entity}");
		snprintf(name, sizeof(name), "%s%s", e->table,
			 b->kind == BODY_PATCH ? "_patch" : "");
		schema = ref("schemas", name);
	}
	return json_pack("{s:s, s:b, s:{s:{s:o}}}", "description", b->help, "required", 1,
			 "content", "application/json", "schema", schema);
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);

	return n >= m && !strcmp(s + n - m, tail);
}

/* What a record route answers: a page for the list, else the record. */
static json_t *record_content(const struct http_route *r, const struct entity_def *e)
{
	char name[64];

	snprintf(name, sizeof(name), "%s%s", e->table,
		 !strcmp(r->method, "GET") && ends_with(r->pattern, "{entity}") ? "_page" : "");
	return json_pack("{s:{s:o}}", "application/json", "schema", ref("schemas", name));
}

static json_t *success_response(const struct http_route *r, const struct entity_def *e,
				int status)
{
	json_t *rs = json_pack("{s:s}", "description", r->summary);

	if (status == 204)
		return rs;
	if (ends_with(r->pattern, ".ics") || (!strcmp(r->method, "GET") &&
	    (ends_with(r->pattern, "/vcard") || ends_with(r->pattern, "/csv"))))
		set(rs, "content", json_pack("{s:{s:{s:s}}}", ends_with(r->pattern, ".ics") ?
					     "text/calendar" : ends_with(r->pattern, "/csv") ?
					     "text/csv" : "text/vcard", "schema", "type", "string"));
	else if (e)
		set(rs, "content", record_content(r, e));
	else
		set(rs, "content", json_pack("{s:{s:{s:s}}}", "application/json", "schema", "type",
					     "object"));
	/* record_add() says where the new record lives */
	if (e && status == 201)
		set(rs, "headers", json_pack("{s:{s:s, s:{s:s}}}", "Location", "description",
					     "the new record's path", "schema", "type", "string"));
	return rs;
}

/* The error statuses a route can answer besides the default, by what it takes. */
static void add_errors(json_t *rs, const struct http_route *r, const json_t *comp)
{
	int query = r->query && r->query[0], id = strstr(r->pattern, "{id}") != NULL;
	int unsafe = strcmp(r->method, "GET") != 0, body = r->body != NULL;
	int signed_in = r->access != HA_PUBLIC, workspace = r->access >= HA_VIEWER;
	const struct { int status, when; } errs[] = {
		{ 400, query || body },
		{ 401, signed_in },
		{ 403, workspace || (signed_in && unsafe) },	/* role, or the CSRF token */
		{ 404, id || query || workspace },	/* record, named record, workspace */
		{ 409, unsafe || query },	/* conflicts; ambiguous names */
		{ 413, body },
		{ 422, body },
	};
	const json_t *known = json_object_get(comp, "responses");

	for (size_t i = 0; i < sizeof(errs) / sizeof(errs[0]); i++) {
		char key[8], name[16];
		if (!errs[i].when)
			continue;
		snprintf(key, sizeof(key), "%d", errs[i].status);
		snprintf(name, sizeof(name), "error_%d", errs[i].status);
		if (!json_object_get(known, name))
			MU_BUG("an error status with no code in core/errors.def");
		set(rs, key, ref("responses", name));
	}
	set(rs, "default", ref("responses", "error"));
}

static json_t *responses(const struct http_route *r, const struct entity_def *e,
			 const struct body_def *b, const json_t *comp)
{
	json_t *rs = json_object();
	int status = b ? b->status : !strcmp(r->method, "GET") ? 200 : 204;
	char key[8];

	snprintf(key, sizeof(key), "%d", status);
	set(rs, key, success_response(r, e, status));
	add_errors(rs, r, comp);
	return rs;
}

static json_t *security(enum http_access a)
{
	/* [] overrides nothing here (there is no document-wide security) but says plainly
	 * that no credentials are needed */
	if (a == HA_PUBLIC)
		return json_array();
	return json_pack("[{s:[]}, {s:[]}]", "cookieAuth", "bearerAuth");
}

static json_t *operation(const struct http_route *r, const struct entity_def *e,
			 const char *method, const char *path, const json_t *comp)
{
	const struct body_def *b = r->body ? body_find(r->body) : NULL;
	json_t *op = json_object(), *params = operation_parameters(r);
	char desc[512];

	set(op, "operationId", operation_id(method, path));
	set_str(op, "summary", r->summary);
	if (e) {
		snprintf(desc, sizeof(desc), "%s: %s", e->plural, e->help);
		set_str(op, "description", desc);
	}
	if (json_array_size(params))
		set(op, "parameters", params);
	else
		json_decref(params);
	if (b)
		set(op, "requestBody", request_body(b, e));
	set(op, "responses", responses(r, e, b, comp));
	set(op, "security", security(r->access));
	set_str(op, "x-mutua-role", access_name(r->access));
	return op;
}

static void add_operation(json_t *paths, const struct http_route *r,
			  const struct entity_def *e, const json_t *comp)
{
	char path[PATH_MAX_LEN], method[8];
	json_t *item;
	size_t i;

	expand(r->pattern, e, path);
	for (i = 0; r->method[i] && i < sizeof(method) - 1; i++)
		method[i] = (char)tolower((unsigned char)r->method[i]);
	method[i] = '\0';
	if (!(item = json_object_get(paths, path))) {
		item = json_object();
		set(paths, path, item);
	}
	if (json_object_get(item, method))
		MU_BUG("two routes with the same method and path");
	set(item, method, operation(r, e, method, path, comp));
}

static json_t *paths(const json_t *comp)
{
	size_t n;
	const struct http_route *r = http_routes(&n);
	json_t *ps = json_object();

	for (size_t i = 0; i < n; i++) {
		if (!strstr(r[i].pattern, "{entity}")) {
			add_operation(ps, &r[i], NULL, comp);
			continue;
		}
		for (int k = 0; k < ENT_COUNT; k++)
			add_operation(ps, &r[i], model_entity((enum entity_kind)k), comp);
	}
	return ps;
}

json_t *http_openapi_document(void)
{
	json_t *doc = json_object(), *comp = components();

	set_str(doc, "openapi", "3.0.3");
	set(doc, "info", json_pack("{s:s, s:s, s:s}", "title", "Mutua API", "version",
				   MUTUA_VERSION, "description",
				   "Referral networking: records of the workspace document and the"
				   " method of SPEC §4. Generated from the route table"
				   " (src/http/routes.c); errors as in docs/errors.md."));
	set(doc, "paths", paths(comp));
	set(doc, "components", comp);
	return doc;
}

int http_openapi_get(struct http_request *req, struct http_reply *rep, struct mu_error *err)
{
	(void)req;
	(void)err;
	reply_json(rep, 200, http_openapi_document());
	return 0;
}
