#!/bin/bash
# t0120-subject: a data subject's rights (GDPR; docs/privacy.md "Data subject rights").
# subject export gives everything about a member; subject erase removes their personal
# data from every record while ledger totals, balances and scorecards keep their exact
# numbers, and suppression keeps them from being added again without consent; the
# objection flag keeps a person out of every suggestion. Admins only, on the command
# line and over the API.
. "$(dirname "$0")/../lib/t.sh"

now=2026-06-01T12:00:00Z
m() { $MUTUA --now $now "$@"; }

t_ok "demo chapter" m demo --kind group
t_ok "a viewer" m account add v@example.org --role viewer
t_ok "an admin" m account add adm@example.org --role admin

# --- export (Art. 15, 20) ---
who="Anna Lind"
t_ok "the member" m --json person show "$who"
id=$(jq -r .id "$T_OUT")
emails=$(jq -r '.emails[]' "$T_OUT")
phones=$(jq -r '.phones[]' "$T_OUT")
[ -n "$emails" ] && [ -n "$phones" ] && t_pass || t_fail "the member has no e-mail or phone"
t_ok "their ledger" m --json ledger "$who"
nx=$(jq '.exchanges | length' "$T_OUT")
t_ok "subject export" m subject export "$who" -o "$T_DIR/subject.json"
t_jq "the format" .format "mutua-subject/1" "$T_DIR/subject.json"
t_jq "the person" .person.id "$id" "$T_DIR/subject.json"
t_jq "the person in full" .person.full_name "$who" "$T_DIR/subject.json"
t_jq "the workspace" '.workspace.name | length > 0' "true" "$T_DIR/subject.json"
t_jq "their profile" .profile.person_id "$id" "$T_DIR/subject.json"
t_jq "their ties" "(.ties | length) as \$n | [.ties[] | select(.a == \"$id\" or .b == \"$id\")] | length == \$n and \$n > 0" \
	"true" "$T_DIR/subject.json"
t_jq "their exchanges, as many as the ledger shows" '.exchanges | length' "$nx" "$T_DIR/subject.json"
t_jq "  all of them theirs" "[.exchanges[] | select(.giver != \"$id\" and .receiver != \"$id\")] | length" \
	"0" "$T_DIR/subject.json"
t_jq "their referrals" '.referrals | length > 0' "true" "$T_DIR/subject.json"
t_jq "their membership" ".memberships[0].person_id" "$id" "$T_DIR/subject.json"
t_jq "the meetings they attended" \
	"(.meetings | length) as \$n | [.meetings[] | select(any(.attendance[]?; .person == \"$id\") or any(.visitors[]?; .person == \"$id\" or .invited_by == \"$id\"))] | length == \$n and \$n > 0" \
	"true" "$T_DIR/subject.json"
t_jq "every kind of record" \
	'[has("one_to_ones", "takeaways", "goals", "plans", "asks", "offers", "tasks", "audit")] | all' \
	"true" "$T_DIR/subject.json"
t_jq "the audit trail of their record" \
	"[.audit[] | select(.entity == \"person\" and .entity_id == \"$id\" and .action == \"read\")] | length > 0" \
	"true" "$T_DIR/subject.json"
t_ok "to standard output by e-mail" m subject export "$(echo "$emails" | head -1)"
t_jq "  the same person" .person.id "$id"
t_ok "the export is audited" m --json audit
t_jq "  as subject_export" \
	"[.[] | select(.action == \"subject_export\" and .entity_id == \"$id\")] | length" "2"
t_exit "a viewer may not export a subject" 1 m --user v@example.org subject export "$who"
t_match "  forbidden: it needs an admin" "needs the role admin" "$T_ERR"
t_ok "an admin may" m --user adm@example.org subject export "$who"
t_exit "an unknown person" 1 m subject export "Nobody Atall"
t_exit "no verb" 2 m subject
t_exit "an unknown verb" 2 m subject forget "$who"
t_exit "no person" 2 m subject export
t_exit "an unknown option" 2 m subject export "$who" --yes

