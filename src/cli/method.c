/*
 * method.c - the method's commands (FORMAT.md §2, SPEC §4.1-§4.4): fit, partners,
 * powerteams, balance, ledger, strength, agenda and `referral move`.
 *
 * Each asks the use-case layer for its JSON answer; --json prints it as it is, and
 * otherwise it is drawn as text for people. The numbers are the same either way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "app/app.h"
#include "app/calendar.h"
#include "app/method.h"
#include "app/graph.h"
#include "core/buf.h"
#include "io/stream.h"
#include "core/banned.h"

static const char *str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

static double real(json_t *o, const char *key)
{
	return json_number_value(json_object_get(o, key));
}

/* The name of a person object {id, name}. */
static const char *who(json_t *o, const char *key)
{
	json_t *p = json_object_get(o, key);
	return json_is_object(p) ? str(p, "name") : "everyone";
}

/* A PERSON argument: an id, an e-mail or an unambiguous name. */
static int person_arg(struct cli *c, const char *text, mu_id *id, struct mu_error *err)
{
	return app_resolve(c->app, &c->a, model_entity(ENT_PERSON), text, id, err);
}

static int network_arg(struct cli *c, const char *text, mu_id *id, struct mu_error *err)
{
	*id = 0;
	return text ? app_resolve(c->app, &c->a, model_entity(ENT_NETWORK), text, id, err) : 0;
}

enum { O_NETWORK = 1, O_TOP = 2, O_MIN_FIT = 4, O_MEMBER = 8, O_AT = 16, O_VALUE = 32, O_MATRIX = 64,
       O_PERIOD = 128, O_PLAN = 256, O_ASK = 512, O_ORG = 1024, O_PATH = 2048 };

/* Options and up to two positional arguments. */
struct args {
	const char *pos[2];
	int npos;
	const char *network, *top, *min_fit, *member, *at, *value, *from, *to, *plan;
	const char *ask, *accept, *as, *org, *k, *max_hops;
	int matrix, members;
};

/* Options the command takes (O_*) and up to max_pos positional arguments. */
static int parse(const struct cli_command *cmd, int argc, char **argv, unsigned takes,
		 struct args *a, int max_pos, struct mu_error *err)
{
	memset(a, 0, sizeof *a);
	for (int i = 1; i < argc; i++) {
		const char *v;
		if ((takes & O_NETWORK) && (v = cli_opt(argc, argv, &i, "--network")))
			a->network = v;
		else if ((takes & O_TOP) && (v = cli_opt(argc, argv, &i, "--top")))
			a->top = v;
		else if ((takes & O_MIN_FIT) && (v = cli_opt(argc, argv, &i, "--min-fit")))
			a->min_fit = v;
		else if ((takes & O_MEMBER) && (v = cli_opt(argc, argv, &i, "--member")))
			a->member = v;
		else if ((takes & O_AT) && (v = cli_opt(argc, argv, &i, "--at")))
			a->at = v;
		else if ((takes & O_VALUE) && (v = cli_opt(argc, argv, &i, "--value")))
			a->value = v;
		else if ((takes & O_ASK) && (v = cli_opt(argc, argv, &i, "--ask")))
			a->ask = v;
		else if ((takes & O_ASK) && (v = cli_opt(argc, argv, &i, "--accept")))
			a->accept = v;
		else if ((takes & O_ASK) && (v = cli_opt(argc, argv, &i, "--as")))
			a->as = v;
		else if ((takes & O_ORG) && (v = cli_opt(argc, argv, &i, "--org")))
			a->org = v;
		else if ((takes & O_PLAN) && (v = cli_opt(argc, argv, &i, "--plan")))
			a->plan = v;
		else if ((takes & O_PERIOD) && (v = cli_opt(argc, argv, &i, "--from")))
			a->from = v;
		else if ((takes & O_PERIOD) && (v = cli_opt(argc, argv, &i, "--to")))
			a->to = v;
		else if ((takes & O_MATRIX) && !strcmp(argv[i], "--matrix"))
			a->matrix = 1;
		else if ((takes & O_PATH) && (v = cli_opt(argc, argv, &i, "--k")))
			a->k = v;
		else if ((takes & O_PATH) && (v = cli_opt(argc, argv, &i, "--max-hops")))
			a->max_hops = v;
		else if ((takes & O_PATH) && !strcmp(argv[i], "--members"))
			a->members = 1;
		else if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error(err, cmd, "unknown or incomplete option '%s'", argv[i]);
		else if (a->npos >= max_pos)
			return cli_usage_error(err, cmd, "too many arguments");
		else
			a->pos[a->npos++] = argv[i];
	}
	return 0;
}

static int print_or_draw(struct cli *c, json_t *j, void (*draw)(struct cli *, json_t *))
{
	if (c->env->json)
		cli_print_json(c, j);
	else {
		draw(c, j);
		json_decref(j);
	}
	return 0;
}

/* `COMMAND [PERSON]`: the answer of call for one person, or for everyone. */
static int for_person(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		      int (*call)(struct app *, mu_id, json_t **, struct mu_error *),
		      void (*draw)(struct cli *, json_t *), struct mu_error *err)
{
	struct args a;
	mu_id x = 0;
	json_t *j;
	int rc;

	if ((rc = parse(cmd, argc, argv, 0, &a, 1, err)) < 0)
		return rc;
	if (a.npos && (rc = person_arg(c, a.pos[0], &x, err)) < 0)
		return rc;
	if ((rc = call(c->app, x, &j, err)) < 0)
		return rc;
	return print_or_draw(c, j, draw);
}

static void draw_fit(struct cli *c, json_t *j)
{
	size_t i;
	json_t *cs;
	fprintf(c->out, "%s and %s: fit %.2f\n", who(j, "a"), who(j, "b"), real(j, "fit"));
	json_array_foreach(json_object_get(j, "cornerstones"), i, cs)
		fprintf(c->out, "  %s %-17s %.2f  %s\n", str(cs, "code"), str(cs, "cornerstone"),
			real(cs, "score"), str(cs, "reason"));
	if (json_is_string(json_object_get(j, "veto")))
		fprintf(c->out, "  veto: %s\n", str(j, "veto"));
}

