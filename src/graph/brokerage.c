/*
 * brokerage.c - Burt's constraint and effective size (SPEC §4.8), exactly as networkx
 * 2.8 defines them (networkx/algorithms/structuralholes.py) for an undirected graph
 * with weight s = exp(-cost) on each tie.
 *
 * networkx's mutual weight of u and v adds the weights of u->v and v->u, which for an
 * undirected graph is 2 s(u,v); normalised by the sum (or the max) over u's neighbours
 * the 2 cancels, exactly in floating point (doubling is exact), so
 *
 *   p(u,v) = s(u,v) / S(u),  S(u) = sum over x in N(u) of s(u,x)
 *   m(u,v) = s(u,v) / max over x in N(u) of s(u,x) = s(u,v) / exp(-min cost of u)
 *   constraint(v)     = sum over n in N(v) of (p(v,n) + sum over w of p(v,w) p(w,n))^2
 *   effective_size(v) = sum over u in N(v) of (1 - sum over w of p(v,w) m(u,w))
 *
 * with the inner sums over w in N(v); a term is 0 unless w is also a neighbour of n
 * (resp. u), and there are no self-ties. So each measure reads v's row, its neighbours'
 * rows, and looks each second-hop node up in a dense scratch array marked with N(v):
 * O(sum of the neighbours' degrees), no hashing. The products are taken in networkx's
 * order; only the order of the sums differs (networkx iterates Python sets), which
 * moves the last bits. An isolated node has neither measure: NaN, as in networkx.
 */
#include <math.h>

#include "graph/csr.h"
#include "core/banned.h"

static double strength(const struct csr *g, uint32_t v)
{
	double sum = 0;
	for (uint64_t i = g->off[v]; i < g->off[v + 1]; i++)
		sum += exp(-(double)g->cost[i]);
	return sum;
}

/* Both measures read the rows of all of v's neighbours, which on a large graph lie
 * anywhere in memory. Loading them all first lets the cache misses overlap instead of
 * coming one after another down the computation. Plain loads, volatile so that the
 * compiler keeps them although their values are dropped: on the virtual machines
 * measured, __builtin_prefetch gained little (a miss there is mostly a page walk, which
 * a prefetch may give up on), loads made a million nodes' constraint three times
 * faster. A 64-byte line holds 16 entries of either array. */
static void touch_rows(const struct csr *g, uint32_t v)
{
	const volatile uint32_t *adj = g->adj;
	const volatile float *cost = g->cost;
	uint64_t lo = g->off[v], start[64];
	uint32_t len = g->off[v + 1] - lo < 64 ? (uint32_t)(g->off[v + 1] - lo) : 64;

	for (uint32_t i = 0; i < len; i++)
		start[i] = g->off[g->adj[lo + i]];
	for (uint32_t i = 0; i < len; i++) {
		uint64_t end = g->off[g->adj[lo + i] + 1];
		for (uint64_t j = start[i]; j < end; j += 16) {
			(void)adj[j];
			(void)cost[j];
		}
		if (end > start[i]) {
			(void)adj[end - 1];
			(void)cost[end - 1];
		}
	}
}

static void unmark_row(const struct csr *g, uint32_t v, struct csr_scratch *s)
{
	for (uint64_t i = g->off[v]; i < g->off[v + 1]; i++) {
		s->mark[g->adj[i]] = 0;
		s->score[g->adj[i]] = 0;
	}
}

double csr_constraint(const struct csr *g, uint32_t v, struct csr_scratch *s)
{
	uint64_t lo, hi;
	double sv, c = 0;

	if (v >= g->n || s->n < g->n || (lo = g->off[v]) == (hi = g->off[v + 1]))
		return NAN;
	touch_rows(g, v);
	sv = strength(g, v);
	for (uint64_t i = lo; i < hi; i++)
		s->mark[g->adj[i]] = 1;
	/* score[n] gathers the indirect part, sum over w of p(v,w) p(w,n) */
	for (uint64_t i = lo; i < hi; i++) {
		uint32_t w = g->adj[i];
		double pvw = exp(-(double)g->cost[i]) / sv, sw = 0;
		int any = 0;
		for (uint64_t j = g->off[w]; j < g->off[w + 1]; j++) {
			sw += exp(-(double)g->cost[j]);
			any |= s->mark[g->adj[j]] != 0;
		}
		if (!any)
			continue;
		for (uint64_t j = g->off[w]; j < g->off[w + 1]; j++) {
			uint32_t n = g->adj[j];
			if (s->mark[n])
				s->score[n] += pvw * (exp(-(double)g->cost[j]) / sw);
		}
	}
	for (uint64_t i = lo; i < hi; i++) {
		double l = exp(-(double)g->cost[i]) / sv + s->score[g->adj[i]];
		c += l * l;
	}
	unmark_row(g, v, s);
	return c;
}

double csr_effective_size(const struct csr *g, uint32_t v, struct csr_scratch *s)
{
	uint64_t lo, hi;
	double sv, e = 0;

	if (v >= g->n || s->n < g->n || (lo = g->off[v]) == (hi = g->off[v + 1]))
		return NAN;
	touch_rows(g, v);
	sv = strength(g, v);
	/* score[w] = p(v,w) for the neighbours w of v */
	for (uint64_t i = lo; i < hi; i++) {
		s->mark[g->adj[i]] = 1;
		s->score[g->adj[i]] = exp(-(double)g->cost[i]) / sv;
	}
	for (uint64_t i = lo; i < hi; i++) {
		uint32_t u = g->adj[i];
		float least = g->cost[g->off[u]];
		double r = 0, top;
		for (uint64_t j = g->off[u] + 1; j < g->off[u + 1]; j++)
			if (g->cost[j] < least)
				least = g->cost[j];
		top = exp(-(double)least);	/* u's strongest tie: exp is monotone */
		for (uint64_t j = g->off[u]; j < g->off[u + 1]; j++) {
			uint32_t w = g->adj[j];
			if (s->mark[w])
				r += s->score[w] * (exp(-(double)g->cost[j]) / top);
		}
		e += 1 - r;
	}
	unmark_row(g, v, s);
	return e;
}
