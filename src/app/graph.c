/*
 * graph.c - warm paths, people you may know, brokerage, communities, bridges and the
 * map (app/graph.h), on the CSR graph of the workspace as the actor may see it.
 *
 * The graph is built per use case from the facts, which privacy has already filtered
 * (app/facts.c), so a private tie of another account can never carry a path or count
 * in a measure shown to someone else. Node i is f->persons[i] (persons are in id
 * order). A tie that has not ended is an edge; its strength is the mean of the two
 * sides' strengths (SPEC §4.4, both terms of liking counted only for their rater), at
 * least S_FLOOR so that a tie nobody has used yet still connects, and its cost -ln s.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "app/facts.h"
#include "app/graph.h"
#include "app/method.h"
#include "app/access.h"
#include "app/internal.h"
#include "graph/communities.h"
#include "graph/csr.h"
#include "io/answers.h"
#include "io/record.h"
#include "method/plan.h"
#include "method/strength.h"
#include "enums_gen.h"
#include "core/banned.h"

#define S_FLOOR 0.01
#define K_MAX 20
#define TOP_MAX 1000
#define GRAPH_CACHE 8		/* graphs kept: workspaces x actors */
#define GRAPH_SPARE 4		/* scratch kept per graph, for requests at once */

/* A workspace's graph as one actor may see it, with the facts it was built from and
 * what explains its ties. Built once and shared, read-only, by every request of that
 * actor while the workspace's revision (store_workspace_revision) and the day stay the
 * same: the server answers from memory, and a change anywhere in the workspace makes
 * the next request rebuild (docs/bench.md measures the rebuild). */
struct graph_entry {
	mu_id ws, account;		/* the key: whose graph, as whom */
	int operator;
	int64_t revision, day;
	struct mu_arena a;		/* the facts, contacts and strengths */
	struct m_facts f;
	struct csr g;
	struct contact *contact;	/* per f.ties index */
	double *strength;		/* per f.ties index, 0 for a tie left out */
	uint32_t *community;		/* Leiden's, computed once when first asked */
	uint32_t n_communities;
	int communities_done;
	struct csr_scratch spare[GRAPH_SPARE];	/* scratch for requests, reused */
	size_t n_spare;
	int refs;			/* requests using it, and 1 while in the cache */
	uint64_t used;			/* for the least recently used to go first */
};

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct graph_entry *cache[GRAPH_CACHE];
static uint64_t cache_tick;

/* The graph of one use case: a shared entry and scratch of its own. */
struct net {
	struct graph_entry *e;
	const struct csr *g;
	struct csr_scratch sc;
	const struct m_facts *f;
	const struct contact *contact;
	const double *strength;
};

static uint32_t node_of(const struct m_facts *f, mu_id person)
{
	const struct m_person *p = m_person_get(f, person);
	return p ? (uint32_t)(p - f->persons) : UINT32_MAX;
}

static mu_id person_of(const struct net *n, uint32_t v)
{
	return n->f->persons[v].id;
}

/* The strength of tie t, both sides averaged. */
static double tie_strength(const struct m_facts *f, const struct m_tie *t,
			   const struct contact *c)
{
	struct strength ab, ba;

	strength_compute(f, t, t->a, t->b, c, &ab);
	strength_compute(f, t, t->b, t->a, c, &ba);
	return (ab.s + ba.s) / 2;
}

static void entry_free(struct graph_entry *e)
{
	for (size_t i = 0; i < e->n_spare; i++)
		csr_scratch_free(&e->spare[i]);
	csr_free(&e->g);
	mu_arena_release(&e->a);
	free(e->community);
	free(e);
}

