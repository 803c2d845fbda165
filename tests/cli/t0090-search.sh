#!/bin/bash
# Full-text search of takeaways (SPEC §3; docs/decisions/0003-search.md): Swedish and
# Danish words, case folded but accents kept, prefix and phrase, tags, ranking, one
# workspace never sees another's, the index follows edit and rm, hostile input stays
# text, the API's ?q=, and a schema 1 database indexed by its upgrade.
. "$(dirname "$0")/../lib/t.sh"

now=2026-06-01T12:00:00Z
m() { $MUTUA --now $now --workspace Lund "$@"; }
k() { $MUTUA --now $now --workspace København "$@"; }
# s ARGS...: search (counted as a test); the ids found, in order, comma-separated, in $got
s() { got=; t_ok "search [$*]" m --json takeaway search "$@" && got=$(jq -r '[.items[].id] | join(",")' "$T_OUT"); }
# sorted: $got in id order
sorted() { echo "$got" | tr , '\n' | sort -n | paste -sd, -; }
add() { m --json takeaway add "$@" >"$T_DIR/add" && jq -r .id "$T_DIR/add"; }

t_ok "init Lund" $MUTUA --now $now init --name Lund --kind group --locale sv
t_ok "init København" $MUTUA --now $now init --name København --kind group --locale da
m person add --full-name "Anna Lind" >/dev/null
k person add --full-name "Søren Kjær" >/dev/null
t1=$(add --author "Anna Lind" --text "Kommunen i Malmö upphandlar sjukvård" --tags lead --tags idea)
t2=$(add --text "Regionen satsar på kommunikation" --tags trend)
t3=$(add --text "Økonomi og æbler i Århus" --tags competitor)
t4=$(add --text "Arhus utan ring" --tags idea)
t5=$(add --text "Han får ett nytt uppdrag")
t6=$(add --text "Min far driver en byrå")
once=$(add --text "budget skola möte")
twice=$(add --text "budget budget möte")
t9=$(add --text "Research and development (R&D) in \"quotes\"")
k takeaway add --author "Søren Kjær" --text "Hemlig plan for Malmö og København" >/dev/null

# words, case-insensitive, Swedish and Danish letters
s malmö; t_eq "a word" "$got" "$t1"
s MALMÖ; t_eq "case is ignored" "$got" "$t1"
s ØKONOMI; t_eq "Danish letters" "$got" "$t3"
s ÆBLER; t_eq "æ" "$got" "$t3"
s ÅRHUS; t_eq "Å and å are one letter" "$got" "$t3"
s arhus; t_eq "å is not a" "$got" "$t4"
s får; t_eq "får is not far" "$got" "$t5"
s far; t_eq "far is not får" "$got" "$t6"
s sjukvård malmö; t_eq "all words must occur" "$got" "$t1"
s sjukvård lund; t_eq "two words, one missing" "$got" ""
t_ok "the table" m takeaway search malmö
t_match "shows id, at, author, text and tags" "^$t1 +2026-06-01 12:00 +Anna Lind +Kommunen i Malmö upphandlar sjukvård +lead, idea$" "$T_OUT"
t_match "with its head" "^id +at +author +text +tags$" "$T_OUT"
t_ok "no match" m takeaway search zebra
t_match "says so" "^no takeaway matches$" "$T_OUT"

# prefix and phrase
s kommun; t_eq "a whole word only" "$got" ""
s 'kommun*'; t_eq "prefix" "$(sorted)" "$t1,$t2"
s 'KOMMUN*'; t_eq "prefix, upper case" "$(sorted)" "$t1,$t2"
s '"i malmö"'; t_eq "phrase" "$got" "$t1"
s '"malmö i"'; t_eq "phrase in order only" "$got" ""
s '"i malm"*'; t_eq "phrase with a prefix" "$got" "$t1"
s '"i malm*"'; t_eq "prefix inside a phrase" "$got" "$t1"
s 'i-malmö'; t_eq "hyphenated is a phrase" "$got" "$t1"

