// views/home.js - #/: who is signed in, their workspaces and roles, and which one the
// UI works in (a chooser when there are several; GET /api/v1/workspace confirms it,
// sent with X-Mutua-Workspace by api.js).

import { api } from "../api.js";
import { h, showError } from "../dom.js";
import { tr } from "../i18n.js";

export function homeView(ctx) {
  const { account, workspaces } = ctx.session;
  const who = account.display_name
    ? ["home.signed_in_as", { name: account.display_name, email: account.email }]
    : ["home.signed_in_as_email", { email: account.email }];
  const current = h("p", { class: "current", role: "status" });
  const rows = workspaces.map((w) =>
    h(
      "tr",
      { "data-workspace": w.id },
      h("td", { text: w.name }),
      h("td", { "data-role": w.role, i18n: `role.${w.role}` }),
    ),
  );
  let asked = 0;

  async function showCurrent() {
    const id = ctx.workspace();
    for (const row of rows) {
      if (row.dataset.workspace === id) row.setAttribute("aria-current", "true");
      else row.removeAttribute("aria-current");
    }
    if (!id) return;
    const mine = ++asked;
    tr(current, "loading");
    try {
      const ws = await api("GET", "/workspace");
      if (mine === asked) tr(current, "home.current", { name: ws.name });
    } catch (err) {
      if (mine === asked) showError(current, err);
    }
  }

  let chooser = null;
  if (workspaces.length > 1) {
    const select = h(
      "select",
      { id: "workspace" },
      workspaces.map((w) => h("option", { value: w.id, text: w.name })),
    );
    select.value = ctx.workspace();
    select.addEventListener("change", () => {
      ctx.chooseWorkspace(select.value);
      showCurrent();
    });
    chooser = h("div", { class: "field" }, h("label", { for: "workspace", i18n: "home.choose" }), select);
  }

  showCurrent();
  return h(
    "section",
    { class: "stack" },
    h("h1", { tabindex: -1, i18n: "home.title" }),
    h("p", { class: "who", i18n: who }),
    h("h2", { i18n: "home.workspaces" }),
    workspaces.length
      ? h(
          "table",
          { class: "workspaces" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col", i18n: "home.name" }), h("th", { scope: "col", i18n: "home.role" }))),
          h("tbody", {}, rows),
        )
      : h("p", { i18n: "home.no_workspaces" }),
    chooser,
    current,
  );
}
