/*
 * access.c - accounts, roles, sessions, API tokens, invitations, login failures, the
 * audit trail, suppression and the owners of private records (store.h).
 *
 * Every statement is prepared once per connection from sql[] below. Tables that
 * belong to a workspace are scoped by workspace_id like the records of store.c; the
 * few statements that read across workspaces on purpose say so for check-layers.
 * Per-workspace ids (tokens, invitations, audit) are max + 1 inside the writing
 * transaction, which holds the workspace's write lock.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "core/banned.h"

enum access_stmt {
	AC_ADD, AC_GET, AC_FIND, AC_LIST, AC_UPDATE, AC_DELETE,
	AC_UNOWN_PERSON, AC_UNOWN_TIE, AC_UNOWN_EXCHANGE, AC_UNLINK,
	RO_SET, RO_GET, RO_DELETE, RO_MEMBERS, RO_GRANTS,
	SE_ADD, SE_GET, SE_TOUCH, SE_DELETE, SE_DELETE_ACCOUNT, SE_PRUNE,
	TO_ADD, TO_FIND, TO_LIST, TO_DELETE, TO_USED,
	IN_ADD, IN_FIND, IN_LIST, IN_DELETE,
	LF_ADD, LF_COUNT, LF_PRUNE,
	AU_ADD, AU_LIST,
	SU_ADD, SU_HAS,
	PR_PERSON, PR_TIE, PR_EXCHANGE,
	OW_PERSON, OW_TIE, OW_EXCHANGE,
	PE_OF_ACCOUNT, PE_LINK, PE_ACCOUNT,
	AS_COUNT
};

#define ACCOUNT_COLS "id, email, display_name, password_hash, created_at"
#define TOKEN_COLS "t.workspace_id, t.id, t.account_id, t.name, t.role, t.token_hash," \
	" t.created_at, t.expires_at, t.last_used_at, a.email"
#define INVITATION_COLS "workspace_id, id, invited_by, email, role, token_hash, created_at," \
	" expires_at"

static const char *const sql[AS_COUNT] = {
	[AC_ADD] = "INSERT INTO account (email, display_name, password_hash, created_at)"
		   " VALUES ($1, $2, $3, $4) RETURNING id",
	[AC_GET] = "SELECT " ACCOUNT_COLS " FROM account WHERE id = $1",
	[AC_FIND] = "SELECT " ACCOUNT_COLS " FROM account WHERE email = $1",
	[AC_LIST] = "SELECT " ACCOUNT_COLS " FROM account ORDER BY email",
	[AC_UPDATE] = "UPDATE account SET display_name = $2, password_hash = $3 WHERE id = $1"
		      " RETURNING id",
	[AC_DELETE] = "DELETE FROM account WHERE id = $1 RETURNING id",
	/* check-layers: all-workspaces (an account's private records, wherever they are) */
	[AC_UNOWN_PERSON] = "UPDATE person SET owner_account_id = NULL WHERE owner_account_id = $1",
	/* check-layers: all-workspaces */
	[AC_UNOWN_TIE] = "UPDATE tie SET owner_account_id = NULL WHERE owner_account_id = $1",
	/* check-layers: all-workspaces */
	[AC_UNOWN_EXCHANGE] = "UPDATE exchange SET owner_account_id = NULL"
			      " WHERE owner_account_id = $1",
	/* check-layers: all-workspaces */
	[AC_UNLINK] = "UPDATE person SET account_id = NULL WHERE account_id = $1",
	[RO_SET] = "INSERT INTO workspace_role (workspace_id, account_id, role, created_at)"
		   " VALUES ($1, $2, $3, $4) ON CONFLICT (workspace_id, account_id)"
		   " DO UPDATE SET role = excluded.role",
	[RO_GET] = "SELECT role FROM workspace_role WHERE workspace_id = $1 AND account_id = $2",
	[RO_DELETE] = "DELETE FROM workspace_role WHERE workspace_id = $1 AND account_id = $2"
		      " RETURNING account_id",
	[RO_MEMBERS] = "SELECT a.id, a.email, a.display_name, a.password_hash, a.created_at,"
		       " r.role FROM workspace_role r JOIN account a ON a.id = r.account_id"
		       " WHERE r.workspace_id = $1 ORDER BY a.email",
	/* check-layers: all-workspaces (the workspaces of one account) */
	[RO_GRANTS] = "SELECT w.id, w.name, r.role FROM workspace_role r JOIN workspace w"
		      " ON w.id = r.workspace_id WHERE r.account_id = $1 ORDER BY w.id",
	[SE_ADD] = "INSERT INTO session (token_hash, account_id, created_at, seen_at)"
		   " VALUES ($1, $2, $3, $3)",
	[SE_GET] = "SELECT account_id, created_at, seen_at FROM session WHERE token_hash = $1",
	[SE_TOUCH] = "UPDATE session SET seen_at = $2 WHERE token_hash = $1",
	[SE_DELETE] = "DELETE FROM session WHERE token_hash = $1",
	[SE_DELETE_ACCOUNT] = "DELETE FROM session WHERE account_id = $1",
	[SE_PRUNE] = "DELETE FROM session WHERE created_at < $1 OR seen_at < $2",
	[TO_ADD] = "INSERT INTO api_token (workspace_id, id, account_id, name, role, token_hash,"
		   " created_at, expires_at) VALUES ($1, (SELECT coalesce(max(id), 0) + 1 FROM"
		   " api_token WHERE workspace_id = $1), $2, $3, $4, $5, $6, $7) RETURNING id",
	[TO_FIND] = "SELECT " TOKEN_COLS " FROM api_token t JOIN account a ON a.id = t.account_id"
		    " WHERE t.workspace_id = $1 AND t.token_hash = $2",
	[TO_LIST] = "SELECT " TOKEN_COLS " FROM api_token t JOIN account a ON a.id = t.account_id"
		    " WHERE t.workspace_id = $1 ORDER BY t.id",
	[TO_DELETE] = "DELETE FROM api_token WHERE workspace_id = $1 AND id = $2 RETURNING id",
	[TO_USED] = "UPDATE api_token SET last_used_at = $3 WHERE workspace_id = $1 AND id = $2",
	[IN_ADD] = "INSERT INTO invitation (workspace_id, id, invited_by, email, role, token_hash,"
		   " created_at, expires_at) VALUES ($1, (SELECT coalesce(max(id), 0) + 1 FROM"
		   " invitation WHERE workspace_id = $1), $2, $3, $4, $5, $6, $7) RETURNING id",
	[IN_FIND] = "SELECT " INVITATION_COLS " FROM invitation WHERE workspace_id = $1"
		    " AND token_hash = $2",
	[IN_LIST] = "SELECT " INVITATION_COLS " FROM invitation WHERE workspace_id = $1 ORDER BY id",
	[IN_DELETE] = "DELETE FROM invitation WHERE workspace_id = $1 AND id = $2 RETURNING id",
	[LF_ADD] = "INSERT INTO login_failure (key, at) VALUES ($1, $2)",
	[LF_COUNT] = "SELECT count(*), coalesce(min(at), 0) FROM login_failure"
		     " WHERE key = $1 AND at >= $2",
	[LF_PRUNE] = "DELETE FROM login_failure WHERE at < $1",
	[AU_ADD] = "INSERT INTO audit (workspace_id, id, at, account_id, actor, action, entity,"
		   " entity_id, detail) VALUES ($1, (SELECT coalesce(max(id), 0) + 1 FROM audit"
		   " WHERE workspace_id = $1), $2, $3, $4, $5, $6, $7, $8)",
	[AU_LIST] = "SELECT id, at, account_id, actor, action, entity, entity_id, detail FROM audit"
		    " WHERE workspace_id = $1 AND at >= $2 AND id > $3 ORDER BY id LIMIT $4",
	[SU_ADD] = "INSERT INTO suppression (workspace_id, key, created_at) VALUES ($1, $2, $3)"
		   " ON CONFLICT (workspace_id, key) DO NOTHING",
	[SU_HAS] = "SELECT 1 FROM suppression WHERE workspace_id = $1 AND key = $2",
	[PR_PERSON] = "SELECT id, coalesce(owner_account_id, 0) FROM person"
		      " WHERE workspace_id = $1 AND private = 1",
	[PR_TIE] = "SELECT id, coalesce(owner_account_id, 0) FROM tie"
		   " WHERE workspace_id = $1 AND private = 1",
	[PR_EXCHANGE] = "SELECT id, coalesce(owner_account_id, 0) FROM exchange"
			" WHERE workspace_id = $1 AND private = 1",
	[OW_PERSON] = "UPDATE person SET owner_account_id = $3 WHERE workspace_id = $1 AND id = $2",
	[OW_TIE] = "UPDATE tie SET owner_account_id = $3 WHERE workspace_id = $1 AND id = $2",
	[OW_EXCHANGE] = "UPDATE exchange SET owner_account_id = $3 WHERE workspace_id = $1"
			" AND id = $2",
	[PE_OF_ACCOUNT] = "SELECT id FROM person WHERE workspace_id = $1 AND account_id = $2"
			  " ORDER BY id LIMIT 1",
	[PE_LINK] = "UPDATE person SET account_id = $3 WHERE workspace_id = $1 AND id = $2"
		    " RETURNING id",
	[PE_ACCOUNT] = "SELECT account_id FROM person WHERE workspace_id = $1 AND id = $2",
};

