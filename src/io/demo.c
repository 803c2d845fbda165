/*
 * demo.c - three demo workspaces built from small tables and a seeded PRNG
 * (splitmix64), never from the clock or rand(): a Skåne/Öresund referral chapter, a
 * Danish company whose employees attend five networks, and a Copenhagen freelancer's
 * personal network of 300 contacts. Times are placed relative to "now", so the agenda
 * of a fresh demo is alive; no meeting with attendance lies in the future.
 */
#include <stdio.h>
#include <string.h>

#include "io/demo.h"
#include "core/mtime.h"
#include "core/banned.h"

#define DAY 86400

struct gen {
	uint64_t seed;
	int64_t now;
	json_t *doc;
	int next[16];	/* per id prefix counters */
};

static uint64_t rnd(struct gen *g)
{
	uint64_t z = (g->seed += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static int pick(struct gen *g, int n)
{
	return (int)(rnd(g) % (uint64_t)n);
}

static json_t *ts(int64_t t)
{
	char buf[MU_TIME_LEN];
	mu_time_format(t, buf);
	return json_string(buf);
}

static json_t *date(int64_t t)
{
	char buf[MU_DATE_LEN];
	mu_date_format(t >= 0 ? t / DAY : (t - DAY + 1) / DAY, buf);
	return json_string(buf);
}

static json_t *money(long long amount, const char *cur)
{
	return json_pack("{s:I, s:s}", "amount", (json_int_t)amount, "currency", cur);
}

static const char *new_id(struct gen *g, const char *prefix, int slot, char *buf, size_t size)
{
	snprintf(buf, size, "%s%d", prefix, ++g->next[slot]);
	return buf;
}

static void append(struct gen *g, const char *array, json_t *item)
{
	json_array_append_new(json_object_get(g->doc, array), item);
}

static json_t *start(struct gen *g, const char *name, const char *kind, const char *locale,
		     const char *cur)
{
	static const char *const arrays[] = { "organisations", "persons", "profiles", "ties",
		"exchanges", "referrals", "networks", "memberships", "meetings", "one_to_ones",
		"takeaways", "goals", "plans", "asks", "offers", "tasks" };
	g->doc = json_pack("{s:s, s:{s:s, s:s, s:s, s:s}}", "format", "mutua-workspace/1",
			   "workspace", "name", name, "kind", kind, "locale", locale,
			   "currency", cur);
	for (size_t i = 0; i < sizeof(arrays) / sizeof(arrays[0]); i++)
		json_object_set_new(g->doc, arrays[i], json_array());
	return g->doc;
}

/* ---- people ---- */

static const char *const first_se[] = { "Anna", "Erik", "Maria", "Lars", "Karin", "Johan",
	"Sara", "Per", "Emma", "Anders", "Ingrid", "Mikael", "Elin", "Fredrik", "Linnea",
	"Oskar", "Helena", "Gustav", "Malin", "Nils", "Sofia", "Henrik", "Ebba", "Björn" };
static const char *const last_se[] = { "Lind", "Nilsson", "Bergström", "Holm", "Åberg",
	"Persson", "Sjöberg", "Ekström", "Larsson", "Lundqvist", "Öberg", "Engström",
	"Håkansson", "Dahl", "Strand", "Wallin", "Nyström", "Axelsson" };
static const char *const first_dk[] = { "Søren", "Mette", "Jens", "Louise", "Mads",
	"Camilla", "Rasmus", "Sofie", "Anders", "Line", "Frederik", "Ida", "Kasper", "Signe",
	"Jonas", "Maja", "Christian", "Freja", "Mikkel", "Astrid" };
static const char *const last_dk[] = { "Kjær", "Jensen", "Nielsen", "Hansen", "Pedersen",
	"Møller", "Sørensen", "Rasmussen", "Kristensen", "Thomsen", "Madsen", "Østergaard",
	"Lauridsen", "Bech", "Dalgaard", "Frandsen" };

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static void ascii_slug(const char *in, char *out, size_t size)
{
	static const char *const from[] = { "å", "ä", "ö", "æ", "ø", "é", "Å", "Ä", "Ö", "Æ", "Ø" };
	static const char *const to[] = { "a", "a", "o", "ae", "o", "e", "a", "a", "o", "ae", "o" };
	size_t o = 0;

	while (*in && o + 3 < size) {
		size_t k = 0;
		for (; k < sizeof(from) / sizeof(from[0]); k++)
			if (!strncmp(in, from[k], strlen(from[k])))
				break;
		if (k < sizeof(from) / sizeof(from[0])) {
			for (const char *t = to[k]; *t; t++)
				out[o++] = *t;
			in += strlen(from[k]);
		} else if (*in == ' ') {
			out[o++] = '.';
			in++;
		} else {
			out[o++] = (char)(*in >= 'A' && *in <= 'Z' ? *in + 32 : *in);
			in++;
		}
	}
	out[o] = '\0';
}

static json_t *person(const char *id, const char *name, const char *domain, const char *org,
		      const char *title, const char *level, const char *function,
		      const char *industry, const char *region, const char *city,
		      const char *source, const char *basis)
{
	char slug[96], email[160], phone[32];
	unsigned h = 0;

	ascii_slug(name, slug, sizeof(slug));
	snprintf(email, sizeof(email), "%s@%s", slug, domain);
	for (const char *p = name; *p; p++)
		h = h * 31 + (unsigned char)*p;
	snprintf(phone, sizeof(phone), region[0] == 'D' ? "+45 %02u %02u %02u %02u" :
		 "+46 70 %03u %02u %02u", h % 90 + 10, h / 7 % 90 + 10, h / 11 % 90 + 10,
		 h / 13 % 90 + 10);
	json_t *p = json_pack("{s:s, s:s, s:[s], s:[s]}", "id", id, "full_name", name, "emails",
			      email, "phones", phone);
	if (org)
		json_object_set_new(p, "organisation_id", json_string(org));
	if (title)
		json_object_set_new(p, "title", json_string(title));
	json_object_set_new(p, "role_level", json_string(level));
	json_object_set_new(p, "role_function", json_string(function));
	if (industry)
		json_object_set_new(p, "industry", json_string(industry));
	json_object_set_new(p, "region", json_string(region));
	json_object_set_new(p, "city", json_string(city));
	json_object_set_new(p, "source", json_string(source));
	json_object_set_new(p, "legal_basis", json_string(basis));
	return p;
}

static void tie(struct gen *g, const char *a, const char *b, const char *tier, int cadence,
		int64_t since, int la, int lb, const char *how)
{
	char id[16];
	json_t *t = json_pack("{s:s, s:s, s:s, s:s, s:o, s:s}", "id", new_id(g, "t", 0, id, sizeof(id)),
			      "a", a, "b", b, "how_met", how, "since", date(since), "tier", tier);
	if (cadence)
		json_object_set_new(t, "cadence_days", json_integer(cadence));
	if (la)
		json_object_set_new(t, "liking_a", json_integer(la));
	if (lb)
		json_object_set_new(t, "liking_b", json_integer(lb));
	append(g, "ties", t);
}

static void exchange(struct gen *g, int64_t at, const char *giver, const char *receiver,
		     const char *kind, const char *network, const char *referral, long long amount,
		     const char *cur, const char *note)
{
	char id[16];
	json_t *x = json_pack("{s:s, s:o, s:s, s:s, s:s}", "id", new_id(g, "x", 1, id, sizeof(id)),
			      "at", ts(at), "giver", giver, "receiver", receiver, "kind", kind);
	if (amount)
		json_object_set_new(x, "amount", money(amount, cur));
	if (network)
		json_object_set_new(x, "network_id", json_string(network));
	if (referral)
		json_object_set_new(x, "referral_id", json_string(referral));
	if (note)
		json_object_set_new(x, "note", json_string(note));
	append(g, "exchanges", x);
}

/* A referral slip with its history; a won one gets its closed business and thanks. */
static void referral(struct gen *g, int64_t at, const char *giver, const char *receiver,
		     const char *prospect_org, const char *network, const char *cur,
		     long long value)
{
	static const char *const steps[] = { "given", "contacted", "meeting", "offer" };
	char id[16], rid[16];
	int reach = pick(g, 6);	/* 0-3: still open at that step, 4 won, 5 lost */
	json_t *hist = json_array();
	int64_t t = at;
	const char *status = "given";

	new_id(g, "r", 2, rid, sizeof(rid));
	snprintf(id, sizeof(id), "%s", rid);
	for (int s = 0; s < 4 && s <= reach; s++) {
		if (t > g->now)
			break;
		status = steps[s];
		json_array_append_new(hist, json_pack("{s:s, s:o}", "status", status, "at", ts(t)));
		t += (int64_t)(3 + pick(g, 10)) * DAY;
	}
	if (reach >= 4 && t <= g->now) {
		status = reach == 4 ? "won" : "lost";
		json_array_append_new(hist, json_pack("{s:s, s:o}", "status", status, "at", ts(t)));
	}
	json_t *r = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o}", "id", id, "giver", giver,
			      "receiver", receiver, "prospect_organisation", prospect_org,
			      "kind", pick(g, 4) ? "outside" : "inside", "status", status,
			      "history", hist);
	if (network)
		json_object_set_new(r, "network_id", json_string(network));
	if (!strcmp(status, "won"))
		json_object_set_new(r, "closed_value", money(value, cur));
	append(g, "referrals", r);
	exchange(g, at, giver, receiver, "referral", network, id, 0, cur, NULL);
	if (!strcmp(status, "won")) {
		exchange(g, t, receiver, giver, "closed_business", network, id, value, cur,
			 "Tack för affären!");
		if (t + 2 * DAY <= g->now && pick(g, 3))
			exchange(g, t + 2 * DAY, receiver, giver, "thanks", network, id, 0, cur, NULL);
	}
}

