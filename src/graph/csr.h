/*
 * csr.h - a workspace's people and ties as a compressed sparse row graph, and the
 * questions asked of it: warm paths, people you may know, brokerage (SPEC §4.7, §4.8).
 *
 * Nodes are 0..n-1 (the caller maps person ids to them). Each undirected tie is stored
 * twice, once per end: the neighbour (uint32) and the tie's cost (float), so a tie
 * takes 16 bytes plus its share of the n + 1 offsets. The cost of a tie of strength s
 * is -ln s (>= 0): the least-cost path is the strongest chain of introductions, and
 * the weight that brokerage uses is s = exp(-cost), computed in double from the stored
 * float so that every consumer sees the same number. Each node's neighbours are sorted
 * ascending, so "is there a tie a-b" is a binary search.
 *
 * No I/O, no allocation but in csr_build(); the query functions take caller-owned
 * scratch (struct csr_scratch) so that a server thread answers without allocating.
 */
#ifndef MU_GRAPH_CSR_H
#define MU_GRAPH_CSR_H

#include <stddef.h>
#include <stdint.h>

#define CSR_MAX_HOPS 6

struct csr {
	uint32_t n;
	uint64_t m;		/* undirected ties */
	uint64_t *off;		/* n + 1 offsets into adj and cost */
	uint32_t *adj;		/* 2m neighbours, each node's ascending */
	float *cost;		/* 2m costs, -ln s, the same at both ends */
};

struct csr_edge {
	uint32_t a, b;
	double cost;		/* >= 0 */
};

/* Build g from m ties on nodes 0..n-1: self-ties are dropped, a pair given twice keeps
 * its least cost. 0, MU_EINVAL for a node >= n or a negative or non-finite cost,
 * MU_ENOMEM. Free with csr_free(). */
int csr_build(struct csr *g, uint32_t n, const struct csr_edge *e, size_t m);
void csr_free(struct csr *g);
/* Bytes held by g's arrays. */
size_t csr_bytes(const struct csr *g);
/* The cost of tie a-b, or a negative number if there is none (binary search). */
double csr_tie_cost(const struct csr *g, uint32_t a, uint32_t b);

/* Scratch space for queries on graphs of up to n nodes: csr_scratch_init allocates,
 * csr_scratch_free frees; one per thread. */
struct csr_scratch {
	uint32_t n;
	double *score;		/* n, all 0 between calls */
	uint32_t *mark;		/* n, all 0 between calls */
	uint32_t *list;		/* n */
};
int csr_scratch_init(struct csr_scratch *s, uint32_t n);
void csr_scratch_free(struct csr_scratch *s);

/* --- warm paths (SPEC §4.7) --- */

struct csr_path {
	uint32_t hops;				/* ties on the path, 1..max_hops */
	uint32_t node[CSR_MAX_HOPS + 1];	/* node[0] a source, node[hops] a target */
	double cost;				/* sum of the ties' costs, in double */
};

/* The k least-cost simple paths with at most max_hops ties (1..CSR_MAX_HOPS; more is
 * taken as CSR_MAX_HOPS) from any node of src[0..nsrc) to any node of tgt[0..ntgt) (a
 * node in both is not a path of its own; repeats and nodes >= n are ignored), best
 * first: by cost, then fewer hops, then the node sequence. Exact: every simple path
 * within the bound is considered, those through other sources or targets too. The ends
 * are lists, not n-byte flags, so that a query costs what it explores: scanning flags
 * of a million nodes alone would take longer than the query. Returns how many (<= k)
 * were written to out; 0 when k or max_hops is 0 or s is for fewer nodes than g. */
size_t csr_paths(const struct csr *g, const uint32_t *src, size_t nsrc, const uint32_t *tgt,
		 size_t ntgt, uint32_t max_hops, size_t k, struct csr_scratch *s,
		 struct csr_path *out);

/* --- people you may know (SPEC §4.8) --- */

struct csr_score {
	uint32_t node;
	double score;
};

/* Nodes two hops from u and not tied to it, by Adamic-Adar index
 * sum over common neighbours w of 1 / ln(deg w), best first (equal: lower node first),
 * at most k; keep(ctx, v) may leave candidates out (NULL keeps all). Returns how many. */
size_t csr_adamic_adar(const struct csr *g, uint32_t u, size_t k,
		       int (*keep)(void *ctx, uint32_t v), void *ctx, struct csr_scratch *s,
		       struct csr_score *out);

/* --- brokerage (SPEC §4.8): Burt's measures as networkx computes them with
 * weight = s --- */

/* Burt's constraint of v (networkx.constraint(G, weight)); NaN for an isolated node. */
double csr_constraint(const struct csr *g, uint32_t v, struct csr_scratch *s);
/* Burt's effective size of v (networkx.effective_size(G, weight)); NaN if isolated. */
double csr_effective_size(const struct csr *g, uint32_t v, struct csr_scratch *s);

#endif
