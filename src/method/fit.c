/*
 * fit.c - the five cornerstones of a referral partnership (SPEC §4.1).
 *
 * The cornerstones come from seed 000 (its five "grundstenar"): you must like
 * each other (C1), work in the same field without competing (C2), aim at the same
 * organisations (C3), meet the same people at different stages of their journey (C4),
 * and both earn from it (C5). Each scores in [0, 1]; the fit is their weighted
 * geometric mean, so one poor cornerstone pulls the whole down.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "method/fit.h"
#include "enums_gen.h"
#include "core/banned.h"

/* Write an explanation, unless the caller wants numbers only (ctx->quiet). */
static void say(const struct fit_ctx *ctx, char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void say(const struct fit_ctx *ctx, char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	if (ctx->quiet)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, size, fmt, ap);
	va_end(ap);
}

/* A veto: the fit is 0 whatever the rest says. */
static void veto(const struct fit_ctx *ctx, struct fit_result *r, const char *why)
{
	r->vetoed = 1;
	say(ctx, r->veto, sizeof r->veto, "%s", why);
}

/* Jaccard of two bit sets; J of two empty sets is 0. */
static double jaccard_bits(unsigned x, unsigned y)
{
	unsigned u = x | y;
	return u ? (double)__builtin_popcount(x & y) / __builtin_popcount(u) : 0.0;
}

/* Jaccard of two sets of distinct, normalised strings. */
static double jaccard_strings(const char *const *x, size_t nx, const char *const *y, size_t ny)
{
	size_t common = 0;
	for (size_t i = 0; i < nx; i++)
		for (size_t j = 0; j < ny; j++)
			if (strcmp(x[i], y[j]) == 0) {
				common++;
				break;
			}
	size_t uni = nx + ny - common;
	return uni ? (double)common / (double)uni : 0.0;
}

/* Jaccard of offering labels; offerings may repeat a label, so count distinct ones. */
static double jaccard_offerings(const struct m_profile *a, const struct m_profile *b)
{
	size_t na = 0, nb = 0, common = 0;
	for (size_t i = 0; i < a->n_offerings; i++) {
		int seen = 0;
		for (size_t k = 0; k < i && !seen; k++)
			seen = strcmp(a->offerings[k].label, a->offerings[i].label) == 0;
		if (seen)
			continue;
		na++;
		for (size_t j = 0; j < b->n_offerings; j++)
			if (strcmp(a->offerings[i].label, b->offerings[j].label) == 0) {
				common++;
				break;
			}
	}
	for (size_t j = 0; j < b->n_offerings; j++) {
		int seen = 0;
		for (size_t k = 0; k < j && !seen; k++)
			seen = strcmp(b->offerings[k].label, b->offerings[j].label) == 0;
		nb += !seen;
	}
	size_t uni = na + nb - common;
	return uni ? (double)common / (double)uni : 0.0;
}

static unsigned stage_set(const struct m_profile *p)
{
	unsigned s = 0;
	for (size_t i = 0; i < p->n_offerings; i++)
		if (p->offerings[i].stage >= 0)
			s |= 1u << p->offerings[i].stage;
	return s;
}

static const char *sphere_name(int sphere)
{
	return sphere >= 0 ? enum_sphere.items[sphere].name : "unknown";
}

/* C1: both ratings known -> min/5; otherwise 0.5 and a one-to-one first. */
static void c1_liking(const struct fit_ctx *ctx, const struct m_profile *a,
		      const struct m_profile *b, struct fit_result *r)
{
	const struct m_tie *t = m_tie_between(ctx->f, a->person, b->person);
	int la = 0, lb = 0;	/* a's rating of b, b's rating of a */
	if (t) {
		la = t->a == a->person ? t->liking_a : t->liking_b;
		lb = t->a == a->person ? t->liking_b : t->liking_a;
	}
	struct fit_part *c = &r->c[0];
	r->facts.liking[0] = la;
	r->facts.liking[1] = lb;
	if (la && lb) {
		int lo = la < lb ? la : lb;
		c->score = lo / 5.0;
		say(ctx, c->reason, sizeof c->reason, "liking %d and %d of 5, the lower counts", la, lb);
		if (c->score < 0.4)
			veto(ctx, r, lo == 1 ? "liking 1 of 5: no partnership" : "liking below 2 of 5");
		return;
	}
	c->score = 0.5;
	say(ctx, c->reason, sizeof c->reason, "liking %s: meet for a one-to-one first",
		 la || lb ? "known one way only" : "not known");
}

