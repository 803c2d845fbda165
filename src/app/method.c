/*
 * method.c - the method's use cases: load the facts, compute, answer in JSON.
 */
#include <stdlib.h>
#include <string.h>

#include "app/facts.h"
#include "app/internal.h"
#include "app/method.h"
#include "app/access.h"
#include "graph/cliques.h"
#include "io/answers.h"
#include "io/record.h"
#include "io/stream.h"
#include "method/agenda.h"
#include "method/asks.h"
#include "method/fit.h"
#include "method/goals.h"
#include "method/ledger.h"
#include "method/plan.h"
#include "method/roi.h"
#include "method/scorecard.h"
#include "method/strength.h"
#include "method/timeline.h"
#include "enums_gen.h"
#include "core/banned.h"

#define DAY 86400
/* Power teams: beyond this many maximal cliques the threshold is too low to mean
 * anything, and memory would run out long before a chapter could read them. */
#define MAX_CLIQUES 1000000

static const struct m_profile *need_profile(const struct m_facts *f, mu_id id,
					    struct mu_error *err)
{
	const struct m_profile *p = m_profile_get(f, id);
	const struct m_person *who = m_person_get(f, id);
	if (!p)
		mu_fail(err, MU_ENOTFOUND, "profile",
			"%s has no profile, so there is no fit to compute; add one with"
			" 'mutua profile add --person-id %lld --sphere ...'",
			who && who->name ? who->name : "this person", (long long)id);
	return p;
}

static int need_network(const struct m_facts *f, mu_id network, struct mu_error *err)
{
	if (network && !m_network_get(f, network))
		return mu_fail(err, MU_ENOTFOUND, "network", "no network %lld in this workspace",
			       (long long)network);
	return 0;
}

/* The profiles in play: all, or those of the network's current members. */
int app_fit(struct app *app, mu_id a, mu_id b, json_t **out, struct mu_error *err)
{
	struct call c;
	struct fit_ctx ctx;
	struct fit_result r;
	const struct m_profile *pa, *pb;
	int rc;

	if ((rc = call_begin(app, &c, err)) < 0)
		return rc;
	if (a == b)
		rc = mu_fail(err, MU_EINVAL, "b", "a fit needs two different people");
	else if ((rc = call_need_person(&c.f, a, err)) < 0 || (rc = call_need_person(&c.f, b, err)) < 0)
		;
	else if (!(pa = need_profile(&c.f, a, err)) || !(pb = need_profile(&c.f, b, err)))
		rc = err->code;
	else {
		fit_prepare(&ctx, &c.f, &c.a);
		fit_pair(&ctx, pa, pb, &r);
		*out = answer_fit(&c.f, &r);
	}
	return call_end(&c, rc);
}

/* Fits of every pair among ps (n x n, row-major, diagonal 0), details in rs when not
 * NULL (n x n too). */
static double *fit_all(const struct fit_ctx *ctx, const struct m_profile *const *ps, size_t n,
		       struct mu_arena *a, struct fit_result **rs)
{
	double *fits = mu_alloc_array(a, n * n, sizeof *fits);
	struct fit_result r;
	if (rs)
		*rs = mu_alloc_array(a, n * n, sizeof **rs);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			fit_pair(ctx, ps[i], ps[j], rs ? &(*rs)[i * n + j] : &r);
			fits[i * n + j] = fits[j * n + i] = rs ? (*rs)[i * n + j].fit : r.fit;
		}
	return fits;
}

