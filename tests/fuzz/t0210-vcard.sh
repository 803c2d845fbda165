#!/bin/bash
# The vCard reader and writer (src/io/vcard.c): its fuzz target, a differential round
# trip (read, write every contact, read back, same fields). First under
# tests/fuzz/driver.c, built with gcc and the Makefile's TEST_FLAGS (ASan + UBSan): the
# corpus (the sample exports of tests/data/contacts and small seeds) and 200000
# deterministic inputs. Then always under libFuzzer (clang -fsanitize=fuzzer, address,
# undefined) for ${MUTUA_FUZZ_SECONDS:-10} seconds on a copy of the corpus; any crash,
# leak or failed oracle fails the test.
. "$(dirname "$0")/../lib/t.sh"
cd "$(dirname "$0")/../.." || exit 1
. tests/lib/fuzz.sh

ITERATIONS=200000
SOURCES="src/io/vcard.c src/io/contact.c src/io/encoding.c src/io/ical.c src/core/utf8.c
	src/core/arena.c src/core/buf.c src/core/error.c src/core/mtime.c"
CORPUS=tests/fuzz/corpus/vcard
if ! fuzz_build "$T_DIR/fuzz_vcard" tests/fuzz/fuzz_vcard.c $SOURCES; then
	t_done
	exit
fi

# every sample export is in the corpus, so the regression run reads them all
for f in tests/data/contacts/*.vcf; do
	if cmp -s "$f" "$CORPUS/$(basename "$f")"; then t_pass; else
		t_fail "$f is not in $CORPUS (cp it there)"
	fi
done

fuzz_run "$T_DIR/fuzz_vcard" $ITERATIONS -m 2048 $CORPUS

# the oracle must be able to fail: a reader that loses a phone number on the way back
sed 's/^\tcase P_TEL:$/&\n\t\tif (l->rank == 1 \&\& !r->v21 \&\& r->c.emails.n == 0) break;/' \
	src/io/vcard.c >"$T_DIR/vcard_broken.c"
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:a\r\nTEL:1\r\nTEL;TYPE=pref:2\r\nEND:VCARD\r\n' >"$T_DIR/tel.vcf"
if grep -q 'l->rank == 1 &&' "$T_DIR/vcard_broken.c" &&
	fuzz_build "$T_DIR/fuzz_broken" tests/fuzz/fuzz_vcard.c "$T_DIR/vcard_broken.c" \
		${SOURCES#src/io/vcard.c}; then
	# in a subshell, so that its shell, not ours, reports the abort
	("$T_DIR/fuzz_broken" -n 0 "$T_DIR/tel.vcf" >"$T_OUT" 2>"$T_ERR"; exit $?) 2>/dev/null
	t_eq "a broken reader aborts" "$?" 134
	t_match "and says why" "round trip changed the phone numbers" "$T_ERR"
fi

fuzz_libfuzzer vcard 4096 $CORPUS tests/fuzz/fuzz_vcard.c $SOURCES
t_done