/* A table of fits: with_a adds the first person's column (the matrix). */
static void draw_pairs(struct cli *c, json_t *list, int with_a)
{
	static const char *const head[] = { "PERSON", "PARTNER", "FIT", "VETO" };
	size_t n = json_array_size(list), cols = with_a ? 4 : 3, i, k;
	const char **cells = calloc(n * cols + 1, sizeof *cells);
	char (*num)[16] = calloc(n + 1, sizeof *num);
	json_t *p;
	if (!cells || !num)
		goto out;
	json_array_foreach(list, i, p) {
		snprintf(num[i], sizeof num[i], "%.2f", real(p, "fit"));
		k = i * cols;
		if (with_a)
			cells[k++] = who(p, "a");
		cells[k++] = who(p, "b");
		cells[k++] = num[i];
		cells[k] = json_is_string(json_object_get(p, "veto")) ? str(p, "veto") : "";
	}
	cli_table(c->out, with_a ? head : head + 1, cols, cells, n);
out:
	free(cells);
	free(num);
}

/* The matrix as a table: a row per person, a column per person number. */
static void draw_matrix(struct cli *c, json_t *j)
{
	json_t *people = json_object_get(j, "people"), *rows = json_object_get(j, "matrix"), *p;
	size_t n = json_array_size(people), i;
	fprintf(c->out, "%4s  %-24s", "", "");
	for (i = 0; i < n; i++)
		fprintf(c->out, " %4zu", i + 1);
	fputc('\n', c->out);
	json_array_foreach(people, i, p) {
		json_t *row = json_array_get(rows, i);
		fprintf(c->out, "%4zu  %-24.24s", i + 1, str(p, "name"));
		for (size_t k = 0; k < n; k++)
			if (k == i)
				fprintf(c->out, "    -");
			else
				fprintf(c->out, " %4.2f", json_number_value(json_array_get(row, k)));
		fputc('\n', c->out);
	}
}

static int write_out(void *ctx, const char *text, size_t len)
{
	struct cli *c = ctx;
	return fwrite(text, 1, len, c->out) == len ? 0 : MU_EIO;
}

int cli_fit(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	    struct mu_error *err)
{
	struct args a;
	mu_id x, y, net;
	json_t *j;
	int rc;

	if ((rc = parse(cmd, argc, argv, O_MATRIX | O_NETWORK, &a, 2, err)) < 0)
		return rc;
	if (a.matrix) {
		if (a.npos)
			return cli_usage_error(err, cmd, "--matrix takes no PERSON");
		if ((rc = network_arg(c, a.network, &net, err)) < 0)
			return rc;
		if (c->env->json) {
			/* half a million pairs for a large group: written as they come */
			struct json_stream out = { .write = write_out, .ctx = c };
			return app_fit_matrix(c->app, net, 1, &out, NULL, err);
		}
		if ((rc = app_fit_matrix(c->app, net, 0, NULL, &j, err)) < 0)
			return rc;
		return print_or_draw(c, j, draw_matrix);
	}
	if (a.npos != 2 || a.network)
		return cli_usage_error(err, cmd, "give two people, or --matrix [--network N]");
	if ((rc = person_arg(c, a.pos[0], &x, err)) < 0 || (rc = person_arg(c, a.pos[1], &y, err)) < 0 ||
	    (rc = app_fit(c->app, x, y, &j, err)) < 0)
		return rc;
	return print_or_draw(c, j, draw_fit);
}

static void draw_partners(struct cli *c, json_t *j)
{
	fprintf(c->out, "Best referral partners for %s:\n", who(j, "person"));
	draw_pairs(c, json_object_get(j, "partners"), 0);
}

int cli_partners(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		 struct mu_error *err)
{
	struct args a;
	mu_id x;
	json_t *j;
	char *end;
	int rc;

	if ((rc = parse(cmd, argc, argv, O_TOP, &a, 1, err)) < 0)
		return rc;
	if (a.npos != 1)
		return cli_usage_error(err, cmd, "give one person");
	long top = a.top ? strtol(a.top, &end, 10) : 5;
	if (a.top && (*end || top < 1 || top > 10000))
		return cli_usage_error(err, cmd, "--top takes a number from 1 to 10000");
	if ((rc = person_arg(c, a.pos[0], &x, err)) < 0 ||
	    (rc = app_partners(c->app, x, (size_t)top, &j, err)) < 0)
		return rc;
	return print_or_draw(c, j, draw_partners);
}

static void draw_teams(struct cli *c, json_t *j)
{
	size_t i, k;
	json_t *t, *m;
	fprintf(c->out, "Power teams at fit >= %.2f among %lld people (%lld found):\n",
		real(j, "min_fit"), (long long)json_integer_value(json_object_get(j, "candidates")),
		(long long)json_integer_value(json_object_get(j, "found")));
	if (!json_array_size(json_object_get(j, "teams")))
		fprintf(c->out, "  none: no three people all fit each other that well\n");
	json_array_foreach(json_object_get(j, "teams"), i, t) {
		fprintf(c->out, "%3zu. mean fit %.2f:", i + 1, real(t, "mean_fit"));
		json_array_foreach(json_object_get(t, "members"), k, m)
			fprintf(c->out, "%s %s (%.2f)", k ? "," : "", str(m, "name"),
				real(m, "contribution"));
		fputc('\n', c->out);
	}
}

int cli_powerteams(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		   struct mu_error *err)
{
	struct args a;
	mu_id net;
	json_t *j;
	char *end;
	int rc;

	if ((rc = parse(cmd, argc, argv, O_MIN_FIT | O_NETWORK | O_TOP, &a, 0, err)) < 0)
		return rc;
	double min = a.min_fit ? strtod(a.min_fit, &end) : -1;
	if (a.min_fit && (*end || !(min >= 0 && min <= 1)))
		return cli_usage_error(err, cmd, "--min-fit takes a number from 0 to 1");
	long top = a.top ? strtol(a.top, &end, 10) : 0;
	if (a.top && (*end || top < 1))
		return cli_usage_error(err, cmd, "--top takes a number from 1");
	if ((rc = network_arg(c, a.network, &net, err)) < 0 ||
	    (rc = app_power_teams(c->app, net, min, (size_t)top, &j, err)) < 0)
		return rc;
	return print_or_draw(c, j, draw_teams);
}

