/*
 * test_communities.c - Leiden communities (igraph) and bridges to groups (SPEC §4.8).
 *
 * Graphs are built with csr_build(); a community test checks the partition itself,
 * its numbering by smallest node and that a second run gives the same answer (the
 * seed is fixed). Zachary's karate club is the classic check: the best known
 * modularity is 0.4198, and Leiden finds a partition at least that good to 0.01.
 */
#include <stdint.h>
#include <stdlib.h>

#include "t.h"
#include "graph/communities.h"
#include "graph/csr.h"

void test_communities(void);

#define NONE UINT32_MAX

/* A CSR graph on n nodes from pairs (a, b) of cost 0 (strength 1); aborts on error,
 * since every graph here is valid. */
static void build(struct csr *g, uint32_t n, const uint32_t (*pair)[2], size_t m)
{
	struct csr_edge *e = calloc(m ? m : 1, sizeof *e);

	if (!e)
		abort();
	for (size_t i = 0; i < m; i++)
		e[i] = (struct csr_edge){ pair[i][0], pair[i][1], 0.0 };
	if (csr_build(g, n, e, m))
		abort();
	free(e);
}

/* Modularity of a partition with weights s = exp(-cost):
 * Q = sum over communities c of (w_in(c) / W - (k(c) / 2W)^2), where w_in(c) is the
 * weight of ties inside c, k(c) the strengths of c's nodes, W all ties' weight. */
static double modularity(const struct csr *g, const uint32_t *community, uint32_t count)
{
	double *in = calloc(count, sizeof *in), *k = calloc(count, sizeof *k);
	double w = 0, q = 0;

	if (!in || !k)
		abort();
	for (uint32_t v = 0; v < g->n; v++)
		for (uint64_t i = g->off[v]; i < g->off[v + 1]; i++) {
			double s = exp(-(double)g->cost[i]);
			w += s / 2;	/* each tie is seen from both ends */
			k[community[v]] += s;
			if (community[g->adj[i]] == community[v])
				in[community[v]] += s / 2;
		}
	for (uint32_t c = 0; c < count; c++)
		q += in[c] / w - (k[c] / (2 * w)) * (k[c] / (2 * w));
	free(in);
	free(k);
	return q;
}

/* Numbered by smallest node: walking the nodes in order, each community appears first
 * as the next number. */
static int by_smallest_node(const uint32_t *community, uint32_t n, uint32_t count)
{
	uint32_t next = 0;

	for (uint32_t v = 0; v < n; v++) {
		if (community[v] > next || community[v] >= count)
			return 0;
		if (community[v] == next)
			next++;
	}
	return next == count;
}

/* Two 5-cliques, odd nodes 1..9 and even nodes 2..10, joined by the tie 9-10, and
 * node 0 isolated: communities {0}, odds, evens, numbered 0, 1, 2 by smallest node
 * (0, 1, 2). */
static void cliques_and_isolate(void)
{
	uint32_t pair[21][2];
	size_t m = 0;
	struct csr g;
	uint32_t c1[11], c2[11], count1 = 0, count2 = 0;

	for (uint32_t a = 1; a <= 10; a++)
		for (uint32_t b = a + 2; b <= 10; b += 2) {
			pair[m][0] = a;
			pair[m][1] = b;
			m++;
		}
	pair[m][0] = 9;
	pair[m][1] = 10;
	m++;
	T_EQ(m, (size_t)21, "2 x C(5,2) = 20 clique ties + 1 joining tie, got %zu", m);
	build(&g, 11, (const uint32_t (*)[2])pair, m);
	T_EQ(graph_communities(&g, c1, &count1), 0, "two cliques: runs");
	T_EQ(graph_communities(&g, c2, &count2), 0, "two cliques: runs again");
	T_EQ(count1, 3u, "two cliques and an isolate: 3 communities, got %u", count1);
	T_EQ(c1[0], 0u, "the isolate, node 0, is community 0");
	for (uint32_t v = 1; v <= 10; v++)
		T_EQ(c1[v], v % 2 ? 1u : 2u, "node %u in community %u", v, c1[v]);
	T_EQ(count2, count1, "second run: same count");
	T_CHECK(!memcmp(c1, c2, sizeof c1), "second run: same partition");
	csr_free(&g);
}

/* The two cliques alone on nodes 0..9 (evens 0..8, odds 1..9, joined by 8-9): even
 * nodes are community 0 since node 0 is smallest. */
static void two_cliques(void)
{
	uint32_t pair[21][2];
	size_t m = 0;
	struct csr g;
	uint32_t c[10], count = 0;

	for (uint32_t a = 0; a < 10; a++)
		for (uint32_t b = a + 2; b < 10; b += 2) {
			pair[m][0] = a;
			pair[m][1] = b;
			m++;
		}
	pair[m][0] = 8;
	pair[m][1] = 9;
	m++;
	build(&g, 10, (const uint32_t (*)[2])pair, m);
	T_EQ(graph_communities(&g, c, &count), 0, "two cliques: runs");
	T_EQ(count, 2u, "two cliques: 2 communities, got %u", count);
	for (uint32_t v = 0; v < 10; v++)
		T_EQ(c[v], v % 2, "node %u in community %u", v, c[v]);
	csr_free(&g);
}

