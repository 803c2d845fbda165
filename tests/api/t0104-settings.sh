#!/bin/bash
# t0104-settings: PATCH /api/v1/workspace changes the settings (SPEC 4 weights and
# thresholds) by a merge patch: checked key by key with the path in the error's field,
# nothing written on a refusal, admins and owners only, audited, and the computations
# and the command line see the change at once.
. "$(dirname "$0")/../lib/t.sh"

now=2026-11-23T10:00:00Z
m() { $MUTUA --now $now "$@"; }
t_ok "demo" m demo --kind group
t_serve --now $now
[ -n "$base" ] || { t_done; exit; }

# req METHOD PATH [BODY]: status in $code, body in $T_OUT
req() {
	if [ $# -ge 3 ]; then
		code=$(curl -s -o "$T_OUT" -w '%{http_code}' -X "$1" -H 'Content-Type: application/json' \
			--data-binary "$3" "$base$2")
	else
		code=$(curl -s -o "$T_OUT" -w '%{http_code}' -X "$1" "$base$2")
	fi
}
weights() { jq -r '.settings.fit_weights | map(tostring) | join(" ")' "$T_OUT"; }

req PATCH /api/v1/workspace '{"settings": {"fit_weights": [0.1, 0.3, 0.2, 0.2, 0.2]}}'
t_eq "a new weight is 200" "$code" 200
t_eq "  answered with the workspace" "$(weights)" "0.1 0.3 0.2 0.2 0.2"
t_jq "  its other settings kept" '.settings.scorecard.green' 0.8
req GET /api/v1/workspace
t_eq "  GET says it" "$(weights)" "0.1 0.3 0.2 0.2 0.2"
t_ok "  the command line too" m --json workspace show
t_eq "  its weights" "$(weights)" "0.1 0.3 0.2 0.2 0.2"

req PATCH /api/v1/workspace '{"settings": {"cadence_days": {"inner": 14}, "scorecard": {"green": 0.6, "amber": 0.4}}}'
t_eq "nested members" "$code" 200
t_jq "  change" '[.settings.cadence_days.inner, .settings.scorecard.green, .settings.scorecard.amber] | map(tostring) | join(" ")' \
	"14 0.6 0.4"
t_jq "  one by one" '[.settings.cadence_days.active, .settings.scorecard.window_days] | map(tostring) | join(" ")' \
	"90 182"
req GET /api/v1/scorecard
t_jq "the scorecard follows at once" '[.scorecards[0].totals.green, .scorecards[0].totals.amber] | map(tostring) | join(" ")' \
	"0.6 0.4"

# refusals: 422 with the key's path, nothing written
refused() {	# NAME BODY FIELD
	req PATCH /api/v1/workspace "$2"
	t_eq "$1 is 422" "$code" 422
	t_jq "  and names $3" '.error.field' "$3"
}
refused "a weight out of range" '{"settings": {"fit_weights": [0.2, 0.2, 1.5, 0.2, 0.2]}}' \
	"settings.fit_weights[2]"
t_jq "  with the range" '.error.message' "must be a number from 0 to 1"
refused "a weight as text" '{"settings": {"fit_weights": [0.2, "0.2", 0.2, 0.2, 0.2]}}' \
	"settings.fit_weights[1]"
refused "five weights wanted" '{"settings": {"fit_weights": [0.5, 0.5]}}' "settings.fit_weights"
refused "an unknown setting" '{"settings": {"fit_threshold": 0.6}}' "settings.fit_threshold"
refused "an unknown threshold" '{"settings": {"scorecard": {"refferals_given": 4}}}' \
	"settings.scorecard.refferals_given"
refused "a wrong type" '{"settings": {"scorecard": 3}}' "settings.scorecard"
refused "half a day" '{"settings": {"reciprocity_window_days": 90.5}}' \
	"settings.reciprocity_window_days"
refused "amber above green" '{"settings": {"scorecard": {"amber": 0.7}}}' "settings.scorecard.amber"
refused "a good and a bad member" '{"settings": {"fit_threshold_power_team": 0.7, "cadence_days": {"wide": 0}}}' \
	"settings.cadence_days.wide"
refused "settings not an object" '{"settings": [1]}' "settings"
refused "no settings" '{}' "settings"
refused "another member of the workspace" '{"name": "Renamed"}' "name"
req PATCH /api/v1/workspace '{"settings": '
t_eq "bad JSON is 400" "$code" 400
req GET /api/v1/workspace
t_jq "none of them was written" \
	'[.name, (.settings.fit_weights | map(tostring) | join(" ")), .settings.fit_threshold_power_team,
	  .settings.cadence_days.wide, .settings.scorecard.amber] | map(tostring) | join("|")' \
	"BNI Öresund — Lund|0.1 0.3 0.2 0.2 0.2|0.5|180|0.4"

req PATCH /api/v1/workspace '{"settings": {"fit_weights": null, "scorecard": {"green": null, "amber": null}}}'
t_eq "null is the default again" "$code" 200
t_eq "  the weights" "$(weights)" "0.2 0.2 0.2 0.2 0.2"
t_jq "  the colours" '[.settings.scorecard.green, .settings.scorecard.amber] | map(tostring) | join(" ")' "0.8 0.5"
t_jq "  the rest stays" '.settings.cadence_days.inner' 14

# who may: admins and owners
printf '%s\n' 'a password of twelve+' >"$T_DIR/pw"
for role in viewer member admin; do
	m account add "$role@example.org" --role $role --password-file "$T_DIR/pw" >/dev/null
	m token create --name t --account "$role@example.org" >"$T_DIR/$role.tok"
done
as() {	# ROLE BODY: PATCH as ROLE's token
	code=$(command curl -s -o "$T_OUT" -w '%{http_code}' -X PATCH \
		-H "Authorization: Bearer $(cat "$T_DIR/$1.tok")" -H 'Content-Type: application/json' \
		--data-binary "$2" "$base/api/v1/workspace")
}
as viewer '{"settings": {"scorecard": {"visitors": 3}}}'
t_eq "a viewer may not" "$code" 403
as member '{"settings": {"scorecard": {"visitors": 3}}}'
t_eq "a member may not" "$code" 403
as admin '{"settings": {"scorecard": {"visitors": 3}}}'
t_eq "an admin may" "$code" 200
t_jq "  and did" '.settings.scorecard.visitors' 3
req GET "/api/v1/audit?limit=1000"
t_jq "the audit trail has each change" \
	'[.items[] | select(.entity == "workspace" and .action == "update")] | length' 4
t_jq "  by whom and what" \
	'[.items[] | select(.entity == "workspace")][-1] | .actor + " " + .detail' \
	"admin@example.org settings: scorecard"
t_serve_stop
t_done
