#!/bin/bash
# t0350-plan: the plan with its coverage and gaps (#/plan), the networks with their ROI
# and diversity (#/networks) and a company's participation matrix with its takeaways
# (#/participation) in headless Chromium (tests/web/plan.mjs), in English, Swedish and
# Danish, on the company demo (kind organisation) served at a fixed time. What the pages
# show is compared with the command line's --json; a plan made and a takeaway shared in
# the browser are found with the command line afterwards. Writes
# docs/screenshots/plan.png, networks.png and participation.png.
. "$(dirname "$0")/../lib/t.sh"

now=2026-11-23T10:00:00Z
m() { $MUTUA --now $now --workspace "$ws" "$@"; }

t_ok "the company demo" $MUTUA --now $now demo --kind organisation
ws="Nordlys Rådgivning A/S"
printf '%s\n' 'a web password of twelve+' >"$T_DIR/pw"
t_ok "an owner who can sign in" m account add web@example.org --name "Webb Testare" \
	--role owner --password-file "$T_DIR/pw"
# a plan whose segments are partly covered, with all three kinds of suggestion
t_ok "a plan with gaps" m --json plan add --owner-person "Mette Østergaard" --capacity-per-month 10 \
	--segments '[{"region": "DK-84", "role_level": "executive", "want": 10}, {"industry": "M", "want": 6},
		{"industry": "62", "region": "SE-M", "want": 3}, {"role_function": "it", "want": 4}]'
plan=$(jq -r .id "$T_OUT")

# what the pages must show, as the command line says it to the same account (which sees
# neither the private ties nor the likings of others)
cli=$T_DIR/cli
mkdir -p "$cli"
as() { m --user web@example.org "$@"; }
as --json coverage --plan "$plan" >"$cli/coverage.json"
t_jq "the plan covers something" '[.plans[0].segments[].coverage] | add > 0' true "$cli/coverage.json"
t_jq "  and suggests all three kinds" \
	'[.plans[0].segments[] | (.revive | length), (.networks | length), (.reachable | length)] | map(. > 0) | any' \
	true "$cli/coverage.json"
t_jq "  people to reach among them" '[.plans[0].segments[].reachable | length] | add > 0' true "$cli/coverage.json"
as --json goals >"$cli/goals.json"
as --json roi >"$cli/roi.json"
t_jq "five networks" '.networks | length' 5 "$cli/roi.json"
as --json roi --from 2026-01-01 --to 2026-06-30 >"$cli/roi-h1.json"
as --json participation >"$cli/participation.json"
t_jq "one company" '.organisations | length' 1 "$cli/participation.json"
as --json takeaway list --limit 1000 >"$cli/takeaways.json"
takeaways=$(jq '.items | length' "$cli/takeaways.json")

t_serve --workspace "$ws" --now $now
[ -n "$base" ] || { t_done; exit; }
unset T_TOKEN

# the new files, as the binary serves them
get() { command curl -s -o "$T_OUT" -w '%{http_code} %{content_type}' "$@"; }
for f in views/plan.js views/networks.js views/participation.js goals.js enums.js; do
	t_eq "$f" "$(get "$base/assets/$f")" "200 text/javascript; charset=utf-8"
done
for f in plan networks participation; do
	t_nomatch "no inline style nor HTML in $f.js" 'style=|\.style\.|innerHTML' "$ROOT/web/views/$f.js"
done

if t_browser plan.mjs EMAIL=web@example.org PASSWORD='a web password of twelve+' \
	PLAN="$plan" CLI="$cli" SHOTS="$ROOT/docs/screenshots"; then
	t_png "$ROOT/docs/screenshots/plan.png"
	t_png "$ROOT/docs/screenshots/networks.png"
	t_png "$ROOT/docs/screenshots/participation.png"
fi

# what the browser did, as the command line sees it
t_ok "the plan made in the browser" m --json plan list
t_jq "  is there" '.items | length' 3
t_jq "  with its owner, capacity and segments" \
	'.items[-1] | "\(.owner_person) \(.capacity_per_month) \(.segments | tojson)"' \
	"$(m --json person list --limit 1000 | jq -r '.items[] | select(.full_name == "Ida Madsen") | .id') 3 [{\"industry\":\"M\",\"want\":4},{\"role_function\":\"it\",\"region\":\"SE-M\",\"want\":2}]"
t_ok "the plan edited in the browser" m --json plan show "$plan"
t_jq "  has its new capacity" '.capacity_per_month' 8
t_ok "the takeaways shared in the browser" m --json takeaway search "webbtest"
t_jq "  one per language" '.items | length' 3
t_jq "  with network, meeting, tags and author" \
	'[.items[] | select(.network_id != null and .meeting_id != null and (.tags | index("lead")) and (.tags | index("webb")) and .author != null)] | length' 3
t_ok "every takeaway" m --json takeaway list --limit 1000
t_jq "  the three more" '.items | length' $((takeaways + 3))
t_nomatch "the log names no e-mail" "web@example\.org" "$T_DIR/serve.err"
t_serve_stop
t_done
