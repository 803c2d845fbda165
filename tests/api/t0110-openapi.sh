#!/bin/bash
# GET /api/v1/openapi.json: served to anyone, valid for an outside validator
# (@apidevtools/swagger-parser via tests/tools/validate-openapi.mjs, installed by
# scripts/deps --test), and that validator does fail on a broken document.
# tests/unit/test_openapi.c holds the document to the route table, route by route.
. "$(dirname "$0")/../lib/t.sh"

validator=$ROOT/tests/tools/validate-openapi.mjs
if [ ! -d "$ROOT/tests/tools/node_modules/@apidevtools/swagger-parser" ]; then
	t_fail "the OpenAPI validator is not installed: run scripts/deps --test"
	t_done
	exit
fi

m() { $MUTUA --now 2026-11-23T10:00:00Z "$@"; }
t_ok "init" m init --name Api --kind group
t_serve --now 2026-11-23T10:00:00Z
[ -n "$base" ] || { kill $pid; t_done; exit; }

# get PATH FILE: status and type in $code; plain `command curl`, so no credentials
# are sent whatever wraps curl: the document must be public
get() {
	code=$(command curl -s -o "$2" -w '%{http_code} %{content_type}' "$base$1")
}

doc=$T_DIR/openapi.json
get /api/v1/openapi.json "$doc"
t_eq "served without credentials" "$code" "200 application/json; charset=utf-8"
t_jq "OpenAPI 3.0" '.openapi' "3.0.3" "$doc"
get /api/v1/health "$T_DIR/health.json"
t_jq "info.version is the program's" '.info.version' "$(jq -r .version "$T_DIR/health.json")" "$doc"

t_ok "the validator accepts it" node "$validator" "$doc"

# every entity: list, create, get, change, delete
for e in organisations persons profiles ties exchanges referrals networks memberships meetings \
	one_to_ones takeaways goals plans asks offers tasks; do
	t_jq "$e operations" "[(.paths[\"/api/v1/$e\"], .paths[\"/api/v1/$e/{id}\"]) | keys[]] |
		sort | join(\" \")" "delete get get patch post" "$doc"
done
t_jq "public routes ask for no credentials" \
	'[.paths[][] | select(."x-mutua-role" == "public") | .security | length] | add' 0 "$doc"
t_jq "the others take a session or a token" \
	'[.paths[][] | select(."x-mutua-role" != "public") | .security | length] | unique == [2]' \
	true "$doc"
t_jq "create requires the record's required fields" \
	'.components.schemas.person.required | join(" ")' "id full_name" "$doc"
t_jq "a patch requires nothing" '.components.schemas.person_patch | has("required")' false "$doc"

# the validator can fail: each broken copy is refused with exit status 1
broken() { jq "$1" "$doc" >"$T_DIR/broken.json" && t_exit "$2" 1 node "$validator" "$T_DIR/broken.json"; }
broken 'del(.paths["/api/v1/health"].get.responses)' "an operation without responses"
t_match "the validator names it" "responses" "$T_ERR"
broken '.paths["/api/v1/health"].get.operationId = "get_openapi_json"' "a duplicate operationId"
broken '.paths["/api/v1/persons/{id}"].get.parameters |= map(select(."$ref" | endswith("/id") | not))' \
	"an undeclared path parameter"
broken '.components.schemas.person.properties.emails.items = {"$ref": "#/components/schemas/nope"}' \
	"a dangling \$ref"

t_serve_stop
t_done