/* Load the facts as the actor may see them and build the graph of their ties. */
static int entry_build(struct app *app, struct graph_entry *e, struct mu_error *err)
{
	const struct m_facts *f = &e->f;
	struct csr_edge *edges;
	size_t m = 0;
	int rc;

	if ((rc = app_facts(app, &e->a, &e->f, err)) < 0)
		return rc;
	edges = mu_alloc_array(&e->a, f->n_ties ? f->n_ties : 1, sizeof *edges);
	e->strength = mu_alloc_array(&e->a, f->n_ties ? f->n_ties : 1, sizeof *e->strength);
	if (strength_contacts(f, &e->a, &e->contact) < 0)
		return mu_fail(err, MU_ENOMEM, "", "out of memory");
	for (size_t i = 0; i < f->n_ties; i++) {
		const struct m_tie *t = &f->ties[i];
		uint32_t a = node_of(f, t->a), b = node_of(f, t->b);
		double s;
		if (t->status == TIE_STATUS_ENDED || a == UINT32_MAX || b == UINT32_MAX)
			continue;
		s = tie_strength(f, t, &e->contact[i]);
		e->strength[i] = s > S_FLOOR ? s : S_FLOOR;
		edges[m++] = (struct csr_edge){ a, b, -log(e->strength[i]) };
	}
	if ((rc = csr_build(&e->g, (uint32_t)f->n_persons, edges, m)) < 0)
		return mu_fail(err, rc, "", "cannot build the graph of the workspace");
	return 0;
}

static int entry_is(const struct graph_entry *e, const struct app *app, int64_t revision,
		    int64_t day)
{
	return e->ws == app->ws && e->operator == app->who.operator &&
	       e->account == app->who.account && e->revision == revision && e->day == day;
}

/* Put e in the cache (the caller holds the lock), in place of a stale entry of the same
 * actor, else of the least recently used one. */
static void cache_insert(struct graph_entry *e)
{
	size_t victim = 0;

	for (size_t i = 0; i < GRAPH_CACHE; i++) {
		struct graph_entry *x = cache[i];
		if (!x || (x->ws == e->ws && x->operator == e->operator &&
			   x->account == e->account)) {
			victim = i;
			break;
		}
		if (x->used < cache[victim]->used)
			victim = i;
	}
	if (cache[victim] && --cache[victim]->refs == 0)
		entry_free(cache[victim]);
	cache[victim] = e;
	e->refs++;
}

/* The actor's graph of the selected workspace: from the cache, or built now. */
static int entry_get(struct app *app, struct graph_entry **out, struct mu_error *err)
{
	int64_t revision, day = m_day_of(app->now);
	struct graph_entry *e;
	int rc;

	/* the revision first: facts newer than it only make the next request rebuild */
	if ((rc = store_begin(app->st, STORE_READ, err)) < 0)
		return rc;
	rc = store_workspace_revision(app->st, app->ws, &revision, err);
	if ((rc = store_end(app->st, rc, err)) < 0)
		return rc;
	pthread_mutex_lock(&cache_lock);
	for (size_t i = 0; i < GRAPH_CACHE; i++)
		if (cache[i] && entry_is(cache[i], app, revision, day)) {
			*out = cache[i];
			cache[i]->refs++;
			cache[i]->used = ++cache_tick;
			pthread_mutex_unlock(&cache_lock);
			return 0;
		}
	pthread_mutex_unlock(&cache_lock);
	if (!(e = calloc(1, sizeof *e)))
		return mu_fail(err, MU_ENOMEM, "", "out of memory");
	*e = (struct graph_entry){ .ws = app->ws, .account = app->who.account,
				   .operator = app->who.operator, .revision = revision, .day = day,
				   .refs = 1 };
	if ((rc = entry_build(app, e, err)) < 0) {
		entry_free(e);
		return rc;
	}
	pthread_mutex_lock(&cache_lock);
	e->used = ++cache_tick;
	cache_insert(e);	/* two requests may build the same: the later one stays */
	pthread_mutex_unlock(&cache_lock);
	*out = e;
	return 0;
}

static void entry_put(struct graph_entry *e)
{
	pthread_mutex_lock(&cache_lock);
	if (--e->refs == 0)
		entry_free(e);
	pthread_mutex_unlock(&cache_lock);
}

