// people.mjs - today's agenda (#/agenda), the people (#/people) and a person's page
// (#/person) in headless Chromium, in English, Swedish and Danish.
//
// Environment: BASE, EMAIL and PASSWORD of an owner of the demo group (served with a
// fixed --now) whose account is Anna Lind, ANNA (her id), and what the command line
// says as that account: AGENDA (her agenda's items today), AGENDA_OCT (on
// 2026-10-01), AGENDA_ALL (everyone's today), LEDGER (her exchanges' ids, newest
// first), TIES (how many she has), TASKS (her open tasks); SHOTS (where agenda.png,
// people.png and person.png go, in English at 1000 × 720); CHROMIUM. Prints "ok NAME"
// or "not ok NAME: why" per check, for tests/web/t0330-people.sh to count; exits 1 if
// any failed. Throughout, the page must log no console error, throw nothing, and
// every request must succeed, except the 401 of the session asked for before signing
// in, the 422 the add form is made to get (an e-mail that is not one) and the 404 of
// a person that does not exist.
import { TIMEOUT, check, failures, launch, ok, openPage, same, typeInto, waitText, watcher } from "./browser.mjs";

const { BASE, EMAIL, PASSWORD, ANNA, SHOTS } = process.env;
const AGENDA = Number(process.env.AGENDA);
const AGENDA_OCT = Number(process.env.AGENDA_OCT);
const AGENDA_ALL = Number(process.env.AGENDA_ALL);
const LEDGER = process.env.LEDGER;
const TIES = Number(process.env.TIES);
const TASKS = Number(process.env.TASKS);

function expected(method, url, status) {
  const path = new URL(url).pathname;
  if (status === 401) return method === "GET" && path === "/api/v1/session";
  if (status === 404) return method === "GET" && (path === "/api/v1/persons/999999" || path === "/api/v1/timeline");
  return status === 422 && method === "POST" && path === "/api/v1/persons";
}
const { watch, noProblems } = watcher(expected);

// What each language must say.
const WORDS = {
  en: {
    nav: "Agenda|People|Warm paths|Network map|Import and export|Workspaces",
    agenda: "Today's agenda",
    people: "People",
    followUp: "Get in touch with ",
    thank: "Say thank you",
    summary: (n) => new RegExp(`^${n} things? to do for Anna Lind on .*2026\\.$`),
    all: (n) => new RegExp(`^${n} things? to do in the workspace on .*2026\\.$`),
    met: "Met",
    shown: /^50 people shown; there are more\.$/,
    found: (n, q) => `${n} people match “${q}”.`,
    strength: /^0\.\d\d$/,
  },
  sv: {
    nav: "Agenda|Personer|Varma vägar|Nätverkskarta|Import och export|Arbetsytor",
    agenda: "Dagens agenda",
    people: "Personer",
    followUp: "Hör av dig till ",
    thank: "Säg tack",
    summary: (n) => new RegExp(`^${n} (sak|saker) att göra för Anna Lind den .*2026\\.$`),
    all: (n) => new RegExp(`^${n} (sak|saker) att göra i arbetsytan den .*2026\\.$`),
    met: "Träffade",
    shown: /^50 personer visas; det finns fler\.$/,
    found: (n, q) => `${n} personer matchar ”${q}”.`,
    strength: /^0,\d\d$/,
  },
  da: {
    nav: "Agenda|Personer|Varme veje|Netværkskort|Import og eksport|Arbejdsområder",
    agenda: "Dagens agenda",
    people: "Personer",
    followUp: "Tag kontakt med ",
    thank: "Sig tak",
    summary: (n) => new RegExp(`^${n} ting at gøre for Anna Lind den .*2026\\.$`),
    all: (n) => new RegExp(`^${n} ting at gøre i arbejdsområdet den .*2026\\.$`),
    met: "Mødte",
    shown: /^50 personer vises; der er flere\.$/,
    found: (n, q) => `${n} personer passer på »${q}«.`,
    strength: /^0,\d\d$/,
  },
};

// --- helpers on the page ---

const text = (page, sel) => page.$eval(sel, (el) => el.textContent.trim());
const texts = (page, sel) => page.$$eval(sel, (els) => els.map((el) => el.textContent.trim()));
const count = (page, sel) => page.$$eval(sel, (els) => els.length);
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));
const apiGet = (page, path) => page.evaluate(async (p) => (await fetch(`/api/v1${p}`)).json(), path);
const like = (got, re) => re.test(got) || `got ${JSON.stringify(got)}, want ${re}`;
// the document is no wider than the window at 375 px
async function narrow(page) {
  await page.setViewport({ width: 375, height: 740 });
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewport({ width: 1000, height: 720 });
  return w <= 375 || `scrollWidth ${w}`;
}

