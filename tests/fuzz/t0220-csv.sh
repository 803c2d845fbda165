#!/bin/bash
# The LinkedIn and Google Contacts CSV reader and the Google writer (src/io/contacts_csv.c,
# src/io/csv.c): the fuzz target tests/fuzz/fuzz_csv.c (invariants of what is read, and
# write-then-read gives the same contacts) under tests/fuzz/driver.c, built with gcc and
# the Makefile's TEST_FLAGS (ASan + UBSan): the corpus, then 200000 deterministic inputs.
# Then always libFuzzer (clang -fsanitize=fuzzer,address,undefined) for
# MUTUA_FUZZ_SECONDS (default 10) on a copy of the corpus; any crash or leak fails.
. "$(dirname "$0")/../lib/t.sh"
cd "$(dirname "$0")/../.." || exit 1

CC=${CC:-gcc}
ITERATIONS=200000
SECONDS_FUZZ=${MUTUA_FUZZ_SECONDS:-10}
SOURCES="src/io/contacts_csv.c src/io/csv.c src/io/contact.c src/io/encoding.c src/core/arena.c
	src/core/buf.c src/core/error.c"
LIBS="-lcsv"
# The Makefile is the one place the test flags are written.
FLAGS=$(make -s --no-print-directory --eval='t-print-flags: ; @echo $(TEST_FLAGS)' t-print-flags)
FLAGS="$FLAGS -D_GNU_SOURCE -Isrc -Ibuild/gen"
corpus=tests/fuzz/corpus/csv

if [ -z "$FLAGS" ] || ! $CC $FLAGS -o "$T_DIR/fuzz_csv" tests/fuzz/fuzz_csv.c tests/fuzz/driver.c \
	$SOURCES $LIBS 2>"$T_ERR"; then
	t_fail "build the fuzz target: $(head -c 600 "$T_ERR")"
	t_done
	exit
fi
t_pass

# the corpus (the sample files of tests/data/contacts and a few more) runs first
t_ok "the corpus and $ITERATIONS inputs" "$T_DIR/fuzz_csv" -n $ITERATIONS -s 1 -m 4096 $corpus
t_match "the driver ran the corpus" "^driver: [1-9][0-9]* files, $ITERATIONS random" "$T_OUT"
sed "s/^/$T_NAME: /" "$T_OUT"

# the target must see a broken round trip: a reader whose Labels lose their last tag
sed 's/c->tags.n = labels(r, c->tags.v);/c->tags.n = labels(r, c->tags.v) - (n > 1);/' \
	src/io/contacts_csv.c >"$T_DIR/broken.c"
if ! grep -q 'labels(r, c->tags.v) - (n > 1)' "$T_DIR/broken.c"; then
	t_fail "could not break the reader for the oracle check"
elif $CC $FLAGS -o "$T_DIR/fuzz_broken" tests/fuzz/fuzz_csv.c tests/fuzz/driver.c \
	"$T_DIR/broken.c" $(echo "$SOURCES" | sed 's|src/io/contacts_csv.c||') $LIBS \
	2>"$T_ERR"; then
	printf 'First Name,Labels\r\nÅsa,a ::: b ::: c\r\n' >"$T_DIR/tags.csv"
	# through a shell of its own, which reports the abort into $T_ERR, not here
	t_exit "the oracle catches lost tags" 134 bash -c '"$@"; exit $?' - \
		"$T_DIR/fuzz_broken" -n 0 "$T_DIR/tags.csv"
	t_match "and says what differs" "^fuzz_csv: tags" "$T_ERR"
else
	t_fail "build the broken target: $(head -c 600 "$T_ERR")"
fi

# libFuzzer: clang does not know gcc's -Wno-format-truncation
if ! command -v clang >/dev/null; then
	t_fail "no clang: libFuzzer cannot run"
elif clang $FLAGS -Wno-unknown-warning-option -fsanitize=fuzzer,address,undefined \
	-o "$T_DIR/libfuzzer_csv" tests/fuzz/fuzz_csv.c $SOURCES $LIBS 2>"$T_ERR"; then
	t_pass
	mkdir -p "$T_DIR/corpus"
	cp $corpus/* "$T_DIR/corpus/"
	t_ok "libFuzzer for $SECONDS_FUZZ s" "$T_DIR/libfuzzer_csv" -max_len=4096 \
		-max_total_time="$SECONDS_FUZZ" -print_final_stats=1 "$T_DIR/corpus"
	t_match "libFuzzer finished its runs" "^Done [0-9]+ runs" "$T_ERR"
	grep -E '^Done [0-9]+ runs|^stat::(number_of_executed_units|peak_rss_mb)' "$T_ERR" |
		sed "s/^/$T_NAME: libFuzzer: /"
else
	t_fail "build the libFuzzer target: $(head -c 600 "$T_ERR")"
fi
t_done
