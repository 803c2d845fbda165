"""genlib.py - what bench/gen-group.py and bench/gen-personal.py share.

Deterministic helpers (every choice goes through the random.Random the caller
seeds), the fixed "today" of the benchmark, name and market tables, and the writer
of a workspace document (shared/FORMAT.md section 1). Python 3 standard library only.
"""
import datetime as _dt
import json
import sys

# The benchmark's "today": bench/run passes the same instant as --now
# (2026-11-01T12:00:00Z), so the data are as old on every run and every machine.
NOW = _dt.datetime(2026, 11, 1, 12, 0, 0)

FIRST = ("Anna Erik Maria Johan Sara Per Sofia Henrik Emma Viktor Mikael Elin Fredrik "
         "Linnea Oskar Mette Gustav Malin Nils Karin Jonas Anders Ingrid Lars Åsa Karl "
         "Eva Magnus Helena Ola Lena Björn Kristina Peter Camilla Mats Jenny Thomas "
         "Ida Søren Frederik Line Mads Louise Rasmus Camilla Jens Pernille Kasper "
         "Maja Jakob Hanna Axel Klara Oscar Ebba Ludvig Alva Hugo Tove Simon Frida").split()
LAST = ("Lind Holm Bergström Kjær Persson Ekström Sjöberg Svensson Larsson Sandberg "
        "Engström Håkansson Dahl Strand Wallin Møller Axelsson Sjögren Nilsson Åberg Ek "
        "Lundqvist Öberg Olsen Gustafsson Andersson Johansson Karlsson Eriksson Jönsson "
        "Petersen Jensen Hansen Nielsen Christensen Rasmussen Madsen Sørensen Lindgren "
        "Berg Forsberg Nyström Holmberg Hedlund Falk Sundberg Björk Blom Lundin Mattsson "
        "Kristensen Thomsen Poulsen Johansen Knudsen Mortensen Friis Holst Lund Bech").split()

ASCII = str.maketrans({"å": "a", "ä": "a", "ö": "o", "ø": "o", "æ": "ae", "é": "e",
                       "Å": "A", "Ä": "A", "Ö": "O", "Ø": "O", "Æ": "Ae"})

