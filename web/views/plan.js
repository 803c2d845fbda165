// views/plan.js - #/plan: whom to network with, and how well the network covers it
// (SPEC §4.5, seed 002).
//
// The workspace's plans (GET /api/v1/plans), one chosen (#/plan?plan=ID): its owner,
// capacity and target segments, and its coverage (GET /api/v1/coverage?plan=ID): per
// segment the good contacts wanted and had, the gap, and what to do about it, in the
// spec's order: weak contacts to revive, networks to join (with their yearly cost,
// purpose, openness and meeting place) and people reachable by a warm path (each a
// link to #/paths?to=ID). Beside it, the plan's editor (PATCH /api/v1/plans/ID) or a
// new plan's (POST /api/v1/plans); the API's refusals are said beside the field they
// name, segments[N].FIELD included. Under it, every goal's progress
// (GET /api/v1/goals/progress). The segments' words (industries, roles, regions,
// sizes) are the enumerations' labels (enums.js).

import { api } from "../api.js";
import { field, fieldError, h, selectField, showError, statusFailed, viewFrame } from "../dom.js";
import { enumItems, enumKey, enumValues, industryKey, loadEnums } from "../enums.js";
import { goalItem, progressBar } from "../goals.js";
import { fromMajorUnits, tr } from "../i18n.js";

const ATTRIBUTES = ["industry", "role_level", "role_function", "region", "size_class"];
const COUNTRIES = ["SE", "DK", "NO", "FI"];

