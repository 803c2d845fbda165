/*
 * access.c - accounts, sign-in, API tokens, roles and invitations (app/access.h).
 *
 * Secrets: passwords are Argon2id strings (crypto_pwhash_str, libsodium's interactive
 * limits); every token handed out is 32 bytes from randombytes_buf() in URL-safe
 * base64 and is stored only as its BLAKE2b hash, so a copy of the database signs no one
 * in. API tokens and invitations carry their workspace's id in clear
 * ("mutua_7_...", "invite_7_...") so that the lookup is scoped by workspace_id. The
 * CSRF token of a session is a keyed hash of the session token: nothing to store, and
 * unguessable without the cookie.
 *
 * Sign-in failures are counted per account name and per client address in the
 * database (so several servers share the count) under hashed keys; a wrong pair is
 * answered the same whether the account exists or not, and an unknown account costs
 * the same Argon2id work as a known one.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "app/access.h"
#include "app/internal.h"
#include "core/text.h"
#include "io/record.h"
#include "core/banned.h"

#define RANDOM_BYTES 32
#define HASH_HEX (crypto_generichash_BYTES * 2 + 1)
#define THROTTLE_MINUTE 10	/* failures a minute, per account name or address */
#define THROTTLE_HOUR 100	/* failures an hour */
#define TOUCH_SECONDS 60	/* a session's seen_at is written at most this often */

