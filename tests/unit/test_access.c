/*
 * test_access.c - accounts, sign-in, sessions, API tokens, roles, invitations, CSRF,
 * throttling and the audit trail (app/access.h, docs/security.md), driven through the
 * app layer on a fresh SQLite file with the clock (app->now) moved by hand.
 *
 * Every check is one that a broken rule would fail: the refused case next to the
 * accepted one, the boundary second next to the one before it. The database is looked
 * at only through store.h.
 *
 * Argon2id costs about 0.15 s per hash (sign-ins, new passwords, accepted invitations,
 * and failed sign-ins too, which hash against a dummy); a throttled attempt costs none.
 * The rule of 100 failures an hour is therefore reached with 97 failures written
 * through store_failure_add under the key access.c derives (checked first against a
 * real failure) and 3 real ones.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "t.h"
#include "app/access.h"
#include "app/app.h"
#include "core/access.h"
#include "core/arena.h"
#include "core/error.h"
#include "core/mtime.h"
#include "store/store.h"

void test_access(void);

#define DAY 86400

/* Invitations once crashed (a bind format one parameter too long); these checks are
 * what found it. */
#define INVITATIONS_WORK 1

#define EMAIL(who) who "@example.org"

struct fx {
	struct app *app;
	struct mu_error err;
	mu_id ws1, ws2;		/* "Alpha", "Beta" */
	mu_id owner, admin, member, viewer;
	struct app_session member_s;	/* a session of member@, from login() */
};

static const char *ename(int rc)
{
	return rc ? mu_error_name(rc) : "ok";
}

/* Act as the operator in workspace ws (a name, or NULL: none selected). */
static void op(struct fx *f, const char *ws)
{
	app_act_as_operator(f->app);
	if (ws && app_workspace_select(f->app, ws, &f->err) < 0)
		T_CHECK(0, "select workspace %s: %s", ws, f->err.message);
}

/* Act as the account email in workspace ws. */
static int as(struct fx *f, const char *ws, const char *email)
{
	int rc;

	op(f, ws);
	rc = app_act_as(f->app, email, &f->err);
	T_EQ(rc, 0, "act as %s in %s: %s", email, ws, f->err.message);
	return rc;
}

static int auth(struct fx *f, const char *session, const char *bearer, const char *ws,
		enum role need, enum app_via *via)
{
	struct app_credentials c = { .session = session, .bearer = bearer, .workspace = ws };
	enum app_via v;

	mu_error_clear(&f->err);
	return app_authenticate(f->app, &c, need, via ? via : &v, &f->err);
}

static int login(struct fx *f, const char *email, const char *password, const char *client,
		 struct app_session *s, int *retry)
{
	struct app_session tmp;
	int r;

	mu_error_clear(&f->err);
	return app_login(f->app, email, password, client, s ? s : &tmp, retry ? retry : &r,
			 &f->err);
}

static int add(struct fx *f, const char *email, const char *password, const char *role,
	       mu_id *id)
{
	mu_error_clear(&f->err);
	return app_account_add(f->app, email, NULL, password, role, id, &f->err);
}

/* The stored account (in arena a), or a failed check. */
static int find_account(struct fx *f, struct mu_arena *a, const char *email,
			struct store_account *acc)
{
	int rc = store_begin(f->app->st, STORE_READ, &f->err);

	if (rc == 0)
		rc = store_end(f->app->st, store_account_find(f->app->st, a, email, acc, &f->err),
			       &f->err);
	T_EQ(rc, 0, "find account %s: %s", email, f->err.message);
	return rc;
}

/* ---- passwords ---- */

static void passwords(struct fx *f)
{
	static const char pw12[] = "abcdefghijkl";
	static const char umlauts12[] = "åäöåäöåäöåäö";	/* 12 characters, 24 bytes */
	struct store_account acc;
	struct mu_arena a;
	int rc;

	op(f, "Alpha");
	rc = add(f, EMAIL("pw11"), "abcdefghijk", "member", NULL);
	T_EQ(rc, MU_EINVAL, "11 characters are refused: %s", ename(rc));
	T_STR(f->err.field, "password", "the field at fault is password");
	rc = add(f, EMAIL("pw12"), pw12, "member", NULL);
	T_EQ(rc, 0, "12 characters are enough: %s", f->err.message);

	/* characters, not bytes */
	rc = add(f, EMAIL("pw-umlaut11"), "ååååååååååå", NULL, NULL);	/* 22 bytes */
	T_EQ(rc, MU_EINVAL, "11 two-byte characters are refused: %s", ename(rc));
	T_STR(f->err.field, "password", "the field at fault is password");
	rc = add(f, EMAIL("pw-emoji"), "\xf0\x9f\x94\x91\xf0\x9f\x94\x91\xf0\x9f\x94\x91", NULL,
		 NULL);		/* 3 characters, 12 bytes */
	T_EQ(rc, MU_EINVAL, "3 four-byte characters (12 bytes) are refused: %s", ename(rc));
	rc = add(f, EMAIL("pw-umlaut12"), umlauts12, NULL, NULL);
	T_EQ(rc, 0, "12 two-byte characters are accepted: %s", f->err.message);
	rc = login(f, EMAIL("pw-umlaut12"), umlauts12, "192.0.2.200", NULL, NULL);
	T_EQ(rc, 0, "and sign in: %s", f->err.message);

	/* a new password obeys the same rule */
	op(f, "Alpha");
	rc = app_account_passwd(f->app, EMAIL("pw12"), "short", &f->err);
	T_CHECK(rc == MU_EINVAL && t_streq(f->err.field, "password"),
		"passwd refuses a short password: %s %s", ename(rc), f->err.field);

	mu_arena_init(&a);
	if (find_account(f, &a, EMAIL("pw12"), &acc) == 0) {
		T_CHECK(acc.password_hash && !strncmp(acc.password_hash, "$argon2id$", 10),
			"the stored hash is an Argon2id string: %s",
			acc.password_hash ? acc.password_hash : "(null)");
		T_CHECK(acc.password_hash && !strstr(acc.password_hash, pw12),
			"the stored hash does not hold the password");
	}
	if (find_account(f, &a, EMAIL("pw-umlaut12"), &acc) == 0)
		T_CHECK(acc.password_hash && !strncmp(acc.password_hash, "$argon2id$", 10) &&
			!strstr(acc.password_hash, umlauts12), "the second hash is Argon2id too");
	mu_arena_release(&a);
}

/* ---- login, CSRF, logout ---- */

