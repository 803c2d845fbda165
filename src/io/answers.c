/*
 * answers.c - the method's results as JSON: one shape for `--json` and the API
 * (docs/api.md). People appear as {"id", "name"} so an answer reads on its own.
 */
#include <math.h>
#include <stdio.h>

#include "io/answers.h"
#include "io/record.h"
#include "enums_gen.h"
#include "core/banned.h"

json_t *answer_time(mu_time t)
{
	char buf[MU_TIME_LEN];
	if (t == M_NO_DATE)
		return json_null();
	mu_time_format(t, buf);
	return json_string(buf);
}

/* Round for display: answers are explanations, not measurements to 17 digits. */
json_t *answer_number(double x)
{
	return json_real(round(x * 1e4) / 1e4 + 0.0);	/* + 0.0: no "-0" */
}

json_t *answer_person(const struct m_facts *f, mu_id id)
{
	const struct m_person *p = m_person_get(f, id);
	if (!id)
		return json_null();
	return json_pack("{s:o, s:s?}", "id", record_id_json(id), "name", p ? p->name : NULL);
}

json_t *answer_network(const struct m_facts *f, mu_id id)
{
	const struct m_network *n = m_network_get(f, id);
	if (!id)
		return json_null();
	return json_pack("{s:o, s:s?}", "id", record_id_json(id), "name", n ? n->name : NULL);
}

static json_t *money_json(const struct m_money *m)
{
	if (!m->currency[0])
		return json_null();
	return json_pack("{s:I, s:s}", "amount", (json_int_t)m->amount, "currency", m->currency);
}

json_t *answer_exchange(const struct m_facts *f, const struct m_exchange *x)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:o}", "id", record_id_json(x->id),
			 "at", answer_time(x->at), "giver", answer_person(f, x->giver),
			 "receiver", answer_person(f, x->receiver),
			 "kind", enum_exchange_kind.items[x->kind].name, "amount", money_json(&x->amount),
			 "points", answer_number(ledger_points(x)), "network", answer_network(f, x->network),
			 "referral", x->referral ? record_id_json(x->referral) : json_null());
}

static json_t *rating_json(int rating)
{
	return rating ? json_integer(rating) : json_null();
}

static json_t *sphere_json(int sphere)
{
	return sphere >= 0 ? json_string(enum_sphere.items[sphere].name) : json_null();
}

static json_t *currency_json(const char *currency)
{
	return currency[0] ? json_string(currency) : json_null();
}

/* The inputs of each cornerstone (struct fit_facts) as JSON, for an interface to
 * explain the score in its own words; amounts in major units, as in the reasons. */
static json_t *fit_facts_json(const struct m_facts *f, const struct fit_facts *x, int c)
{
	json_t *list;
	switch (c) {
	case 0:
		return json_pack("{s:o, s:o}", "liking_a", rating_json(x->liking[0]),
				 "liking_b", rating_json(x->liking[1]));
	case 1:
		return json_pack("{s:o, s:o, s:o, s:o}", "sphere_a", sphere_json(x->sphere[0]),
				 "sphere_b", sphere_json(x->sphere[1]),
				 "competitor_listed_by", answer_person(f, x->listed_by),
				 "offerings_overlap", x->offerings >= 0 ? answer_number(x->offerings) : json_null());
	case 2:
		list = json_array();
		for (size_t i = 0; i < x->n_codes; i++)
			json_array_append_new(list, json_string(x->codes[i]));
		json_t *sizes = json_array();
		for (size_t i = 0; i < enum_size_class.count; i++)
			if (x->shared_sizes & (1u << i))
				json_array_append_new(sizes, json_string(enum_size_class.items[i].name));
		return json_pack("{s:o, s:o, s:o, s:o}", "industries", answer_number(x->industries),
				 "shared_industries", list, "sizes", answer_number(x->sizes),
				 "shared_sizes", sizes);
	case 3:
		return json_pack("{s:o, s:o, s:b}", "roles", answer_number(x->roles),
				 "themes", answer_number(x->themes), "same_stages", x->same_stages);
	default: {
		int history = x->closed > 0 && !x->closed_mixed;
		return json_pack("{s:o, s:s, s:o, s:o, s:o, s:i, s:o, s:o, s:o, s:b, s:o}",
				 "prior", answer_number(x->prior),
				 "deals", x->deals > 0 ? "known" : x->deals < 0 ? "two_currencies" : "unknown",
				 "deal_a", x->deals > 0 ? answer_number(x->deal[0]) : json_null(),
				 "deal_b", x->deals > 0 ? answer_number(x->deal[1]) : json_null(),
				 "deal_currency", currency_json(x->deal_currency),
				 "closed_deals", x->closed,
				 "closed_a_to_b", history ? answer_number(x->closed_value[0]) : json_null(),
				 "closed_b_to_a", history ? answer_number(x->closed_value[1]) : json_null(),
				 "closed_currency", currency_json(x->closed_currency),
				 "mixed_currencies", x->closed_mixed,
				 "history", history ? answer_number(x->history) : json_null());
	}
	}
}