struct access_stmts {
	struct driver_stmt *s[AS_COUNT];
};

int store_access_open(struct store *st, struct mu_error *err)
{
	int rc;

	if (!(st->access = calloc(1, sizeof(*st->access))))
		return mu_fail(err, MU_ENOMEM, "", "out of memory");
	for (int i = 0; i < AS_COUNT; i++)
		if ((rc = store_prepare(st, sql[i], &st->access->s[i], err)) < 0)
			return rc;
	return 0;
}

void store_access_close(struct store *st)
{
	if (!st->access)
		return;
	for (int i = 0; i < AS_COUNT; i++)
		st->drv->finalize(st->access->s[i]);
	free(st->access);
	st->access = NULL;
}

/* Statement k with its parameters bound by fmt: 'i' an int64_t, 'o' an int64_t where 0
 * is NULL (an optional reference), 't' a text (NULL binds NULL). */
static struct driver_stmt *bound(struct store *st, enum access_stmt k, const char *fmt, ...)
{
	struct driver_stmt *s = st->access->s[k];
	va_list ap;

	va_start(ap, fmt);
	for (int i = 1; *fmt; fmt++, i++) {
		if (*fmt == 't') {
			const char *v = va_arg(ap, const char *);
			if (v)
				st->drv->bind_text(s, i, v);
			else
				st->drv->bind_null(s, i);
		} else {
			int64_t v = va_arg(ap, int64_t);
			if (*fmt == 'o' && !v)
				st->drv->bind_null(s, i);
			else
				st->drv->bind_int(s, i, v);
		}
	}
	va_end(ap);
	return s;
}