/* Weights are s = exp(-cost), not the cost: on the 4-cycle 0-1-2-3-0 with strong ties
 * 0-1, 2-3 (cost 0.1, s = a = 0.905) and weak ones 1-2, 3-0 (cost 3, s = b = 0.050),
 * {0,1}{2,3} has Q = a/(a+b) - 1/2 = 0.448, the other pairing b/(a+b) - 1/2 < 0, one
 * community 0 and singletons -1/4. */
static void weights(void)
{
	static const struct csr_edge e[] = {
		{ 0, 1, 0.1 }, { 2, 3, 0.1 }, { 1, 2, 3.0 }, { 3, 0, 3.0 },
	};
	struct csr g;
	uint32_t c[4], count = 0;

	if (csr_build(&g, 4, e, ARRAY_SIZE(e)))
		abort();
	T_EQ(graph_communities(&g, c, &count), 0, "weighted cycle: runs");
	T_EQ(count, 2u, "weighted cycle: 2 communities, got %u", count);
	T_CHECK(c[0] == 0 && c[1] == 0 && c[2] == 1 && c[3] == 1,
		"weighted cycle: {0,1}{2,3}, got %u %u %u %u", c[0], c[1], c[2], c[3]);
	T_NEAR(modularity(&g, c, count), exp(-0.1) / (exp(-0.1) + exp(-3.0)) - 0.5, 1e-6,
	       "weighted cycle: Q = a/(a+b) - 1/2");
	csr_free(&g);
}

/* No ties: n singletons; no nodes: nothing. */
static void no_ties(void)
{
	struct csr g;
	uint32_t c[3] = { 9, 9, 9 }, count = 9;

	build(&g, 3, NULL, 0);
	T_EQ(graph_communities(&g, c, &count), 0, "no ties: runs");
	T_EQ(count, 3u, "no ties: 3 communities of one, got %u", count);
	T_CHECK(c[0] == 0 && c[1] == 1 && c[2] == 2, "no ties: node v is community v");
	csr_free(&g);
	build(&g, 0, NULL, 0);
	T_EQ(graph_communities(&g, c, &count), 0, "no nodes: runs");
	T_EQ(count, 0u, "no nodes: no communities");
	csr_free(&g);
}

/* Zachary's karate club (W. W. Zachary 1977; igraph's Graph.Famous("Zachary")),
 * 34 members, 78 ties, numbered from 0. */
static const uint32_t karate[78][2] = {
	{ 0, 1 }, { 0, 2 }, { 0, 3 }, { 0, 4 }, { 0, 5 }, { 0, 6 }, { 0, 7 }, { 0, 8 },
	{ 0, 10 }, { 0, 11 }, { 0, 12 }, { 0, 13 }, { 0, 17 }, { 0, 19 }, { 0, 21 },
	{ 0, 31 }, { 1, 2 }, { 1, 3 }, { 1, 7 }, { 1, 13 }, { 1, 17 }, { 1, 19 }, { 1, 21 },
	{ 1, 30 }, { 2, 3 }, { 2, 7 }, { 2, 27 }, { 2, 28 }, { 2, 32 }, { 2, 9 }, { 2, 8 },
	{ 2, 13 }, { 3, 7 }, { 3, 12 }, { 3, 13 }, { 4, 6 }, { 4, 10 }, { 5, 6 }, { 5, 10 },
	{ 5, 16 }, { 6, 16 }, { 8, 30 }, { 8, 32 }, { 8, 33 }, { 9, 33 }, { 13, 33 },
	{ 14, 32 }, { 14, 33 }, { 15, 32 }, { 15, 33 }, { 18, 32 }, { 18, 33 }, { 19, 33 },
	{ 20, 32 }, { 20, 33 }, { 22, 32 }, { 22, 33 }, { 23, 25 }, { 23, 27 }, { 23, 32 },
	{ 23, 33 }, { 23, 29 }, { 24, 25 }, { 24, 27 }, { 24, 31 }, { 25, 31 }, { 26, 29 },
	{ 26, 33 }, { 27, 33 }, { 28, 31 }, { 28, 33 }, { 29, 32 }, { 29, 33 }, { 30, 32 },
	{ 30, 33 }, { 31, 32 }, { 31, 33 }, { 32, 33 },
};

static void karate_club(void)
{
	struct csr g;
	uint32_t c1[34], c2[34], count1 = 0, count2 = 0;

	build(&g, 34, karate, ARRAY_SIZE(karate));
	T_EQ(g.m, (uint64_t)78, "karate: 78 ties");
	T_EQ(graph_communities(&g, c1, &count1), 0, "karate: runs");
	T_EQ(graph_communities(&g, c2, &count2), 0, "karate: runs again");
	double q = modularity(&g, c1, count1);
	T_CHECK(q >= 0.41, "karate: modularity %.4f >= 0.41 (best known 0.4198)", q);
	T_CHECK(count1 >= 2 && count1 <= 6, "karate: %u communities", count1);
	T_CHECK(by_smallest_node(c1, 34, count1), "karate: numbered by smallest node");
	T_EQ(count2, count1, "karate: same count twice");
	T_CHECK(!memcmp(c1, c2, sizeof c1), "karate: same partition twice");
	csr_free(&g);
}