static char dummy_hash[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy_hash(void)
{
	if (crypto_pwhash_str(dummy_hash, "not a password of anyone", 24,
			      crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		dummy_hash[0] = '\0';
}

int app_access_init(struct mu_error *err)
{
	if (sodium_init() < 0)
		return mu_fail(err, MU_EIO, "", "libsodium could not start");
	return 0;
}

/* --- tokens and hashes --- */

static void random_text(char *out, size_t size)
{
	unsigned char bin[RANDOM_BYTES];

	randombytes_buf(bin, sizeof(bin));
	sodium_bin2base64(out, size, bin, sizeof(bin), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(bin, sizeof(bin));
}

/* BLAKE2b of text (keyed with key when not NULL) as hex. */
static void hash_hex(const char *text, const char *key, char out[HASH_HEX])
{
	unsigned char h[crypto_generichash_BYTES];
	size_t klen = key ? strlen(key) : 0;

	if (klen > crypto_generichash_KEYBYTES_MAX)
		klen = crypto_generichash_KEYBYTES_MAX;
	crypto_generichash(h, sizeof(h), (const unsigned char *)text, strlen(text),
			   (const unsigned char *)key, klen);
	sodium_bin2hex(out, HASH_HEX, h, sizeof(h));
}

/* "PREFIX_WS_RANDOM": a token scoped to workspace ws. */
static void scoped_token(const char *prefix, mu_id ws, char out[APP_TOKEN_MAX])
{
	char rnd[64];

	random_text(rnd, sizeof(rnd));
	snprintf(out, APP_TOKEN_MAX, "%s_%lld_%s", prefix, (long long)ws, rnd);
}

/* The workspace of a scoped token, or 0 if it is not one of prefix. */
static mu_id token_workspace(const char *prefix, const char *token)
{
	size_t pl = strlen(prefix);
	mu_id ws = 0;
	const char *p;

	if (strncmp(token, prefix, pl) || token[pl] != '_')
		return 0;
	for (p = token + pl + 1; *p >= '0' && *p <= '9' && ws < (mu_id)1 << 50; p++)
		ws = ws * 10 + (*p - '0');
	return *p == '_' && p[1] ? ws : 0;
}

void app_csrf_of(const char *session_token, char out[APP_TOKEN_MAX])
{
	char h[HASH_HEX];

	hash_hex("mutua csrf", session_token, h);
	snprintf(out, APP_TOKEN_MAX, "%s", h);
}

int app_csrf_ok(const char *session_token, const char *given)
{
	char want[APP_TOKEN_MAX];
	size_t len;

	if (!session_token || !given)
		return 0;
	app_csrf_of(session_token, want);
	len = strlen(want);
	return strlen(given) == len && sodium_memcmp(want, given, len) == 0;
}

void app_random_password(char out[APP_TOKEN_MAX])
{
	char rnd[64];

	random_text(rnd, sizeof(rnd));
	snprintf(out, APP_TOKEN_MAX, "%.20s", rnd);
	sodium_memzero(rnd, sizeof(rnd));
}

/* --- checks of what users type --- */

/* The e-mail folded to lower case into out, or MU_EINVAL. */
static int account_email(const char *email, char out[256], struct mu_error *err)
{
	const char *why = email ? text_check_msg(TC_EMAIL, email) : "is required";
	size_t i;

	if (why || strlen(email) > 254)
		return mu_fail(err, MU_EINVAL, "email", "'%.80s' %s", email ? email : "",
			       why ? why : "is longer than 254 bytes");
	for (i = 0; email[i]; i++)
		out[i] = (char)tolower((unsigned char)email[i]);
	out[i] = '\0';
	return 0;
}

static int password_ok(const char *password, struct mu_error *err)
{
	long chars = password ? text_chars(password, 0) : -1;

	if (chars < 0)
		return mu_fail(err, MU_EINVAL, "password", "must be text without control characters");
	if (chars < APP_PASSWORD_MIN)
		return mu_fail(err, MU_EINVAL, "password", "must have at least %d characters",
			       APP_PASSWORD_MIN);
	if (strlen(password) > 1024)
		return mu_fail(err, MU_EINVAL, "password", "must be at most 1024 bytes");
	return 0;
}

static int hash_password(const char *password, char out[crypto_pwhash_STRBYTES],
			 struct mu_error *err)
{
	if (crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return mu_fail(err, MU_ENOMEM, "password", "not enough memory to hash the password");
	return 0;
}

static int role_arg(const char *role, struct mu_error *err)
{
	int r = role_parse(role);

	if (r < 0)
		return mu_fail(err, MU_EINVAL, "role", "'%.40s' is not a role: owner, admin, member"
			       " or viewer", role ? role : "");
	return r;
}

/* --- the actor --- */

static void set_actor(struct app *app, int operator, mu_id account, const char *name,
		      enum role role)
{
	snprintf(app->who_name, sizeof(app->who_name), "%s", name);
	app->who = (struct actor){ .operator = operator, .account = account,
				   .name = app->who_name, .role = role };
}

void app_act_as_operator(struct app *app)
{
	set_actor(app, 1, 0, "operator", ROLE_OWNER);
}

void app_act_anonymous(struct app *app)
{
	set_actor(app, 0, 0, "anonymous", ROLE_NONE);
}

int app_need_role(struct app *app, enum role need, struct mu_error *err)
{
	if (app->who.operator || app->who.role >= need)
		return 0;
	if (app->who.role == ROLE_NONE && !app->who.account)
		return mu_fail(err, MU_EAUTH, "", "sign in first");
	return mu_fail(err, MU_EFORBIDDEN, "", "this needs the role %s; %s is %s here",
		       role_name(need), app->who.name, role_name(app->who.role));
}

/* The role of account in the selected workspace, ROLE_NONE if none. */
static int role_in_workspace(struct app *app, mu_id account, enum role *out,
			     struct mu_error *err)
{
	const char *role;
	struct mu_arena a;
	int rc;

	mu_arena_init(&a);
	rc = store_role_get(app->st, &a, app->ws, account, &role, err);
	*out = rc == 0 && role ? (enum role)role_parse(role) : ROLE_NONE;
	mu_arena_release(&a);
	return rc;
}

int app_act_as(struct app *app, const char *email, struct mu_error *err)
{
	struct store_account acc;
	struct mu_arena a;
	char key[256];
	enum role role = ROLE_NONE;
	int rc;

	if ((rc = account_email(email, key, err)) < 0)
		return mu_fail(err, rc, "--user", "%s", err->message);
	mu_arena_init(&a);
	if ((rc = store_begin(app->st, STORE_READ, err)) < 0)
		goto out;
	rc = store_account_find(app->st, &a, key, &acc, err);
	if (rc == 0 && app->ws)
		rc = role_in_workspace(app, acc.id, &role, err);
	if (rc == 0 && app->ws && role == ROLE_NONE)
		rc = mu_fail(err, MU_ENOTFOUND, "--user", "%s has no role in workspace '%s'", key,
			     app->wsinfo.name);
	if ((rc = store_end(app->st, rc, err)) == 0)
		set_actor(app, 0, acc.id, acc.email, role);
	else if (rc == MU_ENOTFOUND && !err->field[0])
		mu_fail(err, rc, "--user", "no account '%s'", key);
out:
	mu_arena_release(&a);
	return rc;
}

/* --- accounts --- */

/* Run fn in one write transaction, and audit it when it succeeds. */
static int account_write(struct app *app, const char *email, const char *action,
			 int (*fn)(struct app *, struct mu_arena *, struct store_account *,
				   const void *, struct mu_error *),
			 const void *arg, struct mu_error *err)
{
	struct store_account acc;
	struct mu_arena a;
	char key[256];
	int rc;

	if ((rc = account_email(email, key, err)) < 0)
		return rc;
	mu_arena_init(&a);
	if ((rc = store_begin(app->st, STORE_WRITE, err)) < 0)
		goto out;
	rc = store_account_find(app->st, &a, key, &acc, err);
	if (rc == MU_ENOTFOUND)
		mu_fail(err, rc, "email", "no account '%s'", key);
	if (rc == 0)
		rc = fn(app, &a, &acc, arg, err);
	if (rc == 0 && app->ws)
		rc = app_audit(app, action, "account", acc.id, key, err);
	rc = store_end(app->st, rc, err);
out:
	mu_arena_release(&a);
	return rc;
}

/* Accounts are the operator's, or a workspace admin's for its own members. */
static int may_manage_accounts(struct app *app, struct mu_error *err)
{
	if (app->who.operator)
		return 0;
	return app_need_role(app, ROLE_ADMIN, err);
}

/* Only an owner may make or unmake owners and admins. */
static int may_grant(struct app *app, enum role now, enum role wanted, struct mu_error *err)
{
	if (app->who.operator || app->who.role == ROLE_OWNER)
		return 0;
	if (now >= ROLE_ADMIN || wanted >= ROLE_ADMIN)
		return mu_fail(err, MU_EFORBIDDEN, "role", "only an owner may give or take the"
			       " roles owner and admin");
	return 0;
}

int app_account_add(struct app *app, const char *email, const char *name,
		    const char *password, const char *role, mu_id *id, struct mu_error *err)
{
	struct store_account acc = { 0 };
	char key[256], hash[crypto_pwhash_STRBYTES];
	int rc, r = ROLE_NONE;

	if ((rc = may_manage_accounts(app, err)) < 0 || (rc = account_email(email, key, err)) < 0)
		return rc;
	if (password && (rc = password_ok(password, err)) < 0)
		return rc;
	if (role && ((r = role_arg(role, err)) < 0 || (rc = may_grant(app, ROLE_NONE, r, err)) < 0))
		return r < 0 ? r : rc;
	if (role && !app->ws)
		return mu_fail(err, MU_EUSAGE, "--role", "choose the workspace of the role");
	if (name && text_chars(name, 0) < 1)
		return mu_fail(err, MU_EINVAL, "name", "must be one line of text");
	if (password && (rc = hash_password(password, hash, err)) < 0)
		return rc;
	acc.email = key;
	acc.display_name = name ? name : key;
	acc.password_hash = password ? hash : NULL;
	if ((rc = store_begin(app->st, STORE_WRITE, err)) < 0)
		return rc;
	rc = store_account_add(app->st, &acc, app->now, err);
	if (rc == 0 && role)
		rc = store_role_set(app->st, app->ws, acc.id, role, app->now, err);
	if (rc == 0 && app->ws)
		rc = app_audit(app, "create", "account", acc.id, key, err);
	if ((rc = store_end(app->st, rc, err)) == 0 && id)
		*id = acc.id;
	return rc;
}

static json_t *account_json(const struct store_account *acc)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", record_id_json(acc->id));
	json_object_set_new(o, "email", json_string(acc->email));
	json_object_set_new(o, "display_name", json_string(acc->display_name));
	json_object_set_new(o, "can_sign_in", json_boolean(acc->password_hash != NULL));
	json_object_set_new(o, "created_at", json_string(acc->created_at));
	if (acc->role)
		json_object_set_new(o, "role", json_string(acc->role));
	return o;
}

static json_t *grants_json(const struct store_grant *g, size_t n)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "id", record_id_json(g[i].workspace));
		json_object_set_new(o, "name", json_string(g[i].name));
		json_object_set_new(o, "role", json_string(g[i].role));
		json_array_append_new(arr, o);
	}
	return arr;
}

int app_account_list(struct app *app, json_t **out, struct mu_error *err)
{
	struct store_account *accs;
	struct store_grant *g;
	struct mu_arena a;
	size_t n, ng;
	int rc;

	if (!app->who.operator)
		return mu_fail(err, MU_EFORBIDDEN, "", "only the operator lists every account;"
			       " an admin lists the workspace's members");
	mu_arena_init(&a);
	*out = json_array();
	if ((rc = store_begin(app->st, STORE_READ, err)) < 0)
		goto out;
	rc = store_account_list(app->st, &a, &accs, &n, err);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		json_t *o = account_json(&accs[i]);
		if ((rc = store_grant_list(app->st, &a, accs[i].id, &g, &ng, err)) == 0)
			json_object_set_new(o, "workspaces", grants_json(g, ng));
		json_array_append_new(*out, o);
	}
	rc = store_end(app->st, rc, err);
out:
	mu_arena_release(&a);
	if (rc < 0) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

static int set_password(struct app *app, struct mu_arena *a, struct store_account *acc,
			const void *hash, struct mu_error *err)
{
	int rc;

	(void)a;
	acc->password_hash = hash;
	if ((rc = store_account_update(app->st, acc, err)) < 0)
		return rc;
	return store_session_delete_account(app->st, acc->id, err);
}

int app_account_passwd(struct app *app, const char *email, const char *password,
		       struct mu_error *err)
{
	char hash[crypto_pwhash_STRBYTES];
	int rc;

	if (!app->who.operator && !(app->who.account && !strcasecmp(app->who.name, email)))
		return mu_fail(err, MU_EFORBIDDEN, "", "only the operator or the account itself"
			       " sets its password");
	if ((rc = password_ok(password, err)) < 0 || (rc = hash_password(password, hash, err)) < 0)
		return rc;
	return account_write(app, email, "update", set_password, hash, err);
}

static int delete_account(struct app *app, struct mu_arena *a, struct store_account *acc,
			  const void *arg, struct mu_error *err)
{
	(void)a;
	(void)arg;
	return store_account_delete(app->st, acc->id, err);
}

int app_account_rm(struct app *app, const char *email, struct mu_error *err)
{
	if (!app->who.operator)
		return mu_fail(err, MU_EFORBIDDEN, "", "only the operator deletes accounts; an"
			       " admin takes the role away");
	return account_write(app, email, "delete", delete_account, NULL, err);
}

static int change_role(struct app *app, struct mu_arena *a, struct store_account *acc,
		       const void *role, struct mu_error *err)
{
	enum role now;
	int rc, wanted = role ? role_parse(role) : ROLE_NONE;

	(void)a;
	if ((rc = role_in_workspace(app, acc->id, &now, err)) < 0 ||
	    (rc = may_grant(app, now, (enum role)wanted, err)) < 0)
		return rc;
	if (role)
		return store_role_set(app->st, app->ws, acc->id, role, app->now, err);
	if (now == ROLE_NONE)
		return mu_fail(err, MU_ENOTFOUND, "email", "%s has no role in this workspace",
			       acc->email);
	return store_role_delete(app->st, app->ws, acc->id, err);
}

int app_account_role(struct app *app, const char *email, const char *role,
		     struct mu_error *err)
{
	int rc;

	if ((rc = app_need_workspace(app, err)) < 0 || (rc = may_manage_accounts(app, err)) < 0)
		return rc;
	if (role && (rc = role_arg(role, err)) < 0)
		return rc;
	return account_write(app, email, "role", change_role, role, err);
}

static int link_person(struct app *app, struct mu_arena *a, struct store_account *acc,
		       const void *person, struct mu_error *err)
{
	mu_id p = *(const mu_id *)person, old;
	int rc;

	(void)a;
	if ((rc = store_person_of_account(app->st, app->ws, acc->id, &old, err)) < 0)
		return rc;
	if (old && (rc = store_person_link(app->st, app->ws, old, 0, err)) < 0)
		return rc;
	if (!p)
		return 0;
	rc = store_person_link(app->st, app->ws, p, acc->id, err);
	return rc == MU_ENOTFOUND ? mu_fail(err, rc, "person", "no person %lld", (long long)p)
				  : rc;
}

int app_account_link(struct app *app, const char *email, mu_id person, struct mu_error *err)
{
	int rc;

	if ((rc = app_need_workspace(app, err)) < 0 || (rc = may_manage_accounts(app, err)) < 0)
		return rc;
	return account_write(app, email, "link", link_person, &person, err);
}

int app_member_list(struct app *app, json_t **out, struct mu_error *err)
{
	struct store_account *accs;
	struct mu_arena a;
	size_t n;
	int rc;

	if ((rc = app_need_workspace(app, err)) < 0 || (rc = may_manage_accounts(app, err)) < 0)
		return rc;
	mu_arena_init(&a);
	if ((rc = store_begin(app->st, STORE_READ, err)) == 0) {
		rc = store_member_list(app->st, &a, app->ws, &accs, &n, err);
		rc = store_end(app->st, rc, err);
	}
	*out = NULL;
	if (rc == 0) {
		*out = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(*out, account_json(&accs[i]));
	}
	mu_arena_release(&a);
	return rc;
}

/* --- sign-in --- */

struct throttle_keys {
	char account[HASH_HEX + 8], address[HASH_HEX + 8];
};

static void throttle_keys(const char *email_key, const char *client, struct throttle_keys *k)
{
	char h[HASH_HEX];

	hash_hex(email_key, "mutua account", h);
	snprintf(k->account, sizeof(k->account), "a:%s", h);
	hash_hex(client ? client : "", "mutua address", h);
	snprintf(k->address, sizeof(k->address), "c:%s", h);
}

/* MU_ETHROTTLE with the seconds to wait if key failed too often lately. */
static int throttled(struct app *app, const char *key, int *retry_after, struct mu_error *err)
{
	static const struct { int64_t window, limit; } rules[] = {
		{ 60, THROTTLE_MINUTE }, { 3600, THROTTLE_HOUR },
	};
	int64_t count, oldest;
	int rc;

	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		rc = store_failure_count(app->st, key, app->now - rules[i].window + 1, &count,
					 &oldest, err);
		if (rc < 0)
			return rc;
		if (count >= rules[i].limit) {
			*retry_after = (int)(oldest + rules[i].window - app->now);
			if (*retry_after < 1)
				*retry_after = 1;
			return mu_fail(err, MU_ETHROTTLE, "", "too many failed sign-ins; try again"
				       " in %d seconds", *retry_after);
		}
	}
	return 0;
}

