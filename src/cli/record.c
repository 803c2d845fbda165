/*
 * record.c - `mutua ENTITY add|list|show|edit|rm`, for every entity of the model.
 *
 * Options come from the entity's field table: field full_name is --full-name. Values
 * are turned into the same JSON the API takes (references resolved from ids, e-mails
 * or names first) and handed to the app layer, so the CLI and the API validate alike.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "app/app.h"
#include "io/record.h"
#include "core/text.h"
#include "core/banned.h"

struct name_cache {
	struct store_name *names[ENT_COUNT];
	size_t n[ENT_COUNT];
	int loaded[ENT_COUNT];
};

/* "--full-name" -> index of full_name, or -1. */
static int option_field(const struct entity_def *e, const char *opt, size_t len)
{
	char name[64];

	if (len < 3 || len - 2 >= sizeof(name) || strncmp(opt, "--", 2))
		return -1;
	for (size_t i = 2; i < len; i++)
		name[i - 2] = opt[i] == '-' ? '_' : opt[i];
	name[len - 2] = '\0';
	return model_field_index(e, name);
}

static void option_name(const struct field_def *f, char *out, size_t size)
{
	size_t i;

	snprintf(out, size, "--%s", f->name);
	for (i = 2; out[i]; i++)
		if (out[i] == '_')
			out[i] = '-';
}

/* "12 500,50 SEK/year" -> {amount: 1250050, currency: "SEK", per: "year"}; a leading
 * minus is kept, and 16 digits reach every amount the document allows (2^53 minor units):
 * the app layer judges the value, as it does for the API. */
json_t *cli_money_value(struct cli *c, const struct field_def *f, const char *text,
			struct mu_error *err)
{
	char digits[32], cur[4] = "", per[16] = "";
	const char *slash = strchr(text, '/'), *end = slash ? slash : text + strlen(text);
	long long major = 0, minor = 0;
	size_t nd = 0;
	int decimals = -1, negative = 0;

	if (slash)
		snprintf(per, sizeof(per), "%s", slash + 1);
	/* a trailing three-letter code is the currency */
	while (end > text && end[-1] == ' ')
		end--;
	if (end - text >= 3 && isalpha((unsigned char)end[-1]) && isalpha((unsigned char)end[-2]) &&
	    isalpha((unsigned char)end[-3]) && (end - text == 3 || !isalpha((unsigned char)end[-4]))) {
		for (int i = 0; i < 3; i++)
			cur[i] = (char)toupper((unsigned char)end[i - 3]);
		end -= 3;
	}
	for (const char *p = text; p < end; p++) {
		if (*p == ' ')
			continue;
		if (*p == '-' && !nd && decimals < 0 && !negative) {
			negative = 1;
			continue;
		}
		if ((*p == '.' || *p == ',') && decimals < 0) {
			decimals = 0;
			continue;
		}
		if (!isdigit((unsigned char)*p) || nd >= sizeof(digits) - 1 || decimals >= 2)
			goto bad;
		digits[nd++] = *p;
		if (decimals >= 0)
			decimals++;
	}
	digits[nd] = '\0';
	if (!nd || nd > 16)
		goto bad;
	for (size_t i = 0; i < nd; i++)
		major = major * 10 + (digits[i] - '0');
	minor = decimals <= 0 ? major * 100 : decimals == 1 ? major * 10 : major;
	if (negative)
		minor = -minor;
	json_t *m = json_object();
	json_object_set_new(m, "amount", json_integer(minor));
	json_object_set_new(m, "currency", json_string(cur[0] ? cur : c->app->wsinfo.currency));
	if (f->flags & FF_PER)
		json_object_set_new(m, "per", per[0] ? json_string(per) : json_string("year"));
	return m;
bad:
	mu_fail(err, MU_EINVAL, "", "'%s' is not an amount such as '12500', '-12 500,50 SEK'%s",
		text, (f->flags & FF_PER) ? " or '9500 SEK/year'" : "");
	return NULL;
}

