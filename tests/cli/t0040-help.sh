#!/bin/bash
# Help and the man page: every command in the table has help and a man section
# (the table is checked, not trusted, as git's t0012-help).
. "$(dirname "$0")/../lib/t.sh"

t_ok "help" $MUTUA help
cp "$T_OUT" "$T_DIR/help"
t_ok "man page" $MUTUA help --man
cp "$T_OUT" "$T_DIR/man"
cmds=$(awk '/^Commands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}' "$T_DIR/help")
[ -n "$cmds" ] && t_pass || t_fail "help lists no commands"
for c in $cmds; do
	t_ok "help $c" $MUTUA help "$c"
	t_match "help $c shows usage" "^usage: mutua $c " "$T_OUT"
	t_ok "$c --help" $MUTUA "$c" --help
	t_match "man page has $c" "^\.SS ${c//-/\\\\-}" "$T_DIR/man"
done
for c in init import export demo serve help person org tie exchange referral fit partners \
	powerteams balance ledger strength agenda; do
	echo "$cmds" | grep -qx "$c" && t_pass || t_fail "FORMAT.md command $c is missing"
done
t_ok "record help lists fields" $MUTUA help person
t_match "fields as options" "--full-name TEXT" "$T_OUT"
t_match "enum values shown" "legitimate_interest, consent, contract" "$T_OUT"
t_exit "help of an unknown command" 2 $MUTUA help frob
# the committed man page is the one the command table makes
if cmp -s "$T_DIR/man" "$ROOT/docs/mutua.1"; then t_pass; else
	t_fail "docs/mutua.1 is stale: run 'make man'"; fi
if command -v groff >/dev/null; then
	groff -k -man -Tutf8 -ww -z "$T_DIR/man" 2>"$T_ERR"
	if [ -s "$T_ERR" ]; then t_fail "groff warns: $(head -3 "$T_ERR")"; else t_pass; fi
fi
t_done
