/*
 * search.c - `mutua takeaway search TEXT [--limit N] [--cursor C]`; the other verbs of
 * takeaway are the record verbs (cli/record.c).
 *
 * The search text is read by app/search.c (words, "phrases", prefix*). --json prints
 * the page object of GET /api/v1/takeaways?q= ({"items", "next_cursor"}); otherwise a
 * table, most relevant first. The cursor of a search page is the number of results
 * before the next page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "app/app.h"
#include "app/search.h"
#include "io/record.h"
#include "core/banned.h"

#define SEARCH_DEFAULT 50
#define SEARCH_MAX 1000

static int cmp_name_id(const void *k, const void *x)
{
	mu_id a = *(const mu_id *)k, b = ((const struct store_name *)x)->id;
	return a < b ? -1 : a > b;
}

/* "name" of the author, from names sorted by id (store_record_names orders them). */
static const char *author_text(struct cli *c, const struct store_name *names, size_t n,
			       const struct mu_value *v)
{
	const struct store_name *hit;

	if (!v->set)
		return "";
	hit = bsearch(&v->i, names, n, sizeof(*names), cmp_name_id);
	return hit ? hit->title : mu_printf(&c->a, "%lld", (long long)v->i);
}

/* The tags' JSON array as "idea, lead". */
static const char *tags_text(struct cli *c, const struct mu_value *v)
{
	json_t *arr = v->set ? json_loads(v->s, 0, NULL) : NULL, *el;
	char *out = mu_strdup(&c->a, "");
	size_t i;

	json_array_foreach(arr, i, el)
		out = mu_printf(&c->a, "%s%s%s", out, i ? ", " : "",
				json_string_value(el) ? json_string_value(el) : "");
	json_decref(arr);
	return out;
}

/* One line of text: line breaks and tabs become spaces (the table cuts it). */
static const char *one_line(struct cli *c, const struct mu_value *v)
{
	char *s = mu_strdup(&c->a, v->set ? v->s : "");

	for (char *p = s; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return s;
}

/* "2026-06-01T12:00:00Z" as "2026-06-01 12:00". */
static const char *at_text(struct cli *c, const struct mu_value *v)
{
	if (!v->set || strlen(v->s) < 16)
		return v->set ? v->s : "";
	return mu_printf(&c->a, "%.10s %.5s", v->s, v->s + 11);
}

static int draw(struct cli *c, struct mu_record *recs, size_t n, size_t next,
		struct mu_error *err)
{
	static const char *const head[] = { "id", "at", "author", "text", "tags" };
	const struct entity_def *e = model_entity(ENT_TAKEAWAY);
	int at = model_field_index(e, "at"), author = model_field_index(e, "author");
	int text = model_field_index(e, "text"), tags = model_field_index(e, "tags");
	struct store_name *names;
	size_t nnames;
	const char **cells;
	int rc;

	if (!n) {
		fprintf(c->out, "no takeaway matches\n");
		return 0;
	}
	if ((rc = app_names(c->app, &c->a, model_entity(ENT_PERSON), &names, &nnames, err)) < 0)
		return rc;
	cells = mu_alloc_array(&c->a, n * 5, sizeof(*cells));
	for (size_t r = 0; r < n; r++) {
		const struct mu_value *v = recs[r].v;
		cells[r * 5] = mu_printf(&c->a, "%lld", (long long)recs[r].id);
		cells[r * 5 + 1] = at_text(c, &v[at]);
		cells[r * 5 + 2] = author_text(c, names, nnames, &v[author]);
		cells[r * 5 + 3] = one_line(c, &v[text]);
		cells[r * 5 + 4] = tags_text(c, &v[tags]);
	}
	cli_table(c->out, head, 5, cells, n);
	if (next)
		fprintf(c->out, "more: --cursor %zu\n", next);
	return 0;
}

static int search(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		  struct mu_error *err)
{
	const char *text = NULL, *v;
	size_t limit = SEARCH_DEFAULT, n, next;
	struct mu_record *recs;
	mu_id offset = 0;
	int rc, options = 1;

	for (int i = 2; i < argc; i++) {
		char *end;
		if (options && !strcmp(argv[i], "--")) {
			options = 0;
		} else if (options && (v = cli_opt(argc, argv, &i, "--limit"))) {
			limit = strtoul(v, &end, 10);
			if (*v < '0' || *v > '9' || *end || !limit || limit > SEARCH_MAX)
				return cli_usage_error(err, cmd, "--limit takes a number from 1 to %d",
						       SEARCH_MAX);
		} else if (options && (v = cli_opt(argc, argv, &i, "--cursor"))) {
			if (!record_is_store_id(v, &offset))
				return cli_usage_error(err, cmd, "--cursor takes the next_cursor of a"
						       " previous page");
		} else if (options && !strncmp(argv[i], "--", 2)) {
			return cli_usage_error(err, cmd, "unknown option '%s' for takeaway search"
					       " (put -- before a search that begins with --)", argv[i]);
		} else if (!text) {
			text = argv[i];
		} else {
			/* several words unquoted by the shell are one search */
			text = mu_printf(&c->a, "%s %s", text, argv[i]);
		}
	}
	if (!text)
		return cli_usage_error(err, cmd, "takeaway search needs the TEXT to search for");
	/* one result more than the page: whether it exists decides next_cursor */
	rc = app_takeaway_search(c->app, &c->a, text, (size_t)offset, limit + 1, &recs, &n, err);
	if (rc == MU_EUSAGE)
		return cli_usage_error(err, cmd, "%s", err->message);
	if (rc < 0)
		return rc;
	next = n > limit ? (size_t)offset + limit : 0;
	if (n > limit)
		n = limit;
	if (c->env->json) {
		json_t *items = json_array(), *page = json_object();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, record_encode(&recs[i]));
		json_object_set_new(page, "items", items);
		json_object_set_new(page, "next_cursor", next ?
				    json_string(mu_printf(&c->a, "%zu", next)) : json_null());
		cli_print_json(c, page);
		return 0;
	}
	return draw(c, recs, n, next, err);
}

int cli_takeaway(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		 struct mu_error *err)
{
	if (argc < 2 || strcmp(argv[1], "search"))
		return cli_record(c, cmd, argc, argv, err);
	return search(c, cmd, argc, argv, err);
}
