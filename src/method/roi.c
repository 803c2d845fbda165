/*
 * roi.c - network ROI and diversity (SPEC §4.6).
 *
 * Seed 003: a company should work out what each network's "return of investment" is to
 * be, and the return need not be kroner and øre: customer meetings, ideas, contacts. And
 * the more different profiles, industries and backgrounds among the members, the more
 * angles: diversity is measured as Blau's index.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "method/roi.h"
#include "enums_gen.h"
#include "core/banned.h"

#define DAY 86400
#define YEAR_DAYS 365.25

const char *const roi_verdict_name[3] = { "keep", "review", "leave" };
const int roi_count_metric[RC_COUNT] = {
	GOAL_METRIC_CUSTOMER_MEETINGS, GOAL_METRIC_REFERRALS_GIVEN, GOAL_METRIC_REFERRALS_RECEIVED,
	GOAL_METRIC_NEW_CONTACTS, GOAL_METRIC_IDEAS, GOAL_METRIC_ONE_TO_ONES,
};

static int64_t today(const struct m_facts *f)
{
	return m_day_of(f->now);
}

/* Add an amount in the workspace's currency; anything else is left out and said. */
static void add(const struct m_facts *f, struct roi *r, double *sum, const struct m_money *m,
		double times)
{
	if (!m->currency[0])
		return;
	if (strcmp(m->currency, f->currency) != 0) {
		r->mixed = 1;
		return;
	}
	*sum += m_major(m) * times;
}

static int paying(const struct m_membership *m)
{
	return m->role == MEMBERSHIP_ROLE_MEMBER || m->role == MEMBERSHIP_ROLE_LEADER;
}

static size_t meetings_held(const struct m_facts *f, mu_id network, int64_t from, int64_t to)
{
	size_t n = 0;
	for (size_t i = 0; i < f->n_meetings; i++) {
		int64_t d = m_day_of(f->meetings[i].at);
		n += f->meetings[i].network == network && d >= from && d <= to &&
		     f->meetings[i].at <= f->now;
	}
	return n;
}

/* Fees of every paying membership, for the days it overlaps the period: per year and
 * per month pro rata, per meeting for each meeting held (recorded meetings, else the
 * network's meetings a year pro rata). */
static void fees(const struct m_facts *f, const struct m_network *n, struct roi *r)
{
	for (size_t i = 0; i < f->n_memberships; i++) {
		const struct m_membership *m = &f->memberships[i];
		if (m->network != n->id || !paying(m))
			continue;
		int64_t lo = m->since != M_NO_DATE && m->since > r->from ? m->since : r->from;
		int64_t hi = m->until != M_NO_DATE && m->until < r->to ? m->until : r->to;
		if (hi < lo)
			continue;
		double days = (double)(hi - lo + 1), times = 0;
		switch (n->fee_per) {
		case FEE_PER_YEAR:
			times = days / YEAR_DAYS;
			break;
		case FEE_PER_MONTH:
			times = days / YEAR_DAYS * 12;
			break;
		case FEE_PER_MEETING: {
			size_t held = meetings_held(f, n->id, lo, hi);
			times = held ? (double)held : n->meetings_per_year * days / YEAR_DAYS;
			break;
		}
		default:
			continue;
		}
		add(f, r, &r->fees, &n->fee, times);
	}
}

/* The membership of person in network on day d. */
static const struct m_membership *membership_on(const struct m_facts *f, mu_id network,
						mu_id person, int64_t d)
{
	for (size_t i = 0; i < f->n_memberships; i++) {
		const struct m_membership *m = &f->memberships[i];
		if (m->network == network && m->person == person &&
		    (m->since == M_NO_DATE || m->since <= d) && (m->until == M_NO_DATE || m->until >= d))
			return m;
	}
	return NULL;
}