/* ---- the referral chapter ---- */

struct member {
	const char *name, *company, *domain, *industry, *sphere, *offering, *stage, *title,
		*function, *city;
	int deal;	/* typical deal in SEK */
};

static const struct member chapter[] = {
	{ "Anna Lind", "Lind Rekrytering AB", "lindrekrytering.se", "78.1", "people_hr", "rekrytering av chefer", "acquire", "VD", "hr", "Lund", 80000 },
	{ "Erik Holm", "Holm Ledarskap", "holmledarskap.se", "70.2", "people_hr", "ledarskapsutveckling", "develop", "Konsult", "hr", "Malmö", 60000 },
	{ "Karin Åberg", "Åberg Friskvård", "abergfriskvard.se", "86", "health_wellness", "företagshälsovård", "develop", "Grundare", "hr", "Lund", 40000 },
	{ "Johan Persson", "Persson Revision AB", "perssonrevision.se", "69.2", "finance_legal", "revision", "implement", "Auktoriserad revisor", "finance", "Malmö", 90000 },
	{ "Sara Sjöberg", "Sjöberg Juridik", "sjobergjuridik.se", "69.1", "finance_legal", "affärsjuridik", "need", "Advokat", "legal", "Malmö", 70000 },
	{ "Per Ekström", "Ekström Redovisning", "ekstromredovisning.se", "69.2", "finance_legal", "löpande redovisning", "implement", "Redovisningskonsult", "finance", "Lund", 30000 },
	{ "Emma Larsson", "Larsson Fastighetsförmedling", "larssonfast.se", "68", "property", "kommersiella lokaler", "acquire", "Mäklare", "property", "Helsingborg", 150000 },
	{ "Anders Lundqvist", "Lundqvist Bygg AB", "lundqvistbygg.se", "41", "construction_trades", "ombyggnad av kontor", "implement", "VD", "operations", "Lund", 400000 },
	{ "Ingrid Öberg", "Öberg El", "obergel.se", "43", "construction_trades", "elinstallation", "implement", "Elinstallatör", "operations", "Lund", 60000 },
	{ "Mikael Engström", "Engström IT-konsult", "engstromit.se", "62", "it_digital", "IT-drift för småföretag", "implement", "IT-konsult", "it", "Malmö", 50000 },
	{ "Elin Håkansson", "Håkansson Webb", "hakanssonwebb.se", "62", "it_digital", "webbutveckling", "implement", "Utvecklare", "it", "Lund", 45000 },
	{ "Fredrik Dahl", "Dahl Säkerhet", "dahlsakerhet.se", "80", "it_digital", "IT-säkerhetsgranskning", "need", "Säkerhetskonsult", "it", "Malmö", 70000 },
	{ "Linnea Strand", "Strand Kommunikation", "strandkom.se", "73", "marketing_creative", "varumärkesstrategi", "need", "Kommunikationsstrateg", "marketing", "Malmö", 60000 },
	{ "Oskar Wallin", "Wallin Foto", "wallinfoto.se", "74", "marketing_creative", "företagsfotografering", "implement", "Fotograf", "marketing", "Lund", 15000 },
	{ "Helena Nyström", "Nyström Tryck", "nystromtryck.se", "18", "marketing_creative", "trycksaker", "implement", "Säljare", "sales", "Malmö", 20000 },
	{ "Gustav Axelsson", "Axelsson Event", "axelssonevent.se", "82", "events_hospitality", "konferenser och event", "develop", "Eventansvarig", "marketing", "Malmö", 80000 },
	{ "Malin Bergström", "Hotell Lundia", "lundia.se", "55", "events_hospitality", "konferenslokaler", "develop", "Försäljningschef", "sales", "Lund", 50000 },
	{ "Nils Nilsson", "Nilsson Catering", "nilssoncatering.se", "56", "events_hospitality", "catering", "develop", "Kock och ägare", "operations", "Lund", 25000 },
	{ "Sofia Holm", "Holm Försäkring", "holmforsakring.se", "66", "finance_legal", "företagsförsäkringar", "acquire", "Försäkringsrådgivare", "finance", "Helsingborg", 35000 },
	{ "Henrik Persson", "Sydbank Företag", "sydbankforetag.se", "64", "finance_legal", "företagslån", "acquire", "Företagsrådgivare", "finance", "Malmö", 100000 },
	{ "Ebba Nilsson", "Nilsson Städ", "nilssonstad.se", "81", "business_services", "kontorsstädning", "implement", "Ägare", "operations", "Lund", 30000 },
	{ "Björn Lind", "Lind Logistik", "lindlogistik.se", "49", "business_services", "budtjänster", "implement", "Trafikledare", "operations", "Malmö", 20000 },
	{ "Maria Bergström", "Bergström Coaching", "bergstromcoaching.se", "85.5", "people_hr", "karriärcoachning", "exit", "Coach", "hr", "Lund", 30000 },
	{ "Søren Kjær", "Kjær Leadership ApS", "kjaer-leadership.dk", "85.5", "people_hr", "ledertræning", "develop", "Direktør", "hr", "København", 70000 },
	{ "Mette Møller", "Møller Design", "mollerdesign.dk", "74.1", "marketing_creative", "grafisk design", "implement", "Designer", "marketing", "København", 30000 },
};