json_t *answer_fit(const struct m_facts *f, const struct fit_result *r)
{
	static const char *const names[5] = { "liking", "field", "direction", "people_and_stage",
					      "both_earn" };
	static const char *const codes[5] = { "C1", "C2", "C3", "C4", "C5" };
	json_t *cs = json_array();
	for (int i = 0; i < 5; i++)
		json_array_append_new(cs, json_pack("{s:s, s:s, s:o, s:o, s:s, s:o}", "cornerstone",
						    names[i], "code", codes[i],
						    "score", answer_number(r->c[i].score),
						    "weight", answer_number(f->set.fit_weights[i]),
						    "reason", r->c[i].reason,
						    "facts", fit_facts_json(f, &r->facts, i)));
	json_t *flags = json_array();
	if (r->flags & FIT_DEAL_UNKNOWN)
		json_array_append_new(flags, json_string("deal_unknown"));
	if (r->flags & FIT_MIXED_CURRENCIES)
		json_array_append_new(flags, json_string("mixed_currencies"));
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "a", answer_person(f, r->a),
			 "b", answer_person(f, r->b), "fit", answer_number(r->fit),
			 "veto", r->vetoed ? json_string(r->veto) : json_null(),
			 "cornerstones", cs, "flags", flags);
}

json_t *answer_team(const struct m_facts *f, const struct fit_team *t)
{
	json_t *members = json_array();
	for (size_t i = 0; i < t->n; i++) {
		json_t *m = answer_person(f, t->member[i]);
		json_object_set_new(m, "contribution", answer_number(t->contribution[i]));
		json_array_append_new(members, m);
	}
	return json_pack("{s:o, s:o}", "mean_fit", answer_number(t->mean), "members", members);
}

json_t *answer_balance(const struct m_facts *f, const struct balance *b)
{
	json_t *flags = json_array();
	for (int i = 0; i < LF_COUNT; i++) {
		if (!(b->flags & (1u << i)))
			continue;
		json_t *fl = json_pack("{s:s, s:s}", "flag", ledger_flag_name[i], "reason", b->reason[i]);
		/* the facts of the reason, for an interface to word it (taker and giver_only
		 * are said by the balance and the points) */
		if (i == LF_FADING)
			json_object_update_new(fl, json_pack("{s:I, s:i, s:b}", "days",
							     (json_int_t)b->fading_days, "cadence_days",
							     b->fading_cadence, "never", b->fading_never));
		else if (i == LF_THANKS_OWED)
			json_object_update_new(fl, json_pack("{s:s, s:o, s:o, s:I}", "kind",
							     enum_exchange_kind.items[b->thanks_kind].name,
							     "at", answer_time(b->thanks_at),
							     "from", answer_person(f, b->thanks_from),
							     "more", (json_int_t)b->thanks_more));
		json_array_append_new(flags, fl);
	}
	json_t *o = json_pack("{s:o, s:o, s:o, s:i, s:o, s:o, s:o, s:o, s:i, s:i, s:o, s:o}",
			      "a", answer_person(f, b->a), "b", answer_person(f, b->b),
			      "network", b->network ? record_id_json(b->network) : json_null(),
			      "window_days", f->set.window_days, "given", answer_number(b->given),
			      "received", answer_number(b->received), "balance", answer_number(b->balance),
			      "mutual", answer_number(b->mutual), "exchanges_given", b->n_given,
			      "exchanges_received", b->n_received, "last_exchange", answer_time(b->last),
			      "flags", flags);
	return o;
}

