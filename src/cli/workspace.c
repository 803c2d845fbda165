/*
 * workspace.c - commands on whole workspaces: init, workspace, import, export, demo,
 * serve.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "app/access.h"
#include "app/app.h"
#include "io/demo.h"
#include "core/buf.h"
#include "core/banned.h"

/* --name, --kind, --locale and --currency are text; --settings is the document's settings
 * object as JSON (absent keys take their defaults), checked by the app layer as on import. */
int cli_init(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	     struct mu_error *err)
{
	static const char *const keys[] = { "name", "kind", "locale", "currency", "settings" };
	const size_t nkeys = sizeof(keys) / sizeof(keys[0]);
	json_t *spec = json_object(), *j;
	mu_id id;
	int rc = 0;

	for (int i = 1; i < argc && !rc; i++) {
		size_t k = 0;
		const char *v = NULL;
		for (; k < nkeys; k++) {
			char opt[16];
			snprintf(opt, sizeof(opt), "--%s", keys[k]);
			if ((v = cli_opt(argc, argv, &i, opt)))
				break;
		}
		if (k == nkeys)
			rc = cli_usage_error(err, cmd, "unknown option '%s'", argv[i]);
		else if (strcmp(keys[k], "settings"))
			json_object_set_new(spec, keys[k], json_string(v));
		else if ((rc = app_parse_json(v, strlen(v), &j, err)) < 0)
			mu_error_prefix(err, "--settings");
		else
			json_object_set_new(spec, keys[k], j);
	}
	if (!rc && (!json_object_get(spec, "name") || !json_object_get(spec, "kind")))
		rc = cli_usage_error(err, cmd, "init needs --name and --kind");
	if (!rc)
		rc = app_workspace_create(c->app, spec, &id, err);
	json_decref(spec);
	if (rc < 0)
		return rc;
	if ((rc = app_workspace_select(c->app, mu_printf(&c->a, "%lld", (long long)id), err)) < 0)
		return rc;
	if (c->env->json)
		cli_print_json(c, app_workspace_json(c->app));
	else
		fprintf(c->out, "created workspace %lld: %s\n", (long long)id, c->app->wsinfo.name);
	return 0;
}

/* The selected workspace, as 'workspace show' prints it. */
static void print_workspace(struct cli *c)
{
	json_t *w = app_workspace_json(c->app);
	char *settings;

	if (c->env->json) {
		cli_print_json(c, w);
		return;
	}
	settings = json_dumps(json_object_get(w, "settings"),
			      JSON_COMPACT | JSON_REAL_PRECISION(15));
	fprintf(c->out, "id        %s\nname      %s\nkind      %s\nlocale    %s\n"
		"currency  %s\nsettings  %s\n", json_string_value(json_object_get(w, "id")),
		c->app->wsinfo.name, c->app->wsinfo.kind, c->app->wsinfo.locale,
		c->app->wsinfo.currency, settings);
	free(settings);
	json_decref(w);
}

/* Put value at key into patch, a merge patch of the settings: KEY is a path into the
 * settings object, names joined by dots (scorecard.green), the last of which may take
 * an index (fit_weights[2]); an index changes one item of the current list. */