static const char *const target_industries[][3] = {
	{ "62", "C", "70" }, { "62", "J", "M" }, { "C", "G", "47" }, { "F", "41", "68" },
	{ "M", "69", "86" }, { "56", "55", "I" },
};

static const char *const takeaway_texts[][2] = {
	{ "Kommunerna i Skåne upphandlar chefsrekrytering i höst.", "lead" },
	{ "Fler företag vill ha hybridkontor: efterfrågan på ombyggnad ökar.", "trend" },
	{ "Idé: gemensamt frukostseminarium om kompetensförsörjning.", "idea" },
	{ "En ny konkurrent inom IT-drift har öppnat i Malmö.", "competitor" },
	{ "Bankerna skärper kraven på kassaflödesprognoser.", "trend" },
	{ "Idé: paketera foto, webb och tryck som ett erbjudande.", "idea" },
	{ "Region Skåne söker leverantörer av ledarskapsutbildning.", "lead" },
	{ "Idé: medlemmarna presenterar varandra för sina bästa kunder.", "idea" },
};

static const char *https(char *buf, const char *domain)
{
	snprintf(buf, 96, "https://%s", domain);
	return buf;
}

static int64_t day_start(int64_t t)
{
	return t - ((t % DAY) + DAY) % DAY;
}

static void chapter_people(struct gen *g, int64_t year_ago)
{
	char id[16], oid[16], url[96];

	for (int i = 0; i < N(chapter); i++) {
		const struct member *m = &chapter[i];
		int dk = strstr(m->domain, ".dk") != NULL;
		snprintf(oid, sizeof(oid), "o%d", i + 1);
		snprintf(id, sizeof(id), "p%d", i + 1);
		append(g, "organisations", json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "id", oid,
			"name", m->company, "industry", m->industry, "size_class", pick(g, 3) ? "micro" : "small",
			"region", dk ? "DK-84" : "SE-M", "website", https(url, m->domain)));
		append(g, "persons", person(id, m->name, m->domain, oid, m->title,
			 pick(g, 2) ? "owner" : "specialist", m->function, m->industry,
			 dk ? "DK-84" : "SE-M", m->city, "BNI Öresund", "consent"));
		json_t *prof = json_pack("{s:s, s:s, s:[{s:s, s:s}], s:[s], s:s, s:[s,s,s], s:[s,s],"
					 " s:[{s:s, s:s}], s:[s], s:[s,s], s:o}",
			"person_id", id, "sphere", m->sphere,
			"offerings", "label", m->offering, "stage", m->stage,
			"asks", "introduktioner till beslutsfattare i Skåne",
			"contributes", "Jag delar gärna kontakter och kunskap om min bransch.",
			"target_industries", target_industries[i % 6][0], target_industries[i % 6][1],
			target_industries[i % 6][2],
			"target_sizes", "small", i % 2 ? "medium" : "micro",
			"target_roles", "level", i % 3 ? "executive" : "owner", "function", m->function,
			"target_regions", "SE-M",
			"themes", i % 2 ? "kompetensförsörjning" : "tillväxt", "digitalisering",
			"typical_deal", money((long long)m->deal * 100, "SEK"));
		if (i == 5)	/* two accountants see each other as competitors */
			json_object_set_new(prof, "competitors", json_pack("[s]", "p4"));
		append(g, "profiles", prof);
	}
	(void)year_ago;
}

