/*
 * model.c - the field tables of every entity (SPEC §3, FORMAT.md §1, docs/model.md).
 *
 * Field order is the export order of FORMAT.md §1. Limits are generous but finite:
 * whatever grows from input has a bound.
 */
#include <string.h>

#include "core/model.h"
#include "enums_gen.h"
#include "core/banned.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define TEXT(n, lo, hi, fl, h) { .name = n, .type = FT_TEXT, .flags = fl, .min = lo, .max = hi, .help = h }
#define CHECKED(n, ck, hi, fl, h) { .name = n, .type = FT_TEXT, .flags = fl, .min = 1, .max = hi, .check = ck, .help = h }
#define INT(n, lo, hi, fl, h) { .name = n, .type = FT_INT, .flags = fl, .min = lo, .max = hi, .help = h }
#define REAL(n, lo, hi, fl, h) { .name = n, .type = FT_REAL, .flags = fl, .min = lo, .max = hi, .help = h }
#define BOOL(n, h) { .name = n, .type = FT_BOOL, .help = h }
#define DATE(n, fl, h) { .name = n, .type = FT_DATE, .flags = fl, .help = h }
#define TIME(n, fl, h) { .name = n, .type = FT_TIME, .flags = fl, .help = h }
#define ENUM(n, e, fl, d, h) { .name = n, .type = FT_ENUM, .flags = fl, .enm = &e, .deflt = d, .help = h }
#define REF(n, k, fl, h) { .name = n, .type = FT_REF, .flags = fl, .ref = k, .help = h }
#define MONEY(n, fl, h) { .name = n, .type = FT_MONEY, .flags = fl, .help = h }
#define LIST(n, el, hi, fl, h) { .name = n, .type = FT_LIST, .flags = fl, .max = hi, .sub = el, .help = h }
#define OBJECT(n, sb, fl, h) { .name = n, .type = FT_OBJECT, .flags = fl, .sub = sb, .help = h }
#define END { .name = NULL }

/* list elements */
static const struct field_def el_email[] = { CHECKED("", TC_EMAIL, 254, 0, NULL) };
static const struct field_def el_phone[] = { TEXT("", 1, 50, 0, NULL) };
static const struct field_def el_tag[] = { TEXT("", 1, 50, 0, NULL) };
static const struct field_def el_url[] = { CHECKED("", TC_URL, 500, 0, NULL) };
static const struct field_def el_word[] = { CHECKED("", TC_WORD, 50, 0, NULL) };
static const struct field_def el_ask[] = { TEXT("", 1, 500, 0, NULL) };
static const struct field_def el_theme[] = { TEXT("", 1, 200, 0, NULL) };
static const struct field_def el_industry[] = { CHECKED("", TC_NACE, 5, 0, NULL) };
static const struct field_def el_region[] = { CHECKED("", TC_REGION, 100, 0, NULL) };
static const struct field_def el_size[] = { ENUM("", enum_size_class, 0, NULL, NULL) };
static const struct field_def el_person[] = { REF("", ENT_PERSON, 0, NULL) };

static const struct field_def offering[] = {
	TEXT("label", 1, 200, FF_REQUIRED, "what is offered"),
	ENUM("stage", enum_stage, 0, NULL, "where it enters the client's journey"),
	END
};
static const struct field_def el_offering[] = { OBJECT("", offering, 0, NULL) };

static const struct field_def target_role[] = {
	ENUM("level", enum_role_level, 0, NULL, "role level"),
	ENUM("function", enum_role_function, 0, NULL, "role function"),
	END
};
static const struct field_def el_target_role[] = { OBJECT("", target_role, 0, NULL) };

static const struct field_def history_step[] = {
	ENUM("status", enum_referral_status, FF_REQUIRED, NULL, "status reached"),
	TIME("at", FF_REQUIRED, "when"),
	END
};
static const struct field_def el_history[] = { OBJECT("", history_step, 0, NULL) };

