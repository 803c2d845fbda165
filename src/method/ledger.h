/*
 * ledger.h - give and take (SPEC §4.3): points each way, balance B, mutual benefit M,
 * and the flags that tell a member what to do about it.
 */
#ifndef MU_METHOD_LEDGER_H
#define MU_METHOD_LEDGER_H

#include "core/arena.h"
#include "method/facts.h"

#define LEDGER_REASON 200

enum ledger_flag {
	LF_TAKER,
	LF_GIVER_ONLY,
	LF_FADING,
	LF_THANKS_OWED,
	LF_COUNT
};

extern const char *const ledger_flag_name[LF_COUNT];

/* Seen from a: given = points a gave, received = points a got, over the window. */
struct balance {
	mu_id a, b;		/* b 0: a against the whole group */
	mu_id network;		/* 0: every network */
	double given, received;
	double balance;		/* B = (G - R)/(G + R), 0 when nothing happened */
	double mutual;		/* M = 2 min(G, R)/(G + R) */
	int n_given, n_received;	/* exchanges in the window, thanks included */
	mu_time last;		/* last exchange either way, ever; M_NO_DATE if none */
	unsigned flags;		/* bit per enum ledger_flag */
	char reason[LF_COUNT][LEDGER_REASON];
	/* what the fading and thanks_owed reasons say, for interfaces to word it */
	int64_t fading_days;	/* since the last exchange, or since the tie began */
	int fading_cadence;
	int fading_never;	/* no exchange ever: the days are since the tie began */
	int thanks_kind;	/* the first item owed a thank-you: its kind, when, from whom */
	mu_time thanks_at;
	mu_id thanks_from;
	size_t thanks_more;	/* further items owed one */
};

/* One exchange's points: closed business 3 + log10(1 + value in major units), thanks
 * 0 (counted apart), any other kind its points. */
double ledger_points(const struct m_exchange *x);

/* Exchanges between a and b (either way), or of a with anyone when b is 0; only those
 * of one network when network is not 0. */
void ledger_balance(const struct m_facts *f, mu_id a, mu_id b, mu_id network,
		    struct balance *out);

/* A received item (referral, introduction, help, closed business) and its thanks. */
struct thanks_item {
	const struct m_exchange *x;	/* what was received */
	mu_time due;			/* x->at + 7 days */
	int overdue;			/* now is past due: thanks owed */
};

/* Items received in the window by a (anyone when 0) from b (anyone when 0), of one
 * network (any when 0), whose receiver has not thanked the giver since. */
int ledger_unthanked(const struct m_facts *f, mu_id a, mu_id b, mu_id network,
		     struct mu_arena *ar, struct thanks_item **out, size_t *n);

/* The cadence of the tie between a and b in days: its own, else its tier's, else the
 * active tier's. */
int ledger_cadence(const struct m_facts *f, const struct m_tie *t);

#endif
