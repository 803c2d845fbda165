// views/powerteams.js - #/powerteams: groups of 3 to 5 who all fit each other (SPEC
// §4.2), GET /api/v1/powerteams?network=&min_fit=&top=.
//
// The form: the network (or every profile), the least fit every pair must have (the
// workspace's threshold by default) and how many teams to show. Each team, best first:
// its mean fit, each member with their mean fit to the others, the fit of every pair
// (a small table; each pair links to #/fit) and why they make a team, from the pairs'
// cornerstones (GET /fit/matrix?pairs=true of the same people): the weakest pair
// against the threshold, the cornerstone they share most and least, and their fields.
// The question is kept in the fragment (#/powerteams?network=&min_fit=&top=).

import { api } from "../api.js";
import { field, fieldError, h, showError } from "../dom.js";
import { tr } from "../i18n.js";
import { loadNetworks } from "../people.js";
import { CORNERSTONES } from "./fit.js";
import { choice, networkOptions } from "./ledger.js";

const TOP = 10;
const two = (v) => ({ number: v, minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function powerteamsView(ctx, query = new URLSearchParams()) {
  const network = choice("network", "powerteams.network", []);
  const minFit = field("min_fit", "powerteams.min_fit", { type: "number", min: 0, max: 1, step: 0.05, inputmode: "decimal" }, "powerteams.min_fit_hint");
  const top = field("top", "powerteams.top", { type: "number", min: 1, max: 100, step: 1, inputmode: "numeric", value: TOP });
  const alert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
  const submit = h("button", { type: "submit", class: "primary", i18n: "powerteams.submit" });
  const form = h(
    "form",
    { class: "card stack", novalidate: true, "aria-labelledby": "pt-form-title", onsubmit: send },
    h("h2", { id: "pt-form-title", i18n: "powerteams.form_title" }),
    network.wrap,
    h("div", { class: "pair" }, minFit.wrap, top.wrap),
    alert,
    submit,
  );
  const results = h("div", { class: "stack" }, h("p", { class: "muted", role: "status", i18n: "loading" }));
  const fields = { network, min_fit: minFit, top };

  Promise.all([loadNetworks(), api("GET", "/workspace")])
    .then(([networks, ws]) => {
      network.input.replaceChildren(...networkOptions(networks, "powerteams.all_profiles"));
      minFit.input.placeholder = String(ws.settings?.fit_threshold_power_team ?? 0.5);
      for (const [key, f] of Object.entries(fields)) if (query.get(key)) f.input.value = query.get(key);
      ask(questionOfForm());
    })
    .catch((err) => showError(alert, err));

  function questionOfForm() {
    const q = new URLSearchParams();
    for (const [key, f] of Object.entries(fields)) if (f.input.value.trim()) q.set(key, f.input.value.trim());
    return q;
  }

  function send(event) {
    event.preventDefault();
    const q = questionOfForm();
    history.replaceState(null, "", `#/powerteams?${q}`);
    ask(q);
  }

  let asked = 0;
  async function ask(q) {
    const mine = ++asked;
    for (const f of Object.values(fields)) f.clear();
    alert.textContent = "";
    submit.disabled = true;
    tr(submit, "powerteams.busy");
    const mq = new URLSearchParams({ pairs: "true" });
    if (q.get("network")) mq.set("network", q.get("network"));
    try {
      const [teams, matrix] = await Promise.all([api("GET", `/powerteams?${q}`), api("GET", `/fit/matrix?${mq}`)]);
      if (mine === asked) results.replaceChildren(...show(teams, matrix));
    } catch (err) {
      if (mine !== asked) return;
      results.replaceChildren();
      if (!fieldError(fields, err, wordsFor)) showError(alert, err);
    } finally {
      if (mine === asked) {
        submit.disabled = false;
        tr(submit, "powerteams.submit");
      }
    }
  }

  return h(
    "section",
    { class: "stack wide powerteams" },
    h("h1", { tabindex: -1, i18n: "powerteams.title" }),
    h("p", { class: "muted", i18n: "powerteams.intro" }),
    h("div", { class: "form-layout" }, form, results),
  );
}

function wordsFor(err) {
  if (err.field === "min_fit") return "powerteams.bad_min_fit";
  if (err.field === "top") return "powerteams.bad_top";
  return null;
}

function show(answer, matrix) {
  const pairs = new Map();
  for (const p of matrix.pairs || []) {
    pairs.set(`${p.a.id}-${p.b.id}`, p);
    pairs.set(`${p.b.id}-${p.a.id}`, p);
  }
  const summary = h("p", {
    class: "found",
    role: "status",
    i18n: [
      "powerteams.found",
      {
        teams: { t: "powerteams.teams", vars: { count: answer.found } },
        people: { t: "powerteams.people", vars: { count: answer.candidates } },
        value: two(answer.min_fit),
      },
    ],
  });
  if (!answer.teams.length) {
    return [summary, h("p", { class: "empty", i18n: answer.candidates < 3 ? "powerteams.too_few" : "powerteams.none" })];
  }
  const shown = answer.teams.length < answer.found
    ? h("p", { class: "muted", i18n: ["powerteams.shown", { count: answer.teams.length }] })
    : null;
  return [summary, shown, h("ol", { class: "teams" }, answer.teams.map((team, k) => showTeam(team, k, pairs, answer.min_fit)))];
}

function showTeam(team, k, pairs, threshold) {
  const members = team.members;
  const between = [];
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++) between.push(pairs.get(`${members[i].id}-${members[j].id}`));
  const known = between.filter(Boolean);
  return h(
    "li",
    { class: "team card stack", "data-mean": team.mean_fit, "data-members": members.map((m) => m.id).join(",") },
    h(
      "h2",
      {},
      h("span", { i18n: ["powerteams.team", { number: k + 1 }] }),
      " ",
      h("span", { class: "muted", i18n: ["powerteams.mean", { value: two(team.mean_fit) }] }),
    ),
    h(
      "ul",
      { class: "members" },
      members.map((m) =>
        h(
          "li",
          { "data-person": m.id },
          h("span", { class: "name", text: m.name }),
          " ",
          h("span", { class: "muted", i18n: ["powerteams.contribution", { value: two(m.contribution) }] }),
        ),
      ),
    ),
    known.length === between.length ? [h("h3", { i18n: "powerteams.why" }), whyTeam(known, threshold)] : null,
    pairTable(members, pairs),
  );
}

// Why they make a team, from their pairs' cornerstones.
function whyTeam(list, threshold) {
  const weakest = list.reduce((w, p) => (p.fit < w.fit ? p : w));
  const means = CORNERSTONES.map((_, c) => list.reduce((s, p) => s + p.cornerstones[c].score, 0) / list.length);
  const order = means.map((v, c) => ({ c, v })).sort((x, y) => y.v - x.v || x.c - y.c);
  const best = order[0], worst = order[order.length - 1];
  const spheres = new Set();
  for (const p of list) {
    const f = p.cornerstones[1].facts || {};
    for (const s of [f.sphere_a, f.sphere_b]) if (s) spheres.add(s);
  }
  const sphereList = [...spheres].sort();
  return h(
    "ul",
    { class: "why-team" },
    h("li", {
      i18n: ["powerteams.why_weakest", { a: weakest.a.name, b: weakest.b.name, value: two(weakest.fit), threshold: two(threshold) }],
    }),
    h("li", {
      i18n: ["powerteams.why_cornerstones", { best: { t: `fit.c${best.c + 1}` }, bv: two(best.v), worst: { t: `fit.c${worst.c + 1}` }, wv: two(worst.v) }],
    }),
    sphereList.length === 1
      ? h("li", { i18n: ["powerteams.why_one_sphere", { sphere: { t: `fit.sphere.${sphereList[0]}` } }] })
      : sphereList.length > 1
        ? h(
            "li",
            {},
            h("span", { i18n: ["powerteams.why_spheres", { count: sphereList.length }] }),
            " ",
            sphereList.flatMap((s, i) => [i ? ", " : null, h("span", { class: "sphere", i18n: `fit.sphere.${s}` })]),
          )
        : null,
  );
}

// The fit of each pair of the team, as a small symmetric table; a value links to #/fit.
function pairTable(members, pairs) {
  return h(
    "div",
    { class: "table-scroll" },
    h(
      "table",
      { class: "team-pairs" },
      h("caption", { i18n: "powerteams.pairs_caption" }),
      h("thead", {}, h("tr", {}, h("td", {}), members.map((m) => h("th", { scope: "col", text: m.name })))),
      h(
        "tbody",
        {},
        members.map((a) =>
          h(
            "tr",
            {},
            h("th", { scope: "row", text: a.name }),
            members.map((b) => {
              if (a.id === b.id) return h("td", { class: "num muted", text: "—" });
              const p = pairs.get(`${a.id}-${b.id}`);
              if (!p) return h("td", {});
              return h(
                "td",
                { class: "num", "data-fit": p.fit },
                h("a", { href: `#/fit?a=${encodeURIComponent(a.id)}&b=${encodeURIComponent(b.id)}`, i18n: ["fit.n", { n: two(p.fit) }] }),
              );
            }),
          ),
        ),
      ),
    ),
  );
}
