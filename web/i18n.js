// i18n.js - the UI's words in English, Swedish and Danish, and the one way to show them.
//
// Every string a person sees comes from `catalogues` through t(). The three catalogues
// have exactly the same keys (tests/web/check-catalogues.mjs fails otherwise). A value
// is a string with {name} placeholders, or {one, other} for words that follow a count:
// t("signin.throttled", {count: 30}) picks the form with Intl.PluralRules.
//
// Elements marked with tr(el, key, vars) carry their key in data-i18n (and the values
// in data-i18n-vars), so that setLanguage() relabels the page in place: a language
// switch keeps what was typed into a form. This module touches the browser only
// inside functions, so that node can import it for the catalogue check.

import paths from "./catalogues/paths.js";
import map from "./catalogues/map.js";
import interchange from "./catalogues/interchange.js";
import ledger from "./catalogues/ledger.js";
import asks from "./catalogues/asks.js";
import fit from "./catalogues/fit.js";
import powerteams from "./catalogues/powerteams.js";
import goals from "./catalogues/goals.js";
import plan from "./catalogues/plan.js";
import networks from "./catalogues/networks.js";
import participation from "./catalogues/participation.js";
import agenda from "./catalogues/agenda.js";
import people from "./catalogues/people.js";
import person from "./catalogues/person.js";
import meetings from "./catalogues/meetings.js";
import referrals from "./catalogues/referrals.js";
import scorecard from "./catalogues/scorecard.js";
import settings from "./catalogues/settings.js";

export const LANGUAGES = { en: "English", sv: "Svenska", da: "Dansk" };

// The words every page shares (the shell, sign-in, home, errors); each page's own
// are in catalogues/PAGE.js, merged here.
const shared = {
  en: {
    "app.name": "Mutua",
    "app.title": "{page} — Mutua",
    "lang.label": "Language",
    "nav.signout": "Sign out",
    "nav.menu": "Menu",
    "nav.group_day": "Today",
    "nav.group_network": "Your network",
    "nav.group_give": "Reciprocity",
    "nav.group_plan": "Plan and measure",
    "nav.group_group": "The group",
    "nav.group_workspace": "Workspace",
    "loading": "Loading…",
    "signin.title": "Sign in",
    "signin.intro": "Sign in with the e-mail address and password of your Mutua account.",
    "signin.email": "E-mail",
    "signin.password": "Password",
    "signin.submit": "Sign in",
    "signin.busy": "Signing in…",
    "signin.failed": "Wrong e-mail or password.",
    "signin.throttled": {
      one: "Too many attempts. Try again in {count} second.",
      other: "Too many attempts. Try again in {count} seconds.",
    },
    "signin.need_email": "Enter your e-mail address.",
    "signin.need_password": "Enter your password.",
    "home.title": "Welcome",
    "home.signed_in_as": "Signed in as {name} ({email}).",
    "home.signed_in_as_email": "Signed in as {email}.",
    "home.workspaces": "Your workspaces",
    "home.name": "Workspace",
    "home.role": "Your role",
    "home.choose": "Work in",
    "home.current": "Working in {name}.",
    "home.no_workspaces": "You have no role in any workspace yet. Ask an administrator to invite you.",
    "role.viewer": "viewer",
    "role.member": "member",
    "role.admin": "admin",
    "role.owner": "owner",
    "notfound.title": "Page not found",
    "notfound.back": "Go to the start page",
    "error.network": "The server could not be reached. Check the connection and try again.",
    "error.generic": "Something went wrong: {message}",
    "error.field": "Check this field: {message}",
    "nav.label": "Main",
    "nav.home": "Workspaces",
    "nav.paths": "Warm paths",
    "nav.map": "Network map",
    "nav.interchange": "Import and export",
  },
  sv: {
    "app.name": "Mutua",
    "app.title": "{page} — Mutua",
    "lang.label": "Språk",
    "nav.signout": "Logga ut",
    "nav.menu": "Meny",
    "nav.group_day": "I dag",
    "nav.group_network": "Ditt nätverk",
    "nav.group_give": "Ömsesidighet",
    "nav.group_plan": "Planera och mät",
    "nav.group_group": "Gruppen",
    "nav.group_workspace": "Arbetsyta",
    "loading": "Laddar…",
    "signin.title": "Logga in",
    "signin.intro": "Logga in med e-postadressen och lösenordet för ditt Mutua-konto.",
    "signin.email": "E-post",
    "signin.password": "Lösenord",
    "signin.submit": "Logga in",
    "signin.busy": "Loggar in…",
    "signin.failed": "Fel e-postadress eller lösenord.",
    "signin.throttled": {
      one: "För många försök. Försök igen om {count} sekund.",
      other: "För många försök. Försök igen om {count} sekunder.",
    },
    "signin.need_email": "Fyll i din e-postadress.",
    "signin.need_password": "Fyll i ditt lösenord.",
    "home.title": "Välkommen",
    "home.signed_in_as": "Inloggad som {name} ({email}).",
    "home.signed_in_as_email": "Inloggad som {email}.",
    "home.workspaces": "Dina arbetsytor",
    "home.name": "Arbetsyta",
    "home.role": "Din roll",
    "home.choose": "Arbeta i",
    "home.current": "Du arbetar i {name}.",
    "home.no_workspaces": "Du har ännu ingen roll i någon arbetsyta. Be en administratör att bjuda in dig.",
    "role.viewer": "läsare",
    "role.member": "medlem",
    "role.admin": "administratör",
    "role.owner": "ägare",
    "notfound.title": "Sidan finns inte",
    "notfound.back": "Gå till startsidan",
    "error.network": "Servern gick inte att nå. Kontrollera anslutningen och försök igen.",
    "error.generic": "Något gick fel: {message}",
    "error.field": "Kontrollera fältet: {message}",
    "nav.label": "Huvudmeny",
    "nav.home": "Arbetsytor",
    "nav.paths": "Varma vägar",
    "nav.map": "Nätverkskarta",
    "nav.interchange": "Import och export",
  },
  da: {
    "app.name": "Mutua",
    "app.title": "{page} — Mutua",
    "lang.label": "Sprog",
    "nav.signout": "Log ud",
    "nav.menu": "Menu",
    "nav.group_day": "I dag",
    "nav.group_network": "Dit netværk",
    "nav.group_give": "Gensidighed",
    "nav.group_plan": "Planlæg og mål",
    "nav.group_group": "Gruppen",
    "nav.group_workspace": "Arbejdsområde",
    "loading": "Indlæser…",
    "signin.title": "Log ind",
    "signin.intro": "Log ind med e-mailadressen og adgangskoden til din Mutua-konto.",
    "signin.email": "E-mail",
    "signin.password": "Adgangskode",
    "signin.submit": "Log ind",
    "signin.busy": "Logger ind…",
    "signin.failed": "Forkert e-mailadresse eller adgangskode.",
    "signin.throttled": {
      one: "For mange forsøg. Prøv igen om {count} sekund.",
      other: "For mange forsøg. Prøv igen om {count} sekunder.",
    },
    "signin.need_email": "Skriv din e-mailadresse.",
    "signin.need_password": "Skriv din adgangskode.",
    "home.title": "Velkommen",
    "home.signed_in_as": "Logget ind som {name} ({email}).",
    "home.signed_in_as_email": "Logget ind som {email}.",
    "home.workspaces": "Dine arbejdsområder",
    "home.name": "Arbejdsområde",
    "home.role": "Din rolle",
    "home.choose": "Arbejd i",
    "home.current": "Du arbejder i {name}.",
    "home.no_workspaces": "Du har endnu ingen rolle i noget arbejdsområde. Bed en administrator om at invitere dig.",
    "role.viewer": "læser",
    "role.member": "medlem",
    "role.admin": "administrator",
    "role.owner": "ejer",
    "notfound.title": "Siden findes ikke",
    "notfound.back": "Gå til forsiden",
    "error.network": "Serveren kunne ikke nås. Tjek forbindelsen, og prøv igen.",
    "error.generic": "Noget gik galt: {message}",
    "error.field": "Tjek feltet: {message}",
    "nav.label": "Hovedmenu",
    "nav.home": "Arbejdsområder",
    "nav.paths": "Varme veje",
    "nav.map": "Netværkskort",
    "nav.interchange": "Import og eksport",
  },
};

