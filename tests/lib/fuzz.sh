# tests/lib/fuzz.sh - the steps every fuzz test (tests/fuzz/t02*.sh) takes, after
# tests/lib/t.sh: build a target with gcc and tests/fuzz/driver.c, run it, and run it
# under clang's libFuzzer (never optional: clang and libclang-rt-14-dev come with
# scripts/deps --test). Run from the repository's root.

# The Makefile is the one place the test flags are written.
FUZZ_FLAGS="$(make -s --no-print-directory --eval='t-print-flags: ; @echo $(TEST_FLAGS)' \
	t-print-flags) -D_GNU_SOURCE -Isrc -Ibuild/gen"

# fuzz_build OUT TARGET.c SOURCES...: the target with the driver, gcc and the test
# flags; counts one check; 1 if it did not build.
fuzz_build() {
	local out=$1
	shift
	if ${CC:-gcc} $FUZZ_FLAGS -o "$out" "$@" tests/fuzz/driver.c 2>"$T_ERR"; then
		t_pass
		return 0
	fi
	t_fail "build $(basename "$out"): $(head -c 600 "$T_ERR")"
	return 1
}

# fuzz_run BINARY N DRIVER_ARGS...: a target built with the driver runs its corpus (the
# DRIVER_ARGS: -m MAXLEN, files and folders) and then N deterministic inputs (seed 1).
fuzz_run() {
	local bin=$1 n=$2
	shift 2
	t_ok "the corpus and $n inputs" "$bin" -n "$n" -s 1 "$@"
	t_match "the driver ran them all" "[0-9]+ files, $n random inputs" "$T_OUT"
	sed "s/^/$T_NAME: /" "$T_OUT"
}

# fuzz_libfuzzer NAME MAXLEN CORPUS TARGET.c SOURCES...: the target under libFuzzer for
# MUTUA_FUZZ_SECONDS (default 10) from a copy of CORPUS; no crash, leak or sanitizer
# report may come of it. clang 14 does not know gcc's -Wno-format-truncation.
fuzz_libfuzzer() {
	local name=$1 maxlen=$2 corpus=$3 seconds=${MUTUA_FUZZ_SECONDS:-10}
	shift 3
	if ! command -v clang >/dev/null; then
		t_fail "no clang: the libFuzzer run is not optional (scripts/deps --test)"
		return
	fi
	if ! clang $FUZZ_FLAGS -Wno-unknown-warning-option -fsanitize=fuzzer,address,undefined \
		-o "$T_DIR/libfuzzer_$name" "$@" 2>"$T_ERR"; then
		t_fail "build the libFuzzer target: $(head -c 600 "$T_ERR")"
		return
	fi
	t_pass
	mkdir -p "$T_DIR/corpus_$name"
	cp "$corpus"/* "$T_DIR/corpus_$name/"
	t_ok "libFuzzer for $seconds s" "$T_DIR/libfuzzer_$name" -max_len="$maxlen" \
		-max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$T_DIR/" \
		"$T_DIR/corpus_$name"
	t_match "libFuzzer finished its runs" '^Done [0-9]+ runs' "$T_ERR"
	grep -E '^Done [0-9]+ runs|^stat::(number_of_executed_units|peak_rss_mb)' "$T_ERR" |
		sed "s/^/$T_NAME: libFuzzer: /"
}
