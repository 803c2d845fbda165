/*
 * handlers.h - route handlers that live outside routes.c, one file per family.
 */
#ifndef MU_HTTP_HANDLERS_H
#define MU_HTTP_HANDLERS_H

#include "http/routes.h"

#define HTTP_METHOD_HANDLERS(X) X(fit_get) X(fit_matrix_get) X(partners_get) \
	X(powerteams_get) X(balance_get) X(ledger_get) X(strength_get) X(timeline_get) X(agenda_get) X(agenda_ics_get) \
	X(referral_move_post) X(roi_get) X(goals_get) X(scorecard_get) X(coverage_get) X(matches_get) \
	X(ask_accept_post) X(participation_get) X(openapi_get) \
	X(path_get) X(pymk_get) X(brokerage_get) X(communities_get) X(bridges_get) \
	X(map_get) X(login_post) X(logout_post) X(session_get) X(tokens_get) X(tokens_post) X(token_delete) \
	X(members_get) X(members_put) X(invitations_get) X(invitations_post) \
	X(invitation_delete) X(invitation_accept_post) X(audit_get) \
	X(subject_get) X(subject_erase_post) \
	X(import_post) X(import_json_post) X(export_contacts_get) X(person_merge_post)
#define HTTP_DECLARE(name) int http_##name(struct http_request *req, struct http_reply *rep, \
					   struct mu_error *err);
HTTP_METHOD_HANDLERS(HTTP_DECLARE)
#undef HTTP_DECLARE

/* The request body as a JSON object (new reference in *out); MU_EJSON or MU_EINVAL. */
int http_body_object(const struct http_request *req, json_t **out, struct mu_error *err);

#endif
