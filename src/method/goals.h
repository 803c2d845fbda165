/*
 * goals.h - progress of a goal against its target and period (SPEC §3 goal, §4.4
 * "goals behind schedule", §4.6 non-money returns). What each metric counts is in
 * docs/method.md.
 */
#ifndef MU_METHOD_GOALS_H
#define MU_METHOD_GOALS_H

#include "method/facts.h"

struct goal_progress {
	const struct m_goal *goal;
	double value;		/* counted so far in the period (money: major units) */
	double share;		/* value / target (1 when the target is 0) */
	double elapsed;		/* share of the period gone by, in [0, 1] */
	int behind;		/* the period is running and share < elapsed */
	int skipped;		/* amounts not counted: in another currency */
	char reason[200];
};

void goal_progress(const struct m_facts *f, const struct m_goal *g, struct goal_progress *out);

#endif
