/*
 * access.h - who is acting, and with what role (SPEC §1, §6; docs/security.md).
 *
 * Roles are ordered: each may do what the ones before it may. Every API route names
 * the least role it needs (http/routes.c); the use cases of app/ see the actor and
 * apply privacy once for the CLI and the API alike.
 */
#ifndef MU_ACCESS_H
#define MU_ACCESS_H

#include <stdint.h>

enum role {
	ROLE_NONE,		/* anonymous: public routes only */
	ROLE_VIEWER,		/* reads the workspace */
	ROLE_MEMBER,		/* adds and changes records */
	ROLE_ADMIN,		/* accounts, invitations, audit, data subjects, settings */
	ROLE_OWNER,		/* everything, including other owners and admins */
	ROLE_COUNT
};

/* Who is acting. The operator is whoever runs the command line without --user: holding
 * the database file, they see everything (docs/security.md). A request that has not
 * signed in is anonymous: no account, ROLE_NONE. */
struct actor {
	int operator;		/* 1: the operator, who may do and see everything */
	int64_t account;	/* the account's id; 0 for the operator or anonymous */
	const char *name;	/* its e-mail, or "operator", for the audit trail */
	enum role role;		/* in the selected workspace; ROLE_OWNER for the operator */
};

/* "viewer", ...; "none" for ROLE_NONE. */
const char *role_name(enum role r);
/* The role named s (not "none"), or -1. */
int role_parse(const char *s);

#endif
