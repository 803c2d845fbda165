#!/bin/bash
# The HTTP API through real requests to a server this test starts on an OS-chosen port.
. "$(dirname "$0")/../lib/t.sh"

m() { $MUTUA --now 2026-11-23T10:00:00Z "$@"; }
t_ok "init" m init --name Api --kind group
t_serve --now 2026-11-23T10:00:00Z
[ -n "$base" ] || { kill $pid; t_done; exit; }

# req METHOD PATH [BODY]: status in $code, body in $T_OUT
req() {
	if [ $# -ge 3 ]; then
		code=$(curl -s -o "$T_OUT" -w '%{http_code}' -X "$1" -H 'Content-Type: application/json' \
			--data-binary "$3" "$base$2")
	else
		code=$(curl -s -o "$T_OUT" -w '%{http_code}' -X "$1" "$base$2")
	fi
}

req GET /api/v1/health
t_eq "health" "$code" 200
t_jq "health says ok" '.status' "ok"
req GET /api/v1/workspace
t_jq "workspace" '.name' "Api"

# the enumerations with their labels, for the web UI; public like the OpenAPI document
code=$(command curl -s -o "$T_OUT" -w '%{http_code}' "$base/api/v1/enums")
t_eq "enums without signing in" "$code" 200
t_jq "every file of data/" 'keys | length' "$(ls "$ROOT"/data/*.tsv | wc -l)"
t_jq "a role level in three languages" '.role_level[] | select(.name == "owner") | .label | "\(.en)|\(.sv)|\(.da)"' \
	"Owner|Ägare|Ejer"
t_jq "a NACE division names its section" '.nace[] | select(.name == "62") | .section' "J"
t_jq "a section does not" '.nace[] | select(.name == "J") | has("section")' "false"
t_jq "the regions" '[.region[].name] | index("SE-M") != null' "true"
req POST /api/v1/persons '{"full_name": "Anna Lind", "emails": ["anna@lind.se"]}'
t_eq "create is 201" "$code" 201
t_jq "created" '.full_name' "Anna Lind"
id=$(jq -r .id "$T_OUT")
req POST /api/v1/persons '{"full_name": "Søren Kjær"}'
id2=$(jq -r .id "$T_OUT")
req POST /api/v1/persons '{"full_name": "Third"}'
req GET "/api/v1/persons/$id"
t_eq "get" "$code" 200
t_jq "get body" '.emails[0]' "anna@lind.se"
req PATCH "/api/v1/persons/$id" '{"title": "VD"}'
t_eq "patch" "$code" 200
t_jq "patched" '.title' "VD"
req GET "/api/v1/persons?limit=2"
t_jq "page 1" '.items | length' "2"
cursor=$(jq -r .next_cursor "$T_OUT")
req GET "/api/v1/persons?limit=2&cursor=$cursor"
t_jq "page 2" '.items | length' "1"
t_jq "page 2 ends" '.next_cursor' "null"
req POST /api/v1/ties "{\"a\": \"$id\", \"b\": \"$id2\", \"tier\": \"inner\"}"
t_eq "tie created" "$code" 201
req POST /api/v1/exchanges "{\"giver\": \"$id2\", \"receiver\": \"$id\", \"kind\": \"thanks\"}"
t_eq "an exchange without at" "$code" 201
t_jq "happened now, as on the command line" '.at' "2026-11-23T10:00:00Z"
req POST /api/v1/profiles "{\"person_id\": \"$id\", \"sphere\": \"people_hr\"}"
t_eq "profile created" "$code" 201
req GET "/api/v1/profiles/$id"
t_jq "profile by person id" '.sphere' "people_hr"

req POST /api/v1/persons '{"full_name": "X", "emial": "x"}'
t_eq "unknown field is 422" "$code" 422
t_jq "error object" '.error.code + " " + .error.field' "invalid emial"
req POST /api/v1/persons '{"full_name": '
t_eq "bad JSON is 400" "$code" 400
t_jq "bad json code" '.error.code' "bad_json"
req POST /api/v1/ties "{\"a\": \"$id\", \"b\": \"999\"}"
t_eq "dangling reference is 422" "$code" 422
t_jq "field named" '.error.field' "b"
req GET /api/v1/persons/999
t_eq "missing record is 404" "$code" 404
req GET /api/v1/persons/abc
t_eq "a bad id is 404" "$code" 404
req GET /api/v1/nothing
t_eq "unknown path is 404" "$code" 404
req PUT "/api/v1/persons/$id" '{}'
t_eq "wrong method is 405" "$code" 405
req GET "/api/v1/persons?limit=0"
t_eq "bad limit is 400" "$code" 400
req DELETE "/api/v1/persons/$id"
t_eq "a referenced person cannot be deleted" "$code" 409
head -c 2000000 /dev/zero | tr '\0' 'a' >"$T_DIR/big"
code=$(curl -s -o "$T_OUT" -w '%{http_code}' -X POST --data-binary @"$T_DIR/big" "$base/api/v1/persons")
t_eq "a body over the limit is 413" "$code" 413
req GET /api/v1/export
t_jq "export" '.format' "mutua-workspace/1"

# every entity answers a list
for e in organisations persons profiles ties exchanges referrals networks memberships meetings \
	one_to_ones takeaways goals plans asks offers tasks; do
	req GET "/api/v1/$e"
	t_eq "list $e" "$code" 200
done

# keep-alive: the server does not close the connection after a response
curl -sv "$base/api/v1/health" "$base/api/v1/health" -o /dev/null -o /dev/null 2>"$T_DIR/curl.err"
t_match "connection reused" "Re-using existing connection|Reusing existing" "$T_DIR/curl.err"

t_serve_stop
t_done
