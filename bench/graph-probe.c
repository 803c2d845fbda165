/*
 * graph-probe.c - how fast the CSR graph layer is on a seeded random graph: build time,
 * bytes per tie, warm paths, Adamic-Adar and constraint of everyone. A probe, not a
 * test: it prints numbers and judges nothing.
 *
 *   build/release/graph-probe [-n NODES] [-d DEGREE] [-s SEED] [-q QUERIES] [-k K]
 *                             [-H HOPS] [-a] [-f EDGES] [-L] [-M] [-P]
 *
 * Build with `make build/release/graph-probe` (release flags, no sanitizers). Defaults:
 * 1000000 nodes, average degree 20, seed 1, 1000 queries, k 3, H 3. The graph has
 * n * d / 2 ties between uniformly drawn pairs, costs uniform in [0, 4) in steps of
 * 1/1024 (s = exp(-cost) from 1 down to about 0.018). -a also times the effective size
 * of everyone. Output: one "name value [unit]" line per measure, for scripts to read.
 *
 * -f EDGES reads the graph from the file EDGES instead of generating one: one tie a
 * line, "a b cost" (nodes 0-based, cost >= 0); the node count is the largest node + 1,
 * or -n if that is more; -d is then ignored (bench/graph gives the same file to
 * python-igraph and networkx). -L also times graph_communities (Leiden, communities.h)
 * and prints the modularity it reached. -M leaves out the many-ends path probes; -P
 * runs the pair path probes only (no many-ends, Adamic-Adar, constraint).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/random.h"
#include "graph/csr.h"
#include "graph/communities.h"
#include "core/banned.h"

struct probe {
	struct csr g;
	struct csr_scratch s;
	uint64_t rng;
	size_t queries, k;
	uint32_t hops;
	double *t;		/* one time per query, in microseconds */
	struct csr_path *paths;
	uint32_t *many;		/* n nodes: the ends of the many-ends queries */
};

/* splitmix64: small, seeded, the same on every machine */
static uint64_t rng(struct probe *p)
{
	return mu_splitmix64(&p->rng);
}

static uint32_t below(struct probe *p, uint32_t n)
{
	return (uint32_t)(rng(p) % n);
}

static double now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static int by_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

/* "NAME_p50" and "NAME_p99" of the first len times */
static void report(struct probe *p, const char *name, size_t len)
{
	qsort(p->t, len, sizeof *p->t, by_double);
	printf("%s_p50 %.3f us\n", name, p->t[(len - 1) / 2]);
	printf("%s_p99 %.3f us\n", name, p->t[(size_t)ceil(0.99 * (double)len) - 1]);
}

/* A target that ends a random walk of H ties from a: a pair with a path. */
static uint32_t walk_end(struct probe *p, uint32_t a)
{
	for (uint32_t h = 0; h < p->hops; h++) {
		uint64_t deg = p->g.off[a + 1] - p->g.off[a];
		if (deg)
			a = p->g.adj[p->g.off[a] + rng(p) % deg];
	}
	return a;
}

/* One source, one target. Random pairs twice: the first round also pays for first
 * touches (the page tables of the graph's arrays come into the caches), the second is
 * a server's steady state. Then pairs that have a path. */
static void probe_pairs(struct probe *p)
{
	static const char *const name[] = { "paths_cold", "paths", "paths_linked" };
	uint32_t n = p->g.n;

	for (int round = 0; round < 3; round++) {
		size_t found = 0;
		for (size_t i = 0; i < p->queries; i++) {
			uint32_t a = below(p, n), b = round < 2 ? below(p, n) : walk_end(p, a);
			double t0 = now_us();
			found += csr_paths(&p->g, &a, 1, &b, 1, p->hops, p->k, &p->s, p->paths);
			p->t[i] = now_us() - t0;
		}
		printf("%s_found %zu of %zu\n", name[round], found, p->queries * p->k);
		report(p, name[round], p->queries);
	}
}

/* Many ends, a tenth as many queries: from 1000 people to one, from one to an
 * organisation of 1000, from everyone to one. */
