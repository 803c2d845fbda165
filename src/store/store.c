/*
 * store.c - workspaces and records on a driver.
 *
 * The SQL of the record statements is composed once per connection from the field
 * tables of core/model.c (identifiers from those tables only, never from input) and
 * prepared persistently; every statement on workspace data has workspace_id = $1.
 * Migrations are the embedded files src/store/migrations/NNNN-name.sql, applied in
 * order, each in its own transaction, recorded in schema_migrations; a file whose
 * leading comment says "-- driver: NAME" is for that driver only, and another driver
 * supplies its own file with the same number.
 *
 * Full-text search is the one statement that cannot be portable: search_dialects[]
 * holds it once per driver, with the function that turns the caller's terms into that
 * engine's query text (FTS5 MATCH strings on SQLite, tsquery text on PostgreSQL).
 *
 * The driver is chosen by the URL: postgres:// or postgresql:// is PostgreSQL (pg.c),
 * anything else a SQLite file (sqlite.c). A driver with a ddl() rewrites the portable
 * migrations into its dialect (pg.c: SQLite's type names into PostgreSQL's).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "core/buf.h"
#include "core/embedded.h"
#include "core/banned.h"

extern const struct embedded_file store_migrations[];
extern const size_t store_migrations_count;

static const char *const fixed_sql[ST_COUNT] = {
	[ST_WS_ADD] = "INSERT INTO workspace (name, kind, locale, currency, settings,"
		      " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
	[ST_WS_LIST] = "SELECT id, name, kind, locale, currency, settings, created_at"
		       " FROM workspace ORDER BY id",
	[ST_WS_GET] = "SELECT id, name, kind, locale, currency, settings, created_at"
		      " FROM workspace WHERE id = $1",
	[ST_WS_UPDATE] = "UPDATE workspace SET name = $2, kind = $3, locale = $4, currency = $5,"
			 " settings = $6, updated_at = $7 WHERE id = $1 RETURNING id",
	[ST_WS_NEXT_ID] = "UPDATE workspace SET next_id = next_id + 1 WHERE id = $1"
			  " RETURNING next_id - 1",
	[ST_WS_RESERVE] = "UPDATE workspace SET next_id = $2 WHERE id = $1 AND next_id < $2",
	[ST_PERSON_REFS] = "SELECT entity, count(*) FROM person_ref WHERE workspace_id = $1"
			   " AND person_id = $2 GROUP BY entity ORDER BY entity",
	[ST_WS_BUMP] = "UPDATE workspace SET revision = revision + 1 WHERE id = $1",
	[ST_WS_REVISION] = "SELECT revision FROM workspace WHERE id = $1",
};

const char *driver_next_param(const char *p)
{
	char quote = 0;

	for (; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
		} else if (*p == '$' && p[1] >= '0' && p[1] <= '9') {
			return p;
		}
	}
	return NULL;
}

int store_step(struct store *st, struct driver_stmt *s, struct mu_error *err)
{
	if (st->fail_at && ++st->calls >= st->fail_at)
		return mu_fail(err, MU_EDB, "", "injected fault at store call %ld", st->calls);
	return st->drv->step(s, err);
}

void store_fail_at(struct store *st, long nth)
{
	st->fail_at = nth;
	st->calls = 0;
}

int store_schema_version(struct store *st)
{
	return st->version;
}

/* Column list of a field: money has two or three columns; a key is the id column. */
static int add_columns(struct mu_buf *b, const struct field_def *f, const char *fmt_prefix,
		       int *count)
{
	int rc = 0;

	if (f->flags & FF_KEY)
		return 0;
	if (f->type == FT_MONEY) {
		rc = mu_buf_addf(b, "%s\"%s_amount\", \"%s_currency\"", fmt_prefix, f->name,
				 f->name);
		*count += 2;
		if (!rc && (f->flags & FF_PER)) {
			rc = mu_buf_addf(b, ", \"%s_per\"", f->name);
			(*count)++;
		}
		return rc;
	}
	(*count)++;
	return mu_buf_addf(b, "%s\"%s\"", fmt_prefix, f->name);
}

static int column_list(struct mu_buf *b, const struct entity_def *e, int *count)
{
	int rc = 0, first = 1;

	*count = 0;
	for (size_t i = 0; i < e->nfields && !rc; i++) {
		if (e->fields[i].flags & FF_KEY)
			continue;
		rc = add_columns(b, &e->fields[i], first ? "" : ", ", count);
		first = 0;
	}
	return rc;
}

int store_prepare(struct store *st, const char *sql, struct driver_stmt **out,
		   struct mu_error *err)
{
	int rc = st->drv->prepare(st->conn, sql, out, err);
	char why[sizeof(err->message)];

	if (rc < 0) {
		/* a copy: the message may not be formatted from itself */
		snprintf(why, sizeof(why), "%s", err->message);
		mu_fail(err, rc, "", "%s (in: %.200s)", why, sql);
	}
	return rc;
}

