/*
 * account.c - `mutua account|token|invite|audit` (docs/security.md).
 *
 * Passwords never travel on the command line, where other users see them in the
 * process list: they come from a file (--password-file, - for standard input) or from
 * the terminal with echo off.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "app/access.h"
#include "io/record.h"
#include "core/banned.h"

#define PASSWORD_MAX 1100

/* The first line of f, without its newline. */
static int read_line(FILE *f, char *out, size_t size, struct mu_error *err)
{
	size_t len;

	if (!fgets(out, (int)size, f))
		return mu_fail(err, MU_EIO, "--password-file", "no password to read");
	len = strcspn(out, "\r\n");
	out[len] = '\0';
	return 0;
}

static int read_terminal(const char *prompt, char *out, size_t size, struct mu_error *err)
{
	struct termios old, quiet;
	int rc;

	fprintf(stderr, "%s", prompt);
	if (tcgetattr(STDIN_FILENO, &old) < 0)
		return mu_fail(err, MU_EIO, "", "cannot read the terminal");
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	rc = read_line(stdin, out, size, err);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	fprintf(stderr, "\n");
	return rc;
}

/* The password from --password-file or the terminal into out; *given 0 if neither. */
static int get_password(const char *file, char *out, size_t size, int *given,
			struct mu_error *err)
{
	FILE *f;
	int rc;

	*given = 1;
	if (file && !strcmp(file, "-"))
		return read_line(stdin, out, size, err);
	if (file) {
		if (!(f = fopen(file, "r")))
			return mu_fail(err, MU_EIO, "--password-file", "cannot read '%s'", file);
		rc = read_line(f, out, size, err);
		fclose(f);
		return rc;
	}
	if (isatty(STDIN_FILENO))
		return read_terminal("password (12 characters or more): ", out, size, err);
	*given = 0;
	return 0;
}

static void done(struct cli *c, const char *what)
{
	if (c->env->json)
		cli_print_json(c, json_pack("{s:s}", "status", what));
	else
		fprintf(c->out, "%s\n", what);
}

static int select_workspace(struct cli *c, struct mu_error *err)
{
	int rc = app_workspace_select(c->app, c->env->workspace, err);

	if (rc == 0 && c->env->user)
		rc = app_act_as(c->app, c->env->user, err);
	return rc;
}

static int account_add(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		       struct mu_error *err)
{
	const char *email = NULL, *name = NULL, *role = NULL, *file = NULL, *v;
	char password[PASSWORD_MAX];
	int given, rc;
	mu_id id;

	for (int i = 2; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "--name")))
			name = v;
		else if ((v = cli_opt(argc, argv, &i, "--role")))
			role = v;
		else if ((v = cli_opt(argc, argv, &i, "--password-file")))
			file = v;
		else if (!email && argv[i][0] != '-')
			email = argv[i];
		else
			return cli_usage_error(err, cmd, "unexpected '%s'", argv[i]);
	}
	if (!email)
		return cli_usage_error(err, cmd, "give the account's e-mail");
	if (role && (rc = select_workspace(c, err)) < 0)
		return rc;
	if ((rc = get_password(file, password, sizeof(password), &given, err)) < 0)
		return rc;
	rc = app_account_add(c->app, email, name, given ? password : NULL, role, &id, err);
	memset(password, 0, sizeof(password));
	if (rc < 0)
		return rc;
	if (c->env->json)
		cli_print_json(c, json_pack("{s:o, s:s, s:b}", "id", record_id_json(id), "email",
					    email, "can_sign_in", given));
	else
		fprintf(c->out, "account %lld: %s%s\n", (long long)id, email,
			given ? "" : " (cannot sign in until 'account passwd')");
	return 0;
}

static void print_accounts(struct cli *c, json_t *list, const void *arg)
{
	static const char *const head[] = { "id", "email", "name", "sign-in", "role" };
	int with_workspaces = arg != NULL;
	size_t n = json_array_size(list), k = 0;
	const char **cells = mu_alloc_array(&c->a, n * 5 + 1, sizeof(*cells));
	json_t *o;
	size_t i;

	json_array_foreach(list, i, o) {
		json_t *ws = json_object_get(o, "workspaces"), *w;
		const char *roles = json_string_value(json_object_get(o, "role"));
		size_t j;
		if (with_workspaces) {
			roles = "";
			json_array_foreach(ws, j, w)
				roles = mu_printf(&c->a, "%s%s%s: %s", roles, j ? ", " : "",
						  json_string_value(json_object_get(w, "name")),
						  json_string_value(json_object_get(w, "role")));
		}
		cells[k++] = json_string_value(json_object_get(o, "id"));
		cells[k++] = json_string_value(json_object_get(o, "email"));
		cells[k++] = json_string_value(json_object_get(o, "display_name"));
		cells[k++] = json_is_true(json_object_get(o, "can_sign_in")) ? "yes" : "no";
		cells[k++] = roles ? roles : "";
	}
	cli_table(c->out, head, 5, cells, n);
}