int app_fit_matrix(struct app *app, mu_id network, int with_pairs, struct json_stream *stream,
		   json_t **out, struct mu_error *err)
{
	struct call c;
	struct fit_ctx ctx;
	struct fit_result r;
	const struct m_profile **ps;
	int rc;

	if ((rc = call_begin(app, &c, err)) < 0)
		return rc;
	if ((rc = need_network(&c.f, network, err)) < 0)
		return call_end(&c, rc);
	size_t n = m_candidate_profiles(&c.f, network, &c.a, &ps);
	fit_prepare(&ctx, &c.f, &c.a);
	/* the numbers first (no words: fast), then each pair in full */
	ctx.quiet = 1;
	double *fits = fit_all(&ctx, ps, n, &c.a, NULL);
	ctx.quiet = 0;
	json_t *people = json_array(), *rows = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *row = json_array();
		json_array_append_new(people, answer_person(&c.f, ps[i]->person));
		for (size_t j = 0; j < n; j++)
			json_array_append_new(row, answer_number(fits[i * n + j]));
		json_array_append_new(rows, row);
	}
	json_t *doc = json_pack("{s:o, s:o, s:o}", "network", answer_network(&c.f, network),
				"people", people, "matrix", rows);
	json_t *pairs = stream ? NULL : json_array();
	if (!with_pairs) {
		json_decref(pairs);
		*out = doc;
		return call_end(&c, 0);
	}
	if (stream && (rc = json_stream_begin(stream, doc, "pairs")) < 0)
		goto out;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			fit_pair(&ctx, ps[i], ps[j], &r);
			if (!stream)
				json_array_append_new(pairs, answer_fit(&c.f, &r));
			else if ((rc = json_stream_item(stream, answer_fit(&c.f, &r))) < 0)
				goto out;
		}
	if (stream)
		rc = json_stream_end(stream);
	else
		json_object_set_new(doc, "pairs", pairs);
out:
	if (rc < 0 && !err->code)
		mu_fail(err, rc, NULL, "cannot write the fit matrix");
	if (rc == 0 && !stream)
		*out = json_incref(doc);
	json_decref(doc);
	return call_end(&c, rc);
}

static int by_fit(const void *x, const void *y)
{
	const struct fit_result *a = x, *b = y;
	if (a->fit != b->fit)
		return a->fit < b->fit ? 1 : -1;
	return (a->b > b->b) - (a->b < b->b);
}

int app_partners(struct app *app, mu_id person, size_t top, json_t **out, struct mu_error *err)
{
	struct call c;
	struct fit_ctx ctx;
	const struct m_profile *me;
	int rc;

	if ((rc = call_begin(app, &c, err)) < 0)
		return rc;
	if ((rc = call_need_person(&c.f, person, err)) < 0)
		return call_end(&c, rc);
	if (!(me = need_profile(&c.f, person, err)))
		return call_end(&c, err->code);
	fit_prepare(&ctx, &c.f, &c.a);
	const struct m_profile **cand;
	size_t nc = m_candidate_profiles(&c.f, 0, &c.a, &cand), n = 0;
	struct fit_result *rs = mu_alloc_array(&c.a, nc ? nc : 1, sizeof *rs);
	for (size_t i = 0; i < nc; i++)
		if (cand[i]->person != person)
			fit_pair(&ctx, me, cand[i], &rs[n++]);
	qsort(rs, n, sizeof *rs, by_fit);
	json_t *list = json_array();
	for (size_t i = 0; i < n && i < top; i++)
		json_array_append_new(list, answer_fit(&c.f, &rs[i]));
	*out = json_pack("{s:o, s:o}", "person", answer_person(&c.f, person), "partners", list);
	return call_end(&c, 0);
}

int app_power_teams(struct app *app, mu_id network, double min_fit, size_t top, json_t **out,
		    struct mu_error *err)
{
	struct call c;
	struct fit_ctx ctx;
	const struct m_profile **ps;
	struct fit_team *teams;
	size_t n_teams;
	int rc;

