// meetings.mjs - a referral group's pages in headless Chromium, in English, Swedish and
// Danish: meetings and attendance (#/meetings), referral slips (#/referrals), the
// scorecard (#/scorecard) and the settings (#/settings).
//
// Environment: BASE, EMAIL and PASSWORD of an owner of the demo group (served with a
// fixed --now), VIEWER (a viewer's e-mail, same password), SCORECARD (the file of
// `mutua --json scorecard` before anything changed), MEMBERS (how many members the
// network had on 20 November, as the command line counts them), VISITOR (the name of a
// person of the demo who is no member), OUT (a file for what was made, for the shell to
// check with the command line), SHOTS (where meetings.png, referrals.png,
// scorecard.png and settings.png go: English, 1000 × 720). Prints "ok NAME" or
// "not ok NAME: why" per check for tests/web/t0360-meetings.sh; exits 1 if any failed.
// Throughout, no console error, page error, failed request or unexpected answer of 400
// or more: the only ones expected are the 401 of the session before signing in and the
// 422 of the settings refused on purpose.
import { readFileSync, writeFileSync } from "node:fs";
import { TIMEOUT, check, failures, launch, openPage, same, signIn, typeInto, waitText, watcher } from "./browser.mjs";

const { BASE, EMAIL, VIEWER, PASSWORD, SCORECARD, MEMBERS, VISITOR, OUT, SHOTS } = process.env;

function expected(method, url, status) {
  const path = new URL(url).pathname;
  if (status === 401) return method === "GET" && path === "/api/v1/session";
  return status === 422 && method === "PATCH" && path === "/api/v1/workspace";
}
const { watch, noProblems } = watcher(expected);

const PAGES = ["meetings", "referrals", "scorecard", "settings"];
const WORDS = {
  en: {
    nav: "Meetings|Referrals|Scorecard|Settings",
    meetings: "Meetings",
    referrals: "Referral slips",
    scorecard: "Scorecard",
    settings: "Settings",
    tally: (n, c) => `${n} members: ${c.green} green, ${c.amber} amber, ${c.red} red, ${c.grey} grey.`,
    colour: { green: "green", amber: "amber", red: "red", grey: "grey, not scored" },
  },
  sv: {
    nav: "Möten|Rekommendationer|Resultatkort|Inställningar",
    meetings: "Möten",
    referrals: "Rekommendationslappar",
    scorecard: "Resultatkort",
    settings: "Inställningar",
    tally: (n, c) => `${n} medlemmar: ${c.green} gröna, ${c.amber} gula, ${c.red} röda, ${c.grey} grå.`,
    colour: { green: "grönt", amber: "gult", red: "rött", grey: "grått, inte bedömt" },
  },
  da: {
    nav: "Møder|Anbefalinger|Resultatkort|Indstillinger",
    meetings: "Møder",
    referrals: "Anbefalingssedler",
    scorecard: "Resultatkort",
    settings: "Indstillinger",
    tally: (n, c) => `${n} medlemmer: ${c.green} grønne, ${c.amber} gule, ${c.red} røde, ${c.grey} grå.`,
    colour: { green: "grøn", amber: "gul", red: "rød", grey: "grå, ikke vurderet" },
  },
};
const SYMBOLS = { green: "✓", amber: "!", red: "✗", grey: "–" };

const text = (page, sel) => page.$eval(sel, (el) => el.textContent.trim());
const spaced = (s) => s.replace(/[\u00a0\u202f]/g, " ");
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

const signInAs = (page, email) => signIn(page, BASE, email, PASSWORD);

// Go to a page by the nav and wait until what it loads is shown.
async function visit(page, name, ready) {
  await page.click(`#nav a[href="#/${name}"]`);
  await page.waitForSelector(ready);
  await page.waitForFunction(() => !document.querySelector('main [role="status"][data-i18n="loading"]'));
}
const READY = {
  meetings: "table.meetings",
  referrals: ".pipeline",
  scorecard: "table.sc-grid",
  settings: "form.settings",
};

async function noSideways(page, name) {
  await check(`375 px: ${name} needs no sideways scrolling`, async () => {
    await page.setViewport({ width: 375, height: 720 });
    await pause(100);
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.setViewport({ width: 1000, height: 720 });
    return w <= 375 || `the page is ${w} px wide`;
  });
}

