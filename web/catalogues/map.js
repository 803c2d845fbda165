// catalogues/map.js - the words of the network map (#/map), in English, Swedish and Danish.
// Merged into i18n.js's catalogues; the keys are this page's own namespace.
export default {
  en: {
    "map.title": "Network map",
    "map.intro": "Colours are communities; thicker lines are stronger ties. Choose a person to see who can introduce you.",
    "map.people": {
      one: "{count} person",
      other: "{count} people",
    },
    "map.ties": {
      one: "{count} tie",
      other: "{count} ties",
    },
    "map.communities": {
      one: "{count} community",
      other: "{count} communities",
    },
    "map.caption": "{people}, {ties}, {communities}",
    "map.label": "Network map: {people}, {ties}, {communities}",
    "map.capped": "The map shows the {shown} people with the most ties, and the {ties} between them.",
    "map.legend": "Communities",
    "map.community": "Community {number}: {people}",
    "map.as_text": "The map as text",
    "map.ask_path": "{name}: who can introduce me?",
    "map.empty": "No one is in the network yet.",
  },
  sv: {
    "map.title": "Nätverkskarta",
    "map.intro": "Färgerna är grupper; tjockare linjer är starkare relationer. Välj en person för att se vem som kan presentera dig.",
    "map.people": {
      one: "{count} person",
      other: "{count} personer",
    },
    "map.ties": {
      one: "{count} relation",
      other: "{count} relationer",
    },
    "map.communities": {
      one: "{count} grupp",
      other: "{count} grupper",
    },
    "map.caption": "{people}, {ties}, {communities}",
    "map.label": "Nätverkskarta: {people}, {ties}, {communities}",
    "map.capped": "Kartan visar de {shown} personerna med flest relationer och de {ties} mellan dem.",
    "map.legend": "Grupper",
    "map.community": "Grupp {number}: {people}",
    "map.as_text": "Kartan som text",
    "map.ask_path": "{name}: vem kan presentera mig?",
    "map.empty": "Ännu finns ingen i nätverket.",
  },
  da: {
    "map.title": "Netværkskort",
    "map.intro": "Farverne er grupper; tykkere linjer er stærkere forbindelser. Vælg en person for at se, hvem der kan introducere dig.",
    "map.people": {
      one: "{count} person",
      other: "{count} personer",
    },
    "map.ties": {
      one: "{count} forbindelse",
      other: "{count} forbindelser",
    },
    "map.communities": {
      one: "{count} gruppe",
      other: "{count} grupper",
    },
    "map.caption": "{people}, {ties}, {communities}",
    "map.label": "Netværkskort: {people}, {ties}, {communities}",
    "map.capped": "Kortet viser de {shown} personer med flest forbindelser og de {ties} mellem dem.",
    "map.legend": "Grupper",
    "map.community": "Gruppe {number}: {people}",
    "map.as_text": "Kortet som tekst",
    "map.ask_path": "{name}: hvem kan introducere mig?",
    "map.empty": "Der er endnu ingen i netværket.",
  },
};
