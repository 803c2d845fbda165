// browser.mjs - what the browser tests of tests/web share: headless Chromium
// (puppeteer-core of tests/tools, Debian's chromium), the "ok NAME" / "not ok NAME: why"
// lines that tests/lib/t.sh counts, and the watch for what must never happen: a console
// error, a page error, a failed request, or an answer of 400 or more that the test did
// not provoke.
//
//   import { check, launch, watcher } from "./browser.mjs";
//   const browser = await launch();
//   const { watch, noProblems } = watcher((method, url, status) => status === 401);
//   await check("the form is shown", async () => same(await page.title(), "Sign in — Mutua"));
//   process.exit(failures() ? 1 : 0);
import { createRequire } from "node:module";

const require = createRequire(new URL("../tools/package.json", import.meta.url));
const puppeteer = require("puppeteer-core");

export const TIMEOUT = 15000;
let failed = 0;

export function ok(name) {
  console.log(`ok ${name}`);
}

export function notOk(name, why) {
  failed++;
  console.log(`not ok ${name}: ${String(why).split("\n")[0]}`);
}

// fn() returns true or nothing for a pass, else why not; throwing is a failure too.
export async function check(name, fn) {
  try {
    const why = await fn();
    if (why === true || why === undefined) ok(name);
    else notOk(name, why);
  } catch (e) {
    notOk(name, e.message);
  }
}

export function failures() {
  return failed;
}

// got === want, or why not
export const same = (got, want) => got === want || `got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`;

// Headless Chromium, in English unless the page is told otherwise (browserLanguage).
export function launch() {
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--lang=en-US", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
  });
}

// A page of browser at 1000 × 720, in English, with watch(page) on it.
export async function openPage(browser, watch) {
  const page = await browser.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.setViewport({ width: 1000, height: 720 });
  await browserLanguage(page, "en-US,en");
  watch(page);
  return page;
}

// Accept-Language and navigator.languages of one page, as a browser set to it would have.
export async function browserLanguage(page, language) {
  const cdp = await page.createCDPSession();
  await cdp.send("Emulation.setUserAgentOverride", {
    userAgent: await page.browser().userAgent(),
    acceptLanguage: language,
  });
}

// The watch: expected(method, url, status) says which answers of 400 or more the test
// provokes on purpose; anything else, and every console error, page error and failed
// request, is a problem that noProblems(name) reports (and forgets).
export function watcher(expected) {
  const problems = [];
  const requests = new Map(); // url -> method of the last request, for console messages
  function watch(page) {
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
    page.on("request", (r) => requests.set(r.url(), r.method()));
    page.on("response", (r) => {
      if (r.status() >= 400 && !expected(r.request().method(), r.url(), r.status())) {
        problems.push(`${r.request().method()} ${r.url()}: ${r.status()}`);
      }
    });
    page.on("console", (m) => {
      if (m.type() !== "error") return;
      // Chromium logs every 4xx of a fetch as "Failed to load resource"; the response
      // listener above judges those
      const url = m.location()?.url || "";
      const status = Number((m.text().match(/status of (\d+)/) || [])[1]);
      if (url && status && expected(requests.get(url) || "GET", url, status)) return;
      problems.push(`console error: ${m.text()} ${url}`);
    });
  }
  function noProblems(name) {
    const list = problems.splice(0);
    if (list.length) notOk(name, list.join(" | "));
    else ok(name);
  }
  return { watch, noProblems };
}

// Sign in through the form at base as email, and wait for the agenda, where signing
// in lands.
export async function signIn(page, base, email, password) {
  await page.goto(base, { waitUntil: "networkidle0" });
  await page.waitForSelector("form.signin #email");
  await typeInto(page, "#email", email);
  await typeInto(page, "#password", password);
  await page.click("form.signin button[type=submit]");
  await page.waitForSelector(".agenda-form");
}

// Type value into the field sel, replacing what was there.
export async function typeInto(page, sel, value) {
  await page.$eval(sel, (el) => (el.value = ""));
  if (value) await page.type(sel, value);
}

// Some element matching sel shows a text that includes want.
export async function waitText(page, sel, want) {
  await page.waitForFunction(
    (s, w) => [...document.querySelectorAll(s)].some((el) => el.textContent.includes(w)),
    { timeout: TIMEOUT },
    sel,
    want,
  );
}