// The scorecard as the page shows it: member id -> measure -> [colour, symbol, word].
function shownScorecard(page) {
  return page.$$eval("table.sc-grid tbody tr", (rows) =>
    Object.fromEntries(
      rows.map((tr) => [
        tr.dataset.member,
        Object.fromEntries(
          [...tr.querySelectorAll("td.sc")].map((td) => [
            td.dataset.measure,
            [td.dataset.colour, td.querySelector(".sc-symbol").textContent, td.querySelector(".visually-hidden").textContent, td.className],
          ]),
        ),
      ]),
    ),
  );
}

async function checkScorecard(page, lang, want) {
  const w = WORDS[lang];
  const shown = await shownScorecard(page);
  await check(`${lang}: a row per member of the command line's scorecard (${want.members.length})`, async () =>
    same(Object.keys(shown).sort().join(" "), want.members.map((m) => m.id).sort().join(" ")),
  );
  await check(`${lang}: every measure's colour is the command line's, with its symbol and word`, async () => {
    const bad = [];
    for (const m of want.members) {
      for (const [k, v] of [...Object.entries(m.measures), ["overall", { colour: m.colour }]]) {
        const got = shown[m.id]?.[k];
        const wanted = [v.colour, SYMBOLS[v.colour], w.colour[v.colour]];
        if (!got || got.slice(0, 3).join("|") !== wanted.join("|") || !got[3].includes(`sc-${v.colour}`)) {
          bad.push(`${m.name} ${k}: ${got?.slice(0, 3).join("|")} want ${wanted.join("|")}`);
        }
      }
    }
    return bad.length ? bad.slice(0, 3).join("; ") : true;
  });
  await check(`${lang}: the tally of colours`, async () => {
    const c = { green: 0, amber: 0, red: 0, grey: 0 };
    for (const m of want.members) c[m.colour]++;
    return same(await text(page, ".sc-tally"), w.tally(want.members.length, c));
  });
  await check(`${lang}: the colours differ in their painted background, not only in words`, async () => {
    const bgs = await page.$$eval("ul.sc-legend .sc-badge", (els) => els.map((e) => getComputedStyle(e).backgroundColor));
    return new Set(bgs).size === 4 || `backgrounds ${bgs.join(", ")}`;
  });
}