static void login_and_csrf(struct fx *f)
{
	struct app_session s1, s2;
	struct store_session ss;
	char msg_wrong[512], field_wrong[128], cut[APP_TOKEN_MAX], longer[APP_TOKEN_MAX + 1];
	enum app_via via = VIA_NONE;
	int rc, found;

	rc = login(f, EMAIL("member"), "member password", "198.51.100.1", &s1, NULL);
	T_EQ(rc, 0, "the right pair signs in: %s", f->err.message);
	if (rc < 0)
		return;
	T_EQ(s1.account, f->member, "the session is member@'s");
	T_CHECK(strlen(s1.token) >= 43, "the token has 32 random bytes (%zu)", strlen(s1.token));
	T_CHECK(s1.csrf[0] && strcmp(s1.csrf, s1.token), "the CSRF token is not the cookie");
	T_EQ(s1.expires, f->app->now + APP_SESSION_MAX, "the session ends at most 12 hours on");

	/* the token is not stored in clear */
	rc = store_begin(f->app->st, STORE_READ, &f->err);
	found = rc < 0 ? rc : store_session_get(f->app->st, s1.token, &ss, &f->err);
	store_end(f->app->st, found < 0 ? found : 0, &f->err);
	T_EQ(found, 0, "no session is stored under the token itself (%d)", found);
	/* but its hash finds it */
	rc = auth(f, s1.token, NULL, NULL, ROLE_NONE, &via);
	T_EQ(rc, 0, "the cookie authenticates: %s", f->err.message);
	T_CHECK(via == VIA_SESSION && f->app->who.account == f->member && !f->app->who.operator,
		"as member@ by session (via %d, account %lld)", (int)via,
		(long long)f->app->who.account);

	/* a wrong password and an unknown account are answered alike */
	rc = login(f, EMAIL("member"), "not the member password", "198.51.100.1", NULL, NULL);
	T_EQ(rc, MU_EAUTH, "a wrong password: %s", ename(rc));
	snprintf(msg_wrong, sizeof(msg_wrong), "%s", f->err.message);
	snprintf(field_wrong, sizeof(field_wrong), "%s", f->err.field);
	rc = login(f, EMAIL("nobody"), "member password", "198.51.100.1", NULL, NULL);
	T_EQ(rc, MU_EAUTH, "an unknown account: %s", ename(rc));
	T_CHECK(!strcmp(msg_wrong, f->err.message) && !strcmp(field_wrong, f->err.field),
		"the same answer: '%s' / '%s'", msg_wrong, f->err.message);

	rc = login(f, EMAIL("member"), "member password", "198.51.100.1", &s2, NULL);
	T_EQ(rc, 0, "a second sign-in: %s", f->err.message);
	T_CHECK(strcmp(s1.token, s2.token) != 0, "two sign-ins give two tokens");
	T_CHECK(strcmp(s1.csrf, s2.csrf) != 0, "and two CSRF tokens");

	/* CSRF */
	T_EQ(app_csrf_ok(s1.token, s1.csrf), 1, "the session's own CSRF token is accepted");
	T_EQ(app_csrf_ok(s2.token, s2.csrf), 1, "the second session's too");
	T_EQ(app_csrf_ok(s1.token, s2.csrf), 0, "another session's CSRF token is refused");
	T_EQ(app_csrf_ok(s1.token, ""), 0, "an empty CSRF token is refused");
	T_EQ(app_csrf_ok(s1.token, NULL), 0, "a missing CSRF token is refused");
	snprintf(cut, sizeof(cut), "%.*s", (int)strlen(s1.csrf) - 1, s1.csrf);
	T_EQ(app_csrf_ok(s1.token, cut), 0, "a truncated CSRF token is refused");
	snprintf(longer, sizeof(longer), "%s0", s1.csrf);
	T_EQ(app_csrf_ok(s1.token, longer), 0, "a CSRF token with a character more is refused");
	T_EQ(app_csrf_ok(s1.token, s1.token), 0, "the cookie is not its own CSRF token");

	/* logout ends that session only */
	rc = app_logout(f->app, s2.token, &f->err);
	T_EQ(rc, 0, "logout: %s", f->err.message);
	rc = auth(f, s2.token, NULL, NULL, ROLE_NONE, NULL);
	T_EQ(rc, MU_EAUTH, "a session signed out of is refused: %s", ename(rc));
	rc = auth(f, s1.token, NULL, NULL, ROLE_NONE, NULL);
	T_EQ(rc, 0, "the other session goes on: %s", f->err.message);
	f->member_s = s1;
}

/* ---- roles by session (run right after login_and_csrf: member_s is fresh) ---- */

