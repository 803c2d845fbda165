// views/referrals.js - #/referrals: referral slips and their pipeline (SPEC §3
// referral).
//
// The form writes a slip (POST /api/v1/referrals): from whom, to whom, about whom (a
// person, their organisation, or both), through which network, and whether the
// business is for the receiver themself (inside) or for a third party (outside); the
// API starts its history at "given". A prospect nobody in the workspace has yet is
// added as a new person first (their source: the giver); the giver and the receiver
// must be people already.
//
// The pipeline shows the open slips by their stage, given → contacted → meeting →
// offer, and the closed ones (won, lost) under them. Each open slip moves forward
// (POST /api/v1/referrals/{id}/move, a stage may be skipped); closing it as won takes
// the business value, which the API writes into the ledger as the receiver's thank-you
// for closed business. Errors the API ties to a field are said beside that field.

import { api } from "../api.js";
import { field, fieldError, h, showError, statusFailed, viewFrame } from "../dom.js";
import { formatMoney, tr } from "../i18n.js";
import { allRecords, mayChange, parseAmount, peopleIndex } from "../group.js";

export const STAGES = ["given", "contacted", "meeting", "offer", "won", "lost"];
const OPEN = STAGES.slice(0, 4);
const CLOSED = ["won", "lost"];

// When a slip reached its current stage: the last step of its history.
const since = (r) => (r.history || []).reduce((last, s) => (s.at > last ? s.at : last), "");
const givenAt = (r) => (r.history || []).find((s) => s.status === "given")?.at || since(r);

export function referralsView(ctx, query = new URLSearchParams()) {
  const { section, status, body } = viewFrame("referrals", "referrals-title");
  load();
  return section;

  async function load() {
    let data;
    try {
      const [referrals, persons, organisations, networks, workspace] = await Promise.all([
        allRecords("referrals"),
        allRecords("persons"),
        allRecords("organisations"),
        allRecords("networks"),
        api("GET", "/workspace"),
      ]);
      data = {
        referrals,
        people: peopleIndex(persons, "referrals-persons"),
        organisations,
        orgName: new Map(organisations.map((o) => [o.id, o.name])),
        networks,
        currency: workspace.currency,
      };
    } catch (err) {
      statusFailed(status, err);
      return;
    }
    status.remove();
    body.append(...page(ctx, data, query).filter(Boolean));
  }
}

function page(ctx, data, query) {
  const board = h("div", { class: "stack" });
  const announce = h("p", { class: "saved", role: "status" });
  const picker = h(
    "select",
    { id: "referrals-network", name: "network" },
    h("option", { value: "", i18n: "referrals.all_networks" }),
    data.networks.map((n) => h("option", { value: n.id, text: n.name })),
  );
  picker.value = data.networks.some((n) => n.id === query.get("network")) ? query.get("network") : "";
  picker.addEventListener("change", () => {
    history.replaceState(null, "", picker.value ? `#/referrals?network=${encodeURIComponent(picker.value)}` : "#/referrals");
    draw();
  });

  function draw(focusId) {
    const shown = data.referrals.filter((r) => !picker.value || r.network_id === picker.value);
    board.replaceChildren(...pipeline(ctx, data, shown, moved).filter(Boolean));
    if (focusId) board.querySelector(`[data-referral="${CSS.escape(focusId)}"]`)?.focus();
  }
  // a slip moved or written: redraw, keep the focus on it, and say where it went
  function moved(referral, exchange, key) {
    const at = data.referrals.findIndex((r) => r.id === referral.id);
    if (at >= 0) data.referrals[at] = referral;
    else data.referrals.push(referral);
    const vars = { stage: { t: `referrals.stage_${referral.status}` }, giver: data.people.name(referral.giver), receiver: data.people.name(referral.receiver) };
    if (exchange?.amount) tr(announce, "referrals.thanked", { ...vars, amount: formatMoney(exchange.amount) });
    else tr(announce, key, vars);
    draw(referral.id);
  }
  draw();
  return [
    mayChange(ctx) ? slipForm(data, picker, moved) : h("p", { class: "muted", i18n: "referrals.read_only" }),
    h("div", { class: "field narrow" }, h("label", { for: "referrals-network", i18n: "referrals.network_filter" }), picker),
    announce,
    board,
  ];
}

// --- writing a slip ---