static int lists(const struct m_profile *p, mu_id other)
{
	for (size_t i = 0; i < p->n_competitors; i++)
		if (p->competitors[i] == other)
			return 1;
	return 0;
}

/* C2: competitors -> 0 and a veto; same sphere -> 1; different -> 0.3. */
static void c2_field(const struct fit_ctx *ctx, const struct m_profile *a,
		     const struct m_profile *b, struct fit_result *r)
{
	struct fit_part *c = &r->c[1];
	const struct m_profile *lister = lists(a, b->person) ? a : lists(b, a->person) ? b : NULL;
	r->facts.sphere[0] = a->sphere;
	r->facts.sphere[1] = b->sphere;
	r->facts.offerings = -1;
	if (lister) {
		r->facts.listed_by = lister->person;
		c->score = 0;
		say(ctx, c->reason, sizeof c->reason, "competitors: %s lists %s",
			 m_person_name(ctx->f, lister->person),
			 m_person_name(ctx->f, lister == a ? b->person : a->person));
		veto(ctx, r, c->reason);
		return;
	}
	if (a->sphere >= 0 && a->sphere == b->sphere) {
		double j = jaccard_offerings(a, b);
		r->facts.offerings = j;
		if (j >= 0.5) {
			c->score = 0;
			say(ctx, c->reason, sizeof c->reason,
				 "competitors: same sphere %s and offerings overlap %.2f",
				 sphere_name(a->sphere), j);
			veto(ctx, r, c->reason);
			return;
		}
		c->score = 1;
		say(ctx, c->reason, sizeof c->reason, "same sphere %s", sphere_name(a->sphere));
		return;
	}
	c->score = 0.3;
	say(ctx, c->reason, sizeof c->reason, "different spheres %s and %s",
		 sphere_name(a->sphere), sphere_name(b->sphere));
}

/* Weight of code x against the other side's codes: 1 same division (or the same
 * section letter), 0.5 same section only, else 0. */
static double nace_weight(const struct m_nace *x, const struct m_nace *other, size_t n)
{
	double w = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(x->section, other[i].section) != 0)
			continue;
		if (strcmp(x->division, other[i].division) == 0)
			return 1;
		w = 0.5;
	}
	return w;
}

static int nace_equal(const struct m_nace *x, const struct m_nace *y)
{
	return strcmp(x->section, y->section) == 0 && strcmp(x->division, y->division) == 0;
}

/* Name a code that carries weight in the facts (a division, else its section). */
static void add_code(struct fit_facts *facts, const struct m_nace *x)
{
	if (facts->n_codes < FIT_CODES)
		snprintf(facts->codes[facts->n_codes++], sizeof facts->codes[0], "%s",
			 x->division[0] ? x->division : x->section);
}

/* Weighted Jaccard of target industries (SPEC §4 conventions); names the codes that
 * carry weight in facts, unless it is NULL. */
static double industries_overlap(const struct m_profile *a, const struct m_profile *b,
				 struct fit_facts *codes)
{
	double sum = 0;
	size_t uni = 0;
	for (size_t i = 0; i < a->n_target_industries; i++) {
		const struct m_nace *x = &a->target_industries[i];
		double w = nace_weight(x, b->target_industries, b->n_target_industries);
		sum += w;
		uni++;
		if (w > 0 && codes)
			add_code(codes, x);
	}
	for (size_t j = 0; j < b->n_target_industries; j++) {
		const struct m_nace *y = &b->target_industries[j];
		int shared = 0;
		for (size_t i = 0; i < a->n_target_industries && !shared; i++)
			shared = nace_equal(y, &a->target_industries[i]);
		if (shared)
			continue;	/* already counted from a's side */
		double w = nace_weight(y, a->target_industries, a->n_target_industries);
		sum += w;
		uni++;
		if (w > 0 && codes)
			add_code(codes, y);
	}
	return uni ? sum / (double)uni : 0.0;
}

