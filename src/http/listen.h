/*
 * listen.h - the server's listen address: "HOST:PORT" to a socket address.
 *
 * HOST is an IPv4 address, an IPv6 address in brackets ("[::1]:8080") or
 * "localhost" (127.0.0.1); names are not resolved. PORT is 0..65535, 0 letting the
 * system choose. 0.0.0.0 and [::] listen on every interface.
 */
#ifndef MU_HTTP_LISTEN_H
#define MU_HTTP_LISTEN_H

#include <netinet/in.h>
#include <sys/socket.h>

#include "core/error.h"

struct http_addr {
	struct sockaddr_storage ss;	/* sockaddr_in or sockaddr_in6, port set */
	socklen_t len;
	int family;		/* AF_INET or AF_INET6 */
	unsigned port;
	char host[INET6_ADDRSTRLEN];	/* numeric, without brackets */
};

/* Parse text into out: 0, or MU_EUSAGE (field "--listen") if it is malformed. */
int http_listen_parse(const char *text, struct http_addr *out, struct mu_error *err);

#endif