static int prepare_entity(struct store *st, const struct entity_def *e, struct mu_error *err)
{
	struct entity_stmts *es = &st->ent[e->kind];
	struct mu_buf cols, sql;
	int ncols, rc;

	mu_buf_init(&cols, 1 << 16);
	mu_buf_init(&sql, 1 << 16);
	if ((rc = column_list(&cols, e, &ncols)) < 0)
		goto out;
	mu_buf_addf(&sql, "SELECT id, %s FROM %s WHERE workspace_id = $1 AND id = $2",
		    mu_buf_str(&cols), e->table);
	if ((rc = store_prepare(st, mu_buf_str(&sql), &es->get, err)) < 0)
		goto out;
	mu_buf_reset(&sql);
	mu_buf_addf(&sql, "SELECT id, %s FROM %s WHERE workspace_id = $1 AND id > $2"
		    " ORDER BY id LIMIT $3", mu_buf_str(&cols), e->table);
	if ((rc = store_prepare(st, mu_buf_str(&sql), &es->list, err)) < 0)
		goto out;
	mu_buf_reset(&sql);
	mu_buf_addf(&sql, "INSERT INTO %s (workspace_id, id, created_at, updated_at, %s)"
		    " VALUES ($1, $2, $3, $3", e->table, mu_buf_str(&cols));
	for (int i = 0; i < ncols; i++)
		mu_buf_addf(&sql, ", $%d", i + 4);
	mu_buf_adds(&sql, ")");
	if ((rc = store_prepare(st, mu_buf_str(&sql), &es->insert, err)) < 0)
		goto out;
	/* UPDATE ... SET "a" = $4, "b" = $5 ...: rebuild the list with placeholders */
	mu_buf_reset(&sql);
	mu_buf_addf(&sql, "UPDATE %s SET updated_at = $3", e->table);
	{
		int n = 4;
		for (size_t i = 0; i < e->nfields; i++) {
			const struct field_def *f = &e->fields[i];
			if (f->flags & FF_KEY)
				continue;
			if (f->type == FT_MONEY) {
				mu_buf_addf(&sql, ", \"%s_amount\" = $%d, \"%s_currency\" = $%d",
					    f->name, n, f->name, n + 1);
				n += 2;
				if (f->flags & FF_PER)
					mu_buf_addf(&sql, ", \"%s_per\" = $%d", f->name, n++);
			} else {
				mu_buf_addf(&sql, ", \"%s\" = $%d", f->name, n++);
			}
		}
	}
	mu_buf_adds(&sql, " WHERE workspace_id = $1 AND id = $2 RETURNING id");
	if ((rc = store_prepare(st, mu_buf_str(&sql), &es->update, err)) < 0)
		goto out;
	mu_buf_reset(&sql);
	mu_buf_addf(&sql, "DELETE FROM %s WHERE workspace_id = $1 AND id = $2 RETURNING id",
		    e->table);
	if ((rc = store_prepare(st, mu_buf_str(&sql), &es->del, err)) < 0)
		goto out;
	mu_buf_reset(&sql);
	mu_buf_addf(&sql, "SELECT 1 FROM %s WHERE workspace_id = $1 AND id = $2", e->table);
	if ((rc = store_prepare(st, mu_buf_str(&sql), &es->exists, err)) < 0)
		goto out;
	mu_buf_reset(&sql);
	if (model_key_index(e) >= 0)
		mu_buf_addf(&sql, "SELECT id, CAST(id AS TEXT) AS title, NULL FROM %s"
			    " WHERE workspace_id = $1 ORDER BY id", e->table);
	else
		mu_buf_addf(&sql, "SELECT id, \"%s\", %s FROM %s WHERE workspace_id = $1"
			    " ORDER BY id", e->title, e->kind == ENT_PERSON ? "\"emails\"" : "NULL",
			    e->table);
	if ((rc = store_prepare(st, mu_buf_str(&sql), &es->names, err)) < 0)
		goto out;
	mu_buf_reset(&sql);
	mu_buf_addf(&sql, "DELETE FROM person_ref WHERE workspace_id = $1 AND entity = '%s'"
		    " AND record_id = $2", e->table);
	if ((rc = store_prepare(st, mu_buf_str(&sql), &es->del_refs, err)) < 0)
		goto out;
	mu_buf_reset(&sql);
	mu_buf_addf(&sql, "INSERT INTO person_ref (workspace_id, entity, record_id, person_id)"
		    " VALUES ($1, '%s', $2, $3) ON CONFLICT DO NOTHING", e->table);
	rc = store_prepare(st, mu_buf_str(&sql), &es->add_ref, err);
out:
	mu_buf_release(&cols);
	mu_buf_release(&sql);
	return rc;
}

/* For each top-level reference field of every entity, a count statement on its target. */
static int prepare_referrers(struct store *st, struct mu_error *err)
{
	char sql[512];
	int rc;

	for (int k = 0; k < ENT_COUNT; k++) {
		const struct entity_def *e = model_entity(k);
		for (size_t i = 0; i < e->nfields; i++) {
			const struct field_def *f = &e->fields[i];
			struct entity_stmts *target;
			struct referrer *r;

			if (f->type != FT_REF)
				continue;
			target = &st->ent[f->ref];
			if (target->nreferrers == MAX_REFERRERS)
				MU_BUG("too many referrers; raise MAX_REFERRERS");
			r = &target->referrers[target->nreferrers++];
			r->e = e;
			r->f = f;
			snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s WHERE workspace_id = $1"
				 " AND \"%s\" = $2", e->table, (f->flags & FF_KEY) ? "id" : f->name);
			if (f->flags & FF_KEY)
				snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s"
					 " WHERE workspace_id = $1 AND id = $2", e->table);
			if ((rc = store_prepare(st, sql, &r->count, err)) < 0)
				return rc;
		}
	}
	return 0;
}

