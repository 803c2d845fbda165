/*
 * facts.h - the selected workspace as the method's facts (method/facts.h).
 */
#ifndef MU_APP_FACTS_H
#define MU_APP_FACTS_H

#include "app/app.h"
#include "method/facts.h"

/* Everything the computations read, in one read transaction; memory in a. */
int app_facts(struct app *app, struct mu_arena *a, struct m_facts *f, struct mu_error *err);

/* Every computing use case starts the same way: a workspace, its facts as the actor may
 * see them, an arena that dies with the call, and an audit entry naming the
 * computation. call_begin() names it after the calling function ("app_fit" is "fit"). */
struct call {
	struct mu_arena a;
	struct m_facts f;
};
#define call_begin(app, c, err) call_begin_named(app, c, __func__ + 4, err)
int call_begin_named(struct app *app, struct call *c, const char *name, struct mu_error *err);
/* MU_ENOTFOUND unless person id is in the facts (field "person"). */
int call_need_person(const struct m_facts *f, mu_id id, struct mu_error *err);
/* Release the call's memory; returns rc. */
int call_end(struct call *c, int rc);

#endif
