/*
 * pool.h - a fixed set of apps (one store connection each) shared by the server's
 * worker threads.
 *
 * An app is used by one thread at a time (app/app.h), so a request checks one out for
 * its handler and gives it back before its response leaves. The pool holds one app
 * more than there are workers, so taking one waits only if a worker misbehaves.
 * Owner: http_serve(), which opens the pool before the daemon starts and closes it
 * after the daemon has stopped.
 */
#ifndef MU_HTTP_POOL_H
#define MU_HTTP_POOL_H

#include <pthread.h>
#include <stddef.h>

#include "app/app.h"
#include "core/error.h"

struct app_pool {
	pthread_mutex_t lock;
	pthread_cond_t returned;
	struct app **all;	/* n apps */
	struct app **idle;	/* a stack of the nidle apps not checked out */
	size_t n, nidle;
};

/* Open n apps on db. Each request signs its app in and selects its workspace
 * (http/auth.c). On failure nothing stays open and err says why. */
int app_pool_open(struct app_pool *p, size_t n, const char *db, mu_time now,
		  struct mu_error *err);
/* Close every app; none may be checked out. */
void app_pool_close(struct app_pool *p);

/* Check an app out, waiting until one is free. */
struct app *app_pool_take(struct app_pool *p);
void app_pool_give(struct app_pool *p, struct app *app);

#endif
