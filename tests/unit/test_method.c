/*
 * test_method.c - the method's formulas against cases computed by hand
 * (docs/method.md shows the same numbers worked out).
 */
#include <stdlib.h>

#include "t.h"
#include "core/mtime.h"
#include "graph/cliques.h"
#include "method/agenda.h"
#include "method/asks.h"
#include "method/fit.h"
#include "method/goals.h"
#include "method/ledger.h"
#include "method/plan.h"
#include "method/roi.h"
#include "method/scorecard.h"
#include "method/strength.h"
#include "enums_gen.h"

#define DAY 86400

void test_fit(void);
void test_power_teams(void);
void test_ledger(void);
void test_strength(void);
void test_goals_agenda(void);
void test_roi(void);
void test_scorecard(void);
void test_coverage(void);
void test_asks(void);

static mu_time at(const char *s)
{
	mu_time t = 0;
	if (mu_when_parse(s, &t))
		abort();
	return t;
}

/* A small world: persons 1-4, whatever profiles, ties and exchanges a test sets. */
struct world {
	struct mu_arena a;
	struct m_facts f;
	struct m_person persons[4];
	struct m_profile profiles[4];
	struct m_tie ties[4];
	struct m_exchange exchanges[16];
	struct m_nace nace[4][3];
	struct m_offering offerings[4][2];
	const char *themes[4][2];
	mu_id competitors[4][1];
};

static void world_init(struct world *w, const char *now)
{
	static const char *const names[] = { "Anna", "Bo", "Cia", "Dan" };
	memset(w, 0, sizeof *w);
	mu_arena_init(&w->a);
	m_settings_default(&w->f.set);
	w->f.now = at(now);
	w->f.currency = "SEK";
	for (int i = 0; i < 4; i++) {
		w->persons[i].id = i + 1;
		w->persons[i].name = names[i];
	}
	w->f.persons = w->persons;
	w->f.n_persons = 4;
	w->f.profiles = w->profiles;
	w->f.ties = w->ties;
	w->f.exchanges = w->exchanges;
}

static void world_index(struct world *w)
{
	m_facts_index(&w->f, &w->a);
}

static void nace(struct world *w, int p, int k, const char *sec, const char *div)
{
	snprintf(w->nace[p][k].section, 2, "%s", sec);
	snprintf(w->nace[p][k].division, 3, "%s", div);
}

static void money(struct m_money *m, int64_t amount, const char *cur)
{
	m->amount = amount;
	snprintf(m->currency, sizeof m->currency, "%s", cur);
}

/* Anna and Bo as in docs/method.md's worked example. */
static void two_profiles(struct world *w)
{
	struct m_profile *a = &w->profiles[0], *b = &w->profiles[1];
	a->person = 1;
	a->sphere = SPHERE_PEOPLE_HR;
	w->offerings[0][0] = (struct m_offering){ "recruitment", STAGE_ACQUIRE };
	a->offerings = w->offerings[0];
	a->n_offerings = 1;
	nace(w, 0, 0, "J", "62");
	nace(w, 0, 1, "C", "");
	a->target_industries = w->nace[0];
	a->n_target_industries = 2;
	a->target_sizes = 1u << SIZE_CLASS_SMALL | 1u << SIZE_CLASS_MEDIUM;
	a->target_levels = 1u << ROLE_LEVEL_EXECUTIVE;
	a->target_functions = 1u << ROLE_FUNCTION_HR;
	w->themes[0][0] = "talent";
	w->themes[0][1] = "onboarding";
	a->themes = w->themes[0];
	a->n_themes = 2;
	money(&a->deal, 8000000, "SEK");

	b->person = 2;
	b->sphere = SPHERE_PEOPLE_HR;
	w->offerings[1][0] = (struct m_offering){ "leadership training", STAGE_DEVELOP };
	b->offerings = w->offerings[1];
	b->n_offerings = 1;
	nace(w, 1, 0, "J", "62");
	nace(w, 1, 1, "G", "47");
	b->target_industries = w->nace[1];
	b->n_target_industries = 2;
	b->target_sizes = 1u << SIZE_CLASS_MEDIUM;
	b->target_levels = 1u << ROLE_LEVEL_EXECUTIVE | 1u << ROLE_LEVEL_MANAGER;
	b->target_functions = 1u << ROLE_FUNCTION_HR;
	w->themes[1][0] = "onboarding";
	b->themes = w->themes[1];
	b->n_themes = 1;
	money(&b->deal, 2000000, "SEK");
	w->f.n_profiles = 2;

	w->ties[0] = (struct m_tie){ .id = 1, .a = 1, .b = 2, .since = M_NO_DATE, .tier = TIER_ACTIVE,
				     .status = TIE_STATUS_ACTIVE, .liking_a = 4, .liking_b = 5 };
	w->f.n_ties = 1;
}

static void fit_of(struct world *w, int i, int j, struct fit_result *r)
{
	struct fit_ctx ctx;
	world_index(w);
	fit_prepare(&ctx, &w->f, &w->a);
	fit_pair(&ctx, &w->profiles[i], &w->profiles[j], r);
}

static struct m_exchange *exchange(struct world *w, const char *when, mu_id giver, mu_id receiver,
				   int kind)
{
	struct m_exchange *x = &w->exchanges[w->f.n_exchanges];
	memset(x, 0, sizeof *x);
	x->id = (mu_id)w->f.n_exchanges + 1;
	x->at = at(when);
	x->giver = giver;
	x->receiver = receiver;
	x->kind = kind;
	x->points = enum_exchange_kind.items[kind].points;
	w->f.n_exchanges++;
	return x;
}

