/*
 * agenda.c - what to do today (SPEC §4.4).
 *
 * Seed 004 ("møde hinanden regelmæssigt; følge op ... og huske at sige tak"):
 * networking is a habit of follow-up: keep in touch on a cadence, say thank you, and
 * report back on the referrals you get. The agenda lists exactly
 * those, most valuable first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "method/agenda.h"
#include "method/goals.h"
#include "method/ledger.h"
#include "method/strength.h"
#include "enums_gen.h"
#include "core/banned.h"

#define DAY 86400
#define STALLED_DAYS 14

const char *const agenda_kind_name[AG_COUNT] = {
	[AG_FOLLOW_UP] = "follow_up",
	[AG_THANK] = "thank",
	[AG_REFERRAL] = "referral",
	[AG_GOAL] = "goal",
};

struct list {
	struct agenda_item *items;
	size_t n, cap;
	struct mu_arena *ar;
};

static struct agenda_item *push(struct list *l, enum agenda_kind kind)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 64;
		struct agenda_item *bigger = mu_alloc_array(l->ar, cap, sizeof *bigger);
		if (l->n)
			memcpy(bigger, l->items, l->n * sizeof *bigger);
		l->items = bigger;
		l->cap = cap;
	}
	struct agenda_item *it = &l->items[l->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->last = it->met = M_NO_DATE;
	it->overdue = kind != AG_THANK;	/* the rest are listed because they are late */
	return it;
}

static void date_text(mu_time t, char out[MU_DATE_LEN])
{
	mu_date_format(m_day_of(t), out);
}

static void follow_up(const struct m_facts *f, const struct m_tie *t, mu_id me,
		      const struct contact *c, struct list *l)
{
	mu_id other = t->a == me ? t->b : t->a;
	const struct m_person *them = m_person_get(f, other);
	int cadence = ledger_cadence(f, t);
	mu_time ref = c->last != M_NO_DATE ? c->last : t->since != M_NO_DATE ? t->since * DAY
									     : M_NO_DATE;
	int64_t overdue = ref != M_NO_DATE ? m_days_since(f, ref) - cadence : cadence;
	if (overdue <= 0 || (them && them->objection))	/* Art. 21: never suggested */
		return;
	struct strength s;
	strength_compute(f, t, me, other, c, &s);
	struct agenda_item *it = push(l, AG_FOLLOW_UP);
	it->actor = me;
	it->person = other;
	it->record = t->id;
	it->due = ref != M_NO_DATE ? ref + (mu_time)cadence * DAY : f->now;
	it->strength = s.s;
	it->days = (long)overdue;
	it->rank = s.s * (double)overdue;
	it->last = c->last;
	it->met = t->since;
	it->cadence = cadence;
	it->tier = t->tier;
	char when[MU_DATE_LEN];
	if (c->last != M_NO_DATE) {
		date_text(c->last, when);
		snprintf(it->why, sizeof it->why,
			 "last in touch %s, %lld days past the %d-day cadence of this %s tie (strength %.2f)",
			 when, (long long)overdue, cadence, enum_tier.items[t->tier].name, s.s);
	} else if (t->since != M_NO_DATE) {
		date_text(t->since * DAY, when);
		snprintf(it->why, sizeof it->why,
			 "no contact on record since you met on %s, %lld days past the %d-day cadence"
			 " of this %s tie (strength %.2f)", when, (long long)overdue, cadence,
			 enum_tier.items[t->tier].name, s.s);
	} else {
		snprintf(it->why, sizeof it->why,
			 "no contact on record with this %s tie; its cadence is %d days (strength %.2f)",
			 enum_tier.items[t->tier].name, cadence, s.s);
	}
	snprintf(it->todo, sizeof it->todo, "get in touch with %s: a call, a coffee or something useful to share",
		 m_person_name(f, other));
}

static void follow_ups(const struct m_facts *f, mu_id person, struct list *l)
{
	struct contact *contacts;
	strength_contacts(f, l->ar, &contacts);
	for (size_t i = 0; i < f->n_ties; i++) {
		const struct m_tie *t = &f->ties[i];
		if (t->status != TIE_STATUS_ACTIVE || (person && t->a != person && t->b != person))
			continue;
		follow_up(f, t, person ? person : t->a, &contacts[i], l);
	}
}

static void thanks(const struct m_facts *f, mu_id person, struct list *l)
{
	struct thanks_item *items;
	size_t n;
	ledger_unthanked(f, person, 0, 0, l->ar, &items, &n);
	for (size_t i = 0; i < n; i++) {
		const struct m_exchange *x = items[i].x;
		struct agenda_item *it = push(l, AG_THANK);
		char when[MU_DATE_LEN], due[MU_DATE_LEN];
		date_text(x->at, when);
		date_text(items[i].due, due);
		it->actor = x->receiver;
		it->person = x->giver;
		it->record = x->id;
		it->due = items[i].due;
		it->overdue = items[i].overdue;
		it->days = items[i].overdue ? (long)m_days_since(f, items[i].due) : 0;
		it->last = x->at;
		it->what = x->kind;
		snprintf(it->why, sizeof it->why, "%s from %s on %s, not thanked yet%s",
			 enum_exchange_kind.items[x->kind].name, m_person_name(f, x->giver), when,
			 items[i].overdue ? ": more than 7 days ago" : "");
		snprintf(it->todo, sizeof it->todo, "thank %s%s%s", m_person_name(f, x->giver),
			 items[i].overdue ? "" : " by ", items[i].overdue ? "" : due);
	}
}

