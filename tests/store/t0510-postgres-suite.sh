#!/bin/bash
# t0510-postgres-suite: the API and command-line tests again, on PostgreSQL (issue 10:
# one test suite, two databases). One throwaway server (tests/lib/pg.sh); each test
# gets a database of its own from tests/lib/t.sh (MUTUA_TEST_PG) and counts its checks
# as it does on SQLite, named "... (postgresql)". Tests that read the SQLite file
# itself (the schema upgrade of t0090, t0050's rebuild) stay SQLite's.
. "$(dirname "$0")/../lib/t.sh"
. "$(dirname "$0")/../lib/pg.sh"
pg_start || { t_done; exit; }

export MUTUA_TEST_PG="$PG_SOCK $PG_PORT $PG_BIN"
for f in tests/api/t0100-api.sh tests/api/t0110-openapi.sh tests/api/t0140-access.sh \
	tests/cli/t0010-workspace.sh tests/cli/t0020-records.sh tests/cli/t0030-json.sh \
	tests/cli/t0070-method.sh tests/cli/t0075-roi.sh tests/cli/t0080-method-doc.sh \
	tests/cli/t0120-subject.sh tests/cli/t0130-privacy.sh tests/cli/t0150-interchange.sh \
	tests/graph/t0410-graph.sh; do
	bash "$ROOT/$f" || :
done
unset MUTUA_TEST_PG
t_done
