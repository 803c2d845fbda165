/*
 * communities.c - Leiden communities through igraph's C library, and the bridges to
 * groups (SPEC §4.8).
 *
 * Communities. igraph's Leiden optimises the quality
 *	Q = 1/(2m) sum_ij (A_ij - gamma n_i n_j) delta(c_i, c_j)
 * with node weights n_i; it is modularity when n_i is the weighted degree (strength)
 * k_i and gamma = 1 / (2m), 2m being the sum of all strengths (igraph's documentation
 * of igraph_community_leiden). Each tie goes to igraph once (a < b) with weight
 * s = exp(-cost), computed in double from the stored float as csr.h asks. Leiden is
 * randomised: the default RNG is seeded with a fixed value before each run, so the
 * same graph gives the same communities, which are then numbered by their smallest
 * node so that the numbers do not depend on igraph's labels.
 *
 * Leiden runs pass after pass, each from the partition the last one left.
 * igraph_community_leiden() promises "until an iteration changes nothing" for
 * n_iterations < 0, but before igraph 0.10.17 (commit 9239256, igraph issue #2798) its
 * loop test is inverted and it stops after one pass; Debian 12 ships 0.10.2. So the
 * passes are run here, one call each. Nor is "until nothing changes" what we want:
 * on a random graph of 100,000 nodes and degree 20 a few nodes still move after 80
 * passes of a second each, for gains of 1e-6 in modularity. The passes stop when one
 * raises modularity by less than LEIDEN_MIN_GAIN (also when it changes nothing, a gain
 * of 0), and after LEIDEN_MAX_PASSES: two, python-igraph's default n_iterations. More
 * passes buy little: on that graph 8 passes reach modularity 0.3445 (0.3453 after 88)
 * but cost 3 times igraph's time (docs/bench.md), and issue 9 asks for Leiden no slower
 * than igraph's; the first two passes give most of the gain.
 *
 * igraph 0.10 as Debian builds it is not thread-safe (IGRAPH_THREAD_SAFE 0): its RNG,
 * error handler and cleanup stack are process globals. The server computes on several
 * threads, so the seeding and the run hold the one igraph lock (graph/lock.h, which
 * cliques.c takes too); otherwise two runs could
 * interleave their random numbers and give different communities for the same graph.
 *
 * Bridges. One pass over the ties: a tie v-u with v in group g and u outside it tells
 * g that u reaches it. Per group we keep the first outside node seen and its ties, and
 * mark the group once a second distinct outside node appears: O(n + m) time, two
 * words per group.
 */
#include <math.h>
#include <stdlib.h>

#include <igraph.h>

#include "graph/communities.h"
#include "graph/lock.h"
#include "core/error.h"
#include "core/banned.h"

#define LEIDEN_SEED 42
#define LEIDEN_BETA 0.01
#define LEIDEN_MIN_GAIN 1e-4
#define LEIDEN_MAX_PASSES 2
#define NONE UINT32_MAX

static int from_igraph(igraph_error_t e)
{
	return e == IGRAPH_ENOMEM ? MU_ENOMEM : MU_EINVAL;
}

/* community[v] = v's own number: every node alone. */
static void singletons(uint32_t n, uint32_t *community, uint32_t *count)
{
	for (uint32_t v = 0; v < n; v++)
		community[v] = v;
	*count = n;
}

/* The undirected graph of g's ties of positive weight, each once, with their weights
 * in w and the nodes' strengths in strength. *total is the sum of the strengths (2m). */
static int make_graph(const struct csr *g, igraph_t *ig, igraph_vector_t *w,
		      igraph_vector_t *strength, double *total)
{
	igraph_vector_int_t edges;
	igraph_integer_t k = 0;
	igraph_error_t e;

	*total = 0;
	if ((e = igraph_vector_int_init(&edges, 0)) != IGRAPH_SUCCESS)
		return from_igraph(e);
	if ((e = igraph_vector_int_reserve(&edges, (igraph_integer_t)(2 * g->m))) ||
	    (e = igraph_vector_reserve(w, (igraph_integer_t)g->m)) ||
	    (e = igraph_vector_resize(strength, (igraph_integer_t)g->n)))
		goto out;
	for (uint32_t a = 0; a < g->n; a++) {
		double sa = 0;
		for (uint64_t i = g->off[a]; i < g->off[a + 1]; i++) {
			double s = exp(-(double)g->cost[i]);
			uint32_t b = g->adj[i];
			/* a cost beyond ~745 underflows to strength 0: no tie at all */
			if (s == 0)
				continue;
			sa += s;
			if (a < b) {
				if (k == (igraph_integer_t)g->m)
					MU_BUG("csr has more ties than m says");
				/* reserved above: these cannot fail */
				igraph_vector_int_push_back(&edges, a);
				igraph_vector_int_push_back(&edges, b);
				igraph_vector_push_back(w, s);
				k++;
			}
		}
		VECTOR(*strength)[a] = sa;
		*total += sa;
	}
	e = igraph_create(ig, &edges, (igraph_integer_t)g->n, IGRAPH_UNDIRECTED);
out:
	/* igraph_create copies the edges: free them before Leiden needs its memory */
	igraph_vector_int_destroy(&edges);
	return e ? from_igraph(e) : 0;
}

/* Renumber membership (igraph's labels 0..nlabels-1, nlabels <= n) by smallest node
 * into community; map is n entries of scratch. */
