// views/person.js - #/person?id=ID: one person, their ties and their timeline.
//
// GET /api/v1/persons/ID (the details; a few of them edited in place with PATCH) and
// GET /api/v1/timeline?person=ID: their ties, strongest first, each with its strength
// as a bar (drawn here; the number is beside it), and one timeline, newest first, of
// the exchanges they gave and received, referrals, one-to-ones, meetings attended or
// visited, takeaways they wrote and when they met whom; every other person named is a
// link to their page. A tie to another person is added with POST /api/v1/ties.
// A person the caller may not see (another account's private contact) is 404, as
// one that does not exist.

import { api } from "../api.js";
import { field, fieldError, h, showError, svg } from "../dom.js";
import { tr } from "../i18n.js";
import { personNames } from "../names.js";
import { day } from "./agenda.js";
import { choice, fieldOf, listOf, organisations } from "./people.js";

const FIRST = 50; // timeline lines shown before "Show all"
const two = (n) => ({ number: n, minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function personView(ctx, query = new URLSearchParams()) {
  const id = query.get("id") || "";
  const status = h("p", { class: "muted", role: "status", i18n: "loading" });
  const note = h("p", { class: "note", role: "status", tabindex: -1, hidden: true });
  const body = h("div", { class: "stack" });
  const section = h("section", { class: "stack wide person-page" }, h("p", {}, h("a", { href: "#/people", i18n: "person.back" })), status, note, body);
  const orgs = organisations();
  const names = personNames();
  let person = null;

  function said(key, vars) {
    note.hidden = false;
    tr(note, key, vars);
    note.focus();
  }

  async function load() {
    let timeline;
    try {
      [person, timeline] = await Promise.all([
        api("GET", `/persons/${encodeURIComponent(id)}`),
        api("GET", `/timeline?person=${encodeURIComponent(id)}`),
      ]);
    } catch (err) {
      status.classList.add("alert");
      status.setAttribute("role", "alert");
      if (err.status === 404 || err.status === 400) tr(status, "person.not_found");
      else showError(status, err);
      section.prepend(h("h1", { tabindex: -1, i18n: "person.title" }));
      return;
    }
    status.remove();
    const byId = await orgs;
    // on a wide screen the timeline runs beside the details and ties
    body.replaceChildren(
      header(person, byId),
      h(
        "div",
        { class: "person-grid" },
        h("div", { class: "stack" }, details(person, byId), tiesSection(timeline)),
        timelineSection(timeline),
      ),
    );
  }

  // --- the name, what they do, and where to go from here ---
  function header(p, byId) {
    const org = p.organisation_id ? byId.get(p.organisation_id) : null;
    let sub = null;
    if (p.title && org) sub = ["person.title_at", { title: p.title, organisation: org }];
    return h(
      "header",
      { class: "stack person-head" },
      h("h1", { tabindex: -1, text: p.full_name }),
      sub ? h("p", { class: "muted", i18n: sub }) : p.title || org ? h("p", { class: "muted", text: p.title || org }) : null,
      p.private ? h("p", { class: "tag", i18n: "person.private" }) : null,
      h(
        "p",
        { class: "buttons" },
        h("a", { class: "button", href: `#/agenda?person=${p.id}`, i18n: "person.agenda" }),
        h("a", { class: "button", href: `#/paths?to=${p.id}`, i18n: "person.paths" }),
      ),
    );
  }

  // --- the details, and the form that edits a few of them ---
  function details(p, byId) {
    const rows = [];
    const row = (key, ...value) => rows.push(h("dt", { i18n: key }), h("dd", {}, ...value));
    const links = (list, scheme) =>
      list.flatMap((v, i) => [i ? ", " : null, h("a", { href: `${scheme}:${v.replace(/\s/g, "")}`, text: v })]);
    if (p.emails?.length) row("person.emails", ...links(p.emails, "mailto"));
    if (p.phones?.length) row("person.phones", ...links(p.phones, "tel"));
    if (p.organisation_id) row("person.organisation", byId.get(p.organisation_id) || p.organisation_id);
    if (p.title) row("person.job_title", p.title);
    if (p.city) row("person.city", p.city);
    if (p.tags?.length) row("person.tags", ...p.tags.map((t) => h("span", { class: "tag", text: t })));
    if (p.legal_basis) row("person.legal_basis", h("span", { i18n: `person.basis.${p.legal_basis}` }));
    if (p.source) row("person.source", p.source);
    const list = h("dl", { class: "details" }, rows);
    const edit = editForm(p, byId);
    const toggle = h("button", {
      type: "button",
      "aria-expanded": "false",
      "aria-controls": "person-edit",
      i18n: "person.edit",
      onclick: () => open(edit.form.hidden),
    });
    function open(on) {
      edit.form.hidden = !on;
      list.hidden = on;
      toggle.setAttribute("aria-expanded", String(on));
      if (on) edit.first.focus();
      else toggle.focus();
    }
    edit.onDone = () => open(false);
    return h(
      "section",
      { class: "card stack", "aria-labelledby": "person-details" },
      h("div", { class: "section-head" }, h("h2", { id: "person-details", i18n: "person.details" }), toggle),
      list,
      edit.form,
    );
  }

  function editForm(p, byId) {
    const name = field("edit-full_name", "person.full_name", { value: p.full_name, autocomplete: "off" });
    const emails = field("edit-emails", "person.emails", { value: (p.emails || []).join(", "), inputmode: "email" }, "person.several_hint");
    const phones = field("edit-phones", "person.phones", { value: (p.phones || []).join(", "), inputmode: "tel" }, "person.several_hint");
    const org = choice("edit-organisation_id", "person.organisation", [
      ["", "person.no_organisation"],
      ...[...byId].sort((a, b) => a[1].localeCompare(b[1])).map(([oid, n]) => [oid, null, n]),
    ]);
    org.input.value = p.organisation_id || "";
    const title = field("edit-title", "person.job_title", { value: p.title || "" });
    const city = field("edit-city", "person.city", { value: p.city || "" });
    const tags = field("edit-tags", "person.tags", { value: (p.tags || []).join(", ") }, "person.several_hint");
    const fields = { full_name: name, emails, phones, organisation_id: org, title, city, tags };
    const alert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
    const save = h("button", { type: "submit", class: "primary", i18n: "person.save" });
    const out = { first: name.input, onDone() {} };
    out.form = h(
      "form",
      { id: "person-edit", class: "stack", hidden: true, novalidate: true, onsubmit: send },
      name.wrap,
      h("div", { class: "pair" }, emails.wrap, phones.wrap),
      h("div", { class: "pair" }, org.wrap, title.wrap),
      h("div", { class: "pair" }, city.wrap, tags.wrap),
      alert,
      h("div", { class: "buttons" }, save, h("button", { type: "button", i18n: "person.cancel", onclick: () => out.onDone() })),
    );

    // what changed, as a PATCH body: an emptied field is null, a list []
    function changes() {
      const patch = {};
      const text = (key, f) => {
        const v = f.input.value.trim();
        if (v !== (p[key] || "")) patch[key] = v || null;
      };
      const list = (key, f, sep) => {
        const v = listOf(f.input.value, sep);
        if (JSON.stringify(v) !== JSON.stringify(p[key] || [])) patch[key] = v;
      };
      text("full_name", name);
      text("title", title);
      text("city", city);
      text("organisation_id", org);
      list("emails", emails, /[,;\s]+/);
      list("phones", phones);
      list("tags", tags);
      return patch;
    }

    async function send(event) {
      event.preventDefault();
      for (const f of Object.values(fields)) f.clear();
      alert.textContent = "";
      if (!name.input.value.trim()) {
        name.error("person.need_name");
        name.input.focus();
        return;
      }
      const patch = changes();
      if (!Object.keys(patch).length) return out.onDone();
      save.disabled = true;
      tr(save, "person.saving");
      try {
        await api("PATCH", `/persons/${p.id}`, patch);
      } catch (err) {
        save.disabled = false;
        tr(save, "person.save");
        const bad = /^emails\[(\d+)\]$/.exec(err.field || "");
        if (bad && err.code === "invalid") {
          emails.error("person.bad_email", { value: (patch.emails || [])[Number(bad[1])] ?? "" });
          emails.input.focus();
        } else if (!fieldError(fields, fieldOf(err))) showError(alert, err);
        return;
      }
      await load();
      said("person.saved");
    }
    return out;
  }

  // --- ties, strongest first, and the form that adds one ---
  function tiesSection(timeline) {
    const ties = timeline.ties;
    const table = ties.length
      ? h(
          "div",
          { class: "table-scroll" },
          h(
            "table",
            { class: "ties" },
            h("caption", { class: "visually-hidden", i18n: ["person.ties_caption", { name: timeline.person.name }] }),
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", { scope: "col", i18n: "person.tie_person" }),
                h("th", { scope: "col", i18n: "person.tier" }),
                h("th", { scope: "col", i18n: "person.strength" }),
                h("th", { scope: "col", class: "wide-only", i18n: "person.last" }),
              ),
            ),
            h("tbody", {}, ties.map(tieRow)),
          ),
        )
      : h("p", { class: "muted", i18n: "person.no_ties" });
    return h(
      "section",
      { class: "stack", "aria-labelledby": "person-ties" },
      h("h2", { id: "person-ties" }, h("span", { i18n: "person.ties" }), " ", h("span", { class: "muted", i18n: ["person.count", { count: ties.length }] })),
      table,
      tieForm(timeline),
    );
  }

  function tieRow(t) {
    return h(
      "tr",
      { "data-tie": t.id, "data-person": t.person.id },
      h("th", { scope: "row" }, h("a", { href: `#/person?id=${t.person.id}`, text: t.person.name })),
      h("td", { i18n: `person.tier.${t.tier}` }),
      h("td", { class: "strength-cell" }, bar(t.strength), h("span", { class: "strength-value", i18n: ["person.strength_value", { value: two(t.strength) }] })),
      h("td", { class: "wide-only", i18n: t.last_interaction ? ["person.date", { date: { date: t.last_interaction } }] : "person.never" }),
    );
  }

  function tieForm(timeline) {
    const other = field("tie-other", "person.tie_other", { list: "tie-persons", autocomplete: "off" }, "person.tie_other_hint");
    const tier = choice(
      "tie-tier",
      "person.tier",
      ["inner", "active", "wide"].map((t) => [t, `person.tier.${t}`]),
    );
    tier.input.value = "active";
    const since = field("tie-since", "person.tie_since", { type: "date" });
    const how = field("tie-how", "person.tie_how", { autocomplete: "off" });
    const fields = { b: other, tier, since, how_met: how };
    const persons = h("datalist", { id: "tie-persons" });
    names.then((n) => n.fill(persons));
    const alert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
    const submit = h("button", { type: "submit", class: "primary", i18n: "person.tie_submit" });
    const form = h(
      "form",
      { class: "card stack tie-form", novalidate: true, "aria-labelledby": "tie-title", onsubmit: send },
      h("h3", { id: "tie-title", i18n: "person.add_tie" }),
      other.wrap,
      h("div", { class: "pair" }, tier.wrap, since.wrap),
      how.wrap,
      alert,
      submit,
      persons,
    );

    async function send(event) {
      event.preventDefault();
      for (const f of Object.values(fields)) f.clear();
      alert.textContent = "";
      const typed = other.input.value.trim();
      if (!typed) return wrong("person.need_other");
      const n = await names;
      const them = n.id(typed);
      if (!them) return wrong("person.unknown_other", { value: typed });
      if (them === person.id) return wrong("person.same");
      if (timeline.ties.some((t) => t.person.id === them)) {
        return wrong("person.already", { name: person.full_name, other: n.name(them) });
      }
      const body = { a: person.id, b: them, tier: tier.input.value };
      if (since.input.value) body.since = since.input.value;
      if (how.input.value.trim()) body.how_met = how.input.value.trim();
      submit.disabled = true;
      tr(submit, "person.tie_adding");
      try {
        await api("POST", "/ties", body);
      } catch (err) {
        submit.disabled = false;
        tr(submit, "person.tie_submit");
        if (!fieldError(fields, err)) showError(alert, err);
        return;
      }
      await load();
      said("person.tie_added", { name: n.name(them) });
    }
    function wrong(key, vars) {
      other.error(key, vars);
      other.input.focus();
    }
    return form;
  }

  // --- the timeline, newest first ---
  function timelineSection(timeline) {
    const items = timeline.items;
    const list = h("ol", { class: "timeline" });
    const all = h("button", { type: "button", class: "more", i18n: ["person.show_all", { count: items.length }] });
    const show = (n) => list.replaceChildren(...items.slice(0, n).map((it) => line(it, timeline.person.id)));
    show(FIRST);
    all.hidden = items.length <= FIRST;
    all.addEventListener("click", () => {
      show(items.length);
      all.hidden = true;
      // the first line that was not shown takes the focus, so reading goes on there
      const next = list.children[FIRST];
      next?.setAttribute("tabindex", "-1");
      next?.focus();
    });
    return h(
      "section",
      { class: "stack", "aria-labelledby": "person-timeline" },
      h("h2", { id: "person-timeline" }, h("span", { i18n: "person.timeline" }), " ", h("span", { class: "muted", i18n: ["person.count", { count: items.length }] })),
      items.length ? list : h("p", { class: "muted", i18n: ["person.timeline_empty", { name: timeline.person.name }] }),
      all,
    );
  }

  load();
  return section;
}

