#!/bin/bash
# t0340-ledger: give and take (#/ledger), asks and offers (#/asks), partner fit with its
# heat map (#/fit) and power teams (#/powerteams) in headless Chromium
# (tests/web/ledger.mjs), in English, Swedish and Danish, on the demo group served at a
# fixed time. What the pages show is compared with what the CLI answers the same
# account; what the browser records (an exchange, an accepted match, an ask) is then
# looked for with the CLI. Writes docs/screenshots/ledger.png, asks.png, fit.png and
# powerteams.png.
. "$(dirname "$0")/../lib/t.sh"

now=2026-11-23T10:00:00Z
ws="BNI Öresund — Lund"
email=web@example.org
m() { $MUTUA --workspace "$ws" --now $now --user $email "$@"; }

t_ok "demo" $MUTUA --now $now demo --kind group
printf '%s\n' 'a web password of twelve+' >"$T_DIR/pw"
t_ok "an owner who can sign in" $MUTUA --workspace "$ws" account add $email \
	--name "Webb Testare" --role owner --password-file "$T_DIR/pw"

# what the pages must show, as the CLI answers the account that signs in
cli=$T_DIR/cli
mkdir -p "$cli"
t_ok "Emma's balance" m --json balance --member "Emma Larsson"
cp "$T_OUT" "$cli/balance.json"
t_ok "Emma's ledger" m --json ledger "Emma Larsson"
cp "$T_OUT" "$cli/ledger.json"
t_ok "every member's balance" m --json balance
cp "$T_OUT" "$cli/group.json"
t_ok "Emma with Viktor" m --json fit "Emma Larsson" "Viktor Sandberg"
cp "$T_OUT" "$cli/fit.json"
t_ok "the fit matrix" m --json fit --matrix
cp "$T_OUT" "$cli/matrix.json"
t_jq "pairs of 26 profiles" '.pairs | length' 325 "$cli/matrix.json"
t_ok "Emma's partners" m --json partners "Emma Larsson" --top 10
cp "$T_OUT" "$cli/partners.json"
t_ok "power teams" m --json powerteams --top 10
cp "$T_OUT" "$cli/powerteams.json"
t_ok "the matches" m --json matches --top 5
cp "$T_OUT" "$cli/matches.json"
t_ok "the asks" m --json ask list --limit 1000
cp "$T_OUT" "$cli/asks.json"
t_ok "the offers" m --json offer list --limit 1000
cp "$T_OUT" "$cli/offers.json"
asker=$(jq -r '.asks[0].person.name' "$cli/matches.json")
helper=$(jq -r '.asks[0].matches[0].name' "$cli/matches.json")
given=$(jq -r '.given' "$cli/balance.json")

t_serve --workspace "$ws" --now $now
[ -n "$base" ] || { t_done; exit; }
unset T_TOKEN

# the new files, as the binary serves them
get() { command curl -s -o "$T_OUT" -w '%{http_code} %{content_type}' "$@"; }
for f in views/ledger.js views/asks.js views/fit.js views/powerteams.js people.js \
	catalogues/ledger.js catalogues/asks.js catalogues/fit.js catalogues/powerteams.js; do
	t_eq "$f" "$(get "$base/assets/$f")" "200 text/javascript; charset=utf-8"
	cp "$T_OUT" "$T_DIR/asset"
	t_ok "$f byte for byte" cmp "$T_DIR/asset" "$ROOT/web/$f"
	t_nomatch "no inline style nor HTML strings in $f" 'style=|\.style\.|innerHTML' "$ROOT/web/$f"
done

# the browser
if t_browser ledger.mjs EMAIL=$email PASSWORD='a web password of twelve+' CLI="$cli" \
	SHOTS="$ROOT/docs/screenshots"; then
	for shot in ledger asks fit powerteams; do t_png "$ROOT/docs/screenshots/$shot.png"; done
fi
t_nomatch "the log names no e-mail" "web@example\.org" "$T_DIR/serve.err"
t_serve_stop

# what the browser recorded, as the CLI sees it
t_ok "Emma's balance afterwards" m --json balance --member "Emma Larsson"
t_jq "she has given one point more (the help recorded in the browser)" \
	".given == ($given + 1 | . * 10000 | round / 10000)" true
t_ok "Emma's ledger" m --json ledger "Emma Larsson"
t_jq "the help to Viktor on 20 November is in it" \
	'[.exchanges[] | select(.kind == "help" and .receiver.name == "Viktor Sandberg" and .at == "2026-11-20T12:00:00Z")] | length' 1
t_ok "the exchange itself" m --json exchange list --limit 1000
t_jq "with its note and network" \
	'[.items[] | select(.note == "Recorded in the browser" and .network_id != null and .points == 1)] | length' 1
t_ok "the asker's ledger" m --json ledger "$asker"
t_jq "the accepted match: an introduction from $helper to $asker" \
	"[.exchanges[] | select(.kind == \"introduction\" and .giver.name == \"$helper\" and .receiver.name == \"$asker\" and .at == \"$now\")] | length" 1
t_ok "the asks" m --json ask list --limit 1000
t_jq "the ask posted in the browser, with its segment" \
	'[.items[] | select(.text == "Introduktion till ekonomichefer i Lund" and .segment.role_function == "finance" and .segment.region == "SE-M")] | length' 1
t_done
