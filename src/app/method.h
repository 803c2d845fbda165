/*
 * method.h - the method's use cases (SPEC §4.1-§4.4) for the CLI and the API alike.
 *
 * Each call loads the selected workspace's facts in one read transaction, computes,
 * and returns one JSON document (new reference) whose shape docs/api.md gives. People
 * are store ids, already resolved by the caller (app_resolve).
 */
#ifndef MU_APP_METHOD_H
#define MU_APP_METHOD_H

#include <jansson.h>

#include "app/app.h"

/* Fit of two people (§4.1). MU_ENOTFOUND when one has no profile. */
int app_fit(struct app *app, mu_id a, mu_id b, json_t **out, struct mu_error *err);
struct json_stream;
/* Fit of every pair of profiles, or of the current members of a network:
 * {network, people, matrix (n x n numbers), pairs: [fit answers]}; without pairs when
 * with_pairs is 0 (a heat map needs only the numbers). With a stream (and pairs) the
 * document is written there pair by pair (a 1,000-member group has half a million
 * pairs) and *out is left alone; otherwise it is returned in *out. */
int app_fit_matrix(struct app *app, mu_id network, int with_pairs, struct json_stream *stream,
		   json_t **out, struct mu_error *err);
/* The top partners of a person, best first. */
int app_partners(struct app *app, mu_id person, size_t top, json_t **out, struct mu_error *err);
/* Power teams (§4.2), the best top of them (0: all); min_fit < 0 takes the workspace's
 * threshold. */
int app_power_teams(struct app *app, mu_id network, double min_fit, size_t top, json_t **out,
		    struct mu_error *err);
/* Balance of a pair (b != 0), or of a against everyone with their partners (b == 0),
 * over exchanges of one network when network != 0 (§4.3). */
int app_balance(struct app *app, mu_id a, mu_id b, mu_id network, json_t **out,
		struct mu_error *err);
/* Every member's balance over the group, or over one network's exchanges. */
int app_balance_group(struct app *app, mu_id network, json_t **out, struct mu_error *err);
/* The exchanges of a person (or all, person 0), newest first, with their points. */
int app_ledger(struct app *app, mu_id person, json_t **out, struct mu_error *err);
/* Strength of a towards b with its five terms (§4.4). */
int app_strength(struct app *app, mu_id a, mu_id b, json_t **out, struct mu_error *err);
/* One person's history, newest first, and their ties with strength (method/timeline.h). */
int app_timeline(struct app *app, mu_id person, json_t **out, struct mu_error *err);
/* Today's agenda, for one person or everyone (person 0). */
int app_agenda(struct app *app, mu_id person, json_t **out, struct mu_error *err);

/* Return of one network (or of each, network 0) over the days from..to (SPEC §4.6):
 * {"networks": [...]} */
int app_roi(struct app *app, mu_id network, int64_t from, int64_t to, json_t **out,
	    struct mu_error *err);
/* Coverage and gaps of one plan, or of each (plan 0): {"plans": [...]} (SPEC §4.5) */
int app_coverage(struct app *app, mu_id plan, json_t **out, struct mu_error *err);
/* Members matching an ask, or each open ask (ask 0), the best top (0: all):
 * {"asks": [...]} (SPEC §4.9) */
int app_matches(struct app *app, mu_id ask, size_t top, json_t **out, struct mu_error *err);
/* Turn the match of person to an ask into the ledger: an introduction (an exchange
 * from person to the asker) or a referral (given by person to the asker), now.
 * {"exchange": {...}} or {"referral": {...}}. */
int app_ask_accept(struct app *app, mu_id ask, mu_id person, const char *as, json_t **out,
		   struct mu_error *err);
/* The participation matrix of an organisation's employees (persons of it) x the
 * networks they take part in, with role, hours, hourly cost, expected outcome,
 * meetings attended and their cost over the last 365 days, and their goals there; with
 * the organisation's ground rules. Organisation 0: each with participants. */
int app_participation(struct app *app, mu_id organisation, json_t **out, struct mu_error *err);
/* The scorecard of one network, or of each (network 0): {"scorecards": [...]} */
int app_scorecard(struct app *app, mu_id network, json_t **out, struct mu_error *err);
/* Progress of every goal (of one person, or all with person 0): {"goals": [...]} */
int app_goals(struct app *app, mu_id person, json_t **out, struct mu_error *err);

/* Move a referral to status at time at (0: now). Won with a closed value writes the
 * closed-business exchange once. The updated referral and the exchange written, if
 * any: {"referral": {...}, "exchange": {...}|null}. */
int app_referral_move(struct app *app, mu_id referral, const char *status, mu_time at,
		      json_t *closed_value, json_t **out, struct mu_error *err);

#endif
