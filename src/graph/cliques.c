/*
 * cliques.c - maximal cliques through igraph's C library (not rewritten here).
 */
#include <stdlib.h>

#include <igraph.h>

#include "graph/cliques.h"
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

int graph_maximal_cliques(size_t n, const size_t *edge, size_t n_edges, size_t min_size,
			  struct mu_arena *a, struct cliques *out)
{
	igraph_t g;
	igraph_vector_int_list_t list;
	int rc;

	out->count = 0;
	out->start = mu_alloc_array(a, 1, sizeof *out->start);
	out->member = NULL;
	/* errors come back as codes; igraph's default handler would abort the process */
	igraph_set_error_handler(igraph_error_handler_ignore);
	if ((rc = make_graph(&g, n, edge, n_edges)) < 0)
		return rc;
	if (igraph_vector_int_list_init(&list, 0)) {
		igraph_destroy(&g);
		return MU_ENOMEM;
	}
	if (igraph_maximal_cliques(&g, &list, (igraph_integer_t)min_size, 0)) {
		rc = MU_ENOMEM;
		goto done;
	}
	size_t count = (size_t)igraph_vector_int_list_size(&list), total = 0;
	for (size_t c = 0; c < count; c++)
		total += (size_t)igraph_vector_int_size(igraph_vector_int_list_get_ptr(&list, (igraph_integer_t)c));
	out->start = mu_alloc_array(a, count + 1, sizeof *out->start);
	out->member = mu_alloc_array(a, total, sizeof *out->member);
	for (size_t c = 0, k = 0; c < count; c++) {
		igraph_vector_int_t *v = igraph_vector_int_list_get_ptr(&list, (igraph_integer_t)c);
		size_t len = (size_t)igraph_vector_int_size(v);
		out->start[c] = k;
		for (size_t i = 0; i < len; i++)
			out->member[k + i] = (size_t)VECTOR(*v)[i];
		qsort(out->member + k, len, sizeof *out->member, by_size_t);
		k += len;
		out->start[c + 1] = k;
	}
	out->count = count;
done:
	igraph_vector_int_list_destroy(&list);
	igraph_destroy(&g);
	return rc;
}