# Contact spheres (data/sphere.tsv) with their offerings: (label, stage).
SPHERES = {
    "people_hr": [("Rekrytering av chefer", "acquire"), ("Rekrytering av specialister", "acquire"),
                  ("Ledarskapsprogram", "develop"), ("Medarbetarundersökningar", "need"),
                  ("Omställningsstöd", "exit"), ("Introduktionsprogram", "implement"),
                  ("Karriärcoachning", "develop"), ("HR-konsult på deltid", "implement"),
                  ("Lönekartläggning", "need"), ("Bemanning", "acquire")],
    "finance_legal": [("Redovisning och bokslut", "implement"), ("Revision", "implement"),
                      ("Affärsjuridik", "need"), ("Generationsskifte", "exit"),
                      ("Företagsfinansiering", "acquire"), ("Skatterådgivning", "develop"),
                      ("Försäkringar för företag", "acquire"), ("Avtalsgranskning", "need"),
                      ("Löneadministration", "implement"), ("Företagsvärdering", "exit")],
    "property": [("Kontorslokaler", "acquire"), ("Fastighetsförvaltning", "implement"),
                 ("Lokalanpassning", "develop"), ("Fastighetsvärdering", "exit"),
                 ("Energideklaration", "need"), ("Lagerlokaler", "acquire"),
                 ("Kommersiell mäklare", "exit"), ("Coworking", "acquire")],
    "it_digital": [("Systemutveckling", "implement"), ("IT-drift", "implement"),
                   ("Cybersäkerhet", "need"), ("Molnmigrering", "develop"),
                   ("Affärssystem", "acquire"), ("IT-support", "implement"),
                   ("Dataanalys", "develop"), ("Webbutveckling", "acquire"),
                   ("AI-rådgivning", "need"), ("Nätverk och telefoni", "implement")],
    "marketing_creative": [("Varumärkesstrategi", "need"), ("Grafisk design", "develop"),
                           ("Webbdesign", "acquire"), ("Sökmotoroptimering", "acquire"),
                           ("Sociala medier", "develop"), ("Film och foto", "develop"),
                           ("PR och kommunikation", "implement"), ("Tryck och skyltar", "implement"),
                           ("Copywriting", "develop"), ("Mässmaterial", "implement")],
    "events_hospitality": [("Konferenser", "develop"), ("Catering", "implement"),
                           ("Företagsevent", "develop"), ("Hotell", "implement"),
                           ("Teambuilding", "develop"), ("Julbord", "implement"),
                           ("Mötesbokning", "acquire"), ("Eventteknik", "implement")],
    "health_wellness": [("Företagshälsovård", "need"), ("Friskvård", "develop"),
                        ("Massage på arbetsplatsen", "implement"), ("Stresshantering", "develop"),
                        ("Ergonomi", "need"), ("Rehabilitering", "exit"),
                        ("Kostrådgivning", "develop"), ("Hälsoprofiler", "need")],
    "construction_trades": [("Elinstallationer", "implement"), ("VVS", "implement"),
                            ("Ombyggnad av kontor", "develop"), ("Måleri", "implement"),
                            ("Solceller", "acquire"), ("Ventilation", "implement"),
                            ("Byggprojektledning", "develop"), ("Snickeri", "implement"),
                            ("Låssmed", "need"), ("Städning", "implement")],
    "business_services": [("Ledningsgruppsutveckling", "develop"), ("Strategikonsult", "need"),
                          ("Försäljningsträning", "develop"), ("Översättning", "implement"),
                          ("Inköpsrådgivning", "acquire"), ("Kvalitetsledning", "implement"),
                          ("Exportrådgivning", "acquire"), ("Styrelsearbete", "exit"),
                          ("Processutveckling", "develop"), ("Budtjänster", "implement")],
}
SPHERE_WEIGHT = {"people_hr": 11, "finance_legal": 16, "property": 8, "it_digital": 14,
                 "marketing_creative": 14, "events_hospitality": 8, "health_wellness": 8,
                 "construction_trades": 10, "business_services": 11}
# the industry a member's own company has, by sphere
SPHERE_INDUSTRY = {"people_hr": ["78.1", "78.2", "70.2"], "finance_legal": ["69.1", "69.2", "64.9", "65.1"],
                   "property": ["68.2", "68.3", "68.1"], "it_digital": ["62.0", "63.1", "61.9"],
                   "marketing_creative": ["73.1", "74.1", "74.2", "18.1"],
                   "events_hospitality": ["55.1", "56.2", "82.3"], "health_wellness": ["86.2", "86.9", "93.1"],
                   "construction_trades": ["43.2", "43.3", "41.2", "81.2"],
                   "business_services": ["70.2", "74.3", "82.1", "53.2"]}