/* 1 if migration text m is for driver d: it names no driver, or names d, in a
 * "-- driver: NAME" line of its leading comment. */
static int migration_for(const struct driver *d, const char *m)
{
	size_t len = strlen(d->name);

	while (!strncmp(m, "--", 2)) {
		if (!strncmp(m, "-- driver: ", 11))
			return !strncmp(m + 11, d->name, len) &&
			       (m[11 + len] == '\n' || m[11 + len] == '\r' || !m[11 + len]);
		m += strcspn(m, "\n");
		if (*m)
			m++;
	}
	return 1;
}

/* ---- full-text search: the per-driver part ---- */

struct search_dialect {
	const char *driver;	/* struct driver's name */
	/* Takeaways matching: $1 workspace, $2 the text match() made, $3 limit (-1: all),
	 * $4 offset; best first, then by id. %s is the takeaway's column list. */
	const char *sql;
	/* Append the engine's query text for the terms to out; < 0 if it is too long. */
	int (*match)(const struct store_search_term *terms, size_t n, struct mu_buf *out);
};

/* FTS5: each term one string, so that nothing the user typed is read as query syntax
 * (AND, OR, NEAR, parentheses, column filters, ^): a '"' inside is doubled, several
 * words make a phrase, and a '*' after the string makes its last word a prefix.
 * Strings side by side must all match. */
static int fts5_match(const struct store_search_term *terms, size_t n, struct mu_buf *out)
{
	int rc = 0;

	for (size_t i = 0; i < n && !rc; i++) {
		rc = mu_buf_adds(out, i ? " \"" : "\"");
		for (size_t w = 0; w < terms[i].nwords && !rc; w++) {
			const char *p = terms[i].words[w];
			if (w)
				rc = mu_buf_adds(out, " ");
			for (; *p && !rc; p++)
				rc = *p == '"' ? mu_buf_adds(out, "\"\"") : mu_buf_add(out, p, 1);
		}
		if (!rc)
			rc = mu_buf_adds(out, terms[i].prefix ? "\"*" : "\"");
	}
	return rc;
}

/* to_tsquery: each word one quoted lexeme ('' and \\ escape a quote and a backslash),
 * so that nothing the user typed is read as an operator (& | ! <-> :* parentheses);
 * the words of a term are a phrase (<->), the last with :* if it is a prefix, and the
 * terms must all match (&). */
static int tsquery_match(const struct store_search_term *terms, size_t n, struct mu_buf *out)
{
	int rc = 0;

	for (size_t i = 0; i < n && !rc; i++) {
		if (i)
			rc = mu_buf_adds(out, " & ");
		for (size_t w = 0; w < terms[i].nwords && !rc; w++) {
			const char *p = terms[i].words[w];
			rc = mu_buf_adds(out, w ? " <-> '" : "'");
			for (; *p && !rc; p++)
				rc = *p == '\'' ? mu_buf_adds(out, "''") :
				     *p == '\\' ? mu_buf_adds(out, "\\\\") : mu_buf_add(out, p, 1);
			if (!rc)
				rc = mu_buf_adds(out, terms[i].prefix && w + 1 == terms[i].nwords ?
						 "':*" : "'");
		}
	}
	return rc;
}

static const struct search_dialect search_dialects[] = {
	/* bm25() is FTS5's relevance, lower is better. CROSS JOIN keeps FTS5 first: the
	 * match finds the documents, takeaway_search scopes them to the workspace. */
	{ "sqlite",
	  "WITH hits AS (SELECT s.takeaway_id AS hit, bm25(takeaway_fts) AS score"
	  " FROM takeaway_fts CROSS JOIN takeaway_search s ON s.doc = takeaway_fts.rowid"
	  " WHERE s.workspace_id = $1 AND takeaway_fts MATCH $2)"
	  " SELECT id, %s FROM hits CROSS JOIN takeaway ON takeaway.workspace_id = $1"
	  " AND takeaway.id = hits.hit ORDER BY hits.score, takeaway.id LIMIT $3 OFFSET $4",
	  fts5_match },
	/* PostgreSQL, on its own 0002 and 0007: the tsvector column search_doc with a GIN
	 * index, in the workspace's language, which reads the query too. ts_rank() is
	 * higher for better matches. */
	{ "postgresql",
	  "SELECT id, %s FROM takeaway WHERE workspace_id = $1"
	  " AND search_doc @@ to_tsquery(mutua_search_config($1), $2)"
	  " ORDER BY ts_rank(search_doc, to_tsquery(mutua_search_config($1), $2)) DESC, id"
	  " LIMIT $3 OFFSET $4",
	  tsquery_match },
};

static int prepare_search(struct store *st, struct mu_error *err)
{
	struct mu_buf cols, sql;
	int ncols, rc = 0;

	for (size_t i = 0; i < sizeof(search_dialects) / sizeof(search_dialects[0]); i++)
		if (!strcmp(search_dialects[i].driver, st->drv->name))
			st->search = &search_dialects[i];
	if (!st->search)
		return 0;
	mu_buf_init(&cols, 1 << 16);
	mu_buf_init(&sql, 1 << 16);
	if ((rc = column_list(&cols, model_entity(ENT_TAKEAWAY), &ncols)) == 0 &&
	    (rc = mu_buf_addf(&sql, st->search->sql, mu_buf_str(&cols))) == 0)
		rc = store_prepare(st, mu_buf_str(&sql), &st->takeaway_search, err);
	else
		rc = mu_fail(err, MU_ETOOBIG, "", "the search statement is too long");
	mu_buf_release(&cols);
	mu_buf_release(&sql);
	return rc;
}

