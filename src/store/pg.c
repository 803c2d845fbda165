/*
 * pg.c - the PostgreSQL driver (libpq), chosen by a postgres:// or postgresql:// URL,
 * which libpq reads as it is (host, port, user, dbname, sslmode, ...).
 *
 * Statements are prepared on the server once per connection under generated names
 * (mu_1, mu_2, ...); the shared SQL's $n is PostgreSQL's own syntax, so the text goes
 * as written. Parameters travel as text and the server infers their types from the
 * statement; results come back as text and column_int()/column_real() parse them.
 * step() runs the statement at its first call and then walks the rows of the result,
 * which libpq holds in memory whole (NEEDSWORK(10): single-row mode for big exports).
 *
 * Writers queue, as on SQLite (BEGIN IMMEDIATE): a writing transaction takes one
 * transaction-scoped advisory lock first and then runs at READ COMMITTED, so each of
 * its statements sees what the writer before it committed. Without the queue, every
 * write of a workspace would collide with every other (each raises the workspace's
 * next_id and revision) and SERIALIZABLE would fail one of each two with SQLSTATE
 * 40001; tests/store/t0520 measured 63 of 240 concurrent writes failing so. The
 * per-workspace "max(id) + 1" ids of access.c are safe under the queue. Reading
 * transactions run at REPEATABLE READ: one snapshot, never waiting for a writer; the
 * few that write (a session's last use) may still fail with 40001, which the store
 * reports as MU_ERETRY and the server retries (http/routes.c). Error classes: 40001, 40P01 (deadlock) and
 * 55P03 (lock not available) are MU_ERETRY, class 23 (integrity constraint)
 * MU_ECONFLICT, class 54 (program limit) MU_ETOOBIG, the rest MU_EDB with the server's
 * message.
 *
 * Migrations are written for SQLite's types; pg_ddl() rewrites the few type names
 * PostgreSQL reads otherwise (docs/decisions/0006-postgresql.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libpq-fe.h>

#include "store/driver.h"
#include "core/buf.h"
#include "core/banned.h"

struct driver_conn {
	PGconn *pg;
	unsigned long next_name;	/* names the next prepared statement */
};

struct driver_stmt {
	struct driver_conn *c;
	char name[32];
	int nparams;		/* the highest $n of the statement */
	char **values;		/* nparams bound values as text; NULL is SQL NULL */
	PGresult *res;		/* the result of the current run, NULL before it */
	int ran, row, nrows;
};

/* Drop the server's notices ("relation ... already exists, skipping", "text-search
 * query doesn't contain lexemes"): libpq would print them on stderr. */
static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* The message of a failed result (or of the connection), without its newline. */
static int classify(PGconn *pg, const PGresult *res, struct mu_error *err)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	int len;

	if (!msg)
		msg = PQerrorMessage(pg);
	len = (int)strcspn(msg, "\n");
	if (!state)
		return mu_fail(err, MU_EDB, "", "postgresql: %.*s", len, msg);
	if (!strcmp(state, "40001") || !strcmp(state, "40P01") || !strcmp(state, "55P03"))
		return mu_fail(err, MU_ERETRY, "", "database is busy: %.*s", len, msg);
	if (!strncmp(state, "23", 2))
		return mu_fail(err, MU_ECONFLICT, "", "database constraint failed: %.*s", len,
			       msg);
	if (!strncmp(state, "54", 2))
		return mu_fail(err, MU_ETOOBIG, "", "value too big for the database: %.*s", len,
			       msg);
	return mu_fail(err, MU_EDB, "", "postgresql: %.*s (%s)", len, msg, state);
}

/* 0 if res is a success, else the classified error; res is cleared either way. */
static int result_rc(PGconn *pg, PGresult *res, struct mu_error *err)
{
	ExecStatusType status = PQresultStatus(res);
	int rc = 0;

	if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
		rc = classify(pg, res, err);
	PQclear(res);
	return rc;
}

static int pg_exec(struct driver_conn *c, const char *sql, struct mu_error *err)
{
	return result_rc(c->pg, PQexec(c->pg, sql), err);
}

static int pg_open(const char *url, struct driver_conn **out, struct mu_error *err)
{
	struct driver_conn *c = calloc(1, sizeof(*c));

	if (!c)
		return mu_fail(err, MU_ENOMEM, "", "out of memory");
	c->pg = PQconnectdb(url);
	if (!c->pg || PQstatus(c->pg) != CONNECTION_OK) {
		const char *msg = c->pg ? PQerrorMessage(c->pg) : "out of memory";
		/* the URL may hold a password: name the database, not the URL */
		mu_fail(err, MU_EIO, "--db", "cannot connect to PostgreSQL database '%s': %.*s",
			c->pg ? PQdb(c->pg) : "", (int)strcspn(msg, "\n"), msg);
		PQfinish(c->pg);
		free(c);
		return MU_EIO;
	}
	PQsetNoticeProcessor(c->pg, quiet, NULL);
	if (PQsetClientEncoding(c->pg, "UTF8") != 0) {
		mu_fail(err, MU_EDB, "--db", "cannot use UTF-8 with this PostgreSQL server");
		PQfinish(c->pg);
		free(c);
		return MU_EDB;
	}
	*out = c;
	return 0;
}

