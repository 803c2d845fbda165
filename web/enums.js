// enums.js - the product's enumerations in words: GET /api/v1/enums (the TSV files of
// data/, with English, Swedish and Danish labels), asked once and added to the
// catalogues as "enum.NAME.VALUE", so that a view shows a value with
//   h("span", {i18n: enumKey("role_level", "executive")})
// and a language change relabels it like any other text.
//
//   await loadEnums();                        // before drawing; cached
//   enumKey("purpose", "business_exchange")   // "enum.purpose.business_exchange"
//   enumValues("role_level")                  // ["owner", "executive", ...] in data/'s order
//   enumItems("nace")                         // [{name: "62", label, section: "J"}, ...]
//   industryKey("62.01")                      // the key of division 62's words

import { api } from "./api.js";
import { addWords } from "./i18n.js";

let loading = null;
const lists = new Map(); // name -> [{name, label, section?}]

// The enumerations, once per page load; a failure is thrown again to the next caller.
export function loadEnums() {
  if (!loading) {
    loading = api("GET", "/enums").then(
      (all) => {
        const words = { en: {}, sv: {}, da: {} };
        for (const [name, items] of Object.entries(all)) {
          lists.set(name, items);
          for (const item of items) {
            for (const lang of Object.keys(words)) words[lang][enumKey(name, item.name)] = item.label[lang] || item.label.en;
          }
        }
        addWords(words);
      },
      (err) => {
        loading = null;
        throw err;
      },
    );
  }
  return loading;
}

export function enumKey(name, value) {
  return `enum.${name}.${value}`;
}

export function enumValues(name) {
  return enumItems(name).map((item) => item.name);
}

// The items as the API gives them: {name, label, section?} (section: a NACE division's).
export function enumItems(name) {
  return lists.get(name) || [];
}

// The words of a NACE code: its own if it is a section or a division, else those of its
// division (a group "68.1" or class "62.01" is not in data/); null if unknown.
export function industryKey(code) {
  const known = (c) => enumItems("nace").some((item) => item.name === c);
  if (known(code)) return enumKey("nace", code);
  const division = String(code).slice(0, 2);
  return known(division) ? enumKey("nace", division) : null;
}
