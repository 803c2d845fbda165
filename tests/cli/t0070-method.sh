#!/bin/bash
# The method from the command line and the API (SPEC §4.1-§4.4): the worked example of
# docs/method.md built with the CLI, the referral pipeline, balance flags, the agenda,
# the same JSON from both faces, bad input, and sensible answers on the demo chapter.
. "$(dirname "$0")/../lib/t.sh"

now=2026-06-01T12:00:00Z
m() { $MUTUA --now $now "$@"; }
t_ok "init" m init --name Chapter --kind group
m person add --full-name "Anna Lind" --emails anna@lind.se >/dev/null
m person add --full-name "Bo Berg" --emails bo@berg.se >/dev/null
m person add --full-name "Cia Holm" >/dev/null
m person add --full-name "Dan Ek" >/dev/null
m network add --name "BNI Lund" --purpose business_exchange >/dev/null
# labels compare trimmed and case-folded; 62.01 counts as its division 62
t_ok "profile Anna" m profile add --person-id "Anna Lind" --sphere people_hr \
	--offerings '[{"label": " Recruitment ", "stage": "acquire"}]' --target-industries 62.01 \
	--target-industries C --target-sizes small --target-sizes medium \
	--target-roles '[{"level": "executive", "function": "hr"}]' --themes Talent --themes onboarding \
	--typical-deal "80 000 SEK"
t_ok "profile Bo" m profile add --person-id "Bo Berg" --sphere people_hr \
	--offerings '[{"label": "leadership training", "stage": "develop"}]' --target-industries 62 \
	--target-industries 47 --target-sizes medium \
	--target-roles '[{"level": "executive", "function": "hr"}, {"level": "manager", "function": "hr"}]' \
	--themes "Onboarding " --typical-deal "20 000 SEK"
t_ok "tie" m tie add --a "Anna Lind" --b "Bo Berg" --liking-a 4 --liking-b 5 --tier inner --since 2024-12-01

t_ok "fit" m --json fit "Anna Lind" bo@berg.se
t_jq "fit = 0.18^0.2" '.fit' "0.7097"
t_jq "five cornerstones in order" '[.cornerstones[].code] | join(",")' "C1,C2,C3,C4,C5"
t_jq "C1" '.cornerstones[0].score' "0.8"
t_jq "C2 reason" '.cornerstones[1].reason' "same sphere people_hr"
t_jq "C3" '.cornerstones[2].score' "0.6667"
t_jq "C3 reason" '.cornerstones[2].reason' "target industries overlap 0.33 (62); sizes 0.50 (medium)"
t_jq "C4" '.cornerstones[3].score' "0.675"
t_jq "C5" '.cornerstones[4].score' "0.5"
t_jq "no veto" '.veto' "null"
# the facts behind each reason, for the web UI to say in Swedish and Danish
t_jq "each with its weight" '[.cornerstones[].weight] | join(",")' "0.2,0.2,0.2,0.2,0.2"
t_jq "C1 facts: both ratings" '.cornerstones[0].facts | "\(.liking_a) \(.liking_b)"' "4 5"
t_jq "C2 facts: one sphere, no competitor" \
	'.cornerstones[1].facts | "\(.sphere_a) \(.sphere_b) \(.competitor_listed_by) \(.offerings_overlap)"' \
	"people_hr people_hr null 0"
t_jq "C3 facts" '.cornerstones[2].facts | "\(.industries) \(.shared_industries) \(.sizes) \(.shared_sizes)"' \
	'0.3333 ["62"] 0.5 ["medium"]'
t_jq "C4 facts" '.cornerstones[3].facts | "\(.roles) \(.themes) \(.same_stages)"' "0.75 0.5 false"
t_jq "C5 facts" '.cornerstones[4].facts | "\(.prior) \(.deals) \(.deal_a) \(.deal_b) \(.deal_currency) \(.closed_deals) \(.history)"' \
	"0.5 known 80000 20000 SEK 0 null"
t_ok "fit the other way" m --json fit "Bo Berg" "Anna Lind"
t_jq "symmetric" '.fit' "0.7097"
t_ok "fit, for people" m fit "Anna Lind" "Bo Berg"
t_match "the table names the cornerstones" "C3 direction +0.67 +target industries" "$T_OUT"