static void pg_close(struct driver_conn *c)
{
	if (!c)
		return;
	PQfinish(c->pg);
	free(c);
}

/* The highest $n: how many parameters PQexecPrepared passes. */
static int count_params(const char *sql)
{
	int max = 0;

	for (const char *p = driver_next_param(sql); p; p = driver_next_param(p + 1)) {
		int n = (int)strtol(p + 1, NULL, 10);
		if (n > max)
			max = n;
	}
	return max;
}

static int pg_prepare(struct driver_conn *c, const char *sql, struct driver_stmt **out,
		      struct mu_error *err)
{
	struct driver_stmt *s = calloc(1, sizeof(*s));
	int rc;

	if (!s)
		MU_BUG("out of memory");
	s->c = c;
	s->nparams = count_params(sql);
	if (s->nparams && !(s->values = calloc((size_t)s->nparams, sizeof(*s->values))))
		MU_BUG("out of memory");
	snprintf(s->name, sizeof(s->name), "mu_%lu", ++c->next_name);
	if ((rc = result_rc(c->pg, PQprepare(c->pg, s->name, sql, 0, NULL), err)) < 0) {
		free(s->values);
		free(s);
		return rc;
	}
	*out = s;
	return 0;
}

static void clear_values(struct driver_stmt *s)
{
	for (int i = 0; i < s->nparams; i++) {
		free(s->values[i]);
		s->values[i] = NULL;
	}
}

static void pg_finalize(struct driver_stmt *s)
{
	char sql[64];

	if (!s)
		return;
	/* A statement lives as long as its connection; free it on the server when that
	 * is possible now (not inside a failed transaction, where it would fail too). */
	if (PQstatus(s->c->pg) == CONNECTION_OK && PQtransactionStatus(s->c->pg) == PQTRANS_IDLE) {
		snprintf(sql, sizeof(sql), "DEALLOCATE %s", s->name);
		PQclear(PQexec(s->c->pg, sql));
	}
	PQclear(s->res);
	clear_values(s);
	free(s->values);
	free(s);
}

/* Parameter i's text (NULL: SQL NULL); a number the statement does not have is
 * ignored, as sqlite3_bind_*() ignores it (SQLITE_RANGE). */
static void set_value(struct driver_stmt *s, int i, const char *v)
{
	if (i < 1 || i > s->nparams)
		return;
	free(s->values[i - 1]);
	s->values[i - 1] = NULL;
	if (v && !(s->values[i - 1] = strdup(v)))
		MU_BUG("out of memory");
}

static void pg_bind_null(struct driver_stmt *s, int i)
{
	set_value(s, i, NULL);
}

static void pg_bind_int(struct driver_stmt *s, int i, int64_t v)
{
	char text[32];

	snprintf(text, sizeof(text), "%lld", (long long)v);
	set_value(s, i, text);
}

/* %.17g: the double comes back exactly; the column is DOUBLE PRECISION (pg_ddl). */
static void pg_bind_real(struct driver_stmt *s, int i, double v)
{
	char text[40];

	snprintf(text, sizeof(text), "%.17g", v);
	set_value(s, i, text);
}

static void pg_bind_text(struct driver_stmt *s, int i, const char *v)
{
	set_value(s, i, v);
}

static int pg_step(struct driver_stmt *s, struct mu_error *err)
{
	ExecStatusType status;

	if (!s->ran) {
		s->ran = 1;
		s->res = PQexecPrepared(s->c->pg, s->name, s->nparams,
					(const char *const *)s->values, NULL, NULL, 0);
		status = PQresultStatus(s->res);
		if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
			int rc = classify(s->c->pg, s->res, err);
			PQclear(s->res);
			s->res = NULL;
			return rc;
		}
		s->nrows = PQntuples(s->res);
		s->row = -1;
	}
	if (!s->res || s->row + 1 >= s->nrows) {
		s->row = s->nrows;
		return 0;
	}
	s->row++;
	return 1;
}

static void pg_reset(struct driver_stmt *s)
{
	PQclear(s->res);
	s->res = NULL;
	s->ran = 0;
	s->row = s->nrows = 0;
	clear_values(s);
}