void test_fit(void)
{
	struct world w;
	struct fit_result r, s;

	/* the worked example: C = 0.8, 1, 2/3, 0.675, 0.5; F = 0.18^0.2 */
	world_init(&w, "2026-06-01T12:00:00Z");
	two_profiles(&w);
	fit_of(&w, 0, 1, &r);
	T_NEAR(r.c[0].score, 0.8, 1e-12, "C1 min(4, 5)/5");
	T_NEAR(r.c[1].score, 1.0, 1e-12, "C2 same sphere");
	T_STR(r.c[1].reason, "same sphere people_hr", "C2 reason: %s", r.c[1].reason);
	T_NEAR(r.c[2].score, 2.0 / 3, 1e-12, "C3 1 - (1 - 1/3)(1 - 1/2)");
	T_CHECK(strstr(r.c[2].reason, "target industries overlap 0.33 (62)") != NULL,
		"C3 reason names the matching code: %s", r.c[2].reason);
	T_NEAR(r.c[3].score, 0.675, 1e-12, "C4 0.7 x 0.75 + 0.3 x 0.5");
	T_NEAR(r.c[4].score, 0.5, 1e-12, "C5 sqrt(20000/80000)");
	T_NEAR(r.fit, pow(0.18, 0.2), 1e-12, "F = 0.18^0.2, got %f", r.fit);
	T_CHECK(!r.vetoed && r.veto[0] == '\0', "no veto");
	{
		struct fit_ctx q;
		fit_prepare(&q, &w.f, &w.a);
		q.quiet = 1;
		fit_pair(&q, &w.profiles[0], &w.profiles[1], &s);
		T_EQ(s.fit, r.fit, "numbers only: the same fit");
		T_STR(s.c[2].reason, "", "and no words");
	}
	fit_of(&w, 1, 0, &s);
	T_NEAR(s.fit, r.fit, 1e-15, "fit is symmetric");
	for (int i = 0; i < 5; i++)
		T_NEAR(s.c[i].score, r.c[i].score, 1e-15, "C%d is symmetric", i + 1);

	/* C1: one rating only, then none: 0.5 and a one-to-one first */
	w.ties[0].liking_b = 0;
	fit_of(&w, 0, 1, &r);
	T_NEAR(r.c[0].score, 0.5, 1e-12, "C1 one rating unknown");
	T_CHECK(strstr(r.c[0].reason, "meet for a one-to-one first") != NULL, "C1: %s", r.c[0].reason);
	w.f.n_ties = 0;
	fit_of(&w, 0, 1, &r);
	T_NEAR(r.c[0].score, 0.5, 1e-12, "C1 no tie");
	/* C1 veto below 0.4: rating 1 is vetoed, rating 2 (0.4) is not */
	w.f.n_ties = 1;
	w.ties[0].liking_b = 1;
	fit_of(&w, 0, 1, &r);
	T_EQ(r.fit, 0.0, "liking 1 vetoes");
	T_STR(r.veto, "liking 1 of 5: no partnership", "veto reason: %s", r.veto);
	w.ties[0].liking_b = 2;
	fit_of(&w, 0, 1, &r);
	T_CHECK(r.fit > 0 && !r.vetoed, "liking 2 is 0.4: no veto (%f)", r.fit);
	w.ties[0].liking_b = 5;

	/* C2: different spheres 0.3; a competitor listed vetoes; offerings overlapping */
	w.profiles[1].sphere = SPHERE_FINANCE_LEGAL;
	fit_of(&w, 0, 1, &r);
	T_NEAR(r.c[1].score, 0.3, 1e-12, "C2 different spheres");
	w.profiles[1].sphere = SPHERE_PEOPLE_HR;
	w.competitors[1][0] = 1;
	w.profiles[1].competitors = w.competitors[1];
	w.profiles[1].n_competitors = 1;
	fit_of(&w, 0, 1, &r);
	T_EQ(r.fit, 0.0, "a listed competitor vetoes");
	T_STR(r.veto, "competitors: Bo lists Anna", "veto says who lists whom: %s", r.veto);
	w.profiles[1].n_competitors = 0;
	w.offerings[1][1] = (struct m_offering){ "recruitment", STAGE_ACQUIRE };
	w.profiles[1].n_offerings = 2;	/* {leadership training, recruitment} vs {recruitment}: J = 0.5 */
	fit_of(&w, 0, 1, &r);
	T_EQ(r.fit, 0.0, "offerings overlap 0.5 in one sphere vetoes");
	T_CHECK(strstr(r.veto, "offerings overlap 0.50") != NULL, "veto: %s", r.veto);
	/* ... and the stages now coincide? no: {acquire} vs {develop, acquire} differ */
	T_NEAR(r.c[3].score, 0.675, 1e-12, "C4 stages differ");
	w.profiles[1].n_offerings = 1;

	/* C4: all stages coincide x 0.7 */
	w.offerings[1][0].stage = STAGE_ACQUIRE;
	fit_of(&w, 0, 1, &r);
	T_NEAR(r.c[3].score, 0.675 * 0.7, 1e-12, "C4 same stages");
	w.offerings[1][0].stage = STAGE_DEVELOP;

	/* C3: a division against its section letter, or another division of it, is 0.5 */
	nace(&w, 1, 0, "J", "");
	w.profiles[1].n_target_industries = 1;
	w.profiles[0].n_target_industries = 1;
	w.profiles[1].target_sizes = 0;
	w.profiles[0].target_sizes = 0;
	fit_of(&w, 0, 1, &r);
	T_NEAR(r.c[2].score, 0.5, 1e-12, "62 against J");
	nace(&w, 1, 0, "J", "63");
	fit_of(&w, 0, 1, &r);
	T_NEAR(r.c[2].score, 0.5, 1e-12, "62 against 63");
	w.profiles[0].n_target_industries = 0;
	w.profiles[1].n_target_industries = 0;
	fit_of(&w, 0, 1, &r);
	T_EQ(r.c[2].score, 0.0, "J of two empty sets is 0");
	T_EQ(r.fit, 0.0, "C3 zero makes the fit zero without a veto");
	T_CHECK(!r.vetoed, "not a veto");

	/* C5: unknown deal, two currencies, history, mixed history */
	mu_arena_release(&w.a);
	world_init(&w, "2026-06-01T12:00:00Z");
	two_profiles(&w);
	w.profiles[1].deal.currency[0] = '\0';
	fit_of(&w, 0, 1, &r);
	T_NEAR(r.c[4].score, 0.5, 1e-12, "C5 deal unknown");
	T_CHECK(r.flags & FIT_DEAL_UNKNOWN, "flagged deal_unknown");
	money(&w.profiles[1].deal, 2000000, "DKK");
	fit_of(&w, 0, 1, &r);
	T_NEAR(r.c[4].score, 0.5, 1e-12, "C5 deals in two currencies");
	T_CHECK(r.flags & FIT_DEAL_UNKNOWN, "flagged deal_unknown");
	money(&w.profiles[1].deal, 2000000, "SEK");
	money(&exchange(&w, "2026-03-01", 1, 2, EXCHANGE_KIND_CLOSED_BUSINESS)->amount, 1000000, "SEK");
	money(&exchange(&w, "2026-04-01", 2, 1, EXCHANGE_KIND_CLOSED_BUSINESS)->amount, 250000, "SEK");
	fit_of(&w, 0, 1, &r);
	T_NEAR(r.c[4].score, (3 * 0.5 + 2 * 0.25) / 5, 1e-12, "C5 = (3P + nH)/(3 + n)");
	fit_of(&w, 1, 0, &s);
	T_NEAR(s.c[4].score, r.c[4].score, 1e-15, "C5 symmetric");
	money(&w.exchanges[1].amount, 250000, "DKK");
	fit_of(&w, 0, 1, &r);
	T_NEAR(r.c[4].score, 0.5, 1e-12, "mixed currencies: the prior only");
	T_CHECK(r.flags & FIT_MIXED_CURRENCIES, "flagged mixed_currencies");
	T_CHECK(strstr(r.c[4].reason, "mixed currencies") != NULL, "reason: %s", r.c[4].reason);

	/* weights: a zero weight ignores its cornerstone */
	mu_arena_release(&w.a);
	world_init(&w, "2026-06-01T12:00:00Z");
	two_profiles(&w);
	w.f.set.fit_weights[4] = 0;
	fit_of(&w, 0, 1, &r);
	T_NEAR(r.fit, pow(0.8 * (2.0 / 3) * 0.675, 0.2), 1e-12, "weights from settings");
	mu_arena_release(&w.a);
}