t_exit "a person without a profile" 1 m fit "Anna Lind" "Cia Holm"
t_match "says so and how to fix it" "Cia Holm has no profile" "$T_ERR"
t_exit "fit with oneself" 1 m fit "Anna Lind" anna@lind.se
t_exit "fit needs two people" 2 m fit "Anna Lind"
t_exit "unknown option" 2 m fit "Anna Lind" "Bo Berg" --top 3
t_exit "an unknown person" 1 m fit "Anna Lind" "Nobody"

# a competitor vetoes, with the reason
t_ok "profile Cia" m profile add --person-id "Cia Holm" --sphere people_hr --competitors "Anna Lind" \
	--offerings '[{"label": "recruitment", "stage": "acquire"}]' --target-industries 62
t_ok "veto" m --json fit "Anna Lind" "Cia Holm"
t_jq "vetoed fit is 0" '.fit' "0"
t_jq "veto reason" '.veto' "competitors: Cia Holm lists Anna Lind"
t_jq "who lists whom, as facts" '.cornerstones[1].facts.competitor_listed_by.name' "Cia Holm"
t_ok "partners" m --json partners "Anna Lind" --top 1
t_jq "the best partner" '.partners[0].b.name' "Bo Berg"
t_jq "top 1" '.partners | length' "1"
t_exit "bad --top" 2 m partners "Anna Lind" --top 0
t_ok "matrix" m --json fit --matrix
t_jq "pairs of three profiles" '.pairs | length' "3"
t_jq "matrix is symmetric" '.matrix[0][1] == .matrix[1][0]' "true"
t_jq "the matrix holds the pairs' fits" '.matrix[0][1] == .pairs[0].fit' "true"
t_ok "matrix for people" m fit --matrix
t_match "a row per person" "^ +1  Anna Lind +- +0\.71 +0\.00" "$T_OUT"
t_ok "power teams" m --json powerteams --min-fit 0.1
t_jq "no three all fit" '.teams | length' "0"
t_exit "bad --min-fit" 2 m powerteams --min-fit 2
t_exit "bad --top" 2 m powerteams --top 0

# the referral pipeline: history stamped, won writes closed business once
t_ok "referral" $MUTUA --now 2026-05-10T09:00:00Z --json referral add --giver "Bo Berg" \
	--receiver "Anna Lind" --network-id "BNI Lund"
rid=$(jq -r .id "$T_OUT")
t_jq "a new referral starts its history" '.history[0].status + " " + .history[0].at' "given 2026-05-10T09:00:00Z"
t_ok "move to contacted" m --json referral move "$rid" contacted --at "2026-05-20"
t_jq "history grows" '[.referral.history[].status] | join(",")' "given,contacted"
t_jq "no exchange yet" '.exchange' "null"
t_exit "backwards is refused" 1 m referral move "$rid" given
t_match "and says why" "the pipeline moves forward" "$T_ERR"
t_exit "a step before the last" 1 m referral move "$rid" meeting --at 2026-05-01
t_exit "an unknown status" 1 m referral move "$rid" closed
t_ok "won with a value" m --json referral move "$rid" won --value "45 000 SEK"
t_jq "won" '.referral.status' "won"
t_jq "closed business from the receiver to the giver" '.exchange.kind + " " + .exchange.giver + ">" + .exchange.receiver' "closed_business 1>2"
t_jq "its amount" '.exchange.amount.amount' "4500000"
xid=$(jq -r .exchange.id "$T_OUT")
t_ok "won again" m --json referral move "$rid" won
t_jq "the same exchange" '.exchange.id' "$xid"
t_ok "ledger" m --json ledger "Anna Lind"
t_jq "written once" '[.exchanges[] | select(.kind == "closed_business")] | length' "1"
t_jq "points 3 + log10(1 + 45000)" '.exchanges[0].points' "7.6532"
t_exit "lost after won" 1 m referral move "$rid" lost
t_ok "a referral added with history keeps it" m --json referral add --giver 1 --receiver 2 \
	--status contacted --history '[{"status": "given", "at": "2026-01-01T00:00:00Z"}]'
t_jq "kept" '.history | length' "1"

