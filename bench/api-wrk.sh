#!/usr/bin/env bash
# bench/api-wrk.sh MUTUA WORK - the HTTP API's throughput with wrk (docs/bench.md, "The
# API under load"), side by side in one run:
#   sqlite      one `mutua serve` on the SQLite file
#   pg          one `mutua serve` on PostgreSQL (scripts/cluster's database)
#   pg x2 nginx two servers on that PostgreSQL behind nginx (scripts/cluster)
#   nginx file  nginx serving the same page of persons as a static JSON file: the
#               ceiling of a request on this machine
# Reads: GET /api/v1/persons?limit=20 (a paginated page of 20, as the web UI asks).
# Writes: POST /api/v1/persons, one new person each (a transaction with its audit entry).
# wrk -t2 -c64 for BENCH_WRK_SECONDS (10) after a 2 s warm-up. One line per figure:
#   BENCH api_<read|write> <setup> rps=<requests/s> p99_ms=<ms> ratio_nginx=<rps / nginx file's>
# Needs wrk, PostgreSQL and nginx (scripts/deps --bench and --cluster).
set -u
mutua=$1 work=$2
secs=${BENCH_WRK_SECONDS:-10}
db=$work/api.db
die() { echo "bench: api-wrk: $*" >&2; exit 1; }
command -v wrk >/dev/null || scripts/deps --bench >&2 || die "wrk is missing"
scripts/deps --cluster >&2 || die "scripts/deps --cluster failed"

# wrk's Lua: a POST of a new person, a name of its own each time
cat >"$work/post.lua" <<'EOF'
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"full_name": "Bench Write %d-%d"}', math.random(1e9), n)
  return wrk.format("POST", "/api/v1/persons", nil, body)
end
EOF

# run LABEL URL KIND: wrk's figures as one BENCH line (ratio filled in later)
run() {
	local label=$1 url=$2 kind=$3 token=${4:-} out=$work/wrk.out
	local args=(-t2 -c64 --latency -H "Content-Type: application/json")
	[ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
	[ "$kind" = write ] && args+=(-s "$work/post.lua")
	wrk "${args[@]}" -d2s "$url" >/dev/null 2>&1
	wrk "${args[@]}" -d"${secs}s" "$url" >"$out" 2>&1 || { cat "$out" >&2; return 1; }
	local rps p99 errors
	rps=$(awk '/^Requests\/sec/ { print $2 }' "$out")
	p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 }; printf "%.2f", v }' "$out")
	errors=$(awk '/Non-2xx|Socket errors/ { sub(/^ */, ""); printf "%s; ", $0 }' "$out")
	printf '%s\t%s\t%s\t%s\t%s\n' "$kind" "$label" "$rps" "$p99" "$errors" >>"$work/wrk.tsv"
}

: >"$work/wrk.tsv"
# --- SQLite, one server ---
rm -f "$db" "$db"-wal "$db"-shm
"$mutua" --db "$db" demo --kind group --login bench@mutua.example >/dev/null || die "demo failed"
token=$("$mutua" --db "$db" token create --name wrk --account bench@mutua.example) || die "token failed"
"$mutua" --db "$db" serve --listen 127.0.0.1:0 >"$work/api-serve.out" 2>&1 &
spid=$!
cl=$work/cluster
trap 'kill $spid 2>/dev/null; scripts/cluster stop "$cl" >/dev/null 2>&1; [ -f "$work/nginx-file/nginx.pid" ] && kill "$(cat "$work/nginx-file/nginx.pid")"' EXIT
for _ in $(seq 100); do grep -q 'serving http' "$work/api-serve.out" 2>/dev/null && break; sleep 0.1; done
base=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/api-serve.out" | head -1)
[ -n "$base" ] || die "the SQLite server did not start"
read_path="/api/v1/persons?limit=20"
curl -sf -H "Authorization: Bearer $token" "$base$read_path" >"$work/persons.json" || die "the read failed"
run sqlite "$base$read_path" read "$token"
run sqlite "$base/api/v1/persons" write "$token"
kill $spid; wait $spid 2>/dev/null

# --- PostgreSQL: one server, and two behind nginx ---
rm -rf "$cl"
scripts/cluster --dir "$cl" --port 0 --mutua "$mutua" --detach >/dev/null || die "scripts/cluster failed"
pgdb="postgresql:///mutua?host=$cl/sock&user=mutua"
"$mutua" --db "$pgdb" account add bench@mutua.example --role owner >/dev/null 2>&1
pgtoken=$("$mutua" --db "$pgdb" token create --name wrk --account bench@mutua.example) || die "PostgreSQL token failed"
s1=$(awk 'NR == 1 { print $2 }' "$cl/servers")
lb=$(cat "$cl/url")
run pg "$s1$read_path" read "$pgtoken"
run pg "$s1/api/v1/persons" write "$pgtoken"
run "pg-x2-nginx" "$lb$read_path" read "$pgtoken"
run "pg-x2-nginx" "$lb/api/v1/persons" write "$pgtoken"

# --- nginx and a static file: the ceiling ---
mkdir -p "$work/nginx-file/www"
cp "$work/persons.json" "$work/nginx-file/www/persons.json"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
{
	[ "$(id -u)" -eq 0 ] && echo "user root;"
	cat <<EOF
worker_processes 2;
daemon on;
pid $work/nginx-file/nginx.pid;
error_log $work/nginx-file/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $work/nginx-file/body;
	proxy_temp_path $work/nginx-file/proxy;
	fastcgi_temp_path $work/nginx-file/fastcgi;
	uwsgi_temp_path $work/nginx-file/uwsgi;
	scgi_temp_path $work/nginx-file/scgi;
	server {
		listen 127.0.0.1:$port;
		root $work/nginx-file/www;
		default_type application/json;
	}
}
EOF
} >"$work/nginx-file/nginx.conf"
nginx -p "$work/nginx-file" -c "$work/nginx-file/nginx.conf" || die "nginx did not start"
sleep 0.3
run "nginx-file" "http://127.0.0.1:$port/persons.json" read

ceiling=$(awk -F'\t' '$2 == "nginx-file" { print $3 }' "$work/wrk.tsv")
echo "the HTTP API under load: wrk -t2 -c64, ${secs} s a figure; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
awk -F'\t' -v c="$ceiling" '{
	printf "BENCH api_%s %s rps=%.0f p99_ms=%s ratio_nginx=%.2f%s\n", $1, $2, $3, $4, $3 / c,
		$5 == "" ? "" : "  (" $5 ")"
}' "$work/wrk.tsv"