/* Leiden's communities of the entry's graph, computed by the first request to ask. */
static int entry_communities(struct graph_entry *e, const uint32_t **community,
			     uint32_t *count)
{
	static pthread_mutex_t leiden_lock = PTHREAD_MUTEX_INITIALIZER;
	int rc = 0;

	pthread_mutex_lock(&leiden_lock);
	if (!e->communities_done) {
		e->community = calloc(e->g.n ? e->g.n : 1, sizeof *e->community);
		rc = e->community ? graph_communities(&e->g, e->community, &e->n_communities) : -1;
		e->communities_done = rc == 0;
	}
	pthread_mutex_unlock(&leiden_lock);
	*community = e->community;
	*count = e->n_communities;
	return rc;
}

static void net_close(struct net *n)
{
	if (!n->e)
		return;
	pthread_mutex_lock(&cache_lock);
	if (n->e->n_spare < GRAPH_SPARE && n->sc.n == n->e->g.n)
		n->e->spare[n->e->n_spare++] = n->sc;
	else
		csr_scratch_free(&n->sc);
	pthread_mutex_unlock(&cache_lock);
	entry_put(n->e);
	n->e = NULL;
}

static int net_open(struct app *app, struct net *n, struct mu_error *err)
{
	int rc;

	memset(n, 0, sizeof *n);
	if ((rc = entry_get(app, &n->e, err)) < 0)
		return rc;
	n->g = &n->e->g;
	n->f = &n->e->f;
	n->contact = n->e->contact;
	n->strength = n->e->strength;
	pthread_mutex_lock(&cache_lock);
	if (n->e->n_spare)
		n->sc = n->e->spare[--n->e->n_spare];
	pthread_mutex_unlock(&cache_lock);
	if (n->sc.n != n->g->n && (rc = csr_scratch_init(&n->sc, n->g->n)) < 0) {
		net_close(n);
		return mu_fail(err, rc, "", "out of memory");
	}
	return 0;
}

/* Open the call and its graph: the facts are the graph's, the arena the call's own. */
static int begin(struct app *app, struct call *c, const char *name, struct net *n,
		 struct mu_error *err)
{
	int rc;

	mu_arena_init(&c->a);
	memset(n, 0, sizeof *n);
	if ((rc = app_need_workspace(app, err)) < 0 ||
	    (rc = app_audit_read(app, "compute", name, 0, NULL, err)) < 0 ||
	    (rc = net_open(app, n, err)) < 0)
		return call_end(c, rc);
	c->f = *n->f;	/* read-only: shared with every request of the entry */
	return 0;
}

static int end(struct call *c, struct net *n, int rc)
{
	net_close(n);
	return call_end(c, rc);
}

/* --- warm paths --- */

static json_t *hop_json(const struct net *n, mu_id x, mu_id y)
{
	const struct m_tie *t = m_tie_between(n->f, x, y);
	size_t i = t ? (size_t)(t - n->f->ties) : 0;

	return json_pack("{s:o, s:o, s:o, s:o}", "from", answer_person(n->f, x), "to",
			 answer_person(n->f, y), "strength",
			 answer_number(t ? n->strength[i] : 0), "last",
			 answer_time(t ? n->contact[i].last : M_NO_DATE));
}

static json_t *path_json(const struct net *n, const struct csr_path *p)
{
	json_t *hops = json_array();

	for (uint32_t h = 0; h < p->hops; h++)
		json_array_append_new(hops, hop_json(n, person_of(n, p->node[h]),
						     person_of(n, p->node[h + 1])));
	/* the first one along the way is whom to ask for the introduction */
	return json_pack("{s:o, s:o, s:i, s:o, s:o}", "cost", json_real(p->cost),
			 "strength", answer_number(exp(-p->cost)), "hops_count", (int)p->hops,
			 "ask", p->hops > 1 ? answer_person(n->f, person_of(n, p->node[1])) :
					     json_null(),
			 "hops", hops);
}

/* A list of nodes, in the call's arena. */
struct nodes {
	uint32_t *v;
	size_t n;
};

/* The sources: the person, or every current member of any network (once each). */
static int sources(struct call *c, const struct net *n, mu_id from, struct nodes *out,
		   struct mu_error *err)
{
	int64_t today = m_day_of(n->f->now);
	uint8_t *seen;

