/*
 * model.h - the domain model of SPEC §3 as data.
 *
 * Each entity is a table of fields; the store (columns), the JSON codec (document,
 * API, --json), the CLI (options) and the validator all read these tables, so an entity
 * is described once. docs/model.md is the prose form; a test keeps the two in step.
 *
 * A record holds one value per field. Scalars are typed; lists and objects (offerings,
 * attendance, segments, ...) are kept as canonical JSON text, validated against their
 * sub-tables by io/record.c. References inside lists always point at persons and are
 * collected in record->person_refs so the store can index them.
 */
#ifndef MU_MODEL_H
#define MU_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "core/enums.h"
#include "core/error.h"

typedef int64_t mu_id;

enum entity_kind {
	/* in dependency order: a kind refers only to kinds before it */
	ENT_ORGANISATION,
	ENT_PERSON,
	ENT_PROFILE,
	ENT_NETWORK,
	ENT_REFERRAL,
	ENT_EXCHANGE,
	ENT_TIE,
	ENT_MEMBERSHIP,
	ENT_MEETING,
	ENT_ONE_TO_ONE,
	ENT_TAKEAWAY,
	ENT_GOAL,
	ENT_PLAN,
	ENT_ASK,
	ENT_OFFER,
	ENT_TASK,
	ENT_COUNT
};

enum field_type {
	FT_TEXT,
	FT_INT,
	FT_REAL,
	FT_BOOL,
	FT_DATE,
	FT_TIME,
	FT_ENUM,
	FT_REF,
	FT_MONEY,		/* {amount, currency}; with FF_PER also per */
	FT_LIST,		/* array of sub[0] */
	FT_OBJECT		/* object of sub[], ended by a field with name NULL */
};

enum text_check {
	TC_PLAIN,
	TC_EMAIL,
	TC_NACE,
	TC_REGION,
	TC_URL,
	TC_WORD,		/* lower-case word: letters, digits, - and _ */
	TC_BIRTHDAY		/* YYYY-MM-DD, or --MM-DD when the year is not known */
};

enum field_flags {
	FF_REQUIRED = 1 << 0,
	FF_PER = 1 << 1,	/* money with "per" (a fee) */
	FF_KEY = 1 << 2,	/* this reference is the record's id (profile.person_id) */
	FF_LISTED = 1 << 3,	/* a column of the CLI's list table */
	FF_PERSONAL = 1 << 4,	/* personal data of a third party (erase, audit) */
};

struct field_def {
	const char *name;	/* JSON name; SQL column (money: name_amount, ...) */
	enum field_type type;
	unsigned flags;
	int64_t min, max;	/* text: characters; int/real: range; list: items */
	enum text_check check;
	const struct enum_def *enm;
	enum entity_kind ref;
	const struct field_def *sub;
	const char *deflt;	/* value when absent on create, in text form */
	const char *help;	/* one line for `mutua help` and the man page */
};

struct entity_def {
	enum entity_kind kind;
	const char *name;	/* "one_to_one": CLI word (also accepts one-to-one) */
	const char *plural;	/* "one_to_ones": document key, API path */
	const char *table;	/* SQL table */
	const char *title;	/* field naming a record in lookups and lists */
	const char *distinct[2];	/* two references that must differ, or NULL */
	const char *ordered[2];	/* two dates where [1] must not precede [0], or NULL */
	const struct field_def *fields;
	size_t nfields;
	const char *help;
};

struct mu_value {
	unsigned char set;	/* 0: null/absent */
	int64_t i;		/* int, bool, ref, money amount */
	double r;		/* real */
	const char *s;		/* text, date, time, enum, money currency, list/object JSON */
	const char *per;	/* money with FF_PER */
};

struct mu_record {
	const struct entity_def *ent;
	mu_id id;
	struct mu_value *v;	/* ent->nfields values */
	mu_id *person_refs;	/* persons referenced from lists and objects */
	size_t n_person_refs;
};

/* A workspace: one network of a user, group or organisation. */
struct workspace {
	mu_id id;
	const char *name, *kind, *locale, *currency;
	const char *settings;	/* canonical JSON object text (io/workspace.c) */
	const char *created_at;
};

extern const struct entity_def model_entities[ENT_COUNT];
/* The document's order of the entity arrays (FORMAT.md §1). */
extern const enum entity_kind model_document_order[ENT_COUNT];

const struct entity_def *model_entity(enum entity_kind kind);
/* By singular or plural name, with - or _ ("one-to-one"); NULL if none. */
const struct entity_def *model_entity_by_name(const char *name);
/* Index of a field by name, or -1. */
int model_field_index(const struct entity_def *e, const char *name);
const struct field_def *model_field(const struct entity_def *e, const char *name);
/* 1 if field f can hold a reference to a person somewhere inside (a person field, or
 * a list or object with one). */
int model_field_holds_persons(const struct field_def *f);
/* The key field (FF_KEY) of an entity, or -1 if it has its own id. */
int model_key_index(const struct entity_def *e);

/* Give absent fields their defaults: the field's deflt, and an exchange's points from
 * its kind (SPEC §3: referral 3, introduction 2, ...). */
void model_fill_defaults(struct mu_record *r);
/* Rules across fields: required fields present (when complete is set), the entity's
 * distinct references differ, its ordered dates are in order. 0 or MU_EINVAL with the
 * field at fault; err is caller-owned. */
int model_check(const struct mu_record *r, int complete, struct mu_error *err);

#endif
