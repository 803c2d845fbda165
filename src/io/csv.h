/*
 * csv.h - an RFC 4180 row writer that is safe to open in a spreadsheet.
 *
 * csv_row appends one row: cells separated by the delimiter, the row ended by CRLF. A
 * cell is quoted when it holds the delimiter, '"', CR or LF, or begins or ends with a
 * space or tab (readers such as libcsv trim those from unquoted cells); inside quotes a
 * '"' is doubled. A NULL cell is written as an empty one. A row of one empty cell is
 * written as "" so that it does not read as a blank line.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that begins with
 * '=', '+', '-' or '@' (and some with TAB or CR before one of those) as a formula. Such a
 * cell gets a leading apostrophe, which spreadsheets show as text and hide. So that a
 * reader can undo this exactly, a cell that begins with apostrophes followed by one of
 * those characters ("'=x", "''+1") gets one more; the rule on reading
 * (contacts_csv_read) is the mirror: a cell of one or more apostrophes followed by
 * = + - @ TAB or CR loses one apostrophe. The apostrophe goes inside the quotes when
 * the cell is quoted:
 *
 *	const char *cells[] = { "Öberg, Åsa", "=SUM(A1)", "+46 70 123 45 67", NULL };
 *	csv_row(b, cells, 4, ',');	->  "Öberg, Åsa",'=SUM(A1),'+46 70 123 45 67,\r\n
 *
 * Bytes are copied as they are: the caller's strings should be UTF-8.
 */
#ifndef MU_IO_CSV_H
#define MU_IO_CSV_H

#include <stddef.h>

#include "core/buf.h"

/* Append one row of n cells. delim is the caller's constant (',' or ';', or TAB); a
 * quote, CR or LF there is a programmer error (MU_BUG). Returns 0, or MU_ETOOBIG when
 * the buffer's limit is hit, and then the buffer holds what it held before the call. */
int csv_row(struct mu_buf *b, const char *const *cells, size_t n, char delim);

/* 1 if the n bytes at s would get the apostrophe (see above): they begin with zero or
 * more apostrophes and then '=', '+', '-', '@', TAB or CR. A reader undoes the guard
 * when s[0] is an apostrophe and csv_needs_guard(s + 1, n - 1). */
int csv_needs_guard(const char *s, size_t n);

#endif