static void roles(struct fx *f)
{
	static const struct {
		const char *who, *password;
		enum role role;
	} acc[] = {
		{ EMAIL("viewer"), "viewer password", ROLE_VIEWER },
		{ EMAIL("admin"), "admin password", ROLE_ADMIN },
		{ EMAIL("owner"), "owner password", ROLE_OWNER },
	};
	struct app_session s[3];
	char id[24];
	int rc;

	for (size_t i = 0; i < ARRAY_SIZE(acc); i++) {
		rc = login(f, acc[i].who, acc[i].password, "198.51.100.2", &s[i], NULL);
		T_EQ(rc, 0, "sign in %s: %s", acc[i].who, f->err.message);
		if (rc < 0)
			return;
	}
	rc = auth(f, s[0].token, NULL, NULL, ROLE_MEMBER, NULL);
	T_EQ(rc, MU_EFORBIDDEN, "a viewer needing member is forbidden: %s", ename(rc));
	rc = auth(f, s[0].token, NULL, NULL, ROLE_VIEWER, NULL);
	T_CHECK(rc == 0 && f->app->who.role == ROLE_VIEWER && f->app->ws == f->ws1,
		"a viewer needing viewer is in Alpha as viewer: %s", ename(rc));
	for (size_t i = 1; i < ARRAY_SIZE(acc); i++) {
		rc = auth(f, s[i].token, NULL, NULL, ROLE_MEMBER, NULL);
		T_CHECK(rc == 0 && f->app->who.role == acc[i].role,
			"%s needing member passes as %s: %s (%s)", acc[i].who,
			role_name(acc[i].role), ename(rc), role_name(f->app->who.role));
	}
	/* member@ has two workspaces: Alpha (member), Beta (viewer) */
	rc = auth(f, f->member_s.token, NULL, "Alpha", ROLE_MEMBER, NULL);
	T_CHECK(rc == 0 && f->app->who.role == ROLE_MEMBER && f->app->ws == f->ws1,
		"member@ in Alpha by name: %s %s", ename(rc), f->err.message);
	rc = auth(f, f->member_s.token, NULL, NULL, ROLE_MEMBER, NULL);
	T_CHECK(rc == MU_EUSAGE, "with two workspaces and none named: %s", ename(rc));
	rc = auth(f, f->member_s.token, NULL, NULL, ROLE_NONE, NULL);
	T_EQ(rc, 0, "needing no role, no workspace need be named: %s", f->err.message);
	snprintf(id, sizeof(id), "%lld", (long long)f->ws2);
	rc = auth(f, f->member_s.token, NULL, id, ROLE_VIEWER, NULL);
	T_CHECK(rc == 0 && f->app->who.role == ROLE_VIEWER && f->app->ws == f->ws2,
		"member@ in Beta by id is a viewer there: %s (%s)", ename(rc),
		role_name(f->app->who.role));
	rc = auth(f, f->member_s.token, NULL, "Beta", ROLE_MEMBER, NULL);
	T_EQ(rc, MU_EFORBIDDEN, "and cannot write in Beta: %s", ename(rc));

	/* a workspace without a role is absent, not forbidden */
	rc = auth(f, s[0].token, NULL, "Beta", ROLE_VIEWER, NULL);
	T_EQ(rc, MU_ENOTFOUND, "viewer@ naming Beta: %s", ename(rc));
	rc = auth(f, s[0].token, NULL, "Beta", ROLE_MEMBER, NULL);
	T_EQ(rc, MU_ENOTFOUND, "viewer@ naming Beta, needing member: %s", ename(rc));
	rc = auth(f, s[0].token, NULL, id, ROLE_VIEWER, NULL);
	T_EQ(rc, MU_ENOTFOUND, "viewer@ naming Beta by id: %s", ename(rc));
	rc = auth(f, s[0].token, NULL, "Nowhere", ROLE_VIEWER, NULL);
	T_EQ(rc, MU_ENOTFOUND, "viewer@ naming no workspace at all: %s", ename(rc));
	rc = auth(f, NULL, NULL, NULL, ROLE_NONE, NULL);
	T_EQ(rc, MU_EAUTH, "no credentials: %s", ename(rc));
}

/* ---- sessions ---- */

static void sessions(struct fx *f)
{
	struct app_session s, p1, p2;
	mu_time t;
	int rc;

	f->app->now += DAY;
	t = f->app->now;

	/* idle */
	if ((rc = login(f, EMAIL("member"), "member password", "198.51.100.3", &s, NULL)) < 0) {
		T_CHECK(0, "sign in: %s", f->err.message);
		return;
	}
	rc = auth(f, s.token, NULL, NULL, ROLE_NONE, NULL);
	T_EQ(rc, 0, "a new session works at once: %s", f->err.message);
	f->app->now = t + APP_SESSION_IDLE - 1;
	rc = auth(f, s.token, NULL, NULL, ROLE_NONE, NULL);
	T_EQ(rc, 0, "one second short of the idle limit: %s", f->err.message);
	f->app->now = t + APP_SESSION_IDLE - 1 + APP_SESSION_IDLE - 1;
	rc = auth(f, s.token, NULL, NULL, ROLE_NONE, NULL);
	T_EQ(rc, 0, "a use restarts the idle time: %s", f->err.message);
	f->app->now += APP_SESSION_IDLE;
	rc = auth(f, s.token, NULL, NULL, ROLE_NONE, NULL);
	T_EQ(rc, MU_EAUTH, "after %d seconds without use: %s", APP_SESSION_IDLE, ename(rc));
	f->app->now -= APP_SESSION_IDLE;
	rc = auth(f, s.token, NULL, NULL, ROLE_NONE, NULL);
	T_EQ(rc, MU_EAUTH, "an expired session stays ended: %s", ename(rc));

	/* absolute */
	f->app->now += DAY;
	t = f->app->now;
	if ((rc = login(f, EMAIL("member"), "member password", "198.51.100.3", &s, NULL)) < 0) {
		T_CHECK(0, "sign in: %s", f->err.message);
		return;
	}
	for (int h = 1; h * 3600 < APP_SESSION_MAX; h++) {
		f->app->now = t + h * 3600;
		rc = auth(f, s.token, NULL, NULL, ROLE_NONE, NULL);
		T_EQ(rc, 0, "used every hour, hour %d: %s", h, f->err.message);
	}
	f->app->now = t + APP_SESSION_MAX - 1;
	rc = auth(f, s.token, NULL, NULL, ROLE_NONE, NULL);
	T_EQ(rc, 0, "a second before the absolute limit: %s", f->err.message);
	f->app->now = t + APP_SESSION_MAX;
	rc = auth(f, s.token, NULL, NULL, ROLE_NONE, NULL);
	T_EQ(rc, MU_EAUTH, "after %d seconds, however used: %s", APP_SESSION_MAX, ename(rc));

	/* a new password ends every session */
	f->app->now += DAY;
	rc = login(f, EMAIL("sess"), "sess password 1", "198.51.100.3", &p1, NULL);
	if (rc == 0)
		rc = login(f, EMAIL("sess"), "sess password 1", "198.51.100.3", &p2, NULL);
	T_EQ(rc, 0, "two sessions of sess@: %s", f->err.message);
	if (rc < 0)
		return;
	T_EQ(auth(f, p1.token, NULL, NULL, ROLE_NONE, NULL), 0, "the first works");
	T_EQ(auth(f, p2.token, NULL, NULL, ROLE_NONE, NULL), 0, "the second works");
	op(f, "Alpha");
	rc = app_account_passwd(f->app, EMAIL("sess"), "sess password 2", &f->err);
	T_EQ(rc, 0, "a new password: %s", f->err.message);
	rc = auth(f, p1.token, NULL, NULL, ROLE_NONE, NULL);
	T_EQ(rc, MU_EAUTH, "ends the first session: %s", ename(rc));
	rc = auth(f, p2.token, NULL, NULL, ROLE_NONE, NULL);
	T_EQ(rc, MU_EAUTH, "and the second: %s", ename(rc));
	rc = login(f, EMAIL("sess"), "sess password 2", "198.51.100.3", NULL, NULL);
	T_EQ(rc, 0, "the new password signs in: %s", f->err.message);
}

/* ---- throttling ---- */