# --- objection (Art. 21): never suggested ---
t_ok "the first ask's best match" m --json matches
obj=$(jq -r '.asks[0].matches[0].id' "$T_OUT")
[ "$obj" != "$id" ] && [ "$obj" != null ] && t_pass || t_fail "no match to object with"
t_ok "whose best partner" m --json partners "$obj"
pal=$(jq -r '.partners[0].b.id' "$T_OUT")
suggested() { # 1 when $obj is among the suggestions of the last three commands
	m --json partners "$pal" --top 100 | jq -r "[.partners[].b.id] | index(\"$obj\") != null"
	m --json matches --top 100 | jq -r "[.asks[].matches[].id] | index(\"$obj\") != null"
	m --json powerteams --min-fit 0.3 | jq -r "[.teams[].members[].id] | index(\"$obj\") != null"
}
t_eq "before: a partner, a match and in a power team" "$(suggested | tr '\n' ' ')" "true true true "
t_ok "they object" m person edit "$obj" --objection
t_eq "after: none of these" "$(suggested | tr '\n' ' ')" "false false false "
t_ok "fit of the two, asked by name, still answers" m --json fit "$pal" "$obj"
t_ok "they withdraw it" m person edit "$obj" --no-objection
t_eq "and are suggested again" "$(suggested | tr '\n' ' ')" "true true true "

# --- erase (Art. 17) ---
t_ok "a note only about them" m exchange add --at 2026-05-30T10:00:00Z --giver "$who" \
	--receiver "Erik Holm" --kind advice --note "Anna berättade om sin flytt till Malmö"
t_ok "and one-to-one notes" m one-to-one add --at 2026-05-29T10:00:00Z --a "Erik Holm" --b "$who" \
	--notes-a "Erik om Annas nya kunder" --notes-b "Annas egna tankar"
nx=$((nx + 1))
m export json -o "$T_DIR/before.json"
m --json balance >"$T_DIR/balance.before"
m --json ledger >"$T_DIR/ledger.before"
m --json scorecard >"$T_DIR/scorecard.before"
m --json roi >"$T_DIR/roi.before"
# what only their records hold: the notes, and how they met, of their exchanges,
# one-to-ones and ties (a note used elsewhere too, "Tack för tipset!", is not theirs)
jq --arg id "$id" '
	def mine: (.giver == $id or .receiver == $id or .a == $id or .b == $id);
	([(.exchanges[] | select(mine) | .note), (.one_to_ones[] | select(mine) | .notes_a, .notes_b),
	  (.ties[] | select(mine) | .how_met)] | map(select(. != null)) | unique) as $theirs
	| (del(.exchanges[] | select(mine)) | del(.one_to_ones[] | select(mine))
	   | del(.ties[] | select(mine)) | [.. | strings] | unique) as $others
	| $theirs - $others' "$T_DIR/before.json" >"$T_DIR/notes.json"
t_jq "they have notes of their own" 'length > 0' "true" "$T_DIR/notes.json"

t_exit "erase needs --yes without a terminal" 2 m subject erase "$who"
t_match "  and says so" "confirm with --yes" "$T_ERR"
t_exit "a viewer may not erase" 1 m --user v@example.org subject erase "$who" --yes
t_ok "nothing was erased" m --json person show "$id"
t_jq "  still there" .full_name "$who"
t_ok "erase" m --json subject erase "$who" --yes
t_jq "the summary" '.name' "Erased person $id"
t_jq "suppression keys" '.suppression_keys >= 3' "true"
t_jq "the profile went" '.profile_deleted' "true"
t_jq "the exchanges stay" '.kept.exchanges' "$nx"
t_ok "the person now" m --json person show "$id"
t_jq "anonymous, with the categories the statistics count" \
	'[.full_name, (.emails | length), (.phones | length), .title, .city, .organisation_id, (.tags | length), .source, .legal_basis, .objection, (.role_level != null), (.industry != null)] | @json' \
	"[\"Erased person $id\",0,0,null,null,null,0,null,null,true,true,true]"
t_exit "no profile" 1 m profile show "$id"

m export json -o "$T_DIR/after.json"
t_ok "the export still imports" env MUTUA_DB="$T_DIR/copy.db" $MUTUA import json "$T_DIR/after.json"
for e in $emails; do t_nomatch "no e-mail $e in the export" "$e" "$T_DIR/after.json"; done
while read -r p; do
	if grep -qF -- "$p" "$T_DIR/after.json"; then t_fail "phone $p is in the export"; else t_pass; fi
done <<<"$phones"
t_nomatch "nor their name" "$who" "$T_DIR/after.json"
jq --slurpfile notes "$T_DIR/notes.json" '[.. | strings] as $all | [$notes[0][] | select(. as $n | $all | index($n))]' \
	"$T_DIR/after.json" >"$T_OUT"