static void chapter_meetings(struct gen *g, int64_t year_ago)
{
	char id[16], pid[16], vid[16];
	int visitors = 0, n = 0;
	/* Thursdays 06:45 UTC (07:45 in Lund in winter), skipping July */
	int64_t t = day_start(year_ago) + 6 * 3600 + 45 * 60;
	int y, mo, d;

	while (((t / DAY) + 4) % 7 != 4)	/* 1970-01-01 was a Thursday: weekday 4 */
		t += DAY;
	for (; t <= g->now; t += 7 * DAY) {
		json_t *att, *vis;
		mu_civil_from_days(t / DAY, &y, &mo, &d);
		if (mo == 7)
			continue;
		att = json_array();
		vis = json_array();
		for (int i = 0; i < N(chapter); i++) {
			static const char codes[] = "PPPPPPPPPPPPPPPLLASM";
			char code[2] = { codes[pick(g, 20)], 0 };
			snprintf(pid, sizeof(pid), "p%d", i + 1);
			json_array_append_new(att, json_pack("{s:s, s:s}", "person", pid, "code", code));
		}
		if (n % 5 == 2 && visitors < 8) {
			static const char *const vnames[] = { "Lars Dahl", "Karin Strand",
				"Mads Jensen", "Ida Nielsen", "Johan Wallin", "Sofia Ekström",
				"Jonas Madsen", "Elin Axelsson" };
			snprintf(vid, sizeof(vid), "p%d", 100 + visitors);
			append(g, "persons", person(vid, vnames[visitors], "example.se", NULL, NULL,
				 "owner", "sales", NULL, "SE-M", "Malmö", "BNI Öresund, visitor",
				 "legitimate_interest"));
			snprintf(pid, sizeof(pid), "p%d", 1 + pick(g, N(chapter)));
			json_array_append_new(vis, json_pack("{s:s, s:s}", "person", vid, "invited_by", pid));
			visitors++;
		}
		append(g, "meetings", json_pack("{s:s, s:s, s:o, s:s, s:o, s:o}", "id",
			new_id(g, "mt", 3, id, sizeof(id)), "network_id", "n1", "at", ts(t),
			"place", "Hotell Lundia, Lund", "attendance", att, "visitors", vis));
		if (n % 6 == 1) {
			const char *const *k = takeaway_texts[(n / 6) % N(takeaway_texts)];
			snprintf(pid, sizeof(pid), "p%d", 1 + pick(g, N(chapter)));
			append(g, "takeaways", json_pack("{s:s, s:s, s:s, s:s, s:o, s:s, s:[s]}", "id",
				new_id(g, "k", 4, vid, sizeof(vid)), "network_id", "n1", "meeting_id", id,
				"author", pid, "at", ts(t + 2 * 3600), "text", k[0], "tags", k[1]));
		}
		n++;
	}
}

static void chapter_relations(struct gen *g, int64_t year_ago)
{
	char a[16], b[16], id[16], org[16];

	for (int i = 0; i < N(chapter); i++) {
		for (int k = 1; k <= 3; k++) {
			int j = (i + k * 3) % N(chapter);
			snprintf(a, sizeof(a), "p%d", i + 1);
			snprintf(b, sizeof(b), "p%d", j + 1);
			if (j == i || (k == 3 && i % 2))
				continue;
			tie(g, a, b, k == 1 ? "inner" : "active", 0,
			    year_ago - (int64_t)pick(g, 900) * DAY, 3 + pick(g, 3), 3 + pick(g, 3),
			    "BNI Öresund");
		}
	}
	for (int k = 0; k < 70; k++) {
		int i = pick(g, N(chapter)), j = (i + 1 + pick(g, N(chapter) - 1)) % N(chapter);
		int64_t at = year_ago + (int64_t)pick(g, 364) * DAY + 9 * 3600;
		snprintf(a, sizeof(a), "p%d", i + 1);
		snprintf(b, sizeof(b), "p%d", j + 1);
		append(g, "one_to_ones", json_pack("{s:s, s:o, s:s, s:s}", "id",
			new_id(g, "oo", 5, id, sizeof(id)), "at", ts(at), "a", a, "b", b));
		exchange(g, at, a, b, "meeting", "n1", NULL, 0, "SEK", NULL);
	}
	for (int k = 0; k < 90; k++) {
		int i = pick(g, N(chapter)), j = (i + 1 + pick(g, N(chapter) - 1)) % N(chapter);
		int64_t at = year_ago + (int64_t)pick(g, 364) * DAY + 8 * 3600;
		snprintf(a, sizeof(a), "p%d", i + 1);
		snprintf(b, sizeof(b), "p%d", j + 1);
		snprintf(org, sizeof(org), "o%d", 1 + pick(g, N(chapter)));
		referral(g, at, a, b, org, "n1", "SEK", (long long)chapter[j].deal * (50 + pick(g, 100)));
	}
	static const char *const kinds[] = { "introduction", "information", "advice", "help" };
	for (int k = 0; k < 120; k++) {
		int i = pick(g, N(chapter)), j = (i + 1 + pick(g, N(chapter) - 1)) % N(chapter);
		snprintf(a, sizeof(a), "p%d", i + 1);
		snprintf(b, sizeof(b), "p%d", j + 1);
		exchange(g, year_ago + (int64_t)pick(g, 364) * DAY + 10 * 3600, a, b, kinds[pick(g, 4)],
			 "n1", NULL, 0, "SEK", NULL);
	}
}

