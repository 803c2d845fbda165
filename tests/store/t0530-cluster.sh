#!/bin/bash
# t0530-cluster: two servers on one PostgreSQL behind nginx (scripts/cluster). A session
# made through one server works on the other, and through nginx; then 8 clients add
# 300 persons through nginx while one server is killed (SIGKILL) a third of the way in,
# and every person a client was told was added (201) is in the database, once.
# Requests the killed server had taken may fail; nothing acknowledged may be lost.
. "$(dirname "$0")/../lib/t.sh"
. "$(dirname "$0")/../lib/pg.sh"
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
	t_fail "nginx is not installed: run scripts/deps --test"
	t_done
	exit
fi
pg_start || { t_done; exit; }
t_ok "createdb" pg_createdb cluster
export MUTUA_DB=$(pg_url cluster)
cl=$T_DIR/cluster
stop_cluster() { "$ROOT/scripts/cluster" stop "$cl" 2>/dev/null; pg_stop; }
trap stop_cluster EXIT

t_ok "a workspace" $MUTUA init --name "Klustret" --kind group
printf '%s\n' 'a cluster password, long' >"$T_DIR/pw"
t_ok "an owner" $MUTUA account add lb@example.org --name "Lasse Balans" --role owner \
	--password-file "$T_DIR/pw"
t_ok "scripts/cluster starts nginx and two servers" "$ROOT/scripts/cluster" --db "$MUTUA_DB" \
	--dir "$cl" --port 0 --servers 2 --mutua "$MUTUA" --detach
lb=$(cat "$cl/url" 2>/dev/null)
read -r pid1 s1 < <(sed -n 1p "$cl/servers" 2>/dev/null)
read -r pid2 s2 < <(sed -n 2p "$cl/servers" 2>/dev/null)
url='http://127\.0\.0\.1:[0-9]+'
t_eq "nginx's address" "$([[ $lb =~ ^$url$ ]] && echo loopback)" loopback
t_eq "two servers of their own" "$([[ "$s1 $s2" =~ ^$url\ $url$ && $s1 != "$s2" ]] && echo two)" two
[ -n "$s2" ] && [ -n "$lb" ] || { t_done; exit; }

# --- one session, every server ---
login() { curl -s -c "$T_DIR/jar" -H 'Content-Type: application/json' \
	-d '{"email": "lb@example.org", "password": "a cluster password, long"}' "$1/api/v1/login"; }
t_ok "sign in on server 1" login "$s1"
csrf=$(jq -r .csrf_token "$T_OUT")
t_eq "  a CSRF token" "$([[ $csrf =~ ^[0-9a-f]{32,}$ ]] && echo token)" token
for where in "$s2" "$lb"; do
	t_ok "the session is known on $where" curl -sf -b "$T_DIR/jar" "$where/api/v1/session"
	t_jq "  as the same account" .account.email lb@example.org
done
t_ok "a write with that session on server 2" curl -sf -b "$T_DIR/jar" -H "X-CSRF-Token: $csrf" \
	-H 'Content-Type: application/json' -d '{"full_name": "Skriven På Tvåan"}' "$s2/api/v1/persons"
t_jq "  is the new person" .full_name "Skriven På Tvåan"
t_ok "signing out on server 2" curl -sf -o /dev/null -b "$T_DIR/jar" -H "X-CSRF-Token: $csrf" \
	-X POST "$s2/api/v1/logout"
t_eq "ends the session on server 1 too" \
	"$(curl -s -o /dev/null -w '%{http_code}' -b "$T_DIR/jar" "$s1/api/v1/session")" 401

# --- load through nginx while server 1 dies ---
N=300
t_ok "300 writes through nginx, server 1 killed mid-way" /usr/bin/python3 \
	"$ROOT/tests/tools/cluster-load.py" "$lb" lb@example.org 'a cluster password, long' \
	$N "$pid1" "$T_DIR/load.json"
t_eq "server 1 was killed during the load" "$(jq -r .stopped "$T_DIR/load.json")" true
# (a zombie until something reaps it: scripts/cluster --detach has returned)
t_eq "server 1 is gone" "$(awk '$3 != "Z" { print "alive" }' "/proc/$pid1/stat" 2>/dev/null)" ""
acked=$(jq '.acked | length' "$T_DIR/load.json")
failed=$(jq '[.failed[]] | add // 0' "$T_DIR/load.json")
t_eq "every write was answered: acknowledged or failed" "$((acked + failed))" $N
t_eq "most were acknowledged ($acked; failed: $(jq -c .failed "$T_DIR/load.json"))" \
	"$((acked * 10 >= N * 9))" 1
t_ok "the persons in the database" $MUTUA --json person list --limit 1000
jq -r '.items[].full_name' "$T_OUT" | sort >"$T_DIR/stored"
jq -r '.acked[]' "$T_DIR/load.json" | sort >"$T_DIR/acked"
t_eq "every acknowledged write is there" "$(comm -23 "$T_DIR/acked" "$T_DIR/stored" | head -3)" ""
t_eq "each once" "$(grep '^Load ' "$T_DIR/stored" | uniq -d | head -3)" ""
t_ok "nginx still answers, through server 2" curl -sf "$lb/api/v1/health"
kill -TERM "$pid2" 2>/dev/null
wait "$pid2" 2>/dev/null
t_nomatch "server 2 reported no sanitizer finding" 'Sanitizer|runtime error' "$cl/serve2.err"
t_done
