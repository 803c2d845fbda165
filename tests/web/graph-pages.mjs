// graph-pages.mjs - the network map (#/map) and warm paths (#/paths) in headless
// Chromium, in English, Swedish and Danish.
//
// Environment: BASE (http://127.0.0.1:PORT), EMAIL and PASSWORD of an owner of the
// demo workspace (mutua demo --kind group, served with a fixed --now), ORGANISATION
// (an organisation of the demo that a warm path reaches), SHOTS (the directory to
// write map.png and paths.png into, in English at 1000 × 720); CHROMIUM (default
// /usr/bin/chromium). What the pages show is compared with what the API answers the
// same session. Prints "ok NAME" or "not ok NAME: why" per check, for
// tests/web/t0310-graph-pages.sh to count; exits 1 if any failed. Throughout, the page
// must log no console error, throw nothing, and every request must succeed, except the
// 401 of the session asked for before signing in and the 404 and 400 the form is made
// to get (an unknown person, k = 0).
import { TIMEOUT, check, failures, launch, notOk, ok, openPage, same, typeInto, watcher } from "./browser.mjs";

const { BASE, EMAIL, PASSWORD, ORGANISATION, SHOTS } = process.env;

function expected(method, url, status) {
  const path = new URL(url).pathname;
  if (status === 401) return method === "GET" && path === "/api/v1/session";
  return (status === 404 || status === 400) && method === "GET" && path === "/api/v1/path";
}
const { watch, noProblems } = watcher(expected);

// What each language must say.
const decimal = (lang, v) => (lang === "en" ? v.toFixed(2) : v.toFixed(2).replace(".", ","));
const WORDS = {
  en: {
    nav: "Home|Warm paths|Network map|Import and export",
    navLabel: "Main",
    map: "Network map",
    paths: "Who can introduce me?",
    caption: (n, e, c) => `${n} people, ${e} ties, ${c} communities`,
    community: (r, n) => `Community ${r}: ${n} ${n === 1 ? "person" : "people"}`,
    strength: (v) => `Strength ${decimal("en", v)}`,
    ask: (name) => `Ask ${name} for an introduction.`,
    heading: (a, b) => `From ${a} to ${b}`,
    anyoneAt: (o) => `anyone at ${o}`,
    unknown: (v) => `No one in this workspace is called “${v}”.`,
    badK: "Enter a whole number from 1 to 20.",
    none: "No warm path within 1 tie.",
    direct: (a, b) => `A direct tie: ${a} knows ${b}. No introduction needed.`,
    hop: /^.+ → .+ \(strength \d\.\d\d, last contact .*\d{4}.*\)$/,
  },
  sv: {
    nav: "Start|Varma vägar|Nätverkskarta|Import och export",
    navLabel: "Huvudmeny",
    map: "Nätverkskarta",
    paths: "Vem kan presentera mig?",
    caption: (n, e, c) => `${n} personer, ${e} relationer, ${c} grupper`,
    community: (r, n) => `Grupp ${r}: ${n} ${n === 1 ? "person" : "personer"}`,
    strength: (v) => `Styrka ${decimal("sv", v)}`,
    ask: (name) => `Fråga ${name} om en introduktion.`,
    heading: (a, b) => `Från ${a} till ${b}`,
    anyoneAt: (o) => `någon på ${o}`,
    unknown: (v) => `Ingen i arbetsytan heter ”${v}”.`,
    badK: "Fyll i ett heltal från 1 till 20.",
    none: "Ingen varm väg på högst 1 led.",
    direct: (a, b) => `En direkt kontakt: ${a} känner ${b}. Ingen introduktion behövs.`,
    hop: /^.+ → .+ \(styrka \d,\d\d, senaste kontakt .*\d{4}.*\)$/,
  },
  da: {
    nav: "Forside|Varme veje|Netværkskort|Import og eksport",
    navLabel: "Hovedmenu",
    map: "Netværkskort",
    paths: "Hvem kan introducere mig?",
    caption: (n, e, c) => `${n} personer, ${e} forbindelser, ${c} grupper`,
    community: (r, n) => `Gruppe ${r}: ${n} ${n === 1 ? "person" : "personer"}`,
    strength: (v) => `Styrke ${decimal("da", v)}`,
    ask: (name) => `Spørg ${name} om en introduktion.`,
    heading: (a, b) => `Fra ${a} til ${b}`,
    anyoneAt: (o) => `nogen i ${o}`,
    unknown: (v) => `Ingen i arbejdsområdet hedder »${v}«.`,
    badK: "Skriv et helt tal fra 1 til 20.",
    none: "Ingen varm vej på højst 1 led.",
    direct: (a, b) => `En direkte forbindelse: ${a} kender ${b}. Ingen introduktion nødvendig.`,
    hop: /^.+ → .+ \(styrke \d,\d\d, seneste kontakt .*\d{4}.*\)$/,
  },
};

