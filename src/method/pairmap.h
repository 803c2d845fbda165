/*
 * pairmap.h - unordered pairs of ids to small integers (an index into the caller's
 * array), by open addressing. Fixed capacity, chosen at creation; memory in an arena.
 */
#ifndef MU_METHOD_PAIRMAP_H
#define MU_METHOD_PAIRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/model.h"

struct m_pairmap {
	size_t slots;		/* a power of two, at least twice the capacity */
	struct m_pair_slot {
		mu_id lo, hi;
		int32_t value;	/* -1: empty */
	} *slot;
};

/* Room for up to capacity pairs. */
void m_pairmap_init(struct m_pairmap *m, struct mu_arena *a, size_t capacity);
/* The value of {a, b}, or -1. */
int32_t m_pairmap_get(const struct m_pairmap *m, mu_id a, mu_id b);
/* The value of {a, b}; if absent, value is stored and returned. */
int32_t m_pairmap_put(struct m_pairmap *m, mu_id a, mu_id b, int32_t value);

#endif
