/*
 * check.c - build/test/graph-check: the graph layer driven from text, so that
 * tests/graph/t0400-networkx.sh can hold its answers against networkx's
 * (tests/tools/graph-reference writes both the input and the expected output).
 *
 * Input on stdin: "n m", then m lines "a b cost", then one query a line:
 *   path K H SRC... ; TGT...   the k best paths of at most H ties
 *   aa U K                     Adamic-Adar, the best K for U
 *   constraint V               Burt's constraint of V
 *   esize V                    Burt's effective size of V
 * Output, per query: "path N" then N lines "COST n0 n1 ...", "aa N" then N lines
 * "NODE SCORE", "constraint V VALUE", "esize V VALUE"; numbers as %.17g, NaN as nan.
 * Exit 0, or 1 with a message on stderr for input it cannot read or a failed build.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/csr.h"
#include "core/banned.h"

#define MAX_LIST 100000

/* the next unsigned number of *p, moving *p past it; -1 at the end or on ';' */
static long next_num(char **p)
{
	char *end;
	unsigned long v;

	while (**p == ' ' || **p == '\t')
		(*p)++;
	if (**p < '0' || **p > '9')
		return -1;
	v = strtoul(*p, &end, 10);
	*p = end;
	return (long)v;
}

static void print_value(const char *what, long v, double x)
{
	if (isnan(x))
		printf("%s %ld nan\n", what, v);
	else
		printf("%s %ld %.17g\n", what, v, x);
}

static int query_path(const struct csr *g, struct csr_scratch *s, char *p)
{
	static uint32_t src[MAX_LIST], tgt[MAX_LIST];
	size_t ns = 0, nt = 0, found;
	long k = next_num(&p), h = next_num(&p), v;
	struct csr_path *out;

	if (k < 0 || h < 0)
		return -1;
	while ((v = next_num(&p)) >= 0 && ns < MAX_LIST)
		src[ns++] = (uint32_t)v;
	while (*p == ' ')
		p++;
	if (*p++ != ';')
		return -1;
	while ((v = next_num(&p)) >= 0 && nt < MAX_LIST)
		tgt[nt++] = (uint32_t)v;
	if (!(out = calloc(k ? (size_t)k : 1, sizeof *out)))
		return -1;
	found = csr_paths(g, src, ns, tgt, nt, (uint32_t)h, (size_t)k, s, out);
	printf("path %zu\n", found);
	for (size_t i = 0; i < found; i++) {
		printf("%.17g", out[i].cost);
		for (uint32_t j = 0; j <= out[i].hops; j++)
			printf(" %u", out[i].node[j]);
		printf("\n");
	}
	free(out);
	return 0;
}

static int query_aa(const struct csr *g, struct csr_scratch *s, char *p)
{
	long u = next_num(&p), k = next_num(&p);
	struct csr_score *out;
	size_t found;

	if (u < 0 || k < 0 || !(out = calloc(k ? (size_t)k : 1, sizeof *out)))
		return -1;
	found = csr_adamic_adar(g, (uint32_t)u, (size_t)k, NULL, NULL, s, out);
	printf("aa %zu\n", found);
	for (size_t i = 0; i < found; i++)
		printf("%u %.17g\n", out[i].node, out[i].score);
	free(out);
	return 0;
}

static int query(const struct csr *g, struct csr_scratch *s, char *line)
{
	long v;

	line[strcspn(line, "\r\n")] = 0;
	if (!strncmp(line, "path ", 5))
		return query_path(g, s, line + 5);
	if (!strncmp(line, "aa ", 3))
		return query_aa(g, s, line + 3);
	if (!strncmp(line, "constraint ", 11)) {
		line += 11;
		if ((v = next_num(&line)) < 0)
			return -1;
		print_value("constraint", v, csr_constraint(g, (uint32_t)v, s));
		return 0;
	}
	if (!strncmp(line, "esize ", 6)) {
		line += 6;
		if ((v = next_num(&line)) < 0)
			return -1;
		print_value("esize", v, csr_effective_size(g, (uint32_t)v, s));
		return 0;
	}
	return line[0] ? -1 : 0;
}

int main(void)
{
	unsigned long n, m;
	struct csr_edge *e;
	struct csr g;
	struct csr_scratch s;
	char *line = NULL;
	size_t cap = 0;
	int rc = 1;

	if (scanf("%lu %lu", &n, &m) != 2 || n > UINT32_MAX || m > 100000000) {
		fprintf(stderr, "graph-check: want \"n m\" first\n");
		return 1;
	}
	if (!(e = calloc(m ? m : 1, sizeof *e)))
		return 1;
	for (unsigned long i = 0; i < m; i++) {
		if (scanf("%u %u %lf", &e[i].a, &e[i].b, &e[i].cost) != 3) {
			fprintf(stderr, "graph-check: tie %lu: want \"a b cost\"\n", i + 1);
			free(e);
			return 1;
		}
	}
	if (csr_build(&g, (uint32_t)n, e, m) < 0) {
		fprintf(stderr, "graph-check: the graph does not build\n");
		free(e);
		return 1;
	}
	free(e);
	if (csr_scratch_init(&s, g.n) < 0)
		goto out;
	while (getline(&line, &cap, stdin) >= 0) {
		if (query(&g, &s, line) < 0) {
			fprintf(stderr, "graph-check: cannot read query '%s'\n", line);
			goto out;
		}
	}
	rc = 0;
out:
	free(line);
	csr_scratch_free(&s);
	csr_free(&g);
	return rc;
}
