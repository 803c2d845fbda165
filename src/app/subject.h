/*
 * subject.h - the rights of a data subject (GDPR Art. 15, 17, 20, 21; SPEC §6;
 * docs/privacy.md "Data subject rights").
 *
 * A person of the workspace can ask for everything held about them (export), ask to
 * be forgotten (erase) or object to being suggested (the person's objection flag,
 * honoured by the method). Erasure keeps the records that make up the group's numbers
 * (ties, exchanges, referrals, memberships, attendance) but removes every personal
 * field, and leaves suppression keys - hashes, never the values - so that the person
 * is not added back by a later import without their consent.
 */
#ifndef MU_APP_SUBJECT_H
#define MU_APP_SUBJECT_H

#include <jansson.h>

#include "app/app.h"

#define APP_SUBJECT_FORMAT "mutua-subject/1"

/* Everything the workspace holds about person, as the actor may see it (admins):
 * {format, exported_at, workspace: {id, name}, person, profile (or null), the records
 * naming them by kind (ties, exchanges, referrals, memberships, meetings, one_to_ones,
 * takeaways, goals, plans, asks, offers, tasks) and audit: the trail of the person and
 * their profile}. New reference in *out. MU_ENOTFOUND for a person the actor cannot
 * see. */
int app_subject_export(struct app *app, mu_id person, json_t **out, struct mu_error *err);

/* Erase person (admins), in one transaction: suppression keys for their e-mails,
 * phones and name; the person rewritten as "Erased person ID" without personal fields,
 * tags, source, organisation or legal basis, and with objection set; their profile
 * deleted; notes of the exchanges and one-to-ones and how_met of the ties naming them
 * cleared. The records that count (ties, exchanges, referrals, memberships, meetings)
 * stay, so totals, balances and scorecards keep their numbers. *summary (new
 * reference) counts what changed. */
int app_subject_erase(struct app *app, mu_id person, json_t **summary, struct mu_error *err);

/* A suppression key and the person field it comes from ("emails", "phones" or
 * "full_name"). */
struct app_subject_key {
	const char *key;
	const char *field;
};
/* The suppression keys of a person record: "email:HEX" for each e-mail (trimmed,
 * case-folded), "phone:HEX" for each phone number (its digits, a leading + kept),
 * "name:HEX" for the full name (trimmed, case-folded, runs of spaces as one); HEX is
 * the BLAKE2b hash (32 bytes, libsodium's crypto_generichash) of the normalised value.
 * An anonymised name ("Erased person ID") gives no key. Keys live in a; returns how
 * many. The importer makes its keys here too, so both compare alike. */
size_t app_subject_keys(struct mu_arena *a, const struct mu_record *person,
			struct app_subject_key **out);

/* 1 if a key of person (a record about to be stored, or stored) is suppressed in the
 * selected workspace, 0 if not, or an error; inside the caller's transaction. */
int app_subject_suppressed(struct app *app, const struct mu_record *person,
			   struct mu_error *err);

/* 0 if person may be added: no key of theirs is suppressed, or they are added with
 * legal_basis consent; else MU_ECONFLICT on the field that matched, saying why and
 * what to do. Inside the caller's transaction (app_record_add, the importer). */
int app_subject_admit(struct app *app, const struct mu_record *person, struct mu_error *err);

#endif
