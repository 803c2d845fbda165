#!/usr/bin/env python3
"""contacts-peers.py KIND FILE - what a user would otherwise script: read the address
book with Python (vobject for vCard, the csv module for LinkedIn) and drop duplicates
by e-mail, phone digits or profile URL in a dict. Prints "<version> <seconds> <contacts>
<unique>". The peer does less than Mutua (no database, no validation, no merge)."""
import csv
import io
import sys
import time


def keys_vcard(card):
    ks = []
    for e in card.contents.get("email", []):
        ks.append("e:" + e.value.strip().lower())
    for t in card.contents.get("tel", []):
        d = "".join(c for c in t.value if c.isdigit())
        ks.append("p:" + (d[2:] if d.startswith("46") else d.lstrip("0")))
    return ks


def main():
    kind, path = sys.argv[1], sys.argv[2]
    t0 = time.perf_counter()
    seen, n, unique = {}, 0, 0
    if kind == "vcard":
        import vobject
        from importlib.metadata import version as pkg_version
        version = "vobject " + pkg_version("vobject")
        with open(path, encoding="utf-8") as f:
            for card in vobject.readComponents(f):
                n += 1
                ks = keys_vcard(card)
                if not any(k in seen for k in ks):
                    unique += 1
                for k in ks:
                    seen[k] = n
    else:
        version = "python %d.%d csv" % sys.version_info[:2]
        with open(path, encoding="utf-8-sig", newline="") as f:
            text = f.read()
        start = text.index("First Name,Last Name")
        for row in csv.DictReader(io.StringIO(text[start:])):
            n += 1
            ks = [k for k in ("u:" + row["URL"].lower(), "e:" + row["Email Address"].lower())
                  if len(k) > 2]
            if not any(k in seen for k in ks):
                unique += 1
            for k in ks:
                seen[k] = n
    print(version.replace(" ", "_"), "%.3f" % (time.perf_counter() - t0), n, unique)


if __name__ == "__main__":
    main()
