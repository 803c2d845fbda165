#!/bin/bash
# t0390-every-page: every page of the web UI (the nav's links and a person's page) in
# English, Swedish and Danish, at 1000 and 375 px, in headless Chromium
# (tests/web/every-page.mjs): its own title and heading in the language, no catalogue key
# shown raw, nothing sideways on a phone, and no console error, page error or failed
# request on the way; then the phone's menu. The pages' own tests check what they say.
. "$(dirname "$0")/../lib/t.sh"

now=2026-11-23T10:00:00Z
t_ok "demo" $MUTUA --now $now demo --kind group
ws="BNI Öresund — Lund"
printf '%s\n' 'a web password of twelve+' >"$T_DIR/pw"
t_ok "an owner who can sign in" $MUTUA --workspace "$ws" account add web@example.org \
	--name "Webb Testare" --role owner --password-file "$T_DIR/pw"
t_ok "a person" $MUTUA --workspace "$ws" --json person list --limit 1
person=$(jq -r '.items[0].id' "$T_OUT")

t_serve --workspace "$ws" --now $now
[ -n "$base" ] || { t_done; exit; }
unset T_TOKEN
t_browser every-page.mjs EMAIL=web@example.org PASSWORD='a web password of twelve+' PERSON="$person"
t_serve_stop
t_done