static const char *flags_text(struct cli *c, json_t *b, int reasons)
{
	size_t i;
	json_t *f;
	char *s = mu_strdup(&c->a, "");
	json_array_foreach(json_object_get(b, "flags"), i, f)
		s = reasons ? mu_printf(&c->a, "%s\n  %s: %s", s, str(f, "flag"), str(f, "reason"))
			    : mu_printf(&c->a, "%s%s%s", s, i ? ", " : "", str(f, "flag"));
	return s;
}

static void draw_one_balance(struct cli *c, json_t *j)
{
	fprintf(c->out, "%s with %s over %lld days: given %.1f, received %.1f points; "
		"balance %+.2f, mutual benefit %.2f%s\n", who(j, "a"), who(j, "b"),
		(long long)json_integer_value(json_object_get(j, "window_days")), real(j, "given"),
		real(j, "received"), real(j, "balance"), real(j, "mutual"), flags_text(c, j, 1));
}

static void balance_table(struct cli *c, json_t *list, const char *key)
{
	static const char *const head[] = { "PERSON", "GIVEN", "RECEIVED", "BALANCE", "MUTUAL", "FLAGS" };
	size_t n = json_array_size(list), i;
	const char **cells = mu_alloc_array(&c->a, n * 6 + 1, sizeof *cells);
	json_t *b;
	json_array_foreach(list, i, b) {
		const char **row = cells + i * 6;
		row[0] = who(b, key);
		row[1] = mu_printf(&c->a, "%.1f", real(b, "given"));
		row[2] = mu_printf(&c->a, "%.1f", real(b, "received"));
		row[3] = mu_printf(&c->a, "%+.2f", real(b, "balance"));
		row[4] = mu_printf(&c->a, "%.2f", real(b, "mutual"));
		row[5] = flags_text(c, b, 0);
	}
	cli_table(c->out, head, 6, cells, n);
}

static void draw_member_balance(struct cli *c, json_t *j)
{
	draw_one_balance(c, j);
	if (json_array_size(json_object_get(j, "partners"))) {
		fputc('\n', c->out);
		balance_table(c, json_object_get(j, "partners"), "b");
	}
}

static void draw_group_balance(struct cli *c, json_t *j)
{
	json_t *net = json_object_get(j, "network");
	fprintf(c->out, "Give and take over %lld days%s%s:\n",
		(long long)json_integer_value(json_object_get(j, "window_days")),
		json_is_object(net) ? " in " : "", json_is_object(net) ? str(net, "name") : "");
	balance_table(c, json_object_get(j, "members"), "a");
}

int cli_balance(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		struct mu_error *err)
{
	struct args a;
	mu_id x, y, net;
	json_t *j;
	int rc;

	if ((rc = parse(cmd, argc, argv, O_MEMBER | O_NETWORK, &a, 2, err)) < 0 ||
	    (rc = network_arg(c, a.network, &net, err)) < 0)
		return rc;
	if (a.member) {
		if (a.npos)
			return cli_usage_error(err, cmd, "--member takes no other PERSON");
		if ((rc = person_arg(c, a.member, &x, err)) < 0 ||
		    (rc = app_balance(c->app, x, 0, net, &j, err)) < 0)
			return rc;
		return print_or_draw(c, j, draw_member_balance);
	}
	if (a.npos == 0) {
		if ((rc = app_balance_group(c->app, net, &j, err)) < 0)
			return rc;
		return print_or_draw(c, j, draw_group_balance);
	}
	if (a.npos != 2)
		return cli_usage_error(err, cmd, "give two people, --member PERSON, or nothing for the group");
	if ((rc = person_arg(c, a.pos[0], &x, err)) < 0 || (rc = person_arg(c, a.pos[1], &y, err)) < 0 ||
	    (rc = app_balance(c->app, x, y, net, &j, err)) < 0)
		return rc;
	return print_or_draw(c, j, draw_one_balance);
}

static void draw_ledger(struct cli *c, json_t *j)
{
	static const char *const head[] = { "AT", "GIVER", "RECEIVER", "KIND", "AMOUNT", "POINTS" };
	json_t *list = json_object_get(j, "exchanges"), *x;
	size_t n = json_array_size(list), i;
	const char **cells = mu_alloc_array(&c->a, n * 6 + 1, sizeof *cells);
	json_array_foreach(list, i, x) {
		const char **row = cells + i * 6;
		json_t *m = json_object_get(x, "amount");
		row[0] = str(x, "at");
		row[1] = who(x, "giver");
		row[2] = who(x, "receiver");
		row[3] = str(x, "kind");
		row[4] = json_is_object(m) ? mu_printf(&c->a, "%.2f %s",
						       (double)json_integer_value(json_object_get(m, "amount")) / 100,
						       str(m, "currency")) : "";
		row[5] = mu_printf(&c->a, "%.2f", real(x, "points"));
	}
	cli_table(c->out, head, 6, cells, n);
}

int cli_ledger(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	       struct mu_error *err)
{
	return for_person(c, cmd, argc, argv, app_ledger, draw_ledger, err);
}

static void draw_strength(struct cli *c, json_t *j)
{
	size_t i;
	json_t *t;
	fprintf(c->out, "%s towards %s: strength %.2f\n", who(j, "a"), who(j, "b"),
		real(j, "strength"));
	json_array_foreach(json_object_get(j, "terms"), i, t)
		fprintf(c->out, "  %-9s %.2f x %.2f  %s\n", str(t, "term"), real(t, "weight"),
			real(t, "value"), str(t, "reason"));
}

