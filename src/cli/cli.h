/*
 * cli.h - the command line (FORMAT.md §2).
 *
 * main.c parses the global options and hands the rest to cli_main(), which finds the
 * command in the table (cli/commands.c), opens the store and selects the workspace as
 * the command's flags ask, and runs it. Commands print to stdout, errors to stderr,
 * and return 0 or a negative MU_E* code that cli_main turns into the exit status.
 */
#ifndef MU_CLI_H
#define MU_CLI_H

#include <stdio.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/error.h"
#include "core/mtime.h"
#include "core/model.h"

struct app;

struct cli_env {
	const char *db;		/* --db, $MUTUA_DB, or ./mutua.db */
	const char *workspace;	/* --workspace or $MUTUA_WORKSPACE, may be NULL */
	const char *user;	/* --user or $MUTUA_USER: act as this account; NULL: operator */
	int json;		/* --json */
	mu_time now;		/* --now / --date, else the clock */
	int fixed_now;		/* 1 if --now or --date was given */
	long fault_at;		/* test builds: MUTUA_FAULT=store:N */
	/* `mutua serve`, provided by main.c so that cli/ does not include http/ */
	int (*serve)(const struct cli_env *env, const char *listen, int proxy,
		     struct mu_error *err);
};

struct cli {
	const struct cli_env *env;
	struct app *app;	/* open when the command needs the store */
	struct mu_arena a;	/* everything the command allocates */
	FILE *out;
};

enum cli_flags {
	CMD_STORE = 1 << 0,	/* opens the database */
	CMD_WORKSPACE = 1 << 1,	/* selects a workspace */
	CMD_RECORD = 1 << 2,	/* the record verbs of an entity */
};

struct cli_command {
	const char *name;
	int (*fn)(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		  struct mu_error *err);
	unsigned flags;
	enum entity_kind entity;	/* CMD_RECORD only */
	const char *usage;		/* after "mutua NAME " */
	const char *summary;
	const char *details;		/* paragraphs for help and the man page */
};

const struct cli_command *cli_commands(size_t *n);
const struct cli_command *cli_find(const char *name);

/* Run the command in argv[0]; returns the process exit status. */
int cli_main(const struct cli_env *env, int argc, char **argv);

/* Commands, one file per family. */
int cli_record(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	       struct mu_error *err);
int cli_init(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	     struct mu_error *err);
int cli_workspace(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		  struct mu_error *err);
int cli_import(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	       struct mu_error *err);
int cli_export(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	       struct mu_error *err);
int cli_copy(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	     struct mu_error *err);
int cli_demo(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	     struct mu_error *err);
int cli_serve(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	      struct mu_error *err);
/* Accounts, tokens, invitations and the audit trail (cli/account.c). */
int cli_account(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		struct mu_error *err);
int cli_token(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	      struct mu_error *err);
int cli_invite(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	       struct mu_error *err);
int cli_audit(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	      struct mu_error *err);
int cli_help(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	     struct mu_error *err);
/* A data subject's rights: export and erase (cli/subject.c). */
int cli_subject(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		struct mu_error *err);
/* The method (cli/method.c). */
#define CLI_METHOD_COMMANDS(X) X(fit) X(partners) X(powerteams) X(balance) X(ledger) \
	X(strength) X(timeline) X(agenda) X(referral) X(export_any) \
	X(roi) X(goals) X(scorecard) X(coverage) X(matches) \
	X(participation) X(path) X(pymk) X(brokerage) X(communities) X(bridges) X(map)
#define CLI_DECLARE(name) int cli_##name(struct cli *c, const struct cli_command *cmd, \
					 int argc, char **argv, struct mu_error *err);
CLI_METHOD_COMMANDS(CLI_DECLARE)
#undef CLI_DECLARE
/* `takeaway search`, else the record verbs (cli/search.c). */
int cli_takeaway(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		 struct mu_error *err);

/* Address books in and out, and merging two persons (cli/interchange.c). */
int cli_import_contacts(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
			struct mu_error *err);
int cli_export_contacts(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
			struct mu_error *err);
int cli_person_merge(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
		     struct mu_error *err);

/* Helpers shared by the commands (cli/util.c). */
/* The most a file given to import may hold. */
#define CLI_IMPORT_LIMIT ((size_t)256 << 20)
struct mu_buf;
/* Append the file at path ("-": standard input) to b; MU_ETOOBIG past b's limit. */
int cli_read_file(const char *path, struct mu_buf *b, struct mu_error *err);
/* Print a JSON value on c->out, indented, with a newline; takes the reference. */
void cli_print_json(struct cli *c, json_t *j);
/* Write len bytes to the file at path, or to c->out when path is NULL or "-". */
int cli_write_file(struct cli *c, const char *path, const void *data, size_t len,
		   struct mu_error *err);
/* Simple option scanner: "--name VALUE" or "--name=VALUE"; returns the value or NULL
 * and advances *i; flags (no value) are matched with cli_flag. */
const char *cli_opt(int argc, char **argv, int *i, const char *name);
int cli_usage_error(struct mu_error *err, const struct cli_command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Print rows of cells as an aligned table (UTF-8 aware, cells cut at 40 columns). */
/* Option values as the record options take them (cli/record.c): money such as
 * "12 500,50 SEK" (f says whether a "/year" part is allowed), and times. New
 * references, or NULL with err set. */
json_t *cli_money_value(struct cli *c, const struct field_def *f, const char *text,
			struct mu_error *err);
json_t *cli_time_value(const char *text, struct mu_error *err);
void cli_table(FILE *out, const char *const *head, size_t ncols, const char **cells,
	       size_t nrows);

#endif
