/*
 * ledger.c - reciprocity (SPEC §4.3).
 *
 * Seed 002 ("Balans mellan att ta och ge"): a relationship lives as long as both give;
 * the one who only takes is soon left out, and the one who never gets anything back
 * stops giving. B says which way the ledger leans, M how much both gain, and the flags turn
 * that into something to do: ask, give, get in touch, or say thank you.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "method/ledger.h"
#include "enums_gen.h"
#include "core/banned.h"

#define THANKS_DAYS 7
#define DAY 86400

const char *const ledger_flag_name[LF_COUNT] = {
	[LF_TAKER] = "taker",
	[LF_GIVER_ONLY] = "giver_only",
	[LF_FADING] = "fading",
	[LF_THANKS_OWED] = "thanks_owed",
};

double ledger_points(const struct m_exchange *x)
{
	if (x->kind == EXCHANGE_KIND_CLOSED_BUSINESS)
		return 3 + log10(1 + (x->amount.currency[0] ? m_major(&x->amount) : 0));
	if (x->kind == EXCHANGE_KIND_THANKS)
		return 0;
	return x->points;
}

int ledger_cadence(const struct m_facts *f, const struct m_tie *t)
{
	if (t && t->cadence_days > 0)
		return t->cadence_days;
	return f->set.cadence_days[t && t->tier >= 0 ? t->tier : TIER_ACTIVE];
}

static int in_window(const struct m_facts *f, mu_time t)
{
	return t <= f->now && t >= f->now - (mu_time)f->set.window_days * DAY;
}

/* Does x concern a (and b, or anyone when b is 0) in the network asked for? */
static int concerns(const struct m_exchange *x, mu_id a, mu_id b, mu_id network)
{
	if (network && x->network != network)
		return 0;
	if (x->giver == a)
		return !b || x->receiver == b;
	if (x->receiver == a)
		return !b || x->giver == b;
	return 0;
}

static int needs_thanks(int kind)
{
	return kind == EXCHANGE_KIND_REFERRAL || kind == EXCHANGE_KIND_INTRODUCTION ||
	       kind == EXCHANGE_KIND_HELP || kind == EXCHANGE_KIND_CLOSED_BUSINESS;
}

/* The last thank-you each way between two people, by now. */
struct last_thanks {
	struct m_pairmap map;
	mu_time *at;		/* [2i] lower id -> higher id, [2i + 1] back */
};

static void last_thanks_build(const struct m_facts *f, struct mu_arena *ar, struct last_thanks *lt)
{
	size_t n = 0;
	for (size_t i = 0; i < f->n_exchanges; i++)
		n += f->exchanges[i].kind == EXCHANGE_KIND_THANKS;
	m_pairmap_init(&lt->map, ar, n);
	lt->at = mu_alloc_array(ar, 2 * n, sizeof *lt->at);
	size_t used = 0;
	for (size_t i = 0; i < f->n_exchanges; i++) {
		const struct m_exchange *y = &f->exchanges[i];
		if (y->kind != EXCHANGE_KIND_THANKS || y->at > f->now)
			continue;
		int32_t k = m_pairmap_put(&lt->map, y->giver, y->receiver, (int32_t)used);
		if (k == (int32_t)used) {
			lt->at[2 * used] = lt->at[2 * used + 1] = M_NO_DATE;
			used++;
		}
		mu_time *slot = &lt->at[2 * k + (y->giver < y->receiver ? 0 : 1)];
		if (*slot == M_NO_DATE || y->at > *slot)
			*slot = y->at;
	}
}

/* Has x's receiver thanked its giver since x? Any thanks since clears it: a late
 * thank-you is still one (docs/method.md). */
static int thanked(const struct last_thanks *lt, const struct m_exchange *x)
{
	int32_t k = m_pairmap_get(&lt->map, x->receiver, x->giver);
	if (k < 0)
		return 0;
	mu_time t = lt->at[2 * k + (x->receiver < x->giver ? 0 : 1)];
	return t != M_NO_DATE && t >= x->at;
}

int ledger_unthanked(const struct m_facts *f, mu_id a, mu_id b, mu_id network,
		     struct mu_arena *ar, struct thanks_item **out, size_t *n)
{
	struct last_thanks lt;
	size_t k = 0;

