/*
 * contacts_csv.h - LinkedIn's Connections.csv and Google Contacts' CSV files: read them
 * into a contact_file, and write contacts as a Google Contacts CSV.
 *
 * Reading. The bytes are decoded first (enc_to_utf8: UTF-8 with or without BOM, UTF-16
 * with a BOM, else Windows-1252), then parsed as RFC 4180 CSV with libcsv in strict
 * mode: quoted cells may hold the delimiter, doubled quotes and line breaks; rows end
 * in CRLF, LF or CR. The header row is found by its content, never by its position:
 *   LinkedIn  the first row with "First Name", "Last Name" and "Connected On"; what comes
 *             before it (LinkedIn's "Notes:" preamble of any length) is ignored;
 *   Google    a row with "First Name" and one of "Organization Name", "Labels" or
 *             "E-mail 1 - Value" (today's export), or with "Given Name", "Family Name"
 *             or "Group Membership" (the older "Google CSV").
 * Names are compared trimmed and without regard to case. The delimiter, ',' or ';'
 * (Excel in the Nordic countries saves with ';'), is the one whose header row has more
 * known column names. Columns are found by name, never by position; Google's numbered
 * groups ("E-mail 2 - Value", "Phone 1 - Label", "Address 3 - City", "Organization 1 -
 * Title") may come in any number and any order.
 *
 * Every cell is trimmed of ASCII white space, its line breaks become "\n", and the
 * formula guard of csv_row is undone: a cell of one or more apostrophes followed by
 * '=', '+', '-', '@', TAB or CR loses one apostrophe (so "'+46 70" reads "+46 70").
 * An empty cell is an absent value (NULL).
 *
 *   LinkedIn: given, family, full_name "First Last"; URL -> urls; Email Address ->
 *     emails; Company -> organisation; Position -> title; Connected On ("12 Mar 2024",
 *     "1 March 2024", also "2024-03-12") -> since "2024-03-12".
 *   Google: name parts (Name Prefix, First/Given, Middle/Additional, Last/Family, Name
 *     Suffix); full_name is the older format's "Name" if set, else the parts joined by
 *     spaces, else "File As", else "Nickname" (either only when it is not simply the
 *     organisation's name: a company's own card keeps full_name NULL). Organization
 *     Name/Title/Department, or the first "Organization N" group -> organisation, title,
 *     department; Notes -> note; Birthday "1980-05-12" or "--05-12" -> birthday (any
 *     other form -> NULL); E-mail, Phone and Website groups -> emails, phones, urls; the
 *     first Address group with a city or country -> city, country; Labels or Group
 *     Membership -> tags.
 *   A Google cell may hold several values joined by " ::: ". A value whose label (or
 *   type) begins with "* " is the primary one and comes first; a label cell of as many
 *   " ::: " parts as the value cell labels each value on its own. In Labels and Group
 *   Membership a "* " marks a system group: "* myContacts", "* My Contacts" and
 *   "* starred" are dropped, other groups become tags without the "* ".
 *
 * Rows that are blank (every cell empty) are passed over and counted in skipped_lines;
 * every other row becomes a contact, even one with no name, e-mail or URL (the importer
 * decides what to skip). contact.line is the physical line where the row starts.
 */
#ifndef MU_IO_CONTACTS_CSV_H
#define MU_IO_CONTACTS_CSV_H

#include <stddef.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"
#include "io/contact.h"

/* Limits: a longer cell, or more data rows, is refused with MU_ETOOBIG. */
#define CONTACTS_CSV_CELL_MAX (64 * 1024)
#define CONTACTS_CSV_ROWS_MAX 1000000

/*
 * Read a LinkedIn Connections.csv or Google Contacts CSV from raw file bytes. want is
 * CONTACT_LINKEDIN, CONTACT_GOOGLE or CONTACT_ANY; the kind is detected from the header
 * and a mismatch with want is an error that names what the file is ("this is a Google
 * Contacts file, not a LinkedIn export"). Fills out->kind, encoding, delimiter, items, n
 * and skipped_lines; every string lives in the arena.
 *
 * Errors: MU_EINVAL for an empty file, a file without a header of either kind, a kind
 * other than want, CSV syntax (a quote inside an unquoted cell, text after a closing
 * quote, a quote never closed), an unreadable Connected On date, or bytes enc_to_utf8
 * refuses; MU_ETOOBIG for a cell longer than CONTACTS_CSV_CELL_MAX bytes or more than
 * CONTACTS_CSV_ROWS_MAX rows. err->field is "line N", the physical line (1-based) where
 * the row at fault starts, when there is one. *out is not to be used after an error.
 */
int contacts_csv_read(struct mu_arena *a, const char *data, size_t len, enum contact_kind want,
		      struct contact_file *out, struct mu_error *err);

/*
 * Append n contacts as a Google Contacts CSV of today's shape (',' delimited, UTF-8
 * without BOM, CRLF): a header, then one row per contact, through csv_row (so formula
 * safe). There are as many "E-mail N", "Phone N" and "Website N" groups as the contact
 * with the most needs (at least one), one value each, no label, in the contact's order;
 * tags are joined by " ::: " in Labels; city and country go to Address 1.
 * contacts_csv_read gives back the same full_name, name parts, organisation,
 * department, title, note, birthday, city, country, emails, phones, urls and tags, with
 * these exceptions, which the format cannot hold: since is not written; a value that
 * contains " ::: " reads back as several; a tag that begins with "* " reads as a system
 * group; a full_name that is not its name parts joined by spaces is written as the
 * First Name alone, and the other parts are then left out; a contact with nothing to
 * write becomes a blank row. Returns 0, or MU_ETOOBIG at the buffer's limit, and then
 * the buffer holds what it held before.
 */
int contacts_csv_write_google(struct mu_buf *b, const struct contact *items, size_t n);

#endif
