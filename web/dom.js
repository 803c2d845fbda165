// dom.js - building the page without HTML strings.
//
// Views build elements with h(), which sets text as text (never innerHTML), so a name
// from the database cannot become markup. No inline style and no inline handlers: the
// Content-Security-Policy allows neither (docs/web.md); classes come from app.css.

import { tr } from "./i18n.js";

// h("button", {type: "submit", i18n: "signin.submit", onclick: fn}, child, ...)
//   text: the text content; i18n: a catalogue key, or [key, vars] (tr());
//   class; on*: an event listener; true: an empty attribute; null/false: none.
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
  el.append(...children.flat().filter((c) => c != null && c !== false));
  return el;
}

// A labelled input with the place for its error beside it, tied to it by
// aria-describedby while it shows:
//   const email = field("email", "signin.email", {type: "email", autocomplete: "username"});
//   email.error("signin.need_email");  email.clear();
export function field(id, labelKey, attrs = {}) {
  const input = h("input", { id, name: id, ...attrs });
  const message = h("p", { id: `${id}-error`, class: "field-error", hidden: true });
  const wrap = h("div", { class: "field" }, h("label", { for: id, i18n: labelKey }), input, message);
  return {
    wrap,
    input,
    error(key, vars) {
      tr(message, key, vars);
      message.hidden = false;
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", message.id);
    },
    clear() {
      message.hidden = true;
      message.textContent = "";
      delete message.dataset.i18n;
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    },
  };
}

// An ApiError of 400 or 422 that names one of fields ({name: field()}): shown beside
// that field, which gets the focus. true if it was one.
export function fieldError(fields, err) {
  const f = (err.status === 400 || err.status === 422) && err.field && fields[err.field];
  if (!f) return false;
  f.error("error.field", { message: err.message });
  f.input.focus();
  return true;
}

// Show an unexpected ApiError (api.js) in el: that the server was not reached, or the
// server's own message (English) in a sentence of the chosen language.
export function showError(el, err) {
  if (err.status === 0) tr(el, "error.network");
  else tr(el, "error.generic", { message: err.message || err.code || String(err.status) });
}