const strength = (s) => ({ number: s, minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function planView(ctx, query = new URLSearchParams()) {
  const { section, status, body } = viewFrame("plan");
  start();
  return section;

  async function start() {
    let plans, persons, workspace, goals;
    try {
      [, plans, persons, workspace, goals] = await Promise.all([
        loadEnums(),
        api("GET", "/plans?limit=1000"),
        api("GET", "/persons?limit=1000"),
        api("GET", "/workspace"),
        api("GET", "/goals/progress"),
      ]);
    } catch (err) {
      statusFailed(status, err);
      return;
    }
    status.remove();
    const page = planPage(persons.items, workspace.currency, plans.items, query.get("plan"));
    body.append(page, goalsPart(goals.goals, workspace.currency));
  }
}

// The plan chooser, the coverage of the plan chosen and its editor.
function planPage(persons, currency, plans, wanted) {
  const names = new Map(persons.map((p) => [p.id, p.full_name]));
  const ownerName = (plan) => (plan.owner_person ? names.get(plan.owner_person) || plan.owner_person : { t: "plan.no_owner" });
  const picker = selectField("plan-choice", "plan.choose", []);
  const coverage = h("div", { class: "coverage stack" });
  const editor = h("div", { class: "plan-editor" });
  const newButton = h("button", {
    type: "button",
    class: "quiet",
    i18n: "plan.new",
    onclick: () => {
      edit(null);
      editor.querySelector("select").focus(); // keyboard users start on the new form
    },
  });
  let chosen = null;

  function fillPicker() {
    picker.input.replaceChildren(
      ...plans.map((p) => h("option", { value: p.id, i18n: ["plan.option", { id: p.id, owner: ownerName(p) }] })),
    );
    picker.wrap.hidden = !plans.length;
  }

  function choose(id) {
    chosen = plans.find((p) => p.id === id) || plans[0] || null;
    if (!chosen) {
      coverage.replaceChildren(
        h("div", { class: "empty card stack" }, h("p", { class: "none", i18n: "plan.none" }), h("p", { class: "muted", i18n: "plan.none_hint" })),
      );
      edit(null);
      return;
    }
    picker.input.value = chosen.id;
    history.replaceState(null, "", `#/plan?plan=${encodeURIComponent(chosen.id)}`);
    showCoverage(chosen);
    edit(chosen);
  }

  let asked = 0;
  async function showCoverage(plan) {
    const mine = ++asked;
    coverage.setAttribute("aria-busy", "true");
    coverage.replaceChildren(h("p", { class: "muted", i18n: "loading" }));
    let answer;
    try {
      answer = await api("GET", `/coverage?plan=${encodeURIComponent(plan.id)}`);
    } catch (err) {
      if (mine !== asked) return;
      const alert = h("p", { class: "alert", role: "alert" });
      showError(alert, err);
      coverage.replaceChildren(alert);
      coverage.removeAttribute("aria-busy");
      return;
    }
    if (mine !== asked) return;
    coverage.removeAttribute("aria-busy");
    coverage.replaceChildren(...coverageOf(answer.plans[0], currency));
  }

  function edit(plan) {
    editor.replaceChildren(
      planForm(plan, persons, (saved, created) => {
        if (created) plans.push(saved);
        else plans[plans.findIndex((p) => p.id === saved.id)] = saved;
        fillPicker();
        choose(saved.id);
        // the form is drawn anew for the plan saved: say so there, and keep the focus in it
        editor.querySelector(".saved").hidden = false;
        editor.querySelector("button[type=submit]").focus();
      }, () => choose(chosen?.id)),
    );
  }

  picker.input.addEventListener("change", () => choose(picker.input.value));
  fillPicker();
  choose(wanted);
  return h(
    "div",
    { class: "stack" },
    h("div", { class: "plan-bar" }, picker.wrap, newButton),
    h("div", { class: "plan-layout" }, coverage, editor),
  );
}

// --- coverage ---

function coverageOf(c, currency) {
  const owner = c.owner ? c.owner.name : { t: "plan.no_owner" };
  const summary =
    c.capacity_per_month == null
      ? ["plan.summary_no_capacity", { owner, suggested: { t: "plan.people", vars: { count: c.suggested } } }]
      : [
          "plan.summary",
          {
            owner,
            capacity: { t: "plan.per_month", vars: { count: c.capacity_per_month } },
            suggested: { t: "plan.people", vars: { count: c.suggested } },
          },
        ];
  if (!c.segments.length) {
    return [h("h2", { i18n: "plan.coverage" }), h("p", { class: "summary", role: "status", i18n: summary }), h("p", { class: "empty", i18n: "plan.no_segments" })];
  }
  return [
    h("h2", { i18n: "plan.coverage" }),
    h("p", { class: "summary", role: "status", i18n: summary }),
    h("ol", { class: "segments" }, c.segments.map((s, i) => segmentItem(s, i, currency))),
  ];
}

// A segment in words: its attributes' labels, or "anyone" when it sets none.
function segmentWords(segment) {
  const parts = [];
  if (segment.industry) {
    const key = industryKey(segment.industry);
    parts.push(h("span", { i18n: key ? ["plan.industry_words", { code: segment.industry, name: { t: key } }] : null, text: key ? null : segment.industry }));
  }
  for (const name of ["role_level", "role_function", "size_class"]) {
    if (segment[name]) parts.push(h("span", { i18n: enumKey(name, segment[name]) }));
  }
  if (segment.region) {
    const listed = enumValues("region").includes(segment.region);
    parts.push(h("span", { i18n: listed ? enumKey("region", segment.region) : null, text: listed ? null : segment.region }));
  }
  if (!parts.length) return [h("span", { i18n: "plan.anyone" })];
  return parts.flatMap((p, i) => (i ? [", ", p] : [p]));
}

function segmentItem(s, index, currency) {
  const want = s.segment.want ?? 0;
  const share = want > 0 ? s.coverage / want : 1;
  const bar = h("div", { class: "segment-bar", role: "img" }, progressBar(share, { state: s.gap > 0 ? "gap" : "reached" }));
  tr(bar, "plan.bar_label", { coverage: s.coverage, want }, "aria-label");
  return h(
    "li",
    { class: "segment card stack", "data-index": index, "data-coverage": s.coverage, "data-gap": s.gap, "data-want": want },
    h("h3", { class: "segment-name" }, segmentWords(s.segment)),
    h(
      "dl",
      { class: "figures" },
      h("div", {}, h("dt", { i18n: "plan.want" }), h("dd", { class: "want" }, number(want))),
      h("div", {}, h("dt", { i18n: "plan.covered" }), h("dd", { class: "covered" }, number(s.coverage))),
      h("div", {}, h("dt", { i18n: "plan.gap" }), h("dd", { class: "gap" }, number(s.gap))),
    ),
    bar,
    s.gap > 0 ? suggestions(s, currency) : h("p", { class: "muted done", i18n: "plan.segment_covered" }),
  );
}

// A number that relabels with the language (1 234 / 1,234).
function number(n) {
  return h("span", { i18n: ["plan.number", { n }] });
}

// What to do about a gap, in the spec's order.
function suggestions(s, currency) {
  const parts = [];
  if (s.revive.length) {
    parts.push(
      h("h4", { i18n: "plan.revive" }),
      h("p", { class: "hint", i18n: "plan.revive_hint" }),
      h(
        "ul",
        { class: "revive" },
        s.revive.map((p) => h("li", { "data-person": p.id, i18n: ["plan.revive_item", { name: p.name, strength: strength(p.strength) }] })),
      ),
    );
  }
  if (s.networks.length) {
    parts.push(
      h("h4", { i18n: "plan.networks" }),
      h("ul", { class: "networks" }, s.networks.map((n) => networkItem(n, currency))),
    );
  }
  if (s.reachable.length) {
    parts.push(
      h("h4", { i18n: "plan.reach" }),
      h(
        "ul",
        { class: "reachable" },
        s.reachable.map((p) =>
          h(
            "li",
            { "data-person": p.id },
            h("a", { href: `#/paths?to=${encodeURIComponent(p.id)}`, text: p.name }),
            " ",
            h("span", {
              i18n: [
                "plan.reach_item",
                { ask: p.ask.name, strength: strength(p.strength), hops: { t: "plan.ties", vars: { count: p.hops } } },
              ],
            }),
          ),
        ),
      ),
    );
  }
  if (!parts.length) parts.push(h("p", { class: "muted nothing", i18n: "plan.nothing" }));
  return h("div", { class: "suggestions stack" }, parts);
}

function networkItem(n, currency) {
  const cost = n.yearly_cost > 0 ? { t: "plan.a_year", vars: { cost: { money: fromMajorUnits(n.yearly_cost, currency) } } } : { t: "plan.free" };
  const kind = [n.purpose && enumKey("purpose", n.purpose), n.openness && enumKey("openness", n.openness)].filter(Boolean);
  return h(
    "li",
    { "data-network": n.id },
    h("strong", { text: n.name }),
    n.joined ? h("span", { class: "badge", i18n: "plan.joined" }) : null,
    h("br"),
    h("span", { i18n: ["plan.network_item", { members: { t: "plan.members", vars: { count: n.members_in_segment } }, cost }] }),
    kind.length ? [h("br"), kind.map((k, i) => h("span", { class: "muted" }, i ? ", " : "", h("span", { i18n: k })))] : null,
    n.meeting_place ? [h("br"), h("span", { class: "muted", i18n: ["plan.meets_at", { place: n.meeting_place }] })] : null,
  );
}

// --- the editor ---

// The form for plan (null: a new one); saved(record, created) once the API took it.
function planForm(plan, persons, saved, cancel) {
  const isNew = !plan;
  const collator = new Intl.Collator();
  const owner = selectField("plan-owner", "plan.owner", [
    { value: "", i18n: "plan.no_owner_option" },
    ...[...persons].sort((a, b) => collator.compare(a.full_name, b.full_name)).map((p) => ({ value: p.id, text: p.full_name })),
  ]);
  owner.input.value = plan?.owner_person || "";
  const capacity = field(
    "plan-capacity",
    "plan.capacity",
    { type: "number", min: 0, max: 1000, step: 1, inputmode: "numeric", value: plan?.capacity_per_month ?? "" },
    "plan.capacity_hint",
  );
  const list = h("div", { class: "segment-editors stack" });
  const rows = [];
  const alert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
  const done = h("p", { class: "saved", role: "status", hidden: true, i18n: "plan.saved" });
  const submit = h("button", { type: "submit", class: "primary", i18n: isNew ? "plan.create" : "plan.save" });
  let serial = 0;

  function addRow(segment = {}) {
    const row = segmentEditor(++serial, segment, () => {
      rows.splice(rows.indexOf(row), 1);
      row.wrap.remove();
      renumber();
      list.querySelector("select, input")?.focus();
    });
    rows.push(row);
    list.append(row.wrap);
    renumber();
    return row;
  }
  function renumber() {
    rows.forEach((row, i) => row.number(i + 1));
  }
  for (const s of plan?.segments || []) addRow(s);
  if (isNew && !rows.length) addRow();

  const form = h(
    "form",
    { class: "card stack plan-form", novalidate: true, "aria-labelledby": "plan-form-title", onsubmit: send },
    h("h2", { id: "plan-form-title", i18n: isNew ? "plan.new_title" : ["plan.edit_title", { id: plan.id }] }),
    owner.wrap,
    capacity.wrap,
    h("h3", { i18n: "plan.segments" }),
    list,
    h("button", { type: "button", class: "quiet add-segment", i18n: "plan.add_segment", onclick: () => addRow().first.focus() }),
    alert,
    done,
    h("div", { class: "buttons" }, submit, isNew ? h("button", { type: "button", class: "quiet", i18n: "plan.cancel", onclick: cancel }) : null),
  );

  function fields() {
    const all = { owner_person: owner, capacity_per_month: capacity };
    rows.forEach((row, i) => {
      for (const [name, f] of Object.entries(row.fields)) all[`segments[${i}].${name}`] = f;
    });
    return all;
  }

  async function send(event) {
    event.preventDefault();
    const all = fields();
    for (const f of Object.values(all)) f.clear();
    alert.textContent = "";
    delete alert.dataset.i18n;
    done.hidden = true;
    const cap = capacity.input.value.trim();
    const body = {
      owner_person: owner.input.value || null,
      capacity_per_month: cap === "" ? null : Number(cap),
      segments: rows.map((row) => row.value()),
    };
    if (cap !== "" && !/^\d+$/.test(cap)) {
      capacity.error("plan.bad_capacity");
      capacity.input.focus();
      return;
    }
    submit.disabled = true;
    form.setAttribute("aria-busy", "true");
    let record;
    try {
      record = await api(isNew ? "POST" : "PATCH", isNew ? "/plans" : `/plans/${encodeURIComponent(plan.id)}`, body);
    } catch (err) {
      submit.disabled = false;
      form.removeAttribute("aria-busy");
      if (!fieldError(all, err, wordsFor)) showError(alert, err);
      return;
    }
    saved(record, isNew);
  }
  return form;
}

// Our words for the refusals a person can cause; null: the server's, in a sentence.
function wordsFor(err) {
  if (err.field === "capacity_per_month") return "plan.bad_capacity";
  if (/\.want$/.test(err.field)) return "plan.bad_want";
  if (/\.region$/.test(err.field)) return "plan.bad_region";
  return null;
}

// One segment's fields: industry, role level and function, region, size and how many
// good contacts are wanted there.
function segmentEditor(serial, segment, remove) {
  const id = (name) => `segment-${serial}-${name}`;
  const any = { value: "", i18n: "plan.any" };
  const industry = selectField(id("industry"), "plan.industry", [any, ...industryOptions(segment.industry)]);
  const level = selectField(id("role_level"), "plan.role_level", [any, ...enumOptions("role_level")]);
  const fn = selectField(id("role_function"), "plan.role_function", [any, ...enumOptions("role_function")]);
  const region = selectField(id("region"), "plan.region", [any, ...regionOptions(segment.region)]);
  const size = selectField(id("size_class"), "plan.size_class", [any, ...enumOptions("size_class")]);
  const want = field(id("want"), "plan.want_field", { type: "number", min: 0, max: 100000, step: 1, inputmode: "numeric" });
  const fields = { industry, role_level: level, role_function: fn, region, size_class: size, want };
  industry.wrap.classList.add("span-2"); // the long names get the whole row
  region.wrap.classList.add("span-2");
  for (const name of ATTRIBUTES) fields[name].input.value = segment[name] || "";
  want.input.value = segment.want ?? "";
  const legend = h("legend");
  const removeButton = h("button", { type: "button", class: "quiet remove-segment", onclick: remove });
  const wrap = h(
    "fieldset",
    { class: "segment-editor" },
    legend,
    h("div", { class: "grid" }, industry.wrap, level.wrap, fn.wrap, region.wrap, size.wrap, want.wrap),
    removeButton,
  );
  return {
    wrap,
    fields,
    first: industry.input,
    number(n) {
      tr(legend, "plan.segment_n", { n });
      tr(removeButton, "plan.remove_segment", { n });
    },
    // the segment as the API takes it: only what is set
    value() {
      const out = {};
      for (const name of ATTRIBUTES) if (fields[name].input.value) out[name] = fields[name].input.value;
      const w = want.input.value.trim();
      if (w !== "") out.want = /^-?\d+$/.test(w) ? Number(w) : w;
      return out;
    },
  };
}

function enumOptions(name) {
  return enumValues(name).map((value) => ({ value, i18n: enumKey(name, value) }));
}

// NACE sections, each a group with the section itself and its divisions; a group or
// class already in the plan ("68.1") is offered too, so that saving keeps it.
function industryOptions(current) {
  const items = enumItems("nace");
  const codes = items.map((item) => item.name);
  const sections = items.filter((item) => !item.section).map((item) => item.name);
  const groups = sections.map((letter) => {
    const group = h(
      "optgroup",
      {},
      h("option", { value: letter, i18n: ["plan.industry_section", { code: letter, name: { t: enumKey("nace", letter) } }] }),
      items
        .filter((item) => item.section === letter)
        .map((item) => h("option", { value: item.name, i18n: ["plan.industry_words", { code: item.name, name: { t: enumKey("nace", item.name) } }] })),
    );
    tr(group, "plan.industry_words", { code: letter, name: { t: enumKey("nace", letter) } }, "label");
    return group;
  });
  if (current && !codes.includes(current)) {
    const key = industryKey(current);
    groups.unshift(h("option", { value: current, i18n: key ? ["plan.industry_words", { code: current, name: { t: key } }] : null, text: key ? null : current }));
  }
  return groups;
}

// The regions of data/ by country; a free-text region already in the plan is offered too.
function regionOptions(current) {
  const codes = enumValues("region");
  const out = COUNTRIES.map((country) => {
    const group = h(
      "optgroup",
      {},
      codes.filter((c) => c.startsWith(`${country}-`)).map((c) => h("option", { value: c, i18n: enumKey("region", c) })),
    );
    tr(group, `plan.country_${country.toLowerCase()}`, undefined, "label");
    return group;
  });
  if (current && !codes.includes(current)) out.unshift(h("option", { value: current, text: current }));
  return out;
}

// --- goals ---

function goalsPart(goals, currency) {
  return h(
    "section",
    { class: "stack goals-part", "aria-labelledby": "plan-goals-title" },
    h("h2", { id: "plan-goals-title", i18n: "plan.goals" }),
    h("p", { class: "muted", i18n: "plan.goals_intro" }),
    goals.length
      ? h("ul", { class: "goals" }, goals.map((g) => goalItem(g, { currency, whose: true })))
      : h("p", { class: "empty", i18n: "plan.no_goals" }),
  );
}
