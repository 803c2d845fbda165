/*
 * fuzz_csv.c - libFuzzer target for the LinkedIn and Google Contacts CSV reader and the
 * Google writer (src/io/contacts_csv.c, src/io/csv.c).
 *
 * Each input is read twice with contacts_csv_read(CONTACT_ANY): as it is, and after one
 * of a few real header rows (chosen by the first byte), so that random bytes reach the
 * data rows and not only the header search. A refusal must come with a negative code
 * and a message. A file that reads must hold what contact.h promises: every string
 * non-empty, trimmed, valid UTF-8; lists without NULL or ""; lines rising.
 *
 * Then the differential oracle: the contacts are written with contacts_csv_write_google
 * and read back, and must come back the same: the same number (counting only contacts
 * with something the writer can hold: a contact with nothing but `since` becomes a blank
 * row), the same full names, name parts (when the full name is its parts joined: else
 * the writer keeps the full name alone), organisation, department, title, note,
 * birthday, city, country, and e-mails, phones, URLs and tags, a list compared only
 * when none of its values holds " ::: ", which the format reads as two values
 * (contacts_csv.h lists what Google's format cannot hold).
 *
 * Build with clang -fsanitize=fuzzer, or with tests/fuzz/driver.c under gcc.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"
#include "io/contacts_csv.h"
#include "io/encoding.h"
#include "fuzz.h"
#include "core/banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const headers[] = {
	("Notes:\n\"When exporting your connection data, you may notice that some of the\n"
	 "email addresses are missing.\"\n\n"
	 "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"),
	("First Name,Last Name,Email Address,Company,Position,Connected On\r\n"),
	("First Name,Middle Name,Last Name,Name Prefix,Name Suffix,Nickname,File As,"
	 "Organization Name,Organization Title,Organization Department,Birthday,Notes,Labels,"
	 "E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,"
	 "Phone 1 - Value,Address 1 - City,Address 1 - Country,Website 1 - Value\r\n"),
	("Name,Given Name,Additional Name,Family Name,Birthday,Notes,Group Membership,"
	 "E-mail 1 - Type,E-mail 1 - Value,Phone 2 - Type,Phone 2 - Value,Phone 1 - Type,"
	 "Phone 1 - Value,Address 1 - Type,Address 1 - City,Address 1 - Country,"
	 "Organization 1 - Type,Organization 1 - Name,Organization 1 - Title,"
	 "Organization 2 - Name,Website 1 - Type,Website 1 - Value\n"),
	("First Name;Last Name;Organization Name;Labels;E-mail 1 - Label;E-mail 1 - Value;"
	 "Phone 1 - Label;Phone 1 - Value;Notes\r\n"),
};

static const uint8_t *cur_data;
static size_t cur_size;
static int cur_mode;

static _Noreturn void fail(const char *what, size_t item, const char *got, const char *want)
{
	char msg[4096];

	snprintf(msg, sizeof(msg), "%s (contact %zu, mode %d)\n  got:  '%s'\n  want: '%s'", what,
		 item, cur_mode, got ? got : "(null)", want ? want : "(null)");
	fuzz_abort("fuzz_csv", cur_data, cur_size, msg);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static void check_string(const char *s, const char *what, size_t item)
{
	size_t n;

	if (!s)
		return;
	n = strlen(s);
	if (n == 0)
		fail("an empty string instead of NULL", item, s, what);
	if (is_space(s[0]) || is_space(s[n - 1]))
		fail("a string not trimmed", item, s, what);
	if (!enc_is_utf8(s, n))
		fail("a string not valid UTF-8", item, s, what);
}

static void check_list(const struct contact_strings *l, const char *what, size_t item)
{
	if (l->n && !l->v)
		fail("a list without items", item, NULL, what);
	for (size_t i = 0; i < l->n; i++) {
		if (!l->v[i])
			fail("a NULL in a list", item, NULL, what);
		check_string(l->v[i], what, item);
	}
}

static void check_file(const struct contact_file *f)
{
	unsigned last = 0;

	if (f->kind != CONTACT_LINKEDIN && f->kind != CONTACT_GOOGLE)
		fail("a kind that is not LinkedIn or Google", 0, NULL, NULL);
	if (f->delimiter != ',' && f->delimiter != ';')
		fail("a delimiter that is not ',' or ';'", 0, NULL, NULL);
	if (!f->encoding)
		fail("no encoding", 0, NULL, NULL);
	for (size_t i = 0; i < f->n; i++) {
		const struct contact *c = &f->items[i];
		const char *const strings[] = {
			c->full_name, c->given, c->family, c->middle, c->prefix, c->suffix,
			c->organisation, c->department, c->title, c->note, c->birthday, c->city,
			c->country, c->since,
		};

		if (c->line <= last)
			fail("lines that do not rise", i, NULL, NULL);
		last = c->line;
		for (size_t k = 0; k < sizeof(strings) / sizeof(strings[0]); k++)
			check_string(strings[k], "a field", i);
		if (c->note && strchr(c->note, '\r'))
			fail("a CR in a note", i, c->note, NULL);
		check_list(&c->emails, "emails", i);
		check_list(&c->phones, "phones", i);
		check_list(&c->urls, "urls", i);
		check_list(&c->tags, "tags", i);
		if (c->since && strlen(c->since) != 10)
			fail("since is not YYYY-MM-DD", i, c->since, NULL);
	}
}

/* Something the Google writer writes: else the contact becomes a blank row. */
static int writable(const struct contact *c)
{
	return c->full_name || c->given || c->family || c->middle || c->prefix || c->suffix ||
	       c->organisation || c->department || c->title || c->note || c->birthday ||
	       c->city || c->country || c->emails.n || c->phones.n || c->urls.n || c->tags.n;
}

