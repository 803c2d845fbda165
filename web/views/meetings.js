// views/meetings.js - #/meetings: a referral group's meetings, and taking attendance
// (SPEC §3 meeting, §4.10).
//
// The list (#/meetings?network=ID): the network's meetings, newest first, with how
// many attended (P, L, S), were away (A, M) and visited, and a form for a new meeting
// (POST /api/v1/meetings). A meeting (#/meetings?meeting=ID) is its attendance: every
// member of its network on that day (the memberships whose since/until hold the date,
// visitors' memberships apart) and anyone already in its register, each marked with
// one of the model's codes: P present, A absent, L late, M medical, S substitute; and
// its visitors, by name (a name nobody in the workspace has becomes a new person), each
// with the member who invited them. Saving is one PATCH of the meeting, so the
// register and the visitors change together or not at all.
//
// Made for the leader at the door with a phone: each person is a row of five large
// buttons (radio buttons: arrows change, Tab goes on), and the keys P, A, L, M and S
// mark the row that has the focus and move to the next one.

import { api } from "../api.js";
import { field, h, showError, statusFailed, viewFrame } from "../dom.js";
import { tr } from "../i18n.js";
import { allRecords, apiTime, mayChange, peopleIndex } from "../group.js";

export const CODES = ["P", "A", "L", "M", "S"];
const ATTENDED = new Set(["P", "L", "S"]);
const AWAY = new Set(["A", "M"]);
const day = (iso) => String(iso).slice(0, 10);

export function meetingsView(ctx, query = new URLSearchParams()) {
  const { section, status, body } = viewFrame("meetings", "meetings-title");
  load();
  return section;

  async function load() {
    let data;
    try {
      const [networks, meetings, memberships, persons] = await Promise.all(
        ["networks", "meetings", "memberships", "persons"].map(allRecords),
      );
      data = { networks, meetings, memberships, people: peopleIndex(persons, "meetings-persons") };
    } catch (err) {
      statusFailed(status, err);
      return;
    }
    status.remove();
    const meeting = data.meetings.find((m) => m.id === query.get("meeting"));
    const parts = meeting ? attendanceView(ctx, data, meeting) : listView(ctx, data, query);
    if (query.has("meeting") && !meeting) parts.unshift(h("p", { class: "alert", role: "alert", i18n: "meetings.not_found" }));
    body.append(...parts.filter(Boolean));
  }
}

// --- the list of meetings, and a new one ---

function listView(ctx, data, query) {
  const { networks } = data;
  if (!networks.length) return [h("p", { class: "empty", i18n: "meetings.no_networks" })];
  const chosen = networks.find((n) => n.id === query.get("network")) || networks[0];
  const list = h("div", { class: "stack" });
  const picker = h(
    "select",
    { id: "network", name: "network" },
    networks.map((n) => h("option", { value: n.id, text: n.name })),
  );
  picker.value = chosen.id;
  picker.addEventListener("change", () => {
    history.replaceState(null, "", `#/meetings?network=${encodeURIComponent(picker.value)}`);
    show(networks.find((n) => n.id === picker.value));
  });
  const pick = h("div", { class: "field" }, h("label", { for: "network", i18n: "meetings.network" }), picker);
  show(chosen);
  return [networks.length > 1 ? pick : null, list];

  function show(network) {
    const meetings = data.meetings.filter((m) => m.network_id === network.id).sort((a, b) => b.at.localeCompare(a.at));
    list.replaceChildren(
      mayChange(ctx) ? newMeetingForm(ctx, network) : null,
      h("h2", { i18n: ["meetings.of_network", { name: network.name }] }),
      meetings.length ? meetingTable(network, meetings) : h("p", { class: "empty", i18n: "meetings.none" }),
    );
  }
}