	if ((rc = call_begin(app, &c, err)) < 0)
		return rc;
	if ((rc = need_network(&c.f, network, err)) < 0)
		return call_end(&c, rc);
	if (min_fit < 0)
		min_fit = c.f.set.power_threshold;
	size_t n = m_candidate_profiles(&c.f, network, &c.a, &ps);
	mu_id *people = mu_alloc_array(&c.a, n, sizeof *people);
	for (size_t i = 0; i < n; i++)
		people[i] = ps[i]->person;
	fit_prepare(&ctx, &c.f, &c.a);
	ctx.quiet = 1;	/* n^2 / 2 fits: numbers only */
	double *fits = fit_all(&ctx, ps, n, &c.a, NULL);
	/* the fit graph at the threshold, its cliques, then the teams */
	size_t n_edges = 0;
	size_t *edge = mu_alloc_array(&c.a, n * (n ? n - 1 : 0) + 1, sizeof *edge);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (fits[i * n + j] >= min_fit) {
				edge[2 * n_edges] = i;
				edge[2 * n_edges + 1] = j;
				n_edges++;
			}
	struct cliques cl;
	if ((rc = graph_maximal_cliques(n, edge, n_edges, 3, MAX_CLIQUES, &c.a, &cl)) < 0 ||
	    (rc = fit_power_teams(people, n, fits, cl.start, cl.member, cl.count, &c.a, &teams,
				  &n_teams)) < 0) {
		if (rc == MU_ETOOBIG)
			mu_fail(err, rc, "min_fit", "the fit graph at %.2f has more than %d groups who"
				" all fit each other; raise the threshold (--min-fit)", min_fit,
				MAX_CLIQUES);
		else
			mu_fail(err, rc, NULL, "cannot enumerate the power teams");
		return call_end(&c, rc);
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n_teams && (!top || i < top); i++)
		json_array_append_new(list, answer_team(&c.f, &teams[i]));
	*out = json_pack("{s:o, s:I, s:I, s:o}", "min_fit", answer_number(min_fit),
			 "candidates", (json_int_t)n, "found", (json_int_t)n_teams, "teams", list);
	return call_end(&c, 0);
}

/* People a exchanged with (of network, when given), in id order. */
static size_t partners_of(const struct m_facts *f, mu_id a, mu_id network, struct mu_arena *ar,
			  mu_id **out)
{
	size_t n = 0;
	mu_id *ids = mu_alloc_array(ar, f->n_exchanges, sizeof *ids);
	for (size_t i = 0; i < f->n_exchanges; i++) {
		const struct m_exchange *x = &f->exchanges[i];
		mu_id other = x->giver == a ? x->receiver : x->receiver == a ? x->giver : 0;
		int seen = 0;
		if (!other || (network && x->network != network))
			continue;
		for (size_t k = 0; k < n && !seen; k++)
			seen = ids[k] == other;
		if (!seen)
			ids[n++] = other;
	}
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && ids[j - 1] > ids[j]; j--) {
			mu_id t = ids[j];
			ids[j] = ids[j - 1];
			ids[j - 1] = t;
		}
	*out = ids;
	return n;
}

int app_balance(struct app *app, mu_id a, mu_id b, mu_id network, json_t **out,
		struct mu_error *err)
{
	struct call c;
	struct balance bal;
	int rc;

	if ((rc = call_begin(app, &c, err)) < 0)
		return rc;
	if ((rc = call_need_person(&c.f, a, err)) < 0 || (b && (rc = call_need_person(&c.f, b, err)) < 0) ||
	    (rc = need_network(&c.f, network, err)) < 0)
		return call_end(&c, rc);
	if (a == b)
		return call_end(&c, mu_fail(err, MU_EINVAL, "b", "a balance needs two different people"));
	ledger_balance(&c.f, a, b, network, &bal);
	*out = answer_balance(&c.f, &bal);
	if (!b) {
		mu_id *ids;
		size_t n = partners_of(&c.f, a, network, &c.a, &ids);
		json_t *list = json_array();
		for (size_t i = 0; i < n; i++) {
			ledger_balance(&c.f, a, ids[i], network, &bal);
			json_array_append_new(list, answer_balance(&c.f, &bal));
		}
		json_object_set_new(*out, "partners", list);
	}
	return call_end(&c, 0);
}

static int by_balance(const void *x, const void *y)
{
	const struct balance *a = x, *b = y;
	if (a->balance != b->balance)
		return a->balance < b->balance ? -1 : 1;
	return (a->a > b->a) - (a->a < b->a);
}