static int same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static void compare_string(const char *got, const char *want, const char *what, size_t item)
{
	if (!same(got, want))
		fail(what, item, got, want);
}

static void compare_list(const struct contact_strings *got, const struct contact_strings *want,
			 const char *what, size_t item)
{
	for (size_t i = 0; i < want->n; i++)
		if (strstr(want->v[i], " ::: "))
			return;		/* two values to Google */
	if (got->n != want->n)
		fail(what, item, got->n ? got->v[0] : NULL, want->n ? want->v[0] : NULL);
	for (size_t i = 0; i < want->n; i++)
		compare_string(got->v[i], want->v[i], what, item);
}

/* The parts joined by spaces, as the reader and the writer do. */
static int is_joined(struct mu_arena *a, const struct contact *c)
{
	const char *const parts[] = { c->prefix, c->given, c->middle, c->family, c->suffix };
	const char *joined = NULL;

	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (parts[i])
			joined = joined ? mu_printf(a, "%s %s", joined, parts[i]) : parts[i];
	return same(joined, c->full_name);
}

static void roundtrip(struct mu_arena *a, const struct contact_file *f)
{
	struct contact_file back;
	struct mu_error err;
	struct mu_buf b;
	size_t k = 0;
	int rc;

	mu_buf_init(&b, SIZE_MAX);
	if ((rc = contacts_csv_write_google(&b, f->items, f->n)) < 0)
		fail("the writer failed", 0, NULL, NULL);
	mu_error_clear(&err);
	if ((rc = contacts_csv_read(a, b.data, b.len, CONTACT_GOOGLE, &back, &err)) < 0)
		fail("what the writer wrote does not read", 0, err.message, mu_buf_str(&b));
	check_file(&back);
	for (size_t i = 0; i < f->n; i++) {
		const struct contact *want = &f->items[i], *got;

		if (!writable(want))
			continue;
		if (k >= back.n)
			fail("fewer contacts read back", i, NULL, NULL);
		got = &back.items[k++];
		compare_string(got->full_name, want->full_name, "full name", i);
		if (is_joined(a, want)) {
			compare_string(got->given, want->given, "given", i);
			compare_string(got->family, want->family, "family", i);
			compare_string(got->middle, want->middle, "middle", i);
			compare_string(got->prefix, want->prefix, "prefix", i);
			compare_string(got->suffix, want->suffix, "suffix", i);
		}
		compare_string(got->organisation, want->organisation, "organisation", i);
		compare_string(got->department, want->department, "department", i);
		compare_string(got->title, want->title, "title", i);
		compare_string(got->note, want->note, "note", i);
		compare_string(got->birthday, want->birthday, "birthday", i);
		compare_string(got->city, want->city, "city", i);
		compare_string(got->country, want->country, "country", i);
		compare_list(&got->emails, &want->emails, "emails", i);
		compare_list(&got->phones, &want->phones, "phones", i);
		compare_list(&got->urls, &want->urls, "urls", i);
		compare_list(&got->tags, &want->tags, "tags", i);
	}
	if (k != back.n)
		fail("more contacts read back", k, NULL, NULL);
	mu_buf_release(&b);
}

static void one(const char *bytes, size_t len)
{
	struct mu_arena a;
	struct contact_file f;
	struct mu_error err;
	int rc;

	mu_arena_init(&a);
	mu_error_clear(&err);
	rc = contacts_csv_read(&a, bytes, len, CONTACT_ANY, &f, &err);
	if (rc > 0 || (rc < 0 && (err.code != rc || !err.message[0])))
		fail("a refusal without its code or message", 0, err.message, NULL);
	if (rc == 0) {
		check_file(&f);
		roundtrip(&a, &f);
	}
	mu_arena_release(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *h;
	size_t hlen;
	char *buf;

	cur_data = data;
	cur_size = size;
	cur_mode = 0;
	one((const char *)data, size);

	cur_mode = 1 + (size ? data[0] : 0) % (int)(sizeof(headers) / sizeof(headers[0]));
	h = headers[cur_mode - 1];
	hlen = strlen(h);
	buf = malloc(hlen + size + 1);
	if (!buf)
		abort();
	memcpy(buf, h, hlen);
	if (size > 1)
		memcpy(buf + hlen, data + 1, size - 1);
	one(buf, hlen + (size > 1 ? size - 1 : 0));
	free(buf);
	return 0;
}
