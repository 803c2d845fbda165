/*
 * demo.h - deterministic, realistic demo workspaces as workspace documents
 * (FORMAT.md §1), imported by `mutua demo` through the ordinary import.
 */
#ifndef MU_IO_DEMO_H
#define MU_IO_DEMO_H

#include <stdint.h>

#include <jansson.h>

enum demo_kind { DEMO_GROUP, DEMO_ORGANISATION, DEMO_PERSONAL };

/* A new document (caller owns it) for kind, its history in the year before now (Unix
 * seconds); the same inputs give the same document byte for byte. */
json_t *demo_document(enum demo_kind kind, int64_t now);

#endif
