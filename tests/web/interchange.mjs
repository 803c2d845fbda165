// interchange.mjs - importing and exporting contacts in the web UI (#/interchange), in
// headless Chromium, in English, Swedish and Danish.
//
// Environment: BASE, EMAIL and PASSWORD of an owner of a workspace with "Jag Själv" in
// it, FILES (tests/data/contacts), WANT_ADDED (what a dry run of linkedin-2024.csv
// adds, as the CLI counted it), SHOTS (where interchange.png goes), DOWNLOADS (a folder
// for the exports); CHROMIUM. Prints "ok NAME" / "not ok NAME: why" for
// tests/web/t0320-interchange.sh; exits 1 if any failed. Throughout, no console error,
// page error, failed request or unexpected answer of 400 or more: the only ones
// expected are the 401 of the session before signing in and the 422 of a bad file.
import { TIMEOUT, check, failures, launch, openPage, same, typeInto, watcher } from "./browser.mjs";

const { BASE, EMAIL, PASSWORD, FILES, WANT_ADDED, SHOTS, DOWNLOADS } = process.env;

function expected(method, url, status) {
  const path = new URL(url).pathname;
  if (status === 401) return method === "GET" && path === "/api/v1/session";
  return status === 422 && method === "POST" && path.startsWith("/api/v1/import/");
}
const { watch, noProblems } = watcher(expected);

const WORDS = {
  en: { title: "Import and export", preview: "Preview", previewTitle: "Preview: nothing has changed yet", done: "Imported", added: "New", why: "no name", bad: "The file cannot be read at line 5" },
  sv: { title: "Import och export", preview: "Förhandsvisa", previewTitle: "Förhandsvisning: inget har ändrats än", done: "Importerat", added: "Nya", why: "inget namn", bad: "Filen går inte att läsa vid line 5" },
  da: { title: "Import og eksport", preview: "Forhåndsvis", previewTitle: "Forhåndsvisning: intet er ændret endnu", done: "Importeret", added: "Nye", why: "intet navn", bad: "Filen kan ikke læses ved line 5" },
};

const text = (page, sel) => page.$eval(sel, (el) => el.textContent.trim());
const count = (page, what) => page.$eval(`dd[data-count=${what}]`, (el) => el.textContent.trim());
const apiGet = (page, path) => page.evaluate(async (p) => (await fetch(`/api/v1${p}`)).json(), path);

// Choose file, and wait for the kind to be guessed from it.
async function choose(page, file) {
  const input = await page.$("#file");
  await input.uploadFile(file);
  await page.evaluate(() => document.querySelector("#file").dispatchEvent(new Event("change", { bubbles: true })));
  await new Promise((r) => setTimeout(r, 200)); // the guess reads the file's start
}
// Press a button that posts the file, and wait for the answer to be shown.
async function post(page, sel) {
  const answer = page.waitForResponse((r) => r.url().includes("/api/v1/import/"), { timeout: TIMEOUT });
  await page.click(sel);
  await answer;
  await page.waitForFunction(() => !document.querySelector("form button.primary").disabled);
}

