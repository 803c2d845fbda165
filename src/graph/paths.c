/*
 * paths.c - warm paths: the k least-cost simple paths of at most H ties between two
 * sets of people (SPEC §4.7), exactly, without searching the whole graph.
 *
 * The hop bound makes this a local question, answered from both ends:
 *
 *  1. Backward, a ball of radius b around the targets: b rounds of Bellman-Ford give
 *     each node within b hops of a target its hop distance hd (exact, breadth-first)
 *     and a lower bound lb on the cost of reaching a target in at most b ties.
 *  2. Forward, a depth-first walk of the simple paths from each source. With r ties
 *     left, r <= b, a step to y is taken only if y is in the ball with hd(y) <= r and,
 *     once k paths are held, cost + lb(y) does not exceed the k-th best. Any walk
 *     within the bound passes these tests, so every simple path is considered
 *     (exactness), yet the walk only reaches a node's row when it can still end well.
 *
 * b splits H between the two sides to balance their estimated work: forward about
 * (degree sum of the sources) * d^(H-b-1), backward about (that of the targets) *
 * d^(b-1), d the average degree. A single pair on a million nodes with d = 20 and H = 3
 * reads some twenty rows and four hundred marks.
 *
 * Scratch: mark[v] holds the bits below, score[v] the lower bound; list[] names every
 * node marked, so that both are cleared on the way out. The best k live sorted in the
 * caller's out[] (insertion: k is small). Costs are summed in double along the path;
 * the bounds are summed from the other end, so a prune needs a margin of 1e-12
 * relative to be sure rounding never discards a path that ties the k-th.
 */
#include <string.h>

#include "graph/csr.h"
#include "core/banned.h"

enum {
	M_TARGET = 1u << 0,
	M_SOURCE = 1u << 1,	/* a source already walked from */
	M_BALL = 1u << 2,	/* within b hops of a target: hd and score are set */
	M_IMP = 1u << 3,	/* M_IMP << (round & 1): the bound improved in that round */
	HD_SHIFT = 8,
};

#define HD(mk) ((mk) >> HD_SHIFT)
#define PRUNE_MARGIN (1 - 1e-12)
#define TOUCH_CHUNK 32

struct search {
	const struct csr *g;
	uint32_t *mark;
	double *score;
	uint32_t hops, ball;
	size_t k, found;
	struct csr_path *out;
	uint32_t node[CSR_MAX_HOPS + 1];
	double cost[CSR_MAX_HOPS + 1];
};

/* a is better than b: lower cost, then fewer hops, then the lower node sequence */
static int path_before(const struct csr_path *a, const struct csr_path *b)
{
	if (a->cost != b->cost)
		return a->cost < b->cost;
	if (a->hops != b->hops)
		return a->hops < b->hops;
	for (uint32_t i = 0; i <= a->hops; i++)
		if (a->node[i] != b->node[i])
			return a->node[i] < b->node[i];
	return 0;
}

/* the walk's path node[0..h] ends at a target: keep it if it is among the best k */
static void offer(struct search *q, uint32_t h)
{
	struct csr_path p;
	size_t i;

	memset(&p, 0, sizeof p);
	p.hops = h;
	p.cost = q->cost[h];
	memcpy(p.node, q->node, (h + 1) * sizeof p.node[0]);
	if (q->found == q->k && !path_before(&p, &q->out[q->k - 1]))
		return;
	i = q->found < q->k ? q->found++ : q->k - 1;
	for (; i > 0 && path_before(&p, &q->out[i - 1]); i--)
		q->out[i] = q->out[i - 1];
	q->out[i] = p;
}

static int on_path(const struct search *q, uint32_t d, uint32_t y)
{
	for (uint32_t i = 0; i <= d; i++)
		if (q->node[i] == y)
			return 1;
	return 0;
}

/* Load the rows of the nodes adj[lo..hi) before they are walked, so that their cache
 * misses overlap rather than come one by one down the recursion; volatile keeps the
 * loads whose values are dropped (brokerage.c says why loads, not prefetches). */
static void touch_rows(const struct csr *g, uint64_t lo, uint64_t hi)
{
	const volatile uint32_t *adj = g->adj;
	const volatile float *cost = g->cost;
	uint64_t start[TOUCH_CHUNK];

	for (uint64_t i = lo; i < hi; i++)
		start[i - lo] = g->off[g->adj[i]];
	for (uint64_t i = lo; i < hi; i++) {
		uint64_t end = g->off[g->adj[i] + 1];
		for (uint64_t j = start[i - lo]; j < end; j += 16) {
			(void)adj[j];
			(void)cost[j];
		}
		if (end > start[i - lo]) {
			(void)adj[end - 1];
			(void)cost[end - 1];
		}
	}
}

