// views/scorecard.js - #/scorecard: the referral group's scorecard (SPEC §4.10),
// GET /api/v1/scorecard.
//
// Each member of a network over the rolling window of the settings: seven measures
// (attendance, referrals given, visitors brought, one-to-ones, closed business received
// and given, takeaways shared), each against its threshold, and the member's overall
// score. The grid is a table whose cells are coloured by our own CSS (.sc-green,
// .sc-amber, .sc-red, .sc-grey: the API's colours), and colour is never the only
// signal: each cell also carries a symbol (✓ ! ✗ –), the value and, for screen
// readers, the colour's word. Under it the group's totals per week or per month.
//
// ?network=ID chooses the network when the workspace has several.

import { api } from "../api.js";
import { h, statusFailed, viewFrame } from "../dom.js";

export const MEASURES = ["attendance", "referrals_given", "visitors", "one_to_ones", "closed_received", "closed_given", "takeaways"];
const TOTALS = ["attended", "referrals_given", "visitors", "one_to_ones", "closed_received", "takeaways"];
export const SYMBOLS = { green: "✓", amber: "!", red: "✗", grey: "–" };
const MONEY = new Set(["closed_received", "closed_given"]);

export function scorecardView(ctx, query = new URLSearchParams()) {
  const { section, status, body } = viewFrame("scorecard", "scorecard-title");
  load();
  return section;

  async function load() {
    let answer, workspace;
    try {
      [answer, workspace] = await Promise.all([api("GET", "/scorecard"), api("GET", "/workspace")]);
    } catch (err) {
      statusFailed(status, err);
      return;
    }
    status.remove();
    const cards = answer.scorecards;
    if (!cards.length) {
      body.append(h("p", { class: "empty", i18n: "scorecard.none" }));
      return;
    }
    const currency = workspace.currency;
    const shown = h("div", { class: "stack" });
    const picker = h(
      "select",
      { id: "scorecard-network", name: "network" },
      cards.map((c) => h("option", { value: c.network.id, text: c.network.name })),
    );
    picker.value = cards.some((c) => c.network.id === query.get("network")) ? query.get("network") : cards[0].network.id;
    picker.addEventListener("change", () => {
      history.replaceState(null, "", `#/scorecard?network=${encodeURIComponent(picker.value)}`);
      show();
    });
    const show = () => shown.replaceChildren(...card(cards.find((c) => c.network.id === picker.value), workspace.settings.scorecard, currency));
    show();
    if (cards.length > 1) body.append(h("div", { class: "field narrow" }, h("label", { for: "scorecard-network", i18n: "scorecard.network" }), picker));
    body.append(shown);
  }
}

// A measure's value as it reads: a share (attendance, the overall score) as a
// percentage, money in the workspace's currency, a count as a number.
// short: money in the grid as 1.6M (the totals below say it in full).
function valueText(measure, v, currency, short = false) {
  if (v === null || v === undefined) return "";
  if (measure === "attendance" || measure === "overall") return { number: v, style: "percent", maximumFractionDigits: 0 };
  if (MONEY.has(measure)) {
    const money = { number: v, style: "currency", currency, maximumFractionDigits: 0 };
    return short ? { ...money, notation: "compact", maximumFractionDigits: 1 } : money;
  }
  return { number: v, maximumFractionDigits: 1 };
}

function card(sc, settings, currency) {
  const members = [...sc.members].sort((a, b) => a.name.localeCompare(b.name));
  const tally = { green: 0, amber: 0, red: 0, grey: 0 };
  for (const m of members) tally[m.colour]++;
  return [
    h("h2", { i18n: ["scorecard.of_network", { name: sc.network.name }] }),
    h("p", { class: "muted", i18n: ["scorecard.window", { from: { date: sc.from }, to: { date: sc.to } }] }),
    legend(sc.totals),
    h("p", { class: "sc-tally", i18n: ["scorecard.tally", { members: { t: "scorecard.members", vars: { count: members.length } }, ...tally }] }),
    members.length ? grid(members, settings, currency) : h("p", { class: "empty", i18n: "scorecard.no_members" }),
    totals(sc.totals, currency),
  ];
}

