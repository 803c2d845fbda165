/*
 * test_record.c - the record codec: every kind of bad input is refused with its path,
 * canonical forms are stable, and docs/model.md agrees with the field tables.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "core/arena.h"
#include "core/model.h"
#include "io/demo.h"
#include "io/record.h"

void test_record_decode(void);
void test_record_roundtrip(void);
void test_model_doc(void);
void test_record_write_json(void);

/* References in these tests are store ids and exist unless they are 999. */
static int fake_resolve(void *ctx, enum entity_kind kind, const char *text, mu_id *id,
			struct mu_error *err)
{
	(void)ctx;
	if (ref_resolve_store_id(NULL, kind, text, id, err) < 0)
		return err->code;
	if (*id == 999)
		return mu_fail(err, MU_EINVAL, "", "no %s %s", model_entity(kind)->name, text);
	return 0;
}

static int decode(enum entity_kind k, const char *json, struct mu_record **r,
		  struct mu_error *err, struct mu_arena *a)
{
	json_t *j = json_loads(json, 0, NULL);
	int rc;

	if (!j)
		return -1000;
	rc = record_decode(a, model_entity(k), j, RD_CREATE, fake_resolve, NULL, r, err);
	json_decref(j);
	return rc;
}

void test_record_decode(void)
{
	static const struct { enum entity_kind k; const char *json; const char *field; } bad[] = {
		{ ENT_PERSON, "{\"full_name\": \"A\", \"emial\": \"x\"}", "emial" },
		{ ENT_PERSON, "{\"emails\": []}", "full_name" },
		{ ENT_PERSON, "{\"full_name\": \"  \"}", "full_name" },
		{ ENT_PERSON, "{\"full_name\": \"A\", \"emails\": [\"a@b.se\", \"nope\"]}", "emails[1]" },
		{ ENT_PERSON, "{\"full_name\": \"A\", \"role_level\": \"ceo\"}", "role_level" },
		{ ENT_PERSON, "{\"full_name\": \"A\", \"industry\": \"04\"}", "industry" },
		{ ENT_PERSON, "{\"full_name\": \"A\", \"region\": \"SE-XX\"}", "region" },
		{ ENT_PERSON, "{\"full_name\": \"A\", \"organisation_id\": \"999\"}", "organisation_id" },
		{ ENT_PERSON, "{\"full_name\": \"A\", \"organisation_id\": \"o1\"}", "organisation_id" },
		{ ENT_PERSON, "{\"full_name\": \"A\", \"private\": \"yes\"}", "private" },
		{ ENT_PERSON, "{\"full_name\": \"A\", \"id\": \"4\"}", "id" },
		{ ENT_TIE, "{\"a\": \"1\", \"b\": \"1\"}", "b" },
		{ ENT_TIE, "{\"a\": \"1\", \"b\": \"2\", \"liking_a\": 6}", "liking_a" },
		{ ENT_TIE, "{\"a\": \"1\", \"b\": \"2\", \"since\": \"2026-02-30\"}", "since" },
		{ ENT_EXCHANGE, "{\"at\": \"2026-03-04\", \"giver\": \"1\", \"receiver\": \"2\","
		  " \"kind\": \"help\"}", "at" },
		{ ENT_EXCHANGE, "{\"at\": \"2026-03-04T10:00:00Z\", \"giver\": \"1\", \"receiver\": \"2\","
		  " \"kind\": \"help\", \"amount\": {\"amount\": 1.5, \"currency\": \"SEK\"}}",
		  "amount.amount" },
		{ ENT_EXCHANGE, "{\"at\": \"2026-03-04T10:00:00Z\", \"giver\": \"1\", \"receiver\": \"2\","
		  " \"kind\": \"help\", \"amount\": {\"amount\": 1, \"currency\": \"kr\"}}",
		  "amount.currency" },
		{ ENT_NETWORK, "{\"name\": \"N\", \"fee\": {\"amount\": 1, \"currency\": \"SEK\"}}",
		  "fee.per" },
		{ ENT_MEETING, "{\"network_id\": \"1\", \"at\": \"2026-03-04T10:00:00Z\","
		  " \"attendance\": [{\"person\": \"2\", \"code\": \"X\"}]}", "attendance[0].code" },
		{ ENT_MEETING, "{\"network_id\": \"1\", \"at\": \"2026-03-04T10:00:00Z\","
		  " \"visitors\": [{\"person\": \"999\"}]}", "visitors[0].person" },
		{ ENT_PROFILE, "{\"person_id\": \"1\", \"offerings\": [{\"stage\": \"need\"}]}",
		  "offerings[0].label" },
		{ ENT_GOAL, "{\"metric\": \"ideas\", \"target\": 5, \"from\": \"2026-02-01\","
		  " \"to\": \"2026-01-01\"}", "to" },
		{ ENT_MEMBERSHIP, "{\"network_id\": \"1\", \"person_id\": \"2\", \"since\": \"2026-02-01\","
		  " \"until\": \"2025-01-01\"}", "until" },
	};
	struct mu_arena a;

	mu_arena_init(&a);
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct mu_error err = { 0 };
		struct mu_record *r;
		int rc = decode(bad[i].k, bad[i].json, &r, &err, &a);
		T_CHECK(rc < 0 && rc != -1000, "case %zu is refused (rc %d)", i, rc);
		T_STR(err.field, bad[i].field, "case %zu names %s, got '%s' (%s)", i, bad[i].field,
		      err.field, err.message);
	}
	mu_arena_release(&a);
}

