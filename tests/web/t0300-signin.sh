#!/bin/bash
# t0300-signin: the web UI's files are served by the binary, its catalogues are
# complete, and its sign-in page works in headless Chromium (tests/web/signin.mjs,
# puppeteer-core and Debian's chromium, both installed by scripts/deps --test), and
# its modules and style sheet are well-formed:
# English, Swedish and Danish, a wrong password, throttling, signing in and out.
. "$(dirname "$0")/../lib/t.sh"

web=$ROOT/tests/web

# the catalogues, without a browser
node "$web/check-catalogues.mjs" "$ROOT/web" >"$T_OUT" 2>"$T_ERR"
rc=$?
t_count_lines <"$T_OUT"
t_eq "check-catalogues.mjs exits 0 (stderr: $(head -c 300 "$T_ERR"))" "$rc" 0

# every module of web/ parses as the browser parses it (an identifier declared twice, a
# brace too few: one such mistake stops every page), and app.css's braces pair up
for f in $(cd "$ROOT/web" && find . -name '*.js' | sort); do
	cp "$ROOT/web/$f" "$T_DIR/module.mjs"
	t_ok "web/${f#./} parses as a module" node --check "$T_DIR/module.mjs"
done
css_depth=$(sed 's|/\*.*\*/||g' "$ROOT/web/app.css" | tr -cd '{}' | awk '{ d = 0; for (i = 1; i <= length($0); i++) { d += substr($0, i, 1) == "{" ? 1 : -1; if (d < 0) { print "closes too soon"; exit } } print d }')
t_eq "app.css: every { has its }" "$css_depth" 0

t_ok "demo" $MUTUA demo --kind group
ws="BNI Öresund — Lund"
printf '%s\n' 'a web password of twelve+' >"$T_DIR/pw"
t_ok "an owner who can sign in" $MUTUA --workspace "$ws" account add web@example.org \
	--name "Webb Testare" --role owner --password-file "$T_DIR/pw"
t_ok "a second workspace" $MUTUA init --name "Andra rummet" --kind personal
t_ok "where the owner is a viewer" $MUTUA --workspace "Andra rummet" account role \
	web@example.org viewer

t_serve --workspace "$ws"
[ -n "$base" ] || { t_done; exit; }
unset T_TOKEN

# the files, as the binary serves them
get() { command curl -s -o "$T_OUT" -D "$T_DIR/h" -w '%{http_code} %{content_type}' "$@"; }
t_eq "/ is index.html" "$(get "$base/")" "200 text/html; charset=utf-8"
t_match "the page loads app.js as a module" '<script type="module" src="/assets/app.js">' "$T_OUT"
t_match "with the security headers" "^Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self';" "$T_DIR/h"
t_nomatch "no inline script" '<script>|<script [^>]*>[^<]' "$T_OUT"
t_nomatch "no inline style" '<style|style=' "$T_OUT"
t_eq "app.js" "$(get "$base/assets/app.js")" "200 text/javascript; charset=utf-8"
t_eq "a view in a folder" "$(get "$base/assets/views/signin.js")" "200 text/javascript; charset=utf-8"
t_eq "app.css" "$(get "$base/assets/app.css")" "200 text/css; charset=utf-8"
t_eq "icon.svg" "$(get "$base/assets/icon.svg")" "200 image/svg+xml"
cp "$T_OUT" "$T_DIR/icon.svg"
t_ok "byte for byte" cmp "$T_DIR/icon.svg" "$ROOT/web/icon.svg"
t_eq "HEAD" "$(get -I "$base/assets/app.js")" "200 text/javascript; charset=utf-8"
t_eq "an unknown asset" "$(get "$base/assets/nope.js")" "404 application/json; charset=utf-8"
t_jq "is the usual error" '.error.code' "not_found"
t_eq "no way out of the embedded files" "$(get --path-as-is "$base/assets/../../etc/passwd")" \
	"404 application/json; charset=utf-8"
t_eq "another path" "$(get "$base/signin")" "404 application/json; charset=utf-8"
t_eq "POST to the page" "$(get -X POST "$base/")" "405 application/json; charset=utf-8"
t_match "allows GET" "^Allow: GET, HEAD" "$T_DIR/h"
t_eq "the API is still the API" "$(get "$base/api/v1/nope")" "404 application/json; charset=utf-8"
t_jq "with its own message" '.error.message' "there is no resource at this path"

# the browser
t_browser signin.mjs EMAIL=web@example.org PASSWORD='a web password of twelve+' \
	WORKSPACE="$ws" OTHER="Andra rummet" SCREENSHOT="$ROOT/docs/screenshots/signin.png" &&
	t_png "$ROOT/docs/screenshots/signin.png"
t_nomatch "the log names no e-mail" "web@example\.org|nobody@example\.org" "$T_DIR/serve.err"
t_serve_stop
t_done
