// views/participation.js - #/participation: which of a company's employees take part in
// which networks, at what cost and for what, and what they bring home (seed 003).
//
// GET /api/v1/participation (#/participation?organisation=ID chooses among the
// organisations whose people take part): the organisation's ground rules, then a
// matrix with a row per employee and a column per network: the role, meetings attended
// in the last 365 days and their time cost, with totals per employee and per network;
// under it each participation in detail: hours and hourly cost, the expected outcome
// and the employee's goals there against their targets. Then the takeaways shared with
// the workspace (GET /api/v1/takeaways, newest first, searchable with ?q=) and a form
// to share one (POST /api/v1/takeaways): what was learned, from which network and
// meeting, by whom, when, with its tags.

import { api } from "../api.js";
import { field, fieldError, h, labelled, selectField, showError, statusFailed, viewFrame } from "../dom.js";
import { enumKey, loadEnums } from "../enums.js";
import { day, goalItem } from "../goals.js";
import { fromMajorUnits, tr } from "../i18n.js";

const TAGS = ["idea", "lead", "trend", "competitor"]; // the SPEC's; any other word goes too
const SHOWN = 30; // takeaways listed before "show more"

// a year's cost in whole kronor: the öre would only widen the matrix
const whole = (amount, currency) => ({ money: fromMajorUnits(amount, currency), minimumFractionDigits: 0, maximumFractionDigits: 0 });

export function participationView(ctx, query = new URLSearchParams()) {
  const { section, status, body } = viewFrame("participation");
  start();
  return section;

  async function start() {
    let matrix, workspace, networks, persons, meetings;
    try {
      [, matrix, workspace, networks, persons, meetings] = await Promise.all([
        loadEnums(),
        api("GET", "/participation"),
        api("GET", "/workspace"),
        api("GET", "/networks?limit=1000"),
        api("GET", "/persons?limit=1000"),
        api("GET", "/meetings?limit=1000"),
      ]);
    } catch (err) {
      statusFailed(status, err);
      return;
    }
    status.remove();
    const names = {
      person: new Map(persons.items.map((p) => [p.id, p.full_name])),
      network: new Map(networks.items.map((n) => [n.id, n.name])),
      meeting: new Map(meetings.items.map((m) => [m.id, m])),
    };
    body.append(
      organisationsPart(matrix.organisations, workspace.currency, query.get("organisation")),
      takeawaysPart(ctx, names, persons.items, networks.items, meetings.items),
    );
  }
}

// --- the matrix ---

function organisationsPart(organisations, currency, wanted) {
  const part = h("div", { class: "stack" });
  if (!organisations.length) {
    part.append(
      h("div", { class: "empty card stack" }, h("p", { class: "none", i18n: "participation.none" }), h("p", { class: "muted", i18n: "participation.none_hint" })),
    );
    return part;
  }
  // the organisation with the most participations first: in a company's workspace, the company
  const sorted = [...organisations].sort((a, b) => b.cells.length - a.cells.length || a.organisation.name.localeCompare(b.organisation.name));
  const picker = selectField(
    "participation-org",
    "participation.organisation",
    sorted.map((o) => ({ value: o.organisation.id, text: o.organisation.name })),
  );
  picker.wrap.hidden = sorted.length < 2;
  const shown = h("div", { class: "stack" });
  function choose(id) {
    const o = sorted.find((x) => x.organisation.id === id) || sorted[0];
    picker.input.value = o.organisation.id;
    if (id && id !== o.organisation.id) history.replaceState(null, "", "#/participation");
    shown.replaceChildren(...organisation(o, currency));
  }
  picker.input.addEventListener("change", () => {
    history.replaceState(null, "", `#/participation?organisation=${encodeURIComponent(picker.input.value)}`);
    choose(picker.input.value);
  });
  choose(wanted);
  part.append(picker.wrap, shown);
  return part;
}

function organisation(o, currency) {
  return [
    h("h2", { class: "org-name", text: o.organisation.name }),
    h(
      "div",
      { class: "card stack rules" },
      h("h3", { i18n: "participation.ground_rules" }),
      o.ground_rules ? h("p", { class: "ground-rules", text: o.ground_rules }) : h("p", { class: "muted", i18n: "participation.no_rules" }),
    ),
    matrix(o, currency),
    details(o, currency),
  ];
}

