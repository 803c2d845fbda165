/*
 * scorecard.h - the referral group's scorecard (SPEC §4.10): each member's measures
 * over a rolling window against the workspace's thresholds, a score and a colour, and
 * the group's totals per week and month.
 */
#ifndef MU_METHOD_SCORECARD_H
#define MU_METHOD_SCORECARD_H

#include "core/arena.h"
#include "method/facts.h"

enum sc_colour { SC_GREEN, SC_AMBER, SC_RED, SC_GREY };
extern const char *const sc_colour_name[4];

struct sc_member {
	mu_id person;
	int64_t since;			/* membership start (days), or M_NO_DATE */
	double value[SC_COUNT];		/* attendance as a rate; -1 when there was no meeting */
	double score[SC_COUNT];		/* min(1, value/threshold); -1 when not scored */
	enum sc_colour colour[SC_COUNT];
	double total;			/* mean of the scores, -1 when nothing is scored */
	size_t visitors_joined;		/* of the visitors they brought, members since */
	enum sc_colour overall;		/* grey for a new member */
};

struct sc_bucket {
	char key[12];			/* "2026-W45" or "2026-11" */
	double value[SC_COUNT];		/* attendance: how many attended */
};

struct scorecard {
	mu_id network;
	int64_t from, to;		/* days, both included */
	struct sc_member *members;
	size_t n_members;
	struct sc_bucket *weeks, *months;
	size_t n_weeks, n_months;
};

/* The scorecard of the network's current members (and leaders) on f->now. */
void scorecard_compute(const struct m_facts *f, mu_id network, struct mu_arena *a,
		       struct scorecard *out);

#endif
