#!/usr/bin/env python3
"""cliques.py PEER EDGES REPS - the clique step of power teams in a peer library.

PEER is networkx (nx.find_cliques, keeping cliques of 3 or more) or igraph
(python-igraph's Graph.maximal_cliques(min=3)). EDGES is the fit graph that
'measure.py graph' wrote. The graph is built first and not timed; then only the
enumeration of the maximal cliques of 3 or more is timed, REPS times.
Prints: version, median seconds, number of cliques, size of the largest (tab-separated).
"""
import statistics
import sys
import time


def read_edges(path):
    with open(path) as f:
        n = int(f.readline())
        edges = [tuple(map(int, line.split())) for line in f]
    return n, edges


def main():
    peer, path, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
    n, edges = read_edges(path)
    if peer == "networkx":
        import networkx as nx
        version = nx.__version__
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edges)

        def enumerate_cliques():
            return [c for c in nx.find_cliques(g) if len(c) >= 3]
    elif peer == "igraph":
        import igraph
        version = igraph.__version__
        g = igraph.Graph(n=n, edges=edges)

        def enumerate_cliques():
            return g.maximal_cliques(min=3)
    else:
        sys.stderr.write("cliques.py: unknown peer '%s'\n" % peer)
        return 2
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        found = enumerate_cliques()
        times.append(time.perf_counter() - t0)
    largest = max((len(c) for c in found), default=0)
    print("%s\t%.6f\t%d\t%d" % (version, statistics.median(times), len(found), largest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