json_t *answer_strength(const struct m_facts *f, const struct strength *s)
{
	json_t *terms = json_array();
	for (int i = 0; i < ST_COUNT; i++)
		json_array_append_new(terms, json_pack("{s:s, s:o, s:o, s:s}", "term",
						       strength_term_name[i], "weight",
						       answer_number(strength_weight[i]), "value", answer_number(s->term[i]),
						       "reason", s->reason[i]));
	return json_pack("{s:o, s:o, s:o, s:o, s:o}", "a", answer_person(f, s->a),
			 "b", answer_person(f, s->b), "strength", answer_number(s->s),
			 "last_interaction", answer_time(s->last), "terms", terms);
}

/* The facts of an item's sentences, by kind, so that a face in another language can
 * word them itself (the web UI); why and todo stay the English words of the CLI. */
static void agenda_facts(const struct m_facts *f, const struct agenda_item *it, json_t *o)
{
	char day[MU_DATE_LEN];

	switch (it->kind) {
	case AG_FOLLOW_UP:
		if (it->met != M_NO_DATE)
			mu_date_format(it->met, day);
		json_object_set_new(o, "tier", json_string(enum_tier.items[it->tier].name));
		json_object_set_new(o, "cadence_days", json_integer(it->cadence));
		json_object_set_new(o, "last_contact", answer_time(it->last));
		json_object_set_new(o, "met", it->met != M_NO_DATE ? json_string(day) : json_null());
		break;
	case AG_THANK:
		json_object_set_new(o, "exchange_kind",
				    json_string(enum_exchange_kind.items[it->what].name));
		json_object_set_new(o, "received_at", answer_time(it->last));
		break;
	case AG_REFERRAL:
		json_object_set_new(o, "giver", answer_person(f, it->giver));
		json_object_set_new(o, "receiver", answer_person(f, it->receiver));
		json_object_set_new(o, "status", json_string(enum_referral_status.items[it->what].name));
		json_object_set_new(o, "moved_at", answer_time(it->last));
		break;
	case AG_GOAL:
		json_object_set_new(o, "metric", json_string(enum_goal_metric.items[it->what].name));
		json_object_set_new(o, "network", answer_network(f, it->network));
		json_object_set_new(o, "value", answer_number(it->value));
		json_object_set_new(o, "target", answer_number(it->target));
		json_object_set_new(o, "progress", answer_number(it->progress));
		json_object_set_new(o, "elapsed", answer_number(it->elapsed));
		json_object_set_new(o, "catch_up", answer_number(it->catch_up));
		json_object_set_new(o, "currency", it->what == GOAL_METRIC_CLOSED_VALUE ?
				    json_string(f->currency) : json_null());
		break;
	case AG_COUNT:
		break;
	}
}

json_t *answer_agenda_item(const struct m_facts *f, const struct agenda_item *it)
{
	json_t *o = json_pack("{s:s, s:o, s:o, s:o, s:o, s:b, s:o, s:I}",
			      "kind", agenda_kind_name[it->kind], "actor", answer_person(f, it->actor),
			      "person", answer_person(f, it->person), "record", record_id_json(it->record),
			      "due", answer_time(it->due), "overdue", it->overdue,
			      "strength", it->kind == AG_FOLLOW_UP ? answer_number(it->strength) : json_null(),
			      "days", (json_int_t)it->days);
	agenda_facts(f, it, o);
	json_object_set_new(o, "why", json_string(it->why));
	json_object_set_new(o, "todo", json_string(it->todo));
	return o;
}

static json_t *day_json(int64_t days)
{
	char buf[MU_DATE_LEN];
	if (days == M_NO_DATE)
		return json_null();
	mu_date_format(days, buf);
	return json_string(buf);
}

static json_t *organisation_json(const struct m_facts *f, mu_id id)
{
	const struct m_organisation *o = m_organisation_get(f, id);
	if (!id)
		return json_null();
	return json_pack("{s:o, s:s?}", "id", record_id_json(id), "name", o ? o->name : NULL);
}

