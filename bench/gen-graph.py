#!/usr/bin/env python3
"""gen-graph.py N DEGREE SEED - a synthetic social graph as an edge list on stdout.

One tie a line, "a b cost": N people 0..N-1, N * DEGREE / 2 distinct ties between
uniformly drawn pairs (no self-ties, no pair twice), costs k / 1024 for k uniform in
1..3072, so in (0, 3] and exact as a float (and a double). Python's random.Random(SEED)
(Mersenne Twister, getrandbits only): the same N, DEGREE and SEED give the same bytes.
bench/graph gives this one file to Mutua's graph-probe, python-igraph and networkx.
"""
import random
import sys


def main():
    n, degree, seed = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    m = int(n * degree / 2)
    if n < 2 or m > n * (n - 1) // 2:
        sys.exit("gen-graph.py: want N >= 2 and DEGREE < N - 1")
    rng = random.Random(seed)
    bits = rng.getrandbits
    nb = n.bit_length()
    seen = set()
    out = []
    write = sys.stdout.write
    while len(seen) < m:
        a = bits(nb)
        b = bits(nb)
        if a >= n or b >= n or a == b:
            continue
        key = a * n + b if a < b else b * n + a
        if key in seen:
            continue
        seen.add(key)
        k = bits(12)
        while k == 0 or k > 3072:
            k = bits(12)
        out.append("%d %d %r\n" % (a, b, k / 1024))
        if len(out) >= 65536:
            write("".join(out))
            out = []
    write("".join(out))


if __name__ == "__main__":
    main()