/* Run a statement to its end; its rows, if any, are ignored. */
static int run(struct store *st, struct driver_stmt *s, struct mu_error *err)
{
	int rc;

	while ((rc = store_step(st, s, err)) == 1)
		;
	st->drv->reset(s);
	return rc;
}

/* Run a statement with RETURNING: 0 if it touched a row, else MU_ENOTFOUND (what). */
static int run_one(struct store *st, struct driver_stmt *s, const char *what,
		   struct mu_error *err)
{
	int rc = store_one_row(st, s, err);

	if (rc < 0)
		return rc;
	if (!rc)
		return mu_fail(err, MU_ENOTFOUND, "", "no such %s", what);
	st->drv->reset(s);
	return 0;
}

static const char *text_col(struct store *st, struct driver_stmt *s, struct mu_arena *a, int c)
{
	return st->drv->column_null(s, c) ? NULL : mu_strdup(a, st->drv->column_text(s, c));
}

static int64_t int_col(struct store *st, struct driver_stmt *s, int c)
{
	return st->drv->column_null(s, c) ? 0 : st->drv->column_int(s, c);
}

/* ---- accounts ---- */

static void account_row(struct store *st, struct driver_stmt *s, struct mu_arena *a,
			struct store_account *out)
{
	memset(out, 0, sizeof(*out));
	out->id = int_col(st, s, 0);
	out->email = text_col(st, s, a, 1);
	out->display_name = text_col(st, s, a, 2);
	out->password_hash = text_col(st, s, a, 3);
	out->created_at = text_col(st, s, a, 4);
}

