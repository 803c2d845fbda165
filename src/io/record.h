/*
 * record.h - records to and from JSON: the one codec behind --json, the API and the
 * workspace document (FORMAT.md §1).
 *
 * Decoding validates every field against the model (core/model.h) and reports the
 * first fault with its path ("emails[1]: not an e-mail address"); the caller prefixes
 * the record's own path. Lists and objects are stored as canonical compact JSON with
 * references rewritten to store ids.
 */
#ifndef MU_IO_RECORD_H
#define MU_IO_RECORD_H

#include <jansson.h>

#include "core/arena.h"
#include "core/error.h"
#include "core/buf.h"
#include "core/model.h"

/* How a reference in the input becomes a store id: 0 and *id, or an error with the
 * message (the decoder adds the path). ctx is passed through. */
typedef int (*ref_resolve_fn)(void *ctx, enum entity_kind kind, const char *text, mu_id *id,
			      struct mu_error *err);

enum record_decode_flags {
	RD_CREATE = 1 << 0,	/* apply defaults and demand required fields */
	RD_ID_ALLOWED = 1 << 1,	/* an "id" member is accepted (and ignored) */
};

/* Decode obj into a new record in a. The record's id is 0 (the caller sets it). */
int record_decode(struct mu_arena *a, const struct entity_def *e, json_t *obj, unsigned flags,
		  ref_resolve_fn resolve, void *ctx, struct mu_record **out,
		  struct mu_error *err);

/* A new JSON object (caller owns it) with every field in model order: "id" first
 * (unless the record is keyed), null for an absent scalar, [] for an empty list. */
json_t *record_encode(const struct mu_record *r);

/* Append r to b as the JSON text that json_dumps(record_encode(r), JSON_COMPACT |
 * JSON_REAL_PRECISION(15)) gives, byte for byte, without building the object: a list
 * of records is most of what the API answers, and the tree and its dump cost several
 * times what the query does. 0, or MU_ETOOBIG when b is full. */
int record_write_json(struct mu_buf *b, const struct mu_record *r);

/* Resolve a reference written as a store id ("42"). */
int ref_resolve_store_id(void *ctx, enum entity_kind kind, const char *text, mu_id *id,
			 struct mu_error *err);
/* 1 if text is a store id (1..2^53, decimal, no sign or leading zero). */
int record_is_store_id(const char *text, mu_id *id);
/* An id as JSON: a string of digits, as ids are everywhere outside the store. */
json_t *record_id_json(mu_id id);

/* Every enumeration of data/ with its labels, for a UI to show values in words:
 * {"NAME": [{"name", "label": {"en", "sv", "da"}, "section"?}], ...}; "section" is a
 * NACE division's section letter. */
json_t *record_enums_json(void);

#endif