void test_record_roundtrip(void)
{
	static const struct { enum entity_kind k; const char *in; const char *out; } cases[] = {
		{ ENT_PERSON, "{\"full_name\": \" Anna Lind \", \"emails\": [\"anna@x.se\"]}",
		  "{\"id\": \"0\", \"full_name\": \"Anna Lind\", \"emails\": [\"anna@x.se\"], \"phones\": [],"
		  " \"organisation_id\": null, \"title\": null, \"role_level\": null,"
		  " \"role_function\": null, \"industry\": null, \"region\": null, \"city\": null,"
		  " \"tags\": [], \"source\": null, \"legal_basis\": \"legitimate_interest\","
		  " \"private\": false, \"objection\": false, \"urls\": [], \"birthday\": null,"
		  " \"note\": null}" },
		/* points default from the kind: introduction 2 */
		{ ENT_EXCHANGE, "{\"at\": \"2026-03-04T10:00:00Z\", \"giver\": \"1\", \"receiver\": \"2\","
		  " \"kind\": \"introduction\"}",
		  "{\"id\": \"0\", \"at\": \"2026-03-04T10:00:00Z\", \"giver\": \"1\", \"receiver\": \"2\","
		  " \"kind\": \"introduction\", \"amount\": null, \"points\": 2, \"network_id\": null,"
		  " \"referral_id\": null, \"note\": null, \"private\": false}" },
		/* nested objects: members in table order, nulls dropped */
		{ ENT_PROFILE, "{\"person_id\": \"7\", \"offerings\": [{\"stage\": \"acquire\","
		  " \"label\": \"recruitment\"}], \"competitors\": [\"3\"]}",
		  "{\"person_id\": \"7\", \"sphere\": null, \"offerings\": [{\"label\": \"recruitment\","
		  " \"stage\": \"acquire\"}], \"asks\": [], \"contributes\": null,"
		  " \"target_industries\": [], \"target_sizes\": [], \"target_roles\": [],"
		  " \"target_regions\": [], \"themes\": [], \"typical_deal\": null,"
		  " \"competitors\": [\"3\"]}" },
	};
	struct mu_arena a;

	mu_arena_init(&a);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct mu_error err = { 0 };
		struct mu_record *r;
		char *got;
		json_t *want = json_loads(cases[i].out, 0, NULL), *j;

		if (decode(cases[i].k, cases[i].in, &r, &err, &a) < 0) {
			T_CHECK(0, "case %zu decodes: %s: %s", i, err.field, err.message);
			json_decref(want);
			continue;
		}
		j = record_encode(r);
		got = json_dumps(j, JSON_COMPACT);
		T_CHECK(json_equal(j, want), "case %zu encodes as expected, got %s", i, got);
		free(got);
		json_decref(j);
		json_decref(want);
	}
	mu_arena_release(&a);
}

/* docs/model.md names every field of every entity in a table row "| | name |". */
void test_model_doc(void)
{
	FILE *f = fopen("docs/model.md", "r");
	char *doc;
	size_t len;

	T_CHECK(f != NULL, "docs/model.md exists");
	if (!f)
		return;
	doc = calloc(1, 1 << 17);
	len = fread(doc, 1, (1 << 17) - 1, f);
	fclose(f);
	T_CHECK(len > 0, "docs/model.md read");
	for (int k = 0; k < ENT_COUNT; k++) {
		const struct entity_def *e = model_entity(k);
		char row[160];
		snprintf(row, sizeof(row), "| %s (%s) | %s |", e->name, e->plural, e->fields[0].name);
		if (k == ENT_ORGANISATION)
			snprintf(row, sizeof(row), "| organisation (%s) | %s |", e->plural,
				 e->fields[0].name);
		T_CHECK(strstr(doc, row) != NULL, "docs/model.md has %s", row);
		for (size_t i = 1; i < e->nfields; i++) {
			snprintf(row, sizeof(row), "| | %s |", e->fields[i].name);
			T_CHECK(strstr(doc, row) != NULL, "docs/model.md documents %s.%s", e->name,
				e->fields[i].name);
		}
	}
	free(doc);
}