/* A time from "2026-03-04T08:30:00Z", "2026-03-04 08:30" or "2026-03-04". */
json_t *cli_time_value(const char *text, struct mu_error *err)
{
	char buf[MU_TIME_LEN];
	mu_time t;
	size_t len = strlen(text);

	if (len == 10)
		snprintf(buf, sizeof(buf), "%sT00:00:00Z", text);
	else if (len == 16 && (text[10] == ' ' || text[10] == 'T'))
		snprintf(buf, sizeof(buf), "%.10sT%.5s:00Z", text, text + 11);
	else
		snprintf(buf, sizeof(buf), "%s", text);
	if (mu_time_parse(buf, &t)) {
		mu_fail(err, MU_EINVAL, "", "'%s' is not a time (YYYY-MM-DD, YYYY-MM-DD HH:MM or"
			" YYYY-MM-DDTHH:MM:SSZ, UTC)", text);
		return NULL;
	}
	return json_string(buf);
}

static json_t *scalar_value(struct cli *c, const struct field_def *f, const char *text,
			    struct mu_error *err)
{
	char *end;
	json_t *j;

	switch (f->type) {
	case FT_INT: {
		long long v = strtoll(text, &end, 10);
		if (!*text || *end)
			break;
		return json_integer(v);
	}
	case FT_REAL: {
		double v = strtod(text, &end);
		if (!*text || *end)
			break;
		return json_real(v);
	}
	case FT_TIME:
		return cli_time_value(text, err);
	case FT_MONEY:
		return cli_money_value(c, f, text, err);
	case FT_REF: {
		mu_id id;
		if (app_resolve(c->app, &c->a, model_entity(f->ref), text, &id, err) < 0)
			return NULL;
		return json_string(mu_printf(&c->a, "%lld", (long long)id));
	}
	case FT_LIST:
	case FT_OBJECT:
		if (app_parse_json(text, strlen(text), &j, err) < 0)
			return NULL;
		return j;
	default:
		if (!(j = json_string(text)))
			mu_fail(err, MU_EINVAL, "", "is not valid UTF-8");
		return j;
	}
	mu_fail(err, MU_EINVAL, "", "'%s' is not %s", text, f->type == FT_INT ? "a whole number" :
		"a number");
	return NULL;
}

static int bool_value(const char *text, int *out)
{
	if (!text || !strcmp(text, "true") || !strcmp(text, "yes") || !strcmp(text, "1"))
		*out = 1;
	else if (!strcmp(text, "false") || !strcmp(text, "no") || !strcmp(text, "0"))
		*out = 0;
	else
		return -1;
	return 0;
}

/* Add one option's value to obj: lists of scalars grow by one item per option. */
static int set_option(struct cli *c, json_t *obj, const struct field_def *f, const char *text,
		      struct mu_error *err)
{
	json_t *v;

	if (f->type == FT_LIST && f->sub[0].type != FT_OBJECT && text[0] != '[') {
		json_t *arr = json_object_get(obj, f->name);
		if (!(v = scalar_value(c, &f->sub[0], text, err)))
			return err->code;
		if (!json_is_array(arr)) {
			arr = json_array();
			json_object_set_new(obj, f->name, arr);
		}
		json_array_append_new(arr, v);
		return 0;
	}
	if (!(v = scalar_value(c, f, text, err)))
		return err->code;
	json_object_set_new(obj, f->name, v);
	return 0;
}

/* Parse "--field VALUE" options from argv[start] on into a JSON object. */
static int build_object(struct cli *c, const struct cli_command *cmd, const struct entity_def *e,
			int argc, char **argv, int start, int edit, json_t **out,
			struct mu_error *err)
{
	json_t *obj = json_object();
	int rc = 0;

