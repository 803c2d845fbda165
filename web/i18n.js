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

export const LANGUAGES = { en: "English", sv: "Svenska", da: "Dansk" };

export const catalogues = {
  en: {
    "app.name": "Mutua",
    "app.title": "{page} — Mutua",
    "lang.label": "Language",
    "nav.signout": "Sign out",
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
    "nav.home": "Home",
    "nav.paths": "Warm paths",
    "nav.map": "Network map",
    "nav.interchange": "Import and export",
    "interchange.title": "Import and export",
    "interchange.import_title": "Bring in your contacts",
    "interchange.import_intro": "Start with the network you already have: your address book (vCard), LinkedIn's Connections.csv or Google Contacts. People who are already here are merged, not added twice. Nothing changes until you import after the preview.",
    "interchange.file": "File",
    "interchange.file_hint": "A .vcf from your phone, Outlook or Apple Contacts, LinkedIn's Connections.csv, or a Google Contacts CSV.",
    "interchange.kind": "What the file is",
    "interchange.kind_vcard": "vCard (address book)",
    "interchange.kind_linkedin": "LinkedIn connections",
    "interchange.kind_google": "Google Contacts",
    "interchange.legal_basis": "Legal basis for new people",
    "interchange.legal_basis_hint": "Why you may keep their data (GDPR). Legitimate interest suits business contacts.",
    "interchange.basis_legitimate_interest": "Legitimate interest",
    "interchange.basis_consent": "Consent",
    "interchange.basis_contract": "Contract",
    "interchange.me": "Whose connections",
    "interchange.me_hint": "The person the connections belong to; leave empty if your account is linked to your person.",
    "interchange.preview": "Preview",
    "interchange.previewing": "Reading the file…",
    "interchange.import": "Import",
    "interchange.importing": "Importing…",
    "interchange.need_file": "Choose a file to import.",
    "interchange.bad_file": "The file cannot be read at {where}: {message}",
    "interchange.export_title": "Take your contacts elsewhere",
    "interchange.export_intro": "Everyone you may see in this workspace, as a file other programs open.",
    "interchange.export_vcard": "vCard (.vcf)",
    "interchange.export_csv": "Spreadsheet (.csv)",
    "interchange.export_json": "Whole workspace (.json)",
    "interchange.preview_title": "Preview: nothing has changed yet",
    "interchange.done_title": "Imported",
    "interchange.summary": {
      one: "{count} contact in the file ({encoding}).",
      other: "{count} contacts in the file ({encoding}).",
    },
    "interchange.count_added": "New",
    "interchange.count_merged": "Merged",
    "interchange.count_unchanged": "Already here",
    "interchange.count_skipped": "Skipped",
    "interchange.skipped_because": "Skipped, {why}: {count}",
    "interchange.dropped": "Values left out, {why}: {count}",
    "interchange.orgs_added": {
      one: "{count} new organisation",
      other: "{count} new organisations",
    },
    "interchange.ties_added": {
      one: "{count} new tie",
      other: "{count} new ties",
    },
    "interchange.col_line": "Line",
    "interchange.col_name": "Name",
    "interchange.col_action": "What happens",
    "interchange.col_reason": "Why",
    "interchange.action_added": "added",
    "interchange.action_merged": "merged",
    "interchange.action_unchanged": "already here",
    "interchange.action_skipped": "skipped",
    "interchange.more_lines": {
      one: "And {count} more line.",
      other: "And {count} more lines.",
    },
    "interchange.reason_email": "same e-mail {value}",
    "interchange.reason_phone": "same phone {value}",
    "interchange.reason_url": "same web address {value}",
    "interchange.reason_name_org": "same name and organisation",
    "interchange.reason_name": "same name, and no organisation to tell them apart",
    "interchange.reason_no_name": "no name",
    "interchange.reason_organisation": "an organisation, not a person",
    "interchange.reason_erased": "erased at their request; only with their consent",
    "interchange.note_cp1252": "The file is not UTF-8; it was read as Windows-1252.",
    "interchange.note_no_ties": "No ties were made: say whose connections these are, or link your account to your person.",
    "paths.title": "Who can introduce me?",
    "paths.intro": "Find the warmest chains of acquaintances from you, or from anyone in the workspace, to the person or organisation you want to meet.",
    "paths.from": "From",
    "paths.from_hint": "A person. Leave it empty to start from any member of the workspace.",
    "paths.reach": "Whom do you want to reach?",
    "paths.reach_person": "A person",
    "paths.reach_org": "Anyone at an organisation",
    "paths.to": "To",
    "paths.organisation": "Organisation",
    "paths.k": "Number of paths",
    "paths.k_hint": "From 1 to 20.",
    "paths.max_hops": "Longest chain",
    "paths.max_hops_hint": "In ties, from 1 to 6. Beyond 3, an introduction rarely happens.",
    "paths.submit": "Find paths",
    "paths.busy": "Searching…",
    "paths.need_to": "Enter the person you want to reach.",
    "paths.need_org": "Enter the organisation.",
    "paths.unknown_person": "No one in this workspace is called “{value}”.",
    "paths.unknown_org": "No organisation in this workspace is called “{value}”.",
    "paths.ambiguous": "More than one match “{value}”. Choose one from the list, or use an e-mail address.",
    "paths.bad_k": "Enter a whole number from 1 to 20.",
    "paths.bad_max_hops": "Enter a whole number from 1 to 6.",
    "paths.heading": "From {from} to {to}",
    "paths.any_member": "any member",
    "paths.anyone_at": "anyone at {name}",
    "paths.found": {
      one: "{count} path.",
      other: "{count} paths, the warmest first.",
    },
    "paths.none": {
      one: "No warm path within {count} tie.",
      other: "No warm path within {count} ties.",
    },
    "paths.none_hint": "Try a longer chain, or start from another person.",
    "paths.strength": "Strength {value}",
    "paths.ties": {
      one: "{count} tie",
      other: "{count} ties",
    },
    "paths.ask": "Ask {name} for an introduction.",
    "paths.ask_from": "{start} asks {name} for an introduction.",
    "paths.direct": "A direct tie: {from} knows {to}. No introduction needed.",
    "paths.hop": "{from} → {to} (strength {strength}, last contact {last})",
    "paths.hop_never": "{from} → {to} (strength {strength}, no contact recorded)",
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
    "app.name": "Mutua",
    "app.title": "{page} — Mutua",
    "lang.label": "Språk",
    "nav.signout": "Logga ut",
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
    "nav.home": "Start",
    "nav.paths": "Varma vägar",
    "nav.map": "Nätverkskarta",
    "nav.interchange": "Import och export",
    "interchange.title": "Import och export",
    "interchange.import_title": "Ta in dina kontakter",
    "interchange.import_intro": "Börja med nätverket du redan har: adressboken (vCard), LinkedIns Connections.csv eller Google Kontakter. Personer som redan finns här slås ihop, de läggs inte till två gånger. Inget ändras förrän du importerar efter förhandsvisningen.",
    "interchange.file": "Fil",
    "interchange.file_hint": "En .vcf från mobilen, Outlook eller Apple Kontakter, LinkedIns Connections.csv eller en CSV från Google Kontakter.",
    "interchange.kind": "Vad filen är",
    "interchange.kind_vcard": "vCard (adressbok)",
    "interchange.kind_linkedin": "LinkedIn-kontakter",
    "interchange.kind_google": "Google Kontakter",
    "interchange.legal_basis": "Rättslig grund för nya personer",
    "interchange.legal_basis_hint": "Varför du får spara deras uppgifter (GDPR). Berättigat intresse passar affärskontakter.",
    "interchange.basis_legitimate_interest": "Berättigat intresse",
    "interchange.basis_consent": "Samtycke",
    "interchange.basis_contract": "Avtal",
    "interchange.me": "Vems kontakter",
    "interchange.me_hint": "Personen som kontakterna tillhör; lämna tomt om ditt konto är kopplat till din person.",
    "interchange.preview": "Förhandsvisa",
    "interchange.previewing": "Läser filen…",
    "interchange.import": "Importera",
    "interchange.importing": "Importerar…",
    "interchange.need_file": "Välj en fil att importera.",
    "interchange.bad_file": "Filen går inte att läsa vid {where}: {message}",
    "interchange.export_title": "Ta med dina kontakter",
    "interchange.export_intro": "Alla du får se i den här arbetsytan, som en fil andra program öppnar.",
    "interchange.export_vcard": "vCard (.vcf)",
    "interchange.export_csv": "Kalkylblad (.csv)",
    "interchange.export_json": "Hela arbetsytan (.json)",
    "interchange.preview_title": "Förhandsvisning: inget har ändrats än",
    "interchange.done_title": "Importerat",
    "interchange.summary": {
      one: "{count} kontakt i filen ({encoding}).",
      other: "{count} kontakter i filen ({encoding}).",
    },
    "interchange.count_added": "Nya",
    "interchange.count_merged": "Sammanslagna",
    "interchange.count_unchanged": "Fanns redan",
    "interchange.count_skipped": "Hoppades över",
    "interchange.skipped_because": "Hoppades över, {why}: {count}",
    "interchange.dropped": "Värden som lämnades bort, {why}: {count}",
    "interchange.orgs_added": {
      one: "{count} ny organisation",
      other: "{count} nya organisationer",
    },
    "interchange.ties_added": {
      one: "{count} ny relation",
      other: "{count} nya relationer",
    },
    "interchange.col_line": "Rad",
    "interchange.col_name": "Namn",
    "interchange.col_action": "Vad som händer",
    "interchange.col_reason": "Varför",
    "interchange.action_added": "läggs till",
    "interchange.action_merged": "slås ihop",
    "interchange.action_unchanged": "finns redan",
    "interchange.action_skipped": "hoppas över",
    "interchange.more_lines": {
      one: "Och {count} rad till.",
      other: "Och {count} rader till.",
    },
    "interchange.reason_email": "samma e-post {value}",
    "interchange.reason_phone": "samma telefon {value}",
    "interchange.reason_url": "samma webbadress {value}",
    "interchange.reason_name_org": "samma namn och organisation",
    "interchange.reason_name": "samma namn, och ingen organisation som skiljer dem åt",
    "interchange.reason_no_name": "inget namn",
    "interchange.reason_organisation": "en organisation, inte en person",
    "interchange.reason_erased": "raderad på egen begäran; bara med samtycke",
    "interchange.note_cp1252": "Filen är inte UTF-8; den lästes som Windows-1252.",
    "interchange.note_no_ties": "Inga relationer skapades: ange vems kontakterna är, eller koppla ditt konto till din person.",
    "paths.title": "Vem kan presentera mig?",
    "paths.intro": "Hitta de varmaste kedjorna av bekanta från dig, eller från någon i arbetsytan, till personen eller organisationen du vill träffa.",
    "paths.from": "Från",
    "paths.from_hint": "En person. Lämna tomt för att utgå från vilken medlem som helst i arbetsytan.",
    "paths.reach": "Vem vill du nå?",
    "paths.reach_person": "En person",
    "paths.reach_org": "Någon på en organisation",
    "paths.to": "Till",
    "paths.organisation": "Organisation",
    "paths.k": "Antal vägar",
    "paths.k_hint": "Från 1 till 20.",
    "paths.max_hops": "Längsta kedja",
    "paths.max_hops_hint": "I led, från 1 till 6. Efter 3 blir det sällan någon introduktion.",
    "paths.submit": "Hitta vägar",
    "paths.busy": "Söker…",
    "paths.need_to": "Fyll i personen du vill nå.",
    "paths.need_org": "Fyll i organisationen.",
    "paths.unknown_person": "Ingen i arbetsytan heter ”{value}”.",
    "paths.unknown_org": "Ingen organisation i arbetsytan heter ”{value}”.",
    "paths.ambiguous": "Flera matchar ”{value}”. Välj en i listan eller använd en e-postadress.",
    "paths.bad_k": "Fyll i ett heltal från 1 till 20.",
    "paths.bad_max_hops": "Fyll i ett heltal från 1 till 6.",
    "paths.heading": "Från {from} till {to}",
    "paths.any_member": "valfri medlem",
    "paths.anyone_at": "någon på {name}",
    "paths.found": {
      one: "{count} väg.",
      other: "{count} vägar, den varmaste först.",
    },
    "paths.none": {
      one: "Ingen varm väg på högst {count} led.",
      other: "Ingen varm väg på högst {count} led.",
    },
    "paths.none_hint": "Prova en längre kedja eller börja från en annan person.",
    "paths.strength": "Styrka {value}",
    "paths.ties": {
      one: "{count} led",
      other: "{count} led",
    },
    "paths.ask": "Fråga {name} om en introduktion.",
    "paths.ask_from": "{start} frågar {name} om en introduktion.",
    "paths.direct": "En direkt kontakt: {from} känner {to}. Ingen introduktion behövs.",
    "paths.hop": "{from} → {to} (styrka {strength}, senaste kontakt {last})",
    "paths.hop_never": "{from} → {to} (styrka {strength}, ingen kontakt registrerad)",
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
    "app.name": "Mutua",
    "app.title": "{page} — Mutua",
    "lang.label": "Sprog",
    "nav.signout": "Log ud",
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
    "nav.home": "Forside",
    "nav.paths": "Varme veje",
    "nav.map": "Netværkskort",
    "nav.interchange": "Import og eksport",
    "interchange.title": "Import og eksport",
    "interchange.import_title": "Tag dine kontakter med ind",
    "interchange.import_intro": "Begynd med det netværk, du allerede har: adressebogen (vCard), LinkedIns Connections.csv eller Google Kontakter. Personer, der allerede er her, bliver lagt sammen, ikke tilføjet to gange. Intet ændres, før du importerer efter forhåndsvisningen.",
    "interchange.file": "Fil",
    "interchange.file_hint": "En .vcf fra telefonen, Outlook eller Apple Kontakter, LinkedIns Connections.csv eller en CSV fra Google Kontakter.",
    "interchange.kind": "Hvad filen er",
    "interchange.kind_vcard": "vCard (adressebog)",
    "interchange.kind_linkedin": "LinkedIn-forbindelser",
    "interchange.kind_google": "Google Kontakter",
    "interchange.legal_basis": "Retsgrundlag for nye personer",
    "interchange.legal_basis_hint": "Hvorfor du må gemme deres oplysninger (GDPR). Legitim interesse passer til forretningskontakter.",
    "interchange.basis_legitimate_interest": "Legitim interesse",
    "interchange.basis_consent": "Samtykke",
    "interchange.basis_contract": "Kontrakt",
    "interchange.me": "Hvis forbindelser",
    "interchange.me_hint": "Personen, forbindelserne tilhører; lad feltet stå tomt, hvis din konto er knyttet til din person.",
    "interchange.preview": "Forhåndsvis",
    "interchange.previewing": "Læser filen…",
    "interchange.import": "Importér",
    "interchange.importing": "Importerer…",
    "interchange.need_file": "Vælg en fil at importere.",
    "interchange.bad_file": "Filen kan ikke læses ved {where}: {message}",
    "interchange.export_title": "Tag dine kontakter med videre",
    "interchange.export_intro": "Alle, du må se i dette arbejdsområde, som en fil andre programmer kan åbne.",
    "interchange.export_vcard": "vCard (.vcf)",
    "interchange.export_csv": "Regneark (.csv)",
    "interchange.export_json": "Hele arbejdsområdet (.json)",
    "interchange.preview_title": "Forhåndsvisning: intet er ændret endnu",
    "interchange.done_title": "Importeret",
    "interchange.summary": {
      one: "{count} kontakt i filen ({encoding}).",
      other: "{count} kontakter i filen ({encoding}).",
    },
    "interchange.count_added": "Nye",
    "interchange.count_merged": "Lagt sammen",
    "interchange.count_unchanged": "Fandtes allerede",
    "interchange.count_skipped": "Sprunget over",
    "interchange.skipped_because": "Sprunget over, {why}: {count}",
    "interchange.dropped": "Værdier udeladt, {why}: {count}",
    "interchange.orgs_added": {
      one: "{count} ny organisation",
      other: "{count} nye organisationer",
    },
    "interchange.ties_added": {
      one: "{count} ny relation",
      other: "{count} nye relationer",
    },
    "interchange.col_line": "Linje",
    "interchange.col_name": "Navn",
    "interchange.col_action": "Hvad der sker",
    "interchange.col_reason": "Hvorfor",
    "interchange.action_added": "tilføjes",
    "interchange.action_merged": "lægges sammen",
    "interchange.action_unchanged": "findes allerede",
    "interchange.action_skipped": "springes over",
    "interchange.more_lines": {
      one: "Og {count} linje mere.",
      other: "Og {count} linjer mere.",
    },
    "interchange.reason_email": "samme e-mail {value}",
    "interchange.reason_phone": "samme telefon {value}",
    "interchange.reason_url": "samme webadresse {value}",
    "interchange.reason_name_org": "samme navn og organisation",
    "interchange.reason_name": "samme navn, og ingen organisation, der skiller dem ad",
    "interchange.reason_no_name": "intet navn",
    "interchange.reason_organisation": "en organisation, ikke en person",
    "interchange.reason_erased": "slettet efter eget ønske; kun med samtykke",
    "interchange.note_cp1252": "Filen er ikke UTF-8; den blev læst som Windows-1252.",
    "interchange.note_no_ties": "Der blev ikke oprettet relationer: angiv, hvis forbindelserne er, eller knyt din konto til din person.",
    "paths.title": "Hvem kan introducere mig?",
    "paths.intro": "Find de varmeste kæder af bekendte fra dig, eller fra nogen i arbejdsområdet, til den person eller organisation, du vil møde.",
    "paths.from": "Fra",
    "paths.from_hint": "En person. Lad feltet stå tomt for at starte fra et hvilket som helst medlem af arbejdsområdet.",
    "paths.reach": "Hvem vil du nå?",
    "paths.reach_person": "En person",
    "paths.reach_org": "Nogen i en organisation",
    "paths.to": "Til",
    "paths.organisation": "Organisation",
    "paths.k": "Antal veje",
    "paths.k_hint": "Fra 1 til 20.",
    "paths.max_hops": "Længste kæde",
    "paths.max_hops_hint": "I led, fra 1 til 6. Efter 3 bliver det sjældent til en introduktion.",
    "paths.submit": "Find veje",
    "paths.busy": "Søger…",
    "paths.need_to": "Skriv den person, du vil nå.",
    "paths.need_org": "Skriv organisationen.",
    "paths.unknown_person": "Ingen i arbejdsområdet hedder »{value}«.",
    "paths.unknown_org": "Ingen organisation i arbejdsområdet hedder »{value}«.",
    "paths.ambiguous": "Flere passer på »{value}«. Vælg en på listen, eller brug en e-mailadresse.",
    "paths.bad_k": "Skriv et helt tal fra 1 til 20.",
    "paths.bad_max_hops": "Skriv et helt tal fra 1 til 6.",
    "paths.heading": "Fra {from} til {to}",
    "paths.any_member": "et hvilket som helst medlem",
    "paths.anyone_at": "nogen i {name}",
    "paths.found": {
      one: "{count} vej.",
      other: "{count} veje, den varmeste først.",
    },
    "paths.none": {
      one: "Ingen varm vej på højst {count} led.",
      other: "Ingen varm vej på højst {count} led.",
    },
    "paths.none_hint": "Prøv en længere kæde, eller start fra en anden person.",
    "paths.strength": "Styrke {value}",
    "paths.ties": {
      one: "{count} led",
      other: "{count} led",
    },
    "paths.ask": "Spørg {name} om en introduktion.",
    "paths.ask_from": "{start} spørger {name} om en introduktion.",
    "paths.direct": "En direkte forbindelse: {from} kender {to}. Ingen introduktion nødvendig.",
    "paths.hop": "{from} → {to} (styrke {strength}, seneste kontakt {last})",
    "paths.hop_never": "{from} → {to} (styrke {strength}, ingen kontakt registreret)",
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

// An amount of money, {amount, currency} as the API sends it.
export function formatMoney(money) {
  return formatNumber(Number(money.amount), { style: "currency", currency: money.currency });
}

export function formatDate(value, options = { dateStyle: "medium" }) {
  return new Intl.DateTimeFormat(locale(), options).format(new Date(value));
}

export function formatDateTime(value) {
  return formatDate(value, { dateStyle: "medium", timeStyle: "short" });
}
