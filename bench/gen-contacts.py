#!/usr/bin/env python3
"""gen-contacts.py KIND N SEED - a seeded address book for bench/interchange.

KIND vcard: N vCard 3.0 cards as phones and Google write them (FN, N, ORG, TITLE, two
EMAIL, TEL, ADR, CATEGORIES, NOTE, folded long lines, CRLF). KIND linkedin: a LinkedIn
Connections.csv of N rows with today's preamble. One contact in ten repeats an earlier
person as another program would write them (the e-mail in other case, the phone in
international form, the same profile URL), so the importer's duplicate detection works.
Python 3 standard library only.
"""
import random
import sys

GIVEN = ["Anna", "Erik", "Maria", "Søren", "Åsa", "Lars", "Mette", "Björn", "Karin", "Jens",
         "Ingrid", "Mikkel", "Elin", "Ole", "Sofia", "Henrik", "Freja", "Nils", "Ida", "Kasper"]
FAMILY = ["Lind", "Holm", "Bergström", "Kjær", "Öberg", "Ekström", "Frederiksen", "Åkesson",
          "Lindqvist", "Ørsted", "Nyström", "Højgaard", "Jensen", "Nilsson", "Madsen", "Sandberg"]
ORGS = ["Lind Rekrytering AB", "Holm Ledarskap AB", "Kjær Leadership ApS", "Öresund Bygg AB",
        "Nordisk Energi A/S", "Malmö stad", "Region Skåne", "Højgaard Rådgivning ApS"]
TITLES = ["VD", "Projektledare", "Partner", "HR-chef", "Ekonomichef", "Konsult", "CTO"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def person(rng, i):
    g, f = rng.choice(GIVEN), rng.choice(FAMILY)
    org = "%s %d" % (rng.choice(ORGS), i % 5000)
    slug = "%s.%s.%d" % (g.lower(), f.lower(), i)
    return {"given": g, "family": f, "org": org, "title": rng.choice(TITLES),
            "email": "%s@example.se" % slug.encode("ascii", "ignore").decode(),
            "phone": "070-%03d %02d %02d" % (i // 10000 % 1000, i // 100 % 100, i % 100),
            "url": "https://www.linkedin.com/in/%s" % slug.encode("ascii", "ignore").decode(),
            "since": "%d %s %d" % (1 + i % 28, MONTHS[i % 12], 2010 + i % 15)}


def fold(line):
    out, b = [], line.encode()
    while len(b) > 75:
        cut = 75
        while (b[cut] & 0xC0) == 0x80:
            cut -= 1
        out.append(b[:cut])
        b = b" " + b[cut:]
    out.append(b)
    return b"\r\n".join(out) + b"\r\n"


def vcard(p, twin):
    email = p["email"].upper() if twin else p["email"]
    phone = "+46 70 " + p["phone"][4:] if twin else p["phone"]
    lines = ["BEGIN:VCARD", "VERSION:3.0", "N:%s;%s;;;" % (p["family"], p["given"]),
             "FN:%s %s" % (p["given"], p["family"]), "ORG:%s;Försäljning" % p["org"],
             "TITLE:%s" % p["title"], "EMAIL;TYPE=INTERNET;TYPE=pref:%s" % email,
             "item1.EMAIL;TYPE=INTERNET:privat.%s" % p["email"],
             "TEL;TYPE=CELL:%s" % phone, "ADR;TYPE=WORK:;;Storgatan 1;Lund;;222 22;Sverige",
             "CATEGORIES:Kund,Nätverk", "NOTE:Träffades på frukostmötet\\, pratade om "
             "rekrytering av chefer i Skåne och om en gemensam kund i Köpenhamn.",
             "END:VCARD"]
    return b"".join(fold(x) for x in lines)


def main():
    kind, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    people = []
    out = sys.stdout.buffer
    if kind == "linkedin":
        out.write(b'Notes:\r\n"When exporting your connection data, you may notice that some'
                  b' of the email addresses are missing."\r\n\r\nFirst Name,Last Name,URL,'
                  b'Email Address,Company,Position,Connected On\r\n')
    for i in range(n):
        twin = bool(people) and rng.random() < 0.1
        p = rng.choice(people) if twin else person(rng, i)
        if not twin:
            people.append(p)
        if kind == "vcard":
            out.write(vcard(p, twin))
        else:
            email = "" if rng.random() < 0.7 else p["email"]
            out.write(('%s,%s,%s,%s,"%s",%s,%s\r\n' % (p["given"], p["family"], p["url"],
                       email, p["org"], p["title"], p["since"])).encode())


if __name__ == "__main__":
    main()
