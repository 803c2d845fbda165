// views/settings.js - #/settings: the person's language, and the workspace's weights
// and thresholds (SPEC §4; the settings of FORMAT.md §1).
//
// The language is the header's choice (i18n.js setLanguage(), kept in the browser),
// offered here too. The settings come from GET /api/v1/workspace: the partner fit's
// five cornerstone weights and the power-team threshold, the window of give and take,
// the cadence of each tier, and the scorecard's window, thresholds and colour bands.
// An admin or owner saves them with PATCH /api/v1/workspace; the server checks every
// value, and one it refuses is said beside its field (its error names the setting's
// path, settings.fit_weights[2], which is the key of that field here). Others see the
// same form read-only.
//
// Numbers are typed as people write them in their language (0,25 or 0.25); a value that
// is no number goes to the server as typed, so that the refusal names the field.

import { api } from "../api.js";
import { field, h, showError, statusFailed } from "../dom.js";
import { LANGUAGES, formatNumber, language, onLanguageChange, setLanguage, tr } from "../i18n.js";
import { mayAdminister, parseNumber } from "../group.js";

const SCORECARD = ["attendance", "referrals_given", "visitors", "one_to_ones", "closed_received", "closed_given", "takeaways"];

// a path into the settings' scorecard object (not a catalogue key, though it looks like one)
const sc = (key) => `scorecard.${key}`;

// The form's sections: [legend, [[path, label, hint]], the section's hint]; a path is
// the settings key the server names in its errors.
const SECTIONS = [
  [
    "settings.fit",
    [0, 1, 2, 3, 4]
      .map((i) => [`fit_weights[${i}]`, `settings.weight_${i}`, null])
      .concat([["fit_threshold_power_team", "settings.power_team", "settings.power_team_hint"]]),
    "settings.weights_hint",
  ],
  [
    "settings.reciprocity",
    [
      ["reciprocity_window_days", "settings.reciprocity_window", "settings.days_hint"],
      ["cadence_days.inner", "settings.cadence_inner", null],
      ["cadence_days.active", "settings.cadence_active", null],
      ["cadence_days.wide", "settings.cadence_wide", null],
    ],
  ],
  [
    "settings.scorecard",
    [
      [sc("window_days"), "settings.sc_window", "settings.days_hint"],
      ...SCORECARD.map((m) => [sc(m), `settings.sc_${m}`, m === "attendance" ? "settings.share_hint" : m === "closed_received" ? "settings.zero_hint" : null]),
      [sc("green"), "settings.sc_green", "settings.green_hint"],
      [sc("amber"), "settings.sc_amber", "settings.amber_hint"],
      [sc("new_member_days"), "settings.sc_new_member", "settings.new_member_hint"],
    ],
  ],
];

// settings.fit_weights[2] -> ["fit_weights", 2]; scorecard.green -> ["scorecard", "green"]
const steps = (path) => path.split(/\.|\[|\]/).filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
const read = (obj, path) => steps(path).reduce((o, k) => (o == null ? o : o[k]), obj);
function write(obj, path, value) {
  const keys = steps(path);
  let o = obj;
  keys.slice(0, -1).forEach((k, i) => {
    if (o[k] == null) o[k] = typeof keys[i + 1] === "number" ? [] : {};
    o = o[k];
  });
  o[keys[keys.length - 1]] = value;
}

export function settingsView(ctx) {
  const status = h("p", { class: "muted", role: "status", i18n: "loading" });
  const body = h("div", { class: "stack" });
  load();
  return h(
    "section",
    { class: "stack" },
    h("h1", { id: "settings-title", tabindex: -1, i18n: "settings.title" }),
    languageCard(),
    status,
    body,
  );

  async function load() {
    let workspace;
    try {
      workspace = await api("GET", "/workspace");
    } catch (err) {
      statusFailed(status, err);
      return;
    }
    status.remove();
    body.append(settingsForm(ctx, workspace));
  }
}