static void size_names(unsigned bits, char *out, size_t size)
{
	out[0] = '\0';
	for (size_t i = 0; i < enum_size_class.count; i++)
		if (bits & (1u << i)) {
			size_t len = strlen(out);
			snprintf(out + len, size - len, "%s%s", len ? ", " : "",
				 enum_size_class.items[i].name);
		}
}

/* C3: Ji weighted Jaccard of target industries, Js Jaccard of target sizes;
 * C3 = 1 - (1 - Ji)(1 - Js). */
static void c3_direction(const struct fit_ctx *ctx, const struct m_profile *a,
			 const struct m_profile *b, struct fit_result *r)
{
	char codes[96] = "", sizes[64] = "";
	double ji = industries_overlap(a, b, ctx->quiet ? NULL : &r->facts);
	double js = jaccard_bits(a->target_sizes, b->target_sizes);
	if (!ctx->quiet)
		size_names(a->target_sizes & b->target_sizes, sizes, sizeof sizes);
	for (size_t i = 0; i < r->facts.n_codes; i++) {
		size_t len = strlen(codes);
		snprintf(codes + len, sizeof codes - len, "%s%s", i ? ", " : "", r->facts.codes[i]);
	}
	r->facts.industries = ji;
	r->facts.sizes = js;
	r->facts.shared_sizes = a->target_sizes & b->target_sizes;
	r->c[2].score = 1 - (1 - ji) * (1 - js);
	say(ctx, r->c[2].reason, sizeof r->c[2].reason,
		 "target industries overlap %.2f%s%s%s; sizes %.2f%s%s%s", ji,
		 codes[0] ? " (" : "", codes, codes[0] ? ")" : "", js,
		 sizes[0] ? " (" : "", sizes, sizes[0] ? ")" : "");
}

/* C4: base = 0.7 Jr + 0.3 Jt, x 0.7 when all offering stages coincide. */
static void c4_people(const struct fit_ctx *ctx, const struct m_profile *a,
		      const struct m_profile *b, struct fit_result *r)
{
	double jr = 0.5 * jaccard_bits(a->target_levels, b->target_levels) +
		    0.5 * jaccard_bits(a->target_functions, b->target_functions);
	double jt = jaccard_strings(a->themes, a->n_themes, b->themes, b->n_themes);
	int same_stages = stage_set(a) == stage_set(b);
	double base = 0.7 * jr + 0.3 * jt;
	r->facts.roles = jr;
	r->facts.themes = jt;
	r->facts.same_stages = same_stages;
	r->c[3].score = base * (same_stages ? 0.7 : 1.0);
	say(ctx, r->c[3].reason, sizeof r->c[3].reason,
		 "target roles overlap %.2f, themes %.2f; %s", jr, jt,
		 same_stages ? "same stages of the client's journey (x 0.7)"
			     : "different stages of the client's journey");
}

