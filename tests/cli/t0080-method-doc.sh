#!/bin/bash
# docs/method.md stays true: its setup blocks build the worked example, and every output
# block marked <!-- check: COMMAND --> is what COMMAND prints today (stdout and stderr).
#
# The file is read top to bottom: a line "<!-- setup -->" just before a fenced block makes
# that block setup commands, run there and then; a line "<!-- check: COMMAND -->" just
# before a fenced block runs COMMAND at that point and compares its output with the
# block. Both run under bash with `mutua` standing for $MUTUA, on a fresh database.
. "$(dirname "$0")/../lib/t.sh"

doc=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}/docs/method.md
export MUTUA
steps=$T_DIR/steps
mkdir -p "$steps"

# Split the document into numbered steps: NNN.setup (a script), or NNN.cmd and NNN.want.
# A marker not followed at once by a fence is reported in $steps/errors.
awk -v dir="$steps" '
	function fname(ext) { return sprintf("%s/%03d.%s", dir, n, ext) }
	inblock && /^```/ { inblock = 0; if (out) close(out); out = ""; next }
	inblock { if (out) print > out; next }
	/^```/ {
		inblock = 1
		if (pending == "setup") { n++; out = fname("setup") }
		else if (pending == "check") { n++; out = fname("want"); printf "%s\n", cmd > fname("cmd"); close(fname("cmd")) }
		if (out) printf "" > out
		pending = ""
		next
	}
	/^<!-- setup -->$/ { pending = "setup"; next }
	/^<!-- check: .* -->$/ { pending = "check"; cmd = substr($0, 13, length($0) - 16); next }
	pending != "" && NF { print "marker not followed by a fenced block, before: " $0 >> (dir "/errors"); pending = "" }
' "$doc"

t_eq "every marker comes just before a fenced block" "$(cat "$steps/errors" 2>/dev/null)" ""
n_setup=$(find "$steps" -name '*.setup' | wc -l)
n_check=$(find "$steps" -name '*.cmd' | wc -l)
if [ "$n_setup" -ge 1 ] && [ "$n_check" -ge 5 ]; then t_pass; else
	t_fail "found $n_setup setup blocks and $n_check checked examples in docs/method.md"
fi

# shellcheck disable=SC2016 # $MUTUA expands when a step runs, not here
prelude='mutua() { "$MUTUA" "$@"; }'
# in document order: the glob sorts NNN.cmd, NNN.setup and NNN.want by NNN
for f in "$steps"/[0-9][0-9][0-9].*; do
	step=$(basename "$f")
	case $f in
	*.setup)
		printf '%s\nset -e\n' "$prelude" | cat - "$f" >"$f.sh"
		t_ok "setup block $step" bash "$f.sh"
		;;
	*.cmd)
		cmd=$(cat "$f")
		want=${f%.cmd}.want
		# the reader sees the commands too (one a line), not only the marker
		shown=1
		while read -r part; do
			[ "$(grep -cF -- "$part" "$doc")" -ge 2 ] || shown=0
		done < <(sed 's/; /\n/g' "$f")
		if [ $shown = 1 ]; then t_pass; else
			t_fail "example $step: the command is not shown outside its marker: $cmd"
		fi
		printf '%s\n%s\n' "$prelude" "$cmd" >"$f.sh"
		bash "$f.sh" >"$f.got" 2>&1 </dev/null
		cp "$f.got" "$T_ERR"
		t_sanitizer_clean "example $step" || continue
		if [ "$(cat "$f.got")" == "$(cat "$want")" ]; then t_pass; else
			t_fail "example $step: '$cmd' prints something else than docs/method.md shows:"
			diff "$want" "$f.got" | head -20 >&2
		fi
		;;
	esac
done

t_done
