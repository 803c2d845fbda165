/*
 * encoding.h - bytes of an imported file as UTF-8.
 *
 * Address books arrive as UTF-8 with or without a BOM, as UTF-16 with a BOM (Outlook,
 * Excel's "Unicode text"), or as Windows-1252 from older Windows programs. enc_to_utf8
 * decides by the bytes alone: a UTF-16 BOM means UTF-16; else valid UTF-8 is UTF-8
 * (a UTF-8 BOM is dropped); else the bytes are read as Windows-1252, and the caller
 * should say so to the user. The result always is valid UTF-8 and NUL-terminated.
 */
#ifndef MU_IO_ENCODING_H
#define MU_IO_ENCODING_H

#include <stddef.h>

#include "core/arena.h"
#include "core/error.h"

/* Convert data[0..len) into *out (in the arena, *out_len bytes without the NUL).
 * *encoding becomes "UTF-8", "UTF-16LE", "UTF-16BE" or "Windows-1252". Fails with
 * MU_EINVAL for UTF-16 that is cut in half or holds an unpaired surrogate, and for a
 * NUL character (no text format we read may hold one); the message names the byte. */
int enc_to_utf8(struct mu_arena *a, const char *data, size_t len, char **out, size_t *out_len,
		const char **encoding, struct mu_error *err);

/* Windows-1252 (ISO-8859-1 is its subset for printable text) to UTF-8; the five
 * undefined bytes become U+FFFD. For vCard 2.1's CHARSET= values. */
char *enc_cp1252_to_utf8(struct mu_arena *a, const char *s, size_t len);

/* 1 if s[0..len) is valid UTF-8 (no overlong forms, no surrogates, max U+10FFFF). */
int enc_is_utf8(const char *s, size_t len);

#endif