	for (int i = start; i < argc && !rc; i++) {
		const char *arg = argv[i], *eq = strchr(arg, '=');
		size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
		int fi = option_field(e, arg, len), b;
		const struct field_def *f = fi >= 0 ? &e->fields[fi] : NULL;

		if (edit && !strcmp(arg, "--unset") && i + 1 < argc) {
			if (!(f = model_field(e, argv[++i])))
				rc = cli_usage_error(err, cmd, "'%s' is not a field of %s", argv[i],
						     e->name);
			else
				json_object_set_new(obj, f->name, json_null());
			continue;
		}
		if (!f && !strncmp(arg, "--no-", 5) && !eq &&
		    (fi = model_field_index(e, arg + 5)) >= 0 && e->fields[fi].type == FT_BOOL) {
			json_object_set_new(obj, e->fields[fi].name, json_false());
			continue;
		}
		if (!f) {
			rc = cli_usage_error(err, cmd, "unknown option '%.*s' for %s; see 'mutua help %s'",
					     (int)len, arg, e->name, cmd->name);
			continue;
		}
		if (f->type == FT_BOOL) {
			if (bool_value(eq ? eq + 1 : NULL, &b) < 0)
				rc = cli_usage_error(err, cmd, "%.*s takes true or false", (int)len, arg);
			else
				json_object_set_new(obj, f->name, json_boolean(b));
			continue;
		}
		if (!eq && i + 1 >= argc) {
			rc = cli_usage_error(err, cmd, "%s needs a value", arg);
			continue;
		}
		if ((rc = set_option(c, obj, f, eq ? eq + 1 : argv[++i], err)) < 0) {
			char opt[80];
			option_name(f, opt, sizeof(opt));
			mu_error_prefix(err, opt);
		}
	}
	if (rc < 0) {
		json_decref(obj);
		return rc;
	}
	*out = obj;
	return 0;
}

/* ---- showing records ---- */

static int cmp_name_id(const void *k, const void *x)
{
	mu_id a = *(const mu_id *)k, b = ((const struct store_name *)x)->id;
	return a < b ? -1 : a > b;
}

static const char *ref_text(struct cli *c, struct name_cache *nc, enum entity_kind kind, mu_id id)
{
	struct store_name *hit;
	struct mu_error err;

	if (!nc->loaded[kind]) {
		nc->loaded[kind] = 1;
		if (app_names(c->app, &c->a, model_entity(kind), &nc->names[kind], &nc->n[kind],
			      &err) < 0)
			nc->n[kind] = 0;
	}
	hit = bsearch(&id, nc->names[kind], nc->n[kind], sizeof(*hit), cmp_name_id);
	if (!hit || kind == ENT_PROFILE || model_entity(kind)->fields[0].type != FT_TEXT)
		return mu_printf(&c->a, "%lld", (long long)id);
	return mu_printf(&c->a, "%s (%lld)", hit->title, (long long)id);
}

static const char *value_text(struct cli *c, struct name_cache *nc, const struct field_def *f,
			      const struct mu_value *v)
{
	if (f->type == FT_BOOL)
		return v->set && v->i ? "yes" : "no";
	if (!v->set)
		return "";
	switch (f->type) {
	case FT_INT:
		return mu_printf(&c->a, "%lld", (long long)v->i);
	case FT_REAL:
		return mu_printf(&c->a, "%g", v->r);
	case FT_REF:
		return ref_text(c, nc, f->ref, v->i);
	case FT_MONEY: {
		long long a = v->i < 0 ? -v->i : v->i;
		return mu_printf(&c->a, "%s%lld.%02lld %s%s%s", v->i < 0 ? "-" : "", a / 100, a % 100,
				 v->s, v->per ? "/" : "", v->per ? v->per : "");
	}
	case FT_LIST:
		if (f->sub[0].type != FT_OBJECT) {
			json_t *arr = json_loads(v->s, 0, NULL), *el;
			size_t i, len = 0;
			char *out = mu_alloc(&c->a, strlen(v->s) + 1);
			json_array_foreach(arr, i, el)
				len += (size_t)snprintf(out + len, strlen(v->s) + 1 - len, "%s%s",
							i ? ", " : "", json_string_value(el) ?
							json_string_value(el) : "");
			json_decref(arr);
			return out;
		}
		return v->s;
	default:
		return v->s;
	}
}

static const char *title_of(struct cli *c, const struct mu_record *r)
{
	int t = model_field_index(r->ent, r->ent->title);
	struct name_cache nc = { 0 };
	return value_text(c, &nc, &r->ent->fields[t], &r->v[t]);
}

