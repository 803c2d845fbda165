/*
 * vcard.h - vCard in (2.1, 3.0 and 4.0) and out (4.0): address books as contacts.
 *
 * The reader turns every vCard of a file into a struct contact (io/contact.h): the
 * name, organisation, title, note, birthday, first address's city and country, and
 * the e-mail addresses, phone numbers, URLs and categories, preferred values first.
 * It follows RFC 2426 (3.0), RFC 6350 (4.0) and the vCard 2.1 specification, and is
 * lenient where real exporters (iOS, macOS, Google, Outlook, Android) stray from them.
 * Photos, sounds, keys, logos, agents and every property Mutua has no field for are
 * passed over, whatever their size. The writer writes vCard 4.0 through ical.h's
 * content-line writer (RFC 6350 §3 shares RFC 5545's folding and escaping).
 *
 *	struct contact_file f;
 *	if ((rc = vcard_read(a, bytes, len, &f, err)) < 0)
 *		return rc;	(err: "line 12", "content line without ':' ('FOO')")
 *	for (size_t i = 0; i < f.n && rc == 0; i++)
 *		rc = vcard_write(&b, &f.items[i], NULL);
 */
#ifndef MU_IO_VCARD_H
#define MU_IO_VCARD_H

#include <stddef.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"
#include "io/contact.h"

/* The longest content line the reader keeps, after unfolding; properties it passes
 * over (PHOTO ...) may be longer. */
#define VCARD_LINE_MAX (1024 * 1024)
/* The most vCards one file may hold. */
#define VCARD_CARDS_MAX 1000000

/*
 * Read every vCard in data[0..len), the raw bytes of a file (UTF-8 with or without a
 * BOM, UTF-16 with a BOM, or Windows-1252: see enc_to_utf8). Fills *out: kind
 * CONTACT_VCARD, encoding, items (one per card, in file order; item.line is the line
 * of its BEGIN:VCARD) and n. Everything lives in the arena a: the text is copied once,
 * and the strings point into that copy.
 *
 * What each property gives, and how values are decoded:
 *   FN, N (family;given;middle;prefix;suffix), ORG (organisation;department), TITLE,
 *   NOTE: the first non-empty one, or the one with the best PREF. Without FN the full
 *   name is N's parts joined by spaces (prefix given middle family suffix).
 *   BDAY: "YYYY-MM-DD" from 19800512, 1980-05-12 or 1980-05-12T...; "--MM-DD" from
 *   --0512 or --05-12 (and from Apple's X-APPLE-OMIT-YEAR); anything else is NULL.
 *   EMAIL (without "mailto:"), TEL (without a 4.0 "tel:"), URL: every one, the
 *   preferred first (PREF=n in 4.0, lowest first; TYPE=pref in 3.0; a bare PREF in
 *   2.1), then in file order. CATEGORIES: every item of every line.
 *   ADR: locality and country of the preferred (else the first) address that has one.
 * Values are unfolded, decoded from quoted-printable (2.1: with CHARSET=, any charset
 * but UTF-8 and US-ASCII is read as Windows-1252, as are bytes that are not UTF-8),
 * unescaped (\n \, \; \\ \: in 3.0 and 4.0; only \; and \, in 2.1, where a backslash
 * is otherwise a backslash), stripped of control characters but tab and newline (CR LF
 * and a lone CR become a newline) and trimmed; an empty value is absent.
 *
 * Errors, with the field "line N" (the physical line, 1-based): MU_EINVAL for a content
 * line without ':' in a card, END:VCARD without BEGIN:VCARD, content other than blank
 * lines outside a card, a card without END:VCARD (the line of its BEGIN), a file
 * without any vCard (field ""), and enc_to_utf8's errors (its field); MU_ETOOBIG for a
 * kept line longer than VCARD_LINE_MAX or more than VCARD_CARDS_MAX cards. On error
 * *out is left empty (n 0).
 */
int vcard_read(struct mu_arena *a, const char *data, size_t len, struct contact_file *out,
	       struct mu_error *err);

/*
 * Append one vCard 4.0 for c: BEGIN, VERSION, UID (when uid is not NULL), FN (empty when
 * c has no full name), N (when any part is set), ORG, TITLE, EMAIL and TEL (the first
 * with PREF=1), URL, ADR (;;;city;;;country, when either is set), BDAY (YYYYMMDD or
 * --MMDD; a birthday in neither contact.h form is left out), CATEGORIES, NOTE, END.
 * Lines end in CRLF and are folded at 75 octets; values are escaped as RFC 6350 TEXT
 * (URLs and phone numbers too, so that any text survives). For a contact as vcard_read
 * gives it (trimmed, no control characters but tab and newline), vcard_read gives the
 * same fields back. 0, or MU_ETOOBIG when b's limit is hit, and then b holds what it
 * held before the call.
 */
int vcard_write(struct mu_buf *b, const struct contact *c, const char *uid);

#endif
