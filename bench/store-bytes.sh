#!/usr/bin/env bash
# bench/store-bytes.sh MUTUA WORK - what a person, a tie and an exchange take on disk,
# on SQLite and on PostgreSQL, for docs/scaling.md. One workspace document
# (bench/gen-personal.py, BENCH_STORE_N contacts, default 20,000) is imported into a
# new SQLite file and into a new PostgreSQL database (scripts/cluster's); then, per
# table, its rows and bytes with its indexes:
#   SQLite     the pages of the table and of its indexes (the dbstat table)
#   PostgreSQL pg_total_relation_size (heap, indexes, TOAST), after VACUUM
# One line per table:
#   BENCH store_bytes <table> rows=<n> sqlite=<bytes/row> postgres=<bytes/row>
# Needs sqlite3 and PostgreSQL (scripts/deps --test, --cluster).
set -u
mutua=$1 work=$2
n=${BENCH_STORE_N:-20000}
die() { echo "bench: store-bytes: $*" >&2; exit 1; }
command -v sqlite3 >/dev/null || die "sqlite3 is missing: scripts/deps --test installs it"
scripts/deps --cluster >&2 || die "scripts/deps --cluster failed"

doc=$work/store-bytes.json
python3 bench/gen-personal.py "$n" "${BENCH_SEED:-1}" >"$doc" || die "gen-personal failed"
db=$work/store-bytes.db
rm -f "$db" "$db"-wal "$db"-shm
"$mutua" --db "$db" import json "$doc" >/dev/null || die "import into SQLite failed"
# the audit trail grows with reads too: 200 of them, for its bytes per entry
for _ in $(seq 200); do "$mutua" --db "$db" --json person list --limit 1 >/dev/null; done
sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE); VACUUM;' >/dev/null

cl=$work/store-bytes-cluster
rm -rf "$cl"
trap 'scripts/cluster stop "$cl" >/dev/null 2>&1' EXIT
scripts/cluster --dir "$cl" --port 0 --servers 1 --mutua "$mutua" --detach >/dev/null ||
	die "scripts/cluster failed"
bin=$(cat "$cl/pg.bin")
"$bin/createdb" -h "$cl/sock" -U mutua bytes || die "createdb failed"
pg="postgresql:///bytes?host=$cl/sock&user=mutua"
"$mutua" --db "$pg" import json "$doc" >/dev/null || die "import into PostgreSQL failed"
for _ in $(seq 200); do "$mutua" --db "$pg" --json person list --limit 1 >/dev/null; done
psql() { "$bin/psql" -h "$cl/sock" -U mutua -d bytes -qtAX "$@"; }
psql -c 'VACUUM ANALYZE' >/dev/null

echo "storage: $n contacts (bench/gen-personal.py), bytes per row with the table's indexes"
for table in person organisation tie exchange one_to_one referral meeting audit; do
	rows=$(sqlite3 "$db" "SELECT count(*) FROM $table")
	[ "$rows" -gt 0 ] || continue
	sq=$(sqlite3 "$db" "SELECT sum(pgsize) FROM dbstat WHERE name = '$table' OR name IN
		(SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = '$table')")
	pgb=$(psql -c "SELECT pg_total_relation_size('$table')")
	pgrows=$(psql -c "SELECT count(*) FROM $table")
	awk -v t="$table" -v r="$rows" -v s="$sq" -v p="$pgb" -v pr="$pgrows" 'BEGIN {
		printf "BENCH store_bytes %s rows=%d sqlite=%.0f postgres=%.0f\n", t, r, s / r, p / pr }'
done
echo "whole database: sqlite $(stat -c %s "$db") bytes, postgres $(psql -c "SELECT pg_database_size('bytes')") bytes"
