#!/bin/bash
# scripts/check-layers can fail: copies of a small clean fake tree, each with one fault,
# are refused with the file and line at fault; the clean tree itself passes.
. "$(dirname "$0")/../lib/t.sh"

CHECK=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}/scripts/check-layers
CLEAN=$T_DIR/clean

mkdir -p "$CLEAN/src/core" "$CLEAN/src/store/migrations" "$CLEAN/src/io" "$CLEAN/src/cli" \
	"$CLEAN/src/http" "$CLEAN/src/method" "$CLEAN/src/graph" "$CLEAN/tests/unit"
cat >"$CLEAN/src/core/banned.h" <<'EOF'
#define BANNED(func) sorry_##func##_is_a_banned_function
#define strcpy(x, y) BANNED(strcpy)
#define sprintf(...) BANNED(sprintf)
EOF
cat >"$CLEAN/src/core/model.h" <<'EOF'
/* a comment may say #include "store/store.h" or strcpy(a, b) */
#include <stddef.h>
#include "core/banned.h"
#include "enums_gen.h"
static const char *const s = "sprintf(x) in a string is no call";
EOF
cat >"$CLEAN/src/store/migrations/0001-init.sql" <<'EOF'
-- workspace has no workspace_id; person has
CREATE TABLE workspace (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE person (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id),
	id INTEGER NOT NULL,
	"full_name" TEXT NOT NULL, -- it's a name; SELECT id FROM person in a comment is fine
	PRIMARY KEY (workspace_id, id)
);
UPDATE person SET "full_name" = trim("full_name") WHERE workspace_id > 0;
EOF
cat >"$CLEAN/src/store/store.c" <<'EOF'
#include <sqlite3.h>
#include "store/store.h"

static const char *const fixed[] = {
	"SELECT id, \"full_name\" FROM person"
	" WHERE workspace_id = $1 AND id = $2",
	"INSERT INTO person (workspace_id, id, \"full_name\") VALUES ($1, $2, $3)",
	"UPDATE workspace SET name = $2 WHERE id = $1",
};

static void compose(const char *table)
{
	struct mu_buf sql;

	mu_buf_addf(&sql, "UPDATE %s SET updated_at = $3", table);
	mu_buf_addf(&sql, ", \"%s\" = $%d", "full_name", 4);
	mu_buf_adds(&sql, " WHERE workspace_id = $1 AND id = $2");
	mu_buf_reset(&sql);
	mu_buf_addf(&sql, "DELETE FROM %s WHERE workspace_id = $1 AND id = $2", table);
}
EOF
mv "$CLEAN/src/store/store.c" "$CLEAN/src/store/sqlite.c"
printf '#include "core/model.h"\n#include <jansson.h>\n' >"$CLEAN/src/io/record.c"
printf '#include "http/server.h"\n#include "app/app.h"\n' >"$CLEAN/src/cli/main.c"
printf '#include "core/model.h"\n#include "method/fit.h"\n' >"$CLEAN/src/method/fit.c"
printf 'int f(char *b) { return snprintf(b, 4, "x") + my_sprintf(b); }\n' \
	>"$CLEAN/tests/unit/test_x.c"

t_ok "the clean fake tree passes" python3 "$CHECK" "$CLEAN"
t_eq "and says nothing" "$(cat "$T_OUT" "$T_ERR")" ""

# variant NAME: a copy of the clean tree to add one fault to
variant() { rm -rf "${T_DIR:?}/$1"; cp -r "$CLEAN" "$T_DIR/$1"; echo "$T_DIR/$1"; }

# refused NAME TREE REGEX: the checker fails on TREE with a line matching REGEX
refused() {
	t_exit "$1 is refused" 1 python3 "$CHECK" "$2"
	t_match "$1 is named" "$3" "$T_ERR"
}

d=$(variant core-store)
printf '/* one */\n#include <stdio.h>\n#include "store/store.h"\n' >"$d/src/core/bad.c"
refused "core including store/store.h" "$d" '^src/core/bad\.c:3: core must not include "store/store\.h"'
t_match "the count is given" '^check-layers: 1 problem' "$T_ERR"

