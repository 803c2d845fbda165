#!/usr/bin/env python3
"""cluster-load.py LB EMAIL PASSWORD N STOP_PID OUT - writes through nginx while one
server stops (tests/store/t0530-cluster.sh).

Signs in through the load balancer LB, then 8 clients add N persons ("Load 1" ..
"Load N") with POST /api/v1/persons, each with the session cookie and CSRF token. When
a third of them has been acknowledged, STOP_PID (a mutua server) is killed with
SIGKILL: the harshest stop, mid-request. Writes OUT, a JSON object:
  acked   the names the server answered 201 for: each must be in the database
  failed  {status: count} of the others (a request the killed server had taken)
Python 3 standard library only.
"""
import json
import os
import signal
import sys
import threading
import urllib.error
import urllib.request
from http.cookiejar import CookieJar

CLIENTS = 8


def main():
    lb, email, password, n, stop_pid, out = sys.argv[1:7]
    n, stop_pid = int(n), int(stop_pid)
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    req = urllib.request.Request(lb + "/api/v1/login", method="POST",
                                 data=json.dumps({"email": email, "password": password}).encode(),
                                 headers={"Content-Type": "application/json"})
    with opener.open(req) as r:
        csrf = json.load(r)["csrf_token"]
    cookie = "; ".join("%s=%s" % (c.name, c.value) for c in jar)

    lock = threading.Lock()
    acked, failed = [], {}
    todo = iter(range(1, n + 1))
    stopped = threading.Event()

    def add(i):
        name = "Load %d" % i
        req = urllib.request.Request(lb + "/api/v1/persons", method="POST",
                                     data=json.dumps({"full_name": name}).encode(),
                                     headers={"Content-Type": "application/json",
                                              "Cookie": cookie, "X-CSRF-Token": csrf})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                status = r.status
        except urllib.error.HTTPError as e:
            status = e.code
        except OSError as e:  # the connection itself broke
            status = type(e).__name__
        with lock:
            if status == 201:
                acked.append(name)
                if len(acked) >= n // 3 and not stopped.is_set():
                    stopped.set()
                    os.kill(stop_pid, signal.SIGKILL)
            else:
                failed[str(status)] = failed.get(str(status), 0) + 1

    def client():
        while True:
            with lock:
                i = next(todo, None)
            if i is None:
                return
            add(i)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open(out, "w") as fh:
        json.dump({"acked": acked, "failed": failed, "stopped": stopped.is_set()}, fh)


main()