// The agenda answered: its summary says how many things there are.
async function agendaShown(page, act) {
  const answer = page.waitForResponse((r) => r.url().includes("/api/v1/agenda"), { timeout: TIMEOUT });
  await act();
  await answer;
  await page.waitForFunction(() => {
    const b = document.querySelector(".agenda-form button[type=submit]");
    return b && !b.disabled && document.querySelector(".agenda-summary")?.textContent;
  });
}
async function goAgenda(page) {
  if ((await hash(page)) === "#/agenda") {
    // a link to the page one is on does not move: by way of the workspaces
    await page.click('#nav a[href="#/"]');
    await page.waitForSelector("p.who");
  }
  await agendaShown(page, () => page.click('#nav a[href="#/agenda"]'));
}
async function goPeople(page) {
  await page.click('#nav a[href="#/people"]');
  await page.waitForSelector("table.people tbody tr");
}
async function goPerson(page, id) {
  await page.evaluate((i) => (location.hash = `#/person?id=${i}`), id);
  await page.waitForSelector(".person-page ol.timeline li, .person-page .alert");
}
async function search(page, q) {
  const answer = page.waitForResponse((r) => r.url().includes("/api/v1/persons?"), { timeout: TIMEOUT });
  await typeInto(page, "#people-q", q);
  await page.click(".search-form button[type=submit]");
  await answer;
  await page.waitForFunction(() => !document.querySelector(".people-status")?.textContent.includes("…"));
}

