/*
 * strength.c - tie strength (SPEC §4.4).
 *
 * Seed 002: the contacts you already have are worth more than you think, if you keep
 * them warm. Recency weighs most; frequency, how long you have known each other,
 * whether both gain, and whether you like each other make up the rest.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "method/strength.h"
#include "method/ledger.h"
#include "enums_gen.h"
#include "core/banned.h"

#define DAY 86400

const char *const strength_term_name[ST_COUNT] = {
	"recency", "frequency", "duration", "mutual", "liking"
};
const double strength_weight[ST_COUNT] = { 0.35, 0.25, 0.10, 0.15, 0.15 };

/* Every interaction, as pairs (x, y) at t; ex is the exchange, or NULL for a meeting
 * or a one-to-one. */
typedef void (*visit_fn)(void *ctx, mu_id x, mu_id y, mu_time t, const struct m_exchange *ex);

static void each_interaction(const struct m_facts *f, visit_fn visit, void *ctx)
{
	for (size_t i = 0; i < f->n_exchanges; i++) {
		const struct m_exchange *x = &f->exchanges[i];
		if (x->at <= f->now)
			visit(ctx, x->giver, x->receiver, x->at, x);
	}
	for (size_t i = 0; i < f->n_one_to_ones; i++) {
		const struct m_one_to_one *o = &f->one_to_ones[i];
		if (o->at <= f->now)
			visit(ctx, o->a, o->b, o->at, NULL);
	}
	for (size_t i = 0; i < f->n_meetings; i++) {
		const struct m_meeting *m = &f->meetings[i];
		if (m->at > f->now)
			continue;
		for (size_t j = 0; j < m->n_attendance; j++) {
			if (!m_attended(m->attendance[j].code))
				continue;
			for (size_t k = j + 1; k < m->n_attendance; k++)
				if (m_attended(m->attendance[k].code) &&
				    m->attendance[k].person != m->attendance[j].person)
					visit(ctx, m->attendance[j].person, m->attendance[k].person,
					      m->at, NULL);
		}
	}
}

static void contact_add(const struct m_facts *f, struct contact *c, mu_id x, mu_id y, mu_time t,
			const struct m_exchange *ex)
{
	if (c->first == M_NO_DATE || t < c->first)
		c->first = t;
	if (c->last == M_NO_DATE || t > c->last)
		c->last = t;
	if (t >= f->now - 365 * (mu_time)DAY)
		c->n_year++;
	if (ex && t >= f->now - (mu_time)f->set.window_days * DAY)
		c->points[x < y ? 0 : 1] += ledger_points(ex);
}

static void contact_init(struct contact *c)
{
	memset(c, 0, sizeof *c);
	c->first = c->last = M_NO_DATE;
}

struct one_pair {
	const struct m_facts *f;
	mu_id a, b;
	struct contact *c;
};

static void visit_pair(void *ctx, mu_id x, mu_id y, mu_time t, const struct m_exchange *ex)
{
	struct one_pair *p = ctx;
	if ((x == p->a && y == p->b) || (x == p->b && y == p->a))
		contact_add(p->f, p->c, x, y, t, ex);
}

void strength_contact(const struct m_facts *f, mu_id a, mu_id b, struct contact *out)
{
	struct one_pair p = { f, a, b, out };
	contact_init(out);
	each_interaction(f, visit_pair, &p);
}

struct all_ties {
	const struct m_facts *f;
	struct contact *c;
};

static void visit_tie(void *ctx, mu_id x, mu_id y, mu_time t, const struct m_exchange *ex)
{
	struct all_ties *p = ctx;
	int32_t i = m_pairmap_get(&p->f->tie_index, x, y);
	if (i >= 0)
		contact_add(p->f, &p->c[i], x, y, t, ex);
}

int strength_contacts(const struct m_facts *f, struct mu_arena *ar, struct contact **out)
{
	struct all_ties p = { f, mu_alloc_array(ar, f->n_ties, sizeof *p.c) };
	for (size_t i = 0; i < f->n_ties; i++)
		contact_init(&p.c[i]);
	each_interaction(f, visit_tie, &p);
	/* a pair with several ties: the index points at the first, copy to the rest */
	for (size_t i = 0; i < f->n_ties; i++) {
		const struct m_tie *first = m_tie_between(f, f->ties[i].a, f->ties[i].b);
		if (first != &f->ties[i])
			p.c[i] = p.c[first - f->ties];
	}
	*out = p.c;
	return 0;
}

void strength_compute(const struct m_facts *f, const struct m_tie *t, mu_id a, mu_id b,
		      const struct contact *c, struct strength *s)
{
	memset(s, 0, sizeof *s);
	s->a = a;
	s->b = b;
	s->last = c->last;

	if (c->last == M_NO_DATE) {
		snprintf(s->reason[ST_RECENCY], sizeof s->reason[0], "no interaction on record");
	} else {
		int64_t days = m_days_since(f, c->last);
		s->term[ST_RECENCY] = exp(-(double)days / 90.0);
		snprintf(s->reason[ST_RECENCY], sizeof s->reason[0], "last interaction %lld day%s ago",
			 (long long)days, days == 1 ? "" : "s");
	}

	s->term[ST_FREQUENCY] = 1 - exp(-c->n_year / 5.0);
	snprintf(s->reason[ST_FREQUENCY], sizeof s->reason[0],
		 "%d interactions in the last 365 days", c->n_year);

	int64_t start = t && t->since != M_NO_DATE ? t->since * DAY : c->first;
	if (start == M_NO_DATE) {
		snprintf(s->reason[ST_DURATION], sizeof s->reason[0], "not known since when");
	} else {
		int64_t days = m_days_since(f, start);
		double years = (days > 0 ? (double)days : 0) / 365.25;
		s->term[ST_DURATION] = fmin(1, years / 3);
		snprintf(s->reason[ST_DURATION], sizeof s->reason[0], "known %.1f years%s", years,
			 t && t->since != M_NO_DATE ? "" : " (since the first interaction)");
	}

	double g = c->points[a < b ? 0 : 1], r = c->points[a < b ? 1 : 0];
	s->term[ST_MUTUAL] = g + r > 0 ? 2 * fmin(g, r) / (g + r) : 0;
	snprintf(s->reason[ST_MUTUAL], sizeof s->reason[0],
		 "%.1f points given, %.1f received in %d days", g, r, f->set.window_days);

	int rating = !t ? 0 : t->a == a ? t->liking_a : t->liking_b;
	s->term[ST_LIKING] = rating ? rating / 5.0 : 0.5;
	if (rating)
		snprintf(s->reason[ST_LIKING], sizeof s->reason[0], "own rating %d of 5", rating);
	else
		snprintf(s->reason[ST_LIKING], sizeof s->reason[0], "own rating not given (0.5)");

	for (int i = 0; i < ST_COUNT; i++)
		s->s += strength_weight[i] * s->term[i];
}
