#!/usr/bin/env python3
"""interchange.py MUTUA WORK N SEED REPS PEER_PYTHON - importing address books, timed
beside the Python a user would otherwise write (bench/contacts-peers.py), in one run.

For each kind (vcard, linkedin): bench/gen-contacts.py writes N contacts (one in ten a
duplicate written another way); then REPS times a fresh database gets
`mutua import KIND FILE` with duplicate detection on (median wall time; peak memory is
the largest maximum resident set size the kernel reports to wait4()); then the peer
reads the same file once. One line per kind:
  BENCH import_<kind> <n> mutua=<ms> <peer>=<ms> ratio_<peer>=<peer/mutua> peak_mib=<MiB>
Python 3 standard library only (the peers need python3-vobject: scripts/deps --bench).
"""
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(argv, out=subprocess.DEVNULL):
    """Wall seconds and max RSS (KiB) of one run; raises on failure."""
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if status != 0:
        raise RuntimeError("%s failed: %s" % (" ".join(argv), err.strip()[:300]))
    return wall, ru.ru_maxrss


def main():
    mutua, work, n, seed, reps, peer_py = sys.argv[1:7]
    n, reps = int(n), int(reps)
    peers = {"vcard": "vobject", "linkedin": "python_csv"}
    for kind in ("vcard", "linkedin"):
        path = os.path.join(work, "contacts-%d.%s" % (n, "vcf" if kind == "vcard" else "csv"))
        with open(path, "wb") as f:
            subprocess.run([sys.executable, os.path.join(HERE, "gen-contacts.py"), kind,
                            str(n), seed], stdout=f, check=True)
        walls, peak, summary = [], 0, ""
        for rep in range(reps):
            db = os.path.join(work, "import-%s-%d.db" % (kind, rep))
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            subprocess.run([mutua, "--db", db, "init", "--name", "Bench", "--kind", "personal",
                            "--currency", "SEK"], stdout=subprocess.DEVNULL, check=True)
            with open(os.path.join(work, "import-%s.out" % kind), "wb") as out:
                wall, rss = run([mutua, "--db", db, "import", kind, path], out)
            walls.append(wall)
            peak = max(peak, rss)
            with open(os.path.join(work, "import-%s.out" % kind)) as out:
                summary = out.readline().strip()
        mutua_ms = statistics.median(walls) * 1000
        peer = peers[kind]
        try:
            out = subprocess.run([peer_py, os.path.join(HERE, "contacts-peers.py"), kind, path],
                                 capture_output=True, text=True, check=True).stdout.split()
            peer_ms = float(out[1]) * 1000
            peer_txt, ratio = "%.0f" % peer_ms, "%.2f" % (peer_ms / mutua_ms)
            note = "%s read %s contacts, %s unique" % (out[0], out[2], out[3])
        except (subprocess.CalledProcessError, FileNotFoundError, IndexError) as e:
            peer_txt, ratio, note = "-", "-", "peer failed: %s" % getattr(e, "stderr", e)
        print("BENCH import_%s %d mutua=%.0f %s=%s ratio_%s=%s peak_mib=%.0f" % (
            kind, n, mutua_ms, peer, peer_txt, peer, ratio, peak / 1024))
        print("  mutua (%d runs, median): %s; %.1f MB file" % (reps, summary,
                                                             os.path.getsize(path) / 1e6))
        print("  %s" % note)


if __name__ == "__main__":
    main()