	out->v = mu_alloc_array(&c->a, n->f->n_persons + 1, sizeof *out->v);
	out->n = 0;
	if (from) {
		out->v[out->n++] = node_of(n->f, from);
		return 0;
	}
	seen = mu_alloc_array(&c->a, n->f->n_persons + 1, 1);
	memset(seen, 0, n->f->n_persons + 1);
	for (size_t i = 0; i < n->f->n_memberships; i++) {
		const struct m_membership *m = &n->f->memberships[i];
		uint32_t v = node_of(n->f, m->person);
		if (v != UINT32_MAX && m_member_on(m, today) && !seen[v]) {
			seen[v] = 1;
			out->v[out->n++] = v;
		}
	}
	if (!out->n)
		return mu_fail(err, MU_EINVAL, "from", "the workspace has no current members to"
			       " start from; name the person the path starts at");
	return 0;
}

/* The targets: the person, or everyone at the organisation. */
static int targets(struct call *c, const struct net *n, const struct app_path_ends *ends,
		   struct nodes *out, struct mu_error *err)
{
	out->v = mu_alloc_array(&c->a, n->f->n_persons + 1, sizeof *out->v);
	out->n = 0;
	if (ends->to) {
		out->v[out->n++] = node_of(n->f, ends->to);
		return 0;
	}
	if (!m_organisation_get(n->f, ends->to_organisation))
		return mu_fail(err, MU_ENOTFOUND, "to", "no organisation %lld in this workspace",
			       (long long)ends->to_organisation);
	for (size_t v = 0; v < n->f->n_persons; v++)
		if (n->f->persons[v].organisation == ends->to_organisation)
			out->v[out->n++] = (uint32_t)v;
	if (!out->n)
		return mu_fail(err, MU_EINVAL, "to", "nobody at %s is in the workspace yet",
			       m_organisation_get(n->f, ends->to_organisation)->name);
	return 0;
}

int app_path(struct app *app, const struct app_path_ends *ends, size_t k, unsigned max_hops,
	     json_t **out, struct mu_error *err)
{
	struct call c;
	struct net n;
	struct csr_path *paths;
	struct nodes from, to;
	size_t found;
	int rc;

	if (k < 1 || k > K_MAX)
		return mu_fail(err, MU_EUSAGE, "k", "must be 1 to %d", K_MAX);
	if (max_hops < 1 || max_hops > CSR_MAX_HOPS)
		return mu_fail(err, MU_EUSAGE, "max_hops", "must be 1 to %d", CSR_MAX_HOPS);
	if (ends->from && ends->from == ends->to)
		return mu_fail(err, MU_EINVAL, "to", "a path needs two different people");
	if ((rc = begin(app, &c, "path", &n, err)) < 0)
		return rc;
	if ((ends->from && (rc = call_need_person(&c.f, ends->from, err)) < 0) ||
	    (ends->to && (rc = call_need_person(&c.f, ends->to, err)) < 0))
		return end(&c, &n, rc);
	if ((rc = sources(&c, &n, ends->from, &from, err)) < 0 ||
	    (rc = targets(&c, &n, ends, &to, err)) < 0)
		return end(&c, &n, rc);
	paths = mu_alloc_array(&c.a, k, sizeof *paths);
	found = csr_paths(n.g, from.v, from.n, to.v, to.n, max_hops, k, &n.sc, paths);
	json_t *list = json_array();
	for (size_t i = 0; i < found; i++)
		json_array_append_new(list, path_json(&n, &paths[i]));
	*out = json_pack("{s:o, s:o, s:i, s:i, s:i, s:o}",
			 "from", ends->from ? answer_person(&c.f, ends->from) : json_string("members"),
			 "to", ends->to ? answer_person(&c.f, ends->to) :
			 json_pack("{s:o, s:s}", "organisation",
				   record_id_json(ends->to_organisation), "name",
				   m_organisation_get(&c.f, ends->to_organisation)->name),
			 "max_hops", (int)max_hops, "k", (int)k, "found", (int)found,
			 "paths", list);
	return end(&c, &n, 0);
}

