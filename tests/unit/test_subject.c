/*
 * test_subject.c - data subjects: the objection flag (Art. 21) keeps a person out of
 * every suggestion of the method, and the suppression keys of an erased person
 * (Art. 17) are the hashes docs/privacy.md describes.
 */
#include <stdlib.h>

#include "t.h"
#include "app/subject.h"
#include "core/mtime.h"
#include "io/record.h"
#include "method/agenda.h"
#include "method/asks.h"
#include "method/plan.h"
#include "enums_gen.h"

#define DAY 86400

void test_objection(void);
void test_subject_keys(void);

static mu_time at(const char *s)
{
	mu_time t = 0;
	if (mu_when_parse(s, &t))
		abort();
	return t;
}

/* Anna (1) and three contacts with profiles and open offers; weak ties from Anna to
 * each, quiet for years. */
struct world {
	struct mu_arena a;
	struct m_facts f;
	struct m_person persons[4];
	struct m_profile profiles[3];
	struct m_tie ties[3];
	struct m_offer offers[3];
};

static void world_init(struct world *w)
{
	static const char *const names[] = { "Anna", "Bo", "Cia", "Dan" };

	memset(w, 0, sizeof *w);
	mu_arena_init(&w->a);
	m_settings_default(&w->f.set);
	w->f.now = at("2026-06-01T12:00:00Z");
	w->f.currency = "SEK";
	for (int i = 0; i < 4; i++)
		w->persons[i] = (struct m_person){ .id = i + 1, .name = names[i], .role_level = -1,
						   .role_function = -1 };
	for (int i = 0; i < 3; i++) {
		w->profiles[i] = (struct m_profile){ .person = i + 2, .sphere = -1 };
		w->ties[i] = (struct m_tie){ .id = i + 1, .a = 1, .b = i + 2,
					     .since = at("2023-01-01") / DAY, .tier = TIER_ACTIVE,
					     .status = TIE_STATUS_ACTIVE, .liking_a = 5 };
		w->offers[i] = (struct m_offer){ .id = 10 + i, .person = i + 2,
						 .text = "rekrytering av chefer", .open = 1 };
	}
	w->f.persons = w->persons;
	w->f.n_persons = 4;
	w->f.profiles = w->profiles;
	w->f.n_profiles = 3;
	w->f.ties = w->ties;
	w->f.n_ties = 3;
	w->f.offers = w->offers;
	w->f.n_offers = 3;
}