# balance and its flags
t_ok "balance" m --json balance "Bo Berg" "Anna Lind"
t_jq "Bo received 7.65, gave nothing" '.balance' "-1"
t_jq "taker; thanks not due for a week" '[.flags[].flag] | join(",")' "taker"
t_ok "balance a week and a day later" m --json --now 2026-06-08T12:00:01Z balance "Bo Berg" "Anna Lind"
t_jq "thanks owed" '[.flags[].flag] | join(",")' "taker,thanks_owed"
t_jq "what for, when, from whom, as facts" \
	'.flags[1] | "\(.kind) \(.at) \(.from.name) \(.more)"' "closed_business 2026-06-01T12:00:00Z Anna Lind 0"
t_ok "thanks" m exchange add --giver "Bo Berg" --receiver "Anna Lind" --kind thanks --at "2026-06-05 10:00"
t_ok "balance after thanks" m --json --now 2026-06-08T12:00:01Z balance "Bo Berg" "Anna Lind"
t_jq "thanked" '[.flags[].flag] | join(",")' "taker"
t_ok "member balance" m --json balance --member "Anna Lind"
t_jq "partners listed" '.partners[0].b.name' "Bo Berg"
t_ok "group balance" m --json balance
t_jq "takers first" '.members[0].a.name' "Bo Berg"
t_ok "network balance" m --json balance --network "BNI Lund"
t_jq "the network" '.network.name' "BNI Lund"
t_exit "balance with oneself" 1 m balance "Anna Lind" "Anna Lind"
t_exit "balance with three people" 2 m balance 1 2 3

# strength and the agenda
t_ok "strength" m --json strength "Anna Lind" "Bo Berg"
t_jq "five terms" '[.terms[].term] | join(",")' "recency,frequency,duration,mutual,liking"
t_jq "own rating" '.terms[4].value' "0.8"
t_ok "agenda later" m --json --now 2026-09-01T00:00:00Z agenda "Anna Lind"
t_jq "overdue inner tie first" '.items[0].kind + " " + .items[0].person.name' "follow_up Bo Berg"
t_jq "with why and what to do" '.items[0].todo | startswith("get in touch with Bo Berg")' "true"
# the facts of the words, for a face that says them in another language (the web UI)
t_jq "the follow-up's tie, cadence and last contact" \
	'.items[0] | [.tier, .cadence_days, .last_contact, .met] | map(tostring) | join(" ")' \
	"inner 30 2026-06-05T10:00:00Z 2024-12-01"
t_jq "the stalled referral's people, status and last step" \
	'[.items[] | select(.kind == "referral")][0] | [.giver.name, .receiver.name, .status, .moved_at] | join(",")' \
	"Anna Lind,Bo Berg,contacted,2026-01-01T00:00:00Z"
t_ok "agenda for people" m --now 2026-09-01T00:00:00Z agenda "Anna Lind"
t_match "sections" "^Get in touch" "$T_OUT"

# the agenda as a calendar, read back with an independent parser (python3-icalendar)
t_ok "export ical" m --now 2026-09-01T00:00:00Z export ical -o "$T_DIR/a.ics"
t_ok "export ical again" m --now 2026-09-02T00:00:00Z export ical --person "Anna Lind" -o "$T_DIR/b.ics"
cat >"$T_DIR/ics.py" <<'PY'
import sys, icalendar
def load(path):
    raw = open(path, 'rb').read()
    lines = raw.split(b'\r\n')
    assert lines[-1] == b'', 'ends with CRLF'
    assert all(len(l) <= 75 for l in lines), 'folded at 75 octets'
    raw.decode('utf-8')
    cal = icalendar.Calendar.from_ical(raw)
    out = {}
    for c in cal.walk():
        if c.name in ('VTODO', 'VEVENT'):
            assert 'DTSTAMP' in c, 'DTSTAMP'
            out[str(c['UID'])] = (c.name, str(c.get('SUMMARY')))
    return out
