/*
 * workspace.h - the workspace object of the document (FORMAT.md §1) and its settings.
 */
#ifndef MU_IO_WORKSPACE_H
#define MU_IO_WORKSPACE_H

#include <jansson.h>

#include "core/arena.h"
#include "core/error.h"
#include "core/model.h"

#define WORKSPACE_FORMAT "mutua-workspace/1"

/* Validate {name, kind, locale, currency, settings} into w (strings in a). Absent
 * locale is en, currency SEK; settings get every default of SPEC §4 filled in. */
int workspace_decode(struct mu_arena *a, json_t *obj, struct workspace *w,
		     struct mu_error *err);
/* {name, kind, locale, currency, settings} (new reference). */
json_t *workspace_encode(const struct workspace *w);

#endif
