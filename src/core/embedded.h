/*
 * embedded.h - files compiled into the binary by scripts/gen-embed (migrations now,
 * the web UI's assets later), so that mutua needs nothing beside itself at run time.
 */
#ifndef MU_EMBEDDED_H
#define MU_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *name;		/* path relative to the embedded folder */
	const unsigned char *data;	/* NUL-terminated */
	size_t len;			/* without the NUL */
};

#endif
