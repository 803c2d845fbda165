#!/bin/bash
# t0140-access: the access-control walk over the whole route table (tests/tools/walk-routes),
# sessions and their cookies, CSRF, throttling, and the security headers.
. "$ROOT/tests/lib/t.sh"
now=2026-11-23T10:00:00Z
m() { $MUTUA --now $now "$@"; }

# workspace 1 is small; workspace 2 (the demo) has ids far beyond it, and nobody below
# has a role there
t_ok "init" m init --name Small --kind personal
t_ok "a person" m --workspace Small --json person add --full-name "Liten Person"
liten=$(jq -r .id "$T_OUT")
t_ok "demo" m demo --kind group
demo=$(m --json workspace list | jq -r '.[] | select(.name != "Small") | .id')
foreign=$(m --workspace "$demo" --json person list | jq -r '.items[-1].id')
t_ok "its ids are not in Small" test "$foreign" -gt 100
echo 'a password of twelve+' >"$T_DIR/pw"
for role in viewer member admin owner; do
	t_ok "account $role" m --workspace Small account add "$role@example.org" --role "$role" \
		--password-file "$T_DIR/pw"
	m --workspace Small token create --name walk --account "$role@example.org" >"$T_DIR/$role.tok"
done
t_ok "the member is Liten Person" m --workspace Small account link member@example.org "Liten Person"
jq -n --rawfile v "$T_DIR/viewer.tok" --rawfile m "$T_DIR/member.tok" \
	--rawfile a "$T_DIR/admin.tok" --rawfile o "$T_DIR/owner.tok" \
	'{viewer: ($v|rtrimstr("\n")), member: ($m|rtrimstr("\n")), admin: ($a|rtrimstr("\n")),
	  owner: ($o|rtrimstr("\n"))}' >"$T_DIR/tokens.json"

t_serve --workspace Small --now $now
unset T_TOKEN
command curl -s "$base/api/v1/openapi.json" -o "$T_DIR/openapi.json"
t_ok "walk every route x every role x anonymous x another workspace" \
	/usr/bin/python3 "$ROOT/tests/tools/walk-routes" "$base" "$T_DIR/openapi.json" \
	"$T_DIR/tokens.json" "$demo" "$foreign"
t_match "walked them all" "walked [0-9]+ calls, 0 failures" "$T_OUT"
walked=$(grep -oE 'walked [0-9]+' "$T_OUT" | grep -oE '[0-9]+')
t_ok "hundreds of calls ($walked)" test "${walked:-0}" -gt 500

# a session: cookie flags, a new token at each login, CSRF, logout
login() {
	command curl -s -D "$T_DIR/h" -o "$T_OUT" -w '%{http_code}' -X POST \
		-H 'Content-Type: application/json' "$@" "$base/api/v1/login"
}
code=$(login -d '{"email": "member@example.org", "password": "a password of twelve+"}')
t_eq "sign in" "$code" 200
t_match "an HttpOnly, SameSite=Lax session cookie" \
	"^Set-Cookie: mutua_session=[A-Za-z0-9_-]{43}; Path=/; Max-Age=[0-9]+; HttpOnly; SameSite=Lax" "$T_DIR/h"
t_nomatch "not Secure over plain HTTP" "Secure" "$T_DIR/h"
cookie1=$(grep -oE 'mutua_session=[^;]+' "$T_DIR/h")
csrf=$(jq -r .csrf_token "$T_OUT")
t_jq "the account's workspaces" '.workspaces[0].role' "member"
t_jq "and whom it is in each" '.workspaces[0].person' "$liten"
code=$(login -d '{"email": "member@example.org", "password": "a password of twelve+"}')
cookie2=$(grep -oE 'mutua_session=[^;]+' "$T_DIR/h")
t_ok "a new token at each login" test "$cookie1" != "$cookie2"
code=$(login -d 'email=member@example.org' -H 'Content-Type: application/x-www-form-urlencoded')
t_eq "sign-in takes JSON only (no cross-site forms)" "$code" 400
sess() { command curl -s -o "$T_OUT" -w '%{http_code}' -H "Cookie: $cookie1" "$@"; }
t_eq "the cookie reads" "$(sess "$base/api/v1/persons")" 200
t_eq "a change without the CSRF token" "$(sess -X POST -H 'Content-Type: application/json' \
	-d '{"full_name": "X"}' "$base/api/v1/persons")" 403
