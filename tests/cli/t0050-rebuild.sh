#!/bin/bash
# A user can rebuild the demo chapter's data with the command line alone: the demo group
# is exported, tests/tools/json2cli turns the document into one documented `mutua`
# command per record, the commands run against an empty database with the test binary,
# and the new export must be the same bytes as the first.
#
# Normalised before comparing: nothing. The document carries no created_at or updated_at
# (the store keeps them; the export leaves them out), and the script adds the records in
# the order of their ids while a new workspace numbers its records from 1, so even the
# ids come out the same. Any difference is a field the CLI lost or changed.
#
# Then the gaps the rebuild showed, fixed in the CLI (init --settings; negative and
# 16-digit amounts), and a small workspace with a deleted record, whose ids move when it
# is rebuilt: there the two scripts, original and rebuilt, must be the same.
. "$(dirname "$0")/../lib/t.sh"

export MUTUA
json2cli=$ROOT/tests/tools/json2cli
m() { $MUTUA --now 2026-11-23T10:00:00Z "$@"; }
# The scripts call `mutua` from PATH as a user's shell would; here it is the test binary.
mkdir -p "$T_DIR/bin"
printf '#!/bin/sh\nexec "$MUTUA" "$@"\n' >"$T_DIR/bin/mutua"
chmod +x "$T_DIR/bin/mutua"
rebuild() { MUTUA_DB=$1 PATH=$T_DIR/bin:$PATH sh "$2"; }

# every option a script uses is one `mutua help ENTITY` lists (or edit's --unset); init's
# options are checked by t0010 and below
documented() {
	local script=$1 cmd opt bad=""
	python3 -c '
import shlex, sys
command = ""
for line in open(sys.argv[1], encoding="utf-8"):
    command += line
    try:
        w = shlex.split(command, comments=True)
    except ValueError:
        continue  # a quoted value goes on on the next line
    command = ""
    if len(w) > 2 and w[0] == "mutua" and w[1] != "init":
        for x in w[3:]:
            if x.startswith("--"):
                print(w[1], x)
' "$script" | sort -u >"$T_DIR/used"
	while read -r cmd opt; do
		[ "$opt" = --unset ] && continue
		$MUTUA help "$cmd" >"$T_DIR/help.$cmd" 2>&1
		grep -qE -- "^  $opt( |\$)" "$T_DIR/help.$cmd" || bad="$bad $cmd:$opt"
	done <"$T_DIR/used"
	if [ -s "$T_DIR/used" ] && [ -z "$bad" ]; then t_pass; else
		t_fail "$script uses options that 'mutua help' does not list:${bad:- none found}"; fi
}

# ---- the demo chapter ----
t_ok "demo chapter" m --db "$T_DIR/a.db" demo --kind group
t_ok "export it" m --db "$T_DIR/a.db" export json -o "$T_DIR/a.json"
t_ok "json2cli writes the script" "$json2cli" "$T_DIR/a.json"
cp "$T_OUT" "$T_DIR/a.sh"
t_eq "one add per record" "$(grep -c '^mutua [a-z-]* add ' "$T_DIR/a.sh")" \
	"$(jq '[.[] | arrays | length] | add' "$T_DIR/a.json")"
t_match "the workspace first, with its settings" "^mutua init --name .* --settings " "$T_DIR/a.sh"
t_match "persons named by e-mail" "^mutua exchange add .* --giver [^ ]+@" "$T_DIR/a.sh"
t_match "money as a user writes it" "^mutua network add .* --fee '9 500 SEK/year'" "$T_DIR/a.sh"
documented "$T_DIR/a.sh"
# ~1100 runs: without leak checks, which double the time of each; the small workspace
# below goes through the same commands with every sanitizer check on
ASAN_OPTIONS=$ASAN_OPTIONS:detect_leaks=0 t_ok "rebuild with the CLI alone" rebuild "$T_DIR/b.db" "$T_DIR/a.sh"
t_ok "export the rebuild" $MUTUA --db "$T_DIR/b.db" export json -o "$T_DIR/b.json"
if cmp -s "$T_DIR/a.json" "$T_DIR/b.json"; then t_pass; else
	t_fail "the rebuilt demo differs from the demo"; diff "$T_DIR/a.json" "$T_DIR/b.json" | head -20 >&2