/* A table of a list of JSON objects: head[i] shows member keys[i] ("" or "-" when
 * absent, as blank says). */
struct columns {
	const char *const *head, *const *keys;
	size_t n;
	const char *blank;
};

static const struct columns token_columns = {
	(const char *const[]){ "id", "name", "account", "role", "expires", "last used" },
	(const char *const[]){ "id", "name", "account", "role", "expires_at", "last_used_at" },
	6, "-"
};
static const struct columns invitation_columns = {
	(const char *const[]){ "id", "email", "role", "expires" },
	(const char *const[]){ "id", "email", "role", "expires_at" }, 4, ""
};
static const struct columns audit_columns = {
	(const char *const[]){ "at", "actor", "action", "entity", "id", "detail" },
	(const char *const[]){ "at", "actor", "action", "entity", "entity_id", "detail" }, 6, ""
};

static void print_columns(struct cli *c, json_t *list, const void *arg)
{
	const struct columns *cols = arg;
	size_t n = json_array_size(list), k = 0, i;
	const char **cells = mu_alloc_array(&c->a, n * cols->n + 1, sizeof(*cells));
	json_t *o;

	json_array_foreach(list, i, o)
		for (size_t j = 0; j < cols->n; j++) {
			const char *v = json_string_value(json_object_get(o, cols->keys[j]));
			cells[k++] = v ? v : cols->blank;
		}
	cli_table(c->out, cols->head, cols->n, cells, n);
}

/* Print the result of a listing use case as JSON or with show. */
static int listing(struct cli *c, int rc, json_t *list,
		   void (*show)(struct cli *, json_t *, const void *), const void *arg)
{
	if (rc < 0)
		return rc;
	if (c->env->json) {
		cli_print_json(c, list);
		return 0;
	}
	show(c, list, arg);
	json_decref(list);
	return 0;
}


static int account_passwd(struct cli *c, const struct cli_command *cmd, int argc,
			  char **argv, struct mu_error *err)
{
	const char *file = NULL, *email = NULL, *v;
	char password[PASSWORD_MAX];
	int given, rc;

	for (int i = 2; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "--password-file")))
			file = v;
		else if (!email && argv[i][0] != '-')
			email = argv[i];
		else
			return cli_usage_error(err, cmd, "unexpected '%s'", argv[i]);
	}
	if (!email)
		return cli_usage_error(err, cmd, "give the account's e-mail");
	if ((rc = get_password(file, password, sizeof(password), &given, err)) < 0)
		return rc;
	if (!given)
		return cli_usage_error(err, cmd, "give the password with --password-file");
	rc = app_account_passwd(c->app, email, password, err);
	memset(password, 0, sizeof(password));
	if (rc == 0)
		done(c, "password set; the account's sessions have ended");
	return rc;
}

/* `account role EMAIL ROLE|none` and `account link EMAIL PERSON|none`. */
static int account_pair(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
			struct mu_error *err)
{
	int link = !strcmp(argv[1], "link"), none, rc;
	mu_id person = 0;

	if (argc != 4)
		return cli_usage_error(err, cmd, "'account %s' takes an e-mail and a %s", argv[1],
				       link ? "person" : "role");
	if ((rc = select_workspace(c, err)) < 0)
		return rc;
	none = !strcmp(argv[3], "none");
	if (!link)
		rc = app_account_role(c->app, argv[2], none ? NULL : argv[3], err);
	else if (none || (rc = app_resolve(c->app, &c->a, model_entity(ENT_PERSON), argv[3],
					    &person, err)) == 0)
		rc = app_account_link(c->app, argv[2], person, err);
	if (rc == 0)
		done(c, link ? "linked" : "role set");
	return rc;
}

int cli_account(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		struct mu_error *err)
{
	const char *verb = argc > 1 ? argv[1] : "";
	json_t *list = NULL;
	int rc;

	if (!strcmp(verb, "add"))
		return account_add(c, cmd, argc, argv, err);
	if (!strcmp(verb, "passwd"))
		return account_passwd(c, cmd, argc, argv, err);
	if (!strcmp(verb, "role") || !strcmp(verb, "link"))
		return account_pair(c, cmd, argc, argv, err);
	if (!strcmp(verb, "list") && argc == 2) {
		rc = app_account_list(c->app, &list, err);
		return listing(c, rc, list, print_accounts, "workspaces");
	}
	if (!strcmp(verb, "members") && argc == 2) {
		if ((rc = select_workspace(c, err)) < 0)
			return rc;
		rc = app_member_list(c->app, &list, err);
		return listing(c, rc, list, print_accounts, NULL);
	}
	if (!strcmp(verb, "rm") && argc == 3) {
		if ((rc = app_account_rm(c->app, argv[2], err)) == 0)
			done(c, "account deleted");
		return rc;
	}
	return cli_usage_error(err, cmd, "'%s' is not an account verb", verb);
}

