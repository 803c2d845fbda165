// app.js - the shell of the web UI: language picker, session, hash router.
//
// One page (index.html); views render into <main> by the URL's fragment: #/signin,
// #/agenda (where a signed-in person lands), #/people, #/person, #/ (the account and
// its workspaces) and the other pages of `routes`. A view is a function (ctx, query) -> Element, listed in
// `routes` with the catalogue key of its title and whether it is for people signed in
// or out. On load GET /api/v1/session says which: 401 is signed out. query is what
// follows "?" in the fragment, as URLSearchParams (#/paths?to=58; also ctx.query);
// routes match the part before it. The nav (signed in only; grouped, beside the view on
// a desktop, a menu on a phone) marks the
// current view with aria-current="page". Adding a page is a module in views/ and a
// line in `routes` (docs/web.md), and a link in index.html's nav if it is a main one.

import { api, onSignedOut, setCsrf, setWorkspace } from "./api.js";
import { h, showError } from "./dom.js";
import { LANGUAGES, initLanguage, language, onLanguageChange, setLanguage, t } from "./i18n.js";

// Where a signed-in person lands: today's agenda.
const START = "/agenda";

// A view's module is fetched the first time it is shown, then kept: a page loads its
// own code and not every other page's (half a megabyte in all), which is most of the
// time to its first paint. Each module exports NAMEView, e.g. views/ledger.js ledgerView.
const lazy = (name) => () => import(`./views/${name}.js`).then((m) => m[`${name}View`]);

const routes = {
  "/agenda": { view: lazy("agenda"), title: "agenda.title", signedIn: true },
  "/people": { view: lazy("people"), title: "people.title", signedIn: true },
  "/person": { view: lazy("person"), title: "person.title", signedIn: true, nav: "/people" },
  "/": { view: lazy("home"), title: "home.title", signedIn: true },
  "/signin": { view: lazy("signin"), title: "signin.title", signedIn: false },
  "/paths": { view: lazy("paths"), title: "paths.title", signedIn: true },
  "/map": { view: lazy("map"), title: "map.title", signedIn: true },
  "/interchange": { view: lazy("interchange"), title: "interchange.title", signedIn: true },
  "/ledger": { view: lazy("ledger"), title: "ledger.title", signedIn: true },
  "/asks": { view: lazy("asks"), title: "asks.title", signedIn: true },
  "/fit": { view: lazy("fit"), title: "fit.title", signedIn: true },
  "/powerteams": { view: lazy("powerteams"), title: "powerteams.title", signedIn: true },
  "/plan": { view: lazy("plan"), title: "plan.title", signedIn: true },
  "/networks": { view: lazy("networks"), title: "networks.title", signedIn: true },
  "/participation": { view: lazy("participation"), title: "participation.title", signedIn: true },
  "/meetings": { view: lazy("meetings"), title: "meetings.title", signedIn: true },
  "/referrals": { view: lazy("referrals"), title: "referrals.title", signedIn: true },
  "/scorecard": { view: lazy("scorecard"), title: "scorecard.title", signedIn: true },
  "/settings": { view: lazy("settings"), title: "settings.title", signedIn: true },
};
const notFound = { view: async () => notFoundView, title: "notfound.title", signedIn: true };

const WORKSPACE_KEY = "mutua.workspace";