/* The fit graph of m at min_fit, its cliques (graph layer), then the teams. */
static int teams_of(const mu_id *people, size_t n, const double *m, double min_fit,
		    struct mu_arena *a, struct fit_team **teams, size_t *n_teams)
{
	size_t *edge = mu_alloc_array(a, n * n, sizeof *edge), ne = 0;
	struct cliques cl;
	int rc;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (m[i * n + j] >= min_fit) {
				edge[2 * ne] = i;
				edge[2 * ne + 1] = j;
				ne++;
			}
	if ((rc = graph_maximal_cliques(n, edge, ne, 3, 1000, a, &cl)) < 0)
		return rc;
	return fit_power_teams(people, n, m, cl.start, cl.member, cl.count, a, teams, n_teams);
}

void test_power_teams(void)
{
	/* 1-2-3 all fit (0.8, 0.7, 0.6); 4 fits only 1; 5-6 fit each other only */
	const mu_id people[6] = { 11, 12, 13, 14, 15, 16 };
	double m[36] = { 0 };
#define SET(i, j, v) (m[(i) * 6 + (j)] = m[(j) * 6 + (i)] = (v))
	SET(0, 1, 0.8);
	SET(0, 2, 0.7);
	SET(1, 2, 0.6);
	SET(0, 3, 0.9);
	SET(4, 5, 0.9);
	SET(1, 3, 0.45);
	struct mu_arena a;
	struct fit_team *teams;
	size_t n;
	mu_arena_init(&a);
	T_EQ(teams_of(people, 6, m, 0.5, &a, &teams, &n), 0, "power teams");
	T_EQ(n, (size_t)1, "one team of three (got %zu)", n);
	if (n == 1) {
		T_EQ(teams[0].n, (size_t)3, "three members");
		T_EQ(teams[0].member[0], 11, "members in id order");
		T_NEAR(teams[0].mean, 0.7, 1e-12, "mean pairwise fit");
		T_NEAR(teams[0].contribution[0], 0.75, 1e-12, "member 11: (0.8 + 0.7)/2");
		T_NEAR(teams[0].contribution[2], 0.65, 1e-12, "member 13: (0.7 + 0.6)/2");
	}
	/* at 0.4 the pair 12-14 joins: two triangles, ranked by mean */
	T_EQ(teams_of(people, 6, m, 0.4, &a, &teams, &n), 0, "power teams at 0.4");
	T_EQ(n, (size_t)2, "two teams (got %zu)", n);
	if (n == 2) {
		T_NEAR(teams[0].mean, 2.15 / 3, 1e-12, "best first: 11-12-14 mean (0.8 + 0.9 + 0.45)/3");
		T_EQ(teams[0].member[2], 14, "11-12-14");
		T_NEAR(teams[1].mean, 0.7, 1e-12, "then 11-12-13");
	}
	/* the enumeration stops at its limit */
	{
		size_t e[6] = { 0, 1, 1, 2, 0, 2 }, e2[6] = { 3, 4, 4, 5, 3, 5 };
		size_t both[12];
		struct cliques cl;
		memcpy(both, e, sizeof e);
		memcpy(both + 6, e2, sizeof e2);
		T_EQ(graph_maximal_cliques(6, both, 6, 3, 2, &a, &cl), 0, "two triangles, limit 2");
		T_EQ(cl.count, (size_t)2, "both");
		T_EQ(graph_maximal_cliques(6, both, 6, 3, 1, &a, &cl), MU_ETOOBIG, "limit 1: too many");
	}
	/* a clique of seven keeps its best five */
	double big[49];
	mu_id seven[7] = { 1, 2, 3, 4, 5, 6, 7 };
	for (int i = 0; i < 7; i++)
		for (int j = 0; j < 7; j++)
			big[i * 7 + j] = i == j ? 0 : (i >= 5 || j >= 5) ? 0.55 : 0.9;
	T_EQ(teams_of(seven, 7, big, 0.5, &a, &teams, &n), 0, "big clique");
	T_EQ(n, (size_t)1, "one team");
	if (n == 1) {
		T_EQ(teams[0].n, (size_t)5, "five at most");
		T_EQ(teams[0].member[4], 5, "the weakest two are left out");
		T_NEAR(teams[0].mean, 0.9, 1e-12, "mean of the five");
	}
	mu_arena_release(&a);
#undef SET
}

static void balance(struct world *w, mu_id a, mu_id b, struct balance *r)
{
	world_index(w);
	ledger_balance(&w->f, a, b, 0, r);
}