function meetingTable(network, meetings) {
  const count = (m, set) => (m.attendance || []).filter((a) => set.has(a.code)).length;
  return h(
    "div",
    { class: "table-scroll" },
    h(
      "table",
      { class: "meetings" },
      h("caption", { class: "visually-hidden", i18n: ["meetings.of_network", { name: network.name }] }),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["meetings.when", "meetings.place", "meetings.attended", "meetings.away", "meetings.visitors"].map((key, i) =>
            h("th", { scope: "col", class: i > 1 ? "num" : null, i18n: key }),
          ),
        ),
      ),
      h(
        "tbody",
        {},
        meetings.map((m) =>
          h(
            "tr",
            { "data-meeting": m.id },
            h(
              "th",
              { scope: "row" },
              h("a", {
                href: `#/meetings?meeting=${encodeURIComponent(m.id)}`,
                i18n: ["meetings.when_value", { date: { date: m.at, dateStyle: "medium", timeStyle: "short" } }],
              }),
            ),
            h("td", { text: m.place || "" }),
            h("td", { class: "num", text: String(count(m, ATTENDED)) }),
            h("td", { class: "num", text: String(count(m, AWAY)) }),
            h("td", { class: "num", text: String((m.visitors || []).length) }),
          ),
        ),
      ),
    ),
  );
}

function newMeetingForm(ctx, network) {
  const at = field("meeting-at", "meetings.at", { type: "datetime-local", required: true }, "meetings.at_hint");
  const place = field("meeting-place", "meetings.place", { autocomplete: "off", value: network.meeting_place || "" });
  const alert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
  const submit = h("button", { type: "submit", class: "primary", i18n: "meetings.add" });
  const fields = { at, place };
  async function send(event) {
    event.preventDefault();
    at.clear();
    place.clear();
    alert.textContent = "";
    const when = apiTime(at.input.value);
    if (!when) {
      at.error("meetings.need_at");
      at.input.focus();
      return;
    }
    submit.disabled = true;
    try {
      const body = { network_id: network.id, at: when };
      if (place.input.value.trim()) body.place = place.input.value.trim();
      const made = await api("POST", "/meetings", body);
      ctx.go(`/meetings?meeting=${encodeURIComponent(made.id)}`);
    } catch (err) {
      submit.disabled = false;
      const f = [400, 422].includes(err.status) && fields[err.field];
      if (f) {
        f.error("error.field", { message: err.message });
        f.input.focus();
      } else showError(alert, err);
    }
  }
  return h(
    "form",
    { class: "card stack new-meeting", novalidate: true, "aria-labelledby": "new-meeting-title", onsubmit: send },
    h("h2", { id: "new-meeting-title", i18n: "meetings.new" }),
    h("div", { class: "pair" }, at.wrap, place.wrap),
    alert,
    submit,
  );
}

// --- one meeting's attendance ---