/* The key access.c counts an account name's failures under (see throttle_keys()). */
static void account_key(const char *email, char out[80])
{
	unsigned char h[crypto_generichash_BYTES];
	char hex[crypto_generichash_BYTES * 2 + 1];
	static const char key[] = "mutua account";

	crypto_generichash(h, sizeof(h), (const unsigned char *)email, strlen(email),
			   (const unsigned char *)key, strlen(key));
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	snprintf(out, 80, "a:%s", hex);
}

static int64_t failures_since(struct fx *f, const char *key, int64_t since)
{
	int64_t count = -1, oldest;
	int rc = store_begin(f->app->st, STORE_READ, &f->err);

	if (rc == 0)
		rc = store_end(f->app->st, store_failure_count(f->app->st, key, since, &count,
							       &oldest, &f->err), &f->err);
	return rc < 0 ? -1 : count;
}

static void throttling(struct fx *f)
{
	char client[40], email[64], key[80];
	mu_time t;
	int rc, retry, ok;

	/* 10 failures of one account name from ten addresses */
	f->app->now += DAY;
	t = f->app->now;
	ok = 1;
	for (int i = 0; i < 10; i++) {
		f->app->now = t + 5 * i;
		snprintf(client, sizeof(client), "203.0.113.%d", i + 1);
		rc = login(f, EMAIL("thr"), "a wrong password", client, NULL, &retry);
		ok &= rc == MU_EAUTH;
	}
	T_CHECK(ok, "ten wrong passwords in 45 seconds are each just wrong");
	rc = login(f, EMAIL("thr"), "thr password 1", "203.0.113.100", NULL, &retry);
	T_EQ(rc, MU_ETHROTTLE, "the 11th attempt is throttled, right password or not: %s",
	     ename(rc));
	T_CHECK(retry >= 1 && retry <= 60, "retry after %d seconds", retry);
	T_EQ(retry, 15, "until the oldest failure is a minute old (%d)", retry);
	rc = login(f, "THR@Example.ORG", "thr password 1", "203.0.113.101", NULL, &retry);
	T_EQ(rc, MU_ETHROTTLE, "the account name is counted whatever its case: %s", ename(rc));
	f->app->now = t + 59;
	rc = login(f, EMAIL("thr"), "thr password 1", "203.0.113.100", NULL, &retry);
	T_CHECK(rc == MU_ETHROTTLE && retry == 1, "a second before the minute: %s, %d",
		ename(rc), retry);
	f->app->now = t + 60;
	rc = login(f, EMAIL("thr"), "thr password 1", "203.0.113.100", NULL, &retry);
	T_EQ(rc, 0, "once the minute has passed: %s %s", ename(rc), f->err.message);

	/* 10 failures from one address, each for another account name */
	f->app->now = t += 600;
	ok = 1;
	for (int i = 0; i < 10; i++) {
		f->app->now = t + i;
		snprintf(email, sizeof(email), "nobody%d@example.org", i);
		rc = login(f, email, "a wrong password", "192.0.2.7", NULL, &retry);
		ok &= rc == MU_EAUTH;
	}
	T_CHECK(ok, "ten unknown accounts from one address are each just wrong");
	rc = login(f, EMAIL("thr2"), "thr2 password 1", "192.0.2.7", NULL, &retry);
	T_EQ(rc, MU_ETHROTTLE, "an 11th account from that address is throttled: %s", ename(rc));
	T_CHECK(retry >= 1 && retry <= 60, "retry after %d seconds", retry);
	rc = login(f, EMAIL("thr2"), "thr2 password 1", "192.0.2.8", NULL, &retry);
	T_EQ(rc, 0, "from another address the same account signs in: %s", f->err.message);
	f->app->now = t + 60;
	rc = login(f, EMAIL("thr2"), "thr2 password 1", "192.0.2.7", NULL, &retry);
	T_EQ(rc, 0, "the address is allowed once the minute has passed: %s", f->err.message);

	/* 100 failures an hour, never 10 in a minute */
	f->app->now = t += DAY;
	rc = login(f, EMAIL("thr"), "a wrong password", "198.18.0.1", NULL, &retry);
	T_EQ(rc, MU_EAUTH, "a wrong password: %s", ename(rc));
	account_key(EMAIL("thr"), key);
	if (failures_since(f, key, t) != 1) {
		T_CHECK(0, "the test's key of an account name no longer matches access.c's"
			" throttle_keys(): update account_key()");
		return;
	}
	rc = store_begin(f->app->st, STORE_WRITE, &f->err);
	for (int i = 0; rc == 0 && i < 97; i++)		/* 2 a minute, t - 3000 .. t - 120 */
		rc = store_failure_add(f->app->st, key, t - 3000 + 30 * i, &f->err);
	rc = store_end(f->app->st, rc, &f->err);
	T_EQ(rc, 0, "write 97 earlier failures: %s", f->err.message);
	f->app->now = t + 30;
	rc = login(f, EMAIL("thr"), "a wrong password", "198.18.0.2", NULL, &retry);
	T_EQ(rc, MU_EAUTH, "the 99th failure of the hour is just wrong: %s", ename(rc));
	f->app->now = t + 60;
	rc = login(f, EMAIL("thr"), "a wrong password", "198.18.0.3", NULL, &retry);
	T_EQ(rc, MU_EAUTH, "the 100th too: %s", ename(rc));
	f->app->now = t + 90;
	rc = login(f, EMAIL("thr"), "thr password 1", "198.18.0.4", NULL, &retry);
	T_EQ(rc, MU_ETHROTTLE, "after 100 failures in an hour: %s", ename(rc));
	T_CHECK(retry > 60 && retry <= 3600, "retry after %d seconds, more than the minute",
		retry);
	T_EQ(retry, 510, "until the oldest failure is an hour old (%d)", retry);
	f->app->now = t + 90 + 180;
	rc = login(f, EMAIL("thr"), "thr password 1", "198.18.0.5", NULL, &retry);
	T_EQ(rc, MU_ETHROTTLE, "still throttled minutes later: %s", ename(rc));
	f->app->now = t - 3000 + 3600;
	rc = login(f, EMAIL("thr"), "thr password 1", "198.18.0.6", NULL, &retry);
	T_EQ(rc, 0, "once the oldest failure is an hour old: %s %s", ename(rc), f->err.message);
}

/* ---- API tokens ---- */

static int make_token(struct fx *f, const char *email, const char *role, const char *expires,
		      char out[APP_TOKEN_MAX], mu_id *id)
{
	mu_error_clear(&f->err);
	return app_token_create(f->app, email, "script", role, expires, out, id, &f->err);
}