static void show_human(struct cli *c, const struct mu_record *r)
{
	struct name_cache nc = { 0 };
	size_t w = 2;

	for (size_t i = 0; i < r->ent->nfields; i++)
		if (strlen(r->ent->fields[i].name) > w)
			w = strlen(r->ent->fields[i].name);
	if (model_key_index(r->ent) < 0)
		fprintf(c->out, "%-*s  %lld\n", (int)w, "id", (long long)r->id);
	for (size_t i = 0; i < r->ent->nfields; i++) {
		const char *s = value_text(c, &nc, &r->ent->fields[i], &r->v[i]);
		if (*s)
			fprintf(c->out, "%-*s  %s\n", (int)w, r->ent->fields[i].name, s);
	}
}

static void list_human(struct cli *c, const struct entity_def *e, struct mu_record *recs, size_t n)
{
	const char *head[16];
	size_t cols[16], ncols = 0;
	struct name_cache nc = { 0 };
	int keyed = model_key_index(e) >= 0;

	if (!keyed)
		head[ncols++] = "id";
	for (size_t i = 0; i < e->nfields && ncols < 16; i++)
		if (e->fields[i].flags & FF_LISTED) {
			cols[ncols] = i;
			head[ncols++] = e->fields[i].name;
		}
	const char **cells = mu_alloc_array(&c->a, n * ncols + 1, sizeof(*cells));
	for (size_t r = 0; r < n; r++)
		for (size_t k = 0; k < ncols; k++)
			cells[r * ncols + k] = !keyed && k == 0 ?
				mu_printf(&c->a, "%lld", (long long)recs[r].id) :
				value_text(c, &nc, &e->fields[cols[k]], &recs[r].v[cols[k]]);
	cli_table(c->out, head, ncols, cells, n);
}

/* ---- verbs ---- */

static int print_record(struct cli *c, const struct mu_record *r, const char *verb)
{
	if (c->env->json)
		cli_print_json(c, record_encode(r));
	else if (verb)
		fprintf(c->out, "%s %s %lld: %s\n", verb, r->ent->name, (long long)r->id,
			title_of(c, r));
	else
		show_human(c, r);
	return 0;
}

static int verb_add(struct cli *c, const struct cli_command *cmd, const struct entity_def *e,
		    int argc, char **argv, struct mu_error *err)
{
	struct mu_record *r;
	json_t *obj;
	int rc;

	if ((rc = build_object(c, cmd, e, argc, argv, 2, 0, &obj, err)) < 0)
		return rc;
	rc = app_record_add(c->app, &c->a, e, obj, &r, err);
	json_decref(obj);
	return rc < 0 ? rc : print_record(c, r, "added");
}

static int target_id(struct cli *c, const struct cli_command *cmd, const struct entity_def *e,
		     int argc, char **argv, mu_id *id, struct mu_error *err)
{
	const struct entity_def *by = e;

	if (argc < 3 || !strncmp(argv[2], "--", 2))
		return cli_usage_error(err, cmd, "%s %s needs the %s (an id%s)", cmd->name, argv[1],
				       e->name, e->kind == ENT_PERSON ? ", e-mail or name" :
				       e->fields[0].type == FT_TEXT ? " or name" : "");
	if (model_key_index(e) >= 0)
		by = model_entity(e->fields[model_key_index(e)].ref);
	return app_resolve(c->app, &c->a, by, argv[2], id, err);
}

static int verb_show(struct cli *c, const struct cli_command *cmd, const struct entity_def *e,
		     int argc, char **argv, struct mu_error *err)
{
	struct mu_record *r;
	mu_id id;
	int rc;

	if (argc > 3)
		return cli_usage_error(err, cmd, "unexpected '%s'", argv[3]);
	if ((rc = target_id(c, cmd, e, argc, argv, &id, err)) < 0 ||
	    (rc = app_record_get(c->app, &c->a, e, id, &r, err)) < 0)
		return rc;
	return print_record(c, r, NULL);
}