static int has(const mu_id *ids, size_t n, mu_id id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/* The people each suggestion names, for Anna. */
struct suggested {
	mu_id profiles[3], matches[3], revive[3], follow_ups[3];
	size_t n_profiles, n_matches, n_revive, n_follow_ups;
};

static void suggest(struct world *w, struct suggested *s)
{
	struct m_ask k = { .id = 20, .person = 1, .text = "Rekrytering", .open = 1 };
	struct m_segment seg = { .role_level = -1, .role_function = -1, .size_class = -1, .want = 3 };
	struct m_plan plan = { .id = 30, .owner = 1, .capacity = -1, .segments = &seg, .n_segments = 1 };
	struct plan_coverage cov;
	struct agenda_item *items;
	struct ask_match *ms;
	size_t n;

	memset(s, 0, sizeof *s);
	const struct m_profile **cand;
	m_facts_index(&w->f, &w->a);
	n = m_candidate_profiles(&w->f, 0, &w->a, &cand);	/* partners, power teams */
	for (size_t i = 0; i < n; i++)
		s->profiles[s->n_profiles++] = cand[i]->person;
	asks_match(&w->f, &k, &w->a, &ms, &n);
	for (size_t i = 0; i < n; i++)
		s->matches[s->n_matches++] = ms[i].person;
	plan_coverage(&w->f, &plan, &w->a, &cov);
	for (size_t i = 0; i < cov.segments[0].n_revive; i++)
		s->revive[s->n_revive++] = cov.segments[0].revive[i].person;
	agenda_build(&w->f, 1, &w->a, &items, &n);
	for (size_t i = 0; i < n; i++)
		if (items[i].kind == AG_FOLLOW_UP)
			s->follow_ups[s->n_follow_ups++] = items[i].person;
}

void test_objection(void)
{
	struct world w;
	struct suggested s;

	world_init(&w);
	suggest(&w, &s);
	T_EQ(s.n_profiles, (size_t)3, "without an objection every profile is a candidate");
	T_EQ(s.n_matches, (size_t)3, "every offer matches the ask");
	T_EQ(s.n_revive, (size_t)3, "every weak contact is one to revive");
	T_EQ(s.n_follow_ups, (size_t)3, "every quiet tie is followed up");

	w.persons[2].objection = 1;	/* Cia objects */
	suggest(&w, &s);
	T_EQ(s.n_profiles, (size_t)2, "Cia's profile is no candidate (got %zu)", s.n_profiles);
	T_CHECK(!has(s.profiles, s.n_profiles, 3), "not for partners or power teams");
	T_CHECK(s.profiles[0] == 2 && s.profiles[1] == 4, "the others in id order");
	T_CHECK(m_profile_get(&w.f, 3) && m_profile_get(&w.f, 3)->person == 3,
		"her profile is still found by id (fit of two named people, her own partners)");
	T_CHECK(m_profile_get(&w.f, 2) && m_profile_get(&w.f, 4), "and so are the others");
	T_CHECK(!has(s.matches, s.n_matches, 3) && s.n_matches == 2, "no match for the ask");
	T_CHECK(!has(s.revive, s.n_revive, 3) && s.n_revive == 2, "not a contact to revive");
	T_CHECK(!has(s.follow_ups, s.n_follow_ups, 3) && s.n_follow_ups == 2,
		"no follow-up suggested with her");

	w.persons[2].objection = 0;	/* she withdraws it: indexing again brings her back */
	w.persons[1].objection = 1;	/* and Bo objects */
	suggest(&w, &s);
	T_EQ(s.n_profiles, (size_t)2, "two candidates again");
	T_CHECK(s.profiles[0] == 3 && s.profiles[1] == 4, "Cia and Dan, in id order");
	T_CHECK(m_profile_get(&w.f, 2) && m_profile_get(&w.f, 3) && m_profile_get(&w.f, 4),
		"every profile found by id");
	T_CHECK(!has(s.matches, s.n_matches, 2) && !has(s.revive, s.n_revive, 2) &&
		!has(s.follow_ups, s.n_follow_ups, 2), "Bo suggested nowhere");
	mu_arena_release(&w.a);
}

static struct mu_record *person(struct mu_arena *a, const char *json)
{
	json_t *j = json_loads(json, 0, NULL);
	struct mu_record *r = NULL;
	struct mu_error err = { 0 };

	if (!j || record_decode(a, model_entity(ENT_PERSON), j, RD_CREATE, ref_resolve_store_id,
				NULL, &r, &err) < 0)
		abort();
	json_decref(j);
	return r;
}

void test_subject_keys(void)
{
	struct mu_arena a;
	struct app_subject_key *k1, *k2;
	size_t n1, n2;

	mu_arena_init(&a);
	n1 = app_subject_keys(&a, person(&a, "{\"full_name\": \"Anna   LIND\", \"emails\": ["
					 "\"Anna@Lind.SE\", \"anna@lind.se\"], \"phones\": "
					 "[\" +46 70-123 45 67\"]}"), &k1);
	T_EQ(n1, (size_t)3, "one e-mail (twice), a phone, a name: 3 keys (got %zu)", n1);
	if (n1 == 3) {
		/* BLAKE2b-256 of the normalised values (python3: hashlib.blake2b(v, digest_size=32)) */
		T_STR(k1[0].key, "email:63a958b6876f0b07a1ebdfcc812536e3e1ec4a3f2c7d4b8a25a4347425b02c46",
		      "e-mail trimmed and lower-cased: %s", k1[0].key);
		T_STR(k1[1].key, "phone:ce1df2341dd42c0a7effd9eb29d55a6d4bfc95d1c4dd6ef873b50035f1dc0747",
		      "phone as +digits: %s", k1[1].key);
		T_STR(k1[2].key, "name:2a19edffc8c72bf0285f9efa9dfd3b4dceae39573725738712d0ace8265f909d",
		      "name folded, spaces collapsed: %s", k1[2].key);
		T_STR(k1[0].field, "emails", "the field of each key");
		T_STR(k1[1].field, "phones", "phones");
		T_STR(k1[2].field, "full_name", "full_name");
	}
	n2 = app_subject_keys(&a, person(&a, "{\"full_name\": \"anna lind\", \"emails\": "
					 "[\"anna@lind.se\"], \"phones\": [\"+46701234567\"]}"), &k2);
	T_EQ(n2, n1, "the same person written otherwise");
	for (size_t i = 0; i < n1 && i < n2; i++)
		T_STR(k2[i].key, k1[i].key, "gives the same keys");
	struct mu_record *erased = person(&a, "{\"full_name\": \"Erased person 7\"}");
	erased->id = 7;
	T_EQ(app_subject_keys(&a, erased, &k2), (size_t)0, "an erased person's name is no key");
	mu_arena_release(&a);
}
