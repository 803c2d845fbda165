/*
 * search.h - full-text search of takeaways (SPEC §3: "shared with the workspace;
 * full-text searchable"), for `mutua takeaway search` and GET /api/v1/takeaways?q=;
 * and finding persons by what one remembers of them, for GET /api/v1/persons?q=.
 *
 * What a user types is read as words, never as query syntax: words that must all
 * occur (in the text or the tags), "a phrase" in double quotes, and a * right after a
 * word (or a closing quote) for a prefix, as in kommun*. Every other character only
 * separates words, so AND, OR, NEAR, parentheses or a stray quote are plain text.
 * Case is ignored, accents are kept: å, ä, ö, æ, ø are letters of their own
 * (docs/decisions/0003-search.md).
 */
#ifndef MU_APP_SEARCH_H
#define MU_APP_SEARCH_H

#include "app/app.h"

#define SEARCH_TEXT_MAX 500	/* bytes of search text */
#define SEARCH_WORDS_MAX 32	/* words in one search */

/* Split text into terms for store_takeaway_search(), in a. MU_EUSAGE with field "q"
 * when it holds no word (empty, only punctuation or *), is not UTF-8 text, or is over
 * the limits above. */
int app_search_parse(struct mu_arena *a, const char *text, struct store_search_term **terms,
		     size_t *n, struct mu_error *err);

/* Takeaways of the selected workspace matching text, most relevant first (equal
 * relevance: by id), skipping offset, at most limit (0: all); records in a. Errors
 * as app_search_parse(), or the store's. */
int app_takeaway_search(struct app *app, struct mu_arena *a, const char *text, size_t offset,
			size_t limit, struct mu_record **out, size_t *n, struct mu_error *err);

/* Persons of the selected workspace the actor may see whose name, e-mails, title,
 * city, tags or organisation hold every term of text (read as above), each at the
 * start of a word, with case and accents ignored as in name look-ups (text_key):
 * "ann" finds Anna, "sören" Søren. Those matched by name first, then by id; skipping
 * offset, at most limit (0: all). Errors as app_search_parse(), or the store's. */
int app_person_search(struct app *app, struct mu_arena *a, const char *text, size_t offset,
		      size_t limit, struct mu_record **out, size_t *n, struct mu_error *err);

#endif
