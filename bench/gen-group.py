#!/usr/bin/env python3
"""gen-group.py N SEED - a referral group of N members as a workspace document.

Writes to standard output a mutua-workspace/1 document (shared/FORMAT.md section 1):
N members, each with an organisation and a profile spread over the contact spheres
and the markets they aim at, one network with their memberships, monthly meetings
with attendance and visitors, ties between members with likings, and a year of
exchanges, referrals (with their pipeline and closed business), thanks and
one-to-ones, a few per member per month. Member 1 chairs the group (e-mail
chair@bench.example). The same N and SEED give the same bytes.
Import: mutua --db G.db import json FILE.
"""
import os
import sys

sys.dont_write_bytecode = True  # no bench/__pycache__ in the work tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import genlib as g  # noqa: E402

import random  # noqa: E402

HOW_MET = ["BNI-kapitlet", "En-till-en i kapitlet", "Gemensam kund", "Företagarna",
           "Studiekamrat", "Grannar på kontoret", "Tidigare kollega"]
GIVE_KINDS = {"information": 30, "introduction": 22, "advice": 18, "help": 14, "meeting": 16}
POINTS = {"referral": 3, "introduction": 2, "information": 1, "advice": 1, "help": 1,
          "meeting": 1, "closed_business": 0, "thanks": 0}


