/*
 * plan.c - plan, coverage and gaps (SPEC §4.5).
 *
 * Seed 002: "Kartlägg det nätverk du redan har" - map the network you have, decide
 * which industries, roles and regions to concentrate on, and find the meeting places
 * where those people gather. Coverage counts the good contacts in each target segment;
 * each gap gets suggestions: first the weak contacts you already have there (we
 * undervalue the people around us), then networks whose members are in the segment,
 * cheapest per member first, with where they meet. Quality over quantity: the people
 * suggested never exceed the plan's capacity.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "method/plan.h"
#include "method/strength.h"
#include "enums_gen.h"
#include "core/banned.h"

#define DAY 86400

int plan_good(double s)
{
	return s >= PLAN_GOOD;
}

static int industry_matches(const char *want, const char *have)
{
	char ws[2], wd[3], hs[2], hd[3];
	if (!have || !nace_parse(want, ws, wd) || !nace_parse(have, hs, hd))
		return 0;
	return wd[0] ? strcmp(wd, hd) == 0 : strcmp(ws, hs) == 0;
}

int plan_matches(const struct m_facts *f, const struct m_segment *s, const struct m_person *p)
{
	const struct m_organisation *o = p->organisation ? m_organisation_get(f, p->organisation) : NULL;
	const char *industry = p->industry ? p->industry : o ? o->industry : NULL;
	const char *region = p->region ? p->region : o ? o->region : NULL;
	if (s->industry && !industry_matches(s->industry, industry))
		return 0;
	if (s->role_level >= 0 && p->role_level != s->role_level)
		return 0;
	if (s->role_function >= 0 && p->role_function != s->role_function)
		return 0;
	if (s->region && (!region || strcmp(s->region, region) != 0))
		return 0;
	if (s->size_class >= 0 && (!o || o->size_class != s->size_class))
		return 0;
	return 1;
}

/* The best strength towards each person: from the plan's owner, or (no owner) from
 * anyone in the workspace; -1 with no tie at all. */
static double *best_strengths(const struct m_facts *f, mu_id owner, struct mu_arena *a)
{
	double *best = mu_alloc_array(a, f->n_persons, sizeof *best);
	struct contact *contacts;
	for (size_t i = 0; i < f->n_persons; i++)
		best[i] = -1;
	strength_contacts(f, a, &contacts);
	for (size_t i = 0; i < f->n_ties; i++) {
		const struct m_tie *t = &f->ties[i];
		if (t->status != TIE_STATUS_ACTIVE || (owner && t->a != owner && t->b != owner))
			continue;
		for (int side = 0; side < 2; side++) {
			mu_id from = side ? t->b : t->a, to = side ? t->a : t->b;
			const struct m_person *p = m_person_get(f, to);
			struct strength s;
			if (!p || (owner && from != owner))
				continue;
			strength_compute(f, t, from, to, &contacts[i], &s);
			size_t k = (size_t)(p - f->persons);
			if (s.s > best[k])
				best[k] = s.s;
		}
	}
	return best;
}

static int by_strength(const void *x, const void *y)
{
	const struct plan_person *a = x, *b = y;
	if (a->strength != b->strength)
		return a->strength < b->strength ? 1 : -1;
	return (a->person > b->person) - (a->person < b->person);
}

/* A year of a network's fee in the workspace's currency, or -1. */
static double yearly_cost(const struct m_facts *f, const struct m_network *n)
{
	if (!n->fee.currency[0] || strcmp(n->fee.currency, f->currency) != 0)
		return n->fee.currency[0] ? -1 : 0;
	double fee = m_major(&n->fee);
	switch (n->fee_per) {
	case FEE_PER_YEAR:
		return fee;
	case FEE_PER_MONTH:
		return 12 * fee;
	case FEE_PER_MEETING:
		return fee * n->meetings_per_year;
	}
	return -1;
}

static int by_value(const void *x, const void *y)
{
	const struct plan_network *a = x, *b = y;
	/* free first, then the most members per unit of cost, unknown costs last */
	int ra = a->yearly_cost == 0 ? 0 : a->score >= 0 ? 1 : 2;
	int rb = b->yearly_cost == 0 ? 0 : b->score >= 0 ? 1 : 2;
	if (ra != rb)
		return ra - rb;
	if (ra == 1 && a->score != b->score)
		return a->score < b->score ? 1 : -1;
	if (a->members != b->members)
		return a->members < b->members ? 1 : -1;
	return (a->network > b->network) - (a->network < b->network);
}