fi

# ---- gaps found, fixed in the CLI ----
c() { $MUTUA --db "$T_DIR/c.db" --now 2026-11-23T10:00:00Z "$@"; }
t_ok "init --settings" c --json init --name Gaps --kind personal --locale da --currency DKK \
	--settings '{"fit_weights": [0.4, 0.3, 0.1, 0.1, 0.1], "reciprocity_window_days": 180,
	"cadence_days": {"inner": 14}}'
t_jq "the settings given" '.settings | "\(.fit_weights | map(tostring) | join(",")) \(.reciprocity_window_days)"' \
	"0.4,0.3,0.1,0.1,0.1 180"
t_jq "absent settings take their defaults" \
	'.settings | "\(.fit_threshold_power_team) \(.cadence_days | "\(.inner) \(.active) \(.wide)")"' "0.5 14 90 180"
t_exit "--settings must be JSON" 1 c init --name Bad --kind personal --settings '{'
t_match "the option is named" "^mutua: --settings: line 1" "$T_ERR"
t_exit "an unknown setting is refused" 1 c init --name Bad --kind personal --settings '{"fit_weight": [1]}'
t_match "with its path" "settings.fit_weight: unknown field" "$T_ERR"
t_exit "bad weights are refused" 1 c init --name Bad --kind personal --settings '{"fit_weights": [1, 0]}'
t_ok "and nothing was made" c --json workspace list
t_jq "one workspace" 'length' "1"

t_ok "org" c org add --name "Kjær Leadership ApS" --region DK-84
t_ok "a person to remove" c person add --full-name "Gone Soon"
t_ok "a tag that starts with [" c person add --full-name "Søren Kjær" --emails sk@kjaer.dk \
	--organisation-id 1 --tags '["[vip]", "bni"]'
t_ok "two persons share an e-mail" c person add --full-name "Mette Holm" --emails shared@holm.dk
t_ok "the second" c person add --full-name "Jens Holm" --emails shared@holm.dk
t_ok "a person without e-mail" c person add --full-name "Ida Berg" --private
t_ok "leave a gap in the ids" c person rm "Gone Soon"
t_ok "profile" c profile add --person-id sk@kjaer.dk --competitors 4 --competitors 5 \
	--typical-deal "75 000,50" --themes '["[draft] onboarding", "ledelse"]'
t_ok "network with a fee per meeting" c network add --name "Erfa Øst" --fee "450 DKK/meeting"
t_ok "referral with history" c referral add --giver 3 --receiver 4 --prospect-person 6 --network-id 7 \
	--status won --closed-value "12 500,50" --history '[{"status": "given", "at": "2026-01-05T09:00:00Z"},
	{"status": "won", "at": "2026-02-01T10:30:15Z"}]'
t_ok "a negative amount" c --json exchange add --at 2026-02-03T10:30:15Z --giver 4 --receiver 3 \
	--kind closed_business --amount "-1 250,50 DKK" --referral-id 8 --network-id 7 --note refund --private
t_jq "is kept negative" '.amount | "\(.amount) \(.currency)"' "-125050 DKK"
t_ok "the largest amount the document allows" c --json exchange add --at 2026-02-04 --giver 3 \
	--receiver 4 --kind closed_business --amount "90 071 992 547 409,92"
t_jq "has 16 digits" '.amount.amount' "9007199254740992"
t_exit "one öre more is out of range" 1 c exchange add --giver 3 --receiver 4 --kind help \
	--amount "90071992547409,93"
t_exit "a minus inside an amount is refused" 1 c exchange add --giver 3 --receiver 4 --kind help --amount "1-2"
t_match "with the forms it takes" "'1-2' is not an amount such as '12500', '-12 500,50 SEK'" "$T_ERR"
t_ok "tie" c tie add --a 3 --b 4 --liking-a 4 --since 2024-05-02 --private
t_ok "a defaulted field cleared" c --json tie edit 11 --unset tier
t_jq "tier is empty" '.tier' "null"
t_ok "membership" c membership add --network-id 7 --person-id 3 --hours-per-meeting 2.5 \
	--hourly-cost "1 234,56" --since 2025-01-01