// Rows employees, columns networks; a cell per participation, totals at the ends.
function matrix(o, currency) {
  const cellOf = new Map(o.cells.map((c) => [`${c.person.id}/${c.network.id}`, c]));
  const cost = (c) => c.time_cost_last_year || 0;
  const rows = o.employees.map((e) => {
    const mine = o.cells.filter((c) => c.person.id === e.id);
    return h(
      "tr",
      { "data-person": e.id },
      h("th", { scope: "row", text: e.name }),
      o.networks.map((n) => {
        const c = cellOf.get(`${e.id}/${n.id}`);
        return c ? matrixCell(c) : h("td", { class: "none", "data-network": n.id }, h("span", { "aria-hidden": "true", text: "–" }), h("span", { class: "visually-hidden", i18n: "participation.not_there" }));
      }),
      h("td", { class: "num total" }, h("span", { i18n: ["participation.value", { v: whole(mine.reduce((s, c) => s + cost(c), 0), currency) }] })),
    );
  });
  const totals = h(
    "tr",
    { class: "totals" },
    h("th", { scope: "row", i18n: "participation.total" }),
    o.networks.map((n) =>
      h("td", { class: "num total", "data-network": n.id }, h("span", {
        i18n: ["participation.value", { v: whole(o.cells.filter((c) => c.network.id === n.id).reduce((s, c) => s + cost(c), 0), currency) }],
      })),
    ),
    h("td", { class: "num total grand" }, h("span", { i18n: ["participation.value", { v: whole(o.cells.reduce((s, c) => s + cost(c), 0), currency) }] })),
  );
  return h(
    "div",
    { class: "table-scroll matrix-wrap", tabindex: 0, role: "region", "aria-labelledby": `matrix-caption-${o.organisation.id}` },
    h(
      "table",
      { class: "matrix" },
      h("caption", { id: `matrix-caption-${o.organisation.id}`, i18n: "participation.matrix" }),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col", i18n: "participation.employee" }),
          o.networks.map((n) => h("th", { scope: "col", "data-network": n.id, text: n.name })),
          h("th", { scope: "col", i18n: "participation.employee_total" }),
        ),
      ),
      h("tbody", {}, rows),
      h("tfoot", {}, totals),
    ),
  );
}

function matrixCell(c) {
  const behind = c.goals.filter((g) => g.behind).length;
  return h(
    "td",
    {
      class: "taking-part",
      "data-network": c.network.id,
      "data-attended": c.attended_last_year,
      "data-cost": c.time_cost_last_year,
    },
    h("span", { class: "role", i18n: enumKey("membership_role", c.role) }),
    h("span", { class: "attended", i18n: ["participation.attended", { count: c.attended_last_year }] }),
    h("span", { class: "cost", i18n: ["participation.value", { v: whole(c.time_cost_last_year, c.currency) }] }),
    c.goals.length
      ? h("span", { class: behind ? "goals behind" : "goals", i18n: ["participation.goals_count", { goals: { t: "participation.goals_n", vars: { count: c.goals.length } }, behind }] })
      : null,
  );
}

// Each participation: its time and cost, what it should bring, and the goals there.
function details(o, currency) {
  return h(
    "div",
    { class: "stack" },
    h("h3", { i18n: "participation.details" }),
    h(
      "ul",
      { class: "participations" },
      o.cells.map((c) =>
        h(
          "li",
          { class: "card stack", "data-person": c.person.id, "data-network": c.network.id },
          h("p", { class: "who", i18n: ["participation.who_where", { person: c.person.name, network: c.network.name }] }),
          h(
            "p",
            { class: "muted" },
            h("span", { i18n: enumKey("membership_role", c.role) }),
            c.since ? [" · ", h("span", { i18n: ["participation.since", { date: day(c.since) }] })] : null,
            c.until ? [" · ", h("span", { i18n: ["participation.until", { date: day(c.until) }] })] : null,
            c.hours_per_meeting != null && c.hourly_cost
              ? [" · ", h("span", { i18n: ["participation.hours", { hours: { number: c.hours_per_meeting, maximumFractionDigits: 2 }, rate: { money: c.hourly_cost } }] })]
              : [" · ", h("span", { i18n: "participation.uncosted" })],
          ),
          c.expected_outcome
            ? h("p", {}, h("span", { class: "label", i18n: "participation.expected" }), " ", h("span", { class: "expected", text: c.expected_outcome }))
            : null,
          c.goals.length ? h("ul", { class: "goals" }, c.goals.map((g) => goalItem(g, { currency }))) : null,
        ),
      ),
    ),
  );
}

// --- takeaways ---