static void chapter_rest(struct gen *g, int64_t year_ago)
{
	char id[16], pid[16];
	int y, m, d;

	for (int i = 0; i < N(chapter); i++) {
		snprintf(pid, sizeof(pid), "p%d", i + 1);
		append(g, "memberships", json_pack("{s:s, s:s, s:s, s:s, s:o}", "id",
			new_id(g, "m", 6, id, sizeof(id)), "network_id", "n1", "person_id", pid,
			"role", i == 0 ? "leader" : "member", "since",
			date(year_ago - (int64_t)pick(g, 1400) * DAY)));
	}
	mu_civil_from_days(g->now / DAY, &y, &m, &d);
	json_t *from = date(mu_days_from_civil(y, 1, 1) * DAY), *to = date(mu_days_from_civil(y, 12, 31) * DAY);
	static const struct { const char *metric; double target; } goals[] = {
		{ "referrals_given", 400 }, { "visitors", 30 }, { "one_to_ones", 100 },
	};
	for (int i = 0; i < 3; i++)
		append(g, "goals", json_pack("{s:s, s:s, s:s, s:f, s:O, s:O}", "id",
			new_id(g, "g", 7, id, sizeof(id)), "network_id", "n1", "metric", goals[i].metric,
			"target", goals[i].target, "from", from, "to", to));
	json_decref(from);
	json_decref(to);
	static const char *const asks[] = { "Introduktion till HR-chefer på medelstora företag i Skåne",
		"Kontakt med inköpsansvarig på Region Skåne", "Fastighetsägare med lediga kontor i Lund" };
	static const char *const offers[] = { "Gratis lönsamhetsgenomgång för nya kunder",
		"Frukostseminarium om ledarskap i förändring", "Lokal för 40 personer till medlemspris" };
	for (int i = 0; i < 3; i++) {
		snprintf(pid, sizeof(pid), "p%d", 1 + i * 7);
		append(g, "asks", json_pack("{s:s, s:s, s:o, s:s, s:{s:s, s:s}, s:s}", "id",
			new_id(g, "a", 8, id, sizeof(id)), "person", pid,
			"at", ts(g->now - (int64_t)(5 + i * 9) * DAY), "text", asks[i],
			"segment", "region", "SE-M", "role_function", i == 0 ? "hr" : i == 1 ? "procurement" : "property",
			"status", "open"));
		snprintf(pid, sizeof(pid), "p%d", 3 + i * 6);
		append(g, "offers", json_pack("{s:s, s:s, s:o, s:s, s:s}", "id",
			new_id(g, "f", 9, id, sizeof(id)), "person", pid,
			"at", ts(g->now - (int64_t)(3 + i * 11) * DAY), "text", offers[i], "status", "open"));
		append(g, "tasks", json_pack("{s:s, s:s, s:s, s:o, s:s}", "id",
			new_id(g, "ts", 10, id, sizeof(id)), "owner_person", "p1", "person", pid,
			"due", date(g->now + (int64_t)(i * 4 - 2) * DAY), "kind", i ? "meet" : "follow_up"));
	}
}

static json_t *demo_group(struct gen *g)
{
	int64_t year_ago = g->now - 365 * (int64_t)DAY;

	start(g, "BNI Öresund — Lund", "group", "sv", "SEK");
	chapter_people(g, year_ago);
	append(g, "networks", json_pack("{s:s, s:s, s:s, s:s, s:{s:i, s:s, s:s}, s:i, s:s, s:s}",
		"id", "n1", "name", "BNI Öresund", "purpose", "business_exchange", "openness", "closed",
		"fee", "amount", 950000, "currency", "SEK", "per", "year", "meetings_per_year", 48,
		"meeting_place", "Hotell Lundia, Lund", "url", "https://bni-oresund.se"));
	chapter_meetings(g, year_ago);
	chapter_relations(g, year_ago);
	chapter_rest(g, year_ago);
	return g->doc;
}

static const char *mu_demo_company(char *buf, size_t size, int i);

/* ---- the company ---- */

struct employee {
	const char *name, *title, *level, *function;
	int hourly;	/* DKK an hour */
};

static const struct employee staff[] = {
	{ "Mette Østergaard", "Administrerende direktør", "executive", "general_management", 1400 },
	{ "Jens Lauridsen", "Salgschef", "manager", "sales", 1000 },
	{ "Louise Bech", "Bogholder", "specialist", "finance", 550 },
	{ "Rasmus Dalgaard", "Seniorkonsulent", "specialist", "operations", 900 },
	{ "Sofie Frandsen", "Marketingkoordinator", "specialist", "marketing", 600 },
	{ "Kasper Thomsen", "IT-ansvarlig", "manager", "it", 850 },
	{ "Ida Madsen", "HR-partner", "specialist", "hr", 650 },
	{ "Frederik Møller", "Kontorelev", "specialist", "other", 250 },
};