int cli_strength(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		 struct mu_error *err)
{
	struct args a;
	mu_id x, y;
	json_t *j;
	int rc;

	if ((rc = parse(cmd, argc, argv, 0, &a, 2, err)) < 0)
		return rc;
	if (a.npos != 2)
		return cli_usage_error(err, cmd, "give two people");
	if ((rc = person_arg(c, a.pos[0], &x, err)) < 0 || (rc = person_arg(c, a.pos[1], &y, err)) < 0 ||
	    (rc = app_strength(c->app, x, y, &j, err)) < 0)
		return rc;
	return print_or_draw(c, j, draw_strength);
}

/* One line of the timeline: what happened, in the CLI's English. */
static const char *timeline_line(struct cli *c, json_t *it)
{
	const char *kind = str(it, "kind");
	json_t *r = json_object_get(it, kind);

	if (!strcmp(kind, "exchange"))
		return mu_printf(&c->a, "%s from %s to %s", str(r, "kind"), who(r, "giver"),
				 who(r, "receiver"));
	if (!strcmp(kind, "referral"))
		return mu_printf(&c->a, "referral from %s to %s, now %s", who(r, "giver"),
				 who(r, "receiver"), str(r, "status"));
	if (!strcmp(kind, "one_to_one"))
		return mu_printf(&c->a, "one-to-one of %s and %s", who(r, "a"), who(r, "b"));
	if (!strcmp(kind, "meeting"))
		return mu_printf(&c->a, "%s %s", json_is_true(json_object_get(r, "visitor")) ?
				 "visited" : "meeting of", who(r, "network"));
	if (!strcmp(kind, "takeaway"))
		return mu_printf(&c->a, "takeaway: %s", str(r, "text"));
	return mu_printf(&c->a, "%s and %s met", who(r, "a"), who(r, "b"));
}

static void draw_timeline(struct cli *c, json_t *j)
{
	static const char *const tie_head[] = { "TIE", "TIER", "STRENGTH", "LAST CONTACT" };
	static const char *const head[] = { "AT", "WHAT" };
	json_t *items = json_object_get(j, "items"), *ties = json_object_get(j, "ties"), *x;
	size_t i;
	fprintf(c->out, "%s\n\n", who(j, "person"));
	const char **cells = mu_alloc_array(&c->a, 4 * json_array_size(ties) + 1, sizeof *cells);
	json_array_foreach(ties, i, x) {
		cells[4 * i] = who(x, "person");
		cells[4 * i + 1] = str(x, "tier");
		cells[4 * i + 2] = mu_printf(&c->a, "%.2f", real(x, "strength"));
		cells[4 * i + 3] = json_is_string(json_object_get(x, "last_interaction")) ?
				   mu_printf(&c->a, "%.10s", str(x, "last_interaction")) : "";
	}
	cli_table(c->out, tie_head, 4, cells, json_array_size(ties));
	fprintf(c->out, "\n");
	cells = mu_alloc_array(&c->a, 2 * json_array_size(items) + 1, sizeof *cells);
	json_array_foreach(items, i, x) {
		cells[2 * i] = mu_printf(&c->a, "%.10s %.5s", str(x, "at"), str(x, "at") + 11);
		cells[2 * i + 1] = timeline_line(c, x);
	}
	cli_table(c->out, head, 2, cells, json_array_size(items));
}

int cli_timeline(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		 struct mu_error *err)
{
	struct args a;
	mu_id x;
	json_t *j;
	int rc;

	if ((rc = parse(cmd, argc, argv, 0, &a, 1, err)) < 0)
		return rc;
	if (a.npos != 1)
		return cli_usage_error(err, cmd, "give the person");
	if ((rc = person_arg(c, a.pos[0], &x, err)) < 0 || (rc = app_timeline(c->app, x, &j, err)) < 0)
		return rc;
	return print_or_draw(c, j, draw_timeline);
}

static void draw_agenda(struct cli *c, json_t *j)
{
	static const struct { const char *kind, *title; } sections[] = {
		{ "follow_up", "Get in touch" }, { "thank", "Say thank you" },
		{ "referral", "Referrals that have not moved" }, { "goal", "Goals behind schedule" },
	};
	json_t *items = json_object_get(j, "items"), *it;
	size_t i;
	fprintf(c->out, "Agenda for %s on %s\n", who(j, "person"), str(j, "date"));
	if (!json_array_size(items))
		fprintf(c->out, "\nNothing is due.\n");
	for (size_t s = 0; s < sizeof sections / sizeof sections[0]; s++) {
		int first = 1;
		json_array_foreach(items, i, it) {
			if (strcmp(str(it, "kind"), sections[s].kind))
				continue;
			if (first)
				fprintf(c->out, "\n%s\n", sections[s].title);
			first = 0;
			/* for everyone, say who is to act */
			int all = !json_is_object(json_object_get(j, "person")) &&
				  json_is_object(json_object_get(it, "actor"));
			fprintf(c->out, "  - %s%s%s\n    why: %s\n", all ? who(it, "actor") : "",
				all ? ": " : "", str(it, "todo"), str(it, "why"));
		}
	}
}

int cli_agenda(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	       struct mu_error *err)
{
	return for_person(c, cmd, argc, argv, app_agenda, draw_agenda, err);
}

static void draw_move(struct cli *c, json_t *j)
{
	json_t *r = json_object_get(j, "referral"), *x = json_object_get(j, "exchange");
	fprintf(c->out, "referral %s is %s\n", str(r, "id"), str(r, "status"));
	if (json_is_object(x))
		fprintf(c->out, "closed business in the ledger: exchange %s\n", str(x, "id"));
}

/* `referral move R STATUS [--at T] [--value MONEY]`; the other verbs are records'. */
int cli_referral(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		 struct mu_error *err)
{
	struct args a;
	mu_id id;
	mu_time at = 0;
	json_t *value = NULL, *j;
	int rc;

	if (argc < 2 || strcmp(argv[1], "move"))
		return cli_record(c, cmd, argc, argv, err);
	if ((rc = parse(cmd, argc - 1, argv + 1, O_AT | O_VALUE, &a, 2, err)) < 0)
		return rc;
	if (a.npos != 2)
		return cli_usage_error(err, cmd, "referral move REFERRAL STATUS [--at TIME] [--value MONEY]");
	if ((rc = app_resolve(c->app, &c->a, model_entity(cmd->entity), a.pos[0], &id, err)) < 0)
		return rc;
	if (a.at) {
		json_t *t = cli_time_value(a.at, err);
		if (!t)
			return err->code;
		mu_time_parse(json_string_value(t), &at);
		json_decref(t);
	}
	if (a.value && !(value = cli_money_value(c, model_field(model_entity(ENT_REFERRAL),
								      "closed_value"), a.value, err)))
		return err->code;
	rc = app_referral_move(c->app, id, a.pos[1], at, value, &j, err);
	json_decref(value);
	if (rc < 0)
		return rc;
	return print_or_draw(c, j, draw_move);
}