static mu_time last_move(const struct m_referral *r)
{
	mu_time t = M_NO_DATE;
	for (size_t i = 0; i < r->n_history; i++)
		if (t == M_NO_DATE || r->history[i].at > t)
			t = r->history[i].at;
	return t;
}

static void referrals(const struct m_facts *f, mu_id person, struct list *l)
{
	for (size_t i = 0; i < f->n_referrals; i++) {
		const struct m_referral *r = &f->referrals[i];
		mu_time moved = last_move(r);
		if (r->status == REFERRAL_STATUS_WON || r->status == REFERRAL_STATUS_LOST ||
		    moved == M_NO_DATE || m_days_since(f, moved) < STALLED_DAYS ||
		    (person && r->giver != person && r->receiver != person))
			continue;
		int giver = !person || r->giver == person;
		struct agenda_item *it = push(l, AG_REFERRAL);
		char when[MU_DATE_LEN];
		date_text(moved, when);
		it->actor = giver ? r->giver : r->receiver;
		it->person = giver ? r->receiver : r->giver;
		it->record = r->id;
		it->due = moved + STALLED_DAYS * DAY;
		it->days = (long)m_days_since(f, moved);
		it->last = moved;
		it->what = r->status;
		it->giver = r->giver;
		it->receiver = r->receiver;
		snprintf(it->why, sizeof it->why, "referral from %s to %s still '%s' since %s (%ld days)",
			 m_person_name(f, r->giver), m_person_name(f, r->receiver),
			 enum_referral_status.items[r->status].name, when, it->days);
		if (giver)
			snprintf(it->todo, sizeof it->todo, "ask %s how it is going",
				 m_person_name(f, r->receiver));
		else
			snprintf(it->todo, sizeof it->todo, "tell %s how it is going and update the status",
				 m_person_name(f, r->giver));
	}
}

static void goals(const struct m_facts *f, mu_id person, struct list *l)
{
	for (size_t i = 0; i < f->n_goals; i++) {
		const struct m_goal *g = &f->goals[i];
		struct goal_progress p;
		if (person && g->owner && g->owner != person)
			continue;
		goal_progress(f, g, &p);
		if (!p.behind)
			continue;
		struct agenda_item *it = push(l, AG_GOAL);
		it->actor = g->owner;
		it->record = g->id;
		it->due = (g->to + 1) * DAY;
		snprintf(it->why, sizeof it->why, "behind schedule: %s", p.reason);
		double missing = p.elapsed * g->target - p.value;
		it->what = g->metric;
		it->network = g->network;
		it->value = p.value;
		it->target = g->target;
		it->progress = p.share;
		it->elapsed = p.elapsed;
		it->catch_up = missing;
		snprintf(it->todo, sizeof it->todo, "catch up %.0f to be on schedule%s%s", missing,
			 g->network ? " in " : "",
			 g->network && m_network_get(f, g->network) ? m_network_get(f, g->network)->name : "");
	}
}

static int by_rank(const void *x, const void *y)
{
	const struct agenda_item *a = x, *b = y;
	if (a->rank != b->rank)
		return a->rank < b->rank ? 1 : -1;
	return (a->record > b->record) - (a->record < b->record);
}

static int by_due(const void *x, const void *y)
{
	const struct agenda_item *a = x, *b = y;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return (a->record > b->record) - (a->record < b->record);
}

int agenda_build(const struct m_facts *f, mu_id person, struct mu_arena *ar,
		 struct agenda_item **out, size_t *n)
{
	struct list l = { .ar = ar };
	size_t start[AG_COUNT + 1];

	start[AG_FOLLOW_UP] = l.n;
	follow_ups(f, person, &l);
	start[AG_THANK] = l.n;
	thanks(f, person, &l);
	start[AG_REFERRAL] = l.n;
	referrals(f, person, &l);
	start[AG_GOAL] = l.n;
	goals(f, person, &l);
	start[AG_COUNT] = l.n;

	*out = l.items;
	*n = l.n;
	if (l.n == 0)
		return 0;
	qsort(l.items + start[AG_FOLLOW_UP], start[AG_THANK] - start[AG_FOLLOW_UP],
	      sizeof *l.items, by_rank);
	for (int k = AG_THANK; k < AG_COUNT; k++)
		qsort(l.items + start[k], start[k + 1] - start[k], sizeof *l.items, by_due);
	return 0;
}