void test_ledger(void)
{
	struct world w;
	struct balance r;

	world_init(&w, "2026-06-01T12:00:00Z");
	balance(&w, 1, 2, &r);
	T_EQ(r.balance, 0.0, "no history: B = 0");
	T_EQ(r.mutual, 0.0, "no history: M = 0");
	T_EQ(r.flags, 0u, "no history: no flags");

	/* G = 1, R = 3 + 1: B = -0.6 exactly, R >= 3: a taker */
	exchange(&w, "2026-05-01", 1, 2, EXCHANGE_KIND_INFORMATION);
	exchange(&w, "2026-05-02", 2, 1, EXCHANGE_KIND_ADVICE);
	exchange(&w, "2026-05-03", 2, 1, EXCHANGE_KIND_INTRODUCTION);
	exchange(&w, "2026-05-04", 2, 1, EXCHANGE_KIND_INFORMATION);
	exchange(&w, "2026-05-05", 1, 2, EXCHANGE_KIND_THANKS);
	balance(&w, 1, 2, &r);
	T_NEAR(r.given, 1, 1e-12, "G");
	T_NEAR(r.received, 4, 1e-12, "R");
	T_EQ(r.balance, -0.6, "B = -0.6 exactly (%.17g)", r.balance);
	T_NEAR(r.mutual, 0.4, 1e-12, "M = 2 x 1/5");
	T_CHECK(r.flags & (1u << LF_TAKER), "B = -0.6 is a taker");
	T_CHECK(!(r.flags & (1u << LF_THANKS_OWED)), "thanked for the introduction");
	balance(&w, 2, 1, &r);
	T_EQ(r.balance, 0.6, "seen from the other side B = 0.6");
	T_CHECK(r.flags & (1u << LF_GIVER_ONLY), "B = 0.6 with G >= 3 is giver_only");
	/* one more point given: B = (2 - 4)/6 */
	exchange(&w, "2026-05-06", 1, 2, EXCHANGE_KIND_HELP);
	balance(&w, 1, 2, &r);
	T_NEAR(r.balance, -1.0 / 3, 1e-12, "B = -1/3");
	T_CHECK(!(r.flags & (1u << LF_TAKER)), "-1/3 is not a taker");

	/* closed business: 3 + log10(1 + 9999) = 7 points; outside the window: nothing */
	mu_arena_release(&w.a);
	world_init(&w, "2026-06-01T12:00:00Z");
	money(&exchange(&w, "2026-05-01", 1, 2, EXCHANGE_KIND_CLOSED_BUSINESS)->amount, 999900, "SEK");
	exchange(&w, "2025-05-01", 2, 1, EXCHANGE_KIND_REFERRAL);
	balance(&w, 1, 2, &r);
	T_NEAR(r.given, 7, 1e-12, "closed business 3 + log10(10000)");
	T_EQ(r.received, 0.0, "a year and a month ago is outside the window");
	T_EQ(r.balance, 1.0, "B = 1");

	/* thanks owed: not on day 7, owed the second after; a thanks since clears it */
	mu_arena_release(&w.a);
	world_init(&w, "2026-05-08T09:00:00Z");
	exchange(&w, "2026-05-01T09:00:00Z", 2, 1, EXCHANGE_KIND_REFERRAL);
	balance(&w, 1, 2, &r);
	T_CHECK(!(r.flags & (1u << LF_THANKS_OWED)), "exactly 7 days after: not yet owed");
	w.f.now += 1;
	balance(&w, 1, 2, &r);
	T_CHECK(r.flags & (1u << LF_THANKS_OWED), "7 days and a second: owed");
	T_CHECK(strstr(r.reason[LF_THANKS_OWED], "referral received 2026-05-01 from Bo") != NULL,
		"reason: %s", r.reason[LF_THANKS_OWED]);
	exchange(&w, "2026-05-08T10:00:00Z", 1, 3, EXCHANGE_KIND_THANKS);
	balance(&w, 1, 2, &r);
	T_CHECK(r.flags & (1u << LF_THANKS_OWED), "thanks to someone else does not count");
	exchange(&w, "2026-05-08T09:00:00Z", 1, 2, EXCHANGE_KIND_THANKS);
	balance(&w, 1, 2, &r);
	T_CHECK(!(r.flags & (1u << LF_THANKS_OWED)), "thanks to the giver clears it");

	/* fading: no exchange for more than twice the cadence (inner: 30 days) */
	mu_arena_release(&w.a);
	world_init(&w, "2026-06-01T00:00:00Z");
	w.ties[0] = (struct m_tie){ .id = 1, .a = 1, .b = 2, .since = M_NO_DATE, .tier = TIER_INNER,
				    .status = TIE_STATUS_ACTIVE };
	w.f.n_ties = 1;
	exchange(&w, "2026-04-02T00:00:00Z", 1, 2, EXCHANGE_KIND_ADVICE);
	balance(&w, 1, 2, &r);
	T_CHECK(!(r.flags & (1u << LF_FADING)), "60 days: not fading");
	w.exchanges[0].at -= DAY;
	balance(&w, 1, 2, &r);
	T_CHECK(r.flags & (1u << LF_FADING), "61 days: fading");
	w.ties[0].cadence_days = 31;
	balance(&w, 1, 2, &r);
	T_CHECK(!(r.flags & (1u << LF_FADING)), "the tie's own cadence wins");

	/* B stays in [-1, 1] whatever happens */
	mu_arena_release(&w.a);
	world_init(&w, "2026-06-01T00:00:00Z");
	srand(7);
	int inside = 1;
	for (int round = 0; round < 200; round++) {
		w.f.n_exchanges = 0;
		for (int k = 0; k < 16; k++) {
			struct m_exchange *x = exchange(&w, "2026-05-01", 1 + rand() % 2, 0,
							rand() % EXCHANGE_KIND_COUNT);
			x->receiver = x->giver == 1 ? 2 : 1;
			x->points = rand() % 5;
			money(&x->amount, rand() % 10000000, "SEK");
		}
		balance(&w, 1, 2, &r);
		inside &= r.balance >= -1 && r.balance <= 1 && r.mutual >= 0 && r.mutual <= 1;
	}
	T_CHECK(inside, "B in [-1, 1] and M in [0, 1]");
	mu_arena_release(&w.a);
}

