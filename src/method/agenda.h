/*
 * agenda.h - today's follow-up list (SPEC §4.4): whom to get in touch with, whom to
 * thank, which referrals to chase, which goals are behind, each with why and what to do.
 */
#ifndef MU_METHOD_AGENDA_H
#define MU_METHOD_AGENDA_H

#include "core/arena.h"
#include "method/facts.h"

enum agenda_kind { AG_FOLLOW_UP, AG_THANK, AG_REFERRAL, AG_GOAL, AG_COUNT };

extern const char *const agenda_kind_name[AG_COUNT];

struct agenda_item {
	enum agenda_kind kind;
	mu_id actor;		/* who should act (0: the workspace) */
	mu_id person;		/* whom it is about (0: none) */
	mu_id record;		/* the tie, exchange, referral or goal */
	mu_time due;		/* when it was or is due */
	int overdue;		/* due has passed (a thank-you may still be in time) */
	double rank;		/* follow-ups: s x days overdue */
	double strength;	/* follow-ups: s */
	long days;		/* days overdue, or since the referral moved */
	/* the facts the sentences are made of, for a face that words them itself */
	mu_time last;		/* follow-up: last contact; thanks: what was received;
				 * referral: its last move (M_NO_DATE: none) */
	int64_t met;		/* follow-up: the tie's since (days), or M_NO_DATE */
	int cadence;		/* follow-up: days between contacts */
	int tier;		/* follow-up: enum tier */
	int what;		/* thanks: enum exchange_kind; referral: enum referral_status;
				 * goal: enum goal_metric */
	mu_id giver, receiver;	/* referral */
	mu_id network;		/* goal (0: any) */
	double value, target;	/* goal: counted so far, and the target */
	double progress, elapsed; /* goal: value / target, and the share of the period gone */
	double catch_up;	/* goal: what is missing to be on schedule */
	char why[200];
	char todo[200];
};

/* The agenda on f->now, for person (0: everyone in the workspace): follow-ups ranked
 * by s x days overdue, then thanks (overdue first), referrals that have not moved in
 * 14 days, goals behind schedule. */
int agenda_build(const struct m_facts *f, mu_id person, struct mu_arena *ar,
		 struct agenda_item **out, size_t *n);

#endif
