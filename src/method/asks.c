/*
 * asks.c - asks and offers (SPEC §4.9).
 *
 * Seed 004: "være i stand til at give information og hjælp og samtidig selv være åben
 * over for hjælp" - a network works when asking is as natural as giving. An ask is
 * matched to the members whose profile aims at the segment it names, who know good
 * contacts there, or whose offerings, themes and open offers use its words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "method/asks.h"
#include "method/plan.h"
#include "method/strength.h"
#include "core/text.h"
#include "enums_gen.h"
#include "core/banned.h"

#define WORD_MIN 3		/* bytes: "of", "i", "på" say nothing */
#define CONTACTS_FULL 3		/* good contacts in the segment for a full part */

struct words {
	char *w[ASK_WORDS];
	size_t n;
};

/* Words that say nothing about what is asked, in Swedish, Danish and English. */
static const char *const stopwords[] = {
	"och", "som", "till", "för", "med", "att", "det", "den", "har", "inte", "eller",
	"från", "vid", "hos", "inom", "bland", "alla", "kan", "vill", "ska", "til", "der", "ikke",
	"fra", "blandt", "inden",
	"som", "kan", "vil", "skal", "hvor", "the", "and", "for", "with", "from", "that",
	"this", "are", "who", "can", "want", "any", "our", "your",
};

static int stopword(const char *w)
{
	for (size_t i = 0; i < sizeof stopwords / sizeof stopwords[0]; i++)
		if (!strcmp(w, stopwords[i]))
			return 1;
	return 0;
}

static int word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* The distinct folded words of text, WORD_MIN bytes or more, stopwords left out. */
static void words_of(struct mu_arena *a, const char *text, struct words *out)
{
	out->n = 0;
	if (!text)
		return;
	char *t = text_fold(text, mu_alloc(a, strlen(text) + 1));
	for (char *p = t; *p && out->n < ASK_WORDS;) {
		while (*p && !word_byte((unsigned char)*p))
			p++;
		char *start = p;
		while (*p && word_byte((unsigned char)*p))
			p++;
		if ((size_t)(p - start) < WORD_MIN)
			continue;
		char *w = mu_strndup(a, start, (size_t)(p - start));
		int seen = stopword(w);
		for (size_t i = 0; i < out->n && !seen; i++)
			seen = strcmp(out->w[i], w) == 0;
		if (!seen)
			out->w[out->n++] = w;
	}
}

/* Does the folded haystack hold word w? */
static int holds(const char *folded, const char *w)
{
	return folded && strstr(folded, w) != NULL;
}

static int offers_something(const struct m_facts *f, mu_id person)
{
	for (size_t i = 0; i < f->n_offers; i++)
		if (f->offers[i].person == person && f->offers[i].open)
			return 1;
	return 0;
}

/* Everything a member offers (profile, if any, and open offers), folded into one text. */
static char *offered(const struct m_facts *f, mu_id person, const struct m_profile *p,
		     struct mu_arena *a)
{
	char *s = mu_strdup(a, "");
	for (size_t i = 0; p && i < p->n_offerings; i++)
		s = mu_printf(a, "%s %s", s, p->offerings[i].label);
	for (size_t i = 0; p && i < p->n_themes; i++)
		s = mu_printf(a, "%s %s", s, p->themes[i]);
	if (p && p->contributes)
		s = mu_printf(a, "%s %s", s, p->contributes);
	for (size_t i = 0; i < f->n_offers; i++)
		if (f->offers[i].person == person && f->offers[i].open && f->offers[i].text)
			s = mu_printf(a, "%s %s", s, f->offers[i].text);
	return text_fold(s, s);
}

static int targets_industry(const struct m_profile *p, const char *code)
{
	char sec[2], div[3];
	if (!nace_parse(code, sec, div))
		return 0;
	for (size_t i = 0; i < p->n_target_industries; i++) {
		const struct m_nace *t = &p->target_industries[i];
		if (strcmp(t->section, sec) == 0 && (!div[0] || !t->division[0] || strcmp(t->division, div) == 0))
			return 1;
	}
	return 0;
}

static int targets_region(const struct m_profile *p, const char *region)
{
	for (size_t i = 0; i < p->n_target_regions; i++)
		if (strcmp(p->target_regions[i], region) == 0)
			return 1;
	return 0;
}

