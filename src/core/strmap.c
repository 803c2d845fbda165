/*
 * strmap.c - a hash map from text to a long (see strmap.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/strmap.h"
#include "core/arena.h"
#include "core/banned.h"

struct entry {
	const char *key;	/* NULL: empty */
	uint64_t hash;
	long value;
};

struct strmap {
	struct entry *t;
	size_t cap, n;		/* cap is a power of two, at least twice n */
	struct mu_arena keys;
};

static uint64_t hash_of(const char *s)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static struct entry *table_new(size_t cap)
{
	struct entry *t = calloc(cap, sizeof(*t));

	if (!t)
		abort();
	return t;
}

struct strmap *strmap_new(void)
{
	struct strmap *m = calloc(1, sizeof(*m));

	if (!m)
		abort();
	m->cap = 256;
	m->t = table_new(m->cap);
	mu_arena_init(&m->keys);
	return m;
}

void strmap_free(struct strmap *m)
{
	if (!m)
		return;
	free(m->t);
	mu_arena_release(&m->keys);
	free(m);
}

static struct entry *find(const struct strmap *m, const char *key, uint64_t h)
{
	size_t i = h & (m->cap - 1);

	while (m->t[i].key && (m->t[i].hash != h || strcmp(m->t[i].key, key)))
		i = (i + 1) & (m->cap - 1);
	return &m->t[i];
}

static void grow(struct strmap *m)
{
	struct entry *old = m->t;
	size_t n = m->cap;

	m->cap *= 2;
	m->t = table_new(m->cap);
	for (size_t i = 0; i < n; i++)
		if (old[i].key)
			*find(m, old[i].key, old[i].hash) = old[i];
	free(old);
}

long *strmap_get(const struct strmap *m, const char *key)
{
	struct entry *e = find(m, key, hash_of(key));

	return e->key ? &e->value : NULL;
}

long *strmap_put(struct strmap *m, const char *key, long value, int *added)
{
	uint64_t h = hash_of(key);
	struct entry *e;

	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	e = find(m, key, h);
	if (added)
		*added = !e->key;
	if (!e->key) {
		e->key = mu_strdup(&m->keys, key);
		e->hash = h;
		e->value = value;
		m->n++;
	}
	return &e->value;
}

size_t strmap_count(const struct strmap *m)
{
	return m->n;
}