	last_thanks_build(f, ar, &lt);
	*out = NULL;
	for (int pass = 0; pass < 2; pass++) {
		k = 0;
		for (size_t i = 0; i < f->n_exchanges; i++) {
			const struct m_exchange *x = &f->exchanges[i];
			if ((a && x->receiver != a) || (b && x->giver != b) ||
			    (network && x->network != network) || !needs_thanks(x->kind) ||
			    !in_window(f, x->at) || thanked(&lt, x))
				continue;
			if (pass == 1) {
				(*out)[k].x = x;
				(*out)[k].due = x->at + THANKS_DAYS * DAY;
				(*out)[k].overdue = f->now > (*out)[k].due;
			}
			k++;
		}
		if (pass == 0)
			*out = mu_alloc_array(ar, k, sizeof **out);
	}
	*n = k;
	return 0;
}

static void flag(struct balance *r, enum ledger_flag fl, const char *fmt, double x, double y)
{
	r->flags |= 1u << fl;
	snprintf(r->reason[fl], sizeof r->reason[fl], fmt, x, y);
}

static void flag_fading(const struct m_facts *f, struct balance *r)
{
	const struct m_tie *t = r->b ? m_tie_between(f, r->a, r->b) : NULL;
	int cadence = ledger_cadence(f, t);
	int64_t days;
	if (r->last != M_NO_DATE)
		days = m_days_since(f, r->last);
	else if (t && t->since != M_NO_DATE)
		days = m_days_since(f, t->since * DAY);	/* known, never an exchange */
	else
		return;		/* nothing ever happened that could fade */
	if (days > 2 * (int64_t)cadence) {
		r->fading_days = days;
		r->fading_cadence = cadence;
		r->fading_never = r->last == M_NO_DATE;
		flag(r, LF_FADING, r->last != M_NO_DATE
			 ? "no exchange for %.0f days, more than twice the cadence of %.0f days"
			 : "no exchange in the %.0f days known, more than twice the cadence of %.0f days",
		     (double)days, cadence);
	}
}

static void flag_thanks(const struct m_facts *f, struct balance *r)
{
	struct mu_arena ar;
	struct thanks_item *items;
	size_t n, late = 0;
	const struct thanks_item *first = NULL;

	mu_arena_init(&ar);
	ledger_unthanked(f, r->a, r->b, r->network, &ar, &items, &n);
	for (size_t i = 0; i < n; i++)
		if (items[i].overdue && !late++)
			first = &items[i];
	if (first) {
		char when[MU_DATE_LEN];
		mu_date_format(first->x->at / DAY, when);
		r->flags |= 1u << LF_THANKS_OWED;
		r->thanks_kind = first->x->kind;
		r->thanks_at = first->x->at;
		r->thanks_from = first->x->giver;
		r->thanks_more = late - 1;
		snprintf(r->reason[LF_THANKS_OWED], sizeof r->reason[LF_THANKS_OWED],
			 "%s received %s from %s, no thanks within %d days%s",
			 enum_exchange_kind.items[first->x->kind].name, when,
			 m_person_name(f, first->x->giver), THANKS_DAYS,
			 late > 1 ? " (and more)" : "");
	}
	mu_arena_release(&ar);
}

void ledger_balance(const struct m_facts *f, mu_id a, mu_id b, mu_id network,
		    struct balance *r)
{
	memset(r, 0, sizeof *r);
	r->a = a;
	r->b = b;
	r->network = network;
	r->last = M_NO_DATE;
	for (size_t i = 0; i < f->n_exchanges; i++) {
		const struct m_exchange *x = &f->exchanges[i];
		if (!concerns(x, a, b, network) || x->at > f->now)
			continue;
		if (r->last == M_NO_DATE || x->at > r->last)
			r->last = x->at;
		if (!in_window(f, x->at))
			continue;
		if (x->giver == a) {
			r->given += ledger_points(x);
			r->n_given++;
		} else {
			r->received += ledger_points(x);
			r->n_received++;
		}
	}
	double sum = r->given + r->received;
	r->balance = sum > 0 ? (r->given - r->received) / sum : 0;
	r->mutual = sum > 0 ? 2 * fmin(r->given, r->received) / sum : 0;
	if (r->balance <= -0.6 && r->received >= 3)
		flag(r, LF_TAKER, "B %.2f <= -0.60 with %.1f points received: takes more than gives",
		     r->balance, r->received);
	if (r->balance >= 0.6 && r->given >= 3)
		flag(r, LF_GIVER_ONLY, "B %.2f >= 0.60 with %.1f points given: gives without getting",
		     r->balance, r->given);
	flag_fading(f, r);
	flag_thanks(f, r);
}
