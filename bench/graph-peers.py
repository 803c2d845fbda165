#!/usr/bin/env python3
"""graph-peers.py igraph|networkx EDGES SEED - the graph benchmark's peers (bench/graph).

Reads the edge list "a b cost" of bench/gen-graph.py and prints one "name value unit"
line per measure, like bench/graph-probe.c, in ms (bytes for bytes_per_tie); "-" for a
measure skipped because it would take more than BUDGET seconds (60) or is not there.
Pairs and nodes come from random.Random(SEED); a pair is a random node and the end of
a random walk of 3 ties from it (a pair with a path within 3 hops), as graph-probe's
paths_linked. What each peer call is (see docs/bench.md):
  build     the graph from edge lists already in memory, with the costs as attribute
  bytes_per_tie  growth of the process's resident set over that build, / ties
  path      least-cost path (igraph get_shortest_paths, networkx bidirectional_dijkstra;
            neither has a hop bound: unbounded Dijkstra)
  paths3    3 least-cost paths (igraph get_k_shortest_paths, networkx
            shortest_simple_paths, first 3; Yen's, no hop bound)
  aa_top10  Adamic-Adar top 10 of one node (igraph: from neighbour sets in Python;
            networkx: adamic_adar_index over the node's 2-hop non-neighbours)
  constraint_all  Burt's constraint of everyone, weights s = exp(-cost)
  leiden    igraph community_leiden(objective_function="modularity", weights=s)
"""
import gc
import heapq
import math
import os
import random
import signal
import sys
import time
from array import array

BUDGET = float(os.environ.get("BENCH_GRAPH_BUDGET", "60"))


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def out(name, value, unit="ms"):
    if value is None:
        print("%s - %s" % (name, unit))
    else:
        print("%s %.6g %s" % (name, value, unit))
    sys.stdout.flush()


def pct(xs, p):
    xs = sorted(xs)
    return xs[max(0, math.ceil(p * len(xs)) - 1)]


def read(path):
    a, b, c = array("I"), array("I"), array("d")
    n = 0
    with open(path) as f:
        for line in f:
            x, y, z = line.split()
            x, y = int(x), int(y)
            a.append(x)
            b.append(y)
            c.append(float(z))
            if x >= n:
                n = x + 1
            if y >= n:
                n = y + 1
    return n, a, b, c


def timed_queries(name, items, fn, limit):
    """p50 and p99 in ms of fn(item) over items, stopping once BUDGET seconds are spent;
    None if not even one fits."""
    ts, start = [], time.perf_counter()

    def alarm(*_):
        raise TimeoutError
    signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, BUDGET)
    try:
        for it in items[:limit]:
            t0 = time.perf_counter()
            fn(it)
            ts.append((time.perf_counter() - t0) * 1e3)
            if time.perf_counter() - start > BUDGET:
                break
    except TimeoutError:
        pass
    signal.setitimer(signal.ITIMER_REAL, 0)
    if not ts:
        out(name + "_p50", None)
        out(name + "_p99", None)
    else:
        out(name + "_p50", pct(ts, 0.5))
        out(name + "_p99", pct(ts, 0.99))
    print("%s_queries %d" % (name, len(ts)))


def whole(name, fn, sample, n):
    """fn(nodes) for everyone in ms, unless fn on `sample` nodes says it would take more
    than BUDGET seconds (then None)."""
    t0 = time.perf_counter()
    fn(sample)
    est = (time.perf_counter() - t0) * n / len(sample)
    print("%s_estimate %.3g s" % (name, est))
    if est > BUDGET:
        out(name, None)
        return
    t0 = time.perf_counter()
    fn(None)
    out(name, (time.perf_counter() - t0) * 1e3)


