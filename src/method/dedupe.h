/*
 * dedupe.h - which person of the workspace a contact already is (docs/interchange.md).
 *
 * Persons and contacts are described by the same keys: e-mail addresses (trimmed, in
 * lower case), telephone numbers (as E.164 with the workspace's country code), web
 * addresses (a LinkedIn profile: no scheme, no "www.", no query, no trailing '/'),
 * and the name with the organisation (core/text.h's text_key: no case, no accents).
 * A match is tried in that order, strongest first. A name alone matches only where it
 * cannot mislead: when one side has no organisation and exactly one person in the
 * index has that name.
 *
 * The index maps keys to slots (the caller's numbering of persons, from 0); persons
 * added while importing go into it too, so twins inside one file merge as well.
 * Owner: dedupe_new() allocates, dedupe_free() releases.
 */
#ifndef MU_METHOD_DEDUPE_H
#define MU_METHOD_DEDUPE_H

#include <stddef.h>

struct dedupe_keys {
	const char *name;		/* full name; NULL if none */
	const char *organisation;	/* name of the organisation; NULL if none */
	const char *const *emails;
	size_t n_emails;
	const char *const *phones;
	size_t n_phones;
	const char *const *urls;
	size_t n_urls;
};

struct dedupe;

/* cc: the default country calling code for numbers written without one (46). */
struct dedupe *dedupe_new(int cc);
void dedupe_free(struct dedupe *d);

/* Index the keys of the person at slot. A key held by an earlier slot keeps it. */
void dedupe_add(struct dedupe *d, size_t slot, const struct dedupe_keys *k);

/* The slot of the person k describes, or -1. *why (not NULL) says which key matched,
 * in words for the import report: "same e-mail anna@lind.se". why_buf holds the words. */
long dedupe_find(const struct dedupe *d, const struct dedupe_keys *k, char *why_buf,
		 size_t why_size);

enum dedupe_kind { DEDUPE_EMAIL, DEDUPE_PHONE, DEDUPE_URL };

/* The form in which dedupe compares raw as a value of kind k (an e-mail in lower case,
 * a phone as E.164, a web address without scheme, "www.", query or trailing '/'),
 * written into buf; NULL if raw gives none (a phone that is no number). Two values are
 * the same contact detail when their forms are equal. */
const char *dedupe_key(const struct dedupe *d, enum dedupe_kind k, const char *raw,
		       char *buf, size_t size);

#endif
