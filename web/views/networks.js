// views/networks.js - #/networks: what each formal network costs and returns, and
// whether to keep it (SPEC §4.6, seed 003).
//
// GET /api/v1/roi?from=&to= (default: the 365 days up to today) for every network, with
// GET /api/v1/networks for what each is (purpose, openness, fee, meetings). First a
// chart drawn here as SVG: per network a bar of its cost (fees and time, stacked) and
// one of the money it returned, with the ROI beside its name; the same figures as a
// table under it. Then a card per network: cost and return, the returns that are not
// money (each a goal metric), the network's goals against their targets and periods,
// the diversity of its members (Blau over industry sections and role functions), and
// the verdict (keep, review, leave) with its reasons, said from the API's codes (why)
// in the page's language. The period is a form kept in the URL (#/networks?from=&to=).

import { api } from "../api.js";
import { field, fieldError, h, showError, svg } from "../dom.js";
import { enumKey, loadEnums } from "../enums.js";
import { day, goalItem } from "../goals.js";
import { fromMajorUnits, tr } from "../i18n.js";

const RETURNS = ["customer_meetings", "referrals_given", "referrals_received", "new_contacts", "ideas", "one_to_ones"];
const CHART_W = 480; // the chart's frame, in SVG units
const NAME_H = 20; // a network's name line
const BAR_H = 14;
const GAP = 4;
const GROUP_H = NAME_H + 2 * BAR_H + GAP + 16;
const LABEL_ROOM = 180; // right of the longest bar, for its amount

export const percent = (x) => ({ number: x, style: "percent", maximumFractionDigits: 0 });
const twoDecimals = (x) => ({ number: x, minimumFractionDigits: 2, maximumFractionDigits: 2 });
const money = (amount, currency, whole = false) =>
  whole ? { money: fromMajorUnits(amount, currency), minimumFractionDigits: 0, maximumFractionDigits: 0 } : { money: fromMajorUnits(amount, currency) };

export function networksView(ctx, query = new URLSearchParams()) {
  const from = field("roi-from", "networks.from", { type: "date", value: query.get("from") || "" });
  const to = field("roi-to", "networks.to", { type: "date", value: query.get("to") || "" }, "networks.period_hint");
  const alert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
  const submit = h("button", { type: "submit", class: "primary", i18n: "networks.show" });
  const form = h(
    "form",
    { class: "card period-form", novalidate: true, onsubmit: send },
    h("div", { class: "period-fields" }, from.wrap, to.wrap, submit),
    alert,
  );
  tr(form, "networks.period", undefined, "aria-label");
  const results = h("div", { class: "stack" });
  const section = h(
    "section",
    { class: "stack wide" },
    h("h1", { tabindex: -1, i18n: "networks.title" }),
    h("p", { class: "muted", i18n: "networks.intro" }),
    form,
    results,
  );
  let asked = 0; // the answer shown is that of the last question
  show(query);
  return section;

  function send(event) {
    event.preventDefault();
    const params = new URLSearchParams();
    if (from.input.value) params.set("from", from.input.value);
    if (to.input.value) params.set("to", to.input.value);
    history.replaceState(null, "", `#/networks${params.toString() ? `?${params}` : ""}`);
    show(params);
  }

  async function show(params) {
    const mine = ++asked;
    from.clear();
    to.clear();
    alert.textContent = "";
    delete alert.dataset.i18n;
    submit.disabled = true;
    results.setAttribute("aria-busy", "true");
    results.replaceChildren(h("p", { class: "muted", role: "status", i18n: "loading" }));
    const q = new URLSearchParams();
    for (const k of ["from", "to"]) if (params.get(k)) q.set(k, params.get(k));
    let roi, networks;
    try {
      [, roi, networks] = await Promise.all([
        loadEnums(),
        api("GET", `/roi${q.toString() ? `?${q}` : ""}`),
        api("GET", "/networks?limit=1000"),
      ]);
    } catch (err) {
      if (mine !== asked) return;
      submit.disabled = false;
      results.removeAttribute("aria-busy");
      results.replaceChildren();
      if (!fieldError({ from, to }, err, wordsFor)) showError(alert, err);
      return;
    }
    if (mine !== asked) return;
    submit.disabled = false;
    results.removeAttribute("aria-busy");
    results.replaceChildren(...draw(roi.networks, new Map(networks.items.map((n) => [n.id, n]))));
  }
}

function wordsFor(err) {
  if (err.field === "to" && err.code === "invalid") return "networks.bad_period";
  if (err.code === "usage") return "networks.bad_date";
  return null;
}