void test_strength(void)
{
	struct world w;
	struct contact c, all_c;
	struct strength s;

	/* last interaction 9 days ago, 5 in the year, known 1.5 years, M = 1, liking 4 */
	world_init(&w, "2026-06-01T12:00:00Z");
	w.ties[0] = (struct m_tie){ .id = 1, .a = 1, .b = 2, .since = at("2024-12-01") / DAY,
				    .tier = TIER_ACTIVE, .status = TIE_STATUS_ACTIVE, .liking_a = 4 };
	w.f.n_ties = 1;
	exchange(&w, "2026-01-10T10:00:00Z", 1, 2, EXCHANGE_KIND_ADVICE);
	exchange(&w, "2026-02-10T10:00:00Z", 2, 1, EXCHANGE_KIND_ADVICE);
	exchange(&w, "2026-03-10T10:00:00Z", 2, 1, EXCHANGE_KIND_THANKS);
	exchange(&w, "2026-04-10T10:00:00Z", 1, 2, EXCHANGE_KIND_THANKS);
	exchange(&w, "2026-05-23T10:00:00Z", 3, 4, EXCHANGE_KIND_ADVICE);	/* not theirs */
	struct m_one_to_one oo = { .id = 1, .at = at("2026-05-23T08:00:00Z"), .a = 2, .b = 1 };
	w.f.one_to_ones = &oo;
	w.f.n_one_to_ones = 1;
	world_index(&w);
	strength_contact(&w.f, 1, 2, &c);
	T_EQ(c.n_year, 5, "five interactions");
	strength_compute(&w.f, &w.ties[0], 1, 2, &c, &s);
	double years = (double)(at("2026-06-01") / DAY - at("2024-12-01") / DAY) / 365.25;
	double want = 0.35 * exp(-9.0 / 90) + 0.25 * (1 - exp(-1.0)) + 0.10 * (years / 3) +
		      0.15 * 1 + 0.15 * 0.8;
	T_NEAR(s.s, want, 1e-12, "strength %.6f, want %.6f", s.s, want);
	T_STR(s.reason[ST_RECENCY], "last interaction 9 days ago", "recency: %s", s.reason[ST_RECENCY]);
	strength_compute(&w.f, &w.ties[0], 2, 1, &c, &s);
	T_NEAR(s.term[ST_LIKING], 0.5, 1e-12, "the other side's rating is unknown: 0.5");
	struct contact *cs;
	strength_contacts(&w.f, &w.a, &cs);
	all_c = cs[0];
	T_CHECK(all_c.n_year == c.n_year && all_c.last == c.last && all_c.first == c.first &&
		all_c.points[0] == c.points[0] && all_c.points[1] == c.points[1],
		"one pair and all ties agree");
	/* no interaction: recency 0, frequency 0 */
	w.f.n_exchanges = 0;
	w.f.n_one_to_ones = 0;
	strength_contact(&w.f, 1, 2, &c);
	strength_compute(&w.f, NULL, 1, 2, &c, &s);
	T_NEAR(s.s, 0.15 * 0.5, 1e-12, "no tie, no interaction: only unknown liking");
	mu_arena_release(&w.a);
}

void test_goals_agenda(void)
{
	struct world w;
	struct goal_progress p;
	struct agenda_item *items;
	size_t n;

	world_init(&w, "2026-06-01T00:00:00Z");
	struct m_step steps[2] = { { REFERRAL_STATUS_GIVEN, at("2026-02-01") },
				   { REFERRAL_STATUS_GIVEN, at("2026-05-25") } };
	struct m_referral refs[2] = {
		{ .id = 1, .giver = 1, .receiver = 2, .status = REFERRAL_STATUS_GIVEN,
		  .history = &steps[0], .n_history = 1 },
		{ .id = 2, .giver = 1, .receiver = 3, .status = REFERRAL_STATUS_GIVEN,
		  .history = &steps[1], .n_history = 1 },
	};
	struct m_goal g = { .id = 1, .owner = 1, .metric = GOAL_METRIC_REFERRALS_GIVEN, .target = 10,
			    .from = at("2026-01-01") / DAY, .to = at("2026-12-31") / DAY };
	w.f.referrals = refs;
	w.f.n_referrals = 2;
	w.f.goals = &g;
	w.f.n_goals = 1;
	goal_progress(&w.f, &g, &p);
	T_EQ(p.value, 2.0, "two referrals given");
	T_NEAR(p.elapsed, 151.0 / 365, 1e-12, "151 of 365 days gone");
	T_CHECK(p.behind, "0.2 < 0.41: behind");

	/* a tie 100 days quiet on a 90-day cadence, one 5 days past; a referral unanswered */
	w.ties[0] = (struct m_tie){ .id = 1, .a = 1, .b = 2, .since = M_NO_DATE, .tier = TIER_ACTIVE,
				    .status = TIE_STATUS_ACTIVE, .liking_a = 5 };
	w.ties[1] = (struct m_tie){ .id = 2, .a = 1, .b = 3, .since = M_NO_DATE, .tier = TIER_ACTIVE,
				    .status = TIE_STATUS_ACTIVE, .liking_a = 5 };
	w.ties[2] = (struct m_tie){ .id = 3, .a = 1, .b = 4, .since = M_NO_DATE, .tier = TIER_ACTIVE,
				    .status = TIE_STATUS_ENDED };
	w.f.n_ties = 3;
	exchange(&w, "2026-02-21", 1, 2, EXCHANGE_KIND_ADVICE);	/* 100 days */
	exchange(&w, "2026-02-26", 3, 1, EXCHANGE_KIND_HELP);	/* 95 days, unthanked */
	world_index(&w);
	agenda_build(&w.f, 1, &w.a, &items, &n);
	T_EQ(n, (size_t)5, "two follow-ups, a thanks, a stalled referral, a goal (got %zu)", n);
	if (n == 5) {
		T_EQ(items[0].kind, AG_FOLLOW_UP, "follow-ups first");
		T_EQ(items[0].person, 2, "Bo: 10 days overdue ranks above Cia's 5");
		T_EQ(items[0].days, 10L, "10 days overdue");
		T_NEAR(items[0].rank, items[0].strength * 10, 1e-12, "rank = s x days");
		T_EQ(items[2].kind, AG_THANK, "then thanks");
		T_EQ(items[2].person, 3, "thank Cia");
		T_EQ(items[3].kind, AG_REFERRAL, "then referrals");
		T_EQ(items[3].record, 1, "only the referral quiet for 14 days or more");
		T_EQ(items[4].kind, AG_GOAL, "then goals");
	}
	agenda_build(&w.f, 4, &w.a, &items, &n);
	T_EQ(n, (size_t)0, "an ended tie is not followed up");
	mu_arena_release(&w.a);
}

/* A network with one member in 2026: 3 meetings (attended P, P, A), a won referral. */
struct roi_world {
	struct world w;
	struct m_network net;
	struct m_membership ms[4];
	struct m_meeting mt[3];
	struct m_attendance att[3];
	struct m_step won[1];
	struct m_referral ref;
	struct m_goal goal;
	struct roi r;
};