static int record_failure(struct app *app, const struct throttle_keys *k, struct mu_error *err)
{
	int rc;

	if ((rc = store_begin(app->st, STORE_WRITE, err)) < 0)
		return rc;
	rc = store_failure_prune(app->st, app->now - 3600, err);
	if (rc == 0)
		rc = store_failure_add(app->st, k->account, app->now, err);
	if (rc == 0)
		rc = store_failure_add(app->st, k->address, app->now, err);
	return store_end(app->st, rc, err);
}

/* A new session for account, written in the current transaction. */
static int open_session(struct app *app, mu_id account, struct app_session *out,
			struct mu_error *err)
{
	char hash[HASH_HEX];
	int rc;

	random_text(out->token, sizeof(out->token));
	hash_hex(out->token, NULL, hash);
	if ((rc = store_session_prune(app->st, app->now - APP_SESSION_MAX,
				      app->now - APP_SESSION_IDLE, err)) < 0 ||
	    (rc = store_session_add(app->st, hash, account, app->now, err)) < 0)
		return rc;
	app_csrf_of(out->token, out->csrf);
	out->account = account;
	out->expires = app->now + APP_SESSION_MAX;
	return 0;
}

/* The account and its password hash, if it exists, after the throttle check. */
static int login_lookup(struct app *app, struct mu_arena *a, const char *key,
			const struct throttle_keys *k, struct store_account *acc,
			int *retry_after, struct mu_error *err)
{
	int rc;

	if ((rc = store_begin(app->st, STORE_READ, err)) < 0)
		return rc;
	rc = throttled(app, k->account, retry_after, err);
	if (rc == 0)
		rc = throttled(app, k->address, retry_after, err);
	if (rc == 0 && (rc = store_account_find(app->st, a, key, acc, err)) == MU_ENOTFOUND) {
		memset(acc, 0, sizeof(*acc));
		mu_error_clear(err);
		rc = 0;
	}
	return store_end(app->st, rc, err);
}

