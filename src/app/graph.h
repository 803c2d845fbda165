/*
 * graph.h - the use cases on the workspace as a graph (SPEC §4.7, §4.8): warm
 * introduction paths, people you may know, brokerage, communities, bridges and the
 * network map. Each answers JSON (new reference in *out) from the graph the actor may
 * see: private ties and persons of other accounts are not in it (docs/method.md §14).
 */
#ifndef MU_APP_GRAPH_H
#define MU_APP_GRAPH_H

#include <jansson.h>

#include "app/app.h"

#define APP_PATH_HOPS 3		/* default --max-hops */
#define APP_PATH_K 3		/* default --k */

/* Where a warm path starts and ends. */
struct app_path_ends {
	mu_id from;		/* a person, or 0 for any member of the workspace */
	mu_id to;		/* a person, or 0 */
	mu_id to_organisation;	/* anyone at this organisation, when to is 0 */
};
int app_path(struct app *app, const struct app_path_ends *ends, size_t k, unsigned max_hops,
	     json_t **out, struct mu_error *err);
/* Two-hop acquaintances of person by Adamic-Adar; plan (0: none) keeps only those in
 * one of its segments. */
int app_pymk(struct app *app, mu_id person, size_t top, mu_id plan, json_t **out,
	     struct mu_error *err);
/* Burt's constraint and effective size of person, or of everyone (0). */
int app_brokerage(struct app *app, mu_id person, json_t **out, struct mu_error *err);
int app_communities(struct app *app, json_t **out, struct mu_error *err);
/* The people who alone connect the rest to a community or to a plan's segment. */
int app_bridges(struct app *app, json_t **out, struct mu_error *err);
/* People, ties with their strength, and communities: what the network map draws. */
int app_map(struct app *app, json_t **out, struct mu_error *err);

#endif