/* Hours at the meetings attended (P or L), at each participant's hourly cost. */
static void time_cost(const struct m_facts *f, mu_id network, struct roi *r)
{
	for (size_t i = 0; i < f->n_meetings; i++) {
		const struct m_meeting *mt = &f->meetings[i];
		int64_t d = m_day_of(mt->at);
		if (mt->network != network || d < r->from || d > r->to || mt->at > f->now)
			continue;
		for (size_t k = 0; k < mt->n_attendance; k++) {
			int code = mt->attendance[k].code;
			if (code != ATTENDANCE_CODE_P && code != ATTENDANCE_CODE_L)
				continue;
			const struct m_membership *m = membership_on(f, network, mt->attendance[k].person, d);
			if (!m || m->hours_per_meeting <= 0 || !m->hourly_cost.currency[0]) {
				r->uncosted++;
				continue;
			}
			add(f, r, &r->time_cost, &m->hourly_cost, m->hours_per_meeting);
		}
	}
}

/* Closed value of the network's referrals won in the period. */
static void money_return(const struct m_facts *f, mu_id network, struct roi *r)
{
	for (size_t i = 0; i < f->n_referrals; i++) {
		const struct m_referral *ref = &f->referrals[i];
		if (ref->network != network || ref->status != REFERRAL_STATUS_WON)
			continue;
		mu_time won = M_NO_DATE;
		for (size_t k = 0; k < ref->n_history; k++)
			if (ref->history[k].status == REFERRAL_STATUS_WON)
				won = ref->history[k].at;
		if (won == M_NO_DATE || won > f->now || m_day_of(won) < r->from || m_day_of(won) > r->to)
			continue;
		add(f, r, &r->money_return, &ref->closed, 1);
	}
}

static void counts(const struct m_facts *f, mu_id network, struct roi *r)
{
	for (int k = 0; k < RC_COUNT; k++) {
		struct m_goal g = { .network = network, .metric = roi_count_metric[k],
				    .target = 1, .from = r->from, .to = r->to };
		struct goal_progress p;
		goal_progress(f, &g, &p);
		r->count[k] = p.value;
	}
}

static void goals(const struct m_facts *f, mu_id network, struct mu_arena *a, struct roi *r)
{
	double sum = 0;
	r->goals = mu_alloc_array(a, f->n_goals, sizeof *r->goals);
	for (size_t i = 0; i < f->n_goals; i++) {
		if (f->goals[i].network != network || f->goals[i].from > today(f))
			continue;	/* not this network's, or not begun */
		struct goal_progress *p = &r->goals[r->n_goals++];
		goal_progress(f, &f->goals[i], p);
		sum += p->elapsed > 0 ? fmin(1, p->share / p->elapsed) : 1;
	}
	r->goals_met = r->n_goals ? sum / (double)r->n_goals : -1;
}

/* Blau's index 1 - sum p_i^2 over the categories of the counted members. */
static double blau(const int *category, size_t n, size_t categories, size_t *counted)
{
	double sum = 0;
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += category[i] >= 0;
	*counted = total;
	if (!total)
		return 0;
	for (size_t c = 0; c < categories; c++) {
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			k += category[i] == (int)c;
		double p = (double)k / (double)total;
		sum += p * p;
	}
	return 1 - sum;
}

static int section_index(const char *industry)
{
	char section[2], division[3];
	return industry && nace_parse(industry, section, division) ? section[0] - 'A' : -1;
}

/* Members on the last day of the period: their industry sections and role functions. */
static void diversity(const struct m_facts *f, mu_id network, struct mu_arena *a, struct roi *r)
{
	int *sec = mu_alloc_array(a, f->n_memberships, sizeof *sec);
	int *fun = mu_alloc_array(a, f->n_memberships, sizeof *fun);
	size_t n = 0;
	for (size_t i = 0; i < f->n_memberships; i++) {
		const struct m_membership *m = &f->memberships[i];
		if (m->network != network || !paying(m) || membership_on(f, network, m->person, r->to) != m)
			continue;
		const struct m_person *p = m_person_get(f, m->person);
		sec[n] = p ? section_index(p->industry) : -1;
		fun[n] = p ? p->role_function : -1;
		n++;
	}
	r->members = n;
	r->blau_industry = blau(sec, n, 26, &r->with_industry);
	r->blau_function = blau(fun, n, enum_role_function.count, &r->with_function);
}

/* One reason for the verdict: its code (docs/method.md §10), the ROI or share of goals
 * met it is about (NaN for none), and the same in English, fmt showing shown. */