# Markets members aim at: industries (NACE), sizes, target roles (level, function), themes.
MARKETS = {
    "software": (["62", "63", "58"], ["small", "medium"],
                 [("executive", "it"), ("manager", "it"), ("owner", "general_management")],
                 ["digitalisering", "AI", "molntjänster", "rekrytering"]),
    "telecom_media": (["61", "59", "60", "J"], ["medium", "large"],
                      [("executive", "marketing"), ("manager", "it"), ("manager", "sales")],
                      ["varumärke", "AI", "innovation", "kundlojalitet"]),
    "manufacturing": (["C", "25", "28", "22", "29"], ["medium", "large"],
                      [("executive", "operations"), ("manager", "procurement"), ("manager", "operations")],
                      ["automation", "lean", "export", "energi"]),
    "food": (["10", "11", "01", "03"], ["micro", "small"],
             [("owner", "general_management"), ("manager", "sales"), ("manager", "operations")],
             ["livsmedelssäkerhet", "export", "säsong", "hållbarhet"]),
    "public": (["84", "O"], ["large"],
               [("public_official", "procurement"), ("public_official", "it"), ("manager", "hr")],
               ["upphandling", "välfärd", "digitalisering", "arbetsmiljö"]),
    "education": (["85", "P"], ["medium", "large"],
                  [("executive", "general_management"), ("manager", "hr"), ("public_official", "other")],
                  ["kompetensförsörjning", "ledarskap", "digitalisering", "mångfald"]),
    "care": (["86", "87", "88", "Q"], ["small", "large"],
             [("owner", "general_management"), ("manager", "hr"), ("specialist", "other")],
             ["rehabilitering", "arbetsmiljö", "friskvård", "bemanning"]),
    "property": (["68", "L", "77"], ["small", "medium"],
                 [("owner", "general_management"), ("manager", "property"), ("executive", "finance")],
                 ["hyresgäster", "energi", "hållbarhet", "finansiering"]),
    "construction": (["41", "42", "43", "71", "F"], ["micro", "small", "medium"],
                     [("owner", "general_management"), ("manager", "operations"), ("manager", "procurement")],
                     ["renovering", "energi", "kompetensförsörjning", "säkerhet"]),
    "retail": (["47", "46", "G", "45"], ["micro", "small"],
               [("owner", "general_management"), ("manager", "marketing"), ("specialist", "sales")],
               ["e-handel", "kundupplevelse", "lönsamhet", "säsong"]),
    "hospitality": (["55", "56", "I", "93"], ["micro", "small"],
                    [("owner", "general_management"), ("manager", "marketing"), ("manager", "hr")],
                    ["kundupplevelse", "bemanning", "säsong", "marknadsföring"]),
    "finance": (["64", "65", "66", "K"], ["medium", "large"],
                [("executive", "finance"), ("manager", "legal"), ("executive", "general_management")],
                ["regelefterlevnad", "AI", "hållbarhet", "kassaflöde"]),
    "advisory": (["69", "70", "73", "74", "M"], ["micro", "small"],
                 [("owner", "general_management"), ("executive", "finance"), ("manager", "sales")],
                 ["generationsskifte", "tillväxt", "prissättning", "ägarskifte"]),
    "logistics": (["49", "52", "53", "H"], ["medium", "large"],
                  [("executive", "operations"), ("manager", "procurement"), ("manager", "it")],
                  ["automation", "export", "hållbarhet", "lean"]),
}
MARKET_WEIGHT = {"software": 10, "telecom_media": 5, "manufacturing": 12, "food": 5, "public": 7,
                 "education": 5, "care": 6, "property": 8, "construction": 9, "retail": 9,
                 "hospitality": 6, "finance": 6, "advisory": 10, "logistics": 6}
# spheres lean to some markets
SPHERE_MARKETS = {"people_hr": ["manufacturing", "software", "care"], "finance_legal": ["advisory", "retail", "property"],
                  "property": ["property", "advisory"], "it_digital": ["software", "manufacturing", "public"],
                  "marketing_creative": ["retail", "hospitality", "telecom_media"],
                  "events_hospitality": ["advisory", "finance"], "health_wellness": ["care", "public", "education"],
                  "construction_trades": ["property", "construction"],
                  "business_services": ["manufacturing", "logistics", "food"]}

ODD_INDUSTRIES = ["01", "03", "16", "20", "23", "27", "35", "38", "45", "50", "59", "60", "74",
                  "77", "79", "80", "81", "82", "90", "93", "94", "95", "R", "S"]
ODD_THEMES = ["mångfald", "styrelsearbete", "förvärv", "ägarskifte", "sponsring", "internationalisering",
              "distansarbete", "kassaflöde", "prissättning", "kundlojalitet", "varumärke", "innovation"]
CODES = "P" * 80 + "A" * 8 + "L" * 5 + "S" * 4 + "M" * 3
LIKING = [1] * 2 + [2] * 5 + [3] * 20 + [4] * 45 + [5] * 28


def weighted(rng, table):
    """A key of {key: weight}, drawn by weight."""
    keys = sorted(table)
    return rng.choices(keys, weights=[table[k] for k in keys])[0]


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:00Z")


def day(t):
    return t.strftime("%Y-%m-%d")