static const struct field_def attendance[] = {
	REF("person", ENT_PERSON, FF_REQUIRED, "who"),
	ENUM("code", enum_attendance_code, FF_REQUIRED, NULL, "P, A, L, M or S"),
	END
};
static const struct field_def el_attendance[] = { OBJECT("", attendance, 0, NULL) };

static const struct field_def visitor[] = {
	REF("person", ENT_PERSON, FF_REQUIRED, "the visitor"),
	REF("invited_by", ENT_PERSON, 0, "the member who invited them"),
	END
};
static const struct field_def el_visitor[] = { OBJECT("", visitor, 0, NULL) };

#define SEGMENT_FIELDS \
	CHECKED("industry", TC_NACE, 5, 0, "NACE code"), \
	ENUM("role_level", enum_role_level, 0, NULL, "role level"), \
	ENUM("role_function", enum_role_function, 0, NULL, "role function"), \
	CHECKED("region", TC_REGION, 100, 0, "ISO 3166-2 region"), \
	ENUM("size_class", enum_size_class, 0, NULL, "organisation size")

static const struct field_def plan_segment[] = {
	SEGMENT_FIELDS,
	INT("want", 0, 100000, 0, "good contacts wanted"),
	END
};
static const struct field_def el_plan_segment[] = { OBJECT("", plan_segment, 0, NULL) };
static const struct field_def ask_segment[] = { SEGMENT_FIELDS, END };

static const struct field_def organisation[] = {
	TEXT("name", 1, 200, FF_REQUIRED | FF_LISTED, "name"),
	CHECKED("industry", TC_NACE, 5, FF_LISTED, "NACE Rev. 2 code (section, division, group or class)"),
	ENUM("size_class", enum_size_class, FF_LISTED, NULL, "micro, small, medium or large"),
	CHECKED("region", TC_REGION, 100, FF_LISTED, "ISO 3166-2 region"),
	CHECKED("website", TC_URL, 500, 0, "web address"),
	TEXT("org_number", 0, 50, 0, "organisation number"),
	TEXT("ground_rules", 0, 5000, 0, "ground rules for taking part in networks (seed 003)"),
};

static const struct field_def person[] = {
	TEXT("full_name", 1, 200, FF_REQUIRED | FF_LISTED | FF_PERSONAL, "full name"),
	LIST("emails", el_email, 20, FF_LISTED | FF_PERSONAL, "e-mail addresses"),
	LIST("phones", el_phone, 20, FF_PERSONAL, "phone numbers"),
	REF("organisation_id", ENT_ORGANISATION, FF_LISTED, "organisation"),
	TEXT("title", 0, 200, FF_PERSONAL, "job title"),
	ENUM("role_level", enum_role_level, FF_LISTED, NULL, "role level"),
	ENUM("role_function", enum_role_function, 0, NULL, "role function"),
	CHECKED("industry", TC_NACE, 5, 0, "NACE code"),
	CHECKED("region", TC_REGION, 100, 0, "ISO 3166-2 region"),
	TEXT("city", 0, 100, FF_PERSONAL, "city"),
	LIST("tags", el_tag, 50, 0, "tags"),
	TEXT("source", 0, 200, 0, "how met, where the data came from"),
	ENUM("legal_basis", enum_legal_basis, 0, "legitimate_interest", "GDPR legal basis"),
	BOOL("private", "visible only to its owner"),
	BOOL("objection", "objects to being processed for suggestions (GDPR Art. 21)"),
	LIST("urls", el_url, 10, FF_PERSONAL, "web addresses: profile (LinkedIn), home page"),
	CHECKED("birthday", TC_BIRTHDAY, 10, FF_PERSONAL, "birthday: YYYY-MM-DD or --MM-DD"),
	TEXT("note", 0, 5000, FF_PERSONAL, "what an address book says about them"),
};