# tags
s lead; t_eq "a tag" "$got" "$t1"
s COMPETITOR; t_eq "a tag, any case" "$got" "$t3"
s idea; t_eq "a tag on two" "$(sorted)" "$t1,$t4"
s idea ring; t_eq "tag and text" "$got" "$t4"

# ranking: the word twice ranks above once (same length; the later id, so not by id)
s budget; t_eq "twice above once" "$got" "$twice,$once"

# another workspace's takeaways are never found, and it finds only its own
s hemlig; t_eq "not another workspace's" "$got" ""
t_ok "search in København" k --json takeaway search malmö
t_jq "finds its own only" '[.items[].text] | join("|")' "Hemlig plan for Malmö og København"
t_ok "København by prefix" k --json takeaway search 'kommun*'
t_jq "sees nothing of Lund" '.items | length' "0"

# --limit and --cursor page through the ranking
t_ok "limit" m --json takeaway search 'kommun*' --limit 1
t_jq "one item" '.items | length' "1"
t_jq "a cursor" '.next_cursor' "1"
first=$(jq -r '.items[0].id' "$T_OUT")
t_ok "next page" m --json takeaway search 'kommun*' --limit 1 --cursor 1
t_jq "the other one" '.items | length' "1"
t_jq "the end" '.next_cursor' "null"
second=$(jq -r '.items[0].id' "$T_OUT")
t_eq "pages do not repeat" "$(printf '%s\n' "$first" "$second" | sort -n | paste -sd,)" "$t1,$t2"
t_exit "bad --limit" 2 m takeaway search malmö --limit 0
t_exit "bad --cursor" 2 m takeaway search malmö --cursor x
t_exit "unknown option" 2 m takeaway search malmö --frob
t_exit "search needs text" 2 m takeaway search
s -- --malmö; t_eq "-- ends the options" "$got" "$t1"
s sjukvård malmö; t_eq "several arguments are one search" "$got" "$t1"

# the record verbs are still there
t_ok "takeaway list" m --json takeaway list
t_jq "all nine" '.items | length' "9"
t_ok "takeaway show" m takeaway show "$t1"
t_exit "an unknown verb" 2 m takeaway frob

# hostile input is searched as text; nothing to search for is a usage error
for q in '"' '*' '**' '()' '""' '"" *' '-' '"*"' ':' '^' '  ' '' '…' '«»' '—' '\"' '%' '_'; do
	t_exit "no words: [$q]" 2 m takeaway search "$q"
	t_match "no words: [$q] says why" "nothing to search for" "$T_ERR"
done
for q in '"kommunen' 'malmö"' '(malmö' 'malmö)' 'NEAR(malmö lund)' 'malmö AND' 'malmö OR lund' \
	'NOT malmö' 'text:malmö' '{text}: malmö' '^malmö' 'malmö +' '*malmö' 'malmö*)' "it's" \
	'malmö"*' 'a"b"c' 'NEAR' '"malmö" OR "lund"' '$1' "'; DROP TABLE takeaway; --"; do
	t_ok "hostile [$q]" m --json takeaway search "$q"
	t_jq "hostile [$q] answers a page" '.items | type' "array"
done
s AND; t_eq "AND is a word" "$got" "$t9"
s OR; t_eq "or is a word (none has it)" "$got" ""
s 'NEAR(malmö'; t_eq "NEAR( is a word" "$got" ""
s '"kommunen'; t_eq "a stray quote" "$got" "$t1"
s '(R&D)'; t_eq "parentheses separate" "$got" "$t9"
s '"quotes"'; t_eq "quotes in the text" "$got" "$t9"
s 'text:malmö'; t_eq "column filter is text" "$got" ""
t_exit "too long" 2 m takeaway search "$(printf 'a%.0s' $(seq 501))"
t_exit "too many words" 2 m takeaway search "$(printf 'w%d ' $(seq 33))"
t_ok "the table is still there" m takeaway list

