/*
 * strmap.h - a hash map from text to a long: the importer's indexes (e-mails, phones,
 * names, organisations, ties) over hundreds of thousands of records.
 *
 * Open addressing with linear probing, FNV-1a; keys are copied into the map's own
 * arena. Owner: strmap_new() allocates, strmap_free() releases; running out of memory
 * aborts, as the arena does.
 */
#ifndef MU_STRMAP_H
#define MU_STRMAP_H

#include <stddef.h>

struct strmap;

struct strmap *strmap_new(void);
void strmap_free(struct strmap *m);

/* The value of key, or NULL. */
long *strmap_get(const struct strmap *m, const char *key);
/* The value of key, added as value if it was missing (*added tells, if not NULL). */
long *strmap_put(struct strmap *m, const char *key, long value, int *added);
/* How many keys. */
size_t strmap_count(const struct strmap *m);

#endif
