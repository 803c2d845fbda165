/*
 * server.c - the daemon: limits, per-request state, the app pool, shutdown.
 *
 * libmicrohttpd calls on_request() several times per request: once when the headers
 * are in, once per piece of body, and once more when the request is complete. The
 * response is queued on that last call, never the first: libmicrohttpd 0.9.75 answers
 * a response queued on the first call with "Connection: close", which costs about 4x
 * in throughput. The one exception is a declared body over the limit, refused before
 * it is read, where closing is what we want.
 *
 * Per request (struct request_ctx, made by the URI log callback, freed by the
 * completion callback, which writes the access line): an id, the start time, the body
 * in a bounded mu_buf, and why it was refused (413, 414), if it was. The handler runs
 * with an app checked out of the pool and an arena released once the response is
 * queued.
 *
 * Shutdown: SIGTERM and SIGINT are blocked in every thread before the daemon starts
 * (threads inherit the mask), and the main thread waits for them with sigwait(); it
 * then stops accepting, answers from then on with "Connection: close", lets the
 * requests in flight finish (DRAIN_SECONDS at most), stops the daemon and closes the
 * store connections.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>

#include <microhttpd.h>

#include "http/listen.h"
#include "http/pool.h"
#include "http/reply.h"
#include "http/routes.h"
#include "http/server.h"
#include "http/web.h"
#include "core/buf.h"
#include "core/log.h"
#include "core/banned.h"

/* bytes of request body (413): http_route_body_limit(), BODY_LIMIT where no route matched */
#define BODY_LIMIT HTTP_BODY_LIMIT
#define DISCARD_LIMIT (8 * BODY_LIMIT)	/* bytes read past it before hanging up */
#define URL_LIMIT 2048		/* bytes of request target, query included (414) */
#define CONN_TIMEOUT 30		/* seconds a connection may idle */
#define REQUEST_SECONDS 60	/* seconds a request may take to arrive in full */
#define CONN_MEMORY (64 * 1024)	/* libmicrohttpd's per-connection pool: headers */
#define DRAIN_SECONDS 10
#define MAX_THREADS 64

struct server {
	const struct http_config *cfg;
	struct MHD_Daemon *daemon;
	struct app_pool pool;
	atomic_ulong next_id;
	atomic_int stopping;	/* 1 once a stop signal came: answer with Connection: close */
	pthread_mutex_t lock;	/* guards in_flight */
	pthread_cond_t drained;
	long in_flight;
};

struct request_ctx {
	unsigned long id;
	struct timespec start;
	unsigned calls;
	size_t uri_len;
	int refuse;		/* 0, or 400/413/414: answer that, ignore the body */
	int status;		/* the status queued, 0 until then */
	size_t discarded;	/* body bytes dropped after a refusal */
	char method[16];
	struct http_match match;	/* the route, matched on the first call */
	int match_rc;		/* 0, MU_ENOTFOUND or MU_EMETHOD, with match_err */
	struct mu_error match_err;
	struct mu_buf body;
	struct MHD_PostProcessor *form;	/* a multipart upload: keeps its "file" part */
};

/* --- requests in flight, for a graceful stop --- */

static void flight_add(struct server *srv, long delta)
{
	pthread_mutex_lock(&srv->lock);
	srv->in_flight += delta;
	if (!srv->in_flight)
		pthread_cond_broadcast(&srv->drained);
	pthread_mutex_unlock(&srv->lock);
}

static void wait_drained(struct server *srv)
{
	struct timespec deadline;

	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += DRAIN_SECONDS;
	pthread_mutex_lock(&srv->lock);
	while (srv->in_flight > 0 &&
	       pthread_cond_timedwait(&srv->drained, &srv->lock, &deadline) != ETIMEDOUT)
		;
	if (srv->in_flight > 0)
		mu_log(MU_LOG_WARN, "http", "stop in_flight=%ld drain=timeout", srv->in_flight);
	pthread_mutex_unlock(&srv->lock);
}

/* --- libmicrohttpd callbacks --- */

static double elapsed_ms(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) * 1e3 +
	       (double)(now.tv_nsec - start->tv_nsec) / 1e6;
}

