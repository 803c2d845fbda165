/*
 * server.h - `mutua serve`: the HTTP JSON API (SPEC §7) on libmicrohttpd.
 *
 * One process, an epoll thread pool, one store connection per worker (http/pool.h),
 * the routes of http/routes.h. Each request names its workspace (docs/security.md).
 */
#ifndef MU_HTTP_SERVER_H
#define MU_HTTP_SERVER_H

#include "core/error.h"
#include "core/mtime.h"

struct http_config {
	const char *listen;	/* "127.0.0.1:8080"; port 0 lets the OS choose */
	const char *db;		/* store URL passed to app_open */
	int proxy;		/* 1: behind a proxy whose X-Forwarded-For/-Proto are trusted */
	int threads;		/* worker threads (default 2) */
	int fixed_now;		/* 1: use now for every request (tests) */
	mu_time now;
};

/* Serve until SIGTERM or SIGINT; prints "mutua: serving http://HOST:PORT/" on stdout
 * (flushed) once listening, with the real port. Returns 0 after a clean shutdown: no
 * new connections, requests in flight finished (for up to ten seconds), every store
 * connection closed. Fails with MU_EUSAGE for a malformed listen address, with the
 * error of app_open, or with MU_EIO if the address cannot be bound. */
int http_serve(const struct http_config *cfg, struct mu_error *err);

#endif
