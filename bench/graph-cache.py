#!/usr/bin/env python3
"""graph-cache.py MUTUA DB PERSON - what the server's graph cache saves (app/graph.c).

Starts `mutua serve` on DB, signs in with a new API token, and times GET /api/v1/path
from PERSON to OTHER (the 1000th person of the workspace, or its last): the first request builds the workspace's graph (facts, tie
strengths, CSR), the next 50 answer from memory; then a tie is added with the command
line, which raises the workspace's revision, and the next request rebuilds. Wall times
on loopback, median of the cached ones. One line each:
  BENCH graph_rebuild <persons> ms=<first request>
  BENCH graph_cached <persons> ms=<median>
  BENCH graph_rebuild_after_change <persons> ms=<request after the change>
Python 3 standard library only.
"""
import json
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request


def main():
    mutua, db, person = sys.argv[1:4]
    m = [mutua, "--db", db]
    other = json.loads(subprocess.run(m + ["--json", "person", "list", "--limit", "1000"],
                                      capture_output=True, text=True,
                                      check=True).stdout)["items"][-1]["id"]
    subprocess.run(m + ["account", "add", "bench-cache@example.org", "--role", "owner"],
                   capture_output=True)
    token = subprocess.run(m + ["token", "create", "--name", "bench-cache", "--account",
                                "bench-cache@example.org"], capture_output=True, text=True,
                           check=True).stdout.strip()
    srv = subprocess.Popen(m + ["serve", "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True)
    try:
        line = srv.stdout.readline()
        base = line.split("serving ")[1].strip().rstrip("/")
        q = urllib.parse.urlencode({"from": person, "to": other})
        url = "%s/api/v1/path?%s" % (base, q)

        def get():
            req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
            t0 = time.perf_counter()
            with urllib.request.urlopen(req) as r:
                json.load(r)
            return (time.perf_counter() - t0) * 1000

        with urllib.request.urlopen(urllib.request.Request(
                base + "/api/v1/map", headers={"Authorization": "Bearer " + token})) as r:
            persons = len(json.load(r)["nodes"])
        # the map above built the graph: restart the count with a change
        subprocess.run(m + ["tie", "add", "--a", person, "--b", other], check=True,
                       capture_output=True)
        first = get()
        cached = statistics.median(get() for _ in range(50))
        subprocess.run(m + ["tie", "add", "--a", other, "--b", person, "--how-met", "bench"],
                       check=True, capture_output=True)
        again = get()
        print("BENCH graph_rebuild %d ms=%.1f" % (persons, first))
        print("BENCH graph_cached %d ms=%.2f" % (persons, cached))
        print("BENCH graph_rebuild_after_change %d ms=%.1f" % (persons, again))
    finally:
        srv.terminate()
        srv.wait()


if __name__ == "__main__":
    main()
