#!/usr/bin/env bash
# bench/web-paint.sh MUTUA WORK - the web UI's first paint per page (bench/web-paint.mjs)
# on the demo workspace (`mutua demo`) served on loopback, as `make run` serves it.
# Needs chromium and tests/tools' puppeteer-core: installs them with scripts/deps --test.
set -u
mutua=$1 work=$2
db=$work/web-paint.db
pw=$work/web-paint.pw

if [ ! -x /usr/bin/chromium ] || [ ! -d tests/tools/node_modules/puppeteer-core ]; then
	scripts/deps --test >&2 || { echo "bench: web first paint skipped: scripts/deps --test failed" >&2; exit 1; }
fi
rm -f "$db" "$db"-wal "$db"-shm
"$mutua" --db "$db" demo >/dev/null || exit 1
printf '%s\n' 'a bench password, long enough' >"$pw"
"$mutua" --db "$db" account add paint@bench.example --name "Bench Paint" --role owner \
	--password-file "$pw" >/dev/null || exit 1
"$mutua" --db "$db" serve --listen 127.0.0.1:0 >"$work/web-paint.out" 2>"$work/web-paint.err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
base=
for _ in $(seq 100); do
	base=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/web-paint.out" 2>/dev/null | head -1)
	[ -n "$base" ] && break
	sleep 0.1
done
[ -n "$base" ] || { echo "bench: the server did not start: $(cat "$work/web-paint.err")" >&2; exit 1; }
echo "web UI first paint: the demo workspace ($("$mutua" --db "$db" --json person list --limit 1000 | jq '.items | length') people or more) on $base, ${BENCH_PAINT_RUNS:-5} loads a page"
node bench/web-paint.mjs "$base" paint@bench.example 'a bench password, long enough' "${BENCH_PAINT_RUNS:-5}"