static json_t *referral_json(const struct m_facts *f, const struct m_referral *r)
{
	mu_time moved = M_NO_DATE;
	for (size_t i = 0; i < r->n_history; i++)
		if (moved == M_NO_DATE || r->history[i].at > moved)
			moved = r->history[i].at;
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:s, s:o, s:o, s:o}",
			 "id", record_id_json(r->id), "giver", answer_person(f, r->giver),
			 "receiver", answer_person(f, r->receiver),
			 "prospect", answer_person(f, r->prospect_person),
			 "prospect_organisation", organisation_json(f, r->prospect_organisation),
			 "network", answer_network(f, r->network),
			 "status", enum_referral_status.items[r->status].name,
			 "given_at", answer_time(m_given_at(r)), "moved_at", answer_time(moved),
			 "closed_value", money_json(&r->closed));
}

static json_t *meeting_json(const struct m_facts *f, const struct timeline_item *it)
{
	const struct m_meeting *m = it->record;
	return json_pack("{s:o, s:o, s:o, s:s?, s:o, s:b, s:o}", "id", record_id_json(m->id),
			 "at", answer_time(m->at), "network", answer_network(f, m->network),
			 "place", m->place,
			 "attendance", it->code >= 0 ? json_string(enum_attendance_code.items[it->code].name)
						     : json_null(),
			 "visitor", it->code < 0, "invited_by", answer_person(f, it->invited_by));
}

static json_t *timeline_record(const struct m_facts *f, const struct timeline_item *it)
{
	const struct m_one_to_one *o = it->record;
	const struct m_takeaway *k = it->record;
	const struct m_tie *t = it->record;

	switch (it->kind) {
	case TL_EXCHANGE:
		return answer_exchange(f, it->record);
	case TL_REFERRAL:
		return referral_json(f, it->record);
	case TL_ONE_TO_ONE:
		return json_pack("{s:o, s:o, s:o, s:o}", "id", record_id_json(o->id),
				 "at", answer_time(o->at), "a", answer_person(f, o->a),
				 "b", answer_person(f, o->b));
	case TL_MEETING:
		return meeting_json(f, it);
	case TL_TAKEAWAY:
		return json_pack("{s:o, s:o, s:o, s:o, s:s?, s:b}", "id", record_id_json(k->id),
				 "at", answer_time(k->at), "network", answer_network(f, k->network),
				 "meeting", k->meeting ? record_id_json(k->meeting) : json_null(),
				 "text", k->text, "idea", k->idea);
	case TL_TIE:
		return json_pack("{s:o, s:o, s:o, s:o, s:s, s:s?}", "id", record_id_json(t->id),
				 "a", answer_person(f, t->a), "b", answer_person(f, t->b),
				 "since", day_json(t->since), "tier", enum_tier.items[t->tier].name,
				 "how_met", t->how_met);
	case TL_COUNT:
		break;
	}
	return json_null();
}

json_t *answer_timeline(const struct m_facts *f, mu_id person, const struct timeline_item *items,
			size_t n, const struct timeline_tie *ties, size_t nties)
{
	json_t *list = json_array(), *tlist = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *rec = timeline_record(f, &items[i]);
		json_array_append_new(list, json_pack("{s:s, s:o, s:O, s:o}",
						      "kind", timeline_kind_name[items[i].kind],
						      "at", answer_time(items[i].at),
						      "id", json_object_get(rec, "id"),
						      timeline_kind_name[items[i].kind], rec));
	}
	for (size_t i = 0; i < nties; i++) {
		const struct m_tie *t = ties[i].tie;
		json_array_append_new(tlist, json_pack("{s:o, s:o, s:s, s:s, s:o, s:s?, s:i, s:o, s:o}",
			"id", record_id_json(t->id), "person", answer_person(f, ties[i].other),
			"tier", enum_tier.items[t->tier].name, "status", enum_tie_status.items[t->status].name,
			"since", day_json(t->since), "how_met", t->how_met,
			"cadence_days", ledger_cadence(f, t), "strength", answer_number(ties[i].s.s),
			"last_interaction", answer_time(ties[i].s.last)));
	}
	return json_pack("{s:o, s:o, s:o}", "person", answer_person(f, person), "ties", tlist,
			 "items", list);
}

