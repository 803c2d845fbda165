#!/bin/bash
# t0150-interchange: address books in and out (docs/interchange.md). vCard, LinkedIn and
# Google files import with duplicates merged, not twinned, within a file and against the
# workspace; a dry run changes nothing; a bad file changes nothing and names its line;
# exports read back as the same persons; `person merge` joins two persons; the API takes
# the file as the body or as a form.
. "$(dirname "$0")/../lib/t.sh"

now=2026-06-01T12:00:00Z
m() { $MUTUA --now $now "$@"; }
crlf() { sed 's/$/\r/'; }
doc() { m export json >"$1"; }

t_ok "a workspace" m init --name "Mitt nätverk" --kind personal --currency SEK --locale sv

# --- vCard: merge within the file, drop what the model refuses, skip what has no name ---
crlf >"$T_DIR/a.vcf" <<'EOF'
BEGIN:VCARD
VERSION:3.0
FN:Anna Lind
N:Lind;Anna;;;
ORG:Lind Rekrytering AB
TITLE:VD
EMAIL;TYPE=INTERNET,pref:ANNA@lindrekrytering.se
TEL;TYPE=CELL:070-123 45 67
CATEGORIES:Kund,BNI
NOTE:Träffades på frukostmötet\, Lund.\nVill ha fler HR-kontakter.
BDAY:1980-05-12
URL:www.lindrekrytering.se
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Erik Holm
ORG:Holm Ledarskap AB
EMAIL:not-an-address
TEL:+46 40 12 34 56
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Anna Lind
EMAIL:anna@LINDREKRYTERING.se
TEL:+46 70 123 45 67
TEL:040-98 76 54
END:VCARD
BEGIN:VCARD
VERSION:3.0
EMAIL:noname@example.se
END:VCARD
EOF
t_ok "import vcard" m --json import vcard "$T_DIR/a.vcf"
t_jq "four contacts" .contacts 4
t_jq "two added" .added 2
t_jq "the twin in the file merged" .merged 1
t_jq "  by its e-mail" '.skipped_because' '{
  "no name": 1
}'
t_jq "the bad e-mail dropped, and counted" '.dropped_values | to_entries[0] | "\(.key)=\(.value)"' \
	"emails: not an e-mail address=1"
t_jq "an organisation per company" .organisations_added 2
t_jq "no items unless asked" '.items' null
t_ok "Anna" m --json person show "Anna Lind"
t_jq "one e-mail, as first written" '.emails | join(",")' "ANNA@lindrekrytering.se"
t_jq "two phones: the twin's +46 70 number is the same number" '.phones | join(",")' \
	"070-123 45 67,040-98 76 54"
t_jq "tags" '.tags | join(",")' "Kund,BNI"
t_jq "the note, with its comma and line break" .note $'Träffades på frukostmötet, Lund.\nVill ha fler HR-kontakter.'
t_jq "the birthday" .birthday 1980-05-12
t_jq "the web address, made absolute" '.urls[0]' "https://www.lindrekrytering.se"
t_jq "the source: the kind and the date" .source "vCard import 2026-06-01"
t_jq "the legal basis" .legal_basis legitimate_interest
t_ok "her organisation" m --json org show "$(jq -r .organisation_id "$T_OUT")"
t_jq "  by name" .name "Lind Rekrytering AB"

doc "$T_DIR/before.json"
t_ok "the same file again" m --json import vcard "$T_DIR/a.vcf"
t_jq "adds no twin" '[.added, .merged, .unchanged, .skipped] | join(" ")' "0 0 3 1"
doc "$T_DIR/after.json"
t_ok "and changes nothing" cmp "$T_DIR/before.json" "$T_DIR/after.json"

# --- a dry run says what would happen, and changes nothing ---
crlf >"$T_DIR/b.vcf" <<'EOF'
BEGIN:VCARD
VERSION:4.0
FN:Åsa Öberg
ORG:Öberg Konsult
EMAIL;PREF=1:asa@oberg.se
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:ERIK HOLM
ORG:holm ledarskap ab
TITLE:Coach
END:VCARD
EOF
t_ok "dry run" m import vcard "$T_DIR/b.vcf" --dry-run
t_match "  Åsa would be added" "^line 1 +added +Åsa Öberg" "$T_OUT"
t_match "  Erik would merge, by name and organisation, accents and case aside" \
	"^line 7 +merged +ERIK HOLM -> person [0-9]+ \(same name and organisation\)" "$T_OUT"
