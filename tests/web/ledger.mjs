// ledger.mjs - give and take (#/ledger), asks and offers (#/asks), partner fit and its
// heat map (#/fit) and power teams (#/powerteams) in headless Chromium, in English,
// Swedish and Danish.
//
// Environment: BASE, EMAIL and PASSWORD of an owner of the demo group (mutua demo --kind
// group, served with a fixed --now), CLI (a folder of what the CLI answers the same
// account: balance.json for Emma Larsson, group.json, ledger.json of Emma, fit.json of
// Emma with Viktor Sandberg, matrix.json, partners.json of Emma, powerteams.json,
// matches.json, asks.json, offers.json), SHOTS (where ledger.png, asks.png, fit.png and
// powerteams.png go, in English at 1000 × 720); CHROMIUM. Prints "ok NAME" or "not ok
// NAME: why" per check for tests/web/t0340-ledger.sh; exits 1 if any failed. Throughout,
// no console error, page error or failed request, and no answer of 400 or more but the
// 401 of the session before signing in and those the forms are made to get: 422 for an
// exchange refused, 400 for a least fit out of range.
import { readFileSync } from "node:fs";
import { check, failures, launch, notOk, ok, openPage, same, signIn, typeInto, watcher } from "./browser.mjs";

const { BASE, EMAIL, PASSWORD, CLI, SHOTS } = process.env;
const cli = (name) => JSON.parse(readFileSync(`${CLI}/${name}.json`, "utf8"));

function expected(method, url, status) {
  const path = new URL(url).pathname;
  if (status === 401) return method === "GET" && path === "/api/v1/session";
  if (status === 422) return method === "POST" && path === "/api/v1/exchanges";
  return status === 400 && method === "GET" && path === "/api/v1/powerteams";
}
const { watch, noProblems } = watcher(expected);

