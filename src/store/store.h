/*
 * store.h - what callers of the store use: workspaces, and records of every entity of
 * the model (core/model.h), on any driver (driver.h).
 *
 * Every operation on workspace data takes the workspace id and touches nothing
 * outside it. Callers wrap their operations in store_begin()/store_end(): one
 * transaction per command or request. Rows are allocated in the caller's arena.
 * Owner: whoever called store_open() calls store_close(); one store per thread.
 */
#ifndef MU_STORE_H
#define MU_STORE_H

#include <stddef.h>

#include "core/arena.h"
#include "core/error.h"
#include "core/model.h"
#include "core/mtime.h"

struct store;

enum store_mode { STORE_READ, STORE_WRITE };

/* Connect to url (a file path, or sqlite:PATH) and bring its schema up to date. */
int store_open(const char *url, struct store **out, struct mu_error *err);
void store_close(struct store *st);
/* Test builds: fail the nth driver call from now on (0: never). */
void store_fail_at(struct store *st, long nth);
/* The schema version after migrations. */
int store_schema_version(struct store *st);

/* Transactions. store_end() commits when rc is not an error (>= 0: a count or a flag
 * passed on is fine), else rolls back; it returns rc, or the commit's error. */
int store_begin(struct store *st, enum store_mode mode, struct mu_error *err);
int store_end(struct store *st, int rc, struct mu_error *err);

/* Workspaces. */
int store_workspace_add(struct store *st, const struct workspace *w, mu_time now, mu_id *id,
			struct mu_error *err);
int store_workspace_list(struct store *st, struct mu_arena *a, struct workspace **out,
			 size_t *n, struct mu_error *err);
int store_workspace_get(struct store *st, struct mu_arena *a, mu_id id, struct workspace *out,
			struct mu_error *err);
int store_workspace_update(struct store *st, const struct workspace *w, mu_time now,
			   struct mu_error *err);
/* Make sure ids up to max_id are never handed out again in workspace ws. */
int store_reserve_ids(struct store *st, mu_id ws, mu_id max_id, struct mu_error *err);

/* Records. r->ent says which table. A record with id 0 gets the next id of the
 * workspace (written back into r->id); a keyed record (profile) takes its key. */
int store_record_insert(struct store *st, mu_id ws, struct mu_record *r, mu_time now,
			struct mu_error *err);
int store_record_update(struct store *st, mu_id ws, const struct mu_record *r, mu_time now,
			struct mu_error *err);
/* MU_ENOTFOUND if absent; MU_ECONFLICT (with what refers to it) if other records
 * still refer to it. Records keyed by it (a person's profile) go with it. */
int store_record_delete(struct store *st, mu_id ws, const struct entity_def *e, mu_id id,
			struct mu_error *err);
int store_record_get(struct store *st, struct mu_arena *a, mu_id ws,
		     const struct entity_def *e, mu_id id, struct mu_record **out,
		     struct mu_error *err);
/* 1 if it exists, 0 if not, < 0 on error. */
int store_record_exists(struct store *st, mu_id ws, const struct entity_def *e, mu_id id,
			struct mu_error *err);
/* Up to limit records with id > after, by id (limit 0: all). */
int store_record_list(struct store *st, struct mu_arena *a, mu_id ws,
		      const struct entity_def *e, mu_id after, size_t limit,
		      struct mu_record **out, size_t *n, struct mu_error *err);

/* Full-text search of takeaways (text and tags). A search is terms that must all
 * occur; a term is one word, or several in this order (a phrase), the last of which
 * may be a prefix. Words are plain text: the store turns them into its engine's query
 * syntax (store.c, search_dialects[]), so no input can be read as an operator.
 * Matching ignores case and keeps accents (å is not a). */
struct store_search_term {
	const char *const *words;
	size_t nwords;		/* >= 1 */
	int prefix;		/* the last word matches any word it begins */
};
/* Takeaways of workspace ws matching all nterms (>= 1) terms, most relevant first
 * (equal relevance: by id), skipping offset, at most limit (0: all). MU_EUSAGE if the
 * driver has no full-text search. */
int store_takeaway_search(struct store *st, struct mu_arena *a, mu_id ws,
			  const struct store_search_term *terms, size_t nterms, size_t offset,
			  size_t limit, struct mu_record **out, size_t *n, struct mu_error *err);

/* Names for look-ups: id and title (and for persons the emails JSON) of every record. */
struct store_name {
	mu_id id;
	const char *title;
	const char *emails;	/* persons only, JSON array text; else NULL */
};
int store_record_names(struct store *st, struct mu_arena *a, mu_id ws,
		       const struct entity_def *e, struct store_name **out, size_t *n,
		       struct mu_error *err);

#endif