export const catalogues = merge([
  shared, paths, map, interchange, agenda, people, person, ledger, asks, fit, powerteams, goals, plan,
  networks, participation, meetings, referrals, scorecard, settings,
]);

// One catalogue per language from the parts; a key in two parts is a mistake that
// would silently hide one of them, so it stops the UI at once.
function merge(parts) {
  const out = { en: {}, sv: {}, da: {} };
  for (const part of parts) {
    for (const lang of Object.keys(out)) {
      for (const [key, value] of Object.entries(part[lang] || {})) {
        if (key in out[lang]) throw new Error(`i18n: the key ${key} is defined twice`);
        out[lang][key] = value;
      }
    }
  }
  return out;
}

// Words that come from the server rather than from web/ (the enumerations' labels of
// GET /api/v1/enums, enums.js), added under a namespace of their own once loaded, so
// that tr() relabels them like any other. A key already there is kept.
export function addWords(words) {
  for (const lang of Object.keys(catalogues)) {
    for (const [key, value] of Object.entries(words[lang] || {})) {
      if (!(key in catalogues[lang])) catalogues[lang][key] = value;
    }
  }
}

const STORAGE_KEY = "mutua.lang";
// The region each language's dates and numbers are written in when the browser
// names none (English: the browser's own English if it has one).
const REGIONS = { en: "en-GB", sv: "sv-SE", da: "da-DK" };

let current = "en";
const listeners = [];

// The language to use: the one the person picked (stored), else the first of the
// browser's languages that we have (sv-SE -> sv), else English. Pure, for tests.
export function pickLanguage(stored, preferred) {
  if (stored && catalogues[stored]) return stored;
  for (const tag of preferred || []) {
    const primary = String(tag).toLowerCase().split("-")[0];
    if (catalogues[primary]) return primary;
  }
  return "en";
}

export function language() {
  return current;
}