static void roi_world(struct roi_world *x)
{
	memset(x, 0, sizeof *x);
	world_init(&x->w, "2027-01-15T12:00:00Z");
	x->net = (struct m_network){ .id = 9, .name = "BNI Lund", .fee_per = FEE_PER_MEETING };
	money(&x->net.fee, 20000, "SEK");	/* 200 kr a meeting */
	x->w.f.networks = &x->net;
	x->w.f.n_networks = 1;
	x->ms[0] = (struct m_membership){ .id = 1, .network = 9, .person = 1,
					  .role = MEMBERSHIP_ROLE_MEMBER, .since = at("2025-01-01") / DAY,
					  .until = M_NO_DATE, .hours_per_meeting = 2 };
	money(&x->ms[0].hourly_cost, 50000, "SEK");	/* 500 kr an hour */
	x->w.f.memberships = x->ms;
	x->w.f.n_memberships = 1;
	const char *days[3] = { "2026-02-01T07:00:00Z", "2026-03-01T07:00:00Z", "2026-04-01T07:00:00Z" };
	for (int i = 0; i < 3; i++) {
		x->att[i] = (struct m_attendance){ 1, i < 2 ? ATTENDANCE_CODE_P : ATTENDANCE_CODE_A };
		x->mt[i] = (struct m_meeting){ .id = 20 + i, .network = 9, .at = at(days[i]),
					       .attendance = &x->att[i], .n_attendance = 1 };
	}
	x->w.f.meetings = x->mt;
	x->w.f.n_meetings = 3;
	x->won[0] = (struct m_step){ REFERRAL_STATUS_WON, at("2026-06-01T12:00:00Z") };
	x->ref = (struct m_referral){ .id = 30, .giver = 2, .receiver = 1, .network = 9,
				      .status = REFERRAL_STATUS_WON, .history = x->won, .n_history = 1 };
	x->w.f.referrals = &x->ref;
	x->w.f.n_referrals = 1;
	world_index(&x->w);
}

static void roi_of(struct roi_world *x, int64_t closed_kr)
{
	money(&x->ref.closed, closed_kr * 100, "SEK");
	roi_compute(&x->w.f, 9, at("2026-01-01") / DAY, at("2026-12-31") / DAY, &x->w.a, &x->r);
}

void test_roi(void)
{
	struct roi_world x;

	/* per meeting: 3 held x 200; time: 2 attended x 2 h x 500 */
	roi_world(&x);
	roi_of(&x, 2600);
	T_NEAR(x.r.fees, 600, 1e-9, "fees per meeting held: %f", x.r.fees);
	T_NEAR(x.r.time_cost, 2000, 1e-9, "time: 2 x 2 h x 500");
	T_NEAR(x.r.cost, 2600, 1e-9, "cost");
	T_NEAR(x.r.money_return, 2600, 1e-9, "return");
	T_CHECK(x.r.has_roi && x.r.roi == 0, "ROI 0 exactly");
	T_EQ(x.r.verdict, ROI_KEEP, "ROI 0 keeps");
	roi_of(&x, 1300);
	T_NEAR(x.r.roi, -0.5, 1e-12, "ROI -0.5");
	T_EQ(x.r.verdict, ROI_REVIEW, "ROI -0.5 exactly is review, not leave");
	roi_of(&x, 1299);
	T_EQ(x.r.verdict, ROI_LEAVE, "below -0.5 without goals: leave");

	/* per year and per month, pro rata over the 365 days of 2026 */
	x.net.fee_per = FEE_PER_YEAR;
	money(&x.net.fee, 1000000, "SEK");
	roi_of(&x, 0);
	T_NEAR(x.r.fees, 10000 * 365 / 365.25, 1e-9, "a year's fee for 365 days: %f", x.r.fees);
	x.net.fee_per = FEE_PER_MONTH;
	money(&x.net.fee, 100000, "SEK");
	roi_of(&x, 0);
	T_NEAR(x.r.fees, 1000 * 12 * 365 / 365.25, 1e-9, "monthly fee: %f", x.r.fees);
	/* a member from July pays from July */
	x.ms[0].since = at("2026-07-01") / DAY;
	roi_of(&x, 0);
	T_NEAR(x.r.fees, 1000 * 12 * 184 / 365.25, 1e-9, "184 days of membership");
	x.ms[0].since = at("2025-01-01") / DAY;

	/* mixed currencies: no ROI */
	money(&x.ms[0].hourly_cost, 50000, "DKK");
	roi_of(&x, 5000);
	T_CHECK(x.r.mixed && !x.r.has_roi, "an hourly cost in DKK: no ROI");
	money(&x.ms[0].hourly_cost, 50000, "SEK");

	/* goals at their boundaries, with ROI below -0.5 */
	x.net.fee_per = FEE_PER_MEETING;
	money(&x.net.fee, 20000, "SEK");
	x.goal = (struct m_goal){ .id = 40, .network = 9, .metric = GOAL_METRIC_REFERRALS_RECEIVED,
				  .target = 1.25, .from = at("2026-01-01") / DAY, .to = at("2026-12-31") / DAY };
	x.won[0].status = REFERRAL_STATUS_GIVEN;	/* given in the period: one referral received */
	x.w.f.goals = &x.goal;
	x.w.f.n_goals = 1;
	roi_of(&x, 0);
	T_NEAR(x.r.goals_met, 0.8, 1e-12, "1 of 1.25: 80 %%");
	T_EQ(x.r.verdict, ROI_KEEP, "goals 80 %% met keep a network that loses money");
	x.goal.target = 2;
	roi_of(&x, 0);
	T_EQ(x.r.verdict, ROI_REVIEW, "goals 50 %% met: review");
	x.goal.target = 2.5;
	roi_of(&x, 0);
	T_EQ(x.r.verdict, ROI_LEAVE, "goals 40 %% met and ROI -1: leave");
	T_NEAR(x.r.count[RC_REFERRALS_RECEIVED], 1, 1e-12, "the referral counts as received");

	/* Blau over industry sections: J, J, C and one unknown -> 1 - (4/9 + 1/9) */
	const char *ind[4] = { "62", "63.1", "C", NULL };
	for (int i = 0; i < 4; i++) {
		x.w.persons[i].industry = ind[i];
		x.w.persons[i].role_function = i < 2 ? ROLE_FUNCTION_HR : -1;
		x.ms[i] = x.ms[0];
		x.ms[i].id = 1 + i;
		x.ms[i].person = 1 + i;
	}
	x.ms[3].role = MEMBERSHIP_ROLE_VISITOR;	/* visitors are not members */
	x.ms[2].until = at("2026-06-30") / DAY;	/* gone by the end of the period */
	x.w.f.n_memberships = 4;
	roi_of(&x, 0);
	T_EQ(x.r.members, (size_t)2, "members at the end of the period");
	x.ms[2].until = M_NO_DATE;
	x.ms[3].role = MEMBERSHIP_ROLE_MEMBER;
	roi_of(&x, 0);
	T_EQ(x.r.with_industry, (size_t)3, "three with an industry");
	T_NEAR(x.r.blau_industry, 4.0 / 9, 1e-12, "Blau over sections J, J, C");
	T_NEAR(x.r.blau_function, 0, 1e-12, "two with a function, both hr: 0");
	mu_arena_release(&x.w.a);
}

