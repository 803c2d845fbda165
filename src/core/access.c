/*
 * access.c - role names.
 */
#include <string.h>

#include "core/access.h"
#include "core/banned.h"

static const char *const names[ROLE_COUNT] = {
	[ROLE_NONE] = "none", [ROLE_VIEWER] = "viewer", [ROLE_MEMBER] = "member",
	[ROLE_ADMIN] = "admin", [ROLE_OWNER] = "owner",
};

const char *role_name(enum role r)
{
	return r >= 0 && r < ROLE_COUNT ? names[r] : "none";
}

int role_parse(const char *s)
{
	for (int r = ROLE_VIEWER; s && r < ROLE_COUNT; r++)
		if (!strcmp(s, names[r]))
			return r;
	return -1;
}
