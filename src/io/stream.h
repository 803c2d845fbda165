/*
 * stream.h - write one large JSON document piece by piece: an object whose last member
 * is an array of many items (the fit matrix's pairs), without holding the items in
 * memory. The text is compact JSON, the same document a json_t tree would give.
 */
#ifndef MU_IO_STREAM_H
#define MU_IO_STREAM_H

#include <stddef.h>

#include <jansson.h>

struct json_stream {
	/* 0, or a negative MU_E* code that stops the stream */
	int (*write)(void *ctx, const char *text, size_t len);
	void *ctx;
	size_t items;
};

/* The members of head (not taken), then "key": [ */
int json_stream_begin(struct json_stream *s, json_t *head, const char *key);
/* One array item; takes the reference. */
int json_stream_item(struct json_stream *s, json_t *item);
/* ]} and a newline. */
int json_stream_end(struct json_stream *s);

#endif