t_jq "says why" '.error.field' "X-CSRF-Token"
t_eq "a change with another session's CSRF token" "$(sess -X POST -H "X-CSRF-Token: ${csrf}0" \
	-H 'Content-Type: application/json' -d '{"full_name": "X"}' "$base/api/v1/persons")" 403
t_eq "a change with it" "$(sess -X POST -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
	-d '{"full_name": "Med Token"}' "$base/api/v1/persons")" 201
t_eq "another workspace by name" "$(sess -H "X-Mutua-Workspace: $demo" "$base/api/v1/persons")" 404
t_eq "sign out" "$(sess -X POST -H "X-CSRF-Token: $csrf" "$base/api/v1/logout")" 204
t_eq "the cookie is dead" "$(sess "$base/api/v1/persons")" 401
t_eq "the other session lives" "$(command curl -s -o /dev/null -w '%{http_code}' \
	-H "Cookie: $cookie2" "$base/api/v1/session")" 200
code=$(login -d '{"email": "viewer@example.org", "password": "a password of twelve+"}')
t_jq "an account linked to no one is no one" '.workspaces[0].person' "null"

# throttling: ten failures a minute, then 429 with Retry-After, whether the account
# exists or not, and with the same answer for both before that
code=$(login -d '{"email": "owner@example.org", "password": "wrong password!"}')
t_eq "a wrong password" "$code" 401
msg1=$(jq -c .error "$T_OUT")
code=$(login -d '{"email": "nobody@example.org", "password": "wrong password!"}')
t_eq "an unknown account" "$code" 401
t_eq "the same answer" "$(jq -c .error "$T_OUT")" "$msg1"
for _ in $(seq 9); do login -d '{"email": "owner@example.org", "password": "x"}' >/dev/null; done
code=$(login -d '{"email": "owner@example.org", "password": "a password of twelve+"}')
t_eq "throttled, even with the right password" "$code" 429
t_match "Retry-After" "^Retry-After: [0-9]+" "$T_DIR/h"
t_jq "too_many" '.error.code' "too_many"
t_serve_stop

# behind a proxy that says https, the cookie is Secure and the client is the forwarded one
t_serve --workspace Small --now $now
$MUTUA --now $now serve --listen 127.0.0.1:0 --proxy >"$T_DIR/p.out" 2>"$T_DIR/p.err" &
ppid_=$!
for _ in $(seq 50); do grep -q serving "$T_DIR/p.out" 2>/dev/null && break; sleep 0.1; done
pbase=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$T_DIR/p.out")
code=$(command curl -s -D "$T_DIR/h" -o "$T_OUT" -w '%{http_code}' -X POST \
	-H 'Content-Type: application/json' -H 'X-Forwarded-Proto: https' \
	-H 'X-Forwarded-For: 203.0.113.9' -d '{"email": "viewer@example.org",
	"password": "a password of twelve+"}' "$pbase/api/v1/login")
t_eq "sign in through the proxy" "$code" 200
t_match "Secure behind https" "^Set-Cookie: .*; Secure" "$T_DIR/h"
kill -TERM "$ppid_"; wait "$ppid_"

# every response carries the security headers
command curl -s -D "$T_DIR/h" -o /dev/null "$base/api/v1/health"
t_match "CSP without inline script" "^Content-Security-Policy: .*script-src 'self';" "$T_DIR/h"
t_match "no framing" "^Content-Security-Policy: .*frame-ancestors 'none'" "$T_DIR/h"
t_match "nosniff" "^X-Content-Type-Options: nosniff" "$T_DIR/h"
t_match "a referrer policy" "^Referrer-Policy: no-referrer" "$T_DIR/h"
t_serve_stop

# nothing secret or personal in the server's log
t_nomatch "no password, token or e-mail in the log" \
	"twelve|mutua_[0-9]+_|@example\.org|Liten|session=" "$T_DIR/serve.err"
t_done