d=$(variant store-unscoped)
printf '\nstatic const char *q =\n\t"SELECT id FROM person";\n' >"$d/src/store/bad.c"
refused "an unscoped SELECT in the store" "$d" \
	'^src/store/bad\.c:3: statement on workspace table person is not scoped by workspace_id: SELECT id FROM person$'

d=$(variant store-composed)
cat >"$d/src/store/composed.c" <<'EOF'
static void compose(const char *table)
{
	struct mu_buf sql;

	mu_buf_addf(&sql, "UPDATE %s SET updated_at = $3", table);
	mu_buf_adds(&sql, " WHERE id = $2");
}
EOF
refused "a composed UPDATE without workspace_id" "$d" \
	'^src/store/composed\.c:5: statement on workspace table %s .*UPDATE %s SET updated_at = \$3 WHERE id = \$2'

d=$(variant store-select-list)
printf 'const char *q = "SELECT workspace_id, id FROM person";\n' >"$d/src/store/bad.c"
refused "workspace_id only in the select list" "$d" '^src/store/bad\.c:1: .*not scoped'

d=$(variant migration)
printf 'DELETE FROM person\n\tWHERE id = 3;\n' >>"$d/src/store/migrations/0001-init.sql"
refused "an unscoped DELETE in a migration" "$d" \
	'^src/store/migrations/0001-init\.sql:10: statement on workspace table person'
printf -- '-- check-layers: all-workspaces\nDELETE FROM person WHERE id = 3;\n' \
	>"$d/src/store/migrations/0002-fix.sql"
t_exit "the marked one is not" 1 python3 "$CHECK" "$d"
t_nomatch "only the unmarked one is named" '0002-fix' "$T_ERR"

d=$(variant io-sqlite)
printf '#include <sqlite3.h>\n' >"$d/src/io/db.c"
refused "sqlite3.h outside the driver" "$d" '^src/io/db\.c:1: sqlite3\.h is included only by src/store/sqlite\.c'

d=$(variant io-store)
printf '#include "core/model.h"\n#include "store/store.h"\n' >"$d/src/io/db.c"
refused "io including the store" "$d" '^src/io/db\.c:2: io must not include "store/store\.h"'

d=$(variant core-jansson)
printf '#include <jansson.h>\n' >>"$d/src/core/model.h"
refused "core including jansson.h" "$d" '^src/core/model\.h:6: core must not include jansson\.h'

d=$(variant cli-http)
printf '#include "http/routes.h"\n' >>"$d/src/cli/main.c"
refused "cli including http internals" "$d" '^src/cli/main\.c:3: cli must not include "http/routes\.h"'

d=$(variant http-cli)
printf '#include "cli/cli.h"\n' >"$d/src/http/server.c"
refused "http including cli" "$d" '^src/http/server\.c:1: http must not include "cli/cli\.h"'

d=$(variant method-graph)
printf '#include "graph/csr.h"\n' >>"$d/src/method/fit.c"
refused "method including graph" "$d" '^src/method/fit\.c:3: method must not include "graph/csr\.h"'

d=$(variant app-cli)
mkdir -p "$d/src/app"
printf '#include "../cli/cli.h"\n' >"$d/src/app/app.c"
refused "app including cli by a relative path" "$d" '^src/app/app\.c:1: app must not include "cli/cli\.h"'

d=$(variant banned)
printf 'void f(char *b)\n{\n\tsprintf(b, "%%d", 1);\n}\n' >"$d/src/io/bad.c"
refused "a banned call" "$d" '^src/io/bad\.c:3: sprintf\(\) is called: banned by src/core/banned\.h'
printf 'void g(char *b) { gets(b); }\n' >"$d/tests/unit/test_y.c"
refused "gets() in a test" "$d" '^tests/unit/test_y\.c:1: gets\(\) is called'

t_exit "a root without src/ is a usage error" 2 python3 "$CHECK" "$T_DIR/nowhere"
t_done