def at_days_ago(rng, lo, hi):
    """A time of working hours between lo and hi days before NOW, on a quarter hour."""
    d = rng.uniform(lo, hi)
    t = NOW - _dt.timedelta(days=d)
    return t.replace(hour=rng.randint(6, 16), minute=rng.choice((0, 15, 30, 45)), second=0)


def after(t, rng, lo_days, hi_days):
    """A time lo..hi days after t, not after NOW; None when that is in the future."""
    u = t + _dt.timedelta(days=rng.uniform(lo_days, hi_days))
    u = u.replace(hour=rng.randint(6, 16), minute=rng.choice((0, 15, 30, 45)), second=0)
    return u if u <= NOW else None


def person_name(rng):
    return rng.choice(FIRST), rng.choice(LAST)


def email(first, last, i, domain):
    return "%s.%s%d@%s" % (first.translate(ASCII).lower(), last.translate(ASCII).lower(), i, domain)


def profile(rng, pid, sphere, currency):
    """A profile in a sphere: one core offering (the same core in one sphere is a
    competitor), aimed at one main market, often a second, and a few odd targets."""
    main = rng.choice(SPHERE_MARKETS[sphere]) if rng.random() < 0.4 else weighted(rng, MARKET_WEIGHT)
    second = weighted(rng, MARKET_WEIGHT) if rng.random() < 0.6 else None
    inds, sizes, roles, themes = MARKETS[main]
    t_ind = rng.sample(inds, rng.randint(1, 2))
    t_size = {rng.choice(sizes)}
    t_role = rng.sample(roles, rng.randint(1, 2))
    t_theme = rng.sample(themes, rng.randint(1, 2))
    if second and second != main:
        inds2, sizes2, roles2, themes2 = MARKETS[second]
        t_ind += [c for c in rng.sample(inds2, rng.randint(1, 2)) if c not in t_ind]
        t_size.add(rng.choice(sizes2))
        t_role += [r for r in rng.sample(roles2, 1) if r not in t_role]
        t_theme += [x for x in rng.sample(themes2, 1) if x not in t_theme]
    if rng.random() < 0.7:
        t_ind += [c for c in rng.sample(ODD_INDUSTRIES, rng.randint(1, 2)) if c not in t_ind]
    if rng.random() < 0.5:
        t_theme += [x for x in rng.sample(ODD_THEMES, 1) if x not in t_theme]
    labels = SPHERES[sphere]
    core = rng.randrange(3)  # the first three of a sphere are its main trades
    offers = [labels[core]]
    if rng.random() < 0.4:
        offers.append(labels[(core + rng.randint(1, len(labels) - 1)) % len(labels)])
    order = ["micro", "small", "medium", "large"]
    deal = int(rng.lognormvariate(11.0, 1.1)) * 100  # minor units
    return {
        "person_id": pid, "sphere": sphere,
        "offerings": [{"label": l, "stage": s} for l, s in offers],
        "asks": ["Introduktioner till %s" % rng.choice(["VD:ar", "inköpschefer", "HR-chefer", "ekonomichefer",
                                                          "IT-chefer", "fastighetschefer"])],
        "contributes": "Jag känner många i %s." % main,
        "target_industries": t_ind,
        "target_sizes": [s for s in order if s in t_size],
        "target_roles": [{"level": l, "function": f} for l, f in t_role],
        "target_regions": ["SE-M"] if rng.random() < 0.8 else ["SE-M", "DK-84"],
        "themes": t_theme,
        "typical_deal": {"amount": deal, "currency": currency},
        "competitors": [],
    }


def write(doc, path=None):
    out = open(path, "w", encoding="utf-8") if path else sys.stdout
    json.dump(doc, out, ensure_ascii=False, separators=(",", ":"))
    out.write("\n")
    if path:
        out.close()


def args(argv, usage):
    if len(argv) != 3 or not argv[1].isdigit() or not argv[2].lstrip("-").isdigit():
        sys.stderr.write(usage + "\n")
        sys.exit(2)
    return int(argv[1]), int(argv[2])


def dt_days(d):
    return _dt.timedelta(days=d)
