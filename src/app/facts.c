/*
 * facts.c - load a workspace into the method's typed facts (method/facts.h), in one
 * read transaction.
 *
 * Records come from the store as generic values; here they become plain structs:
 * enums to indexes, dates and times to numbers, list JSON to arrays, labels trimmed
 * and case-folded once so that the computations compare bytes.
 * What the actor may not see (app/privacy.h) is left out here, once, so no
 * computation can show it.
 */
#include <stdlib.h>
#include <string.h>

#include "app/facts.h"
#include "app/access.h"
#include "app/internal.h"
#include "app/privacy.h"
#include "core/text.h"
#include "enums_gen.h"
#include "io/workspace.h"
#include "core/banned.h"

struct loader {
	struct mu_arena *a;
	const struct mu_record *r;
};

static const struct mu_value *val(const struct loader *l, const char *name)
{
	int i = model_field_index(l->r->ent, name);
	return i >= 0 && l->r->v[i].set ? &l->r->v[i] : NULL;
}

static mu_id ref(const struct loader *l, const char *name)
{
	const struct mu_value *v = val(l, name);
	return v ? v->i : 0;
}

static int enm(const struct loader *l, const char *name, const struct enum_def *e)
{
	const struct mu_value *v = val(l, name);
	return v ? enum_find(e, v->s) : -1;
}

static const char *text(const struct loader *l, const char *name)
{
	const struct mu_value *v = val(l, name);
	return v ? v->s : NULL;
}

static mu_time when(const struct loader *l, const char *name)
{
	const struct mu_value *v = val(l, name);
	mu_time t;
	return v && mu_time_parse(v->s, &t) == 0 ? t : M_NO_DATE;
}

static int64_t day(const struct loader *l, const char *name)
{
	const struct mu_value *v = val(l, name);
	int64_t d;
	return v && mu_date_parse(v->s, &d) == 0 ? d : M_NO_DATE;
}

static void money(const struct loader *l, const char *name, struct m_money *m)
{
	const struct mu_value *v = val(l, name);
	memset(m, 0, sizeof *m);
	if (v && v->s && strlen(v->s) == 3) {
		m->amount = v->i;
		memcpy(m->currency, v->s, 4);
	}
}

/* A list field as JSON (new reference; an empty array when absent). */
static json_t *list(const struct loader *l, const char *name)
{
	const struct mu_value *v = val(l, name);
	json_t *j = v ? json_loads(v->s, JSON_DECODE_ANY, NULL) : NULL;
	return json_is_array(j) ? j : (json_decref(j), json_array());
}

static mu_id id_text(json_t *j)
{
	const char *s = json_string_value(j);
	return s ? strtoll(s, NULL, 10) : 0;
}

/* Trimmed and case-folded, for comparing labels (SPEC §4 conventions). */
static const char *label(struct mu_arena *a, const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	char *t = mu_strndup(a, s, n);
	return text_fold(t, t);
}

static unsigned bits(json_t *arr, const char *key, const struct enum_def *e)
{
	unsigned b = 0;
	size_t i;
	json_t *x;
	json_array_foreach(arr, i, x) {
		json_t *s = key ? json_object_get(x, key) : x;
		int k = json_is_string(s) ? enum_find(e, json_string_value(s)) : -1;
		if (k >= 0)
			b |= 1u << k;
	}
	return b;
}

static int has_string(const char *const *xs, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(xs[i], s) == 0)
			return 1;
	return 0;
}

static void load_organisation(struct loader *l, struct m_organisation *o)
{
	o->id = l->r->id;
	o->name = text(l, "name");
	o->ground_rules = text(l, "ground_rules");
	o->industry = text(l, "industry");
	o->region = text(l, "region");
	o->size_class = enm(l, "size_class", &enum_size_class);
}

