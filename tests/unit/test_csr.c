/*
 * test_csr.c - the CSR graph layer on graphs small enough to work out by hand: build,
 * tie costs, warm paths, Adamic-Adar, constraint and effective size; then warm paths on
 * seeded random graphs against a plain enumeration of every simple path.
 */
#include <math.h>
#include <stdlib.h>

#include "t.h"
#include "core/error.h"
#include "graph/csr.h"

void test_csr(void);

/* every scratch entry back at zero: queries clear what they touch */
static int scratch_clean(const struct csr_scratch *s)
{
	for (uint32_t v = 0; v < s->n; v++)
		if (s->score[v] != 0 || s->mark[v] != 0)
			return 0;
	return 1;
}

static void build_cases(void)
{
	/* 0-1 three times (least 0.5, once reversed), a self-tie, 4 isolated */
	static const struct csr_edge e[] = {
		{ 0, 1, 1.0 }, { 1, 0, 0.5 }, { 2, 2, 1.0 }, { 3, 1, 2.0 }, { 1, 2, 0.25 },
		{ 0, 1, 3.0 },
	};
	static const uint64_t off[] = { 0, 1, 4, 5, 6, 6 };
	static const uint32_t adj[] = { 1, 0, 2, 3, 1, 1 };
	static const float cost[] = { 0.5f, 0.5f, 0.25f, 2.0f, 0.25f, 2.0f };
	struct csr g;

	T_EQ(csr_build(&g, 5, e, ARRAY_SIZE(e)), 0, "build");
	T_EQ(g.n, 5, "n");
	T_EQ(g.m, 3, "3 ties: 0-1 merged, the self-tie dropped");
	for (size_t i = 0; i < ARRAY_SIZE(off); i++)
		T_EQ(g.off[i], off[i], "off[%zu]", i);
	for (size_t i = 0; i < ARRAY_SIZE(adj); i++) {
		T_EQ(g.adj[i], adj[i], "adj[%zu]: rows ascending", i);
		T_EQ(g.cost[i], cost[i], "cost[%zu]: the least of a pair, both ends", i);
	}
	T_EQ(csr_bytes(&g), 6 * 8 + 6 * 4 + 6 * 4, "(n + 1) * 8 + 2m * (4 + 4)");
	T_EQ(csr_tie_cost(&g, 1, 3), 2.0, "tie 1-3");
	T_EQ(csr_tie_cost(&g, 3, 1), 2.0, "tie 3-1");
	T_EQ(csr_tie_cost(&g, 0, 1), 0.5, "tie 0-1: the least cost");
	T_CHECK(csr_tie_cost(&g, 0, 2) < 0, "no tie 0-2");
	T_CHECK(csr_tie_cost(&g, 2, 2) < 0, "no self-tie");
	T_CHECK(csr_tie_cost(&g, 4, 0) < 0, "isolated 4");
	T_CHECK(csr_tie_cost(&g, 0, 5) < 0, "node 5 out of range");
	csr_free(&g);
	T_EQ(csr_bytes(&g), 0, "freed");

	/* costs are stored as floats: 0.1 comes back as (float)0.1; -0 as +0 */
	static const struct csr_edge f[] = { { 0, 1, 0.1 }, { 1, 2, -0.0 } };
	T_EQ(csr_build(&g, 3, f, 2), 0, "build with 0.1 and -0");
	T_EQ(csr_tie_cost(&g, 1, 0), (double)0.1f, "0.1 as a float");
	T_CHECK(csr_tie_cost(&g, 2, 1) == 0 && !signbit(csr_tie_cost(&g, 2, 1)), "-0 as +0");
	csr_free(&g);

	T_EQ(csr_build(&g, 0, NULL, 0), 0, "the empty graph");
	T_EQ(g.m, 0, "no ties");
	csr_free(&g);

	static const struct { struct csr_edge e; const char *why; } bad[] = {
		{ { 0, 3, 1.0 }, "node 3 of 3" },
		{ { 7, 0, 1.0 }, "node 7 of 3" },
		{ { 0, 1, -0.5 }, "negative cost" },
		{ { 0, 1, NAN }, "NaN cost" },
		{ { 0, 1, INFINITY }, "infinite cost" },
		{ { 0, 1, 1e39 }, "cost beyond a float" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct csr_edge two[2] = { { 0, 1, 1.0 }, bad[i].e };
		T_EQ(csr_build(&g, 3, two, 2), MU_EINVAL, "%s", bad[i].why);
		T_CHECK(g.off == NULL && g.adj == NULL, "nothing kept after %s", bad[i].why);
	}
}

struct want_path {
	double cost;
	uint32_t hops;
	uint32_t node[5];
};

static void check_paths(const struct csr *g, struct csr_scratch *s, const char *what,
			const uint32_t *src, size_t ns, const uint32_t *tgt, size_t nt,
			uint32_t hops, size_t k, const struct want_path *want, size_t nwant)
{
	struct csr_path out[16];
	size_t found = csr_paths(g, src, ns, tgt, nt, hops, k, s, out);

	T_EQ(found, nwant, "%s: %zu paths, want %zu", what, found, nwant);
	for (size_t i = 0; i < found && i < nwant; i++) {
		int same = out[i].cost == want[i].cost && out[i].hops == want[i].hops;
		for (uint32_t j = 0; same && j <= want[i].hops; j++)
			same = out[i].node[j] == want[i].node[j];
		T_CHECK(same, "%s: path %zu has cost %g and %u hops", what, i, out[i].cost,
			out[i].hops);
	}
	T_CHECK(scratch_clean(s), "%s: scratch left clean", what);
}

static void path_cases(void)
{
	/* A: 0-1-2-3 costs 1 each, 0-2 3, 0-3 5, 1-3 2.5, 3-4 1; 5-6 apart */
	static const struct csr_edge a[] = {
		{ 0, 1, 1 }, { 1, 2, 1 }, { 2, 3, 1 }, { 0, 2, 3 }, { 0, 3, 5 }, { 1, 3, 2.5 },
		{ 3, 4, 1 }, { 5, 6, 1 },
	};
	/* the simple paths 0 -> 3: 0123 = 1+1+1, 013 = 1+2.5, 023 = 3+1, 03 = 5,
	 * 0213 = 3+1+2.5; a walk such as 0-1-0-3 (1+1+5 = 7) is not simple */
	static const struct want_path all03[] = {
		{ 3, 3, { 0, 1, 2, 3 } }, { 3.5, 2, { 0, 1, 3 } }, { 4, 2, { 0, 2, 3 } },
		{ 5, 1, { 0, 3 } }, { 6.5, 3, { 0, 2, 1, 3 } },
	};
	static const struct want_path two03[] = {
		{ 3.5, 2, { 0, 1, 3 } }, { 4, 2, { 0, 2, 3 } }, { 5, 1, { 0, 3 } },
	};
	/* sources 0 and 5, targets 3 and 6: 5-6 costs 1 */
	static const struct want_path multi[] = {
		{ 1, 1, { 5, 6 } }, { 3, 3, { 0, 1, 2, 3 } }, { 3.5, 2, { 0, 1, 3 } },
	};
	/* sources 1 and 3, targets 3 and 4, one tie: 3 is no path of its own */
	static const struct want_path both[] = { { 1, 1, { 3, 4 } }, { 2.5, 1, { 1, 3 } } };
	/* targets 2 and 3 from 0, two ties: a path may pass a target (0-2-3) */
	static const struct want_path through[] = {
		{ 2, 2, { 0, 1, 2 } }, { 3, 1, { 0, 2 } }, { 3.5, 2, { 0, 1, 3 } },
		{ 4, 2, { 0, 2, 3 } }, { 5, 1, { 0, 3 } }, { 6, 2, { 0, 3, 2 } },
	};
	/* B: three ways 0 -> 2 of cost 2: fewer hops first, then the node sequence */
	static const struct csr_edge b[] = {
		{ 0, 3, 1 }, { 3, 2, 1 }, { 0, 2, 2 }, { 0, 1, 1 }, { 1, 2, 1 },
	};
	static const struct want_path ties[] = {
		{ 2, 1, { 0, 2 } }, { 2, 2, { 0, 1, 2 } }, { 2, 2, { 0, 3, 2 } },
	};
	uint32_t n0[] = { 0 }, n3[] = { 3 }, n5[] = { 5 }, n2[] = { 2 }, n7[] = { 7 };
	uint32_t s05[] = { 0, 5, 0 }, t36[] = { 6, 3, 3 }, s13[] = { 1, 3 }, t34[] = { 3, 4 };
	uint32_t t23[] = { 2, 3 };
	struct csr g;
	struct csr_scratch s;
	struct csr_path out[4];

	T_EQ(csr_build(&g, 7, a, ARRAY_SIZE(a)), 0, "build A");
	T_EQ(csr_scratch_init(&s, 7), 0, "scratch");
	check_paths(&g, &s, "0->3 H3 k3", n0, 1, n3, 1, 3, 3, all03, 3);
	check_paths(&g, &s, "0->3 H3 k10", n0, 1, n3, 1, 3, 10, all03, 5);
	check_paths(&g, &s, "0->3 H4 k10: still only simple paths", n0, 1, n3, 1, 4, 10,
		    all03, 5);
	check_paths(&g, &s, "0->3 H2", n0, 1, n3, 1, 2, 3, two03, 3);
	check_paths(&g, &s, "0->3 H1", n0, 1, n3, 1, 1, 3, all03 + 3, 1);
	check_paths(&g, &s, "3->0 H1: reversed", n3, 1, n0, 1, 1, 3,
		    (const struct want_path[]){ { 5, 1, { 3, 0 } } }, 1);
	check_paths(&g, &s, "{0,5}->{3,6}", s05, 3, t36, 3, 3, 3, multi, 3);
	check_paths(&g, &s, "{1,3}->{3,4}", s13, 2, t34, 2, 1, 5, both, 2);
	check_paths(&g, &s, "0->{2,3}", n0, 1, t23, 2, 2, 10, through, 6);
	check_paths(&g, &s, "0->5: no path", n0, 1, n5, 1, 6, 3, NULL, 0);
	check_paths(&g, &s, "0->0: no path of its own", n0, 1, n0, 1, 3, 3, NULL, 0);
	check_paths(&g, &s, "node 7 is ignored", n7, 1, n3, 1, 3, 3, NULL, 0);
	T_EQ(csr_paths(&g, n0, 1, n3, 1, 3, 0, &s, out), 0, "k = 0");
	T_EQ(csr_paths(&g, n0, 1, n3, 1, 0, 3, &s, out), 0, "max_hops = 0");
	T_EQ(csr_paths(&g, n0, 1, n3, 1, 99, 3, &s, out), 3, "max_hops above the limit");
	csr_free(&g);
	csr_scratch_free(&s);

	T_EQ(csr_build(&g, 4, b, ARRAY_SIZE(b)), 0, "build B");
	T_EQ(csr_scratch_init(&s, 4), 0, "scratch");
	check_paths(&g, &s, "equal costs", n0, 1, n2, 1, 3, 3, ties, 3);
	check_paths(&g, &s, "equal costs, k 2", n0, 1, n2, 1, 3, 2, ties, 2);
	csr_free(&g);
	csr_scratch_free(&s);
}

static int no_three(void *ctx, uint32_t v)
{
	(void)ctx;
	return v != 3;
}

static void aa_cases(void)
{
	/* 0's neighbours 1 (deg 3: 0, 3, 5) and 2 (deg 4: 0, 3, 4, 6) */
	static const struct csr_edge e[] = {
		{ 0, 1, 1 }, { 0, 2, 1 }, { 1, 3, 1 }, { 2, 3, 1 }, { 2, 4, 1 }, { 1, 5, 1 },
		{ 2, 6, 1 },
	};
	const double l3 = 1 / log(3), l4 = 1 / log(4);
	/* 3: 1/ln 3 + 1/ln 4 = 1.6315; 5: 1/ln 3 = 0.9102; 4 and 6: 1/ln 4 = 0.7213 */
	static const uint32_t order[] = { 3, 5, 4, 6 };
	const double score[] = { l3 + l4, l3, l4, l4 };
	struct csr g;
	struct csr_scratch s;
	struct csr_score out[8];

	T_EQ(csr_build(&g, 8, e, ARRAY_SIZE(e)), 0, "build");
	T_EQ(csr_scratch_init(&s, 8), 0, "scratch");
	for (int round = 0; round < 2; round++) {
		size_t found = csr_adamic_adar(&g, 0, 8, NULL, NULL, &s, out);
		T_EQ(found, 4, "round %d: four candidates, not 0 nor its neighbours", round);
		for (size_t i = 0; i < found && i < 4; i++) {
			T_EQ(out[i].node, order[i], "round %d: rank %zu (equal: lower node first)",
			     round, i);
			T_NEAR(out[i].score, score[i], 1e-15, "round %d: score %zu", round, i);
		}
		T_CHECK(scratch_clean(&s), "round %d: scratch left clean", round);
	}
	T_EQ(csr_adamic_adar(&g, 0, 2, NULL, NULL, &s, out), 2, "top 2");
	T_CHECK(out[0].node == 3 && out[1].node == 5, "top 2 are 3 and 5");
	T_EQ(csr_adamic_adar(&g, 0, 8, no_three, NULL, &s, out), 3, "keep leaves 3 out");
	T_CHECK(out[0].node == 5 && out[1].node == 4 && out[2].node == 6, "then 5, 4, 6");
	T_EQ(csr_adamic_adar(&g, 7, 8, NULL, NULL, &s, out), 0, "isolated 7: none");
	T_EQ(csr_adamic_adar(&g, 3, 8, NULL, NULL, &s, out), 4, "3: 0 and 5 via 1; 0, 4, 6 via 2");
	T_CHECK(scratch_clean(&s), "scratch left clean");
	csr_free(&g);
	csr_scratch_free(&s);
}

static void brokerage_cases(void)
{
	/* triangle 0-1-2 with equal ties: p = 1/2 everywhere;
	 * constraint = 2 (1/2 + 1/2 * 1/2)^2 = 9/8; effective size = 2 (1 - 1/2 * 1) = 1 */
	static const struct csr_edge tri[] = { { 0, 1, 0.5 }, { 1, 2, 0.5 }, { 0, 2, 0.5 } };
	/* weighted triangle: s01 = s02 = 1 (cost 0), s12 = a = e^-1 (cost 1) */
	static const struct csr_edge wtri[] = { { 0, 1, 0 }, { 0, 2, 0 }, { 1, 2, 1 } };
	/* star: 0 in the middle of 1, 2, 3 at costs 0, 1, 1; 4 isolated */
	static const struct csr_edge star[] = { { 0, 1, 0 }, { 0, 2, 1 }, { 0, 3, 1 } };
	const double a = exp(-1.0), S = 1 + 2 * a;
	struct csr g;
	struct csr_scratch s;

	T_EQ(csr_build(&g, 3, tri, 3), 0, "triangle");
	T_EQ(csr_scratch_init(&s, 5), 0, "scratch");
	for (uint32_t v = 0; v < 3; v++) {
		T_NEAR(csr_constraint(&g, v, &s), 9.0 / 8, 1e-15, "triangle constraint %u", v);
		T_NEAR(csr_effective_size(&g, v, &s), 1.0, 1e-15, "triangle effective size %u", v);
	}
	csr_free(&g);

	T_EQ(csr_build(&g, 3, wtri, 3), 0, "weighted triangle");
	/* node 0: p01 = p02 = 1/2, p12 = p21 = a/(1+a): 2 (1/2 + 1/2 a/(1+a))^2;
	 * effective size: m12 = a / max(1, a) = a, so 2 (1 - a/2) = 2 - a */
	double x = 0.5 + 0.5 * a / (1 + a);
	T_NEAR(csr_constraint(&g, 0, &s), 2 * x * x, 1e-15, "weighted triangle constraint 0");
	T_NEAR(csr_effective_size(&g, 0, &s), 2 - a, 1e-15, "weighted triangle effective size 0");
	/* node 1: p10 = 1/(1+a), p12 = a/(1+a), p02 = 1/2, p20 = 1/(1+a):
	 * (p10 + p12 p20)^2 + (p12 + p10 p02)^2; effective size 2 - p12 m02 - p10 m20
	 * with m02 = m20 = 1: 2 - (p12 + p10) = 1 */
	double y = 1 / (1 + a) + a / ((1 + a) * (1 + a)), z = a / (1 + a) + 0.5 / (1 + a);
	T_NEAR(csr_constraint(&g, 1, &s), y * y + z * z, 1e-15, "weighted triangle constraint 1");
	T_NEAR(csr_effective_size(&g, 1, &s), 1.0, 1e-15, "weighted triangle effective size 1");
	csr_free(&g);

	T_EQ(csr_build(&g, 5, star, 3), 0, "star");
	/* the middle: no ties among the leaves, so sum (s_i / S)^2 = (1 + 2 a^2) / S^2 and
	 * an effective size of 3; a leaf: (1 + 0)^2 = 1 and 1 - 0 = 1 */
	T_NEAR(csr_constraint(&g, 0, &s), (1 + 2 * a * a) / (S * S), 1e-15, "star constraint");
	T_NEAR(csr_effective_size(&g, 0, &s), 3.0, 1e-15, "star effective size");
	for (uint32_t v = 1; v < 4; v++) {
		T_NEAR(csr_constraint(&g, v, &s), 1.0, 1e-15, "leaf %u constraint", v);
		T_NEAR(csr_effective_size(&g, v, &s), 1.0, 1e-15, "leaf %u effective size", v);
	}
	T_CHECK(isnan(csr_constraint(&g, 4, &s)), "isolated: constraint NaN");
	T_CHECK(isnan(csr_effective_size(&g, 4, &s)), "isolated: effective size NaN");
	T_CHECK(scratch_clean(&s), "scratch left clean");
	csr_free(&g);
	csr_scratch_free(&s);
}

/* --- random graphs against every simple path --- */

struct brute {
	const struct csr *g;
	const uint8_t *is_target;
	uint32_t hops;
	struct csr_path cur, *all;
	size_t len, cap;
};

static void brute_walk(struct brute *b, uint32_t d)
{
	uint32_t u = b->cur.node[d];
	for (uint64_t i = b->g->off[u]; i < b->g->off[u + 1]; i++) {
		uint32_t y = b->g->adj[i], seen = 0;
		for (uint32_t j = 0; j <= d; j++)
			seen |= b->cur.node[j] == y;
		if (seen)
			continue;
		double keep = b->cur.cost;
		b->cur.node[d + 1] = y;
		b->cur.cost += (double)b->g->cost[i];
		if (b->is_target[y] && b->len < b->cap) {
			b->all[b->len] = b->cur;
			b->all[b->len++].hops = d + 1;
		}
		if (d + 1 < b->hops)
			brute_walk(b, d + 1);
		b->cur.cost = keep;
	}
}

static int path_order(const void *x, const void *y)
{
	const struct csr_path *a = x, *b = y;
	if (a->cost != b->cost)
		return a->cost < b->cost ? -1 : 1;
	if (a->hops != b->hops)
		return a->hops < b->hops ? -1 : 1;
	for (uint32_t i = 0; i <= a->hops; i++)
		if (a->node[i] != b->node[i])
			return a->node[i] < b->node[i] ? -1 : 1;
	return 0;
}

static uint64_t lcg(uint64_t *x)
{
	*x = *x * 6364136223846793005ull + 1442695040888963407ull;
	return *x >> 33;
}

static void random_paths(void)
{
	enum { N = 30, M = 70, CAP = 200000 };
	struct csr_edge e[M];
	struct csr_path out[25];
	struct brute b = { .cap = CAP };
	uint64_t x = 400;
	int bad = 0, queries = 0, nonempty = 0;

	b.all = malloc(CAP * sizeof *b.all);
	for (int round = 0; round < 20 && b.all; round++) {
		struct csr g;
		struct csr_scratch s;
		for (int i = 0; i < M; i++) {
			e[i].a = (uint32_t)(lcg(&x) % N);
			e[i].b = (uint32_t)(lcg(&x) % N);
			e[i].cost = (double)(lcg(&x) % 8) / 4;	/* exact, with many ties */
		}
		if (csr_build(&g, N, e, M) < 0 || csr_scratch_init(&s, N) < 0)
			break;
		for (int q = 0; q < 10; q++) {
			uint32_t src[N], tgt[N], ns = 1 + (uint32_t)(lcg(&x) % 4);
			uint32_t nt = 1 + (uint32_t)(lcg(&x) % 4);
			uint8_t is_target[N] = { 0 }, is_source[N] = { 0 };
			uint32_t hops = 1 + (uint32_t)(lcg(&x) % CSR_MAX_HOPS);
			size_t k = 1 + lcg(&x) % 25, found;
			if (q == 9) {		/* from everyone */
				ns = N;
				hops = 3;
			}
			for (uint32_t i = 0; i < ns; i++)
				is_source[src[i] = ns == N ? i : (uint32_t)(lcg(&x) % N)] = 1;
			for (uint32_t i = 0; i < nt; i++)
				is_target[tgt[i] = (uint32_t)(lcg(&x) % N)] = 1;
			b.g = &g;
			b.is_target = is_target;
			b.hops = hops;
			b.len = 0;
			for (uint32_t v = 0; v < N; v++) {
				if (!is_source[v])
					continue;
				b.cur.node[0] = v;
				b.cur.cost = 0;
				brute_walk(&b, 0);
			}
			qsort(b.all, b.len, sizeof *b.all, path_order);
			found = csr_paths(&g, src, ns, tgt, nt, hops, k, &s, out);
			queries++;
			nonempty += found > 0;
			if (b.len >= CAP || found != (b.len < k ? b.len : k))
				bad++;
			for (size_t i = 0; i < found && i < b.len; i++)
				bad += path_order(&out[i], &b.all[i]) != 0;
		}
		T_CHECK(scratch_clean(&s), "round %d: scratch left clean", round);
		csr_free(&g);
		csr_scratch_free(&s);
	}
	T_EQ(queries, 200, "200 random queries ran");
	T_CHECK(nonempty > 100, "most have paths (%d)", nonempty);
	T_EQ(bad, 0, "every answer is the best k of all simple paths");
	free(b.all);
}

void test_csr(void)
{
	build_cases();
	path_cases();
	aa_cases();
	brokerage_cases();
	random_paths();
}
