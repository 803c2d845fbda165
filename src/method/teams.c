/*
 * teams.c - power teams (SPEC §4.2): groups of 3-5 members who would all be good
 * referral partners of each other, found as maximal cliques of the fit graph.
 *
 * The cliques come from the graph layer (graph/cliques.c, igraph); here they are
 * trimmed and ranked. A maximal
 * clique of more than five gives one team: its five with the best mean pairwise fit,
 * found by dropping the weakest contributor until five remain (a team meets around
 * one table; docs/method.md).
 */
#include <stdlib.h>
#include <string.h>

#include "method/fit.h"
#include "core/error.h"
#include "core/banned.h"

#define TEAM_MAX 5

static double contribution(const double *fits, size_t n, const size_t *idx, size_t k, size_t who)
{
	double sum = 0;
	for (size_t j = 0; j < k; j++)
		if (j != who)
			sum += fits[idx[who] * n + idx[j]];
	return sum / (double)(k - 1);
}

/* Keep the five of a larger clique with the best mean fit: drop the weakest member
 * (ties: the later index) until five remain. */
static size_t trim_to_five(const double *fits, size_t n, size_t *idx, size_t k)
{
	while (k > TEAM_MAX) {
		size_t worst = 0;
		double low = 2;
		for (size_t i = 0; i < k; i++) {
			double c = contribution(fits, n, idx, k, i);
			if (c <= low) {
				low = c;
				worst = i;
			}
		}
		for (size_t i = worst + 1; i < k; i++)
			idx[i - 1] = idx[i];
		k--;
	}
	return k;
}

static int by_index(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return (a > b) - (a < b);
}

static void fill_team(struct fit_team *t, const mu_id *people, const double *fits, size_t n,
		      size_t *idx, size_t k)
{
	double sum = 0;
	/* members in id order, so equal teams compare equal */
	for (size_t i = 0; i < k; i++)
		for (size_t j = i + 1; j < k; j++)
			if (people[idx[j]] < people[idx[i]]) {
				size_t s = idx[i];
				idx[i] = idx[j];
				idx[j] = s;
			}
	t->n = k;
	for (size_t i = 0; i < k; i++) {
		t->member[i] = people[idx[i]];
		t->contribution[i] = contribution(fits, n, idx, k, i);
		sum += t->contribution[i];
	}
	t->mean = sum / (double)k;	/* the mean of the means is the mean pairwise fit */
}

static int by_rank(const void *x, const void *y)
{
	const struct fit_team *a = x, *b = y;
	if (a->mean != b->mean)
		return a->mean < b->mean ? 1 : -1;
	if (a->n != b->n)
		return a->n < b->n ? 1 : -1;
	for (size_t i = 0; i < a->n; i++)
		if (a->member[i] != b->member[i])
			return a->member[i] < b->member[i] ? -1 : 1;
	return 0;
}

static int same_team(const struct fit_team *a, const struct fit_team *b)
{
	return a->n == b->n && memcmp(a->member, b->member, a->n * sizeof a->member[0]) == 0;
}

int fit_power_teams(const mu_id *people, size_t n, const double *fits,
		    const size_t *start, const size_t *member, size_t count, struct mu_arena *a,
		    struct fit_team **out, size_t *n_out)
{
	struct fit_team *teams = mu_alloc_array(a, count, sizeof *teams);
	size_t *idx = NULL, cap = 0, uniq = 0;

	for (size_t c = 0; c < count; c++) {
		size_t k = start[c + 1] - start[c];
		if (k > cap) {
			free(idx);
			cap = k;
			if (!(idx = malloc(cap * sizeof *idx)))
				return MU_ENOMEM;
		}
		memcpy(idx, member + start[c], k * sizeof *idx);
		qsort(idx, k, sizeof *idx, by_index);	/* a deterministic start for trimming */
		k = trim_to_five(fits, n, idx, k);
		fill_team(&teams[c], people, fits, n, idx, k);
	}
	free(idx);
	if (count)
		qsort(teams, count, sizeof *teams, by_rank);
	/* two large cliques can trim to the same five */
	for (size_t i = 0; i < count; i++)
		if (uniq == 0 || !same_team(&teams[uniq - 1], &teams[i]))
			teams[uniq++] = teams[i];
	*out = teams;
	*n_out = uniq;
	return 0;
}
