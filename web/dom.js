// dom.js - building the page without HTML strings.
//
// Views build elements with h(), which sets text as text (never innerHTML), so a name
// from the database cannot become markup. No inline style and no inline handlers: the
// Content-Security-Policy allows neither (docs/web.md); classes come from app.css.

import { tr } from "./i18n.js";

// h("button", {type: "submit", i18n: "signin.submit", onclick: fn}, child, ...)
//   text: the text content; i18n: a catalogue key, or [key, vars] (tr());
//   class; on*: an event listener; true: an empty attribute; null/false: none.
// children: elements, strings, or arrays of them (nested as deep as they come).
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (name === "text") el.textContent = value;
    else if (name === "i18n") tr(el, ...(Array.isArray(value) ? value : [value]));
    else if (name === "class") el.className = value;
    else if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  el.append(...children.flat(Infinity).filter((c) => c != null && c !== false));
  return el;
}

// A labelled input with the place for its error beside it, tied to it by
// aria-describedby while it shows (with the hint, a catalogue key, when there is one):
//   const email = field("email", "signin.email", {type: "email", autocomplete: "username"});
//   email.error("signin.need_email");  email.clear();
export function field(id, labelKey, attrs = {}, hintKey = null) {
  return labelled(h("input", { id, name: id, ...attrs }), labelKey, hintKey);
}

// The same for a <select>; options: [{value, i18n} | {value, text}], or elements
// (<optgroup>) as they are.
export function selectField(id, labelKey, options, hintKey = null) {
  const select = h(
    "select",
    { id, name: id },
    options.map((o) => (o instanceof Element ? o : h("option", { value: o.value, i18n: o.i18n, text: o.text }))),
  );
  return labelled(select, labelKey, hintKey);
}

// Any control with an id (a <textarea>, a <select>) labelled as field() labels an input:
// {wrap, input, error(key, vars), clear()}.
export function labelled(input, labelKey, hintKey = null) {
  const id = input.id;
  const hint = hintKey ? h("p", { id: `${id}-hint`, class: "hint", i18n: hintKey }) : null;
  const message = h("p", { id: `${id}-error`, class: "field-error", hidden: true });
  const wrap = h("div", { class: "field" }, h("label", { for: id, i18n: labelKey }), input, hint, message);
  const describe = (ids) => {
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  };
  describe(hint ? [hint.id] : []);
  return {
    wrap,
    input,
    error(key, vars) {
      tr(message, key, vars);
      message.hidden = false;
      input.setAttribute("aria-invalid", "true");
      describe(hint ? [message.id, hint.id] : [message.id]);
    },
    clear() {
      message.hidden = true;
      message.textContent = "";
      delete message.dataset.i18n;
      input.removeAttribute("aria-invalid");
      describe(hint ? [hint.id] : []);
    },
  };
}

// An ApiError that names one of fields ({name: field()}): a malformed or refused value
// (400, 422), a person or organisation not found (404) or not unambiguous (409). Shown
// beside that field, which gets the focus: in the view's own words when wordsFor(err)
// gives a catalogue key (with {value}, what was typed), else the server's message in a
// sentence. true if it was one.
export function fieldError(fields, err, wordsFor = () => null) {
  const f = [400, 404, 409, 422].includes(err.status) && err.field && fields[err.field];
  if (!f) return false;
  const key = wordsFor(err);
  if (key) f.error(key, { value: f.input.value.trim() });
  else f.error("error.field", { message: err.message });
  f.input.focus();
  return true;
}

// An SVG element, as h() makes HTML ones: attributes as given (presentation
// attributes such as fill or stroke-width are not inline style), children appended.
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (name === "text") el.textContent = value;
    else if (name === "class") el.setAttribute("class", value);
    else if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, String(value));
  }
  el.append(...children.flat(Infinity).filter((c) => c != null && c !== false));
  return el;
}

// Show an unexpected ApiError (api.js) in el: that the server was not reached, or the
// server's own message (English) in a sentence of the chosen language.
export function showError(el, err) {
  if (err.status === 0) tr(el, "error.network");
  else tr(el, "error.generic", { message: err.message || err.code || String(err.status) });
}

// The frame most views share: a wide section with the page's heading (PAGE.title) and
// introduction (PAGE.intro), a status line that says "Loading…" until the view says
// otherwise, and a body for the view to fill. id: the heading's, if the view needs one.
export function viewFrame(page, id = null) {
  const status = h("p", { class: "muted", role: "status", i18n: "loading" });
  const body = h("div", { class: "stack" });
  const section = h(
    "section",
    { class: "stack wide" },
    h("h1", { id, tabindex: -1, i18n: `${page}.title` }),
    h("p", { class: "muted", i18n: `${page}.intro` }),
    status,
    body,
  );
  return { section, status, body };
}

// A view's status line becomes the alert of what went wrong (its data could not be
// had): the message in words, announced at once.
export function statusFailed(status, err) {
  status.classList.add("alert");
  status.setAttribute("role", "alert");
  showError(status, err);
}
