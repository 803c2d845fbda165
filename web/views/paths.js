// views/paths.js - #/paths: who can introduce me? Warm introduction paths (SPEC §4.7),
// GET /api/v1/path.
//
// The form: From (a person; empty: any member of the workspace), whom to reach (a
// person, or anyone at an organisation), how many paths (k) and how long a chain
// (max_hops); names are offered from GET /persons and /organisations in <datalist>s.
// The answer is an ordered list, the warmest path first: its strength, whom to ask for
// the introduction (none for a direct tie), and each tie with its strength and last
// contact. An error the API ties to a field is said beside that field.
//
// The question is kept in the URL's fragment (#/paths?from=&to=&organisation=&k=&
// max_hops=): such a URL fills the form and asks at once, which is how the map links
// here (#/paths?to=ID), and a reload asks again.

import { api } from "../api.js";
import { field, fieldError, h, showError } from "../dom.js";
import { tr } from "../i18n.js";

const KEYS = ["from", "to", "organisation", "k", "max_hops"];

export function pathsView(ctx, query = new URLSearchParams()) {
  const from = field("from", "paths.from", { list: "paths-persons", autocomplete: "off" }, "paths.from_hint");
  const to = field("to", "paths.to", { list: "paths-persons", autocomplete: "off" });
  const org = field("organisation", "paths.organisation", { list: "paths-organisations", autocomplete: "off" });
  const k = field("k", "paths.k", { type: "number", min: 1, max: 20, step: 1, inputmode: "numeric", value: 3 }, "paths.k_hint");
  const hops = field(
    "max_hops",
    "paths.max_hops",
    { type: "number", min: 1, max: 6, step: 1, inputmode: "numeric", value: 3 },
    "paths.max_hops_hint",
  );
  const fields = { from, to, organisation: org, k, max_hops: hops };

  const mode = (value, key) =>
    h(
      "label",
      { class: "choice" },
      h("input", { type: "radio", name: "reach", value, checked: value === "person", onchange: showMode }),
      h("span", { i18n: key }),
    );
  const reach = h(
    "fieldset",
    { class: "reach" },
    h("legend", { i18n: "paths.reach" }),
    h("div", { class: "choices" }, mode("person", "paths.reach_person"), mode("organisation", "paths.reach_org")),
    to.wrap,
    org.wrap,
  );
  const persons = h("datalist", { id: "paths-persons" });
  const organisations = h("datalist", { id: "paths-organisations" });
  const alert = h("p", { id: "paths-alert", class: "alert", role: "alert", "aria-live": "assertive" });
  const submit = h("button", { type: "submit", class: "primary", i18n: "paths.submit" });
  const form = h(
    "form",
    { class: "card stack paths-form", novalidate: true, "aria-labelledby": "paths-title", onsubmit: send },
    from.wrap,
    reach,
    h("div", { class: "pair" }, k.wrap, hops.wrap),
    alert,
    submit,
    persons,
    organisations,
  );
  // the answer's first line is a role="status" region: read out without the whole list
  const results = h("div", { class: "results stack" });

  function organisationMode() {
    return form.elements.reach.value === "organisation";
  }
  function showMode() {
    const byOrg = organisationMode();
    to.wrap.hidden = byOrg;
    org.wrap.hidden = !byOrg;
  }

  // the names to offer; a name two people share is offered as an e-mail (or id) of each
  const names = load();
  async function load() {
    const [people, orgs] = await Promise.all([
      api("GET", "/persons?limit=1000").catch(() => ({ items: [] })),
      api("GET", "/organisations?limit=1000").catch(() => ({ items: [] })),
    ]);
    const seen = new Map();
    for (const p of people.items) seen.set(p.full_name, (seen.get(p.full_name) || 0) + 1);
    const byId = new Map();
    for (const p of people.items) {
      const unique = seen.get(p.full_name) === 1;
      const value = unique ? p.full_name : p.emails?.[0] || p.id;
      byId.set(p.id, value);
      persons.append(h("option", { value, label: unique ? null : p.full_name }));
    }
    for (const o of orgs.items) organisations.append(h("option", { value: o.name }));
    return byId;
  }

  // the question of the URL: fill the form, and ask
  for (const key of KEYS) {
    if (query.has(key)) fields[key].input.value = query.get(key);
  }
  if (query.has("organisation") && !query.has("to")) {
    form.elements.reach.value = "organisation";
  }
  showMode();
  if (query.has("to") || query.has("organisation")) {
    names.then((byId) => {
      // an id from the map: show the person's name where it is theirs alone
      for (const f of [from, to]) {
        const v = f.input.value.trim();
        if (byId.has(v)) f.input.value = byId.get(v);
      }
      ask(questionOfUrl());
    });
  }

  function questionOfUrl() {
    const params = new URLSearchParams();
    for (const key of KEYS) if (query.get(key)) params.set(key, query.get(key));
    return params;
  }

  function clear() {
    for (const f of Object.values(fields)) f.clear();
    alert.textContent = "";
    delete alert.dataset.i18n;
  }

  function busy(on) {
    submit.disabled = on;
    form.setAttribute("aria-busy", String(on));
    tr(submit, on ? "paths.busy" : "paths.submit");
  }

  function send(event) {
    event.preventDefault();
    clear();
    const target = organisationMode() ? org : to;
    const params = new URLSearchParams();
    const fromValue = from.input.value.trim();
    if (fromValue) params.set("from", fromValue);
    const targetValue = target.input.value.trim();
    if (!targetValue) {
      target.error(target === org ? "paths.need_org" : "paths.need_to");
      target.input.focus();
      return;
    }
    params.set(target === org ? "organisation" : "to", targetValue);
    for (const f of [k, hops]) {
      const v = f.input.value.trim();
      if (v) params.set(f.input.name, v);
    }
    // the question into the URL, without a new view: a reload asks it again
    history.replaceState(null, "", `#/paths?${params}`);
    ask(params);
  }

  let asked = 0;
  async function ask(params) {
    const mine = ++asked;
    busy(true);
    let answer;
    try {
      answer = await api("GET", `/path?${params}`);
    } catch (err) {
      if (mine !== asked) return;
      busy(false);
      results.replaceChildren();
      if (!fieldError(fields, err, wordsFor)) showError(alert, err);
      return;
    }
    if (mine !== asked) return;
    busy(false);
    results.replaceChildren(...show(answer));
  }

  return h(
    "section",
    { class: "stack wide" },
    h("h1", { id: "paths-title", tabindex: -1, i18n: "paths.title" }),
    h("p", { class: "muted", i18n: "paths.intro" }),
    h("div", { class: "form-layout" }, form, results),
  );
}