/* `export ical [-o FILE] [--person P]`; the other formats are cli/workspace.c's. */
int cli_export_any(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		   struct mu_error *err)
{
	const char *path = NULL, *who_text = NULL, *v;
	struct mu_buf b;
	mu_id person = 0;
	int rc;

	if (argc < 2 || strcmp(argv[1], "ical"))
		return cli_export(c, cmd, argc, argv, err);
	for (int i = 2; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "-o")) || (v = cli_opt(argc, argv, &i, "--output")))
			path = v;
		else if ((v = cli_opt(argc, argv, &i, "--person")))
			who_text = v;
		else
			return cli_usage_error(err, cmd, "unexpected '%s'", argv[i]);
	}
	if (who_text && (rc = person_arg(c, who_text, &person, err)) < 0)
		return rc;
	mu_buf_init(&b, (size_t)1 << 30);
	if ((rc = app_calendar(c->app, person, &b, err)) == 0)
		rc = cli_write_file(c, path, b.data ? b.data : "", b.len, err);
	mu_buf_release(&b);
	return rc;
}

static void draw_roi(struct cli *c, json_t *j)
{
	size_t i, k;
	json_t *n, *r;
	json_array_foreach(json_object_get(j, "networks"), i, n) {
		json_t *d = json_object_get(n, "diversity"), *roi = json_object_get(n, "roi");
		fprintf(c->out, "%s%s, %s to %s: %s\n", i ? "\n" : "", who(n, "network"),
			str(n, "from"), str(n, "to"), str(n, "verdict"));
		fprintf(c->out, "  cost %.2f %s (fees %.2f, time %.2f), return %.2f, ROI %s\n",
			real(n, "cost"), str(n, "currency"), real(n, "fees"), real(n, "time_cost"),
			real(n, "money_return"),
			json_is_number(roi) ? mu_printf(&c->a, "%.2f", json_number_value(roi)) : "none");
		fprintf(c->out, "  returns:");
		const char *key;
		json_t *v;
		k = 0;
		json_object_foreach(json_object_get(n, "returns"), key, v)
			fprintf(c->out, "%s %s %g", k++ ? "," : "", key, json_number_value(v));
		fprintf(c->out, "\n  diversity of %lld members: industry sections %.2f, role functions %.2f\n",
			(long long)json_integer_value(json_object_get(d, "members")),
			real(d, "industry_sections"), real(d, "role_functions"));
		json_array_foreach(json_object_get(n, "goals"), k, r)
			fprintf(c->out, "  goal %s\n", str(r, "reason"));
		json_array_foreach(json_object_get(n, "reasons"), k, r)
			fprintf(c->out, "  - %s\n", json_string_value(r));
	}
}

static int date_arg(const char *text, const char *name, int64_t *days, struct mu_error *err)
{
	if (mu_date_parse(text, days))
		return mu_fail(err, MU_EUSAGE, name, "'%s' is not a date (YYYY-MM-DD)", text);
	return 0;
}

int cli_roi(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	    struct mu_error *err)
{
	struct args a;
	mu_id net;
	json_t *j;
	int64_t today = c->app->now / 86400, from, to = today;
	int rc;

	if ((rc = parse(cmd, argc, argv, O_NETWORK | O_PERIOD, &a, 0, err)) < 0 ||
	    (a.to && (rc = date_arg(a.to, "--to", &to, err)) < 0))
		return rc;
	from = to - 364;	/* a year up to and with the last day */
	if ((a.from && (rc = date_arg(a.from, "--from", &from, err)) < 0) ||
	    (rc = network_arg(c, a.network, &net, err)) < 0 ||
	    (rc = app_roi(c->app, net, from, to, &j, err)) < 0)
		return rc;
	return print_or_draw(c, j, draw_roi);
}

static void draw_goals(struct cli *c, json_t *j)
{
	static const char *const head[] = { "GOAL", "OWNER", "METRIC", "VALUE", "TARGET", "PERIOD", "STATUS" };
	json_t *list = json_object_get(j, "goals"), *g;
	size_t n = json_array_size(list), i;
	const char **cells = mu_alloc_array(&c->a, n * 7 + 1, sizeof *cells);
	json_array_foreach(list, i, g) {
		const char **row = cells + i * 7;
		row[0] = str(g, "id");
		row[1] = json_is_object(json_object_get(g, "owner")) ? who(g, "owner") : "workspace";
		row[2] = str(g, "metric");
		row[3] = mu_printf(&c->a, "%g", real(g, "value"));
		row[4] = mu_printf(&c->a, "%g", real(g, "target"));
		row[5] = mu_printf(&c->a, "%s..%s", str(g, "from"), str(g, "to"));
		row[6] = json_is_true(json_object_get(g, "behind")) ? "behind schedule"
			 : real(g, "progress") >= 1 ? "reached" : "on schedule";
	}
	cli_table(c->out, head, 7, cells, n);
}

int cli_goals(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	      struct mu_error *err)
{
	return for_person(c, cmd, argc, argv, app_goals, draw_goals, err);
}

static const char *cell_value(struct cli *c, json_t *measure, int rate)
{
	json_t *v = json_object_get(measure, "value");
	if (!json_is_number(v))
		return "-";
	return rate ? mu_printf(&c->a, "%.0f%%", 100 * json_number_value(v))
		    : mu_printf(&c->a, "%g", json_number_value(v));
}

