#!/bin/bash
# t0550-postgres-search: on PostgreSQL, takeaways are searched in the workspace's
# language (migration 0007): Swedish, Danish and English stemming, so a word finds its
# inflected forms, and a query is read in the same language; a workspace that changes
# its language is read again in the new one. SQLite keeps its exact-word search.
. "$(dirname "$0")/../lib/t.sh"
. "$(dirname "$0")/../lib/pg.sh"
pg_start || { t_done; exit; }
t_ok "createdb" pg_createdb search
export MUTUA_DB=$(pg_url search)

t_ok "a Swedish workspace" $MUTUA init --name "Svenska" --kind group --locale sv
t_ok "a Danish one" $MUTUA init --name "Danska" --kind group --locale da
t_ok "an English one" $MUTUA init --name "Engelska" --kind group --locale en
t_ok "sv: a takeaway" $MUTUA --workspace Svenska takeaway add \
	--text "Nätverken i Lund växte med tre nya medlemmar" --tags '["rekryteringar"]'
t_ok "da: a takeaway" $MUTUA --workspace Danska takeaway add \
	--text "Netværket i Aarhus fik tre nye medlemmer" --tags '["anbefalinger"]'
t_ok "en: a takeaway" $MUTUA --workspace Engelska takeaway add \
	--text "The networks in Leeds gained three members" --tags '["referrals"]'

finds() { # finds NAME WORKSPACE QUERY WANT: the search gives WANT hits
	t_ok "$1" $MUTUA --workspace "$2" --json takeaway search "$3"
	t_jq "  $3: $4" '.items | length' "$4"
}
finds "sv: the stem finds the inflected word" Svenska nätverk 1
finds "sv: in a tag too" Svenska rekrytering 1
finds "sv: an inflected query" Svenska "nätverkens" 1
finds "sv: a stop word finds nothing" Svenska och 0
finds "da: the stem" Danska netværk 1
finds "da: a tag" Danska anbefaling 1
finds "en: the stem" Engelska network 1
finds "en: a tag" Engelska referral 1
finds "en: another form" Engelska gaining 1
finds "the Danish word is not in the Swedish workspace" Svenska netværk 0

bin=$PG_BIN
t_ok "the Swedish workspace turns English" "$bin/psql" -h "$PG_SOCK" -p "$PG_PORT" -U mutua -d search \
	-qtAc "UPDATE workspace SET locale = 'en' WHERE name = 'Svenska'"
finds "  and is read again: Swedish stemming is gone" Svenska nätverk 0
finds "  the exact word still matches" Svenska nätverken 1

t_ok "on SQLite the search is by exact word, as before" $MUTUA --db "$T_DIR/s.db" init --name S \
	--kind group --locale sv
t_ok "  a takeaway" $MUTUA --db "$T_DIR/s.db" takeaway add --text "Nätverket växte"
t_ok "  nätverk" $MUTUA --db "$T_DIR/s.db" --json takeaway search nätverk
t_jq "  finds nothing" '.items | length' 0
t_done
