/*
 * goals.c - counting what a goal measures, in its period, up to now.
 *
 * Seed 003: a company that sends its people to networks should agree beforehand what
 * each participation is to bring, and follow it up; the same goals feed the network's
 * return (§4.6) and the agenda (§4.4).
 */
#include <stdio.h>
#include <string.h>

#include "method/goals.h"
#include "core/text.h"
#include "enums_gen.h"
#include "core/banned.h"

#define DAY 86400

struct span {
	const struct m_facts *f;
	const struct m_goal *g;
};

static int in_period(const struct span *sp, mu_time t)
{
	return t <= sp->f->now && t >= sp->g->from * DAY && t < (sp->g->to + 1) * DAY;
}

static int whose(const struct span *sp, mu_id person)
{
	return !sp->g->owner || sp->g->owner == person;
}

static int where(const struct span *sp, mu_id network)
{
	return !sp->g->network || sp->g->network == network;
}

static double count_exchanges(const struct span *sp, int kind, int by_giver, int *skipped)
{
	double v = 0;
	for (size_t i = 0; i < sp->f->n_exchanges; i++) {
		const struct m_exchange *x = &sp->f->exchanges[i];
		if (x->kind != kind || !in_period(sp, x->at) || !where(sp, x->network) ||
		    !whose(sp, by_giver ? x->giver : x->receiver))
			continue;
		if (kind != EXCHANGE_KIND_CLOSED_BUSINESS)
			v += 1;
		else if (x->amount.currency[0] && strcmp(x->amount.currency, sp->f->currency) == 0)
			v += m_major(&x->amount);
		else if (x->amount.currency[0])
			(*skipped)++;
	}
	return v;
}

static double count_referrals(const struct span *sp, int given)
{
	double v = 0;
	for (size_t i = 0; i < sp->f->n_referrals; i++) {
		const struct m_referral *r = &sp->f->referrals[i];
		mu_time t = m_given_at(r);
		if (t != M_NO_DATE && in_period(sp, t) && where(sp, r->network) &&
		    whose(sp, given ? r->giver : r->receiver))
			v += 1;
	}
	return v;
}

/* A tie names the network it came from in how_met ("met at BNI Lund"). */
static int met_there(const struct span *sp, const struct m_tie *t)
{
	const struct m_network *n = sp->g->network ? m_network_get(sp->f, sp->g->network) : NULL;
	if (!sp->g->network)
		return 1;
	return n && n->name && t->how_met && text_contains_folded(t->how_met, n->name);
}

static double count_new_contacts(const struct span *sp)
{
	double v = 0;
	for (size_t i = 0; i < sp->f->n_ties; i++) {
		const struct m_tie *t = &sp->f->ties[i];
		if (t->since != M_NO_DATE && in_period(sp, t->since * DAY) &&
		    (whose(sp, t->a) || whose(sp, t->b)) && met_there(sp, t))
			v += 1;
	}
	return v;
}

static double count_ideas(const struct span *sp)
{
	double v = 0;
	for (size_t i = 0; i < sp->f->n_takeaways; i++) {
		const struct m_takeaway *k = &sp->f->takeaways[i];
		v += k->idea && in_period(sp, k->at) && where(sp, k->network) && whose(sp, k->author);
	}
	return v;
}

static double count_one_to_ones(const struct span *sp)
{
	double v = 0;
	for (size_t i = 0; i < sp->f->n_one_to_ones; i++) {
		const struct m_one_to_one *o = &sp->f->one_to_ones[i];
		/* a workspace goal counts each one-to-one once */
		v += in_period(sp, o->at) && (whose(sp, o->a) || whose(sp, o->b));
	}
	return v;
}

static double count_meetings(const struct span *sp, int visitors)
{
	double v = 0;
	for (size_t i = 0; i < sp->f->n_meetings; i++) {
		const struct m_meeting *m = &sp->f->meetings[i];
		if (!in_period(sp, m->at) || !where(sp, m->network))
			continue;
		if (visitors) {
			for (size_t j = 0; j < m->n_visitors; j++)
				v += m->visitors[j].invited_by && whose(sp, m->visitors[j].invited_by);
			continue;
		}
		for (size_t j = 0; j < m->n_attendance; j++) {
			v += m_attended(m->attendance[j].code) && whose(sp, m->attendance[j].person);
		}
	}
	return v;
}

static double measure(const struct span *sp, int *skipped)
{
	switch (sp->g->metric) {
	case GOAL_METRIC_CUSTOMER_MEETINGS:
		return count_exchanges(sp, EXCHANGE_KIND_MEETING, 0, skipped);
	case GOAL_METRIC_REFERRALS_GIVEN:
		return count_referrals(sp, 1);
	case GOAL_METRIC_REFERRALS_RECEIVED:
		return count_referrals(sp, 0);
	case GOAL_METRIC_CLOSED_VALUE:
		/* the thank-you for closed business is written by the one who earned */
		return count_exchanges(sp, EXCHANGE_KIND_CLOSED_BUSINESS, 1, skipped);
	case GOAL_METRIC_NEW_CONTACTS:
		return count_new_contacts(sp);
	case GOAL_METRIC_IDEAS:
		return count_ideas(sp);
	case GOAL_METRIC_ONE_TO_ONES:
		return count_one_to_ones(sp);
	case GOAL_METRIC_ATTENDANCE:
		return count_meetings(sp, 0);
	case GOAL_METRIC_VISITORS:
		return count_meetings(sp, 1);
	}
	return 0;
}

void goal_progress(const struct m_facts *f, const struct m_goal *g, struct goal_progress *out)
{
	struct span sp = { f, g };
	int64_t today = m_day_of(f->now);
	int64_t days = g->to + 1 - g->from;

	memset(out, 0, sizeof *out);
	out->goal = g;
	out->value = measure(&sp, &out->skipped);
	out->share = g->target > 0 ? out->value / g->target : 1;
	out->elapsed = days > 0 ? (double)(today - g->from) / (double)days : 1;
	out->elapsed = out->elapsed < 0 ? 0 : out->elapsed > 1 ? 1 : out->elapsed;
	out->behind = today >= g->from && today <= g->to && out->share < out->elapsed;
	snprintf(out->reason, sizeof out->reason,
		 "%s: %g of %g (%.0f %%) with %.0f %% of the period gone%s",
		 enum_goal_metric.items[g->metric].name, out->value, g->target,
		 100 * out->share, 100 * out->elapsed,
		 out->skipped ? "; amounts in other currencies not counted" : "");
}