t_match "  the summary says it was a dry run" "^dry run, nothing was changed: 2 contacts" "$T_OUT"
doc "$T_DIR/after.json"
t_ok "  nothing changed" cmp "$T_DIR/before.json" "$T_DIR/after.json"
t_ok "for real" m --json import vcard "$T_DIR/b.vcf" --legal-basis consent
t_jq "  one added, one merged" '"\(.added) \(.merged)"' "1 1"
t_ok "Erik" m --json person show "Erik Holm"
t_jq "  took the title he lacked, kept his name" '"\(.full_name): \(.title)"' "Erik Holm: Coach"
t_ok "Åsa" m --json person show "Åsa Öberg"
t_jq "  with the legal basis asked for" .legal_basis consent
t_exit "a legal basis that is none" 2 m import vcard "$T_DIR/b.vcf" --legal-basis maybe
t_match "  says which are" "legitimate_interest, consent or contract" "$T_ERR"

# --- a bad file changes nothing, and says where ---
doc "$T_DIR/before.json"
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ny Person\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Halv\r\n' \
	>"$T_DIR/bad.vcf"
t_exit "an unfinished vCard" 1 m import vcard "$T_DIR/bad.vcf"
t_match "  names the line where the card began" "line 5" "$T_ERR"
printf 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nA,B,,,"Bolag,1,X,12 Mar 2024\r\n' \
	>"$T_DIR/bad.csv"
t_exit "a CSV with an open quote" 1 m import linkedin "$T_DIR/bad.csv"
t_match "  names the line" "line 2" "$T_ERR"
t_exit "a Google file given as LinkedIn" 1 m import linkedin "$ROOT/tests/data/contacts/google-current.csv"
t_match "  says what it is" "Google" "$T_ERR"
t_exit "no such file" 1 m import vcard "$T_DIR/nothing.vcf"
t_exit "an unknown kind" 2 m import outlook "$T_DIR/a.vcf"
doc "$T_DIR/after.json"
t_ok "nothing changed by any of them" cmp "$T_DIR/before.json" "$T_DIR/after.json"

# --- LinkedIn: the header found by its content, ties dated by Connected On ---
t_ok "me" m person add --full-name "Jag Själv" --emails jag@example.se
crlf >"$T_DIR/Connections.csv" <<'EOF'
Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Anna,Lind,https://www.linkedin.com/in/annalind,,Lind Rekrytering AB,VD,12 Mar 2024
Mikkel,Højgaard,https://www.linkedin.com/in/mikkelh,,"Højgaard Rådgivning, ApS",Partner,3 Jan 2023
EOF
t_ok "import linkedin --me" m --json import linkedin "$T_DIR/Connections.csv" --me "Jag Själv"
t_jq "Anna merged by name and company, Mikkel added" '"\(.merged) \(.added)"' "1 1"
t_jq "two ties" .ties_added 2
t_ok "my ties" m --json tie list
t_jq "  dated by Connected On" '[.items[] | .since] | sort | join(",")' "2023-01-03,2024-03-12"
t_jq "  met on LinkedIn" '[.items[] | .how_met] | unique | join(",")' "LinkedIn"
t_ok "Anna" m --json person show "Anna Lind"
t_jq "  gained her profile" '.urls | join(",")' "https://www.lindrekrytering.se,https://www.linkedin.com/in/annalind"
t_ok "again" m --json import linkedin "$T_DIR/Connections.csv" --me "Jag Själv"
t_jq "  no tie twice" '"\(.ties_added) \(.added)"' "0 0"
t_ok "without --me, on the command line" m --json import linkedin "$T_DIR/Connections.csv"
t_jq "  says how to get ties" '.notes[0]' "no ties were made: say whose connections these are with --me PERSON, or link your account to your person"

# --- exports: vCard 4.0 and a formula-safe CSV, read back as the same persons ---
t_ok "a title that looks like a formula" m person edit "Åsa Öberg" --title "=SUM(A1:A9)"
t_ok "export vcard" m export vcard -o "$T_DIR/out.vcf"
t_match "vCard 4.0" "^VERSION:4.0" "$T_DIR/out.vcf"
t_eq "one card per person" "$(grep -c '^BEGIN:VCARD' "$T_DIR/out.vcf")" \
	"$(m --json person list | jq '.items | length')"
