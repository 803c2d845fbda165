/*
 * internal.h - the store's own state, shared by its files (store.c: workspaces and
 * records; access.c: accounts, sessions, tokens, audit). Not for callers of the store.
 */
#ifndef MU_STORE_INTERNAL_H
#define MU_STORE_INTERNAL_H

#include "store/driver.h"
#include "store/store.h"

#define MAX_REFERRERS 64

struct referrer {
	const struct entity_def *e;
	const struct field_def *f;
	struct driver_stmt *count;	/* how many records of e refer through f */
};

struct entity_stmts {
	struct driver_stmt *get, *list, *insert, *update, *del, *exists, *names;
	struct driver_stmt *del_refs, *add_ref;
	struct referrer referrers[MAX_REFERRERS];
	size_t nreferrers;
};

enum fixed_stmt {
	ST_WS_ADD,
	ST_WS_LIST,
	ST_WS_GET,
	ST_WS_UPDATE,
	ST_WS_NEXT_ID,
	ST_WS_RESERVE,
	ST_PERSON_REFS,
	ST_WS_BUMP,
	ST_WS_REVISION,
	ST_COUNT
};



struct search_dialect;
struct access_stmts;

struct store {
	const struct driver *drv;
	struct driver_conn *conn;
	struct driver_stmt *fixed[ST_COUNT];
	struct entity_stmts ent[ENT_COUNT];
	const struct search_dialect *search;	/* NULL: no full-text search on this driver */
	struct driver_stmt *takeaway_search;
	struct access_stmts *access;	/* access.c */
	int version;
	long calls, fail_at;
	mu_id dirty_ws;		/* the workspace this transaction changed: its revision goes
				   up once, at commit (store_touch) */
};

/* The one door to the driver's step, where a test build injects faults. */
int store_step(struct store *st, struct driver_stmt *s, struct mu_error *err);
/* Step a statement expected to give at most one row: 1 with the row ready (reset it
 * after reading), 0 if none, < 0 on error; the statement is reset unless a row is ready. */
int store_one_row(struct store *st, struct driver_stmt *s, struct mu_error *err);
/* Prepare sql, naming it in the error. */
int store_prepare(struct store *st, const char *sql, struct driver_stmt **out,
		  struct mu_error *err);

/* Note that this transaction changes workspace ws (store_workspace_revision). */
int store_touch(struct store *st, mu_id ws, struct mu_error *err);

/* access.c: prepare and finalize its statements. */
int store_access_open(struct store *st, struct mu_error *err);
void store_access_close(struct store *st);

#endif