static int patch_at(struct cli *c, json_t *patch, json_t *current, const char *key,
		    json_t *value, struct mu_error *err)
{
	const char *p = key;
	json_t *obj = patch, *cur = current;

	for (;;) {
		size_t len = strcspn(p, ".[");
		char *name = mu_printf(&c->a, "%.*s", (int)len, p);
		json_t *child;

		if (!len)
			return mu_fail(err, MU_EUSAGE, "", "'%s' is not a setting's key such as"
				       " scorecard.green or fit_weights[2]", key);
		p += len;
		if (*p == '.') {
			p++;
			child = json_object_get(obj, name);
			if (!json_is_object(child)) {
				child = json_object();
				json_object_set_new(obj, name, child);
			}
			obj = child;
			cur = json_object_get(cur, name);
			continue;
		}
		if (!*p) {
			json_object_set(obj, name, value);
			return 0;
		}
		/* name[N], the end of the key */
		char *end;
		unsigned long i = strtoul(p + 1, &end, 10);
		json_t *list = json_object_get(obj, name);
		if (end == p + 1 || strcmp(end, "]"))
			return mu_fail(err, MU_EUSAGE, "", "'%s' is not a setting's key such as"
				       " scorecard.green or fit_weights[2]", key);
		if (!json_is_array(list)) {
			if (!json_is_array(json_object_get(cur, name)))
				return mu_fail(err, MU_EINVAL, mu_printf(&c->a, "settings.%s", name),
					       "is not a list");
			list = json_deep_copy(json_object_get(cur, name));
			json_object_set_new(obj, name, list);
		}
		if (i >= json_array_size(list))
			return mu_fail(err, MU_EINVAL, mu_printf(&c->a, "settings.%s", key),
				       "there is no such item; %s has %zu", name,
				       json_array_size(list));
		json_array_set(list, i, value);
		return 0;
	}
}

/* workspace set KEY VALUE [KEY VALUE ...]: the pairs as one merge patch, so that they
 * change together or not at all. VALUE is JSON (0.3, [0.3,0.2,0.2,0.2,0.1], null), or
 * else taken as text. */
static int workspace_set(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
			 struct mu_error *err)
{
	json_t *patch = json_object(), *current = NULL;
	int rc;

	if (argc < 4 || argc % 2)
		rc = cli_usage_error(err, cmd, "workspace set takes KEY VALUE pairs");
	else if ((rc = app_workspace_select(c->app, c->env->workspace, err)) == 0 &&
		 (!c->env->user || (rc = app_act_as(c->app, c->env->user, err)) == 0))
		current = json_loads(c->app->wsinfo.settings, 0, NULL);
	for (int i = 2; rc == 0 && i < argc; i += 2) {
		json_t *v = json_loads(argv[i + 1], JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, NULL);
		if (!v)
			v = json_string(argv[i + 1]);
		rc = patch_at(c, patch, current, argv[i], v, err);
		json_decref(v);
	}
	if (rc == 0)
		rc = app_workspace_settings(c->app, patch, err);
	json_decref(patch);
	json_decref(current);
	if (rc < 0)
		return rc;
	print_workspace(c);
	return 0;
}

int cli_workspace(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		  struct mu_error *err)
{
	json_t *list, *w;
	size_t i;
	int rc;

	if (argc >= 2 && !strcmp(argv[1], "set"))
		return workspace_set(c, cmd, argc, argv, err);
	if (argc == 2 && !strcmp(argv[1], "show")) {
		if ((rc = app_workspace_select(c->app, c->env->workspace, err)) < 0)
			return rc;
		print_workspace(c);
		return 0;
	}
	if (argc != 2 || strcmp(argv[1], "list"))
		return cli_usage_error(err, cmd, "workspace takes list, show or set");
	if ((rc = app_workspace_list(c->app, &list, err)) < 0)
		return rc;
	if (c->env->json) {
		cli_print_json(c, list);
		return 0;
	}
	const char *head[] = { "id", "name", "kind", "locale", "currency" };
	const char **cells = mu_alloc_array(&c->a, json_array_size(list) * 5 + 1, sizeof(*cells));
	json_array_foreach(list, i, w)
		for (size_t k = 0; k < 5; k++)
			cells[i * 5 + k] = mu_strdup(&c->a, json_string_value(json_object_get(w, head[k])));
	cli_table(c->out, head, 5, cells, json_array_size(list));
	json_decref(list);
	return 0;
}