static void draw_scorecard(struct cli *c, json_t *j)
{
	static const char *const head[] = { "MEMBER", "ATTEND", "REFERRALS", "VISITORS",
					    "1-2-1", "CLOSED", "TAKEAWAYS", "SCORE", "COLOUR" };
	static const char *const keys[] = { "attendance", "referrals_given", "visitors",
					    "one_to_ones", "closed_received", "takeaways" };
	size_t i, k;
	json_t *sc, *m;
	json_array_foreach(json_object_get(j, "scorecards"), i, sc) {
		json_t *list = json_object_get(sc, "members");
		size_t n = json_array_size(list);
		const char **cells = mu_alloc_array(&c->a, n * 9 + 1, sizeof *cells);
		fprintf(c->out, "%s%s, %s to %s\n", i ? "\n" : "", who(sc, "network"),
			str(sc, "from"), str(sc, "to"));
		json_array_foreach(list, k, m) {
			const char **row = cells + k * 9;
			json_t *ms = json_object_get(m, "measures");
			row[0] = str(m, "name");
			for (int x = 0; x < 6; x++)
				row[1 + x] = cell_value(c, json_object_get(ms, keys[x]), x == 0);
			row[3] = mu_printf(&c->a, "%s (%lld joined)", row[3],
					   (long long)json_integer_value(json_object_get(m, "visitors_joined")));
			row[7] = json_is_number(json_object_get(m, "score")) ?
				 mu_printf(&c->a, "%.2f", real(m, "score")) : "-";
			row[8] = str(m, "colour");
		}
		cli_table(c->out, head, 9, cells, n);
	}
}

int cli_scorecard(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		  struct mu_error *err)
{
	struct args a;
	mu_id net;
	json_t *j;
	int rc;

	if ((rc = parse(cmd, argc, argv, O_NETWORK, &a, 0, err)) < 0 ||
	    (rc = network_arg(c, a.network, &net, err)) < 0 ||
	    (rc = app_scorecard(c->app, net, &j, err)) < 0)
		return rc;
	return print_or_draw(c, j, draw_scorecard);
}

static const char *segment_text(struct cli *c, json_t *seg)
{
	const char *key, *s = "";
	json_t *v;
	json_object_foreach(seg, key, v)
		if (strcmp(key, "want"))
			s = mu_printf(&c->a, "%s%s%s", s, *s ? ", " : "", json_string_value(v));
	return *s ? s : "anyone";
}

static void draw_coverage(struct cli *c, json_t *j)
{
	size_t i, k, x;
	json_t *p, *sg, *e;
	json_array_foreach(json_object_get(j, "plans"), i, p) {
		fprintf(c->out, "%sPlan %s of %s: %lld people suggested\n", i ? "\n" : "",
			str(p, "plan"), json_is_object(json_object_get(p, "owner")) ? who(p, "owner")
										: "the workspace",
			(long long)json_integer_value(json_object_get(p, "suggested")));
		json_array_foreach(json_object_get(p, "segments"), k, sg) {
			json_t *seg = json_object_get(sg, "segment");
			fprintf(c->out, "  %s: %lld of %lld good contacts, gap %lld\n",
				segment_text(c, seg),
				(long long)json_integer_value(json_object_get(sg, "coverage")),
				(long long)json_integer_value(json_object_get(seg, "want")),
				(long long)json_integer_value(json_object_get(sg, "gap")));
			json_array_foreach(json_object_get(sg, "revive"), x, e)
				fprintf(c->out, "    revive %s (strength %.2f)\n", str(e, "name"),
					real(e, "strength"));
			json_array_foreach(json_object_get(sg, "networks"), x, e)
				fprintf(c->out, "    network %s: %lld in the segment, %s a year, %s, %s%s%s\n",
					str(e, "name"),
					(long long)json_integer_value(json_object_get(e, "members_in_segment")),
					json_is_number(json_object_get(e, "yearly_cost")) ?
						mu_printf(&c->a, "%.0f", real(e, "yearly_cost")) : "cost unknown",
					str(e, "purpose"), str(e, "openness"),
					json_is_string(json_object_get(e, "meeting_place")) ? "; meets at " : "",
					str(e, "meeting_place"));
			json_array_foreach(json_object_get(sg, "reachable"), x, e)
				fprintf(c->out, "    reach %s%s%s (path strength %.2f, %lld hops)\n",
					str(e, "name"), json_is_object(json_object_get(e, "ask")) ?
					" by asking " : "", json_is_object(json_object_get(e, "ask")) ?
					who(e, "ask") : "", real(e, "strength"),
					(long long)json_integer_value(json_object_get(e, "hops")));
		}
	}
}

int cli_coverage(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		 struct mu_error *err)
{
	struct args a;
	mu_id plan = 0;
	json_t *j;
	int rc;

	if ((rc = parse(cmd, argc, argv, O_PLAN, &a, 0, err)) < 0 ||
	    (a.plan && (rc = app_resolve(c->app, &c->a, model_entity(ENT_PLAN), a.plan, &plan, err)) < 0) ||
	    (rc = app_coverage(c->app, plan, &j, err)) < 0)
		return rc;
	return print_or_draw(c, j, draw_coverage);
}

static void draw_matches(struct cli *c, json_t *j)
{
	size_t i, k, r;
	json_t *ask, *m, *why;
	json_array_foreach(json_object_get(j, "asks"), i, ask) {
		fprintf(c->out, "%sAsk %s by %s: %s\n", i ? "\n" : "", str(ask, "ask"), who(ask, "person"),
			str(ask, "text"));
		if (!json_array_size(json_object_get(ask, "matches")))
			fprintf(c->out, "  no member matches it yet\n");
		json_array_foreach(json_object_get(ask, "matches"), k, m) {
			fprintf(c->out, "  %.2f  %s\n", real(m, "score"), str(m, "name"));
			json_array_foreach(json_object_get(m, "reasons"), r, why)
				fprintf(c->out, "        %s\n", json_string_value(why));
		}
	}
}

