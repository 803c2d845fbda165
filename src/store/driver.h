/*
 * driver.h - the bottom of the store: one small vtable per database engine, like
 * SQLite's VFS. SQL text is shared by all drivers and written with $n parameters;
 * a driver rewrites them if its engine needs another form.
 *
 * Errors: a driver returns 0 or a negative MU_E* code. MU_ERETRY is a soft error (busy,
 * serialization failure, deadlock) that the transaction wrapper may retry; MU_ECONFLICT
 * a constraint violation; MU_EDB anything else.
 */
#ifndef MU_DRIVER_H
#define MU_DRIVER_H

#include <stdint.h>

#include "core/error.h"

struct driver_conn;
struct driver_stmt;
struct mu_buf;

enum driver_type { DRIVER_NULL, DRIVER_INT, DRIVER_REAL, DRIVER_TEXT };

struct driver {
	const char *name;
	int (*open)(const char *url, struct driver_conn **out, struct mu_error *err);
	void (*close)(struct driver_conn *c);
	/* Run SQL without parameters or results (migrations, pragmas). */
	int (*exec)(struct driver_conn *c, const char *sql, struct mu_error *err);
	/* Rewrite a migration's text into this engine's dialect, appending to out; < 0 if
	 * out is full. NULL: migrations run as written. */
	int (*ddl)(const char *sql, struct mu_buf *out);
	int (*prepare)(struct driver_conn *c, const char *sql, struct driver_stmt **out,
		       struct mu_error *err);
	void (*finalize)(struct driver_stmt *s);
	/* Parameters count from 1, as $1. */
	void (*bind_null)(struct driver_stmt *s, int i);
	void (*bind_int)(struct driver_stmt *s, int i, int64_t v);
	void (*bind_real)(struct driver_stmt *s, int i, double v);
	void (*bind_text)(struct driver_stmt *s, int i, const char *v);
	/* 1: a row is ready; 0: done; < 0: error. */
	int (*step)(struct driver_stmt *s, struct mu_error *err);
	/* Ready the statement for another run and clear its bindings. */
	void (*reset)(struct driver_stmt *s);
	/* Columns count from 0. Text stays valid until the next step or reset. */
	int (*column_null)(struct driver_stmt *s, int col);
	int64_t (*column_int)(struct driver_stmt *s, int col);
	double (*column_real)(struct driver_stmt *s, int col);
	const char *(*column_text)(struct driver_stmt *s, int col);
	/* What col of the current row holds: one of enum driver_type (copy.c). */
	int (*column_type)(struct driver_stmt *s, int col);
	int (*begin)(struct driver_conn *c, int write, struct mu_error *err);
	int (*commit)(struct driver_conn *c, struct mu_error *err);
	void (*rollback)(struct driver_conn *c);
};

/* The next parameter ($1, $2, ...) of the shared SQL text at or after p, outside
 * quotes, or NULL: what a driver rewrites or counts. A parameter is never inside
 * quotes, so a scan may go on from just after one. (store.c) */
const char *driver_next_param(const char *p);

extern const struct driver driver_sqlite;
extern const struct driver driver_pg;

#endif