/* Bridges: cases as data. Each lists its ties, the groups and the bridges expected,
 * in group order. */
#define B_MAXN 9
#define B_MAXE 10
#define B_MAXB 4
static const struct {
	const char *name;
	uint32_t n;
	size_t m;
	uint32_t pair[B_MAXE][2];
	uint32_t group[B_MAXN];
	uint32_t ngroups;
	size_t count;
	struct graph_bridge bridge[B_MAXB];
} bridge_cases[] = {
	/* group 0 = {1,2,3} hangs off node 0 (group 1) by 3 ties: 0 is its bridge.
	 * Group 1 = {0,4,5} is reached by 1, 2 and 3: none. */
	{ "star", 6, 6, { { 0, 1 }, { 0, 2 }, { 0, 3 }, { 1, 2 }, { 0, 4 }, { 4, 5 } },
	  { 1, 0, 0, 0, 1, 1 }, 2, 1, { { 0, 0, 3 } } },
	/* the same and 4-3: group 0 is reached by 0 and 4, no bridge */
	{ "two outside", 6, 7,
	  { { 0, 1 }, { 0, 2 }, { 0, 3 }, { 1, 2 }, { 0, 4 }, { 4, 5 }, { 4, 3 } },
	  { 1, 0, 0, 0, 1, 1 }, 2, 0, { { 0 } } },
	/* 0, 4 and 5 in no group count as outside: 0 alone reaches group 0 (2 ties),
	 * a node in no group is no group of its own */
	{ "no group, one", 6, 4, { { 0, 1 }, { 0, 2 }, { 1, 2 }, { 4, 5 } },
	  { NONE, 0, 0, NONE, NONE, NONE }, 1, 1, { { 0, 0, 2 } } },
	/* ... and when 5 (in no group) also ties into it, no bridge */
	{ "no group, two", 6, 5, { { 0, 1 }, { 0, 2 }, { 1, 2 }, { 4, 5 }, { 5, 2 } },
	  { NONE, 0, 0, NONE, NONE, NONE }, 1, 0, { { 0 } } },
	/* hub 0 (no group) alone reaches groups 0 {1,2}, 1 {3,4}, 2 {5,6}, one tie each;
	 * group 3 {7,8} is reached by nobody: three bridges */
	{ "three groups", 9, 7,
	  { { 0, 1 }, { 1, 2 }, { 0, 3 }, { 3, 4 }, { 0, 5 }, { 5, 6 }, { 7, 8 } },
	  { NONE, 0, 0, 1, 1, 2, 2, 3, 3 }, 4, 3, { { 0, 0, 1 }, { 0, 1, 1 }, { 0, 2, 1 } } },
	/* groups 0 {0} and 1 {1} tied to each other: each is the other's bridge */
	{ "pair", 2, 1, { { 0, 1 } }, { 0, 1 }, 2, 2, { { 1, 0, 1 }, { 0, 1, 1 } } },
};

static void bridges(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(bridge_cases); i++) {
		const char *name = bridge_cases[i].name;
		struct graph_bridge out[B_MAXB + 1];
		struct csr g;

		build(&g, bridge_cases[i].n, bridge_cases[i].pair, bridge_cases[i].m);
		memset(out, 0xff, sizeof out);
		size_t count = graph_bridges(&g, bridge_cases[i].group, bridge_cases[i].ngroups,
					     out, B_MAXB);
		T_EQ(count, bridge_cases[i].count, "%s: %zu bridges", name, count);
		for (size_t k = 0; k < count && k < B_MAXB; k++) {
			const struct graph_bridge *want = &bridge_cases[i].bridge[k];
			T_CHECK(out[k].node == want->node && out[k].group == want->group &&
				out[k].ties == want->ties, "%s: bridge %zu is %u to %u by %u",
				name, k, out[k].node, out[k].group, out[k].ties);
		}
		T_EQ(out[count].node, NONE, "%s: nothing written past the count", name);
		csr_free(&g);
	}

	/* "three groups" with room for 2: the first two written, all 3 counted */
	struct graph_bridge out[3];
	struct csr g;
	const size_t t = 4;

	build(&g, bridge_cases[t].n, bridge_cases[t].pair, bridge_cases[t].m);
	memset(out, 0xff, sizeof out);
	T_EQ(graph_bridges(&g, bridge_cases[t].group, 4, out, 2), (size_t)3,
	     "max 2: still counts 3");
	T_CHECK(out[0].group == 0 && out[1].group == 1, "max 2: groups 0 and 1 written");
	T_EQ(out[2].node, NONE, "max 2: the third is not written");
	T_EQ(graph_bridges(&g, bridge_cases[t].group, 4, NULL, 0), (size_t)3,
	     "max 0: counts without writing");
	csr_free(&g);
}

void test_communities(void)
{
	two_cliques();
	cliques_and_isolate();
	weights();
	no_ties();
	karate_club();
	bridges();
}