static void print_summary(struct cli *c, const struct import_summary *sum)
{
	if (c->env->json) {
		json_t *o = json_object(), *counts = json_object();
		json_object_set_new(o, "workspace", json_string(mu_printf(&c->a, "%lld",
								(long long)sum->workspace)));
		json_object_set_new(o, "name", json_string(c->app->wsinfo.name));
		for (int i = 0; i < ENT_COUNT; i++) {
			const struct entity_def *e = model_entity(model_document_order[i]);
			json_object_set_new(counts, e->plural, json_integer((json_int_t)sum->count[e->kind]));
		}
		json_object_set_new(o, "imported", counts);
		cli_print_json(c, o);
		return;
	}
	fprintf(c->out, "imported workspace %lld: %s\n", (long long)sum->workspace,
		c->app->wsinfo.name);
	for (int i = 0; i < ENT_COUNT; i++) {
		const struct entity_def *e = model_entity(model_document_order[i]);
		if (sum->count[e->kind])
			fprintf(c->out, "  %6zu %s\n", sum->count[e->kind], e->plural);
	}
}

int cli_import(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	       struct mu_error *err)
{
	struct import_summary sum;
	const char *as = NULL, *file = NULL, *v;
	struct mu_buf b;
	json_t *doc = NULL;
	int rc;

	if (argc < 2)
		return cli_usage_error(err, cmd, "import needs a format");
	if (!strcmp(argv[1], "vcard") || !strcmp(argv[1], "linkedin") || !strcmp(argv[1], "google"))
		return cli_import_contacts(c, cmd, argc, argv, err);
	if (strcmp(argv[1], "json"))
		return cli_usage_error(err, cmd, "'%s' is not a format this version imports (json,"
				       " vcard, linkedin, google)", argv[1]);
	for (int i = 2; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "--as")))
			as = v;
		else if (!file && (argv[i][0] != '-' || !strcmp(argv[i], "-")))
			file = argv[i];
		else
			return cli_usage_error(err, cmd, "unexpected '%s'", argv[i]);
	}
	if (!file)
		return cli_usage_error(err, cmd, "import json needs a FILE (- for standard input)");
	mu_buf_init(&b, CLI_IMPORT_LIMIT);
	if ((rc = cli_read_file(file, &b, err)) == 0 &&
	    (rc = app_parse_json(mu_buf_str(&b), b.len, &doc, err)) == 0)
		rc = app_import(c->app, doc, as, &sum, err);
	json_decref(doc);
	mu_buf_release(&b);
	if (rc < 0)
		return rc;
	print_summary(c, &sum);
	return 0;
}

int cli_export(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	       struct mu_error *err)
{
	const char *path = NULL, *v;
	json_t *doc;
	FILE *f;
	int rc;

	if (argc >= 2 && (!strcmp(argv[1], "vcard") || !strcmp(argv[1], "csv")))
		return cli_export_contacts(c, cmd, argc, argv, err);
	if (argc < 2 || strcmp(argv[1], "json"))
		return cli_usage_error(err, cmd, argc < 2 ? "export needs a format" :
				       "'%s' is not a format this version exports (json, vcard, csv,"
				       " ical)", argv[1]);
	for (int i = 2; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "-o")) || (v = cli_opt(argc, argv, &i, "--output")))
			path = v;
		else
			return cli_usage_error(err, cmd, "unexpected '%s'", argv[i]);
	}
	if ((rc = app_export(c->app, &doc, err)) < 0)
		return rc;
	f = path && strcmp(path, "-") ? fopen(path, "wb") : c->out;
	if (!f) {
		json_decref(doc);
		return mu_fail(err, MU_EIO, path, "cannot write: %s", strerror(errno));
	}
	rc = json_dumpf(doc, f, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
	fputc('\n', f);
	json_decref(doc);
	if (f != c->out && fclose(f) != 0)
		rc = -1;
	if (rc < 0)
		return mu_fail(err, MU_EIO, path ? path : "stdout", "cannot write the document");
	return 0;
}

