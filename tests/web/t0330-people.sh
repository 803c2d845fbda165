#!/bin/bash
# t0330-people: the pages a networker opens every morning, in headless Chromium
# (tests/web/people.mjs), in English, Swedish and Danish, on the demo group served at a
# fixed time: today's agenda (#/agenda, where signing in lands) against `mutua agenda`,
# a thank-you recorded and a task done from it; the people (#/people), searched, and
# one added; a person's page (#/person) with their ties and a timeline holding the
# exchanges `mutua ledger` lists, a tie added and a detail edited. What the browser
# did is then read back with the command line. Writes docs/screenshots/agenda.png,
# people.png and person.png.
. "$(dirname "$0")/../lib/t.sh"

now=2026-11-23T10:00:00Z
ws="BNI Öresund — Lund"
t_ok "demo" $MUTUA --now $now demo --kind group
printf '%s\n' 'a web password of twelve+' >"$T_DIR/pw"
t_ok "an owner who can sign in" $MUTUA --workspace "$ws" account add web@example.org \
	--name "Webb Testare" --role owner --password-file "$T_DIR/pw"
t_ok "who is Anna Lind" $MUTUA --workspace "$ws" account link web@example.org "Anna Lind"
# what the command line says, as the same account sees it
w() { $MUTUA --now $now --workspace "$ws" --user web@example.org "$@"; }
t_ok "Anna's agenda" w --json agenda "Anna Lind"
anna=$(jq -r .person.id "$T_OUT")
agenda=$(jq '.items | length' "$T_OUT")
follow_ups=$(jq '[.items[] | select(.kind == "follow_up")] | length' "$T_OUT")
thanks=$(jq '[.items[] | select(.kind == "thank")] | length' "$T_OUT")
t_ok "something to thank for" test "$thanks" -gt 0 -a "$follow_ups" -gt 0
t_ok "her agenda on 1 October" w --json --date 2026-10-01 agenda "Anna Lind"
agenda_oct=$(jq '.items | length' "$T_OUT")
t_ok "everyone's" w --json agenda
agenda_all=$(jq '.items | length' "$T_OUT")
t_ok "her ledger" w --json ledger "Anna Lind"
ledger=$(jq -r '[.exchanges[].id] | join(",")' "$T_OUT")
t_ok "her timeline" w --json timeline "Anna Lind"
ties=$(jq '.ties | length' "$T_OUT")
t_ok "her open tasks" w --json task list
tasks=$(jq --arg a "$anna" '[.items[] | select(.done_at == null and (.owner_person == $a or .person == $a))] | length' "$T_OUT")
t_ok "people called Lind" test "$(w --json person list --limit 1000 | jq '[.items[] | select(.full_name | test("Lind"))] | length')" -gt 1

t_serve --workspace "$ws" --now $now
[ -n "$base" ] || { t_done; exit; }
unset T_TOKEN

# the new files, as the binary serves them
get() { command curl -s -o "$T_OUT" -w '%{http_code} %{content_type}' "$@"; }
for f in views/agenda.js views/people.js views/person.js names.js catalogues/agenda.js \
	catalogues/people.js catalogues/person.js; do
	t_eq "$f" "$(get "$base/assets/$f")" "200 text/javascript; charset=utf-8"
	cp "$T_OUT" "$T_DIR/asset"
	t_ok "$f byte for byte" cmp "$T_DIR/asset" "$ROOT/web/$f"
	t_nomatch "no inline style or HTML strings in $f" 'style=|\.style\.|innerHTML' "$ROOT/web/$f"
done

if t_browser people.mjs EMAIL=web@example.org PASSWORD='a web password of twelve+' \
	ANNA="$anna" AGENDA="$agenda" AGENDA_OCT="$agenda_oct" AGENDA_ALL="$agenda_all" \
	LEDGER="$ledger" TIES="$ties" TASKS="$tasks" SHOTS="$ROOT/docs/screenshots"; then
	t_png "$ROOT/docs/screenshots/agenda.png"
	t_png "$ROOT/docs/screenshots/people.png"
	t_png "$ROOT/docs/screenshots/person.png"
fi

# what the browser did, read back with the command line
t_ok "the person added in the browser" w --json person list --limit 1000
t_jq "is there once" '[.items[] | select(.full_name == "Greta Testsson")] | length' 1
t_jq "with what the form said" \
	'.items[] | select(.full_name == "Greta Testsson") | [(.emails | join(" ")), (.tags | join(" ")), .legal_basis, .private, .title] | map(tostring) | join("|")' \
	"greta@testsson.se|test web|consent|true|Styrelseordförande"
greta=$(jq -r '.items[] | select(.full_name == "Greta Testsson") | .id' "$T_OUT")
org=$(jq -r '.items[] | select(.full_name == "Greta Testsson") | .organisation_id' "$T_OUT")
t_eq "at the organisation chosen" "$(w --json org show "$org" | jq -r .name)" "Lind Rekrytering AB"
t_ok "her tie to Anna Lind" w --json timeline "$greta"
t_jq "one tie, inner, met at a lunch" '.ties | map(.person.name + " " + .tier + " " + .how_met) | join(",")' \
	"Anna Lind inner Lunch i Lund"
t_ok "Anna's agenda now" w --json agenda "Anna Lind"
t_jq "one thank-you fewer" '[.items[] | select(.kind == "thank")] | length' "$((thanks - 1))"
t_ok "Anna's ledger now" w --json ledger "Anna Lind"
t_jq "the thank-you from her, dated now" \
	"[.exchanges[] | select(.kind == \"thanks\" and .giver.name == \"Anna Lind\" and .at == \"$now\")] | length" 1
t_ok "the tasks now" w --json task list
t_jq "one of Anna's done" \
	"[.items[] | select(.done_at == null and (.owner_person == \"$anna\" or .person == \"$anna\"))] | length" \
	"$((tasks - 1))"
t_nomatch "the log names no e-mail" "web@example\.org" "$T_DIR/serve.err"
t_serve_stop
t_done
