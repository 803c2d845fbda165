/*
 * fuzz_vcard.c - libFuzzer target for the vCard reader and writer (src/io/vcard.c).
 *
 * The input is a file for vcard_read, read in a fresh arena. A failure must be a clean
 * error: a negative code, the same code in the struct mu_error, a message, and a field
 * that is "" or "line N". A success must keep contact.h's promises for every contact:
 * each string valid UTF-8, non-empty, trimmed, without control characters but tab and
 * newline; lists without NULL or ""; a birthday as YYYY-MM-DD or --MM-DD; lines in
 * increasing order. Then the differential round trip: vcard_write of every contact
 * must give lines of at most 75 octets ending in CRLF, and vcard_read of that output
 * must give as many contacts with the same fields, every one of them (the name, e-mail
 * addresses, phone numbers and tags first of all).
 *
 * Build with clang -fsanitize=fuzzer, or with tests/fuzz/driver.c under gcc.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"
#include "io/contact.h"
#include "io/encoding.h"
#include "io/ical.h"
#include "io/vcard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint8_t *cur_data;
static size_t cur_size;

/* Kept from one input to the next, as in fuzz_ical.c: reachable at exit. */
static struct mu_buf s_out = { .limit = SIZE_MAX };

static _Noreturn void fail(const char *what, const char *detail)
{
	char msg[4096];

	snprintf(msg, sizeof(msg), "%s%s%s", what, detail ? ": " : "", detail ? detail : "");
	fuzz_abort("fuzz_vcard", cur_data, cur_size, msg);
}

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* contact.h's promise for one string. */
static void check_string(const char *s, const char *field)
{
	size_t n;

	if (!s)
		return;
	n = strlen(s);
	if (n == 0)
		fail("an empty string instead of NULL", field);
	if (!enc_is_utf8(s, n))
		fail("a string is not valid UTF-8", field);
	if (is_ws(s[0]) || is_ws(s[n - 1]))
		fail("a string is not trimmed", field);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F ||
		    (c == 0xC2 && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F))
			fail("a control character in a string", field);
	}
}

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static void check_contact(const struct contact *c)
{
	const char *v[] = { c->full_name, c->given, c->family, c->middle, c->prefix, c->suffix,
		c->organisation, c->department, c->title, c->note, c->birthday, c->city,
		c->country, c->since };
	const struct contact_strings *l[] = { &c->emails, &c->phones, &c->urls, &c->tags };
	const char *b = c->birthday;

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		check_string(v[i], "field");
	for (size_t i = 0; i < sizeof(l) / sizeof(l[0]); i++) {
		if (l[i]->n && !l[i]->v)
			fail("a list without items", NULL);
		for (size_t k = 0; k < l[i]->n; k++) {
			if (!l[i]->v[k])
				fail("NULL in a list", NULL);
			check_string(l[i]->v[k], "list item");
		}
	}
	if (b && !(strlen(b) == 10 && digits(b, 4) && b[4] == '-' && digits(b + 5, 2) &&
		   b[7] == '-' && digits(b + 8, 2)) &&
	    !(strlen(b) == 7 && b[0] == '-' && b[1] == '-' && digits(b + 2, 2) && b[4] == '-' &&
	      digits(b + 5, 2)))
		fail("a birthday in neither form", b);
	if (c->since)
		fail("a vCard has no LinkedIn date", c->since);
}

static int str_eq(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static int list_eq(const struct contact_strings *a, const struct contact_strings *b)
{
	if (a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]))
			return 0;
	return 1;
}

static void check_same(const struct contact *a, const struct contact *b)
{
	static const char *const names[] = { "full_name", "given", "family", "middle",
		"prefix", "suffix", "organisation", "department", "title", "note", "birthday",
		"city", "country" };
	const char *x[] = { a->full_name, a->given, a->family, a->middle, a->prefix, a->suffix,
		a->organisation, a->department, a->title, a->note, a->birthday, a->city,
		a->country };
	const char *y[] = { b->full_name, b->given, b->family, b->middle, b->prefix, b->suffix,
		b->organisation, b->department, b->title, b->note, b->birthday, b->city,
		b->country };

	for (size_t i = 0; i < sizeof(x) / sizeof(x[0]); i++)
		if (!str_eq(x[i], y[i]))
			fail("the round trip changed a field", names[i]);
	if (!list_eq(&a->emails, &b->emails))
		fail("the round trip changed the e-mail addresses", NULL);
	if (!list_eq(&a->phones, &b->phones))
		fail("the round trip changed the phone numbers", NULL);
	if (!list_eq(&a->urls, &b->urls))
		fail("the round trip changed the URLs", NULL);
	if (!list_eq(&a->tags, &b->tags))
		fail("the round trip changed the tags", NULL);
}

static void check_error(int rc, const struct mu_error *err)
{
	unsigned long line;
	char *end;

	if (rc >= 0)
		fail("an error with a code that is not negative", NULL);
	if (err->code != rc)
		fail("the error's code differs from the result", NULL);
	if (!err->message[0])
		fail("an error without a message", NULL);
	if (err->field[0] && (strncmp(err->field, "line ", 5) ||
			      (line = strtoul(err->field + 5, &end, 10)) == 0 || *end))
		fail("an error field that is neither \"\" nor \"line N\"", err->field);
	if (!enc_is_utf8(err->message, strlen(err->message)))
		fail("an error message is not valid UTF-8", err->message);
}

/* The writer's output: lines of at most 75 octets, each ended by CRLF. */
static void check_lines(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		const char *crlf = memchr(s + i, '\r', len - i);
		size_t n;

		if (!crlf || (size_t)(crlf - s) + 1 >= len || crlf[1] != '\n')
			fail("a written line does not end in CRLF", NULL);
		n = (size_t)(crlf - (s + i));
		if (n > ICAL_LINE_MAX)
			fail("a written line is longer than 75 octets", NULL);
		if (memchr(s + i, '\n', n))
			fail("a bare LF in a written line", NULL);
		i += n + 2;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mu_arena a;
	struct contact_file f, g;
	struct mu_error err;
	int rc;

	cur_data = data;
	cur_size = size;
	mu_arena_init(&a);
	mu_error_clear(&err);
	rc = vcard_read(&a, (const char *)data, size, &f, &err);
	if (rc < 0) {
		check_error(rc, &err);
		if (f.n || f.items)
			fail("cards left after an error", NULL);
		goto out;
	}
	if (f.n == 0 || f.kind != CONTACT_VCARD || !f.encoding)
		fail("a success without cards, kind or encoding", NULL);
	for (size_t i = 0; i < f.n; i++) {
		check_contact(&f.items[i]);
		if (i && f.items[i].line <= f.items[i - 1].line)
			fail("cards not in the order of their lines", NULL);
	}

	mu_buf_reset(&s_out);
	for (size_t i = 0; i < f.n; i++)
		if (vcard_write(&s_out, &f.items[i], i % 2 ? "uid" : NULL) < 0)
			fail("vcard_write failed without a limit", NULL);
	check_lines(mu_buf_str(&s_out), s_out.len);
	mu_error_clear(&err);
	if ((rc = vcard_read(&a, mu_buf_str(&s_out), s_out.len, &g, &err)) < 0)
		fail("the written vCards do not read back", err.message);
	if (g.n != f.n)
		fail("the round trip changed the number of cards", NULL);
	if (strcmp(g.encoding, "UTF-8"))
		fail("the written vCards are not UTF-8", g.encoding);
	for (size_t i = 0; i < f.n; i++)
		check_same(&f.items[i], &g.items[i]);
out:
	mu_arena_release(&a);
	return 0;
}