static void reason(struct roi *r, const char *code, double value, const char *fmt, double shown)
{
	if (r->n_reasons >= 3)
		return;
	r->reason_code[r->n_reasons] = code;
	r->reason_value[r->n_reasons] = value;
	snprintf(r->reason[r->n_reasons++], sizeof r->reason[0], fmt, shown);
}

/* keep: ROI >= 0 or goals >= 80 % met; leave: ROI < -0.5 and goals (if any) < 50 % met;
 * else review (docs/method.md). */
static void verdict(struct roi *r)
{
	int roi_ok = r->has_roi && r->roi >= 0, goals_ok = r->goals_met >= 0.8;
	int roi_bad = r->has_roi && r->roi < -0.5, goals_bad = r->goals_met < 0.5;
	if (roi_ok || goals_ok) {
		r->verdict = ROI_KEEP;
		if (roi_ok)
			reason(r, "roi_not_negative", r->roi, "ROI %.2f is 0 or more", r->roi);
		if (goals_ok)
			reason(r, "goals_met", r->goals_met, "goals %.0f %% met, 80 %% or more",
			       100 * r->goals_met);
		return;
	}
	if (roi_bad && goals_bad) {
		r->verdict = ROI_LEAVE;
		reason(r, "roi_below_half", r->roi, "ROI %.2f is below -0.50", r->roi);
		if (r->goals_met < 0)
			reason(r, "no_goals", NAN, "no goals to show another return", 0);
		else
			reason(r, "goals_below_half", r->goals_met, "goals only %.0f %% met, below 50 %%",
			       100 * r->goals_met);
		return;
	}
	r->verdict = ROI_REVIEW;
	if (!r->has_roi && r->mixed)
		reason(r, "no_roi_mixed_currencies", NAN, "no ROI: amounts in more than one currency", 0);
	else if (!r->has_roi)
		reason(r, "no_roi_no_cost", NAN, "no ROI: nothing it costs is on record", 0);
	else
		reason(r, "roi_negative", r->roi, "ROI %.2f is below 0", r->roi);
	if (r->goals_met < 0)
		reason(r, "no_goals", NAN,
		       "no goals for this network: set some to see what else it returns", 0);
	else
		reason(r, "goals_below_80", r->goals_met, "goals %.0f %% met, below 80 %%", 100 * r->goals_met);
}

void roi_compute(const struct m_facts *f, mu_id network, int64_t from, int64_t to,
		 struct mu_arena *a, struct roi *r)
{
	const struct m_network *n = m_network_get(f, network);
	memset(r, 0, sizeof *r);
	r->network = network;
	r->from = from;
	r->to = to < today(f) ? to : today(f);
	if (n)
		fees(f, n, r);
	time_cost(f, network, r);
	money_return(f, network, r);
	r->cost = r->fees + r->time_cost;
	r->has_roi = !r->mixed && r->cost > 0;
	r->roi = r->has_roi ? (r->money_return - r->cost) / r->cost : 0;
	counts(f, network, r);
	goals(f, network, a, r);
	diversity(f, network, a, r);
	verdict(r);
}

void participation_of(const struct m_facts *f, const struct m_membership *m,
		      struct mu_arena *a, struct participation *out)
{
	memset(out, 0, sizeof *out);
	out->m = m;
	for (size_t i = 0; i < f->n_meetings; i++) {
		const struct m_meeting *mt = &f->meetings[i];
		if (mt->network != m->network || mt->at > f->now || mt->at < f->now - 365 * (mu_time)DAY)
			continue;
		for (size_t k = 0; k < mt->n_attendance; k++)
			out->attended += mt->attendance[k].person == m->person &&
					 (mt->attendance[k].code == ATTENDANCE_CODE_P ||
					  mt->attendance[k].code == ATTENDANCE_CODE_L);
	}
	if (m->hourly_cost.currency[0])
		out->time_cost = out->attended * m->hours_per_meeting * m_major(&m->hourly_cost);
	out->goals = mu_alloc_array(a, f->n_goals, sizeof *out->goals);
	for (size_t g = 0; g < f->n_goals; g++)
		if (f->goals[g].owner == m->person && f->goals[g].network == m->network)
			goal_progress(f, &f->goals[g], &out->goals[out->n_goals++]);
}
