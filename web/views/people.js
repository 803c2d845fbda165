// views/people.js - #/people: everyone in the workspace, a search, and a form that adds
// a person.
//
// The list is GET /api/v1/persons a page at a time (limit 50, next_cursor: "Show
// more" appends the next page); a search is GET /api/v1/persons?q= (the start of any
// word of the name, e-mails, title, city, tags or organisation; names first), kept in
// the fragment as #/people?q=. Organisations are named from GET /organisations. The
// form (opened by "Add a person", or #/people?add=1) posts to /api/v1/persons; an
// error the API ties to a field is said beside it; the new person's page follows.
// What the caller may not see (other accounts' private people) the API leaves out.

import { api } from "../api.js";
import { field, fieldError, h, showError } from "../dom.js";
import { tr } from "../i18n.js";

const PAGE = 50;

// A labelled <select> with its hint, shaped like dom.js's field().
export function choice(id, labelKey, options, hintKey = null) {
  const select = h(
    "select",
    { id, name: id, "aria-describedby": hintKey ? `${id}-hint` : null },
    options.map(([value, key, text]) => h("option", { value, i18n: key, text })),
  );
  const hint = hintKey ? h("p", { id: `${id}-hint`, class: "hint", i18n: hintKey }) : null;
  const message = h("p", { id: `${id}-error`, class: "field-error", hidden: true });
  return {
    input: select,
    wrap: h("div", { class: "field" }, h("label", { for: id, i18n: labelKey }), select, hint, message),
    error(key, vars) {
      tr(message, key, vars);
      message.hidden = false;
      select.setAttribute("aria-invalid", "true");
      select.setAttribute("aria-describedby", [message.id, hint?.id].filter(Boolean).join(" "));
    },
    clear() {
      message.hidden = true;
      select.removeAttribute("aria-invalid");
      if (hint) select.setAttribute("aria-describedby", hint.id);
      else select.removeAttribute("aria-describedby");
    },
  };
}

// "a@b.se, c@d.dk" -> ["a@b.se", "c@d.dk"]
export const listOf = (text, sep = /[,;]/) =>
  text
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);

// An API error's field without its index: "emails[0]" is the e-mails field.
export const fieldOf = (err) => {
  if (err.field) err.field = err.field.replace(/\[\d+\]$/, "");
  return err;
};

// The workspace's organisations, by id (GET /organisations, the API's largest page).
export async function organisations() {
  try {
    const page = await api("GET", "/organisations?limit=1000");
    return new Map(page.items.map((o) => [o.id, o.name]));
  } catch {
    return new Map();
  }
}

export function peopleView(ctx, query = new URLSearchParams()) {
  const q = field("people-q", "people.q", { type: "search", autocomplete: "off", value: query.get("q") || "" }, "people.q_hint");
  const search = h(
    "form",
    { class: "search-form", role: "search", novalidate: true, onsubmit: searchNow },
    q.wrap,
    h("div", { class: "buttons" }, h("button", { type: "submit", class: "primary-inline", i18n: "people.search" })),
  );
  const status = h("p", { class: "people-status", role: "status", "aria-live": "polite", i18n: "loading" });
  const hint = h("p", { class: "muted", hidden: true });
  const body = h("tbody");
  const table = h(
    "table",
    { class: "people", hidden: true },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col", i18n: "people.name" }),
        h("th", { scope: "col", i18n: "people.organisation" }),
        h("th", { scope: "col", class: "wide-only", i18n: "people.job_title" }),
        h("th", { scope: "col", class: "wide-only", i18n: "people.email" }),
        h("th", { scope: "col", class: "wide-only", i18n: "people.city" }),
      ),
    ),
    body,
  );
  const more = h("button", { type: "button", class: "more", hidden: true, i18n: "people.more", onclick: () => loadPage(true) });
  const clear = h("a", { href: "#/people", hidden: true, i18n: "people.clear" });
  const orgs = organisations();
  const adding = addForm(ctx, orgs);
  const toggle = h("button", {
    type: "button",
    class: "primary-inline",
    "aria-expanded": "false",
    "aria-controls": "people-add",
    i18n: "people.add",
    onclick: () => open(adding.form.hidden),
  });
  function open(on) {
    adding.form.hidden = !on;
    toggle.setAttribute("aria-expanded", String(on));
    if (on) adding.first.focus();
  }
  adding.onCancel = () => {
    open(false);
    toggle.focus();
  };

  let cursor = null;
  let shown = 0;
  let asked = 0;
  const current = () => q.input.value.trim();

  function searchNow(event) {
    event.preventDefault();
    const text = current();
    history.replaceState(null, "", text ? `#/people?q=${encodeURIComponent(text)}` : "#/people");
    loadPage(false);
  }

  async function loadPage(append) {
    const mine = ++asked;
    const text = current();
    const params = new URLSearchParams({ limit: String(PAGE) });
    if (text) params.set("q", text);
    if (append && cursor) params.set("cursor", cursor);
    more.disabled = true;
    q.clear();
    let page;
    let names;
    try {
      [page, names] = await Promise.all([api("GET", `/persons?${params}`), orgs]);
    } catch (err) {
      if (mine !== asked) return;
      more.disabled = false;
      if (err.field === "q") q.error("error.field", { message: err.message });
      else showError(status, err);
      return;
    }
    if (mine !== asked) return;
    if (!append) {
      body.replaceChildren();
      shown = 0;
    }
    body.append(...page.items.map((p) => row(p, names)));
    shown += page.items.length;
    cursor = page.next_cursor;
    more.disabled = false;
    more.hidden = !cursor;
    clear.hidden = !text;
    table.hidden = shown === 0;
    say(text, Boolean(cursor));
  }

  function say(text, hasMore) {
    hint.hidden = shown > 0;
    if (shown === 0) {
      tr(status, text ? "people.none_found" : "people.none", { q: text });
      tr(hint, text ? "people.none_found_hint" : "people.none_hint");
      return;
    }
    const key = text ? (hasMore ? "people.found_more" : "people.found") : hasMore ? "people.shown_more" : "people.shown";
    tr(status, key, { count: shown, q: text });
  }

  if (query.get("add")) queueMicrotask(() => open(true));
  loadPage(false);
  return h(
    "section",
    { class: "stack wide" },
    h("h1", { tabindex: -1, i18n: "people.title" }),
    h("p", { class: "muted", i18n: "people.intro" }),
    h("div", { class: "people-tools" }, search, h("div", { class: "buttons" }, toggle)),
    adding.form,
    h("div", { class: "stack" }, h("p", {}, status, " ", clear), hint, h("div", { class: "table-scroll" }, table), more),
  );
}