int app_balance_group(struct app *app, mu_id network, json_t **out, struct mu_error *err)
{
	struct call c;
	int rc;

	if ((rc = call_begin(app, &c, err)) < 0)
		return rc;
	if ((rc = need_network(&c.f, network, err)) < 0)
		return call_end(&c, rc);
	struct balance *bs = mu_alloc_array(&c.a, c.f.n_persons, sizeof *bs);
	size_t n = 0;
	double given = 0;
	for (size_t i = 0; i < c.f.n_persons; i++) {
		mu_id id = c.f.persons[i].id;
		struct balance *b = &bs[n];
		if (network && !m_current_member(&c.f, network, id))
			continue;
		ledger_balance(&c.f, id, 0, network, b);
		if (!network && b->n_given + b->n_received == 0)
			continue;	/* not part of the give and take */
		given += b->given;
		n++;
	}
	/* takers first: they are what a chapter leader looks for */
	qsort(bs, n, sizeof *bs, by_balance);
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, answer_balance(&c.f, &bs[i]));
	*out = json_pack("{s:o, s:i, s:o, s:o}", "network", answer_network(&c.f, network),
			 "window_days", c.f.set.window_days, "points", answer_number(given),
			 "members", list);
	return call_end(&c, 0);
}

static int by_at_desc(const void *x, const void *y)
{
	const struct m_exchange *a = *(const struct m_exchange *const *)x;
	const struct m_exchange *b = *(const struct m_exchange *const *)y;
	if (a->at != b->at)
		return a->at < b->at ? 1 : -1;
	return (a->id < b->id) - (a->id > b->id);
}

int app_ledger(struct app *app, mu_id person, json_t **out, struct mu_error *err)
{
	struct call c;
	int rc;

	if ((rc = call_begin(app, &c, err)) < 0)
		return rc;
	if (person && (rc = call_need_person(&c.f, person, err)) < 0)
		return call_end(&c, rc);
	const struct m_exchange **xs = mu_alloc_array(&c.a, c.f.n_exchanges, sizeof *xs);
	size_t n = 0;
	for (size_t i = 0; i < c.f.n_exchanges; i++)
		if (!person || c.f.exchanges[i].giver == person || c.f.exchanges[i].receiver == person)
			xs[n++] = &c.f.exchanges[i];
	/* newest first: ids are entry order, not time order */
	qsort(xs, n, sizeof *xs, by_at_desc);
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, answer_exchange(&c.f, xs[i]));
	*out = json_pack("{s:o, s:o}", "person", answer_person(&c.f, person), "exchanges", list);
	return call_end(&c, 0);
}

int app_strength(struct app *app, mu_id a, mu_id b, json_t **out, struct mu_error *err)
{
	struct call c;
	struct contact ct;
	struct strength s;
	int rc;

	if ((rc = call_begin(app, &c, err)) < 0)
		return rc;
	if ((rc = call_need_person(&c.f, a, err)) < 0 || (rc = call_need_person(&c.f, b, err)) < 0)
		return call_end(&c, rc);
	if (a == b)
		return call_end(&c, mu_fail(err, MU_EINVAL, "b", "strength needs two different people"));
	strength_contact(&c.f, a, b, &ct);
	strength_compute(&c.f, m_tie_between(&c.f, a, b), a, b, &ct, &s);
	*out = answer_strength(&c.f, &s);
	return call_end(&c, 0);
}

int app_timeline(struct app *app, mu_id person, json_t **out, struct mu_error *err)
{
	struct call c;
	struct timeline_item *items;
	struct timeline_tie *ties;
	size_t n, nties;
	int rc;

	if ((rc = call_begin(app, &c, err)) < 0)
		return rc;
	if ((rc = call_need_person(&c.f, person, err)) < 0)
		return call_end(&c, rc);
	timeline_build(&c.f, person, &c.a, &items, &n);
	timeline_ties(&c.f, person, &c.a, &ties, &nties);
	*out = answer_timeline(&c.f, person, items, n, ties, nties);
	return call_end(&c, 0);
}