/* The text of migration m for driver d in text: as written, or as d->ddl rewrites it. */
static int migration_text(const struct driver *d, const struct embedded_file *m,
			  struct mu_buf *text, struct mu_error *err)
{
	int rc;

	mu_buf_reset(text);
	rc = d->ddl ? d->ddl((const char *)m->data, text) :
		      mu_buf_adds(text, (const char *)m->data);
	return rc < 0 ? mu_fail(err, MU_ETOOBIG, "", "migration %s is too long", m->name) : 0;
}

static int run_migrations(struct store *st, struct mu_error *err)
{
	struct driver_stmt *get = NULL, *put = NULL;
	struct mu_buf text;
	int rc, version = 0;

	mu_buf_init(&text, 1 << 22);

	if ((rc = st->drv->exec(st->conn, "CREATE TABLE IF NOT EXISTS schema_migrations ("
				"version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
				" applied_at TEXT NOT NULL)", err)) < 0)
		goto out;
	if ((rc = store_prepare(st, "SELECT coalesce(max(version), 0) FROM schema_migrations",
			  &get, err)) < 0 ||
	    (rc = store_prepare(st, "INSERT INTO schema_migrations (version, name, applied_at)"
			  " VALUES ($1, $2, $3)", &put, err)) < 0)
		goto out;
	if ((rc = st->drv->step(get, err)) < 0)
		goto out;
	version = (int)st->drv->column_int(get, 0);
	st->drv->reset(get);
	for (size_t i = 0; i < store_migrations_count; i++) {
		const struct embedded_file *m = &store_migrations[i];
		int v = atoi(m->name);

		if (v <= version || !migration_for(st->drv, (const char *)m->data))
			continue;
		if ((rc = migration_text(st->drv, m, &text, err)) < 0 ||
		    (rc = st->drv->begin(st->conn, 1, err)) < 0)
			goto out;
		if ((rc = st->drv->exec(st->conn, mu_buf_str(&text), err)) < 0) {
			char why[sizeof(err->message)];

			st->drv->rollback(st->conn);
			snprintf(why, sizeof(why), "%s", err->message);	/* not from itself */
			mu_fail(err, rc, "", "migration %s failed: %s", m->name, why);
			goto out;
		}
		st->drv->bind_int(put, 1, v);
		st->drv->bind_text(put, 2, m->name);
		st->drv->bind_text(put, 3, "migration");
		rc = st->drv->step(put, err);
		st->drv->reset(put);
		if (rc < 0 || (rc = st->drv->commit(st->conn, err)) < 0) {
			st->drv->rollback(st->conn);
			goto out;
		}
		version = v;
	}
	st->version = version;
	rc = 0;
out:
	st->drv->finalize(get);
	st->drv->finalize(put);
	mu_buf_release(&text);
	return rc;
}

int store_open(const char *url, struct store **out, struct mu_error *err)
{
	struct store *st = calloc(1, sizeof(*st));
	int rc;

	if (!st)
		return mu_fail(err, MU_ENOMEM, "", "out of memory");
	if (!strncmp(url, "postgres://", 11) || !strncmp(url, "postgresql://", 13))
		st->drv = &driver_pg;
	else
		st->drv = &driver_sqlite;
	if ((rc = st->drv->open(url, &st->conn, err)) < 0) {
		free(st);
		return rc;
	}
	if ((rc = run_migrations(st, err)) < 0)
		goto fail;
	for (int i = 0; i < ST_COUNT; i++)
		if ((rc = store_prepare(st, fixed_sql[i], &st->fixed[i], err)) < 0)
			goto fail;
	for (int k = 0; k < ENT_COUNT; k++)
		if ((rc = prepare_entity(st, model_entity(k), err)) < 0)
			goto fail;
	if ((rc = prepare_referrers(st, err)) < 0 || (rc = prepare_search(st, err)) < 0 ||
	    (rc = store_access_open(st, err)) < 0)
		goto fail;
	*out = st;
	return 0;
fail:
	store_close(st);
	return rc;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	for (int i = 0; i < ST_COUNT; i++)
		st->drv->finalize(st->fixed[i]);
	st->drv->finalize(st->takeaway_search);
	store_access_close(st);
	for (int k = 0; k < ENT_COUNT; k++) {
		struct entity_stmts *es = &st->ent[k];
		struct driver_stmt *all[] = { es->get, es->list, es->insert, es->update, es->del,
					      es->exists, es->names, es->del_refs, es->add_ref };
		for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
			st->drv->finalize(all[i]);
		for (size_t i = 0; i < es->nreferrers; i++)
			st->drv->finalize(es->referrers[i].count);
	}
	st->drv->close(st->conn);
	free(st);
}

int store_begin(struct store *st, enum store_mode mode, struct mu_error *err)
{
	st->dirty_ws = 0;
	return st->drv->begin(st->conn, mode == STORE_WRITE, err);
}

