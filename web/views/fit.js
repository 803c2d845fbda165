// views/fit.js - #/fit: partner fit by the five cornerstones (SPEC §4.1).
//
// One form asks two questions: with a person (A) alone, who are their best referral
// partners (GET /partners?person=A); with a partner (B) too, how well the two fit
// (GET /fit?a=A&b=B): the fit, a veto if there is one, and each cornerstone with its
// score, its weight and why, said in the page's language from the cornerstone's facts
// (the API's reasons are English). The question is kept in the fragment
// (#/fit?a=&b=), so the other pages link here.
//
// Under it, the fit matrix of the workspace or of one network's members as a heat map
// (GET /fit/matrix?pairs=false): one cell per pair (the lower triangle), coloured by
// fit, the names on both axes. The value shows on hover and on focus; the cells are one
// stop for Tab, the arrow keys move between them (a roving tabindex), and Enter or a
// click asks that pair's fit above. The matrix is also a table, for screen readers.

import { api } from "../api.js";
import { field, fieldError, h, showError, svg } from "../dom.js";
import { tr } from "../i18n.js";
import { loadNetworks, loadPeople } from "../people.js";
import { choice, networkOptions, unresolved } from "./ledger.js";

export const CORNERSTONES = ["liking", "field", "direction", "people_and_stage", "both_earn"];
const TOP = 10; // partners listed
const CELL = 26; // a heat map cell, in px
const FONT = 12;
const HEAT = 9; // colour steps, .heat-0 … .heat-8 in app.css; 0 exactly (a veto) is .heat-zero

