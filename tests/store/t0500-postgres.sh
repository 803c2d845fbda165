#!/bin/bash
# The store on PostgreSQL (issue 10): a throwaway server in $T_DIR (initdb, a unix
# socket there and no TCP port), the unit store suite on it (test_store with
# $MUTUA_TEST_DB), and the command line on it: init, person add and list, search, and
# the demo workspace, whose export must equal the same on SQLite byte for byte.
# The server: tests/lib/pg.sh.
. "$(dirname "$0")/../lib/t.sh"

. "$(dirname "$0")/../lib/pg.sh"
pg_start || { t_done; exit; }
url() { pg_url "$@"; }
for db in suite cli demo; do
	t_ok "createdb $db" pg_createdb "$db"
done

# The store suite, its checks counted here.
MUTUA_TEST_DB=$(url suite) "$ROOT/build/test/unit-tests" test_store >"$T_OUT" 2>"$T_ERR"
t_sanitizer_clean "store suite" && t_pass
line=$(grep -E '^unit: [0-9]+ passed, [0-9]+ failed$' "$T_OUT")
if [ -n "$line" ]; then
	read -r p f < <(echo "$line" | sed -E 's/^unit: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/')
	T_PASS=$((T_PASS + p))
	T_FAIL=$((T_FAIL + f))
	[ "$f" -eq 0 ] || grep FAIL "$T_OUT" "$T_ERR" >&2
else
	t_fail "the store suite did not finish: $(tail -5 "$T_OUT" "$T_ERR")"
fi

# The command line by URL: --db and $MUTUA_DB alike.
now=2026-11-23T10:00:00Z
p() { $MUTUA --now $now --db "$(url cli)" "$@"; }
q() { $MUTUA --now $now --db "$T_DIR/cli.db" "$@"; }
for run in p q; do
	t_ok "init ($run)" $run init --name "BNI Öresund" --kind group --locale sv
	t_ok "person add ($run)" $run person add --full-name "Åsa Öberg" --emails asa@example.se
	t_ok "person add ($run)" $run person add --full-name "Bo Berg"
	t_ok "takeaway add ($run)" $run takeaway add --author "Åsa Öberg" \
		--text "Kommunen i Malmö upphandlar sjukvård" --tags lead
	t_ok "export json ($run)" $run export json -o "$T_DIR/cli-$run.json"
done
t_exit "the same name again is a conflict" 1 p init --name "BNI Öresund" --kind group
MUTUA_DB=$(url cli) t_ok "person list by \$MUTUA_DB" $MUTUA --json person list
t_jq "both persons, by id" '[.items[].full_name] | join(",")' "Åsa Öberg,Bo Berg"
t_ok "search" p --json takeaway search "MALMÖ" "upphandl*"
t_jq "the takeaway is found" '[.items[].id] | join(",")' "3"
t_ok "a search of operators is text" p --json takeaway search "a & !b | c:* ' \\"
t_jq "and finds nothing" '.items | length' "0"
if cmp -s "$T_DIR/cli-p.json" "$T_DIR/cli-q.json"; then t_pass; else
	t_fail "export differs from SQLite's"; diff "$T_DIR/cli-p.json" "$T_DIR/cli-q.json" | head >&2
fi

# The demo workspace on both: the same export byte for byte.
t_ok "demo on PostgreSQL" $MUTUA --now $now --db "$(url demo)" demo --kind group
t_ok "export demo" $MUTUA --now $now --db "$(url demo)" export json -o "$T_DIR/demo-p.json"
t_ok "demo on SQLite" $MUTUA --now $now --db "$T_DIR/demo.db" demo --kind group
t_ok "export demo" $MUTUA --now $now --db "$T_DIR/demo.db" export json -o "$T_DIR/demo-q.json"
if cmp -s "$T_DIR/demo-p.json" "$T_DIR/demo-q.json"; then t_pass; else
	t_fail "the demo's export differs"; diff "$T_DIR/demo-p.json" "$T_DIR/demo-q.json" | head >&2
fi

t_exit "a database that is not there fails cleanly" 1 $MUTUA --db "$(url nosuch)" workspace list
t_match "naming the database" "cannot connect to PostgreSQL database 'nosuch'" "$T_ERR"
t_done
