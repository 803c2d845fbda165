/*
 * sqlite.c - the SQLite driver: WAL, foreign keys on, a busy timeout, BEGIN IMMEDIATE
 * for writes so that two writers queue on the lock instead of failing at commit.
 * Statements are prepared persistent (they live as long as the connection).
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/driver.h"
#include "core/buf.h"
#include "core/banned.h"

struct driver_conn {
	sqlite3 *db;
};

struct driver_stmt {
	sqlite3_stmt *st;
	sqlite3 *db;
};

static int classify(sqlite3 *db, int rc, struct mu_error *err)
{
	int primary = rc & 0xFF;
	const char *msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);

	if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
		return mu_fail(err, MU_ERETRY, "", "database is busy: %s", msg);
	if (primary == SQLITE_CONSTRAINT)
		return mu_fail(err, MU_ECONFLICT, "", "database constraint failed: %s", msg);
	if (primary == SQLITE_TOOBIG)
		return mu_fail(err, MU_ETOOBIG, "", "value too big for the database: %s", msg);
	return mu_fail(err, MU_EDB, "", "sqlite: %s", msg);
}

static int sq_exec(struct driver_conn *c, const char *sql, struct mu_error *err)
{
	int rc = sqlite3_exec(c->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : classify(c->db, rc, err);
}

static int sq_open(const char *url, struct driver_conn **out, struct mu_error *err)
{
	struct driver_conn *c;
	const char *path = url;
	int rc;

	if (!strncmp(path, "sqlite:", 7))
		path += 7;
	c = calloc(1, sizeof(*c));
	if (!c)
		return mu_fail(err, MU_ENOMEM, "", "out of memory");
	rc = sqlite3_open_v2(path, &c->db,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
			     NULL);
	if (rc != SQLITE_OK) {
		mu_fail(err, MU_EIO, "--db", "cannot open database '%s': %s", path,
			c->db ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc));
		sqlite3_close(c->db);
		free(c);
		return MU_EIO;
	}
	sqlite3_busy_timeout(c->db, 5000);
	sqlite3_extended_result_codes(c->db, 1);
	if ((rc = sq_exec(c, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
			  " PRAGMA foreign_keys=ON;", err)) < 0) {
		sqlite3_close(c->db);
		free(c);
		return rc;
	}
	*out = c;
	return 0;
}

static void sq_close(struct driver_conn *c)
{
	if (!c)
		return;
	sqlite3_close_v2(c->db);
	free(c);
}

/* $n -> ?n outside quotes; the SQL text is ours, never user input. */
static int rewrite_params(const char *sql, struct mu_buf *out)
{
	const char *from = sql, *p;
	int rc = 0;

	for (p = driver_next_param(sql); p && !rc; p = driver_next_param(p + 1)) {
		rc = mu_buf_add(out, from, (size_t)(p - from));
		if (!rc)
			rc = mu_buf_add(out, "?", 1);
		from = p + 1;	/* the digits stay: ?n */
	}
	return rc ? rc : mu_buf_adds(out, from);
}

static int sq_prepare(struct driver_conn *c, const char *sql, struct driver_stmt **out,
		      struct mu_error *err)
{
	struct mu_buf text;
	struct driver_stmt *s;
	int rc;

	mu_buf_init(&text, 1 << 20);
	if (rewrite_params(sql, &text) < 0) {
		mu_buf_release(&text);
		return mu_fail(err, MU_ETOOBIG, "", "statement too long");
	}
	s = calloc(1, sizeof(*s));
	if (!s)
		MU_BUG("out of memory");
	s->db = c->db;
	rc = sqlite3_prepare_v3(c->db, mu_buf_str(&text), -1, SQLITE_PREPARE_PERSISTENT, &s->st,
				NULL);
	mu_buf_release(&text);
	if (rc != SQLITE_OK) {
		rc = classify(c->db, rc, err);
		free(s);
		return rc;
	}
	*out = s;
	return 0;
}

static void sq_finalize(struct driver_stmt *s)
{
	if (!s)
		return;
	sqlite3_finalize(s->st);
	free(s);
}

static void sq_bind_null(struct driver_stmt *s, int i)
{
	sqlite3_bind_null(s->st, i);
}

static void sq_bind_int(struct driver_stmt *s, int i, int64_t v)
{
	sqlite3_bind_int64(s->st, i, v);
}

static void sq_bind_real(struct driver_stmt *s, int i, double v)
{
	sqlite3_bind_double(s->st, i, v);
}

static void sq_bind_text(struct driver_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s->st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s->st, i);
}

static int sq_step(struct driver_stmt *s, struct mu_error *err)
{
	int rc = sqlite3_step(s->st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return classify(s->db, rc, err);
}

static void sq_reset(struct driver_stmt *s)
{
	sqlite3_reset(s->st);
	sqlite3_clear_bindings(s->st);
}

static int sq_column_null(struct driver_stmt *s, int col)
{
	return sqlite3_column_type(s->st, col) == SQLITE_NULL;
}

static int64_t sq_column_int(struct driver_stmt *s, int col)
{
	return sqlite3_column_int64(s->st, col);
}

static double sq_column_real(struct driver_stmt *s, int col)
{
	return sqlite3_column_double(s->st, col);
}

static const char *sq_column_text(struct driver_stmt *s, int col)
{
	return (const char *)sqlite3_column_text(s->st, col);
}

static int sq_column_type(struct driver_stmt *s, int col)
{
	switch (sqlite3_column_type(s->st, col)) {
	case SQLITE_NULL: return DRIVER_NULL;
	case SQLITE_INTEGER: return DRIVER_INT;
	case SQLITE_FLOAT: return DRIVER_REAL;
	default: return DRIVER_TEXT;	/* text; we store no blobs */
	}
}

static int sq_begin(struct driver_conn *c, int write, struct mu_error *err)
{
	return sq_exec(c, write ? "BEGIN IMMEDIATE" : "BEGIN", err);
}

static int sq_commit(struct driver_conn *c, struct mu_error *err)
{
	return sq_exec(c, "COMMIT", err);
}

static void sq_rollback(struct driver_conn *c)
{
	if (!sqlite3_get_autocommit(c->db))
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
}

const struct driver driver_sqlite = {
	.name = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.exec = sq_exec,
	.prepare = sq_prepare,
	.finalize = sq_finalize,
	.bind_null = sq_bind_null,
	.bind_int = sq_bind_int,
	.bind_real = sq_bind_real,
	.bind_text = sq_bind_text,
	.step = sq_step,
	.reset = sq_reset,
	.column_null = sq_column_null,
	.column_int = sq_column_int,
	.column_real = sq_column_real,
	.column_text = sq_column_text,
	.column_type = sq_column_type,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
};