function legend(totals) {
  const pct = (n) => ({ number: n, style: "percent", maximumFractionDigits: 0 });
  const items = [
    ["green", ["scorecard.legend_green", { green: pct(totals.green) }]],
    ["amber", ["scorecard.legend_amber", { amber: pct(totals.amber), green: pct(totals.green) }]],
    ["red", ["scorecard.legend_red", { amber: pct(totals.amber) }]],
    ["grey", ["scorecard.legend_grey"]],
  ];
  return h(
    "ul",
    { class: "sc-legend" },
    items.map(([colour, text]) =>
      h(
        "li",
        {},
        h("span", { class: `sc-badge sc-${colour}`, "aria-hidden": "true", text: SYMBOLS[colour] }),
        h("span", { i18n: text }),
      ),
    ),
  );
}

function cell(colour, measure, value, currency, extra = {}) {
  return h(
    "td",
    { class: `sc sc-${colour}`, "data-colour": colour, "data-measure": measure, ...extra },
    h("span", { class: "sc-symbol", "aria-hidden": "true", text: SYMBOLS[colour] }),
    h("span", { class: "sc-value", i18n: ["scorecard.value", { value: valueText(measure, value, currency, true) }] }),
    h("span", { class: "visually-hidden", i18n: `scorecard.colour_${colour}` }),
  );
}

function grid(members, settings, currency) {
  const head = h(
    "tr",
    {},
    h("th", { scope: "col", i18n: "scorecard.member" }),
    MEASURES.map((m) =>
      h(
        "th",
        { scope: "col", "data-measure": m },
        h("span", { class: "sc-head", i18n: `scorecard.m_${m}` }),
        h("span", {
          class: "sc-target",
          i18n: settings[m] > 0 ? ["scorecard.target", { value: valueText(m, settings[m], currency) }] : "scorecard.no_target",
        }),
      ),
    ),
    h("th", { scope: "col", i18n: "scorecard.overall" }),
  );
  const rows = members.map((m) =>
    h(
      "tr",
      { "data-member": m.id, "data-colour": m.colour },
      h(
        "th",
        { scope: "row" },
        h("span", { class: "sc-name", text: m.name }),
        m.since ? h("span", { class: "sc-since", i18n: ["scorecard.since", { date: { date: m.since } }] }) : null,
      ),
      MEASURES.map((k) => cell(m.measures[k].colour, k, m.measures[k].value, currency)),
      cell(m.colour, "overall", m.score, currency, { class: `sc sc-${m.colour} sc-overall` }),
    ),
  );
  return h(
    "div",
    { class: "table-scroll sc-scroll" },
    h(
      "table",
      { class: "sc-grid" },
      h("caption", { class: "visually-hidden", i18n: "scorecard.caption" }),
      h("thead", {}, head),
      h("tbody", {}, rows),
    ),
  );
}

function totals(t, currency) {
  const table = h("div", { class: "table-scroll" });
  const choose = (value, key) =>
    h(
      "label",
      { class: "choice" },
      h("input", { type: "radio", name: "sc-period", value, checked: value === "months", onchange: () => draw(value) }),
      h("span", { i18n: key }),
    );
  function draw(per) {
    const list = per === "weeks" ? t.weeks : t.months;
    table.replaceChildren(
      h(
        "table",
        { class: "sc-totals", "data-per": per },
        h("caption", { class: "visually-hidden", i18n: per === "weeks" ? "scorecard.per_week" : "scorecard.per_month" }),
        h(
          "thead",
          {},
          h("tr", {}, h("th", { scope: "col", i18n: per === "weeks" ? "scorecard.week" : "scorecard.month" }), TOTALS.map((k) => h("th", { scope: "col", class: "num", i18n: `scorecard.t_${k}` }))),
        ),
        h(
          "tbody",
          {},
          [...list].reverse().map((row) =>
            h(
              "tr",
              { "data-period": row.week || row.month },
              h("th", { scope: "row", text: row.week || row.month }),
              TOTALS.map((k) => h("td", { class: "num", i18n: ["scorecard.value", { value: valueText(k, row[k], currency) }] })),
            ),
          ),
        ),
      ),
    );
  }
  draw("months");
  return h(
    "section",
    { class: "stack", "aria-labelledby": "sc-totals-title" },
    h("h2", { id: "sc-totals-title", i18n: "scorecard.totals" }),
    h("fieldset", {}, h("legend", { class: "visually-hidden", i18n: "scorecard.period" }), h("div", { class: "choices" }, choose("months", "scorecard.per_month"), choose("weeks", "scorecard.per_week"))),
    table,
  );
}