/* Called first for every request, with the whole target: its result is *con_cls. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	struct server *srv = cls;
	struct request_ctx *rq = calloc(1, sizeof(*rq));

	(void)c;
	if (!rq)
		return NULL;	/* on_request() then drops the connection */
	rq->id = atomic_fetch_add(&srv->next_id, 1) + 1;
	clock_gettime(CLOCK_MONOTONIC, &rq->start);
	rq->uri_len = strlen(uri);
	mu_buf_init(&rq->body, BODY_LIMIT);
	flight_add(srv, 1);
	return rq;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct server *srv = cls;
	struct request_ctx *rq = *con_cls;

	(void)c;
	if (!rq)
		return;
	mu_log(MU_LOG_INFO, "http", "req=%lu method=%s route=%s status=%d ms=%.1f%s", rq->id,
	       rq->method[0] ? rq->method : "-",
	       rq->match.route ? rq->match.route->pattern : "-", rq->status,
	       elapsed_ms(&rq->start), toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" :
	       " aborted=1");
	mu_buf_release(&rq->body);
	if (rq->form)
		MHD_destroy_post_processor(rq->form);
	free(rq);
	*con_cls = NULL;
	flight_add(srv, -1);
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	mu_vlog(MU_LOG_WARN, "mhd", fmt, ap);
}

static const char *query_arg(void *cls, const char *name)
{
	return MHD_lookup_connection_value(cls, MHD_GET_ARGUMENT_KIND, name);
}

static const char *header_arg(void *cls, const char *name)
{
	return MHD_lookup_connection_value(cls, MHD_HEADER_KIND, name);
}

/* The client's address: the socket's peer, or behind a trusted proxy the address it
 * appended last to X-Forwarded-For (earlier entries are the client's own claims). */
static void client_address(const struct server *srv, struct MHD_Connection *c, char *out,
			   size_t size)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const char *fwd = srv->cfg->proxy ? header_arg(c, "X-Forwarded-For") : NULL;
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;

	snprintf(out, size, "unknown");
	if (fwd) {
		const char *last = strrchr(fwd, ',');
		last = last ? last + 1 : fwd;
		while (*last == ' ')
			last++;
		snprintf(out, size, "%.*s", (int)strcspn(last, " "), last);
	} else if (sa && sa->sa_family == AF_INET) {
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
			  (socklen_t)size);
	} else if (sa && sa->sa_family == AF_INET6) {
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
			  out, (socklen_t)size);
	}
}

static int over_tls(const struct server *srv, struct MHD_Connection *c)
{
	const char *proto = srv->cfg->proxy ? header_arg(c, "X-Forwarded-Proto") : NULL;
	return proto && !strcmp(proto, "https");
}

static int declared_too_big(struct MHD_Connection *c, size_t limit)
{
	const char *len = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						      MHD_HTTP_HEADER_CONTENT_LENGTH);

	return len && strtoull(len, NULL, 10) > limit;
}

static void refusal(struct http_reply *rep, int status, size_t limit)
{
	struct mu_error err = { 0 };

	if (status == 414) {
		mu_fail(&err, MU_ETOOBIG, "", "the URL is longer than %d bytes", URL_LIMIT);
		reply_error_status(rep, 414, &err);
	} else if (status == 400) {
		mu_fail(&err, MU_EUSAGE, "file", "the multipart/form-data body could not be read");
		reply_error(rep, &err);
	} else {
		mu_fail(&err, MU_ETOOBIG, "", "the body is larger than %zu bytes", limit);
		reply_error(rep, &err);
	}
}

static void run_handler(struct server *srv, struct MHD_Connection *c, struct request_ctx *rq,
			const struct http_match *m, struct http_request *req,
			struct http_reply *rep)
{
	char client[64];

	req->body = mu_buf_str(&rq->body);
	req->body_len = rq->body.len;
	client_address(srv, c, client, sizeof(client));
	req->query = query_arg;
	req->header = header_arg;
	req->query_cls = c;
	req->client = client;
	req->secure = over_tls(srv, c);
	req->app = app_pool_take(&srv->pool);
	req->app->now = srv->cfg->fixed_now ? srv->cfg->now : (mu_time)time(NULL);
	http_dispatch(m, req, rep);
	app_pool_give(&srv->pool, req->app);
}

/* The request is complete (or refused): answer it. */
static enum MHD_Result respond(struct server *srv, struct MHD_Connection *c,
			       struct request_ctx *rq, const char *url, const char *method)
{
	struct http_reply rep;
	struct mu_arena arena;
	struct http_request req = { .arena = &arena, .method = method, .path = url };
	int rc;

