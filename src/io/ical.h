/*
 * ical.h - an RFC 5545 iCalendar writer: content lines into a struct mu_buf.
 *
 * Each call appends whole content lines, each ended by CRLF and folded so that no line
 * is longer than 75 octets (§3.1): a continuation line starts with one space, and a
 * fold never splits a UTF-8 character or a TEXT escape. Values are made safe whatever
 * they hold: invalid UTF-8 becomes U+FFFD, control characters are dropped (see
 * ical_text), so the output is always valid UTF-8 and valid content lines.
 *
 * Errors, one pattern for every function: 0, or a negative MU_E* code. MU_ETOOBIG when
 * the buffer's limit is hit, MU_EINVAL for a time or date outside the years 0001-9999.
 * On error the buffer holds exactly what it held before the call (no half line), so a
 * caller chains calls with `if ((rc = ical_...) < 0) goto out;`.
 * vCard 4.0 (RFC 6350 §3) has the same content lines: vcard.c writes through
 * ical_property rather than keeping a second folder and escaper.
 * Names (property and component) are the caller's constants: an iana-token or x-name
 * of letters, digits and '-'; anything else is a programmer error (MU_BUG).
 *
 *	ical_begin_calendar(b, "-//Mutua//Mutua 0.1.0//EN", "BNI Öresund");
 *	ical_begin(b, "VTODO");
 *	ical_raw(b, "UID", "task-42@mutua");
 *	ical_time(b, "DTSTAMP", now);
 *	ical_text(b, "SUMMARY", "Ring Åsa; boka lunch, tisdag");
 *	ical_date(b, "DUE", days);
 *	ical_end(b, "VTODO");
 *	ical_end_calendar(b);
 */
#ifndef MU_IO_ICAL_H
#define MU_IO_ICAL_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/mtime.h"

/* The longest physical line, CRLF excluded (RFC 5545 §3.1). */
#define ICAL_LINE_MAX 75

/* BEGIN:VCALENDAR, VERSION:2.0, PRODID (TEXT), CALSCALE:GREGORIAN, METHOD:PUBLISH and,
 * when name is neither NULL nor "", X-WR-CALNAME (TEXT). */
int ical_begin_calendar(struct mu_buf *b, const char *prodid, const char *name);
/* END:VCALENDAR. */
int ical_end_calendar(struct mu_buf *b);

/* BEGIN:component / END:component ("VTODO", "VEVENT", "VALARM" ...). */
int ical_begin(struct mu_buf *b, const char *component);
int ical_end(struct mu_buf *b, const char *component);

/* NAME:text as a TEXT value (§3.3.11): backslash, semicolon and comma are escaped with
 * a backslash, newline becomes "\n"; CR and the other control characters (C0 but tab,
 * DEL, C1) are dropped; each ill-formed UTF-8 subpart becomes one U+FFFD (Unicode's
 * "maximal subpart" practice). */
int ical_text(struct mu_buf *b, const char *name, const char *text);

/* NAME;PARAMS:v1<sep>v2... - the general content line, shared with vCard 4.0 (RFC 6350
 * §3.3 and §3.4 use the same lines, folding and TEXT escaping). params, when neither NULL
 * nor "", is the caller's constant ("PREF=1", "TYPE=work"), written after a ';' as it is:
 * printable ASCII, else a programmer error (MU_BUG). Each of the n values is escaped as in
 * ical_text, so a ';' or ',' inside one never reads as a separator; they are joined by
 * sep, ';' for the components of a structured value (N, ADR) or ',' for a list
 * (CATEGORIES). n == 0 writes an empty value; a NULL value is a programmer error. */
int ical_property(struct mu_buf *b, const char *name, const char *params,
		  const char *const *values, size_t n, char sep);

/* NAME:value for a value that needs no escaping (UID, STATUS, PRIORITY, a list the
 * caller built). Still made safe: ill-formed UTF-8 becomes U+FFFD and every control
 * character but tab is dropped, newline included. */
int ical_raw(struct mu_buf *b, const char *name, const char *value);

/* CATEGORIES:a,b,c with each of the n categories escaped as in ical_text. Writes
 * nothing when n is 0. */
int ical_categories(struct mu_buf *b, const char *const *cats, size_t n);

/* NAME:20260304T083000Z (UTC DATE-TIME, §3.3.5 form 2). */
int ical_time(struct mu_buf *b, const char *name, mu_time t);
/* NAME;VALUE=DATE:20260304 (§3.3.4); days since 1970-01-01. */
int ical_date(struct mu_buf *b, const char *name, int64_t days);

#endif