a, b = load(sys.argv[1]), load(sys.argv[2])
todos = [u for u, v in a.items() if v[0] == 'VTODO']
events = [u for u, v in a.items() if v[0] == 'VEVENT']
shared = set(a) & set(b)
print(len(todos), len(events), all(a[u] == b[u] for u in shared) and len(shared) > 0)
PY
t_ok "both parse" /usr/bin/python3 "$T_DIR/ics.py" "$T_DIR/a.ics" "$T_DIR/b.ics"
t_eq "a VTODO per agenda line, the one-to-one-less workspace has no VEVENT; UIDs stable" "$(cat "$T_OUT")" "2 0 True"
t_match "the to-do says what to do" "^SUMMARY:get in touch with Bo Berg" "$T_DIR/a.ics"
t_exit "an unknown format" 2 m export xml
t_ok "a help to thank for" m exchange add --giver "Dan Ek" --receiver "Anna Lind" --kind help --at "2026-08-30 09:00"
t_ok "agenda with a thank-you" m --json --now 2026-09-01T00:00:00Z agenda "Anna Lind"
t_jq "what was received, and when" \
	'[.items[] | select(.kind == "thank")][0] | [.exchange_kind, .received_at, .overdue] | map(tostring) | join(" ")' \
	"help 2026-08-30T09:00:00Z false"

# a value given after the won step is still dated at it
t_ok "another referral" m --json referral add --giver "Cia Holm" --receiver "Dan Ek"
r2=$(jq -r .id "$T_OUT")
t_ok "won without a value" m --json referral move "$r2" won --at "2026-06-01 12:00"
t_jq "nothing to thank for yet" '.exchange' "null"
t_ok "the value later" m --json --now 2026-06-03T08:00:00Z referral move "$r2" won --value "1 000 SEK"
t_jq "dated at the won step" '.exchange.at' "2026-06-01T12:00:00Z"

# the API answers with the same JSON as the CLI for the same account (the API's
# tester is no one's rater, so likings count for neither: docs/privacy.md)
t_serve --now $now
m --user tester@example.org --json fit "Anna Lind" "Bo Berg" >"$T_DIR/cli.json"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/fit?a=anna@lind.se&b=Bo%20Berg")
t_eq "GET fit" "$code" 200
t_eq "the same JSON as --json" "$(jq -c . "$T_OUT")" "$(jq -c . "$T_DIR/cli.json")"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/fit?a=anna@lind.se")
t_eq "fit without b" "$code" 400
t_jq "names the argument" '.error.field' "b"
m --user tester@example.org --json fit --matrix >"$T_DIR/matrix.json"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/fit/matrix")
t_eq "the matrix as the CLI writes it" "$(jq -c . "$T_OUT")" "$(jq -c . "$T_DIR/matrix.json")"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/fit/matrix?pairs=false")
t_jq "the heat map without pairs" '(.pairs == null) and (.matrix | length == 3)' "true"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/fit/matrix?pairs=maybe")
t_eq "pairs is true or false" "$code" 400
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/partners?person=1&top=1")
t_jq "partners" '.partners[0].b.name' "Bo Berg"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/balance?a=2&b=1")
t_jq "balance" '.balance' "-1"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/agenda?person=1&date=2026-09-01")
t_jq "agenda as of a date" '.date' "2026-09-01"
m --user tester@example.org --json timeline "Anna Lind" >"$T_DIR/cli.json"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/timeline?person=anna@lind.se")
t_eq "the timeline as the CLI writes it" "$(jq -c . "$T_OUT")" "$(jq -c . "$T_DIR/cli.json")"
t_jq "with the exchanges" '[.items[] | select(.kind == "exchange")] | length > 0' "true"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/timeline")
t_eq "timeline without a person" "$code" 400
t_jq "names the argument" '.error.field' "person"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' -X POST -d '{"status": "offer"}' "$base/api/v1/referrals/$rid/move")
t_eq "move a won referral" "$code" 422
code=$(curl -s -o "$T_OUT" -w '%{http_code}' -X POST -d '{"status": "won", "x": 1}' "$base/api/v1/referrals/$rid/move")
t_eq "an unknown field" "$code" 422
code=$(curl -s -o "$T_OUT" -w '%{http_code}' -X GET "$base/api/v1/referrals/$rid/move")
t_eq "move is POST only" "$code" 405
code=$(curl -s -o "$T_OUT" -w '%{content_type} %{http_code}' "$base/api/v1/agenda.ics?person=1")
t_eq "a calendar feed" "$code" "text/calendar; charset=utf-8 200"
t_match "the feed is a calendar" "^BEGIN:VCALENDAR" "$T_OUT"
for path in fit/matrix powerteams ledger strength?a=1\&b=2 agenda; do
	code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/$path")
	t_eq "GET $path" "$code" 200