// The BCP 47 locale for Intl: the browser's own variant of the language if it has one.
export function locale() {
  const prefs = (typeof navigator !== "undefined" && navigator.languages) || [];
  return prefs.find((tag) => tag.toLowerCase().split("-")[0] === current) || REGIONS[current];
}

function storage() {
  try {
    return typeof localStorage !== "undefined" ? localStorage : null;
  } catch {
    return null; // storage disabled: the choice lasts for this page only
  }
}

// Choose the language at start-up, from storage or the browser; relabel the page.
export function initLanguage() {
  const prefs = typeof navigator !== "undefined" ? navigator.languages || [navigator.language] : [];
  apply(pickLanguage(storage()?.getItem(STORAGE_KEY), prefs));
}

// The person picked lang: remember it, relabel the page, tell the listeners.
export function setLanguage(lang) {
  if (!catalogues[lang]) return;
  storage()?.setItem(STORAGE_KEY, lang);
  apply(lang);
}

export function onLanguageChange(fn) {
  listeners.push(fn);
}

function apply(lang) {
  current = lang;
  if (typeof document !== "undefined") {
    document.documentElement.lang = lang;
    translate(document);
  }
  for (const fn of listeners) fn(lang);
}

// The text of key in the current language (English, then the key itself, if missing),
// with {name} replaced from vars; {one, other} forms are chosen by vars.count. A value
// in vars is written in the current language when the text is made, so that tr()
// relabels it too:
//   a string                 as it is (a name);
//   a number                 formatNumber(n): 1,234 / 1 234;
//   {number: n, ...options}  formatNumber(n, options): {number: 0.647, maximumFractionDigits: 2};
//   {date: iso, ...options}  formatDate(iso, options);
//   {money: {amount, currency}, ...options}  formatMoney(money, options): the API's
//                            minor units (1250000 SEK: 12 500,00 kr);
//   {t: key, vars}           another text: t(key, vars), for a count inside a sentence.
export function t(key, vars = {}) {
  let s = catalogues[current][key] ?? catalogues.en[key] ?? key;
  if (typeof s === "object") {
    const count = vars.count?.number ?? vars.count ?? 0;
    s = s[new Intl.PluralRules(current).select(count)] ?? s.other;
  }
  return s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? value(vars[name]) : m));
}

function value(v) {
  if (typeof v === "number") return formatNumber(v);
  if (v && typeof v === "object") {
    if ("t" in v) return t(v.t, v.vars);
    if ("money" in v) {
      const { money, ...options } = v;
      return formatMoney(money, options);
    }
    const { number, date, ...options } = v;
    if (number !== undefined) return formatNumber(number, options);
    if (date !== undefined) return formatDate(date, Object.keys(options).length ? options : undefined);
  }
  return String(v);
}

// Show key on el, and keep showing it in whatever language is chosen later. With
// attr, the text goes into that attribute (aria-label, placeholder) instead.
export function tr(el, key, vars, attr) {
  el.dataset.i18n = key;
  if (vars) el.dataset.i18nVars = JSON.stringify(vars);
  else delete el.dataset.i18nVars;
  if (attr) el.dataset.i18nAttr = attr;
  else delete el.dataset.i18nAttr;
  show(el, t(key, vars));
  return el;
}

function show(el, text) {
  if (el.dataset.i18nAttr) el.setAttribute(el.dataset.i18nAttr, text);
  else el.textContent = text;
}

// Relabel every element under root that tr() (or data-i18n, with data-i18n-attr, in
// the HTML) marked.
export function translate(root) {
  for (const el of root.querySelectorAll("[data-i18n]")) {
    const vars = el.dataset.i18nVars ? JSON.parse(el.dataset.i18nVars) : undefined;
    show(el, t(el.dataset.i18n, vars));
  }
}

// --- numbers and dates, in the chosen language ---

export function formatNumber(n, options) {
  return new Intl.NumberFormat(locale(), options).format(n);
}

// An amount of money, {amount, currency} as the API sends it: amount in minor units
// (öre, øre, cents; SPEC §3), so 1250000 SEK is 12 500,00 kr in Swedish. How many
// minor units make one is the currency's own (Intl knows: 2 for SEK, 0 for JPY).
// options: more of Intl.NumberFormat's ({maximumFractionDigits: 0} for a chart's labels).
export function formatMoney(money, options = {}) {
  const style = { style: "currency", currency: money.currency };
  return formatNumber(Number(money.amount) / 10 ** minorDigits(money.currency), { ...style, ...options });
}

// An amount the API gives in major units (the kronor of ROI, coverage and
// participation figures) as money in minor units, for formatMoney.
export function fromMajorUnits(amount, currency) {
  return { amount: Math.round(Number(amount) * 10 ** minorDigits(currency)), currency };
}

// How many minor units a major one has, as digits: 2 for SEK, DKK, EUR; 0 for JPY.
export function minorDigits(currency) {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
}

export function formatDate(value, options = { dateStyle: "medium" }) {
  return new Intl.DateTimeFormat(locale(), options).format(new Date(value));
}

export function formatDateTime(value) {
  return formatDate(value, { dateStyle: "medium", timeStyle: "short" });
}