static json_t *date_json(int64_t days)
{
	char buf[MU_DATE_LEN];
	mu_date_format(days, buf);
	return json_string(buf);
}

json_t *answer_goal(const struct m_facts *f, const struct goal_progress *p)
{
	const struct m_goal *g = p->goal;
	return json_pack("{s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:b, s:b, s:s}",
			 "id", record_id_json(g->id), "owner", answer_person(f, g->owner),
			 "network", answer_network(f, g->network),
			 "metric", enum_goal_metric.items[g->metric].name,
			 "target", answer_number(g->target), "from", date_json(g->from),
			 "to", date_json(g->to), "value", answer_number(p->value),
			 "progress", answer_number(p->share), "elapsed", answer_number(p->elapsed),
			 "behind", p->behind, "other_currencies_left_out", p->skipped,
			 "reason", p->reason);
}

json_t *answer_roi(const struct m_facts *f, const struct roi *r)
{
	json_t *returns = json_object(), *goals = json_array(), *reasons = json_array();
	json_t *why = json_array();
	for (int k = 0; k < RC_COUNT; k++)
		json_object_set_new(returns, enum_goal_metric.items[roi_count_metric[k]].name,
				    answer_number(r->count[k]));
	for (size_t i = 0; i < r->n_goals; i++)
		json_array_append_new(goals, answer_goal(f, &r->goals[i]));
	for (int i = 0; i < r->n_reasons; i++) {
		json_array_append_new(reasons, json_string(r->reason[i]));
		json_array_append_new(why, json_pack("{s:s, s:o}", "code", r->reason_code[i], "value",
						     isnan(r->reason_value[i]) ? json_null()
						     : answer_number(r->reason_value[i])));
	}
	return json_pack("{s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:o, s:o, s:b, s:i, s:o, s:o, s:o,"
			 " s:{s:I, s:I, s:o, s:I, s:o}, s:s, s:o, s:o}",
			 "network", answer_network(f, r->network), "from", date_json(r->from),
			 "to", date_json(r->to), "currency", f->currency,
			 "fees", answer_number(r->fees), "time_cost", answer_number(r->time_cost),
			 "cost", answer_number(r->cost), "money_return", answer_number(r->money_return),
			 "roi", r->has_roi ? answer_number(r->roi) : json_null(),
			 "mixed_currencies", r->mixed, "uncosted_attendances", r->uncosted,
			 "returns", returns, "goals", goals,
			 "goals_met", r->goals_met >= 0 ? answer_number(r->goals_met) : json_null(),
			 "diversity", "members", (json_int_t)r->members,
			 "with_industry", (json_int_t)r->with_industry,
			 "industry_sections", answer_number(r->blau_industry),
			 "with_role_function", (json_int_t)r->with_function,
			 "role_functions", answer_number(r->blau_function),
			 "verdict", roi_verdict_name[r->verdict], "reasons", reasons, "why", why);
}

static json_t *score_json(double x)
{
	return x < 0 ? json_null() : answer_number(x);
}