static const struct field_def profile[] = {
	REF("person_id", ENT_PERSON, FF_REQUIRED | FF_KEY | FF_LISTED, "the person"),
	ENUM("sphere", enum_sphere, FF_LISTED, NULL, "contact sphere"),
	LIST("offerings", el_offering, 50, 0, "offerings: [{label, stage}]"),
	LIST("asks", el_ask, 50, 0, "what they ask for"),
	TEXT("contributes", 0, 2000, 0, "what they can contribute"),
	LIST("target_industries", el_industry, 50, 0, "target NACE codes"),
	LIST("target_sizes", el_size, 4, 0, "target organisation sizes"),
	LIST("target_roles", el_target_role, 50, 0, "target roles: [{level, function}]"),
	LIST("target_regions", el_region, 50, 0, "target regions"),
	LIST("themes", el_theme, 50, 0, "questions they meet"),
	MONEY("typical_deal", 0, "typical deal value"),
	LIST("competitors", el_person, 100, 0, "persons they compete with"),
};

static const struct field_def network[] = {
	TEXT("name", 1, 200, FF_REQUIRED | FF_LISTED, "name"),
	ENUM("purpose", enum_purpose, FF_LISTED, NULL, "purpose"),
	ENUM("openness", enum_openness, FF_LISTED, NULL, "open or closed"),
	MONEY("fee", FF_PER, "membership fee with per year, month or meeting"),
	INT("meetings_per_year", 0, 366, 0, "meetings a year"),
	TEXT("meeting_place", 0, 200, 0, "where it meets"),
	CHECKED("url", TC_URL, 500, 0, "web address"),
};

static const struct field_def referral[] = {
	REF("giver", ENT_PERSON, FF_REQUIRED | FF_LISTED, "who gives the referral"),
	REF("receiver", ENT_PERSON, FF_REQUIRED | FF_LISTED, "who receives it"),
	REF("prospect_person", ENT_PERSON, 0, "the prospect"),
	REF("prospect_organisation", ENT_ORGANISATION, 0, "the prospect's organisation"),
	REF("network_id", ENT_NETWORK, 0, "network it came through"),
	ENUM("kind", enum_referral_kind, 0, "outside", "inside (for the receiver) or outside"),
	ENUM("status", enum_referral_status, FF_LISTED, "given", "pipeline status"),
	LIST("history", el_history, 100, 0, "status history: [{status, at}]"),
	MONEY("closed_value", FF_LISTED, "value of closed business"),
};

static const struct field_def exchange[] = {
	TIME("at", FF_REQUIRED | FF_LISTED, "when"),
	REF("giver", ENT_PERSON, FF_REQUIRED | FF_LISTED, "who gave"),
	REF("receiver", ENT_PERSON, FF_REQUIRED | FF_LISTED, "who received"),
	ENUM("kind", enum_exchange_kind, FF_REQUIRED | FF_LISTED, NULL, "what was given"),
	MONEY("amount", 0, "value, for closed business"),
	INT("points", 0, 1000, FF_LISTED, "points (default: the kind's)"),
	REF("network_id", ENT_NETWORK, 0, "network it came through"),
	REF("referral_id", ENT_REFERRAL, 0, "referral it belongs to"),
	TEXT("note", 0, 2000, FF_PERSONAL, "note"),
	BOOL("private", "visible only to its owner"),
};

static const struct field_def tie[] = {
	REF("a", ENT_PERSON, FF_REQUIRED | FF_LISTED, "one side"),
	REF("b", ENT_PERSON, FF_REQUIRED | FF_LISTED, "the other side"),
	TEXT("how_met", 0, 200, 0, "how they met"),
	DATE("since", 0, "known since"),
	INT("cadence_days", 1, 3650, 0, "days between contacts (default by tier)"),
	ENUM("tier", enum_tier, FF_LISTED, "active", "inner, active or wide"),
	INT("liking_a", 1, 5, 0, "a's liking of b, 1-5"),
	INT("liking_b", 1, 5, 0, "b's liking of a, 1-5"),
	BOOL("private", "visible only to its owner"),
	ENUM("status", enum_tie_status, FF_LISTED, "active", "active, dormant or ended"),
};