static int bump(struct store *st, mu_id ws, struct mu_error *err)
{
	struct driver_stmt *s = st->fixed[ST_WS_BUMP];
	int rc;

	st->drv->bind_int(s, 1, ws);
	rc = store_step(st, s, err);
	st->drv->reset(s);
	return rc < 0 ? rc : 0;
}

int store_touch(struct store *st, mu_id ws, struct mu_error *err)
{
	int rc = 0;

	if (st->dirty_ws && st->dirty_ws != ws)	/* a second workspace: the first's now */
		rc = bump(st, st->dirty_ws, err);
	st->dirty_ws = ws;
	return rc;
}

/* The one integer a workspace statement k answers for ws. */
static int workspace_int(struct store *st, enum fixed_stmt k, mu_id ws, int64_t *out,
			 struct mu_error *err)
{
	struct driver_stmt *s = st->fixed[k];
	int rc;

	st->drv->bind_int(s, 1, ws);
	if ((rc = store_one_row(st, s, err)) <= 0)
		return rc < 0 ? rc : mu_fail(err, MU_ENOTFOUND, "", "no workspace %lld",
					     (long long)ws);
	*out = st->drv->column_int(s, 0);
	st->drv->reset(s);
	return 0;
}

int store_workspace_revision(struct store *st, mu_id ws, int64_t *revision,
			     struct mu_error *err)
{
	return workspace_int(st, ST_WS_REVISION, ws, revision, err);
}

int store_end(struct store *st, int rc, struct mu_error *err)
{
	int crc;
	mu_id dirty = st->dirty_ws;

	st->dirty_ws = 0;
	if (rc >= 0 && dirty && (crc = bump(st, dirty, err)) < 0)
		rc = crc;
	if (rc < 0) {
		st->drv->rollback(st->conn);
		return rc;
	}
	if ((crc = st->drv->commit(st->conn, err)) < 0) {
		st->drv->rollback(st->conn);
		return crc;
	}
	return rc;
}

/* Run a statement that returns at most one row; returns 1 with the row current (the
 * caller must reset), 0 if none (already reset), < 0 on error (already reset). */
int store_one_row(struct store *st, struct driver_stmt *s, struct mu_error *err)
{
	int rc = store_step(st, s, err);
	if (rc <= 0)
		st->drv->reset(s);
	return rc;
}

/* ---- workspaces ---- */

static void workspace_row(struct store *st, struct driver_stmt *s, struct mu_arena *a,
			  struct workspace *w)
{
	const struct driver *d = st->drv;

	w->id = d->column_int(s, 0);
	w->name = mu_strdup(a, d->column_text(s, 1));
	w->kind = mu_strdup(a, d->column_text(s, 2));
	w->locale = mu_strdup(a, d->column_text(s, 3));
	w->currency = mu_strdup(a, d->column_text(s, 4));
	w->settings = mu_strdup(a, d->column_text(s, 5));
	w->created_at = mu_strdup(a, d->column_text(s, 6));
}

int store_workspace_add(struct store *st, const struct workspace *w, mu_time now, mu_id *id,
			struct mu_error *err)
{
	struct driver_stmt *s = st->fixed[ST_WS_ADD];
	char ts[MU_TIME_LEN];
	int rc;

	mu_time_format(now, ts);
	st->drv->bind_text(s, 1, w->name);
	st->drv->bind_text(s, 2, w->kind);
	st->drv->bind_text(s, 3, w->locale);
	st->drv->bind_text(s, 4, w->currency);
	st->drv->bind_text(s, 5, w->settings);
	st->drv->bind_text(s, 6, ts);
	rc = store_one_row(st, s, err);
	if (rc == MU_ECONFLICT)
		return mu_fail(err, MU_ECONFLICT, "name", "a workspace named '%s' exists already",
			       w->name);
	if (rc <= 0)
		return rc < 0 ? rc : mu_fail(err, MU_EDB, "", "workspace insert returned no id");
	*id = st->drv->column_int(s, 0);
	st->drv->reset(s);
	return 0;
}

int store_workspace_list(struct store *st, struct mu_arena *a, struct workspace **out,
			 size_t *n, struct mu_error *err)
{
	struct driver_stmt *s = st->fixed[ST_WS_LIST];
	size_t cap = 8;
	int rc;

	*n = 0;
	*out = mu_alloc_array(a, cap, sizeof(**out));
	while ((rc = store_step(st, s, err)) == 1) {
		*out = mu_grow(a, *out, *n, &cap, sizeof(**out));
		workspace_row(st, s, a, &(*out)[(*n)++]);
	}
	st->drv->reset(s);
	return rc < 0 ? rc : 0;
}

int store_workspace_get(struct store *st, struct mu_arena *a, mu_id id, struct workspace *out,
			struct mu_error *err)
{
	struct driver_stmt *s = st->fixed[ST_WS_GET];
	int rc;

	st->drv->bind_int(s, 1, id);
	if ((rc = store_one_row(st, s, err)) <= 0)
		return rc < 0 ? rc : mu_fail(err, MU_ENOTFOUND, "--workspace",
					     "no workspace %lld", (long long)id);
	workspace_row(st, s, a, out);
	st->drv->reset(s);
	return 0;
}

int store_workspace_update(struct store *st, const struct workspace *w, mu_time now,
			   struct mu_error *err)
{
	struct driver_stmt *s = st->fixed[ST_WS_UPDATE];
	char ts[MU_TIME_LEN];
	int rc;