int app_agenda(struct app *app, mu_id person, json_t **out, struct mu_error *err)
{
	struct call c;
	struct agenda_item *items;
	size_t n;
	int rc;

	if ((rc = call_begin(app, &c, err)) < 0)
		return rc;
	if (person && (rc = call_need_person(&c.f, person, err)) < 0)
		return call_end(&c, rc);
	agenda_build(&c.f, person, &c.a, &items, &n);
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, answer_agenda_item(&c.f, &items[i]));
	char day[MU_DATE_LEN];
	mu_date_format(c.f.now / DAY, day);
	*out = json_pack("{s:s, s:o, s:o}", "date", day, "person", answer_person(&c.f, person),
			 "items", list);
	return call_end(&c, 0);
}

/* {key: [one answer per network]}, for every network or the one asked. */
static int per_network(struct app *app, mu_id network, const char *key,
		       json_t *(*one)(struct call *c, mu_id network, const void *arg),
		       const void *arg, json_t **out, struct mu_error *err)
{
	struct call c;
	int rc;

	if ((rc = call_begin_named(app, &c, key, err)) < 0)
		return rc;
	if ((rc = need_network(&c.f, network, err)) < 0)
		return call_end(&c, rc);
	json_t *list = json_array();
	for (size_t i = 0; i < c.f.n_networks; i++)
		if (!network || c.f.networks[i].id == network)
			json_array_append_new(list, one(&c, c.f.networks[i].id, arg));
	*out = json_pack("{s:o}", key, list);
	return call_end(&c, 0);
}

static json_t *roi_json(struct call *c, mu_id network, const void *arg)
{
	const int64_t *period = arg;
	struct roi r;
	roi_compute(&c->f, network, period[0], period[1], &c->a, &r);
	return answer_roi(&c->f, &r);
}

int app_roi(struct app *app, mu_id network, int64_t from, int64_t to, json_t **out,
	    struct mu_error *err)
{
	const int64_t period[2] = { from, to };
	if (to < from)
		return mu_fail(err, MU_EINVAL, "to", "the period ends before it begins");
	return per_network(app, network, "networks", roi_json, period, out, err);
}

int app_goals(struct app *app, mu_id person, json_t **out, struct mu_error *err)
{
	struct call c;
	struct goal_progress p;
	int rc;

	if ((rc = call_begin(app, &c, err)) < 0)
		return rc;
	if (person && (rc = call_need_person(&c.f, person, err)) < 0)
		return call_end(&c, rc);
	json_t *list = json_array();
	for (size_t i = 0; i < c.f.n_goals; i++) {
		if (person && c.f.goals[i].owner != person)
			continue;
		goal_progress(&c.f, &c.f.goals[i], &p);
		json_array_append_new(list, answer_goal(&c.f, &p));
	}
	*out = json_pack("{s:o, s:o}", "person", answer_person(&c.f, person), "goals", list);
	return call_end(&c, 0);
}

static json_t *scorecard_json(struct call *c, mu_id network, const void *arg)
{
	struct scorecard sc;
	(void)arg;
	scorecard_compute(&c->f, network, &c->a, &sc);
	return answer_scorecard(&c->f, &sc);
}

int app_scorecard(struct app *app, mu_id network, json_t **out, struct mu_error *err)
{
	return per_network(app, network, "scorecards", scorecard_json, NULL, out, err);
}

static const struct m_ask *find_ask(const struct m_facts *f, mu_id id)
{
	for (size_t i = 0; i < f->n_asks; i++)
		if (f->asks[i].id == id)
			return &f->asks[i];
	return NULL;
}

int app_matches(struct app *app, mu_id ask, size_t top, json_t **out, struct mu_error *err)
{
	struct call c;
	struct ask_match *ms;
	size_t n;
	int rc;

	if ((rc = call_begin(app, &c, err)) < 0)
		return rc;
	if (ask && !find_ask(&c.f, ask))
		return call_end(&c, mu_fail(err, MU_ENOTFOUND, "ask", "no ask %lld in this workspace",
					    (long long)ask));
	json_t *list = json_array();
	for (size_t i = 0; i < c.f.n_asks; i++) {
		const struct m_ask *k = &c.f.asks[i];
		if (ask ? k->id != ask : !k->open)
			continue;
		asks_match(&c.f, k, &c.a, &ms, &n);
		json_array_append_new(list, answer_ask_matches(&c.f, k, ms, top && n > top ? top : n));
	}
	*out = json_pack("{s:o}", "asks", list);
	return call_end(&c, 0);
}