int store_account_add(struct store *st, struct store_account *acc, mu_time now,
		      struct mu_error *err)
{
	char ts[MU_TIME_LEN];
	struct driver_stmt *s;
	int rc;

	mu_time_format(now, ts);
	s = bound(st, AC_ADD, "tttt", acc->email, acc->display_name, acc->password_hash, ts);
	rc = store_one_row(st, s, err);
	if (rc == MU_ECONFLICT)
		return mu_fail(err, MU_ECONFLICT, "email", "'%s' has an account already",
			       acc->email);
	if (rc <= 0)
		return rc < 0 ? rc : mu_fail(err, MU_EDB, "", "account insert returned no id");
	acc->id = st->drv->column_int(s, 0);
	st->drv->reset(s);
	return 0;
}

static int account_one(struct store *st, struct driver_stmt *s, struct mu_arena *a,
		       struct store_account *out, struct mu_error *err)
{
	int rc = store_one_row(st, s, err);

	if (rc <= 0)
		return rc < 0 ? rc : mu_fail(err, MU_ENOTFOUND, "account", "no such account");
	account_row(st, s, a, out);
	st->drv->reset(s);
	return 0;
}

int store_account_get(struct store *st, struct mu_arena *a, mu_id id, struct store_account *out,
		      struct mu_error *err)
{
	return account_one(st, bound(st, AC_GET, "i", (int64_t)id), a, out, err);
}

int store_account_find(struct store *st, struct mu_arena *a, const char *email,
		       struct store_account *out, struct mu_error *err)
{
	return account_one(st, bound(st, AC_FIND, "t", email), a, out, err);
}

/* Every row of s as accounts; role_col >= 0 also reads the role. */
static int account_rows(struct store *st, struct driver_stmt *s, struct mu_arena *a,
			int role_col, struct store_account **out, size_t *n,
			struct mu_error *err)
{
	size_t cap = 8;
	int rc;

	*n = 0;
	*out = mu_alloc_array(a, cap, sizeof(**out));
	while ((rc = store_step(st, s, err)) == 1) {
		*out = mu_grow(a, *out, *n, &cap, sizeof(**out));
		account_row(st, s, a, &(*out)[*n]);
		if (role_col >= 0)
			(*out)[*n].role = text_col(st, s, a, role_col);
		(*n)++;
	}
	st->drv->reset(s);
	return rc < 0 ? rc : 0;
}

int store_account_list(struct store *st, struct mu_arena *a, struct store_account **out,
		       size_t *n, struct mu_error *err)
{
	return account_rows(st, bound(st, AC_LIST, ""), a, -1, out, n, err);
}

int store_account_update(struct store *st, const struct store_account *acc,
			 struct mu_error *err)
{
	return run_one(st, bound(st, AC_UPDATE, "itt", (int64_t)acc->id, acc->display_name,
				 acc->password_hash), "account", err);
}

