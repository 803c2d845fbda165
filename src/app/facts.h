/*
 * facts.h - the selected workspace as the method's facts (method/facts.h).
 */
#ifndef MU_APP_FACTS_H
#define MU_APP_FACTS_H

#include "app/app.h"
#include "method/facts.h"

/* Everything the computations read, in one read transaction; memory in a. */
int app_facts(struct app *app, struct mu_arena *a, struct m_facts *f, struct mu_error *err);

#endif
