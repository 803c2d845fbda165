/*
 * csv.c - the RFC 4180 row writer with the formula guard (see csv.h).
 *
 * Each cell is written in one go: decide whether it needs quotes and the apostrophe,
 * then copy it, doubling quotes when quoted. Runs of bytes that need no doubling go to
 * mu_buf in one append. On an error the buffer is cut back to where the row began, so a
 * caller never sees half a row.
 */
#include <string.h>

#include "io/csv.h"
#include "core/error.h"
#include "core/banned.h"

int csv_needs_guard(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] == '\'')
		i++;
	return i < n && s[i] && strchr("=+-@\t\r", s[i]);
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int needs_quotes(const char *s, size_t n, char delim)
{
	if (n && (is_blank(s[0]) || is_blank(s[n - 1])))
		return 1;
	for (size_t i = 0; i < n; i++)
		if (s[i] == delim || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			return 1;
	return 0;
}

static int put_cell(struct mu_buf *b, const char *s, char delim)
{
	size_t n = strlen(s), from = 0;
	int quote = needs_quotes(s, n, delim), rc = 0;

	if (quote)
		rc = mu_buf_add(b, "\"", 1);
	if (rc == 0 && csv_needs_guard(s, n))
		rc = mu_buf_add(b, "'", 1);
	for (size_t i = 0; rc == 0 && quote && i < n; i++) {
		if (s[i] != '"')
			continue;
		/* the run up to and including this quote, then the quote again */
		rc = mu_buf_add(b, s + from, i + 1 - from);
		from = i;
	}
	if (rc == 0)
		rc = mu_buf_add(b, s + from, n - from);
	if (rc == 0 && quote)
		rc = mu_buf_add(b, "\"", 1);
	return rc;
}

int csv_row(struct mu_buf *b, const char *const *cells, size_t n, char delim)
{
	size_t start = b->len;
	int rc = 0;

	if (delim == '"' || delim == '\r' || delim == '\n' || delim == '\0')
		MU_BUG("csv: the delimiter cannot be a quote, CR, LF or NUL");
	if (n == 1 && (!cells[0] || !cells[0][0]))
		rc = mu_buf_add(b, "\"\"", 2);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		if (i)
			rc = mu_buf_add(b, &delim, 1);
		if (rc == 0 && cells[i])
			rc = put_cell(b, cells[i], delim);
	}
	if (rc == 0)
		rc = mu_buf_add(b, "\r\n", 2);
	if (rc < 0) {
		/* mu_buf has no truncate, and its fields are public by design */
		b->len = start;
		if (b->data)
			b->data[start] = '\0';
	}
	return rc;
}