int app_login(struct app *app, const char *email, const char *password, const char *client,
	      struct app_session *out, int *retry_after, struct mu_error *err)
{
	struct store_account acc;
	struct throttle_keys k;
	struct mu_arena a;
	char key[256] = "";
	const char *hash;
	int rc, good;

	*retry_after = 0;
	if (!email || !password)
		return mu_fail(err, MU_EUSAGE, email ? "password" : "email", "is required");
	if (account_email(email, key, err) < 0)
		snprintf(key, sizeof(key), "%.200s", email);	/* counted all the same */
	throttle_keys(key, client, &k);
	mu_arena_init(&a);
	if ((rc = login_lookup(app, &a, key, &k, &acc, retry_after, err)) < 0)
		goto out;
	pthread_once(&dummy_once, make_dummy_hash);
	hash = acc.password_hash ? acc.password_hash : dummy_hash;
	good = crypto_pwhash_str_verify(hash, password, strlen(password)) == 0 &&
	       acc.password_hash;
	if (!good) {
		if ((rc = record_failure(app, &k, err)) == 0)
			rc = mu_fail(err, MU_EAUTH, "", "wrong e-mail or password");
		goto out;
	}
	if ((rc = store_begin(app->st, STORE_WRITE, err)) < 0)
		goto out;
	rc = open_session(app, acc.id, out, err);
	if (rc == 0)
		set_actor(app, 0, acc.id, acc.email, ROLE_NONE);
	rc = store_end(app->st, rc, err);
out:
	mu_arena_release(&a);
	return rc;
}

