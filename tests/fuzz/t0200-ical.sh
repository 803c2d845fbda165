#!/bin/bash
# The iCalendar writer (src/io/ical.c): its fuzz target under tests/fuzz/driver.c, built
# with gcc and the Makefile's TEST_FLAGS (ASan + UBSan), 200000 deterministic inputs;
# then a calendar of nasty text read back by an independent parser (tests/tools/check-ical).
# MUTUA_FUZZ_SECONDS=N adds an N-second libFuzzer run when clang has -fsanitize=fuzzer.
. "$(dirname "$0")/../lib/t.sh"
cd "$(dirname "$0")/../.." || exit 1
. tests/lib/fuzz.sh

ITERATIONS=200000
SOURCES="src/io/ical.c src/core/buf.c src/core/error.c src/core/mtime.c src/core/utf8.c"

if ! fuzz_build "$T_DIR/fuzz_ical" tests/fuzz/fuzz_ical.c $SOURCES; then
	t_done
	exit
fi

# the corpus, if one has been saved, runs first as regression
corpus=
[ -d tests/fuzz/corpus/ical ] && corpus=tests/fuzz/corpus/ical
fuzz_run "$T_DIR/fuzz_ical" $ITERATIONS $corpus
printf 'a;b,c\\d\r\n\xc3\xa5\xf0\x9f\x98\x80\xe2\x82\x00\xff%0100d' 0 >"$T_DIR/input"
t_ok "the driver runs a file" "$T_DIR/fuzz_ical" -n 0 "$T_DIR/input"
t_match "one file" "^driver: 1 files, 0 random" "$T_OUT"

if [ -n "${MUTUA_FUZZ_SECONDS:-}" ]; then
	if ! command -v clang >/dev/null; then
		echo "$T_NAME: no clang, MUTUA_FUZZ_SECONDS ignored"
	# clang does not know gcc's -Wno-format-truncation
	elif clang $FUZZ_FLAGS -Wno-unknown-warning-option -fsanitize=fuzzer \
		-o "$T_DIR/libfuzzer_ical" tests/fuzz/fuzz_ical.c $SOURCES 2>"$T_ERR"; then
		mkdir -p "$T_DIR/corpus"
		t_ok "libFuzzer for $MUTUA_FUZZ_SECONDS s" "$T_DIR/libfuzzer_ical" -max_len=2048 \
			-max_total_time="$MUTUA_FUZZ_SECONDS" "$T_DIR/corpus" $corpus
		grep -E '^Done [0-9]+ runs' "$T_ERR" | sed "s/^/$T_NAME: libFuzzer: /"
	else
		t_fail "build the libFuzzer target: $(head -c 600 "$T_ERR")"
	fi
fi

# A calendar of nasty text, and the SUMMARY of each component as it must read back.
cat >"$T_DIR/sample.c" <<'EOF'
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "io/ical.h"

int main(int argc, char **argv)
{
	static const char *const summaries[] = {
		"Ring Åsa Öberg; boka lunch, tisdag",
		"Mød Søren på Ærø, kl. 10; tag kaffe med 😀☕🇩🇰",
		"Rad ett\nRad två\\med backslash; \\n bokstavligt, \\, och \\;",
		"", /* 200 characters, filled in below */
		"Årsmöte: \"Öresund\" — 1,5 h; agenda: a) b) c) 👩‍👩‍👧 …",
	};
	static const char *const cats[] = { "Kund", "Möte, viktigt", "a;b\\c", "😀" };
	char long_text[1024] = "";
	struct mu_buf b;
	FILE *f;
	int rc = 0;

	if (argc != 3)
		return 2;
	for (int i = 0; i < 50; i++)	/* 4 characters a round: 200 */
		snprintf(long_text + strlen(long_text), sizeof(long_text) - strlen(long_text),
			 "%s", "Åø😀,");
	mu_buf_init(&b, 1 << 20);
	rc = ical_begin_calendar(&b, "-//Mutua//Mutua test//EN", "BNI Öresund; Malmö, Lund");
	for (int i = 0; i < 5 && rc == 0; i++) {
		const char *s = i == 3 ? long_text : summaries[i];
		const char *comp = i < 3 ? "VTODO" : "VEVENT";
		char uid[64];

		snprintf(uid, sizeof(uid), "%s-%d@test.mutua", i < 3 ? "task" : "event", i);
		if ((rc = ical_begin(&b, comp)) < 0 || (rc = ical_raw(&b, "UID", uid)) < 0 ||
		    (rc = ical_time(&b, "DTSTAMP", 1772613000 + i)) < 0 ||
		    (rc = ical_text(&b, "SUMMARY", s)) < 0 ||
		    (rc = ical_text(&b, "DESCRIPTION", summaries[(i + 2) % 5])) < 0 ||
		    (rc = ical_categories(&b, cats, 4)) < 0)
			break;
		if (i < 3)
			rc = ical_date(&b, "DUE", 20780 + i);
		else if ((rc = ical_time(&b, "DTSTART", 1772613000 + 86400 * i)) == 0)
			rc = ical_time(&b, "DTEND", 1772613000 + 86400 * i + 5400);
		if (rc == 0 && i < 3)
			rc = ical_raw(&b, "STATUS", "NEEDS-ACTION");
		if (rc == 0)
			rc = ical_end(&b, comp);
	}
	if (rc == 0)
		rc = ical_end_calendar(&b);
	if (rc < 0 || !(f = fopen(argv[1], "wb")))
		return 1;
	fwrite(b.data, 1, b.len, f);
	fclose(f);
	if (!(f = fopen(argv[2], "wb")))
		return 1;
	for (int i = 0; i < 5; i++) {
		const char *s = i == 3 ? long_text : summaries[i];
		fwrite(s, 1, strlen(s) + 1, f);	/* with its NUL */
	}
	fclose(f);
	mu_buf_release(&b);
	return 0;
}
EOF
if ${CC:-gcc} $FUZZ_FLAGS -o "$T_DIR/sample" "$T_DIR/sample.c" $SOURCES 2>"$T_ERR"; then
	t_pass
	t_ok "write the sample calendar" "$T_DIR/sample" "$T_DIR/sample.ics" "$T_DIR/summaries"
	t_ok "check-ical accepts it" tests/tools/check-ical --expect-summaries "$T_DIR/summaries" \
		"$T_DIR/sample.ics"
	t_match "and counts its components" "^ok .*: 3 VTODO, 2 VEVENT$" "$T_OUT"
	t_match "the 200-character summary was folded" "^ 😀" "$T_DIR/sample.ics"
else
	t_fail "build the sample writer: $(head -c 600 "$T_ERR")"
fi

# check-ical itself must see problems
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTODO\r\nUID:1\r\nSUMMARY:a,b\r\nEND:VTODO\r\nBEGIN:VTODO\r\nUID:1\r\nDTSTAMP:20260304T083000Z\r\nSUMMARY:%080d\r\nEND:VTODO\r\nEND:VCALENDAR\n' 0 \
	>"$T_DIR/bad.ics"
t_exit "check-ical refuses a bad file" 1 tests/tools/check-ical "$T_DIR/bad.ics"
t_match "no DTSTAMP" "VTODO 1: no DTSTAMP" "$T_OUT"
t_match "a duplicate UID" "VTODO 2: UID '1' also in VTODO 1" "$T_OUT"
t_match "a bare comma" "SUMMARY\): bare ','" "$T_OUT"
t_match "a long line" "88 octets, more than 75" "$T_OUT"
t_match "a bare LF" "the last line does not end in CRLF" "$T_OUT"
t_done
