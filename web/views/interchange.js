// views/interchange.js - #/interchange: bring in an address book and take the people out
// again (docs/interchange.md).
//
// Importing is two steps, as on the command line: the file is first previewed (a dry
// run, POST /api/v1/import/KIND?dry_run=true&items=true: what would be added, merged,
// left as it is and skipped, line by line, with the reasons), and only the second
// button imports it. The file goes as the request's body. The kind is guessed from the
// file (a .vcf is a vCard; a CSV whose text names "Connected On" is LinkedIn's, another
// CSV Google's) and can be changed. Exports (vCard, CSV, the workspace document) are
// fetched signed in and saved as files.

import { api, apiBlob } from "../api.js";
import { field, fieldError, h, showError } from "../dom.js";
import { tr } from "../i18n.js";

const SHOWN = 200; // preview lines listed; the counts always cover the whole file

const EXPORTS = [
  { path: "/export/vcard", file: "mutua-contacts.vcf", key: "interchange.export_vcard" },
  { path: "/export/csv", file: "mutua-contacts.csv", key: "interchange.export_csv" },
  { path: "/export/json", file: "mutua-workspace.json", key: "interchange.export_json" },
];

// A labelled <select> with its hint, shaped like dom.js's field().
function choice(id, labelKey, options, hintKey = null) {
  const select = h(
    "select",
    { id, name: id, "aria-describedby": hintKey ? `${id}-hint` : null },
    options.map(([value, key]) => h("option", { value, i18n: key })),
  );
  const hint = hintKey ? h("p", { id: `${id}-hint`, class: "hint", i18n: hintKey }) : null;
  return { select, wrap: h("div", { class: "field" }, h("label", { for: id, i18n: labelKey }), select, hint) };
}

// What a file is, by its name and its first kilobytes.
async function guessKind(file) {
  if (/\.(vcf|vcard)$/i.test(file.name)) return "vcard";
  const head = await file.slice(0, 4096).text();
  if (/BEGIN:VCARD/i.test(head)) return "vcard";
  return /Connected On/i.test(head) ? "linkedin" : "google";
}

