# tests/lib/pg.sh - a throwaway PostgreSQL for the tests that need one, after
# tests/lib/t.sh: initdb in $T_DIR, a unix socket there and no TCP port, stopped and
# removed on exit whatever happened. As root the server runs as the postgres user
# (initdb refuses root). pg_start sets PG_BIN, PG_SOCK, PG_PORT; pg_url DB gives the URL
# of database DB, pg_createdb DB makes it. 1 if there is no server to be had.

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
PG_SOCK=$T_DIR/sock
PG_DATA=$T_DIR/pg
PG_PORT=5432		# names the socket file only: the socket directory is ours alone
pg_as=()

pg() { "${pg_as[@]}" "$PG_BIN/$@"; }
pg_url() { echo "postgresql:///$1?host=$PG_SOCK&port=$PG_PORT&user=mutua"; }
pg_createdb() { "$PG_BIN/createdb" -h "$PG_SOCK" -p "$PG_PORT" -U mutua "$1"; }
pg_stop() {
	[ -f "$PG_DATA/postmaster.pid" ] && pg pg_ctl -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1
	rm -rf "$T_DIR"
}

pg_start() {
	if [ ! -x "$PG_BIN/initdb" ]; then
		t_fail "no PostgreSQL server programs (initdb): run scripts/deps --test"
		return 1
	fi
	mkdir -p "$PG_SOCK" "$PG_DATA"
	if [ "$(id -u)" -eq 0 ]; then
		local runas=postgres
		id -u "$runas" >/dev/null 2>&1 || runas=nobody
		pg_as=(runuser -u "$runas" --)
		chmod 755 "$T_DIR"
		chown "$runas" "$PG_SOCK" "$PG_DATA"
	fi
	trap pg_stop EXIT
	trap "exit 1" INT TERM HUP
	# C.UTF-8: byte order for ORDER BY on text (as SQLite's), Unicode case folding
	t_ok "initdb" pg initdb -D "$PG_DATA" -U mutua --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync ||
		return 1
	if ! t_ok "start the server" pg pg_ctl -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
		-o "-k $PG_SOCK -p $PG_PORT -c listen_addresses='' -c fsync=off -c max_connections=200" start; then
		cat "$PG_DATA/server.log" >&2
		return 1
	fi
}
