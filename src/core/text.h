/*
 * text.h - checks and comparisons of user text: UTF-8, lengths, e-mail, URL, words,
 * currency codes, and case folding for name look-ups (accents kept, case ignored).
 */
#ifndef MU_TEXT_H
#define MU_TEXT_H

#include <stddef.h>

#include "core/model.h"

/* Code points in s if it is valid UTF-8 without control characters, else -1.
 * Tab and newline are allowed when multiline is set. */
long text_chars(const char *s, int multiline);

/* NULL if s passes check, else what is wrong ("not an e-mail address"). */
const char *text_check_msg(enum text_check check, const char *s);

/* 1 if s is an ISO 4217 shaped code (three capital letters). */
int text_is_currency(const char *s);

/* Case-fold s into out (lower case for ASCII, Latin-1 and Latin Extended-A; other
 * characters unchanged, accents kept). Returns out; out must hold strlen(s) + 1 bytes. */
char *text_fold(const char *s, char *out);
/* Case-insensitive equality in the sense of text_fold. */
int text_equal_folded(const char *a, const char *b);
/* 1 if the folded needle occurs in the folded haystack. */
int text_contains_folded(const char *haystack, const char *needle);

/* A matching key for names of people and organisations: lower case and without accents
 * for Latin-1 and Latin Extended-A ("Åsa Öberg" and "asa oberg" agree; æ is "ae", ø
 * "o", ß "ss"), every run of spaces and punctuation one space, trimmed. Other letters
 * stay as they are. Returns out; out must hold 2 * strlen(s) + 1 bytes. */
char *text_key(const char *s, char *out);

#endif
