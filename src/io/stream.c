/*
 * stream.c - a JSON object written member by member, its last array item by item.
 */
#include <stdlib.h>
#include <string.h>

#include "io/stream.h"
#include "core/error.h"
#include "core/banned.h"

#define DUMP (JSON_COMPACT | JSON_REAL_PRECISION(15))

static int put(struct json_stream *s, const char *text)
{
	return s->write(s->ctx, text, strlen(text));
}

int json_stream_begin(struct json_stream *s, json_t *head, const char *key)
{
	char *text = json_dumps(head, DUMP);
	int rc;

	s->items = 0;
	if (!text)
		return MU_ENOMEM;
	size_t len = strlen(text);
	/* "{...}" without its closing brace, then the array's key */
	text[len - 1] = '\0';
	if ((rc = put(s, text)) == 0 && (rc = put(s, len > 2 ? ",\"" : "\"")) == 0 &&
	    (rc = put(s, key)) == 0)
		rc = put(s, "\":[");
	free(text);
	return rc;
}

int json_stream_item(struct json_stream *s, json_t *item)
{
	char *text = json_dumps(item, DUMP);
	int rc;

	json_decref(item);
	if (!text)
		return MU_ENOMEM;
	rc = s->items++ ? put(s, ",") : 0;
	if (rc == 0)
		rc = put(s, text);
	free(text);
	return rc;
}

int json_stream_end(struct json_stream *s)
{
	return put(s, "]}\n");
}
