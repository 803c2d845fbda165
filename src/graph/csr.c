/*
 * csr.c - building the CSR graph, the scratch space of its queries, and people you may
 * know by Adamic-Adar (SPEC §4.8). Warm paths are in paths.c, brokerage in brokerage.c.
 *
 * csr_build counts each node's ties, places both ends of every tie by a counting sort
 * on the source (off[] doubles as the cursor, so no second array of n), sorts each row
 * by (neighbour, cost) and keeps the first entry of each neighbour: the least cost of a
 * pair given twice, at both ends alike. O(n + m log d) time; the arrays kept are off,
 * adj and cost and nothing else.
 *
 * Invariants after a build: rows ascending without repeats, no self-ties, every cost a
 * finite float >= 0 (+0, never -0), adj and cost symmetric (a in row b at the cost of b
 * in row a). The scratch's score and mark arrays are all zero between queries; each
 * query clears exactly what it touched, so a query costs what it reads, not O(n).
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph/csr.h"
#include "core/error.h"
#include "core/banned.h"

/* A row entry as one sortable key: neighbour in the high half, the cost's bits in the
 * low half. For floats >= +0 the bit patterns order as the values do. */
static uint64_t entry_key(uint32_t nb, float c)
{
	uint32_t bits;
	memcpy(&bits, &c, sizeof bits);
	return (uint64_t)nb << 32 | bits;
}

static int by_key(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return (a > b) - (a < b);
}

static void sort_keys(uint64_t *k, size_t len)
{
	if (len > 32) {
		qsort(k, len, sizeof *k, by_key);
		return;
	}
	for (size_t i = 1; i < len; i++) {
		uint64_t x = k[i];
		size_t j = i;
		for (; j > 0 && k[j - 1] > x; j--)
			k[j] = k[j - 1];
		k[j] = x;
	}
}

/* Sort every row and drop repeated neighbours, compacting the arrays forward (rows only
 * shrink, so the write position never passes the read position). Returns 2m. */
static uint64_t sort_and_merge(struct csr *g, uint64_t *key)
{
	uint64_t w = 0;
	for (uint32_t v = 0; v < g->n; v++) {
		uint64_t lo = g->off[v], hi = g->off[v + 1];
		size_t len = (size_t)(hi - lo);
		for (size_t i = 0; i < len; i++)
			key[i] = entry_key(g->adj[lo + i], g->cost[lo + i]);
		sort_keys(key, len);
		g->off[v] = w;
		for (size_t i = 0; i < len; i++) {
			uint32_t nb = (uint32_t)(key[i] >> 32);
			if (i > 0 && nb == (uint32_t)(key[i - 1] >> 32))
				continue;	/* a later copy of the pair: not the least cost */
			uint32_t bits = (uint32_t)key[i];
			g->adj[w] = nb;
			memcpy(&g->cost[w], &bits, sizeof bits);
			w++;
		}
	}
	g->off[g->n] = w;
	return w;
}

int csr_build(struct csr *g, uint32_t n, const struct csr_edge *e, size_t m)
{
	uint64_t *key = NULL;
	uint64_t ends = 0, maxdeg = 0;
	int rc = MU_ENOMEM;

	memset(g, 0, sizeof *g);
	for (size_t i = 0; i < m; i++) {
		/* !(c >= 0) also refuses NaN; above FLT_MAX the float would be infinite */
		if (e[i].a >= n || e[i].b >= n || !(e[i].cost >= 0) || e[i].cost > FLT_MAX)
			return MU_EINVAL;
	}
	g->n = n;
	if (!(g->off = calloc((size_t)n + 1, sizeof *g->off)))
		goto out;
	/* off[v + 1] counts v's ends, then the prefix sum makes off[v] the start of row v */
	for (size_t i = 0; i < m; i++) {
		if (e[i].a == e[i].b)
			continue;
		g->off[e[i].a + 1]++;
		g->off[e[i].b + 1]++;
	}
	for (uint32_t v = 0; v < n; v++) {
		if (g->off[v + 1] > maxdeg)
			maxdeg = g->off[v + 1];
		g->off[v + 1] += g->off[v];
	}
	ends = g->off[n];
	g->adj = malloc((ends ? ends : 1) * sizeof *g->adj);
	g->cost = malloc((ends ? ends : 1) * sizeof *g->cost);
	key = malloc((maxdeg ? maxdeg : 1) * sizeof *key);
	if (!g->adj || !g->cost || !key)
		goto out;
	/* place each end at off[v], moving off[v] on: afterwards off[v] is the end of row v,
	 * which is the start of row v + 1, so shifting off by one restores the starts */
	for (size_t i = 0; i < m; i++) {
		uint32_t a = e[i].a, b = e[i].b;
		float c = (float)e[i].cost + 0.0f;	/* + 0.0f turns -0 into +0 */
		if (a == b)
			continue;
		g->adj[g->off[a]] = b;
		g->cost[g->off[a]++] = c;
		g->adj[g->off[b]] = a;
		g->cost[g->off[b]++] = c;
	}
	memmove(g->off + 1, g->off, (size_t)n * sizeof *g->off);
	g->off[0] = 0;
	ends = sort_and_merge(g, key);
	g->m = ends / 2;
	if (ends) {
		/* give back what merged pairs freed; a failed shrink keeps the larger block */
		uint32_t *adj = realloc(g->adj, ends * sizeof *adj);
		float *cost;
		if (adj)
			g->adj = adj;
		if ((cost = realloc(g->cost, ends * sizeof *cost)))
			g->cost = cost;
	}
	rc = 0;
out:
	free(key);
	if (rc < 0)
		csr_free(g);
	return rc;
}