function slipForm(data, picker, written) {
  const giver = field("slip-giver", "referrals.giver", { list: "referrals-persons", autocomplete: "off" });
  const receiver = field("slip-receiver", "referrals.receiver", { list: "referrals-persons", autocomplete: "off" });
  const prospect = field("slip-prospect", "referrals.prospect", { list: "referrals-persons", autocomplete: "off" }, "referrals.prospect_hint");
  const org = field("slip-organisation", "referrals.organisation", { list: "referrals-organisations", autocomplete: "off" });
  const network = h(
    "select",
    { id: "slip-network", name: "network_id" },
    h("option", { value: "", i18n: "referrals.no_network" }),
    data.networks.map((n) => h("option", { value: n.id, text: n.name })),
  );
  network.value = picker.value || data.networks[0]?.id || "";
  const kind = (value) =>
    h(
      "label",
      { class: "choice" },
      h("input", { type: "radio", name: "slip-kind", value, checked: value === "outside" }),
      h("span", { i18n: `referrals.kind_${value}` }),
    );
  const fields = {
    giver,
    receiver,
    prospect_person: prospect,
    prospect_organisation: org,
  };
  const alert = h("p", { class: "alert", role: "alert", "aria-live": "assertive" });
  const submit = h("button", { type: "submit", class: "primary", i18n: "referrals.write" });

  // a name of the workspace as its id; an error beside the field when it is none
  function person(f, required) {
    const text = f.input.value.trim();
    if (!text) {
      if (required) f.error(required);
      return required ? undefined : null;
    }
    const hit = data.people.find(text);
    if (hit?.id) return hit.id;
    if (hit?.many) f.error("referrals.ambiguous", { value: text, count: hit.many });
    else if (f === prospect) return { create: text };
    else f.error("referrals.unknown_person", { value: text });
    return undefined;
  }

  async function send(event) {
    event.preventDefault();
    for (const f of [giver, receiver, prospect, org]) f.clear();
    alert.textContent = "";
    delete alert.dataset.i18n;
    const body = { kind: form.elements["slip-kind"].value };
    const g = person(giver, "referrals.need_giver");
    const r = person(receiver, "referrals.need_receiver");
    const p = person(prospect, null);
    let o = null;
    const orgText = org.input.value.trim();
    if (orgText) {
      const hits = data.organisations.filter((x) => x.name.toLocaleLowerCase() === orgText.toLocaleLowerCase());
      if (hits.length === 1) o = hits[0].id;
      else {
        org.error(hits.length ? "referrals.ambiguous" : "referrals.unknown_org", { value: orgText, count: hits.length });
        o = undefined;
      }
    }
    const bad = [[giver, g], [receiver, r], [prospect, p], [org, o]].find(([, v]) => v === undefined);
    if (bad) {
      bad[0].input.focus();
      return;
    }
    if (!p && !o) {
      prospect.error("referrals.need_prospect");
      prospect.input.focus();
      return;
    }
    submit.disabled = true;
    try {
      let prospectId = p;
      if (p?.create) {
        const made = await api("POST", "/persons", { full_name: p.create, source: data.people.name(g) });
        data.people.add(made);
        prospectId = made.id;
      }
      Object.assign(body, { giver: g, receiver: r });
      if (prospectId) body.prospect_person = prospectId;
      if (o) body.prospect_organisation = o;
      if (network.value) body.network_id = network.value;
      const slip = await api("POST", "/referrals", body);
      for (const f of [receiver, prospect, org]) f.input.value = "";
      written(slip, null, "referrals.written");
    } catch (err) {
      if (!fieldError(fields, err)) showError(alert, err);
    } finally {
      submit.disabled = false;
    }
  }

  const form = h(
    "form",
    { class: "card stack slip", novalidate: true, "aria-labelledby": "slip-title", onsubmit: send },
    h("h2", { id: "slip-title", i18n: "referrals.new" }),
    h("div", { class: "pair" }, giver.wrap, receiver.wrap),
    h("div", { class: "pair" }, prospect.wrap, org.wrap),
    h("div", { class: "field" }, h("label", { for: "slip-network", i18n: "referrals.network" }), network),
    h(
      "fieldset",
      {},
      h("legend", { i18n: "referrals.kind" }),
      h("div", { class: "choices" }, kind("outside"), kind("inside")),
    ),
    alert,
    submit,
    data.people.datalist(),
    h("datalist", { id: "referrals-organisations" }, data.organisations.map((x) => h("option", { value: x.name }))),
  );
  return form;
}

// --- the pipeline ---