# edit updates the index, rm removes from it
t_ok "edit the text" m takeaway edit "$t1" --text "Kommunen i Lund upphandlar skola"
s malmö; t_eq "the old word is gone" "$got" ""
s lund; t_eq "the new word is found" "$got" "$t1"
t_ok "edit the tags" m takeaway edit "$t1" --tags trend
s lead; t_eq "the old tag is gone" "$got" ""
s trend; t_eq "the new tag is found" "$(sorted)" "$t1,$t2"
t_ok "unset the tags" m takeaway edit "$t1" --unset tags
s trend; t_eq "no tags, not found" "$got" "$t2"
t_ok "rm" m takeaway rm "$t2"
s kommunikation; t_eq "removed from the index" "$got" ""
s 'kommun*'; t_eq "the others stay" "$got" "$t1"
# the index holds exactly the takeaways (nothing left behind)
got=$(sqlite3 "$MUTUA_DB" "SELECT (SELECT count(*) FROM takeaway_fts) || ',' ||
	(SELECT count(*) FROM takeaway_search) || ',' || (SELECT count(*) FROM takeaway)")
t_eq "index and table agree" "$got" "9,9,9"

# the API: ?q= on takeaways, the same page as --json
t_serve --now $now --workspace Lund
get() { code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base$1"); }
get "/api/v1/takeaways?q=budget"
t_eq "search is 200" "$code" 200
t_jq "ranked" '[.items[].id] | join(",")' "$twice,$once"
t_jq "records as usual" '.items[0].text' "budget budget möte"
t_jq "no more" '.next_cursor' "null"
m --json takeaway search budget >"$T_DIR/cli.json"
get "/api/v1/takeaways?q=budget"
t_eq "the same JSON as the CLI" "$(jq -S . "$T_OUT")" "$(jq -S . "$T_DIR/cli.json")"
get "/api/v1/takeaways?q=budget&limit=1"
t_jq "limit" '.items | length' "1"
t_jq "limit keeps the best" '.items[0].id' "$twice"
t_jq "next_cursor" '.next_cursor' "1"
get "/api/v1/takeaways?q=budget&limit=1&cursor=1"
t_jq "page 2" '.items[0].id' "$once"
t_jq "page 2 ends" '.next_cursor' "null"
get "/api/v1/takeaways?q=%C3%85RHUS"
t_jq "UTF-8 in q, case folded" '[.items[].id] | join(",")' "$t3"
get "/api/v1/takeaways?q=kommun%2A"
t_jq "prefix" '[.items[].id] | join(",")' "$t1"
get "/api/v1/takeaways?q=%22i%20lund%22"
t_jq "phrase" '[.items[].id] | join(",")' "$t1"
get "/api/v1/takeaways?q=hemlig"
t_jq "not another workspace's" '.items | length' "0"
get "/api/v1/takeaways?q=NEAR%28%22malm%C3%B6%22%20OR%29"
t_eq "hostile q is 200" "$code" 200
get "/api/v1/takeaways?q="
t_eq "empty q is 400" "$code" 400
t_jq "names q" '.error.code + " " + .error.field' "usage q"
get "/api/v1/takeaways?q=%2A%20%22%28%29"
t_eq "q without words is 400" "$code" 400
t_jq "names q" '.error.field' "q"
get "/api/v1/networks?q=lund"
t_eq "q on networks is 400" "$code" 400
t_jq "names q" '.error.code + " " + .error.field' "usage q"
# persons: by the start of any word of the name, e-mails, title, city, tags or
# organisation, case and accents ignored as in name look-ups; by name first
m org add --name "Lindholmens Bygg" >/dev/null
m person add --full-name "Åsa Öberg" --emails asa@oberg.se --city Lund --tags styrelse >/dev/null
m person add --full-name "Bo Berg" --title Snickare --organisation-id "Lindholmens Bygg" >/dev/null
persons() { get "/api/v1/persons?q=$1"; t_jq "$2" '[.items[].full_name] | join(",")' "$3"; }
persons ann "the start of a name" "Anna Lind"
persons nna "not the middle of a word" ""
persons LIND "case ignored; the name first, then the organisation" "Anna Lind,Bo Berg"
persons "asa%20oberg" "accents ignored" "Åsa Öberg"
persons "oberg.se" "an e-mail" "Åsa Öberg"
persons "snick" "a title" "Bo Berg"
persons "lund%20styrelse" "every word must match, in any field" "Åsa Öberg"
persons "lund%20snickare" "else no one" ""
persons "s%C3%B8ren" "not another workspace's" ""
get "/api/v1/persons?q=lind&limit=1"
t_jq "a page" '[.items[].full_name, .next_cursor] | join(",")' "Anna Lind,1"
get "/api/v1/persons?q=lind&limit=1&cursor=1"
t_jq "the next" '[.items[].full_name] + [.next_cursor] | map(tostring) | join(",")' "Bo Berg,null"
get "/api/v1/persons?q=%2A"
t_eq "q without words is 400 here too" "$code" 400
get "/api/v1/takeaways?q=budget&limit=0"
t_eq "bad limit is 400" "$code" 400
get "/api/v1/takeaways?limit=2"
t_jq "without q, the list" '[.items[].id] | join(",")' "$t1,$t3"
t_serve_stop

# upgrade: a schema 1 database (made by this binary, the search tables then dropped and
# the version set back) gets its takeaways indexed by migration 0002
old=$T_DIR/old.db
o() { $MUTUA --db "$old" --now $now "$@"; }
t_ok "old init" o init --name Gammal --kind personal
o takeaway add --text "Sjukvården i Skåne växer" --tags trend >/dev/null
o takeaway add --text "Kødpålæg fra Odense" >/dev/null
sqlite3 "$old" "DROP TRIGGER takeaway_search_insert; DROP TRIGGER takeaway_search_update;
	DROP TRIGGER takeaway_search_delete; DROP TABLE takeaway_fts; DROP TABLE takeaway_search;
	ALTER TABLE organisation DROP COLUMN ground_rules;
	DROP TABLE workspace_role; DROP TABLE session; DROP TABLE api_token; DROP TABLE invitation;
	DROP TABLE login_failure; DROP TABLE audit; DROP TABLE suppression;
	ALTER TABLE account DROP COLUMN password_hash; ALTER TABLE tie DROP COLUMN owner_account_id;
	ALTER TABLE exchange DROP COLUMN owner_account_id; ALTER TABLE person DROP COLUMN objection;
	ALTER TABLE person DROP COLUMN urls; ALTER TABLE person DROP COLUMN birthday;
	ALTER TABLE person DROP COLUMN note; DROP INDEX person_private; DROP INDEX tie_private;
	DROP INDEX exchange_private; ALTER TABLE workspace DROP COLUMN revision;
	DELETE FROM schema_migrations WHERE version >= 2;
	INSERT INTO takeaway (workspace_id, id, created_at, updated_at, at, text, tags)
	VALUES (1, 99, '$now', '$now', '$now', 'Written by version 1', '[\"legacy\"]');"
t_eq "the database is at schema 1" "$(sqlite3 "$old" 'SELECT max(version) FROM schema_migrations')" "1"
t_ok "any command upgrades it" o workspace list
# the highest migration number (a driver's own file shares its number: 0002-*.pg.sql)
t_eq "now at the latest schema" "$(sqlite3 "$old" 'SELECT max(version) FROM schema_migrations')" \
	"$(ls "$ROOT"/src/store/migrations/*.sql | sed -E 's|.*/0*([0-9]+)-[^/]*$|\1|' | sort -n |
	   tail -1)"
t_ok "old rows are found" o --json takeaway search 'sjukvård*'
t_jq "by prefix" '[.items[].text] | join("|")' "Sjukvården i Skåne växer"
t_ok "Danish old row" o --json takeaway search kødpålæg
t_jq "found" '.items | length' "1"
t_ok "the row written by version 1" o --json takeaway search legacy
t_jq "by its tag" '.items[0].id' "99"
t_ok "and new rows too" o takeaway add --text "Ny efter uppgraderingen"
t_ok "search new" o --json takeaway search uppgraderingen
t_jq "found new" '.items | length' "1"

t_done
