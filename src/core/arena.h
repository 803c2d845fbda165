/*
 * arena.h - a region allocator: one per command or request.
 *
 * Parsed input, rows, results and explanations live in the arena and die together
 * with mu_arena_release(). Allocation never returns NULL: running out of memory
 * aborts (a server cannot answer sensibly without memory, and every caller would
 * otherwise carry an untestable branch).
 */
#ifndef MU_ARENA_H
#define MU_ARENA_H

#include <stddef.h>

struct mu_arena_block;

struct mu_arena {
	struct mu_arena_block *head;
	size_t used;		/* total bytes handed out, for limits and tests */
};

void mu_arena_init(struct mu_arena *a);
void mu_arena_release(struct mu_arena *a);

void *mu_alloc(struct mu_arena *a, size_t size);		/* zeroed, 16-aligned */
void *mu_alloc_array(struct mu_arena *a, size_t n, size_t size);	/* checks overflow */
/* items (an arena array of *cap, holding n) with room for one more: the same array,
 * or a copy twice as large (*cap 0 starts at 16). */
void *mu_grow(struct mu_arena *a, void *items, size_t n, size_t *cap, size_t size);
char *mu_strdup(struct mu_arena *a, const char *s);	/* NULL stays NULL */
char *mu_strndup(struct mu_arena *a, const char *s, size_t n);
char *mu_printf(struct mu_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
