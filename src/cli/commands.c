/*
 * commands.c - the command table and the dispatcher.
 *
 * Dispatch, `mutua help`, the man page and the tests that walk the commands all read
 * this one table; a command's flags say what it needs (store, workspace), and
 * cli_main() does that set-up once for all.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "app/access.h"
#include "app/app.h"
#include "core/banned.h"

#define RECORD(k, word) \
	{ word, cli_record, CMD_STORE | CMD_WORKSPACE | CMD_RECORD, k, \
	  "add|list|show|edit|rm ...", NULL, NULL }

static const struct cli_command commands[] = {
	{ "init", cli_init, CMD_STORE, 0,
	  "--name NAME --kind personal|group|organisation [--locale sv|da|en] [--currency CODE]"
	  " [--settings JSON]",
	  "create a workspace",
	  "A workspace holds one network: a professional's own (personal), a referral group's"
	  " (group) or a company's (organisation). Locale defaults to en, currency to SEK."
	  " --settings takes the settings object of the workspace document (fit_weights,"
	  " fit_threshold_power_team, reciprocity_window_days, cadence_days); what it leaves"
	  " out keeps its default." },
	{ "workspace", cli_workspace, CMD_STORE, 0, "list|show | set KEY VALUE [KEY VALUE ...]",
	  "list the workspaces, show the selected one, or change its settings",
	  "'workspace list' lists every workspace in the database; 'workspace show' prints the"
	  " selected one with its settings (SPEC 4 weights and thresholds). 'workspace set'"
	  " changes settings: KEY is a setting's path in the settings object of the workspace"
	  " document, names joined by dots and an index in brackets (fit_weights,"
	  " fit_weights[2], fit_threshold_power_team, reciprocity_window_days,"
	  " cadence_days.inner, scorecard.green, scorecard.window_days, ...); VALUE is JSON"
	  " (0.3, [0.3,0.2,0.2,0.2,0.1]), or null to give the setting its default back."
	  " The pairs change together in one transaction, or none does: an unknown key, a"
	  " wrong type or a value out of range is refused with its key"
	  " (settings.fit_weights[2]: must be a number from 0 to 1). Admins and owners only;"
	  " the change is audited and the scores follow it at once." },
	{ "person", cli_record, CMD_STORE | CMD_WORKSPACE | CMD_RECORD, ENT_PERSON,
	  "add|list|show|edit|rm ... | merge KEEP OTHER", NULL,
	  "'person merge KEEP OTHER' joins two records of one human: every tie, exchange,"
	  " referral, membership, attendance and other record naming OTHER names KEEP;"
	  " KEEP gains OTHER's e-mails, phones, web addresses and tags and the fields it"
	  " lacks; a tie or exchange between the two goes, and a tie both had with the same"
	  " person becomes one; then OTHER is deleted. One transaction." },
	RECORD(ENT_ORGANISATION, "org"),
	RECORD(ENT_PROFILE, "profile"),
	RECORD(ENT_TIE, "tie"),
	RECORD(ENT_EXCHANGE, "exchange"),
	{ "referral", cli_referral, CMD_STORE | CMD_WORKSPACE | CMD_RECORD, ENT_REFERRAL,
	  "add|list|show|edit|rm ... | move REFERRAL STATUS [--at TIME] [--value MONEY]", NULL,
	  "'referral move' takes a referral one step along given, contacted, meeting, offer,"
	  " won or lost and stamps the step in its history (forward only; 'referral edit'"
	  " corrects mistakes). Moving to won with --value (or a closed value set before)"
	  " writes the thank-you for closed business into the ledger, from the receiver to"
	  " the giver, once: moving to won again only corrects its amount." },
	RECORD(ENT_NETWORK, "network"),
	RECORD(ENT_MEMBERSHIP, "membership"),
	RECORD(ENT_MEETING, "meeting"),
	RECORD(ENT_ONE_TO_ONE, "one-to-one"),
	{ "takeaway", cli_takeaway, CMD_STORE | CMD_WORKSPACE | CMD_RECORD, ENT_TAKEAWAY,
	  "add|list|show|edit|rm ... | search TEXT [--limit N] [--cursor C]", NULL,
	  "'takeaway search' finds takeaways by their text and tags, most relevant first"
	  " (default the first 50; --cursor C continues from a page's next_cursor). Words"
	  " must all occur, case ignored and accents kept (å is not a); \"a phrase\" in"
	  " double quotes matches its words in order, and a * after a word matches every"
	  " word it begins (kommun*). Other characters only separate words: AND, OR and"
	  " parentheses are searched as text. The API's GET /api/v1/takeaways?q= does the"
	  " same." },
	RECORD(ENT_GOAL, "goal"),
	RECORD(ENT_PLAN, "plan"),
	RECORD(ENT_ASK, "ask"),
	RECORD(ENT_OFFER, "offer"),
	RECORD(ENT_TASK, "task"),
	{ "fit", cli_fit, CMD_STORE | CMD_WORKSPACE, 0, "A B | --matrix [--network N]",
	  "partner fit by the five cornerstones",
	  "The fit of two people's profiles (SPEC 4.1): C1 liking, C2 same field without"
	  " competing, C3 same target organisations, C4 same people at different stages,"
	  " C5 both earn; each with its score and the inputs that gave it, and a veto when"
	  " they compete or dislike each other. --matrix gives every pair of profiles, or of"
	  " the current members of network N. Formulas: docs/method.md." },
	{ "partners", cli_partners, CMD_STORE | CMD_WORKSPACE, 0, "A [--top K]",
	  "the best referral partners of a person",
	  "Everyone with a profile ranked by fit with A (default the top 5), with the veto"
	  " where there is one." },
	{ "powerteams", cli_powerteams, CMD_STORE | CMD_WORKSPACE, 0,
	  "[--min-fit X] [--network N] [--top K]", "groups of 3-5 who all fit each other",
	  "Maximal cliques of the fit graph at the workspace's threshold (default 0.5) or"
	  " --min-fit, ranked by mean pairwise fit, with each member's mean fit to the others"
	  " (SPEC 4.2). A larger clique gives its best five. --top K shows the best K." },
	{ "balance", cli_balance, CMD_STORE | CMD_WORKSPACE, 0,
	  "[A B | --member A] [--network N]", "give and take: balance, mutual benefit, flags",
	  "Points given and received over the reciprocity window (default 365 days), the"
	  " balance B = (G - R)/(G + R), mutual benefit M = 2 min(G, R)/(G + R) and the flags"
	  " taker, giver_only, fading and thanks_owed with their reasons (SPEC 4.3). A B: one"
	  " pair seen from A; --member A: A against everyone, with each partner; nothing: every"
	  " member, takers first. --network N counts only that network's exchanges." },
	{ "ledger", cli_ledger, CMD_STORE | CMD_WORKSPACE, 0, "[A]",
	  "the exchanges of a person, or all, newest first",
	  "Each exchange with the points it counts for: its kind's points, closed business"
	  " 3 + log10(1 + value), thanks 0." },
	{ "strength", cli_strength, CMD_STORE | CMD_WORKSPACE, 0, "A B",
	  "tie strength of A towards B, term by term",
	  "s = 0.35 recency + 0.25 frequency + 0.10 duration + 0.15 mutual benefit + 0.15"
	  " liking, each term shown with what gave it (SPEC 4.4)." },
	{ "timeline", cli_timeline, CMD_STORE | CMD_WORKSPACE, 0, "PERSON",
	  "a person's history, newest first, and their ties with strength",
	  "Everything the workspace holds about one person, newest first: exchanges given and"
	  " received, referrals given, received or about them (dated when given, with the"
	  " status now), one-to-ones, meetings attended (with the attendance code) or visited,"
	  " takeaways they wrote, and when each tie began. Then their ties, strongest first,"
	  " with tier and strength (SPEC 4.4). What the caller may not see is left out." },
	{ "agenda", cli_agenda, CMD_STORE | CMD_WORKSPACE, 0, "[PERSON] [--date D]",
	  "what to do today: follow-ups, thanks, referrals, goals",
	  "Ties overdue on their cadence ranked by strength x days overdue, thank-yous owed"
	  " (due within 7 days of what was received), referrals that have not moved for 14"
	  " days and goals behind schedule, each with why it is there and what to do. For one"
	  " person, or everyone in the workspace. The global --date D sets the day." },
	{ "coverage", cli_coverage, CMD_STORE | CMD_WORKSPACE, 0, "[--plan P]",
	  "how well each target segment of a plan is covered, and what to do about the gaps",
	  "Coverage of a segment = the people matching it with a tie of strength 0.3 or more"
	  " (from the plan's owner, or from anyone); gap = want - coverage. For each gap: the"
	  " weak contacts already in the segment to revive, strongest first, then the networks"
	  " whose current members are in the segment, free first, then most members per unit"
	  " of yearly fee, with purpose, openness and meeting place. The people suggested never"
	  " exceed the plan's capacity per month (SPEC 4.5)." },
	{ "matches", cli_matches, CMD_STORE | CMD_WORKSPACE, 0,
	  "[--ask A] [--top K] | --ask A --accept PERSON [--as introduction|referral]",
	  "members who can answer the open asks, and turning a match into the ledger",
	  "Each open ask (or A) against every member with a profile: the share of the ask's"
	  " segment their profile aims at, their good contacts in the segment (3 or more count"
	  " fully) and the share of the ask's words found in their offerings, themes, what"
	  " they contribute and their open offers; the score is the mean of the parts that"
	  " apply, each match with its reasons, best K first (default 5). --accept PERSON"
	  " writes the answer into the ledger now: an introduction from PERSON to the asker,"
	  " or with --as referral a referral given by PERSON (SPEC 4.9). Post an ask or offer"
	  " with 'ask add' / 'offer add' and close it with 'ask edit A --status closed'." },
	{ "path", cli_path, CMD_STORE | CMD_WORKSPACE, 0,
	  "FROM TO [--k K] [--max-hops H] | --members TO | FROM --org O",
	  "warm introduction paths: who can introduce you",
	  "The strongest chains of ties from FROM (or from any current member of the"
	  " workspace's networks, --members) to TO (or to anyone at organisation O), at most H"
	  " ties long (default 3), the best and the next K-1 (default 3 in all). A tie's cost"
	  " is -ln s of its strength s, so the best path multiplies the strongest strengths;"
	  " each hop shows its strength and last interaction, and each path whom to ask"
	  " first (SPEC 4.7)." },
	{ "pymk", cli_pymk, CMD_STORE | CMD_WORKSPACE, 0, "PERSON [--top K] [--plan P]",
	  "people you may know: two steps away, by shared acquaintances",
	  "People tied to PERSON's contacts but not to PERSON, ranked by the Adamic-Adar index:"
	  " the sum over the contacts they share of 1/ln(that contact's number of ties), so a"
	  " shared acquaintance who knows few people counts more. --plan P keeps those in one of"
	  " the plan's target segments; people who object (Art. 21) are never suggested." },
	{ "brokerage", cli_brokerage, CMD_STORE | CMD_WORKSPACE, 0, "[PERSON]",
	  "who brokers between otherwise unconnected people",
	  "Burt's constraint (low: the contacts do not know each other, the person brokers)"
	  " and effective size (contacts, less their redundancy) of PERSON or of everyone,"
	  " weighted by tie strength as networkx defines them (SPEC 4.8)." },
	{ "communities", cli_communities, CMD_STORE | CMD_WORKSPACE, 0, "",
	  "the clusters of the network",
	  "Communities found by the Leiden algorithm (igraph), maximising modularity with tie"
	  " strengths as weights; the same workspace gives the same communities." },
	{ "bridges", cli_bridges, CMD_STORE | CMD_WORKSPACE, 0, "",
	  "people who alone connect a community or a plan segment",
	  "For each community, and each target segment of each plan: when only one person"
	  " outside it has ties into it, that person is the only way in, the risk when they"
	  " leave (SPEC 4.8)." },
	{ "map", cli_map, CMD_STORE | CMD_WORKSPACE, 0, "",
	  "the network map: people, ties with their strength, communities",
	  "What the web UI's network map draws, as JSON with --json: nodes (people with their"
	  " community) and edges (ties with their strength)." },
	{ "participation", cli_participation, CMD_STORE | CMD_WORKSPACE, 0, "[--org O]",
	  "which employees take part in which networks, at what cost, for what",
	  "For an organisation (or each whose people take part in networks): its ground rules,"
	  " and per employee and network the role, hours per meeting, hourly cost, expected"
	  " outcome, meetings attended in the last 365 days and their cost, and the"
	  " employee's goals there (seed 003). Set the rules with 'org edit O --ground-rules'." },
	{ "roi", cli_roi, CMD_STORE | CMD_WORKSPACE, 0, "[--network N] [--from D --to D]",
	  "what each network costs and returns, and whether to keep it",
	  "Per network over a period (default: the year up to today): cost = fees (per year or"
	  " month pro rata, per meeting held) + attended meetings x hours x hourly cost; money"
	  " return = closed value of the network's won referrals; ROI = (return - cost)/cost;"
	  " the non-money returns and the network's goals; Blau diversity of the members over"
	  " industry sections and role functions; and the verdict keep, review or leave with"
	  " its reasons (SPEC 4.6, docs/method.md)." },
	{ "scorecard", cli_scorecard, CMD_STORE | CMD_WORKSPACE, 0, "[--network N]",
	  "each member's scorecard and the group's totals per week and month",
	  "For the current members of each network (or N) over the rolling window of the"
	  " settings (default 182 days): attendance (P, L and S of the meetings held while a"
	  " member; M is excused), referrals given, visitors brought, one-to-ones, closed"
	  " business received and given, takeaways shared; each against its threshold gives a"
	  " score min(1, value/threshold) and a colour, the mean of the scores the member's"
	  " colour: green, amber, red, or grey for a member newer than new_member_days"
	  " (SPEC 4.10, settings.scorecard)." },
	{ "goals", cli_goals, CMD_STORE | CMD_WORKSPACE, 0, "[PERSON]",
	  "progress of every goal against its target and period",
	  "Each goal's value so far in its period, its progress (value/target) and whether it"
	  " is behind schedule: progress below the share of the period gone by." },
	{ "import", cli_import, CMD_STORE, 0,
	  "json FILE [--as NAME] | vcard|linkedin|google FILE [--dry-run] [--legal-basis B]"
	  " [--me PERSON]",
	  "import a workspace document as a new workspace, or an address book into this one",
	  "'import json' reads a workspace document (FORMAT.md section 1; FILE - is standard"
	  " input) and creates a new workspace from it, named as in the document or by --as."
	  " Ids that look like store ids are kept; others are given new ids and every"
	  " reference follows. Unknown fields, bad values and dangling references are refused"
	  " with their JSON path, and then nothing is imported.\n\n"
	  "'import vcard' (vCard 2.1, 3.0, 4.0), 'import linkedin' (LinkedIn's Connections.csv)"
	  " and 'import google' (Google Contacts CSV, current or legacy) add the file's people"
	  " to the selected workspace. A contact who is already there - the same e-mail, the"
	  " same phone number (as E.164), the same web address, or the same name and"
	  " organisation, case and accents aside - is merged: new e-mails, phones, web"
	  " addresses and tags are added and empty fields filled, nothing is overwritten."
	  " Added persons get the source (the file's kind and the date) and --legal-basis"
	  " (legitimate_interest, consent or contract; default legitimate_interest)."
	  " LinkedIn's rows become ties from --me PERSON (default: your own person) dated by"
	  " Connected On. UTF-8 with or without a BOM, UTF-16 and Windows-1252 files and ';'"
	  " separated files from Nordic Excel are read. --dry-run prints what would be"
	  " added, merged and skipped with the reasons and changes nothing. One transaction:"
	  " a file that fails imports nothing and says at which line and why. A progress bar"
	  " shows on a terminal (docs/interchange.md)." },
	{ "export", cli_export_any, CMD_STORE | CMD_WORKSPACE, 0,
	  "json|vcard|csv [-o FILE] | ical [-o FILE] [--person P]",
	  "export the workspace as a document, its people as vCard or CSV, or the agenda",
	  "'export json' writes the whole workspace as one JSON document (FORMAT.md section"
	  " 1), every array sorted by id, to standard output or FILE. Importing it into a new"
	  " database and exporting again gives the same bytes. 'export vcard' writes the"
	  " persons you may see as vCard 4.0 (RFC 6350) and 'export csv' as a Google Contacts"
	  " CSV file, whose cells cannot start a spreadsheet formula; both import again as"
	  " the same persons. 'export ical' writes the agenda (every line a VTODO, due when it"
	  " is due) and the one-to-ones and network meetings (VEVENT) as an RFC 5545 calendar,"
	  " for everyone or for --person P; the same feed is served at /api/v1/agenda.ics to"
	  " subscribe to. UIDs stay the same from one export to the next." },
	{ "copy", cli_copy, 0, 0, "--from URL --to URL",
	  "copy a whole database into a new one: SQLite to PostgreSQL and back",
	  "Copies every workspace, account, role, session, API token, invitation, audit entry"
	  " and record of --from into --to, keeping every id, in one transaction: a copy"
	  " lands whole or not at all. Each URL is a SQLite file or a postgres:// or"
	  " postgresql:// URL (--db ignored). --from must exist; --to must hold no workspace"
	  " and no account (a new file, or a new PostgreSQL database: createdb). The copy is"
	  " noted in every workspace's audit trail. 'export json' of a workspace gives the"
	  " same document before and after (docs/scaling.md)." },
	{ "demo", cli_demo, CMD_STORE, 0, "[--kind group|organisation|personal|all] [--login EMAIL]",
	  "create a realistic demo workspace",
	  "group: a Skåne/Öresund referral chapter of 25 members with a year of meetings,"
	  " referrals and exchanges; organisation: a company whose employees attend five"
	  " networks; personal: a Copenhagen freelancer's network of about 300 contacts."
	  " The data are deterministic for a given --now. Default: group. --login EMAIL also"
	  " makes an account that owns the demo workspaces, with a random password printed"
	  " once, to sign in to the API and the web UI with." },
	{ "account", cli_account, CMD_STORE, 0,
	  "add EMAIL [--name N] [--role R] [--password-file F] | list | passwd EMAIL"
	  " [--password-file F] | rm EMAIL | role EMAIL ROLE|none | link EMAIL PERSON|none"
	  " | members",
	  "accounts that sign in, and their roles in the workspace",
	  "An account signs in to the API and the web UI with its e-mail and a password of at"
	  " least 12 characters, stored as an Argon2id hash. The password is read from"
	  " --password-file F (- is standard input), else asked for on the terminal; without"
	  " either the account cannot sign in until 'account passwd'. --role gives it a role in"
	  " the selected workspace: owner, admin, member or viewer ('account role' changes it,"
	  " none takes it away; only an owner makes owners and admins). 'account link' says"
	  " which person the account is, so that their likings and one-to-one notes are its"
	  " own. 'account list' (operator) shows every account with its workspaces; 'account"
	  " members' the accounts of the selected workspace. 'passwd' ends the account's"
	  " sessions. See docs/security.md." },
	{ "token", cli_token, CMD_STORE | CMD_WORKSPACE, 0,
	  "create --name N [--account EMAIL] [--role R] [--expires D] | list | revoke ID",
	  "API tokens for scripts",
	  "A token is sent as 'Authorization: Bearer TOKEN'. It belongs to an account: the"
	  " --user, or for the operator --account. It works in the selected workspace only,"
	  " with --role at most its account's role (default the account's), until revoked or"
	  " --expires (a date or time). It is printed once: only its hash is kept. 'token"
	  " revoke' ends it at once." },
	{ "invite", cli_invite, CMD_STORE | CMD_WORKSPACE, 0,
	  "EMAIL --role R | list | rm ID",
	  "invite someone to the workspace with a role",
	  "Prints a one-time invitation token, valid for 7 days; the invited person accepts it"
	  " with POST /api/v1/invitations/accept {token, password, display_name}, which makes"
	  " their account (or proves an existing one by its password) and signs them in." },
	{ "audit", cli_audit, CMD_STORE | CMD_WORKSPACE, 0, "[--since D] [--limit N]",
	  "who read or changed personal data, and when",
	  "Every read, computation, export and change of the workspace's records, with the"
	  " account (or operator) that did it, oldest first, from --since D (a date or time)."
	  " Admins only; GET /api/v1/audit serves the same." },
	{ "subject", cli_subject, CMD_STORE | CMD_WORKSPACE, 0,
	  "export PERSON [-o FILE] | erase PERSON [--yes]",
	  "a data subject's rights: everything about a person, or erase them",
	  "For an admin, on a person's request (GDPR; docs/privacy.md). 'subject export'"
	  " writes everything the workspace holds about PERSON (an id, e-mail or name) as one"
	  " JSON document (Art. 15 and 20): the person, their profile, the ties, exchanges,"
	  " referrals, memberships, meetings, one-to-ones, takeaways, goals, plans, asks,"
	  " offers and tasks that name them, and the audit trail of their record. 'subject"
	  " erase' (Art. 17) removes their name, e-mails, phones, title, city, tags, source,"
	  " organisation and profile, the notes of the exchanges, one-to-ones and ties that"
	  " name them, and mentions of them in other records' text; the person stays as 'Erased person ID' with role, industry and"
	  " region, so ledger totals, balances, scorecards and group statistics keep their"
	  " numbers. Hashes of their e-mails, phones and name are kept so that they are not"
	  " added again without legal_basis consent. It cannot be undone: on a terminal it"
	  " asks, otherwise it needs --yes. A person with objection set (person edit"
	  " --objection, Art. 21) is never suggested by partners, powerteams, fit --matrix,"
	  " matches, coverage or the agenda's follow-ups." },
	{ "serve", cli_serve, CMD_STORE, 0, "[--listen 127.0.0.1:8080] [--proxy]",
	  "serve the HTTP API",
	  "Serves the JSON API under /api/v1/ until SIGTERM or SIGINT. Every request but"
	  " health, sign-in and the OpenAPI document signs in with the session cookie of"
	  " POST /api/v1/login or an API token, and names its workspace in the"
	  " X-Mutua-Workspace header when the account has several. --listen takes any local"
	  " address (0.0.0.0:8080 for all). --proxy trusts X-Forwarded-For and"
	  " X-Forwarded-Proto from the proxy in front (nginx), for throttling by client and"
	  " for Secure cookies; use it only behind one. See docs/security.md." },
	{ "help", cli_help, 0, 0, "[COMMAND] | --man",
	  "show help for Mutua or for one command",
	  "'mutua help --man' prints the manual page mutua(1), generated from this table." },
};

const struct cli_command *cli_commands(size_t *n)
{
	*n = sizeof(commands) / sizeof(commands[0]);
	return commands;
}

const struct cli_command *cli_find(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		const char *a = commands[i].name, *b = name;
		/* one_to_one and one-to-one are the same word */
		while (*a && (*a == *b || (*a == '-' && *b == '_')))
			a++, b++;
		if (!*a && !*b)
			return &commands[i];
	}
	return NULL;
}

