// views/map.js - #/map: the network map, GET /api/v1/map drawn as SVG (SPEC §4.8, §7).
//
// People are circles coloured by community (Leiden, as the API numbers them), sized by
// how many ties they have; ties are lines, thicker for stronger ones (0.5 + 3·s). The
// positions come from layout.js: force-directed with a fixed seed, so the same network
// gives the same picture. The names of the best-connected people are written beside
// them; every name shows on hover or focus (and in each circle's <title>). A person is
// a link to #/paths?to=ID: a click, or Enter on the focused circle, asks who can
// introduce you. Beside the picture: the caption with the counts and the legend (each
// community with its size); under it, the map as text (each community's people, as the
// same links).
//
// A very large map shows the MAX_PEOPLE best-connected people and the ties among them,
// and says so. The caption, legend and labels are tr() texts, so a language change
// relabels them with their numbers.

import { api } from "../api.js";
import { h, statusFailed, svg, viewFrame } from "../dom.js";
import { locale, tr } from "../i18n.js";
import { layout } from "../layout.js";

export const MAX_PEOPLE = 500;
const COLOURS = 9; // .c0 … .c8 in app.css; later communities are grey (.c-other)
const LABELS = 24; // names written at most
const FRAME_W = 1000; // the picture's frame, in SVG units
const FRAME_H = 600;
const FONT = 15; // in SVG units

export function mapView() {
  const { section, status, body } = viewFrame("map");
  load();
  return section;

  async function load() {
    let data;
    try {
      data = await api("GET", "/map");
    } catch (err) {
      statusFailed(status, err);
      return;
    }
    status.remove();
    body.append(...draw(data));
  }
}

// The caption's counts, for the caption and the SVG's label.
function counts(people, ties, communities) {
  return {
    people: { t: "map.people", vars: { count: people } },
    ties: { t: "map.ties", vars: { count: ties } },
    communities: { t: "map.communities", vars: { count: communities } },
  };
}