static void tokens(struct fx *f)
{
	char tm[APP_TOKEN_MAX], tv[APP_TOKEN_MAX], tr[APP_TOKEN_MAX], te[APP_TOKEN_MAX];
	char td[APP_TOKEN_MAX], tok[APP_TOKEN_MAX], forged[APP_TOKEN_MAX + 16];
	char prefix[32], id1[24], id2[24], when[MU_TIME_LEN], day[MU_DATE_LEN];
	const char *rest;
	enum app_via via = VIA_NONE;
	mu_id rid;
	int rc;

	f->app->now += DAY;
	snprintf(id1, sizeof(id1), "%lld", (long long)f->ws1);
	snprintf(id2, sizeof(id2), "%lld", (long long)f->ws2);

	/* never above the account's role */
	op(f, "Alpha");
	rc = make_token(f, EMAIL("viewer"), "member", NULL, tok, NULL);
	T_EQ(rc, MU_EFORBIDDEN, "a member token for a viewer, by the operator: %s", ename(rc));
	if (as(f, "Alpha", EMAIL("viewer")) == 0) {
		rc = make_token(f, NULL, "member", NULL, tok, NULL);
		T_EQ(rc, MU_EFORBIDDEN, "a viewer's own member token: %s", ename(rc));
		rc = make_token(f, EMAIL("member"), "viewer", NULL, tok, NULL);
		T_EQ(rc, MU_EFORBIDDEN, "a viewer's token for another account: %s", ename(rc));
		rc = make_token(f, NULL, NULL, NULL, tok, NULL);
		T_EQ(rc, 0, "a viewer's own token: %s", f->err.message);
	}

	/* the lesser of the token's role and the account's */
	op(f, "Alpha");
	rc = make_token(f, EMAIL("member"), "member", NULL, tm, NULL);
	T_EQ(rc, 0, "a member token for member@: %s", f->err.message);
	snprintf(prefix, sizeof(prefix), "mutua_%lld_", (long long)f->ws1);
	T_CHECK(!strncmp(tm, prefix, strlen(prefix)), "it names its workspace: %s", tm);
	rc = auth(f, NULL, tm, NULL, ROLE_MEMBER, &via);
	T_CHECK(rc == 0 && via == VIA_TOKEN && f->app->who.account == f->member &&
		f->app->who.role == ROLE_MEMBER && f->app->ws == f->ws1,
		"the token acts as member@, member, in Alpha: %s %s", ename(rc), f->err.message);
	op(f, "Alpha");
	rc = app_account_role(f->app, EMAIL("member"), "viewer", &f->err);
	T_EQ(rc, 0, "member@ becomes a viewer: %s", f->err.message);
	rc = auth(f, NULL, tm, NULL, ROLE_VIEWER, NULL);
	T_CHECK(rc == 0 && f->app->who.role == ROLE_VIEWER,
		"the member token now acts as a viewer: %s (%s)", ename(rc),
		role_name(f->app->who.role));
	rc = auth(f, NULL, tm, NULL, ROLE_MEMBER, NULL);
	T_EQ(rc, MU_EFORBIDDEN, "and may not write: %s", ename(rc));
	op(f, "Alpha");
	rc = app_account_role(f->app, EMAIL("member"), NULL, &f->err);
	T_EQ(rc, 0, "member@ loses its role in Alpha: %s", f->err.message);
	rc = auth(f, NULL, tm, NULL, ROLE_VIEWER, NULL);
	T_EQ(rc, MU_EAUTH, "its token is disarmed: %s", ename(rc));
	op(f, "Alpha");
	rc = app_account_role(f->app, EMAIL("member"), "member", &f->err);
	T_EQ(rc, 0, "member@ is a member again: %s", f->err.message);
	rc = auth(f, NULL, tm, NULL, ROLE_MEMBER, NULL);
	T_CHECK(rc == 0 && f->app->who.role == ROLE_MEMBER, "and so is its token: %s",
		ename(rc));
	op(f, "Alpha");
	rc = make_token(f, EMAIL("member"), "viewer", NULL, tv, NULL);
	T_EQ(rc, 0, "a viewer token for member@: %s", f->err.message);
	rc = auth(f, NULL, tv, NULL, ROLE_VIEWER, NULL);
	T_CHECK(rc == 0 && f->app->who.role == ROLE_VIEWER, "acts as a viewer: %s (%s)",
		ename(rc), role_name(f->app->who.role));
	rc = auth(f, NULL, tv, NULL, ROLE_MEMBER, NULL);
	T_EQ(rc, MU_EFORBIDDEN, "and may not write: %s", ename(rc));
	/* a restricted token mints nothing stronger than itself */
	rc = auth(f, NULL, tv, NULL, ROLE_VIEWER, NULL);
	rc = make_token(f, NULL, "member", NULL, tok, NULL);
	T_EQ(rc, MU_EFORBIDDEN, "a viewer token makes no member token: %s", ename(rc));
	rc = auth(f, NULL, tv, NULL, ROLE_VIEWER, NULL);
	rc = make_token(f, NULL, NULL, NULL, tok, NULL);
	T_EQ(rc, 0, "but a viewer token: %s", f->err.message);
	rc = auth(f, NULL, tok, NULL, ROLE_MEMBER, NULL);
	T_EQ(rc, MU_EFORBIDDEN, "  which cannot write: %s", ename(rc));

	/* revoked */
	op(f, "Alpha");
	rc = make_token(f, EMAIL("member"), NULL, NULL, tr, &rid);
	T_EQ(rc, 0, "another token: %s", f->err.message);
	T_EQ(auth(f, NULL, tr, NULL, ROLE_MEMBER, NULL), 0, "it works, with member@'s role");
	op(f, "Alpha");
	rc = app_token_revoke(f->app, rid, &f->err);
	T_EQ(rc, 0, "revoke it: %s", f->err.message);
	rc = auth(f, NULL, tr, NULL, ROLE_VIEWER, NULL);
	T_EQ(rc, MU_EAUTH, "a revoked token: %s", ename(rc));

	/* expired */
	op(f, "Alpha");
	mu_time_format(f->app->now - 1, when);
	rc = make_token(f, EMAIL("member"), NULL, when, tok, NULL);
	T_EQ(rc, MU_EINVAL, "a token cannot expire in the past: %s", ename(rc));
	mu_time_format(f->app->now + 3600, when);
	rc = make_token(f, EMAIL("member"), NULL, when, te, NULL);
	T_EQ(rc, 0, "a token for an hour: %s", f->err.message);
	f->app->now += 3599;
	rc = auth(f, NULL, te, NULL, ROLE_VIEWER, NULL);
	T_EQ(rc, 0, "works a second before it expires: %s", f->err.message);
	f->app->now += 1;
	rc = auth(f, NULL, te, NULL, ROLE_VIEWER, NULL);
	T_EQ(rc, MU_EAUTH, "an expired token: %s", ename(rc));
	op(f, "Alpha");
	mu_date_format(f->app->now / DAY + 1, day);
	rc = make_token(f, EMAIL("member"), NULL, day, td, NULL);
	T_EQ(rc, 0, "a token until tomorrow (a date): %s", f->err.message);
	T_EQ(auth(f, NULL, td, NULL, ROLE_VIEWER, NULL), 0, "works today");
	f->app->now += 3 * DAY;
	rc = auth(f, NULL, td, NULL, ROLE_VIEWER, NULL);
	T_EQ(rc, MU_EAUTH, "a token past its expiry date: %s", ename(rc));

	/* scoped to its workspace */
	rc = auth(f, NULL, tm, "Beta", ROLE_VIEWER, NULL);
	T_EQ(rc, MU_ENOTFOUND, "an Alpha token naming Beta (where member@ has a role): %s",
	     ename(rc));
	rc = auth(f, NULL, tm, id2, ROLE_VIEWER, NULL);
	T_EQ(rc, MU_ENOTFOUND, "naming Beta by id: %s", ename(rc));
	rc = auth(f, NULL, tm, "Alpha", ROLE_VIEWER, NULL);
	T_EQ(rc, 0, "naming its own workspace: %s", f->err.message);
	rc = auth(f, NULL, tm, id1, ROLE_VIEWER, NULL);
	T_EQ(rc, 0, "naming it by id: %s", f->err.message);

	/* tampered */
	rest = strchr(tm + strlen("mutua_"), '_');
	if (rest) {
		snprintf(forged, sizeof(forged), "mutua_%lld%s", (long long)f->ws2, rest);
		rc = auth(f, NULL, forged, NULL, ROLE_VIEWER, NULL);
		T_EQ(rc, MU_EAUTH, "the token with Beta's number: %s", ename(rc));
		rc = auth(f, NULL, forged, "Beta", ROLE_VIEWER, NULL);
		T_EQ(rc, MU_EAUTH, "and naming Beta: %s", ename(rc));
		snprintf(forged, sizeof(forged), "mutua_999%s", rest);
		rc = auth(f, NULL, forged, NULL, ROLE_VIEWER, NULL);
		T_EQ(rc, MU_EAUTH, "with the number of no workspace: %s", ename(rc));
		snprintf(forged, sizeof(forged), "mutua_0%lld%s", (long long)f->ws1, rest);
		rc = auth(f, NULL, forged, NULL, ROLE_VIEWER, NULL);
		T_EQ(rc, MU_EAUTH, "with its number written otherwise: %s", ename(rc));
	}
	snprintf(forged, sizeof(forged), "%s", tm);
	forged[strlen(forged) - 1] = forged[strlen(forged) - 1] == 'A' ? 'B' : 'A';
	rc = auth(f, NULL, forged, NULL, ROLE_VIEWER, NULL);
	T_EQ(rc, MU_EAUTH, "with its last character changed: %s", ename(rc));
	rc = auth(f, NULL, tm + strlen(prefix), NULL, ROLE_VIEWER, NULL);
	T_EQ(rc, MU_EAUTH, "without its prefix: %s", ename(rc));
	rc = auth(f, NULL, f->member_s.token, NULL, ROLE_VIEWER, NULL);
	T_EQ(rc, MU_EAUTH, "a session token as a bearer: %s", ename(rc));

	/* nobody but the operator makes a token for another account: it would act as
	 * that account, with its role and its private records */
	as(f, "Alpha", EMAIL("admin"));
	rc = make_token(f, EMAIL("owner"), "owner", NULL, tok, NULL);
	T_EQ(rc, MU_EFORBIDDEN, "an admin may not make an owner's token: %s", ename(rc));
	as(f, "Alpha", EMAIL("admin"));
	rc = make_token(f, EMAIL("member"), NULL, NULL, tok, NULL);
	T_EQ(rc, MU_EFORBIDDEN, "nor a member's: %s", ename(rc));
}

