// every-page.mjs - every page of the web UI, in English, Swedish and Danish, on a
// desktop and on a phone: it shows its own title and heading in the language, no
// catalogue key shows through untranslated, and nothing goes wrong on the way (no
// console error, page error, failed request or unexpected answer of 400 or more).
//
// Environment: BASE, EMAIL and PASSWORD of an owner of the demo group, PERSON (the id of
// a person, for #/person), SHOTS_OK=1 to ask nothing of screenshots (the page tests take
// them); CHROMIUM. The pages are the nav's links, found in the page itself, so a page
// added to the nav is visited without a change here; #/person (not in the nav) too.
// Prints "ok NAME" or "not ok NAME: why" per check; exits 1 if any failed.
import { TIMEOUT, check, failures, launch, notOk, openPage, same, typeInto, watcher } from "./browser.mjs";
import { importWeb } from "./web-import.mjs";

const { BASE, EMAIL, PASSWORD, PERSON } = process.env;
const WEB = new URL("../../web", import.meta.url).pathname;
const { catalogues } = await importWeb(WEB, "i18n.js");
// the catalogue's namespaces: a word like "ledger.title" in a page is a key shown raw
const spaces = new Set(Object.keys(catalogues.en).map((k) => k.split(".")[0]));

// only the session asked before signing in may answer 401
const { watch, noProblems } = watcher(
  (method, url, status) => status === 401 && method === "GET" && new URL(url).pathname === "/api/v1/session",
);

// Open fragment afresh and wait until its own requests are done.
async function visit(page, fragment) {
  await page.evaluate((f) => {
    if (location.hash === `#${f}`) return; // already there (where signing in lands)
    const old = document.querySelector("#main > *");
    if (old) old.dataset.stale = "1";
    location.hash = f;
  }, fragment);
  await page.waitForFunction(() => {
    const v = document.querySelector("#main > *");
    return v && !v.dataset.stale && v.querySelector("h1")?.textContent.trim();
  }, { timeout: TIMEOUT });
  await page.waitForNetworkIdle({ idleTime: 300, timeout: TIMEOUT });
}

// Raw catalogue keys anywhere in the page's text or labels.
async function rawKeys(page) {
  const text = await page.evaluate(() => {
    const parts = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll("[aria-label], [placeholder], [title]")) {
      parts.push(el.getAttribute("aria-label") || "", el.getAttribute("placeholder") || "", el.getAttribute("title") || "");
    }
    return parts.join("\n");
  });
  return [...text.matchAll(/\b([a-z]+)\.[a-z_]+(?:\.[a-z_]+)*\b/g)].map((m) => m[0]).filter((w) => spaces.has(w.split(".")[0]));
}

const browser = await launch();
try {
  const page = await openPage(browser, watch);
  await page.goto(`${BASE}/#/signin`);
  await page.waitForSelector("#email");
  await typeInto(page, "#email", EMAIL);
  await typeInto(page, "#password", PASSWORD);
  await page.click("form.signin button[type=submit]");
  await page.waitForSelector("#nav:not([hidden]) a");
  const pages = await page.$$eval("#nav a", (as) => as.map((a) => a.getAttribute("href").slice(1)));
  await check("the nav lists the pages", async () => pages.length >= 17 || `only ${pages.length}: ${pages.join(" ")}`);
  pages.push(`/person?id=${PERSON}`);
  noProblems("signing in");

  for (const [width, height] of [[1000, 720], [375, 740]]) {
    await page.setViewport({ width, height });
    for (const lang of ["en", "sv", "da"]) {
      await page.select("#lang", lang);
      for (const fragment of pages) {
        const name = `${width} px, ${lang}: ${fragment}`;
        try {
          await visit(page, fragment);
        } catch (e) {
          notOk(`${name} shows`, e.message);
          continue;
        }
        const [title, h1, htmlLang, sideways, widest] = await page.evaluate(() => [
          document.title,
          document.querySelector("#main h1").textContent.trim(),
          document.documentElement.lang,
          document.documentElement.scrollWidth,
          // what sticks out, deepest first, to say where a page is too wide
          [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
            .reverse()
            .slice(0, 2)
            .map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute("class") || ""} "${e.textContent.trim().slice(0, 30)}"`)
            .join(", "),
        ]);
        await check(`${name}: a title of its own`, async () => (/^.+ — Mutua$/.test(title) && !/^Mutua — /.test(title)) || `title "${title}"`);
        await check(`${name}: the page is in ${lang}`, async () => same(htmlLang, lang));
        await check(`${name}: a heading`, async () => h1.length > 0 || "no heading");
        await check(`${name}: no catalogue key shows`, async () => {
          const raw = await rawKeys(page);
          return raw.length === 0 || `shows ${[...new Set(raw)].slice(0, 5).join(", ")}`;
        });
        if (width === 375) await check(`${name}: nothing scrolls sideways`, async () => sideways <= 375 || `${sideways} px wide: ${widest}`);
        noProblems(`${name}: no error on the way`);
      }
    }
  }
  await page.setViewport({ width: 375, height: 740 });
  await check("on a phone the menu opens, leads to a page and closes", async () => {
    if (await page.$eval("#nav", (n) => getComputedStyle(n).display !== "none")) return "the nav shows before the menu is opened";
    await page.click("#menu");
    if ((await page.$eval("#menu", (b) => b.getAttribute("aria-expanded"))) !== "true") return "aria-expanded is not true";
    await page.click('#nav a[href="#/ledger"]');
    await page.waitForFunction(() => location.hash === "#/ledger");
    const [expanded, shown] = await page.evaluate(() => [
      document.querySelector("#menu").getAttribute("aria-expanded"),
      getComputedStyle(document.querySelector("#nav")).display !== "none",
    ]);
    return same(`${expanded} ${shown}`, "false false");
  });
  await check("Escape closes the menu and gives the focus back to its button", async () => {
    await page.click("#menu");
    await page.keyboard.press("Escape");
    const [expanded, focused] = await page.evaluate(() => [
      document.querySelector("#menu").getAttribute("aria-expanded"),
      document.activeElement?.id,
    ]);
    return same(`${expanded} ${focused}`, "false menu");
  });
  noProblems("the menu");
} catch (e) {
  notOk("the browser test ran to its end", e.message);
} finally {
  await browser.close();
}
process.exit(failures() ? 1 : 0);
