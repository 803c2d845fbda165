/*
 * arena.c - blocks of at least 64 KiB, chained; a large request gets its own block.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/error.h"
#include "core/banned.h"

#define BLOCK_SIZE (64 * 1024)

struct mu_arena_block {
	struct mu_arena_block *next;
	size_t size, off;
	_Alignas(16) unsigned char data[];
};

void mu_arena_init(struct mu_arena *a)
{
	a->head = NULL;
	a->used = 0;
}

void mu_arena_release(struct mu_arena *a)
{
	struct mu_arena_block *b = a->head, *next;

	for (; b; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
	a->used = 0;
}

/* size bytes, 16-aligned, not cleared: for what is written over at once. */
static void *alloc_raw(struct mu_arena *a, size_t size)
{
	struct mu_arena_block *b = a->head;
	size_t need = (size + 15) & ~(size_t)15;

	if (need < size)
		MU_BUG("arena allocation overflows");
	if (!b || b->size - b->off < need) {
		size_t cap = need > BLOCK_SIZE ? need : BLOCK_SIZE;
		b = malloc(sizeof(*b) + cap);
		if (!b)
			MU_BUG("out of memory");
		b->size = cap;
		b->off = 0;
		/* a big block goes behind the head so the head's free room is not lost */
		if (a->head && need > BLOCK_SIZE) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	void *p = b->data + b->off;
	b->off += need;
	a->used += need;
	return p;
}

void *mu_alloc(struct mu_arena *a, size_t size)
{
	void *p = alloc_raw(a, size);

	memset(p, 0, size);
	return p;
}

void *mu_alloc_array(struct mu_arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		MU_BUG("arena array size overflows");
	return mu_alloc(a, n * size != 0 ? n * size : 1);
}

void *mu_grow(struct mu_arena *a, void *items, size_t n, size_t *cap, size_t size)
{
	void *more;

	if (n < *cap)
		return items;
	more = mu_alloc_array(a, *cap ? *cap * 2 : 16, size);
	if (n)
		memcpy(more, items, n * size);
	*cap = *cap ? *cap * 2 : 16;
	return more;
}

char *mu_strndup(struct mu_arena *a, const char *s, size_t n)
{
	char *p;

	if (!s)
		return NULL;
	if (n == SIZE_MAX)
		MU_BUG("arena allocation overflows");
	p = alloc_raw(a, n + 1);	/* every byte is written next */
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *mu_strdup(struct mu_arena *a, const char *s)
{
	return s ? mu_strndup(a, s, strlen(s)) : NULL;
}

char *mu_printf(struct mu_arena *a, const char *fmt, ...)
{
	va_list ap, ap2;
	int n;
	char *p;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		MU_BUG("bad format");
	p = alloc_raw(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}