const two = (v) => ({ number: v, minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function fitView(ctx, query = new URLSearchParams()) {
  const a = field("a", "fit.a", { list: "fit-persons", autocomplete: "off" }, "fit.a_hint");
  const b = field("b", "fit.b", { list: "fit-persons", autocomplete: "off" }, "fit.b_hint");
  const alert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
  const submit = h("button", { type: "submit", class: "primary", i18n: "fit.submit" });
  const form = h(
    "form",
    { class: "card stack fit-form", novalidate: true, "aria-labelledby": "fit-form-title", onsubmit: send },
    h("h2", { id: "fit-form-title", i18n: "fit.form_title" }),
    a.wrap,
    b.wrap,
    alert,
    submit,
  );
  const pairBox = h("div", { class: "stack pair-answer" });
  const partnersBox = h("div", { class: "stack partners-answer" });
  const network = choice("matrix-network", "fit.network", []);
  network.input.addEventListener("change", () => drawMatrix());
  const matrixBox = h("div", { class: "stack" }, h("p", { class: "muted", role: "status", i18n: "loading" }));

  const section = h(
    "section",
    { class: "stack wide fit" },
    h("h1", { tabindex: -1, i18n: "fit.title" }),
    h("p", { class: "muted", i18n: "fit.intro" }),
    h("div", { class: "form-layout" }, form, h("div", { class: "stack" }, pairBox, partnersBox)),
    h(
      "section",
      { class: "stack", "aria-labelledby": "matrix-title" },
      h("h2", { id: "matrix-title", i18n: "fit.matrix_title" }),
      h("p", { class: "muted", i18n: "fit.matrix_intro" }),
      h("div", { class: "row" }, network.wrap),
      matrixBox,
    ),
  );

  let people = null;
  Promise.all([loadPeople(), loadNetworks()])
    .then(([p, networks]) => {
      people = p;
      form.append(people.datalist("fit-persons"));
      network.input.replaceChildren(...networkOptions(networks, "fit.all_profiles"));
      if (query.get("network")) network.input.value = query.get("network");
      if (query.get("a")) a.input.value = people.label(query.get("a"));
      if (query.get("b")) b.input.value = people.label(query.get("b"));
      if (query.get("a")) ask(query.get("a"), query.get("b"));
      drawMatrix();
    })
    .catch((err) => showError(alert, err));

  function send(event) {
    event.preventDefault();
    a.clear();
    b.clear();
    alert.textContent = "";
    const found = people.find(a.input.value);
    if (unresolved(a, found)) return a.input.focus();
    let other = null;
    if (b.input.value.trim()) {
      const fb = people.find(b.input.value);
      if (unresolved(b, fb)) return b.input.focus();
      other = fb.id;
    }
    ask(found.id, other);
  }

  // A pair from the heat map: into the form, and asked.
  function pick(idA, idB) {
    a.input.value = people.label(idA);
    b.input.value = people.label(idB);
    a.clear();
    b.clear();
    ask(idA, idB).then(() => pairBox.querySelector("h2")?.focus());
  }

  let asked = 0;
  async function ask(idA, idB) {
    const mine = ++asked;
    const q = new URLSearchParams({ a: idA });
    if (idB) q.set("b", idB);
    if (network.input.value) q.set("network", network.input.value);
    history.replaceState(null, "", `#/fit?${q}`);
    submit.disabled = true;
    tr(submit, "fit.busy");
    try {
      const [pair, partners] = await Promise.all([
        idB ? api("GET", `/fit?a=${encodeURIComponent(idA)}&b=${encodeURIComponent(idB)}`) : null,
        api("GET", `/partners?person=${encodeURIComponent(idA)}&top=${TOP}`),
      ]);
      if (mine !== asked) return;
      pairBox.replaceChildren(...(pair ? showPair(pair) : []));
      partnersBox.replaceChildren(...showPartners(partners, pick));
    } catch (err) {
      if (mine !== asked) return;
      pairBox.replaceChildren();
      partnersBox.replaceChildren();
      if (err.field === "profile") {
        // one of the two has no profile: the message starts with that person's name
        const f = idB && err.message.startsWith(people.name(idB)) ? b : a;
        f.error("fit.no_profile", { value: people.name(f === b ? idB : idA) });
      } else if (!fieldError({ a, b, person: a }, err, wordsFor)) showError(alert, err);
    } finally {
      if (mine === asked) {
        submit.disabled = false;
        tr(submit, "fit.submit");
      }
    }
  }

  let drawn = 0;
  async function drawMatrix() {
    const mine = ++drawn;
    const q = network.input.value ? `?network=${encodeURIComponent(network.input.value)}&pairs=false` : "?pairs=false";
    matrixBox.replaceChildren(h("p", { class: "muted", role: "status", i18n: "loading" }));
    let m;
    try {
      m = await api("GET", `/fit/matrix${q}`);
    } catch (err) {
      if (mine !== drawn) return;
      const p = h("p", { class: "alert", role: "alert" });
      showError(p, err);
      matrixBox.replaceChildren(p);
      return;
    }
    if (mine === drawn) matrixBox.replaceChildren(...heatMap(m, pick));
  }

  return section;
}

// Our words for the errors a person can make in the form; null: the server's.
function wordsFor(err) {
  if (err.code === "not_found") return "fit.unknown_person";
  if (err.code === "ambiguous") return "fit.ambiguous";
  return null;
}

// --- one pair ---

// The words for a fit: strong, good (the power-team threshold's default), weak, none.
export function fitWord(fit) {
  if (fit === 0) return "fit.word_none";
  if (fit >= 0.7) return "fit.word_strong";
  if (fit >= 0.5) return "fit.word_good";
  return "fit.word_weak";
}

function showPair(r) {
  const head = [
    h("h2", { tabindex: -1, i18n: ["fit.pair_heading", { a: r.a.name, b: r.b.name }] }),
    h(
      "p",
      { class: "fit-value", "data-fit": r.fit },
      h("span", { class: "big", i18n: ["fit.value", { value: two(r.fit) }] }),
      " ",
      h("span", { i18n: fitWord(r.fit) }),
    ),
  ];
  if (r.veto) head.push(h("p", { class: "veto", i18n: r.cornerstones[1].score === 0 ? "fit.veto_competitors" : "fit.veto_liking" }));
  else head.push(h("p", { class: "muted", i18n: "fit.geometric" }));
  return [
    ...head,
    h(
      "ol",
      { class: "cornerstones" },
      r.cornerstones.map((c, i) =>
        h(
          "li",
          { "data-cornerstone": c.cornerstone, "data-score": c.score },
          h(
            "div",
            { class: "cornerstone-head" },
            h("h3", { i18n: [`fit.c${i + 1}`, {}] }),
            h("meter", { min: 0, max: 1, low: 0.4, high: 0.7, optimum: 1, value: c.score, "aria-hidden": "true" }),
            h("span", { class: "score", i18n: ["fit.score", { value: two(c.score) }] }),
            h("span", { class: "muted weight", i18n: ["fit.weight", { value: two(c.weight) }] }),
          ),
          h("p", { class: "why", i18n: why(c, r) }),
        ),
      ),
    ),
  ];
}

// A list of texts as one text that relabels: "{a}, {b}" nested, so "small, medium-sized".
const listOf = (keys) => keys.map((k) => ({ t: k })).reduceRight((rest, item) => ({ t: "fit.list", vars: { a: item, b: rest } }));
const sizeNames = (list) => listOf(list.map((x) => `fit.size.${x}`));
const money = (v, currency) => ({ number: v, style: "currency", currency, maximumFractionDigits: 0 });

// A cornerstone's reason in words, from its facts (seen from a).
export function why(c, r) {
  const f = c.facts || {};
  const A = r.a.name, B = r.b.name;
  switch (c.cornerstone) {
    case "liking":
      if (f.liking_a && f.liking_b) return ["fit.why.liking", { a: A, b: B, la: f.liking_a, lb: f.liking_b }];
      return [f.liking_a || f.liking_b ? "fit.why.liking_one" : "fit.why.liking_none", {}];
    case "field": {
      const sphere = (s) => ({ t: s ? `fit.sphere.${s}` : "fit.sphere_unknown" });
      if (f.competitor_listed_by) {
        const lister = f.competitor_listed_by.id === r.a.id ? A : B;
        return ["fit.why.listed", { who: lister, other: lister === A ? B : A }];
      }
      if (f.offerings_overlap !== null && f.offerings_overlap >= 0.5) {
        return ["fit.why.same_offerings", { sphere: sphere(f.sphere_a), value: two(f.offerings_overlap) }];
      }
      if (f.sphere_a && f.sphere_a === f.sphere_b) return ["fit.why.same_sphere", { sphere: sphere(f.sphere_a) }];
      return ["fit.why.other_sphere", { a: A, b: B, sa: sphere(f.sphere_a), sb: sphere(f.sphere_b) }];
    }
    case "direction":
      return [
        "fit.why.direction",
        {
          industries: f.shared_industries?.length
            ? { t: "fit.why.industries", vars: { value: two(f.industries), codes: f.shared_industries.join(", ") } }
            : { t: "fit.why.no_industries" },
          sizes: f.shared_sizes?.length
            ? { t: "fit.why.sizes", vars: { value: two(f.sizes), sizes: sizeNames(f.shared_sizes) } }
            : { t: "fit.why.no_sizes" },
        },
      ];
    case "people_and_stage":
      return [f.same_stages ? "fit.why.same_stages" : "fit.why.other_stages", { roles: two(f.roles ?? 0), themes: two(f.themes ?? 0) }];
    case "both_earn": {
      const prior =
        f.deals === "known"
          ? { t: "fit.why.deals", vars: { a: money(f.deal_a, f.deal_currency), b: money(f.deal_b, f.deal_currency), value: two(f.prior) } }
          : { t: f.deals === "two_currencies" ? "fit.why.deals_two" : "fit.why.deals_unknown", vars: { value: two(f.prior) } };
      let history;
      if (!f.closed_deals) history = { t: "fit.why.no_closed" };
      else if (f.mixed_currencies) history = { t: "fit.why.closed_mixed" };
      else
        history = {
          t: "fit.why.closed",
          vars: {
            count: f.closed_deals,
            ab: money(f.closed_a_to_b, f.closed_currency),
            ba: money(f.closed_b_to_a, f.closed_currency),
            value: two(f.history),
          },
        };
      return ["fit.why.earn", { prior, history }];
    }
    default:
      return ["fit.why.other", { reason: c.reason }];
  }
}

// --- the best partners of a person ---

function showPartners(answer, pick) {
  const heading = h("h2", { i18n: ["fit.partners_heading", { name: answer.person.name }] });
  if (!answer.partners.length) return [heading, h("p", { class: "empty", i18n: "fit.no_partners" })];
  return [
    heading,
    h(
      "ol",
      { class: "partners" },
      answer.partners.map((p) => {
        const ranked = p.cornerstones.map((c, i) => ({ i, score: c.score })).sort((x, y) => y.score - x.score || x.i - y.i);
        const best = ranked[0], worst = ranked[ranked.length - 1];
        const link = h("a", {
          href: `#/fit?a=${encodeURIComponent(p.a.id)}&b=${encodeURIComponent(p.b.id)}`,
          text: p.b.name,
          onclick: (e) => {
            e.preventDefault();
            pick(p.a.id, p.b.id);
          },
        });
        return h(
          "li",
          { "data-person": p.b.id, "data-fit": p.fit },
          h(
            "p",
            { class: "partner-head" },
            link,
            h("meter", { min: 0, max: 1, low: 0.4, high: 0.7, optimum: 1, value: p.fit, "aria-hidden": "true" }),
            h("span", { class: "score", i18n: ["fit.value", { value: two(p.fit) }] }),
          ),
          h(
            "p",
            { class: "muted" },
            p.veto
              ? h("span", { i18n: p.cornerstones[1].score === 0 ? "fit.veto_competitors" : "fit.veto_liking" })
              : h("span", {
                  i18n: [
                    "fit.strongest",
                    {
                      best: { t: `fit.c${best.i + 1}` },
                      bv: two(best.score),
                      worst: { t: `fit.c${worst.i + 1}` },
                      wv: two(worst.score),
                    },
                  ],
                }),
          ),
        );
      }),
    ),
  ];
}

// --- the heat map ---

// The colour class of a fit: nine steps over (0, 1], and 0 apart.
export function heatClass(fit) {
  if (fit <= 0) return "heat-zero";
  return `heat-${Math.min(HEAT - 1, Math.floor(fit * HEAT))}`;
}

// The fit as the CLI's pairs give it: rounded to four decimals.
const round4 = (v) => Math.round(v * 1e4) / 1e4;

function heatMap(m, pick) {
  const people = m.people;
  const n = people.length;
  if (n < 2) return [h("p", { class: "empty", i18n: "fit.matrix_empty" })];
  const longest = Math.max(...people.map((p) => p.name.length));
  const labelW = Math.ceil(longest * FONT * 0.62) + 10;
  const side = (n - 1) * CELL;
  const W = labelW + side + 4, H = labelW + side + 4;
  const x = (j) => labelW + j * CELL;
  const y = (i) => labelW + (i - 1) * CELL;

  // row i (1 … n-1) holds the pairs (i, j) with j < i
  const rowLabels = people.slice(1).map((p, k) =>
    svg("text", { class: "row-name", "data-row": k + 1, x: labelW - 6, y: y(k + 1) + CELL / 2 + FONT / 3, "text-anchor": "end", "font-size": FONT, text: p.name }),
  );
  const colLabels = people.slice(0, n - 1).map((p, j) =>
    svg("text", {
      class: "col-name",
      "data-col": j,
      transform: `translate(${x(j) + CELL / 2 + FONT / 3} ${labelW - 6}) rotate(-90)`,
      "font-size": FONT,
      text: p.name,
    }),
  );
  const cells = [];
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const fit = m.matrix[i][j];
      const pa = people[j], pb = people[i]; // the pair in id order, as the CLI lists it
      const cell = svg(
        "a",
        {
          class: "cell",
          href: `#/fit?a=${encodeURIComponent(pa.id)}&b=${encodeURIComponent(pb.id)}`,
          tabindex: -1,
          "data-a": pa.id,
          "data-b": pb.id,
          "data-i": i,
          "data-j": j,
          "data-fit": round4(fit),
        },
        svg("rect", { class: heatClass(fit), x: x(j) + 1, y: y(i) + 1, width: CELL - 2, height: CELL - 2 }),
      );
      tr(cell, "fit.cell", { a: pa.name, b: pb.name, value: two(fit) }, "aria-label");
      cells.push(cell);
    }
  }
  cells[0].setAttribute("tabindex", "0");

  const picture = svg(
    "svg",
    { class: "heatmap", width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "group" },
    svg("g", { class: "names", "aria-hidden": "true" }, rowLabels, colLabels),
    svg("g", { class: "cells" }, cells),
  );
  tr(picture, "fit.heat_label", { people: { t: "fit.people", vars: { count: n } } }, "aria-label");
  const readout = h("p", { class: "readout", "aria-hidden": "true", i18n: "fit.readout_hint" });

  // hover and focus: the value in the readout, the pair's names lit
  function light(cell) {
    for (const el of picture.querySelectorAll(".lit")) el.classList.remove("lit");
    if (!cell) return tr(readout, "fit.readout_hint");
    const i = cell.dataset.i, j = cell.dataset.j;
    cell.classList.add("lit");
    picture.querySelector(`.row-name[data-row="${i}"]`)?.classList.add("lit");
    picture.querySelector(`.col-name[data-col="${j}"]`)?.classList.add("lit");
    tr(readout, "fit.cell", { a: people[j].name, b: people[i].name, value: two(Number(cell.dataset.fit)) });
  }
  const cellOf = (e) => e.target.closest?.("a.cell");
  const focused = () => document.activeElement?.closest?.("a.cell");
  // the pointer over a cell shows that cell; anywhere else the focused one, if any
  picture.addEventListener("mouseover", (e) => light(cellOf(e) || focused()));
  picture.addEventListener("mouseleave", () => light(focused()));
  picture.addEventListener("focusin", (e) => light(cellOf(e)));
  picture.addEventListener("click", (e) => {
    const cell = cellOf(e);
    if (!cell) return;
    e.preventDefault();
    pick(cell.dataset.a, cell.dataset.b);
  });
  // the arrow keys move within the triangle; Home and End to a row's ends
  picture.addEventListener("keydown", (e) => {
    const cell = cellOf(e);
    if (!cell) return;
    let i = Number(cell.dataset.i), j = Number(cell.dataset.j);
    if (e.key === "ArrowUp") i = Math.max(j + 1, i - 1);
    else if (e.key === "ArrowDown") i = Math.min(n - 1, i + 1);
    else if (e.key === "ArrowLeft") j = Math.max(0, j - 1);
    else if (e.key === "ArrowRight") j = Math.min(i - 1, j + 1);
    else if (e.key === "Home") j = 0;
    else if (e.key === "End") j = i - 1;
    else return;
    e.preventDefault();
    const next = picture.querySelector(`a.cell[data-i="${i}"][data-j="${j}"]`);
    if (!next || next === cell) return;
    cell.setAttribute("tabindex", "-1");
    next.setAttribute("tabindex", "0");
    next.focus();
  });

  const legend = h(
    "ol",
    { class: "heat-legend" },
    h("li", {}, h("span", { class: "swatch-sq heat-zero", "aria-hidden": "true" }), h("span", { i18n: "fit.legend_zero" })),
    Array.from({ length: HEAT }, (_, k) =>
      h(
        "li",
        {},
        h("span", { class: `swatch-sq heat-${k}`, "aria-hidden": "true" }),
        h("span", { i18n: ["fit.legend_step", { from: two(k / HEAT), to: two((k + 1) / HEAT) }] }),
      ),
    ),
  );
  tr(legend, "fit.legend", undefined, "aria-label");

  const table = h(
    "details",
    { class: "as-text" },
    h("summary", { i18n: "fit.matrix_as_table" }),
    h(
      "div",
      { class: "table-scroll" },
      h(
        "table",
        { class: "fit-matrix" },
        h(
          "thead",
          {},
          h("tr", {}, h("td", {}), people.slice(0, n - 1).map((p) => h("th", { scope: "col", text: p.name }))),
        ),
        h(
          "tbody",
          {},
          people.slice(1).map((p, k) =>
            h(
              "tr",
              {},
              h("th", { scope: "row", text: p.name }),
              people.slice(0, n - 1).map((_, j) =>
                j <= k ? h("td", { class: "num", i18n: ["fit.n", { n: two(m.matrix[k + 1][j]) }] }) : h("td", {}),
              ),
            ),
          ),
        ),
      ),
    ),
  );

  return [
    h("p", { class: "caption", i18n: ["fit.matrix_caption", { people: { t: "fit.people", vars: { count: n } }, pairs: { t: "fit.pairs", vars: { count: (n * (n - 1)) / 2 } } }] }),
    h("div", { class: "heat-frame" }, picture),
    readout,
    legend,
    table,
  ];
}
