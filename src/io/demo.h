/*
 * demo.h - deterministic, realistic demo workspaces as workspace documents
 * (FORMAT.md §1), imported by `mutua demo` through the ordinary import.
 *
 * DEMO_GROUP is a BNI-style referral chapter in Lund (sv, SEK), DEMO_ORGANISATION a
 * Danish consultancy whose employees take part in five networks (da, DKK) and
 * DEMO_PERSONAL a Copenhagen freelancer's network of 300 contacts (da, DKK).
 */
#ifndef MU_IO_DEMO_H
#define MU_IO_DEMO_H

#include <stdint.h>

#include <jansson.h>

enum demo_kind { DEMO_GROUP, DEMO_ORGANISATION, DEMO_PERSONAL };

/* A new workspace document (caller owns the reference) for kind, with all dates placed
 * relative to now (Unix seconds, UTC): history runs over the 12 months before now; a few
 * tasks, goals and the plan reach into the future. Same inputs, same document, byte for
 * byte. Returns NULL only on allocation failure (or an unknown kind). */
json_t *demo_document(enum demo_kind kind, int64_t now);

#endif