// A made-up map of n people in c communities of different sizes, each tied to about
// three people before them, mostly in their own community; the same every time.
function largeMap(n, c) {
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: String(100000 + i),
    name: `Person ${i + 1}`,
    community: Math.floor(c * Math.sqrt(i / n)), // communities of different sizes
  }));
  const edges = [];
  const seen = new Set();
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < 3; t++) {
      const j = Math.floor(rand() * i);
      const key = `${j}-${i}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ a: nodes[j].id, b: nodes[i].id, strength: Math.round((0.05 + 0.95 * rand()) * 1000) / 1000 });
    }
  }
  return { nodes, edges, communities: c };
}

// --- helpers on the page ---

const text = (page, sel) => page.$eval(sel, (el) => el.textContent.trim());
const texts = (page, sel) => page.$$eval(sel, (els) => els.map((el) => el.textContent.trim()));
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));
// GET /api/v1/PATH with the page's session, as the views ask it
const apiGet = (page, path) => page.evaluate(async (p) => (await fetch(`/api/v1${p}`)).json(), path);
const circles = (page) =>
  page.$$eval("svg.map a.person circle", (cs) => cs.map((c) => `${c.getAttribute("cx")},${c.getAttribute("cy")}`).join(" "));

// The paths form answered: the request went, the list (or the error) is shown.
async function answered(page, act) {
  const response = page.waitForResponse((r) => r.url().includes("/api/v1/path?"), { timeout: TIMEOUT });
  await act();
  await response;
  await page.waitForFunction(() => {
    const b = document.querySelector(".paths-form button[type=submit]");
    return b && !b.disabled;
  });
}
async function ask(page, { from = "", to = "", organisation = null, k = "3", hops = "3" }) {
  await page.click(`input[name=reach][value=${organisation === null ? "person" : "organisation"}]`);
  await typeInto(page, "#from", from);
  if (organisation === null) await typeInto(page, "#to", to);
  else await typeInto(page, "#organisation", organisation);
  await typeInto(page, "#k", k);
  await typeInto(page, "#max_hops", hops);
  await answered(page, () => page.click(".paths-form button[type=submit]"));
}
async function goMap(page) {
  await page.click('#nav a[href="#/map"]');
  await page.waitForSelector("svg.map a.person");
}
async function goPaths(page) {
  await page.click('#nav a[href="#/paths"]');
  await page.waitForSelector(".paths-form #to");
}
const wide = (page) => page.evaluate(() => document.documentElement.scrollWidth);

const browser = await launch();
try {
  const page = await openPage(browser, watch);

  // signed out: no nav
  await page.goto(BASE, { waitUntil: "networkidle0" });
  await page.waitForSelector("form.signin #email");
  await check("signed out, the nav is hidden", async () => same(await page.$eval("#nav", (n) => n.hidden), true));
  await typeInto(page, "#email", EMAIL);
  await typeInto(page, "#password", PASSWORD);
  await page.click("form.signin button[type=submit]");
  await page.waitForSelector("p.who");
  await check("signed in, the nav shows, Home is the current page", async () => {
    // Home first and current; the other pages' links (more come with each page) are not
    const [hidden, current] = await page.evaluate(() => [
      document.querySelector("#nav").hidden,
      [...document.querySelectorAll("#nav a")].map((a) => a.getAttribute("aria-current") || "").join(","),
    ]);
    return same(`${hidden} ${current.replace(/,+$/, "")}`, "false page");
  });

  const map = await apiGet(page, "/map");
  const shown = Math.min(map.nodes.length, 500);
  const people = await apiGet(page, "/persons?limit=1000");
  const idOf = (name) => people.items.find((p) => p.full_name === name)?.id;
  const best = await apiGet(page, "/path?from=Anna%20Lind&to=Emma%20Larsson&k=3");
  let positions = null;

  for (const lang of ["en", "sv", "da"]) {
    const w = WORDS[lang];
    await page.select("#lang", lang);

    // the nav
    await check(`${lang}: the nav's links`, async () => same((await texts(page, "#nav a")).slice(0, 4).join("|"), w.nav));
    await check(`${lang}: the nav's name`, async () => same(await page.$eval("#nav", (n) => n.getAttribute("aria-label")), w.navLabel));

    // the map
    await goMap(page);
    await check(`${lang}: the map's title and heading`, async () =>
      same(`${await page.title()}|${await text(page, "h1")}`, `${w.map} — Mutua|${w.map}`),
    );
    await check(`${lang}: the nav marks the map`, async () =>
      same(await page.$eval('#nav a[aria-current="page"]', (a) => a.getAttribute("href")), "#/map"),
    );
    await check(`${lang}: a circle per person (${shown})`, async () =>
      same(await page.$$eval("svg.map circle", (cs) => cs.length), shown),
    );
    await check(`${lang}: a line per tie (${map.edges.length})`, async () => {
      const drawn = new Set(await page.$$eval("svg.map a.person", (as) => as.map((a) => a.dataset.id)));
      const want = map.edges.filter((e) => drawn.has(e.a) && drawn.has(e.b)).length;
      return same(await page.$$eval("svg.map line", (ls) => ls.length), want);
    });
    await check(`${lang}: thicker lines for stronger ties`, async () => {
      const widths = await page.$$eval("svg.map line", (ls) => ls.map((l) => Number(l.getAttribute("stroke-width"))));
      const ok = widths.every((x) => x >= 0.5 && x <= 3.5);
      return ok || `stroke-widths out of 0.5..3.5: ${widths.filter((x) => x < 0.5 || x > 3.5).join(",")}`;
    });
    await check(`${lang}: the caption's counts`, async () =>
      same(await text(page, ".caption"), w.caption(map.nodes.length, map.edges.length, map.communities)),
    );
    await check(`${lang}: the picture is an image with a summary`, async () => {
      const [role, label] = await page.$eval("svg.map", (s) => [s.getAttribute("role"), s.getAttribute("aria-label")]);
      return same(`${role}|${label}`, `img|${w.map}: ${w.caption(map.nodes.length, map.edges.length, map.communities)}`);
    });
    await check(`${lang}: the legend lists every community with its size`, async () => {
      const sizes = new Map();
      for (const n of map.nodes) sizes.set(n.community, (sizes.get(n.community) || 0) + 1);
      const want = [...sizes.entries()]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .map(([, n], r) => w.community(r + 1, n));
      return same((await texts(page, "ol.legend li")).join("|"), want.join("|"));
    });
    await check(`${lang}: each person has a colour of their community`, async () => {
      const byClass = await page.$$eval("svg.map a.person", (as) => as.map((a) => `${a.dataset.id}:${a.getAttribute("class")}`));
      const community = new Map(map.nodes.map((n) => [n.id, n.community]));
      const colourOf = new Map();
      for (const entry of byClass) {
        const [id, cls] = entry.split(":");
        const colour = cls.split(" ").find((c) => /^c(\d|-other)/.test(c));
        const c = community.get(id);
        if (colourOf.has(c) && colourOf.get(c) !== colour) return `community ${c} has ${colourOf.get(c)} and ${colour}`;
        colourOf.set(c, colour);
      }
      const used = [...colourOf.values()].filter((c) => c !== "c-other");
      return new Set(used).size === used.length || "two communities share a colour";
    });
    await check(`${lang}: the text alternative lists everyone`, async () =>
      same(await page.$$eval("details.as-text li a", (as) => as.length), map.nodes.length),
    );
    await check(`${lang}: the same picture every time`, async () => {
      const now = await circles(page);
      await page.reload({ waitUntil: "networkidle0" });
      await page.waitForSelector("svg.map a.person");
      const again = await circles(page);
      if (now !== again) return "a reload moved people";
      if (positions && now !== positions) return "not the picture of the first load";
      positions = now;
      return true;
    });
    await check(`${lang}: at 375 px the map scrolls only down`, async () => {
      await page.setViewport({ width: 375, height: 740 });
      const w375 = await wide(page);
      await page.setViewport({ width: 1000, height: 720 });
      return w375 <= 375 || `scrollWidth ${w375}`;
    });

    // a person on the map: their warm paths (a click in English, Enter on the focused
    // circle otherwise)
    const emma = idOf("Emma Larsson");
    await check(`${lang}: choosing a person on the map asks for paths to them`, async () => {
      const sel = `svg.map a.person[data-id="${emma}"]`;
      if (lang === "en") {
        await answered(page, () => page.click(`${sel} circle`));
      } else {
        await page.$eval(sel, (a) => a.focus()); // an SVG element: page.focus() takes HTML only
        await answered(page, () => page.keyboard.press("Enter"));
      }
      await page.waitForSelector("ol.paths li");
      const got = `${await hash(page)}|${await page.$eval("#to", (i) => i.value)}|${await text(page, "h1")}`;
      return same(got, `#/paths?to=${emma}|Emma Larsson|${w.paths}`);
    });
    await check(`${lang}: from any member, as many paths as the API has`, async () => {
      const api = await apiGet(page, `/path?to=${emma}`);
      return same(await page.$$eval("ol.paths > li", (ls) => ls.length), api.found);
    });
    await check(`${lang}: the nav marks the paths`, async () =>
      same(await page.$eval('#nav a[aria-current="page"]', (a) => a.getAttribute("href")), "#/paths"),
    );

    // the paths
    await goPaths(page);
    await check(`${lang}: the paths' title`, async () => same(await page.title(), `${w.paths} — Mutua`));
    await ask(page, { from: "Anna Lind", to: "Emma Larsson", k: "3" });
    await check(`${lang}: Anna Lind → Emma Larsson: k = 3 paths`, async () => {
      await page.waitForSelector("ol.paths li");
      return same(await page.$$eval("ol.paths > li", (ls) => ls.length), 3);
    });
    await check(`${lang}: the heading names both`, async () => same(await text(page, ".results h2"), w.heading("Anna Lind", "Emma Larsson")));
    await check(`${lang}: strengths as the API's, warmest first, in the language's numbers`, async () => {
      const got = await texts(page, "ol.paths > li .strength");
      const want = best.paths.map((p) => w.strength(p.strength));
      const raw = await page.$$eval("ol.paths > li", (ls) => ls.map((l) => Number(l.dataset.strength)));
      if (raw.some((s, i) => i > 0 && s > raw[i - 1])) return `not in order: ${raw.join(", ")}`;
      return same(got.join("|"), want.join("|"));
    });
    await check(`${lang}: whom to ask, by name`, async () => {
      const want = best.paths.map((p) => (p.ask ? w.ask(p.ask.name) : w.direct(p.hops[0].from.name, p.hops.at(-1).to.name)));
      return same((await texts(page, "ol.paths > li .ask")).join("|"), want.join("|"));
    });
    await check(`${lang}: each tie with its strength and last contact`, async () => {
      const hops = await texts(page, "ol.paths > li ol.hops li");
      const want = best.paths.reduce((n, p) => n + p.hops.length, 0);
      if (hops.length !== want) return `${hops.length} ties shown, want ${want}`;
      const bad = hops.find((x) => !w.hop.test(x));
      return bad ? `'${bad}'` : true;
    });

    await ask(page, { from: "Anna Lind", to: "Nobody Here" });
    await check(`${lang}: an unknown person is said beside To`, async () => {
      const got = await page.evaluate(() => [
        document.querySelector("#to").getAttribute("aria-invalid"),
        document.querySelector("#to").getAttribute("aria-describedby"),
        document.querySelector("#to-error").hidden,
        document.querySelector("#to-error").textContent,
        document.activeElement.id,
        document.querySelectorAll("ol.paths").length,
      ]);
      return same(got.join("|"), `true|to-error|false|${w.unknown("Nobody Here")}|to|0`);
    });
    await ask(page, { from: "Anna Lind", to: "Emma Larsson", k: "0" });
    await check(`${lang}: k = 0 is said beside k, To is fine again`, async () => {
      const got = await page.evaluate(() => [
        document.querySelector("#k").getAttribute("aria-invalid"),
        document.querySelector("#k").getAttribute("aria-describedby"),
        document.querySelector("#k-error").textContent,
        document.querySelector("#to").hasAttribute("aria-invalid"),
      ]);
      return same(got.join("|"), `true|k-error k-hint|${w.badK}|false`);
    });
    await ask(page, { from: "Anna Lind", organisation: ORGANISATION });
    await check(`${lang}: to anyone at an organisation`, async () => {
      const api = await apiGet(page, `/path?from=Anna%20Lind&organisation=${encodeURIComponent(ORGANISATION)}`);
      const got = `${await text(page, ".results h2")}|${await page.$$eval("ol.paths > li", (ls) => ls.length)}`;
      if (!api.found) return "the API finds no path: choose another ORGANISATION";
      return same(got, `${w.heading("Anna Lind", w.anyoneAt(ORGANISATION))}|${api.found}`);
    });
    await ask(page, { from: "Anna Lind", to: "Emma Larsson", hops: "1" });
    await check(`${lang}: no path within 1 tie, said so`, async () => same(await text(page, ".results .none"), w.none));
    await ask(page, { from: "Anna Lind", to: "Maria Bergström" });
    await check(`${lang}: a direct tie needs no introduction`, async () =>
      same(await text(page, "ol.paths > li .ask"), w.direct("Anna Lind", "Maria Bergström")),
    );
    await check(`${lang}: at 375 px the paths scroll only down`, async () => {
      await page.setViewport({ width: 375, height: 740 });
      const w375 = await wide(page);
      await page.setViewport({ width: 1000, height: 720 });
      return w375 <= 375 || `scrollWidth ${w375}`;
    });
    await page.click('#nav a[href="#/"]');
    await page.waitForSelector("p.who");
  }

  // English again: the question stays in the URL, a language change relabels the
  // answer in place, and the pictures for the docs
  await page.select("#lang", "en");
  await goPaths(page);
  await ask(page, { from: "Anna Lind", to: "Emma Larsson", k: "3" });
  await check("the question is in the URL, and a reload asks it again", async () => {
    const before = await texts(page, "ol.paths > li .ask");
    await answered(page, () => page.reload());
    await page.waitForSelector("ol.paths li");
    const after = await texts(page, "ol.paths > li .ask");
    const url = await hash(page);
    if (!url.startsWith("#/paths?from=Anna+Lind&to=Emma+Larsson")) return `the URL is ${url}`;
    return same(after.join("|"), before.join("|"));
  });
  await check("a language change relabels the answer, numbers too", async () => {
    await page.select("#lang", "sv");
    const sv = await text(page, "ol.paths > li .strength");
    await page.select("#lang", "en");
    return same(sv, WORDS.sv.strength(best.paths[0].strength));
  });
  await check("an empty From asks from any member", async () => {
    await ask(page, { to: "Emma Larsson" });
    return same(await text(page, ".results h2"), "From any member to Emma Larsson");
  });
  await ask(page, { from: "Anna Lind", to: "Emma Larsson", k: "3" });
  await page.evaluate(() => {
    document.activeElement?.blur();
    scrollTo(0, 0);
  });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/paths.png` });
  ok("screenshot of the paths");
  await goMap(page);
  await page.evaluate(() => {
    document.activeElement?.blur();
    scrollTo(0, 0);
  });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/map.png` });
  ok("screenshot of the map");
  await check("a person on the map takes the keyboard's focus, with a ring", async () => {
    await page.focus('#nav a[aria-current="page"]');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.matches("a.person"))) break;
    }
    const ring = await page.evaluate(() => {
      const a = document.activeElement;
      return a?.matches("a.person") ? getComputedStyle(a.querySelector("circle")).strokeWidth : "no person focused";
    });
    return same(ring, "5px");
  });

  noProblems("no console error, page error or failed request");

  // a very large map (made up, answered in place of the server's): the 500 people with
  // the most ties are drawn, the caption says so, the legend has every community
  await page.setRequestInterception(true);
  const large = largeMap(2000, 40);
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/v1/map") {
      r.respond({ status: 200, contentType: "application/json; charset=utf-8", body: JSON.stringify(large) });
    } else r.continue();
  });
  await page.click('#nav a[href="#/"]');
  await page.waitForSelector("p.who");
  await goMap(page);
  await check("a large map: 500 circles", async () => same(await page.$$eval("svg.map circle", (cs) => cs.length), 500));
  await check("a large map: the people with the most ties", async () => {
    const drawn = new Set(await page.$$eval("svg.map a.person", (as) => as.map((a) => a.dataset.id)));
    const degree = new Map();
    for (const e of large.edges) for (const id of [e.a, e.b]) degree.set(id, (degree.get(id) || 0) + 1);
    const least = Math.min(...[...drawn].map((id) => degree.get(id) || 0));
    const most = Math.max(...large.nodes.filter((n) => !drawn.has(n.id)).map((n) => degree.get(n.id) || 0));
    return least >= most || `a person with ${most} ties is left out, one with ${least} drawn`;
  });
  let among = 0;
  await check("a large map: the ties among them", async () => {
    const drawn = new Set(await page.$$eval("svg.map a.person", (as) => as.map((a) => a.dataset.id)));
    among = large.edges.filter((e) => drawn.has(e.a) && drawn.has(e.b)).length;
    return same(await page.$$eval("svg.map line", (ls) => ls.length), among);
  });
  await check("a large map: the caption says how many, and what is drawn", async () => {
    const got = `${await text(page, ".caption")}|${await text(page, ".capped")}`;
    const want = `2,000 people, ${large.edges.length.toLocaleString("en-US")} ties, 40 communities|` +
      `The map shows the 500 people with the most ties, and the ${among.toLocaleString("en-US")} ties between them.`;
    return same(got, want);
  });
  await check("a large map: every community in the legend, grey after the ninth", async () => {
    const swatches = await page.$$eval("ol.legend .swatch", (ss) => ss.map((s) => s.classList[1]));
    const want = Array.from({ length: 40 }, (_, r) => (r < 9 ? `c${r}` : "c-other"));
    return same(swatches.join(","), want.join(","));
  });
  await page.setRequestInterception(false);
  noProblems("no console error, page error or failed request on the large map");
} catch (e) {
  notOk("the browser test ran to its end", e.stack || e.message);
} finally {
  await browser.close();
}
process.exit(failures() ? 1 : 0);
