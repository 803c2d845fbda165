/*
 * subject.c - `mutua subject export|erase PERSON`: a data subject's rights (GDPR
 * Art. 15, 17, 20; app/subject.h, docs/privacy.md).
 *
 * Erasing cannot be undone, so it asks first on a terminal; a script says --yes, and
 * without a terminal to ask on nothing is erased unless it does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "app/app.h"
#include "app/subject.h"
#include "core/banned.h"

struct subject_args {
	const char *person, *output;
	int yes;
};

static int parse(const struct cli_command *cmd, int argc, char **argv, int erase,
		 struct subject_args *a, struct mu_error *err)
{
	const char *v;

	memset(a, 0, sizeof(*a));
	for (int i = 2; i < argc; i++) {
		if (!erase && ((v = cli_opt(argc, argv, &i, "-o")) ||
			       (v = cli_opt(argc, argv, &i, "--output"))))
			a->output = v;
		else if (erase && !strcmp(argv[i], "--yes"))
			a->yes = 1;
		else if (!a->person && argv[i][0] != '-')
			a->person = argv[i];
		else
			return cli_usage_error(err, cmd, "unexpected '%s'", argv[i]);
	}
	if (!a->person)
		return cli_usage_error(err, cmd, "give the person: an id, e-mail or name");
	return 0;
}

static int subject_export(struct cli *c, const struct subject_args *a, mu_id id,
			  struct mu_error *err)
{
	json_t *doc;
	char *text;
	int rc;

	if ((rc = app_subject_export(c->app, id, &doc, err)) < 0)
		return rc;
	text = json_dumps(doc, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
	json_decref(doc);
	if (!text)
		return mu_fail(err, MU_ENOMEM, "", "out of memory");
	rc = cli_write_file(c, a->output, mu_printf(&c->a, "%s\n", text), strlen(text) + 1, err);
	free(text);
	return rc;
}

/* Ask on the terminal; 0 if the answer is yes. */
static int confirmed(struct cli *c, const struct cli_command *cmd, mu_id id,
		     struct mu_error *err)
{
	struct mu_record *r;
	char answer[16] = "";
	int rc, i;

	if (!isatty(STDIN_FILENO))
		return cli_usage_error(err, cmd, "erasing cannot be undone; confirm with --yes"
				       " (standard input is not a terminal to ask on)");
	if ((rc = app_record_get(c->app, &c->a, model_entity(ENT_PERSON), id, &r, err)) < 0)
		return rc;
	i = model_field_index(r->ent, "full_name");
	fprintf(stderr, "erase %s (person %lld) for good? Their personal data go from every"
		" record; this cannot be undone. Type yes to erase: ",
		r->v[i].set ? r->v[i].s : "?", (long long)id);
	if (!fgets(answer, sizeof(answer), stdin) || strcmp(answer, "yes\n"))
		return mu_fail(err, MU_EUSAGE, "", "nothing erased");
	return 0;
}

static long long count(json_t *o, const char *key)
{
	return (long long)json_integer_value(json_object_get(o, key));
}

static void print_erased(struct cli *c, json_t *s)
{
	json_t *cleared = json_object_get(s, "notes_cleared"), *kept = json_object_get(s, "kept");
	const char *key;
	json_t *v;
	int first = 1;

	fprintf(c->out, "erased person %s: now '%s'\n", json_string_value(json_object_get(s, "person")),
		json_string_value(json_object_get(s, "name")));
	fprintf(c->out, "  %lld suppression keys (hashes), %lld personal fields cleared, profile %s\n",
		count(s, "suppression_keys"), count(s, "fields_cleared"),
		json_is_true(json_object_get(s, "profile_deleted")) ? "deleted" : "none");
	fprintf(c->out, "  notes cleared: %lld ties (how met), %lld exchanges, %lld one-to-ones\n",
		count(cleared, "ties"), count(cleared, "exchanges"), count(cleared, "one_to_ones"));
	fprintf(c->out, "  kept, anonymous, so totals stay right:");
	json_object_foreach(kept, key, v)
		if (json_integer_value(v)) {
			fprintf(c->out, "%s %lld %s", first ? "" : ",", (long long)json_integer_value(v),
				key);
			first = 0;
		}
	fprintf(c->out, "%s\n", first ? " nothing" : "");
}

int cli_subject(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		struct mu_error *err)
{
	const char *verb = argc > 1 ? argv[1] : "";
	int erase = !strcmp(verb, "erase");
	struct subject_args a;
	json_t *summary;
	mu_id id;
	int rc;

	if (!erase && strcmp(verb, "export"))
		return cli_usage_error(err, cmd, argc > 1 ? "'%s' is not a subject verb" :
				       "give a verb: export or erase", verb);
	if ((rc = parse(cmd, argc, argv, erase, &a, err)) < 0 ||
	    (rc = app_resolve(c->app, &c->a, model_entity(ENT_PERSON), a.person, &id, err)) < 0)
		return rc;
	if (!erase)
		return subject_export(c, &a, id, err);
	if (!a.yes && (rc = confirmed(c, cmd, id, err)) < 0)
		return rc;
	if ((rc = app_subject_erase(c->app, id, &summary, err)) < 0)
		return rc;
	if (c->env->json) {
		cli_print_json(c, summary);
		return 0;
	}
	print_erased(c, summary);
	json_decref(summary);
	return 0;
}