static void renumber(const igraph_vector_int_t *membership, uint32_t n,
		     igraph_integer_t nlabels, uint32_t *map, uint32_t *community,
		     uint32_t *count)
{
	uint32_t next = 0;

	for (igraph_integer_t c = 0; c < nlabels; c++)
		map[c] = NONE;
	for (uint32_t v = 0; v < n; v++) {
		igraph_integer_t c = VECTOR(*membership)[v];
		if (c < 0 || c >= nlabels)
			MU_BUG("igraph returned a community out of range");
		if (map[c] == NONE)
			map[c] = next++;
		community[v] = map[c];
	}
	*count = next;
}

/* Leiden passes, each from the partition the last one left, until a pass raises
 * modularity by less than LEIDEN_MIN_GAIN (see the top of the file): the partition,
 * numbered by smallest node, ends in community; map is n entries of scratch. */
static int leiden(const igraph_t *ig, const igraph_vector_t *w, const igraph_vector_t *strength,
		  double total, igraph_vector_int_t *membership, uint32_t *map,
		  uint32_t *community, uint32_t *count)
{
	uint32_t n = (uint32_t)igraph_vcount(ig);
	igraph_integer_t nlabels = 0;
	igraph_real_t q = 0, last;
	igraph_error_t e;

	igraph_rng_seed(igraph_rng_default(), LEIDEN_SEED);
	for (int pass = 0; pass < LEIDEN_MAX_PASSES; pass++) {
		last = q;
		/* node weights = strengths and resolution 1/(2m) make igraph's quality q
		 * modularity; the first pass starts from singletons (start 0) */
		e = igraph_community_leiden(ig, w, strength, 1.0 / total, LEIDEN_BETA, pass > 0, 1,
					    membership, &nlabels, &q);
		if (e != IGRAPH_SUCCESS)
			return from_igraph(e);
		if (pass > 0 && q - last < LEIDEN_MIN_GAIN)
			break;
	}
	if (nlabels < 0 || nlabels > (igraph_integer_t)n ||
	    igraph_vector_int_size(membership) != (igraph_integer_t)n)
		MU_BUG("igraph returned a membership of the wrong size");
	renumber(membership, n, nlabels, map, community, count);
	return 0;
}

int graph_communities(const struct csr *g, uint32_t *community, uint32_t *count)
{
	igraph_t ig;
	igraph_vector_t w, strength;
	igraph_vector_int_t membership;
	int have_graph = 0, have_w = 0, have_strength = 0, have_membership = 0;
	uint32_t *map;
	double total;
	int rc;

	*count = 0;
	if (g->n == 0)
		return 0;
	if (!(map = malloc((size_t)g->n * sizeof *map)))
		return MU_ENOMEM;
	graph_igraph_enter();
	rc = MU_ENOMEM;
	if (igraph_vector_init(&w, 0))
		goto out;
	have_w = 1;
	if (igraph_vector_init(&strength, 0))
		goto out;
	have_strength = 1;
	if (igraph_vector_int_init(&membership, 0))
		goto out;
	have_membership = 1;
	if ((rc = make_graph(g, &ig, &w, &strength, &total)) < 0)
		goto out;
	have_graph = 1;
	if (total == 0)		/* no ties: modularity is 0/0 and every node is alone */
		singletons(g->n, community, count);
	else
		rc = leiden(&ig, &w, &strength, total, &membership, map, community, count);
out:
	if (have_graph)
		igraph_destroy(&ig);
	if (have_membership)
		igraph_vector_int_destroy(&membership);
	if (have_strength)
		igraph_vector_destroy(&strength);
	if (have_w)
		igraph_vector_destroy(&w);
	graph_igraph_leave();
	free(map);
	return rc;
}

size_t graph_bridges(const struct csr *g, const uint32_t *group, uint32_t ngroups,
		     struct graph_bridge *out, size_t max)
{
	/* per group: the first outside node with a tie into it (NONE: none yet) and its
	 * ties into it, or NONE once a second outside node has appeared */
	uint32_t *first, *ties;
	size_t count = 0;

	if (ngroups == 0)
		return 0;
	first = malloc((size_t)ngroups * sizeof *first);
	ties = malloc((size_t)ngroups * sizeof *ties);
	/* as the arena does (core/arena.h): no answer is possible without memory, and the
	 * interface has no error to return */
	if (!first || !ties)
		MU_BUG("out of memory");
	for (uint32_t c = 0; c < ngroups; c++) {
		first[c] = NONE;
		ties[c] = 0;
	}
	for (uint32_t v = 0; v < g->n; v++) {
		uint32_t c = group[v];
		if (c == NONE)
			continue;
		if (c >= ngroups)
			MU_BUG("group number out of range");
		if (ties[c] == NONE)
			continue;	/* two outsiders already: no bridge */
		for (uint64_t i = g->off[v]; i < g->off[v + 1]; i++) {
			uint32_t u = g->adj[i];
			if (group[u] == c)
				continue;
			if (first[c] == NONE) {
				first[c] = u;
				ties[c] = 1;
			} else if (first[c] == u) {
				ties[c]++;
			} else {
				ties[c] = NONE;
				break;
			}
		}
	}
	for (uint32_t c = 0; c < ngroups; c++) {
		if (first[c] == NONE || ties[c] == NONE)
			continue;
		if (count < max)
			out[count] = (struct graph_bridge){ .node = first[c], .group = c,
							    .ties = ties[c] };
		count++;
	}
	free(first);
	free(ties);
	return count;
}