int app_logout(struct app *app, const char *token, struct mu_error *err)
{
	char hash[HASH_HEX];
	int rc;

	if (!token)
		return mu_fail(err, MU_EAUTH, "", "not signed in");
	hash_hex(token, NULL, hash);
	if ((rc = store_begin(app->st, STORE_WRITE, err)) < 0)
		return rc;
	rc = store_session_delete(app->st, hash, err);
	return store_end(app->st, rc, err);
}

/* --- authentication of API requests --- */

/* The account of a valid session token, touching it; MU_EAUTH if none. */
static int session_account(struct app *app, const char *token, mu_id *account,
			   struct mu_error *err)
{
	struct store_session s;
	char hash[HASH_HEX];
	int rc, found, expired;

	hash_hex(token, NULL, hash);
	if ((rc = store_begin(app->st, STORE_READ, err)) < 0)
		return rc;
	found = store_session_get(app->st, hash, &s, err);
	if ((rc = store_end(app->st, found < 0 ? found : 0, err)) < 0)
		return rc;
	if (!found)
		return mu_fail(err, MU_EAUTH, "", "the session is not valid; sign in again");
	expired = app->now - s.created >= APP_SESSION_MAX || app->now - s.seen >= APP_SESSION_IDLE;
	if (expired || app->now - s.seen >= TOUCH_SECONDS) {
		if ((rc = store_begin(app->st, STORE_WRITE, err)) < 0)
			return rc;
		rc = expired ? store_session_delete(app->st, hash, err)
			     : store_session_touch(app->st, hash, app->now, err);
		if ((rc = store_end(app->st, rc, err)) < 0)
			return rc;
	}
	if (expired)
		return mu_fail(err, MU_EAUTH, "", "the session has expired; sign in again");
	*account = s.account;
	return 0;
}

/* Pick the workspace asked for among the account's, or its only one. */
static int pick_grant(const struct store_grant *g, size_t n, const char *want, mu_id *ws,
		      struct mu_error *err)
{
	mu_id id = 0;

	if (!want) {
		if (n == 1) {
			*ws = g[0].workspace;
			return 0;
		}
		if (!n)
			return mu_fail(err, MU_ENOTFOUND, "", "the account has no workspace yet");
		return mu_fail(err, MU_EUSAGE, "X-Mutua-Workspace", "the account has %zu"
			       " workspaces; name one in the X-Mutua-Workspace header", n);
	}
	record_is_store_id(want, &id);
	for (size_t i = 0; i < n; i++)
		if (g[i].workspace == id || !strcmp(g[i].name, want)) {
			*ws = g[i].workspace;
			return 0;
		}
	/* the same answer as for a workspace that does not exist (docs/security.md) */
	return mu_fail(err, MU_ENOTFOUND, "X-Mutua-Workspace", "no workspace '%.60s'", want);
}

/* Read on every request, even when the thread's app has this workspace already: the
 * settings may have changed since (app_workspace_settings(), in any thread). */
static int select_by_id(struct app *app, mu_id ws, struct mu_error *err)
{
	return app_workspace_reload(app, ws, err);
}

/* Signed in with a session: the account, and the workspace asked for. */
static int enter_by_session(struct app *app, const struct app_credentials *c, enum role need,
			    struct mu_error *err)
{
	struct store_account acc;
	struct store_grant *g = NULL;
	struct mu_arena a;
	size_t n = 0;
	mu_id account = 0, ws = 0;
	int rc;

	if ((rc = session_account(app, c->session, &account, err)) < 0)
		return rc;
	mu_arena_init(&a);
	if ((rc = store_begin(app->st, STORE_READ, err)) < 0)
		goto out;
	rc = store_account_get(app->st, &a, account, &acc, err);
	if (rc == 0)
		rc = store_grant_list(app->st, &a, account, &g, &n, err);
	if ((rc = store_end(app->st, rc, err)) < 0)
		goto out;
	set_actor(app, 0, acc.id, acc.email, ROLE_NONE);
	if (need == ROLE_NONE || (rc = pick_grant(g, n, c->workspace, &ws, err)) < 0)
		goto out;
	if ((rc = select_by_id(app, ws, err)) < 0)
		goto out;
	for (size_t i = 0; i < n; i++)
		if (g[i].workspace == ws)
			app->who.role = (enum role)role_parse(g[i].role);
out:
	mu_arena_release(&a);
	return rc;
}

static int token_expired(const struct store_token *t, mu_time now)
{
	mu_time at;

	return t->expires_at && mu_time_parse(t->expires_at, &at) == 0 && at <= now;
}

/* Signed in with an API token: its account, its workspace, the lesser of its role and
 * the account's. */