int cli_demo(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	     struct mu_error *err)
{
	static const struct { const char *name; enum demo_kind kind; } kinds[] = {
		{ "group", DEMO_GROUP }, { "organisation", DEMO_ORGANISATION },
		{ "personal", DEMO_PERSONAL },
	};
	const char *want = "group", *login = NULL, *v;
	char password[APP_TOKEN_MAX];
	int rc, made = 0;

	for (int i = 1; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "--kind")))
			want = v;
		else if ((v = cli_opt(argc, argv, &i, "--login")))
			login = v;
		else
			return cli_usage_error(err, cmd, "unexpected '%s'", argv[i]);
	}
	app_random_password(password);
	for (size_t k = 0; k < 3; k++) {
		struct import_summary sum;
		json_t *doc;

		if (strcmp(want, "all") && strcmp(want, kinds[k].name))
			continue;
		made++;
		if (!(doc = demo_document(kinds[k].kind, c->env->now)))
			return mu_fail(err, MU_ENOMEM, "", "out of memory");
		rc = app_import(c->app, doc, NULL, &sum, err);
		json_decref(doc);
		if (rc == 0 && login)
			rc = made == 1 ? app_account_add(c->app, login, "Demo", password, "owner", NULL,
							 err)
				       : app_account_role(c->app, login, "owner", err);
		if (rc < 0)
			return rc;
		print_summary(c, &sum);
	}
	if (!made)
		return cli_usage_error(err, cmd, "'%s' is not a demo kind (group, organisation,"
				       " personal, all)", want);
	if (login)
		fprintf(c->out, "demo login: %s  password: %s\n", login, password);
	return 0;
}

int cli_serve(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	      struct mu_error *err)
{
	const char *listen = "127.0.0.1:8080", *v;
	int proxy = 0;

	for (int i = 1; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "--listen")))
			listen = v;
		else if (!strcmp(argv[i], "--proxy"))
			proxy = 1;
		else
			return cli_usage_error(err, cmd, "unexpected '%s'", argv[i]);
	}
	if (c->env->user)
		return cli_usage_error(err, cmd, "the server signs each request in; --user is for"
				       " the command line");
	/* the server opens its own connection per worker thread */
	app_close(c->app);
	c->app = NULL;
	return c->env->serve(c->env, listen, proxy, err);
}

/* A SQLite file to copy from must be there: opening one creates it. */
static int source_exists(const char *url, struct mu_error *err)
{
	const char *path = !strncmp(url, "sqlite:", 7) ? url + 7 : url;

	if (!strncmp(url, "postgres://", 11) || !strncmp(url, "postgresql://", 13))
		return 0;
	if (access(path, F_OK) < 0)
		return mu_fail(err, MU_ENOTFOUND, "--from", "no database at '%s'", path);
	return 0;
}

int cli_copy(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	     struct mu_error *err)
{
	const char *from = NULL, *to = NULL, *v, *key;
	json_t *report = NULL, *n;
	int rc;

	for (int i = 1; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "--from")))
			from = v;
		else if ((v = cli_opt(argc, argv, &i, "--to")))
			to = v;
		else
			return cli_usage_error(err, cmd, "unexpected '%s'", argv[i]);
	}
	if (!from || !to)
		return cli_usage_error(err, cmd, "copy needs --from URL and --to URL");
	if ((rc = source_exists(from, err)) < 0 ||
	    (rc = app_copy(from, to, c->env->now, &report, err)) < 0)
		return rc;
	if (c->env->json) {
		cli_print_json(c, report);
		return 0;
	}
	fprintf(c->out, "copied %lld rows from %s to %s\n",
		(long long)json_integer_value(json_object_get(report, "rows")),
		json_string_value(json_object_get(report, "from")),
		json_string_value(json_object_get(report, "to")));
	json_object_foreach(json_object_get(report, "tables"), key, n)
		if (json_integer_value(n))
			fprintf(c->out, "  %8lld %s\n", (long long)json_integer_value(n), key);
	json_decref(report);
	return 0;
}
