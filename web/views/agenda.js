// views/agenda.js - #/agenda: what to do today (SPEC §4.4), GET /api/v1/agenda, and the
// open tasks (GET /api/v1/tasks). Where a signed-in person lands.
//
// Whose agenda: the person the account is in this workspace (the session's
// workspaces[].person), else everyone; a person field (names offered from the
// workspace) and a date change it. The question is kept in the fragment,
// #/agenda?person=&date= (an empty person: everyone), so a reload or a shared link
// asks again.
//
// The server's why and todo are the CLI's English; every sentence here is made from
// the item's facts (tier, cadence, last contact; what was received; the referral's
// step; the goal's numbers) in the chosen language. Each item links to the person it
// is about and offers what can be done at once: a thank-you is recorded with one
// button (POST /api/v1/exchanges, kind thanks, at now), a task marked done (PATCH
// /api/v1/tasks/ID).

import { api } from "../api.js";
import { field, fieldError, h, showError } from "../dom.js";
import { tr } from "../i18n.js";
import { personNames } from "../names.js";

const SECTIONS = ["follow_up", "thank", "referral", "goal"];

// A date-only value ("2026-11-23") for formatDate: the day itself, wherever one is.
export const day = (d) => ({ date: d, dateStyle: "medium", timeZone: "UTC" });
const two = (n) => ({ number: n, minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = (n) => ({ number: n, style: "percent", maximumFractionDigits: 0 });
const days = (n) => ({ t: "agenda.days", vars: { count: n } });

export function agendaView(ctx, query = new URLSearchParams()) {
  const person = field("agenda-person", "agenda.person", { list: "agenda-persons", autocomplete: "off" }, "agenda.person_hint");
  const date = field("agenda-date", "agenda.date", { type: "date" }, "agenda.date_hint");
  const fields = { person, date };
  const persons = h("datalist", { id: "agenda-persons" });
  const alert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
  const submit = h("button", { type: "submit", class: "primary", i18n: "agenda.submit" });
  const form = h(
    "form",
    { class: "card stack agenda-form", novalidate: true, "aria-labelledby": "agenda-title", onsubmit: send },
    person.wrap,
    date.wrap,
    alert,
    submit,
    persons,
  );
  const status = h("p", { class: "agenda-summary", role: "status", "aria-live": "polite" });
  // what an action did (a thank-you recorded, a task done), kept apart from the summary
  const note = h("p", { class: "note", role: "status", tabindex: -1, hidden: true });
  const results = h("div", { class: "agenda-results stack" });
  const tasks = h("section", { class: "agenda-tasks stack", "aria-labelledby": "tasks-title" });

  // whose: the URL's, else the account's own person in this workspace, else everyone
  const own = ctx.session.workspaces.find((w) => w.id === ctx.workspace())?.person || "";
  const asked = { person: query.has("person") ? query.get("person") : own, date: query.get("date") || "" };
  person.input.value = asked.person;
  date.input.value = asked.date;

  const names = personNames();
  names.then((n) => {
    n.fill(persons);
    const v = person.input.value.trim();
    if (n.value(v)) person.input.value = n.value(v); // an id: shown as the name
  });

  function send(event) {
    event.preventDefault();
    for (const f of Object.values(fields)) f.clear();
    alert.textContent = "";
    note.hidden = true;
    const params = new URLSearchParams({ person: person.input.value.trim() });
    // today is asked without a date: the server's now, to the second (a date is its
    // first instant, before anything done today)
    if (date.input.value && date.input.value !== today) params.set("date", date.input.value);
    history.replaceState(null, "", `#/agenda?${params}`);
    load(params.get("person"), params.get("date") || "");
  }

  let loads = 0;
  let shown = null; // the agenda answered last
  let today = null; // the server's today, from an agenda asked without a date
  let last = null; // the question asked last: {who, when}
  async function load(who, when) {
    const mine = ++loads;
    last = { who, when };
    submit.disabled = true;
    tr(submit, "agenda.busy");
    tr(status, "loading");
    const params = new URLSearchParams();
    if (who) params.set("person", who);
    if (when) params.set("date", when);
    let answer;
    try {
      answer = await api("GET", `/agenda?${params}`);
    } catch (err) {
      if (mine !== loads) return;
      done();
      results.replaceChildren();
      tasks.replaceChildren();
      status.textContent = "";
      if (err.field === "date") date.error("agenda.bad_date");
      else if (!fieldError(fields, err, wordsFor)) showError(alert, err);
      return;
    }
    if (mine !== loads) return;
    done();
    if (!when) today = answer.date;
    if (!date.input.value) date.input.value = answer.date;
    shown = answer;
    show(answer);
    showTasks(answer);
  }
  function done() {
    submit.disabled = false;
    tr(submit, "agenda.submit");
  }

  function show(answer) {
    const n = answer.items.length;
    const whose = answer.person ? { name: answer.person.name } : {};
    if (!n) {
      tr(status, answer.person ? "agenda.nothing_person" : "agenda.nothing_all", { ...whose, date: day(answer.date) });
      results.replaceChildren(h("p", { class: "muted empty", i18n: "agenda.nothing_hint" }));
      return;
    }
    tr(status, answer.person ? "agenda.summary_person" : "agenda.summary_all", { ...whose, count: n, date: day(answer.date) });
    const kinds = SECTIONS.filter((kind) => answer.items.some((it) => it.kind === kind));
    results.replaceChildren(
      ...kinds.map((kind) => {
        const items = answer.items.filter((it) => it.kind === kind);
        return h(
          "section",
          { class: "agenda-kind stack", "data-kind": kind, "aria-labelledby": `agenda-${kind}` },
          h("h2", { id: `agenda-${kind}` }, h("span", { i18n: `agenda.section.${kind}` }), " ", h("span", { class: "muted", i18n: ["agenda.count", { count: items.length }] })),
          h("ul", { class: "agenda-list" }, items.map((it) => item(it, !answer.person))),
        );
      }),
    );
  }

  // One line of the agenda: what to do, why, and what can be done about it here.
  function item(it, everyone) {
    const words = WORDS[it.kind](it);
    const actions = h("div", { class: "buttons" });
    if (it.person) actions.append(h("a", { class: "button", href: `#/person?id=${it.person.id}`, i18n: ["agenda.open", { name: it.person.name }] }));
    if (it.kind === "thank" && it.actor) actions.append(thankButton(it));
    return h(
      "li",
      { class: "agenda-item card", "data-kind": it.kind, "data-record": it.record },
      it.kind === "goal"
        ? h("p", { class: "for muted", i18n: it.actor ? ["agenda.goal.whose", { name: it.actor.name }] : "agenda.goal.workspace" })
        : everyone && it.actor
          ? h("p", { class: "for muted", i18n: ["agenda.for", { name: it.actor.name }] })
          : null,
      h("p", { class: "todo", i18n: words.todo }),
      h("p", { class: "why muted", i18n: words.why }),
      actions.children.length ? actions : null,
    );
  }

  // The thank-you said: an exchange of kind thanks from the one who received to the
  // one who gave, dated now by the server; then the agenda again, without the line.
  function thankButton(it) {
    const button = h("button", { type: "button", class: "record-thanks", i18n: "agenda.thank.record" });
    button.addEventListener("click", async () => {
      button.disabled = true;
      tr(button, "agenda.thank.recording");
      try {
        await api("POST", "/exchanges", { giver: it.actor.id, receiver: it.person.id, kind: "thanks" });
      } catch (err) {
        button.disabled = false;
        tr(button, "agenda.thank.record");
        showError(alert, err);
        return;
      }
      await reload();
      said("agenda.thank.recorded", { name: it.person.name });
    });
    return button;
  }

  function said(key, vars) {
    note.hidden = false;
    tr(note, key, vars);
    note.focus();
  }

  // the same question again, after a change
  function reload() {
    return load(last.who, last.when);
  }

  // The open tasks of the agenda's person (theirs, or about them), or all; soonest first.
  async function showTasks(answer) {
    let list = [];
    try {
      for (let cursor = null, first = true; first || cursor; first = false) {
        const page = await api("GET", `/tasks?limit=1000${cursor ? `&cursor=${cursor}` : ""}`);
        list.push(...page.items);
        cursor = page.next_cursor;
      }
    } catch (err) {
      showError(alert, err);
      return;
    }
    const who = answer.person?.id;
    list = list
      .filter((t) => !t.done_at && (!who || t.owner_person === who || t.person === who))
      .sort((a, b) => a.due.localeCompare(b.due) || Number(a.id) - Number(b.id));
    const n = await names;
    tasks.replaceChildren(
      h("h2", { id: "tasks-title" }, h("span", { i18n: "agenda.section.tasks" }), " ", h("span", { class: "muted", i18n: ["agenda.count", { count: list.length }] })),
      list.length
        ? h("ul", { class: "agenda-list" }, list.map((t) => task(t, n, answer.date, !who)))
        : h("p", { class: "muted", i18n: "agenda.tasks_none" }),
    );
  }

  function task(t, n, today, everyone) {
    const about = t.person ? h("a", { href: `#/person?id=${t.person}`, text: n.name(t.person) || t.person }) : null;
    const late = t.due < today;
    const button = h("button", { type: "button", class: "task-done", i18n: "agenda.task.done" });
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        await api("PATCH", `/tasks/${t.id}`, { done_at: new Date().toISOString().replace(/\.\d+Z$/, "Z") });
      } catch (err) {
        button.disabled = false;
        showError(alert, err);
        return;
      }
      await showTasks(shown);
      said("agenda.task.marked");
    });
    return h(
      "li",
      { class: "task card", "data-task": t.id },
      everyone && t.owner_person ? h("p", { class: "for muted", i18n: ["agenda.for", { name: n.name(t.owner_person) || t.owner_person }] }) : null,
      h("p", { class: "todo" }, h("span", { i18n: `agenda.task.${t.kind}` }), about ? ": " : null, about),
      h("p", { class: late ? "late" : "muted", i18n: [late ? "agenda.task.late" : "agenda.task.due", { date: day(t.due) }] }),
      h("div", { class: "buttons" }, button),
    );
  }

  load(asked.person, asked.date);
  return h(
    "section",
    { class: "stack wide" },
    h("h1", { id: "agenda-title", tabindex: -1, i18n: "agenda.title" }),
    h("p", { class: "muted", i18n: "agenda.intro" }),
    h("div", { class: "form-layout" }, form, h("div", { class: "stack" }, note, status, results, tasks)),
  );
}