/* --- plan coverage: the third kind of suggestion (SPEC §4.5) --- */

#define PLAN_HOPS 3

static int by_reach(const void *x, const void *y)
{
	const struct plan_reach *a = x, *b = y;

	if (a->strength != b->strength)
		return a->strength > b->strength ? -1 : 1;
	if (a->hops != b->hops)
		return a->hops < b->hops ? -1 : 1;
	return (a->person > b->person) - (a->person < b->person);
}

/* The strangers of segment s reachable from the sources within PLAN_HOPS, best path
 * first, as many as the plan still has room for. */
static void reach_segment(struct call *c, struct net *n, const struct nodes *from,
			  struct plan_coverage *cov, struct plan_segment *s)
{
	size_t room = plan_reach_room(cov, s);
	struct csr_path p;

	s->reach = mu_alloc_array(&c->a, s->n_strangers + 1, sizeof *s->reach);
	s->n_reach = 0;
	for (size_t i = 0; room && i < s->n_strangers; i++) {
		uint32_t v = node_of(n->f, s->strangers[i]);
		if (!csr_paths(n->g, from->v, from->n, &v, 1, PLAN_HOPS, 1, &n->sc, &p))
			continue;
		s->reach[s->n_reach++] = (struct plan_reach){
			.person = s->strangers[i], .strength = exp(-p.cost), .hops = p.hops,
			.ask = p.hops > 1 ? person_of(n, p.node[1]) : 0,
		};
	}
	qsort(s->reach, s->n_reach, sizeof *s->reach, by_reach);
	if (s->n_reach > room)
		s->n_reach = room;
	cov->suggested += s->n_reach;
}

int app_coverage(struct app *app, mu_id plan, json_t **out, struct mu_error *err)
{
	struct plan_coverage cov;
	struct call c;
	struct net n;
	int rc, found = 0;

	if ((rc = begin(app, &c, "coverage", &n, err)) < 0)
		return rc;
	json_t *list = json_array();
	for (size_t i = 0; i < c.f.n_plans; i++) {
		const struct m_plan *pl = &c.f.plans[i];
		struct nodes from;
		if (plan && pl->id != plan)
			continue;
		found = 1;
		plan_coverage(&c.f, pl, &c.a, &cov);
		/* from the plan's owner; a workspace's plan, from any current member */
		if (sources(&c, &n, pl->owner, &from, err) < 0) {
			mu_error_clear(err);
			from.n = 0;
		}
		for (size_t k = 0; k < cov.n_segments; k++)
			reach_segment(&c, &n, &from, &cov, &cov.segments[k]);
		json_array_append_new(list, answer_coverage(&c.f, &cov));
	}
	if (plan && !found) {
		json_decref(list);
		return end(&c, &n, mu_fail(err, MU_ENOTFOUND, "plan", "no plan %lld in this"
					   " workspace", (long long)plan));
	}
	*out = json_pack("{s:o}", "plans", list);
	return end(&c, &n, 0);
}

/* --- people you may know --- */

struct pymk_filter {
	const struct m_facts *f;
	const struct m_plan *plan;
};

/* Art. 21 objectors are never suggested; with a plan, only people in its segments. */
static int pymk_keep(void *ctx, uint32_t v)
{
	const struct pymk_filter *k = ctx;
	const struct m_person *p = &k->f->persons[v];

	if (p->objection)
		return 0;
	if (!k->plan)
		return 1;
	for (size_t i = 0; i < k->plan->n_segments; i++)
		if (plan_matches(k->f, &k->plan->segments[i], p))
			return 1;
	return 0;
}

/* The people u and v both know, as persons. */
static json_t *common_json(const struct net *n, uint32_t u, uint32_t v)
{
	const struct csr *g = n->g;
	json_t *list = json_array();
	uint64_t i = g->off[u], j = g->off[v];

	while (i < g->off[u + 1] && j < g->off[v + 1]) {
		if (g->adj[i] < g->adj[j]) {
			i++;
		} else if (g->adj[i] > g->adj[j]) {
			j++;
		} else {
			json_array_append_new(list, answer_person(n->f, person_of(n, g->adj[i])));
			i++;
			j++;
		}
	}
	return list;
}

