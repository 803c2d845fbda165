/*
 * lock.h - one lock around igraph. Debian's igraph is built without thread safety
 * (IGRAPH_THREAD_SAFE 0): its error handler, RNG and cleanup stack are process-wide, so
 * the server's worker threads must not be inside igraph at the same time.
 */
#ifndef MU_GRAPH_LOCK_H
#define MU_GRAPH_LOCK_H

/* Enter igraph: takes the lock and installs the non-aborting error handler (errors come
 * back as codes; igraph's default handler would abort the process). */
void graph_igraph_enter(void);
void graph_igraph_leave(void);

#endif
