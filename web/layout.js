// layout.js - where the network map puts each person: a force-directed layout with a
// fixed seed, so that the same network is drawn the same way every time.
//
//   const {x, y} = layout(n, [{a: 0, b: 1, w: 0.8}, ...], communities);
//
// The forces are those of ForceAtlas2 (Jacomy et al., PLoS ONE 2014), the mover is
// Fruchterman and Reingold's (1991): every step each person is pushed by the sum of
//   repulsion  R·(dᵢ+1)(dⱼ+1)/distance from every other person (d: the number of
//              ties), so the well-connected keep apart and a person with one tie
//              stays near the one they know;
//   attraction (FLOOR + w)·distance along each tie of strength w, ×CROSS across
//              communities, so that communities show as clusters;
//   gravity    G·(dᵢ+1) towards the middle, harder up and down (FLAT) than sideways;
// and moves at most the temperature, which falls linearly to almost nothing. Then the
// picture is turned so that its longest extent is across, and people without any tie
// are set in rows under the rest (forces would only push them off into a corner).
//
// Cost: repulsion is exact, over all pairs of people with ties, and the steps are
// capped by a budget of pairs: 300 steps up to ~320 people, 120 for 500 (the most the
// map draws), at least 10 (2,000 people: 20 million pairs, about 0.1 s). Only +, −,
// ×, ÷ and sqrt, which IEEE 754 defines exactly, and a seeded generator (mulberry32):
// the same input in the same order gives the same positions in every browser. Pure:
// node imports it for the tests.

const SEED = 20261123;
const R = 60; // repulsion
const G = 2; // gravity
const FLOOR = 0.5; // attraction: (FLOOR + w)·distance, so that a weak tie still holds
const SAME = 1; // attraction inside a community
const CROSS = 0.35; // attraction across communities
const FLAT = 1.5; // gravity's ellipse: 1.5 times as hard up and down
const BUDGET = 15e6; // pairs of people looked at, over all steps
const MAX_STEPS = 300;
const MIN_STEPS = 10;

// A seeded generator of numbers in [0, 1): mulberry32.
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The number of steps for n people: as many as the budget of pairs allows, 10 to 300.
export function steps(n) {
  const pairs = (n * (n - 1)) / 2;
  return Math.max(MIN_STEPS, Math.min(MAX_STEPS, Math.floor(BUDGET / Math.max(pairs, 1))));
}

// Positions of n people (0..n-1) joined by edges [{a, b, w}] (w in (0, 1]; each tie
// once). groups (optional): a community per person; each starts around a point of its
// own, and ties inside one pull harder. The positions are in units of their own, about
// (0, 0): the caller scales them to its frame. Returns {x, y} (Float64Array) and what
// it cost: {steps, pairs}.
export function layout(n, edges, groups = null, options = {}) {
  const rand = random(options.seed ?? SEED);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const mass = new Float64Array(n).fill(1); // d + 1
  for (const { a, b } of edges) {
    mass[a]++;
    mass[b]++;
  }

  // the start: each community around a cell of its own in a square grid, the
  // communities in an order of the seed, its people scattered around the cell's middle
  const side = 10 * Math.sqrt(n + 1); // the start's frame
  const centres = new Map();
  if (groups) {
    const ids = [...new Set(groups)];
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [ids[i], ids[j]] = [ids[j], ids[i]];
    }
    const cols = Math.ceil(Math.sqrt(ids.length));
    ids.forEach((c, i) => {
      centres.set(c, [((i % cols) + 0.5) * (side / cols) - side / 2, (Math.floor(i / cols) + 0.5) * (side / cols) - side / 2]);
    });
  }
  const spread = groups ? side / Math.ceil(Math.sqrt(centres.size)) : side;
  for (let i = 0; i < n; i++) {
    const [cx, cy] = centres.get(groups?.[i]) ?? [0, 0];
    x[i] = cx + (rand() - 0.5) * spread;
    y[i] = cy + (rand() - 0.5) * spread;
  }

  const tied = [];
  for (let i = 0; i < n; i++) if (mass[i] > 1) tied.push(i);
  const total = options.steps ?? steps(tied.length);
  let pairs = 0;
  for (let step = 0; step < total; step++) {
    dx.fill(0);
    dy.fill(0);
    for (let u = 0; u < tied.length; u++) {
      const i = tied[u];
      for (let v = u + 1; v < tied.length; v++) {
        const j = tied[v];
        let ex = x[i] - x[j];
        let ey = y[i] - y[j];
        let d2 = ex * ex + ey * ey;
        if (d2 < 1e-9) {
          // on top of each other: apart in a direction of the seed
          ex = rand() - 0.5;
          ey = rand() - 0.5;
          d2 = ex * ex + ey * ey + 1e-9;
        }
        const f = (R * mass[i] * mass[j]) / d2; // R·mᵢ·mⱼ/distance, over distance
        dx[i] += ex * f;
        dy[i] += ey * f;
        dx[j] -= ex * f;
        dy[j] -= ey * f;
      }
    }
    pairs += (tied.length * (tied.length - 1)) / 2;
    for (const { a, b, w } of edges) {
      const f = (FLOOR + w) * (groups && groups[a] !== groups[b] ? CROSS : SAME); // w·distance, over distance
      const ex = x[a] - x[b];
      const ey = y[a] - y[b];
      dx[a] -= ex * f;
      dy[a] -= ey * f;
      dx[b] += ex * f;
      dy[b] += ey * f;
    }
    const temp = (side / 8) * (1 - step / total) + 0.05;
    for (const i of tied) {
      // towards the middle, harder up and down than sideways: a picture wider than high
      const d = Math.sqrt(x[i] * x[i] + FLAT * FLAT * y[i] * y[i]);
      if (d > 0) {
        dx[i] -= (G * mass[i] * x[i]) / d;
        dy[i] -= (G * mass[i] * FLAT * FLAT * y[i]) / d;
      }
      const m = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
      if (m > 0) {
        const s = Math.min(m, temp) / m;
        x[i] += dx[i] * s;
        y[i] += dy[i] * s;
      }
    }
  }
  level(x, y, tied);
  alone(n, x, y, tied, mass);
  return { x, y, steps: total, pairs };
}

