#!/bin/bash
# Network ROI, diversity and verdicts, and goal progress (SPEC §4.6, issue 5) from the
# command line and the API; the numbers themselves are hand-checked in tests/unit.
. "$(dirname "$0")/../lib/t.sh"

m() { $MUTUA --now 2026-11-20T12:00:00Z "$@"; }
t_ok "init" m init --name Firma --kind organisation --currency SEK
m person add --full-name "Eva Ek" --industry 62 --role-function sales >/dev/null
m person add --full-name "Olof Ek" --industry 69 --role-function finance >/dev/null
t_ok "network with a yearly fee" m network add --name "BNI Lund" --fee "3 652,50 SEK/year" --meetings-per-year 48
t_ok "membership with time and cost" m membership add --network-id "BNI Lund" --person-id "Eva Ek" \
	--since 2025-01-01 --hours-per-meeting 2 --hourly-cost "500 SEK" --expected-outcome "kundmöten"
t_ok "a second member" m membership add --network-id "BNI Lund" --person-id "Olof Ek" --since 2025-01-01
t_ok "a meeting" m meeting add --network-id "BNI Lund" --at "2026-03-05 07:00" \
	--attendance '[{"person": "1", "code": "P"}, {"person": "2", "code": "A"}]'
t_ok "a referral won" m referral add --giver "Olof Ek" --receiver "Eva Ek" --network-id "BNI Lund" \
	--status won --history '[{"status": "won", "at": "2026-06-01T10:00:00Z"}]' --closed-value "10 000 SEK"
t_ok "a goal" m goal add --owner-person "Eva Ek" --network-id "BNI Lund" --metric referrals_received \
	--target 4 --from 2026-01-01 --to 2026-12-31

t_ok "roi for the calendar year" m --json roi --network "BNI Lund" --from 2026-01-01 --to 2026-12-31
t_jq "fees: two members, 3652.50 a year, 324 days to today" '.networks[0].fees' "6480"
t_jq "time: one attendance x 2 h x 500" '.networks[0].time_cost' "1000"
t_jq "return" '.networks[0].money_return' "10000"
t_jq "ROI (10000 - 7480)/7480" '.networks[0].roi' "0.3369"
t_jq "keep" '.networks[0].verdict' "keep"
t_jq "a reason" '.networks[0].reasons[0]' "ROI 0.34 is 0 or more"
t_jq "the same as a code, for the web UI to say in its words" '.networks[0].why | tojson' \
	'[{"code":"roi_not_negative","value":0.3369}]'
t_jq "the period stops today" '.networks[0].to' "2026-11-20"
t_jq "Blau over sections J and M" '.networks[0].diversity.industry_sections' "0.5"
t_jq "referrals received" '.networks[0].returns.referrals_received' "1"
t_jq "the goal is there" '.networks[0].goals[0].metric' "referrals_received"
t_ok "roi for people" m roi
t_match "the verdict line" "^BNI Lund, .*: keep" "$T_OUT"
t_ok "a network that costs nothing on record" m network add --name "Frukostklubben"
t_ok "roi" m --json roi --network "Frukostklubben"
t_jq "review, with no ROI and no goals, as codes" '.networks[0] | "\(.verdict) \(.roi) \([.why[] | "\(.code)=\(.value)"] | join(","))"' \
	"review null no_roi_no_cost=null,no_goals=null"
t_ok "and gone again" m network rm "Frukostklubben"
t_exit "a period ending before it begins" 1 m roi --from 2026-12-01 --to 2026-01-01
t_exit "not a date" 2 m roi --from 2026-13-01
t_exit "an unknown network" 1 m roi --network "Rotary"
t_exit "an unknown option" 2 m roi --top 3

t_ok "goals" m --json goals "Eva Ek"
t_jq "progress 1 of 4" '.goals[0].progress' "0.25"
t_jq "behind: 25 % with 88 % gone" '.goals[0].behind' "true"
t_jq "no amounts left out" '.goals[0].other_currencies_left_out' "false"
t_ok "goals for people" m goals
t_match "behind schedule" "referrals_received +1 +4 .*behind schedule" "$T_OUT"