	if ((rc = store_touch(st, w->id, err)) < 0)
		return rc;
	mu_time_format(now, ts);
	st->drv->bind_int(s, 1, w->id);
	st->drv->bind_text(s, 2, w->name);
	st->drv->bind_text(s, 3, w->kind);
	st->drv->bind_text(s, 4, w->locale);
	st->drv->bind_text(s, 5, w->currency);
	st->drv->bind_text(s, 6, w->settings);
	st->drv->bind_text(s, 7, ts);
	rc = store_one_row(st, s, err);
	if (rc == MU_ECONFLICT)
		return mu_fail(err, MU_ECONFLICT, "name", "a workspace named '%s' exists already",
			       w->name);
	if (rc <= 0)
		return rc < 0 ? rc : mu_fail(err, MU_ENOTFOUND, "", "no workspace %lld",
					     (long long)w->id);
	st->drv->reset(s);
	return 0;
}

int store_reserve_ids(struct store *st, mu_id ws, mu_id max_id, struct mu_error *err)
{
	struct driver_stmt *s = st->fixed[ST_WS_RESERVE];
	int rc;

	st->drv->bind_int(s, 1, ws);
	st->drv->bind_int(s, 2, max_id + 1);
	rc = store_step(st, s, err);
	st->drv->reset(s);
	return rc < 0 ? rc : 0;
}

static int next_id(struct store *st, mu_id ws, mu_id *id, struct mu_error *err)
{
	int64_t v = 0;
	int rc = workspace_int(st, ST_WS_NEXT_ID, ws, &v, err);

	*id = v;
	return rc;
}

/* ---- records ---- */

/* Bind the field values from parameter n on; returns the next parameter number. */
static int bind_values(struct store *st, struct driver_stmt *s, const struct mu_record *r,
		       int n)
{
	const struct driver *d = st->drv;
	const struct entity_def *e = r->ent;

	for (size_t i = 0; i < e->nfields; i++) {
		const struct field_def *f = &e->fields[i];
		const struct mu_value *v = &r->v[i];

		if (f->flags & FF_KEY)
			continue;
		switch (f->type) {
		case FT_INT:
		case FT_REF:
			if (v->set)
				d->bind_int(s, n, v->i);
			else
				d->bind_null(s, n);
			n++;
			break;
		case FT_BOOL:
			d->bind_int(s, n++, v->set && v->i);
			break;
		case FT_REAL:
			if (v->set)
				d->bind_real(s, n, v->r);
			else
				d->bind_null(s, n);
			n++;
			break;
		case FT_MONEY:
			if (v->set)
				d->bind_int(s, n, v->i);
			else
				d->bind_null(s, n);
			d->bind_text(s, n + 1, v->set ? v->s : NULL);
			n += 2;
			if (f->flags & FF_PER)
				d->bind_text(s, n++, v->set ? v->per : NULL);
			break;
		default:
			d->bind_text(s, n++, v->set ? v->s : NULL);
			break;
		}
	}
	return n;
}

static void read_values(struct store *st, struct driver_stmt *s, struct mu_arena *a,
			struct mu_record *r)
{
	const struct driver *d = st->drv;
	const struct entity_def *e = r->ent;
	int col = 1;

	r->id = d->column_int(s, 0);
	for (size_t i = 0; i < e->nfields; i++) {
		const struct field_def *f = &e->fields[i];
		struct mu_value *v = &r->v[i];

		if (f->flags & FF_KEY) {
			v->set = 1;
			v->i = r->id;
			continue;
		}
		v->set = !d->column_null(s, col);
		switch (f->type) {
		case FT_INT:
		case FT_REF:
		case FT_BOOL:
			v->i = d->column_int(s, col++);
			if (f->type == FT_BOOL)
				v->set = v->i != 0;
			break;
		case FT_REAL:
			v->r = d->column_real(s, col++);
			break;
		case FT_MONEY:
			v->i = d->column_int(s, col);
			v->s = v->set ? mu_strdup(a, d->column_text(s, col + 1)) : NULL;
			col += 2;
			if (f->flags & FF_PER)
				v->per = v->set ? mu_strdup(a, d->column_text(s, col)) : NULL;
			col += (f->flags & FF_PER) ? 1 : 0;
			break;
		default:
			v->s = v->set ? mu_strdup(a, d->column_text(s, col)) : NULL;
			col++;
			break;
		}
	}
}

static struct mu_record *new_record(struct mu_arena *a, const struct entity_def *e)
{
	struct mu_record *r = mu_alloc(a, sizeof(*r));
	r->ent = e;
	r->v = mu_alloc_array(a, e->nfields, sizeof(*r->v));
	return r;
}

static int write_person_refs(struct store *st, mu_id ws, const struct mu_record *r,
			     struct mu_error *err)
{
	struct entity_stmts *es = &st->ent[r->ent->kind];
	int rc;

	st->drv->bind_int(es->del_refs, 1, ws);
	st->drv->bind_int(es->del_refs, 2, r->id);
	rc = store_step(st, es->del_refs, err);
	st->drv->reset(es->del_refs);
	for (size_t i = 0; rc >= 0 && i < r->n_person_refs; i++) {
		st->drv->bind_int(es->add_ref, 1, ws);
		st->drv->bind_int(es->add_ref, 2, r->id);
		st->drv->bind_int(es->add_ref, 3, r->person_refs[i]);
		rc = store_step(st, es->add_ref, err);
		st->drv->reset(es->add_ref);
	}
	return rc < 0 ? rc : 0;
}