void test_scorecard(void)
{
	struct world w;
	struct m_network net = { .id = 9, .name = "BNI Lund" };
	struct m_membership ms[2] = {
		{ .id = 1, .network = 9, .person = 1, .role = MEMBERSHIP_ROLE_MEMBER,
		  .since = M_NO_DATE, .until = M_NO_DATE },
		{ .id = 2, .network = 9, .person = 2, .role = MEMBERSHIP_ROLE_LEADER,
		  .since = 0, .until = M_NO_DATE },
	};
	struct m_meeting mt[11];
	struct m_attendance att[11][2];
	struct m_visitor vis = { 3, 2 };
	struct m_step steps[3];
	struct m_referral refs[3];
	struct m_one_to_one oo[6];
	struct m_takeaway tk = { .id = 1, .network = 9, .author = 1 };
	struct scorecard sc;

	world_init(&w, "2026-06-30T12:00:00Z");
	ms[1].since = at("2026-06-01") / DAY;	/* a month: new */
	/* ten meetings, Anna present at nine; an eleventh she missed ill (M, excused) */
	for (int i = 0; i < 11; i++) {
		att[i][0] = (struct m_attendance){ 1, i == 3 ? ATTENDANCE_CODE_A : i == 10 ?
						   ATTENDANCE_CODE_M : ATTENDANCE_CODE_P };
		att[i][1] = (struct m_attendance){ 2, ATTENDANCE_CODE_P };
		mt[i] = (struct m_meeting){ .id = 10 + i, .network = 9,
					    .at = at("2026-06-29T07:00:00Z") - (mu_time)i * 7 * DAY,
					    .attendance = att[i], .n_attendance = 2,
					    .visitors = i == 0 ? &vis : NULL, .n_visitors = i == 0 };
	}
	for (int i = 0; i < 3; i++) {
		steps[i] = (struct m_step){ REFERRAL_STATUS_GIVEN, at("2026-05-01") + (mu_time)i * DAY };
		refs[i] = (struct m_referral){ .id = 30 + i, .giver = 1, .receiver = 3, .network = 9,
					       .status = REFERRAL_STATUS_GIVEN, .history = &steps[i],
					       .n_history = 1 };
	}
	for (int i = 0; i < 6; i++)
		oo[i] = (struct m_one_to_one){ .id = 40 + i, .at = at("2026-04-01") + (mu_time)i * DAY,
					       .a = 1, .b = 4 };
	tk.at = at("2026-06-10");
	w.f.networks = &net;
	w.f.n_networks = 1;
	w.f.memberships = ms;
	w.f.n_memberships = 2;
	w.f.meetings = mt;
	w.f.n_meetings = 11;
	w.f.referrals = refs;
	w.f.n_referrals = 3;
	w.f.one_to_ones = oo;
	w.f.n_one_to_ones = 6;
	w.f.takeaways = &tk;
	w.f.n_takeaways = 1;
	world_index(&w);
	scorecard_compute(&w.f, 9, &w.a, &sc);
	T_EQ(sc.n_members, (size_t)2, "two current members");
	const struct sc_member *a = &sc.members[0];
	T_NEAR(a->value[SC_ATTENDANCE], 0.9, 1e-12, "9 of 10, the M excused");
	T_EQ(a->colour[SC_ATTENDANCE], SC_GREEN, "0.9 meets the threshold");
	T_NEAR(a->score[SC_REFERRALS_GIVEN], 0.5, 1e-12, "3 of 6");
	T_EQ(a->colour[SC_REFERRALS_GIVEN], SC_AMBER, "0.5 exactly is amber");
	T_EQ(a->score[SC_CLOSED_RECEIVED], -1.0, "threshold 0: not scored");
	T_NEAR(a->score[SC_TAKEAWAYS], 0.5, 1e-12, "1 of 2");
	T_EQ(a->colour[SC_VISITORS], SC_RED, "no visitor: red");
	/* (1 + 0.5 + 0 + 1 + 0.5) / 5 */
	T_NEAR(a->total, 0.6, 1e-12, "mean score");
	T_EQ(a->overall, SC_AMBER, "amber");
	T_EQ(sc.members[1].overall, SC_GREY, "a member of a month is grey");
	T_NEAR(sc.members[1].value[SC_VISITORS], 1, 1e-12, "Bo brought a visitor");
	T_EQ(sc.members[1].visitors_joined, (size_t)0, "who has not joined");
	struct m_membership joins[3] = { ms[0], ms[1],
					 { .id = 3, .network = 9, .person = 3, .role = MEMBERSHIP_ROLE_MEMBER,
					   .since = at("2026-06-29") / DAY, .until = M_NO_DATE } };
	w.f.memberships = joins;
	w.f.n_memberships = 3;
	scorecard_compute(&w.f, 9, &w.a, &sc);
	T_EQ(sc.members[1].visitors_joined, (size_t)1, "Cia joined the day she visited");
	w.f.memberships = ms;
	w.f.n_memberships = 2;
	/* one visitor of Anna's makes it (1 + 0.5 + 1 + 1 + 0.5) / 5 = 0.8: green exactly */
	vis.invited_by = 1;
	scorecard_compute(&w.f, 9, &w.a, &sc);
	T_NEAR(sc.members[0].total, 0.8, 1e-12, "0.8");
	T_EQ(sc.members[0].overall, SC_GREEN, "0.8 exactly is green");
	w.f.set.sc_green = 0.81;
	scorecard_compute(&w.f, 9, &w.a, &sc);
	T_EQ(sc.members[0].overall, SC_AMBER, "below the green band: amber");
	/* totals: the week of 2026-06-29 holds one meeting with two present, one visitor */
	T_STR(sc.weeks[sc.n_weeks - 1].key, "2026-W27", "the last ISO week");
	T_NEAR(sc.weeks[sc.n_weeks - 1].value[SC_ATTENDANCE], 2, 1e-12, "two attended");
	T_STR(sc.months[sc.n_months - 1].key, "2026-06", "the last month");
	T_NEAR(sc.months[sc.n_months - 1].value[SC_TAKEAWAYS], 1, 1e-12, "a takeaway in June");
	mu_arena_release(&w.a);
}