function takeawaysPart(ctx, names, persons, networks, meetings) {
  const list = h("ol", { class: "takeaways" });
  const more = h("button", { type: "button", class: "quiet", i18n: "participation.more", hidden: true });
  const count = h("p", { class: "muted takeaway-count", role: "status" });
  const search = field("takeaway-search", "participation.search", { type: "search", autocomplete: "off" }, "participation.search_hint");
  const searchForm = h(
    "form",
    { class: "search-form", role: "search", onsubmit: (e) => (e.preventDefault(), load(search.input.value.trim())) },
    search.wrap,
    h("button", { type: "submit", i18n: "participation.search_submit" }),
  );
  let items = [];
  let shown = 0;

  function showMore() {
    const next = items.slice(shown, shown + SHOWN);
    list.append(...next.map((t) => takeawayItem(t, names)));
    shown += next.length;
    more.hidden = shown >= items.length;
  }
  more.addEventListener("click", () => {
    const first = shown;
    showMore();
    list.children[first]?.querySelector(".text")?.focus();
  });

  let asked = 0;
  async function load(q = "") {
    const mine = ++asked;
    search.clear();
    tr(count, "loading");
    let page;
    try {
      page = await api("GET", q ? `/takeaways?limit=1000&q=${encodeURIComponent(q)}` : "/takeaways?limit=1000");
    } catch (err) {
      if (mine !== asked) return;
      count.textContent = "";
      if (!fieldError({ q: search }, err)) showError(count, err);
      return;
    }
    if (mine !== asked) return;
    // a search answers the most relevant first; the feed is newest first
    items = q ? page.items : [...page.items].sort((a, b) => b.at.localeCompare(a.at) || Number(b.id) - Number(a.id));
    list.replaceChildren();
    shown = 0;
    showMore();
    if (q) tr(count, "participation.found", { count: items.length, q });
    else tr(count, items.length ? "participation.count" : "participation.no_takeaways", { count: items.length });
  }
  load();

  const form = takeawayForm(ctx, persons, networks, meetings, (record) => {
    items.unshift(record);
    list.prepend(takeawayItem(record, names));
    shown++;
    search.input.value = "";
    tr(count, "participation.count", { count: items.length });
  });

  return h(
    "section",
    { class: "stack takeaways-part", "aria-labelledby": "takeaways-title" },
    h("h2", { id: "takeaways-title", i18n: "participation.takeaways" }),
    h("p", { class: "muted", i18n: "participation.takeaways_intro" }),
    h("div", { class: "form-layout" }, form, h("div", { class: "stack" }, searchForm, count, list, more)),
  );
}

function takeawayItem(t, names) {
  const meeting = t.meeting_id ? names.meeting.get(t.meeting_id) : null;
  const source = [];
  if (t.network_id) source.push(h("span", { class: "network", text: names.network.get(t.network_id) || t.network_id }));
  if (meeting) source.push(h("span", { i18n: ["participation.meeting_of", { date: { date: meeting.at } }] }));
  return h(
    "li",
    { class: "takeaway", "data-takeaway": t.id },
    h("p", { class: "text", tabindex: -1, text: t.text }),
    h(
      "p",
      { class: "muted meta" },
      h("span", { i18n: ["participation.at", { date: { date: t.at } }] }),
      t.author ? [" · ", h("span", { class: "author", text: names.person.get(t.author) || t.author })] : null,
      source.map((s) => [" · ", s]),
    ),
    t.tags?.length
      ? h("p", { class: "tags" }, t.tags.map((tag) => h("span", { class: `tag ${TAGS.includes(tag) ? tag : ""}`, i18n: TAGS.includes(tag) ? `participation.tag_${tag}` : null, text: TAGS.includes(tag) ? null : tag })))
      : null,
  );
}

