// views/asks.js - #/asks: asks and offers (SPEC §4.9).
//
// The open asks and offers of the workspace (GET /asks, /offers, newest first), a form
// to post one (POST /asks or /offers: who, what, when and, for an ask, the segment it
// is about), and for each ask the members who can answer it (GET /matches?ask=ID): the
// score and why, said in the page's language from the match's facts (the share of the
// segment their profile aims at, their good contacts there, the ask's words they
// offer). Accepting a match (POST /asks/ID/accept) writes the introduction (or the
// referral) into the ledger at once, and says so with a link to it. An ask or offer
// that is answered can be closed (PATCH status closed).

import { api } from "../api.js";
import { field, fieldError, h, showError } from "../dom.js";
import { tr } from "../i18n.js";
import { loadPeople } from "../people.js";
import { choice, timeOf, today, unresolved } from "./ledger.js";

const LEVELS = ["owner", "executive", "manager", "specialist", "public_official", "private_individual"];
const FUNCTIONS = ["general_management", "finance", "hr", "it", "marketing", "sales", "operations", "legal", "property", "procurement", "other"];
const SIZES = ["micro", "small", "medium", "large"];
const TOP = 5; // matches per ask

const two = (v) => ({ number: v, minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = (v) => ({ number: v, style: "percent", maximumFractionDigits: 0 });
const newestFirst = (x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0);

export function asksView() {
  const status = h("p", { class: "muted", role: "status", i18n: "loading" });
  const alert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
  const asksBox = h("section", { class: "stack", "aria-labelledby": "asks-title" });
  const offersBox = h("section", { class: "stack", "aria-labelledby": "offers-title" });
  const post = postForm(added);

  let people = null;
  loadPeople()
    .then((p) => {
      people = p;
      post.ready(people);
      return load();
    })
    .catch((err) => {
      status.hidden = true;
      showError(alert, err);
    });

  async function load() {
    const [asks, offers] = await Promise.all([api("GET", "/asks?limit=1000"), api("GET", "/offers?limit=1000")]);
    status.hidden = true;
    asksBox.replaceChildren(...showAsks(asks.items.filter((a) => a.status === "open").sort(newestFirst)));
    offersBox.replaceChildren(...showOffers(offers.items.filter((o) => o.status === "open").sort(newestFirst)));
  }

  function added() {
    load().catch((err) => showError(alert, err));
  }

  // --- the asks, each with who can answer it ---

  function showAsks(list) {
    const heading = h("h2", { id: "asks-title", i18n: ["asks.open_asks", { count: list.length }] });
    if (!list.length) return [heading, h("p", { class: "empty", i18n: "asks.no_asks" })];
    return [heading, h("ol", { class: "board asks-list" }, list.map(askItem))];
  }

  function askItem(ask) {
    const matches = h("div", { class: "matches stack", hidden: true });
    const find = h("button", { type: "button", "aria-expanded": "false", i18n: "asks.find", onclick: toggle });
    const close = h("button", { type: "button", class: "quiet", i18n: "asks.close", onclick: () => closeIt("asks", ask.id, item) });
    const item = h(
      "li",
      { class: "card stack ask-item", "data-id": ask.id },
      h("p", { class: "ask-text", text: ask.text }),
      h("p", { class: "muted", i18n: ["asks.by", { name: people.name(ask.person), date: { date: ask.at } }] }),
      segmentLine(ask.segment),
      h("div", { class: "buttons" }, find, close),
      matches,
    );
    let loaded = false;
    async function toggle() {
      const open = matches.hidden;
      matches.hidden = !open;
      find.setAttribute("aria-expanded", String(open));
      tr(find, open ? "asks.hide" : "asks.find");
      if (open && !loaded) {
        loaded = true;
        await showMatches(ask, matches);
      }
    }
    return item;
  }

  async function showMatches(ask, box) {
    box.replaceChildren(h("p", { class: "muted", role: "status", i18n: "loading" }));
    let answer;
    try {
      answer = await api("GET", `/matches?ask=${encodeURIComponent(ask.id)}&top=${TOP}`);
    } catch (err) {
      const p = h("p", { class: "alert", role: "alert" });
      showError(p, err);
      box.replaceChildren(p);
      return;
    }
    const list = answer.asks[0]?.matches || [];
    const done = h("p", { class: "done", role: "status" });
    if (!list.length) {
      box.replaceChildren(h("p", { class: "empty", i18n: "asks.no_matches" }));
      return;
    }
    box.replaceChildren(
      h("h3", { i18n: "asks.matches" }),
      h(
        "ol",
        { class: "match-list" },
        list.map((m) =>
          h(
            "li",
            { "data-person": m.id, "data-score": m.score },
            h(
              "p",
              { class: "partner-head" },
              h("span", { class: "name", text: m.name }),
              h("meter", { min: 0, max: 1, value: m.score, "aria-hidden": "true" }),
              h("span", { class: "score", i18n: ["asks.score", { value: two(m.score) }] }),
            ),
            reasons(m),
            h("div", { class: "buttons" }, acceptButton(ask, m, "introduction", done), acceptButton(ask, m, "referral", done)),
          ),
        ),
      ),
      done,
    );
  }

  // "Accept as introduction", named for screen readers "… from Erik Holm"
  function acceptButton(ask, m, as, done) {
    const key = as === "referral" ? "asks.accept_referral" : "asks.accept_intro";
    // the text in a span of its own: an element carries one text to relabel (i18n.js)
    const button = h("button", { type: "button", class: "quiet accept", "data-as": as }, h("span", { i18n: key }));
    tr(button, `${key}_named`, { name: m.name }, "aria-label");
    button.addEventListener("click", () => accept(ask, m, as, button, done));
    return button;
  }

  async function accept(ask, m, as, button, done) {
    button.disabled = true;
    try {
      await api("POST", `/asks/${encodeURIComponent(ask.id)}/accept`, { person: m.id, as });
      const link = h("a", { href: `#/ledger?person=${encodeURIComponent(ask.person)}`, i18n: "asks.see_ledger" });
      done.replaceChildren(
        h("span", {
          i18n: [as === "referral" ? "asks.accepted_referral" : "asks.accepted_intro", { giver: m.name, asker: people.name(ask.person) }],
        }),
        " ",
        link,
      );
    } catch (err) {
      showError(done, err);
    } finally {
      button.disabled = false;
    }
  }

  async function closeIt(plural, id, item) {
    try {
      await api("PATCH", `/${plural}/${encodeURIComponent(id)}`, { status: "closed" });
      item.remove();
      load().catch((err) => showError(alert, err));
    } catch (err) {
      showError(alert, err);
    }
  }

  // --- the offers ---

  function showOffers(list) {
    const heading = h("h2", { id: "offers-title", i18n: ["asks.open_offers", { count: list.length }] });
    if (!list.length) return [heading, h("p", { class: "empty", i18n: "asks.no_offers" })];
    return [
      heading,
      h(
        "ol",
        { class: "board offers-list" },
        list.map((o) => {
          const item = h(
            "li",
            { class: "card stack offer-item", "data-id": o.id },
            h("p", { class: "ask-text", text: o.text }),
            h("p", { class: "muted", i18n: ["asks.by", { name: people.name(o.person), date: { date: o.at } }] }),
            h("div", { class: "buttons" }, h("button", { type: "button", class: "quiet", i18n: "asks.close", onclick: () => closeIt("offers", o.id, item) })),
          );
          return item;
        }),
      ),
    ];
  }

  return h(
    "section",
    { class: "stack wide asks" },
    h("h1", { tabindex: -1, i18n: "asks.title" }),
    h("p", { class: "muted", i18n: "asks.intro" }),
    alert,
    h("div", { class: "form-layout" }, post.form, h("div", { class: "stack" }, status, asksBox, offersBox)),
  );
}

// What an ask's segment names, in words: "Industry 62 · Manager · HR · SE-M · Small".
function segmentLine(seg) {
  if (!seg) return null;
  const parts = [];
  if (seg.industry) parts.push(h("span", { i18n: ["asks.seg_industry", { code: seg.industry }] }));
  if (seg.role_level) parts.push(h("span", { i18n: `asks.level.${seg.role_level}` }));
  if (seg.role_function) parts.push(h("span", { i18n: `asks.function.${seg.role_function}` }));
  if (seg.region) parts.push(h("span", { i18n: ["asks.seg_region", { code: seg.region }] }));
  if (seg.size_class) parts.push(h("span", { i18n: `asks.size.${seg.size_class}` }));
  if (!parts.length) return null;
  return h("p", { class: "ask-segment" }, h("span", { class: "muted", i18n: "asks.segment_is" }), " ", parts.flatMap((p, i) => [i ? " · " : null, p]));
}

// Why a member matches, from the facts: the profile, the contacts, the words.
function reasons(m) {
  const lines = [];
  if (m.profile > 0) lines.push(["asks.why_profile", { value: percent(m.profile) }]);
  if (m.good_contacts) lines.push(["asks.why_contacts", { count: m.good_contacts }]);
  if (m.words?.length) lines.push(["asks.why_words", { words: m.words.join(", ") }]);
  if (!lines.length) return null;
  return h("ul", { class: "reasons" }, lines.map((l) => h("li", { i18n: l })));
}

// --- posting an ask or an offer ---

function postForm(onAdded) {
  const mode = (value, key) =>
    h(
      "label",
      { class: "choice" },
      h("input", { type: "radio", name: "what", value, checked: value === "ask", onchange: showMode }),
      h("span", { i18n: key }),
    );
  const person = field("post-person", "asks.person", { list: "asks-persons", autocomplete: "off" });
  const text = field("post-text", "asks.text", { autocomplete: "off", maxlength: 2000 }, "asks.text_hint");
  const at = field("post-at", "asks.date", { type: "date", value: today() });
  const industry = field("seg-industry", "asks.industry", { autocomplete: "off", inputmode: "text" }, "asks.industry_hint");
  const region = field("seg-region", "asks.region", { autocomplete: "off" }, "asks.region_hint");
  const options = (list, key) => [h("option", { value: "", i18n: "asks.any" }), ...list.map((v) => h("option", { value: v, i18n: key(v) }))];
  const level = choice("seg-level", "asks.role_level", options(LEVELS, (v) => `asks.level.${v}`));
  const func = choice("seg-function", "asks.role_function", options(FUNCTIONS, (v) => `asks.function.${v}`));
  const size = choice("seg-size", "asks.size_class", options(SIZES, (v) => `asks.size.${v}`));
  const segment = h(
    "fieldset",
    { class: "segment-fields stack" },
    h("legend", { i18n: "asks.segment" }),
    h("p", { class: "hint", i18n: "asks.segment_hint" }),
    h("div", { class: "pair" }, industry.wrap, region.wrap),
    level.wrap,
    func.wrap,
    size.wrap,
  );
  const alert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
  const done = h("p", { class: "done", role: "status" });
  const submit = h("button", { type: "submit", class: "primary", i18n: "asks.post_ask" });
  const form = h(
    "form",
    { class: "card stack post-form", novalidate: true, "aria-labelledby": "post-title", onsubmit: send },
    h("h2", { id: "post-title", i18n: "asks.post_title" }),
    h("fieldset", {}, h("legend", { i18n: "asks.what" }), h("div", { class: "choices" }, mode("ask", "asks.an_ask"), mode("offer", "asks.an_offer"))),
    person.wrap,
    text.wrap,
    at.wrap,
    segment,
    alert,
    submit,
    done,
  );
  const fields = {
    person,
    text,
    at,
    "segment.industry": industry,
    "segment.region": region,
    "segment.role_level": level,
    "segment.role_function": func,
    "segment.size_class": size,
  };
  let people = null;

  function isAsk() {
    return form.elements.what.value === "ask";
  }
  function showMode() {
    segment.hidden = !isAsk();
    tr(submit, isAsk() ? "asks.post_ask" : "asks.post_offer");
  }

  async function send(event) {
    event.preventDefault();
    for (const f of Object.values(fields)) f.clear();
    alert.textContent = "";
    done.textContent = "";
    const found = people.find(person.input.value);
    if (unresolved(person, found)) return person.input.focus();
    if (!text.input.value.trim()) {
      text.error(isAsk() ? "asks.need_ask" : "asks.need_offer");
      return text.input.focus();
    }
    if (!at.input.value) {
      at.error("ledger.need_date");
      return at.input.focus();
    }
    const body = { person: found.id, at: timeOf(at.input.value), text: text.input.value.trim() };
    if (isAsk()) {
      const seg = {};
      if (industry.input.value.trim()) seg.industry = industry.input.value.trim();
      if (region.input.value.trim()) seg.region = region.input.value.trim().toUpperCase();
      if (level.input.value) seg.role_level = level.input.value;
      if (func.input.value) seg.role_function = func.input.value;
      if (size.input.value) seg.size_class = size.input.value;
      if (Object.keys(seg).length) body.segment = seg;
    }
    submit.disabled = true;
    try {
      await api("POST", isAsk() ? "/asks" : "/offers", body);
      tr(done, isAsk() ? "asks.posted_ask" : "asks.posted_offer", { name: people.name(found.id) });
      for (const f of [text, industry, region, level, func, size]) f.input.value = "";
      onAdded();
    } catch (err) {
      if (!fieldError(fields, err, wordsFor)) showError(alert, err);
    } finally {
      submit.disabled = false;
    }
  }

  return {
    form,
    ready(p) {
      people = p;
      form.append(people.datalist("asks-persons"));
      showMode();
    },
  };
}

function wordsFor(err) {
  if (err.field === "segment.industry") return "asks.bad_industry";
  if (err.field === "segment.region") return "asks.bad_region";
  return null;
}