/* C5: prior from typical deals, history from closed business both ways. */
static void c5_earn(const struct fit_ctx *ctx, const struct m_profile *a,
		    const struct m_profile *b, struct fit_result *r)
{
	struct fit_part *c = &r->c[4];
	double va = m_major(&a->deal), vb = m_major(&b->deal), prior = 0.5;
	int known = a->deal.currency[0] && b->deal.currency[0] &&
		    strcmp(a->deal.currency, b->deal.currency) == 0 && va > 0 && vb > 0;
	char pr[96] = "";
	struct fit_facts *facts = &r->facts;
	facts->deals = known ? 1 : a->deal.currency[0] && b->deal.currency[0] ? -1 : 0;
	if (known) {
		facts->deal[0] = va;
		facts->deal[1] = vb;
		memcpy(facts->deal_currency, a->deal.currency, sizeof facts->deal_currency);
		prior = sqrt((va < vb ? va : vb) / (va > vb ? va : vb));
		say(ctx, pr, sizeof pr, "typical deals %.0f and %.0f %s give %.2f", va, vb,
			 a->deal.currency, prior);
	} else {
		r->flags |= FIT_DEAL_UNKNOWN;
		say(ctx, pr, sizeof pr, "typical deals %s: prior 0.50",
			 a->deal.currency[0] && b->deal.currency[0] ? "in two currencies" : "not known");
	}
	facts->prior = prior;
	int32_t i = m_pairmap_get(&ctx->closed, a->person, b->person);
	const struct fit_history *h = i >= 0 ? &ctx->history[i] : NULL;
	if (h) {
		facts->closed = h->n;
		facts->closed_mixed = h->mixed;
		memcpy(facts->closed_currency, h->currency, sizeof facts->closed_currency);
	}
	if (!h || h->n == 0) {
		c->score = prior;
		say(ctx, c->reason, sizeof c->reason, "%s; no closed business between them yet", pr);
		return;
	}
	if (h->mixed) {
		r->flags |= FIT_MIXED_CURRENCIES;
		c->score = prior;
		say(ctx, c->reason, sizeof c->reason,
			 "%s; closed business in mixed currencies, so the prior only", pr);
		return;
	}
	double ab = h->x[a->person == h->lo ? 0 : 1], ba = h->x[a->person == h->lo ? 1 : 0];
	double hist = (ab > ba ? ab : ba) > 0 ? (ab < ba ? ab : ba) / (ab > ba ? ab : ba) : 0;
	facts->closed_value[0] = ab;
	facts->closed_value[1] = ba;
	facts->history = hist;
	c->score = (3 * prior + h->n * hist) / (3 + h->n);
	say(ctx, c->reason, sizeof c->reason,
		 "%s; %d closed deals, %.0f and %.0f %s each way give %.2f", pr, h->n, ab, ba,
		 h->currency, hist);
}

void fit_prepare(struct fit_ctx *ctx, const struct m_facts *f, struct mu_arena *a)
{
	size_t n = 0;
	for (size_t i = 0; i < f->n_exchanges; i++)
		n += f->exchanges[i].kind == EXCHANGE_KIND_CLOSED_BUSINESS;
	ctx->f = f;
	ctx->quiet = 0;
	ctx->history = mu_alloc_array(a, n, sizeof *ctx->history);
	ctx->n_history = 0;
	m_pairmap_init(&ctx->closed, a, n);
	for (size_t i = 0; i < f->n_exchanges; i++) {
		const struct m_exchange *x = &f->exchanges[i];
		/* a deal without an amount has nothing to compare each way */
		if (x->kind != EXCHANGE_KIND_CLOSED_BUSINESS || !x->amount.currency[0] ||
		    x->at > f->now)
			continue;
		int32_t k = m_pairmap_put(&ctx->closed, x->giver, x->receiver, (int32_t)ctx->n_history);
		struct fit_history *h = &ctx->history[k];
		if (k == (int32_t)ctx->n_history) {
			ctx->n_history++;
			h->lo = x->giver < x->receiver ? x->giver : x->receiver;
			memcpy(h->currency, x->amount.currency, sizeof h->currency);
		}
		if (strcmp(h->currency, x->amount.currency) != 0)
			h->mixed = 1;
		h->x[x->giver == h->lo ? 0 : 1] += m_major(&x->amount);
		h->n++;
	}
}

void fit_pair(const struct fit_ctx *ctx, const struct m_profile *a, const struct m_profile *b,
	      struct fit_result *r)
{
	memset(r, 0, sizeof *r);
	r->a = a->person;
	r->b = b->person;
	c1_liking(ctx, a, b, r);
	c2_field(ctx, a, b, r);
	c3_direction(ctx, a, b, r);
	c4_people(ctx, a, b, r);
	c5_earn(ctx, a, b, r);
	if (r->vetoed) {
		r->fit = 0;
		return;
	}
	r->fit = 1;
	for (int i = 0; i < 5; i++)
		r->fit *= pow(r->c[i].score, ctx->f->set.fit_weights[i]);
}