// The form to share a takeaway; added(record) once the API has it.
function takeawayForm(ctx, persons, networks, meetings, added) {
  const collator = new Intl.Collator();
  const text = labelled(h("textarea", { id: "takeaway-text", name: "text", rows: 4, maxlength: 5000 }), "participation.text", "participation.text_hint");
  const network = selectField("takeaway-network", "participation.network", [
    { value: "", i18n: "participation.no_network" },
    ...[...networks].sort((a, b) => collator.compare(a.name, b.name)).map((n) => ({ value: n.id, text: n.name })),
  ]);
  const meeting = selectField("takeaway-meeting", "participation.meeting", [], "participation.meeting_hint");
  const author = selectField("takeaway-author", "participation.author", [
    { value: "", i18n: "participation.no_author" },
    ...[...persons].sort((a, b) => collator.compare(a.full_name, b.full_name)).map((p) => ({ value: p.id, text: p.full_name })),
  ]);
  // the signed-in person, if the account is one of the people
  author.input.value = persons.find((p) => p.account_id && p.account_id === ctx.session?.account?.id)?.id || "";
  const today = new Date().toISOString().slice(0, 10);
  const date = field("takeaway-at", "participation.date", { type: "date", value: today });
  const tagBoxes = TAGS.map((tag) =>
    h("label", { class: "choice" }, h("input", { type: "checkbox", name: "tag", value: tag }), h("span", { i18n: `participation.tag_${tag}` })),
  );
  const otherTags = field("takeaway-tags", "participation.other_tags", { autocomplete: "off" }, "participation.other_tags_hint");
  const alert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
  const done = h("p", { class: "saved", role: "status" });
  const submit = h("button", { type: "submit", class: "primary", i18n: "participation.share" });

  function fillMeetings() {
    const id = network.input.value;
    const own = meetings.filter((m) => m.network_id === id).sort((a, b) => b.at.localeCompare(a.at));
    meeting.input.replaceChildren(
      h("option", { value: "", i18n: "participation.no_meeting" }),
      ...own.map((m) => h("option", { value: m.id, i18n: ["participation.meeting_option", { date: { date: m.at }, place: m.place || "" }] })),
    );
    meeting.input.disabled = !own.length;
  }
  network.input.addEventListener("change", fillMeetings);
  // a meeting chosen: the takeaway is from its day
  meeting.input.addEventListener("change", () => {
    const m = meetings.find((x) => x.id === meeting.input.value);
    if (m) date.input.value = m.at.slice(0, 10);
  });
  fillMeetings();

  const fields = { text, network_id: network, meeting_id: meeting, author, at: date, tags: otherTags };
  const form = h(
    "form",
    { class: "card stack takeaway-form", novalidate: true, "aria-labelledby": "takeaway-form-title", onsubmit: send },
    h("h3", { id: "takeaway-form-title", i18n: "participation.add_title" }),
    text.wrap,
    network.wrap,
    meeting.wrap,
    author.wrap,
    date.wrap,
    h("fieldset", {}, h("legend", { i18n: "participation.tags" }), h("div", { class: "choices" }, tagBoxes)),
    otherTags.wrap,
    alert,
    done,
    submit,
  );

  async function send(event) {
    event.preventDefault();
    for (const f of Object.values(fields)) f.clear();
    alert.textContent = "";
    delete alert.dataset.i18n;
    done.textContent = "";
    delete done.dataset.i18n;
    const words = text.input.value.trim();
    if (!words) {
      text.error("participation.need_text");
      text.input.focus();
      return;
    }
    if (!date.input.value) {
      date.error("participation.need_date");
      date.input.focus();
      return;
    }
    const tags = [
      ...tagBoxes.map((l) => l.querySelector("input")).filter((b) => b.checked).map((b) => b.value),
      ...otherTags.input.value.toLocaleLowerCase().split(/[\s,]+/).filter(Boolean),
    ];
    const body = {
      text: words,
      at: atOf(date.input.value, meetings.find((m) => m.id === meeting.input.value)),
      network_id: network.input.value || null,
      meeting_id: meeting.input.value || null,
      author: author.input.value || null,
      tags: [...new Set(tags)],
    };
    submit.disabled = true;
    form.setAttribute("aria-busy", "true");
    let record;
    try {
      record = await api("POST", "/takeaways", body);
    } catch (err) {
      submit.disabled = false;
      form.removeAttribute("aria-busy");
      const f = err.field?.startsWith("tags") ? { ...fields, [err.field]: otherTags } : fields;
      if (!fieldError(f, err, wordsFor)) showError(alert, err);
      return;
    }
    submit.disabled = false;
    form.removeAttribute("aria-busy");
    text.input.value = "";
    otherTags.input.value = "";
    for (const l of tagBoxes) l.querySelector("input").checked = false;
    tr(done, "participation.shared");
    added(record);
    text.input.focus();
  }
  return form;
}

// When a takeaway is from: its meeting's time on the meeting's day, now if it is from
// today, else noon (UTC) of the day given.
function atOf(date, meeting) {
  if (meeting && meeting.at.slice(0, 10) === date) return meeting.at;
  const now = new Date().toISOString();
  return now.slice(0, 10) === date ? now.replace(/\.\d+Z$/, "Z") : `${date}T12:00:00Z`;
}

function wordsFor(err) {
  if (err.field?.startsWith("tags")) return "participation.bad_tag";
  if (err.field === "at") return "participation.bad_date";
  return null;
}