static void draw_accept(struct cli *c, json_t *j)
{
	json_t *x = json_object_get(j, "exchange"), *r = json_object_get(j, "referral");
	if (json_is_object(x))
		fprintf(c->out, "introduction in the ledger: exchange %s\n", str(x, "id"));
	else
		fprintf(c->out, "referral %s given\n", str(r, "id"));
}

int cli_matches(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		struct mu_error *err)
{
	struct args a;
	mu_id ask = 0, person;
	json_t *j;
	char *end;
	int rc;

	if ((rc = parse(cmd, argc, argv, O_ASK | O_TOP, &a, 0, err)) < 0)
		return rc;
	long top = a.top ? strtol(a.top, &end, 10) : 5;
	if (a.top && (*end || top < 1))
		return cli_usage_error(err, cmd, "--top takes a number from 1");
	if ((a.accept || a.as) && !a.ask)
		return cli_usage_error(err, cmd, "--accept needs --ask");
	if (a.ask && (rc = app_resolve(c->app, &c->a, model_entity(ENT_ASK), a.ask, &ask, err)) < 0)
		return rc;
	if (a.accept) {
		if ((rc = person_arg(c, a.accept, &person, err)) < 0 ||
		    (rc = app_ask_accept(c->app, ask, person, a.as ? a.as : "introduction", &j, err)) < 0)
			return rc;
		return print_or_draw(c, j, draw_accept);
	}
	if ((rc = app_matches(c->app, ask, (size_t)top, &j, err)) < 0)
		return rc;
	return print_or_draw(c, j, draw_matches);
}

static void draw_participation(struct cli *c, json_t *j)
{
	static const char *const head[] = { "EMPLOYEE", "NETWORK", "ROLE", "HOURS", "HOURLY",
					    "ATTENDED", "COST/YEAR", "GOALS", "EXPECTED OUTCOME" };
	size_t i, k;
	json_t *o, *x;
	json_array_foreach(json_object_get(j, "organisations"), i, o) {
		json_t *cells = json_object_get(o, "cells");
		size_t n = json_array_size(cells);
		const char **rows = mu_alloc_array(&c->a, n * 9 + 1, sizeof *rows);
		fprintf(c->out, "%s%s\n", i ? "\n" : "", who(o, "organisation"));
		if (json_is_string(json_object_get(o, "ground_rules")))
			fprintf(c->out, "Ground rules: %s\n", str(o, "ground_rules"));
		json_array_foreach(cells, k, x) {
			const char **row = rows + k * 9;
			json_t *hc = json_object_get(x, "hourly_cost"), *g;
			size_t gi, behind = 0;
			json_array_foreach(json_object_get(x, "goals"), gi, g)
				behind += json_is_true(json_object_get(g, "behind"));
			row[0] = who(x, "person");
			row[1] = who(x, "network");
			row[2] = str(x, "role");
			row[3] = json_is_number(json_object_get(x, "hours_per_meeting")) ?
				 mu_printf(&c->a, "%g", real(x, "hours_per_meeting")) : "-";
			row[4] = json_is_object(hc) ? mu_printf(&c->a, "%.0f %s",
				 (double)json_integer_value(json_object_get(hc, "amount")) / 100,
				 str(hc, "currency")) : "-";
			row[5] = mu_printf(&c->a, "%lld", (long long)json_integer_value(json_object_get(x, "attended_last_year")));
			row[6] = mu_printf(&c->a, "%.0f %s", real(x, "time_cost_last_year"), str(x, "currency"));
			row[7] = mu_printf(&c->a, "%zu (%zu behind)", json_array_size(json_object_get(x, "goals")), behind);
			row[8] = str(x, "expected_outcome");
		}
		cli_table(c->out, head, 9, rows, n);
	}
}

int cli_participation(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		      struct mu_error *err)
{
	struct args a;
	mu_id org = 0;
	json_t *j;
	int rc;

	if ((rc = parse(cmd, argc, argv, O_ORG, &a, 0, err)) < 0 ||
	    (a.org && (rc = app_resolve(c->app, &c->a, model_entity(ENT_ORGANISATION), a.org, &org, err)) < 0) ||
	    (rc = app_participation(c->app, org, &j, err)) < 0)
		return rc;
	return print_or_draw(c, j, draw_participation);
}

/* --- the graph (SPEC 4.7, 4.8) --- */

/* A number option from lo to hi, or deflt when absent. */
static int count_opt(const struct cli_command *cmd, const char *name, const char *text,
		     long lo, long hi, long deflt, long *out, struct mu_error *err)
{
	char *end;

	*out = deflt;
	if (!text)
		return 0;
	*out = strtol(text, &end, 10);
	if (*end || *out < lo || *out > hi)
		return cli_usage_error(err, cmd, "%s takes a number from %ld to %ld", name, lo, hi);
	return 0;
}

static void draw_path(struct cli *c, json_t *j)
{
	json_t *paths = json_object_get(j, "paths"), *p, *h;
	size_t i, k;

	if (!json_array_size(paths))
		fprintf(c->out, "No warm path within %lld hops: meet someone who knows them.\n",
			(long long)json_integer_value(json_object_get(j, "max_hops")));
	json_array_foreach(paths, i, p) {
		json_t *ask = json_object_get(p, "ask");
		fprintf(c->out, "%zu. strength %.2f", i + 1, real(p, "strength"));
		if (json_is_object(ask))
			fprintf(c->out, ": ask %s", str(ask, "name"));
		fprintf(c->out, "\n");
		json_array_foreach(json_object_get(p, "hops"), k, h) {
			const char *last = str(h, "last");
			fprintf(c->out, "   %s -> %s  (strength %.2f, last %.10s)\n", who(h, "from"),
				who(h, "to"), real(h, "strength"), last ? last : "never");
		}
	}
}