static const char *member_text(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static int member_enum(json_t *o, const char *key, const struct enum_def *e)
{
	const char *s = member_text(o, key);
	return s ? enum_find(e, s) : -1;
}

static void load_segment(struct mu_arena *a, json_t *x, struct m_segment *s)
{
	s->industry = mu_strdup(a, member_text(x, "industry"));
	s->region = mu_strdup(a, member_text(x, "region"));
	s->role_level = member_enum(x, "role_level", &enum_role_level);
	s->role_function = member_enum(x, "role_function", &enum_role_function);
	s->size_class = member_enum(x, "size_class", &enum_size_class);
	s->want = (int)json_integer_value(json_object_get(x, "want"));
}

static void load_plan(struct loader *l, struct m_plan *p)
{
	json_t *segs = list(l, "segments");
	const struct mu_value *v;
	size_t i;
	json_t *x;
	p->id = l->r->id;
	p->owner = ref(l, "owner_person");
	p->capacity = (v = val(l, "capacity_per_month")) ? (int)v->i : -1;
	p->segments = mu_alloc_array(l->a, json_array_size(segs), sizeof *p->segments);
	json_array_foreach(segs, i, x)
		load_segment(l->a, x, &p->segments[p->n_segments++]);
	json_decref(segs);
}

static void load_ask(struct loader *l, struct m_ask *k)
{
	const struct mu_value *v = val(l, "segment");
	k->id = l->r->id;
	k->person = ref(l, "person");
	k->at = when(l, "at");
	k->text = text(l, "text");
	k->open = enm(l, "status", &enum_ask_status) != ASK_STATUS_CLOSED;
	json_t *seg = v ? json_loads(v->s, 0, NULL) : NULL;
	k->has_segment = json_is_object(seg) && json_object_size(seg) > 0;
	load_segment(l->a, seg, &k->segment);
	json_decref(seg);
}

static void load_offer(struct loader *l, struct m_offer *o)
{
	o->id = l->r->id;
	o->person = ref(l, "person");
	o->at = when(l, "at");
	o->text = text(l, "text");
	o->open = enm(l, "status", &enum_ask_status) != ASK_STATUS_CLOSED;
}

static void load_person(struct loader *l, struct m_person *p)
{
	p->id = l->r->id;
	p->name = text(l, "full_name");
	p->organisation = ref(l, "organisation_id");
	p->role_level = enm(l, "role_level", &enum_role_level);
	p->role_function = enm(l, "role_function", &enum_role_function);
	p->industry = text(l, "industry");
	p->region = text(l, "region");
	const struct mu_value *v = val(l, "private");
	p->priv = v && v->i;
	v = val(l, "objection");
	p->objection = v && v->i;
}

static void load_industries(struct loader *l, json_t *arr, struct m_profile *p)
{
	size_t i;
	json_t *x;
	p->target_industries = mu_alloc_array(l->a, json_array_size(arr), sizeof *p->target_industries);
	json_array_foreach(arr, i, x) {
		struct m_nace n;
		if (!nace_parse(json_string_value(x), n.section, n.division))
			continue;
		int dup = 0;
		for (size_t k = 0; k < p->n_target_industries && !dup; k++)
			dup = strcmp(p->target_industries[k].section, n.section) == 0 &&
			      strcmp(p->target_industries[k].division, n.division) == 0;
		if (!dup)
			p->target_industries[p->n_target_industries++] = n;
	}
}

static void load_profile(struct loader *l, struct m_profile *p)
{
	json_t *offerings = list(l, "offerings"), *industries = list(l, "target_industries");
	json_t *sizes = list(l, "target_sizes"), *roles = list(l, "target_roles");
	json_t *themes = list(l, "themes"), *competitors = list(l, "competitors");
	size_t i;
	json_t *x;

	p->person = l->r->id;
	p->sphere = enm(l, "sphere", &enum_sphere);
	p->offerings = mu_alloc_array(l->a, json_array_size(offerings), sizeof *p->offerings);
	json_array_foreach(offerings, i, x) {
		struct m_offering *o = &p->offerings[p->n_offerings++];
		o->label = label(l->a, json_string_value(json_object_get(x, "label")));
		json_t *st = json_object_get(x, "stage");
		o->stage = json_is_string(st) ? enum_find(&enum_stage, json_string_value(st)) : -1;
	}
	load_industries(l, industries, p);
	p->target_sizes = bits(sizes, NULL, &enum_size_class);
	p->target_levels = bits(roles, "level", &enum_role_level);
	p->target_functions = bits(roles, "function", &enum_role_function);
	p->themes = mu_alloc_array(l->a, json_array_size(themes), sizeof *p->themes);
	json_array_foreach(themes, i, x) {
		const char *t = label(l->a, json_string_value(x));
		if (!has_string(p->themes, p->n_themes, t))
			p->themes[p->n_themes++] = t;
	}
	money(l, "typical_deal", &p->deal);
	p->contributes = text(l, "contributes");
	json_t *regions = list(l, "target_regions");
	p->target_regions = mu_alloc_array(l->a, json_array_size(regions), sizeof *p->target_regions);
	json_array_foreach(regions, i, x)
		p->target_regions[p->n_target_regions++] = mu_strdup(l->a, json_string_value(x));
	json_decref(regions);
	p->competitors = mu_alloc_array(l->a, json_array_size(competitors), sizeof *p->competitors);
	json_array_foreach(competitors, i, x)
		p->competitors[p->n_competitors++] = id_text(x);
	json_decref(offerings);
	json_decref(industries);
	json_decref(sizes);
	json_decref(roles);
	json_decref(themes);
	json_decref(competitors);
}

static void load_tie(struct loader *l, struct m_tie *t)
{
	const struct mu_value *v;
	t->id = l->r->id;
	t->a = ref(l, "a");
	t->b = ref(l, "b");
	t->how_met = text(l, "how_met");
	t->since = day(l, "since");
	t->cadence_days = (v = val(l, "cadence_days")) ? (int)v->i : 0;
	/* both have defaults, so only a damaged row lacks them */
	int tier = enm(l, "tier", &enum_tier), status = enm(l, "status", &enum_tie_status);
	t->tier = tier < 0 ? TIER_ACTIVE : tier;
	t->status = status < 0 ? TIE_STATUS_ACTIVE : status;
	t->liking_a = (v = val(l, "liking_a")) ? (int)v->i : 0;
	t->liking_b = (v = val(l, "liking_b")) ? (int)v->i : 0;
	t->priv = (v = val(l, "private")) && v->i;
}

static void load_exchange(struct loader *l, struct m_exchange *x)
{
	const struct mu_value *v;
	x->id = l->r->id;
	x->at = when(l, "at");
	x->giver = ref(l, "giver");
	x->receiver = ref(l, "receiver");
	x->kind = enm(l, "kind", &enum_exchange_kind);
	money(l, "amount", &x->amount);
	x->points = (v = val(l, "points")) ? (int)v->i : 0;
	x->network = ref(l, "network_id");
	x->referral = ref(l, "referral_id");
	x->priv = (v = val(l, "private")) && v->i;
}

static void load_referral(struct loader *l, struct m_referral *r)
{
	json_t *history = list(l, "history");
	size_t i;
	json_t *x;
	r->id = l->r->id;
	r->giver = ref(l, "giver");
	r->receiver = ref(l, "receiver");
	r->prospect_person = ref(l, "prospect_person");
	r->prospect_organisation = ref(l, "prospect_organisation");
	r->network = ref(l, "network_id");
	r->status = enm(l, "status", &enum_referral_status);
	money(l, "closed_value", &r->closed);
	r->history = mu_alloc_array(l->a, json_array_size(history), sizeof *r->history);
	json_array_foreach(history, i, x) {
		struct m_step *s = &r->history[r->n_history];
		s->status = enum_find(&enum_referral_status,
				      json_string_value(json_object_get(x, "status")));
		if (s->status >= 0 && json_string_value(json_object_get(x, "at")) &&
		    mu_time_parse(json_string_value(json_object_get(x, "at")), &s->at) == 0)
			r->n_history++;
	}
	json_decref(history);
}

static void load_meeting(struct loader *l, struct m_meeting *m)
{
	json_t *att = list(l, "attendance"), *vis = list(l, "visitors");
	size_t i;
	json_t *x;
	m->id = l->r->id;
	m->network = ref(l, "network_id");
	m->at = when(l, "at");
	m->place = text(l, "place");
	m->attendance = mu_alloc_array(l->a, json_array_size(att), sizeof *m->attendance);
	json_array_foreach(att, i, x) {
		struct m_attendance *a = &m->attendance[m->n_attendance++];
		a->person = id_text(json_object_get(x, "person"));
		a->code = enum_find(&enum_attendance_code, json_string_value(json_object_get(x, "code")));
	}
	m->visitors = mu_alloc_array(l->a, json_array_size(vis), sizeof *m->visitors);
	json_array_foreach(vis, i, x) {
		struct m_visitor *v = &m->visitors[m->n_visitors++];
		v->person = id_text(json_object_get(x, "person"));
		v->invited_by = id_text(json_object_get(x, "invited_by"));
	}
	json_decref(att);
	json_decref(vis);
}

static void load_one_to_one(struct loader *l, struct m_one_to_one *o)
{
	o->id = l->r->id;
	o->at = when(l, "at");
	o->a = ref(l, "a");
	o->b = ref(l, "b");
}

static void load_membership(struct loader *l, struct m_membership *m)
{
	m->id = l->r->id;
	m->network = ref(l, "network_id");
	m->person = ref(l, "person_id");
	m->role = enm(l, "role", &enum_membership_role);
	m->since = day(l, "since");
	m->until = day(l, "until");
	const struct mu_value *v = val(l, "hours_per_meeting");
	m->hours_per_meeting = v ? v->r : 0;
	money(l, "hourly_cost", &m->hourly_cost);
	m->expected_outcome = text(l, "expected_outcome");
}

static void load_network(struct loader *l, struct m_network *n)
{
	const struct mu_value *v;
	n->id = l->r->id;
	n->name = text(l, "name");
	n->place = text(l, "meeting_place");
	n->meetings_per_year = (v = val(l, "meetings_per_year")) ? (int)v->i : 0;
	n->purpose = enm(l, "purpose", &enum_purpose);
	n->openness = enm(l, "openness", &enum_openness);
	money(l, "fee", &n->fee);
	n->fee_per = (v = val(l, "fee")) && v->per ? enum_find(&enum_fee_per, v->per) : -1;
}

static void load_takeaway(struct loader *l, struct m_takeaway *k)
{
	json_t *tags = list(l, "tags");
	size_t i;
	json_t *x;
	k->id = l->r->id;
	k->network = ref(l, "network_id");
	k->meeting = ref(l, "meeting_id");
	k->author = ref(l, "author");
	k->at = when(l, "at");
	k->text = text(l, "text");
	json_array_foreach(tags, i, x)
		k->idea |= json_is_string(x) && strcmp(json_string_value(x), "idea") == 0;
	json_decref(tags);
}

static void load_goal(struct loader *l, struct m_goal *g)
{
	const struct mu_value *v;
	g->id = l->r->id;
	g->owner = ref(l, "owner_person");
	g->network = ref(l, "network_id");
	g->metric = enm(l, "metric", &enum_goal_metric);
	g->target = (v = val(l, "target")) ? v->r : 0;
	g->from = day(l, "from");
	g->to = day(l, "to");
}

static int load_settings(const struct workspace *w, struct m_settings *s)
{
	json_t *j = json_loads(w->settings ? w->settings : "{}", 0, NULL);
	json_t *x;
	size_t i;

	m_settings_default(s);
	json_array_foreach(json_object_get(j, "fit_weights"), i, x)
		if (i < 5)
			s->fit_weights[i] = json_number_value(x);
	if ((x = json_object_get(j, "fit_threshold_power_team")))
		s->power_threshold = json_number_value(x);
	if ((x = json_object_get(j, "reciprocity_window_days")))
		s->window_days = (int)json_integer_value(x);
	json_t *c = json_object_get(j, "cadence_days");
	for (int t = 0; t < 3; t++)
		if ((x = json_object_get(c, enum_tier.items[t].name)))
			s->cadence_days[t] = (int)json_integer_value(x);
	json_t *sc = json_object_get(j, "scorecard");
	for (int k = 0; k < SC_COUNT; k++)
		if ((x = json_object_get(sc, sc_measure_name[k])))
			s->sc_threshold[k] = json_number_value(x);
	if ((x = json_object_get(sc, "window_days")))
		s->sc_window_days = (int)json_integer_value(x);
	if ((x = json_object_get(sc, "new_member_days")))
		s->sc_new_member_days = (int)json_integer_value(x);
	if ((x = json_object_get(sc, "green")))
		s->sc_green = json_number_value(x);
	if ((x = json_object_get(sc, "amber")))
		s->sc_amber = json_number_value(x);
	json_decref(j);
	return 0;
}

/* Load every record of one kind and convert each with fn into an array of size each. */
#define LOAD(kind, field, fn)                                                             \
	do {                                                                              \
		struct mu_record *rs;                                                     \
		size_t n;                                                                 \
		rc = store_record_list(app->st, a, app->ws, model_entity(kind), 0, 0, &rs, &n, err); \
		if (rc < 0)                                                               \
			goto out;                                                         \
		privacy_filter(app->priv, a, rs, &n);                                     \
		f->field = mu_alloc_array(a, n, sizeof *f->field);                        \
		for (size_t i = 0; i < n; i++) {                                          \
			struct loader l = { a, &rs[i] };                                  \
			fn(&l, &f->field[i]);                                             \
		}                                                                         \
		f->n_##field = n;                                                         \
	} while (0)

int app_facts(struct app *app, struct mu_arena *a, struct m_facts *f, struct mu_error *err)
{
	struct workspace w;
	int rc;

	memset(f, 0, sizeof *f);
	f->now = app->now;
	if ((rc = app_begin(app, STORE_READ, a, err)) < 0)
		return rc;
	/* the settings of the same snapshot as the records: a server thread's app may have
	 * read its workspace before a change of the settings (app_workspace_settings()) */
	if ((rc = store_workspace_get(app->st, a, app->ws, &w, err)) < 0)
		goto out;
	f->currency = w.currency ? w.currency : "SEK";
	load_settings(&w, &f->set);
	LOAD(ENT_ORGANISATION, organisations, load_organisation);
	LOAD(ENT_PERSON, persons, load_person);
	LOAD(ENT_PROFILE, profiles, load_profile);
	LOAD(ENT_TIE, ties, load_tie);
	LOAD(ENT_EXCHANGE, exchanges, load_exchange);
	LOAD(ENT_REFERRAL, referrals, load_referral);
	LOAD(ENT_MEETING, meetings, load_meeting);
	LOAD(ENT_ONE_TO_ONE, one_to_ones, load_one_to_one);
	LOAD(ENT_MEMBERSHIP, memberships, load_membership);
	LOAD(ENT_NETWORK, networks, load_network);
	LOAD(ENT_TAKEAWAY, takeaways, load_takeaway);
	LOAD(ENT_GOAL, goals, load_goal);
	LOAD(ENT_PLAN, plans, load_plan);
	LOAD(ENT_ASK, asks, load_ask);
	LOAD(ENT_OFFER, offers, load_offer);
	rc = m_facts_index(f, a);
out:
	if (rc < 0 && !err->code)
		mu_fail(err, rc, NULL, "cannot index the workspace");
	return app_end(app, rc, err);
}

int call_begin_named(struct app *app, struct call *c, const char *name, struct mu_error *err)
{
	int rc;

	mu_arena_init(&c->a);
	if ((rc = app_need_workspace(app, err)) < 0 || (rc = app_facts(app, &c->a, &c->f, err)) < 0 ||
	    (rc = app_audit_read(app, "compute", name, 0, NULL, err)) < 0)
		mu_arena_release(&c->a);
	return rc;
}

int call_end(struct call *c, int rc)
{
	mu_arena_release(&c->a);
	return rc;
}

int call_need_person(const struct m_facts *f, mu_id id, struct mu_error *err)
{
	if (!m_person_get(f, id))
		return mu_fail(err, MU_ENOTFOUND, "person", "no person %lld in this workspace",
			       (long long)id);
	return 0;
}