// The strength of a tie as a bar: 0 to 1 across; the number is written beside it, so
// the picture is decoration for screen readers.
function bar(s) {
  return svg(
    "svg",
    { class: "strength-bar", viewBox: "0 0 100 10", width: 100, height: 10, "aria-hidden": "true", focusable: "false" },
    svg("rect", { class: "strength-track", x: 0, y: 0, width: 100, height: 10, rx: 2 }),
    svg("rect", { class: "strength-fill", x: 0, y: 0, width: Math.max(0, Math.min(1, s)) * 100, height: 10, rx: 2 }),
  );
}

const personLink = (p) => h("a", { href: `#/person?id=${p.id}`, text: p.name });

// One line of the timeline: when, what (a sentence that ends where the other
// person's name goes, the name as a link), and the details.
function line(it, me) {
  const [lead, other, details] = LINES[it.kind](it[it.kind], me, it);
  return h(
    "li",
    { "data-kind": it.kind, "data-id": it.id },
    h("time", { datetime: it.at, i18n: ["person.date", { date: it.kind === "tie" ? day(it.at.slice(0, 10)) : { date: it.at } }] }),
    h("p", { class: "what" }, h("span", { i18n: lead }), other ? " " : null, other ? personLink(other) : null),
    details.length ? h("p", { class: "muted" }, details.flatMap((d, i) => [i ? " · " : null, d])) : null,
  );
}