# another program reads the export: python3-vobject, one card per person, same names
cat >"$T_DIR/read-vcards.py" <<'EOF'
import sys, vobject
cards = list(vobject.readComponents(open(sys.argv[1], encoding="utf-8")))
assert all(c.version.value == "4.0" for c in cards), "not every card is 4.0"
print("\n".join(sorted(c.fn.value for c in cards)))
EOF
t_ok "vobject reads the export" /usr/bin/python3 "$T_DIR/read-vcards.py" "$T_DIR/out.vcf"
t_eq "  the same people" "$(cat "$T_OUT")" "$(m --json person list | jq -r '.items[].full_name' | LC_ALL=C sort)"
t_ok "export csv" m export csv -o "$T_DIR/out.csv"
cat >"$T_DIR/read-csv.py" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
print(len(rows), "E-mail 1 - Value" in rows[0], "Organization Name" in rows[0])
EOF
t_ok "Python's csv module reads it" /usr/bin/python3 "$T_DIR/read-csv.py" "$T_DIR/out.csv"
t_eq "  a row a person, Google's columns" "$(cat "$T_OUT")" "$(m --json person list | jq '.items | length') True True"
t_match "the formula is neutralised" "'=SUM\(A1:A9\)" "$T_DIR/out.csv"
persons() {	# name, e-mails, phones, tags, title and organisation of every person
	jq -S '[.organisations as $o | .persons[] | {full_name, emails, phones, tags, title,
		org: (.organisation_id as $id | [$o[] | select(.id == $id) | .name][0])}]
		| sort_by(.full_name)' "$1"
}
m export json | persons /dev/stdin >"$T_DIR/want"
for kind in vcard csv; do
	file=$T_DIR/out.vcf fmt=vcard
	[ $kind = csv ] && file=$T_DIR/out.csv fmt=google
	t_ok "$kind into a new workspace" m --db "$T_DIR/$kind.db" init --name Ny --kind personal
	t_ok "  import" m --db "$T_DIR/$kind.db" --json import $fmt "$file"
	t_jq "  every one added" .skipped 0
	m --db "$T_DIR/$kind.db" export json | persons /dev/stdin >"$T_DIR/got"
	t_ok "  the same persons" diff "$T_DIR/want" "$T_DIR/got"
	t_ok "  again into the same workspace" m --db "$T_DIR/$kind.db" --json import $fmt "$file"
	t_jq "  no twin" '"\(.added) \(.merged)"' "0 0"
done

