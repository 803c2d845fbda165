/*
 * enums.h - the product's closed enumerations (SPEC §3 "Enumerations").
 *
 * The values and their English, Swedish and Danish labels live in the TSV files in
 * data/; scripts/gen-enums turns them into enums_gen.h / enums_gen.c (build/gen/), which
 * declare one C enum and one `const struct enum_def enum_X` per file, plus enum_all.
 * This header holds the shared types and the hand-written look-ups of enums.c.
 */
#ifndef MU_ENUMS_H
#define MU_ENUMS_H

#include <stddef.h>

enum mu_locale { MU_LOCALE_EN, MU_LOCALE_SV, MU_LOCALE_DA };

struct enum_item {
	const char *name;
	const char *label[3];	/* indexed by enum mu_locale: en, sv, da */
	int points;		/* exchange_kind: default points; else 0 */
	const char *section;	/* nace: the section letter of a division; else NULL */
};

struct enum_def {
	const char *name;
	const struct enum_item *items;
	size_t count;
};

/* Index of name in e, or -1. Exact, case-sensitive. */
int enum_find(const struct enum_def *e, const char *name);

/* Label of item i in locale; falls back to English. "" when i is out of range. */
const char *enum_label(const struct enum_def *e, int i, enum mu_locale loc);

/* The enumeration called name (e.g. "sphere"), or NULL. */
const struct enum_def *enum_by_name(const char *name);

/*
 * NACE Rev. 2: 1 if code is a section letter ("N"), a division ("78"), or a group
 * "NN.N" / class "NN.NN" of an existing division; 0 otherwise. Exact: no spaces, capital
 * section letters. On success fills section (1 char + NUL; may be NULL) and division
 * ("NN" + NUL, or "" for a section; may be NULL); on failure sets them to "".
 */
int nace_parse(const char *code, char section[2], char division[3]);

/*
 * Region: 1 if valid: either a listed ISO 3166-2 code (exact), or free text not starting
 * with SE-, DK-, NO-, FI- (case-insensitive prefix check); 0 if it starts with one of
 * those prefixes but is not listed, or if code is NULL.
 */
int region_valid(const char *code);

#endif