/* ---- invitations ---- */

static int accept(struct fx *f, const char *token, const char *password,
		  struct app_session *s)
{
	struct app_session tmp;

	app_act_anonymous(f->app);
	mu_error_clear(&f->err);
	return app_invitation_accept(f->app, token, password, "Invited", s ? s : &tmp, &f->err);
}

static void invitations(struct fx *f)
{
	char inv[APP_TOKEN_MAX], late[APP_TOKEN_MAX], old[APP_TOKEN_MAX], prefix[32];
	char forged[APP_TOKEN_MAX + 16];
	struct app_session s;
	const char *rest;
	json_t *members = NULL;
	size_t i;
	json_t *m;
	int rc, seen;

	f->app->now += DAY;
	op(f, "Alpha");
	rc = app_invite(f->app, EMAIL("new"), "member", inv, NULL, &f->err);
	T_EQ(rc, 0, "invite new@ as a member: %s", f->err.message);
	snprintf(prefix, sizeof(prefix), "invite_%lld_", (long long)f->ws1);
	T_CHECK(!strncmp(inv, prefix, strlen(prefix)), "the invitation names Alpha: %s", inv);

	rc = accept(f, inv, "short", NULL);
	T_CHECK(rc == MU_EINVAL && t_streq(f->err.field, "password"),
		"a short password is refused: %s", ename(rc));
	rest = strchr(inv + strlen("invite_"), '_');
	if (rest) {
		snprintf(forged, sizeof(forged), "invite_%lld%s", (long long)f->ws2, rest);
		rc = accept(f, forged, "new password 1", NULL);
		T_EQ(rc, MU_ENOTFOUND, "the invitation with Beta's number: %s", ename(rc));
	}
	rc = accept(f, inv, "new password 1", &s);
	T_EQ(rc, 0, "accept with a new password: %s", f->err.message);
	if (rc == 0) {
		rc = auth(f, s.token, NULL, NULL, ROLE_MEMBER, NULL);
		T_CHECK(rc == 0 && f->app->who.role == ROLE_MEMBER && f->app->ws == f->ws1 &&
			f->app->who.account == s.account,
			"signed in as new@, a member of Alpha: %s %s", ename(rc), f->err.message);
		rc = auth(f, s.token, NULL, NULL, ROLE_ADMIN, NULL);
		T_EQ(rc, MU_EFORBIDDEN, "but no admin: %s", ename(rc));
	}
	op(f, "Alpha");
	seen = 0;
	if (app_member_list(f->app, &members, &f->err) == 0)
		json_array_foreach(members, i, m)
			if (t_streq(json_string_value(json_object_get(m, "email")), EMAIL("new")))
				seen = t_streq(json_string_value(json_object_get(m, "role")),
					       "member") &&
				       json_is_true(json_object_get(m, "can_sign_in"));
	json_decref(members);
	T_CHECK(seen, "new@ is a member of Alpha who can sign in");
	rc = accept(f, inv, "new password 1", NULL);
	T_EQ(rc, MU_ENOTFOUND, "an invitation is accepted once: %s", ename(rc));

	/* expired */
	op(f, "Alpha");
	rc = app_invite(f->app, EMAIL("late"), "viewer", late, NULL, &f->err);
	T_EQ(rc, 0, "invite late@: %s", f->err.message);
	f->app->now += APP_INVITATION_DAYS * DAY;
	rc = accept(f, late, "late password 1", NULL);
	T_EQ(rc, MU_ENOTFOUND, "after %d days: %s", APP_INVITATION_DAYS, ename(rc));
	op(f, "Alpha");
	rc = app_act_as(f->app, EMAIL("late"), &f->err);
	T_EQ(rc, MU_ENOTFOUND, "and late@ has no account: %s", ename(rc));

	/* an existing account proves itself */
	op(f, "Beta");
	rc = app_invite(f->app, EMAIL("viewer"), "member", old, NULL, &f->err);
	T_EQ(rc, 0, "invite viewer@ to Beta: %s", f->err.message);
	rc = accept(f, old, "not the viewer password", NULL);
	T_EQ(rc, MU_EAUTH, "with another password than its own: %s", ename(rc));
	op(f, "Beta");
	rc = app_act_as(f->app, EMAIL("viewer"), &f->err);
	T_EQ(rc, MU_ENOTFOUND, "which gave it no role in Beta: %s", ename(rc));
	rc = accept(f, old, "viewer password", &s);
	T_EQ(rc, 0, "with its own password: %s", f->err.message);
	if (rc == 0) {
		T_EQ(s.account, f->viewer, "the session is viewer@'s");
		rc = auth(f, s.token, NULL, "Beta", ROLE_MEMBER, NULL);
		T_CHECK(rc == 0 && f->app->who.role == ROLE_MEMBER,
			"viewer@ is a member of Beta: %s %s", ename(rc), f->err.message);
	}
}