const browser = await launch();
const made = {};
try {
  const page = await openPage(browser, watch);
  await signInAs(page, EMAIL);
  const want = JSON.parse(readFileSync(SCORECARD, "utf8")).scorecards[0];

  // --- every page in every language, before anything changes ---
  for (const lang of ["en", "sv", "da"]) {
    const w = WORDS[lang];
    await page.select("#lang", lang);
    await check(`${lang}: the nav links the four pages`, async () =>
      same(
        (await page.$$eval("#nav a", (as) => ["meetings", "referrals", "scorecard", "settings"].map((p) => as.find((a) => a.hash === `#/${p}`)?.textContent))).join("|"),
        w.nav,
      ),
    );
    for (const name of PAGES) {
      await visit(page, name, READY[name]);
      await check(`${lang}: ${name}'s title`, async () => same(`${await page.title()}|${await text(page, "h1")}`, `${w[name]} — Mutua|${w[name]}`));
      await check(`${lang}: the nav marks ${name}`, async () =>
        same(await page.$eval('#nav a[aria-current="page"]', (a) => a.getAttribute("href")), `#/${name}`),
      );
      if (name === "scorecard") await checkScorecard(page, lang, want);
      if (lang === "en") {
        await noSideways(page, name);
        if (SHOTS && name !== "meetings") {
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({ path: `${SHOTS}/${name}.png` });
        }
      }
      noProblems(`${lang}: ${name} without a console error or failed request`);
    }
  }

  // --- English: a new meeting, and its attendance by the keyboard ---
  await page.select("#lang", "en");
  await visit(page, "meetings", READY.meetings);
  await check("the network's meetings are listed, newest first", async () => {
    const shown = await page.$$eval("table.meetings tbody tr", (rows) => rows.map((r) => r.dataset.meeting));
    const all = await page.evaluate(async () => (await fetch("/api/v1/meetings?limit=1000")).json());
    const network = (await page.evaluate(async () => (await fetch("/api/v1/networks")).json())).items[0].id;
    const want = all.items.filter((m) => m.network_id === network).sort((a, b) => b.at.localeCompare(a.at)).map((m) => m.id);
    return same(shown.join(" "), want.join(" "));
  });
  await page.click("form.new-meeting button.primary");
  await check("a meeting without a time is said beside the time", async () =>
    same(await page.$eval("#meeting-at", (i) => `${i.getAttribute("aria-invalid")} ${document.activeElement === i}`), "true true"),
  );
  await page.$eval("#meeting-at", (i) => {
    i.value = "2026-11-20T07:00";
    i.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await typeInto(page, "#meeting-place", "Stadshallen, Lund");
  await page.click("form.new-meeting button.primary");
  await page.waitForSelector("fieldset.att-row");
  made.meeting = new URLSearchParams(await page.evaluate(() => location.hash.split("?")[1])).get("meeting");
  await check("the new meeting opens its attendance", async () => same(Boolean(made.meeting), true));
  await check(`a row per member on the day (${MEMBERS})`, async () => same(String((await page.$$("fieldset.att-row")).length), MEMBERS));
  await check("nobody is marked yet", async () =>
    same(await text(page, ".att-summary"), `0 present, 0 absent, 0 late, 0 medical, 0 substitute; ${MEMBERS} not marked.`),
  );
  const ids = await page.$$eval("fieldset.att-row", (rows) => rows.map((r) => r.dataset.person));
  [made.absent, made.late, made.medical, made.substitute] = [ids[0], ids[1], ids[3], ids[4]];
  // A on the first, L on the second (the focus moves on by itself), everyone else P
  await page.focus("fieldset.att-row input");
  await page.keyboard.press("a");
  await page.keyboard.press("l");
  await check("a letter marks the row and moves to the next", async () =>
    same(await page.evaluate(() => document.activeElement.closest("fieldset").dataset.person), ids[2]),
  );
  await page.click(".att-tools button");
  // the arrows change a mark, as radio buttons do
  await page.focus(`fieldset.att-row[data-person="${ids[2]}"] input:checked`);
  await page.keyboard.press("ArrowRight");
  await check("an arrow changes a mark", async () =>
    same(await page.$eval(`fieldset.att-row[data-person="${ids[2]}"] input:checked`, (i) => i.value), "A"),
  );
  await page.keyboard.press("ArrowLeft");
  await page.focus(`fieldset.att-row[data-person="${ids[3]}"] input:checked`);
  await page.keyboard.press("m");
  await page.keyboard.press("s");
  await check("the summary counts the marks", async () =>
    same(await text(page, ".att-summary"), `${MEMBERS - 4} present, 1 absent, 1 late, 1 medical, 1 substitute; 0 not marked.`),
  );
  await check("the focus ring shows on the focused mark", async () => {
    await page.focus(`fieldset.att-row[data-person="${ids[0]}"] input:checked`);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowLeft");
    const ring = await page.$eval(`fieldset.att-row[data-person="${ids[0]}"] input:checked`, (i) => getComputedStyle(i.closest("label")).outlineStyle);
    return same(ring, "solid");
  });
  await check("the first is still absent", async () =>
    same(await page.$eval(`fieldset.att-row[data-person="${ids[0]}"] input:checked`, (i) => i.value), "A"),
  );
  // two visitors: someone new, invited by the first member, and someone known
  await page.click("form.attendance .card:nth-of-type(2) > button");
  await page.keyboard.type("Vera Besökare");
  await page.select("li.visitor:nth-of-type(1) select", ids[0]);
  await page.click("form.attendance .card:nth-of-type(2) > button");
  await page.keyboard.type(VISITOR);
  await noSideways(page, "the attendance");
  await page.click("form.attendance button.primary");
  await waitText(page, "form.attendance .saved", "Saved");
  await check("saved, with the counts", async () =>
    same(await text(page, "form.attendance .saved"), `Saved: ${MEMBERS} members marked, 2 visitors. 1 new person was added.`),
  );
  await check("the register as the API keeps it", async () => {
    const m = await page.evaluate(async (id) => (await fetch(`/api/v1/meetings/${id}`)).json(), made.meeting);
    return same(`${m.attendance.length} ${m.visitors.length}`, `${MEMBERS} 2`);
  });
  // saving again adds nobody twice
  await page.click("form.attendance button.primary");
  await waitText(page, "form.attendance .saved", "Saved");
  await check("saving again adds no new person", async () =>
    same(await text(page, "form.attendance .saved"), `Saved: ${MEMBERS} members marked, 2 visitors.`),
  );
  if (SHOTS) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/meetings.png` });
  }
  // the list counts it
  await page.click("a[href^='#/meetings?network=']");
  await page.waitForSelector(`tr[data-meeting="${made.meeting}"]`);
  await check("the list counts the attendance", async () =>
    same(
      await page.$eval(`tr[data-meeting="${made.meeting}"]`, (tr) => [...tr.querySelectorAll("td.num")].map((td) => td.textContent).join(" ")),
      `${MEMBERS - 2} 2 2`,
    ),
  );
  noProblems("en: the meeting and its attendance without a console error or failed request");

  // --- Swedish: a slip written, moved, and won ---
  await page.select("#lang", "sv");
  await visit(page, "referrals", READY.referrals);
  const people = await page.evaluate(async () => (await fetch("/api/v1/persons?limit=1000")).json());
  const [giver, receiver] = want.members.slice(0, 2);
  made.giver = giver.id;
  made.receiver = receiver.id;
  await typeInto(page, "#slip-giver", giver.name);
  await typeInto(page, "#slip-receiver", "Ingen Alls");
  await page.click("form.slip button.primary");
  await check("sv: someone unknown is said beside the field", async () =>
    same(await text(page, "#slip-receiver-error"), "Ingen i arbetsytan heter ”Ingen Alls”."),
  );
  await typeInto(page, "#slip-receiver", receiver.name);
  await typeInto(page, "#slip-prospect", "Petra Prospekt");
  await page.click("form.slip button.primary");
  await waitText(page, ".saved", "Lappen är skriven");
  const slip = await page.$eval('.stage[data-stage="given"] .slip-card:first-child', (li) => li.dataset.referral);
  made.referral = slip;
  await check("sv: the new slip is the first given one, with the focus", async () =>
    same(await page.evaluate(() => document.activeElement.dataset.referral), slip),
  );
  await check("sv: it says who and whom", async () =>
    same(await text(page, `[data-referral="${slip}"] .slip-who`), `${giver.name} → ${receiver.name}`),
  );
  await check("sv: a new person for the prospect", async () => {
    const now = await page.evaluate(async () => (await fetch("/api/v1/persons?limit=1000")).json());
    return same(now.items.length, people.items.length + 1);
  });
  await page.select(`#move-${slip}`, "contacted");
  await page.click(`[data-referral="${slip}"] form.move button`);
  await page.waitForSelector(`.stage[data-stage="contacted"] [data-referral="${slip}"]`);
  await check("sv: moved to contacted", async () =>
    same(await text(page, ".saved"), `${giver.name} → ${receiver.name} flyttad till Kontaktad.`),
  );
  await page.select(`#move-${slip}`, "won");
  await check("sv: won asks for the value", async () => same(await page.$eval(`#move-${slip}-value`, (i) => i.closest(".field").hidden), false));
  await typeInto(page, `#move-${slip}-value`, "tolv tusen");
  await page.click(`[data-referral="${slip}"] form.move button`);
  await check("sv: a value that is no amount is said beside it", async () =>
    same(await text(page, `#move-${slip}-value-error`), "”tolv tusen” är inget belopp. Skriv till exempel 12 500 eller 12 500,50."),
  );
  await typeInto(page, `#move-${slip}-value`, "12 500");
  await page.click(`[data-referral="${slip}"] form.move button`);
  await page.waitForSelector(`.stage[data-stage="won"] [data-referral="${slip}"]`);
  await check("sv: won, and the thank-you is in the ledger, in kronor", async () =>
    same(spaced(await text(page, ".saved")), `${giver.name} → ${receiver.name} är vunnen. Tacket för avslutad affär, 12 500,00 kr, finns i liggaren.`),
  );
  await check("sv: the won slip shows its value", async () =>
    same(spaced(await text(page, `[data-referral="${slip}"] .slip-value`)), "Affärens värde: 12 500,00 kr"),
  );
  if (SHOTS) {
    // the pipeline, in English, for the picture
    await page.select("#lang", "en");
    await visit(page, "referrals", READY.referrals);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/referrals.png` });
  }
  noProblems("sv: the slip without a console error or failed request");

  // --- Danish and Swedish: the settings; English: a value refused beside its field ---
  await page.select("#lang", "da");
  await visit(page, "settings", READY.settings);
  await check("da: the third weight, as the API has it", async () => same(await page.$eval("#set-fit_weights-2", (i) => i.value), "0,2"));
  await typeInto(page, "#set-fit_weights-2", "0,3");
  await page.click("form.settings button.primary");
  await waitText(page, "form.settings .saved", "Gemt");
  await check("da: saved, and shown as the API answered", async () => same(await page.$eval("#set-fit_weights-2", (i) => i.value), "0,3"));
  await page.select("#lang", "sv");
  await visit(page, "settings", READY.settings);
  await typeInto(page, "#set-scorecard-green", "0,75");
  await page.click("form.settings button.primary");
  await waitText(page, "form.settings .saved", "Sparat");
  await page.select("#lang", "en");
  await visit(page, "settings", READY.settings);
  await typeInto(page, "#set-fit_weights-1", "1.5");
  await page.click("form.settings button.primary");
  await page.waitForSelector("#set-fit_weights-1[aria-invalid=true]");
  await check("en: a weight above 1 is refused beside its field", async () =>
    same(
      await page.$eval("#set-fit_weights-1", (i) => `${document.getElementById(`${i.id}-error`).textContent}|${i.getAttribute("aria-describedby")}|${document.activeElement === i}`),
      "Enter a number from 0 to 1.|set-fit_weights-1-error|true",
    ),
  );
  await typeInto(page, "#set-scorecard-amber", "0.9");
  await typeInto(page, "#set-fit_weights-1", "0.2");
  await page.click("form.settings button.primary");
  await page.waitForSelector("#set-scorecard-amber[aria-invalid=true]");
  await check("en: amber above green is refused beside amber", async () =>
    same(await text(page, "#set-scorecard-amber-error"), "Amber cannot start above green."),
  );
  await check("en: the refusals changed nothing", async () => {
    const ws = await page.evaluate(async () => (await fetch("/api/v1/workspace")).json());
    return same(`${ws.settings.fit_weights.join(" ")} ${ws.settings.scorecard.amber}`, "0.2 0.2 0.3 0.2 0.2 0.5");
  });
  await check("the language picker of the settings is the header's", async () => {
    await page.select("#settings-lang", "da");
    const got = `${await page.$eval("#lang", (s) => s.value)} ${await text(page, "h1")} ${await page.evaluate(() => localStorage.getItem("mutua.lang"))}`;
    await page.select("#settings-lang", "en");
    return same(got, "da Indstillinger da");
  });
  // the scorecard follows the new green at once, as the API computes it
  await visit(page, "scorecard", READY.scorecard);
  await check("the scorecard follows the new settings", async () => {
    const now = (await page.evaluate(async () => (await fetch("/api/v1/scorecard")).json())).scorecards[0];
    const shown = await shownScorecard(page);
    const bad = now.members.filter((m) => shown[m.id]?.overall?.[0] !== m.colour);
    return (now.totals.green === 0.75 && !bad.length) || `green ${now.totals.green}, ${bad.length} differ`;
  });
  noProblems("the settings without a console error or failed request, but the two refusals");

  // --- a viewer sees, and changes nothing ---
  const context = await browser.createBrowserContext();
  const viewer = await context.newPage();
  viewer.setDefaultTimeout(TIMEOUT);
  await viewer.setViewport({ width: 1000, height: 720 });
  watch(viewer);
  await signInAs(viewer, VIEWER);
  await visit(viewer, "settings", READY.settings);
  await check("viewer: the settings are read-only", async () =>
    same(
      await viewer.evaluate(() => `${[...document.querySelectorAll("form.settings input")].every((i) => i.readOnly)} ${Boolean(document.querySelector("form.settings button.primary"))}`),
      "true false",
    ),
  );
  await check("viewer: and say so", async () => same(await text(viewer, "form.settings p.note"), "Only an administrator or owner can change these. You can see them."));
  await visit(viewer, "referrals", READY.referrals);
  await check("viewer: no slip to write, nothing to move", async () =>
    same(await viewer.evaluate(() => `${document.querySelectorAll("form.slip, form.move").length}`), "0"),
  );
  await viewer.goto(`${BASE}/#/meetings?meeting=${made.meeting}`, { waitUntil: "networkidle0" });
  await viewer.waitForSelector("fieldset.att-row");
  await check("viewer: the attendance shows, and cannot change", async () =>
    same(
      await viewer.evaluate(() => `${[...document.querySelectorAll("fieldset.att-row input")].every((i) => i.disabled)} ${document.querySelectorAll("fieldset.att-row input:checked").length} ${Boolean(document.querySelector("form.attendance button.primary"))}`),
      `true ${MEMBERS} false`,
    ),
  );
  noProblems("viewer: without a console error or failed request");
  await context.close();
} catch (e) {
  await check("the run", () => e.stack);
} finally {
  if (OUT) writeFileSync(OUT, JSON.stringify(made));
  await browser.close();
}
process.exit(failures() ? 1 : 0);