int store_account_delete(struct store *st, mu_id id, struct mu_error *err)
{
	static const enum access_stmt unown[] = { AC_UNOWN_PERSON, AC_UNOWN_TIE,
						  AC_UNOWN_EXCHANGE, AC_UNLINK };
	int rc;

	for (size_t i = 0; i < sizeof(unown) / sizeof(unown[0]); i++)
		if ((rc = run(st, bound(st, unown[i], "i", (int64_t)id), err)) < 0)
			return rc;
	return run_one(st, bound(st, AC_DELETE, "i", (int64_t)id), "account", err);
}

/* ---- roles ---- */

int store_role_set(struct store *st, mu_id ws, mu_id account, const char *role, mu_time now,
		   struct mu_error *err)
{
	char ts[MU_TIME_LEN];

	mu_time_format(now, ts);
	return run(st, bound(st, RO_SET, "iitt", (int64_t)ws, (int64_t)account, role, ts), err);
}

int store_role_get(struct store *st, struct mu_arena *a, mu_id ws, mu_id account,
		   const char **role, struct mu_error *err)
{
	struct driver_stmt *s = bound(st, RO_GET, "ii", (int64_t)ws, (int64_t)account);
	int rc = store_one_row(st, s, err);

	*role = NULL;
	if (rc <= 0)
		return rc;
	*role = text_col(st, s, a, 0);
	st->drv->reset(s);
	return 0;
}

int store_role_delete(struct store *st, mu_id ws, mu_id account, struct mu_error *err)
{
	return run_one(st, bound(st, RO_DELETE, "ii", (int64_t)ws, (int64_t)account),
		       "member of this workspace", err);
}

int store_member_list(struct store *st, struct mu_arena *a, mu_id ws,
		      struct store_account **out, size_t *n, struct mu_error *err)
{
	return account_rows(st, bound(st, RO_MEMBERS, "i", (int64_t)ws), a, 5, out, n, err);
}

int store_grant_list(struct store *st, struct mu_arena *a, mu_id account,
		     struct store_grant **out, size_t *n, struct mu_error *err)
{
	struct driver_stmt *s = bound(st, RO_GRANTS, "i", (int64_t)account);
	size_t cap = 4;
	int rc;

	*n = 0;
	*out = mu_alloc_array(a, cap, sizeof(**out));
	while ((rc = store_step(st, s, err)) == 1) {
		*out = mu_grow(a, *out, *n, &cap, sizeof(**out));
		(*out)[*n].workspace = int_col(st, s, 0);
		(*out)[*n].name = text_col(st, s, a, 1);
		(*out)[(*n)++].role = text_col(st, s, a, 2);
	}
	st->drv->reset(s);
	return rc < 0 ? rc : 0;
}

/* ---- sessions ---- */

int store_session_add(struct store *st, const char *hash, mu_id account, int64_t now,
		      struct mu_error *err)
{
	return run(st, bound(st, SE_ADD, "tii", hash, (int64_t)account, now), err);
}

int store_session_get(struct store *st, const char *hash, struct store_session *out,
		      struct mu_error *err)
{
	struct driver_stmt *s = bound(st, SE_GET, "t", hash);
	int rc = store_one_row(st, s, err);

	if (rc <= 0)
		return rc;
	out->account = int_col(st, s, 0);
	out->created = int_col(st, s, 1);
	out->seen = int_col(st, s, 2);
	st->drv->reset(s);
	return 1;
}

int store_session_touch(struct store *st, const char *hash, int64_t now, struct mu_error *err)
{
	return run(st, bound(st, SE_TOUCH, "ti", hash, now), err);
}

int store_session_delete(struct store *st, const char *hash, struct mu_error *err)
{
	return run(st, bound(st, SE_DELETE, "t", hash), err);
}

int store_session_delete_account(struct store *st, mu_id account, struct mu_error *err)
{
	return run(st, bound(st, SE_DELETE_ACCOUNT, "i", (int64_t)account), err);
}

int store_session_prune(struct store *st, int64_t created_before, int64_t seen_before,
			struct mu_error *err)
{
	return run(st, bound(st, SE_PRUNE, "ii", created_before, seen_before), err);
}