export function interchangeView() {
  const file = field("file", "interchange.file", { type: "file", accept: ".vcf,.vcard,.csv,text/vcard,text/csv" }, "interchange.file_hint");
  const kind = choice("kind", "interchange.kind", [
    ["vcard", "interchange.kind_vcard"],
    ["linkedin", "interchange.kind_linkedin"],
    ["google", "interchange.kind_google"],
  ]);
  const basis = choice(
    "legal_basis",
    "interchange.legal_basis",
    [
      ["legitimate_interest", "interchange.basis_legitimate_interest"],
      ["consent", "interchange.basis_consent"],
      ["contract", "interchange.basis_contract"],
    ],
    "interchange.legal_basis_hint",
  );
  const me = field("me", "interchange.me", { autocomplete: "off", list: "interchange-persons" }, "interchange.me_hint");
  const persons = h("datalist", { id: "interchange-persons" });
  const alert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
  const preview = h("button", { type: "submit", class: "primary", i18n: "interchange.preview" });
  const commit = h("button", { type: "button", class: "primary", i18n: "interchange.import", hidden: true, onclick: importNow });
  const form = h(
    "form",
    { class: "card stack", novalidate: true, "aria-labelledby": "import-title", onsubmit: previewNow },
    h("h2", { id: "import-title", i18n: "interchange.import_title" }),
    h("p", { class: "muted", i18n: "interchange.import_intro" }),
    file.wrap,
    kind.wrap,
    basis.wrap,
    me.wrap,
    persons,
    alert,
    h("div", { class: "buttons" }, preview, commit),
  );
  const report = h("div", { class: "report stack" });
  const fields = { file, me, legal_basis: { input: basis.select, error() {}, clear() {} } };

  api("GET", "/persons?limit=1000")
    .then((page) => persons.append(...page.items.map((p) => h("option", { value: p.full_name }))))
    .catch(() => {}); // the names only help to type; the import works without them

  function showMe() {
    me.wrap.hidden = kind.select.value !== "linkedin";
  }
  kind.select.addEventListener("change", () => {
    showMe();
    forget();
  });
  basis.select.addEventListener("change", forget);
  me.input.addEventListener("input", forget);
  file.input.addEventListener("change", async () => {
    forget();
    const f = file.input.files[0];
    if (f) kind.select.value = await guessKind(f);
    showMe();
  });
  showMe();

  // a change after the preview needs a new preview before importing
  function forget() {
    commit.hidden = true;
    report.replaceChildren();
  }

  function clear() {
    file.clear();
    me.clear();
    alert.textContent = "";
    delete alert.dataset.i18n;
  }

  function query(dryRun) {
    const q = new URLSearchParams({ legal_basis: basis.select.value });
    if (dryRun) {
      q.set("dry_run", "true");
      q.set("items", "true");
    }
    const who = me.input.value.trim();
    if (kind.select.value === "linkedin" && who) q.set("me", who);
    return `/import/${kind.select.value}?${q}`;
  }

  let asked = 0;
  async function send(dryRun) {
    clear();
    const f = file.input.files[0];
    if (!f) {
      file.error("interchange.need_file");
      file.input.focus();
      return;
    }
    const mine = ++asked;
    preview.disabled = commit.disabled = true;
    tr(dryRun ? preview : commit, dryRun ? "interchange.previewing" : "interchange.importing");
    try {
      const answer = await api("POST", query(dryRun), f);
      if (mine !== asked) return;
      report.replaceChildren(...show(answer));
      commit.hidden = !dryRun;
      if (!dryRun) file.input.value = ""; // imported: the next file starts afresh
    } catch (err) {
      if (mine !== asked) return;
      report.replaceChildren();
      commit.hidden = true;
      // a file that does not parse names its line: say it beside the file
      if (err.field && /^line \d+$/.test(err.field)) file.error("interchange.bad_file", { where: err.field, message: err.message });
      else if (!fieldError(fields, err)) showError(alert, err);
    } finally {
      if (mine === asked) {
        preview.disabled = commit.disabled = false;
        tr(preview, "interchange.preview");
        tr(commit, "interchange.import");
      }
    }
  }

  function previewNow(event) {
    event.preventDefault();
    send(true);
  }
  function importNow() {
    send(false);
  }

  const exportAlert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
  const exports = h(
    "section",
    { class: "card stack", "aria-labelledby": "export-title" },
    h("h2", { id: "export-title", i18n: "interchange.export_title" }),
    h("p", { class: "muted", i18n: "interchange.export_intro" }),
    h(
      "div",
      { class: "buttons" },
      EXPORTS.map((x) => h("button", { type: "button", "data-export": x.path, i18n: x.key, onclick: () => save(x) })),
    ),
    exportAlert,
  );

  async function save(x) {
    exportAlert.textContent = "";
    delete exportAlert.dataset.i18n;
    try {
      const blob = await apiBlob(x.path);
      const url = URL.createObjectURL(blob);
      const a = h("a", { href: url, download: x.file, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch (err) {
      showError(exportAlert, err);
    }
  }

  return h(
    "section",
    { class: "stack wide" },
    h("h1", { tabindex: -1, i18n: "interchange.title" }),
    h("div", { class: "form-layout" }, h("div", { class: "stack" }, form, exports), report),
  );
}

const COUNTS = ["added", "merged", "unchanged", "skipped"];

// The server's reasons and notes are English (they go to the command line too): the
// ones the importer writes are said in the page's language; anything else as it is.
const REASONS = [
  [/^same e-mail (.+)$/, "interchange.reason_email"],
  [/^same phone (.+)$/, "interchange.reason_phone"],
  [/^same web address (.+)$/, "interchange.reason_url"],
  [/^same name and organisation$/, "interchange.reason_name_org"],
  [/^same name, and no organisation/, "interchange.reason_name"],
  [/^no name$/, "interchange.reason_no_name"],
  [/^an organisation, not a person$/, "interchange.reason_organisation"],
  [/^erased at their request/, "interchange.reason_erased"],
  [/^the file is not UTF-8/, "interchange.note_cp1252"],
  [/^no ties were made/, "interchange.note_no_ties"],
];
function said(text) {
  for (const [re, key] of REASONS) {
    const m = text.match(re);
    if (m) return [key, { value: m[1] || "" }];
  }
  return null;
}
// el showing text in the page's language where it can
function reason(tag, text, props = {}) {
  const key = said(text);
  return h(tag, key ? { ...props, i18n: key } : { ...props, text });
}

// The report of docs/interchange.md: counts, reasons, notes, and the lines.
function show(r) {
  const out = [
    h("h2", { i18n: r.dry_run ? "interchange.preview_title" : "interchange.done_title" }),
    h("p", { role: "status", class: "summary", i18n: ["interchange.summary", { count: r.contacts, encoding: r.encoding }] }),
    h(
      "dl",
      { class: "counts" },
      COUNTS.flatMap((c) => [h("dt", { i18n: `interchange.count_${c}` }), h("dd", { "data-count": c, text: String(r[c]) })]),
    ),
  ];
  const reasons = (counts, key) =>
    Object.entries(counts || {}).map(([why, n]) => {
      const k = said(why);
      return h("li", { i18n: [key, { why: k ? { t: k[0], vars: k[1] } : why, count: n }] });
    });
  const skipped = [...reasons(r.skipped_because, "interchange.skipped_because"), ...reasons(r.dropped_values, "interchange.dropped")];
  if (skipped.length) out.push(h("ul", { class: "reasons" }, skipped));
  const also = [];
  if (r.organisations_added) also.push(h("li", { i18n: ["interchange.orgs_added", { count: r.organisations_added }] }));
  if (r.ties_added) also.push(h("li", { i18n: ["interchange.ties_added", { count: r.ties_added }] }));
  if (also.length) out.push(h("ul", { class: "reasons" }, also));
  for (const note of r.notes || []) out.push(reason("p", note, { class: "note" }));
  if (r.items?.length) {
    out.push(
      h(
        "div",
        { class: "table-scroll" },
        h(
        "table",
        { class: "items" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["interchange.col_line", "interchange.col_name", "interchange.col_action", "interchange.col_reason"].map((k) =>
              h("th", { scope: "col", i18n: k }),
            ),
          ),
        ),
        h(
          "tbody",
          {},
          r.items.slice(0, SHOWN).map((it) =>
            h(
              "tr",
              { "data-action": it.action },
              h("td", { text: String(it.line) }),
              h("td", { text: it.name || "–" }),
              h("td", { i18n: `interchange.action_${it.action}` }),
              reason("td", it.reason || ""),
            ),
          ),
        ),
        ),
      ),
    );
    if (r.items.length > SHOWN) out.push(h("p", { class: "muted", i18n: ["interchange.more_lines", { count: r.items.length - SHOWN }] }));
  }
  return out;
}