static int enter_by_token(struct app *app, const struct app_credentials *c, struct mu_error *err)
{
	mu_id ws = token_workspace("mutua", c->bearer);
	struct store_token t;
	struct mu_arena a;
	char hash[HASH_HEX], now[MU_TIME_LEN];
	enum role own = ROLE_NONE;
	int rc, found = 0;

	if (!ws)
		return mu_fail(err, MU_EAUTH, "", "the API token is not valid");
	hash_hex(c->bearer, NULL, hash);
	mu_arena_init(&a);
	if ((rc = select_by_id(app, ws, err)) < 0) {
		rc = mu_fail(err, MU_EAUTH, "", "the API token is not valid");
		goto out;
	}
	if ((rc = store_begin(app->st, STORE_READ, err)) < 0)
		goto out;
	found = store_token_find(app->st, &a, ws, hash, &t, err);
	rc = found < 0 ? found : 0;
	if (found > 0)
		rc = role_in_workspace(app, t.account, &own, err);
	if ((rc = store_end(app->st, rc, err)) < 0)
		goto out;
	if (!found || token_expired(&t, app->now) || own == ROLE_NONE) {
		rc = mu_fail(err, MU_EAUTH, "", "the API token is not valid, has expired or its"
			     " account has no role here any more");
		goto out;
	}
	mu_time_format(app->now, now);
	if (!t.last_used_at || strncmp(t.last_used_at, now, 16)) {	/* once a minute */
		if ((rc = store_begin(app->st, STORE_WRITE, err)) < 0)
			goto out;
		rc = store_end(app->st, store_token_used(app->st, ws, t.id, app->now, err), err);
		if (rc < 0)
			goto out;
	}
	set_actor(app, 0, t.account, t.email, (int)own < role_parse(t.role) ? own :
		  (enum role)role_parse(t.role));
	if (c->workspace && strcmp(c->workspace, app->wsinfo.name)) {
		mu_id want = 0;
		if (!record_is_store_id(c->workspace, &want) || want != ws)
			rc = mu_fail(err, MU_ENOTFOUND, "X-Mutua-Workspace", "no workspace '%.60s'",
				     c->workspace);
	}
out:
	mu_arena_release(&a);
	return rc;
}

int app_authenticate(struct app *app, const struct app_credentials *c, enum role need,
		     enum app_via *via, struct mu_error *err)
{
	int rc;

	app_act_anonymous(app);
	*via = VIA_NONE;
	if (c->bearer) {
		rc = enter_by_token(app, c, err);
		*via = rc == 0 ? VIA_TOKEN : VIA_NONE;
	} else if (c->session) {
		rc = enter_by_session(app, c, need, err);
		*via = app->who.account ? VIA_SESSION : VIA_NONE;
	} else {
		return mu_fail(err, MU_EAUTH, "", "sign in, or send an API token");
	}
	if (rc == 0 && need != ROLE_NONE)
		rc = app_need_role(app, need, err);
	if (rc < 0)
		app_act_anonymous(app);	/* a refused caller is no one */
	return rc;
}

/* The person the signed-in account is in each of its workspaces (0: none linked), so
 * that a face can start from the account's own agenda. */
static int people_of(struct app *app, struct mu_arena *a, const struct store_grant *g,
		     size_t n, mu_id **out, struct mu_error *err)
{
	int rc = 0;

	*out = mu_alloc_array(a, n ? n : 1, sizeof **out);
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = store_person_of_account(app->st, g[i].workspace, app->who.account, &(*out)[i],
					     err);
	return rc;
}

int app_session_json(struct app *app, const char *session_token, json_t **out,
		     struct mu_error *err)
{
	struct store_account acc;
	struct store_grant *g;
	struct mu_arena a;
	char csrf[APP_TOKEN_MAX];
	json_t *workspaces;
	mu_id *people = NULL;
	size_t n;
	int rc;

	mu_arena_init(&a);
	if ((rc = store_begin(app->st, STORE_READ, err)) < 0)
		goto out;
	rc = store_account_get(app->st, &a, app->who.account, &acc, err);
	if (rc == 0)
		rc = store_grant_list(app->st, &a, app->who.account, &g, &n, err);
	if (rc == 0)
		rc = people_of(app, &a, g, n, &people, err);
	if ((rc = store_end(app->st, rc, err)) < 0)
		goto out;
	*out = json_object();
	json_object_set_new(*out, "account", account_json(&acc));
	workspaces = grants_json(g, n);
	for (size_t i = 0; i < n; i++)
		json_object_set_new(json_array_get(workspaces, i), "person",
				    people[i] ? record_id_json(people[i]) : json_null());
	json_object_set_new(*out, "workspaces", workspaces);
	if (session_token) {
		app_csrf_of(session_token, csrf);
		json_object_set_new(*out, "csrf_token", json_string(csrf));
	}
out:
	mu_arena_release(&a);
	return rc;
}

/* --- API tokens --- */

/* expires (a date, which is its first instant, or a time) as a UTC time in out, "" if
 * NULL; it must lie ahead. */
static int expiry_arg(const char *expires, mu_time now, char out[MU_TIME_LEN],
		      struct mu_error *err)
{
	mu_time at;

	out[0] = '\0';
	if (!expires)
		return 0;
	if (mu_when_parse(expires, &at) < 0)
		return mu_fail(err, MU_EINVAL, "expires_at", "'%.40s' is not a date or time",
			       expires);
	if (at <= now)
		return mu_fail(err, MU_EINVAL, "expires_at", "'%.40s' is in the past", expires);
	mu_time_format(at, out);
	return 0;
}

/* The account a token is made for: the actor, or for the operator any account. Nobody
 * else makes tokens for another account: a token acts as its account and sees its
 * private records, so it would be a way to read them. */
static int token_owner(struct app *app, struct mu_arena *a, const char *email,
		       struct store_account *acc, enum role *own, struct mu_error *err)
{
	char key[256];
	int rc;

	if (!email) {
		if (!app->who.account)
			return mu_fail(err, MU_EUSAGE, "--account", "name the account the token is"
				       " for");
		return store_account_get(app->st, a, app->who.account, acc, err) < 0 ? MU_EDB :
		       role_in_workspace(app, acc->id, own, err);
	}
	if ((rc = account_email(email, key, err)) < 0)
		return rc;
	if (!app->who.operator && strcmp(key, app->who.name))
		return mu_fail(err, MU_EFORBIDDEN, "account", "a token is made by its own account"
			       " (or the operator at the command line)");
	if ((rc = store_account_find(app->st, a, key, acc, err)) == MU_ENOTFOUND)
		return mu_fail(err, rc, "account", "no account '%s'", key);
	return rc < 0 ? rc : role_in_workspace(app, acc->id, own, err);
}