/* Any reference resolves, to a number of its own: the writer's test needs values, not
 * a store. */
static int any_resolve(void *ctx, enum entity_kind kind, const char *text, mu_id *id,
		       struct mu_error *err)
{
	(void)ctx, (void)kind, (void)err;
	*id = 1;
	for (const char *p = text; *p; p++)
		*id = (*id * 31 + (unsigned char)*p) % 1000000007;
	return 0;
}

/* record_write_json gives what json_dumps(record_encode(r), JSON_COMPACT |
 * JSON_REAL_PRECISION(15)) gives, byte for byte. */
static void same_as_encoder(const struct mu_record *r, const char *what)
{
	json_t *j = record_encode(r);
	char *want = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15));
	struct mu_buf b;

	mu_buf_init(&b, 1 << 20);
	T_CHECK(record_write_json(&b, r) == 0, "%s: written", what);
	T_CHECK(want && !strcmp(mu_buf_str(&b), want), "%s: as the encoder writes it:\n  got  %s\n  want %s",
		what, mu_buf_str(&b), want ? want : "(null)");
	free(want);
	json_decref(j);
	mu_buf_release(&b);
}

void test_record_write_json(void)
{
	static const struct { enum entity_kind k; const char *json; } odd[] = {
		{ ENT_PERSON, "{\"full_name\": \"Q \\\"uote\\\" \\\\ back\\/slash \\u00e5\\u00e6\\u00f8"
			      " \\u2028 \\ud83d\\ude00\", \"note\": \"two\\nlines\\tand a tab\\r\\n\","
			      " \"tags\": [\"a\\\"b\", \"\\\\\", \"\u00f8\"]}" },
		{ ENT_GOAL, "{\"metric\": \"referrals_given\", \"target\": 0.1, \"from\": \"2026-01-01\","
			    " \"to\": \"2026-12-31\"}" },
		{ ENT_GOAL, "{\"metric\": \"referrals_given\", \"target\": 1e12, \"from\": \"2026-01-01\","
			    " \"to\": \"2026-12-31\"}" },
		{ ENT_GOAL, "{\"metric\": \"referrals_given\", \"target\": 12, \"from\": \"2026-01-01\","
			    " \"to\": \"2026-12-31\"}" },
		{ ENT_GOAL, "{\"metric\": \"referrals_given\", \"target\": 0.000012345678901234567,"
			    " \"from\": \"2026-01-01\", \"to\": \"2026-12-31\"}" },
		{ ENT_GOAL, "{\"metric\": \"referrals_given\", \"target\": 123456789012.34567,"
			    " \"from\": \"2026-01-01\", \"to\": \"2026-12-31\"}" },
	};
	struct mu_arena a;
	char what[64];

	mu_arena_init(&a);
	for (size_t i = 0; i < ARRAY_SIZE(odd); i++) {
		struct mu_error err = { 0 };
		struct mu_record *r;
		json_t *j = json_loads(odd[i].json, 0, NULL);
		int rc = j ? record_decode(&a, model_entity(odd[i].k), j, RD_CREATE, any_resolve,
					   NULL, &r, &err) : -1;
		T_CHECK(rc == 0, "odd case %zu decodes: %s: %s", i, err.field, err.message);
		if (rc == 0) {
			r->id = 4200 + (mu_id)i;
			snprintf(what, sizeof(what), "odd case %zu", i);
			same_as_encoder(r, what);
		}
		json_decref(j);
	}
	/* every record of every demo workspace */
	for (int kind = DEMO_GROUP; kind <= DEMO_PERSONAL; kind++) {
		json_t *doc = demo_document((enum demo_kind)kind, 1795435200), *list, *obj;
		size_t n = 0, k;

		for (int e = 0; e < ENT_COUNT; e++) {
			const struct entity_def *ent = model_entity((enum entity_kind)e);
			list = json_object_get(doc, ent->plural);
			json_array_foreach(list, k, obj) {
				struct mu_error err = { 0 };
				struct mu_record *r;
				if (record_decode(&a, ent, obj, RD_CREATE | RD_ID_ALLOWED, any_resolve,
						  NULL, &r, &err) < 0) {
					T_CHECK(0, "demo %d %s[%zu] decodes: %s: %s", kind, ent->plural,
						k, err.field, err.message);
					continue;
				}
				r->id = (mu_id)k + 1;
				snprintf(what, sizeof(what), "demo %d %s[%zu]", kind, ent->plural, k);
				same_as_encoder(r, what);
				n++;
			}
		}
		T_CHECK(n > 300, "demo %d: %zu records compared", kind, n);
		json_decref(doc);
	}
	mu_arena_release(&a);
}
