/*
 * util.c - output helpers shared by the commands: JSON printing, an option scanner and
 * aligned tables for people.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/buf.h"
#include "core/banned.h"

#define CELL_MAX 40

void cli_print_json(struct cli *c, json_t *j)
{
	json_dumpf(j, c->out, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
	fputc('\n', c->out);
	json_decref(j);
}

int cli_write_file(struct cli *c, const char *path, const void *data, size_t len,
		   struct mu_error *err)
{
	FILE *f = path && strcmp(path, "-") ? fopen(path, "wb") : c->out;
	int ok;

	if (!f)
		return mu_fail(err, MU_EIO, path, "cannot write: %s", strerror(errno));
	ok = fwrite(data, 1, len, f) == len;
	if (f != c->out)
		ok = (fclose(f) == 0) && ok;
	else
		ok = (fflush(f) == 0) && ok;
	if (!ok)
		return mu_fail(err, MU_EIO, path ? path : "stdout", "cannot write: %s", strerror(errno));
	return 0;
}

const char *cli_opt(int argc, char **argv, int *i, const char *name)
{
	size_t len = strlen(name);
	const char *arg = argv[*i];

	if (strncmp(arg, name, len))
		return NULL;
	if (arg[len] == '=')
		return arg + len + 1;
	if (arg[len] != '\0' || *i + 1 >= argc)
		return NULL;
	return argv[++*i];
}

/* Display columns of a UTF-8 string (one per code point: good enough for names). */
static size_t width(const char *s, size_t bytes)
{
	size_t w = 0;
	for (size_t i = 0; i < bytes; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			w++;
	return w;
}

/* Bytes of s that fit in max columns. */
static size_t fit_bytes(const char *s, size_t max)
{
	size_t w = 0, i = 0;
	for (; s[i]; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && ++w > max)
			break;
	}
	return i;
}

static void print_cell(FILE *out, const char *s, size_t colw, int last)
{
	size_t bytes = strlen(s), w = width(s, bytes);

	if (w > CELL_MAX) {
		bytes = fit_bytes(s, CELL_MAX - 1);
		fwrite(s, 1, bytes, out);
		fputs("…", out);
		w = CELL_MAX;
	} else {
		fwrite(s, 1, bytes, out);
	}
	if (!last)
		for (; w < colw + 2; w++)
			fputc(' ', out);
}

void cli_table(FILE *out, const char *const *head, size_t ncols, const char **cells,
	       size_t nrows)
{
	size_t *colw = calloc(ncols, sizeof(*colw));

	if (!colw)
		abort();
	for (size_t c = 0; c < ncols; c++)
		colw[c] = width(head[c], strlen(head[c]));
	for (size_t r = 0; r < nrows; r++)
		for (size_t c = 0; c < ncols; c++) {
			const char *s = cells[r * ncols + c] ? cells[r * ncols + c] : "";
			size_t w = width(s, strlen(s));
			if (w > colw[c])
				colw[c] = w > CELL_MAX ? CELL_MAX : w;
		}
	for (size_t c = 0; c < ncols; c++)
		print_cell(out, head[c], colw[c], c + 1 == ncols);
	fputc('\n', out);
	for (size_t r = 0; r < nrows; r++) {
		for (size_t c = 0; c < ncols; c++) {
			const char *s = cells[r * ncols + c];
			print_cell(out, s ? s : "", colw[c], c + 1 == ncols);
		}
		fputc('\n', out);
	}
	free(colw);
}

int cli_read_file(const char *path, struct mu_buf *b, struct mu_error *err)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char chunk[65536];
	size_t n;
	int rc = 0;

	if (!f)
		return mu_fail(err, MU_EIO, path, "cannot open: %s", strerror(errno));
	while (!rc && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (mu_buf_add(b, chunk, n) < 0)
			rc = mu_fail(err, MU_ETOOBIG, path, "is larger than %zu MiB", b->limit >> 20);
	if (!rc && ferror(f))
		rc = mu_fail(err, MU_EIO, path, "cannot read: %s", strerror(errno));
	if (f != stdin)
		fclose(f);
	return rc;
}
