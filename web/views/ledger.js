// views/ledger.js - #/ledger: give and take (SPEC §4.3). The ledger, the balance of a
// pair, of a person or of every member, the balance over time, and recording an
// exchange.
//
// Whose give and take is the question of the filter (a person, optionally the one they
// exchange with, and a network), kept in the fragment (#/ledger?person=&with=&network=)
// so that a reload or a link asks it again. The answer:
//   - the balance: GET /balance?a=&b=&network= (a pair, a person against everyone with
//     each partner, or every member), its numbers and flags said in words;
//   - the balance over time: the person's cumulative points given minus received per
//     month, drawn as SVG from the ledger's entries, with a table of the same numbers;
//   - the ledger: GET /ledger?person= (newest first), filtered to the pair and network.
// Recording an exchange (POST /exchanges) asks the same question again, so the balance
// shown changes at once. The record routes take ids: names typed are resolved by
// people.js. The reasons of the flags come from their facts, in the page's language.

import { api } from "../api.js";
import { field, fieldError, h, showError, svg } from "../dom.js";
import { formatDate, formatNumber, tr } from "../i18n.js";
import { loadNetworks, loadPeople } from "../people.js";

export const KINDS = ["referral", "introduction", "information", "advice", "help", "meeting", "closed_business", "thanks"];
// the default points of each kind (data/exchange_kind.tsv); closed business counts by
// its value, thanks apart
const POINTS = { referral: 3, introduction: 2, information: 1, advice: 1, help: 1, meeting: 1 };
const PAGE = 50; // ledger rows shown at first, and added by "show more"
const KEYS = ["person", "with", "network"];

