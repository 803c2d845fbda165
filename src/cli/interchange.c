/*
 * interchange.c - `import vcard|linkedin|google FILE`, `export vcard|csv` and
 * `person merge A B` (docs/interchange.md).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "app/app.h"
#include "app/interchange.h"
#include "core/buf.h"
#include "core/banned.h"

#define PROGRESS_WIDTH 30

/* A progress bar on standard error, redrawn in place. */
static void progress(void *ctx, size_t done, size_t total)
{
	char bar[PROGRESS_WIDTH + 1];
	size_t fill = total ? done * PROGRESS_WIDTH / total : PROGRESS_WIDTH;

	(void)ctx;
	memset(bar, '#', fill);
	memset(bar + fill, '.', PROGRESS_WIDTH - fill);
	bar[PROGRESS_WIDTH] = '\0';
	fprintf(stderr, "\rimporting [%s] %zu/%zu", bar, done, total);
	if (done == total)
		fputc('\n', stderr);
	fflush(stderr);
}

static long long int_of(json_t *o, const char *name)
{
	return (long long)json_integer_value(json_object_get(o, name));
}

/* "reason (n), reason (n)" of an object of counts. */
static void print_counts(FILE *out, const char *head, json_t *counts)
{
	const char *k;
	json_t *v;
	const char *sep = "";

	if (!json_object_size(counts))
		return;
	fprintf(out, "%s", head);
	json_object_foreach(counts, k, v) {
		fprintf(out, "%s%s (%lld)", sep, k, (long long)json_integer_value(v));
		sep = "; ";
	}
	fputc('\n', out);
}

static void print_items(FILE *out, json_t *items)
{
	size_t i;
	json_t *it;

	json_array_foreach(items, i, it) {
		const char *name = json_string_value(json_object_get(it, "name"));
		const char *person = json_string_value(json_object_get(it, "person"));
		const char *reason = json_string_value(json_object_get(it, "reason"));
		fprintf(out, "line %-6lld %-9s %s", int_of(it, "line"),
			json_string_value(json_object_get(it, "action")), name ? name : "-");
		if (person)
			fprintf(out, " -> person %s", person);
		if (reason)
			fprintf(out, " (%s)", reason);
		fputc('\n', out);
	}
}

/* "  30 organisations added, 100 ties added": what else changed, if anything. */
static void print_also(FILE *out, json_t *r)
{
	static const struct { const char *key, *words; } also[] = {
		{ "organisations_added", "organisations added" }, { "ties_added", "ties added" },
		{ "ties_dated", "ties dated" },
	};
	const char *sep = "  ";

	for (size_t i = 0; i < sizeof(also) / sizeof(also[0]); i++)
		if (int_of(r, also[i].key)) {
			fprintf(out, "%s%lld %s", sep, int_of(r, also[i].key), also[i].words);
			sep = ", ";
		}
	if (strcmp(sep, "  "))
		fputc('\n', out);
}

static void print_report(struct cli *c, json_t *r)
{
	size_t i;
	json_t *note;

	if (json_object_get(r, "items"))
		print_items(c->out, json_object_get(r, "items"));
	fprintf(c->out, "%s%lld contacts (%s, %s): %lld added, %lld merged, %lld unchanged,"
		" %lld skipped\n", json_is_true(json_object_get(r, "dry_run")) ?
		"dry run, nothing was changed: " : "", int_of(r, "contacts"),
		json_string_value(json_object_get(r, "kind")),
		json_string_value(json_object_get(r, "encoding")), int_of(r, "added"),
		int_of(r, "merged"), int_of(r, "unchanged"), int_of(r, "skipped"));
	print_counts(c->out, "  skipped: ", json_object_get(r, "skipped_because"));
	print_counts(c->out, "  values dropped: ", json_object_get(r, "dropped_values"));
	print_also(c->out, r);
	json_array_foreach(json_object_get(r, "notes"), i, note)
		fprintf(c->out, "note: %s\n", json_string_value(note));
}

int cli_import_contacts(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
			struct mu_error *err)
{
	struct contacts_import o = { .kind = argv[1] };
	const char *file = NULL, *v;
	struct mu_buf b;
	json_t *report = NULL;
	int rc;

	for (int i = 2; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "--legal-basis")))
			o.legal_basis = v;
		else if ((v = cli_opt(argc, argv, &i, "--me")))
			o.me = v;
		else if (!strcmp(argv[i], "--dry-run"))
			o.dry_run = 1;
		else if (!file && (argv[i][0] != '-' || !strcmp(argv[i], "-")))
			file = argv[i];
		else
			return cli_usage_error(err, cmd, "unexpected '%s'", argv[i]);
	}
	if (!file)
		return cli_usage_error(err, cmd, "import %s needs a FILE (- for standard input)",
				       o.kind);
	if (o.legal_basis && strcmp(o.legal_basis, "legitimate_interest") &&
	    strcmp(o.legal_basis, "consent") && strcmp(o.legal_basis, "contract"))
		return cli_usage_error(err, cmd, "--legal-basis takes legitimate_interest, consent"
				       " or contract, not '%s'", o.legal_basis);
	if (!c->env->json && isatty(fileno(stderr)))
		o.progress = progress;
	if ((rc = app_workspace_select(c->app, c->env->workspace, err)) < 0)
		return rc;
	mu_buf_init(&b, CLI_IMPORT_LIMIT);
	if ((rc = cli_read_file(file, &b, err)) == 0)
		rc = app_import_contacts(c->app, mu_buf_str(&b), b.len, &o, &report, err);
	mu_buf_release(&b);
	if (rc < 0)
		return rc;
	if (c->env->json)
		cli_print_json(c, report);
	else
		print_report(c, report), json_decref(report);
	return 0;
}

int cli_export_contacts(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
			struct mu_error *err)
{
	const char *path = NULL, *v;
	struct mu_buf b;
	int rc;

	for (int i = 2; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "-o")) || (v = cli_opt(argc, argv, &i, "--output")))
			path = v;
		else
			return cli_usage_error(err, cmd, "unexpected '%s'", argv[i]);
	}
	mu_buf_init(&b, (size_t)1 << 30);
	if ((rc = app_export_contacts(c->app, argv[1], &b, err)) == 0)
		rc = cli_write_file(c, path, b.data ? b.data : "", b.len, err);
	mu_buf_release(&b);
	return rc;
}

int cli_person_merge(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		     struct mu_error *err)
{
	const struct entity_def *pe = model_entity(ENT_PERSON);
	json_t *report;
	mu_id keep, gone;
	int rc;

	if (argc != 4)
		return cli_usage_error(err, cmd, "person merge takes two persons: KEEP and the one"
				       " that joins it");
	if ((rc = app_resolve(c->app, &c->a, pe, argv[2], &keep, err)) < 0 ||
	    (rc = app_resolve(c->app, &c->a, pe, argv[3], &gone, err)) < 0 ||
	    (rc = app_person_merge(c->app, keep, gone, &report, err)) < 0)
		return rc;
	if (c->env->json) {
		cli_print_json(c, report);
		return 0;
	}
	fprintf(c->out, "merged person %lld into person %lld\n", (long long)gone,
		(long long)keep);
	print_counts(c->out, "  moved: ", json_object_get(report, "moved"));
	print_counts(c->out, "  removed: ", json_object_get(report, "removed"));
	json_decref(report);
	return 0;
}