t_ok "meeting" c meeting add --network-id 7 --at "2026-03-05 07:30" \
	--attendance '[{"person": "3", "code": "P"}, {"person": "4", "code": "S"}]' \
	--visitors '[{"person": "6", "invited_by": "3"}, {"person": "5"}]'
t_ok "one-to-one with a two-line note" c one-to-one add --at 2026-03-06T12:00:45Z --a 5 --b 6 \
	--notes-a $'talked about onboarding\nand a workshop'
t_ok "takeaway" c takeaway add --network-id 7 --meeting-id 13 --author 3 --at "2026-03-05 09:00" \
	--text "Kommunerne udbyder lederrekruttering." --tags lead
t_ok "goal" c goal add --owner-person 3 --metric customer_meetings --target 12.5 --from 2026-01-01 --to 2026-12-31
t_ok "plan" c plan add --owner-person 3 --capacity-per-month 2 --segments '[{"industry": "62", "want": 3}]'
t_ok "ask" c ask add --person 4 --at 2026-03-01 --text "Introduktion til CFO'er" --segment '{"region": "DK-84"}'
t_ok "offer" c offer add --person 5 --at 2026-03-01 --text "Workshop" --status closed
t_ok "task" c task add --owner-person 3 --person 6 --due 2026-04-01 --kind thank --done-at "2026-03-30 16:00"
t_ok "export the small workspace" c export json -o "$T_DIR/c.json"

t_ok "json2cli on it" "$json2cli" "$T_DIR/c.json"
cp "$T_OUT" "$T_DIR/c.sh"
t_match "ids move past the gap, the default is cleared" "^mutua tie edit 10 --unset tier$" "$T_DIR/c.sh"
t_match "a shared e-mail names nobody: the new id" \
	"^mutua referral add --giver sk@kjaer.dk --receiver 3 --prospect-person 5 --network-id 6 " "$T_DIR/c.sh"
t_match "a list with an item that starts with [ goes as JSON" \
	"--tags '\[\"\[vip\]\", \"bni\"\]'" "$T_DIR/c.sh"
t_match "as does a list of texts" "--themes '\[\"\[draft\] onboarding\", \"ledelse\"\]'" "$T_DIR/c.sh"
t_match "the negative amount" "--amount '-1 250,50 DKK'" "$T_DIR/c.sh"
documented "$T_DIR/c.sh"
t_ok "rebuild the small workspace" rebuild "$T_DIR/d.db" "$T_DIR/c.sh"
t_ok "export the rebuild" $MUTUA --db "$T_DIR/d.db" export json -o "$T_DIR/d.json"
t_jq "the ids moved" '[.persons[].id] | join(",")' "2,3,4,5" "$T_DIR/d.json"
t_jq "attendance follows" '[.meetings[0].attendance[].person] | join(",")' "2,3" "$T_DIR/d.json"
t_eq "the workspace and its settings" "$(jq -S .workspace "$T_DIR/d.json")" "$(jq -S .workspace "$T_DIR/c.json")"
# json2cli maps every old id to the new one, so up to the ids the two documents are the
# same exactly when the scripts made from them are (their first two lines name the file)
t_ok "json2cli on the rebuild" "$json2cli" "$T_DIR/d.json"
if diff <(tail -n +3 "$T_DIR/c.sh") <(tail -n +3 "$T_OUT") >"$T_DIR/diff"; then t_pass; else
	t_fail "the rebuilt small workspace differs:"; head -20 "$T_DIR/diff" >&2
fi

# json2cli knows the reference fields from model.c; every PERSON or ID option must be one
t_ok "json2cli --refs" "$json2cli" --refs
cp "$T_OUT" "$T_DIR/refs"
missing=""
for e in org person profile tie exchange referral network membership meeting one-to-one \
	takeaway goal plan ask offer task; do
	for o in $($MUTUA help $e | sed -nE 's/^  --([a-z-]+) (PERSON|ID) .*/\1/p' | tr - _); do
		grep -qx "$o" "$T_DIR/refs" || missing="$missing $e.$o"
	done
done
t_eq "json2cli maps every reference option" "$missing" ""
t_exit "json2cli refuses another format" 1 "$json2cli" <(echo '{"format": "other/1"}')
t_exit "json2cli usage" 2 "$json2cli" --frob
t_done