/* The current row's text of col, NULL for SQL NULL or when no row is current. */
static const char *value(struct driver_stmt *s, int col)
{
	if (!s->res || s->row < 0 || s->row >= s->nrows || col >= PQnfields(s->res) ||
	    PQgetisnull(s->res, s->row, col))
		return NULL;
	return PQgetvalue(s->res, s->row, col);
}

static int pg_column_null(struct driver_stmt *s, int col)
{
	return value(s, col) == NULL;
}

/* Integers as text; a boolean column gives t or f. */
static int64_t pg_column_int(struct driver_stmt *s, int col)
{
	const char *v = value(s, col);

	if (!v)
		return 0;
	if (*v == 't' || *v == 'f')
		return *v == 't';
	return strtoll(v, NULL, 10);
}

static double pg_column_real(struct driver_stmt *s, int col)
{
	const char *v = value(s, col);

	return v ? strtod(v, NULL) : 0;
}

static const char *pg_column_text(struct driver_stmt *s, int col)
{
	return value(s, col);
}

static int pg_begin(struct driver_conn *c, int write, struct mu_error *err)
{
	/* see the top of this file; the lock's key is any number, the same everywhere */
	if (!write)
		return pg_exec(c, "BEGIN ISOLATION LEVEL REPEATABLE READ", err);
	return pg_exec(c, "BEGIN ISOLATION LEVEL READ COMMITTED;"
		       " SELECT pg_advisory_xact_lock(6882)", err);
}

static int pg_commit(struct driver_conn *c, struct mu_error *err)
{
	return pg_exec(c, "COMMIT", err);
}

static void pg_rollback(struct driver_conn *c)
{
	if (PQtransactionStatus(c->pg) != PQTRANS_IDLE)
		PQclear(PQexec(c->pg, "ROLLBACK"));
}

static int is_word(char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
	       ch == '_';
}

/* 1 if p starts the whole word w (any case), followed by anything but a word char. */
static int word_at(const char *p, const char *w)
{
	size_t n = strlen(w);

	return !strncasecmp(p, w, n) && !is_word(p[n]);
}

/*
 * The migrations' types, as PostgreSQL needs them; everything else goes as written.
 * Outside comments and quotes, word by word:
 *   INTEGER PRIMARY KEY  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY (SQLite's
 *                        rowid alias: the id the database hands out)
 *   INTEGER              BIGINT (SQLite's INTEGER holds 64 bits; ids and times need them)
 *   REAL                 DOUBLE PRECISION (SQLite's REAL is a double, PostgreSQL's a float)
 */
static int pg_ddl(const char *sql, struct mu_buf *out)
{
	char quote = 0;
	int rc = 0;

	for (const char *p = sql; *p && !rc; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
		} else if (p[0] == '-' && p[1] == '-') {
			size_t n = strcspn(p, "\n");
			rc = mu_buf_add(out, p, n);
			p += n - 1;
			continue;
		} else if ((p == sql || !is_word(p[-1])) && word_at(p, "INTEGER")) {
			const char *q = p + 7 + strspn(p + 7, " \t"), *k = q;
			if (word_at(q, "PRIMARY"))
				k = q + 7 + strspn(q + 7, " \t");
			if (k != q && word_at(k, "KEY")) {
				rc = mu_buf_adds(out, "BIGINT GENERATED BY DEFAULT AS IDENTITY"
						 " PRIMARY KEY");
				p = k + 2;
			} else {
				rc = mu_buf_adds(out, "BIGINT");
				p += 6;
			}
			continue;
		} else if ((p == sql || !is_word(p[-1])) && word_at(p, "REAL")) {
			rc = mu_buf_adds(out, "DOUBLE PRECISION");
			p += 3;
			continue;
		}
		rc = mu_buf_add(out, p, 1);
	}
	return rc;
}

/* By the column's type OID (pg_type.h): integers and booleans, floating point and
 * numeric, and text for the rest (text, json, tsvector, ...). */
static int pg_column_type(struct driver_stmt *s, int col)
{
	if (!value(s, col))
		return DRIVER_NULL;
	switch (PQftype(s->res, col)) {
	case 16: case 20: case 21: case 23: return DRIVER_INT;	/* bool, int8, int2, int4 */
	case 700: case 701: case 1700: return DRIVER_REAL;	/* float4, float8, numeric */
	default: return DRIVER_TEXT;
	}
}

const struct driver driver_pg = {
	.name = "postgresql",
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.ddl = pg_ddl,
	.prepare = pg_prepare,
	.finalize = pg_finalize,
	.bind_null = pg_bind_null,
	.bind_int = pg_bind_int,
	.bind_real = pg_bind_real,
	.bind_text = pg_bind_text,
	.step = pg_step,
	.reset = pg_reset,
	.column_null = pg_column_null,
	.column_int = pg_column_int,
	.column_real = pg_column_real,
	.column_text = pg_column_text,
	.column_type = pg_column_type,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
};
