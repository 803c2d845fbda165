/*
 * scorecard.c - the referral group's scorecard (SPEC §4.10).
 *
 * Seed 001: a chapter lives from its members' steady work: coming every week, bringing
 * referrals and visitors, meeting one-to-one. The scorecard shows each member how they
 * are doing against the chapter's own thresholds, and the chapter how it is doing week
 * by week.
 */
#include <stdio.h>
#include <string.h>

#include "method/scorecard.h"
#include "enums_gen.h"
#include "core/banned.h"

#define DAY 86400

const char *const sc_colour_name[4] = { "green", "amber", "red", "grey" };

static int current(const struct m_membership *m, mu_id network, int64_t d)
{
	return m->network == network && m_member_on(m, d);
}

struct window {
	const struct m_facts *f;
	mu_id network;
	int64_t from, to;
};

static int inside(const struct window *w, mu_time t)
{
	int64_t d = m_day_of(t);
	return t <= w->f->now && d >= w->from && d <= w->to;
}

/* Call fn for every event of the window: (who, measure, amount, when). Attendance is
 * reported per meeting of the member: amount 1 attended (P, L, S), 0 absent (A or no
 * row); M (medical) is excused and not reported. */
typedef void (*event_fn)(void *ctx, mu_id who, enum sc_measure m, double amount, mu_time at);

static void attendance(const struct window *w, const struct m_meeting *mt, event_fn fn, void *ctx)
{
	const struct m_facts *f = w->f;
	for (size_t i = 0; i < f->n_memberships; i++) {
		const struct m_membership *m = &f->memberships[i];
		if (!current(m, w->network, m_day_of(mt->at)))
			continue;
		int code = -1;
		for (size_t k = 0; k < mt->n_attendance; k++)
			if (mt->attendance[k].person == m->person)
				code = mt->attendance[k].code;
		if (code == ATTENDANCE_CODE_M)
			continue;
		fn(ctx, m->person, SC_ATTENDANCE, m_attended(code), mt->at);
	}
}

static void each_event(const struct window *w, event_fn fn, void *ctx)
{
	const struct m_facts *f = w->f;
	for (size_t i = 0; i < f->n_meetings; i++) {
		const struct m_meeting *mt = &f->meetings[i];
		if (mt->network != w->network || !inside(w, mt->at))
			continue;
		attendance(w, mt, fn, ctx);
		for (size_t k = 0; k < mt->n_visitors; k++)
			if (mt->visitors[k].invited_by)
				fn(ctx, mt->visitors[k].invited_by, SC_VISITORS, 1, mt->at);
	}
	for (size_t i = 0; i < f->n_referrals; i++) {
		mu_time t = m_given_at(&f->referrals[i]);
		if (f->referrals[i].network == w->network && t != M_NO_DATE && inside(w, t))
			fn(ctx, f->referrals[i].giver, SC_REFERRALS_GIVEN, 1, t);
	}
	for (size_t i = 0; i < f->n_one_to_ones; i++) {
		const struct m_one_to_one *o = &f->one_to_ones[i];
		if (!inside(w, o->at))
			continue;
		fn(ctx, o->a, SC_ONE_TO_ONES, 1, o->at);
		fn(ctx, o->b, SC_ONE_TO_ONES, 1, o->at);
	}
	for (size_t i = 0; i < f->n_exchanges; i++) {
		const struct m_exchange *x = &f->exchanges[i];
		if (x->kind != EXCHANGE_KIND_CLOSED_BUSINESS || x->network != w->network ||
		    !inside(w, x->at) || strcmp(x->amount.currency, f->currency) != 0)
			continue;
		/* the thank-you is written by the one who earned: the giver received business */
		fn(ctx, x->giver, SC_CLOSED_RECEIVED, m_major(&x->amount), x->at);
		fn(ctx, x->receiver, SC_CLOSED_GIVEN, m_major(&x->amount), x->at);
	}
	for (size_t i = 0; i < f->n_takeaways; i++) {
		const struct m_takeaway *k = &f->takeaways[i];
		if (k->network == w->network && k->author && inside(w, k->at))
			fn(ctx, k->author, SC_TAKEAWAYS, 1, k->at);
	}
}

struct tally {
	struct scorecard *sc;
	double *held;		/* per member: meetings counted for attendance */
	const struct window *w;
};

static void add_member_event(void *ctx, mu_id who, enum sc_measure m, double amount, mu_time at)
{
	struct tally *t = ctx;
	(void)at;
	for (size_t i = 0; i < t->sc->n_members; i++) {
		if (t->sc->members[i].person != who)
			continue;
		if (m == SC_ATTENDANCE)
			t->held[i] += 1;
		t->sc->members[i].value[m] += amount;
	}
}

/* Did the visitor join the network on or after the visit? */
static int joined(const struct m_facts *f, mu_id network, mu_id person, int64_t visit)
{
	for (size_t i = 0; i < f->n_memberships; i++) {
		const struct m_membership *m = &f->memberships[i];
		if (m->network == network && m->person == person &&
		    (m->role == MEMBERSHIP_ROLE_MEMBER || m->role == MEMBERSHIP_ROLE_LEADER) &&
		    m->since != M_NO_DATE && m->since >= visit)
			return 1;
	}
	return 0;
}

