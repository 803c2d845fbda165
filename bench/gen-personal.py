#!/usr/bin/env python3
"""gen-personal.py N SEED - one person's network of N contacts as a workspace document.

Writes to standard output a mutua-workspace/1 document (shared/FORMAT.md section 1):
the owner (e-mail owner@bench.example) with a profile, N contacts at their
organisations, N ties from the owner with tiers, since dates, likings and some own
cadences, some ties among the contacts, two years of exchanges, thanks, one-to-ones
and referrals (most with the inner and active tiers), three networks with meetings,
goals, a plan, asks, offers and tasks. The same N and SEED give the same bytes.
Import: mutua --db P.db import json FILE.
"""
import os
import random
import sys

sys.dont_write_bytecode = True  # no bench/__pycache__ in the work tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import genlib as g  # noqa: E402

OWNER_EMAIL = "owner@bench.example"
TIER = {"inner": 3, "active": 30, "wide": 67}
# interactions a year with a contact of each tier
PER_YEAR = {"inner": 12, "active": 2, "wide": 0.2}
KINDS = {"information": 24, "meeting": 18, "advice": 16, "help": 12, "introduction": 10,
         "referral": 6, "thanks": 0}
POINTS = {"referral": 3, "introduction": 2, "information": 1, "advice": 1, "help": 1,
          "meeting": 1, "closed_business": 0, "thanks": 0}
HOW_MET = ["Kund", "Tidigare kollega", "Konferens", "LinkedIn", "Nätverksträff",
           "Studiekamrat", "Genom en vän", "Samarbetspartner på ett projekt"]
LEVELS = ["owner", "executive", "manager", "manager", "specialist", "specialist", "public_official"]
FUNCS = ["general_management", "finance", "hr", "it", "marketing", "sales", "operations",
         "legal", "procurement", "property"]
REGIONS = ["SE-M"] * 6 + ["DK-84"] * 3 + ["SE-O", "SE-AB", "DK-85", "NO-03"]


