/*
 * copy.c - every row of one database into another (store.h: store_copy), for
 * `mutua copy --from URL --to URL`: SQLite to PostgreSQL when a team outgrows its
 * file, and back (docs/scaling.md).
 *
 * Both stores are at the same schema version (store_open migrated both), so a table
 * has the same columns on either side but for what a driver derives itself: the
 * columns copied are those the target lets one write that the source has too (not
 * PostgreSQL's search_doc, which its trigger fills), read by name. Tables go in the order the migrations
 * create them, parents before children, so every foreign key holds at each insert;
 * the search tables that SQLite's triggers fill from takeaway are left to the triggers.
 * Values keep their type (an integer stays an integer, a double is bound as a double,
 * never as its shorter text), and ids are copied as they are, so every reference,
 * cursor and audit entry stays valid; PostgreSQL's identity columns are then moved
 * past the highest id copied. The whole copy is one transaction on the target, on a
 * consistent read of the source: it lands whole or not at all.
 */
#include <stdio.h>
#include <string.h>

#include "store/internal.h"
#include "core/buf.h"
#include "core/banned.h"

/* The schema's tables in the order 0001-0006 create them; identity: its id is handed
 * out by the database (INTEGER PRIMARY KEY). t0540-copy checks that this list and the
 * schema agree. */
static const struct {
	const char *name;
	int identity;
} tables[] = {
	{ "workspace", 1 }, { "account", 1 }, { "organisation", 0 }, { "person", 0 },
	{ "profile", 0 }, { "network", 0 }, { "referral", 0 }, { "exchange", 0 },
	{ "tie", 0 }, { "membership", 0 }, { "meeting", 0 }, { "one_to_one", 0 },
	{ "takeaway", 0 }, { "goal", 0 }, { "plan", 0 }, { "ask", 0 }, { "offer", 0 },
	{ "task", 0 }, { "person_ref", 0 }, { "workspace_role", 0 }, { "session", 0 },
	{ "api_token", 0 }, { "invitation", 0 }, { "login_failure", 0 }, { "audit", 0 },
	{ "suppression", 0 },
};
#define N_TABLES (sizeof(tables) / sizeof(tables[0]))
_Static_assert(N_TABLES <= STORE_COPY_TABLES, "store.h's STORE_COPY_TABLES is too small");
#define MAX_COLUMNS 64

/* Per driver: the columns of a table one may insert into, in order, and how to move
 * an identity past the ids copied (NULL: the engine does it by itself). */
static const struct {
	const char *driver, *columns, *identity;
} dialects[] = {
	{ "sqlite", "SELECT name FROM pragma_table_xinfo($1) WHERE hidden = 0 ORDER BY cid",
	  NULL },
	{ "postgresql",
	  "SELECT column_name FROM information_schema.columns WHERE table_schema ="
	  " current_schema() AND table_name = $1 AND is_generated = 'NEVER'"
	  " ORDER BY ordinal_position",
	  /* check-layers: all-workspaces (the identity of workspace and account) */
	  "SELECT setval(pg_get_serial_sequence('%s', 'id'),"
	  " (SELECT coalesce(max(id), 0) + 1 FROM %s), false)" },
};

static int dialect_of(const struct store *st)
{
	for (size_t i = 0; i < sizeof(dialects) / sizeof(dialects[0]); i++)
		if (!strcmp(dialects[i].driver, st->drv->name))
			return (int)i;
	return -1;
}

/* The names of table's insertable columns on st, in order, into names[] (each at
 * most NAME_MAX_LEN bytes), and their count. */
