#!/bin/bash
# t0130-privacy: private persons, ties and exchanges, and likings and notes, are seen by
# their owner account alone - in lists, shows, search, exports, the calendar and every
# computation, on the command line and over the API (docs/privacy.md).
. "$ROOT/tests/lib/t.sh"
now=2026-11-23T10:00:00Z
m() { $MUTUA --now $now "$@"; }
as() { local who=$1; shift; $MUTUA --now $now --user "$who" "$@"; }

t_ok "demo chapter" m demo --kind group
for who in alice:member bob:member adam:admin vera:viewer; do
	t_ok "account ${who%%:*}" m account add "${who%%:*}@example.org" --role "${who##*:}"
done
t_ok "alice is Anna Lind" m account link alice@example.org "Anna Lind"
t_ok "bob is Erik Holm" m account link bob@example.org "Erik Holm"

# alice's private contact, her private tie to them and a private exchange
t_ok "a private person" as alice@example.org --json person add --full-name "Sigrid Hemlig" \
	--emails sigrid@hemlig.se --phones "+46 70 000 11 22" --private
secret=$(jq -r .id "$T_OUT")
t_ok "a private tie" as alice@example.org --json tie add --a "Anna Lind" --b "$secret" \
	--how-met "Hemlig middag" --private
stie=$(jq -r .id "$T_OUT")
t_ok "a private exchange" as alice@example.org --json exchange add --at 2026-11-01T10:00:00Z \
	--giver "Anna Lind" --receiver "$secret" --kind advice --note "Hemligt råd" --private
sx=$(jq -r .id "$T_OUT")
t_ok "a takeaway by the private person" as alice@example.org takeaway add --author "$secret" \
	--at 2026-11-01T12:00:00Z --text "Sigrids idé om kommunerna" --tags idea
t_ok "alice finds it" as alice@example.org --json takeaway search "sigrids"
t_jq "  one" '.items | length' "1"
t_ok "a shared exchange naming nobody hidden" as alice@example.org exchange add \
	--at 2026-11-02T10:00:00Z --giver "Anna Lind" --receiver "Erik Holm" --kind information

# the owner sees all of it
t_ok "alice shows her contact" as alice@example.org --json person show "$secret"
t_jq "by name" .full_name "Sigrid Hemlig"
t_ok "alice's ledger" as alice@example.org --json ledger "Anna Lind"
t_match "has the private exchange" "Hemligt råd|Sigrid Hemlig" "$T_OUT"

# nobody else does, in anything the command line prints
for who in bob@example.org adam@example.org vera@example.org; do
	t_exit "$who: person show is not found" 1 as "$who" person show "$secret"
	t_match "  as if it did not exist" "no person" "$T_ERR"
	t_exit "$who: the private tie is not found" 1 as "$who" tie show "$stie"
	t_exit "$who: the private exchange is not found" 1 as "$who" exchange show "$sx"
	t_exit "$who: not by name either" 1 as "$who" person show "Sigrid Hemlig"
	for cmd in "person list" "tie list" "exchange list" "ledger" "balance" "agenda" \
		"fit --matrix" "partners Anna Lind" "powerteams" "coverage" "matches" "scorecard" \
		"roi" "goals" "participation" "strength Anna Lind Erik Holm" "export json" \
		"export ical" "takeaway list" "meeting list"; do
		# shellcheck disable=SC2086 # the words are the command's
		if [ "$cmd" = "partners Anna Lind" ]; then
			as "$who" --json partners "Anna Lind" >"$T_OUT" 2>"$T_ERR"
		elif [ "$cmd" = "strength Anna Lind Erik Holm" ]; then
			as "$who" --json strength "Anna Lind" "Erik Holm" >"$T_OUT" 2>"$T_ERR"
		else
			as "$who" --json $cmd >"$T_OUT" 2>"$T_ERR"
		fi
		t_nomatch "$who: $cmd shows nothing private" \
			"Sigrid|Hemlig|hemlig\.se|000 11 22|Hemligt råd|\"id\": \"$secret\"" "$T_OUT"
	done
	t_exit "$who: balance with the private person" 1 as "$who" balance "Anna Lind" "$secret"
	t_ok "$who: search" as "$who" --json takeaway search "sigrids"
	t_jq "$who: finds nothing by the private person" '.items | length' "0"
done

# the operator (the database file's holder) sees everything
t_ok "the operator" m --json person show "$secret"
t_ok "the operator's export" m export json -o "$T_DIR/all.json"
t_match "has the private person" "Sigrid Hemlig" "$T_DIR/all.json"

# likings and one-to-one notes belong to their side
m --json tie list >"$T_OUT"
anna=$(m --json person show "Anna Lind" | jq -r .id)
maria=$(m --json person show "Maria Bergström" | jq -r .id)
tab=$(jq -r --arg a "$anna" --arg b "$maria" '.items[] | select(.a == $a and .b == $b) | .id' "$T_OUT")
t_ok "alice rates Maria" as alice@example.org --json tie edit "$tab" --liking-a 5
t_exit "bob cannot rate for Anna" 1 as bob@example.org tie edit "$tab" --liking-a 1
t_match "  it is Anna's own" "liking_a.*own" "$T_ERR"
t_ok "bob sees the tie" as bob@example.org --json tie show "$tab"
t_jq "  without Anna's liking" '.liking_a' "null"
t_ok "alice sees her liking" as alice@example.org --json tie show "$tab"
t_jq "  hers" '.liking_a' "5"
t_ok "a one-to-one with notes" as alice@example.org --json one-to-one add --at 2026-11-03T09:00:00Z \
	--a "Anna Lind" --b "Erik Holm" --notes-a "Anna tänker" 
