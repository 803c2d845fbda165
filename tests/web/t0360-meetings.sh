#!/bin/bash
# t0360-meetings: what a referral group's leader does in the web UI, in headless
# Chromium (tests/web/meetings.mjs), in English, Swedish and Danish, on the demo group
# served at a fixed time: a meeting added and its attendance taken with the keyboard
# (#/meetings), a referral slip written and moved to won (#/referrals), the scorecard's
# colours (#/scorecard), and the settings (#/settings), read-only for a viewer. Each
# is checked against the command line's --json. Writes docs/screenshots/meetings.png,
# referrals.png, scorecard.png and settings.png.
. "$(dirname "$0")/../lib/t.sh"

now=2026-11-23T10:00:00Z
ws="BNI Öresund — Lund"
m() { $MUTUA --now $now --workspace "$ws" "$@"; }

$MUTUA --now $now demo --kind group >/dev/null
t_eq "demo" "$?" 0
printf '%s\n' 'a web password of twelve+' >"$T_DIR/pw"
t_ok "an owner who can sign in" m account add web@example.org --name "Webb Testare" \
	--role owner --password-file "$T_DIR/pw"
t_ok "a viewer" m account add view@example.org --name "Vy Läsare" --role viewer \
	--password-file "$T_DIR/pw"

# what the pages must show, as the command line says it
t_ok "the network" m --json network list
network=$(jq -r '.items[0].id' "$T_OUT")
t_ok "its members on 20 November" m --json membership list --limit 1000
members=$(jq --arg n "$network" '[.items[] | select(.network_id == $n and .role != "visitor"
	and (.since == null or .since <= "2026-11-20") and (.until == null or .until >= "2026-11-20"))]
	| length' "$T_OUT")
jq -r '[.items[].person_id] | join(" ")' "$T_OUT" >"$T_DIR/member-ids"
t_ok "the people" m --json person list --limit 1000
# a visitor who is in the workspace already, but no member
visitor=$(jq -r --rawfile ids "$T_DIR/member-ids" \
	'($ids | rtrimstr("\n") | split(" ")) as $members
	 | [.items[] | select(.id as $id | $members | index($id) | not)][0].full_name' "$T_OUT")
t_ok "a visitor who is no member ($visitor)" test -n "$visitor"
t_ok "the scorecard" m --json scorecard
cp "$T_OUT" "$T_DIR/scorecard.json"

t_serve --workspace "$ws" --now $now
[ -n "$base" ] || { t_done; exit; }
unset T_TOKEN

# the new files, as the binary serves them
get() { command curl -s -o "$T_OUT" -w '%{http_code} %{content_type}' "$@"; }
for f in views/meetings.js views/referrals.js views/scorecard.js views/settings.js group.js \
	catalogues/meetings.js catalogues/referrals.js catalogues/scorecard.js catalogues/settings.js; do
	t_eq "$f" "$(get "$base/assets/$f")" "200 text/javascript; charset=utf-8"
	cp "$T_OUT" "$T_DIR/asset"
	t_ok "$f byte for byte" cmp "$T_DIR/asset" "$ROOT/web/$f"
	t_nomatch "no inline style nor HTML in $f" 'style=|\.style\.|innerHTML' "$ROOT/web/$f"
done

if t_browser meetings.mjs EMAIL=web@example.org VIEWER=view@example.org \
	PASSWORD='a web password of twelve+' SCORECARD="$T_DIR/scorecard.json" \
	MEMBERS="$members" VISITOR="$visitor" OUT="$T_DIR/made.json" \
	SHOTS="$ROOT/docs/screenshots"; then
	for shot in meetings referrals scorecard settings; do
		t_png "$ROOT/docs/screenshots/$shot.png"
	done
fi
[ -s "$T_DIR/made.json" ] || echo '{}' >"$T_DIR/made.json"
made() { jq -r ".$1 // empty" "$T_DIR/made.json"; }

# the meeting the browser added, and its attendance
meeting=$(made meeting)
t_ok "the meeting is there (${meeting:-none})" m --json meeting show "${meeting:-0}"
cp "$T_OUT" "$T_DIR/meeting.json"
t_jq "  on 20 November" '.at | startswith("2026-11-20")' true
t_jq "  at the place typed" '.place' "Stadshallen, Lund"
t_jq "  everyone marked" '.attendance | length' "$members"
t_jq "  the first absent" ".attendance[] | select(.person == \"$(made absent)\") | .code" A
t_jq "  the second late" ".attendance[] | select(.person == \"$(made late)\") | .code" L
t_jq "  the fourth medical" ".attendance[] | select(.person == \"$(made medical)\") | .code" M
t_jq "  the fifth sent a substitute" ".attendance[] | select(.person == \"$(made substitute)\") | .code" S
t_jq "  the others present" '[.attendance[] | select(.code == "P")] | length' $((members - 4))
t_jq "  two visitors" '.visitors | length' 2
t_jq "  the new one invited by the first member" '.visitors[0].invited_by' "$(made absent)"
t_ok "  the new visitor is a person" m --json person show "$(jq -r '.visitors[0].person' "$T_DIR/meeting.json")"
t_jq "    by the name typed" '.full_name' "Vera Besökare"
t_ok "  the known visitor is who they were" m --json person show "$(jq -r '.visitors[1].person' "$T_DIR/meeting.json")"
t_jq "    by name" '.full_name' "$visitor"
t_ok "  and not twice" m --json person list --limit 1000
t_jq "    one Vera Besökare" '[.items[] | select(.full_name == "Vera Besökare")] | length' 1

# the slip the browser wrote and moved
referral=$(made referral)
t_ok "the slip is there (${referral:-none})" m --json referral show "${referral:-0}"
t_jq "  won" '.status' won
t_jq "  after each step" '[.history[].status] | join(" ")' "given contacted won"
t_jq "  for 12 500,00 kr" '.closed_value.amount' 1250000
t_jq "  through the network" '.network_id' "$network"
t_jq "  from and to" "[.giver, .receiver] | join(\" \")" "$(made giver) $(made receiver)"
t_ok "  about a new person" m --json person show "$(jq -r .prospect_person "$T_OUT")"
t_jq "    by the name typed" '.full_name' "Petra Prospekt"
t_ok "the ledger" m --json exchange list --limit 1000
t_jq "  has the thank-you for it" \
	"[.items[] | select(.referral_id == \"$referral\" and .kind == \"closed_business\") | .amount.amount] | join(\" \")" \
	1250000

# the settings the browser changed
t_ok "the settings" m --json workspace show
t_jq "  the third weight as typed in Danish (0,3)" '.settings.fit_weights[2]' 0.3
t_jq "  the others kept" '.settings.fit_weights | del(.[2]) | map(tostring) | join(" ")' "0.2 0.2 0.2 0.2"
t_jq "  green as typed in Swedish" '.settings.scorecard.green' 0.75
t_ok "the audit trail names the change" m --json audit
t_jq "  by the owner" '[.[] | select(.entity == "workspace")] | map(.actor) | unique | join(" ")' \
	"web@example.org"
t_nomatch "the log names no e-mail" "web@example\.org" "$T_DIR/serve.err"
t_serve_stop
t_done
