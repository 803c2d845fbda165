#!/bin/bash
# t0520-postgres-busy: writes at once on PostgreSQL. Its SERIALIZABLE transactions fail
# one of two that collide (SQLSTATE 40001); the server runs the use case again
# (http_dispatch, HANDLER_ATTEMPTS), so every write a client was told succeeded is
# there, and no client is told "busy". 240 persons added by 16 clients at once
# through one server, then counted.
. "$(dirname "$0")/../lib/t.sh"
. "$(dirname "$0")/../lib/pg.sh"
pg_start || { t_done; exit; }
t_ok "createdb" pg_createdb busy
export MUTUA_DB=$(pg_url busy)

t_ok "a workspace" $MUTUA init --name "Upptaget" --kind group
t_serve
[ -n "$base" ] || { t_done; exit; }

N=240
seq 1 $N | xargs -P 16 -I{} curl -s -o /dev/null -w '%{http_code}\n' \
	-H "Authorization: Bearer $T_TOKEN" -H 'Content-Type: application/json' \
	-d '{"full_name": "Person {}"}' "$base/api/v1/persons" >"$T_DIR/codes"
t_eq "every write answered 201" "$(sort "$T_DIR/codes" | uniq -c | awk '{print $2 ":" $1}' | tr '\n' ' ')" "201:$N "
t_ok "the persons" $MUTUA --json person list --limit 1000
t_jq "all of them are there" '.items | length' "$N"
t_jq "each once" '[.items[].full_name] | unique | length' "$N"
t_serve_stop
t_done