/* ---- API tokens ---- */

int store_token_add(struct store *st, struct store_token *t, mu_time now, struct mu_error *err)
{
	char ts[MU_TIME_LEN];
	struct driver_stmt *s;
	int rc;

	mu_time_format(now, ts);
	s = bound(st, TO_ADD, "iittttt", (int64_t)t->workspace, (int64_t)t->account, t->name,
		  t->role, t->hash, ts, t->expires_at);
	if ((rc = store_one_row(st, s, err)) <= 0)
		return rc < 0 ? rc : mu_fail(err, MU_EDB, "", "token insert returned no id");
	t->id = st->drv->column_int(s, 0);
	st->drv->reset(s);
	return 0;
}

static void token_row(struct store *st, struct driver_stmt *s, struct mu_arena *a,
		      struct store_token *t)
{
	t->workspace = int_col(st, s, 0);
	t->id = int_col(st, s, 1);
	t->account = int_col(st, s, 2);
	t->name = text_col(st, s, a, 3);
	t->role = text_col(st, s, a, 4);
	t->hash = text_col(st, s, a, 5);
	t->created_at = text_col(st, s, a, 6);
	t->expires_at = text_col(st, s, a, 7);
	t->last_used_at = text_col(st, s, a, 8);
	t->email = text_col(st, s, a, 9);
}

int store_token_find(struct store *st, struct mu_arena *a, mu_id ws, const char *hash,
		     struct store_token *out, struct mu_error *err)
{
	struct driver_stmt *s = bound(st, TO_FIND, "it", (int64_t)ws, hash);
	int rc = store_one_row(st, s, err);

	if (rc <= 0)
		return rc;
	token_row(st, s, a, out);
	st->drv->reset(s);
	return 1;
}

int store_token_list(struct store *st, struct mu_arena *a, mu_id ws, struct store_token **out,
		     size_t *n, struct mu_error *err)
{
	struct driver_stmt *s = bound(st, TO_LIST, "i", (int64_t)ws);
	size_t cap = 4;
	int rc;

	*n = 0;
	*out = mu_alloc_array(a, cap, sizeof(**out));
	while ((rc = store_step(st, s, err)) == 1) {
		*out = mu_grow(a, *out, *n, &cap, sizeof(**out));
		token_row(st, s, a, &(*out)[(*n)++]);
	}
	st->drv->reset(s);
	return rc < 0 ? rc : 0;
}

int store_token_delete(struct store *st, mu_id ws, mu_id id, struct mu_error *err)
{
	return run_one(st, bound(st, TO_DELETE, "ii", (int64_t)ws, (int64_t)id), "token", err);
}

int store_token_used(struct store *st, mu_id ws, mu_id id, mu_time now, struct mu_error *err)
{
	char ts[MU_TIME_LEN];

	mu_time_format(now, ts);
	return run(st, bound(st, TO_USED, "iit", (int64_t)ws, (int64_t)id, ts), err);
}

/* ---- invitations ---- */

int store_invitation_add(struct store *st, struct store_invitation *inv, mu_time now,
			 struct mu_error *err)
{
	char ts[MU_TIME_LEN];
	struct driver_stmt *s;
	int rc;

	mu_time_format(now, ts);
	s = bound(st, IN_ADD, "iotttti", (int64_t)inv->workspace, (int64_t)inv->invited_by,
		  inv->email, inv->role, inv->hash, ts, inv->expires);
	if ((rc = store_one_row(st, s, err)) <= 0)
		return rc < 0 ? rc : mu_fail(err, MU_EDB, "", "invitation insert returned no id");
	inv->id = st->drv->column_int(s, 0);
	st->drv->reset(s);
	return 0;
}