static const struct {
	const char *name, *purpose, *openness, *per, *place;
	int fee, per_year;
} company_networks[] = {
	{ "Dansk Erhverv Netværk København", "business_exchange", "open", "year", "Børsen, København", 1200000, 10 },
	{ "Erfa-gruppe Ledelse", "experience_group", "closed", "year", "Skt. Annæ Plads, København", 2500000, 8 },
	{ "Økonomiforum Hovedstaden", "professional", "open", "meeting", "CBS, Frederiksberg", 75000, 6 },
	{ "Rotary København Øst", "humanitarian", "closed", "month", "Hotel Østerbro", 45000, 40 },
	{ "Tech Breakfast CPH", "mixed", "open", "meeting", "Kraftværket, Valby", 15000, 12 },
};

static const char *const dk_takeaways[][2] = {
	{ "Kommunerne efterspørger rådgivning om grøn omstilling.", "lead" },
	{ "Idé: tilbyd et fast månedligt tjek af likviditeten.", "idea" },
	{ "Flere mellemstore virksomheder samler indkøb af IT-sikkerhed.", "trend" },
	{ "En ny konkurrent tilbyder faste priser på økonomistyring.", "competitor" },
	{ "Idé: del vores skabelon til budgetopfølgning med netværket.", "idea" },
	{ "Rekruttering af bogholdere er blevet sværere i hele regionen.", "trend" },
};

static void company_people(struct gen *g, int64_t year_ago)
{
	char id[16];

	append(g, "organisations", json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "id", "o1",
		"name", "Nordlys Rådgivning A/S", "industry", "70.2", "size_class", "small",
		"region", "DK-84", "website", "https://nordlys-raadgivning.dk", "org_number", "DK 38 21 45 96"));
	for (int i = 0; i < N(staff); i++) {
		snprintf(id, sizeof(id), "p%d", i + 1);
		append(g, "persons", person(id, staff[i].name, "nordlys-raadgivning.dk", "o1",
			 staff[i].title, staff[i].level, staff[i].function, "70.2", "DK-84",
			 "København", "medarbejder", "contract"));
	}
	/* outside contacts met through the networks */
	for (int i = 0; i < 30; i++) {
		char oid[16], name[64], dom[64];
		snprintf(oid, sizeof(oid), "o%d", i + 2);
		snprintf(dom, sizeof(dom), "firma%d.dk", i + 2);
		static const char *const inds[] = { "62", "69.2", "47", "41", "86", "64", "73", "C" };
		append(g, "organisations", json_pack("{s:s, s:s, s:s, s:s, s:s}", "id", oid, "name",
			mu_demo_company(name, sizeof(name), i), "industry", inds[i % 8], "size_class",
			i % 3 ? "medium" : "small", "region", i % 5 ? "DK-84" : "DK-85"));
		snprintf(id, sizeof(id), "p%d", 20 + i);
		snprintf(name, sizeof(name), "%s %s", first_dk[(i * 7) % N(first_dk)],
			 last_dk[(i * 5 + 3) % N(last_dk)]);
		append(g, "persons", person(id, name, dom, oid, i % 2 ? "Direktør" : "Økonomichef",
			 i % 2 ? "executive" : "manager", i % 2 ? "general_management" : "finance",
			 inds[i % 8], "DK-84", "København", company_networks[i % 5].name,
			 "legitimate_interest"));
		char emp[16];
		snprintf(emp, sizeof(emp), "p%d", 1 + i % N(staff));
		tie(g, emp, id, i % 4 ? "wide" : "active", 0, year_ago + (int64_t)pick(g, 300) * DAY,
		    3 + pick(g, 3), 0, company_networks[i % 5].name);
	}
}

static void company_networks_and_meetings(struct gen *g, int64_t year_ago)
{
	char id[16], nid[16], pid[16], mid[16];

	for (int n = 0; n < N(company_networks); n++) {
		snprintf(nid, sizeof(nid), "n%d", n + 1);
		append(g, "networks", json_pack("{s:s, s:s, s:s, s:s, s:{s:i, s:s, s:s}, s:i, s:s}",
			"id", nid, "name", company_networks[n].name, "purpose", company_networks[n].purpose,
			"openness", company_networks[n].openness, "fee", "amount", company_networks[n].fee,
			"currency", "DKK", "per", company_networks[n].per, "meetings_per_year",
			company_networks[n].per_year, "meeting_place", company_networks[n].place));
		/* two or three employees per network, the trainee too: anyone can be an ambassador */
		int who[3] = { n % N(staff), (n + 3) % N(staff), 7 };
		int count = n == 4 ? 3 : 2;
		for (int k = 0; k < count; k++) {
			const struct employee *e = &staff[who[k]];
			snprintf(pid, sizeof(pid), "p%d", who[k] + 1);
			append(g, "memberships", json_pack("{s:s, s:s, s:s, s:s, s:o, s:f, s:o, s:s}", "id",
				new_id(g, "m", 6, id, sizeof(id)), "network_id", nid, "person_id", pid,
				"role", "member", "since", date(year_ago - (int64_t)pick(g, 700) * DAY),
				"hours_per_meeting", n == 1 ? 4.0 : 2.5, "hourly_cost", money((long long)e->hourly * 100, "DKK"),
				"expected_outcome", n % 2 ? "to kundemøder i kvartalet" : "nye idéer og tendenser til huset"));
			int64_t start_at = year_ago;
			int mcount = company_networks[n].per_year;
			for (int mm = 0; k == 0 && mm < mcount; mm++) {
				int64_t at = start_at + (int64_t)mm * (365 / mcount) * DAY + 15 * 3600;
				if (at > g->now)
					break;
				json_t *att = json_array();
				for (int q = 0; q < count; q++) {
					char qp[16];
					snprintf(qp, sizeof(qp), "p%d", who[q] + 1);
					json_array_append_new(att, json_pack("{s:s, s:s}", "person", qp,
						"code", pick(g, 6) ? "P" : "A"));
				}
				append(g, "meetings", json_pack("{s:s, s:s, s:o, s:s, s:o}", "id",
					new_id(g, "mt", 3, mid, sizeof(mid)), "network_id", nid, "at", ts(at),
					"place", company_networks[n].place, "attendance", att));
				if (mm % 3 == 0) {
					const char *const *t = dk_takeaways[(n + mm) % N(dk_takeaways)];
					append(g, "takeaways", json_pack("{s:s, s:s, s:s, s:s, s:o, s:s, s:[s]}",
						"id", new_id(g, "k", 4, id, sizeof(id)), "network_id", nid,
						"meeting_id", mid, "author", pid, "at", ts(at + 3 * 3600),
						"text", t[0], "tags", t[1]));
				}
			}
			append(g, "goals", json_pack("{s:s, s:s, s:s, s:s, s:i, s:o, s:o}", "id",
				new_id(g, "g", 7, id, sizeof(id)), "owner_person", pid, "network_id", nid,
				"metric", n % 2 ? "customer_meetings" : "ideas", "target", n % 2 ? 8 : 6,
				"from", date(year_ago + DAY), "to", date(g->now + 30 * (int64_t)DAY)));
		}
	}
}

