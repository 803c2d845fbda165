#!/bin/bash
# t0540-copy: `mutua copy` moves a whole database from SQLite to PostgreSQL and back.
# Every workspace exports the same document (export json) in all three databases;
# accounts sign in on the copy with their passwords; search, new workspaces and new
# accounts work there; the copy is in each audit trail. A target that is not empty is
# refused, and a copy that fails half-way leaves its target as it was.
. "$(dirname "$0")/../lib/t.sh"
. "$(dirname "$0")/../lib/pg.sh"
pg_start || { t_done; exit; }
t_ok "createdb" pg_createdb copy
pgurl=$(pg_url copy)
src=$T_DIR/source.db back=$T_DIR/back.db
now=2026-11-23T10:00:00Z

t_ok "three demo workspaces on SQLite" $MUTUA --db "$src" --now $now demo --kind all
printf '%s\n' 'a copy password, long enough' >"$T_DIR/pw"
t_ok "an account with a password" $MUTUA --db "$src" --workspace 1 account add kim@example.org \
	--name "Kim Kopia" --role owner --password-file "$T_DIR/pw"
t_ok "a takeaway to search for" $MUTUA --db "$src" --workspace 1 takeaway add \
	--text "Flyttlasset: allt följer med till PostgreSQL" --tags '["flytt"]'
read -r p1 p2 < <($MUTUA --db "$src" --workspace 1 --json person list --limit 2 | jq -r '[.items[].id] | join(" ")')
t_ok "a private tie of that account" $MUTUA --db "$src" --workspace 1 --user kim@example.org \
	tie add --a "$p1" --b "$p2" --private
workspaces=$($MUTUA --db "$src" --json workspace list | jq -r '.[].id' | tr '\n' ' ')
t_eq "three workspaces" "$(echo $workspaces | wc -w)" 3

t_exit "no --to: usage" 2 $MUTUA copy --from "$src"
t_exit "a source that is not there" 1 $MUTUA copy --from "$T_DIR/none.db" --to "$T_DIR/x.db"
t_match "  says so" "no database at" "$T_ERR"
t_eq "  and creates nothing" "$(ls "$T_DIR"/none.db "$T_DIR"/x.db 2>/dev/null)" ""

t_ok "copy to PostgreSQL" $MUTUA --json copy --from "$src" --to "$pgurl"
t_jq "  from sqlite" .from sqlite
t_jq "  to postgresql" .to postgresql
t_jq "  every workspace" .tables.workspace 3
# every table of the schema is copied, but those that SQLite's triggers fill from takeaway
t_eq "  every table of the schema" "$(jq -r '.tables | keys[]' "$T_OUT" | sort | tr '\n' ' ')" \
	"$(sqlite3 "$src" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE
		'takeaway\_%' ESCAPE '\' AND name <> 'schema_migrations' ORDER BY name" | tr '\n' ' ')"
same_exports() { # same_exports A B: every workspace exports the same document
	local ws
	for ws in $workspaces; do
		$MUTUA --db "$1" --workspace "$ws" export json >"$T_DIR/a.json"
		$MUTUA --db "$2" --workspace "$ws" export json >"$T_DIR/b.json"
		t_eq "workspace $ws: the same document" "$(cmp "$T_DIR/a.json" "$T_DIR/b.json" 2>&1)" ""
	done
}
same_exports "$src" "$pgurl"
t_ok "search works on the copy" $MUTUA --db "$pgurl" --workspace 1 --json takeaway search Flyttlasset
t_jq "  and finds the takeaway" '.items | length' 1
t_ok "the private tie stays private there" $MUTUA --db "$pgurl" --workspace 1 --json tie list --limit 1000
t_jq "  (the operator sees it)" '[.items[] | select(.private == true)] | length' 1
t_ok "the audit trail notes the copy" $MUTUA --db "$pgurl" --workspace 1 --json audit
t_jq "  as a copy from sqlite" '[.[] | select(.action == "copy")][0].detail' "copied from sqlite"
t_ok "a new workspace on the copy" $MUTUA --db "$pgurl" init --name "Ny" --kind personal
t_ok "  gets the next id" $MUTUA --db "$pgurl" --json workspace list
t_jq "  (4)" '[.[] | select(.name == "Ny")][0].id' 4
t_ok "a new account on the copy" $MUTUA --db "$pgurl" --workspace 1 account add new@example.org \
	--role viewer
t_ok "  which lists the ties" $MUTUA --db "$pgurl" --workspace 1 --user new@example.org --json \
	tie list --limit 1000
t_jq "  without Kim's private one" '[.items[] | select(.private == true)] | length' 0

MUTUA_DB=$pgurl t_serve --workspace 1
if [ -n "$base" ]; then
	code=$(curl -s -o "$T_OUT" -w '%{http_code}' -H 'Content-Type: application/json' \
		-d '{"email": "kim@example.org", "password": "a copy password, long enough"}' \
		"$base/api/v1/login")
	t_eq "the account signs in on the copy with its password" "$code" 200
	t_serve_stop
fi

t_ok "and back to a new SQLite file" $MUTUA copy --from "$pgurl" --to "$back"
t_match "  says what it copied" "^copied [0-9]+ rows from postgresql to sqlite" "$T_OUT"
workspaces="$workspaces 4"
same_exports "$pgurl" "$back"

t_exit "a target that is not empty is refused" 1 $MUTUA copy --from "$src" --to "$back"
t_match "  with the reason" "not empty" "$T_ERR"

# half-way: a session row in the target that the copy's own will collide with
t_ok "a session on the source" $MUTUA --db "$src" --workspace 1 --json workspace show
hash=$(sqlite3 "$src" "INSERT INTO session VALUES ('deadbeef', 1, 0, 0); SELECT token_hash FROM session LIMIT 1")
t_ok "a target with only the schema" $MUTUA --db "$T_DIR/half.db" workspace list
sqlite3 "$T_DIR/half.db" "INSERT INTO session VALUES ('$hash', 99, 0, 0)"
t_exit "a copy that fails half-way" 1 $MUTUA copy --from "$src" --to "$T_DIR/half.db"
t_match "  names the table" "session" "$T_ERR"
t_eq "  leaves no workspace behind" "$(sqlite3 "$T_DIR/half.db" 'SELECT count(*) FROM workspace')" 0
t_eq "  nor any record" "$(sqlite3 "$T_DIR/half.db" 'SELECT count(*) FROM person')" 0
t_done
