// goals.js - a goal's progress against its target and period (GET /api/v1/goals/progress,
// and the goals inside /roi and /participation), as the plan, networks and
// participation pages show it: the metric, "4 of 20 (20 %)", the period with the share
// of it gone, a bar (SVG: the progress filled, a line where the period stands) and
// whether it is behind schedule.
//
//   goalItem(goal, {currency: "SEK", whose: true})   // an <li>
//   progressBar(0.2, {mark: 0.73, state: "behind"})  // the bar alone, aria-hidden

import { h, svg } from "./dom.js";
import { enumKey } from "./enums.js";
import { fromMajorUnits, tr } from "./i18n.js";

const W = 240; // the bar's frame, in SVG units
const H = 12;

// A horizontal bar of share (0..1, more is drawn full) with, if mark is given, a line
// at mark (the share of the period gone). Decoration: the text beside it says the same.
export function progressBar(share, { mark = null, state = "" } = {}) {
  const fill = Math.max(0, Math.min(1, share || 0)) * W;
  return svg(
    "svg",
    { class: `progress ${state}`, viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none", "aria-hidden": "true", focusable: "false" },
    svg("rect", { class: "bar-track", x: 0, y: 0, width: W, height: H, rx: 3 }),
    svg("rect", { class: "bar-fill", x: 0, y: 0, width: round(fill), height: H, rx: 3 }),
    mark === null ? null : svg("line", { class: "bar-mark", x1: round(mark * W), x2: round(mark * W), y1: -1, y2: H + 1 }),
  );
}

// Where a goal stands, from the API's own figures (not the browser's clock).
export function goalState(g) {
  if (g.progress >= 1) return "reached";
  if (g.behind) return "behind";
  if (g.elapsed >= 1) return "ended";
  if (g.elapsed <= 0) return "not_begun";
  return "on_track";
}

const percent = (x) => ({ number: x, style: "percent", maximumFractionDigits: 0 });
// A date of the API (YYYY-MM-DD) as the language writes it, the same day everywhere.
export const day = (d) => ({ date: d, dateStyle: "medium", timeZone: "UTC" });

// The goal's value or target: money for closed business, else a count.
function amount(g, x, currency) {
  return g.metric === "closed_value" && currency ? { money: fromMajorUnits(x, currency) } : { number: x, maximumFractionDigits: 2 };
}

// One goal as a list item; whose: say whose goal it is and in which network.
export function goalItem(g, { currency = null, whose = false } = {}) {
  const state = goalState(g);
  const vars = {
    metric: { t: enumKey("goal_metric", g.metric) },
    value: amount(g, g.value, currency),
    target: amount(g, g.target, currency),
    share: percent(g.progress),
    elapsed: percent(g.elapsed),
  };
  const figure = h("div", { class: "goal-bar", role: "img" }, progressBar(g.progress, { mark: g.elapsed, state }));
  tr(figure, "goals.label", vars, "aria-label");
  return h(
    "li",
    { class: `goal ${state}`, "data-goal": g.id, "data-progress": g.progress, "data-state": state },
    h(
      "p",
      { class: "goal-head" },
      h("span", { class: "goal-metric", i18n: enumKey("goal_metric", g.metric) }),
      h("span", { class: `badge ${state}`, i18n: `goals.state_${state}` }),
    ),
    whose
      ? h("p", {
          class: "muted goal-whose",
          i18n: [
            "goals.whose",
            {
              owner: g.owner ? g.owner.name : { t: "goals.workspace" },
              network: g.network ? g.network.name : { t: "goals.any_network" },
            },
          ],
        })
      : null,
    figure,
    h("p", { class: "goal-of", i18n: ["goals.of", { value: vars.value, target: vars.target, share: vars.share }] }),
    h("p", {
      class: "muted goal-period",
      i18n: ["goals.period", { from: day(g.from), to: day(g.to), elapsed: vars.elapsed }],
    }),
    g.other_currencies_left_out ? h("p", { class: "muted", i18n: "goals.left_out" }) : null,
  );
}

function round(v) {
  return String(Math.round(v * 100) / 100);
}
