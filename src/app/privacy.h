/*
 * privacy.h - what the actor may not see in the selected workspace (SPEC §6).
 *
 * A person, tie or exchange marked private is visible only to the account that owns
 * it; a record that refers to a person the actor cannot see is hidden with it, and
 * list entries naming such a person (attendance, visitors, competitors) are dropped.
 * A tie's liking_a and a one-to-one's notes_a belong to person a's account alone
 * (likewise b). The operator sees everything. Every use case that reads records
 * passes them through privacy_apply(), so the CLI, the API, exports and every
 * computation agree (docs/privacy.md).
 */
#ifndef MU_APP_PRIVACY_H
#define MU_APP_PRIVACY_H

#include "app/app.h"

struct privacy;

/* Load what the actor may not see, inside the caller's transaction. *out is NULL for
 * the operator, who sees all; privacy_apply() and privacy_hides() accept NULL. */
int privacy_load(struct app *app, struct mu_arena *a, struct privacy **out,
		 struct mu_error *err);
/* 1 if r is visible at all: neither hidden itself nor naming a hidden record in a
 * reference field. r is not changed. */
int privacy_visible(const struct privacy *p, const struct mu_record *r);
/* 1 if r is visible, with what the actor may not see cleared in place; 0 if hidden. */
int privacy_apply(const struct privacy *p, struct mu_arena *a, struct mu_record *r);
/* 1 if the record id of entity kind is hidden from the actor (the record itself, not
 * what it refers to). */
int privacy_hides(const struct privacy *p, enum entity_kind kind, mu_id id);
/* Keep the visible records of rs[0..*n) in order, in place. */
void privacy_filter(const struct privacy *p, struct mu_arena *a, struct mu_record *rs,
		    size_t *n);

#endif
