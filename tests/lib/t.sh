# tests/lib/t.sh - the shell side of the test runner: assertions that count.
# A test file sources this, calls the t_* functions, and ends with t_done.
# $MUTUA is the sanitizer build of the program; every run is checked for sanitizer
# reports whatever its exit status.

T_PASS=0
T_FAIL=0
T_NAME=$(basename "$0" .sh)
T_DIR=$(mktemp -d "${TMPDIR:-/tmp}/mutua-test.XXXXXX")
T_OUT=$T_DIR/out
T_ERR=$T_DIR/err
export MUTUA_DB=$T_DIR/test.db
# On PostgreSQL (tests/store/t0510-postgres-suite.sh runs tests so): a database of the
# test's own on the server MUTUA_TEST_PG names ("SOCKET_DIR PORT BIN_DIR").
if [ -n "${MUTUA_TEST_PG:-}" ]; then
	read -r t_pg_sock t_pg_port t_pg_bin <<<"$MUTUA_TEST_PG"
	t_pg_db=t_$(basename "$T_DIR" | tr -dc 'a-zA-Z0-9' | tr 'A-Z' 'a-z')
	"$t_pg_bin/createdb" -h "$t_pg_sock" -p "$t_pg_port" -U mutua "$t_pg_db" || exit 1
	MUTUA_DB="postgresql:///$t_pg_db?host=$t_pg_sock&port=$t_pg_port&user=mutua"
	T_NAME="$T_NAME (postgresql)"
fi
unset MUTUA_WORKSPACE MUTUA_USER
trap 'rm -rf "$T_DIR"' EXIT

t_pass() { T_PASS=$((T_PASS + 1)); }
t_fail() { T_FAIL=$((T_FAIL + 1)); printf 'FAIL %s: %s\n' "$T_NAME" "$*" >&2; }

# t_sanitizer_clean: no sanitizer report in the last run's stderr
t_sanitizer_clean() {
	if grep -qE 'Sanitizer|runtime error:' "$T_ERR" 2>/dev/null; then
		t_fail "$1: sanitizer report:"; head -40 "$T_ERR" >&2
		return 1
	fi
	return 0
}

# t_exit NAME WANT CMD...: run CMD (stdout in $T_OUT, stderr in $T_ERR), want its exit status
t_exit() {
	local name=$1 want=$2 rc
	shift 2
	"$@" >"$T_OUT" 2>"$T_ERR" </dev/null
	rc=$?
	t_sanitizer_clean "$name" || return 1
	if [ "$rc" -eq "$want" ]; then
		t_pass
	else
		t_fail "$name: exit $rc, want $want; stderr: $(head -c 600 "$T_ERR")"
		return 1
	fi
}

t_ok() { t_exit "$1" 0 "${@:2}"; }

# t_eq NAME GOT WANT
t_eq() {
	if [ "$2" == "$3" ]; then t_pass; else t_fail "$1: got '$2', want '$3'"; fi
}

# t_match NAME REGEX FILE: the file has a line matching the extended regex
t_match() {
	if grep -qE -- "$2" "$3"; then t_pass; else
		t_fail "$1: no line matches /$2/ in $(basename "$3"):"; head -c 800 "$3" >&2; echo >&2
	fi
}

t_nomatch() {
	if grep -qE -- "$2" "$3"; then t_fail "$1: a line matches /$2/ in $(basename "$3")"; else t_pass; fi
}

# t_jq NAME FILTER WANT [FILE]: jq -r FILTER on the file (default $T_OUT) gives WANT
t_jq() {
	local got
	got=$(jq -r "$2" "${4:-$T_OUT}" 2>&1)
	t_eq "$1" "$got" "$3"
}

# curl, signed in with $T_TOKEN when t_serve made one; `command curl` goes anonymous.
curl() {
	if [ -n "${T_TOKEN:-}" ]; then
		command curl -H "Authorization: Bearer $T_TOKEN" "$@"
	else
		command curl "$@"
	fi
}

# t_token ARGS...: an owner account tester@example.org in the workspace of `$MUTUA ARGS`
# (made once) and an API token for it in $T_TOKEN.
t_token() {
	$MUTUA "$@" account add tester@example.org --role owner >/dev/null 2>&1 ||
		$MUTUA "$@" account role tester@example.org owner >/dev/null
	T_TOKEN=$($MUTUA "$@" token create --name tests --account tester@example.org)
}

# t_serve ARGS...: start `$MUTUA ARGS serve` on an OS-chosen loopback port; sets $pid
# and $base (http://127.0.0.1:PORT), signs curl in (t_token) and counts whether it
# started.
t_serve() {
	t_token "$@"
	$MUTUA "$@" serve --listen 127.0.0.1:0 >"$T_DIR/serve.out" 2>"$T_DIR/serve.err" &
	pid=$!
	for _ in $(seq 100); do
		grep -q "serving http" "$T_DIR/serve.out" 2>/dev/null && break
		sleep 0.1
	done
	base=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$T_DIR/serve.out" | head -1)
	if [ -n "$base" ]; then t_pass; else t_fail "server did not start: $(cat "$T_DIR/serve.err")"; fi
}

# t_serve_stop: SIGTERM stops the server cleanly, and it reported no sanitizer finding.
t_serve_stop() {
	kill -TERM "$pid"
	wait "$pid"
	t_eq "SIGTERM stops the server cleanly" "$?" 0
	cp "$T_DIR/serve.err" "$T_ERR"
	t_sanitizer_clean "server" && t_pass
}

# t_count_lines < FILE: "ok NAME" passes, "not ok NAME: why" fails, as the node tests
# (tests/web/*.mjs) print them; other lines go to stderr.
t_count_lines() {
	local line
	while IFS= read -r line; do
		case $line in
		"ok "*) t_pass ;;
		"not ok "*) t_fail "${line#not ok }" ;;
		*) printf '%s\n' "$line" >&2 ;;
		esac
	done
}

# t_browser SCRIPT [VAR=VALUE ...]: tests/web/SCRIPT in headless Chromium (node,
# puppeteer-core) against $base with the environment given, its lines counted
# (t_count_lines) and its exit status checked. 1 if the browser is not installed.
t_browser() {
	local script=$1 rc
	shift
	if [ ! -x /usr/bin/chromium ] || [ ! -d "$ROOT/tests/tools/node_modules/puppeteer-core" ]; then
		t_fail "chromium or puppeteer-core is not installed: run scripts/deps --test"
		return 1
	fi
	mkdir -p "$ROOT/docs/screenshots"
	env BASE="$base" "$@" timeout 600 node "$ROOT/tests/web/$script" \
		>"$T_DIR/browser.out" 2>"$T_DIR/browser.err"
	rc=$?
	t_count_lines <"$T_DIR/browser.out"
	t_eq "$script exits 0 (stderr: $(head -c 600 "$T_DIR/browser.err"))" "$rc" 0
}

# t_png FILE: FILE is a PNG picture.
t_png() {
	t_ok "$(basename "$1") is a PNG" python3 -c \
		"import sys; sys.exit(open(sys.argv[1],'rb').read(8) != b'\x89PNG\r\n\x1a\n')" "$1"
}

t_done() {
	echo "$T_NAME: $T_PASS passed, $T_FAIL failed"
	[ -n "${T_COUNTS:-}" ] && echo "$T_PASS $T_FAIL" >>"$T_COUNTS"
	[ "$T_FAIL" -eq 0 ]
}