static void count_joined(const struct window *w, struct scorecard *sc)
{
	const struct m_facts *f = w->f;
	for (size_t i = 0; i < f->n_meetings; i++) {
		const struct m_meeting *mt = &f->meetings[i];
		if (mt->network != w->network || !inside(w, mt->at))
			continue;
		for (size_t k = 0; k < mt->n_visitors; k++) {
			const struct m_visitor *v = &mt->visitors[k];
			if (!v->invited_by || !joined(f, w->network, v->person, m_day_of(mt->at)))
				continue;
			for (size_t m = 0; m < sc->n_members; m++)
				sc->members[m].visitors_joined += sc->members[m].person == v->invited_by;
		}
	}
}

static enum sc_colour band(const struct m_settings *s, double score)
{
	return score >= s->sc_green ? SC_GREEN : score >= s->sc_amber ? SC_AMBER : SC_RED;
}

static void score(const struct m_facts *f, const struct window *w, struct sc_member *m)
{
	const struct m_settings *s = &f->set;
	double sum = 0;
	int n = 0;
	for (int k = 0; k < SC_COUNT; k++) {
		m->score[k] = -1;
		m->colour[k] = SC_GREY;
		if (s->sc_threshold[k] <= 0 || m->value[k] < 0)
			continue;
		m->score[k] = m->value[k] >= s->sc_threshold[k] ? 1 : m->value[k] / s->sc_threshold[k];
		m->colour[k] = band(s, m->score[k]);
		sum += m->score[k];
		n++;
	}
	m->total = n ? sum / n : -1;
	int fresh = m->since != M_NO_DATE && m->since > w->to - s->sc_new_member_days;
	m->overall = fresh || n == 0 ? SC_GREY : band(s, m->total);
}

static void iso_week(int64_t d, char key[12])
{
	int64_t wd = ((d % 7) + 7 + 3) % 7;	/* 0 Monday: 1970-01-01 was a Thursday */
	int64_t thursday = d - wd + 3;
	int y, mo, dd;
	mu_civil_from_days(thursday, &y, &mo, &dd);
	snprintf(key, 12, "%04d-W%02d", y, (int)((thursday - mu_days_from_civil(y, 1, 1)) / 7 + 1));
}

static void month(int64_t d, char key[12])
{
	int y, mo, dd;
	mu_civil_from_days(d, &y, &mo, &dd);
	snprintf(key, 12, "%04d-%02d", y, mo);
}

struct buckets {
	struct sc_bucket *weeks, *months;
	size_t n_weeks, n_months;
};

static struct sc_bucket *bucket(struct sc_bucket *list, size_t *n, const char *key)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp(list[i].key, key))
			return &list[i];
	return NULL;
}

static void add_total(void *ctx, mu_id who, enum sc_measure m, double amount, mu_time at)
{
	struct buckets *b = ctx;
	char key[12];
	(void)who;
	if (m == SC_CLOSED_GIVEN)
		return;		/* the same deals as received, seen from the other side */
	iso_week(m_day_of(at), key);
	struct sc_bucket *x = bucket(b->weeks, &b->n_weeks, key);
	if (x)
		x->value[m] += amount;
	month(m_day_of(at), key);
	if ((x = bucket(b->months, &b->n_months, key)))
		x->value[m] += amount;
}

void scorecard_compute(const struct m_facts *f, mu_id network, struct mu_arena *a,
		       struct scorecard *sc)
{
	int64_t today = m_day_of(f->now);
	struct window w = { f, network, today - f->set.sc_window_days + 1, today };

	memset(sc, 0, sizeof *sc);
	sc->network = network;
	sc->from = w.from;
	sc->to = w.to;
	sc->members = mu_alloc_array(a, f->n_memberships, sizeof *sc->members);
	for (size_t i = 0; i < f->n_memberships; i++) {
		const struct m_membership *m = &f->memberships[i];
		int seen = 0;
		if (!current(m, network, today))
			continue;
		for (size_t k = 0; k < sc->n_members && !seen; k++)
			seen = sc->members[k].person == m->person;
		if (!seen)
			sc->members[sc->n_members++] = (struct sc_member){ .person = m->person,
									    .since = m->since };
	}
	struct tally t = { .sc = sc, .held = mu_alloc_array(a, sc->n_members + 1, sizeof(double)),
			   .w = &w };
	each_event(&w, add_member_event, &t);
	count_joined(&w, sc);
	for (size_t i = 0; i < sc->n_members; i++) {
		struct sc_member *m = &sc->members[i];
		m->value[SC_ATTENDANCE] = t.held[i] > 0 ? m->value[SC_ATTENDANCE] / t.held[i] : -1;
		score(f, &w, m);
	}

	/* the group's totals: every week and month the window touches */
	size_t cap = (size_t)(w.to - w.from) / 7 + 3;
	struct buckets b = { mu_alloc_array(a, cap, sizeof *b.weeks),
			     mu_alloc_array(a, cap, sizeof *b.months), 0, 0 };
	for (int64_t d = w.from; d <= w.to; d++) {
		char key[12];
		iso_week(d, key);
		if (!bucket(b.weeks, &b.n_weeks, key))
			snprintf(b.weeks[b.n_weeks++].key, 12, "%s", key);
		month(d, key);
		if (!bucket(b.months, &b.n_months, key))
			snprintf(b.months[b.n_months++].key, 12, "%s", key);
	}
	each_event(&w, add_total, &b);
	sc->weeks = b.weeks;
	sc->n_weeks = b.n_weeks;
	sc->months = b.months;
	sc->n_months = b.n_months;
}