int store_record_insert(struct store *st, mu_id ws, struct mu_record *r, mu_time now,
			struct mu_error *err)
{
	struct driver_stmt *s = st->ent[r->ent->kind].insert;
	int key = model_key_index(r->ent), rc;
	char ts[MU_TIME_LEN];

	if ((rc = store_touch(st, ws, err)) < 0)
		return rc;
	if (key >= 0)
		r->id = r->v[key].i;
	else if (!r->id && (rc = next_id(st, ws, &r->id, err)) < 0)
		return rc;
	mu_time_format(now, ts);
	st->drv->bind_int(s, 1, ws);
	st->drv->bind_int(s, 2, r->id);
	st->drv->bind_text(s, 3, ts);
	bind_values(st, s, r, 4);
	rc = store_step(st, s, err);
	st->drv->reset(s);
	if (rc == MU_ECONFLICT)
		return mu_fail(err, MU_ECONFLICT, "", "%s %lld exists already or refers to a"
			       " record that does not exist", r->ent->name, (long long)r->id);
	if (rc < 0)
		return rc;
	return write_person_refs(st, ws, r, err);
}

int store_record_update(struct store *st, mu_id ws, const struct mu_record *r, mu_time now,
			struct mu_error *err)
{
	struct driver_stmt *s = st->ent[r->ent->kind].update;
	char ts[MU_TIME_LEN];
	int rc;

	if ((rc = store_touch(st, ws, err)) < 0)
		return rc;
	mu_time_format(now, ts);
	st->drv->bind_int(s, 1, ws);
	st->drv->bind_int(s, 2, r->id);
	st->drv->bind_text(s, 3, ts);
	bind_values(st, s, r, 4);
	rc = store_one_row(st, s, err);
	if (rc == 0)
		return mu_fail(err, MU_ENOTFOUND, "", "no %s %lld in this workspace", r->ent->name,
			       (long long)r->id);
	if (rc < 0)
		return rc;
	st->drv->reset(s);
	return write_person_refs(st, ws, r, err);
}

static int count_rows(struct store *st, struct driver_stmt *s, mu_id ws, mu_id id,
		      int64_t *count, struct mu_error *err)
{
	int rc;

	st->drv->bind_int(s, 1, ws);
	st->drv->bind_int(s, 2, id);
	if ((rc = store_one_row(st, s, err)) < 0)
		return rc;
	*count = rc ? st->drv->column_int(s, 0) : 0;
	st->drv->reset(s);
	return 0;
}

/* MU_ECONFLICT naming the first records that still refer to (e, id). */
static int check_referrers(struct store *st, mu_id ws, const struct entity_def *e, mu_id id,
			   struct mu_error *err)
{
	struct entity_stmts *es = &st->ent[e->kind];
	struct driver_stmt *s;
	int64_t count;
	int rc;

	for (size_t i = 0; i < es->nreferrers; i++) {
		const struct referrer *r = &es->referrers[i];
		if (r->f->flags & FF_KEY)
			continue;	/* owned: deleted with it */
		if ((rc = count_rows(st, r->count, ws, id, &count, err)) < 0)
			return rc;
		if (count)
			return mu_fail(err, MU_ECONFLICT, "", "%s %lld is still referred to by %lld"
				       " %s (field %s); remove or change those first", e->name,
				       (long long)id, (long long)count,
				       count == 1 ? r->e->name : r->e->plural, r->f->name);
	}
	if (e->kind != ENT_PERSON)
		return 0;
	s = st->fixed[ST_PERSON_REFS];
	st->drv->bind_int(s, 1, ws);
	st->drv->bind_int(s, 2, id);
	if ((rc = store_one_row(st, s, err)) <= 0)
		return rc;
	mu_fail(err, MU_ECONFLICT, "", "person %lld is still named in %lld %s record(s)"
		" (attendance, visitors or competitors); remove or change those first",
		(long long)id, (long long)st->drv->column_int(s, 1), st->drv->column_text(s, 0));
	st->drv->reset(s);
	return MU_ECONFLICT;
}

static int delete_row(struct store *st, mu_id ws, const struct entity_def *e, mu_id id,
		      struct mu_error *err)
{
	struct entity_stmts *es = &st->ent[e->kind];
	int rc;

	st->drv->bind_int(es->del_refs, 1, ws);
	st->drv->bind_int(es->del_refs, 2, id);
	rc = store_step(st, es->del_refs, err);
	st->drv->reset(es->del_refs);
	if (rc < 0)
		return rc;
	st->drv->bind_int(es->del, 1, ws);
	st->drv->bind_int(es->del, 2, id);
	rc = store_one_row(st, es->del, err);
	if (rc == 1)
		st->drv->reset(es->del);
	return rc;
}

int store_record_delete(struct store *st, mu_id ws, const struct entity_def *e, mu_id id,
			struct mu_error *err)
{
	struct entity_stmts *es = &st->ent[e->kind];
	int rc;

