#!/bin/bash
# The LinkedIn and Google Contacts CSV reader and the Google writer (src/io/contacts_csv.c,
# src/io/csv.c): the fuzz target tests/fuzz/fuzz_csv.c (invariants of what is read, and
# write-then-read gives the same contacts) under tests/fuzz/driver.c, built with gcc and
# the Makefile's TEST_FLAGS (ASan + UBSan): the corpus, then 200000 deterministic inputs.
# Then always libFuzzer (clang -fsanitize=fuzzer,address,undefined) for
# MUTUA_FUZZ_SECONDS (default 10) on a copy of the corpus; any crash or leak fails.
. "$(dirname "$0")/../lib/t.sh"
cd "$(dirname "$0")/../.." || exit 1
. tests/lib/fuzz.sh

ITERATIONS=200000
SOURCES="src/io/contacts_csv.c src/io/csv.c src/io/contact.c src/io/encoding.c src/core/utf8.c
	src/core/arena.c src/core/buf.c src/core/error.c"
LIBS="-lcsv"
corpus=tests/fuzz/corpus/csv

if ! fuzz_build "$T_DIR/fuzz_csv" tests/fuzz/fuzz_csv.c $SOURCES $LIBS; then
	t_done
	exit
fi

# the corpus (the sample files of tests/data/contacts and a few more) runs first
fuzz_run "$T_DIR/fuzz_csv" $ITERATIONS -m 4096 $corpus
t_match "the driver ran the corpus" "^driver: [1-9][0-9]* files" "$T_OUT"

# the target must see a broken round trip: a reader whose Labels lose their last tag
sed 's/c->tags.n = labels(r, c->tags.v);/c->tags.n = labels(r, c->tags.v) - (n > 1);/' \
	src/io/contacts_csv.c >"$T_DIR/broken.c"
if ! grep -q 'labels(r, c->tags.v) - (n > 1)' "$T_DIR/broken.c"; then
	t_fail "could not break the reader for the oracle check"
elif fuzz_build "$T_DIR/fuzz_broken" tests/fuzz/fuzz_csv.c "$T_DIR/broken.c" \
	$(echo "$SOURCES" | sed 's|src/io/contacts_csv.c||') $LIBS; then
	printf 'First Name,Labels\r\nÅsa,a ::: b ::: c\r\n' >"$T_DIR/tags.csv"
	# through a shell of its own, which reports the abort into $T_ERR, not here
	t_exit "the oracle catches lost tags" 134 bash -c '"$@"; exit $?' - \
		"$T_DIR/fuzz_broken" -n 0 "$T_DIR/tags.csv"
	t_match "and says what differs" "^fuzz_csv: tags" "$T_ERR"
fi

fuzz_libfuzzer csv 4096 $corpus tests/fuzz/fuzz_csv.c $SOURCES $LIBS
t_done
