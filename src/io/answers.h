/*
 * answers.h - the method's results as JSON (new references), the same for the CLI's
 * --json and the API. Shapes in docs/api.md.
 */
#ifndef MU_IO_ANSWERS_H
#define MU_IO_ANSWERS_H

#include <jansson.h>

#include "method/agenda.h"
#include "method/asks.h"
#include "method/facts.h"
#include "method/fit.h"
#include "method/goals.h"
#include "method/ledger.h"
#include "method/plan.h"
#include "method/roi.h"
#include "method/scorecard.h"
#include "method/strength.h"
#include "method/timeline.h"

/* A number as answers show it: rounded to four decimals. */
json_t *answer_number(double x);
/* A time as UTC text, or null for M_NO_DATE. */
json_t *answer_time(mu_time t);
/* {"id", "name"}, or null for id 0. */
json_t *answer_person(const struct m_facts *f, mu_id id);
/* {"id", "name"} of a network, or null for id 0. */
json_t *answer_network(const struct m_facts *f, mu_id id);
/* {id, at, giver, receiver, kind, amount, points (as counted, SPEC §4.3), network,
 *  referral} */
json_t *answer_exchange(const struct m_facts *f, const struct m_exchange *x);
/* {a, b, fit, veto, cornerstones: [{cornerstone, code, score, reason} x 5], flags} */
json_t *answer_fit(const struct m_facts *f, const struct fit_result *r);
/* {mean_fit, members: [{id, name, contribution}]} */
json_t *answer_team(const struct m_facts *f, const struct fit_team *t);
/* {a, b, network, window_days, given, received, balance, mutual, exchanges_given,
 *  exchanges_received, last_exchange, flags: [{flag, reason}]} */
json_t *answer_balance(const struct m_facts *f, const struct balance *b);
/* {a, b, strength, last_interaction, terms: [{term, weight, value, reason} x 5]} */
json_t *answer_strength(const struct m_facts *f, const struct strength *s);
/* {kind, actor, person, record, due, overdue, strength, days, the kind's facts
 *  (docs/method.md), why, todo} */
json_t *answer_agenda_item(const struct m_facts *f, const struct agenda_item *it);
/* {person, ties: [{id, person, tier, status, since, how_met, cadence_days, strength,
 *  last_interaction}], items: [{kind, at, id, KIND: {...}}]}, newest first */
json_t *answer_timeline(const struct m_facts *f, mu_id person, const struct timeline_item *items,
			size_t n, const struct timeline_tie *ties, size_t nties);

/* {id, owner, network, metric, target, from, to, value, progress, elapsed, behind,
 *  other_currencies_left_out, reason} */
json_t *answer_goal(const struct m_facts *f, const struct goal_progress *p);
/* {network, from, to, currency, fees, time_cost, cost, money_return, roi,
 *  mixed_currencies, uncosted_attendances, returns {metric: n}, goals [...], goals_met,
 *  diversity {members, with_industry, industry_sections, with_role_function,
 *  role_functions}, verdict, reasons [...], why [{code, value}]} */
json_t *answer_roi(const struct m_facts *f, const struct roi *r);
/* {network, from, to, members: [{id, name, since, measures: {attendance: {value,
 *  threshold, score, colour}, ...}, score, colour}], totals: {weeks: [{week, attended,
 *  referrals_given, ...}], months: [...], green, amber}} */
json_t *answer_scorecard(const struct m_facts *f, const struct scorecard *sc);
/* {plan, owner, capacity_per_month, suggested, segments: [{segment, coverage, gap,
 *  revive: [{id, name, strength}], networks: [{id, name, members_in_segment,
 *  yearly_cost, per_unit_of_cost, purpose, openness, meeting_place, joined}]}]} */
/* {organisation {id, name}, ground_rules, employees [...], networks [...], cells:
 *  [{person, network, role, since, until, hours_per_meeting, hourly_cost,
 *  expected_outcome, attended_last_year, time_cost_last_year, currency, goals}]};
 *  seen is room for 2n ids. */
json_t *answer_participation(const struct m_facts *f, const struct m_organisation *o,
			     const struct participation *rows, size_t n, mu_id *seen);
json_t *answer_coverage(const struct m_facts *f, const struct plan_coverage *c);
/* {ask, person, text, open, matches: [{id, name, score, profile, contacts, text,
 *  reasons}]} */
json_t *answer_ask_matches(const struct m_facts *f, const struct m_ask *k,
			   const struct ask_match *ms, size_t n);

#endif