done
t_serve_stop

# the demo chapter: partners that make sense
t_ok "demo" m --db "$T_DIR/demo.db" demo --kind group
t_ok "demo partners" m --db "$T_DIR/demo.db" --json partners "Anna Lind" --top 3
t_jq "three, none vetoed" '[.partners[] | select(.veto == null)] | length' "3"
t_jq "the best share her sphere" '.partners[0].cornerstones[1].reason' "same sphere people_hr"
t_jq "fits are good" '[.partners[] | .fit > 0.5] | all' "true"
t_ok "demo power teams" m --db "$T_DIR/demo.db" --json powerteams
t_jq "teams of three to five" '[.teams[] | .members | length | (. >= 3 and . <= 5)] | all' "true"
t_jq "ranked by mean fit" '[.teams[].mean_fit] | . == (sort | reverse)' "true"
t_ok "the best two" m --db "$T_DIR/demo.db" --json powerteams --top 2
t_jq "two of them" '(.teams | length == 2) and .found > 2' "true"
t_ok "demo agenda" m --db "$T_DIR/demo.db" --json agenda
t_jq "every line says why and what" '[.items[] | (.why != "" and .todo != "")] | all' "true"
t_jq "a goal behind says how far, as numbers" \
	'[.items[] | select(.kind == "goal") | (.metric != null and .value < .target and .progress < .elapsed and .catch_up > 0)] | (length > 0 and all)' "true"
t_ok "demo calendar" m --db "$T_DIR/demo.db" export ical -o "$T_DIR/demo.ics"
t_ok "valid RFC 5545 (tests/tools/check-ical)" /usr/bin/python3 "$ROOT/tests/tools/check-ical" "$T_DIR/demo.ics"
t_ok "demo balance" m --db "$T_DIR/demo.db" --json balance
t_jq "B in [-1, 1]" '[.members[].balance | (. >= -1 and . <= 1)] | all' "true"
t_ok "demo member balance" m --db "$T_DIR/demo.db" --json balance --member "Emma Larsson"
t_jq "a fading tie says its days and cadence as facts" \
	'[.partners[].flags[] | select(.flag == "fading") | .days > 2 * .cadence_days and .never == false] | (length > 0 and all)' "true"

# a person's timeline: the ledger's exchanges and the rest, newest first; ties strongest first
t_ok "demo ledger" m --db "$T_DIR/demo.db" --json ledger "Anna Lind"
ledger_ids=$(jq -c '[.exchanges[].id]' "$T_OUT")
t_ok "demo timeline" m --db "$T_DIR/demo.db" --json timeline "Anna Lind"
t_jq "every exchange of the ledger, in its order" '[.items[] | select(.kind == "exchange") | .id] | tojson' "$ledger_ids"
t_jq "newest first" '[.items[].at] | . == (sort | reverse)' "true"
t_jq "referrals, one-to-ones, meetings, takeaways and ties too" \
	'[.items[].kind] | unique | join(",")' "exchange,meeting,one_to_one,referral,takeaway,tie"
t_jq "each about her" '[.items[] | select(.kind == "one_to_one") | .one_to_one | (.a.name == "Anna Lind" or .b.name == "Anna Lind")] | all' "true"
t_jq "meetings with her attendance" '[.items[] | select(.kind == "meeting") | .meeting.attendance] | map(. != null) | all' "true"
t_jq "ties strongest first" '[.ties[].strength] | . == (sort | reverse) and length > 0' "true"
t_jq "a tie's other side" '[.ties[].person.name] | index("Anna Lind")' "null"
t_ok "demo timeline for people" m --db "$T_DIR/demo.db" timeline "Anna Lind"
t_match "a table of ties" "^TIE +TIER +STRENGTH" "$T_OUT"
t_exit "timeline needs a person" 2 m --db "$T_DIR/demo.db" timeline
t_exit "an unknown person" 1 m --db "$T_DIR/demo.db" timeline "Nobody Here"

t_done
