/*
 * access.h - accounts, sign-in, tokens, roles, invitations, privacy and audit: the use
 * cases of SPEC §6 under both the CLI and the API (docs/security.md, docs/privacy.md).
 *
 * The actor (app->who) is set once per command or request: the CLI's operator or
 * --user account, or the API's signed-in account or token. Every use case reads it
 * here, so the CLI and the API cannot differ on who may do or see what.
 */
#ifndef MU_APP_ACCESS_H
#define MU_APP_ACCESS_H

#include <jansson.h>

#include "app/app.h"
#include "core/access.h"

#define APP_TOKEN_MAX 96	/* room for any token this file hands out, with its NUL */
#define APP_PASSWORD_MIN 12	/* characters */
#define APP_SESSION_IDLE (2 * 3600)	/* seconds without a request before a session ends */
#define APP_SESSION_MAX (12 * 3600)	/* seconds a session lasts at most */
#define APP_INVITATION_DAYS 7

/* Start libsodium; once per process, before any other call here. */
int app_access_init(struct mu_error *err);

/* --- the actor --- */

/* Act as the operator: every right, every record (the CLI without --user). */
void app_act_as_operator(struct app *app);
/* Act as no one: a request that has not signed in. */
void app_act_anonymous(struct app *app);
/* Act as the account with this e-mail, with its role in the selected workspace
 * (MU_ENOTFOUND if it has none there). */
int app_act_as(struct app *app, const char *email, struct mu_error *err);
/* MU_EFORBIDDEN unless the actor's role is at least need. */
int app_need_role(struct app *app, enum role need, struct mu_error *err);

/* --- accounts (operator, or an owner/admin for the selected workspace's roles) --- */

/* A new account. password may be NULL (it cannot sign in until one is set); role,
 * if not NULL, is its role in the selected workspace. */
int app_account_add(struct app *app, const char *email, const char *name,
		    const char *password, const char *role, mu_id *id, struct mu_error *err);
/* Every account with the workspaces it has a role in (new reference). */
int app_account_list(struct app *app, json_t **out, struct mu_error *err);
/* Set a new password; the account's sessions end. */
int app_account_passwd(struct app *app, const char *email, const char *password,
		       struct mu_error *err);
int app_account_rm(struct app *app, const char *email, struct mu_error *err);
/* Give the account a role in the selected workspace, or none (role NULL). */
int app_account_role(struct app *app, const char *email, const char *role,
		     struct mu_error *err);
/* Say which person of the selected workspace the account is (person 0: none). Their
 * likings and one-to-one notes are then the account's own. */
int app_account_link(struct app *app, const char *email, mu_id person, struct mu_error *err);
/* The accounts with a role in the selected workspace (new reference). */
int app_member_list(struct app *app, json_t **out, struct mu_error *err);

/* A random password of 20 characters from URL-safe base64 (about 120 bits). */
void app_random_password(char out[APP_TOKEN_MAX]);

/* --- sign-in --- */

struct app_session {
	char token[APP_TOKEN_MAX];	/* the cookie's value */
	char csrf[APP_TOKEN_MAX];	/* what unsafe requests must echo */
	mu_id account;
	int64_t expires;		/* Unix seconds: the absolute limit */
};
/* Check e-mail and password and open a session. MU_EAUTH for any wrong pair, whether
 * the account exists or not; MU_ETHROTTLE with *retry_after seconds when the account
 * or the client address failed too often (10 a minute, 100 an hour). */
int app_login(struct app *app, const char *email, const char *password, const char *client,
	      struct app_session *out, int *retry_after, struct mu_error *err);
int app_logout(struct app *app, const char *token, struct mu_error *err);
/* The CSRF token of a session token (derived, not stored). */
void app_csrf_of(const char *session_token, char out[APP_TOKEN_MAX]);
/* 1 if given equals the session's CSRF token, in constant time. */
int app_csrf_ok(const char *session_token, const char *given);

/* Who is calling the API. */
struct app_credentials {
	const char *session;	/* the session cookie, or NULL */
	const char *bearer;	/* the bearer token, or NULL */
	const char *workspace;	/* the workspace asked for (id or name), or NULL */
};
enum app_via { VIA_NONE, VIA_SESSION, VIA_TOKEN };
/* Authenticate, and with need >= ROLE_VIEWER select the workspace and check the role:
 * sets app->who. MU_EAUTH without valid credentials; MU_ENOTFOUND for a workspace the
 * account has no role in (as if it did not exist); MU_EFORBIDDEN below need. *via
 * says how the caller signed in. */
int app_authenticate(struct app *app, const struct app_credentials *c, enum role need,
		     enum app_via *via, struct mu_error *err);
/* The signed-in account, its workspaces and the session's CSRF token (new reference). */
int app_session_json(struct app *app, const char *session_token, json_t **out,
		     struct mu_error *err);

/* --- API tokens of the selected workspace --- */

/* A token for the account with e-mail email (NULL: the actor), with role at most the
 * account's own; expires NULL or a time. The token is shown once, in out. */
int app_token_create(struct app *app, const char *email, const char *name, const char *role,
		     const char *expires, char out[APP_TOKEN_MAX], mu_id *id,
		     struct mu_error *err);
/* Tokens the actor may see: their own, or all for an admin (new reference). */
int app_token_list(struct app *app, json_t **out, struct mu_error *err);
int app_token_revoke(struct app *app, mu_id id, struct mu_error *err);

/* --- invitations to the selected workspace --- */

int app_invite(struct app *app, const char *email, const char *role, char out[APP_TOKEN_MAX],
	       mu_id *id, struct mu_error *err);
int app_invitation_list(struct app *app, json_t **out, struct mu_error *err);
int app_invitation_rm(struct app *app, mu_id id, struct mu_error *err);
/* Accept an invitation: a new account with password (and display name), or the
 * existing account of the invited e-mail proven by its password; then sign in. */
int app_invitation_accept(struct app *app, const char *token, const char *password,
			  const char *name, struct app_session *out, struct mu_error *err);

/* --- audit --- */

/* Record that the actor did action to entity (record id, or 0), inside the current
 * transaction. detail may be NULL. */
int app_audit(struct app *app, const char *action, const char *entity, mu_id id,
	      const char *detail, struct mu_error *err);
/* Record a read in a transaction of its own, after the read's. */
int app_audit_read(struct app *app, const char *action, const char *entity, mu_id id,
		   const char *detail, struct mu_error *err);
/* Entries since (a date or time, NULL: all), after id after, at most limit (admins). */
int app_audit_list(struct app *app, const char *since, mu_id after, size_t limit,
		   json_t **out, struct mu_error *err);

#endif