def main():
    tool, path, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    pairs_n = int(os.environ.get("BENCH_GRAPH_PEER_PAIRS", "20"))
    n, a, b, c = read(path)
    m = len(a)
    rng = random.Random(seed)
    gc.collect()
    if tool == "igraph":
        import igraph as ig
        print("version %s" % ig.__version__)
        edges = list(zip(a, b))
        costs = c.tolist()
        gc.collect()
        r0, t0 = rss(), time.perf_counter()
        g = ig.Graph(n=n, edges=edges)
        g.es["cost"] = costs
        t1 = time.perf_counter()
        gc.collect()
        r1 = rss()
        del edges
        g.es["weight"] = [math.exp(-x) for x in costs]
        del costs
        nbr = g.neighbors
    else:
        import networkx as nx
        print("version %s" % nx.__version__)
        triples = [(x, y, {"cost": z, "weight": math.exp(-z)}) for x, y, z in zip(a, b, c)]
        gc.collect()
        r0, t0 = rss(), time.perf_counter()
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(triples)
        t1 = time.perf_counter()
        gc.collect()
        r1 = rss()
        del triples
        nbr = lambda v: list(g[v])  # noqa: E731
    del a, b, c
    out("build", (t1 - t0) * 1e3)
    out("bytes_per_tie", (r1 - r0) / m, "B")

    def walk(v):
        for _ in range(3):
            ns = nbr(v)
            if ns:
                v = ns[rng.randrange(len(ns))]
        return v
    pairs = []
    while len(pairs) < pairs_n:
        s = rng.randrange(n)
        t = walk(s)
        if t != s:
            pairs.append((s, t))
    nodes = [rng.randrange(n) for _ in range(100)]

    if tool == "igraph":
        timed_queries("path", pairs, lambda p: g.get_shortest_paths(
            p[0], to=p[1], weights="cost", output="vpath"), pairs_n)
        timed_queries("paths3", pairs, lambda p: g.get_k_shortest_paths(
            p[0], to=p[1], k=3, weights="cost", output="vpath"), pairs_n)

        def aa(u):
            ns = g.neighbors(u)
            near = set(ns)
            near.add(u)
            score = {}
            for w in ns:
                nw = g.neighbors(w)
                inv = 1 / math.log(len(nw))
                for v in nw:
                    if v not in near:
                        score[v] = score.get(v, 0) + inv
            return heapq.nsmallest(10, score.items(), key=lambda kv: (-kv[1], kv[0]))
        timed_queries("aa_top10", nodes, aa, len(nodes))
        sample = list(range(0, n, max(1, n // 1000)))
        whole("constraint_all", lambda vs: g.constraint(vs, weights="weight"), sample, n)
        if not os.environ.get("BENCH_GRAPH_LEIDEN", "1"):
            out("leiden", None)
            return
        t0 = time.perf_counter()
        cl = g.community_leiden(objective_function="modularity", weights="weight")
        out("leiden", (time.perf_counter() - t0) * 1e3)
        print("leiden_communities %d" % len(cl))
        print("leiden_modularity %.4f" % g.modularity(cl.membership, weights="weight"))
    else:
        import networkx as nx
        from itertools import islice
        timed_queries("path", pairs, lambda p: nx.bidirectional_dijkstra(
            g, p[0], p[1], weight="cost"), pairs_n)
        timed_queries("paths3", pairs, lambda p: list(islice(nx.shortest_simple_paths(
            g, p[0], p[1], weight="cost"), 3)), min(pairs_n, 5))

        def aa(u):
            near = set(g[u])
            near.add(u)
            cand = {v for w in g[u] for v in g[w]} - near
            return heapq.nsmallest(10, ((v, p) for _, v, p in nx.adamic_adar_index(
                g, ((u, v) for v in cand))), key=lambda kv: (-kv[1], kv[0]))
        timed_queries("aa_top10", nodes, aa, len(nodes))
        sample = list(range(0, n, max(1, n // 200)))
        whole("constraint_all", lambda vs: nx.constraint(g, vs, weight="weight"), sample, n)
        out("leiden", None)


if __name__ == "__main__":
    main()
