/*
 * timeline.h - one person's history, newest first: what they gave and received, the
 * referrals they gave or got, their one-to-ones, the meetings they attended or
 * visited, the takeaways they wrote and when they met whom; and their ties, strongest
 * first. For the person's page of the web UI and `mutua timeline`.
 */
#ifndef MU_METHOD_TIMELINE_H
#define MU_METHOD_TIMELINE_H

#include "core/arena.h"
#include "method/facts.h"
#include "method/strength.h"

enum timeline_kind { TL_EXCHANGE, TL_REFERRAL, TL_ONE_TO_ONE, TL_MEETING, TL_TAKEAWAY,
		     TL_TIE, TL_COUNT };

extern const char *const timeline_kind_name[TL_COUNT];

struct timeline_item {
	enum timeline_kind kind;
	mu_time at;			/* a referral: when it was given; a tie: its since */
	const void *record;		/* the m_exchange, m_referral, ... of the kind */
	int code;			/* a meeting: the person's attendance code (enum
					 * attendance_code), -1 for a visitor */
	mu_id invited_by;		/* a meeting visited: who invited them (0: unknown) */
};

struct timeline_tie {
	const struct m_tie *tie;
	mu_id other;
	struct strength s;		/* seen from the person */
};

/* person's history, newest first (equal times: by kind, then by id), planned records
 * dated after f->now at the top, as the ledger lists them; a referral without any
 * step is left out (it has no date). */
int timeline_build(const struct m_facts *f, mu_id person, struct mu_arena *ar,
		   struct timeline_item **out, size_t *n);

/* person's ties, the strongest first (equal: by the tie's id). */
int timeline_ties(const struct m_facts *f, mu_id person, struct mu_arena *ar,
		  struct timeline_tie **out, size_t *n);

#endif