int app_token_create(struct app *app, const char *email, const char *name, const char *role,
		     const char *expires, char out[APP_TOKEN_MAX], mu_id *id,
		     struct mu_error *err)
{
	struct store_account acc;
	struct store_token t = { 0 };
	struct mu_arena a;
	char hash[HASH_HEX], until[MU_TIME_LEN];
	enum role own = ROLE_NONE;
	int rc, r = ROLE_VIEWER;

	if ((rc = app_need_workspace(app, err)) < 0 || (rc = app_need_role(app, ROLE_VIEWER, err)) < 0)
		return rc;
	if (!name || text_chars(name, 0) < 1 || strlen(name) > 100)
		return mu_fail(err, MU_EINVAL, "name", "give the token a name of 1-100 characters");
	if ((role && (r = role_arg(role, err)) < 0) ||
	    (rc = expiry_arg(expires, app->now, until, err)) < 0)
		return r < 0 ? r : rc;
	mu_arena_init(&a);
	if ((rc = store_begin(app->st, STORE_WRITE, err)) < 0)
		goto out;
	rc = token_owner(app, &a, email, &acc, &own, err);
	if (rc == 0 && own == ROLE_NONE)
		rc = mu_fail(err, MU_EINVAL, "account", "%s has no role in this workspace",
			     acc.email);
	/* a token made with a weaker token is no stronger than it */
	if (rc == 0 && !app->who.operator && app->who.role < own)
		own = app->who.role;
	if (rc == 0 && !role)
		r = own;
	if (rc == 0 && r > (int)own)
		rc = mu_fail(err, MU_EFORBIDDEN, "role", "a token's role cannot exceed its"
			     " account's or its maker's (%s)", role_name(own));
	if (rc == 0) {
		scoped_token("mutua", app->ws, out);
		hash_hex(out, NULL, hash);
		t = (struct store_token){ .workspace = app->ws, .account = acc.id, .name = name,
					  .role = role_name((enum role)r), .hash = hash,
					  .expires_at = until[0] ? until : NULL };
		rc = store_token_add(app->st, &t, app->now, err);
	}
	if (rc == 0)
		rc = app_audit(app, "create", "token", t.id, name, err);
	if ((rc = store_end(app->st, rc, err)) == 0 && id)
		*id = t.id;
out:
	mu_arena_release(&a);
	if (rc < 0)
		sodium_memzero(out, APP_TOKEN_MAX);
	return rc;
}

static int sees_all_tokens(const struct app *app)
{
	return app->who.operator || app->who.role >= ROLE_ADMIN;
}

int app_token_list(struct app *app, json_t **out, struct mu_error *err)
{
	struct store_token *t;
	struct mu_arena a;
	size_t n;
	int rc;

	if ((rc = app_need_workspace(app, err)) < 0 || (rc = app_need_role(app, ROLE_VIEWER, err)) < 0)
		return rc;
	mu_arena_init(&a);
	if ((rc = store_begin(app->st, STORE_READ, err)) == 0)
		rc = store_end(app->st, store_token_list(app->st, &a, app->ws, &t, &n, err), err);
	*out = rc < 0 ? NULL : json_array();
	for (size_t i = 0; rc == 0 && i < n; i++) {
		json_t *o;
		if (!sees_all_tokens(app) && t[i].account != app->who.account)
			continue;
		o = json_object();
		json_object_set_new(o, "id", record_id_json(t[i].id));
		json_object_set_new(o, "name", json_string(t[i].name));
		json_object_set_new(o, "account", json_string(t[i].email));
		json_object_set_new(o, "role", json_string(t[i].role));
		json_object_set_new(o, "created_at", json_string(t[i].created_at));
		json_object_set_new(o, "expires_at", t[i].expires_at ? json_string(t[i].expires_at)
								      : json_null());
		json_object_set_new(o, "last_used_at", t[i].last_used_at ?
			json_string(t[i].last_used_at) : json_null());
		json_array_append_new(*out, o);
	}
	mu_arena_release(&a);
	return rc;
}

int app_token_revoke(struct app *app, mu_id id, struct mu_error *err)
{
	struct store_token *t;
	struct mu_arena a;
	size_t n, i;
	int rc;

	if ((rc = app_need_workspace(app, err)) < 0 || (rc = app_need_role(app, ROLE_VIEWER, err)) < 0)
		return rc;
	mu_arena_init(&a);
	if ((rc = store_begin(app->st, STORE_WRITE, err)) < 0)
		goto out;
	rc = store_token_list(app->st, &a, app->ws, &t, &n, err);
	for (i = 0; rc == 0 && i < n && t[i].id != id; i++)
		;
	/* another account's token is as absent as one that never was */
	if (rc == 0 && (i == n || (!sees_all_tokens(app) && t[i].account != app->who.account)))
		rc = mu_fail(err, MU_ENOTFOUND, "id", "no token %lld", (long long)id);
	if (rc == 0)
		rc = store_token_delete(app->st, app->ws, id, err);
	if (rc == 0)
		rc = app_audit(app, "delete", "token", id, NULL, err);
	rc = store_end(app->st, rc, err);
out:
	mu_arena_release(&a);
	return rc;
}

/* --- invitations --- */