/* node[0..d] is a simple path from a source; try every next step */
static void walk(struct search *q, uint32_t d)
{
	const struct csr *g = q->g;
	uint32_t u = q->node[d], r = q->hops - d - 1;	/* ties left after the step */
	uint64_t end = g->off[u + 1];

	for (uint64_t i = g->off[u]; i < end; i++) {
		uint32_t y = g->adj[i], mk = q->mark[y];
		double lb = 0, c;

		/* beyond the ball every step is walked on: load the next rows together */
		if (r > q->ball && (i - g->off[u]) % TOUCH_CHUNK == 0)
			touch_rows(g, i, i + TOUCH_CHUNK < end ? i + TOUCH_CHUNK : end);

		if (r <= q->ball) {
			if (!(mk & M_BALL) || HD(mk) > r)
				continue;
			lb = q->score[y];
		}
		if (on_path(q, d, y))
			continue;
		c = q->cost[d] + (double)g->cost[i];
		if (q->found == q->k && (c + lb) * PRUNE_MARGIN > q->out[q->k - 1].cost)
			continue;
		q->node[d + 1] = y;
		q->cost[d + 1] = c;
		if (mk & M_TARGET)
			offer(q, d + 1);
		if (r > 0)
			walk(q, d + 1);
	}
}

static uint64_t degree_sum(const struct csr *g, const uint32_t *v, size_t len)
{
	uint64_t sum = 0;
	for (size_t i = 0; i < len; i++)
		if (v[i] < g->n)
			sum += g->off[v[i] + 1] - g->off[v[i]];
	return sum;
}

static double pow_int(double x, uint32_t e)
{
	double r = 1;
	while (e--)
		r *= x;
	return r;
}

/* the ball's radius b in 0..hops that minimises the estimated work of both sides */
static uint32_t split(const struct csr *g, const uint32_t *src, size_t nsrc,
		      const uint32_t *tgt, size_t ntgt, uint32_t hops)
{
	double d = g->n ? 2.0 * (double)g->m / g->n : 1, best = 0;
	double ds = (double)degree_sum(g, src, nsrc), dt = (double)degree_sum(g, tgt, ntgt);
	uint32_t pick = 0;

	if (d < 1)
		d = 1;
	for (uint32_t b = 0; b <= hops; b++) {
		uint32_t a = hops - b;
		double fwd = a ? ds * pow_int(d, a - 1) : (double)nsrc;
		double bwd = b ? dt * pow_int(d, b - 1) : (double)ntgt;
		if (b == 0 || fwd + bwd < best) {
			best = fwd + bwd;
			pick = b;
		}
	}
	return pick;
}

/* Mark the targets (hd 0, bound 0), then b rounds of Bellman-Ford from them. A node
 * first reached in round j is j hops away; its bound may still fall in later rounds.
 * Returns the length of s->list. */
static size_t ball(const struct csr *g, const uint32_t *tgt, size_t ntgt, uint32_t b,
		   struct csr_scratch *s)
{
	uint32_t *mark = s->mark, *list = s->list;
	double *score = s->score;
	size_t len = 0;

	for (size_t i = 0; i < ntgt; i++) {
		uint32_t t = tgt[i];
		if (t >= g->n || mark[t])
			continue;
		list[len++] = t;
		mark[t] = M_TARGET | M_BALL | M_IMP;
	}
	for (uint32_t j = 1; j <= b; j++) {
		uint32_t prev = M_IMP << ((j - 1) & 1), cur = M_IMP << (j & 1);
		size_t len0 = len;
		for (size_t i = 0; i < len0; i++) {
			uint32_t u = list[i];
			if (!(mark[u] & prev))
				continue;
			mark[u] &= ~prev;
			double lu = score[u];
			for (uint64_t e = g->off[u]; e < g->off[u + 1]; e++) {
				uint32_t y = g->adj[e];
				double c = lu + (double)g->cost[e];
				if (!mark[y]) {
					list[len++] = y;
					mark[y] = M_BALL | cur | j << HD_SHIFT;
					score[y] = c;
				} else if (c < score[y]) {
					score[y] = c;
					mark[y] |= cur;
				}
			}
		}
	}
	return len;
}

size_t csr_paths(const struct csr *g, const uint32_t *src, size_t nsrc, const uint32_t *tgt,
		 size_t ntgt, uint32_t max_hops, size_t k, struct csr_scratch *s,
		 struct csr_path *out)
{
	struct search q;
	size_t len;

	if (k == 0 || max_hops == 0 || s->n < g->n)
		return 0;
	if (max_hops > CSR_MAX_HOPS)
		max_hops = CSR_MAX_HOPS;
	memset(&q, 0, sizeof q);
	q.g = g;
	q.mark = s->mark;
	q.score = s->score;
	q.hops = max_hops;
	q.ball = split(g, src, nsrc, tgt, ntgt, max_hops);
	q.k = k;
	q.out = out;
	len = ball(g, tgt, ntgt, q.ball, s);
	for (size_t i = 0; i < nsrc; i++) {
		uint32_t v = src[i];
		uint32_t mk;
		if (v >= g->n || ((mk = s->mark[v]) & M_SOURCE))
			continue;
		/* the whole path within the ball: a source outside it has none */
		if (q.hops <= q.ball && (!(mk & M_BALL) || HD(mk) > q.hops))
			continue;
		if (!mk)
			s->list[len++] = v;
		s->mark[v] |= M_SOURCE;
		q.node[0] = v;
		q.cost[0] = 0;
		walk(&q, 0);
	}
	for (size_t i = 0; i < len; i++) {
		s->mark[s->list[i]] = 0;
		s->score[s->list[i]] = 0;
	}
	return q.found;
}