/* ---- who may give which role ---- */

static enum role role_of(struct fx *f, const char *ws, const char *email)
{
	op(f, ws);
	if (app_act_as(f->app, email, &f->err) < 0)
		return ROLE_NONE;
	return f->app->who.role;
}

static void granting(struct fx *f)
{
	char tok[APP_TOKEN_MAX];
	int rc;

	f->app->now += DAY;
	op(f, "Alpha");
	rc = add(f, EMAIL("admin2"), NULL, "admin", NULL);
	T_EQ(rc, 0, "a second admin: %s", f->err.message);

	if (as(f, "Alpha", EMAIL("admin")) < 0)
		return;
	rc = app_account_role(f->app, EMAIL("member"), "owner", &f->err);
	T_EQ(rc, MU_EFORBIDDEN, "an admin makes no owner: %s", ename(rc));
	rc = app_account_role(f->app, EMAIL("member"), "admin", &f->err);
	T_EQ(rc, MU_EFORBIDDEN, "nor an admin: %s", ename(rc));
	rc = app_account_role(f->app, EMAIL("owner"), "member", &f->err);
	T_EQ(rc, MU_EFORBIDDEN, "nor demotes an owner: %s", ename(rc));
	rc = app_account_role(f->app, EMAIL("owner"), NULL, &f->err);
	T_EQ(rc, MU_EFORBIDDEN, "nor takes an owner's role away: %s", ename(rc));
	rc = app_account_role(f->app, EMAIL("admin2"), "viewer", &f->err);
	T_EQ(rc, MU_EFORBIDDEN, "nor demotes another admin: %s", ename(rc));
	rc = add(f, EMAIL("grant1"), NULL, "admin", NULL);
	T_EQ(rc, MU_EFORBIDDEN, "nor adds an admin: %s", ename(rc));
	rc = app_invite(f->app, EMAIL("grant2"), "owner", tok, NULL, &f->err);
	T_EQ(rc, MU_EFORBIDDEN, "nor invites an owner: %s", ename(rc));
	rc = app_invite(f->app, EMAIL("grant2"), "admin", tok, NULL, &f->err);
	T_EQ(rc, MU_EFORBIDDEN, "nor an admin: %s", ename(rc));
	rc = app_account_role(f->app, EMAIL("viewer"), "member", &f->err);
	T_EQ(rc, 0, "but makes a member: %s", f->err.message);
	if (INVITATIONS_WORK) {
		rc = app_invite(f->app, EMAIL("grant3"), "member", tok, NULL, &f->err);
		T_EQ(rc, 0, "and invites one: %s", f->err.message);
	}
	T_EQ(role_of(f, "Alpha", EMAIL("viewer")), ROLE_MEMBER, "viewer@ is a member now");
	T_EQ(role_of(f, "Alpha", EMAIL("member")), ROLE_MEMBER, "member@ is still a member");
	T_EQ(role_of(f, "Alpha", EMAIL("owner")), ROLE_OWNER, "owner@ is still an owner");

	if (as(f, "Alpha", EMAIL("member")) == 0) {
		rc = app_account_role(f->app, EMAIL("viewer"), "viewer", &f->err);
		T_EQ(rc, MU_EFORBIDDEN, "a member manages no roles: %s", ename(rc));
	}

	if (as(f, "Alpha", EMAIL("owner")) < 0)
		return;
	rc = app_account_role(f->app, EMAIL("member"), "admin", &f->err);
	T_EQ(rc, 0, "an owner makes an admin: %s", f->err.message);
	T_EQ(role_of(f, "Alpha", EMAIL("member")), ROLE_ADMIN, "member@ is an admin now");
	as(f, "Alpha", EMAIL("owner"));
	rc = app_account_role(f->app, EMAIL("member"), "member", &f->err);
	T_EQ(rc, 0, "and unmakes one: %s", f->err.message);
	if (INVITATIONS_WORK) {
		rc = app_invite(f->app, EMAIL("grant4"), "owner", tok, NULL, &f->err);
		T_EQ(rc, 0, "and invites an owner: %s", f->err.message);
	}
	T_EQ(role_of(f, "Alpha", EMAIL("member")), ROLE_MEMBER, "member@ is a member again");
}

