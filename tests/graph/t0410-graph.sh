#!/bin/bash
# t0410-graph: warm paths, people you may know, brokerage, communities, bridges and the
# map on the demo chapter, checked against networkx (tests/tools/graph-check-map), the
# API giving the same JSON, and private ties kept out of everyone else's graph.
. "$ROOT/tests/lib/t.sh"
now=2026-11-23T10:00:00Z
m() { $MUTUA --now $now "$@"; }

t_ok "demo chapter" m demo --kind group
t_ok "the map" m --json map
cp "$T_OUT" "$T_DIR/map.json"
t_jq "people" '.nodes | length > 50' "true"
t_jq "ties, each once, with a strength in (0, 1]" \
	'(.edges | length) as $n | [.edges[] | select(.strength > 0 and .strength <= 1)] | length == $n' "true"
t_jq "ties, each once" '[.edges[] | [.a, .b] | sort] | (length == (unique | length))' "true"
t_jq "every person in a community" \
	'(.nodes | length) as $n | [.nodes[] | select(.community >= 0)] | length == $n' "true"
t_ok "brokerage of everyone" m --json brokerage
cp "$T_OUT" "$T_DIR/brokerage.json"
people=$(jq -r '[.nodes[] | .id] | [range(0; length; 7) as $i | .[$i]] | join(" ")' "$T_DIR/map.json")
echo "[" >"$T_DIR/pymk.json"
sep=""
for p in $people; do
	m --json pymk "$p" --top 5 >"$T_OUT" 2>"$T_ERR" || t_fail "pymk $p: $(cat "$T_ERR")"
	printf '%s' "$sep" >>"$T_DIR/pymk.json"; cat "$T_OUT" >>"$T_DIR/pymk.json"; sep=","
done
echo "]" >>"$T_DIR/pymk.json"
echo "[" >"$T_DIR/paths.json"
sep=""
set -- $people
a=$1
shift
for b in "$@"; do
	m --json path "$a" "$b" --k 3 --max-hops 3 >"$T_OUT" 2>"$T_ERR" || t_fail "path: $(cat "$T_ERR")"
	printf '%s' "$sep" >>"$T_DIR/paths.json"; cat "$T_OUT" >>"$T_DIR/paths.json"; sep=","
done
echo "]" >>"$T_DIR/paths.json"
/usr/bin/python3 "$ROOT/tests/tools/graph-check-map" "$T_DIR/map.json" "$T_DIR/brokerage.json" \
	"$T_DIR/pymk.json" "$T_DIR/paths.json" >"$T_DIR/check.out" 2>&1
while read -r line; do
	case $line in
	"ok "*) t_pass ;;
	"not ok "*) t_fail "$line" ;;
	*) t_fail "graph-check-map: $line" ;;
	esac
done <"$T_DIR/check.out"

# what the commands say
t_ok "a warm path" m --json path "Anna Lind" "Emma Larsson"
t_jq "found, best first" '[.paths[].cost] | . == sort' "true"
t_jq "each path says whom to ask, or is a direct tie" \
	'(.paths | length) as $n | [.paths[] | select((.ask != null) or (.hops_count == 1))] | length == $n' "true"
t_ok "to anyone at an organisation" m --json path "Anna Lind" --org "Lind Rekrytering AB" 
t_jq "  the path ends there" '[.paths[] | .hops[-1].to.id] | length >= 0' "true"
t_ok "from any member" m --json path --members "Emma Larsson"
t_jq "  from members" '.from' "members"
t_exit "FROM and TO the same" 1 m path "Anna Lind" "Anna Lind"
t_exit "k out of range" 2 m path "Anna Lind" "Emma Larsson" --k 0
t_exit "hops out of range" 2 m path "Anna Lind" "Emma Larsson" --max-hops 9
t_ok "people you may know" m --json pymk "Anna Lind" --top 3
t_jq "at most three" '.candidates | length <= 3' "true"
anna=$(m --json person show "Anna Lind" | jq -r .id)
jq -r --arg a "$anna" '[.edges[] | select(.a == $a or .b == $a) | if .a == $a then .b else .a end]' \
	"$T_DIR/map.json" >"$T_DIR/known.json"