static void company_business(struct gen *g, int64_t year_ago)
{
	char a[16], b[16], nid[16], org[16];

	for (int k = 0; k < 40; k++) {
		int contact = pick(g, 30), n = contact % 5;
		snprintf(a, sizeof(a), "p%d", 20 + contact);
		snprintf(b, sizeof(b), "p%d", 1 + contact % N(staff));
		snprintf(nid, sizeof(nid), "n%d", n + 1);
		snprintf(org, sizeof(org), "o%d", 2 + pick(g, 30));
		if (k % 3 == 0)
			referral(g, year_ago + (int64_t)pick(g, 360) * DAY + 9 * 3600, a, b, org, nid, "DKK",
				 (long long)(200 + pick(g, 800)) * 10000);
		else
			exchange(g, year_ago + (int64_t)pick(g, 360) * DAY + 11 * 3600, k % 2 ? a : b,
				 k % 2 ? b : a, k % 4 ? "information" : "meeting", nid, NULL, 0, "DKK", NULL);
	}
	append(g, "tasks", json_pack("{s:s, s:s, s:s, s:o, s:s}", "id", "ts1", "owner_person", "p2",
		"person", "p21", "due", date(g->now + 3 * (int64_t)DAY), "kind", "follow_up"));
}

static json_t *demo_organisation(struct gen *g)
{
	int64_t year_ago = g->now - 365 * (int64_t)DAY;

	start(g, "Nordlys Rådgivning A/S", "organisation", "da", "DKK");
	company_people(g, year_ago);
	company_networks_and_meetings(g, year_ago);
	company_business(g, year_ago);
	return g->doc;
}

/* ---- the freelancer ---- */

static const char *const companies_prefix[] = { "Nordic", "Øresund", "Havn", "Lys", "Grøn",
	"Vest", "Bølge", "Kyst", "Fyr", "Skov" };
static const char *const companies_suffix[] = { "Consult ApS", "Digital A/S", "Invest",
	"Design", "Tech ApS", "Partners", "Logistik A/S", "Foods", "Energi", "Bygg AB" };

static const char *mu_demo_company(char *buf, size_t size, int i)
{
	snprintf(buf, size, "%s %s", companies_prefix[i % 10], companies_suffix[(i * 3 + i / 10) % 10]);
	return buf;
}

