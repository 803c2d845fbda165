/*
 * listen.c - parse and police the listen address (see listen.h). inet_pton does the
 * address syntax; this file splits host from port. Any local address may be given,
 * 0.0.0.0 and :: for all: every request but the public ones signs in (docs/security.md).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "http/listen.h"
#include "core/banned.h"

#define FIELD "--listen"

static int malformed(const char *text, struct mu_error *err)
{
	return mu_fail(err, MU_EUSAGE, FIELD, "'%.80s' is not HOST:PORT (127.0.0.1:8080,"
		       " [::1]:8080 or localhost:8080)", text);
}

/* Split "host:port" or "[host]:port": the host into host[], the port into *port. */
static int split(const char *text, char *host, size_t size, unsigned *port)
{
	const char *colon, *end;
	size_t len;
	unsigned long v = 0;

	if (text[0] == '[') {
		end = strchr(text, ']');
		if (!end || end[1] != ':')
			return -1;
		text++;
		colon = end + 1;
	} else {
		colon = strrchr(text, ':');
		if (!colon || memchr(text, ':', (size_t)(colon - text)))
			return -1;	/* a bare IPv6 address needs brackets */
		end = colon;
	}
	len = (size_t)(end - text);
	if (!len || len >= size || !colon[1] || strlen(colon + 1) > 5)
		return -1;
	for (const char *p = colon + 1; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (unsigned long)(*p - '0');
	}
	if (v > 65535)
		return -1;
	memcpy(host, text, len);
	host[len] = '\0';
	*port = (unsigned)v;
	return 0;
}

static int set_ipv4(struct http_addr *out, const char *host)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)&out->ss;

	if (inet_pton(AF_INET, host, &sin->sin_addr) != 1)
		return -1;
	sin->sin_family = AF_INET;
	sin->sin_port = htons((uint16_t)out->port);
	out->family = AF_INET;
	out->len = sizeof(*sin);
	return 0;
}

static int set_ipv6(struct http_addr *out, const char *host)
{
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&out->ss;

	if (inet_pton(AF_INET6, host, &sin6->sin6_addr) != 1)
		return -1;
	sin6->sin6_family = AF_INET6;
	sin6->sin6_port = htons((uint16_t)out->port);
	out->family = AF_INET6;
	out->len = sizeof(*sin6);
	return 0;
}

int http_listen_parse(const char *text, struct http_addr *out, struct mu_error *err)
{
	char host[INET6_ADDRSTRLEN + 16];
	int rc;

	memset(out, 0, sizeof(*out));
	if (!text || split(text, host, sizeof(host), &out->port) < 0)
		return malformed(text ? text : "", err);
	if (!strcmp(host, "localhost"))
		rc = set_ipv4(out, "127.0.0.1");
	else if (strchr(host, ':'))
		rc = set_ipv6(out, host);
	else
		rc = set_ipv4(out, host);
	if (rc < 0)
		return mu_fail(err, MU_EUSAGE, FIELD, "'%s' is not an IP address or localhost"
			       " (names are not looked up)", host);
	inet_ntop(out->family, out->family == AF_INET ?
		  (const void *)&((struct sockaddr_in *)&out->ss)->sin_addr :
		  (const void *)&((struct sockaddr_in6 *)&out->ss)->sin6_addr,
		  out->host, sizeof(out->host));
	return 0;
}