int app_ask_accept(struct app *app, mu_id ask, mu_id person, const char *as, json_t **out,
		   struct mu_error *err)
{
	struct call c;
	struct mu_record *r;
	int rc, referral = as && !strcmp(as, "referral");

	if (as && !referral && strcmp(as, "introduction"))
		return mu_fail(err, MU_EUSAGE, "as", "must be introduction or referral");
	if ((rc = call_begin(app, &c, err)) < 0)
		return rc;
	const struct m_ask *k = find_ask(&c.f, ask);
	if (!k)
		rc = mu_fail(err, MU_ENOTFOUND, "ask", "no ask %lld in this workspace", (long long)ask);
	else if ((rc = call_need_person(&c.f, person, err)) < 0)
		;
	else if (person == k->person)
		rc = mu_fail(err, MU_EINVAL, "person", "the asker cannot answer their own ask");
	if (rc < 0)
		return call_end(&c, rc);
	char giver[24], receiver[24];
	snprintf(giver, sizeof giver, "%lld", (long long)person);
	snprintf(receiver, sizeof receiver, "%lld", (long long)k->person);
	json_t *obj = referral
		? json_pack("{s:s, s:s}", "giver", giver, "receiver", receiver)
		: json_pack("{s:s, s:s, s:s, s:s, s:s}", "at", "", "giver", giver, "receiver", receiver,
			    "kind", "introduction", "note", "");
	if (!referral) {
		char at[MU_TIME_LEN];
		mu_time_format(app->now, at);
		json_object_set_new(obj, "at", json_string(at));
		json_object_set_new(obj, "note", json_string(mu_printf(&c.a, "answers ask %lld: %.1900s",
								     (long long)ask, k->text ? k->text : "")));
	}
	const struct entity_def *e = model_entity(referral ? ENT_REFERRAL : ENT_EXCHANGE);
	rc = app_record_add(app, &c.a, e, obj, &r, err);
	json_decref(obj);
	if (rc == 0)
		*out = json_pack("{s:o}", referral ? "referral" : "exchange", record_encode(r));
	return call_end(&c, rc);
}

/* The participation rows of an organisation's employees. */
static json_t *participation_json(struct call *c, const struct m_organisation *o)
{
	const struct m_facts *f = &c->f;
	struct participation *rows = mu_alloc_array(&c->a, f->n_memberships, sizeof *rows);
	size_t n = 0;
	for (size_t i = 0; i < f->n_memberships; i++) {
		const struct m_person *p = m_person_get(f, f->memberships[i].person);
		if (p && p->organisation == o->id)
			participation_of(f, &f->memberships[i], &c->a, &rows[n++]);
	}
	return answer_participation(f, o, rows, n, mu_alloc_array(&c->a, 2 * n + 1, sizeof(mu_id)));
}

int app_participation(struct app *app, mu_id organisation, json_t **out, struct mu_error *err)
{
	struct call c;
	int rc;

	if ((rc = call_begin(app, &c, err)) < 0)
		return rc;
	if (organisation && !m_organisation_get(&c.f, organisation))
		return call_end(&c, mu_fail(err, MU_ENOTFOUND, "organisation",
					    "no organisation %lld in this workspace", (long long)organisation));
	json_t *list = json_array();
	for (size_t i = 0; i < c.f.n_organisations; i++) {
		const struct m_organisation *o = &c.f.organisations[i];
		if (organisation ? o->id != organisation : 0)
			continue;
		json_t *p = participation_json(&c, o);
		if (!organisation && !json_array_size(json_object_get(p, "cells")))
			json_decref(p);	/* nobody of it takes part in a network */
		else
			json_array_append_new(list, p);
	}
	*out = json_pack("{s:o}", "organisations", list);
	return call_end(&c, 0);
}
