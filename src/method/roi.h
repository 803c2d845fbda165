/*
 * roi.h - what a formal network returns, in money and not, and who meets there
 * (SPEC §4.6): cost, return, ROI, non-money returns against goals, diversity, verdict.
 */
#ifndef MU_METHOD_ROI_H
#define MU_METHOD_ROI_H

#include "core/arena.h"
#include "method/facts.h"
#include "method/goals.h"

enum roi_verdict { ROI_KEEP, ROI_REVIEW, ROI_LEAVE };
enum roi_count { RC_CUSTOMER_MEETINGS, RC_REFERRALS_GIVEN, RC_REFERRALS_RECEIVED,
		 RC_NEW_CONTACTS, RC_IDEAS, RC_ONE_TO_ONES, RC_COUNT };

extern const char *const roi_verdict_name[3];
extern const int roi_count_metric[RC_COUNT];	/* the goal metric each count is */

struct roi {
	mu_id network;
	int64_t from, to;	/* days, both included */
	double fees, time_cost, cost, money_return;	/* major units of the workspace's currency */
	int mixed;		/* amounts in another currency were left out: no ROI */
	int uncosted;		/* attendances without hours or an hourly cost */
	int has_roi;
	double roi;
	double count[RC_COUNT];	/* non-money returns in the period */
	struct goal_progress *goals;	/* the network's goals */
	size_t n_goals;
	double goals_met;	/* mean of each goal's progress against its schedule, capped at 1;
				 * -1 when there are none */
	size_t members, with_industry, with_function;
	double blau_industry, blau_function;	/* 1 - sum p^2; 0 with nobody to count */
	enum roi_verdict verdict;
	char reason[3][200];	/* in English, for people */
	const char *reason_code[3];	/* the same, for a program to say in its own words */
	double reason_value[3];	/* the ROI or the share of goals met it names; NaN for none */
	int n_reasons;
};

/* One employee in one network (seed 003): meetings attended (P or L) in the 365 days up
 * to now, their time cost, and the employee's goals in that network. */
struct participation {
	const struct m_membership *m;
	int attended;
	double time_cost;	/* major units of the hourly cost's currency */
	struct goal_progress *goals;
	size_t n_goals;
};

void participation_of(const struct m_facts *f, const struct m_membership *m,
		      struct mu_arena *a, struct participation *out);

/* The network's return over the days from..to (to capped at today). */
void roi_compute(const struct m_facts *f, mu_id network, int64_t from, int64_t to,
		 struct mu_arena *a, struct roi *out);

#endif