function pipeline(ctx, data, referrals, moved) {
  const by = (s) => referrals.filter((r) => r.status === s).sort((a, b) => since(b).localeCompare(since(a)));
  if (!referrals.length) return [h("p", { class: "empty", i18n: "referrals.none" })];
  const open = h(
    "div",
    { class: "pipeline" },
    OPEN.map((s) => {
      const slips = by(s);
      return h(
        "section",
        { class: "stage", "data-stage": s, "aria-labelledby": `stage-${s}` },
        h("h2", { id: `stage-${s}`, i18n: ["referrals.stage_count", { stage: { t: `referrals.stage_${s}` }, count: slips.length }] }),
        slips.length
          ? h("ol", { class: "slips" }, slips.map((r) => slipCard(ctx, data, r, moved)))
          : h("p", { class: "muted", i18n: "referrals.stage_empty" }),
      );
    }),
  );
  const closed = CLOSED.map((s) => {
    const slips = by(s);
    return h(
      "details",
      { class: "stage closed", "data-stage": s },
      h("summary", { i18n: ["referrals.stage_count", { stage: { t: `referrals.stage_${s}` }, count: slips.length }] }),
      slips.length ? h("ol", { class: "slips" }, slips.map((r) => slipCard(ctx, data, r, moved))) : null,
    );
  });
  return [open, ...closed];
}

function slipCard(ctx, data, r, moved) {
  const prospect = r.prospect_person ? data.people.name(r.prospect_person) : null;
  const organisation = data.orgName.get(r.prospect_organisation) || null;
  let about = null;
  if (prospect && organisation) about = ["referrals.about_at", { name: prospect, organisation }];
  else if (prospect || organisation) about = ["referrals.about", { name: prospect || organisation }];
  const card = h(
    "li",
    { class: `slip-card stage-${r.status}`, tabindex: -1, "data-referral": r.id, "data-status": r.status },
    h("p", { class: "slip-who", i18n: ["referrals.from_to", { giver: data.people.name(r.giver), receiver: data.people.name(r.receiver) }] }),
    about ? h("p", { i18n: about }) : null,
    h(
      "p",
      { class: "muted" },
      h("span", { i18n: `referrals.kind_short_${r.kind || "outside"}` }),
      " · ",
      h("span", { i18n: ["referrals.given_on", { date: { date: givenAt(r) } }] }),
      r.status !== "given" ? [" · ", h("span", { i18n: ["referrals.since", { date: { date: since(r) } }] })] : null,
    ),
    r.closed_value ? h("p", { class: "slip-value", i18n: ["referrals.value", { amount: formatMoney(r.closed_value) }] }) : null,
  );
  if (mayChange(ctx) && OPEN.includes(r.status)) card.append(moveForm(data, r, moved));
  return card;
}

function moveForm(data, r, moved) {
  const id = `move-${r.id}`;
  const later = STAGES.slice(STAGES.indexOf(r.status) + 1);
  const to = h(
    "select",
    { id, name: "status" },
    later.map((s) => h("option", { value: s, i18n: `referrals.stage_${s}` })),
  );
  const toError = h("p", { id: `${id}-error`, class: "field-error", hidden: true });
  const amount = field(`${id}-value`, "referrals.closed_value", { inputmode: "decimal", autocomplete: "off" }, "referrals.closed_value_hint");
  amount.wrap.hidden = true;
  to.addEventListener("change", () => {
    amount.wrap.hidden = to.value !== "won";
  });
  const submit = h("button", { type: "submit", i18n: "referrals.move" });

  async function send(event) {
    event.preventDefault();
    amount.clear();
    toError.hidden = true;
    to.removeAttribute("aria-invalid");
    const body = { status: to.value };
    const text = amount.input.value.trim();
    if (to.value === "won" && text) {
      const minor = parseAmount(text, data.currency);
      if (minor === null) {
        amount.error("referrals.bad_amount", { value: text });
        amount.input.focus();
        return;
      }
      body.closed_value = { amount: minor, currency: data.currency };
    }
    submit.disabled = true;
    try {
      const answer = await api("POST", `/referrals/${encodeURIComponent(r.id)}/move`, body);
      moved(answer.referral, answer.exchange, "referrals.moved");
    } catch (err) {
      submit.disabled = false;
      if ([400, 422].includes(err.status) && err.field === "closed_value") {
        amount.error("error.field", { message: err.message });
        amount.input.focus();
      } else {
        tr(toError, "error.generic", { message: err.message || String(err.status) });
        toError.hidden = false;
        to.setAttribute("aria-invalid", "true");
        to.setAttribute("aria-describedby", toError.id);
        to.focus();
      }
    }
  }

  return h(
    "form",
    { class: "move", novalidate: true, onsubmit: send },
    h("div", { class: "field" }, h("label", { for: id, i18n: "referrals.move_to" }), to, toError),
    amount.wrap,
    submit,
  );
}