static void invitation_row(struct store *st, struct driver_stmt *s, struct mu_arena *a,
			   struct store_invitation *inv)
{
	inv->workspace = int_col(st, s, 0);
	inv->id = int_col(st, s, 1);
	inv->invited_by = int_col(st, s, 2);
	inv->email = text_col(st, s, a, 3);
	inv->role = text_col(st, s, a, 4);
	inv->hash = text_col(st, s, a, 5);
	inv->created_at = text_col(st, s, a, 6);
	inv->expires = int_col(st, s, 7);
}

int store_invitation_find(struct store *st, struct mu_arena *a, mu_id ws, const char *hash,
			  struct store_invitation *out, struct mu_error *err)
{
	struct driver_stmt *s = bound(st, IN_FIND, "it", (int64_t)ws, hash);
	int rc = store_one_row(st, s, err);

	if (rc <= 0)
		return rc;
	invitation_row(st, s, a, out);
	st->drv->reset(s);
	return 1;
}

int store_invitation_list(struct store *st, struct mu_arena *a, mu_id ws,
			  struct store_invitation **out, size_t *n, struct mu_error *err)
{
	struct driver_stmt *s = bound(st, IN_LIST, "i", (int64_t)ws);
	size_t cap = 4;
	int rc;

	*n = 0;
	*out = mu_alloc_array(a, cap, sizeof(**out));
	while ((rc = store_step(st, s, err)) == 1) {
		*out = mu_grow(a, *out, *n, &cap, sizeof(**out));
		invitation_row(st, s, a, &(*out)[(*n)++]);
	}
	st->drv->reset(s);
	return rc < 0 ? rc : 0;
}

int store_invitation_delete(struct store *st, mu_id ws, mu_id id, struct mu_error *err)
{
	return run_one(st, bound(st, IN_DELETE, "ii", (int64_t)ws, (int64_t)id), "invitation",
		       err);
}

/* ---- login failures ---- */

int store_failure_add(struct store *st, const char *key, int64_t at, struct mu_error *err)
{
	return run(st, bound(st, LF_ADD, "ti", key, at), err);
}

int store_failure_count(struct store *st, const char *key, int64_t since, int64_t *count,
			int64_t *oldest, struct mu_error *err)
{
	struct driver_stmt *s = bound(st, LF_COUNT, "ti", key, since);
	int rc = store_one_row(st, s, err);

	*count = *oldest = 0;
	if (rc <= 0)
		return rc;
	*count = int_col(st, s, 0);
	*oldest = int_col(st, s, 1);
	st->drv->reset(s);
	return 0;
}

int store_failure_prune(struct store *st, int64_t before, struct mu_error *err)
{
	return run(st, bound(st, LF_PRUNE, "i", before), err);
}

/* ---- audit ---- */

int store_audit_add(struct store *st, mu_id ws, const struct store_audit *e,
		    struct mu_error *err)
{
	return run(st, bound(st, AU_ADD, "itotttot", (int64_t)ws, e->at, (int64_t)e->account,
			     e->actor, e->action, e->entity, (int64_t)e->entity_id, e->detail),
		   err);
}

int store_audit_list(struct store *st, struct mu_arena *a, mu_id ws, const char *since,
		     mu_id after, size_t limit, struct store_audit **out, size_t *n,
		     struct mu_error *err)
{
	struct driver_stmt *s = bound(st, AU_LIST, "itii", (int64_t)ws, since ? since : "",
				      (int64_t)after, limit ? (int64_t)limit : INT64_MAX);
	size_t cap = 16;
	int rc;

	*n = 0;
	*out = mu_alloc_array(a, cap, sizeof(**out));
	while ((rc = store_step(st, s, err)) == 1) {
		struct store_audit *e;

		*out = mu_grow(a, *out, *n, &cap, sizeof(**out));
		e = &(*out)[(*n)++];
		e->id = int_col(st, s, 0);
		e->at = text_col(st, s, a, 1);
		e->account = int_col(st, s, 2);
		e->actor = text_col(st, s, a, 3);
		e->action = text_col(st, s, a, 4);
		e->entity = text_col(st, s, a, 5);
		e->entity_id = int_col(st, s, 6);
		e->detail = text_col(st, s, a, 7);
	}
	st->drv->reset(s);
	return rc < 0 ? rc : 0;
}