// Turn the picture so that its longest extent (the first principal axis of the
// positions) is across, to fill a screen that is wider than high: sqrt, no angles.
function level(x, y, tied) {
  if (tied.length < 2) return;
  let mx = 0, my = 0;
  for (const i of tied) {
    mx += x[i];
    my += y[i];
  }
  mx /= tied.length;
  my /= tied.length;
  let sxx = 0, syy = 0, sxy = 0;
  for (const i of tied) {
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
    sxy += (x[i] - mx) * (y[i] - my);
  }
  const half = (sxx - syy) / 2;
  const lambda = (sxx + syy) / 2 + Math.sqrt(half * half + sxy * sxy); // the larger eigenvalue
  let vx = sxy, vy = lambda - sxx; // its eigenvector
  if (Math.abs(sxy) < 1e-12) [vx, vy] = sxx >= syy ? [1, 0] : [0, 1];
  const len = Math.sqrt(vx * vx + vy * vy);
  vx /= len;
  vy /= len;
  for (const i of tied) {
    const ex = x[i] - mx, ey = y[i] - my;
    x[i] = vx * ex + vy * ey;
    y[i] = -vy * ex + vx * ey;
  }
}

// People without a tie, in rows under the others, a person's room apart (the room:
// the area of the others' bounding box over their number).
function alone(n, x, y, tied, mass) {
  let x0 = 0, x1 = 0, y1 = 0, unit = 10;
  if (tied.length) {
    x0 = Infinity;
    x1 = -Infinity;
    y1 = -Infinity;
    let y0 = Infinity;
    for (const i of tied) {
      x0 = Math.min(x0, x[i]);
      x1 = Math.max(x1, x[i]);
      y0 = Math.min(y0, y[i]);
      y1 = Math.max(y1, y[i]);
    }
    unit = Math.sqrt(((x1 - x0 + 1) * (y1 - y0 + 1)) / tied.length);
    y1 += unit;
  }
  const lonely = [];
  for (let i = 0; i < n; i++) if (mass[i] === 1) lonely.push(i);
  const perRow = Math.max(1, tied.length ? Math.floor((x1 - x0) / unit) + 1 : Math.ceil(Math.sqrt(lonely.length * 1.6)));
  lonely.forEach((i, p) => {
    x[i] = x0 + (p % perRow) * unit;
    y[i] = y1 + Math.floor(p / perRow) * unit;
  });
}
