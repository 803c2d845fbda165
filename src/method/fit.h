/*
 * fit.h - partner fit by the five cornerstones (SPEC §4.1) and power teams (§4.2).
 *
 * Every score comes with the plain words that explain it (docs/method.md). A fit is
 * symmetric: fit(a, b) == fit(b, a), reasons included up to the order of names.
 */
#ifndef MU_METHOD_FIT_H
#define MU_METHOD_FIT_H

#include "core/arena.h"
#include "method/facts.h"

#define FIT_REASON 200

enum fit_flag {
	FIT_DEAL_UNKNOWN = 1 << 0,	/* C5 prior 0.5: a typical deal missing or in two currencies */
	FIT_MIXED_CURRENCIES = 1 << 1,	/* closed business in two currencies: prior only */
};

struct fit_part {
	double score;
	char reason[FIT_REASON];
};

/* The inputs behind the reasons, as numbers and codes, so that an interface can say
 * them in its own language (the reasons are English). Seen from a: [0] is a's side. */
#define FIT_CODES 24
struct fit_facts {
	int liking[2];		/* C1: a's rating of b, b's of a; 0 unknown */
	int sphere[2];		/* C2: each one's sphere, -1 unknown */
	mu_id listed_by;	/* C2: the one who lists the other as a competitor, or 0 */
	double offerings;	/* C2: overlap of offering labels in one sphere, -1 other spheres */
	double industries, sizes;	/* C3: Ji and Js */
	char codes[FIT_CODES][3];	/* C3: the target industries that carry weight */
	size_t n_codes;
	unsigned shared_sizes;	/* C3: bit per size class both aim at */
	double roles, themes;	/* C4: Jr and Jt */
	int same_stages;	/* C4: all offering stages coincide (x 0.7) */
	double prior;		/* C5: P from the typical deals */
	int deals;		/* C5: 1 known in one currency, 0 not known, -1 two currencies */
	double deal[2];		/* C5: typical deals in major units, when known */
	char deal_currency[4];
	int closed;		/* C5: n, closed-business exchanges between them */
	double closed_value[2];	/* C5: closed value a -> b and b -> a, major units */
	char closed_currency[4];
	int closed_mixed;	/* C5: in two currencies: the prior only */
	double history;		/* C5: H, when there is closed business in one currency */
};

struct fit_result {
	mu_id a, b;
	double fit;
	int vetoed;
	char veto[FIT_REASON];	/* why, when vetoed (and not quiet) */
	struct fit_part c[5];	/* C1 liking .. C5 both earn */
	struct fit_facts facts;
	unsigned flags;
};

/* What fit needs beyond the facts: the closed business between each pair. */
struct fit_ctx {
	const struct m_facts *f;
	int quiet;		/* numbers only, no reasons: for the many fits of power teams */
	struct m_pairmap closed;	/* pair -> index into history */
	struct fit_history {
		mu_id lo;	/* X[0] is closed value lo -> hi, X[1] hi -> lo */
		double x[2];
		int n;
		char currency[4];
		int mixed;
	} *history;
	size_t n_history;
};

void fit_prepare(struct fit_ctx *ctx, const struct m_facts *f, struct mu_arena *a);
/* The fit of two profiles. */
void fit_pair(const struct fit_ctx *ctx, const struct m_profile *a, const struct m_profile *b,
	      struct fit_result *out);

struct fit_team {
	size_t n;		/* 3 to 5 */
	mu_id member[5];
	double contribution[5];	/* mean fit of the member to the others */
	double mean;		/* mean pairwise fit */
};

/* Power teams from the maximal cliques (of at least three) of the fit graph at the
 * threshold, cliques given as vertex numbers into people (clique c is member[start[c]
 * .. start[c + 1])): 3 to 5 members, a larger clique gives its best five
 * (docs/method.md), ranked by mean pairwise fit. fits is the n x n matrix of the
 * people, row-major. 0 or MU_ENOMEM. */
int fit_power_teams(const mu_id *people, size_t n, const double *fits,
		    const size_t *start, const size_t *member, size_t count, struct mu_arena *a,
		    struct fit_team **out, size_t *n_out);

#endif