o2o=$(jq -r .id "$T_OUT")
t_ok "bob reads the one-to-one" as bob@example.org --json one-to-one show "$o2o"
t_jq "  without Anna's notes" '.notes_a' "null"
t_ok "bob writes his notes" as bob@example.org --json one-to-one edit "$o2o" --notes-b "Eriks tankar"
t_jq "  and sees his own" '.notes_b' "Eriks tankar"
t_ok "alice reads it" as alice@example.org --json one-to-one show "$o2o"
t_jq "  her notes, not his" '[.notes_a, .notes_b] | @json' '["Anna tänker",null]'
t_ok "the operator reads both" m --json one-to-one show "$o2o"
t_jq "  both" '[.notes_a, .notes_b] | @json' '["Anna tänker","Eriks tankar"]'

# fit: a liking counts only in what its rater sees
t_ok "fit for the operator" m --json fit "Anna Lind" "Maria Bergström"
t_match "  both likings" "liking 5 and 5 of 5" "$T_OUT"
t_ok "fit for alice" as alice@example.org --json fit "Anna Lind" "Maria Bergström"
t_match "  her own liking only" "liking known one way only" "$T_OUT"
t_ok "fit for bob" as bob@example.org --json fit "Anna Lind" "Maria Bergström"
t_match "  neither" "liking not known" "$T_OUT"

# making a shared record private takes it from the others: admins only
t_exit "a member cannot hide a shared person" 1 as bob@example.org person edit "Maria Bergström" \
	--private
t_match "  forbidden" "only an admin" "$T_ERR"
t_ok "an admin can" as adam@example.org person edit "Maria Bergström" --private
t_exit "  then bob cannot see her" 1 as bob@example.org person show "Maria Bergström"
t_exit "  nor can alice" 1 as alice@example.org person show "Maria Bergström"
t_ok "  adam can" as adam@example.org person show "Maria Bergström"
t_ok "and adam makes her shared again" as adam@example.org person edit "Maria Bergström" --no-private
t_ok "  bob sees her again" as bob@example.org person show "Maria Bergström"

# a viewer reads but does not write
t_exit "a viewer cannot add" 1 as vera@example.org person add --full-name "Ny Person"
t_match "  forbidden" "role member" "$T_ERR"

# the API agrees
t_serve --now $now
T_TOKEN=$(m token create --name bob --account bob@example.org)
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/persons/$secret")
t_eq "API: the private person is 404 for bob" "$code" 404
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/ties/$stie")
t_eq "API: the private tie is 404" "$code" 404
code=$(curl -s -o "$T_OUT" -w '%{http_code}' -X PATCH -H 'Content-Type: application/json' \
	-d '{"note": "x"}' "$base/api/v1/exchanges/$sx")
t_eq "API: the private exchange cannot be changed" "$code" 404
code=$(curl -s -o "$T_OUT" -w '%{http_code}' -X DELETE "$base/api/v1/persons/$secret")
t_eq "API: nor deleted" "$code" 404
for path in "persons?limit=1000" "ties?limit=1000" "exchanges?limit=1000" export ledger balance \
	agenda fit/matrix powerteams coverage matches scorecard "takeaways?q=sigrids" "persons?q=sigrid" \
	"timeline?person=Anna%20Lind" \
	"takeaways?limit=1000" agenda.ics \
	"partners?person=Anna%20Lind"; do
	code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/$path")
	t_eq "API: GET $path" "$code" 200
	t_nomatch "API: $path shows nothing private" \
		"Sigrid|Hemlig|hemlig\.se|000 11 22|Hemligt råd|\"id\":\"$secret\"" "$T_OUT"
done
T_TOKEN=$(m token create --name alice --account alice@example.org)
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/persons/$secret")
t_eq "API: alice gets her contact" "$code" 200
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/persons?q=sigrid")
t_jq "API: and finds her by name" '[.items[].id] | join(",")' "$secret"

# the audit trail: who read or changed which record, for admins
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/audit")
t_eq "API: a member may not read the audit trail" "$code" 403
T_TOKEN=$(m token create --name adam --account adam@example.org)
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/audit?limit=1000&since=2026-11-23")
t_eq "API: an admin may" "$code" 200
t_jq "alice's read over the API is there" \
	"[.items[] | select(.actor == \"alice@example.org\" and .action == \"read\" and .entity == \"person\" and .entity_id == \"$secret\")] | length > 0" "true"
t_jq "bob's computations are there" \
	'[.items[] | select(.actor == "bob@example.org" and .action == "compute" and .entity == "fit")] | length > 0' "true"
t_jq "the operator's changes are there" \
	'[.items[] | select(.actor == "operator" and .action == "create" and .entity == "account")] | length > 0' "true"
t_jq "entries name no personal data" '[.items[].detail // "" | select(test("Sigrid|Hemlig"))] | length' "0"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/audit?limit=2")
t_jq "pages" '(.items | length == 2) and (.next_cursor != null)' "true"
next=$(jq -r .next_cursor "$T_OUT")
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/audit?limit=2&cursor=$next")
t_jq "the next page follows" ".items[0].id | tonumber > ($next | tonumber)" "true"
t_serve_stop
t_exit "CLI: a member may not read the audit trail" 1 as bob@example.org audit
t_ok "CLI: an admin reads it from a date" as adam@example.org --json audit --since 2026-11-23
t_jq "with alice's private person's creation" \
	"[.[] | select(.actor == \"alice@example.org\" and .action == \"create\" and .entity_id == \"$secret\")] | length" "1"
t_exit "CLI: a bad date" 2 as adam@example.org audit --since yesterday

t_done