// Numbers as each language writes them (the browser is en-US; Swedish and Danish in
// their own countries' forms)
const LOCALES = { en: "en-US", sv: "sv-SE", da: "da-DK" };
const num = (lang, v, options = {}) => new Intl.NumberFormat(LOCALES[lang], options).format(v);
const pts = (lang, v) => num(lang, v, { maximumFractionDigits: 2 });
const two = (lang, v) => num(lang, v, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signed = (lang, v) => num(lang, v, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero" });

const WORDS = {
  en: {
    nav: "Give and take|Asks and offers|Partner fit|Power teams",
    titles: ["Give and take", "Asks and offers", "Partner fit", "Power teams"],
    group: "Every member's balance",
    person: (n) => `Balance of ${n}`,
    fading: (d, c) => `Fading: no exchange for ${d} days, more than twice the cadence of ${c} days. Get in touch.`,
    openAsks: (n) => `${n} open asks`,
    fit: (v) => `Fit ${v}`,
    sameSphere: "Both in property with different offerings: each one's clients raise questions the other can answer.",
    caption: (p, n) => `${p} people, ${n} pairs`,
    found: (t, p, v) => `${t} teams among ${p} people with a profile, every pair fitting at least ${v}.`,
    total: "Running total",
  },
  sv: {
    nav: "Ge och ta|Önskemål och erbjudanden|Partnerval|Powerteam",
    titles: ["Ge och ta", "Önskemål och erbjudanden", "Vem passar som partner?", "Powerteam"],
    group: "Alla medlemmars balans",
    person: (n) => `Balans för ${n}`,
    fading: (d, c) => `Svalnar: inget utbyte på ${d} dagar, mer än dubbla kadensen på ${c} dagar. Hör av dig.`,
    openAsks: (n) => `${n} öppna önskemål`,
    fit: (v) => `Matchning ${v}`,
    sameSphere: "Båda inom fastigheter med olika erbjudanden: den enas kunder ställer frågor som den andra kan svara på.",
    caption: (p, n) => `${p} personer, ${n} par`,
    found: (t, p, v) => `${t} grupper bland ${p} personer med profil, där varje par matchar minst ${v}.`,
    total: "Löpande summa",
  },
  da: {
    nav: "Giv og tag|Ønsker og tilbud|Partnervalg|Powerteams",
    titles: ["Giv og tag", "Ønsker og tilbud", "Hvem passer som partner?", "Powerteams"],
    group: "Alle medlemmers balance",
    person: (n) => `Balance for ${n}`,
    fading: (d, c) => `Køler af: ingen udveksling i ${d} dage, mere end det dobbelte af kadencen på ${c} dage. Tag kontakt.`,
    openAsks: (n) => `${n} åbne ønsker`,
    fit: (v) => `Match ${v}`,
    sameSphere: "Begge inden for ejendomme med forskellige ydelser: den enes kunder stiller spørgsmål, som den anden kan svare på.",
    caption: (p, n) => `${p} personer, ${n} par`,
    found: (t, p, v) => `${t} grupper blandt ${p} personer med profil, hvor hvert par matcher mindst ${v}.`,
    total: "Løbende sum",
  },
};
const PAGES = ["#/ledger", "#/asks", "#/fit", "#/powerteams"];

// --- helpers on the page ---

const text = (page, sel) => page.$eval(sel, (el) => el.textContent.trim());
const texts = (page, sel) => page.$$eval(sel, (els) => els.map((el) => el.textContent.trim()));
const count = (page, sel) => page.$$eval(sel, (els) => els.length);
const apiGet = (page, path) => page.evaluate(async (p) => (await fetch(`/api/v1${p}`)).json(), path);
const wide = (page) => page.evaluate(() => document.documentElement.scrollWidth);

// Go to a view by its fragment and wait for sel in the new view (not the one before).
async function go(page, fragment, sel) {
  await page.evaluate((f) => {
    const old = document.querySelector("#main > section");
    if (old) old.dataset.stale = "1";
    location.hash = f;
  }, fragment);
  await page.waitForSelector(`#main > section:not([data-stale]) ${sel}`);
}
// Some element matching sel shows exactly want.
const showsText = (page, sel, want) =>
  page.waitForFunction((s, w) => [...document.querySelectorAll(s)].some((el) => el.textContent.trim() === w), {}, sel, want);

// The months of a ledger (cumulative give minus take), as views/ledger.js draws them.
function months(exchanges, person) {
  const keys = exchanges.map((x) => x.at.slice(0, 7)).sort();
  let [y, m] = keys[0].split("-").map(Number);
  const last = keys[keys.length - 1];
  let n = 1;
  while (`${y}-${String(m).padStart(2, "0")}` !== last) {
    n++;
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  const total = exchanges.reduce((s, x) => s + (x.giver.id === person ? x.points : -x.points), 0);
  return { n, total };
}

const browser = await launch();
try {
  const page = await openPage(browser, watch);
  await signIn(page, BASE, EMAIL, PASSWORD);

  const people = await apiGet(page, "/persons?limit=1000");
  const idOf = (name) => people.items.find((p) => p.full_name === name)?.id;
  const emma = idOf("Emma Larsson"), viktor = idOf("Viktor Sandberg");
  const balance = cli("balance"), group = cli("group"), ledger = cli("ledger"), fit = cli("fit");
  const matrix = cli("matrix"), partners = cli("partners"), teams = cli("powerteams");
  const matches = cli("matches"), asks = cli("asks"), offers = cli("offers");
  const openAsks = asks.items.filter((a) => a.status === "open").length;
  const openOffers = offers.items.filter((a) => a.status === "open").length;
  const fading = balance.partners.find((p) => p.flags.some((f) => f.flag === "fading"));
  const chart = months(ledger.exchanges, emma);

  for (const lang of ["en", "sv", "da"]) {
    const w = WORDS[lang];
    await page.select("#lang", lang);
    await check(`${lang}: the nav links to the four pages`, async () =>
      same((await Promise.all(PAGES.map((p) => text(page, `#nav a[href="${p}"]`)))).join("|"), w.nav),
    );

    // give and take: every member, then Emma, then Emma with a partner whose tie fades
    await page.click('#nav a[href="#/ledger"]');
    await page.waitForSelector("table.balances tbody tr");
    await check(`${lang}: the ledger's title and heading`, async () =>
      same(`${await page.title()}|${await text(page, "h1")}`, `${w.titles[0]} — Mutua|${w.titles[0]}`),
    );
    await check(`${lang}: every member's balance, takers first, as the CLI has it`, async () => {
      const rows = await texts(page, "table.balances tbody th");
      if (await text(page, "#balance-title") !== w.group) return `the heading is ${await text(page, "#balance-title")}`;
      return same(rows.join("|"), group.members.map((m) => m.a.name).join("|"));
    });
    noProblems(`${lang}: the ledger of every member`);

    await go(page, `#/ledger?person=${emma}`, ".balance-summary");
    await check(`${lang}: Emma's balance, as the CLI has it`, async () => {
      const got = await page.$$eval(".balance-summary dd", (dds) => dds.map((d) => d.textContent).join(" "));
      const want = [pts(lang, balance.given), pts(lang, balance.received), signed(lang, balance.balance), two(lang, balance.mutual)].join(" ");
      if (await text(page, "#balance-title") !== w.person("Emma Larsson")) return `the heading is ${await text(page, "#balance-title")}`;
      return same(got, want);
    });
    await check(`${lang}: each of her partners, with their signals`, async () => {
      const got = await page.$$eval("table.balances tbody tr", (trs) =>
        trs.map((tr) => `${tr.dataset.person}:${tr.querySelectorAll(".flag").length}`).join(" "),
      );
      return same(got, balance.partners.map((p) => `${p.b.id}:${p.flags.length}`).join(" "));
    });
    await check(`${lang}: the balance over time, a bar and a table row per month`, async () => {
      const bars = await count(page, "svg.chart rect.bar");
      const rows = await count(page, "table.months tbody tr");
      const last = await text(page, "table.months tbody tr:last-child td.total");
      const label = await page.$eval("svg.chart", (s) => s.getAttribute("aria-label"));
      const want = num(lang, chart.total, { maximumFractionDigits: 2, signDisplay: "exceptZero" });
      if (!label.includes("Emma Larsson") || !label.includes(want)) return `the label is ${label}`;
      return same(`${bars} ${rows} ${last}`, `${chart.n} ${chart.n} ${want}`);
    });
    await check(`${lang}: the ledger lists her exchanges, newest first`, async () => {
      const ids = await page.$$eval("table.ledger-table tbody tr", (trs) => trs.map((tr) => tr.dataset.id));
      return same(ids.join(" "), ledger.exchanges.slice(0, 50).map((x) => x.id).join(" "));
    });
    if (fading) {
      await go(page, `#/ledger?person=${emma}&with=${fading.b.id}`, ".balance-summary");
      await check(`${lang}: a fading tie, said in words`, async () => {
        const f = fading.flags.find((x) => x.flag === "fading");
        return same(await text(page, '.balance-summary li[data-flag="fading"]'), w.fading(num(lang, f.days), num(lang, f.cadence_days)));
      });
    }
    noProblems(`${lang}: the ledger of Emma`);

    // asks and offers
    await page.click('#nav a[href="#/asks"]');
    await page.waitForSelector(".asks-list");
    await check(`${lang}: the asks' title, and the open asks and offers as the CLI has them`, async () =>
      same(
        `${await text(page, "h1")}|${await text(page, "#asks-title")}|${await count(page, ".asks-list > li")}|${await count(page, ".offers-list > li")}`,
        `${w.titles[1]}|${w.openAsks(openAsks)}|${openAsks}|${openOffers}`,
      ),
    );
    noProblems(`${lang}: the asks`);

    // partner fit: a pair, the partners and the heat map
    await go(page, `#/fit?a=${emma}&b=${viktor}`, "ol.cornerstones li");
    await page.waitForSelector("svg.heatmap a.cell");
    await check(`${lang}: the fit of Emma and Viktor, as the CLI has it`, async () => {
      const scores = await page.$$eval("ol.cornerstones li", (lis) => lis.map((li) => li.dataset.score).join(" "));
      const value = await text(page, ".fit-value .big");
      return same(`${value} ${scores}`, `${w.fit(two(lang, fit.fit))} ${fit.cornerstones.map((c) => c.score).join(" ")}`);
    });
    await check(`${lang}: each cornerstone says why in the page's language`, async () => {
      const why = await texts(page, "ol.cornerstones .why");
      if (why.length !== 5 || why.some((s, i) => !s || s === fit.cornerstones[i].reason)) return `the reasons: ${why.join(" | ")}`;
      return same(why[1], w.sameSphere);
    });
    await check(`${lang}: one heat map cell per pair, with the caption`, async () =>
      same(`${await count(page, "svg.heatmap a.cell")} ${await text(page, "p.caption")}`, `${matrix.pairs.length} ${w.caption(matrix.people.length, matrix.pairs.length)}`),
    );
    noProblems(`${lang}: partner fit`);

    // power teams
    await page.click('#nav a[href="#/powerteams"]');
    await page.waitForSelector("ol.teams > li");
    await check(`${lang}: the teams as the CLI finds them`, async () => {
      const got = await page.$$eval("ol.teams > li", (lis) => lis.map((li) => li.dataset.members).join(" "));
      const want = teams.teams.map((t) => t.members.map((m) => m.id).join(",")).join(" ");
      if ((await text(page, "p.found")) !== w.found(teams.found, teams.candidates, two(lang, teams.min_fit))) return `says ${await text(page, "p.found")}`;
      return same(got, want);
    });
    noProblems(`${lang}: power teams`);
  }

  // --- what a person does, in English ---
  await page.select("#lang", "en");

  // recording an exchange: mistakes said beside their field, then the balance moves
  await go(page, `#/ledger?person=${emma}`, ".balance-summary");
  const record = async () => {
    const answer = page.waitForResponse((r) => r.url().endsWith("/api/v1/exchanges") && r.request().method() === "POST");
    await page.click("form.record button[type=submit]");
    return answer;
  };
  await check("the giver is filled in with the person shown", async () => same(await page.$eval("#giver", (i) => i.value), "Emma Larsson"));
  await check("no receiver: said beside the field, nothing sent", async () => {
    await page.click("form.record button[type=submit]");
    return same(await text(page, "#receiver-error"), "Enter a person.");
  });
  await check("the same person twice: the API's refusal in our words", async () => {
    await typeInto(page, "#receiver", "Emma Larsson");
    await record();
    await showsText(page, "#receiver-error", "Who gave and who received must be two different people.");
    return same(await page.$eval("#receiver", (i) => i.getAttribute("aria-invalid")), "true");
  });
  await check("points out of range: beside the points", async () => {
    await typeInto(page, "#receiver", "Viktor Sandberg");
    await page.select("#kind", "help");
    await typeInto(page, "#points", "5000");
    await record();
    await showsText(page, "#points-error", "Enter points from 0 to 1000.");
  });
  await check("a help recorded: the balance shown changes without a reload", async () => {
    await typeInto(page, "#points", "");
    await page.$eval("#at", (i) => (i.value = "2026-11-20"));
    const network = await page.$eval("#network_id", (s) => s.options[1].value);
    await page.select("#network_id", network);
    await typeInto(page, "#note", "Recorded in the browser");
    const answer = await record();
    if (answer.status() !== 201) return `POST /exchanges: ${answer.status()}`;
    await showsText(page, ".balance-summary dd.given", pts("en", balance.given + 1));
    await showsText(page, "form.record .done", `Recorded: Help from Emma Larsson to Viktor Sandberg, ${new Intl.DateTimeFormat("en-US", { dateStyle: "medium" }).format(new Date("2026-11-20T12:00:00Z"))}.`);
    return same(await page.$eval("table.ledger-table tbody tr", (tr) => `${tr.dataset.kind} ${tr.children[2].textContent}`), "help Viktor Sandberg");
  });
  await check("the partner's row moves too", async () =>
    same(
      await page.$eval(`table.balances tr[data-person="${viktor}"] td`, (td) => td.textContent),
      pts("en", balance.partners.find((p) => p.b.id === viktor).given + 1),
    ),
  );
  await check("a language change relabels the balance and the chart in place", async () => {
    await page.select("#lang", "sv");
    const got = [await text(page, ".balance-summary dd.given"), await text(page, "svg.chart .months text:last-child")];
    await page.select("#lang", "en");
    const month = new Intl.DateTimeFormat("sv-SE", { month: "short", year: "2-digit", timeZone: "UTC" }).format(new Date("2026-11-15T12:00:00Z"));
    return same(got.join(" | "), `${pts("sv", balance.given + 1)} | ${month}`);
  });
  await page.evaluate(() => {
    document.activeElement?.blur();
    scrollTo(0, 0);
  });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/ledger.png` });
  ok("screenshot of the ledger");

  // asks: post one, find who can answer another, accept the best match
  await page.click('#nav a[href="#/asks"]');
  await page.waitForSelector(".asks-list");
  await check("an ask posted with its segment appears in the list", async () => {
    await typeInto(page, "#post-person", "Emma Larsson");
    await typeInto(page, "#post-text", "Introduktion till ekonomichefer i Lund");
    await typeInto(page, "#seg-region", "se-m");
    await page.select("#seg-function", "finance");
    await page.click("form.post-form button[type=submit]");
    await showsText(page, ".asks-list .ask-text", "Introduktion till ekonomichefer i Lund");
    return same(await text(page, "form.post-form .done"), "Posted: an ask from Emma Larsson.");
  });
  const first = matches.asks[0];
  const item = `.ask-item[data-id="${first.ask}"]`;
  await check("who can answer an ask: the CLI's matches, in order, with reasons", async () => {
    await page.click(`${item} button[aria-expanded]`);
    await page.waitForSelector(`${item} .match-list li`);
    const names = await texts(page, `${item} .match-list li .name`);
    const reasons = await texts(page, `${item} .match-list li:first-child .reasons li`);
    if (!reasons.length) return "no reasons for the best match";
    return same(names.join("|"), first.matches.map((m) => m.name).join("|"));
  });
  await check("accepting the best match records the introduction", async () => {
    await page.click(`${item} .match-list li:first-child button[data-as=introduction]`);
    await showsText(page, `${item} .done span`, `Recorded: an introduction from ${first.matches[0].name} to ${first.person.name}.`);
  });
  await page.evaluate((sel) => document.querySelector(sel).scrollIntoView(), item);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/asks.png` });
  ok("screenshot of the asks");
  await check("and the ledger shows it", async () => {
    await page.click(`${item} .done a`);
    await page.waitForSelector("#main > section.ledger table.ledger-table tbody tr");
    const row = await page.$eval("table.ledger-table tbody tr", (tr) => [tr.dataset.kind, tr.children[1].textContent, tr.children[2].textContent].join(" "));
    return same(row, `introduction ${first.matches[0].name} ${first.person.name}`);
  });
  noProblems("recording an exchange, posting an ask, accepting a match");

  // the heat map: every pair's fit as the CLI's, the keyboard, a click
  await go(page, `#/fit?a=${emma}`, "ol.partners li");
  await page.waitForSelector("svg.heatmap a.cell");
  await check("Emma's best partners, as the CLI ranks them", async () =>
    same((await texts(page, "ol.partners li a")).join("|"), partners.partners.map((p) => p.b.name).join("|")),
  );
  await check("every heat map cell has the fit the CLI gives its pair", async () => {
    const cells = new Map(
      (await page.$$eval("svg.heatmap a.cell", (as) => as.map((a) => [`${a.dataset.a}-${a.dataset.b}`, Number(a.dataset.fit)]))),
    );
    const wrong = matrix.pairs.filter((p) => !(Math.abs(cells.get(`${p.a.id}-${p.b.id}`) - p.fit) < 1e-9));
    return wrong.length === 0 || `${wrong.length} pairs differ, such as ${wrong[0].a.name} – ${wrong[0].b.name}`;
  });
  await check("the heat map is one stop for Tab; the arrows move, the value shows", async () => {
    if ((await count(page, 'svg.heatmap a.cell[tabindex="0"]')) !== 1) return "not one cell in the tab order";
    await page.evaluate(() => document.querySelector('svg.heatmap a.cell[tabindex="0"]').focus());
    await page.keyboard.press("ArrowDown");
    const [a, b] = [matrix.people[0], matrix.people[2]];
    const focused = await page.evaluate(() => `${document.activeElement.dataset.i},${document.activeElement.dataset.j}`);
    if (focused !== "2,0") return `focused ${focused}`;
    return same(await text(page, "p.readout"), `${a.name} and ${b.name}: fit ${two("en", matrix.matrix[2][0])}`);
  });
  await check("Enter on a cell shows that pair's cornerstones", async () => {
    await page.keyboard.press("Enter");
    const [a, b] = [matrix.people[0], matrix.people[2]];
    await showsText(page, ".pair-answer h2", `${a.name} and ${b.name}`);
    return same(await page.evaluate(() => location.hash), `#/fit?a=${a.id}&b=${b.id}`);
  });
  await check("the table of the matrix has a row and a column per person but one", async () =>
    same(`${await count(page, "table.fit-matrix tbody tr")} ${await count(page, "table.fit-matrix thead th")}`, `${matrix.people.length - 1} ${matrix.people.length - 1}`),
  );
  await page.evaluate(() => {
    document.activeElement?.blur();
    document.querySelector("#matrix-title").scrollIntoView();
  });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/fit.png` });
  ok("screenshot of partner fit");

  // power teams: the pairs' fits, and a least fit out of range
  await page.click('#nav a[href="#/powerteams"]');
  await page.waitForSelector("ol.teams > li");
  await check("the best team's pairs, with the CLI's fits", async () => {
    const got = await page.$$eval("ol.teams > li:first-child table.team-pairs td[data-fit]", (tds) => tds.map((td) => td.dataset.fit));
    const ids = teams.teams[0].members.map((m) => m.id);
    const want = [];
    for (const a of ids) for (const b of ids) if (a !== b) want.push(matrix.pairs.find((p) => (p.a.id === a && p.b.id === b) || (p.a.id === b && p.b.id === a)).fit);
    return same(got.join(" "), want.join(" "));
  });
  await page.evaluate(() => scrollTo(0, 0));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/powerteams.png` });
  ok("screenshot of the power teams");
  await check("a least fit of 2: said beside the field", async () => {
    await typeInto(page, "#min_fit", "2");
    await page.click(".powerteams form button[type=submit]");
    await showsText(page, "#min_fit-error", "Enter a number from 0 to 1.");
  });
  await check("a least fit no three reach: says so", async () => {
    await typeInto(page, "#min_fit", "0.95");
    await page.click(".powerteams form button[type=submit]");
    await showsText(page, ".powerteams p.empty", "No three people all fit each other at this level. Try a lower least fit.");
  });
  noProblems("the heat map and the power teams");

  // a phone: nothing scrolls sideways but the heat map, inside its frame
  await page.setViewport({ width: 375, height: 740 });
  for (const [fragment, sel] of [
    [`#/ledger?person=${emma}`, "svg.chart"],
    ["#/asks", ".asks-list"],
    ["#/powerteams", "ol.teams > li"],
    [`#/fit?a=${emma}&b=${viktor}`, "svg.heatmap"],
  ]) {
    await go(page, fragment, sel);
    await check(`at 375 px ${fragment.split("?")[0]} scrolls only down`, async () => {
      const w = await wide(page);
      return w <= 375 || `scrollWidth ${w}`;
    });
  }
  await check("at 375 px the heat map scrolls in its own frame", async () => {
    const [inner, outer] = await page.$eval(".heat-frame", (f) => [f.scrollWidth, f.clientWidth]);
    return inner > outer || `the frame is ${outer} px, the map ${inner} px`;
  });
  await page.setViewport({ width: 1000, height: 720 });
  noProblems("at 375 px");
} catch (e) {
  notOk("the browser test ran to its end", e.message);
} finally {
  await browser.close();
}
process.exit(failures() ? 1 : 0);
