/*
 * utf8.h - UTF-8 as Unicode 15 §3.9 (table 3-7) defines it well-formed: no overlong
 * forms, no surrogates, nothing above U+10FFFF. One table for every reader and writer
 * of text (core/text.c, io/encoding.c, io/ical.c, io/vcard.c).
 */
#ifndef MU_UTF8_H
#define MU_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Of a lead byte c: how many continuation bytes follow it (0 for ASCII) and the range
 * the first of them must be in (the others are 0x80-0xBF); -1 if c cannot start a
 * character. */
int utf8_lead(unsigned char c, unsigned char *lo, unsigned char *hi);
/* The well-formed sequence at s, of at most n bytes (a NUL is never a continuation
 * byte, so n may be SIZE_MAX for a string): its length with the code point in *cp, or
 * 0 if none starts there. */
int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

#endif