t_serve --now 2026-11-20T12:00:00Z
m --json roi --from 2026-01-01 --to 2026-12-31 >"$T_DIR/cli.json"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/roi?from=2026-01-01&to=2026-12-31")
t_eq "GET roi" "$code" 200
t_eq "the same JSON as --json" "$(jq -c . "$T_OUT")" "$(jq -c . "$T_DIR/cli.json")"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/roi?from=soon")
t_eq "a bad date" "$code" 400
m --json scorecard >"$T_DIR/sc.json"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/scorecard")
t_eq "GET scorecard: the same JSON" "$(jq -c . "$T_OUT")" "$(jq -c . "$T_DIR/sc.json")"
m --json coverage >"$T_DIR/cov.json"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/coverage")
t_eq "GET coverage: the same JSON" "$(jq -c . "$T_OUT")" "$(jq -c . "$T_DIR/cov.json")"
m --json matches >"$T_DIR/matches.json"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/matches")
t_eq "GET matches: the same JSON" "$(jq -c . "$T_OUT")" "$(jq -c . "$T_DIR/matches.json")"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' -X POST -d '{"as": "referral"}' "$base/api/v1/asks/1/accept")
t_eq "accept needs a person" "$code" 422
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/goals/progress?person=Eva%20Ek")
t_jq "GET goals/progress" '.goals[0].value' "1"
t_serve_stop

# bad input of group operations (issue 5): refused with where and why, nothing written
t_exit "attendance at a meeting still to come" 1 m meeting add --network-id "BNI Lund" \
	--at "2026-12-03 07:00" --attendance '[{"person": "1", "code": "P"}]'
t_match "says so" "attendance: the meeting at 2026-12-03T07:00:00Z has not happened yet" "$T_ERR"
t_ok "a meeting to come without attendance" m --json meeting add --network-id "BNI Lund" --at "2026-12-03 07:00"
mid=$(jq -r .id "$T_OUT")
t_exit "nor added later before it" 1 m meeting edit "$mid" --attendance '[{"person": "1", "code": "P"}]'
t_ok "but after it" $MUTUA --now 2026-12-03T09:00:00Z meeting edit "$mid" --attendance '[{"person": "1", "code": "P"}]'
t_exit "an attendance code that does not exist" 1 m meeting add --network-id "BNI Lund" \
	--at "2026-11-01 07:00" --attendance '[{"person": "1", "code": "X"}]'
t_match "names the code's path" "attendance\[0\]\.code" "$T_ERR"
t_exit "a goal ending before it begins" 1 m goal add --metric ideas --target 3 --from 2026-12-01 --to 2026-01-01
t_match "names the field" "^mutua: to:" "$T_ERR"
t_ok "the meeting to come is gone again" m meeting rm "$mid"

# the scorecard (SPEC §4.10), its thresholds in the settings
t_ok "a meeting in the window" m meeting add --network-id "BNI Lund" --at "2026-10-01 07:00" \
	--attendance '[{"person": "1", "code": "P"}, {"person": "2", "code": "A"}]'
t_ok "scorecard" m --json scorecard --network "BNI Lund"
t_jq "both members" '.scorecards[0].members | length' "2"
t_jq "Eva attended her one meeting" '.scorecards[0].members[0].measures.attendance.value' "1"
t_jq "Olof was absent" '.scorecards[0].members[1].measures.attendance.colour' "red"
t_jq "colours" '[.scorecards[0].members[].colour | IN("green", "amber", "red", "grey")] | all' "true"
t_jq "weeks and months" '(.scorecards[0].totals.weeks | length) >= 26 and (.scorecards[0].totals.months | length) >= 6' "true"
t_jq "visitors who joined" '.scorecards[0].members[0].visitors_joined' "0"
t_ok "scorecard for people" m scorecard
t_match "a row per member" "^Eva Ek +100%" "$T_OUT"
t_ok "thresholds of one's own" m --db "$T_DIR/s.db" init --name Chapter --kind group \
	--settings '{"scorecard": {"referrals_given": 12, "green": 0.9}}'