static const struct field_def membership[] = {
	REF("network_id", ENT_NETWORK, FF_REQUIRED | FF_LISTED, "network"),
	REF("person_id", ENT_PERSON, FF_REQUIRED | FF_LISTED, "member"),
	ENUM("role", enum_membership_role, FF_LISTED, "member", "member, leader, visitor or substitute"),
	DATE("since", 0, "member since"),
	DATE("until", 0, "member until"),
	REAL("hours_per_meeting", 0, 24, 0, "hours a meeting takes"),
	MONEY("hourly_cost", 0, "cost of an hour of the participant's time"),
	TEXT("expected_outcome", 0, 2000, 0, "what the participation should bring"),
};

static const struct field_def meeting[] = {
	REF("network_id", ENT_NETWORK, FF_REQUIRED | FF_LISTED, "network"),
	TIME("at", FF_REQUIRED | FF_LISTED, "when"),
	TEXT("place", 0, 200, FF_LISTED, "where"),
	LIST("attendance", el_attendance, 1000, 0, "attendance: [{person, code}]"),
	LIST("visitors", el_visitor, 1000, 0, "visitors: [{person, invited_by}]"),
};

static const struct field_def one_to_one[] = {
	TIME("at", FF_REQUIRED | FF_LISTED, "when"),
	REF("a", ENT_PERSON, FF_REQUIRED | FF_LISTED, "one side"),
	REF("b", ENT_PERSON, FF_REQUIRED | FF_LISTED, "the other side"),
	TEXT("notes_a", 0, 5000, FF_PERSONAL, "a's notes"),
	TEXT("notes_b", 0, 5000, FF_PERSONAL, "b's notes"),
};

static const struct field_def takeaway[] = {
	REF("network_id", ENT_NETWORK, FF_LISTED, "network"),
	REF("meeting_id", ENT_MEETING, 0, "meeting"),
	REF("author", ENT_PERSON, FF_LISTED, "who wrote it"),
	TIME("at", FF_REQUIRED | FF_LISTED, "when"),
	TEXT("text", 1, 5000, FF_REQUIRED | FF_LISTED, "the takeaway"),
	LIST("tags", el_word, 20, 0, "tags: idea, lead, trend, competitor, ..."),
};

static const struct field_def goal[] = {
	REF("owner_person", ENT_PERSON, FF_LISTED, "whose goal (none: the workspace's)"),
	REF("network_id", ENT_NETWORK, FF_LISTED, "network"),
	ENUM("metric", enum_goal_metric, FF_REQUIRED | FF_LISTED, NULL, "what is measured"),
	REAL("target", 0, 1e12, FF_REQUIRED | FF_LISTED, "target value"),
	DATE("from", FF_REQUIRED | FF_LISTED, "period start"),
	DATE("to", FF_REQUIRED | FF_LISTED, "period end"),
};

static const struct field_def plan[] = {
	REF("owner_person", ENT_PERSON, FF_LISTED, "whose plan"),
	INT("capacity_per_month", 0, 1000, FF_LISTED, "new contacts a month"),
	LIST("segments", el_plan_segment, 100, 0,
	     "segments: [{industry, role_level, role_function, region, size_class, want}]"),
};

static const struct field_def ask[] = {
	REF("person", ENT_PERSON, FF_REQUIRED | FF_LISTED, "who asks"),
	TIME("at", FF_REQUIRED | FF_LISTED, "when"),
	TEXT("text", 1, 2000, FF_REQUIRED | FF_LISTED, "the ask"),
	OBJECT("segment", ask_segment, 0, "segment: {industry, role_level, role_function, region, size_class}"),
	ENUM("status", enum_ask_status, FF_LISTED, "open", "open or closed"),
};