def poisson(rng, lam):
    """A Poisson count (Knuth; lam is small here)."""
    k, p, limit = 0, 1.0, pow(2.718281828459045, -lam)
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def main():
    n, seed = g.args(sys.argv, "usage: gen-personal.py N SEED")
    rng = random.Random(seed)
    cur = "SEK"
    owner = "me"
    orgs = [{"id": "o0", "name": "Bench Konsult AB", "industry": "70.2", "size_class": "micro",
             "region": "SE-M"}]
    persons = [{"id": owner, "full_name": "Bench Ägare", "emails": [OWNER_EMAIL],
                "organisation_id": "o0", "title": "Konsult", "role_level": "owner",
                "role_function": "general_management", "industry": "70.2", "region": "SE-M",
                "city": "Malmö", "tags": ["mig"], "source": "Arbetsytans ägare",
                "legal_basis": "contract", "private": False}]
    profiles = [g.profile(rng, owner, "business_services", cur)]
    n_orgs = max(1, n // 4)
    for i in range(1, n_orgs + 1):
        market = g.weighted(rng, g.MARKET_WEIGHT)
        orgs.append({"id": "o%d" % i, "name": "Företag %d AB" % i,
                     "industry": rng.choice([c for c in g.MARKETS[market][0] if c[0].isdigit()]),
                     "size_class": rng.choice(["micro", "small", "medium", "large"]),
                     "region": rng.choice(REGIONS)})
    contacts, tier_of, ties = [], {}, []
    for i in range(1, n + 1):
        first, last = g.person_name(rng)
        pid = "c%d" % i
        org = orgs[rng.randint(1, n_orgs)]
        persons.append({"id": pid, "full_name": "%s %s" % (first, last),
                        "emails": [g.email(first, last, i, "kontakt.example")],
                        "organisation_id": org["id"], "role_level": rng.choice(LEVELS),
                        "role_function": rng.choice(FUNCS), "industry": org["industry"],
                        "region": org["region"], "tags": [rng.choice(["kund", "partner", "kollega", "bekant"])],
                        "source": rng.choice(["LinkedIn", "Visitkort", "Konferens"]),
                        "legal_basis": rng.choice(["legitimate_interest"] * 4 + ["consent"]),
                        "private": False})
        contacts.append(pid)
        tier = g.weighted(rng, TIER)
        tier_of[pid] = tier
        # since: most ties are young; some go back fifteen years
        age = min(15 * 365, int(rng.expovariate(1 / 1400.0)) + 20)
        ties.append({"id": "t%d" % i, "a": owner, "b": pid, "how_met": rng.choice(HOW_MET),
                     "since": g.day(g.NOW - g.dt_days(age)),
                     "cadence_days": rng.choice([14, 21, 30, 60, 120]) if rng.random() < 0.05 else None,
                     "tier": tier,
                     "liking_a": rng.choice(g.LIKING) if rng.random() < 0.4 else None,
                     "liking_b": None, "private": rng.random() < 0.02,
                     "status": rng.choice(["active"] * 45 + ["dormant"] * 4 + ["ended"])})
    # ties among the contacts: colleagues and acquaintances of the owner's contacts
    seen = set()
    while len(ties) < n + n // 2:
        a, b = rng.sample(contacts, 2)
        key = (min(a, b), max(a, b))
        if key in seen:
            continue
        seen.add(key)
        ties.append({"id": "t%d" % (len(ties) + 1), "a": a, "b": b, "how_met": "Kollegor",
                     "since": g.day(g.at_days_ago(rng, 100, 3000)), "cadence_days": None,
                     "tier": "wide", "liking_a": None, "liking_b": None, "private": False,
                     "status": "active"})
    partners = rng.sample(contacts, min(30, n))
    for p in partners:
        profiles.append(g.profile(rng, p, g.weighted(rng, g.SPHERE_WEIGHT), cur))

    exchanges, one_to_ones, referrals = [], [], []

    def exchange(at, giver, receiver, kind, **kw):
        x = {"id": "x%d" % (len(exchanges) + 1), "at": g.iso(at), "giver": giver,
             "receiver": receiver, "kind": kind, "points": POINTS[kind], "private": False}
        x.update(kw)
        exchanges.append(x)

    def thank(at, giver, receiver):
        if rng.random() < 0.6:
            t = g.after(at, rng, 0, 12)
            if t:
                exchange(t, receiver, giver, "thanks", note="Tack!")

    years = 2
    for c in contacts:
        tier = tier_of[c]
        for _ in range(poisson(rng, PER_YEAR[tier] * years)):
            at = g.at_days_ago(rng, 0, 365 * years)
            kind = g.weighted(rng, {k: v for k, v in KINDS.items() if v})
            giver, receiver = (owner, c) if rng.random() < 0.5 else (c, owner)
            if kind == "referral":
                rid = "r%d" % (len(referrals) + 1)
                hist, t, status = [{"status": "given", "at": g.iso(at)}], at, "given"
                for nxt in ("contacted", "meeting", "offer", "won"):
                    u = g.after(t, rng, 2, 25) if rng.random() < 0.7 else None
                    if not u:
                        break
                    t, status = u, nxt
                    hist.append({"status": status, "at": g.iso(t)})
                value = None
                if status == "won":
                    value = {"amount": int(rng.lognormvariate(10.5, 0.9)) * 100, "currency": cur}
                elif status == "offer" and rng.random() < 0.5:
                    u = g.after(t, rng, 3, 30)
                    if u:
                        status = "lost"
                        hist.append({"status": status, "at": g.iso(u)})
                referrals.append({"id": rid, "giver": giver, "receiver": receiver,
                                  "prospect_person": rng.choice(contacts), "kind": "outside",
                                  "status": status, "history": hist, "closed_value": value})
                exchange(at, giver, receiver, "referral", referral_id=rid)
                thank(at, giver, receiver)
                if value:
                    exchange(t, receiver, giver, "closed_business", amount=value, referral_id=rid)
                    thank(t, receiver, giver)
            else:
                exchange(at, giver, receiver, kind)
                if kind in ("introduction", "help"):
                    thank(at, giver, receiver)
        for _ in range(poisson(rng, {"inner": 4, "active": 0.5, "wide": 0.02}[tier] * years)):
            one_to_ones.append({"id": "oo%d" % (len(one_to_ones) + 1),
                                "at": g.iso(g.at_days_ago(rng, 0, 365 * years)), "a": owner, "b": c})

    networks, memberships, meetings = [], [], []
    for k, (name, purpose, per_year) in enumerate([("Företagarna Malmö", "business_exchange", 12),
                                                   ("Erfa-gruppen för konsulter", "experience_group", 10),
                                                   ("Branschföreningen", "professional", 4)], 1):
        nid = "n%d" % k
        networks.append({"id": nid, "name": name, "purpose": purpose, "openness": "open",
                         "fee": {"amount": 250000, "currency": cur, "per": "year"},
                         "meetings_per_year": per_year, "meeting_place": "Malmö", "url": None})
        members = [owner] + rng.sample(contacts, min(n, max(5, n // 50)))
        for p in members:
            memberships.append({"id": "m%d" % (len(memberships) + 1), "network_id": nid,
                                "person_id": p, "role": "member",
                                "since": g.day(g.at_days_ago(rng, 400, 3000)), "until": None})
        for j in range(per_year * years):
            at = (g.NOW - g.dt_days(int(365 * years * (j + 0.5) / (per_year * years)))).replace(hour=16, minute=30)
            meetings.append({"id": "mt%d" % (len(meetings) + 1), "network_id": nid, "at": g.iso(at),
                             "place": "Malmö",
                             "attendance": [{"person": p, "code": "P" if rng.random() < 0.6 else "A"}
                                            for p in members], "visitors": []})
    y0, y1 = "%d-01-01" % g.NOW.year, "%d-12-31" % g.NOW.year
    goals = [{"id": "g%d" % (i + 1), "owner_person": owner, "network_id": None, "metric": m,
              "target": float(t), "from": y0, "to": y1}
             for i, (m, t) in enumerate([("new_contacts", n // 2), ("customer_meetings", 60),
                                         ("one_to_ones", n // 2), ("referrals_given", 80),
                                         ("closed_value", 2000000)])]
    plans = [{"id": "pl1", "owner_person": owner, "capacity_per_month": 8,
              "segments": [{"industry": "62", "role_level": "manager", "role_function": "it",
                            "region": "SE-M", "want": 20},
                           {"industry": "84", "role_level": "public_official", "want": 10},
                           {"industry": "68", "role_function": "property", "want": 10}]}]
    asks = [{"id": "a1", "person": owner, "at": g.iso(g.at_days_ago(rng, 1, 30)),
             "text": "Introduktion till IT-chefer i Malmö", "segment": {"industry": "62",
             "role_function": "it", "region": "SE-M"}, "status": "open"}]
    offers = [{"id": "f1", "person": owner, "at": g.iso(g.at_days_ago(rng, 1, 30)),
               "text": "Gratis workshop om prissättning", "status": "open"}]
    tasks = [{"id": "ts%d" % (i + 1), "owner_person": owner, "person": c,
              "due": g.day(g.NOW + g.dt_days(rng.randint(-30, 30))),
              "kind": rng.choice(["follow_up", "thank", "meet", "referral_update"]), "done_at": None}
             for i, c in enumerate(rng.sample(contacts, min(n, 40)))]

    g.write({
        "format": "mutua-workspace/1",
        "workspace": {"name": "Bench personal %d" % n, "kind": "personal", "locale": "sv",
                      "currency": cur,
                      "settings": {"fit_weights": [0.2] * 5, "fit_threshold_power_team": 0.5,
                                   "reciprocity_window_days": 365,
                                   "cadence_days": {"inner": 30, "active": 90, "wide": 180}}},
        "organisations": orgs, "persons": persons, "profiles": profiles, "ties": ties,
        "exchanges": exchanges, "referrals": referrals, "networks": networks,
        "memberships": memberships, "meetings": meetings, "one_to_ones": one_to_ones,
        "takeaways": [], "goals": goals, "plans": plans, "asks": asks, "offers": offers,
        "tasks": tasks,
    })


if __name__ == "__main__":
    main()