t_ok "kept with the defaults" m --db "$T_DIR/s.db" --json workspace show
t_jq "the new threshold" '.settings.scorecard.referrals_given' "12"
t_jq "the default window" '.settings.scorecard.window_days' "182"
t_exit "amber above green" 1 m --db "$T_DIR/s2.db" init --name X --kind group --settings '{"scorecard": {"amber": 0.9}}'
t_match "says which" "scorecard.amber" "$T_ERR"
t_exit "an unknown measure" 1 m --db "$T_DIR/s2.db" init --name X --kind group --settings '{"scorecard": {"smiles": 3}}'

# plan coverage and gaps (SPEC §4.5)
m org add --name "Kod AB" --industry 62.01 --size-class small --region SE-M >/dev/null
m person add --full-name "Ada Kod" --organisation-id "Kod AB" --role-level executive >/dev/null
m person add --full-name "Bea Kod" --organisation-id "Kod AB" --role-level executive >/dev/null
t_ok "a strong tie" m tie add --a "Eva Ek" --b "Ada Kod" --since 2023-01-01 --liking-a 5
m exchange add --giver "Eva Ek" --receiver "Ada Kod" --kind advice --at "2026-11-19 10:00" >/dev/null
t_ok "a weak tie" m tie add --a "Eva Ek" --b "Bea Kod" --since 2023-01-01 --liking-a 5
m person add --full-name "Cia Kod" --organisation-id "Kod AB" --role-level executive >/dev/null
m person add --full-name "Dan Kod" --organisation-id "Kod AB" --role-level executive >/dev/null
t_ok "a stranger to Eva whom Ada knows" m tie add --a "Ada Kod" --b "Cia Kod" --since 2023-01-01
t_ok "a plan" m --json plan add --owner-person "Eva Ek" --capacity-per-month 2 \
	--segments '[{"industry": "62", "role_level": "executive", "region": "SE-M", "want": 3}]'
pid=$(jq -r .id "$T_OUT")
t_ok "coverage" m --json coverage --plan "$pid"
t_jq "one good contact" '.plans[0].segments[0].coverage' "1"
t_jq "gap 2" '.plans[0].segments[0].gap' "2"
t_jq "Bea to revive" '.plans[0].segments[0].revive[0].name' "Bea Kod"
t_jq "weak: 0.25" '.plans[0].segments[0].revive[0].strength' "0.25"
t_jq "Cia reachable by asking Ada (Dan is no one's)" \
	'.plans[0].segments[0].reachable | map("\(.name) \(.ask.name) \(.hops)") | join(",")' "Cia Kod Ada Kod 2"
reach=$(jq -r '.plans[0].segments[0].reachable[0].strength' "$T_OUT")
t_jq "capacity 2: one to revive, one to reach" '.plans[0].suggested' 2
t_ok "the path to Cia" m --json path "Eva Ek" "Cia Kod" --k 1
t_jq "  as strong as the suggestion says" '.paths[0].strength' "$reach"
t_ok "capacity 1" m plan edit "$pid" --capacity-per-month 1
t_ok "coverage" m --json coverage --plan "$pid"
t_jq "  leaves no room to reach" '"\(.plans[0].suggested) \(.plans[0].segments[0].reachable | length)"' "1 0"
t_ok "capacity 2 again" m plan edit "$pid" --capacity-per-month 2
t_ok "coverage for people" m coverage
t_match "the gap line" "62, executive, SE-M: 1 of 3 good contacts, gap 2" "$T_OUT"
t_match "what to do" "revive Bea Kod \(strength 0.25\)" "$T_OUT"
t_match "and whom to ask" "reach Cia Kod by asking Ada Kod \(path strength [0-9.]+, 2 hops\)" "$T_OUT"
t_exit "an unknown plan" 1 m coverage --plan 99999

# asks and offers (SPEC §4.9)
t_ok "a profile that aims at the ask" m profile add --person-id "Olof Ek" --sphere finance_legal \
	--target-industries 62 --target-regions SE-M --themes "skatterådgivning för IT-bolag"
