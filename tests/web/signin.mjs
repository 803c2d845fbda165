// signin.mjs - the sign-in page in headless Chromium (puppeteer-core, Debian's chromium).
//
// Environment: BASE (http://127.0.0.1:PORT), EMAIL and PASSWORD of an owner of the
// demo workspace WORKSPACE, which also has the role viewer in OTHER; SCREENSHOT, where
// to write the sign-in page as PNG; CHROMIUM (default /usr/bin/chromium).
// Prints "ok NAME" or "not ok NAME: why" per check, for tests/web/t0300-signin.sh to
// count; exits 1 if any failed. Throughout, the page must log no console error, throw
// nothing, and every request must succeed, except the 401s (and at the end the 429)
// that signing in wrongly or asking for the session while signed out are meant to get.
import {
  browserLanguage,
  check,
  failures,
  launch,
  notOk,
  ok,
  openPage,
  same,
  typeInto,
  waitText,
  watcher,
} from "./browser.mjs";

const { BASE, EMAIL, PASSWORD, WORKSPACE, OTHER, SCREENSHOT } = process.env;

// --- what must not happen ---

let allow429 = false;
// The answers the test provokes: a wrong password (401), the session asked for while
// signed out (401), and, at the end, throttling (429).
function expected(method, url, status) {
  const path = new URL(url).pathname;
  if (status === 401) return (method === "GET" && path === "/api/v1/session") || (method === "POST" && path === "/api/v1/login");
  return status === 429 && allow429 && method === "POST" && path === "/api/v1/login";
}
const { watch, noProblems } = watcher(expected);

// --- helpers on the page ---

const text = (page, sel) => page.$eval(sel, (el) => el.textContent.trim());
const lang = (page) => page.evaluate(() => document.documentElement.lang);
const labels = (page) =>
  page.evaluate(() => ["email", "password"].map((id) => document.querySelector(`label[for=${id}]`)?.textContent));
async function submit(page, email, password) {
  await typeInto(page, "#email", email);
  await typeInto(page, "#password", password);
  await page.click("form.signin button[type=submit]");
}

