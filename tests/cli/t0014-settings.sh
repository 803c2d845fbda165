#!/bin/bash
# t0014-settings: 'workspace set' changes the weights and thresholds of SPEC 4 (FORMAT.md
# section 1 settings): key paths and JSON values, several pairs in one transaction, every
# key and value checked with its path, null back to the default, admins only, audited,
# and the scores follow at once.
. "$(dirname "$0")/../lib/t.sh"

now=2026-11-23T10:00:00Z
m() { $MUTUA --now $now "$@"; }
show() { m --json workspace show >"$T_OUT"; }

t_ok "init" m init --name "BNI Öresund" --kind group --locale sv
t_ok "one weight by its index" m --json workspace set 'fit_weights[2]' 0.3
t_jq "  answered with the new settings" '.settings.fit_weights | map(tostring) | join(" ")' \
	"0.2 0.2 0.3 0.2 0.2"
show
t_jq "  and stored" '.settings.fit_weights[2]' 0.3
t_ok "the whole list, and a threshold, at once" m workspace set \
	fit_weights '[0.1,0.3,0.2,0.2,0.2]' scorecard.green 0.7
t_match "  the table says them" '"scorecard":\{.*"green":0\.7' "$T_OUT"
show
t_jq "  both stored" '[.settings.fit_weights[1], .settings.scorecard.green] | map(tostring) | join(" ")' \
	"0.3 0.7"
t_jq "  the rest kept" '[.settings.scorecard.amber, .settings.cadence_days.active] | map(tostring) | join(" ")' \
	"0.5 90"
t_ok "a nested whole number" m workspace set cadence_days.inner 21 reciprocity_window_days 180
show
t_jq "  stored" '[.settings.cadence_days.inner, .settings.reciprocity_window_days] | map(tostring) | join(" ")' \
	"21 180"

# refused, with the key named, and nothing written
refused() {	# NAME FIELD: the last run failed with exit 1 and named FIELD
	t_match "$1 names its key" "^mutua: $2: " "$T_ERR"
}
t_exit "a weight above 1" 1 m workspace set 'fit_weights[2]' 1.5
refused "the weight" 'settings\.fit_weights\[2\]'
t_match "  and the range" "must be a number from 0 to 1" "$T_ERR"
t_exit "one bad pair refuses both" 1 m workspace set scorecard.green 0.6 fit_threshold_power_team 2
refused "the threshold" 'settings\.fit_threshold_power_team'
t_exit "an unknown key" 1 m workspace set scorecard.colour 1
refused "the unknown key" 'settings\.scorecard\.colour'
t_match "  as unknown" "unknown field" "$T_ERR"
t_exit "an unknown setting" 1 m workspace set fit_weight 1
refused "the unknown setting" 'settings\.fit_weight'
t_exit "the wrong type" 1 m workspace set reciprocity_window_days '"a year"'
refused "the wrong type" 'settings\.reciprocity_window_days'
t_exit "text where a number goes" 1 m workspace set scorecard.amber high
refused "the text" 'settings\.scorecard\.amber'
t_exit "half a day" 1 m workspace set cadence_days.wide 90.5
refused "the half day" 'settings\.cadence_days\.wide'
t_exit "amber above green" 1 m workspace set scorecard.amber 0.75
refused "amber" 'settings\.scorecard\.amber'
t_exit "all weights 0" 1 m workspace set fit_weights '[0,0,0,0,0]'
refused "the weights" 'settings\.fit_weights'
t_exit "four weights" 1 m workspace set fit_weights '[0.25,0.25,0.25,0.25]'
refused "four weights" 'settings\.fit_weights'
t_exit "an index past the end" 1 m workspace set 'fit_weights[5]' 0.1
refused "the index" 'settings\.fit_weights\[5\]'
show
t_jq "nothing of them was written" \
	'[.settings.fit_weights[2], .settings.scorecard.green, .settings.fit_threshold_power_team,
	  .settings.scorecard.amber, .settings.cadence_days.wide] | map(tostring) | join(" ")' \
	"0.2 0.7 0.5 0.5 180"

t_exit "a key without a value" 2 m workspace set scorecard.green
t_exit "no key" 2 m workspace set
t_exit "a key that is no path" 2 m workspace set 'fit_weights[x]' 1
t_ok "null gives the default back" m workspace set scorecard.green null fit_weights null
show
t_jq "  green and the weights" '[.settings.scorecard.green, (.settings.fit_weights | add)] | map(tostring) | join(" ")' \
	"0.8 1"
t_jq "  the others stay" '.settings.cadence_days.inner' 21

# who may
printf '%s\n' 'a password of twelve+' >"$T_DIR/pw"
t_ok "a member" m account add member@example.org --role member --password-file "$T_DIR/pw"
t_ok "an admin" m account add admin@example.org --role admin --password-file "$T_DIR/pw"
t_exit "a member may not" 1 m --user member@example.org workspace set scorecard.visitors 2
t_match "  and is told so" "needs the role admin" "$T_ERR"
t_ok "an admin may" m --user admin@example.org workspace set scorecard.visitors 2
show
t_jq "  stored" '.settings.scorecard.visitors' 2
t_ok "the audit trail" m --json audit
t_jq "  has each change, by whom" \
	'[.[] | select(.entity == "workspace" and .action == "update") | .actor] | length == 5 and .[-1] == "admin@example.org"' \
	true
t_jq "  and what" '[.[] | select(.entity == "workspace")][0].detail' "settings: fit_weights"

# the scores follow the settings at once
t_ok "a demo" m --db "$T_DIR/demo.db" demo --kind group
t_ok "its scorecard" m --db "$T_DIR/demo.db" --json scorecard
t_jq "  green from 0.8" '.scorecards[0].totals.green' 0.8
greens=$(jq '[.scorecards[0].members[] | select(.colour == "green")] | length' "$T_OUT")
t_ok "green from 0.5" m --db "$T_DIR/demo.db" workspace set scorecard.green 0.5 scorecard.amber 0.3
t_ok "the scorecard again" m --db "$T_DIR/demo.db" --json scorecard
t_jq "  says so" '.scorecards[0].totals.green' 0.5
t_jq "  and more members are green than the $greens before" \
	"[.scorecards[0].members[] | select(.colour == \"green\")] | length > $greens" true
t_done
