/*
 * contact.h - one person as an address book, LinkedIn or Google describes them.
 *
 * The interchange readers (vcard.c, contacts_csv.c) turn a file into a contact_file;
 * the importer (app/interchange.c) matches each contact against the workspace's
 * persons and adds or merges. Readers only transcribe: they trim, unescape and decode,
 * but neither validate against the model nor invent values. Every string is valid
 * UTF-8, NUL-terminated, non-empty (an absent value is NULL, never ""), and lives in
 * the arena the reader was given; lists hold no NULL and no "".
 */
#ifndef MU_IO_CONTACT_H
#define MU_IO_CONTACT_H

#include <stddef.h>

struct contact_strings {
	const char **v;
	size_t n;
};

struct contact {
	unsigned line;		/* where it starts in the file, 1-based, for messages */
	const char *full_name;	/* FN; else the name parts joined; NULL if none */
	const char *given, *family, *middle, *prefix, *suffix;	/* N (vCard), name columns */
	const char *organisation;	/* ORG's first component, Company, Organization Name */
	const char *department;	/* ORG's second component */
	const char *title;	/* TITLE, Position, Organization Title */
	const char *note;	/* NOTE, Notes: newlines kept as \n */
	const char *birthday;	/* BDAY as YYYY-MM-DD, or --MM-DD without a year; else NULL */
	const char *city;	/* the first (or PREF) address's locality */
	const char *country;	/* and its country, as written */
	struct contact_strings emails;	/* preferred first, as written (trimmed) */
	struct contact_strings phones;	/* preferred first, as written (trimmed) */
	struct contact_strings urls;	/* URL, LinkedIn's profile URL */
	struct contact_strings tags;	/* CATEGORIES, Google labels (without "* "), as written */
	const char *since;	/* LinkedIn's Connected On as YYYY-MM-DD; else NULL */
};

enum contact_kind {
	CONTACT_ANY,		/* detect: a reader's caller may ask for any kind */
	CONTACT_VCARD,
	CONTACT_LINKEDIN,
	CONTACT_GOOGLE,
};

struct contact_file {
	enum contact_kind kind;
	const char *encoding;	/* what the bytes were read as: "UTF-8", "UTF-16LE",
				   "UTF-16BE", "Windows-1252" */
	char delimiter;		/* CSV: ',' or ';' (detected); vCard: 0 */
	struct contact *items;
	size_t n;
	size_t skipped_lines;	/* CSV: blank rows passed over */
};

/* "vcard", "linkedin", "google" (CONTACT_ANY: "any"). */
const char *contact_kind_name(enum contact_kind kind);

#endif