function draw(list, records) {
  if (!list.length) {
    return [
      h("div", { class: "empty card stack" }, h("p", { class: "none", i18n: "networks.none" }), h("p", { class: "muted", i18n: "networks.none_hint" })),
    ];
  }
  const { from, to } = list[0];
  return [
    h("p", { class: "period", role: "status", i18n: ["networks.period_shown", { from: day(from), to: day(to), count: list.length }] }),
    chart(list),
    chartTable(list),
    h("div", { class: "network-cards stack" }, list.map((r) => card(r, records.get(r.network.id)))),
  ];
}

// --- the chart ---

// Per network: its name with the ROI, a bar of the cost (fees, then time) and a bar of
// the money returned, on one scale; the amounts at the bars' ends.
function chart(list) {
  const currency = list[0].currency;
  const most = Math.max(1, ...list.map((r) => Math.max(r.cost, r.money_return)));
  const scale = (CHART_W - LABEL_ROOM) / most;
  const legendH = 28;
  const height = legendH + list.length * GROUP_H;
  const legend = svg(
    "g",
    { class: "legend", "aria-hidden": "true" },
    [
      ["fees", "networks.fees"],
      ["time", "networks.time"],
      ["return", "networks.money_return"],
    ].map(([cls, key], i) =>
      svg(
        "g",
        { transform: `translate(${i * 150} 4)` },
        svg("rect", { class: `swatch-${cls}`, x: 0, y: 2, width: 12, height: 12, rx: 2 }),
        tr(svg("text", { x: 18, y: 13 }), key),
      ),
    ),
  );
  const groups = list.map((r, i) => {
    const y = legendH + i * GROUP_H;
    const fees = r.fees * scale;
    const time = r.time_cost * scale;
    const ret = r.money_return * scale;
    const costY = y + NAME_H;
    const retY = costY + BAR_H + GAP;
    return svg(
      "g",
      { class: "bar-group", "data-network": r.network.id, "data-roi": r.roi ?? "" },
      svg("text", { class: "name", x: 0, y: y + 14, text: r.network.name }),
      tr(svg("text", { class: `roi ${r.verdict}`, x: CHART_W, y: y + 14, "text-anchor": "end" }), ...roiWords(r)),
      svg("rect", { class: "swatch-fees cost-bar", x: 0, y: costY, width: fix(fees), height: BAR_H }),
      svg("rect", { class: "swatch-time cost-bar", x: fix(fees), y: costY, width: fix(time), height: BAR_H }),
      tr(svg("text", { class: "amount", x: fix(fees + time + 4), y: costY + BAR_H - 3 }), "networks.chart_cost", { amount: money(r.cost, currency, true) }),
      svg("rect", { class: "swatch-return return-bar", x: 0, y: retY, width: fix(ret), height: BAR_H }),
      tr(svg("text", { class: "amount", x: fix(ret + 4), y: retY + BAR_H - 3 }), "networks.chart_return", { amount: money(r.money_return, currency, true) }),
    );
  });
  const picture = svg(
    "svg",
    { class: "roi-chart", role: "img", viewBox: `0 0 ${CHART_W} ${height}`, preserveAspectRatio: "xMinYMin meet" },
    legend,
    groups,
  );
  tr(picture, "networks.chart_label", { count: list.length }, "aria-label");
  return h("figure", { class: "chart card" }, h("figcaption", { i18n: "networks.chart_title" }), picture);
}

// "ROI 489 %", or why there is none.
function roiWords(r) {
  if (r.roi === null) return [r.mixed_currencies ? "networks.roi_mixed" : "networks.roi_none"];
  return ["networks.roi_value", { roi: percent(r.roi) }];
}

// The chart's figures for those who cannot see it, and for anyone who wants the numbers.
function chartTable(list) {
  const currency = list[0].currency;
  const th = (key) => h("th", { scope: "col", i18n: key });
  const cell = (vars, cls) => h("td", { class: cls, i18n: ["networks.cell", { v: vars }] });
  return h(
    "details",
    { class: "as-text" },
    h("summary", { i18n: "networks.as_table" }),
    h(
      "div",
      { class: "table-scroll" },
      h(
        "table",
        { class: "roi-table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            th("networks.network"),
            th("networks.fees"),
            th("networks.time"),
            th("networks.cost"),
            th("networks.money_return"),
            th("networks.roi"),
            th("networks.verdict"),
          ),
        ),
        h(
          "tbody",
          {},
          list.map((r) =>
            h(
              "tr",
              { "data-network": r.network.id },
              h("th", { scope: "row", text: r.network.name }),
              cell(money(r.fees, currency), "num"),
              cell(money(r.time_cost, currency), "num"),
              cell(money(r.cost, currency), "num"),
              cell(money(r.money_return, currency), "num"),
              h("td", { class: "num roi", i18n: roiWords(r) }),
              h("td", { i18n: `networks.verdict_${r.verdict}` }),
            ),
          ),
        ),
      ),
    ),
  );
}