jq --slurpfile known "$T_DIR/known.json" '[.candidates[].person.id] - $known[0] | length' "$T_OUT" >"$T_DIR/n"
t_eq "none of them already known" "$(cat "$T_DIR/n")" "$(jq '.candidates | length' "$T_OUT")"
t_ok "communities" m --json communities
t_jq "cover everyone once" '[.communities[].size] | add' "$(jq '.nodes | length' "$T_DIR/map.json")"
t_ok "the same communities again" m --json communities
cp "$T_OUT" "$T_DIR/c1.json"
m --json communities >"$T_DIR/c2.json"
t_ok "stable from run to run" cmp "$T_DIR/c1.json" "$T_DIR/c2.json"
t_ok "bridges" m --json bridges
t_jq "communities and segments" '(.communities | type) + (.segments | type)' "arrayarray"

# a private tie carries no path for anyone else
t_ok "an account" m account add eva@example.org --role member
t_ok "  and another" m account add olof@example.org --role member
m --user olof@example.org --json brokerage "Anna Lind" >"$T_DIR/olof-before.json"
t_ok "eva's private contact" m --user eva@example.org --json person add --full-name "Ensam Kontakt" --private
lone=$(jq -r .id "$T_OUT")
t_ok "tied only to Anna, privately" m --user eva@example.org tie add --a "Anna Lind" --b "$lone" --private
t_ok "eva finds the way" m --user eva@example.org --json path "Emma Larsson" "$lone"
t_jq "  through Anna" '.paths[0].hops[-1].from.name' "Anna Lind"
t_exit "olof cannot even name them" 1 m --user olof@example.org path "Emma Larsson" "$lone"
t_ok "olof's map" m --user olof@example.org --json map
t_nomatch "  has neither the person nor the tie" "Ensam|\"$lone\"" "$T_OUT"
t_ok "olof's brokerage of Anna" m --user olof@example.org --json brokerage "Anna Lind"
t_eq "  is what it was before the private tie" "$(jq -c . "$T_OUT")" \
	"$(jq -c . "$T_DIR/olof-before.json")"
t_ok "eva's brokerage of Anna" m --user eva@example.org --json brokerage "Anna Lind"
t_ok "  counts the tie" test "$(jq -c . "$T_OUT")" != "$(jq -c . "$T_DIR/olof-before.json")"

# the API answers the same
t_serve --now $now
for q in "path?from=Anna%20Lind&to=Emma%20Larsson" "pymk?person=Anna%20Lind&top=3" \
	"brokerage?person=Anna%20Lind" communities bridges map; do
	code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/$q")
	t_eq "GET $q" "$code" 200
done
code=$(curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/path?from=Anna%20Lind")
t_eq "a path needs to or organisation" "$code" 400

# the server keeps each graph between requests; a change in the workspace makes it anew
one_hop="$base/api/v1/path?from=Anna%20Lind&to=Emma%20Larsson&max_hops=1"
t_ok "no tie between Anna and Emma" curl -sf "$one_hop"
t_jq "  so no path of one hop" .found 0
t_ok "  asked again, from memory" curl -sf "$one_hop"
t_jq "  the same" .found 0
t_ok "a tie between them" m tie add --a "Anna Lind" --b "Emma Larsson"
t_ok "the next request" curl -sf "$one_hop"
t_jq "  sees it" .found 1
# and each account has its own: eva's private tie is in eva's graph only
eva=$($MUTUA --now $now token create --name eva --account eva@example.org)
olof=$($MUTUA --now $now token create --name olof --account olof@example.org)
for who in eva olof eva olof; do
	tok=$eva want=1
	[ $who = olof ] && tok=$olof want=0
	code=$(command curl -s -o "$T_OUT" -w '%{http_code}' -H "Authorization: Bearer $tok" \
		"$base/api/v1/map")
	t_eq "$who's map" "$code" 200
	t_eq "  has the private contact: $want" "$(grep -c "Ensam Kontakt" "$T_OUT")" "$want"
done
t_serve_stop
t_done