function languageCard() {
  const select = h(
    "select",
    { id: "settings-lang", name: "language" },
    Object.entries(LANGUAGES).map(([code, name]) => h("option", { value: code, lang: code, text: name })),
  );
  select.value = language();
  select.addEventListener("change", () => setLanguage(select.value));
  onLanguageChange((lang) => {
    if (select.isConnected) select.value = lang;
  });
  return h(
    "section",
    { class: "card stack", "aria-labelledby": "settings-lang-title" },
    h("h2", { id: "settings-lang-title", i18n: "settings.language_title" }),
    h("div", { class: "field narrow" }, h("label", { for: "settings-lang", i18n: "settings.language" }), select),
    h("p", { class: "hint", i18n: "settings.language_hint" }),
  );
}

function settingsForm(ctx, workspace) {
  const admin = mayAdminister(ctx);
  const fields = {};
  const shown = (v) => (typeof v === "number" ? formatNumber(v, { maximumFractionDigits: 6, useGrouping: false }) : "");
  const sections = SECTIONS.map(([legend, items, hint]) =>
    h(
      "fieldset",
      { class: "card stack settings-group" },
      h("legend", { i18n: legend }),
      hint ? h("p", { class: "hint", i18n: hint }) : null,
      h(
        "div",
        { class: "settings-fields" },
        items.map(([path, label, hint]) => {
          const id = `set-${path.replace(/[.[\]]+/g, "-").replace(/-$/, "")}`;
          const f = field(id, label, { inputmode: "decimal", autocomplete: "off", readonly: !admin, "data-path": path }, hint);
          f.input.value = shown(read(workspace.settings, path));
          fields[`settings.${path}`] = f;
          return f.wrap;
        }),
      ),
    ),
  );
  const alert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
  const saved = h("p", { class: "saved", role: "status" });
  const submit = h("button", { type: "submit", class: "primary", i18n: "settings.save" });

  async function save(event) {
    event.preventDefault();
    for (const f of Object.values(fields)) f.clear();
    for (const el of [alert, saved]) {
      el.textContent = "";
      delete el.dataset.i18n;
    }
    const settings = {};
    for (const [key, f] of Object.entries(fields)) write(settings, key.slice("settings.".length), parseNumber(f.input.value));
    submit.disabled = true;
    try {
      const answer = await api("PATCH", "/workspace", { settings });
      for (const [key, f] of Object.entries(fields)) f.input.value = shown(read(answer.settings, key.slice("settings.".length)));
      tr(saved, "settings.saved");
    } catch (err) {
      if (!besideField(fields, err)) showError(alert, err);
    } finally {
      submit.disabled = false;
    }
  }

  return h(
    "form",
    { class: "stack settings", novalidate: true, "aria-labelledby": "settings-ws-title", onsubmit: save },
    h("h2", { id: "settings-ws-title", i18n: ["settings.workspace_title", { name: workspace.name }] }),
    h("p", { class: admin ? "muted" : "note", i18n: admin ? "settings.intro" : "settings.read_only" }),
    sections,
    alert,
    saved,
    admin ? submit : null,
  );
}

// The server's refusal beside the field of the setting it names (a list or an object
// as a whole: beside its first field), in our words where we know them. true if shown.
function besideField(fields, err) {
  if (![400, 422].includes(err.status) || !err.field) return false;
  const f = fields[err.field] || Object.entries(fields).find(([k]) => k.startsWith(`${err.field}[`) || k.startsWith(`${err.field}.`))?.[1];
  if (!f) return false;
  const msg = err.message || "";
  let m;
  if ((m = /must be a number from (\S+) to (\S+)/.exec(msg))) f.error("settings.range", { min: Number(m[1]), max: Number(m[2]) });
  else if ((m = /whole number of days, (\d+) to (\d+)/.exec(msg))) f.error("settings.whole_days", { min: Number(m[1]), max: Number(m[2]) });
  else if (/whole number/.test(msg)) f.error("settings.whole");
  else if (/not be above green/.test(msg)) f.error("settings.amber_above");
  else if (/not all be zero/.test(msg)) f.error("settings.weights_zero");
  else f.error("error.field", { message: msg });
  f.input.focus();
  return true;
}
