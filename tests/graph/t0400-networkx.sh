#!/bin/bash
# t0400-networkx.sh - the graph layer's answers against networkx's on three small
# classic graphs (Zachary's karate club, the Florentine families, Davis' southern
# women): warm paths, Adamic-Adar, constraint and effective size. One pass or fail per
# query; tests/tools/graph-reference says how the graphs, costs and queries are made.
. "$ROOT/tests/lib/t.sh"

check=$ROOT/build/test/graph-check
ref=$ROOT/tests/tools/graph-reference
py=/usr/bin/python3

if [ ! -x "$check" ]; then
	t_fail "build/test/graph-check is missing: make build/test/graph-check"
elif ! "$py" -c 'import networkx' 2>/dev/null; then
	t_fail "networkx is missing: scripts/deps --test installs python3-networkx"
elif ! "$py" "$ref" gen "$T_DIR" 2>"$T_ERR"; then
	t_fail "graph-reference gen: $(head -c 600 "$T_ERR")"
else
	for g in karate florentine davis; do
		in=$T_DIR/$g.in
		t_ok "$g: graph-check answers" bash -c 'exec "$1" <"$2"' - "$check" "$in" || continue
		cp "$T_OUT" "$T_DIR/$g.got"
		"$py" "$ref" compare "$in" "$T_DIR/$g.want" "$T_DIR/$g.got" >"$T_DIR/$g.cmp"
		t_match "$g: queries compared" '^(ok|FAIL) ' "$T_DIR/$g.cmp"
		while read -r status what; do
			if [ "$status" = ok ]; then t_pass; else t_fail "$g: $what"; fi
		done <"$T_DIR/$g.cmp"
	done
	# the comparison notices a wrong answer of each kind
	for kind in cost node aa constraint esize; do
		"$py" "$ref" perturb "$kind" "$T_DIR/karate.want" >"$T_DIR/bad.want"
		"$py" "$ref" compare "$T_DIR/karate.in" "$T_DIR/bad.want" "$T_DIR/karate.got" \
			>"$T_DIR/bad.cmp"
		t_eq "a perturbed $kind is caught" "$(grep -c '^FAIL' "$T_DIR/bad.cmp")" 1
	done
fi
t_done