json_t *answer_scorecard(const struct m_facts *f, const struct scorecard *sc)
{
	json_t *members = json_array(), *weeks = json_array(), *months = json_array();
	for (size_t i = 0; i < sc->n_members; i++) {
		const struct sc_member *m = &sc->members[i];
		json_t *measures = json_object();
		for (int k = 0; k < SC_COUNT; k++)
			json_object_set_new(measures, sc_measure_name[k],
					    json_pack("{s:o, s:o, s:o, s:s}",
						      "value", score_json(m->value[k]),
						      "threshold", answer_number(f->set.sc_threshold[k]),
						      "score", score_json(m->score[k]),
						      "colour", sc_colour_name[m->colour[k]]));
		json_t *p = answer_person(f, m->person);
		json_object_set_new(p, "since", m->since == M_NO_DATE ? json_null() : date_json(m->since));
		json_object_set_new(p, "measures", measures);
		json_object_set_new(p, "visitors_joined", json_integer((json_int_t)m->visitors_joined));
		json_object_set_new(p, "score", score_json(m->total));
		json_object_set_new(p, "colour", json_string(sc_colour_name[m->overall]));
		json_array_append_new(members, p);
	}
	for (int pass = 0; pass < 2; pass++) {
		const struct sc_bucket *list = pass ? sc->months : sc->weeks;
		size_t n = pass ? sc->n_months : sc->n_weeks;
		for (size_t i = 0; i < n; i++) {
			json_t *o = json_pack("{s:s}", pass ? "month" : "week", list[i].key);
			for (int k = 0; k < SC_COUNT; k++)
				if (k != SC_CLOSED_GIVEN)
					json_object_set_new(o, k == SC_ATTENDANCE ? "attended" :
							    sc_measure_name[k], answer_number(list[i].value[k]));
			json_array_append_new(pass ? months : weeks, o);
		}
	}
	return json_pack("{s:o, s:o, s:o, s:o, s:{s:o, s:o, s:o, s:o}}", "network",
			 answer_network(f, sc->network), "from", date_json(sc->from),
			 "to", date_json(sc->to), "members", members, "totals", "weeks", weeks,
			 "months", months, "green", answer_number(f->set.sc_green),
			 "amber", answer_number(f->set.sc_amber));
}

static json_t *segment_json(const struct m_segment *s)
{
	json_t *o = json_object();
	if (s->industry)
		json_object_set_new(o, "industry", json_string(s->industry));
	if (s->role_level >= 0)
		json_object_set_new(o, "role_level", json_string(enum_role_level.items[s->role_level].name));
	if (s->role_function >= 0)
		json_object_set_new(o, "role_function",
				    json_string(enum_role_function.items[s->role_function].name));
	if (s->region)
		json_object_set_new(o, "region", json_string(s->region));
	if (s->size_class >= 0)
		json_object_set_new(o, "size_class", json_string(enum_size_class.items[s->size_class].name));
	json_object_set_new(o, "want", json_integer(s->want));
	return o;
}

json_t *answer_coverage(const struct m_facts *f, const struct plan_coverage *c)
{
	json_t *segs = json_array();
	for (size_t i = 0; i < c->n_segments; i++) {
		const struct plan_segment *s = &c->segments[i];
		json_t *revive = json_array(), *nets = json_array(), *reach = json_array();
		for (size_t k = 0; k < s->n_revive; k++) {
			json_t *p = answer_person(f, s->revive[k].person);
			json_object_set_new(p, "strength", answer_number(s->revive[k].strength));
			json_array_append_new(revive, p);
		}
		for (size_t k = 0; k < s->n_networks; k++) {
			const struct plan_network *pn = &s->networks[k];
			const struct m_network *n = m_network_get(f, pn->network);
			json_t *o = answer_network(f, pn->network);
			json_object_set_new(o, "members_in_segment", json_integer((json_int_t)pn->members));
			json_object_set_new(o, "yearly_cost", pn->yearly_cost >= 0 ? answer_number(pn->yearly_cost) : json_null());
			json_object_set_new(o, "per_unit_of_cost", pn->score >= 0 ? json_real(pn->score) : json_null());
			json_object_set_new(o, "purpose", n && n->purpose >= 0 ? json_string(enum_purpose.items[n->purpose].name) : json_null());
			json_object_set_new(o, "openness", n && n->openness >= 0 ? json_string(enum_openness.items[n->openness].name) : json_null());
			json_object_set_new(o, "meeting_place", n && n->place ? json_string(n->place) : json_null());
			json_object_set_new(o, "joined", json_boolean(pn->joined));
			json_array_append_new(nets, o);
		}
		for (size_t k = 0; k < s->n_reach; k++) {
			json_t *p = answer_person(f, s->reach[k].person);
			json_object_set_new(p, "strength", answer_number(s->reach[k].strength));
			json_object_set_new(p, "hops", json_integer(s->reach[k].hops));
			json_object_set_new(p, "ask", answer_person(f, s->reach[k].ask));
			json_array_append_new(reach, p);
		}
		json_array_append_new(segs, json_pack("{s:o, s:I, s:I, s:o, s:o, s:o}", "segment",
						      segment_json(s->seg), "coverage", (json_int_t)s->coverage,
						      "gap", (json_int_t)s->gap, "revive", revive,
						      "networks", nets, "reachable", reach));
	}
	return json_pack("{s:o, s:o, s:o, s:I, s:o}", "plan", record_id_json(c->plan->id),
			 "owner", answer_person(f, c->plan->owner),
			 "capacity_per_month", c->plan->capacity >= 0 ? json_integer(c->plan->capacity) : json_null(),
			 "suggested", (json_int_t)c->suggested, "segments", segs);
}