/* ---- suppression ---- */

int store_suppression_add(struct store *st, mu_id ws, const char *key, mu_time now,
			  struct mu_error *err)
{
	char ts[MU_TIME_LEN];

	mu_time_format(now, ts);
	return run(st, bound(st, SU_ADD, "itt", (int64_t)ws, key, ts), err);
}

int store_suppression_has(struct store *st, mu_id ws, const char *key, struct mu_error *err)
{
	int rc = store_one_row(st, bound(st, SU_HAS, "it", (int64_t)ws, key), err);

	if (rc == 1)
		st->drv->reset(st->access->s[SU_HAS]);
	return rc;
}

/* ---- private records ---- */

/* The statement of kind base for entity e (person, tie, exchange), or -1. */
static int private_stmt(const struct entity_def *e, enum access_stmt person)
{
	switch (e->kind) {
	case ENT_PERSON:
		return person;
	case ENT_TIE:
		return person + 1;
	case ENT_EXCHANGE:
		return person + 2;
	default:
		return -1;
	}
}

int store_private_list(struct store *st, struct mu_arena *a, mu_id ws,
		       const struct entity_def *e, struct store_owned **out, size_t *n,
		       struct mu_error *err)
{
	int k = private_stmt(e, PR_PERSON);
	struct driver_stmt *s;
	size_t cap = 8;
	int rc;

	*n = 0;
	*out = mu_alloc_array(a, cap, sizeof(**out));
	if (k < 0)
		return 0;
	s = bound(st, (enum access_stmt)k, "i", (int64_t)ws);
	while ((rc = store_step(st, s, err)) == 1) {
		*out = mu_grow(a, *out, *n, &cap, sizeof(**out));
		(*out)[*n].id = int_col(st, s, 0);
		(*out)[(*n)++].owner = int_col(st, s, 1);
	}
	st->drv->reset(s);
	return rc < 0 ? rc : 0;
}

int store_owner_set(struct store *st, mu_id ws, const struct entity_def *e, mu_id id,
		    mu_id owner, struct mu_error *err)
{
	int k = private_stmt(e, OW_PERSON), rc;

	if (k < 0)
		MU_BUG("only persons, ties and exchanges have owners");
	if ((rc = store_touch(st, ws, err)) < 0)	/* who may see it changed */
		return rc;
	return run(st, bound(st, (enum access_stmt)k, "iio", (int64_t)ws, (int64_t)id,
			     (int64_t)owner), err);
}

/* The one id statement k (PE_OF_ACCOUNT, PE_ACCOUNT) answers for (ws, id); 0: none. */
static int linked_id(struct store *st, enum access_stmt k, mu_id ws, mu_id id, mu_id *out,
		     struct mu_error *err)
{
	struct driver_stmt *s = bound(st, k, "ii", (int64_t)ws, (int64_t)id);
	int rc = store_one_row(st, s, err);

	*out = 0;
	if (rc <= 0)
		return rc;
	*out = int_col(st, s, 0);
	st->drv->reset(s);
	return 0;
}

int store_person_of_account(struct store *st, mu_id ws, mu_id account, mu_id *person,
			    struct mu_error *err)
{
	return linked_id(st, PE_OF_ACCOUNT, ws, account, person, err);
}

int store_account_of_person(struct store *st, mu_id ws, mu_id person, mu_id *account,
			    struct mu_error *err)
{
	return linked_id(st, PE_ACCOUNT, ws, person, account, err);
}

int store_person_link(struct store *st, mu_id ws, mu_id person, mu_id account,
		      struct mu_error *err)
{
	int rc = store_touch(st, ws, err);	/* whose likings and notes count changed */

	if (rc < 0)
		return rc;
	return run_one(st, bound(st, PE_LINK, "iio", (int64_t)ws, (int64_t)person,
				 (int64_t)account), "person", err);
}
