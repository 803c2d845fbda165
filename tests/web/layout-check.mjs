// layout-check.mjs WEB_DIR - the network map's layout (WEB_DIR/layout.js), without a
// browser: the same input gives the same positions, another seed others; every
// position is a number; people end up apart; people without a tie are set under the
// rest; and the work stays within its budget for 2,000 people (counted in pairs of
// people looked at, not timed: tests take no timings). Prints "ok NAME" or
// "not ok NAME: why" per check; exits 1 if any failed.
import { importWeb } from "./web-import.mjs";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: layout-check.mjs WEB_DIR");
  process.exit(2);
}
const { layout, random, steps } = await importWeb(dir, "layout.js");

let failed = 0;
function check(name, why) {
  if (why === true) console.log(`ok ${name}`);
  else {
    failed++;
    console.log(`not ok ${name}: ${why}`);
  }
}

// A network of n people in groups of about 12, each joined to 3 earlier ones, and
// `lonely` more people without a tie; from a seed of its own.
function network(n, lonely = 0) {
  const rand = random(7);
  const edges = [];
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < 3 && t < i; t++) {
      const j = Math.floor(rand() * i);
      if (!edges.some((e) => e.a === i && e.b === j)) edges.push({ a: i, b: j, w: 0.05 + 0.95 * rand() });
    }
  }
  const groups = Array.from({ length: n + lonely }, (_, i) => Math.floor(i / 12));
  return { n: n + lonely, edges, groups };
}

const small = network(57, 3);
const a = layout(small.n, small.edges, small.groups);
const b = layout(small.n, small.edges, small.groups);
const c = layout(small.n, small.edges, small.groups, { seed: 1 });
check("the same network, the same positions", a.x.every((v, i) => v === b.x[i] && a.y[i] === b.y[i]) || "they differ");
check("another seed, other positions", a.x.some((v, i) => v !== c.x[i]) || "they are the same");
check(
  "every position is a number",
  [...a.x, ...a.y].every(Number.isFinite) || "NaN or Infinity",
);
let closest = Infinity;
for (let i = 0; i < small.n; i++) {
  for (let j = i + 1; j < small.n; j++) closest = Math.min(closest, Math.hypot(a.x[i] - a.x[j], a.y[i] - a.y[j]));
}
const xs = [...a.x.slice(0, 57)];
const width = Math.max(...xs) - Math.min(...xs);
check("no two people on one spot (closest > 1 % of the width)", closest > width / 100 || `closest ${closest}, width ${width}`);
const lowest = Math.max(...a.y.slice(0, 57));
check("people without a tie are under the rest", [57, 58, 59].every((i) => a.y[i] > lowest) || "they are not");
check("300 steps for 57 people", a.steps === 300 || `got ${a.steps}`);

const big = network(2000);
const t = layout(big.n, big.edges, big.groups);
check("2,000 people: at least 10 steps", t.steps >= 10 || `got ${t.steps}`);
check("2,000 people: at most 20 million pairs looked at", t.pairs <= 20e6 || `got ${t.pairs}`);
check("500 people (the map's cap): 120 steps", steps(500) === 120 || `got ${steps(500)}`);
check("2,000 people: every position is a number", [...t.x, ...t.y].every(Number.isFinite) || "NaN or Infinity");
check("one person, and nobody", layout(1, []).x.length === 1 && layout(0, []).x.length === 0 || "failed");
process.exit(failed ? 1 : 0);