function row(p, orgs) {
  return h(
    "tr",
    { "data-id": p.id },
    h(
      "td",
      {},
      h("a", { href: `#/person?id=${p.id}`, text: p.full_name }),
      p.private ? h("span", { class: "tag", i18n: "people.private" }) : null,
    ),
    h("td", { text: p.organisation_id ? orgs.get(p.organisation_id) || "" : "" }),
    h("td", { class: "wide-only", text: p.title || "" }),
    h("td", { class: "wide-only", text: (p.emails || []).join(", ") }),
    h("td", { class: "wide-only", text: p.city || "" }),
  );
}

// The form that adds a person: {form, first (the field to focus), onCancel}.
function addForm(ctx, orgs) {
  const name = field("new-full_name", "people.full_name", { autocomplete: "off", required: true });
  const emails = field("new-emails", "people.emails", { type: "text", inputmode: "email", autocomplete: "off" }, "people.several_hint");
  const phones = field("new-phones", "people.phones", { type: "text", inputmode: "tel", autocomplete: "off" }, "people.several_hint");
  const org = choice("new-organisation_id", "people.organisation", [["", "people.no_organisation"]]);
  const title = field("new-title", "people.job_title", { autocomplete: "off" });
  const city = field("new-city", "people.city", { autocomplete: "off" });
  const tags = field("new-tags", "people.tags", { autocomplete: "off" }, "people.tags_hint");
  const basis = choice(
    "new-legal_basis",
    "people.legal_basis",
    ["legitimate_interest", "consent", "contract"].map((b) => [b, `people.basis.${b}`]),
    "people.legal_basis_hint",
  );
  const priv = h("input", { id: "new-private", name: "private", type: "checkbox", "aria-describedby": "new-private-hint" });
  const privWrap = h(
    "div",
    { class: "field" },
    h("label", { class: "choice" }, priv, h("span", { i18n: "people.private_label" })),
    h("p", { id: "new-private-hint", class: "hint", i18n: "people.private_hint" }),
  );
  const fields = { full_name: name, emails, phones, organisation_id: org, title, city, tags, legal_basis: basis };
  const alert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
  const submit = h("button", { type: "submit", class: "primary", i18n: "people.submit" });
  const cancel = h("button", { type: "button", i18n: "people.cancel", onclick: () => out.onCancel() });
  const form = h(
    "form",
    { id: "people-add", class: "card stack add-person", hidden: true, novalidate: true, "aria-labelledby": "people-add-title", onsubmit: send },
    h("h2", { id: "people-add-title", i18n: "people.add_title" }),
    name.wrap,
    h("div", { class: "pair" }, emails.wrap, phones.wrap),
    h("div", { class: "pair" }, org.wrap, title.wrap),
    h("div", { class: "pair" }, city.wrap, tags.wrap),
    basis.wrap,
    privWrap,
    alert,
    h("div", { class: "buttons" }, submit, cancel),
  );
  orgs.then((byId) => {
    const sorted = [...byId].sort((a, b) => a[1].localeCompare(b[1]));
    org.input.append(...sorted.map(([id, n]) => h("option", { value: id, text: n })));
  });

  async function send(event) {
    event.preventDefault();
    for (const f of Object.values(fields)) f.clear();
    alert.textContent = "";
    const full = name.input.value.trim();
    if (!full) {
      name.error("people.need_name");
      name.input.focus();
      return;
    }
    const body = { full_name: full, legal_basis: basis.input.value, private: priv.checked };
    const lists = { emails: listOf(emails.input.value, /[,;\s]+/), phones: listOf(phones.input.value), tags: listOf(tags.input.value) };
    for (const [key, list] of Object.entries(lists)) if (list.length) body[key] = list;
    if (org.input.value) body.organisation_id = org.input.value;
    for (const [key, f] of [["title", title], ["city", city]]) if (f.input.value.trim()) body[key] = f.input.value.trim();
    submit.disabled = true;
    tr(submit, "people.adding");
    let made;
    try {
      made = await api("POST", "/persons", body);
    } catch (err) {
      submit.disabled = false;
      tr(submit, "people.submit");
      const bad = /^emails\[(\d+)\]$/.exec(err.field || "");
      if (bad && err.code === "invalid") {
        emails.error("people.bad_email", { value: lists.emails[Number(bad[1])] ?? "" });
        emails.input.focus();
      } else if (!fieldError(fields, fieldOf(err), wordsFor)) showError(alert, err);
      return;
    }
    ctx.go(`/person?id=${made.id}`);
  }

  const out = { form, first: name.input, onCancel() {} };
  return out;
}

// Our words for the errors a person can make in the form; null: the server's.
function wordsFor(err) {
  return err.code === "conflict" ? "people.erased" : null;
}
