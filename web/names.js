// names.js - the workspace's people by name, for the <datalist>s of person fields
// (#/agenda, #/person) and for naming the people records refer to by id.
//
//   const names = await personNames();
//   names.fill(datalist);            // one <option> per person
//   names.value("49")                // what to type for id 49: the name, or an
//                                    // e-mail/id when two people share the name
//   names.name("49")                 // "Anna Lind" (undefined if unknown)
//   names.id("Anna Lind")            // "49": the person a typed value offered is
//
// GET /persons?limit=1000 (the API's largest page), as #/paths does: enough for a
// picker; the API still resolves any id, e-mail or unambiguous name typed.

import { api } from "./api.js";
import { h } from "./dom.js";

export async function personNames() {
  let page = { items: [] };
  try {
    page = await api("GET", "/persons?limit=1000");
  } catch {
    // no names to offer: the fields still take what is typed
  }
  const count = new Map();
  for (const p of page.items) count.set(p.full_name, (count.get(p.full_name) || 0) + 1);
  const byId = new Map();
  for (const p of page.items) {
    const unique = count.get(p.full_name) === 1;
    byId.set(p.id, { name: p.full_name, value: unique ? p.full_name : p.emails?.[0] || p.id, unique });
  }
  return {
    fill(datalist) {
      datalist.replaceChildren(
        ...[...byId.values()].map((p) => h("option", { value: p.value, label: p.unique ? null : p.name })),
      );
    },
    value: (id) => byId.get(String(id))?.value,
    id(value) {
      for (const [id, p] of byId) if (p.value === value || id === value) return id;
      return undefined;
    },
    name: (id) => byId.get(String(id))?.name,
  };
}