void test_coverage(void)
{
	struct world w;
	struct m_organisation orgs[1] = { { .id = 50, .industry = "62.01", .region = "SE-M",
					    .size_class = SIZE_CLASS_SMALL } };
	struct m_segment seg = { .industry = "62", .region = "SE-M", .role_level = ROLE_LEVEL_EXECUTIVE,
				 .role_function = -1, .size_class = SIZE_CLASS_SMALL, .want = 3 };
	struct m_plan plan = { .id = 60, .owner = 1, .capacity = 1, .segments = &seg, .n_segments = 1 };
	struct m_network net = { .id = 9, .name = "IT-forum", .fee_per = FEE_PER_MONTH, .purpose = -1,
				 .openness = -1 };
	struct m_membership ms = { .id = 70, .network = 9, .person = 4, .role = MEMBERSHIP_ROLE_MEMBER,
				   .since = M_NO_DATE, .until = M_NO_DATE };
	struct plan_coverage cov;

	T_CHECK(plan_good(0.3), "0.3 exactly is a good contact");
	T_CHECK(!plan_good(nextafter(0.3, 0)), "just below is not");

	world_init(&w, "2026-06-01T12:00:00Z");
	for (int i = 1; i < 4; i++) {
		w.persons[i].organisation = 50;	/* 62.01, SE-M, small through the organisation */
		w.persons[i].role_level = ROLE_LEVEL_EXECUTIVE;
	}
	w.persons[3].role_level = ROLE_LEVEL_MANAGER;	/* Dan: another level, out */
	w.f.organisations = orgs;
	w.f.n_organisations = 1;
	T_CHECK(plan_matches(&w.f, &seg, &w.persons[1]), "Bo matches through his organisation");
	T_CHECK(!plan_matches(&w.f, &seg, &w.persons[3]), "Dan is a manager");
	seg.industry = "J";
	T_CHECK(plan_matches(&w.f, &seg, &w.persons[1]), "a section letter matches its divisions");
	seg.industry = "63";
	T_CHECK(!plan_matches(&w.f, &seg, &w.persons[1]), "another division does not");
	seg.industry = "62";

	/* Anna: a strong tie to Bo (known 3 years, liking 5, advice today: s = 0.35 + 0.25(1 -
	 * e^-0.2) + 0.10 + 0 + 0.15 > 0.3), weak ties to Cia (known 3 years, liking 5: 0.25)
	 * and to Dan (out of the segment) */
	w.ties[0] = (struct m_tie){ .id = 1, .a = 1, .b = 2, .since = at("2023-01-01") / DAY,
				    .tier = TIER_ACTIVE, .status = TIE_STATUS_ACTIVE, .liking_a = 5 };
	w.ties[1] = (struct m_tie){ .id = 2, .a = 3, .b = 1, .since = at("2023-01-01") / DAY,
				    .tier = TIER_ACTIVE, .status = TIE_STATUS_ACTIVE, .liking_b = 5 };
	w.ties[2] = (struct m_tie){ .id = 3, .a = 1, .b = 4, .since = M_NO_DATE,
				    .tier = TIER_ACTIVE, .status = TIE_STATUS_ACTIVE };
	w.f.n_ties = 3;
	exchange(&w, "2026-06-01T09:00:00Z", 1, 2, EXCHANGE_KIND_ADVICE);
	w.f.plans = &plan;
	w.f.n_plans = 1;
	w.persons[3].role_level = ROLE_LEVEL_EXECUTIVE;	/* Dan in, through the network */
	w.persons[3].organisation = 50;
	w.f.networks = &net;
	w.f.n_networks = 1;
	money(&net.fee, 50000, "SEK");	/* 500 a month: 6000 a year */
	w.f.memberships = &ms;
	w.f.n_memberships = 1;
	world_index(&w);
	plan_coverage(&w.f, &plan, &w.a, &cov);
	T_EQ(cov.segments[0].coverage, (size_t)1, "Bo is the one good contact");
	T_EQ(cov.segments[0].gap, 2L, "want 3, gap 2");
	T_EQ(cov.segments[0].n_revive, (size_t)1, "capacity 1: one to revive");
	T_EQ(cov.segments[0].revive[0].person, 3, "Cia, strength 0.25, first");
	T_NEAR(cov.segments[0].revive[0].strength, 0.25, 1e-12, "her strength");
	T_EQ(cov.segments[0].n_networks, (size_t)1, "one network with a member in the segment");
	T_NEAR(cov.segments[0].networks[0].yearly_cost, 6000, 1e-9, "12 x 500");
	T_NEAR(cov.segments[0].networks[0].score, 1.0 / 6000, 1e-15, "one member per 6000");
	plan.capacity = -1;
	plan_coverage(&w.f, &plan, &w.a, &cov);
	T_EQ(cov.segments[0].n_revive, (size_t)2, "no capacity given: every weak contact (Cia, Dan)");
	mu_arena_release(&w.a);
}

void test_asks(void)
{
	struct world w;
	struct m_ask k = { .id = 80, .person = 1, .text = "Introduktion till CFO:er inom detaljhandel",
			   .open = 1, .has_segment = 1,
			   .segment = { .industry = "47", .role_level = -1,
					.role_function = ROLE_FUNCTION_FINANCE, .region = "SE-M",
					.size_class = -1 } };
	struct m_offer of = { .id = 81, .person = 3, .text = "Nätverk bland CFO:er i detaljhandeln", .open = 1 };
	struct ask_match *ms;
	size_t n;

	world_init(&w, "2026-06-01T12:00:00Z");
	two_profiles(&w);	/* Anna (the asker) and Bo: Bo targets 62 and 47, hr */
	w.profiles[2] = (struct m_profile){ .person = 3, .sphere = -1 };	/* Cia: only an offer */
	w.f.n_profiles = 3;
	w.f.asks = &k;
	w.f.n_asks = 1;
	w.f.offers = &of;
	w.f.n_offers = 1;
	world_index(&w);
	asks_match(&w.f, &k, &w.a, &ms, &n);
	T_EQ(n, (size_t)2, "Bo and Cia match, not the asker (got %zu)", n);
	if (n == 2) {
		/* Cia: words cfo, detaljhandel of (introduktion, cfo, detaljhandel) = 2/3,
		 * profile 0 of 3, contacts 0: (0 + 0 + 2/3) / 3 */
		T_EQ(ms[0].person, 3, "Cia first");
		T_NEAR(ms[0].text, 2.0 / 3, 1e-12, "two of the three words");
		T_NEAR(ms[0].score, 2.0 / 9, 1e-12, "mean of the three parts");
		/* Bo: industry 47 targeted, hr is not finance, no region: 1/3; no words */
		T_NEAR(ms[1].profile, 1.0 / 3, 1e-12, "Bo aims at one of three attributes");
		T_NEAR(ms[1].score, 1.0 / 9, 1e-12, "Bo's score");
		T_STR(ms[1].reason[0], "their profile aims at 33 % of the segment", "reason: %s",
		      ms[1].reason[0]);
	}
	of.open = 0;
	asks_match(&w.f, &k, &w.a, &ms, &n);
	T_EQ(n, (size_t)1, "a closed offer says nothing");
	mu_arena_release(&w.a);
}