// Our words for the errors a person can make in the form; null: the server's.
function wordsFor(err) {
  if (err.code === "not_found") return "agenda.unknown_person";
  if (err.code === "ambiguous") return "agenda.ambiguous";
  return null;
}

// What each kind of item says, from its facts: [key, vars] for the todo and the why.
const WORDS = {
  follow_up(it) {
    const common = {
      cadence: days(it.cadence_days),
      tier: { t: `agenda.tier.${it.tier}` },
      strength: two(it.strength),
    };
    let why;
    if (it.last_contact) why = ["agenda.follow_up.why_last", { ...common, date: { date: it.last_contact }, days: days(it.days) }];
    else if (it.met) why = ["agenda.follow_up.why_met", { ...common, date: day(it.met), days: days(it.days) }];
    else why = ["agenda.follow_up.why_never", common];
    return { todo: ["agenda.follow_up.todo", { name: it.person.name }], why };
  },
  thank(it) {
    const what = { t: `agenda.received.${it.exchange_kind}` };
    const vars = { what, name: it.person.name, date: { date: it.received_at } };
    return {
      todo: it.overdue
        ? ["agenda.thank.todo", { name: it.person.name }]
        : ["agenda.thank.todo_by", { name: it.person.name, date: { date: it.due } }],
      why: [it.overdue ? "agenda.thank.why_late" : "agenda.thank.why", vars],
    };
  },
  referral(it) {
    const asksGiver = it.actor?.id === it.giver.id;
    return {
      todo: [asksGiver ? "agenda.referral.todo_giver" : "agenda.referral.todo_receiver", { name: it.person.name }],
      why: [
        "agenda.referral.why",
        {
          giver: it.giver.name,
          receiver: it.receiver.name,
          status: { t: `agenda.status.${it.status}` },
          date: { date: it.moved_at },
          days: days(it.days),
        },
      ],
    };
  },
  goal(it) {
    const amount = (n, digits) =>
      it.currency
        ? { number: n, style: "currency", currency: it.currency, maximumFractionDigits: digits }
        : { number: n, maximumFractionDigits: digits };
    const missing = amount(Math.round(it.catch_up), 0);
    return {
      todo: it.network
        ? ["agenda.goal.todo", { missing, network: it.network.name }]
        : ["agenda.goal.todo_any", { missing }],
      why: [
        "agenda.goal.why",
        {
          metric: { t: `agenda.metric.${it.metric}` },
          value: amount(it.value, 2),
          target: amount(it.target, 2),
          progress: percent(it.progress),
          elapsed: percent(it.elapsed),
        },
      ],
    };
  },
};
