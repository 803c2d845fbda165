/*
 * pairmap.c - unordered id pairs to integers, by linear probing.
 */
#include "method/pairmap.h"
#include "core/banned.h"

static size_t pair_hash(mu_id lo, mu_id hi)
{
	uint64_t h = (uint64_t)lo * 0x9E3779B97F4A7C15u ^ ((uint64_t)hi + 0x632BE59BD9B4E019u);
	h ^= h >> 31;
	h *= 0xBF58476D1CE4E5B9u;
	return (size_t)(h ^ (h >> 29));
}

void m_pairmap_init(struct m_pairmap *m, struct mu_arena *a, size_t capacity)
{
	m->slots = 16;
	while (m->slots < 2 * capacity)
		m->slots *= 2;
	m->slot = mu_alloc_array(a, m->slots, sizeof *m->slot);
	for (size_t i = 0; i < m->slots; i++)
		m->slot[i].value = -1;
}

static struct m_pair_slot *find(const struct m_pairmap *m, mu_id a, mu_id b)
{
	mu_id lo = a < b ? a : b, hi = a < b ? b : a;
	size_t s = pair_hash(lo, hi) & (m->slots - 1);
	while (m->slot[s].value >= 0 && (m->slot[s].lo != lo || m->slot[s].hi != hi))
		s = (s + 1) & (m->slots - 1);
	return &m->slot[s];
}

int32_t m_pairmap_get(const struct m_pairmap *m, mu_id a, mu_id b)
{
	return m->slots ? find(m, a, b)->value : -1;
}

int32_t m_pairmap_put(struct m_pairmap *m, mu_id a, mu_id b, int32_t value)
{
	struct m_pair_slot *s = find(m, a, b);
	if (s->value < 0) {
		s->lo = a < b ? a : b;
		s->hi = a < b ? b : a;
		s->value = value;
	}
	return s->value;
}
