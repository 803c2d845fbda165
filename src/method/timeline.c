/*
 * timeline.c - a person's history and ties (method/timeline.h).
 *
 * Seed 004 asks a networker to follow up and to say thank you; both start from
 * remembering what happened with whom. The timeline is that memory for one person:
 * every record the workspace holds about them, in the order it happened.
 */
#include <stdlib.h>
#include <string.h>

#include "method/timeline.h"
#include "core/banned.h"

#define DAY 86400

const char *const timeline_kind_name[TL_COUNT] = {
	[TL_EXCHANGE] = "exchange",
	[TL_REFERRAL] = "referral",
	[TL_ONE_TO_ONE] = "one_to_one",
	[TL_MEETING] = "meeting",
	[TL_TAKEAWAY] = "takeaway",
	[TL_TIE] = "tie",
};

struct list {
	struct timeline_item *items;
	size_t n, cap;
	struct mu_arena *ar;
};

static struct timeline_item *push(struct list *l, enum timeline_kind kind, mu_time at,
				  const void *record)
{
	if (at == M_NO_DATE)
		return NULL;
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 64;
		struct timeline_item *bigger = mu_alloc_array(l->ar, cap, sizeof *bigger);
		if (l->n)
			memcpy(bigger, l->items, l->n * sizeof *bigger);
		l->items = bigger;
		l->cap = cap;
	}
	struct timeline_item *it = &l->items[l->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->at = at;
	it->record = record;
	it->code = -1;
	return it;
}

static void meetings(const struct m_facts *f, mu_id person, struct list *l)
{
	for (size_t i = 0; i < f->n_meetings; i++) {
		const struct m_meeting *m = &f->meetings[i];
		struct timeline_item *it;
		for (size_t j = 0; j < m->n_attendance; j++)
			if (m->attendance[j].person == person &&
			    (it = push(l, TL_MEETING, m->at, m)))
				it->code = m->attendance[j].code;
		for (size_t j = 0; j < m->n_visitors; j++)
			if (m->visitors[j].person == person && (it = push(l, TL_MEETING, m->at, m)))
				it->invited_by = m->visitors[j].invited_by;
	}
}

static mu_id record_id(const struct timeline_item *it)
{
	switch (it->kind) {
	case TL_EXCHANGE: return ((const struct m_exchange *)it->record)->id;
	case TL_REFERRAL: return ((const struct m_referral *)it->record)->id;
	case TL_ONE_TO_ONE: return ((const struct m_one_to_one *)it->record)->id;
	case TL_MEETING: return ((const struct m_meeting *)it->record)->id;
	case TL_TAKEAWAY: return ((const struct m_takeaway *)it->record)->id;
	case TL_TIE: return ((const struct m_tie *)it->record)->id;
	case TL_COUNT: break;
	}
	return 0;
}

static int newest_first(const void *x, const void *y)
{
	const struct timeline_item *a = x, *b = y;
	if (a->at != b->at)
		return a->at < b->at ? 1 : -1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	mu_id i = record_id(a), j = record_id(b);
	return (i > j) - (i < j);
}

int timeline_build(const struct m_facts *f, mu_id person, struct mu_arena *ar,
		   struct timeline_item **out, size_t *n)
{
	struct list l = { .ar = ar };

	for (size_t i = 0; i < f->n_exchanges; i++) {
		const struct m_exchange *x = &f->exchanges[i];
		if (x->giver == person || x->receiver == person)
			push(&l, TL_EXCHANGE, x->at, x);
	}
	for (size_t i = 0; i < f->n_referrals; i++) {
		const struct m_referral *r = &f->referrals[i];
		if (r->giver == person || r->receiver == person || r->prospect_person == person)
			push(&l, TL_REFERRAL, m_given_at(r), r);
	}
	for (size_t i = 0; i < f->n_one_to_ones; i++) {
		const struct m_one_to_one *o = &f->one_to_ones[i];
		if (o->a == person || o->b == person)
			push(&l, TL_ONE_TO_ONE, o->at, o);
	}
	meetings(f, person, &l);
	for (size_t i = 0; i < f->n_takeaways; i++)
		if (f->takeaways[i].author == person)
			push(&l, TL_TAKEAWAY, f->takeaways[i].at, &f->takeaways[i]);
	for (size_t i = 0; i < f->n_ties; i++) {
		const struct m_tie *t = &f->ties[i];
		if ((t->a == person || t->b == person) && t->since != M_NO_DATE)
			push(&l, TL_TIE, t->since * DAY, t);
	}
	if (l.n)
		qsort(l.items, l.n, sizeof *l.items, newest_first);
	*out = l.items;
	*n = l.n;
	return 0;
}

static int strongest_first(const void *x, const void *y)
{
	const struct timeline_tie *a = x, *b = y;
	if (a->s.s != b->s.s)
		return a->s.s < b->s.s ? 1 : -1;
	return (a->tie->id > b->tie->id) - (a->tie->id < b->tie->id);
}

int timeline_ties(const struct m_facts *f, mu_id person, struct mu_arena *ar,
		  struct timeline_tie **out, size_t *n)
{
	struct contact *contacts;
	size_t k = 0;

	strength_contacts(f, ar, &contacts);
	*out = mu_alloc_array(ar, f->n_ties ? f->n_ties : 1, sizeof **out);
	for (size_t i = 0; i < f->n_ties; i++) {
		const struct m_tie *t = &f->ties[i];
		if (t->a != person && t->b != person)
			continue;
		struct timeline_tie *tt = &(*out)[k++];
		tt->tie = t;
		tt->other = t->a == person ? t->b : t->a;
		strength_compute(f, t, person, tt->other, &contacts[i], &tt->s);
	}
	if (k)
		qsort(*out, k, sizeof **out, strongest_first);
	*n = k;
	return 0;
}