static const struct field_def offer[] = {
	REF("person", ENT_PERSON, FF_REQUIRED | FF_LISTED, "who offers"),
	TIME("at", FF_REQUIRED | FF_LISTED, "when"),
	TEXT("text", 1, 2000, FF_REQUIRED | FF_LISTED, "the offer"),
	ENUM("status", enum_ask_status, FF_LISTED, "open", "open or closed"),
};

static const struct field_def task[] = {
	REF("owner_person", ENT_PERSON, FF_LISTED, "whose task"),
	REF("person", ENT_PERSON, FF_LISTED, "about whom"),
	DATE("due", FF_REQUIRED | FF_LISTED, "due date"),
	ENUM("kind", enum_task_kind, FF_LISTED, "custom", "follow_up, thank, referral_update, meet or custom"),
	TIME("done_at", FF_LISTED, "when done"),
};

#define ENTITY(k, n, pl, tb, ti, f, h) \
	[k] = { .kind = k, .name = n, .plural = pl, .table = tb, .title = ti, \
		.fields = f, .nfields = ARRAY_SIZE(f), .help = h

const struct entity_def model_entities[ENT_COUNT] = {
	ENTITY(ENT_ORGANISATION, "org", "organisations", "organisation", "name", organisation,
	       "organisations: companies, authorities, associations") },
	ENTITY(ENT_PERSON, "person", "persons", "person", "full_name", person,
	       "people in the network, members and contacts alike") },
	ENTITY(ENT_PROFILE, "profile", "profiles", "profile", "person_id", profile,
	       "what a person offers, asks for and targets (SPEC 4.1)") },
	ENTITY(ENT_NETWORK, "network", "networks", "network", "name", network,
	       "formal networks: chapters, associations, experience groups") },
	ENTITY(ENT_REFERRAL, "referral", "referrals", "referral", "giver", referral,
	       "referral slips and their pipeline"),
	       .distinct = { "giver", "receiver" } },
	ENTITY(ENT_EXCHANGE, "exchange", "exchanges", "exchange", "kind", exchange,
	       "the give/take ledger"),
	       .distinct = { "giver", "receiver" } },
	ENTITY(ENT_TIE, "tie", "ties", "tie", "a", tie,
	       "relationships between two people"),
	       .distinct = { "a", "b" } },
	ENTITY(ENT_MEMBERSHIP, "membership", "memberships", "membership", "person_id", membership,
	       "who takes part in which network, at what cost"),
	       .ordered = { "since", "until" } },
	ENTITY(ENT_MEETING, "meeting", "meetings", "meeting", "at", meeting,
	       "network meetings with attendance and visitors") },
	ENTITY(ENT_ONE_TO_ONE, "one_to_one", "one_to_ones", "one_to_one", "at", one_to_one,
	       "one-to-one meetings of two people"),
	       .distinct = { "a", "b" } },
	ENTITY(ENT_TAKEAWAY, "takeaway", "takeaways", "takeaway", "text", takeaway,
	       "what was learned, shared with the workspace") },
	ENTITY(ENT_GOAL, "goal", "goals", "goal", "metric", goal,
	       "targets per person or workspace and period"),
	       .ordered = { "from", "to" } },
	ENTITY(ENT_PLAN, "plan", "plans", "plan", "owner_person", plan,
	       "whom to network with: target segments and capacity") },
	ENTITY(ENT_ASK, "ask", "asks", "ask", "text", ask,
	       "what members ask for") },
	ENTITY(ENT_OFFER, "offer", "offers", "offer", "text", offer,
	       "what members offer") },
	ENTITY(ENT_TASK, "task", "tasks", "task", "due", task,
	       "follow-ups, thanks and other things to do") },
};

const enum entity_kind model_document_order[ENT_COUNT] = {
	ENT_ORGANISATION, ENT_PERSON, ENT_PROFILE, ENT_TIE, ENT_EXCHANGE, ENT_REFERRAL,
	ENT_NETWORK, ENT_MEMBERSHIP, ENT_MEETING, ENT_ONE_TO_ONE, ENT_TAKEAWAY, ENT_GOAL,
	ENT_PLAN, ENT_ASK, ENT_OFFER, ENT_TASK,
};