int cli_usage_error(struct mu_error *err, const struct cli_command *cmd, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (cmd)
		return mu_fail(err, MU_EUSAGE, "", "%s\nusage: mutua %s %s", msg, cmd->name,
			       cmd->usage);
	return mu_fail(err, MU_EUSAGE, "", "%s", msg);
}

static int wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return 1;
	return 0;
}

static int run(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	       struct mu_error *err)
{
	int rc;

	if (cmd->flags & CMD_STORE) {
		if ((rc = app_open(c->env->db, c->env->now, &c->app, err)) < 0)
			return rc;
		if (c->env->fault_at)
			store_fail_at(c->app->st, c->env->fault_at);
	}
	if ((cmd->flags & CMD_WORKSPACE) &&
	    (rc = app_workspace_select(c->app, c->env->workspace, err)) < 0)
		return rc;
	if (c->app && c->env->user && (rc = app_act_as(c->app, c->env->user, err)) < 0)
		return rc;
	return cmd->fn(c, cmd, argc, argv, err);
}

int cli_main(const struct cli_env *env, int argc, char **argv)
{
	struct cli c = { .env = env, .out = stdout };
	struct mu_error err = { 0 };
	const struct cli_command *cmd;
	int rc;

	if (argc < 1) {
		char *help[] = { "help" };
		return cli_main(env, 1, help);
	}
	cmd = cli_find(argv[0]);
	if (!cmd) {
		fprintf(stderr, "mutua: '%s' is not a command; see 'mutua help'\n", argv[0]);
		return 2;
	}
	if (app_access_init(&err) < 0) {
		fprintf(stderr, "mutua: %s\n", err.message);
		return 1;
	}
	mu_arena_init(&c.a);
	if (wants_help(argc, argv)) {
		char name[64], *help[] = { "help", name };
		snprintf(name, sizeof(name), "%s", cmd->name);
		rc = cli_help(&c, cli_find("help"), 2, help, &err);
	} else {
		rc = run(&c, cmd, argc, argv, &err);
	}
	if (rc < 0)
		fprintf(stderr, "mutua: %s%s%s\n", err.field[0] ? err.field : "",
			err.field[0] ? ": " : "", err.message);
	fflush(stdout);
	app_close(c.app);
	mu_arena_release(&c.a);
	return rc < 0 ? mu_error_exit(rc) : 0;
}