void csr_free(struct csr *g)
{
	free(g->off);
	free(g->adj);
	free(g->cost);
	memset(g, 0, sizeof *g);
}

size_t csr_bytes(const struct csr *g)
{
	if (!g->off)
		return 0;
	return ((size_t)g->n + 1) * sizeof *g->off +
	       (size_t)(2 * g->m) * (sizeof *g->adj + sizeof *g->cost);
}

double csr_tie_cost(const struct csr *g, uint32_t a, uint32_t b)
{
	if (a >= g->n || b >= g->n)
		return -1;
	uint64_t lo = g->off[a], hi = g->off[a + 1];
	while (lo < hi) {
		uint64_t mid = lo + (hi - lo) / 2;
		if (g->adj[mid] < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < g->off[a + 1] && g->adj[lo] == b)
		return (double)g->cost[lo];
	return -1;
}

/* Write each page once, so that the first queries do not pay for the kernel's faulting
 * in of the zero pages calloc hands out (it doubled a warm-path query's p99). The
 * stores are volatile: to the compiler they would be dead, calloc's memory being 0. */
static void prefault(void *p, size_t bytes)
{
	volatile unsigned char *b = p;
	for (size_t i = 0; i < bytes; i += 4096)
		b[i] = 0;
}

int csr_scratch_init(struct csr_scratch *s, uint32_t n)
{
	size_t len = n ? n : 1;

	s->n = n;
	s->score = calloc(len, sizeof *s->score);
	s->mark = calloc(len, sizeof *s->mark);
	s->list = calloc(len, sizeof *s->list);
	if (!s->score || !s->mark || !s->list) {
		csr_scratch_free(s);
		return MU_ENOMEM;
	}
	prefault(s->score, len * sizeof *s->score);
	prefault(s->mark, len * sizeof *s->mark);
	prefault(s->list, len * sizeof *s->list);
	return 0;
}

void csr_scratch_free(struct csr_scratch *s)
{
	free(s->score);
	free(s->mark);
	free(s->list);
	memset(s, 0, sizeof *s);
}

/* --- Adamic-Adar --- */

enum { AA_EXCLUDED = 1, AA_CANDIDATE = 2 };

/* a ranks before b: higher score, then lower node */
static int aa_before(const struct csr_score *a, const struct csr_score *b)
{
	return a->score > b->score || (a->score == b->score && a->node < b->node);
}

/* heap[0] is the worst of the kept: the one a better candidate replaces */
static void aa_sift_down(struct csr_score *h, size_t len, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, worst = i;
		if (l < len && aa_before(&h[worst], &h[l]))
			worst = l;
		if (r < len && aa_before(&h[worst], &h[r]))
			worst = r;
		if (worst == i)
			return;
		struct csr_score t = h[i];
		h[i] = h[worst];
		h[worst] = t;
		i = worst;
	}
}

static void aa_sift_up(struct csr_score *h, size_t i)
{
	while (i > 0) {
		size_t p = (i - 1) / 2;
		if (!aa_before(&h[p], &h[i]))
			return;
		struct csr_score t = h[i];
		h[i] = h[p];
		h[p] = t;
		i = p;
	}
}

/* Score the two-hop candidates of u into s->score, listed in s->list; u and its
 * neighbours are marked AA_EXCLUDED. Returns how many candidates. Each candidate sums
 * 1 / ln deg(w) over its common neighbours w in ascending order of w (u's row order). */
static size_t aa_score(const struct csr *g, uint32_t u, struct csr_scratch *s)
{
	size_t c = 0;

	s->mark[u] = AA_EXCLUDED;
	for (uint64_t i = g->off[u]; i < g->off[u + 1]; i++)
		s->mark[g->adj[i]] = AA_EXCLUDED;
	for (uint64_t i = g->off[u]; i < g->off[u + 1]; i++) {
		uint32_t w = g->adj[i];
		uint64_t lo = g->off[w], hi = g->off[w + 1];
		if (hi - lo < 2)
			continue;	/* u is its only neighbour */
		double add = 1.0 / log((double)(hi - lo));
		for (uint64_t j = lo; j < hi; j++) {
			uint32_t v = g->adj[j];
			if (s->mark[v] == AA_EXCLUDED)
				continue;
			if (!s->mark[v]) {
				s->mark[v] = AA_CANDIDATE;
				s->list[c++] = v;
			}
			s->score[v] += add;
		}
	}
	return c;
}

size_t csr_adamic_adar(const struct csr *g, uint32_t u, size_t k,
		       int (*keep)(void *ctx, uint32_t v), void *ctx, struct csr_scratch *s,
		       struct csr_score *out)
{
	size_t len = 0, c;

	if (u >= g->n || s->n < g->n)
		return 0;
	c = aa_score(g, u, s);
	for (size_t i = 0; i < c && k > 0; i++) {
		struct csr_score x = { s->list[i], s->score[s->list[i]] };
		if (len == k && !aa_before(&x, &out[0]))
			continue;
		if (keep && !keep(ctx, x.node))
			continue;
		if (len < k) {
			out[len] = x;
			aa_sift_up(out, len++);
		} else {
			out[0] = x;
			aa_sift_down(out, len, 0);
		}
	}
	/* heap sort: the worst moves to the back each round, so out ends best first */
	for (size_t end = len; end > 1; end--) {
		struct csr_score t = out[0];
		out[0] = out[end - 1];
		out[end - 1] = t;
		aa_sift_down(out, end - 1, 0);
	}
	for (size_t i = 0; i < c; i++) {
		s->score[s->list[i]] = 0;
		s->mark[s->list[i]] = 0;
	}
	s->mark[u] = 0;
	for (uint64_t i = g->off[u]; i < g->off[u + 1]; i++)
		s->mark[g->adj[i]] = 0;
	return len;
}
