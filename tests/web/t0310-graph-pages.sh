#!/bin/bash
# t0310-graph-pages: the web UI's warm paths (#/paths) and network map (#/map) in
# headless Chromium (tests/web/graph-pages.mjs), in English, Swedish and Danish, on the
# demo group served at a fixed time, so that the data, and so the picture, stay the
# same; and the map's layout without a browser (tests/web/layout-check.mjs). Writes
# docs/screenshots/map.png and paths.png.
. "$(dirname "$0")/../lib/t.sh"

web=$ROOT/tests/web
now=2026-11-23T10:00:00Z

# the layout, without a browser
node "$web/layout-check.mjs" "$ROOT/web" >"$T_OUT" 2>"$T_ERR"
rc=$?
t_count_lines <"$T_OUT"
t_eq "layout-check.mjs exits 0 (stderr: $(head -c 300 "$T_ERR"))" "$rc" 0

t_ok "demo" $MUTUA --now $now demo --kind group
ws="BNI Öresund — Lund"
org="Sydkustens Sparbank"
printf '%s\n' 'a web password of twelve+' >"$T_DIR/pw"
t_ok "an owner who can sign in" $MUTUA --workspace "$ws" account add web@example.org \
	--name "Webb Testare" --role owner --password-file "$T_DIR/pw"

t_serve --workspace "$ws" --now $now
[ -n "$base" ] || { t_done; exit; }

# what the pages draw, as the API answers it
t_ok "the map" curl -sf -o "$T_OUT" "$base/api/v1/map"
t_jq "has people" '.nodes | length > 0' true
t_jq "and ties" '.edges | length > 0' true
t_ok "a warm path" curl -sf -o "$T_OUT" "$base/api/v1/path?from=Anna%20Lind&to=Emma%20Larsson"
t_jq "three of them" '.found' 3
t_ok "to $org" curl -sf -o "$T_OUT" -G "$base/api/v1/path" --data-urlencode "from=Anna Lind" \
	--data-urlencode "organisation=$org"
t_jq "at least one" '.found > 0' true
unset T_TOKEN

# the new files, as the binary serves them
get() { command curl -s -o "$T_OUT" -w '%{http_code} %{content_type}' "$@"; }
for f in views/map.js views/paths.js layout.js; do
	t_eq "$f" "$(get "$base/assets/$f")" "200 text/javascript; charset=utf-8"
	cp "$T_OUT" "$T_DIR/asset"
	t_ok "$f byte for byte" cmp "$T_DIR/asset" "$ROOT/web/$f"
done
t_eq "the page" "$(get "$base/")" "200 text/html; charset=utf-8"
t_match "has the nav" '<nav id="nav"' "$T_OUT"
t_nomatch "no inline style in the views" 'style=|\.style\.|innerHTML' "$ROOT/web/views/map.js"
t_nomatch "nor in the paths" 'style=|\.style\.|innerHTML' "$ROOT/web/views/paths.js"

# the browser
if t_browser graph-pages.mjs EMAIL=web@example.org PASSWORD='a web password of twelve+' \
	ORGANISATION="$org" SHOTS="$ROOT/docs/screenshots"; then
	t_png "$ROOT/docs/screenshots/map.png"
	t_png "$ROOT/docs/screenshots/paths.png"
fi
t_nomatch "the log names no e-mail" "web@example\.org" "$T_DIR/serve.err"
t_serve_stop
t_done
