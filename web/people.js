// people.js - the workspace's people for a form's person fields: the names offered in
// a <datalist>, and what a person typed turned back into an id.
//
//   const people = await loadPeople();          // GET /persons?limit=1000
//   form.append(people.datalist("ledger-persons"));
//   input.value = people.label(id);             // a name, or an e-mail where two share it
//   const {id, error} = people.find(input.value); // error: "unknown" or "ambiguous"
//
// The record routes take ids only (POST /exchanges), so the page resolves a name
// itself, in the same way the method's routes do: an id, an e-mail, or a name that one
// person has (letter case ignored).

import { api } from "./api.js";
import { h } from "./dom.js";

export async function loadPeople() {
  const page = await api("GET", "/persons?limit=1000");
  const items = page.items;
  const byId = new Map(items.map((p) => [p.id, p]));
  const fold = (s) => String(s).trim().toLocaleLowerCase();
  const named = new Map();
  for (const p of items) {
    const key = fold(p.full_name);
    named.set(key, [...(named.get(key) || []), p]);
  }
  // a name that two people share is offered as an e-mail (or id) of each
  const label = (id) => {
    const p = byId.get(id);
    if (!p) return id || "";
    return named.get(fold(p.full_name)).length === 1 ? p.full_name : p.emails?.[0] || p.id;
  };
  return {
    items,
    name: (id) => byId.get(id)?.full_name ?? id,
    label,
    datalist(id) {
      return h(
        "datalist",
        { id },
        items.map((p) => h("option", { value: label(p.id), label: label(p.id) === p.full_name ? null : p.full_name })),
      );
    },
    find(value) {
      const v = fold(value);
      if (!v) return { error: "empty" };
      if (byId.has(value.trim())) return { id: value.trim() };
      const byMail = items.filter((p) => (p.emails || []).some((e) => fold(e) === v));
      if (byMail.length === 1) return { id: byMail[0].id };
      const same = named.get(v) || [];
      if (same.length === 1) return { id: same[0].id };
      return { error: same.length > 1 ? "ambiguous" : "unknown" };
    },
  };
}

// The networks of the workspace, for a <select>: [{id, name}], by name.
export async function loadNetworks() {
  const page = await api("GET", "/networks?limit=1000");
  return page.items.map((n) => ({ id: n.id, name: n.name })).sort((a, b) => a.name.localeCompare(b.name));
}