int app_invite(struct app *app, const char *email, const char *role, char out[APP_TOKEN_MAX],
	       mu_id *id, struct mu_error *err)
{
	struct store_invitation inv = { 0 };
	char key[256], hash[HASH_HEX];
	int rc, r;

	if ((rc = app_need_workspace(app, err)) < 0 || (rc = may_manage_accounts(app, err)) < 0 ||
	    (rc = account_email(email, key, err)) < 0)
		return rc;
	if ((r = role_arg(role, err)) < 0 || (rc = may_grant(app, ROLE_NONE, r, err)) < 0)
		return r < 0 ? r : rc;
	scoped_token("invite", app->ws, out);
	hash_hex(out, NULL, hash);
	inv = (struct store_invitation){ .workspace = app->ws, .invited_by = app->who.account,
					 .email = key, .role = role, .hash = hash,
					 .expires = app->now + APP_INVITATION_DAYS * 86400 };
	if ((rc = store_begin(app->st, STORE_WRITE, err)) < 0)
		return rc;
	rc = store_invitation_add(app->st, &inv, app->now, err);
	if (rc == 0)
		rc = app_audit(app, "create", "invitation", inv.id, key, err);
	if ((rc = store_end(app->st, rc, err)) == 0 && id)
		*id = inv.id;
	return rc;
}

int app_invitation_list(struct app *app, json_t **out, struct mu_error *err)
{
	struct store_invitation *inv;
	struct mu_arena a;
	size_t n;
	int rc;

	if ((rc = app_need_workspace(app, err)) < 0 || (rc = may_manage_accounts(app, err)) < 0)
		return rc;
	mu_arena_init(&a);
	if ((rc = store_begin(app->st, STORE_READ, err)) == 0)
		rc = store_end(app->st, store_invitation_list(app->st, &a, app->ws, &inv, &n, err),
			       err);
	*out = rc < 0 ? NULL : json_array();
	for (size_t i = 0; rc == 0 && i < n; i++) {
		json_t *o = json_object();
		char exp[MU_TIME_LEN];
		mu_time_format(inv[i].expires, exp);
		json_object_set_new(o, "id", record_id_json(inv[i].id));
		json_object_set_new(o, "email", json_string(inv[i].email));
		json_object_set_new(o, "role", json_string(inv[i].role));
		json_object_set_new(o, "created_at", json_string(inv[i].created_at));
		json_object_set_new(o, "expires_at", json_string(exp));
		json_array_append_new(*out, o);
	}
	mu_arena_release(&a);
	return rc;
}

int app_invitation_rm(struct app *app, mu_id id, struct mu_error *err)
{
	int rc;

	if ((rc = app_need_workspace(app, err)) < 0 || (rc = may_manage_accounts(app, err)) < 0)
		return rc;
	if ((rc = store_begin(app->st, STORE_WRITE, err)) < 0)
		return rc;
	rc = store_invitation_delete(app->st, app->ws, id, err);
	if (rc == 0)
		rc = app_audit(app, "delete", "invitation", id, NULL, err);
	return store_end(app->st, rc, err);
}

/* The account of the invitation: created with password, or proven by it. */
static int accept_account(struct app *app, struct mu_arena *a, const struct store_invitation *inv,
			  const char *password, const char *name, const char *hash,
			  struct store_account *acc, struct mu_error *err)
{
	int rc = store_account_find(app->st, a, inv->email, acc, err);

	if (rc == MU_ENOTFOUND) {
		mu_error_clear(err);
		*acc = (struct store_account){ .email = inv->email,
					       .display_name = name ? name : inv->email,
					       .password_hash = hash };
		return store_account_add(app->st, acc, app->now, err);
	}
	if (rc < 0)
		return rc;
	if (!acc->password_hash ||
	    crypto_pwhash_str_verify(acc->password_hash, password, strlen(password)) != 0)
		return mu_fail(err, MU_EAUTH, "password", "%s has an account: give its password",
			       inv->email);
	return 0;
}

int app_invitation_accept(struct app *app, const char *token, const char *password,
			  const char *name, struct app_session *out, struct mu_error *err)
{
	mu_id ws = token ? token_workspace("invite", token) : 0;
	struct store_invitation inv;
	struct store_account acc;
	struct mu_arena a;
	char hash[HASH_HEX], pw[crypto_pwhash_STRBYTES];
	int rc, found;

	if (!ws)
		return mu_fail(err, MU_ENOTFOUND, "token", "the invitation is not valid");
	if ((rc = password_ok(password, err)) < 0 || (rc = hash_password(password, pw, err)) < 0)
		return rc;
	if ((rc = select_by_id(app, ws, err)) < 0)
		return mu_fail(err, MU_ENOTFOUND, "token", "the invitation is not valid");
	hash_hex(token, NULL, hash);
	mu_arena_init(&a);
	if ((rc = store_begin(app->st, STORE_WRITE, err)) < 0)
		goto out;
	found = store_invitation_find(app->st, &a, ws, hash, &inv, err);
	rc = found < 0 ? found : 0;
	if (rc == 0 && (!found || inv.expires <= app->now))
		rc = mu_fail(err, MU_ENOTFOUND, "token", "the invitation is not valid or has"
			     " expired");
	if (rc == 0)
		rc = accept_account(app, &a, &inv, password, name, pw, &acc, err);
	if (rc == 0)
		rc = store_role_set(app->st, ws, acc.id, inv.role, app->now, err);
	if (rc == 0)
		rc = store_invitation_delete(app->st, ws, inv.id, err);
	if (rc == 0) {
		set_actor(app, 0, acc.id, acc.email, (enum role)role_parse(inv.role));
		rc = app_audit(app, "accept", "invitation", inv.id, NULL, err);
	}
	if (rc == 0)
		rc = open_session(app, acc.id, out, err);
	rc = store_end(app->st, rc, err);
out:
	mu_arena_release(&a);
	return rc;
}