/* The share of the segment's attributes the profile aims at. */
static double profile_part(const struct m_profile *p, const struct m_segment *s)
{
	int given = 0, hit = 0;
	if (s->industry && ++given)
		hit += targets_industry(p, s->industry);
	if (s->role_level >= 0 && ++given)
		hit += (p->target_levels >> s->role_level) & 1;
	if (s->role_function >= 0 && ++given)
		hit += (p->target_functions >> s->role_function) & 1;
	if (s->region && ++given)
		hit += targets_region(p, s->region);
	if (s->size_class >= 0 && ++given)
		hit += (p->target_sizes >> s->size_class) & 1;
	return given ? (double)hit / given : -1;
}

/* Good contacts (s >= 0.3 from the member's side) in the segment, per person index. */
static size_t *contacts_in(const struct m_facts *f, const struct m_segment *s, struct mu_arena *a)
{
	size_t *n = mu_alloc_array(a, f->n_persons, sizeof *n);
	struct contact *cs;
	strength_contacts(f, a, &cs);
	for (size_t i = 0; i < f->n_ties; i++) {
		const struct m_tie *t = &f->ties[i];
		if (t->status != TIE_STATUS_ACTIVE)
			continue;
		for (int side = 0; side < 2; side++) {
			mu_id from = side ? t->b : t->a, to = side ? t->a : t->b;
			const struct m_person *pf = m_person_get(f, from), *pt = m_person_get(f, to);
			struct strength st;
			if (!pf || !pt || !plan_matches(f, s, pt))
				continue;
			strength_compute(f, t, from, to, &cs[i], &st);
			if (plan_good(st.s))
				n[pf - f->persons]++;
		}
	}
	return n;
}

static void reason(struct ask_match *m, const char *text)
{
	if (m->n_reasons < 3)
		snprintf(m->reason[m->n_reasons++], sizeof m->reason[0], "%s", text);
}

static int by_score(const void *x, const void *y)
{
	const struct ask_match *a = x, *b = y;
	if (a->score != b->score)
		return a->score < b->score ? 1 : -1;
	return (a->person > b->person) - (a->person < b->person);
}

void asks_match(const struct m_facts *f, const struct m_ask *k, struct mu_arena *a,
		struct ask_match **out, size_t *n)
{
	struct words w;
	size_t *contacts = k->has_segment ? contacts_in(f, &k->segment, a) : NULL;
	struct ask_match *ms = mu_alloc_array(a, f->n_persons, sizeof *ms);
	size_t count = 0;

	words_of(a, k->text, &w);
	for (size_t i = 0; i < f->n_persons; i++) {
		const struct m_person *who = &f->persons[i];
		const struct m_profile *p = m_profile_get(f, who->id);
		struct ask_match m = { .person = who->id, .profile = -1, .contacts = -1 };
		double sum = 0;
		int parts = 0;
		/* the members: people with a profile or an open offer, who do not object
		 * to being suggested (Art. 21) */
		if (who->id == k->person || who->objection || (!p && !offers_something(f, who->id)))
			continue;
		if (k->has_segment) {
			m.profile = p ? profile_part(p, &k->segment) : 0;
			m.n_contacts = contacts[who - f->persons];
			m.contacts = m.n_contacts >= CONTACTS_FULL ? 1 : (double)m.n_contacts / CONTACTS_FULL;
			if (m.profile >= 0) {
				sum += m.profile;
				parts++;
			}
			sum += m.contacts;
			parts++;
			if (m.profile > 0)
				reason(&m, mu_printf(a, "their profile aims at %.0f %% of the segment",
							100 * m.profile));
			if (m.n_contacts)
				reason(&m, mu_printf(a, "knows %zu good contact%s in the segment",
							m.n_contacts, m.n_contacts == 1 ? "" : "s"));
		}
		if (w.n) {
			const char *have = offered(f, who->id, p, a);
			char *found = mu_strdup(a, "");
			size_t hits = 0;
			for (size_t j = 0; j < w.n; j++)
				if (holds(have, w.w[j])) {
					found = mu_printf(a, "%s%s%s", found, hits ? ", " : "", w.w[j]);
					m.word[hits++] = w.w[j];
				}
			m.text = (double)hits / (double)w.n;
			m.n_words = hits;
			sum += m.text;
			parts++;
			if (hits)
				reason(&m, mu_printf(a, "offers what the ask says: %s", found));
		}
		m.score = parts ? sum / parts : 0;
		if (m.score > 0)
			ms[count++] = m;
	}
	qsort(ms, count, sizeof *ms, by_score);
	*out = ms;
	*n = count;
}