static int token_create(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
			struct mu_error *err)
{
	const char *name = NULL, *account = NULL, *role = NULL, *expires = NULL, *v;
	char token[APP_TOKEN_MAX];
	mu_id id;
	int rc;

	for (int i = 2; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "--name")))
			name = v;
		else if ((v = cli_opt(argc, argv, &i, "--account")))
			account = v;
		else if ((v = cli_opt(argc, argv, &i, "--role")))
			role = v;
		else if ((v = cli_opt(argc, argv, &i, "--expires")))
			expires = v;
		else
			return cli_usage_error(err, cmd, "unexpected '%s'", argv[i]);
	}
	if (!name)
		return cli_usage_error(err, cmd, "give the token a --name");
	if ((rc = app_token_create(c->app, account, name, role, expires, token, &id, err)) < 0)
		return rc;
	if (c->env->json)
		cli_print_json(c, json_pack("{s:o, s:s}", "id", record_id_json(id), "token", token));
	else
		fprintf(c->out, "%s\n", token);
	memset(token, 0, sizeof(token));
	return 0;
}

int cli_token(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	      struct mu_error *err)
{
	const char *verb = argc > 1 ? argv[1] : "";
	json_t *list = NULL;
	mu_id id;
	int rc;

	if (!strcmp(verb, "create"))
		return token_create(c, cmd, argc, argv, err);
	if (!strcmp(verb, "list") && argc == 2) {
		rc = app_token_list(c->app, &list, err);
		return listing(c, rc, list, print_columns, &token_columns);
	}
	if (!strcmp(verb, "revoke") && argc == 3) {
		if (!record_is_store_id(argv[2], &id))
			return cli_usage_error(err, cmd, "'%s' is not a token id", argv[2]);
		if ((rc = app_token_revoke(c->app, id, err)) == 0)
			done(c, "token revoked");
		return rc;
	}
	return cli_usage_error(err, cmd, "'%s' is not a token verb", verb);
}

int cli_invite(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	       struct mu_error *err)
{
	const char *verb = argc > 1 ? argv[1] : "", *role = NULL, *v;
	char token[APP_TOKEN_MAX];
	json_t *list = NULL;
	mu_id id;
	int rc;

	if (!strcmp(verb, "list") && argc == 2) {
		rc = app_invitation_list(c->app, &list, err);
		return listing(c, rc, list, print_columns, &invitation_columns);
	}
	if (!strcmp(verb, "rm") && argc == 3) {
		if (!record_is_store_id(argv[2], &id))
			return cli_usage_error(err, cmd, "'%s' is not an invitation id", argv[2]);
		if ((rc = app_invitation_rm(c->app, id, err)) == 0)
			done(c, "invitation withdrawn");
		return rc;
	}
	for (int i = 2; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "--role")))
			role = v;
		else
			return cli_usage_error(err, cmd, "unexpected '%s'", argv[i]);
	}
	if (argc < 2 || verb[0] == '-' || !role)
		return cli_usage_error(err, cmd, "give an e-mail and a --role");
	if ((rc = app_invite(c->app, verb, role, token, &id, err)) < 0)
		return rc;
	if (c->env->json)
		cli_print_json(c, json_pack("{s:o, s:s}", "id", record_id_json(id), "token", token));
	else
		fprintf(c->out, "%s\n", token);
	return 0;
}

int cli_audit(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	      struct mu_error *err)
{
	const char *since = NULL, *v;
	json_t *list = NULL;
	long limit = 0;
	char *end;
	int rc;

	for (int i = 1; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "--since"))) {
			since = v;
		} else if ((v = cli_opt(argc, argv, &i, "--limit"))) {
			limit = strtol(v, &end, 10);
			if (*end || limit < 1)
				return cli_usage_error(err, cmd, "--limit takes a positive number");
		} else {
			return cli_usage_error(err, cmd, "unexpected '%s'", argv[i]);
		}
	}
	rc = app_audit_list(c->app, since, 0, (size_t)limit, &list, err);
	return listing(c, rc, list,
		       print_columns, &audit_columns);
}
