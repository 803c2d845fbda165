// group.js - what the referral group's pages share (#/meetings, #/referrals,
// #/scorecard, #/settings): every record of a kind, the people by id and by name, the
// role in the workspace, and times and amounts as people type them.
//
// A name typed into a field is matched as the command line matches it (FORMAT.md §2),
// but only exactly (case and accents folded as the browser folds them): a part of a
// name would pick a person the leader did not mean.

import { api } from "./api.js";
import { h } from "./dom.js";
import { minorDigits } from "./i18n.js";

// Every record of a kind, all pages of GET /api/v1/{plural} in id order.
export async function allRecords(plural) {
  const items = [];
  let cursor = null;
  do {
    const after = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const page = await api("GET", `/${plural}?limit=1000${after}`);
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

const fold = (s) => String(s).trim().toLocaleLowerCase();

// The people of the workspace: name(id), and find(text), which answers {id}, {many: n}
// or null; a datalist of their names for a field's list attribute.
export function peopleIndex(persons, listId) {
  const byId = new Map(persons.map((p) => [p.id, p]));
  const byName = new Map();
  for (const p of persons) {
    const key = fold(p.full_name);
    byName.set(key, [...(byName.get(key) || []), p.id]);
  }
  const names = [...new Set(persons.map((p) => p.full_name))].sort((a, b) => a.localeCompare(b));
  return {
    byId,
    name: (id) => byId.get(id)?.full_name ?? id,
    find(text) {
      const t = String(text).trim();
      if (byId.has(t)) return { id: t };
      const ids = byName.get(fold(t)) || [];
      if (ids.length === 1) return { id: ids[0] };
      return ids.length ? { many: ids.length } : null;
    },
    add(p) {
      byId.set(p.id, p);
      byName.set(fold(p.full_name), [...(byName.get(fold(p.full_name)) || []), p.id]);
    },
    datalist: () => h("datalist", { id: listId }, names.map((n) => h("option", { value: n }))),
  };
}

// The signed-in account's role in the chosen workspace ("viewer" … "owner").
export function myRole(ctx) {
  return ctx.session?.workspaces.find((w) => w.id === ctx.workspace())?.role || "viewer";
}

export const mayChange = (ctx) => myRole(ctx) !== "viewer";
export const mayAdminister = (ctx) => ["admin", "owner"].includes(myRole(ctx));

// An <input type="datetime-local"> value (the browser's own time zone) as the API's
// time, 2026-11-26T06:45:00Z; "" if it is not one.
export function apiTime(local) {
  const d = new Date(local);
  return local && !Number.isNaN(d.getTime()) ? d.toISOString().replace(/\.\d{3}Z$/, "Z") : "";
}

// The API's time as an <input type="datetime-local"> value, to the minute.
export function localInput(iso) {
  const d = new Date(iso);
  const two = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

// An amount as a person types it (12 500, 12 500,50, 12,500.50, 12500) in minor units
// of currency, or null if it is not one. Of a comma and a point the last is the
// decimal sign; spaces and apostrophes group digits.
export function parseAmount(text, currency) {
  let s = String(text).replace(/[\s\u00a0\u202f']/g, "");
  const comma = s.lastIndexOf(","), point = s.lastIndexOf(".");
  if (comma >= 0 && point >= 0) s = comma > point ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  else if (comma >= 0) s = s.replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Math.round(Number(s) * 10 ** minorDigits(currency));
}

// A number as a person types it in any of the three languages (0,25 or 0.25), or the
// text itself when it is none, so that the server names what is wrong with it.
export function parseNumber(text) {
  const s = String(text).trim().replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return /^-?\d+(\.\d+)?$|^-?\.\d+$/.test(s) ? Number(s) : String(text).trim();
}
