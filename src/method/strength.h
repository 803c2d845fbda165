/*
 * strength.h - tie strength (SPEC §4.4): how alive a relationship is, seen from one
 * side, from five terms that each say what gave them.
 */
#ifndef MU_METHOD_STRENGTH_H
#define MU_METHOD_STRENGTH_H

#include "core/arena.h"
#include "method/facts.h"

/* What happened between two people: every interaction (an exchange either way,
 * thanks included; a one-to-one of the two; a meeting both attended, P, L or S) and
 * the points each way in the reciprocity window. */
struct contact {
	mu_time first, last;	/* M_NO_DATE when none */
	int n_year;		/* interactions in the last 365 days */
	double points[2];	/* [0] lower id -> higher id, [1] back, in the window */
};

enum strength_term { ST_RECENCY, ST_FREQUENCY, ST_DURATION, ST_MUTUAL, ST_LIKING, ST_COUNT };

extern const char *const strength_term_name[ST_COUNT];
extern const double strength_weight[ST_COUNT];

struct strength {
	mu_id a, b;		/* seen from a */
	double s;
	double term[ST_COUNT];	/* each in [0, 1]; s = sum of weight x term */
	char reason[ST_COUNT][120];
	mu_time last;		/* last interaction, M_NO_DATE if none */
};

/* The contact of one pair, by scanning the facts. */
void strength_contact(const struct m_facts *f, mu_id a, mu_id b, struct contact *out);
/* The contact of every tie at once (indexed like f->ties), in one pass. */
int strength_contacts(const struct m_facts *f, struct mu_arena *ar, struct contact **out);
/* Strength of a towards b from their contact (t: their tie, or NULL). */
void strength_compute(const struct m_facts *f, const struct m_tie *t, mu_id a, mu_id b,
		      const struct contact *c, struct strength *out);

#endif
