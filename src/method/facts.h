/*
 * facts.h - what the method's computations read: one workspace's records as plain,
 * typed arrays (SPEC §3), with the settings and the clock.
 *
 * The method layer knows nothing of JSON, SQL or HTTP. The use-case layer loads the
 * facts (app/facts.c) in one read transaction and hands them here; everything below
 * is a pure function of them, so the same numbers come out of the CLI, the API and the
 * tests. Arrays are sorted by id. Strings and arrays live in the loader's arena.
 */
#ifndef MU_METHOD_FACTS_H
#define MU_METHOD_FACTS_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/model.h"
#include "core/mtime.h"
#include "method/pairmap.h"

#define M_NO_DATE INT64_MIN	/* an absent date (days) or time */

struct m_money {
	int64_t amount;		/* minor units */
	char currency[4];	/* "" when absent */
};

struct m_organisation {
	mu_id id;
	const char *name, *ground_rules;
	const char *industry, *region;	/* NULL when absent */
	int size_class;			/* enum index or -1 */
};

/* A target segment of a plan; every attribute is optional (-1 / NULL). */
struct m_segment {
	const char *industry, *region;
	int role_level, role_function, size_class;
	int want;
};

struct m_plan {
	mu_id id, owner;
	int capacity;		/* new contacts a month, -1 when not given */
	struct m_segment *segments;
	size_t n_segments;
};

struct m_ask {
	mu_id id, person;
	mu_time at;
	const char *text;
	struct m_segment segment;	/* want unused */
	int has_segment, open;
};

struct m_offer {
	mu_id id, person;
	mu_time at;
	const char *text;
	int open;
};

struct m_person {
	mu_id id;
	const char *name;
	mu_id organisation;
	int role_level, role_function;	/* enum index or -1 */
	const char *industry, *region;	/* NULL when absent */
	int priv;
	int objection;		/* Art. 21: never suggest them to anyone */
};

/* A NACE code reduced to what matching uses (SPEC §3): its section and division. */
struct m_nace {
	char section[2];
	char division[3];	/* "" for a bare section letter */
};

/* Labels (offerings, themes) are kept trimmed and case-folded, ready to compare. */
struct m_offering {
	const char *label;
	int stage;		/* -1 when absent */
};

struct m_profile {
	mu_id person;
	int sphere;		/* -1 when absent */
	struct m_offering *offerings;
	size_t n_offerings;
	struct m_nace *target_industries;	/* distinct */
	size_t n_target_industries;
	unsigned target_sizes;	/* bit per size class */
	unsigned target_levels, target_functions;	/* bit per role level / function */
	const char **themes;	/* distinct */
	size_t n_themes;
	const char *contributes;	/* as written, or NULL */
	const char **target_regions;
	size_t n_target_regions;
	struct m_money deal;
	mu_id *competitors;
	size_t n_competitors;
};

struct m_tie {
	mu_id id, a, b;
	const char *how_met;	/* NULL when absent */
	int64_t since;		/* days, or M_NO_DATE */
	int cadence_days;	/* 0: by tier */
	int tier, status;
	int liking_a, liking_b;	/* 1-5, 0 unknown */
	int priv;
};

struct m_exchange {
	mu_id id;
	mu_time at;
	mu_id giver, receiver;
	int kind;
	struct m_money amount;
	int points;
	mu_id network, referral;
	int priv;
};

struct m_step {
	int status;
	mu_time at;
};

struct m_referral {
	mu_id id, giver, receiver, prospect_person, prospect_organisation, network;
	int status;
	struct m_step *history;
	size_t n_history;
	struct m_money closed;
};

struct m_attendance {
	mu_id person;
	int code;
};

struct m_visitor {
	mu_id person, invited_by;
};

struct m_meeting {
	mu_id id, network;
	mu_time at;
	const char *place;
	struct m_attendance *attendance;
	size_t n_attendance;
	struct m_visitor *visitors;
	size_t n_visitors;
};

struct m_one_to_one {
	mu_id id;
	mu_time at;
	mu_id a, b;
};

struct m_membership {
	mu_id id, network, person;
	int role;
	int64_t since, until;	/* days, or M_NO_DATE */
	double hours_per_meeting;	/* 0 when absent */
	struct m_money hourly_cost;
	const char *expected_outcome;
};

struct m_network {
	mu_id id;
	const char *name, *place;
	int meetings_per_year;
	int purpose, openness;	/* enum index or -1 */
	struct m_money fee;
	int fee_per;		/* enum fee_per index, or -1 */
};

