/*
 * cliques.c - maximal cliques through igraph's C library (not rewritten here).
 *
 * The number of maximal cliques can grow exponentially with the density of a graph, so
 * the enumeration runs through igraph's callback and stops at a limit the caller sets,
 * instead of filling memory until the process dies.
 */
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "graph/cliques.h"
#include "graph/lock.h"
#include "core/error.h"
#include "core/banned.h"

static int by_size_t(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return (a > b) - (a < b);
}

static int make_graph(igraph_t *g, size_t n, const size_t *edge, size_t n_edges)
{
	igraph_vector_int_t v;
	if (igraph_vector_int_init(&v, (igraph_integer_t)(2 * n_edges)))
		return MU_ENOMEM;
	for (size_t i = 0; i < 2 * n_edges; i++)
		VECTOR(v)[i] = (igraph_integer_t)edge[i];
	int rc = igraph_create(g, &v, (igraph_integer_t)n, IGRAPH_UNDIRECTED) ? MU_ENOMEM : 0;
	igraph_vector_int_destroy(&v);
	return rc;
}

/* The cliques so far, in growing heap arrays (copied into the arena at the end). */
struct collect {
	size_t *start, *member;
	size_t count, cap_start, members, cap_member, limit;
	int rc;
};

static int grow(size_t **a, size_t *cap, size_t need)
{
	if (need <= *cap)
		return 0;
	size_t cap2 = *cap ? *cap : 256;
	while (cap2 < need)
		cap2 *= 2;
	size_t *b = realloc(*a, cap2 * sizeof *b);
	if (!b)
		return MU_ENOMEM;
	*a = b;
	*cap = cap2;
	return 0;
}

static igraph_error_t take(const igraph_vector_int_t *clique, void *arg)
{
	struct collect *c = arg;
	size_t len = (size_t)igraph_vector_int_size(clique);
	if (c->count >= c->limit) {
		c->rc = MU_ETOOBIG;
		return IGRAPH_STOP;
	}
	if ((c->rc = grow(&c->start, &c->cap_start, c->count + 2)) < 0 ||
	    (c->rc = grow(&c->member, &c->cap_member, c->members + len)) < 0)
		return IGRAPH_STOP;
	c->start[c->count] = c->members;
	for (size_t i = 0; i < len; i++)
		c->member[c->members + i] = (size_t)VECTOR(*clique)[i];
	qsort(c->member + c->members, len, sizeof *c->member, by_size_t);
	c->members += len;
	c->start[++c->count] = c->members;
	return IGRAPH_SUCCESS;
}

int graph_maximal_cliques(size_t n, const size_t *edge, size_t n_edges, size_t min_size,
			  size_t limit, struct mu_arena *a, struct cliques *out)
{
	struct collect c = { .limit = limit };
	igraph_t g;
	int rc;

	out->count = 0;
	out->start = mu_alloc_array(a, 1, sizeof *out->start);
	out->member = NULL;
	graph_igraph_enter();
	if ((rc = make_graph(&g, n, edge, n_edges)) < 0) {
		graph_igraph_leave();
		return rc;
	}
	if (igraph_maximal_cliques_callback(&g, take, &c, (igraph_integer_t)min_size, 0) && !c.rc)
		c.rc = MU_ENOMEM;
	igraph_destroy(&g);
	graph_igraph_leave();
	if (c.rc == 0) {
		out->start = mu_alloc_array(a, c.count + 1, sizeof *out->start);
		out->member = mu_alloc_array(a, c.members, sizeof *out->member);
		if (c.count)
			memcpy(out->start, c.start, (c.count + 1) * sizeof *out->start);
		if (c.members)
			memcpy(out->member, c.member, c.members * sizeof *out->member);
		out->count = c.count;
	}
	free(c.start);
	free(c.member);
	return c.rc;
}