// What views may use: the session document ({account, workspaces, csrf_token}, null
// when signed out) and the shell's few actions.
const ctx = {
  session: null,
  query: new URLSearchParams(),
  signedIn(doc) {
    remember(doc);
    go(START);
  },
  async signOut() {
    try {
      await api("POST", "/logout");
    } catch (err) {
      if (err.status !== 401) notice(err); // 401: the session had ended; onSignedOut did the rest
      return;
    }
    forget();
    go("/signin");
  },
  workspace() {
    return chosenWorkspace;
  },
  chooseWorkspace(id) {
    chosenWorkspace = id;
    setWorkspace(id);
    try {
      localStorage.setItem(WORKSPACE_KEY, id);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
  },
  go,
};

let chosenWorkspace = null;
let currentTitle = null;

function remember(doc) {
  ctx.session = doc;
  setCsrf(doc.csrf_token);
  let stored = null;
  try {
    stored = localStorage.getItem(WORKSPACE_KEY);
  } catch {
    // no storage: the first workspace
  }
  const ids = doc.workspaces.map((w) => w.id);
  ctx.chooseWorkspace(ids.includes(stored) ? stored : ids[0] || null);
  for (const id of ["signout", "nav", "menu"]) document.getElementById(id).hidden = false;
}

function forget() {
  ctx.session = null;
  chosenWorkspace = null;
  setCsrf(null);
  setWorkspace(null);
  for (const id of ["signout", "nav", "menu"]) document.getElementById(id).hidden = true;
  openMenu(false);
}

// On a phone the nav is a menu that the header's button opens over the view; on a
// desktop it is a column beside it and the button is not shown (app.css). Choosing a
// page, Escape or the button again closes it.
function openMenu(open) {
  document.getElementById("nav").classList.toggle("open", open);
  document.getElementById("menu").setAttribute("aria-expanded", String(open));
}

function setupMenu() {
  const menu = document.getElementById("menu");
  const nav = document.getElementById("nav");
  menu.addEventListener("click", () => {
    const open = menu.getAttribute("aria-expanded") !== "true";
    openMenu(open);
    if (open) nav.querySelector("a")?.focus();
  });
  nav.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || !nav.classList.contains("open")) return;
    openMenu(false);
    menu.focus();
  });
}

function go(path) {
  if (location.hash === `#${path}`) render(false);
  else location.hash = path; // hashchange renders
}

// Show the view of the URL's fragment (#/path?query); one for the other side of
// signing in sends the person to the right one (signed out: sign-in; signed in: the
// agenda).
let shown = 0; // renders begun: a view that arrives after a later one began is dropped

function render(initial) {
  const mine = ++shown;
  const fragment = location.hash.replace(/^#/, "");
  const mark = fragment.indexOf("?");
  let path = (mark < 0 ? fragment : fragment.slice(0, mark)) || "/";
  ctx.query = new URLSearchParams(mark < 0 ? "" : fragment.slice(mark + 1));
  let route = routes[path] || notFound;
  if (route.signedIn !== Boolean(ctx.session)) {
    path = ctx.session ? START : "/signin";
    route = routes[path];
    ctx.query = new URLSearchParams();
    history.replaceState(null, "", `#${path}`);
  }
  // the nav marks the view's own link, or the main page it belongs to (route.nav)
  const current = `#${route.nav || path}`;
  for (const link of document.querySelectorAll("#nav a")) {
    if (link.getAttribute("href") === current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  openMenu(false);
  currentTitle = route.title;
  setTitle();
  return route.view().then(
    (view) => {
      if (mine !== shown) return;
      const main = document.getElementById("main");
      main.replaceChildren(view(ctx, ctx.query));
      // the field a view marks with data-focus, else after a move its heading, so that
      // keyboard and screen reader users start at the new view
      const first = main.querySelector("[data-focus]") || (!initial && main.querySelector("h1"));
      if (first) first.focus();
    },
    (err) => mine === shown && notice(err), // its module could not be fetched
  );
}

function setTitle() {
  document.title = t("app.title", { page: t(currentTitle) });
}

function notFoundView() {
  return h(
    "section",
    { class: "card stack" },
    h("h1", { tabindex: -1, i18n: "notfound.title" }),
    h("p", {}, h("a", { href: "#/", i18n: "notfound.back" })),
  );
}

// An error outside any view's form (signing out): shown above the view.
function notice(err) {
  const el = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
  showError(el, err);
  document.getElementById("main").prepend(el);
}

function setupShell() {
  const picker = document.getElementById("lang");
  for (const [code, name] of Object.entries(LANGUAGES)) {
    picker.append(h("option", { value: code, lang: code, text: name }));
  }
  picker.value = language();
  picker.addEventListener("change", () => setLanguage(picker.value));
  onLanguageChange((lang) => {
    picker.value = lang;
    if (currentTitle) setTitle();
  });
  document.getElementById("signout").addEventListener("click", () => ctx.signOut());
  setupMenu();
  onSignedOut(() => {
    forget();
    go("/signin");
  });
}

async function boot() {
  initLanguage();
  setupShell();
  let failure = null;
  try {
    remember(await api("GET", "/session"));
  } catch (err) {
    if (err.status !== 401) failure = err;
  }
  addEventListener("hashchange", () => render(false));
  render(true);
  if (failure) notice(failure);
}

boot();
