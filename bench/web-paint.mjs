// web-paint.mjs BASE EMAIL PASSWORD [RUNS] - how fast each page of the web UI shows.
//
// For every page (sign-in signed out, then every link of the nav signed in) it loads
// the page afresh RUNS times (default 5) in headless Chromium on loopback and reads the
// browser's own clock (performance entries, from the start of the navigation):
//   fcp   first contentful paint: the first text the person sees;
//   ready the end of the last API answer the page asked for once the network is quiet,
//         i.e. the page's own figures have arrived (rendering them is synchronous).
// The server answers with Cache-Control: no-store, so each load fetches every module
// again, as a first visit would. One line per page, medians (and the worst run):
//   BENCH web_first_paint <page> fcp_ms=<median> ready_ms=<median> worst_ready_ms=<max> aim_ms=200
// Uses puppeteer-core of tests/tools and Debian's chromium (scripts/deps --test).
import { createRequire } from "node:module";

const require = createRequire(new URL("../tests/tools/package.json", import.meta.url));
const puppeteer = require("puppeteer-core");

const [base, email, password, runsArg] = process.argv.slice(2);
if (!password) {
  console.error("usage: web-paint.mjs BASE EMAIL PASSWORD [RUNS]");
  process.exit(2);
}
const RUNS = Number(runsArg || 5);
const AIM_MS = 200;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

// One fresh load of the page at fragment: its fcp and ready, in ms. It starts from a
// file of the same server (the icon), not about:blank: from another site Chromium
// would start a new renderer process first, which is the browser's time, not the page's.
async function load(page, fragment) {
  await page.goto(`${base}/assets/icon.svg`);
  await page.goto(`${base}/#${fragment}`, { waitUntil: "load" });
  await page.waitForNetworkIdle({ idleTime: 150, timeout: 30000 });
  return page.evaluate(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
    const answers = performance.getEntriesByType("resource").filter((e) => e.initiatorType === "fetch");
    const ready = Math.max(fcp, ...answers.map((e) => e.responseEnd));
    return { fcp, ready };
  });
}

async function measure(page, fragment) {
  const runs = [];
  await load(page, fragment); // warm-up: the server's caches and Chromium's compiler
  for (let i = 0; i < RUNS; i++) runs.push(await load(page, fragment));
  // a load without a paint entry (a frame Chromium skipped) is left out, not a NaN
  const good = runs.filter((r) => Number.isFinite(r.fcp));
  if (!good.length) throw new Error(`${fragment}: no first contentful paint in ${RUNS} loads`);
  const readies = good.map((r) => r.ready);
  const line = {
    page: fragment,
    fcp: median(good.map((r) => r.fcp)),
    ready: median(readies),
    worst: Math.max(...readies),
  };
  console.log(
    `BENCH web_first_paint ${fragment} fcp_ms=${fmt(line.fcp)} ready_ms=${fmt(line.ready)} ` +
      `worst_ready_ms=${fmt(line.worst)} aim_ms=${AIM_MS}`,
  );
  return line;
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
});
let slow = 0;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 720 });
  const lines = [await measure(page, "/signin")];
  const signedIn = await page.evaluate(
    async (e, p) => (await fetch("/api/v1/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: e, password: p }),
    })).ok,
    email,
    password,
  );
  if (!signedIn) throw new Error(`signing in as ${email} failed`);
  await page.goto(`${base}/#/`, { waitUntil: "load" });
  await page.waitForSelector("#nav a");
  const pages = await page.$$eval("#nav a", (as) => as.map((a) => a.getAttribute("href").replace(/^#/, "")));
  for (const fragment of pages) lines.push(await measure(page, fragment));
  slow = lines.filter((l) => l.ready > AIM_MS).length;
  const worst = lines.reduce((a, b) => (b.ready > a.ready ? b : a));
  console.log(
    `web first paint: ${lines.length} pages, ${slow} over the ${AIM_MS} ms aim; ` +
      `slowest ${worst.page} (ready ${fmt(worst.ready)} ms median)`,
  );
} finally {
  await browser.close();
}
