// views/signin.js - #/signin: e-mail and password, POST /api/v1/login.
//
// A wrong pair (401) and throttling (429, with Retry-After) are said in the alert
// under the form; a missing value, or a 400/422 naming a field, beside that field.

import { api } from "../api.js";
import { field, fieldError, h, showError } from "../dom.js";
import { tr } from "../i18n.js";

export function signinView(ctx) {
  const email = field("email", "signin.email", {
    type: "email",
    autocomplete: "username",
    autocapitalize: "none",
    spellcheck: "false",
    required: true,
    "data-focus": true,
  });
  const password = field("password", "signin.password", {
    type: "password",
    autocomplete: "current-password",
    required: true,
  });
  const alert = h("p", { id: "signin-alert", class: "alert", role: "alert", "aria-live": "assertive" });
  const submit = h("button", { type: "submit", class: "primary", i18n: "signin.submit" });
  const form = h(
    "form",
    { class: "card stack signin", novalidate: true, "aria-labelledby": "signin-title", onsubmit: send },
    h("h1", { id: "signin-title", tabindex: -1, i18n: "signin.title" }),
    h("p", { class: "muted", i18n: "signin.intro" }),
    email.wrap,
    password.wrap,
    alert,
    submit,
  );

  function busy(on) {
    submit.disabled = on;
    form.setAttribute("aria-busy", String(on));
    tr(submit, on ? "signin.busy" : "signin.submit");
  }

  async function send(event) {
    event.preventDefault();
    email.clear();
    password.clear();
    alert.textContent = "";
    delete alert.dataset.i18n;
    const body = { email: email.input.value.trim(), password: password.input.value };
    if (!body.password) password.error("signin.need_password");
    if (!body.email) email.error("signin.need_email");
    if (!body.email || !body.password) {
      (body.email ? password : email).input.focus();
      return;
    }
    busy(true);
    let doc;
    try {
      doc = await api("POST", "/login", body);
    } catch (err) {
      busy(false);
      if (err.status === 401) {
        tr(alert, "signin.failed");
        password.input.value = "";
        password.input.focus();
      } else if (err.status === 429) {
        tr(alert, "signin.throttled", { count: err.retryAfter || 60 });
      } else if (!fieldError({ email, password }, err)) {
        showError(alert, err);
      }
      return;
    }
    ctx.signedIn(doc);
  }

  return form;
}