# --- every sample file: imports, and twice makes no twin ---
for f in "$ROOT"/tests/data/contacts/*; do
	name=$(basename "$f")
	kind=vcard
	case $name in linkedin*) kind=linkedin ;; google*.csv) kind=google ;; esac
	db=$T_DIR/sample-$name.db
	m --db "$db" init --name S --kind personal --currency SEK >/dev/null
	t_ok "$name imports" m --db "$db" --json import $kind "$f"
	t_jq "  every contact counted once" '.added + .merged + .unchanged + .skipped == .contacts and .contacts > 1' true
	t_ok "  again" m --db "$db" --json import $kind "$f"
	t_jq "  and makes no twin" '"\(.added) \(.merged)"' "0 0"
done
t_ok "Nordic Excel's file" m --db "$T_DIR/x.db" init --name X --kind personal
t_ok "  imports" m --db "$T_DIR/x.db" --json import google "$ROOT/tests/data/contacts/google-excel-semicolon-cp1252.csv"
t_jq "  read as Windows-1252, and says so" '"\(.encoding): \(.notes[0])"' \
	"Windows-1252: the file is not UTF-8; it was read as Windows-1252"

# --- erased persons come back only with consent ---
t_ok "erase Mikkel" m subject erase "Mikkel Højgaard" --yes
t_ok "import him again" m --json import linkedin "$T_DIR/Connections.csv" --me "Jag Själv"
t_jq "  skipped, with the reason" '.skipped_because | keys[0]' \
	"erased at their request (GDPR Art. 17); only with their consent"

# --- a progress bar on a terminal only ---
t_ok "import piped" m import vcard "$T_DIR/a.vcf"
t_nomatch "  no progress bar" "importing \[" "$T_ERR"
if command -v script >/dev/null; then
	script -qec "$MUTUA --now $now import vcard $T_DIR/a.vcf" /dev/null >"$T_DIR/tty" 2>&1
	t_match "a progress bar on a terminal" "importing \[#+\] 4/4" "$T_DIR/tty"
fi

# --- person merge ---
t_ok "a twin of Erik" m person add --full-name "E. Holm" --emails erik@holm.se --tags mentor
twin=$(m --json person show "E. Holm" | jq -r .id)
t_ok "  who gave Anna advice" m exchange add --at 2026-05-01T10:00:00Z --giver "E. Holm" --receiver "Anna Lind" --kind advice
t_ok "  and knows me" m tie add --a "E. Holm" --b "Jag Själv"
t_ok "  and Erik himself" m tie add --a "E. Holm" --b "Erik Holm"
t_ok "merge" m --json person merge "Erik Holm" "E. Holm"
t_jq "  the exchange and the tie moved" '.moved | "\(.exchanges) \(.ties)"' "1 1"
t_jq "  the tie between the two went" .removed.ties 1
t_ok "Erik" m --json person show "Erik Holm"
t_jq "  has the twin's e-mail and tag" '"\(.emails | join(",")) \(.tags | join(","))"' "erik@holm.se mentor"
t_ok "  and the exchange" m --json ledger "Erik Holm"
t_jq "    given to Anna" '[.exchanges[] | select(.kind == "advice")] | length' 1
t_exit "the twin is gone" 1 m person show "$twin"
t_exit "a person merged with themselves" 1 m person merge "Erik Holm" "Erik Holm"
t_exit "merge takes two" 2 m person merge "Erik Holm"

# --- the API: the file as the body or as a form ---
t_serve
t_ok "POST /import/vcard, the file as the body" curl -sf -H 'Content-Type: text/vcard' \
	--data-binary @"$T_DIR/b.vcf" "$base/api/v1/import/vcard?items=true"
t_jq "  a report" '"\(.contacts) \(.unchanged) \(.items | length)"' "2 2 2"
t_ok "POST /import/google, as a form's file" curl -sf -F "file=@$ROOT/tests/data/contacts/google-current.csv" \
	"$base/api/v1/import/google?dry_run=true"
t_jq "  a dry run" .dry_run true
t_jq "  of the whole file" '.contacts > 1' true
t_ok "a form without the file" curl -s -o "$T_DIR/body" -w '%{http_code}' -F "other=@$T_DIR/b.vcf" \
	"$base/api/v1/import/vcard"
t_eq "  is a bad request" "$(cat "$T_OUT")" 400
t_match "  that says what is missing" "part named 'file'" "$T_DIR/body"
t_ok "a bad file" curl -s -o "$T_DIR/body" -w '%{http_code}' --data-binary @"$T_DIR/bad.vcf" \
	"$base/api/v1/import/vcard"
t_eq "  is refused" "$(cat "$T_OUT")" 422
t_match "  with its line" '"field": *"line 5"' "$T_DIR/body"
t_ok "GET /export/vcard" curl -sf -D "$T_DIR/h" -o "$T_DIR/api.vcf" "$base/api/v1/export/vcard"
t_match "  as text/vcard" "^[Cc]ontent-[Tt]ype: text/vcard" "$T_DIR/h"
t_ok "  the same cards as the CLI's" cmp "$T_DIR/api.vcf" <(m export vcard)
t_ok "GET /export/csv" curl -sf -D "$T_DIR/h" -o /dev/null "$base/api/v1/export/csv"
t_match "  as text/csv" "^[Cc]ontent-[Tt]ype: text/csv" "$T_DIR/h"
t_ok "a twin for the API to merge" m person add --full-name "Åsa Ö." --emails asa.o@example.se
twin=$(m --json person show "Åsa Ö." | jq -r .id)
asa=$(m --json person show "Åsa Öberg" | jq -r .id)
t_ok "POST /persons/{id}/merge" curl -s -o "$T_DIR/body" -w '%{http_code}' -H 'Content-Type: application/json' \
	-d "{\"other\": \"$twin\"}" "$base/api/v1/persons/$asa/merge"
t_eq "  merged" "$(cat "$T_OUT")" 200
t_jq "  the report" '"\(.kept) \(.merged)"' "$asa $twin" "$T_DIR/body"
t_ok "  Åsa has the twin's e-mail" m --json person show "$asa"
t_jq "    " '.emails | index("asa.o@example.se") != null' true
t_ok "merging someone who is not there" curl -s -o "$T_DIR/body" -w '%{http_code}' -H 'Content-Type: application/json' \
	-d '{"other": "Ingen Alls"}' "$base/api/v1/persons/$asa/merge"
t_eq "  is refused" "$(cat "$T_OUT")" 422
t_jq "  naming the field" .error.field other "$T_DIR/body"
t_ok "GET /export/json" curl -sf -o "$T_DIR/api.json" "$base/api/v1/export/json"
t_jq "  the workspace document" .format "mutua-workspace/1" "$T_DIR/api.json"
t_ok "POST /import/json" curl -s -o "$T_DIR/body" -w '%{http_code}' --data-binary @"$T_DIR/api.json" \
	"$base/api/v1/import/json?as=Kopia"
t_eq "  made a workspace" "$(cat "$T_OUT")" 201
t_ok "  owned by the caller" m --json workspace list
t_jq "    named as asked" '[.[] | select(.name == "Kopia")] | length' 1
t_serve_stop
t_done