static const struct m_plan *plan_get(const struct m_facts *f, mu_id id)
{
	for (size_t i = 0; i < f->n_plans; i++)
		if (f->plans[i].id == id)
			return &f->plans[i];
	return NULL;
}

int app_pymk(struct app *app, mu_id person, size_t top, mu_id plan, json_t **out,
	     struct mu_error *err)
{
	struct pymk_filter keep;
	struct csr_score *best;
	struct call c;
	struct net n;
	uint32_t u;
	size_t found;
	int rc;

	if (top < 1 || top > TOP_MAX)
		return mu_fail(err, MU_EUSAGE, "top", "must be 1 to %d", TOP_MAX);
	if ((rc = begin(app, &c, "pymk", &n, err)) < 0)
		return rc;
	if ((rc = call_need_person(&c.f, person, err)) < 0)
		return end(&c, &n, rc);
	keep = (struct pymk_filter){ &c.f, plan ? plan_get(&c.f, plan) : NULL };
	if (plan && !keep.plan)
		return end(&c, &n, mu_fail(err, MU_ENOTFOUND, "plan", "no plan %lld in this"
					   " workspace", (long long)plan));
	u = node_of(&c.f, person);
	best = mu_alloc_array(&c.a, top, sizeof *best);
	found = csr_adamic_adar(n.g, u, top, pymk_keep, &keep, &n.sc, best);
	json_t *list = json_array();
	for (size_t i = 0; i < found; i++)
		json_array_append_new(list, json_pack("{s:o, s:o, s:o}", "person",
			answer_person(&c.f, person_of(&n, best[i].node)), "score",
			json_real(best[i].score), "common", common_json(&n, u, best[i].node)));
	*out = json_pack("{s:o, s:o, s:o}", "person", answer_person(&c.f, person), "plan",
			 plan ? record_id_json(plan) : json_null(), "candidates", list);
	return end(&c, &n, 0);
}

/* --- brokerage --- */

static json_t *measure(double x)
{
	return isnan(x) ? json_null() : json_real(x);	/* full precision: checked against networkx */
}

int app_brokerage(struct app *app, mu_id person, json_t **out, struct mu_error *err)
{
	struct call c;
	struct net n;
	int rc;

	if ((rc = begin(app, &c, "brokerage", &n, err)) < 0)
		return rc;
	if (person && (rc = call_need_person(&c.f, person, err)) < 0)
		return end(&c, &n, rc);
	*out = json_array();
	for (uint32_t v = 0; v < n.g->n; v++) {
		if (person && person_of(&n, v) != person)
			continue;
		json_array_append_new(*out, json_pack("{s:o, s:o, s:o}", "person",
			answer_person(&c.f, person_of(&n, v)), "constraint",
			measure(csr_constraint(n.g, v, &n.sc)), "effective_size",
			measure(csr_effective_size(n.g, v, &n.sc))));
	}
	return end(&c, &n, 0);
}

/* --- communities, bridges, the map --- */

static int communities_of(const struct net *n, const uint32_t **community, uint32_t *count,
			  struct mu_error *err)
{
	if (entry_communities(n->e, community, count) < 0)
		return mu_fail(err, MU_ENOMEM, "", "cannot find the communities");
	return 0;
}

int app_communities(struct app *app, json_t **out, struct mu_error *err)
{
	const uint32_t *community;
	uint32_t count;
	struct call c;
	struct net n;
	int rc;

	if ((rc = begin(app, &c, "communities", &n, err)) < 0)
		return rc;
	if ((rc = communities_of(&n, &community, &count, err)) < 0)
		return end(&c, &n, rc);
	/* one pass: each person joins their community's list */
	json_t **members = mu_alloc_array(&c.a, count ? count : 1, sizeof *members);
	for (uint32_t k = 0; k < count; k++)
		members[k] = json_array();
	for (uint32_t v = 0; v < n.g->n; v++)
		json_array_append_new(members[community[v]], answer_person(&c.f, person_of(&n, v)));
	json_t *list = json_array();
	for (uint32_t k = 0; k < count; k++)
		json_array_append_new(list, json_pack("{s:i, s:i, s:o}", "id", (int)k, "size",
						      (int)json_array_size(members[k]), "members",
						      members[k]));
	*out = json_pack("{s:o}", "communities", list);
	return end(&c, &n, 0);
}