const browser = await launch();
try {
  const page = await openPage(browser, watch);
  const cdp = await page.createCDPSession();
  await cdp.send("Page.setDownloadBehavior", { behavior: "allow", downloadPath: DOWNLOADS });

  await page.goto(BASE, { waitUntil: "networkidle0" });
  await page.waitForSelector("form.signin #email");
  await typeInto(page, "#email", EMAIL);
  await typeInto(page, "#password", PASSWORD);
  await page.click("form.signin button[type=submit]");
  await page.waitForSelector(".agenda-form");

  for (const lang of ["en", "sv", "da"]) {
    const w = WORDS[lang];
    await page.select("#lang", lang);
    await page.click('#nav a[href="#/"]'); // and back: a fresh form
    await page.waitForSelector("p.who");
    await page.click('#nav a[href="#/interchange"]');
    await page.waitForSelector("#file");
    await check(`${lang}: the title`, async () => same(`${await page.title()}|${await text(page, "h1")}`, `${w.title} — Mutua|${w.title}`));
    await check(`${lang}: the nav marks the page`, async () =>
      same(await page.$eval('#nav a[aria-current="page"]', (a) => a.getAttribute("href")), "#/interchange"),
    );
    await check(`${lang}: the button`, async () => same(await text(page, "form button.primary"), w.preview));

    // nothing chosen: said beside the file
    await page.click("form button.primary");
    await check(`${lang}: no file is an error beside the file`, async () =>
      same(await page.$eval("#file", (i) => i.getAttribute("aria-invalid")), "true"),
    );

    // a bad file: its line beside the file, nothing shown as a report
    await choose(page, `${FILES}/bad.vcf`);
    await post(page, "form button.primary");
    await check(`${lang}: a bad file names its line`, async () => {
      const msg = await text(page, "#file-error");
      return msg.startsWith(w.bad) || `got "${msg}"`;
    });

    // a preview of LinkedIn's export
    await choose(page, `${FILES}/linkedin-2024.csv`);
    await check(`${lang}: the kind guessed from the file`, async () => same(await page.$eval("#kind", (s) => s.value), "linkedin"));
    await check(`${lang}: LinkedIn asks whose connections`, async () => same(await page.$eval("#me", (i) => i.closest(".field").hidden), false));
    await typeInto(page, "#me", "Jag Själv");
    await post(page, "form button.primary");
    await check(`${lang}: the preview's heading`, async () => same(await text(page, ".report h2"), w.previewTitle));
    await check(`${lang}: the preview adds what the CLI's dry run adds (${WANT_ADDED})`, async () => same(await count(page, "added"), WANT_ADDED));
    await check(`${lang}: a line a contact`, async () => same(String(await page.$$eval("table.items tbody tr", (r) => r.length)), "11"));
    await check(`${lang}: the reason in the page's language`, async () =>
      same(await page.$eval('tr[data-action="skipped"] td:last-child', (td) => td.textContent), w.why),
    );
    await check(`${lang}: nothing imported by the preview`, async () => {
      const people = await apiGet(page, "/persons?limit=1000");
      return same(people.items.some((p) => p.full_name === "Åsa Öberg"), false);
    });
    await check(`${lang}: the import button shows after a preview`, async () => same(await page.$eval("form button.primary + button.primary", (b) => b.hidden), false));
    if (lang === "en" && SHOTS) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/interchange.png` });
    }
    // a change after the preview asks for a new one
    await page.select("#legal_basis", "consent");
    await check(`${lang}: a change hides the import button`, async () => same(await page.$eval("form button.primary + button.primary", (b) => b.hidden), true));
  }

  // import for real, once
  await post(page, "form button.primary");
  await post(page, "form button.primary + button.primary");
  await check("imported: the heading", async () => same(await text(page, ".report h2"), WORDS.da.done));
  await check("imported: the people are there, with consent", async () => {
    const people = await apiGet(page, "/persons?limit=1000");
    const asa = people.items.find((p) => p.full_name === "Åsa Öberg");
    return same(asa?.legal_basis, "consent");
  });
  await check("imported: ties from Jag Själv", async () => {
    const ties = await apiGet(page, "/ties?limit=1000");
    return same(ties.items.length >= Number(WANT_ADDED), true);
  });

  // exports, saved as files
  for (const [path, file, start] of [
    ["/export/vcard", "mutua-contacts.vcf", "BEGIN:VCARD"],
    ["/export/csv", "mutua-contacts.csv", "First Name"],
    ["/export/json", "mutua-workspace.json", "{"],
  ]) {
    await page.click(`button[data-export="${path}"]`);
    await check(`the export ${file} is saved`, async () => {
      const fs = await import("node:fs");
      for (let i = 0; i < 50; i++) {
        const f = `${DOWNLOADS}/${file}`;
        if (fs.existsSync(f) && fs.statSync(f).size > 0) {
          const head = fs.readFileSync(f, "utf8").slice(0, 40);
          return head.startsWith(start) || `starts with ${JSON.stringify(head)}`;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      return "no file";
    });
  }

  // at a phone's width
  await page.setViewport({ width: 375, height: 720 });
  await check("375 px: no sideways scrolling", async () => {
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    return w <= 375 || `scroll width ${w}`;
  });
  noProblems("no console error, failed request or unexpected error answer");
} finally {
  await browser.close();
}
process.exit(failures() ? 1 : 0);
