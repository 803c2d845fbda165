/*
 * main.c - the program's entry: global options, the environment (read here and only
 * here), the clock, and the hand-over to the CLI or the server.
 *
 * Global options may stand anywhere before a lone "--": mutua --json person list and
 * mutua person list --json mean the same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "http/server.h"
#include "core/mtime.h"
#include "core/banned.h"

static int serve(const struct cli_env *env, const char *listen, int proxy, struct mu_error *err)
{
	struct http_config cfg = {
		.listen = listen,
		.db = env->db,
		.proxy = proxy,
		.threads = 2,
		.fixed_now = env->fixed_now,
		.now = env->now,
	};
	return http_serve(&cfg, err);
}

static int bad_usage(const char *fmt, const char *arg)
{
	fprintf(stderr, "mutua: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nusage: mutua [--db PATH] [--workspace NAME|ID] [--user EMAIL] [--json]"
		" [--now TIME|--date DATE] COMMAND ...\n");
	return 2;
}

/* Takes the global options out of argv; returns -1 (and has printed why) on error. */
static int global_options(struct cli_env *env, int *argc, char **argv)
{
	int out = 0, rest = 0;

	for (int i = 0; i < *argc; i++) {
		const char *a = argv[i], *v = NULL;
		int two = i + 1 < *argc;

		if (rest || !strcmp(a, "--")) {
			rest = 1;
			argv[out++] = argv[i];
			continue;
		}
		if (!strcmp(a, "--json")) {
			env->json = 1;
		} else if (!strcmp(a, "--db") || !strcmp(a, "--workspace") || !strcmp(a, "--now") ||
			   !strcmp(a, "--date") || !strcmp(a, "--user")) {
			if (!two)
				return bad_usage("%s needs a value", a), -1;
			v = argv[++i];
			if (!strcmp(a, "--db"))
				env->db = v;
			else if (!strcmp(a, "--workspace"))
				env->workspace = v;
			else if (!strcmp(a, "--user"))
				env->user = v;
			else if (!strcmp(a, "--date") ? mu_date_parse(v, &(int64_t){ 0 }) ||
							mu_when_parse(v, &env->now) :
							mu_when_parse(v, &env->now))
				return bad_usage("'%s' is not a time (YYYY-MM-DD or"
						 " YYYY-MM-DDTHH:MM:SSZ)", v), -1;
			else
				env->fixed_now = 1;
		} else {
			argv[out++] = argv[i];
		}
	}
	*argc = out;
	return 0;
}

int main(int argc, char **argv)
{
	struct cli_env env = { .serve = serve };
	const char *fault;

	env.db = getenv("MUTUA_DB");
	if (!env.db || !*env.db)
		env.db = "mutua.db";
	env.workspace = getenv("MUTUA_WORKSPACE");
	if (env.workspace && !*env.workspace)
		env.workspace = NULL;
	env.user = getenv("MUTUA_USER");
	if (env.user && !*env.user)
		env.user = NULL;
	env.now = (mu_time)time(NULL);
#ifdef MUTUA_TEST_BUILD
	/* MUTUA_FAULT=store:N fails the Nth store call: tests prove nothing half-writes */
	fault = getenv("MUTUA_FAULT");
	if (fault && !strncmp(fault, "store:", 6))
		env.fault_at = atol(fault + 6);
#else
	(void)fault;
#endif
	argc--;
	argv++;
	if (argc >= 1 && (!strcmp(argv[0], "--version") || !strcmp(argv[0], "version"))) {
		printf("mutua %s\n", MUTUA_VERSION);
		return 0;
	}
	if (argc >= 1 && (!strcmp(argv[0], "--help") || !strcmp(argv[0], "-h")))
		argv[0] = "help";
	if (global_options(&env, &argc, argv) < 0)
		return 2;
	return cli_main(&env, argc, argv);
}