static int verb_edit(struct cli *c, const struct cli_command *cmd, const struct entity_def *e,
		     int argc, char **argv, struct mu_error *err)
{
	struct mu_record *r;
	json_t *obj;
	mu_id id;
	int rc;

	if ((rc = target_id(c, cmd, e, argc, argv, &id, err)) < 0 ||
	    (rc = build_object(c, cmd, e, argc, argv, 3, 1, &obj, err)) < 0)
		return rc;
	if (!json_object_size(obj)) {
		json_decref(obj);
		return cli_usage_error(err, cmd, "nothing to change; give --FIELD VALUE or"
				       " --unset FIELD");
	}
	rc = app_record_edit(c->app, &c->a, e, id, obj, &r, err);
	json_decref(obj);
	return rc < 0 ? rc : print_record(c, r, "changed");
}

static int verb_rm(struct cli *c, const struct cli_command *cmd, const struct entity_def *e,
		   int argc, char **argv, struct mu_error *err)
{
	struct mu_record *r;
	mu_id id;
	int rc;

	if (argc > 3)
		return cli_usage_error(err, cmd, "unexpected '%s'", argv[3]);
	if ((rc = target_id(c, cmd, e, argc, argv, &id, err)) < 0 ||
	    (rc = app_record_get(c->app, &c->a, e, id, &r, err)) < 0 ||
	    (rc = app_record_rm(c->app, e, id, err)) < 0)
		return rc;
	if (c->env->json)
		cli_print_json(c, json_pack("{s:s, s:s}", "removed", e->name, "id",
					    mu_printf(&c->a, "%lld", (long long)id)));
	else
		fprintf(c->out, "removed %s %lld: %s\n", e->name, (long long)id, title_of(c, r));
	return 0;
}

static int verb_list(struct cli *c, const struct cli_command *cmd, const struct entity_def *e,
		     int argc, char **argv, struct mu_error *err)
{
	struct mu_record *recs;
	size_t n, limit = 0;
	mu_id after = 0;
	const char *v;
	int rc;

	for (int i = 2; i < argc; i++) {
		char *end;
		if ((v = cli_opt(argc, argv, &i, "--limit"))) {
			limit = strtoul(v, &end, 10);
			if (*end || !limit || limit > 1000000)
				return cli_usage_error(err, cmd, "--limit takes a number from 1 to 1000000");
		} else if ((v = cli_opt(argc, argv, &i, "--cursor"))) {
			if (!record_is_store_id(v, &after))
				return cli_usage_error(err, cmd, "--cursor takes the next_cursor of a"
						       " previous page");
		} else {
			return cli_usage_error(err, cmd, "unknown option '%s' for %s list", argv[i],
					       e->name);
		}
	}
	if ((rc = app_record_list(c->app, &c->a, e, after, limit, &recs, &n, err)) < 0)
		return rc;
	if (c->env->json) {
		json_t *items = json_array(), *page = json_object();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, record_encode(&recs[i]));
		json_object_set_new(page, "items", items);
		json_object_set_new(page, "next_cursor", limit && n == limit ?
				    json_string(mu_printf(&c->a, "%lld", (long long)recs[n - 1].id)) :
				    json_null());
		cli_print_json(c, page);
	} else {
		list_human(c, e, recs, n);
	}
	return 0;
}

static const struct {
	const char *verb;
	int (*fn)(struct cli *, const struct cli_command *, const struct entity_def *, int,
		  char **, struct mu_error *);
} verbs[] = {
	{ "add", verb_add },
	{ "list", verb_list },
	{ "show", verb_show },
	{ "edit", verb_edit },
	{ "rm", verb_rm },
};

int cli_record(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	       struct mu_error *err)
{
	const struct entity_def *e = model_entity(cmd->entity);

	if (argc < 2)
		return cli_usage_error(err, cmd, "%s needs a verb", cmd->name);
	if (e->kind == ENT_PERSON && !strcmp(argv[1], "merge"))
		return cli_person_merge(c, cmd, argc, argv, err);
	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (!strcmp(argv[1], verbs[i].verb))
			return verbs[i].fn(c, cmd, e, argc, argv, err);
	return cli_usage_error(err, cmd, "'%s' is not a verb of %s (add, list, show, edit, rm%s)",
			       argv[1], cmd->name, e->kind == ENT_PERSON ? ", merge" : "");
}