static json_t *bridge_json(const struct net *n, const struct graph_bridge *b)
{
	return json_pack("{s:o, s:i}", "person", answer_person(n->f, person_of(n, b->node)),
			 "ties", (int)b->ties);
}

/* Bridges to each segment of each plan: the segment's people are the group. */
static json_t *segment_bridges(struct call *c, const struct net *n)
{
	uint32_t *group = mu_alloc_array(&c->a, n->g->n ? n->g->n : 1, sizeof *group);
	struct graph_bridge b;
	json_t *list = json_array();

	for (size_t p = 0; p < c->f.n_plans; p++)
		for (size_t s = 0; s < c->f.plans[p].n_segments; s++) {
			const struct m_segment *seg = &c->f.plans[p].segments[s];
			for (uint32_t v = 0; v < n->g->n; v++)
				group[v] = plan_matches(&c->f, seg, &c->f.persons[v]) ? 0 : UINT32_MAX;
			if (graph_bridges(n->g, group, 1, &b, 1) != 1)
				continue;
			json_t *o = bridge_json(n, &b);
			json_object_set_new(o, "plan", record_id_json(c->f.plans[p].id));
			json_object_set_new(o, "segment", json_integer((json_int_t)s));
			json_array_append_new(list, o);
		}
	return list;
}

int app_bridges(struct app *app, json_t **out, struct mu_error *err)
{
	const uint32_t *community;
	uint32_t count;
	struct graph_bridge *b;
	struct call c;
	struct net n;
	size_t nb;
	int rc;

	if ((rc = begin(app, &c, "bridges", &n, err)) < 0)
		return rc;
	if ((rc = communities_of(&n, &community, &count, err)) < 0)
		return end(&c, &n, rc);
	b = mu_alloc_array(&c.a, count ? count : 1, sizeof *b);
	nb = graph_bridges(n.g, community, count, b, count);
	json_t *list = json_array();
	for (size_t i = 0; i < nb && i < count; i++) {
		json_t *o = bridge_json(&n, &b[i]);
		json_object_set_new(o, "community", json_integer(b[i].group));
		json_array_append_new(list, o);
	}
	*out = json_pack("{s:o, s:o}", "communities", list, "segments", segment_bridges(&c, &n));
	return end(&c, &n, 0);
}

int app_map(struct app *app, json_t **out, struct mu_error *err)
{
	const uint32_t *community;
	uint32_t count;
	struct call c;
	struct net n;
	int rc;

	if ((rc = begin(app, &c, "map", &n, err)) < 0)
		return rc;
	if ((rc = communities_of(&n, &community, &count, err)) < 0)
		return end(&c, &n, rc);
	json_t *nodes = json_array(), *edges = json_array();
	for (uint32_t v = 0; v < n.g->n; v++) {
		json_t *o = answer_person(&c.f, person_of(&n, v));
		json_object_set_new(o, "community", json_integer(community[v]));
		json_array_append_new(nodes, o);
	}
	/* each tie once, with the weight every measure used: exp(-cost) of the stored cost,
	 * in full, so that the map can be checked against other tools (tests/graph) */
	for (uint32_t v = 0; v < n.g->n; v++)
		for (uint64_t i = n.g->off[v]; i < n.g->off[v + 1]; i++)
			if (n.g->adj[i] > v)
				json_array_append_new(edges, json_pack("{s:o, s:o, s:o}", "a",
					record_id_json(person_of(&n, v)), "b",
					record_id_json(person_of(&n, n.g->adj[i])), "strength",
					json_real(exp(-(double)n.g->cost[i]))));
	*out = json_pack("{s:o, s:o, s:i}", "nodes", nodes, "edges", edges, "communities",
			 (int)count);
	return end(&c, &n, 0);
}