	if ((rc = store_touch(st, ws, err)) < 0)
		return rc;
	if ((rc = store_record_exists(st, ws, e, id, err)) <= 0)
		return rc < 0 ? rc : mu_fail(err, MU_ENOTFOUND, "", "no %s %lld in this workspace",
					     e->name, (long long)id);
	if ((rc = check_referrers(st, ws, e, id, err)) < 0)
		return rc;
	for (size_t i = 0; i < es->nreferrers; i++)
		if ((es->referrers[i].f->flags & FF_KEY) &&
		    (rc = delete_row(st, ws, es->referrers[i].e, id, err)) < 0)
			return rc;
	if ((rc = delete_row(st, ws, e, id, err)) < 0)
		return rc == MU_ECONFLICT ?
		       mu_fail(err, MU_ECONFLICT, "", "%s %lld is still referred to", e->name,
			       (long long)id) : rc;
	return 0;
}

int store_record_exists(struct store *st, mu_id ws, const struct entity_def *e, mu_id id,
			struct mu_error *err)
{
	struct driver_stmt *s = st->ent[e->kind].exists;
	int rc;

	st->drv->bind_int(s, 1, ws);
	st->drv->bind_int(s, 2, id);
	rc = store_one_row(st, s, err);
	if (rc == 1)
		st->drv->reset(s);
	return rc;
}

int store_record_get(struct store *st, struct mu_arena *a, mu_id ws,
		     const struct entity_def *e, mu_id id, struct mu_record **out,
		     struct mu_error *err)
{
	struct driver_stmt *s = st->ent[e->kind].get;
	int rc;

	st->drv->bind_int(s, 1, ws);
	st->drv->bind_int(s, 2, id);
	if ((rc = store_one_row(st, s, err)) <= 0)
		return rc < 0 ? rc : mu_fail(err, MU_ENOTFOUND, "", "no %s %lld in this workspace",
					     e->name, (long long)id);
	*out = new_record(a, e);
	read_values(st, s, a, *out);
	st->drv->reset(s);
	return 0;
}

/* Step s (bound) to the end, reading records of e into a new arena array. */
static int read_records(struct store *st, struct mu_arena *a, struct driver_stmt *s,
			const struct entity_def *e, size_t cap, struct mu_record **out,
			size_t *n, struct mu_error *err)
{
	int rc;

	*n = 0;
	*out = mu_alloc_array(a, cap, sizeof(**out));
	while ((rc = store_step(st, s, err)) == 1) {
		*out = mu_grow(a, *out, *n, &cap, sizeof(**out));
		struct mu_record *r = &(*out)[(*n)++];
		r->ent = e;
		r->v = mu_alloc_array(a, e->nfields, sizeof(*r->v));
		read_values(st, s, a, r);
	}
	st->drv->reset(s);
	return rc < 0 ? rc : 0;
}

int store_record_list(struct store *st, struct mu_arena *a, mu_id ws,
		      const struct entity_def *e, mu_id after, size_t limit,
		      struct mu_record **out, size_t *n, struct mu_error *err)
{
	struct driver_stmt *s = st->ent[e->kind].list;

	st->drv->bind_int(s, 1, ws);
	st->drv->bind_int(s, 2, after);
	st->drv->bind_int(s, 3, limit ? (int64_t)limit : INT64_MAX);	/* PostgreSQL: no -1 */
	return read_records(st, a, s, e, limit && limit < 64 ? limit : 64, out, n, err);
}

int store_takeaway_search(struct store *st, struct mu_arena *a, mu_id ws,
			  const struct store_search_term *terms, size_t nterms, size_t offset,
			  size_t limit, struct mu_record **out, size_t *n, struct mu_error *err)
{
	struct driver_stmt *s = st->takeaway_search;
	struct mu_buf q;
	int rc;

	if (!s)
		return mu_fail(err, MU_EUSAGE, "", "full-text search is not available on %s"
			       " databases yet", st->drv->name);
	if (!nterms)
		MU_BUG("a search without terms");
	mu_buf_init(&q, 1 << 16);
	if (st->search->match(terms, nterms, &q) < 0) {
		mu_buf_release(&q);
		return mu_fail(err, MU_ETOOBIG, "q", "the search text is too long");
	}
	st->drv->bind_int(s, 1, ws);
	st->drv->bind_text(s, 2, mu_buf_str(&q));
	st->drv->bind_int(s, 3, limit ? (int64_t)limit : INT64_MAX);	/* PostgreSQL: no -1 */
	st->drv->bind_int(s, 4, (int64_t)offset);
	rc = read_records(st, a, s, model_entity(ENT_TAKEAWAY), limit && limit < 64 ? limit : 64,
			  out, n, err);
	mu_buf_release(&q);
	return rc;
}

int store_record_names(struct store *st, struct mu_arena *a, mu_id ws,
		       const struct entity_def *e, struct store_name **out, size_t *n,
		       struct mu_error *err)
{
	struct driver_stmt *s = st->ent[e->kind].names;
	size_t cap = 64;
	int rc;

	*n = 0;
	*out = mu_alloc_array(a, cap, sizeof(**out));
	st->drv->bind_int(s, 1, ws);
	while ((rc = store_step(st, s, err)) == 1) {
		*out = mu_grow(a, *out, *n, &cap, sizeof(**out));
		struct store_name *nm = &(*out)[(*n)++];
		nm->id = st->drv->column_int(s, 0);
		nm->title = mu_strdup(a, st->drv->column_text(s, 1));
		nm->emails = st->drv->column_null(s, 2) ? NULL :
			     mu_strdup(a, st->drv->column_text(s, 2));
	}
	st->drv->reset(s);
	return rc < 0 ? rc : 0;
}