int cli_path(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	     struct mu_error *err)
{
	struct app_path_ends ends = { 0 };
	struct args a;
	long k, hops;
	json_t *j;
	int rc, want = 2;

	if ((rc = parse(cmd, argc, argv, O_PATH | O_ORG, &a, 2, err)) < 0)
		return rc;
	want -= a.members + (a.org != NULL);
	if (a.npos != want)
		return cli_usage_error(err, cmd, "give FROM (or --members) and TO (or --org O)");
	if ((rc = count_opt(cmd, "--k", a.k, 1, 20, APP_PATH_K, &k, err)) < 0 ||
	    (rc = count_opt(cmd, "--max-hops", a.max_hops, 1, 6, APP_PATH_HOPS, &hops, err)) < 0)
		return rc;
	if (!a.members && (rc = person_arg(c, a.pos[0], &ends.from, err)) < 0)
		return rc;
	if (a.org)
		rc = app_resolve(c->app, &c->a, model_entity(ENT_ORGANISATION), a.org,
				 &ends.to_organisation, err);
	else
		rc = person_arg(c, a.pos[want - 1], &ends.to, err);
	if (rc < 0 || (rc = app_path(c->app, &ends, (size_t)k, (unsigned)hops, &j, err)) < 0)
		return rc;
	return print_or_draw(c, j, draw_path);
}

static void draw_pymk(struct cli *c, json_t *j)
{
	json_t *p, *m;
	size_t i, k;

	if (!json_array_size(json_object_get(j, "candidates")))
		fprintf(c->out, "Nobody two steps away yet.\n");
	json_array_foreach(json_object_get(j, "candidates"), i, p) {
		fprintf(c->out, "%zu. %s  (%.3f; knows", i + 1, who(p, "person"), real(p, "score"));
		json_array_foreach(json_object_get(p, "common"), k, m)
			fprintf(c->out, "%s %s", k ? "," : "", str(m, "name"));
		fprintf(c->out, ")\n");
	}
}

int cli_pymk(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	     struct mu_error *err)
{
	struct args a;
	mu_id x, plan = 0;
	long top;
	json_t *j;
	int rc;

	if ((rc = parse(cmd, argc, argv, O_TOP | O_PLAN, &a, 1, err)) < 0)
		return rc;
	if (a.npos != 1)
		return cli_usage_error(err, cmd, "give one person");
	if ((rc = count_opt(cmd, "--top", a.top, 1, 1000, 10, &top, err)) < 0 ||
	    (rc = person_arg(c, a.pos[0], &x, err)) < 0 ||
	    (a.plan && (rc = app_resolve(c->app, &c->a, model_entity(ENT_PLAN), a.plan, &plan,
					 err)) < 0) ||
	    (rc = app_pymk(c->app, x, (size_t)top, plan, &j, err)) < 0)
		return rc;
	return print_or_draw(c, j, draw_pymk);
}

static void draw_brokerage(struct cli *c, json_t *j)
{
	static const char *const head[] = { "person", "constraint", "effective size" };
	size_t n = json_array_size(j), i;
	const char **cells = mu_alloc_array(&c->a, n * 3 + 1, sizeof *cells);
	json_t *o;

	json_array_foreach(j, i, o) {
		json_t *cn = json_object_get(o, "constraint"), *es = json_object_get(o, "effective_size");
		cells[3 * i] = who(o, "person");
		cells[3 * i + 1] = json_is_null(cn) ? "-" : mu_printf(&c->a, "%.3f", json_number_value(cn));
		cells[3 * i + 2] = json_is_null(es) ? "-" : mu_printf(&c->a, "%.2f", json_number_value(es));
	}
	cli_table(c->out, head, 3, cells, n);
}

int cli_brokerage(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		  struct mu_error *err)
{
	return for_person(c, cmd, argc, argv, app_brokerage, draw_brokerage, err);
}

static void draw_communities(struct cli *c, json_t *j)
{
	json_t *k, *m;
	size_t i, n;

	json_array_foreach(json_object_get(j, "communities"), i, k) {
		long long size = (long long)json_integer_value(json_object_get(k, "size"));
		fprintf(c->out, "%zu. %lld %s:", i + 1, size, size == 1 ? "person" : "people");
		json_array_foreach(json_object_get(k, "members"), n, m)
			fprintf(c->out, "%s %s", n ? "," : "", str(m, "name"));
		fprintf(c->out, "\n");
	}
}

/* `COMMAND`: a workspace-wide answer. */
static int whole(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		 int (*call)(struct app *, json_t **, struct mu_error *),
		 void (*draw)(struct cli *, json_t *), struct mu_error *err)
{
	struct args a;
	json_t *j;
	int rc;

	if ((rc = parse(cmd, argc, argv, 0, &a, 0, err)) < 0 || (rc = call(c->app, &j, err)) < 0)
		return rc;
	return print_or_draw(c, j, draw);
}

int cli_communities(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		    struct mu_error *err)
{
	return whole(c, cmd, argc, argv, app_communities, draw_communities, err);
}

static void draw_bridges(struct cli *c, json_t *j)
{
	json_t *b;
	size_t i;

	json_array_foreach(json_object_get(j, "communities"), i, b)
		fprintf(c->out, "%s alone connects community %lld (%lld ties)\n", who(b, "person"),
			(long long)json_integer_value(json_object_get(b, "community")) + 1,
			(long long)json_integer_value(json_object_get(b, "ties")));
	json_array_foreach(json_object_get(j, "segments"), i, b)
		fprintf(c->out, "%s alone connects segment %lld of plan %s (%lld ties)\n",
			who(b, "person"), (long long)json_integer_value(json_object_get(b, "segment")) + 1,
			str(b, "plan"), (long long)json_integer_value(json_object_get(b, "ties")));
	if (!json_array_size(json_object_get(j, "communities")) &&
	    !json_array_size(json_object_get(j, "segments")))
		fprintf(c->out, "No one is the only way in: every community and segment has several.\n");
}

int cli_bridges(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		struct mu_error *err)
{
	return whole(c, cmd, argc, argv, app_bridges, draw_bridges, err);
}

static void draw_map(struct cli *c, json_t *j)
{
	fprintf(c->out, "%zu people, %zu ties, %lld communities (--json for the map)\n",
		json_array_size(json_object_get(j, "nodes")), json_array_size(json_object_get(j, "edges")),
		(long long)json_integer_value(json_object_get(j, "communities")));
}

int cli_map(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	    struct mu_error *err)
{
	return whole(c, cmd, argc, argv, app_map, draw_map, err);
}
