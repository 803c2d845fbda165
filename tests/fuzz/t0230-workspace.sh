#!/bin/bash
# t0230-workspace: the workspace document import (tests/fuzz/fuzz_workspace.c) under two
# fuzzers: tests/fuzz/driver.c's deterministic inputs with gcc's sanitizers, then
# clang's libFuzzer for MUTUA_FUZZ_SECONDS (default 10; `make fuzz` runs longer), both
# from the corpus of tests/fuzz/corpus/workspace. Every input the importer takes must
# round-trip (export, import, export: the same records); nothing may crash or leak.
# `make test` builds both binaries (build/test/fuzz-workspace, build/fuzz/libfuzzer-workspace).
. "$(dirname "$0")/../lib/t.sh"
cd "$(dirname "$0")/../.." || exit 1
. tests/lib/fuzz.sh

corpus=tests/fuzz/corpus/workspace
for bin in build/test/fuzz-workspace build/fuzz/libfuzzer-workspace; do
	if [ -x "$bin" ]; then t_pass; else t_fail "$bin is not built (make test builds it)"; fi
done

fuzz_run build/test/fuzz-workspace 20000 "$corpus"

mkdir -p "$T_DIR/corpus"
cp "$corpus"/* "$T_DIR/corpus/"
t_ok "libFuzzer for ${MUTUA_FUZZ_SECONDS:-10} s" build/fuzz/libfuzzer-workspace -max_len=8192 \
	-max_total_time="${MUTUA_FUZZ_SECONDS:-10}" -artifact_prefix="$T_DIR/" "$T_DIR/corpus"
t_match "  it ran" "^Done [0-9]+ runs" "$T_ERR"
grep -E '^Done [0-9]+ runs' "$T_ERR" | sed "s/^/$T_NAME: libFuzzer: /"
t_done