function draw(data) {
  const nodes = data.nodes;
  if (!nodes.length) return [h("p", { class: "empty", i18n: "map.empty" })];
  const index = new Map(nodes.map((p, i) => [p.id, i]));
  const degree = new Float64Array(nodes.length);
  const weight = new Float64Array(nodes.length);
  const edges = [];
  for (const e of data.edges) {
    const a = index.get(e.a);
    const b = index.get(e.b);
    if (a === undefined || b === undefined || a === b) continue;
    edges.push({ a, b, w: e.strength });
    degree[a]++;
    degree[b]++;
    weight[a] += e.strength;
    weight[b] += e.strength;
  }

  // the communities, largest first (equal sizes by number): rank r is colour r and
  // "community r + 1"
  const members = new Map();
  nodes.forEach((p, i) => {
    if (!members.has(p.community)) members.set(p.community, []);
    members.get(p.community).push(i);
  });
  const communities = [...members.entries()].sort((x, y) => y[1].length - x[1].length || x[0] - y[0]);
  const rank = new Map(communities.map(([c], r) => [c, r]));
  const colour = (i) => {
    const r = rank.get(nodes[i].community);
    return r < COLOURS ? `c${r}` : "c-other";
  };

  // the people drawn: all, or the MAX_PEOPLE with the most ties (then the strongest)
  const order = nodes.map((_, i) => i).sort((i, j) => degree[j] - degree[i] || weight[j] - weight[i] || i - j);
  const shown = order.slice(0, MAX_PEOPLE).sort((i, j) => i - j);
  const slot = new Map(shown.map((i, s) => [i, s]));
  const ties = edges
    .filter((e) => slot.has(e.a) && slot.has(e.b))
    .map((e) => ({ a: slot.get(e.a), b: slot.get(e.b), w: e.w }));
  const pos = layout(
    shown.length,
    ties,
    shown.map((i) => rank.get(nodes[i].community)),
  );
  // into a frame of 1000 × 600 units at most, keeping the picture's shape
  let bx0 = Infinity, by0 = Infinity, bx1 = -Infinity, by1 = -Infinity;
  shown.forEach((_, s) => {
    bx0 = Math.min(bx0, pos.x[s]);
    by0 = Math.min(by0, pos.y[s]);
    bx1 = Math.max(bx1, pos.x[s]);
    by1 = Math.max(by1, pos.y[s]);
  });
  const scale = Math.min(FRAME_W / Math.max(bx1 - bx0, 1e-9), FRAME_H / Math.max(by1 - by0, 1e-9));
  shown.forEach((_, s) => {
    pos.x[s] = (pos.x[s] - bx0) * scale;
    pos.y[s] = (pos.y[s] - by0) * scale;
  });
  // circles by the number of ties, smaller when many people share the frame
  const size = Math.min(1, Math.max(0.45, Math.sqrt(120 / shown.length)));
  const radius = (s) => size * Math.min(4 + 2 * Math.sqrt(degree[shown[s]]), 16);

  // the frame: what the people take up, with room for the names
  const pad = 12;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  shown.forEach((_, s) => {
    const r = radius(s);
    x0 = Math.min(x0, pos.x[s] - r);
    y0 = Math.min(y0, pos.y[s] - r);
    x1 = Math.max(x1, pos.x[s] + r);
    y1 = Math.max(y1, pos.y[s] + r);
  });
  x0 -= pad;
  y0 -= pad;
  x1 += pad;
  y1 += pad;

  const lines = ties.map((e) =>
    svg("line", {
      class: "tie",
      x1: fix(pos.x[e.a]),
      y1: fix(pos.y[e.a]),
      x2: fix(pos.x[e.b]),
      y2: fix(pos.y[e.b]),
      "stroke-width": fix(0.5 + 3 * e.w),
      "data-a": nodes[shown[e.a]].id,
      "data-b": nodes[shown[e.b]].id,
    }),
  );
  const people = shown.map((i, s) => {
    const p = nodes[i];
    const link = svg(
      "a",
      { href: `#/paths?to=${encodeURIComponent(p.id)}`, class: `person ${colour(i)}`, "data-id": p.id },
      svg("circle", { cx: fix(pos.x[s]), cy: fix(pos.y[s]), r: fix(radius(s)) }),
      svg("title", { text: p.name }),
    );
    tr(link, "map.ask_path", { name: p.name }, "aria-label");
    return link;
  });

  // names beside the best-connected people: right of the circle, else left, where
  // they cover no other name nor circle (widths estimated: 0.56 em a letter)
  const labels = [];
  const circles = shown.map((_, s) => {
    const r = radius(s);
    return { x: pos.x[s] - r, y: pos.y[s] - r, w: 2 * r, h: 2 * r, s };
  });
  const taken = [];
  const overlaps = (b, o) => b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h;
  for (const s of [...shown.keys()].sort((u, v) => degree[shown[v]] - degree[shown[u]] || u - v)) {
    if (labels.length >= LABELS || degree[shown[s]] === 0) break;
    const name = nodes[shown[s]].name;
    const r = radius(s);
    const w = name.length * FONT * 0.56;
    const y = pos.y[s] - FONT / 2 - 1;
    const box = [
      { x: pos.x[s] + r + 3, y, w, h: FONT + 2, anchor: "start" },
      { x: pos.x[s] - r - 3 - w, y, w, h: FONT + 2, anchor: "end" },
    ].find((b) => !taken.some((o) => overlaps(b, o)) && !circles.some((c) => c.s !== s && overlaps(b, c)));
    if (!box) continue;
    taken.push(box);
    x0 = Math.min(x0, box.x - pad);
    x1 = Math.max(x1, box.x + box.w + pad);
    labels.push(
      svg("text", {
        x: fix(box.anchor === "start" ? box.x : box.x + box.w),
        y: fix(pos.y[s] + FONT / 3),
        "text-anchor": box.anchor,
        "font-size": FONT,
        text: name,
      }),
    );
  }

  // the name of the person under the pointer or focus, on top of everything
  const tipText = svg("text", { "font-size": FONT });
  const tip = svg("g", { class: "tip", "aria-hidden": "true" }, tipText);
  const picture = svg(
    "svg",
    {
      class: "map",
      role: "img",
      viewBox: `${fix(x0)} ${fix(y0)} ${fix(x1 - x0)} ${fix(y1 - y0)}`,
      preserveAspectRatio: "xMidYMid meet",
    },
    svg("g", { class: "ties" }, lines),
    svg("g", { class: "labels", "aria-hidden": "true" }, labels),
    svg("g", { class: "people" }, people),
    tip,
  );
  tr(picture, "map.label", counts(nodes.length, data.edges.length, data.communities), "aria-label");

  // lighting a person's ties and showing their name, on hover and on focus
  const lit = [];
  function light(link) {
    for (const el of lit.splice(0)) el.classList.remove("lit");
    picture.classList.toggle("lighting", Boolean(link));
    tip.classList.toggle("on", Boolean(link));
    if (!link) return;
    const id = link.dataset.id;
    for (const line of lines) {
      if (line.dataset.a === id || line.dataset.b === id) {
        line.classList.add("lit");
        lit.push(line);
      }
    }
    link.classList.add("lit");
    lit.push(link);
    // above right of the circle; left or below where the frame ends
    const c = link.firstChild;
    const r = Number(c.getAttribute("r"));
    const cx = Number(c.getAttribute("cx"));
    const cy = Number(c.getAttribute("cy"));
    const name = link.querySelector("title").textContent;
    const left = cx + r + 3 + name.length * FONT * 0.6 > x1;
    tipText.textContent = name;
    tipText.setAttribute("text-anchor", left ? "end" : "start");
    tipText.setAttribute("x", fix(left ? cx - r - 3 : cx + r + 3));
    tipText.setAttribute("y", fix(cy - r - 2 - FONT < y0 ? cy + r + FONT : cy - r - 2));
  }
  const personOf = (event) => event.target.closest?.("a.person");
  picture.addEventListener("mouseover", (e) => light(personOf(e)));
  picture.addEventListener("mouseleave", () => light(document.activeElement?.closest?.("a.person")));
  picture.addEventListener("focusin", (e) => light(personOf(e)));
  picture.addEventListener("focusout", () => light(null));

  const caption = h("p", { class: "caption" });
  tr(caption, "map.caption", counts(nodes.length, data.edges.length, data.communities));
  const capped =
    shown.length < nodes.length
      ? h("p", {
          class: "muted capped",
          i18n: ["map.capped", { shown: shown.length, ties: { t: "map.ties", vars: { count: ties.length } } }],
        })
      : null;

  const legend = h(
    "ol",
    { class: "legend" },
    communities.map(([c, list], r) =>
      h(
        "li",
        { "data-community": c },
        h("span", { class: `swatch ${r < COLOURS ? `c${r}` : "c-other"}`, "aria-hidden": "true" }),
        h("span", { i18n: ["map.community", { number: r + 1, people: { t: "map.people", vars: { count: list.length } } }] }),
      ),
    ),
  );

  const collator = new Intl.Collator(locale());
  const text = h(
    "details",
    { class: "as-text" },
    h("summary", { i18n: "map.as_text" }),
    communities.map(([c, list], r) =>
      h(
        "div",
        { class: "community", "data-community": c },
        h("h3", { i18n: ["map.community", { number: r + 1, people: { t: "map.people", vars: { count: list.length } } }] }),
        h(
          "ul",
          {},
          list
            .map((i) => nodes[i])
            .sort((p, q) => collator.compare(p.name, q.name))
            .map((p) => h("li", {}, h("a", { href: `#/paths?to=${encodeURIComponent(p.id)}`, text: p.name }))),
        ),
      ),
    ),
  );

  return [
    h(
      "div",
      { class: "map-figure" },
      h("div", { class: "map-frame" }, picture),
      h("div", { class: "map-legend stack" }, caption, capped, h("div", {}, h("h2", { i18n: "map.legend" }), legend)),
    ),
    text,
  ];
}

// A coordinate as an attribute: two decimals are finer than any screen.
function fix(v) {
  return String(Math.round(v * 100) / 100);
}