// --- a network ---

function card(r, record) {
  const currency = r.currency;
  return h(
    "article",
    { class: "network card stack", "data-network": r.network.id, "data-verdict": r.verdict },
    h("header", { class: "network-head" }, h("h2", { text: r.network.name }), h("span", { class: `badge verdict ${r.verdict}`, i18n: `networks.verdict_${r.verdict}` })),
    record ? about(record) : null,
    h(
      "dl",
      { class: "figures" },
      figure("networks.fees", money(r.fees, currency), "fees"),
      figure("networks.time", money(r.time_cost, currency), "time"),
      figure("networks.cost", money(r.cost, currency), "cost"),
      figure("networks.money_return", money(r.money_return, currency), "return"),
      h("div", {}, h("dt", { i18n: "networks.roi" }), h("dd", { class: "roi", i18n: roiWords(r) })),
    ),
    r.uncosted_attendances ? h("p", { class: "muted", i18n: ["networks.uncosted", { count: r.uncosted_attendances }] }) : null,
    h("h3", { i18n: "networks.other_returns" }),
    h(
      "dl",
      { class: "figures returns" },
      RETURNS.map((m) => h("div", { "data-metric": m }, h("dt", { i18n: enumKey("goal_metric", m) }), h("dd", { i18n: ["networks.cell", { v: r.returns[m] ?? 0 }] }))),
    ),
    h("h3", { i18n: "networks.goals" }),
    r.goals.length
      ? [
          h("p", {
            class: "muted goals-met",
            i18n: r.goals_met === null ? "networks.goals_not_begun" : ["networks.goals_met", { share: percent(r.goals_met) }],
          }),
          h("ul", { class: "goals" }, r.goals.map((g) => goalItem(g, { currency, whose: true }))),
        ]
      : h("p", { class: "muted", i18n: "networks.no_goals" }),
    h("h3", { i18n: "networks.diversity" }),
    diversity(r.diversity),
    h("h3", { i18n: ["networks.verdict_is", { verdict: { t: `networks.verdict_${r.verdict}` } }] }),
    h("ul", { class: "reasons" }, r.why.map((w) => h("li", { "data-code": w.code, i18n: reasonWords(w) }))),
  );
}

function figure(key, vars, cls) {
  return h("div", {}, h("dt", { i18n: key }), h("dd", { class: cls, i18n: ["networks.cell", { v: vars }] }));
}

// What the network is: purpose, openness, fee, meetings, where it meets.
function about(n) {
  const parts = [];
  if (n.purpose) parts.push({ t: enumKey("purpose", n.purpose) });
  if (n.openness) parts.push({ t: enumKey("openness", n.openness) });
  if (n.fee) {
    parts.push({ t: `networks.fee_${n.fee.per || "year"}`, vars: { amount: { money: n.fee } } });
  }
  if (n.meetings_per_year) parts.push({ t: "networks.meetings", vars: { count: n.meetings_per_year } });
  if (n.meeting_place) parts.push({ t: "networks.meets_at", vars: { place: n.meeting_place } });
  if (!parts.length) return null;
  return h("p", { class: "muted about" }, parts.map((p, i) => h("span", {}, i ? " · " : "", h("span", { i18n: [p.t, p.vars] }))));
}

function diversity(d) {
  const line = (key, value, known) =>
    h("li", {}, h("span", { i18n: [key, { value: twoDecimals(value), known, count: d.members }] }));
  return h(
    "div",
    { class: "diversity" },
    d.members
      ? h(
          "ul",
          {},
          line("networks.blau_industry", d.industry_sections, d.with_industry),
          line("networks.blau_function", d.role_functions, d.with_role_function),
        )
      : h("p", { i18n: "networks.no_members" }),
    h("p", { class: "hint", i18n: "networks.blau_hint" }),
  );
}

// A reason of the verdict in the page's words, from its code and number.
function reasonWords(w) {
  const known = [
    "roi_not_negative",
    "goals_met",
    "roi_below_half",
    "goals_below_half",
    "no_goals",
    "no_roi_no_cost",
    "no_roi_mixed_currencies",
    "roi_negative",
    "goals_below_80",
  ];
  if (!known.includes(w.code)) return ["networks.reason_other", { code: w.code }];
  return [`networks.reason_${w.code}`, w.value === null ? {} : { value: percent(w.value) }];
}

function fix(v) {
  return String(Math.round(v * 100) / 100);
}
