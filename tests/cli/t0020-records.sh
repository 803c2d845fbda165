#!/bin/bash
# Record commands for every entity: add, list, show, edit, rm; person resolution;
# bad input with exit 1 or 2 and nothing half-written.
. "$(dirname "$0")/../lib/t.sh"

m() { $MUTUA --now 2026-11-23T10:00:00Z "$@"; }
t_ok "init" m init --name Chapter --kind group

t_ok "org add" m org add --name "Lind Rekrytering AB" --industry 78.1 --size-class small --region SE-M
t_ok "person add" m person add --full-name "Anna Lind" --emails anna@lind.se --emails anna.lind@gmail.com \
	--organisation-id "Lind Rekrytering" --role-level owner --role-function hr --city Lund --region SE-M
t_match "add prints the id" "added person 2: Anna Lind" "$T_OUT"
t_ok "person add json" m --json person add --full-name "Søren Kjær" --emails sk@kjaer.dk --region DK-84 \
	--legal-basis consent
t_jq "legal basis" '.legal_basis' "consent"
t_jq "ids are strings" '.id | type' "string"
t_ok "a third person" m person add --full-name "Anna Berg" --tags bni --private
t_ok "show by e-mail" m --json person show ANNA@lind.se
t_jq "e-mail match is case-insensitive" '.full_name' "Anna Lind"
t_jq "the organisation reference is an id" '.organisation_id' "1"
t_ok "show by exact name, case-insensitive" m person show "søren kjær"
t_match "human show" "full_name +Søren Kjær" "$T_OUT"
t_exit "accents are kept" 1 m person show "Soren Kjaer"
t_exit "an ambiguous name is an error" 1 m person show anna
t_match "the matches are listed" "Anna Lind \(2\), Anna Berg \(4\)" "$T_ERR"
t_ok "show by id" m person show 2
t_ok "list" m person list
t_match "list has a header" "^id +full_name +emails" "$T_OUT"
t_match "list shows references by name" "Lind Rekrytering AB \(1\)" "$T_OUT"
t_ok "list paginates" m --json person list --limit 2
t_jq "first page" '[.items[].id] | join(",")' "2,3"
t_jq "next cursor" '.next_cursor' "3"
t_ok "second page" m --json person list --limit 2 --cursor 3
t_jq "second page items" '[.items[].id] | join(",")' "4"
t_jq "last page has no cursor" '.next_cursor' "null"

t_exit "unknown option is a usage error" 2 m person add --full-name X --emial x@y.se
t_match "the option is named" "unknown option '--emial'" "$T_ERR"
t_exit "a bad e-mail is refused" 1 m person add --full-name X --emails nope
t_match "with its path" "emails\[0\]" "$T_ERR"
t_exit "a bad enum is refused" 1 m person add --full-name X --role-level ceo
t_match "allowed values listed" "owner, executive" "$T_ERR"
t_exit "a missing required field" 1 m person add --city Lund
t_match "required named" "full_name: is required" "$T_ERR"
t_exit "a dangling reference" 1 m person add --full-name X --organisation-id 99
t_exit "an unknown person" 1 m person show "Nobody Here"
t_exit "a verb is needed" 2 m person
t_exit "an unknown verb" 2 m person frob

t_ok "profile add" m profile add --person-id "Anna Lind" --sphere people_hr \
	--offerings '[{"label": "recruitment of managers", "stage": "acquire"}]' \
	--target-industries 62 --target-industries C --typical-deal "80 000 SEK" --competitors "Søren Kjær"
t_ok "profile show by person" m --json profile show anna@lind.se
t_jq "typical deal in minor units" '.typical_deal.amount' "8000000"
t_jq "competitor is an id" '.competitors[0]' "3"
t_exit "a second profile for the same person" 1 m profile add --person-id 2
t_exit "a person named as competitor cannot be removed" 1 m person rm 3
t_match "the reason is given" "competitors" "$T_ERR"

t_ok "network add" m network add --name "BNI Öresund" --purpose business_exchange --openness closed \
	--fee "9500 SEK/year" --meetings-per-year 48