def main():
    n, seed = g.args(sys.argv, "usage: gen-group.py N SEED")
    rng = random.Random(seed)
    cur = "SEK"
    orgs, persons, profiles, ties, exchanges = [], [], [], [], []
    referrals, memberships, meetings, one_to_ones = [], [], [], []

    members, sphere_of = [], {}
    for i in range(1, n + 1):
        sphere = g.weighted(rng, g.SPHERE_WEIGHT)
        first, last = g.person_name(rng)
        oid, pid = "o%d" % i, "p%d" % i
        mail = g.email(first, last, i, "medlem.example")
        if i == 1:  # the chair: bench/run asks for her partners
            first, last, mail = "Bench", "Ordförande", "chair@bench.example"
        orgs.append({"id": oid, "name": "%s %s AB" % (last, sphere.split("_")[0].capitalize()),
                     "industry": rng.choice(g.SPHERE_INDUSTRY[sphere]),
                     "size_class": rng.choice(["micro", "micro", "small", "small", "medium"]),
                     "region": "SE-M"})
        persons.append({"id": pid, "full_name": "%s %s" % (first, last),
                        "emails": [mail], "organisation_id": oid, "title": "VD", "role_level": "owner",
                        "role_function": "general_management", "region": "SE-M", "city": "Lund",
                        "tags": ["medlem"], "source": "Medlemsregistret",
                        "legal_basis": "contract", "private": False})
        profiles.append(g.profile(rng, pid, sphere, cur))
        members.append(pid)
        sphere_of[pid] = sphere
    # a few name their competitors
    by_sphere = {}
    for p in members:
        by_sphere.setdefault(sphere_of[p], []).append(p)
    for prof in profiles:
        if rng.random() < 0.03:
            other = rng.choice(by_sphere[prof["sphere"]])
            if other != prof["person_id"]:
                prof["competitors"] = [other]

    # prospects: people at client companies, and visitors
    n_prospects = max(10, n // 2)
    prospects = []
    for i in range(1, n_prospects + 1):
        first, last = g.person_name(rng)
        oid, pid = "ko%d" % i, "k%d" % i
        market = g.weighted(rng, g.MARKET_WEIGHT)
        ind = rng.choice([c for c in g.MARKETS[market][0] if c[0].isdigit()])
        orgs.append({"id": oid, "name": "%s Kund %d AB" % (last, i), "industry": ind,
                     "size_class": rng.choice(g.MARKETS[market][1]), "region": "SE-M"})
        persons.append({"id": pid, "full_name": "%s %s" % (first, last),
                        "emails": [g.email(first, last, i, "kund.example")], "organisation_id": oid,
                        "source": "Affärstips", "legal_basis": "legitimate_interest", "private": False})
        prospects.append(pid)

    net = "n1"
    networks = [{"id": net, "name": "Företagsgruppen Lund", "purpose": "business_exchange",
                 "openness": "closed", "fee": {"amount": 950000, "currency": cur, "per": "year"},
                 "meetings_per_year": 12, "meeting_place": "Hotell Lundia, Lund", "url": None}]
    for i, p in enumerate(members, 1):
        memberships.append({"id": "m%d" % i, "network_id": net, "person_id": p,
                            "role": "leader" if i <= max(1, n // 100) else "member",
                            "since": g.day(g.at_days_ago(rng, 30, 6 * 365)), "until": None,
                            "hours_per_meeting": 2.5, "hourly_cost": {"amount": 90000, "currency": cur}})

    # ties between members, mostly within a sphere's usual partners, with likings
    tie_of, partners = {}, {p: [] for p in members}
    want = 12 * n // 2
    while len(ties) < want:
        a = rng.choice(members)
        b = rng.choice(by_sphere[sphere_of[a]]) if rng.random() < 0.3 else rng.choice(members)
        key = (min(a, b), max(a, b))
        if a == b or key in tie_of:
            continue
        tid = "t%d" % (len(ties) + 1)
        tie_of[key] = tid
        partners[a].append(b)
        partners[b].append(a)
        r = rng.random()
        ties.append({"id": tid, "a": a, "b": b, "how_met": rng.choice(HOW_MET),
                     "since": g.day(g.at_days_ago(rng, 60, 8 * 365)),
                     "cadence_days": rng.choice([None] * 8 + [14, 30]),
                     "tier": "inner" if r < 0.1 else "active" if r < 0.45 else "wide",
                     "liking_a": rng.choice(g.LIKING) if rng.random() < 0.75 else None,
                     "liking_b": rng.choice(g.LIKING) if rng.random() < 0.75 else None,
                     "private": False,
                     "status": rng.choice(["active"] * 46 + ["dormant"] * 3 + ["ended"])})

    def partner(p):
        ps = partners[p]
        if ps and rng.random() < 0.8:
            return rng.choice(ps)
        q = rng.choice(members)
        return q if q != p else rng.choice(members)

    def exchange(at, giver, receiver, kind, **kw):
        x = {"id": "x%d" % (len(exchanges) + 1), "at": g.iso(at), "giver": giver,
             "receiver": receiver, "kind": kind, "points": POINTS[kind], "network_id": net,
             "private": False}
        x.update(kw)
        exchanges.append(x)
        return x

    def thank(at, giver, receiver):
        # the receiver thanks the giver, mostly in time
        if rng.random() < 0.7:
            t = g.after(at, rng, 0, 10)
            if t:
                exchange(t, receiver, giver, "thanks", note="Tack!")

    months = 12
    for p in members:
        # referrals: about 0.3 a member a month, through their pipeline
        for _ in range(rng.randint(0, int(0.6 * months))):
            q = partner(p)
            at = g.at_days_ago(rng, 0, 365)
            rid = "r%d" % (len(referrals) + 1)
            hist = [{"status": "given", "at": g.iso(at)}]
            t, status = at, "given"
            for nxt in ("contacted", "meeting", "offer"):
                if rng.random() < 0.75:
                    u = g.after(t, rng, 1, 20)
                    if not u:
                        break
                    t, status = u, nxt
                    hist.append({"status": status, "at": g.iso(t)})
                else:
                    break
            value = None
            if status == "offer" or (status != "given" and rng.random() < 0.2):
                u = g.after(t, rng, 3, 30)
                if u:
                    status = "won" if status == "offer" and rng.random() < 0.65 else "lost"
                    t = u
                    hist.append({"status": status, "at": g.iso(t)})
                    if status == "won":
                        value = {"amount": int(rng.lognormvariate(10.5, 0.9)) * 100, "currency": cur}
            referrals.append({"id": rid, "giver": p, "receiver": q,
                              "prospect_person": rng.choice(prospects), "network_id": net,
                              "kind": "outside" if rng.random() < 0.85 else "inside",
                              "status": status, "history": hist, "closed_value": value})
            exchange(at, p, q, "referral", referral_id=rid)
            thank(at, p, q)
            if value:
                exchange(t, q, p, "closed_business", amount=value, referral_id=rid,
                         note="Tack för affären!")
                thank(t, q, p)
        # other give: about one a member a month
        for _ in range(rng.randint(int(0.5 * months), int(1.5 * months))):
            kind = g.weighted(rng, GIVE_KINDS)
            q = partner(p)
            at = g.at_days_ago(rng, 0, 365)
            exchange(at, p, q, kind)
            if kind in ("introduction", "help"):
                thank(at, p, q)
        # one-to-ones: about one every other month, initiated
        for _ in range(rng.randint(int(0.25 * months), int(0.75 * months))):
            q = partner(p)
            one_to_ones.append({"id": "oo%d" % (len(one_to_ones) + 1),
                                "at": g.iso(g.at_days_ago(rng, 0, 365)), "a": p, "b": q})

    # monthly meetings: everyone on the register, some visitors
    for k in range(months):
        at = (g.NOW - g.dt_days(30 * k + 3)).replace(hour=6, minute=45)
        visitors = [{"person": rng.choice(prospects), "invited_by": rng.choice(members)}
                    for _ in range(rng.randint(0, max(1, n // 100)))]
        seen, vis = set(), []
        for v in visitors:
            if v["person"] not in seen:
                seen.add(v["person"])
                vis.append(v)
        meetings.append({"id": "mt%d" % (k + 1), "network_id": net, "at": g.iso(at),
                         "place": "Hotell Lundia, Lund",
                         "attendance": [{"person": p, "code": rng.choice(g.CODES)} for p in members],
                         "visitors": vis})

    takeaways = [{"id": "k%d" % (i + 1), "network_id": net, "meeting_id": "mt%d" % (i % months + 1),
                  "author": rng.choice(members), "at": g.iso(g.at_days_ago(rng, 0, 365)),
                  "text": rng.choice(["Kommunen upphandlar IT-drift i vår.", "Idé: gemensam mässmonter.",
                                      "Flera bolag söker lokaler i centrum."]),
                  "tags": [rng.choice(["lead", "idea", "trend"])]} for i in range(max(5, n // 20))]
    year_from, year_to = g.day(g.NOW - g.dt_days(180)), g.day(g.NOW + g.dt_days(185))
    goals = [{"id": "g1", "owner_person": None, "network_id": net, "metric": "referrals_given",
              "target": float(4 * n), "from": year_from, "to": year_to},
             {"id": "g2", "owner_person": None, "network_id": net, "metric": "one_to_ones",
              "target": float(8 * n), "from": year_from, "to": year_to},
             {"id": "g3", "owner_person": None, "network_id": net, "metric": "visitors",
              "target": float(n // 2), "from": year_from, "to": year_to}]
    for i, p in enumerate(rng.sample(members, max(1, n // 10)), 4):
        goals.append({"id": "g%d" % i, "owner_person": p, "network_id": net,
                      "metric": rng.choice(["customer_meetings", "referrals_given", "one_to_ones"]),
                      "target": float(rng.randint(6, 24)), "from": year_from, "to": year_to})
    asks = [{"id": "a%d" % (i + 1), "person": p, "at": g.iso(g.at_days_ago(rng, 0, 60)),
             "text": "Introduktion till inköpschefer i %s" % rng.choice(["Lund", "Malmö", "Helsingborg"]),
             "segment": {"role_function": "procurement", "region": "SE-M"}, "status": "open"}
            for i, p in enumerate(rng.sample(members, max(1, n // 20)))]
    offers = [{"id": "f%d" % (i + 1), "person": p, "at": g.iso(g.at_days_ago(rng, 0, 60)),
               "text": "Gratis genomlysning för medlemmarnas kunder", "status": "open"}
              for i, p in enumerate(rng.sample(members, max(1, n // 25)))]
    tasks = [{"id": "ts%d" % (i + 1), "owner_person": p, "person": partner(p),
              "due": g.day(g.NOW + g.dt_days(rng.randint(-20, 20))),
              "kind": rng.choice(["follow_up", "thank", "meet"]), "done_at": None}
             for i, p in enumerate(rng.sample(members, max(1, n // 10)))]

    g.write({
        "format": "mutua-workspace/1",
        "workspace": {"name": "Bench group %d" % n, "kind": "group", "locale": "sv", "currency": cur,
                      "settings": {"fit_weights": [0.2] * 5, "fit_threshold_power_team": 0.5,
                                   "reciprocity_window_days": 365,
                                   "cadence_days": {"inner": 30, "active": 90, "wide": 180}}},
        "organisations": orgs, "persons": persons, "profiles": profiles, "ties": ties,
        "exchanges": exchanges, "referrals": referrals, "networks": networks,
        "memberships": memberships, "meetings": meetings, "one_to_ones": one_to_ones,
        "takeaways": takeaways, "goals": goals, "plans": [], "asks": asks, "offers": offers,
        "tasks": tasks,
    })


if __name__ == "__main__":
    main()
