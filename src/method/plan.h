/*
 * plan.h - plan coverage and gaps (SPEC §4.5): how many good contacts each target
 * segment has, how many are missing, and what to do about each gap.
 */
#ifndef MU_METHOD_PLAN_H
#define MU_METHOD_PLAN_H

#include "core/arena.h"
#include "method/facts.h"

#define PLAN_GOOD 0.3		/* a good contact: strength at least this */
#define PLAN_NETWORKS 3		/* networks suggested per gap */

struct plan_person {
	mu_id person;
	double strength;	/* the best tie's strength towards them */
};

struct plan_network {
	mu_id network;
	size_t members;		/* current members in the segment */
	double yearly_cost;	/* major units; -1 unknown (another currency, or no fee given) */
	double score;		/* members per unit of yearly cost; -1 when free or unknown */
	int joined;		/* the plan's owner is a member already */
};

/* Someone in the segment the owner has no tie to, reachable by a warm path (SPEC §4.7). */
struct plan_reach {
	mu_id person;
	double strength;	/* the best path's strength, exp(-cost) */
	unsigned hops;
	mu_id ask;		/* the first person along it: whom to ask */
};

struct plan_segment {
	const struct m_segment *seg;
	size_t coverage;	/* people matching with s >= 0.3 */
	long gap;		/* want - coverage, 0 when covered */
	struct plan_person *revive;	/* weak contacts in the segment, strongest first */
	size_t n_revive;
	struct plan_network *networks;	/* best first */
	size_t n_networks;
	/* The third kind: strangers in the segment (no tie to the owner, no objection),
	 * for the caller to find warm paths to (the graph is not method/'s to build);
	 * the caller fills reach, best first, with at most plan_reach_room() of them. */
	mu_id *strangers;
	size_t n_strangers;
	struct plan_reach *reach;
	size_t n_reach;
};

struct plan_coverage {
	const struct m_plan *plan;
	struct plan_segment *segments;
	size_t n_segments;
	size_t suggested;	/* people suggested in all, at most the capacity */
};

/* A good contact: strength s at least PLAN_GOOD (0.3 counts). */
int plan_good(double s);

/* Does person p match the segment? Every attribute given must match: industry (NACE,
 * by division, or by section for a section letter; the person's own, else their
 * organisation's), role level and function, region (the person's, else their
 * organisation's) and size class (their organisation's). */
int plan_matches(const struct m_facts *f, const struct m_segment *s, const struct m_person *p);

void plan_coverage(const struct m_facts *f, const struct m_plan *plan, struct mu_arena *a,
		   struct plan_coverage *out);

/* How many reachable strangers segment s may still suggest: what its gap lacks after
 * the contacts to revive, within what the plan's capacity leaves. The caller adds
 * what it takes to out->suggested. */
size_t plan_reach_room(const struct plan_coverage *out, const struct plan_segment *s);

#endif