	reply_init(&rep);
	mu_arena_init(&arena);
	if (rq->refuse) {
		refusal(&rep, rq->refuse, rq->body.limit);
	} else if (rq->match_rc < 0) {
		reply_error(&rep, &rq->match_err);
		memcpy(rep.allow, rq->match.allow, sizeof(rep.allow));
	} else {
		run_handler(srv, c, rq, &rq->match, &req, &rep);
	}
	rep.close = atomic_load(&srv->stopping);
	rc = reply_queue(c, &rep);
	rq->status = rc < 0 ? 0 : rc;
	reply_release(&rep);
	mu_arena_release(&arena);
	return rc < 0 ? MHD_NO : MHD_YES;
}

/* Keep a piece of body; past the limit, drop it and remember to answer 413. A body
 * without Content-Length (chunked) can only be refused at its end, as libmicrohttpd
 * 0.9.75 refuses a response queued during the upload; a client that keeps sending
 * long past the limit is cut off. 0, or -1 to hang up. */
static int take_upload(struct request_ctx *rq, const char *data, size_t size)
{
	if (!rq->refuse && mu_buf_add(&rq->body, data, size) == 0)
		return 0;
	if (!rq->refuse) {
		rq->refuse = 413;
		mu_buf_release(&rq->body);	/* keeps its limit, for the message */
	}
	rq->discarded += size;
	return rq->discarded > DISCARD_LIMIT ? -1 : 0;
}

/* A part of a multipart/form-data upload: the one named "file" is the body. */
static enum MHD_Result on_form_part(void *cls, enum MHD_ValueKind kind, const char *key,
				    const char *filename, const char *content_type,
				    const char *transfer_encoding, const char *data, uint64_t off,
				    size_t size)
{
	(void)kind, (void)filename, (void)content_type, (void)transfer_encoding, (void)off;
	if (!key || strcmp(key, "file") || !size)
		return MHD_YES;
	return take_upload(cls, data, size) < 0 ? MHD_NO : MHD_YES;
}

/* A piece of a multipart form; a form that does not parse is answered 400. */
static int form_upload(struct request_ctx *rq, const char *data, size_t size)
{
	if (rq->refuse)
		return take_upload(rq, data, size);
	if (MHD_post_process(rq->form, data, size) == MHD_YES)
		return 0;
	if (!rq->refuse)
		rq->refuse = 400;
	return rq->discarded > DISCARD_LIMIT ? -1 : 0;
}

/* On an upload route, a multipart form is read through libmicrohttpd's form parser. */
static void start_upload(struct request_ctx *rq, struct MHD_Connection *c)
{
	const char *type = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						       MHD_HTTP_HEADER_CONTENT_TYPE);

	rq->body.limit = rq->match_rc == 0 ? http_route_body_limit(rq->match.route) : BODY_LIMIT;
	if (rq->match_rc == 0 && rq->body.limit > BODY_LIMIT && type &&
	    !strncasecmp(type, "multipart/form-data", 19))
		rq->form = MHD_create_post_processor(c, 64 * 1024, on_form_part, rq);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version, const char *upload,
				  size_t *upload_size, void **con_cls)
{
	struct server *srv = cls;
	struct request_ctx *rq = *con_cls;

	(void)version;
	if (!rq)
		return MHD_NO;
	if (rq->calls++ == 0) {
		snprintf(rq->method, sizeof(rq->method), "%s", method);
		/* outside /api/ is the web UI's: its files, as routes of their own */
		rq->match_rc = http_web_path(url) ?
			http_web_match(method, url, &rq->match, &rq->match_err) :
			http_route_match(method, url, &rq->match, &rq->match_err);
		if (rq->uri_len > URL_LIMIT)
			rq->refuse = 414;
		start_upload(rq, c);
		if (declared_too_big(c, rq->body.limit)) {
			/* refuse before reading it; the connection closes, as it should */
			rq->refuse = 413;
			return respond(srv, c, rq, url, method);
		}
		return MHD_YES;
	}
	if (*upload_size) {
		int rc = rq->form ? form_upload(rq, upload, *upload_size) :
				    take_upload(rq, upload, *upload_size);

		/* a body trickling in a byte at a time never idles long enough to time out */
		if (elapsed_ms(&rq->start) > REQUEST_SECONDS * 1e3) {
			mu_log(MU_LOG_WARN, "http", "req=%lu slow_body=1", rq->id);
			return MHD_NO;
		}

		*upload_size = 0;
		return rc < 0 ? MHD_NO : MHD_YES;
	}
	return respond(srv, c, rq, url, method);
}