t_jq "nor the notes only their records held" 'length' "0"
t_jq "their exchanges, one-to-ones and ties have no notes left" \
	"[(.exchanges[] | select(.giver == \"$id\" or .receiver == \"$id\") | .note),
	  (.one_to_ones[] | select(.a == \"$id\" or .b == \"$id\") | .notes_a, .notes_b),
	  (.ties[] | select(.a == \"$id\" or .b == \"$id\") | .how_met)] | map(select(. != null)) | length" \
	"0" "$T_DIR/after.json"
t_jq "ties, exchanges and referrals all stay" \
	"[(.ties | length), (.exchanges | length), (.referrals | length), (.meetings | length), (.memberships | length)] | @json" \
	"$(jq -c '[(.ties | length), (.exchanges | length), (.referrals | length), (.meetings | length), (.memberships | length)]' "$T_DIR/before.json")" \
	"$T_DIR/after.json"

same() { # NAME FILTER FILE: FILTER gives the same bytes before and after
	local before after
	before=$(jq -S "$2" "$T_DIR/$3.before")
	after=$(m --json "$3" | jq -S "$2")
	if [ -n "$before" ] && [ "$before" == "$after" ]; then t_pass; else
		t_fail "$1: changed by the erasure"; fi
}
same "every member's balance and flags" \
	'[.points, (.members[] | del(.a.name, .b.name) | .flags |= map(.flag))]' balance
same "the ledger's points" '[([.exchanges[].points] | add), (.exchanges[] | [.id, .points, .kind])]' ledger
same "the scorecard's group totals" '[.scorecards[].totals]' scorecard
same "every member's scorecard" '[.scorecards[].members[] | del(.name)]' scorecard
same "the diversity of the networks" '[.networks[].diversity]' roi

# suppression: not back without consent
email=$(echo "$emails" | head -1)
t_exit "adding them again is refused" 1 m person add --full-name "A. Lind" --emails "$email"
t_match "  with the reason" "erased at their request \(GDPR Art\. 17\).*consent" "$T_ERR"
t_exit "  whatever the case of the e-mail" 1 m person add --full-name "X" --emails " ${email^^}"
t_exit "  by name alone too" 1 m person add --full-name "$who"
t_exit "  or by phone" 1 m person add --full-name "X" --phones "$(echo "$phones" | head -1 | tr -d ' ')"
t_ok "with their consent it is fine" m --json person add --full-name "$who" --emails "$email" \
	--legal-basis consent
t_jq "  a new person" '.id != "'"$id"'"' "true"
t_ok "erasing twice is harmless" m subject erase "$id" --yes
t_ok "and the export of an erased person shows what is left" m subject export "$id"
t_jq "  the anonymous person" .person.full_name "Erased person $id"

# --- the API ---
t_serve --now $now
target=$(m --json person show "Erik Holm" | jq -r .id)
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/subjects/$target")
t_eq "API: GET /subjects/{id} for the owner" "$code" 200
t_jq "API: the subject document" '[.format, .person.full_name] | @json' '["mutua-subject/1","Erik Holm"]'
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/subjects/999999")
t_eq "API: an unknown person is 404" "$code" 404
code=$(curl -s -o "$T_OUT" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
	-d '{"really": true}' "$base/api/v1/subjects/$target/erase")
t_eq "API: erase takes no options" "$code" 422
t_jq "API:   naming the field" .error.field "really"
owner=$T_TOKEN
T_TOKEN=$(m token create --name v --account v@example.org)
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/subjects/$target")
t_eq "API: a viewer may not export" "$code" 403
code=$(curl -s -o "$T_OUT" -w '%{http_code}' -X POST "$base/api/v1/subjects/$target/erase")
t_eq "API: nor erase" "$code" 403
T_TOKEN=$owner
code=$(curl -s -o "$T_OUT" -w '%{http_code}' -X POST "$base/api/v1/subjects/$target/erase")
t_eq "API: the owner erases" "$code" 200
t_jq "API: the summary" .name "Erased person $target"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d '{}' \
	"$base/api/v1/subjects/$target/erase")
t_eq "API: {} is fine too" "$code" 200
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/persons/$target")
t_jq "API: the person is anonymous" .full_name "Erased person $target"
t_serve_stop

t_done