const two = (v) => ({ number: v, minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signed = (v) => ({ number: v, minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero" });
const points = (v) => ({ number: v, maximumFractionDigits: 2 });

// A labelled <select> shaped like dom.js's field(), with the place for its error.
export function choice(id, labelKey, options, hintKey = null) {
  const select = h("select", { id, name: id }, options);
  const hint = hintKey ? h("p", { id: `${id}-hint`, class: "hint", i18n: hintKey }) : null;
  const message = h("p", { id: `${id}-error`, class: "field-error", hidden: true });
  if (hint) select.setAttribute("aria-describedby", hint.id);
  return {
    wrap: h("div", { class: "field" }, h("label", { for: id, i18n: labelKey }), select, hint, message),
    input: select,
    error(key, vars) {
      tr(message, key, vars);
      message.hidden = false;
      select.setAttribute("aria-invalid", "true");
      select.setAttribute("aria-describedby", hint ? `${message.id} ${hint.id}` : message.id);
    },
    clear() {
      message.hidden = true;
      message.textContent = "";
      delete message.dataset.i18n;
      select.removeAttribute("aria-invalid");
      if (hint) select.setAttribute("aria-describedby", hint.id);
      else select.removeAttribute("aria-describedby");
    },
  };
}

// The networks as <option>s, after one for "any" (value "").
export function networkOptions(networks, anyKey) {
  return [h("option", { value: "", i18n: anyKey }), ...networks.map((n) => h("option", { value: n.id, text: n.name }))];
}

// Today in UTC as YYYY-MM-DD, for a date field's default.
export function today() {
  return new Date().toISOString().slice(0, 10);
}

// The time to record for a date: now if it is today, else noon UTC of that day.
export function timeOf(date) {
  if (date === today()) return new Date().toISOString().replace(/\.\d+Z$/, "Z");
  return `${date}T12:00:00Z`;
}

// A person not found or not unambiguous: said beside the field, true if so.
export function unresolved(f, found) {
  if (!found.error) return false;
  f.error(found.error === "empty" ? "ledger.need_person" : `ledger.${found.error}_person`, { value: f.input.value.trim() });
  return true;
}

export function ledgerView(ctx, query = new URLSearchParams()) {
  const alert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
  const status = h("p", { class: "muted", role: "status", i18n: "loading" });
  const balanceBox = h("section", { class: "stack", "aria-labelledby": "balance-title" });
  const chartBox = h("section", { class: "stack", "aria-labelledby": "chart-title" });
  const ledgerBox = h("section", { class: "stack", "aria-labelledby": "ledger-title" });

  // --- the question: whose give and take ---
  const person = field("person", "ledger.person", { list: "ledger-persons", autocomplete: "off" }, "ledger.person_hint");
  const other = field("with", "ledger.with", { list: "ledger-persons", autocomplete: "off" }, "ledger.with_hint");
  const network = choice("network", "ledger.network", []);
  const show = h("button", { type: "submit", i18n: "ledger.show" });
  const filter = h(
    "form",
    { class: "card filter", novalidate: true, "aria-labelledby": "filter-title", onsubmit: ask },
    h("h2", { id: "filter-title", i18n: "ledger.filter_title" }),
    h("div", { class: "row" }, person.wrap, other.wrap, network.wrap, h("div", { class: "field action" }, show)),
  );

  // --- recording an exchange ---
  const rec = recordForm(recorded);

  const section = h(
    "section",
    { class: "stack wide ledger" },
    h("h1", { tabindex: -1, i18n: "ledger.title" }),
    h("p", { class: "muted", i18n: "ledger.intro" }),
    filter,
    alert,
    status,
    // the balance beside the form that changes it; the chart and the ledger under both
    h("div", { class: "answer-layout" }, balanceBox, rec.form),
    chartBox,
    ledgerBox,
  );

  let people = null;
  let networks = [];
  const ready = Promise.all([loadPeople(), loadNetworks()]).then(([p, n]) => {
    people = p;
    networks = n;
    filter.append(people.datalist("ledger-persons"));
    network.input.replaceChildren(...networkOptions(networks, "ledger.any_network"));
    rec.ready(people, networks, ctx);
    for (const key of KEYS) if (query.get(key)) fieldOf(key).input.value = key === "network" ? query.get(key) : people.label(query.get(key));
    if (query.get("person")) rec.giver(query.get("person"));
  });
  ready.then(() => load(questionOfUrl())).catch((err) => fail(err));

  function fieldOf(key) {
    return { person, with: other, network }[key];
  }
  function questionOfUrl() {
    const q = {};
    for (const key of KEYS) if (query.get(key)) q[key] = query.get(key);
    return q;
  }

  function ask(event) {
    event.preventDefault();
    for (const f of [person, other]) f.clear();
    alert.textContent = "";
    const q = {};
    for (const [key, f] of [["person", person], ["with", other]]) {
      if (!f.input.value.trim()) continue;
      const found = people.find(f.input.value);
      if (unresolved(f, found)) return f.input.focus();
      q[key] = found.id;
    }
    if (q.with && !q.person) {
      person.error("ledger.need_person_first");
      return person.input.focus();
    }
    if (network.input.value) q.network = network.input.value;
    history.replaceState(null, "", `#/ledger?${new URLSearchParams(q)}`);
    if (q.person) rec.giver(q.person);
    load(q);
  }

  function fail(err) {
    status.hidden = true;
    showError(alert, err);
  }

  // The balance, the chart and the ledger for the question q ({person, with, network}).
  let asked = 0;
  let current = {};
  async function load(q) {
    const mine = ++asked;
    current = q;
    status.hidden = false;
    tr(status, "loading");
    const params = new URLSearchParams();
    if (q.person) params.set("a", q.person);
    if (q.with) params.set("b", q.with);
    if (q.network) params.set("network", q.network);
    let balance, ledger;
    try {
      [balance, ledger] = await Promise.all([
        api("GET", `/balance?${params}`),
        api("GET", q.person ? `/ledger?person=${encodeURIComponent(q.person)}` : "/ledger"),
      ]);
    } catch (err) {
      if (mine === asked) fail(err);
      return;
    }
    if (mine !== asked) return;
    status.hidden = true;
    const entries = ledger.exchanges.filter(
      (x) =>
        (!q.with || x.giver.id === q.with || x.receiver.id === q.with) &&
        (!q.network || x.network?.id === q.network),
    );
    balanceBox.replaceChildren(...showBalance(balance, q));
    chartBox.replaceChildren(...(q.person ? showChart(entries, q.person, balance) : []));
    chartBox.hidden = !q.person;
    ledgerBox.replaceChildren(...showLedger(entries));
  }

  function recorded(exchange) {
    // the balance and ledger shown are the question's, which the new exchange may change
    load(current);
    return exchange;
  }

  return section;
}

// --- the form that records an exchange ---

function recordForm(onRecorded) {
  const giver = field("giver", "ledger.giver", { list: "ledger-persons", autocomplete: "off", required: true });
  const receiver = field("receiver", "ledger.receiver", { list: "ledger-persons", autocomplete: "off", required: true });
  const kind = choice(
    "kind",
    "ledger.kind",
    KINDS.map((k) => h("option", { value: k, i18n: `ledger.kind.${k}` })),
    "ledger.kind_hint",
  );
  const at = field("at", "ledger.date", { type: "date", required: true, value: today() });
  const pts = field("points", "ledger.points", { type: "number", min: 0, max: 1000, step: "any", inputmode: "decimal" });
  const amount = field("amount", "ledger.amount", { inputmode: "decimal", autocomplete: "off" }, "ledger.amount_hint");
  const network = choice("network_id", "ledger.network", []);
  const note = field("note", "ledger.note", { autocomplete: "off", maxlength: 2000 });
  const isPrivate = h("input", { type: "checkbox", id: "private", name: "private" });
  const privacy = h("label", { class: "choice", for: "private" }, isPrivate, h("span", { i18n: "ledger.private" }));
  const alert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
  const done = h("p", { class: "done", role: "status" });
  const submit = h("button", { type: "submit", class: "primary", i18n: "ledger.record" });
  const form = h(
    "form",
    { class: "card stack record", novalidate: true, "aria-labelledby": "record-title", onsubmit: send },
    h("h2", { id: "record-title", i18n: "ledger.record_title" }),
    giver.wrap,
    receiver.wrap,
    kind.wrap,
    at.wrap,
    pts.wrap,
    amount.wrap,
    network.wrap,
    note.wrap,
    privacy,
    alert,
    submit,
    done,
  );
  const fields = { giver, receiver, kind, at, points: pts, amount, network_id: network, note };
  let people = null;
  let currency = "SEK";

  // points for the kinds that have them (the kind's own as the placeholder), a value
  // for closed business
  function showKind() {
    const k = kind.input.value;
    pts.wrap.hidden = !(k in POINTS);
    amount.wrap.hidden = k !== "closed_business";
    pts.input.placeholder = k in POINTS ? formatNumber(POINTS[k]) : "";
  }
  kind.input.addEventListener("change", showKind);
  showKind();

  function clear() {
    for (const f of Object.values(fields)) f.clear();
    alert.textContent = "";
    delete alert.dataset.i18n;
  }

  // The amount typed, in minor units, or null: "12 500,50", "12.500,50", "12,500.50" and
  // "12500" are all 1250050 öre; the last separator is the decimal one when one or two
  // digits follow it, else it groups thousands.
  function minorUnits(text) {
    const s = text.replace(/[\s\u00a0\u202f]/g, "");
    if (!/^\d[\d.,]*$/.test(s)) return null;
    const m = s.match(/^(.*?)[.,](\d{1,2})$/);
    const whole = (m ? m[1] : s).replace(/[.,]/g, "");
    const v = Number(whole) * 100 + (m ? Number(m[2].padEnd(2, "0")) : 0);
    return Number.isSafeInteger(v) ? v : null;
  }

  async function send(event) {
    event.preventDefault();
    clear();
    done.textContent = "";
    const body = { kind: kind.input.value };
    for (const [key, f] of [["giver", giver], ["receiver", receiver]]) {
      const found = people.find(f.input.value);
      if (unresolved(f, found)) return f.input.focus();
      body[key] = found.id;
    }
    if (!at.input.value) {
      at.error("ledger.need_date");
      return at.input.focus();
    }
    body.at = timeOf(at.input.value);
    if (!pts.wrap.hidden && pts.input.value.trim() !== "") body.points = Number(pts.input.value);
    if (!amount.wrap.hidden && amount.input.value.trim()) {
      const minor = minorUnits(amount.input.value);
      if (minor === null) {
        amount.error("ledger.bad_amount");
        return amount.input.focus();
      }
      body.amount = { amount: minor, currency };
    }
    if (network.input.value) body.network_id = network.input.value;
    if (note.input.value.trim()) body.note = note.input.value.trim();
    if (isPrivate.checked) body.private = true;

    submit.disabled = true;
    form.setAttribute("aria-busy", "true");
    tr(submit, "ledger.recording");
    try {
      const x = await api("POST", "/exchanges", body);
      tr(done, "ledger.recorded", {
        giver: people.name(x.giver),
        receiver: people.name(x.receiver),
        kind: { t: `ledger.kind.${x.kind}` },
        date: { date: x.at },
      });
      note.input.value = "";
      pts.input.value = "";
      amount.input.value = "";
      isPrivate.checked = false;
      onRecorded(x);
    } catch (err) {
      if (!fieldError(fields, err, wordsFor)) showError(alert, err);
    } finally {
      submit.disabled = false;
      form.setAttribute("aria-busy", "false");
      tr(submit, "ledger.record");
    }
  }

  return {
    form,
    ready(p, networks, ctx) {
      people = p;
      form.append(people.datalist("ledger-record-persons"));
      giver.input.setAttribute("list", "ledger-record-persons");
      receiver.input.setAttribute("list", "ledger-record-persons");
      network.input.replaceChildren(...networkOptions(networks, "ledger.no_network"));
      api("GET", "/workspace")
        .then((ws) => {
          currency = ws.currency || currency;
          // the field's label (field() puts it just before the input) names the currency
          tr(amount.input.previousElementSibling, "ledger.amount_in", { currency });
        })
        .catch(() => {}); // the workspace's currency only labels the field
    },
    giver(id) {
      if (!giver.input.value.trim()) giver.input.value = people.label(id);
    },
  };
}

// Our words for the errors a person can make in the record form; null: the server's.
function wordsFor(err) {
  if (err.field === "receiver" && /same person/.test(err.message)) return "ledger.same_person";
  if (err.field === "points") return "ledger.bad_points";
  if (err.field === "at") return "ledger.need_date";
  return null;
}

// --- the balance ---

function showBalance(b, q) {
  if (!q.person) return groupBalance(b);
  const heading = q.with
    ? h("h2", { id: "balance-title", i18n: ["ledger.balance_pair", { a: b.a.name, b: b.b.name }] })
    : h("h2", { id: "balance-title", i18n: ["ledger.balance_person", { name: b.a.name }] });
  const out = [heading, summary(b)];
  if (b.partners) {
    out.push(
      h("h3", { i18n: "ledger.partners" }),
      b.partners.length
        ? balanceTable(b.partners, "ledger.partner", (row) => h("a", { href: `#/ledger?${pairQuery(row, q)}`, text: row.b.name }))
        : h("p", { class: "empty", i18n: "ledger.no_partners" }),
    );
  }
  return out;
}

function pairQuery(row, q) {
  const p = new URLSearchParams({ person: row.a.id, with: row.b.id });
  if (q.network) p.set("network", q.network);
  return p;
}

function groupBalance(b) {
  const out = [
    h("h2", { id: "balance-title", i18n: "ledger.balance_group" }),
    h("p", { class: "muted", i18n: ["ledger.group_intro", { window: { t: "ledger.days", vars: { count: b.window_days } } }] }),
  ];
  if (!b.members.length) return [...out, h("p", { class: "empty", i18n: "ledger.no_members" })];
  return [
    ...out,
    balanceTable(b.members, "ledger.member", (row) => {
      const p = new URLSearchParams({ person: row.a.id });
      if (b.network) p.set("network", b.network.id);
      return h("a", { href: `#/ledger?${p}`, text: row.a.name });
    }),
  ];
}

// A table of balances: who (first cell), given, received, B, M and the flags.
function balanceTable(rows, whoKey, who) {
  return h(
    "div",
    { class: "table-scroll" },
    h(
      "table",
      { class: "balances" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          [whoKey, "ledger.given", "ledger.received", "ledger.balance", "ledger.mutual", "ledger.flags"].map((k, i) =>
            h("th", { scope: "col", class: i && i < 5 ? "num" : null, i18n: k }),
          ),
        ),
      ),
      h(
        "tbody",
        {},
        rows.map((r) =>
          h(
            "tr",
            { "data-person": r.b ? r.b.id : r.a.id },
            h("th", { scope: "row" }, who(r)),
            h("td", { class: "num", i18n: ["ledger.n", { n: points(r.given) }] }),
            h("td", { class: "num", i18n: ["ledger.n", { n: points(r.received) }] }),
            h("td", { class: "num", "data-balance": r.balance, i18n: ["ledger.n", { n: signed(r.balance) }] }),
            h("td", { class: "num", i18n: ["ledger.n", { n: two(r.mutual) }] }),
            h("td", {}, r.flags.map((f) => h("span", { class: `flag flag-${f.flag}`, i18n: `ledger.flag.${f.flag}` }))),
          ),
        ),
      ),
    ),
  );
}

// One balance in numbers and words: what it leans to, what M says, and each flag.
function summary(b) {
  const dl = h(
    "dl",
    { class: "counts balance-counts" },
    h("div", {}, h("dt", { i18n: "ledger.given" }), h("dd", { class: "given", i18n: ["ledger.n", { n: points(b.given) }] })),
    h("div", {}, h("dt", { i18n: "ledger.received" }), h("dd", { class: "received", i18n: ["ledger.n", { n: points(b.received) }] })),
    h("div", {}, h("dt", { i18n: "ledger.balance" }), h("dd", { class: "balance", i18n: ["ledger.n", { n: signed(b.balance) }] })),
    h("div", {}, h("dt", { i18n: "ledger.mutual" }), h("dd", { class: "mutual", i18n: ["ledger.n", { n: two(b.mutual) }] })),
  );
  const lean =
    b.given + b.received === 0
      ? ["ledger.lean_none", { window: { t: "ledger.days", vars: { count: b.window_days } } }]
      : Math.abs(b.balance) < 0.2
        ? ["ledger.lean_even", { value: signed(b.balance) }]
        : b.balance > 0
          ? ["ledger.lean_give", { value: signed(b.balance) }]
          : ["ledger.lean_take", { value: signed(b.balance) }];
  const counts = [
    "ledger.exchanges",
    {
      window: { t: "ledger.days", vars: { count: b.window_days } },
      given: { t: "ledger.exchanges_n", vars: { count: b.exchanges_given } },
      received: { t: "ledger.exchanges_n", vars: { count: b.exchanges_received } },
    },
  ];
  return h(
    "div",
    { class: "card stack balance-summary" },
    dl,
    h("p", { class: "lean", i18n: lean }),
    h("p", { i18n: ["ledger.mutual_explained", { value: two(b.mutual) }] }),
    h("p", { class: "muted", i18n: counts }),
    b.last_exchange ? h("p", { class: "muted", i18n: ["ledger.last", { date: { date: b.last_exchange } }] }) : null,
    b.flags.length
      ? h("ul", { class: "flags" }, b.flags.map((f) => h("li", { class: `flag-line flag-${f.flag}`, "data-flag": f.flag, i18n: flagWords(f, b) })))
      : h("p", { class: "muted", i18n: "ledger.no_flags" }),
  );
}

// A flag in words, from its facts (the API's reason is English).
export function flagWords(f, b) {
  switch (f.flag) {
    case "taker":
      return ["ledger.why.taker", { value: signed(b.balance), points: points(b.received) }];
    case "giver_only":
      return ["ledger.why.giver_only", { value: signed(b.balance), points: points(b.given) }];
    case "fading":
      return [f.never ? "ledger.why.fading_never" : "ledger.why.fading", { days: f.days, cadence: f.cadence_days }];
    case "thanks_owed":
      return [
        f.more ? "ledger.why.thanks_owed_more" : "ledger.why.thanks_owed",
        { kind: { t: `ledger.what.${f.kind}` }, name: f.from?.name ?? "", date: { date: f.at }, count: f.more },
      ];
    default:
      return ["ledger.why.other", { reason: f.reason }];
  }
}

// --- the balance over time ---

// Per month from the first exchange to the last: points given, received, their
// difference and the running total, for person (UTC months).
export function monthly(entries, person) {
  if (!entries.length) return [];
  const sums = new Map();
  for (const x of entries) {
    const key = x.at.slice(0, 7);
    const m = sums.get(key) || { given: 0, received: 0 };
    if (x.giver.id === person) m.given += x.points;
    else m.received += x.points;
    sums.set(key, m);
  }
  const keys = [...sums.keys()].sort();
  let [y, mo] = keys[0].split("-").map(Number);
  const last = keys[keys.length - 1];
  const out = [];
  let total = 0;
  for (;;) {
    const key = `${y}-${String(mo).padStart(2, "0")}`;
    const m = sums.get(key) || { given: 0, received: 0 };
    total += m.given - m.received;
    out.push({ month: key, given: m.given, received: m.received, net: m.given - m.received, total });
    if (key === last) break;
    mo++;
    if (mo > 12) {
      mo = 1;
      y++;
    }
  }
  return out;
}

// Round numbers for an axis from lo to hi: about five steps of 1, 2 or 5 × 10^k.
function ticks(lo, hi) {
  const span = hi - lo || 1;
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((s) => s * mag).find((s) => s >= raw);
  const out = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step / 2; v += step) out.push(Math.round(v / step) * step);
  return out;
}

const CHART_W = 720;
const CHART_H = 260;
const PAD = { left: 52, right: 12, top: 14, bottom: 34 };

function showChart(entries, person, b) {
  const months = monthly(entries, person);
  const heading = h("h2", { id: "chart-title", i18n: "ledger.chart_title" });
  const intro = h("p", { class: "muted", i18n: "ledger.chart_intro" });
  if (!months.length) return [heading, h("p", { class: "empty", i18n: "ledger.chart_empty" })];

  const values = months.flatMap((m) => [m.total, m.net, 0]);
  const axis = ticks(Math.min(...values), Math.max(...values));
  const lo = axis[0], hi = axis[axis.length - 1];
  const w = CHART_W - PAD.left - PAD.right;
  const ht = CHART_H - PAD.top - PAD.bottom;
  const slot = w / months.length;
  const x = (i) => PAD.left + slot * (i + 0.5);
  const y = (v) => PAD.top + ((hi - v) / (hi - lo || 1)) * ht;
  // a month as a tr() value, so that a language change renames it; and as text, for tips
  const monthVar = (key, year) => ({ date: `${key}-15T12:00:00Z`, month: "short", year: year ? "2-digit" : undefined, timeZone: "UTC" });
  const monthName = (key) => formatDate(`${key}-15T12:00:00Z`, { month: "short", year: "2-digit", timeZone: "UTC" });
  const every = Math.ceil(months.length / 10); // at most ten month labels

  const grid = axis.map((v) =>
    svg(
      "g",
      { class: v === 0 ? "zero" : "grid" },
      svg("line", { x1: PAD.left, x2: CHART_W - PAD.right, y1: fix(y(v)), y2: fix(y(v)) }),
      tr(svg("text", { x: PAD.left - 6, y: fix(y(v) + 4), "text-anchor": "end" }), "ledger.n", { n: v }),
    ),
  );
  const bars = months.map((m, i) =>
    svg(
      "rect",
      {
        class: m.net >= 0 ? "bar give" : "bar take",
        x: fix(x(i) - slot * 0.32),
        width: fix(slot * 0.64),
        y: fix(y(Math.max(m.net, 0))),
        height: fix(Math.max(Math.abs(y(m.net) - y(0)), m.net ? 1 : 0)),
      },
      svg("title", { text: monthTip(m, monthName(m.month)) }),
    ),
  );
  const line = svg("polyline", {
    class: "total",
    points: months.map((m, i) => `${fix(x(i))},${fix(y(m.total))}`).join(" "),
  });
  const dots = months.map((m, i) =>
    svg("circle", { class: "total-dot", cx: fix(x(i)), cy: fix(y(m.total)), r: months.length > 40 ? 1.5 : 3 }, svg("title", { text: monthTip(m, monthName(m.month)) })),
  );
  const labels = months.map((m, i) =>
    i % every === 0 || i === months.length - 1
      ? tr(
          svg("text", { x: fix(x(i)), y: CHART_H - PAD.bottom + 16, "text-anchor": "middle" }),
          "ledger.n",
          { n: monthVar(m.month, i === 0 || m.month.endsWith("-01") || i === months.length - 1) },
        )
      : null,
  );
  const last = months[months.length - 1];
  const picture = svg(
    "svg",
    { class: "chart", viewBox: `0 0 ${CHART_W} ${CHART_H}`, role: "img", preserveAspectRatio: "xMidYMid meet" },
    svg("g", { class: "axis" }, grid),
    svg("g", { class: "bars" }, bars),
    line,
    svg("g", { class: "dots" }, dots),
    svg("g", { class: "axis months" }, labels),
  );
  tr(
    picture,
    "ledger.chart_label",
    { name: b.a.name, from: monthVar(months[0].month, true), to: monthVar(last.month, true), total: { ...points(last.total), signDisplay: "exceptZero" } },
    "aria-label",
  );
  const legend = h(
    "p",
    { class: "chart-legend" },
    h("span", { class: "key key-give", "aria-hidden": "true" }),
    h("span", { i18n: "ledger.key_give" }),
    h("span", { class: "key key-take", "aria-hidden": "true" }),
    h("span", { i18n: "ledger.key_take" }),
    h("span", { class: "key key-total", "aria-hidden": "true" }),
    h("span", { i18n: "ledger.key_total" }),
  );
  const table = h(
    "details",
    { class: "as-text" },
    h("summary", { i18n: "ledger.chart_as_table" }),
    h(
      "div",
      { class: "table-scroll" },
      h(
        "table",
        { class: "months" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["ledger.month", "ledger.given", "ledger.received", "ledger.net", "ledger.total"].map((k, i) =>
              h("th", { scope: "col", class: i ? "num" : null, i18n: k }),
            ),
          ),
        ),
        h(
          "tbody",
          {},
          months.map((m) =>
            h(
              "tr",
              { "data-month": m.month },
              h("th", { scope: "row", i18n: ["ledger.n", { n: { date: `${m.month}-15T12:00:00Z`, month: "long", year: "numeric", timeZone: "UTC" } }] }),
              h("td", { class: "num", i18n: ["ledger.n", { n: points(m.given) }] }),
              h("td", { class: "num", i18n: ["ledger.n", { n: points(m.received) }] }),
              h("td", { class: "num", i18n: ["ledger.n", { n: { ...points(m.net), signDisplay: "exceptZero" } }] }),
              h("td", { class: "num total", i18n: ["ledger.n", { n: { ...points(m.total), signDisplay: "exceptZero" } }] }),
            ),
          ),
        ),
      ),
    ),
  );
  return [heading, intro, h("div", { class: "chart-frame" }, picture), legend, table];
}

function monthTip(m, name) {
  const n = (v, sign) => formatNumber(v, { maximumFractionDigits: 2, signDisplay: sign ? "exceptZero" : "auto" });
  return `${name}: ${n(m.net, true)} (${n(m.given)} − ${n(m.received)}), ${n(m.total, true)}`;
}

// --- the ledger ---

function showLedger(entries) {
  const heading = h("h2", { id: "ledger-title", i18n: "ledger.ledger_title" });
  if (!entries.length) return [heading, h("p", { class: "empty", i18n: "ledger.empty" })];
  const body = h("tbody", {});
  const more = h("button", { type: "button", class: "quiet", onclick: grow });
  let shown = 0;
  function grow() {
    const next = entries.slice(shown, shown + PAGE);
    body.append(...next.map(row));
    shown += next.length;
    more.hidden = shown >= entries.length;
    tr(more, "ledger.more", { count: Math.min(PAGE, entries.length - shown) });
  }
  grow();
  return [
    heading,
    h("p", { class: "muted", i18n: ["ledger.count", { count: entries.length }] }),
    h(
      "div",
      { class: "table-scroll" },
      h(
        "table",
        { class: "ledger-table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["ledger.date", "ledger.giver", "ledger.receiver", "ledger.kind", "ledger.points", "ledger.value", "ledger.network"].map((k) =>
              h("th", { scope: "col", class: k === "ledger.points" || k === "ledger.value" ? "num" : null, i18n: k }),
            ),
          ),
        ),
        body,
      ),
    ),
    more,
  ];
}

function row(x) {
  return h(
    "tr",
    { "data-id": x.id, "data-kind": x.kind },
    h("td", { class: "nowrap", i18n: ["ledger.on", { date: { date: x.at } }] }),
    h("td", { text: x.giver.name }),
    h("td", { text: x.receiver.name }),
    h("td", { i18n: `ledger.kind.${x.kind}` }),
    h("td", { class: "num", i18n: ["ledger.n", { n: points(x.points) }] }),
    h("td", { class: "num nowrap", i18n: x.amount ? ["ledger.n", { n: { money: x.amount } }] : null }),
    h("td", { text: x.network?.name ?? "" }),
  );
}

// A coordinate as an attribute: two decimals are finer than any screen.
function fix(v) {
  return String(Math.round(v * 100) / 100);
}