/* --- start and stop --- */

static int start_daemon(struct server *srv, const struct http_addr *addr, int threads,
			struct mu_error *err)
{
	unsigned int flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG | MHD_USE_ITC;

	if (addr->family == AF_INET6)
		flags |= MHD_USE_IPv6;
	srv->daemon = MHD_start_daemon(flags, (uint16_t)addr->port, NULL, NULL, on_request, srv,
				       /* first, so that every message of libmicrohttpd uses it */
				       MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
				       MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)&addr->ss,
				       MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)threads,
				       MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)CONN_TIMEOUT,
				       MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY,
				       MHD_OPTION_URI_LOG_CALLBACK, on_uri, srv,
				       MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
				       MHD_OPTION_END);
	if (!srv->daemon)
		return mu_fail(err, MU_EIO, "--listen", "cannot listen on %s port %u; is the port"
			       " in use?", addr->host, addr->port);
	return 0;
}

static unsigned bound_port(struct MHD_Daemon *d, unsigned fallback)
{
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);

	return info && info->port ? info->port : fallback;
}

static void announce(struct server *srv, const struct http_addr *addr, int threads)
{
	unsigned port = bound_port(srv->daemon, addr->port);
	int v6 = addr->family == AF_INET6;

	mu_log(MU_LOG_INFO, "http", "start port=%u threads=%d proxy=%d", port, threads,
	       srv->cfg->proxy);
	printf("mutua: serving http://%s%s%s:%u/\n", v6 ? "[" : "", addr->host, v6 ? "]" : "",
	       port);
	fflush(stdout);
}

static void stop(struct server *srv, int sig)
{
	MHD_socket ls;

	mu_log(MU_LOG_INFO, "http", "stop signal=%s", sig == SIGTERM ? "TERM" : "INT");
	/* no new connections, and open ones close after their next response, so that
	 * clients do not send requests on them while they are being shut */
	atomic_store(&srv->stopping, 1);
	ls = MHD_quiesce_daemon(srv->daemon);
	if (ls != MHD_INVALID_SOCKET)
		close(ls);
	wait_drained(srv);
	MHD_stop_daemon(srv->daemon);
	srv->daemon = NULL;
}

static void server_init(struct server *srv, const struct http_config *cfg)
{
	pthread_condattr_t ca;

	memset(srv, 0, sizeof(*srv));
	srv->cfg = cfg;
	atomic_init(&srv->next_id, 0);
	atomic_init(&srv->stopping, 0);
	pthread_mutex_init(&srv->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&srv->drained, &ca);
	pthread_condattr_destroy(&ca);
}

static void server_release(struct server *srv)
{
	pthread_cond_destroy(&srv->drained);
	pthread_mutex_destroy(&srv->lock);
}

int http_serve(const struct http_config *cfg, struct mu_error *err)
{
	int threads = cfg->threads > 0 ? cfg->threads : 2, sig = 0, rc;
	mu_time now = cfg->fixed_now ? cfg->now : (mu_time)time(NULL);
	struct http_addr addr;
	struct server srv;
	sigset_t stop_set, old_set;

	if (threads > MAX_THREADS)
		threads = MAX_THREADS;
	if ((rc = http_listen_parse(cfg->listen, &addr, err)) < 0)
		return rc;
	server_init(&srv, cfg);
	json_object_seed(0);	/* once, before any worker thread builds an object */
	if ((rc = app_pool_open(&srv.pool, (size_t)threads + 1, cfg->db, now, err)) < 0)
		goto out;
	sigemptyset(&stop_set);
	sigaddset(&stop_set, SIGTERM);
	sigaddset(&stop_set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop_set, &old_set);
	if ((rc = start_daemon(&srv, &addr, threads, err)) == 0) {
		announce(&srv, &addr, threads);
		while (sigwait(&stop_set, &sig) != 0)
			;
		stop(&srv, sig);
	}
	app_pool_close(&srv.pool);
	pthread_sigmask(SIG_SETMASK, &old_set, NULL);
out:
	server_release(&srv);
	return rc;
}