t_ok "network fee" m --json network show "BNI Öresund"
t_jq "fee" '.fee | "\(.amount) \(.currency) \(.per)"' "950000 SEK year"
t_ok "tie add" m tie add --a "Anna Lind" --b "Søren Kjær" --tier inner --liking-a 5 --since 2024-05-02
t_exit "a tie to oneself" 1 m tie add --a 2 --b 2
t_ok "exchange add, at defaults to now" m --json exchange add --giver "Søren Kjær" --receiver "Anna Lind" --kind referral
t_jq "at is now" '.at' "2026-11-23T10:00:00Z"
t_jq "points from the kind" '.points' "3"
t_ok "referral add" m referral add --giver 3 --receiver 2 --prospect-organisation 1 --network-id "BNI Öresund"
t_ok "membership add" m membership add --network-id "BNI Öresund" --person-id 2 --hours-per-meeting 2.5 \
	--hourly-cost 900 --since 2023-09-01
t_exit "membership until before since" 1 m membership add --network-id "BNI Öresund" --person-id 3 --since 2024-01-01 --until 2023-01-01
t_ok "meeting add" m meeting add --network-id "BNI Öresund" --at "2026-11-20 06:45" \
	--attendance '[{"person": "2", "code": "P"}, {"person": "3", "code": "S"}]'
t_exit "a bad attendance code" 1 m meeting add --network-id "BNI Öresund" --attendance '[{"person": "2", "code": "X"}]'
t_match "its path" "attendance\[0\].code" "$T_ERR"
t_exit "malformed JSON in an option" 1 m meeting add --network-id "BNI Öresund" --attendance '[{'
t_ok "one-to-one add" m one-to-one add --a 2 --b 3 --notes-a "talked about onboarding"
t_ok "takeaway add" m takeaway add --network-id "BNI Öresund" --author 2 --text "Kommunerna upphandlar i höst." --tags lead --tags trend
t_exit "a takeaway tag must be a word" 1 m takeaway add --text x --tags "Big Idea"
t_ok "goal add" m goal add --owner-person 2 --metric customer_meetings --target 24 --from 2026-01-01 --to 2026-12-31
t_exit "goal to before from" 1 m goal add --metric ideas --target 5 --from 2026-02-01 --to 2026-01-01
t_ok "plan add" m plan add --owner-person 2 --capacity-per-month 4 \
	--segments '[{"industry": "62", "role_level": "executive", "want": 10}]'
t_ok "ask add" m ask add --person 2 --text "Introduction to CFOs in retail in Skåne" \
	--segment '{"industry": "47", "role_function": "finance", "region": "SE-M"}'
t_ok "offer add" m offer add --person 3 --text "Leadership workshop"
t_ok "task add" m task add --owner-person 2 --person 3 --due 2026-12-01 --kind meet

t_ok "edit a field" m person edit "Anna Lind" --title VD --city Malmö
t_ok "edited" m --json person show 2
t_jq "title set" '.title' "VD"
t_jq "others kept" '.emails | length' "2"
t_ok "unset a field" m person edit 2 --unset title
t_ok "after unset" m --json person show 2
t_jq "title cleared" '.title' "null"
t_ok "boolean off" m --json person edit 4 --no-private
t_jq "private cleared" '.private' "false"
t_exit "edit with nothing" 2 m person edit 2
t_exit "edit a required field to nothing" 1 m person edit 2 --unset full_name
t_exit "a keyed field cannot change" 1 m profile edit 2 --person-id 3

t_ok "rm a task" m task rm 17
t_exit "rm again is not found" 1 m task rm 17
t_exit "rm a referenced person is refused" 1 m person rm 2
t_match "says what refers to it" "still referred to" "$T_ERR"
t_ok "rm an unreferenced person" m person rm "Anna Berg"
t_match "rm reports" "removed person 4: Anna Berg" "$T_OUT"

# every entity lists, and its table and JSON agree in count
for e in org person profile tie exchange referral network membership meeting one-to-one takeaway goal plan ask offer task; do
	t_ok "$e list" m --json $e list
done

# nothing half-written: fail the Nth store call and check the database is as it was
before=$(m --json person list | jq -c .)
for n in 1 2 3 4 5 6 7 8; do
	MUTUA_FAULT=store:$n $MUTUA person add --full-name "Fault $n" --emails "f$n@x.se" >"$T_OUT" 2>"$T_ERR"
	rc=$?
	t_sanitizer_clean "fault $n"
	after=$(m --json person list | jq -c .)
	if [ $rc -ne 0 ]; then t_eq "fault at call $n leaves nothing behind" "$after" "$before"; fi
	if [ $rc -eq 0 ]; then before=$after; fi
done
t_done