static void networks_for(const struct m_facts *f, const struct m_plan *plan,
			 const struct m_segment *seg, struct mu_arena *a, struct plan_segment *out)
{
	int64_t today = f->now / DAY;
	out->networks = mu_alloc_array(a, f->n_networks, sizeof *out->networks);
	for (size_t i = 0; i < f->n_networks; i++) {
		const struct m_network *n = &f->networks[i];
		struct plan_network pn = { .network = n->id, .yearly_cost = yearly_cost(f, n), .score = -1 };
		for (size_t k = 0; k < f->n_memberships; k++) {
			const struct m_membership *m = &f->memberships[k];
			const struct m_person *p;
			if (m->network != n->id || !m_member_on(m, today))
				continue;
			if (plan->owner && m->person == plan->owner)
				pn.joined = 1;
			else if ((p = m_person_get(f, m->person)) && plan_matches(f, seg, p))
				pn.members++;
		}
		if (!pn.members)
			continue;
		if (pn.yearly_cost > 0)
			pn.score = (double)pn.members / pn.yearly_cost;
		out->networks[out->n_networks++] = pn;
	}
	qsort(out->networks, out->n_networks, sizeof *out->networks, by_value);
	if (out->n_networks > PLAN_NETWORKS)
		out->n_networks = PLAN_NETWORKS;
}

void plan_coverage(const struct m_facts *f, const struct m_plan *plan, struct mu_arena *a,
		   struct plan_coverage *out)
{
	double *best = best_strengths(f, plan->owner, a);
	size_t budget = plan->capacity >= 0 ? (size_t)plan->capacity : SIZE_MAX;

	memset(out, 0, sizeof *out);
	out->plan = plan;
	out->segments = mu_alloc_array(a, plan->n_segments, sizeof *out->segments);
	out->n_segments = plan->n_segments;
	for (size_t s = 0; s < plan->n_segments; s++) {
		struct plan_segment *ps = &out->segments[s];
		ps->seg = &plan->segments[s];
		ps->revive = mu_alloc_array(a, f->n_persons, sizeof *ps->revive);
		ps->strangers = mu_alloc_array(a, f->n_persons, sizeof *ps->strangers);
		for (size_t i = 0; i < f->n_persons; i++) {
			const struct m_person *p = &f->persons[i];
			if (p->id == plan->owner || !plan_matches(f, ps->seg, p))
				continue;
			if (plan_good(best[i]))
				ps->coverage++;
			else if (p->objection)	/* Art. 21: never suggested */
				continue;
			else if (best[i] >= 0)
				ps->revive[ps->n_revive++] = (struct plan_person){ p->id, best[i] };
			else
				ps->strangers[ps->n_strangers++] = p->id;
		}
		ps->gap = ps->seg->want > (long)ps->coverage ? ps->seg->want - (long)ps->coverage : 0;
		if (!ps->gap) {
			ps->n_revive = ps->n_strangers = 0;
			continue;
		}
		qsort(ps->revive, ps->n_revive, sizeof *ps->revive, by_strength);
		/* quality over quantity: the plan's capacity caps the people suggested, and a
		 * gap needs no more than it lacks */
		size_t take = ps->n_revive < (size_t)ps->gap ? ps->n_revive : (size_t)ps->gap;
		take = take < budget - out->suggested ? take : budget - out->suggested;
		ps->n_revive = take;
		out->suggested += take;
		networks_for(f, plan, ps->seg, a, ps);
	}
}

size_t plan_reach_room(const struct plan_coverage *out, const struct plan_segment *s)
{
	size_t budget = out->plan->capacity >= 0 ? (size_t)out->plan->capacity : SIZE_MAX;
	size_t lacks = s->gap > (long)s->n_revive ? (size_t)s->gap - s->n_revive : 0;
	size_t left = budget > out->suggested ? budget - out->suggested : 0;

	return lacks < left ? lacks : left;
}