t_ok "an ask" m --json ask add --person "Eva Ek" --at "2026-11-19 09:00" \
	--text "Introduktion till IT-bolag som behöver skatterådgivning" \
	--segment '{"industry": "62", "region": "SE-M"}'
aid=$(jq -r .id "$T_OUT")
t_ok "an offer" m offer add --person "Ada Kod" --at "2026-11-19 09:00" --text "Hjälper IT-bolag att växa"
t_ok "matches" m --json matches --ask "$aid"
t_jq "Olof first" '.asks[0].matches[0].name' "Olof Ek"
t_jq "his profile aims at the whole segment" '.asks[0].matches[0].profile' "1"
t_jq "with reasons" '.asks[0].matches[0].reasons | length > 0' "true"
t_jq "Ada through her offer" '[.asks[0].matches[].name] | index("Ada Kod") != null' "true"
t_jq "the reasons' facts: contacts and words" \
	'.asks[0].matches[] | select(.name == "Ada Kod") | "\(.good_contacts) \(.words)"' '0 ["bolag"]'
t_ok "matches for people" m matches
t_match "the ask" "^Ask $aid by Eva Ek: Introduktion" "$T_OUT"
t_ok "accept as an introduction" m --json matches --ask "$aid" --accept "Olof Ek"
t_jq "in the ledger" '.exchange.kind + " " + .exchange.giver + ">" + .exchange.receiver' "introduction 2>1"
t_ok "accept as a referral" m --json matches --ask "$aid" --accept "Ada Kod" --as referral
t_jq "a referral given" '.referral.status' "given"
t_exit "not by the asker" 1 m matches --ask "$aid" --accept "Eva Ek"
t_exit "--as something else" 2 m matches --ask "$aid" --accept "Olof Ek" --as gift
t_exit "--accept without --ask" 2 m matches --accept "Olof Ek"
t_ok "close the ask" m ask edit "$aid" --status closed
t_ok "no open asks left" m --json matches
t_jq "none" '.asks | length' "0"

# the company's participation matrix (seed 003)
t_ok "the company" m org add --name "Ek & Co" --ground-rules "Dela allt i takeaways dagen efter."
t_ok "Eva works there" m person edit "Eva Ek" --organisation-id "Ek & Co"
t_ok "participation" m --json participation --org "Ek & Co"
t_jq "the ground rules" '.organisations[0].ground_rules' "Dela allt i takeaways dagen efter."
t_jq "Eva in BNI Lund" '.organisations[0].cells[0].person.name + " / " + .organisations[0].cells[0].network.name' "Eva Ek / BNI Lund"
t_jq "attended in the last year" '.organisations[0].cells[0].attended_last_year' "2"
t_jq "at 2 h x 500" '.organisations[0].cells[0].time_cost_last_year' "2000"
t_jq "her expected outcome" '.organisations[0].cells[0].expected_outcome' "kundmöten"
t_jq "her goal there" '.organisations[0].cells[0].goals[0].metric' "referrals_received"
t_ok "participation for people" m participation
t_match "the rules first" "^Ground rules: Dela allt" "$T_OUT"
t_exit "an unknown organisation" 1 m participation --org "Nobody AB"

t_ok "organisation demo" m --db "$T_DIR/org.db" demo --kind organisation
t_ok "its networks" m --db "$T_DIR/org.db" --json roi
t_jq "five networks, each with a verdict" '[.networks[].verdict | select(. == "keep" or . == "review" or . == "leave")] | length' "5"
t_jq "every verdict has reasons" '[.networks[] | (.reasons | length) > 0] | all' "true"
t_jq "as many codes as reasons" '[.networks[] | (.why | length) == (.reasons | length)] | all' "true"
t_jq "the codes" '[.networks[].why[].code] | unique | join(" ")' "goals_below_80 goals_below_half roi_below_half roi_negative roi_not_negative"
t_jq "a share of goals met as a fraction" '[.networks[].why[] | select(.code == "goals_below_half") | .value < 0.5] | all' "true"
t_done
