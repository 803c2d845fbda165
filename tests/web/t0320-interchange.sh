#!/bin/bash
# t0320-interchange: importing and exporting contacts in the web UI (#/interchange) in
# headless Chromium (tests/web/interchange.mjs), in English, Swedish and Danish: a file
# previewed line by line as a dry run, then imported; a bad file's line beside the
# file; the exports saved. Writes docs/screenshots/interchange.png.
. "$(dirname "$0")/../lib/t.sh"

now=2026-11-23T10:00:00Z

t_ok "a workspace" $MUTUA --now $now init --name "Mitt nätverk" --kind personal --currency SEK
t_ok "with me in it" $MUTUA --now $now person add --full-name "Jag Själv"
printf '%s\n' 'a web password of twelve+' >"$T_DIR/pw"
t_ok "an owner who can sign in" $MUTUA account add web@example.org --name "Webb Testare" \
	--role owner --password-file "$T_DIR/pw"
# what a dry run adds, as the command line counts it
t_ok "the CLI's dry run" $MUTUA --now $now --json import linkedin \
	"$ROOT/tests/data/contacts/linkedin-2024.csv" --me "Jag Själv" --dry-run
added=$(jq -r .added "$T_OUT")
mkdir -p "$T_DIR/files" "$T_DIR/downloads"
cp "$ROOT/tests/data/contacts/linkedin-2024.csv" "$T_DIR/files/"
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ny Person\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Halv\r\n' \
	>"$T_DIR/files/bad.vcf"

t_serve --now $now
[ -n "$base" ] || { t_done; exit; }
unset T_TOKEN
t_browser interchange.mjs EMAIL=web@example.org PASSWORD='a web password of twelve+' \
	FILES="$T_DIR/files" WANT_ADDED="$added" SHOTS="$ROOT/docs/screenshots" \
	DOWNLOADS="$T_DIR/downloads"
t_ok "the import stayed" $MUTUA --json person list
t_jq "  with the LinkedIn people" '[.items[] | select(.full_name == "Åsa Öberg")] | length' 1
t_serve_stop
t_done
