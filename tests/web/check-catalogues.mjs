// check-catalogues.mjs WEB_DIR - the web UI's catalogues are complete.
//
// Imports WEB_DIR/i18n.js (it touches the browser only inside functions) and checks
// that en, sv and da have the same keys, no empty value, the same plural forms and
// the same {placeholders} per key, and that every catalogue key written as a literal
// in WEB_DIR (t("home.title"), i18n: "signin.email", data-i18n="lang.label") exists.
// Prints "ok NAME" or "not ok NAME: why" per check; exits 1 if any failed.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { importWeb } from "./web-import.mjs";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: check-catalogues.mjs WEB_DIR");
  process.exit(2);
}
const { catalogues } = await importWeb(dir, "i18n.js");

let failed = 0;
function check(name, problems) {
  if (problems.length) {
    failed++;
    console.log(`not ok ${name}: ${problems.slice(0, 10).join("; ")}`);
  } else console.log(`ok ${name}`);
}

const langs = Object.keys(catalogues);
check("catalogues en, sv and da", ["en", "sv", "da"].filter((l) => !langs.includes(l)).map((l) => `no ${l}`));

const forms = (v) => (typeof v === "object" && v ? Object.entries(v) : [["", v]]);
const holes = (v) =>
  forms(v)
    .map(([, s]) => (String(s).match(/\{\w+\}/g) || []).sort().join(","))
    .join("|");

for (const a of langs) {
  for (const b of langs) {
    if (a === b) continue;
    const missing = Object.keys(catalogues[a]).filter((k) => !(k in catalogues[b]));
    check(`every key of ${a} is in ${b}`, missing.map((k) => `'${k}' is missing`));
  }
}
for (const l of langs) {
  const empty = [];
  for (const [k, v] of Object.entries(catalogues[l])) {
    for (const [form, s] of forms(v)) {
      if (typeof s !== "string" || !s.trim()) empty.push(`'${k}${form ? "." + form : ""}' is empty`);
    }
  }
  check(`no empty value in ${l}`, empty);
}
for (const l of langs.filter((x) => x !== "en")) {
  const differ = [];
  for (const [k, v] of Object.entries(catalogues.en)) {
    if (!(k in catalogues[l])) continue;
    const a = forms(v).map(([f]) => f).join(","), b = forms(catalogues[l][k]).map(([f]) => f).join(",");
    if (a !== b) differ.push(`'${k}' has forms ${b}, en ${a}`);
    else if (holes(v) !== holes(catalogues[l][k])) differ.push(`'${k}' has placeholders ${holes(catalogues[l][k])}, en ${holes(v)}`);
  }
  check(`the plural forms and placeholders of ${l} are those of en`, differ);
}

// keys used as literals: a quoted word.word whose first word names a namespace of en
const spaces = new Set(Object.keys(catalogues.en).map((k) => k.split(".")[0]));
const unknown = [];
function walk(d) {
  for (const name of readdirSync(d).sort()) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(js|html)$/.test(name) && name !== "i18n.js") {
      for (const m of readFileSync(path, "utf8").matchAll(/["'`]([a-z]+(?:\.[a-z_]+)+)["'`]/g)) {
        if (spaces.has(m[1].split(".")[0]) && !(m[1] in catalogues.en)) unknown.push(`${name}: '${m[1]}'`);
      }
    }
  }
}
walk(dir);
check("every key the UI names is in the catalogues", unknown);
process.exit(failed ? 1 : 0);