static void probe_many(struct probe *p)
{
	static const char *const name[] = { "paths_1000_to_1", "paths_1_to_1000",
					    "paths_all_to_1" };
	size_t nq = p->queries / 10 ? p->queries / 10 : 1;
	uint32_t n = p->g.n;

	for (int kind = 0; kind < 3; kind++) {
		size_t len = kind == 2 ? n : (n < 1000 ? n : 1000), found = 0;
		for (size_t i = 0; i < nq; i++) {
			uint32_t one = below(p, n);
			for (size_t j = 0; j < len; j++)
				p->many[j] = kind == 2 ? (uint32_t)j : below(p, n);
			double t0 = now_us();
			if (kind == 1)
				found += csr_paths(&p->g, &one, 1, p->many, len, p->hops, p->k,
						   &p->s, p->paths);
			else
				found += csr_paths(&p->g, p->many, len, &one, 1, p->hops, p->k,
						   &p->s, p->paths);
			p->t[i] = now_us() - t0;
		}
		printf("%s_found %zu of %zu\n", name[kind], found, nq * p->k);
		report(p, name[kind], nq);
	}
}

static void probe_aa(struct probe *p)
{
	struct csr_score top[10];

	for (size_t i = 0; i < p->queries; i++) {
		uint32_t u = below(p, p->g.n);
		double t0 = now_us();
		csr_adamic_adar(&p->g, u, 10, NULL, NULL, &p->s, top);
		p->t[i] = now_us() - t0;
	}
	report(p, "aa_top10", p->queries);
}

/* every node's measure, one call each as a caller would make them */
static void probe_everyone(struct probe *p, const char *name,
			   double (*measure)(const struct csr *, uint32_t, struct csr_scratch *))
{
	double sum = 0, t0 = now_us();

	for (uint32_t v = 0; v < p->g.n; v++) {
		double x = measure(&p->g, v, &p->s);
		if (!isnan(x))
			sum += x;
	}
	printf("%s_all %.3f s\n", name, (now_us() - t0) / 1e6);
	printf("%s_mean %.6f\n", name, sum / p->g.n);
}

/* Read "a b cost" lines of path into a fresh array: *m ties, *n raised to the largest
 * node + 1. NULL on error (said on stderr). */
static struct csr_edge *read_edges(const char *path, uint32_t *n, size_t *m)
{
	FILE *f = fopen(path, "r");
	struct csr_edge *e = NULL;
	size_t len = 0, cap = 0, line_no = 0;
	char *line = NULL;
	size_t line_cap = 0;

	if (!f) {
		fprintf(stderr, "graph-probe: cannot open %s\n", path);
		return NULL;
	}
	while (getline(&line, &line_cap, f) > 0) {
		char *s = line, *end;
		unsigned long a, b;
		double c;

		line_no++;
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\n' || *s == '#' || *s == 0)
			continue;
		a = strtoul(s, &end, 10);
		if (end == s)
			goto bad;
		b = strtoul(s = end, &end, 10);
		if (end == s)
			goto bad;
		c = strtod(s = end, &end);
		if (end == s || a >= UINT32_MAX || b >= UINT32_MAX || !(c >= 0))
			goto bad;
		if (len == cap) {
			size_t ncap = cap ? 2 * cap : 1 << 16;
			struct csr_edge *ne = realloc(e, ncap * sizeof *e);
			if (!ne) {
				fprintf(stderr, "graph-probe: out of memory\n");
				goto fail;
			}
			e = ne;
			cap = ncap;
		}
		e[len].a = (uint32_t)a;
		e[len].b = (uint32_t)b;
		e[len].cost = c;
		len++;
		if (a + 1 > *n)
			*n = (uint32_t)(a + 1);
		if (b + 1 > *n)
			*n = (uint32_t)(b + 1);
	}
	free(line);
	fclose(f);
	*m = len;
	return e ? e : malloc(sizeof *e);
bad:
	fprintf(stderr, "graph-probe: %s:%zu: want \"a b cost\"\n", path, line_no);
fail:
	free(line);
	free(e);
	fclose(f);
	return NULL;
}

/* Leiden by graph_communities: its time, the communities and their modularity with
 * tie weights s = exp(-cost), as communities.h defines it. */
static int probe_leiden(struct probe *p)
{
	const struct csr *g = &p->g;
	uint32_t *c = malloc((size_t)g->n * sizeof *c), count = 0;
	double *in, *tot, two_m = 0, q = 0, t0;

	if (!c)
		return -1;
	t0 = now_us();
	if (graph_communities(g, c, &count) < 0) {
		free(c);
		return -1;
	}
	printf("leiden %.3f s\n", (now_us() - t0) / 1e6);
	in = calloc(count ? count : 1, sizeof *in);
	tot = calloc(count ? count : 1, sizeof *tot);
	if (!in || !tot) {
		free(in);
		free(tot);
		free(c);
		return -1;
	}
	for (uint32_t a = 0; a < g->n; a++)
		for (uint64_t i = g->off[a]; i < g->off[a + 1]; i++) {
			double s = exp(-(double)g->cost[i]);
			tot[c[a]] += s;
			two_m += s;
			if (c[g->adj[i]] == c[a])
				in[c[a]] += s;
		}
	for (uint32_t k = 0; k < count && two_m > 0; k++)
		q += in[k] / two_m - (tot[k] / two_m) * (tot[k] / two_m);
	printf("leiden_communities %u\nleiden_modularity %.4f\n", count, q);
	free(in);
	free(tot);
	free(c);
	return 0;
}