const struct entity_def *model_entity(enum entity_kind kind)
{
	return (unsigned)kind < ENT_COUNT ? &model_entities[kind] : NULL;
}

static int same_word(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (*a != *b && !((*a == '-' && *b == '_') || (*a == '_' && *b == '-')))
			return 0;
	return *a == *b;
}

const struct entity_def *model_entity_by_name(const char *name)
{
	for (int k = 0; k < ENT_COUNT; k++) {
		const struct entity_def *e = &model_entities[k];
		if (same_word(name, e->name) || same_word(name, e->plural) ||
		    same_word(name, e->table))
			return e;
	}
	return NULL;
}

int model_field_index(const struct entity_def *e, const char *name)
{
	for (size_t i = 0; i < e->nfields; i++)
		if (!strcmp(e->fields[i].name, name))
			return (int)i;
	return -1;
}

const struct field_def *model_field(const struct entity_def *e, const char *name)
{
	int i = model_field_index(e, name);
	return i < 0 ? NULL : &e->fields[i];
}

int model_key_index(const struct entity_def *e)
{
	for (size_t i = 0; i < e->nfields; i++)
		if (e->fields[i].flags & FF_KEY)
			return (int)i;
	return -1;
}

void model_fill_defaults(struct mu_record *r)
{
	const struct entity_def *e = r->ent;

	for (size_t i = 0; i < e->nfields; i++) {
		const struct field_def *f = &e->fields[i];
		if (!r->v[i].set && f->deflt) {
			r->v[i].set = 1;
			r->v[i].s = f->deflt;
		}
	}
	if (e->kind == ENT_EXCHANGE) {
		int kind = model_field_index(e, "kind"), points = model_field_index(e, "points");
		if (r->v[kind].set && !r->v[points].set) {
			int k = enum_find(&enum_exchange_kind, r->v[kind].s);
			r->v[points].set = 1;
			r->v[points].i = k >= 0 ? enum_exchange_kind.items[k].points : 0;
		}
	}
}

int model_check(const struct mu_record *r, int complete, struct mu_error *err)
{
	const struct entity_def *e = r->ent;

	for (size_t i = 0; complete && i < e->nfields; i++)
		if ((e->fields[i].flags & FF_REQUIRED) && !r->v[i].set)
			return mu_fail(err, MU_EINVAL, e->fields[i].name, "is required");
	if (e->distinct[0]) {
		const struct mu_value *x = &r->v[model_field_index(e, e->distinct[0])];
		const struct mu_value *y = &r->v[model_field_index(e, e->distinct[1])];
		if (x->set && y->set && x->i == y->i)
			return mu_fail(err, MU_EINVAL, e->distinct[1], "must not be the same"
				       " person as %s", e->distinct[0]);
	}
	if (e->ordered[0]) {
		const struct mu_value *x = &r->v[model_field_index(e, e->ordered[0])];
		const struct mu_value *y = &r->v[model_field_index(e, e->ordered[1])];
		/* canonical YYYY-MM-DD text sorts as dates do */
		if (x->set && y->set && strcmp(y->s, x->s) < 0)
			return mu_fail(err, MU_EINVAL, e->ordered[1], "must not be before %s (%s)",
				       e->ordered[0], x->s);
	}
	return 0;
}

int model_field_holds_persons(const struct field_def *f)
{
	if (f->type == FT_REF)
		return f->ref == ENT_PERSON;
	if (f->type == FT_LIST)
		return model_field_holds_persons(&f->sub[0]);
	if (f->type == FT_OBJECT)
		for (const struct field_def *s = f->sub; s->name; s++)
			if (model_field_holds_persons(s))
				return 1;
	return 0;
}