const browser = await launch();
try {
  const page = await openPage(browser, watch);
  await page.goto(BASE, { waitUntil: "networkidle0" });
  await page.waitForSelector("form.signin #email");
  await typeInto(page, "#email", EMAIL);
  await typeInto(page, "#password", PASSWORD);
  await agendaShown(page, () => page.click("form.signin button[type=submit]"));

  await check("signing in lands on the agenda, marked in the nav", async () => {
    const current = await page.$$eval("#nav a[aria-current]", (as) => as.map((a) => `${a.getAttribute("href")} ${a.getAttribute("aria-current")}`).join(","));
    return same(`${await hash(page)} ${current}`, "#/agenda #/agenda page");
  });
  await check("the account's own agenda: Anna Lind", async () => same(await page.$eval("#agenda-person", (i) => i.value), "Anna Lind"));

  const people = await apiGet(page, "/persons?q=lind&limit=1000");
  const lind = people.items.length;

  for (const lang of ["en", "sv", "da"]) {
    const w = WORDS[lang];
    await page.select("#lang", lang);
    // --- the agenda ---
    await goAgenda(page);
    await check(`${lang}: the nav's links`, async () => {
      // these pages' links, by address (the nav has the other pages' too, in groups)
      const mine = ["#/agenda", "#/people", "#/paths", "#/map", "#/interchange", "#/"];
      const got = await page.$$eval("#nav a", (as, hrefs) => hrefs.map((href) => as.find((a) => a.getAttribute("href") === href)?.textContent), mine);
      return same(got.join("|"), w.nav);
    });
    await check(`${lang}: the agenda's title`, async () => same(`${await page.title()}|${await text(page, "h1")}`, `${w.agenda} — Mutua|${w.agenda}`));
    await check(`${lang}: as many lines as mutua agenda (${AGENDA})`, async () => same(await count(page, "li.agenda-item"), AGENDA));
    await check(`${lang}: the summary says so`, async () => like(await text(page, ".agenda-summary"), w.summary(AGENDA)));
    await check(`${lang}: a follow-up in ${lang}`, async () => {
      const todo = await text(page, 'li.agenda-item[data-kind="follow_up"] .todo');
      return todo.startsWith(w.followUp) || `got '${todo}'`;
    });
    await check(`${lang}: every line says why, in words of its own`, async () => {
      const whys = await texts(page, "li.agenda-item .why");
      const english = whys.filter((s) => /not thanked yet|days past the|behind schedule:|still '/.test(s));
      return (whys.length === AGENDA && whys.every(Boolean) && (lang === "en" || english.length === 0)) || `whys: ${whys.slice(0, 3).join(" / ")}`;
    });
    await check(`${lang}: the sections`, async () => {
      const heads = await texts(page, ".agenda-kind h2");
      return heads.some((t) => t.startsWith(w.thank)) || `got ${heads.join(" | ")}`;
    });
    await check(`${lang}: each line links to the person`, async () => {
      const hrefs = await page.$$eval('li.agenda-item[data-kind="follow_up"] a.button', (as) => as.map((a) => a.getAttribute("href")));
      return (hrefs.length > 0 && hrefs.every((h) => /^#\/person\?id=\d+$/.test(h))) || `got ${hrefs.join(", ")}`;
    });
    await check(`${lang}: her open tasks (${TASKS})`, async () => same(await count(page, "li.task"), TASKS));
    await check(`${lang}: the agenda at 375 px scrolls only down`, async () => narrow(page));

    // --- the people ---
    await goPeople(page);
    await check(`${lang}: the people's title`, async () => same(await text(page, "h1"), w.people));
    await check(`${lang}: a first page of 50`, async () => {
      const rows = await count(page, "table.people tbody tr");
      return rows === 50 ? like(await text(page, ".people-status"), w.shown) : `${rows} rows`;
    });
    await search(page, "lind");
    await check(`${lang}: a search finds what the API finds (${lind})`, async () => {
      const rows = await count(page, "table.people tbody tr");
      return rows === lind ? same(await text(page, ".people-status"), w.found(lind, "lind")) : `${rows} rows`;
    });
    await check(`${lang}: names first: Anna Lind`, async () => same(await text(page, "table.people tbody tr:first-child td a"), "Anna Lind"));
    await check(`${lang}: the search is in the URL`, async () => same(await hash(page), "#/people?q=lind"));
    await check(`${lang}: the people at 375 px scroll only down`, async () => narrow(page));

    // --- a person ---
    await page.click("table.people tbody tr:first-child td a");
    await page.waitForSelector(".person-page ol.timeline li");
    await check(`${lang}: Anna Lind's page`, async () => same(`${await hash(page)} ${await text(page, "h1")}`, `#/person?id=${ANNA} Anna Lind`));
    await check(`${lang}: the nav marks People`, async () =>
      same(await page.$eval('#nav a[aria-current="page"]', (a) => a.getAttribute("href")), "#/people"),
    );
    await check(`${lang}: her ties (${TIES}), strongest first, each with a bar`, async () => {
      const values = await texts(page, "table.ties .strength-value");
      const bars = await count(page, "table.ties svg.strength-bar rect.strength-fill");
      if (values.length !== TIES || bars !== TIES) return `${values.length} ties, ${bars} bars`;
      if (!values.every((v) => w.strength.test(v))) return `values ${values.join(" ")}`;
      const n = values.map((v) => Number(v.replace(",", ".")));
      return n.every((v, i) => i === 0 || n[i - 1] >= v) || `not in order: ${values.join(" ")}`;
    });
    await check(`${lang}: the timeline holds the exchanges of mutua ledger, newest first`, async () => {
      const all = await page.$("ol.timeline + button.more:not([hidden]), section button.more:not([hidden])");
      if (all) await all.click();
      const ids = await page.$$eval('ol.timeline li[data-kind="exchange"]', (lis) => lis.map((li) => li.dataset.id));
      return same(ids.join(","), LEDGER);
    });
    await check(`${lang}: every line dated and the others linked`, async () => {
      const lines = await page.$$eval("ol.timeline li", (lis) =>
        lis.map((li) => [li.querySelector("time")?.getAttribute("datetime") || "", li.querySelector("time")?.textContent || "", li.dataset.kind]),
      );
      const bad = lines.filter(([iso, shown]) => !/^\d{4}-\d\d-\d\dT/.test(iso) || !/2\d{3}/.test(shown));
      const links = await count(page, 'ol.timeline li[data-kind="one_to_one"] a[href^="#/person?id="]');
      const ones = await count(page, 'ol.timeline li[data-kind="one_to_one"]');
      return (bad.length === 0 && links === ones && ones > 0) || `${bad.length} undated, ${links} of ${ones} one-to-ones linked`;
    });
    await check(`${lang}: a tie's beginning in ${lang}`, async () => {
      const met = await texts(page, 'ol.timeline li[data-kind="tie"] .what');
      return (met.length > 0 && met.every((m) => m.startsWith(`${w.met} `))) || `got ${met.slice(0, 2).join(" | ")}`;
    });
    await check(`${lang}: the person at 375 px scrolls only down`, async () => narrow(page));
    noProblems(`${lang}: no console error, page error or failed request`);
  }

  // --- English again: choosing whose agenda and which day ---
  await page.select("#lang", "en");
  await goAgenda(page);
  await check("another day: as many lines as mutua --date 2026-10-01 agenda", async () => {
    await page.$eval("#agenda-date", (i) => (i.value = "2026-10-01"));
    await agendaShown(page, () => page.click(".agenda-form button[type=submit]"));
    const n = await count(page, "li.agenda-item");
    return n === AGENDA_OCT ? same(await hash(page), "#/agenda?person=Anna+Lind&date=2026-10-01") : `${n} lines, want ${AGENDA_OCT}`;
  });
  await check("a reload keeps the day", async () => {
    await agendaShown(page, () => page.reload());
    return same(`${await page.$eval("#agenda-date", (i) => i.value)} ${await count(page, "li.agenda-item")}`, `2026-10-01 ${AGENDA_OCT}`);
  });
  await check("everyone: as many lines as mutua agenda", async () => {
    await typeInto(page, "#agenda-person", "");
    await page.$eval("#agenda-date", (i) => (i.value = ""));
    await agendaShown(page, () => page.click(".agenda-form button[type=submit]"));
    const n = await count(page, "li.agenda-item");
    return n === AGENDA_ALL ? like(await text(page, ".agenda-summary"), WORDS.en.all(AGENDA_ALL)) : `${n} lines, want ${AGENDA_ALL}`;
  });
  await check("for everyone, each line says for whom", async () => {
    const fors = await count(page, 'li.agenda-item[data-kind="follow_up"] .for');
    return same(fors, await count(page, 'li.agenda-item[data-kind="follow_up"]'));
  });
  await typeInto(page, "#agenda-person", "Anna Lind");
  await agendaShown(page, () => page.click(".agenda-form button[type=submit]"));
  await check("a thank-you recorded from the agenda", async () => {
    const before = await count(page, 'li.agenda-item[data-kind="thank"]');
    const name = await page.$eval('li.agenda-item[data-kind="thank"] a.button', (a) => a.textContent.replace(/^See /, ""));
    const answer = page.waitForResponse((r) => r.url().includes("/api/v1/agenda"), { timeout: TIMEOUT });
    await page.click('li.agenda-item[data-kind="thank"] button.record-thanks');
    await answer;
    await waitText(page, ".note", "is recorded");
    const after = await count(page, 'li.agenda-item[data-kind="thank"]');
    return after === before - 1 ? same(await text(page, ".note"), `The thank-you to ${name} is recorded.`) : `${before} -> ${after}`;
  });
  await check("a task marked done", async () => {
    const before = await count(page, "li.task");
    await page.click("li.task button.task-done");
    await waitText(page, ".note", "Marked as done.");
    await page.waitForFunction((n) => document.querySelectorAll("li.task").length === n - 1, { timeout: TIMEOUT }, before);
    return true;
  });
  await check("what was done is said again in Swedish", async () => {
    await page.select("#lang", "sv");
    const note = await text(page, ".note");
    await page.select("#lang", "en");
    return same(note, "Markerad som klar.");
  });
  await goAgenda(page);
  await page.evaluate(() => {
    document.activeElement?.blur();
    scrollTo(0, 0);
  });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/agenda.png` });
  ok("screenshot of the agenda");

  // --- adding a person ---
  await goPeople(page);
  await page.click('button[aria-controls="people-add"]');
  await check("the form opens, the name takes the focus", async () =>
    same(await page.evaluate(() => document.activeElement?.id), "new-full_name"),
  );
  await check("no name: said beside the name", async () => {
    await page.click("#people-add button[type=submit]");
    await waitText(page, "#new-full_name-error", "Enter");
    const described = await page.$eval("#new-full_name", (i) => i.getAttribute("aria-describedby"));
    return same(`${await text(page, "#new-full_name-error")}|${described}`, "Enter the person's full name.|new-full_name-error");
  });
  await typeInto(page, "#new-full_name", "Greta Testsson");
  await typeInto(page, "#new-emails", "greta.testsson");
  await check("an e-mail that is not one: the API's 422 beside the e-mails", async () => {
    await page.click("#people-add button[type=submit]");
    await waitText(page, "#new-emails-error", "greta");
    return same(await text(page, "#new-emails-error"), "“greta.testsson” is not an e-mail address.");
  });
  await typeInto(page, "#new-emails", "greta@testsson.se");
  await typeInto(page, "#new-phones", "+46 70 123 45 67");
  const org = await page.$eval("#new-organisation_id", (s) => [...s.options].find((o) => o.text === "Lind Rekrytering AB").value);
  await page.select("#new-organisation_id", org);
  await typeInto(page, "#new-title", "Ordförande");
  await typeInto(page, "#new-tags", "test, web");
  await page.select("#new-legal_basis", "consent");
  await page.click("#new-private");
  await check("added: her page follows", async () => {
    await page.click("#people-add button[type=submit]");
    await page.waitForFunction(() => location.hash.startsWith("#/person?id=") && document.querySelector("h1")?.textContent === "Greta Testsson");
    await page.waitForSelector(".person-page table.ties, .person-page .tie-form");
    return same(await text(page, ".person-head .tag"), "Private: only you see this person.");
  });
  await check("no ties and nothing in the timeline yet", async () =>
    same(await text(page, "#person-timeline + p"), "Nothing recorded with Greta Testsson yet."),
  );
  await check("a tie to no one: said beside the field", async () => {
    await typeInto(page, "#tie-other", "Nobody Atall");
    await page.click(".tie-form button[type=submit]");
    await waitText(page, "#tie-other-error", "Nobody");
    return same(await text(page, "#tie-other-error"), "No one in this workspace is called “Nobody Atall”.");
  });
  await check("a tie to Anna Lind added", async () => {
    await typeInto(page, "#tie-other", "Anna Lind");
    await page.select("#tie-tier", "inner");
    await page.$eval("#tie-since", (i) => (i.value = "2026-11-20"));
    await typeInto(page, "#tie-how", "Lunch i Lund");
    await page.click(".tie-form button[type=submit]");
    await waitText(page, ".note", "is added");
    const rows = await texts(page, "table.ties tbody th");
    const met = await texts(page, 'ol.timeline li[data-kind="tie"] .what');
    return same(`${rows.join(",")}|${met.join(",")}`, "Anna Lind|Met Anna Lind");
  });
  await check("a detail edited", async () => {
    await page.click('button[aria-controls="person-edit"]');
    await typeInto(page, "#edit-title", "Styrelseordförande");
    await page.click("#person-edit button[type=submit]");
    await waitText(page, ".note", "Saved.");
    return same(await text(page, ".person-head p.muted"), "Styrelseordförande at Lind Rekrytering AB");
  });
  await check("her agenda, one link away: nothing of her own yet, the workspace's goals only", async () => {
    await agendaShown(page, () => page.click('.person-head a[href^="#/agenda?person="]'));
    const sections = await page.$$eval(".agenda-kind", (ss) => ss.map((s) => s.dataset.kind).join(","));
    const whose = await texts(page, "li.agenda-item .for");
    const rest = await text(page, ".agenda-results");
    return (sections === "goal" && whose.every((w) => w === "The workspace's goal") && !rest.includes("null")) || `sections ${sections}, ${whose.join("|")}`;
  });
  await goPeople(page);
  await search(page, "greta");
  await check("and found by the search", async () => same((await texts(page, "table.people tbody td a")).join(","), "Greta Testsson"));

  // the pictures for the docs
  await typeInto(page, "#people-q", "");
  await page.evaluate(() => (location.hash = "#/people"));
  await page.waitForFunction(() => document.querySelectorAll("table.people tbody tr").length === 50);
  await page.evaluate(() => {
    document.activeElement?.blur();
    scrollTo(0, 0);
  });
  await page.screenshot({ path: `${SHOTS}/people.png` });
  ok("screenshot of the people");
  await goPerson(page, ANNA);
  await page.evaluate(() => {
    document.activeElement?.blur();
    // from the details down: the ties with their bars beside the timeline
    scrollTo(0, document.querySelector(".person-grid").getBoundingClientRect().top + scrollY - 16);
  });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/person.png` });
  ok("screenshot of a person");

  await check("a person one may not see is not found", async () => {
    await goPerson(page, "999999");
    return same(await text(page, ".person-page .alert"), "There is no such person in this workspace.");
  });
  noProblems("no console error, page error or failed request");
} finally {
  await browser.close();
}
process.exit(failures() ? 1 : 0);
