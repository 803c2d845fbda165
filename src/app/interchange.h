/*
 * interchange.h - address books in and out: vCard, LinkedIn's Connections.csv and
 * Google Contacts CSV (SPEC §7 Interchange, docs/interchange.md).
 *
 * An import reads the whole file first (a file that does not parse changes nothing and
 * says at which line and why), then matches every contact against the persons the actor
 * may see (method/dedupe.h) and adds or merges it, in one transaction. A merge only
 * adds: new e-mails, phones, web addresses and tags, and fields the person lacks; what
 * the workspace says already is never overwritten.
 */
#ifndef MU_APP_INTERCHANGE_H
#define MU_APP_INTERCHANGE_H

#include <jansson.h>

#include "app/app.h"
#include "core/buf.h"

struct contacts_import {
	const char *kind;		/* "vcard", "linkedin" or "google" */
	int dry_run;			/* do everything, then roll back */
	const char *legal_basis;	/* of added persons; NULL: legitimate_interest */
	const char *me;			/* LinkedIn: whose connections (a PERSON as app_resolve
					   reads it); NULL: the actor's own person, if linked */
	int with_items;			/* the report lists every contact (dry runs always do) */
	/* called now and then while contacts are matched; may be NULL */
	void (*progress)(void *ctx, size_t done, size_t total);
	void *progress_ctx;
};

/* Import the file's bytes into the selected workspace (members). *report (new
 * reference) counts what was added, merged, left unchanged and skipped, with reasons
 * (docs/interchange.md shows its shape). */
int app_import_contacts(struct app *app, const char *data, size_t len,
			const struct contacts_import *o, json_t **report, struct mu_error *err);

/* The persons the actor may see as "vcard" (vCard 4.0) or "csv" (Google Contacts CSV),
 * appended to out. */
int app_export_contacts(struct app *app, const char *format, struct mu_buf *out,
			struct mu_error *err);

/* Join person gone into person keep: every record naming gone names keep; ties and
 * records that would join keep to itself go; lists and empty fields of keep take what
 * gone had; then gone is deleted. *report (new reference) says what moved. */
int app_person_merge(struct app *app, mu_id keep, mu_id gone, json_t **report,
		     struct mu_error *err);

#endif