static json_t *demo_personal(struct gen *g)
{
	static const char *const levels[] = { "owner", "executive", "manager", "specialist" };
	static const char *const functions[] = { "general_management", "finance", "hr", "it",
		"marketing", "sales", "operations" };
	static const char *const inds[] = { "62", "73", "70.2", "47", "64", "86", "41", "58",
		"C", "85.5" };
	int64_t year_ago = g->now - 365 * (int64_t)DAY;
	char id[16], oid[16], name[80], dom[64];

	start(g, "Freja Bech — netværk", "personal", "da", "DKK");
	for (int i = 0; i < 40; i++) {
		snprintf(oid, sizeof(oid), "o%d", i + 1);
		append(g, "organisations", json_pack("{s:s, s:s, s:s, s:s, s:s}", "id", oid, "name",
			mu_demo_company(name, sizeof(name), i), "industry", inds[i % 10], "size_class",
			i % 4 == 0 ? "large" : i % 3 ? "small" : "medium", "region",
			i % 6 ? "DK-84" : "SE-M"));
	}
	append(g, "persons", person("p1", "Freja Bech", "frejabech.dk", NULL, "Freelance UX-designer",
		 "owner", "marketing", "74.1", "DK-84", "København", "mig selv", "contract"));
	append(g, "profiles", json_pack("{s:s, s:s, s:[{s:s, s:s}, {s:s, s:s}], s:[s], s:s, s:[s,s],"
		" s:[s,s], s:[{s:s, s:s}], s:[s,s], s:[s], s:o}", "person_id", "p1", "sphere",
		"marketing_creative", "offerings", "label", "UX-research", "stage", "need", "label",
		"prototyper", "stage", "implement", "asks", "introduktioner til produktchefer",
		"contributes", "Jeg deler gerne brugerindsigter og mit netværk i designmiljøet.",
		"target_industries", "62", "64", "target_sizes", "medium", "large", "target_roles",
		"level", "manager", "function", "it", "target_regions", "DK-84", "SE-M", "themes",
		"digital selvbetjening", "typical_deal", money(6000000, "DKK")));
	for (int i = 2; i <= 300; i++) {
		int se = i % 7 == 0;
		snprintf(id, sizeof(id), "p%d", i);
		snprintf(oid, sizeof(oid), "o%d", 1 + pick(g, 40));
		snprintf(name, sizeof(name), "%s %s",
			 se ? first_se[pick(g, N(first_se))] : first_dk[pick(g, N(first_dk))],
			 se ? last_se[pick(g, N(last_se))] : last_dk[pick(g, N(last_dk))]);
		snprintf(dom, sizeof(dom), "firma%d.%s", i % 40 + 1, se ? "se" : "dk");
		append(g, "persons", person(id, name, dom, oid, NULL, levels[pick(g, 4)],
			 functions[pick(g, 7)], inds[pick(g, 10)], se ? "SE-M" : "DK-84",
			 se ? "Malmö" : "København", pick(g, 3) ? "LinkedIn" : "konference",
			 "legitimate_interest"));
		const char *tier = i <= 16 ? "inner" : i <= 76 ? "active" : "wide";
		tie(g, "p1", id, tier, 0, year_ago - (int64_t)pick(g, 2000) * DAY,
		    i <= 16 ? 5 : 3 + pick(g, 2), 0, pick(g, 2) ? "arbejde" : "netværksmøde");
		if (i > 2 && pick(g, 4) == 0) {
			char other[16];
			snprintf(other, sizeof(other), "p%d", 2 + pick(g, i - 2));
			tie(g, id, other, "wide", 0, year_ago - (int64_t)pick(g, 900) * DAY, 0, 0, "kolleger");
		}
	}
	static const char *const kinds[] = { "information", "advice", "introduction", "help",
		"meeting", "referral", "thanks" };
	for (int k = 0; k < 300; k++) {
		char other[16];
		int who = k % 3 ? 2 + pick(g, 75) : 2 + pick(g, 299);
		snprintf(other, sizeof(other), "p%d", who);
		exchange(g, year_ago + (int64_t)pick(g, 364) * DAY + 12 * 3600, k % 2 ? "p1" : other,
			 k % 2 ? other : "p1", kinds[pick(g, 7)], NULL, NULL, 0, "DKK", NULL);
	}
	append(g, "networks", json_pack("{s:s, s:s, s:s, s:s, s:{s:i, s:s, s:s}, s:i, s:s}", "id",
		"n1", "name", "Danske Designere", "purpose", "professional", "openness", "open",
		"fee", "amount", 180000, "currency", "DKK", "per", "year", "meetings_per_year", 10,
		"meeting_place", "Dansk Design Center"));
	append(g, "networks", json_pack("{s:s, s:s, s:s, s:s, s:{s:i, s:s, s:s}, s:i, s:s}", "id",
		"n2", "name", "Erfa UX København", "purpose", "experience_group", "openness", "closed",
		"fee", "amount", 50000, "currency", "DKK", "per", "meeting", "meetings_per_year", 6,
		"meeting_place", "Nørrebro"));
	for (int n = 1; n <= 2; n++) {
		snprintf(oid, sizeof(oid), "n%d", n);
		append(g, "memberships", json_pack("{s:s, s:s, s:s, s:s, s:o}", "id",
			new_id(g, "m", 6, id, sizeof(id)), "network_id", oid, "person_id", "p1", "role",
			"member", "since", date(year_ago - 400 * (int64_t)DAY)));
	}
	append(g, "plans", json_pack("{s:s, s:s, s:i, s:[{s:s, s:s, s:s, s:s, s:i}, {s:s, s:s, s:s, s:i},"
		" {s:s, s:s, s:s, s:i}]}", "id", "pl1", "owner_person", "p1", "capacity_per_month", 4,
		"segments", "industry", "62", "role_level", "manager", "role_function", "it", "region",
		"DK-84", "want", 15, "industry", "64", "role_level", "executive", "region", "DK-84",
		"want", 8, "industry", "62", "role_function", "marketing", "region", "SE-M", "want", 5));
	append(g, "asks", json_pack("{s:s, s:s, s:o, s:s, s:{s:s, s:s, s:s}, s:s}", "id", "a1",
		"person", "p1", "at", ts(g->now - 6 * (int64_t)DAY), "text",
		"Introduktion til produktchefer i fintech i København", "segment", "industry", "64",
		"role_level", "manager", "region", "DK-84", "status", "open"));
	append(g, "offers", json_pack("{s:s, s:s, s:o, s:s, s:s}", "id", "f1", "person", "p1",
		"at", ts(g->now - 20 * (int64_t)DAY), "text",
		"Gratis brugertest af en prototype for nye kontakter", "status", "open"));
	for (int i = 0; i < 5; i++) {
		snprintf(oid, sizeof(oid), "p%d", 3 + i * 3);
		append(g, "tasks", json_pack("{s:s, s:s, s:s, s:o, s:s}", "id",
			new_id(g, "ts", 10, id, sizeof(id)), "owner_person", "p1", "person", oid,
			"due", date(g->now + (int64_t)(i * 3 - 4) * DAY), "kind",
			i % 2 ? "meet" : "follow_up"));
	}
	return g->doc;
}

json_t *demo_document(enum demo_kind kind, int64_t now)
{
	struct gen g = { .seed = 0x4D75747561ULL + (uint64_t)kind, .now = now };

	switch (kind) {
	case DEMO_GROUP:
		return demo_group(&g);
	case DEMO_ORGANISATION:
		return demo_organisation(&g);
	case DEMO_PERSONAL:
		return demo_personal(&g);
	}
	return NULL;
}
