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
/* "sqlite" or "postgresql". */
const char *store_driver_name(const struct store *st);
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
/* A number that goes up with every committed change to workspace ws's records or
 * settings: what a cache of them checks (app/graph.c). */
int store_workspace_revision(struct store *st, mu_id ws, int64_t *revision,
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

/* ---- accounts and access (store/access.c) ----
 * Accounts, sessions and login failures belong to no workspace (reference tables on a
 * sharded store); roles, tokens, invitations, audit and suppression belong to one. */
struct store_account {
	mu_id id;
	const char *email, *display_name;
	const char *password_hash;	/* Argon2id string; NULL: cannot sign in */
	const char *created_at;
	const char *role;	/* store_member_list: the role in that workspace */
};
/* Fills acc->id; MU_ECONFLICT if the e-mail has an account. */
int store_account_add(struct store *st, struct store_account *acc, mu_time now,
		      struct mu_error *err);
/* 0 with *out filled, or MU_ENOTFOUND. */
int store_account_get(struct store *st, struct mu_arena *a, mu_id id, struct store_account *out,
		      struct mu_error *err);
int store_account_find(struct store *st, struct mu_arena *a, const char *email,
		       struct store_account *out, struct mu_error *err);
int store_account_list(struct store *st, struct mu_arena *a, struct store_account **out,
		       size_t *n, struct mu_error *err);
/* Change display_name and password_hash of acc->id. */
int store_account_update(struct store *st, const struct store_account *acc,
			 struct mu_error *err);
/* Delete an account with its roles, sessions and tokens; the private records it owned
 * keep no owner (docs/security.md). */
int store_account_delete(struct store *st, mu_id id, struct mu_error *err);

/* Roles: one per account and workspace. */
int store_role_set(struct store *st, mu_id ws, mu_id account, const char *role, mu_time now,
		   struct mu_error *err);
/* *role is NULL if the account has none in ws. */
int store_role_get(struct store *st, struct mu_arena *a, mu_id ws, mu_id account,
		   const char **role, struct mu_error *err);
int store_role_delete(struct store *st, mu_id ws, mu_id account, struct mu_error *err);
/* The accounts with a role in ws (role filled), by e-mail. */
int store_member_list(struct store *st, struct mu_arena *a, mu_id ws,
		      struct store_account **out, size_t *n, struct mu_error *err);
struct store_grant {
	mu_id workspace;
	const char *name, *role;
};
/* The workspaces where account has a role, by id. */
int store_grant_list(struct store *st, struct mu_arena *a, mu_id account,
		     struct store_grant **out, size_t *n, struct mu_error *err);

/* Sessions, by the hash of their token; times in Unix seconds. */
struct store_session {
	mu_id account;
	int64_t created, seen;
};
int store_session_add(struct store *st, const char *hash, mu_id account, int64_t now,
		      struct mu_error *err);
/* 1 with *out filled, 0 if there is no such session. */
int store_session_get(struct store *st, const char *hash, struct store_session *out,
		      struct mu_error *err);
int store_session_touch(struct store *st, const char *hash, int64_t now, struct mu_error *err);
int store_session_delete(struct store *st, const char *hash, struct mu_error *err);
int store_session_delete_account(struct store *st, mu_id account, struct mu_error *err);
/* Delete sessions created before created_before or idle since before seen_before. */
int store_session_prune(struct store *st, int64_t created_before, int64_t seen_before,
			struct mu_error *err);

/* API tokens of a workspace. */
struct store_token {
	mu_id workspace, id, account;
	const char *name, *role, *hash, *created_at, *expires_at, *last_used_at;
	const char *email;	/* the account's, when read */
};
/* Fills t->id. */
int store_token_add(struct store *st, struct store_token *t, mu_time now, struct mu_error *err);
/* 1 with *out filled, 0 if none. */
int store_token_find(struct store *st, struct mu_arena *a, mu_id ws, const char *hash,
		     struct store_token *out, struct mu_error *err);
int store_token_list(struct store *st, struct mu_arena *a, mu_id ws, struct store_token **out,
		     size_t *n, struct mu_error *err);
int store_token_delete(struct store *st, mu_id ws, mu_id id, struct mu_error *err);
int store_token_used(struct store *st, mu_id ws, mu_id id, mu_time now, struct mu_error *err);

/* Invitations of a workspace. */
struct store_invitation {
	mu_id workspace, id, invited_by;
	const char *email, *role, *hash, *created_at;
	int64_t expires;	/* Unix seconds */
};
int store_invitation_add(struct store *st, struct store_invitation *inv, mu_time now,
			 struct mu_error *err);
int store_invitation_find(struct store *st, struct mu_arena *a, mu_id ws, const char *hash,
			  struct store_invitation *out, struct mu_error *err);
int store_invitation_list(struct store *st, struct mu_arena *a, mu_id ws,
			  struct store_invitation **out, size_t *n, struct mu_error *err);
int store_invitation_delete(struct store *st, mu_id ws, mu_id id, struct mu_error *err);

/* Failed sign-ins by key (a hash), in Unix seconds. */
int store_failure_add(struct store *st, const char *key, int64_t at, struct mu_error *err);
/* How many failures of key since since, and the time of the oldest of them. */
int store_failure_count(struct store *st, const char *key, int64_t since, int64_t *count,
			int64_t *oldest, struct mu_error *err);
int store_failure_prune(struct store *st, int64_t before, struct mu_error *err);

/* The audit trail of a workspace. */
struct store_audit {
	mu_id id, account, entity_id;	/* account 0: the operator; entity_id 0: none */
	const char *at, *actor, *action, *entity, *detail;
};
int store_audit_add(struct store *st, mu_id ws, const struct store_audit *e,
		    struct mu_error *err);

/* Copy every row of from into to, which must hold no workspace and no account, in
 * one transaction on to (copy.c), adding note (if not NULL) to the audit trail of
 * every workspace copied; rows[i] counts the rows of store_copy_table(i), which has
 * room for STORE_COPY_TABLES. MU_ECONFLICT if to is not empty. */
int store_copy(struct store *from, struct store *to, const struct store_audit *note,
	       long rows[], struct mu_error *err);
/* The name of the i-th table store_copy copies, NULL past the last. */
const char *store_copy_table(size_t i);
#define STORE_COPY_TABLES 32
/* Entries at or after since (NULL: all) with id > after, oldest first, at most limit. */
int store_audit_list(struct store *st, struct mu_arena *a, mu_id ws, const char *since,
		     mu_id after, size_t limit, struct store_audit **out, size_t *n,
		     struct mu_error *err);

/* Suppression keys of erased data subjects. */
int store_suppression_add(struct store *st, mu_id ws, const char *key, mu_time now,
			  struct mu_error *err);
/* 1 if key is suppressed in ws, 0 if not. */
int store_suppression_has(struct store *st, mu_id ws, const char *key, struct mu_error *err);

/* Private records (persons, ties, exchanges) and their owners; other entities have
 * none. owner 0: no account owns it. */
struct store_owned {
	mu_id id, owner;
};
int store_private_list(struct store *st, struct mu_arena *a, mu_id ws,
		       const struct entity_def *e, struct store_owned **out, size_t *n,
		       struct mu_error *err);
int store_owner_set(struct store *st, mu_id ws, const struct entity_def *e, mu_id id,
		    mu_id owner, struct mu_error *err);
/* The person who is the account in ws (0 if none), and linking them. */
int store_person_of_account(struct store *st, mu_id ws, mu_id account, mu_id *person,
			    struct mu_error *err);
int store_person_link(struct store *st, mu_id ws, mu_id person, mu_id account,
		      struct mu_error *err);
/* The account linked to person (0: none). */
int store_account_of_person(struct store *st, mu_id ws, mu_id person, mu_id *account,
			    struct mu_error *err);

#endif