struct m_takeaway {
	mu_id id, network, meeting, author;
	mu_time at;
	const char *text;
	int idea;		/* tagged "idea" */
};

struct m_goal {
	mu_id id, owner, network;	/* owner 0: the workspace's goal */
	int metric;
	double target;
	int64_t from, to;	/* days */
};

/* The scorecard's measures (SPEC §4.10), in the order of the settings. */
enum sc_measure { SC_ATTENDANCE, SC_REFERRALS_GIVEN, SC_VISITORS, SC_ONE_TO_ONES,
		  SC_CLOSED_RECEIVED, SC_CLOSED_GIVEN, SC_TAKEAWAYS, SC_COUNT };
extern const char *const sc_measure_name[SC_COUNT];

struct m_settings {
	double fit_weights[5];
	double power_threshold;
	int window_days;
	int cadence_days[3];	/* by tier: inner, active, wide */
	int sc_window_days, sc_new_member_days;
	double sc_threshold[SC_COUNT];	/* 0: shown, not scored */
	double sc_green, sc_amber;
};

struct m_facts {
	mu_time now;
	struct m_settings set;
	const char *currency;	/* the workspace's */
#define M_ARRAY(type, name) struct type *name; size_t n_##name
	M_ARRAY(m_organisation, organisations);
	M_ARRAY(m_person, persons);
	M_ARRAY(m_profile, profiles);
	M_ARRAY(m_tie, ties);
	M_ARRAY(m_exchange, exchanges);
	M_ARRAY(m_referral, referrals);
	M_ARRAY(m_meeting, meetings);
	M_ARRAY(m_one_to_one, one_to_ones);
	M_ARRAY(m_membership, memberships);
	M_ARRAY(m_network, networks);
	M_ARRAY(m_takeaway, takeaways);
	M_ARRAY(m_goal, goals);
	M_ARRAY(m_plan, plans);
	M_ARRAY(m_ask, asks);
	M_ARRAY(m_offer, offers);
#undef M_ARRAY
	struct m_pairmap tie_index;	/* built by m_facts_index() */
};

/* Defaults of FORMAT.md §1. */
void m_settings_default(struct m_settings *s);
/* Build the look-up index once the arrays are filled and sorted by id; withhold the
 * profiles of objecting persons from suggestions (moved after the others, above).
 * Calling it again after a change of the facts is fine. */
int m_facts_index(struct m_facts *f, struct mu_arena *a);

/* Look-ups by id (binary search over the sorted arrays); NULL when absent. */
const struct m_person *m_person_get(const struct m_facts *f, mu_id id);
const struct m_organisation *m_organisation_get(const struct m_facts *f, mu_id id);
/* A person's name for explanations: "?" when unknown. */
const char *m_person_name(const struct m_facts *f, mu_id id);
/* The UTC day of a time (days since 1970-01-01, rounded down). */
int64_t m_day_of(mu_time t);
const struct m_profile *m_profile_get(const struct m_facts *f, mu_id person);
const struct m_network *m_network_get(const struct m_facts *f, mu_id id);
const struct m_referral *m_referral_get(const struct m_facts *f, mu_id id);
/* The tie between a and b in either direction, NULL when none (the lowest id wins
 * when there are several). Constant time. */
const struct m_tie *m_tie_between(const struct m_facts *f, mu_id a, mu_id b);

/* Present at a meeting for the method: P, L, or S (a substitute stood in). */
int m_attended(int code);
/* A current member of its network on day d: member or leader, d within since..until. */
int m_member_on(const struct m_membership *m, int64_t d);
/* 1 if person is a current member (or leader) of network today. */
int m_current_member(const struct m_facts *f, mu_id network, mu_id person);
/* The profiles that may be suggested to others (partners, power teams, the fit
 * matrix): of the current members of network (0: everyone), leaving out people who
 * object (Art. 21), in id order, into *out (in a). Returns how many. */
size_t m_candidate_profiles(const struct m_facts *f, mu_id network, struct mu_arena *a,
			    const struct m_profile ***out);
/* When a referral was given: its "given" step, else its first; M_NO_DATE without one. */
mu_time m_given_at(const struct m_referral *r);

/* Whole UTC days from t to the facts' now (negative when t is later). */
int64_t m_days_since(const struct m_facts *f, mu_time t);
/* Money in major units: 1250050 öre -> 12500.5 kronor. Every currency is taken to
 * have two decimals, as everywhere in Mutua (docs/decisions/0002). */
double m_major(const struct m_money *m);

#endif
