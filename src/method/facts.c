/*
 * facts.c - look-ups over a workspace's facts.
 */
#include <stdlib.h>

#include "method/facts.h"
#include "enums_gen.h"
#include "core/error.h"
#include "core/banned.h"

const char *const sc_measure_name[SC_COUNT] = {
	"attendance", "referrals_given", "visitors", "one_to_ones", "closed_received",
	"closed_given", "takeaways",
};

void m_settings_default(struct m_settings *s)
{
	static const double threshold[SC_COUNT] = { 0.9, 6, 1, 6, 0, 0, 2 };
	for (int i = 0; i < 5; i++)
		s->fit_weights[i] = 0.2;
	s->power_threshold = 0.5;
	s->window_days = 365;
	s->cadence_days[0] = 30;
	s->cadence_days[1] = 90;
	s->cadence_days[2] = 180;
	s->sc_window_days = 182;
	s->sc_new_member_days = 90;
	for (int i = 0; i < SC_COUNT; i++)
		s->sc_threshold[i] = threshold[i];
	s->sc_green = 0.8;
	s->sc_amber = 0.5;
}

/* One binary search for every array sorted by its first member, the id. */
#define BY_ID(fn, type, array, key)                                           \
	const struct type *fn(const struct m_facts *f, mu_id id)                   \
	{                                                                          \
		size_t lo = 0, hi = f->n_##array;                                  \
		while (lo < hi) {                                                  \
			size_t mid = lo + (hi - lo) / 2;                           \
			if (f->array[mid].key < id)                                \
				lo = mid + 1;                                      \
			else                                                       \
				hi = mid;                                          \
		}                                                                  \
		return lo < f->n_##array && f->array[lo].key == id ? &f->array[lo] : NULL; \
	}

BY_ID(m_person_get, m_person, persons, id)
BY_ID(m_organisation_get, m_organisation, organisations, id)
BY_ID(m_profile_get, m_profile, profiles, person)
BY_ID(m_network_get, m_network, networks, id)
BY_ID(m_referral_get, m_referral, referrals, id)

int m_facts_index(struct m_facts *f, struct mu_arena *a)
{
	if (f->n_ties > INT32_MAX)
		return MU_ETOOBIG;
	m_pairmap_init(&f->tie_index, a, f->n_ties);
	/* ties are sorted by id, so the first one kept for a pair is its lowest id */
	for (size_t i = 0; i < f->n_ties; i++)
		m_pairmap_put(&f->tie_index, f->ties[i].a, f->ties[i].b, (int32_t)i);
	return 0;
}

const struct m_tie *m_tie_between(const struct m_facts *f, mu_id a, mu_id b)
{
	int32_t i = m_pairmap_get(&f->tie_index, a, b);
	return i < 0 ? NULL : &f->ties[i];
}

const char *m_person_name(const struct m_facts *f, mu_id id)
{
	const struct m_person *p = m_person_get(f, id);
	return p && p->name ? p->name : "?";
}

int64_t m_day_of(mu_time t)
{
	/* floor division: times before 1970 still fall on their own day */
	return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}

int64_t m_days_since(const struct m_facts *f, mu_time t)
{
	return m_day_of(f->now) - m_day_of(t);
}

double m_major(const struct m_money *m)
{
	return (double)m->amount / 100.0;
}

int m_attended(int code)
{
	return code == ATTENDANCE_CODE_P || code == ATTENDANCE_CODE_L || code == ATTENDANCE_CODE_S;
}

int m_member_on(const struct m_membership *m, int64_t d)
{
	return (m->role == MEMBERSHIP_ROLE_MEMBER || m->role == MEMBERSHIP_ROLE_LEADER) &&
	       (m->since == M_NO_DATE || m->since <= d) && (m->until == M_NO_DATE || m->until >= d);
}

mu_time m_given_at(const struct m_referral *r)
{
	for (size_t i = 0; i < r->n_history; i++)
		if (r->history[i].status == REFERRAL_STATUS_GIVEN)
			return r->history[i].at;
	return r->n_history ? r->history[0].at : M_NO_DATE;
}

int m_current_member(const struct m_facts *f, mu_id network, mu_id person)
{
	int64_t today = m_day_of(f->now);

	for (size_t i = 0; i < f->n_memberships; i++) {
		const struct m_membership *m = &f->memberships[i];
		if (m->network == network && m->person == person && m_member_on(m, today))
			return 1;
	}
	return 0;
}

size_t m_candidate_profiles(const struct m_facts *f, mu_id network, struct mu_arena *a,
			    const struct m_profile ***out)
{
	size_t n = 0;

	*out = mu_alloc_array(a, f->n_profiles ? f->n_profiles : 1, sizeof **out);
	for (size_t i = 0; i < f->n_profiles; i++) {
		const struct m_profile *p = &f->profiles[i];
		const struct m_person *who = m_person_get(f, p->person);
		if (who && who->objection)	/* Art. 21: never suggested */
			continue;
		if (!network || m_current_member(f, network, p->person))
			(*out)[n++] = p;
	}
	return n;
}
