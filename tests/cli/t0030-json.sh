#!/bin/bash
# The workspace document: round trip byte for byte, foreign ids mapped, bad documents
# refused with their JSON path and nothing imported, the schema (independent validator) passes the demo.
. "$(dirname "$0")/../lib/t.sh"

m() { $MUTUA --now 2026-11-23T10:00:00Z "$@"; }
t_ok "demo" m demo --kind group
t_ok "export" m export json -o "$T_DIR/a.json"
t_ok "import into a new database" m --db "$T_DIR/b.db" import json "$T_DIR/a.json"
t_ok "export again" m --db "$T_DIR/b.db" export json -o "$T_DIR/b.json"
if cmp -s "$T_DIR/a.json" "$T_DIR/b.json"; then t_pass; else
	t_fail "round trip is not byte-identical"; diff "$T_DIR/a.json" "$T_DIR/b.json" | head -20 >&2
fi
t_ok "export to stdout" m --db "$T_DIR/b.db" export json
if cmp -s "$T_OUT" "$T_DIR/b.json"; then t_pass; else t_fail "stdout and -o differ"; fi
t_jq "format" '.format' "mutua-workspace/1" "$T_DIR/a.json"
t_jq "arrays sorted by id" '[.persons[].id | tonumber] | . == sort' "true" "$T_DIR/a.json"
t_jq "every array written" '[.organisations, .persons, .profiles, .ties, .exchanges, .referrals,
	.networks, .memberships, .meetings, .one_to_ones, .takeaways, .goals, .plans, .asks, .offers,
	.tasks] | map(type) | unique | join(",")' "array" "$T_DIR/a.json"
t_ok "the schema validates the demo export" "$ROOT/tests/tools/validate-schema" \
	"$ROOT/docs/workspace.schema.json" "$T_DIR/a.json"
t_jq "about 25 members" '[.memberships[] | select(.role != "visitor")] | length >= 20' "true" "$T_DIR/a.json"


# foreign ids are mapped and references follow
cat >"$T_DIR/f.json" <<'DOC'
{"format": "mutua-workspace/1",
 "workspace": {"name": "Mapped", "kind": "personal", "currency": "DKK"},
 "organisations": [{"id": "o-x", "name": "Kjær Leadership"}],
 "persons": [{"id": "p-anna", "full_name": "Anna Lind"},
             {"id": "p-soren", "full_name": "Søren Kjær", "organisation_id": "o-x"}],
 "profiles": [{"person_id": "p-soren", "competitors": ["p-anna"]}],
 "ties": [{"id": "t1", "a": "p-anna", "b": "p-soren", "tier": "inner"}]}
DOC
t_ok "import with foreign ids" m --json import json "$T_DIR/f.json"
t_jq "counts" '.imported.persons' "2"
t_ok "export it" m --workspace Mapped --json export json
t_jq "ids became store ids" '[.persons[].id] | join(",")' "2,3"
t_jq "references follow" '.persons[1].organisation_id' "1"
t_jq "nested references follow" '.profiles[0].competitors[0]' "2"
t_jq "tie" '"\(.ties[0].a)-\(.ties[0].b)"' "2-3"

# bad documents: refused with the path, nothing imported
bad() { # NAME PATH-REGEX JQ-EDIT
	jq "$3" "$T_DIR/f.json" >"$T_DIR/bad.json"
	t_exit "$1 is refused" 1 m import json "$T_DIR/bad.json" --as "Bad"
	t_match "$1 names the path" "$2" "$T_ERR"
}
bad "an unknown field" 'persons\[1\]\.emial: unknown field' '.persons[1].emial = "x"'
bad "a bad enum" 'ties\[0\]\.tier' '.ties[0].tier = "best"'
bad "a dangling reference" "ties\[0\]\.b: no person 'p-nobody'" '.ties[0].b = "p-nobody"'
bad "a bad date" 'ties\[0\]\.since' '.ties[0].since = "2024-02-30"'
bad "a duplicate id" "id 'p-anna' appears twice" '.persons[1].id = "p-anna"'
bad "another format" 'format' '.format = "mutua-workspace/2"'
bad "an unknown array" 'peoples: unknown field' '.peoples = []'
bad "a missing id" 'persons\[0\]\.id: is required' 'del(.persons[0].id)'
bad "a failure late in the document" 'ties\[0\]\.liking_a' '.ties[0].liking_a = 9'
printf '{"format": "mutua-workspace/1", "workspace": {' >"$T_DIR/trunc.json"
t_exit "malformed JSON" 1 m import json "$T_DIR/trunc.json"
t_match "with line and column" "line [0-9]+, column [0-9]+" "$T_ERR"
printf '{"format": "mutua-workspace/1", "format": "x"}' >"$T_DIR/dup.json"
t_exit "duplicate keys" 1 m import json "$T_DIR/dup.json"
t_exit "a missing file" 1 m import json "$T_DIR/nope.json"
t_exit "an unknown import format" 2 m import vcf x
t_ok "nothing of the bad imports exists" m --json workspace list
t_jq "two workspaces only" '[.[].name] | join(",")' "BNI Öresund — Lund,Mapped"
t_exit "importing a workspace of an existing name" 1 m import json "$T_DIR/f.json"
t_ok "--as names it anew" m import json "$T_DIR/f.json" --as "Mapped 2"
m import json - --as "From stdin" <"$T_DIR/f.json" >"$T_OUT" 2>"$T_ERR"; t_eq "stdin" "$?" "0"
t_done
