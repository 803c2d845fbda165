/*
 * asks.h - matching asks to the members who can answer them (SPEC §4.9): by the
 * segment their profile targets, the good contacts they have in it, and the words the
 * ask shares with what they offer.
 */
#ifndef MU_METHOD_ASKS_H
#define MU_METHOD_ASKS_H

#include "core/arena.h"
#include "method/facts.h"

#define ASK_WORDS 32		/* words of an ask looked at, at most */

struct ask_match {
	mu_id person;
	double score;		/* mean of the parts that apply, in [0, 1] */
	double profile;		/* share of the ask's segment their profile targets; -1 n/a */
	double contacts;	/* min(1, good contacts in the segment / 3); -1 n/a */
	double text;		/* share of the ask's words found in what they offer */
	size_t n_contacts;
	const char *word[ASK_WORDS];	/* the ask's words found in what they offer */
	size_t n_words;
	char reason[3][200];
	int n_reasons;
};

/* The members (people with a profile or an open offer, not the asker) who match ask
 * k, best first. */
void asks_match(const struct m_facts *f, const struct m_ask *k, struct mu_arena *a,
		struct ask_match **out, size_t *n);

#endif