/* ---- audit ---- */

/* 1 if the trail has an entry by actor of action on entity with detail. */
static int has_entry(json_t *list, const char *actor, const char *action, const char *entity,
		     const char *detail)
{
	size_t i;
	json_t *e;

	json_array_foreach(list, i, e)
		if (t_streq(json_string_value(json_object_get(e, "actor")), actor) &&
		    t_streq(json_string_value(json_object_get(e, "action")), action) &&
		    t_streq(json_string_value(json_object_get(e, "entity")), entity) &&
		    (!detail || t_streq(json_string_value(json_object_get(e, "detail")), detail)))
			return 1;
	return 0;
}

static void audit(struct fx *f)
{
	json_t *list = NULL;
	int rc;

	if (as(f, "Alpha", EMAIL("admin")) < 0)
		return;
	rc = app_audit_list(f->app, NULL, 0, 0, &list, &f->err);
	T_EQ(rc, 0, "an admin reads the audit trail: %s", f->err.message);
	if (rc == 0) {
		T_CHECK(has_entry(list, EMAIL("admin"), "role", "account", EMAIL("viewer")),
			"admin@ made viewer@ a member");
		T_CHECK(has_entry(list, EMAIL("owner"), "role", "account", EMAIL("member")),
			"owner@ changed member@'s role");
		if (INVITATIONS_WORK) {
			T_CHECK(has_entry(list, EMAIL("admin"), "create", "invitation",
					  EMAIL("grant3")), "admin@ invited grant3@");
			T_CHECK(has_entry(list, EMAIL("owner"), "create", "invitation",
					  EMAIL("grant4")), "owner@ invited grant4@");
			T_CHECK(has_entry(list, EMAIL("new"), "accept", "invitation", NULL),
				"new@ accepted its invitation");
		}
		T_CHECK(has_entry(list, "operator", "create", "token", "script"),
			"the operator made tokens");
		T_CHECK(has_entry(list, "operator", "delete", "token", NULL),
			"the operator revoked one");
		T_CHECK(!has_entry(list, EMAIL("admin"), "role", "account", EMAIL("owner")) &&
			!has_entry(list, EMAIL("admin"), "create", "invitation", EMAIL("grant2")),
			"refused changes leave no entry");
		json_decref(list);
	}
	if (as(f, "Alpha", EMAIL("member")) == 0) {
		rc = app_audit_list(f->app, NULL, 0, 0, &list, &f->err);
		T_EQ(rc, MU_EFORBIDDEN, "a member may not read the audit trail: %s", ename(rc));
		if (rc == 0)
			json_decref(list);
	}
}

/* ---- the fixture ---- */

static int setup(struct fx *f)
{
	static const struct {
		const char *email, *password, *role;
	} acc[] = {
		{ EMAIL("owner"), "owner password", "owner" },
		{ EMAIL("admin"), "admin password", "admin" },
		{ EMAIL("member"), "member password", "member" },
		{ EMAIL("viewer"), "viewer password", "viewer" },
		{ EMAIL("sess"), "sess password 1", "member" },
		{ EMAIL("thr"), "thr password 1", "member" },
		{ EMAIL("thr2"), "thr2 password 1", "member" },
	};
	mu_id *slot[ARRAY_SIZE(acc)] = { &f->owner, &f->admin, &f->member, &f->viewer };
	static const char *const spaces[] = {
		"{\"name\": \"Alpha\", \"kind\": \"group\"}",
		"{\"name\": \"Beta\", \"kind\": \"group\"}",
	};
	mu_id *ids[] = { &f->ws1, &f->ws2 };
	int rc;

	for (size_t i = 0; i < ARRAY_SIZE(spaces); i++) {
		json_t *spec = json_loads(spaces[i], 0, NULL);
		rc = app_workspace_create(f->app, spec, ids[i], &f->err);
		json_decref(spec);
		T_EQ(rc, 0, "create workspace %zu: %s", i, f->err.message);
		if (rc < 0)
			return rc;
	}
	op(f, "Alpha");
	for (size_t i = 0; i < ARRAY_SIZE(acc); i++) {
		mu_id id = 0;
		rc = add(f, acc[i].email, acc[i].password, acc[i].role, &id);
		T_EQ(rc, 0, "add %s: %s", acc[i].email, f->err.message);
		if (rc < 0)
			return rc;
		if (slot[i])
			*slot[i] = id;
	}
	op(f, "Beta");
	rc = app_account_role(f->app, EMAIL("member"), "viewer", &f->err);
	T_EQ(rc, 0, "member@ is a viewer of Beta: %s", f->err.message);
	return rc;
}

static int remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[4200];

	if (!d)
		return -1;
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
			snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
			unlink(path);
		}
	closedir(d);
	return rmdir(dir);
}

void test_access(void)
{
	const char *tmp = getenv("TMPDIR");
	char dir[4096], db[4200];
	struct fx f = { 0 };
	mu_time t0 = 0;
	int rc;

	rc = app_access_init(&f.err);
	T_EQ(rc, 0, "libsodium starts: %s", f.err.message);
	if (rc < 0)
		return;
	snprintf(dir, sizeof(dir), "%s/mutua-access.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		T_CHECK(0, "make a temporary directory under %s", dir);
		return;
	}
	snprintf(db, sizeof(db), "%s/access.db", dir);
	mu_time_parse("2026-03-04T08:00:00Z", &t0);
	rc = app_open(db, t0, &f.app, &f.err);
	T_EQ(rc, 0, "open %s: %s", db, f.err.message);
	if (rc == 0 && setup(&f) == 0) {
		passwords(&f);
		login_and_csrf(&f);
		roles(&f);
		sessions(&f);
		throttling(&f);
		tokens(&f);
		if (INVITATIONS_WORK)
			invitations(&f);
		granting(&f);
		audit(&f);
	}
	app_close(f.app);
	T_EQ(remove_tree(dir), 0, "remove %s", dir);
}
