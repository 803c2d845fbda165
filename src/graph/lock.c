/*
 * lock.c - the one lock around igraph (lock.h).
 */
#include <pthread.h>

#include <igraph.h>

#include "graph/lock.h"
#include "core/banned.h"

static pthread_mutex_t igraph_lock = PTHREAD_MUTEX_INITIALIZER;

void graph_igraph_enter(void)
{
	pthread_mutex_lock(&igraph_lock);
	igraph_set_error_handler(igraph_error_handler_ignore);
}

void graph_igraph_leave(void)
{
	pthread_mutex_unlock(&igraph_lock);
}