// Our words for the errors a person can make in the form; null: the server's.
function wordsFor(err) {
  if (err.code === "not_found") return err.field === "organisation" ? "paths.unknown_org" : "paths.unknown_person";
  if (err.code === "ambiguous") return "paths.ambiguous";
  if (err.code === "usage" && err.field === "k") return "paths.bad_k";
  if (err.code === "usage" && err.field === "max_hops") return "paths.bad_max_hops";
  return null;
}

// The name a path's end goes by: a person, or anyone at an organisation.
function target(to) {
  return to.organisation !== undefined ? { t: "paths.anyone_at", vars: { name: to.name } } : to.name;
}

const strength = (s) => ({ number: s, minimumFractionDigits: 2, maximumFractionDigits: 2 });

function show(answer) {
  const fromName = answer.from === "members" ? { t: "paths.any_member" } : answer.from.name;
  const heading = h("h2", { i18n: ["paths.heading", { from: fromName, to: target(answer.to) }] });
  if (!answer.found) {
    return [
      heading,
      h(
        "div",
        { class: "empty", role: "status" },
        h("p", { class: "none", i18n: ["paths.none", { count: answer.max_hops }] }),
        h("p", { class: "muted", i18n: "paths.none_hint" }),
      ),
    ];
  }
  return [
    heading,
    h("p", { class: "found", role: "status", i18n: ["paths.found", { count: answer.found }] }),
    h(
      "ol",
      { class: "paths" },
      answer.paths.map((p, i) => {
        const first = p.hops[0];
        const last = p.hops[p.hops.length - 1];
        let asking;
        if (!p.ask) asking = ["paths.direct", { from: first.from.name, to: last.to.name }];
        else if (answer.from === "members") asking = ["paths.ask_from", { start: first.from.name, name: p.ask.name }];
        else asking = ["paths.ask", { name: p.ask.name }];
        return h(
          "li",
          { class: "path", "data-rank": i + 1, "data-strength": p.strength, "data-ask": p.ask?.id ?? "" },
          h(
            "p",
            { class: "path-head" },
            h("span", { class: "strength", i18n: ["paths.strength", { value: strength(p.strength) }] }),
            h("span", { class: "muted", i18n: ["paths.ties", { count: p.hops_count }] }),
          ),
          h("p", { class: p.ask ? "ask" : "ask direct", i18n: asking }),
          h(
            "ol",
            { class: "hops" },
            p.hops.map((hop) =>
              h("li", {
                i18n: hop.last
                  ? ["paths.hop", { from: hop.from.name, to: hop.to.name, strength: strength(hop.strength), last: { date: hop.last } }]
                  : ["paths.hop_never", { from: hop.from.name, to: hop.to.name, strength: strength(hop.strength) }],
              }),
            ),
          ),
        );
      }),
    ),
  ];
}
