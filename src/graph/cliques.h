/*
 * cliques.h - maximal cliques of an undirected graph, by igraph (Eppstein, Löffler and
 * Strash's variant of Bron-Kerbosch). The graph layer is where igraph lives.
 */
#ifndef MU_GRAPH_CLIQUES_H
#define MU_GRAPH_CLIQUES_H

#include <stddef.h>

#include "core/arena.h"

struct cliques {
	size_t count;
	size_t *start;		/* clique i is member[start[i] .. start[i + 1]) */
	size_t *member;		/* vertex numbers, ascending within a clique */
};

/* The maximal cliques of at least min_size vertices of the graph on vertices 0..n-1
 * whose edges are the pairs (edge[2k], edge[2k + 1]), at most limit of them. Memory in
 * a. 0, MU_ETOOBIG when there are more than limit, or MU_ENOMEM. */
int graph_maximal_cliques(size_t n, const size_t *edge, size_t n_edges, size_t min_size,
			  size_t limit, struct mu_arena *a, struct cliques *out);

#endif