int main(int argc, char **argv)
{
	struct probe p = { .rng = 1, .queries = 1000, .k = 3, .hops = 3 };
	uint32_t n = 1000000;
	double degree = 20, t0;
	int all_esize = 0, n_given = 0, leiden = 0, no_many = 0, pairs_only = 0, opt;
	const char *file = NULL;
	struct csr_edge *e;
	size_t m;

	while ((opt = getopt(argc, argv, "n:d:s:q:k:H:af:LMP")) != -1) {
		switch (opt) {
		case 'n': n = (uint32_t)strtoul(optarg, NULL, 10); n_given = 1; break;
		case 'd': degree = strtod(optarg, NULL); break;
		case 's': p.rng = strtoull(optarg, NULL, 10); break;
		case 'q': p.queries = strtoul(optarg, NULL, 10); break;
		case 'k': p.k = strtoul(optarg, NULL, 10); break;
		case 'H': p.hops = (uint32_t)strtoul(optarg, NULL, 10); break;
		case 'a': all_esize = 1; break;
		case 'f': file = optarg; break;
		case 'L': leiden = 1; break;
		case 'M': no_many = 1; break;
		case 'P': pairs_only = 1; break;
		default:
			fprintf(stderr, "usage: graph-probe [-n NODES] [-d DEGREE] [-s SEED] "
				"[-q QUERIES] [-k K] [-H HOPS] [-a] [-f EDGES] [-L] [-M] "
				"[-P]\n");
			return 2;
		}
	}
	if (file && !n_given)
		n = 2;		/* raised to the largest node + 1 of the file */
	if (n < 2 || !(degree >= 0) || p.queries == 0 || p.k == 0 || p.k > 1000 ||
	    p.hops == 0 || p.hops > CSR_MAX_HOPS) {
		fprintf(stderr, "graph-probe: want n >= 2, d >= 0, q >= 1, 1 <= k <= 1000, "
			"1 <= H <= %d\n", CSR_MAX_HOPS);
		return 2;
	}
	if (file) {
		if (!(e = read_edges(file, &n, &m)))
			return 1;
	} else {
		m = (size_t)((double)n * degree / 2);
		e = malloc((m ? m : 1) * sizeof *e);
	}
	p.t = malloc(p.queries * sizeof *p.t);
	p.paths = malloc(p.k * sizeof *p.paths);
	p.many = malloc((size_t)n * sizeof *p.many);
	if (!e || !p.t || !p.paths || !p.many) {
		fprintf(stderr, "graph-probe: out of memory\n");
		return 1;
	}
	for (size_t i = 0; !file && i < m; i++) {
		e[i].a = below(&p, n);
		e[i].b = below(&p, n);
		e[i].cost = (double)below(&p, 4096) / 1024;
	}
	t0 = now_us();
	if (csr_build(&p.g, n, e, m) < 0) {
		fprintf(stderr, "graph-probe: the build failed\n");
		return 1;
	}
	printf("nodes %u\nties %llu\n", p.g.n, (unsigned long long)p.g.m);
	printf("build %.3f s\n", (now_us() - t0) / 1e6);
	free(e);
	if (csr_scratch_init(&p.s, n) < 0) {
		fprintf(stderr, "graph-probe: out of memory\n");
		return 1;
	}
	printf("bytes_per_tie %.2f B\n", (double)csr_bytes(&p.g) / (double)(p.g.m ? p.g.m : 1));

	probe_pairs(&p);
	if (!no_many && !pairs_only)
		probe_many(&p);
	if (!pairs_only) {
		probe_aa(&p);
		probe_everyone(&p, "constraint", csr_constraint);
	}
	if (all_esize && !pairs_only)
		probe_everyone(&p, "effective_size", csr_effective_size);
	if (leiden && probe_leiden(&p) < 0) {
		fprintf(stderr, "graph-probe: Leiden failed\n");
		return 1;
	}

	free(p.t);
	free(p.paths);
	free(p.many);
	csr_scratch_free(&p.s);
	csr_free(&p.g);
	return 0;
}