const browser = await launch();
try {
  const page = await openPage(browser, watch);

  // 1. signed out: the form, in English
  await page.goto(BASE, { waitUntil: "networkidle0" });
  await check("the sign-in form is shown", async () => {
    await page.waitForSelector("form.signin #email");
    return same(await page.evaluate(() => location.hash), "#/signin");
  });
  await check("in English, with labels", async () => same((await labels(page)).join("|"), "E-mail|Password"));
  await check("html lang is en", async () => same(await lang(page), "en"));
  await check("the title names the page", async () => same(await page.title(), "Sign in — Mutua"));
  await check("the e-mail field has the focus", async () =>
    same(await page.evaluate(() => document.activeElement?.id), "email"),
  );
  // without the blinking caret, so that the same page makes the same PNG
  await page.evaluate(() => document.activeElement.blur());
  await page.screenshot({ path: SCREENSHOT });
  ok("screenshot of the sign-in page");
  await page.focus("#email");
  await check("a focused field shows a focus ring", async () => {
    await page.keyboard.press("Tab"); // to the password field, by keyboard
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return `${document.activeElement.id} ${s.outlineStyle} ${parseFloat(s.outlineWidth) > 0}`;
    });
    return same(ring, "password solid true");
  });

  // 2. nothing typed: said beside the field
  await check("an empty e-mail is said beside the field", async () => {
    await page.click("form.signin button[type=submit]");
    await page.waitForSelector("#email-error:not([hidden])");
    const [described, msg, focus] = await page.evaluate(() => [
      document.querySelector("#email").getAttribute("aria-describedby"),
      document.querySelector("#email-error").textContent,
      document.activeElement.id,
    ]);
    return same(`${described}|${msg}|${focus}`, "email-error|Enter your e-mail address.|email");
  });

  // 3. a wrong password: the alert
  await check("a wrong password is refused in the alert", async () => {
    await submit(page, EMAIL, "not the password at all");
    await waitText(page, "#signin-alert", "Wrong e-mail or password.");
    const attrs = await page.$eval("#signin-alert", (el) => `${el.getAttribute("role")} ${el.getAttribute("aria-live")}`);
    return same(attrs, "alert assertive");
  });
  await check("the field error is gone", async () =>
    same(await page.$eval("#email", (el) => el.hasAttribute("aria-invalid")), false),
  );

  // 4. Swedish, then Danish, by the picker: relabelled in place
  await page.select("#lang", "sv");
  await check("Swedish labels", async () => same((await labels(page)).join("|"), "E-post|Lösenord"));
  await check("html lang is sv", async () => same(await lang(page), "sv"));
  await check("the alert in Swedish", async () => same(await text(page, "#signin-alert"), "Fel e-postadress eller lösenord."));
  await check("what was typed stays", async () => same(await page.$eval("#email", (el) => el.value), EMAIL));
  await page.select("#lang", "da");
  await check("Danish labels", async () => same((await labels(page)).join("|"), "E-mail|Adgangskode"));
  await check("html lang is da", async () => same(await lang(page), "da"));
  await check("the Danish title and button", async () =>
    same(`${await page.title()}|${await text(page, "form.signin button")}`, "Log ind — Mutua|Log ind"),
  );
  await check("the choice is remembered", async () => {
    await page.reload({ waitUntil: "networkidle0" });
    await page.waitForSelector("form.signin #email");
    return same(`${await lang(page)}|${(await labels(page)).join("|")}`, "da|E-mail|Adgangskode");
  });
  await page.select("#lang", "en");
  await check("back to English", async () => same((await labels(page)).join("|"), "E-mail|Password"));

  // 5. the right password: today's agenda, and the workspaces one link away
  await submit(page, EMAIL, PASSWORD);
  await check("signed in: the agenda", async () => {
    await page.waitForSelector(".agenda-form");
    return same(await page.evaluate(() => location.hash), "#/agenda");
  });
  await page.click('#nav a[href="#/"]');
  await check("the workspaces page", async () => {
    await page.waitForSelector("p.who");
    return same(await page.evaluate(() => location.hash), "#/");
  });
  await check("shows the account's e-mail", async () => {
    const who = await text(page, "p.who");
    return who.includes(`(${EMAIL})`) && who.startsWith("Signed in as") ? true : `got '${who}'`;
  });
  await check(`lists ${WORKSPACE} with the role owner`, async () => {
    const rows = await page.$$eval("table.workspaces tbody tr", (trs) =>
      trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim()).join(":")),
    );
    return rows.includes(`${WORKSPACE}:owner`) && rows.includes(`${OTHER}:viewer`) ? true : `rows ${rows.join(", ")}`;
  });
  await check("the role in Swedish", async () => {
    await page.select("#lang", "sv");
    const roles = await page.$$eval("td[data-role=owner]", (tds) => tds.map((td) => td.textContent));
    await page.select("#lang", "en");
    return same(roles.join(), "ägare");
  });
  await check("works in the chosen workspace", async () => {
    await waitText(page, "p.current", "Working in");
    const name = (await text(page, "p.current")).replace(/^Working in (.*)\.$/, "$1");
    const chosen = await page.$eval("#workspace", (s) => s.options[s.selectedIndex].text);
    return same(name, chosen);
  });
  await check("another workspace is chosen by X-Mutua-Workspace", async () => {
    const other = await page.$eval("#workspace", (s, n) => [...s.options].find((o) => o.text === n).value, OTHER);
    await page.select("#workspace", other);
    await waitText(page, "p.current", `Working in ${OTHER}.`);
    const wsName = await page.$eval("#workspace", (s, n) => [...s.options].find((o) => o.text === n).value, WORKSPACE);
    await page.select("#workspace", wsName);
    await waitText(page, "p.current", `Working in ${WORKSPACE}.`);
    return same(await page.$eval("tr[aria-current=true] td", (td) => td.textContent), WORKSPACE);
  });
  await check("a reload stays signed in", async () => {
    await page.reload({ waitUntil: "networkidle0" });
    await page.waitForSelector("p.who");
    return same(await text(page, "#signout"), "Sign out");
  });

  // 6. sign out: the form again, and the session is gone
  await check("signing out shows the form", async () => {
    await page.click("#signout");
    await page.waitForSelector("form.signin #email");
    return same(`${await page.evaluate(() => location.hash)}|${await page.$eval("#signout", (b) => b.hidden)}`, "#/signin|true");
  });
  await check("the session has ended", async () =>
    same(await page.evaluate(async () => (await fetch("/api/v1/session")).status), 401),
  );
  await check("home, asked for by URL, sends to sign-in", async () => {
    await page.goto(`${BASE}/#/`, { waitUntil: "networkidle0" });
    await page.waitForSelector("form.signin #email");
    return same(await page.evaluate(() => location.hash), "#/signin");
  });

  // 7. narrow: a phone at 375 px scrolls only down
  await check("fits 375 px", async () => {
    await page.setViewport({ width: 375, height: 740 });
    return same(await page.evaluate(() => document.documentElement.scrollWidth <= 375), true);
  });
  await page.setViewport({ width: 1000, height: 720 });

  // 8. throttling: after ten failures a minute, the form says how long to wait
  allow429 = true;
  await check("too many attempts: wait N seconds", async () => {
    for (let i = 0; i < 12; i++) {
      await submit(page, "nobody@example.org", `wrong password ${i}`);
      await page.waitForFunction(() => !document.querySelector("form.signin button").disabled);
      const said = await text(page, "#signin-alert");
      if (/^Too many attempts\. Try again in \d+ seconds?\.$/.test(said)) return true;
      if (said !== "Wrong e-mail or password.") return `got '${said}'`;
    }
    return "no 429 after 12 failures";
  });
  allow429 = false;

  noProblems("no console error, page error or failed request");

  // 9. no choice made: the browser's language (Danish), anything else English
  for (const [accept, want] of [
    ["da-DK,da", "da|E-mail|Adgangskode"],
    ["sv-SE", "sv|E-post|Lösenord"],
    ["nb-NO,nb", "en|E-mail|Password"],
  ]) {
    const context = await browser.createBrowserContext();
    const p = await context.newPage();
    watch(p);
    await browserLanguage(p, accept);
    await check(`a browser in ${accept} gets ${want.split("|")[0]}`, async () => {
      await p.goto(BASE, { waitUntil: "networkidle0" });
      await p.waitForSelector("form.signin #email");
      return same(`${await lang(p)}|${(await labels(p)).join("|")}`, want);
    });
    await context.close();
  }
  noProblems("no console error, page error or failed request in the other languages");
} catch (e) {
  notOk("the browser test ran to its end", e.stack || e.message);
} finally {
  await browser.close();
}
process.exit(failures() ? 1 : 0);
