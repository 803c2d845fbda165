#!/usr/bin/env python3
"""measure.py - time a command, side by side with peers (bench/run's helper).

  measure.py cmd LABEL RESULTS REPS TIMEOUT CAPTURE -- COMMAND ...
      Run COMMAND once as a warm-up with its standard output in the file CAPTURE
      (its size is the output size), then REPS times with standard output to
      /dev/null. Wall time per call is the median of those REPS runs; memory is the
      largest maximum resident set size of a timed run, as the kernel reports it to
      wait4() for that child (the number GNU time's %M prints). Prints one line of
      the table and appends "LABEL<TAB>median<TAB>ok|failed" to RESULTS.
  measure.py graph MATRIX THRESHOLD EDGES
      Read the people and the fit matrix of 'mutua --json fit --matrix' from MATRIX
      and write the fit graph at THRESHOLD (fit >= THRESHOLD) as "n" then "i j" lines.
  measure.py ratio RESULTS LABEL BASE
      The ratio time(LABEL) / time(BASE) from RESULTS, or "-".

Python 3 standard library only; the peers themselves live in bench/cliques.py.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time


def run_once(argv, out_path, timeout):
    """Wall seconds, max RSS in KiB, exit status ("timeout" when killed) and standard
    error of one run of argv."""
    with open(out_path, "wb") as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, stdout=out, stderr=err)
        killed = []
        timer = threading.Timer(timeout, lambda: (killed.append(1), p.kill()))
        timer.start()
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        msg = err.read()
    return wall, ru.ru_maxrss, "timeout" if killed else p.returncode, msg


def cmd(label, results, reps, timeout, capture, argv):
    wall, rss, rc, err = run_once(argv, capture, timeout)
    size = os.path.getsize(capture) if os.path.exists(capture) else 0
    times, rss_max = [], 0
    if rc == 0:
        for _ in range(reps):
            wall, rss, rc, err = run_once(argv, os.devnull, timeout)
            if rc != 0:
                break
            times.append(wall)
            rss_max = max(rss_max, rss)
    if rc != 0:
        why = "timed out after %ds" % timeout if rc == "timeout" else "exit %s: %s" % (
            rc, err.decode("utf-8", "replace").strip()[:200])
        print("%-34s FAILED (%s)" % (label, why))
        with open(results, "a") as f:
            f.write("%s\t-\tfailed\n" % label)
        return 1
    med = statistics.median(times)
    print("%-34s %4d %12.3f %10.3f %9.0f %14s" % (label, reps, med, min(times), rss_max / 1024.0,
                                                  "{:,}".format(size)))
    with open(results, "a") as f:
        f.write("%s\t%.6f\tok\n" % (label, med))
    return 0


def load_matrix(path):
    """people and matrix of a fit --matrix document; the "pairs" that follow them (the
    bulk of the bytes) are cut off before parsing when the layout allows it."""
    with open(path, "rb") as f:
        data = f.read()
    cut = data.find(b'\n  "pairs": [')
    if cut > 0:
        head = data[:cut].rstrip().rstrip(b",") + b"\n}"
        try:
            d = json.loads(head)
            if "matrix" in d and "people" in d:
                return d["people"], d["matrix"]
        except ValueError:
            pass
    d = json.loads(data)
    return d["people"], d["matrix"]


def graph(matrix_path, threshold, edges_path):
    people, m = load_matrix(matrix_path)
    n = len(people)
    with open(edges_path, "w") as f:
        f.write("%d\n" % n)
        for i in range(n):
            row = m[i]
            for j in range(i + 1, n):
                if row[j] >= threshold:
                    f.write("%d %d\n" % (i, j))


def ratio(results, label, base):
    t = {}
    with open(results) as f:
        for line in f:
            k, v, ok = line.rstrip("\n").split("\t")
            if ok == "ok":
                t[k] = float(v)
    print("%.2f" % (t[label] / t[base]) if label in t and base in t and t[base] > 0 else "-")


def main(argv):
    if len(argv) >= 8 and argv[1] == "cmd" and argv[7] == "--":
        return cmd(argv[2], argv[3], int(argv[4]), int(argv[5]), argv[6], argv[8:])
    if len(argv) == 5 and argv[1] == "graph":
        return graph(argv[2], float(argv[3]), argv[4])
    if len(argv) == 5 and argv[1] == "ratio":
        return ratio(argv[2], argv[3], argv[4])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
