/*
 * communities.h - communities of a CSR graph by Leiden (igraph's C library), and the
 * bridges to them: the people who are the only connection (SPEC §4.8).
 */
#ifndef MU_GRAPH_COMMUNITIES_H
#define MU_GRAPH_COMMUNITIES_H

#include <stddef.h>
#include <stdint.h>

#include "graph/csr.h"

/* Leiden communities maximising modularity (resolution 1) with tie weights
 * s = exp(-cost), from a fixed seed so that a workspace's communities are the same from
 * run to run: community[v] in 0..*count-1, numbered by their smallest node. Isolated
 * nodes are communities of one. 0, or MU_ENOMEM. */
int graph_communities(const struct csr *g, uint32_t *community, uint32_t *count);

/* A bridge: the only node outside a group with ties into it. */
struct graph_bridge {
	uint32_t node;		/* the broker */
	uint32_t group;		/* the group they alone connect */
	uint32_t ties;		/* their ties into it */
};

/* For each group g (group[v] in 0..ngroups-1, or UINT32_MAX for a node in none): the
 * nodes outside g with a tie into g. When exactly one node has, it is a bridge: losing
 * them cuts the group off from everyone else. Writes up to max bridges to out in group
 * order and returns how many there are. */
size_t graph_bridges(const struct csr *g, const uint32_t *group, uint32_t ngroups,
		     struct graph_bridge *out, size_t max);

#endif