json_t *answer_ask_matches(const struct m_facts *f, const struct m_ask *k,
			   const struct ask_match *ms, size_t n)
{
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *m = answer_person(f, ms[i].person), *reasons = json_array();
		for (int r = 0; r < ms[i].n_reasons; r++)
			json_array_append_new(reasons, json_string(ms[i].reason[r]));
		json_object_set_new(m, "score", answer_number(ms[i].score));
		json_object_set_new(m, "profile", score_json(ms[i].profile));
		json_object_set_new(m, "contacts", score_json(ms[i].contacts));
		json_object_set_new(m, "text", answer_number(ms[i].text));
		/* the facts of the reasons, for an interface to word them */
		json_t *words = json_array();
		for (size_t w = 0; w < ms[i].n_words; w++)
			json_array_append_new(words, json_string(ms[i].word[w]));
		json_object_set_new(m, "good_contacts", ms[i].contacts >= 0
				    ? json_integer((json_int_t)ms[i].n_contacts) : json_null());
		json_object_set_new(m, "words", words);
		json_object_set_new(m, "reasons", reasons);
		json_array_append_new(list, m);
	}
	return json_pack("{s:o, s:o, s:s?, s:b, s:o}", "ask", record_id_json(k->id),
			 "person", answer_person(f, k->person), "text", k->text, "open", k->open,
			 "matches", list);
}

static int listed(const mu_id *ids, size_t n, mu_id id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

json_t *answer_participation(const struct m_facts *f, const struct m_organisation *o,
			     const struct participation *rows, size_t n, mu_id *seen)
{
	json_t *people = json_array(), *nets = json_array(), *cells = json_array();
	size_t n_people = 0, n_nets = 0;
	mu_id *net_seen = seen + n;
	for (size_t i = 0; i < n; i++) {
		const struct m_membership *m = rows[i].m;
		json_t *goals = json_array();
		if (!listed(seen, n_people, m->person)) {
			seen[n_people++] = m->person;
			json_array_append_new(people, answer_person(f, m->person));
		}
		if (!listed(net_seen, n_nets, m->network)) {
			net_seen[n_nets++] = m->network;
			json_array_append_new(nets, answer_network(f, m->network));
		}
		for (size_t g = 0; g < rows[i].n_goals; g++)
			json_array_append_new(goals, answer_goal(f, &rows[i].goals[g]));
		json_array_append_new(cells, json_pack(
			"{s:o, s:o, s:s, s:o, s:o, s:o, s:o, s:s?, s:i, s:o, s:s, s:o}",
			"person", answer_person(f, m->person), "network", answer_network(f, m->network),
			"role", m->role >= 0 ? enum_membership_role.items[m->role].name : "member",
			"since", m->since == M_NO_DATE ? json_null() : date_json(m->since),
			"until", m->until == M_NO_DATE ? json_null() : date_json(m->until),
			"hours_per_meeting", m->hours_per_meeting > 0 ? answer_number(m->hours_per_meeting)
								       : json_null(),
			"hourly_cost", money_json(&m->hourly_cost),
			"expected_outcome", m->expected_outcome, "attended_last_year", rows[i].attended,
			"time_cost_last_year", answer_number(rows[i].time_cost),
			"currency", m->hourly_cost.currency[0] ? m->hourly_cost.currency : f->currency,
			"goals", goals));
	}
	return json_pack("{s:{s:o, s:s?}, s:s?, s:o, s:o, s:o}", "organisation", "id",
			 record_id_json(o->id), "name", o->name, "ground_rules", o->ground_rules,
			 "employees", people, "networks", nets, "cells", cells);
}