// Who is expected at a meeting: the network's members on its day (not its visitors),
// and anyone its register names already, by name.
function expected(data, meeting) {
  const on = day(meeting.at);
  const ids = new Set(
    data.memberships
      .filter(
        (ms) =>
          ms.network_id === meeting.network_id &&
          ms.role !== "visitor" &&
          (!ms.since || ms.since <= on) &&
          (!ms.until || ms.until >= on),
      )
      .map((ms) => ms.person_id),
  );
  const roles = new Map(data.memberships.filter((ms) => ms.network_id === meeting.network_id).map((ms) => [ms.person_id, ms.role]));
  for (const a of meeting.attendance || []) ids.add(a.person);
  return [...ids]
    .map((id) => ({ id, name: data.people.name(id), role: roles.get(id) || null }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function attendanceView(ctx, data, meeting) {
  const network = data.networks.find((n) => n.id === meeting.network_id) || { name: "" };
  const people = data.people;
  const readOnly = !mayChange(ctx);
  const codes = new Map((meeting.attendance || []).map((a) => [a.person, a.code]));
  const members = expected(data, meeting);

  const summary = h("p", { class: "att-summary", "aria-live": "polite" });
  const rows = members.map((m, i) => attendanceRow(m, i));
  function attendanceRow(m, i) {
    const name = `att-${i}`;
    const options = CODES.map((code) =>
      h(
        "label",
        { class: `att-option att-${code}` },
        h("input", {
          type: "radio",
          name,
          value: code,
          checked: codes.get(m.id) === code,
          disabled: readOnly,
          onchange: count,
        }),
        h("span", { class: "att-letter", "aria-hidden": "true", text: code }),
        h("span", { class: "att-word", i18n: `meetings.code_${code}` }),
      ),
    );
    const legend = h(
      "legend",
      { class: "att-name" },
      h("span", { text: m.name }),
      m.role && m.role !== "member" ? h("span", { class: "muted att-role", i18n: `meetings.role_${m.role}` }) : null,
    );
    const row = h(
      "fieldset",
      { class: "att-row", "data-person": m.id, "aria-describedby": readOnly ? null : "att-keys" },
      legend,
      h("div", { class: "att-options" }, options),
    );
    return {
      id: m.id,
      row,
      code: () => row.querySelector("input:checked")?.value || "",
      set(code) {
        const input = row.querySelector(`input[value="${code}"]`);
        input.checked = true;
        count();
      },
      focus() {
        (row.querySelector("input:checked") || row.querySelector("input")).focus();
      },
    };
  }

  function count() {
    const n = Object.fromEntries(CODES.map((c) => [c, 0]));
    let unmarked = 0;
    for (const r of rows) {
      const c = r.code();
      if (c) n[c]++;
      else unmarked++;
    }
    tr(summary, "meetings.summary", {
      P: n.P,
      A: n.A,
      L: n.L,
      M: n.M,
      S: n.S,
      unmarked: { t: "meetings.unmarked", vars: { count: unmarked } },
    });
  }

  // P, A, L, M or S on a row's button: mark it, and on to the next row
  function onKey(event) {
    if (readOnly || event.altKey || event.ctrlKey || event.metaKey) return;
    const code = event.key.length === 1 ? event.key.toUpperCase() : "";
    const at = rows.findIndex((r) => r.row.contains(event.target));
    if (!CODES.includes(code) || at < 0 || event.target.type !== "radio") return;
    event.preventDefault();
    rows[at].set(code);
    (rows[at + 1] || rows[at]).focus();
  }

  const everyone = h("button", {
    type: "button",
    class: "quiet",
    i18n: "meetings.everyone_present",
    disabled: readOnly,
    onclick() {
      for (const r of rows) if (!r.code()) r.set("P");
    },
  });

  // visitors: a name (new or known) and who invited them
  const list = people.datalist();
  const hosts = members.filter((m) => m.role !== "substitute");
  const visitorList = h("ol", { class: "visitors" });
  const visitors = [];
  let made = 0;
  function addVisitor(v = {}) {
    const n = ++made;
    const name = field(`visitor-${n}`, "meetings.visitor_name", {
      list: "meetings-persons",
      autocomplete: "off",
      value: v.person ? people.name(v.person) : "",
      disabled: readOnly,
    });
    const invitedId = `visitor-${n}-by`;
    const invited = h(
      "select",
      { id: invitedId, name: invitedId, disabled: readOnly },
      h("option", { value: "", i18n: "meetings.invited_by_none" }),
      hosts.map((m) => h("option", { value: m.id, text: m.name })),
    );
    invited.value = v.invited_by || "";
    const entry = { name, invited, item: null };
    const remove = h("button", {
      type: "button",
      class: "quiet",
      i18n: "meetings.remove_visitor",
      disabled: readOnly,
      onclick() {
        entry.item.remove();
        visitors.splice(visitors.indexOf(entry), 1);
        everyone.focus();
      },
    });
    entry.item = h(
      "li",
      { class: "visitor" },
      name.wrap,
      h("div", { class: "field" }, h("label", { for: invitedId, i18n: "meetings.invited_by" }), invited),
      readOnly ? null : remove,
    );
    visitors.push(entry);
    visitorList.append(entry.item);
    return entry;
  }
  for (const v of meeting.visitors || []) addVisitor(v);
  const more = h("button", {
    type: "button",
    i18n: "meetings.add_visitor",
    onclick() {
      addVisitor().name.input.focus();
    },
  });

  const alert = h("p", { id: "attendance-alert", class: "alert", role: "alert", "aria-live": "assertive" });
  const saved = h("p", { class: "saved", role: "status" });
  const submit = h("button", { type: "submit", class: "primary", i18n: "meetings.save" });

  function clear() {
    alert.textContent = "";
    delete alert.dataset.i18n;
    saved.textContent = "";
    delete saved.dataset.i18n;
    for (const v of visitors) v.name.clear();
  }

  async function save(event) {
    event.preventDefault();
    clear();
    const attendance = rows.filter((r) => r.code()).map((r) => ({ person: r.id, code: r.code() }));
    const wanted = [];
    for (const v of visitors) {
      const text = v.name.input.value.trim();
      if (!text) continue;
      const hit = people.find(text);
      if (hit?.many) {
        v.name.error("meetings.ambiguous", { value: text, count: hit.many });
        v.name.input.focus();
        return;
      }
      wanted.push({ v, text, id: hit?.id || null, invited_by: v.invited.value || null });
    }
    submit.disabled = true;
    form.setAttribute("aria-busy", "true");
    let added = 0;
    try {
      // a visitor nobody knows yet becomes a person first; a second try finds them
      for (const w of wanted) {
        if (w.id) continue;
        const p = await api("POST", "/persons", { full_name: w.text, source: `${network.name}, ${day(meeting.at)}` });
        people.add(p);
        w.id = p.id;
        added++;
      }
      const answer = await api("PATCH", `/meetings/${encodeURIComponent(meeting.id)}`, {
        attendance,
        visitors: wanted.map((w) => (w.invited_by ? { person: w.id, invited_by: w.invited_by } : { person: w.id })),
      });
      meeting.attendance = answer.attendance;
      meeting.visitors = answer.visitors;
      tr(saved, "meetings.saved", {
        count: attendance.length,
        visitors: { t: "meetings.saved_visitors", vars: { count: wanted.length } },
        added: added ? { t: "meetings.saved_added", vars: { count: added } } : "",
      });
    } catch (err) {
      const visitor = /^visitors\[(\d+)\]/.exec(err.field || "");
      if (err.status === 422 && err.field === "attendance") tr(alert, "meetings.not_yet");
      else if (visitor && wanted[Number(visitor[1])]) {
        const f = wanted[Number(visitor[1])].v.name;
        f.error("error.field", { message: err.message });
        f.input.focus();
      } else showError(alert, err);
    } finally {
      submit.disabled = false;
      form.setAttribute("aria-busy", "false");
    }
  }

  const form = h(
    "form",
    { class: "stack attendance", novalidate: true, "aria-labelledby": "attendance-title", onsubmit: save, onkeydown: onKey },
    h(
      "div",
      { class: "card stack" },
      h("h3", { i18n: "meetings.members" }),
      readOnly ? h("p", { class: "muted", i18n: "meetings.read_only" }) : h("p", { class: "hint", id: "att-keys", i18n: "meetings.keys" }),
      h("div", { class: "att-tools" }, summary, readOnly ? null : everyone),
      rows.length ? rows.map((r) => r.row) : h("p", { class: "empty", i18n: "meetings.no_members" }),
    ),
    h(
      "div",
      { class: "card stack" },
      h("h3", { i18n: "meetings.visitors_title" }),
      h("p", { class: "hint", i18n: "meetings.visitors_hint" }),
      visitorList,
      readOnly ? null : more,
      list,
    ),
    alert,
    saved,
    readOnly ? null : submit,
  );
  count();
  return [
    h("p", {}, h("a", { href: `#/meetings?network=${encodeURIComponent(meeting.network_id)}`, i18n: "meetings.back" })),
    h("h2", {
      id: "attendance-title",
      i18n: [
        meeting.place ? "meetings.attendance_at" : "meetings.attendance_of",
        { network: network.name, date: { date: meeting.at, dateStyle: "full", timeStyle: "short" }, place: meeting.place || "" },
      ],
    }),
    form,
  ];
}
