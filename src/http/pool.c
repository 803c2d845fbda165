/*
 * pool.c - app_pool: a stack of idle apps under one mutex, a condition variable for
 * the rare wait. Invariant: every app is either on the idle stack or checked out by
 * exactly one request.
 */
#include <stdlib.h>

#include "http/pool.h"
#include "core/banned.h"

static void release_apps(struct app_pool *p)
{
	for (size_t i = 0; i < p->n; i++)
		app_close(p->all[i]);
	free(p->all);
	free(p->idle);
	p->all = p->idle = NULL;
	p->n = p->nidle = 0;
}

int app_pool_open(struct app_pool *p, size_t n, const char *db, mu_time now,
		  struct mu_error *err)
{
	int rc = 0;

	p->n = p->nidle = 0;
	p->all = calloc(n, sizeof(*p->all));
	p->idle = calloc(n, sizeof(*p->idle));
	if (!p->all || !p->idle) {
		rc = mu_fail(err, MU_ENOMEM, "", "out of memory");
		goto out;
	}
	while (p->n < n) {
		struct app *app;

		if ((rc = app_open(db, now, &app, err)) < 0)
			goto out;
		p->all[p->n++] = app;
		p->idle[p->nidle++] = app;
	}
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->returned, NULL);
out:
	if (rc < 0)
		release_apps(p);
	return rc;
}

void app_pool_close(struct app_pool *p)
{
	if (p->nidle != p->n)
		MU_BUG("app pool closed with apps checked out");
	release_apps(p);
	pthread_cond_destroy(&p->returned);
	pthread_mutex_destroy(&p->lock);
}

struct app *app_pool_take(struct app_pool *p)
{
	struct app *app;

	pthread_mutex_lock(&p->lock);
	while (!p->nidle)
		pthread_cond_wait(&p->returned, &p->lock);
	app = p->idle[--p->nidle];
	pthread_mutex_unlock(&p->lock);
	return app;
}

void app_pool_give(struct app_pool *p, struct app *app)
{
	pthread_mutex_lock(&p->lock);
	p->idle[p->nidle++] = app;
	pthread_cond_signal(&p->returned);
	pthread_mutex_unlock(&p->lock);
}