const text = (key, vars) => h("span", { i18n: vars ? [key, vars] : key });
// Money as the API sends it ({amount in minor units, currency}), for a tr() text.
const money = (m) => ({ number: m.amount / 100, style: "currency", currency: m.currency });

const LINES = {
  exchange(x, me) {
    const gave = x.giver.id === me;
    const other = gave ? x.receiver : x.giver;
    let lead;
    if (x.kind === "thanks") lead = gave ? "person.tl.thanked" : "person.tl.was_thanked";
    else if (x.kind === "closed_business") lead = gave ? "person.tl.closed" : "person.tl.closed_by";
    else if (x.kind === "meeting") lead = gave ? "person.tl.meeting_for" : "person.tl.meeting_through";
    else lead = [gave ? "person.tl.gave" : "person.tl.received", { what: { t: `person.what.${x.kind}` } }];
    const details = [];
    if (x.amount) details.push(text("person.amount", { amount: money(x.amount) }));
    if (x.points) details.push(text("person.points", { count: { number: x.points, maximumFractionDigits: 2 } }));
    if (x.network) details.push(text("person.through", { network: x.network.name }));
    return [lead, other, details];
  },
  referral(r, me) {
    let lead, other;
    if (r.giver.id === me) [lead, other] = ["person.tl.referral_gave", r.receiver];
    else if (r.receiver.id === me) [lead, other] = ["person.tl.referral_received", r.giver];
    else [lead, other] = ["person.tl.referral_prospect", r.receiver];
    const details = [text("person.status", { status: { t: `person.status.${r.status}` }, date: { date: r.moved_at } })];
    const prospect = [r.prospect?.name, r.prospect_organisation?.name].filter(Boolean).join(", ");
    if (prospect && r.prospect?.id !== me) details.push(text("person.prospect", { name: prospect }));
    if (r.closed_value) {
      details.push(text("person.closed_value", { amount: money(r.closed_value) }));
    }
    return [lead, other, details];
  },
  one_to_one(o, me) {
    return ["person.tl.one_to_one", o.a.id === me ? o.b : o.a, []];
  },
  meeting(m) {
    const network = m.network?.name || "";
    const details = m.place ? [h("span", { text: m.place })] : [];
    if (!m.visitor) return [["person.tl.meeting", { network, code: { t: `person.code.${m.attendance}` } }], null, details];
    return m.invited_by ? [["person.tl.visited_by", { network }], m.invited_by, details] : [["person.tl.visited", { network }], null, details];
  },
  takeaway(k) {
    const details = [h("q", { text: k.text || "" })];
    if (k.idea) details.push(h("span", { class: "tag", i18n: "person.idea" }));
    if (k.network) details.push(text("person.through", { network: k.network.name }));
    return ["person.tl.takeaway", null, details];
  },
  tie(t, me) {
    const details = [text(`person.tier.${t.tier}`)];
    if (t.how_met) details.unshift(h("span", { text: t.how_met }));
    return ["person.tl.met", t.a.id === me ? t.b : t.a, details];
  },
};