#define NAME_MAX_LEN 64
static int columns_of(struct store *st, const char *table, char names[][NAME_MAX_LEN],
		      int *n, struct mu_error *err)
{
	struct driver_stmt *s;
	int rc;

	*n = 0;
	if ((rc = store_prepare(st, dialects[dialect_of(st)].columns, &s, err)) < 0)
		return rc;
	st->drv->bind_text(s, 1, table);
	while ((rc = store_step(st, s, err)) > 0 && *n < MAX_COLUMNS)
		snprintf(names[(*n)++], NAME_MAX_LEN, "%s", st->drv->column_text(s, 0));
	st->drv->finalize(s);
	if (rc > 0)
		return mu_fail(err, MU_EDB, "", "table %s has more than %d columns", table, MAX_COLUMNS);
	return rc;
}

/* The columns to copy, as "a", "b", ... into list: those the target lets one write
 * that the source has too. A column only one side has is the other's own business:
 * PostgreSQL's search_doc, which its trigger fills from the copied text. */
static int columns_to_copy(struct store *from, struct store *to, const char *table,
			   struct mu_buf *list, int *n, struct mu_error *err)
{
	char src[MAX_COLUMNS][NAME_MAX_LEN], dst[MAX_COLUMNS][NAME_MAX_LEN];
	int nsrc, ndst, rc;

	*n = 0;
	if ((rc = columns_of(from, table, src, &nsrc, err)) < 0 ||
	    (rc = columns_of(to, table, dst, &ndst, err)) < 0)
		return rc;
	for (int i = 0; i < ndst; i++)
		for (int j = 0; j < nsrc; j++)
			if (!strcmp(dst[i], src[j]) &&
			    mu_buf_addf(list, "%s\"%s\"", (*n)++ ? ", " : "", dst[i]) < 0)
				return mu_fail(err, MU_ENOMEM, "", "out of memory");
	if (!*n)
		return mu_fail(err, MU_EDB, "", "table %s is missing from the %s", table,
			       ndst ? "source" : "target");
	return 0;
}

/* Bind column i of the source's current row to parameter i + 1 of the insert. */
static void bind_value(struct store *from, struct driver_stmt *row, struct store *to,
		       struct driver_stmt *ins, int i)
{
	switch (from->drv->column_type(row, i)) {
	case DRIVER_NULL:
		to->drv->bind_null(ins, i + 1);
		break;
	case DRIVER_INT:
		to->drv->bind_int(ins, i + 1, from->drv->column_int(row, i));
		break;
	case DRIVER_REAL:
		to->drv->bind_real(ins, i + 1, from->drv->column_real(row, i));
		break;
	default:
		to->drv->bind_text(ins, i + 1, from->drv->column_text(row, i));
	}
}

static int copy_table(struct store *from, struct store *to, size_t t, long *rows,
		      struct mu_error *err)
{
	struct mu_buf cols, sql;
	struct driver_stmt *sel = NULL, *ins = NULL;
	int n, rc;

	*rows = 0;
	mu_buf_init(&cols, 1 << 16);
	mu_buf_init(&sql, 1 << 16);
	if ((rc = columns_to_copy(from, to, tables[t].name, &cols, &n, err)) < 0)
		goto out;
	/* check-layers: all-workspaces (the whole table: the copy is of the database) */
	if (mu_buf_addf(&sql, "SELECT %s FROM \"%s\"", mu_buf_str(&cols), tables[t].name) < 0 ||
	    (rc = store_prepare(from, mu_buf_str(&sql), &sel, err)) < 0)
		goto out;
	mu_buf_reset(&sql);
	/* check-layers: all-workspaces (rows of every workspace, each with its own) */
	mu_buf_addf(&sql, "INSERT INTO \"%s\" (%s) VALUES (", tables[t].name, mu_buf_str(&cols));
	for (int i = 1; i <= n; i++)
		mu_buf_addf(&sql, "%s$%d", i > 1 ? ", " : "", i);
	if (mu_buf_adds(&sql, ")") < 0 || (rc = store_prepare(to, mu_buf_str(&sql), &ins, err)) < 0)
		goto out;
	while ((rc = store_step(from, sel, err)) > 0) {
		for (int i = 0; i < n; i++)
			bind_value(from, sel, to, ins, i);
		rc = store_step(to, ins, err);
		to->drv->reset(ins);
		if (rc < 0)
			goto out;
		(*rows)++;
	}
out:
	if (rc < 0 && err && !err->field[0])
		snprintf(err->field, sizeof(err->field), "%s", tables[t].name);
	if (sel)
		from->drv->finalize(sel);
	if (ins)
		to->drv->finalize(ins);
	mu_buf_release(&cols);
	mu_buf_release(&sql);
	return rc < 0 ? rc : 0;
}

/* Move table's identity past the ids copied, where the engine does not. */
static int sync_identity(struct store *to, size_t t, struct mu_error *err)
{
	const char *fmt = dialects[dialect_of(to)].identity;
	struct driver_stmt *s;
	char sql[256];
	int rc;

	if (!tables[t].identity || !fmt)
		return 0;
	snprintf(sql, sizeof(sql), fmt, tables[t].name, tables[t].name);
	if ((rc = store_prepare(to, sql, &s, err)) < 0)
		return rc;
	rc = store_step(to, s, err);
	to->drv->finalize(s);
	return rc < 0 ? rc : 0;
}

/* The copy itself, in the audit trail of every workspace it brought. */
static int note_copy(struct store *to, const struct store_audit *note, struct mu_error *err)
{
	struct driver_stmt *s;
	mu_id ws[256];
	size_t n = 0;
	int rc;

	if ((rc = store_prepare(to, "SELECT id FROM workspace ORDER BY id", &s, err)) < 0)
		return rc;
	while (rc >= 0) {
		n = 0;
		while (n < sizeof(ws) / sizeof(ws[0]) && (rc = store_step(to, s, err)) > 0)
			ws[n++] = to->drv->column_int(s, 0);
		for (size_t i = 0; i < n && rc >= 0; i++)
			rc = store_audit_add(to, ws[i], note, err);
		if (n < sizeof(ws) / sizeof(ws[0]))
			break;
	}
	to->drv->finalize(s);
	return rc < 0 ? rc : 0;
}

static int is_empty(struct store *to, struct mu_error *err)
{
	struct driver_stmt *s;
	int rc;

	if ((rc = store_prepare(to, "SELECT (SELECT count(*) FROM workspace) +"
				" (SELECT count(*) FROM account)", &s, err)) < 0)
		return rc;
	if ((rc = store_step(to, s, err)) > 0)
		rc = to->drv->column_int(s, 0) == 0;
	to->drv->finalize(s);
	return rc;
}

const char *store_driver_name(const struct store *st)
{
	return st->drv->name;
}

const char *store_copy_table(size_t i)
{
	return i < N_TABLES ? tables[i].name : NULL;
}

int store_copy(struct store *from, struct store *to, const struct store_audit *note,
	       long rows[], struct mu_error *err)
{
	int rc;

	if (dialect_of(from) < 0 || dialect_of(to) < 0)
		return mu_fail(err, MU_EINVAL, "", "copying needs SQLite or PostgreSQL on both sides");
	if ((rc = store_begin(from, STORE_READ, err)) < 0)
		return rc;
	if ((rc = store_begin(to, STORE_WRITE, err)) < 0) {
		store_end(from, 0, NULL);
		return rc;
	}
	rc = is_empty(to, err);
	if (rc == 0)
		rc = mu_fail(err, MU_ECONFLICT, "--to", "the target database is not empty: it has"
			     " workspaces or accounts; copy into a new database");
	for (size_t t = 0; rc >= 0 && t < N_TABLES; t++)
		if ((rc = copy_table(from, to, t, &rows[t], err)) >= 0)
			rc = sync_identity(to, t, err);
	if (rc >= 0 && note)
		rc = note_copy(to, note, err);
	rc = store_end(to, rc < 0 ? rc : 0, err);
	store_end(from, 0, NULL);
	return rc;
}
