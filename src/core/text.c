/*
 * text.c - UTF-8 decoding for checks and folding. Folding covers the letters of the
 * Nordic languages (Å Ä Ö Æ Ø É Ü ...) and Latin Extended-A; byte lengths never change
 * because each folded pair has the same UTF-8 length.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/enums.h"
#include "core/banned.h"

/* Decode one code point at s; returns its byte length or -1 if invalid. */
static int utf8_next(const unsigned char *s, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
		*cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
		return *cp >= 0x80 ? 2 : -1;
	}
	if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
		*cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
		      (s[2] & 0x3F);
		return *cp >= 0x800 && (*cp < 0xD800 || *cp > 0xDFFF) ? 3 : -1;
	}
	if ((s[0] & 0xF8) == 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
	    (s[3] & 0xC0) == 0x80) {
		*cp = ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
		      ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
		return *cp >= 0x10000 && *cp <= 0x10FFFF ? 4 : -1;
	}
	return -1;
}

long text_chars(const char *s, int multiline)
{
	const unsigned char *p = (const unsigned char *)s;
	long n = 0;
	uint32_t cp;

	while (*p) {
		int len = utf8_next(p, &cp);
		if (len < 0)
			return -1;
		if ((cp < 0x20 && !(multiline && (cp == '\n' || cp == '\t'))) || cp == 0x7F ||
		    (cp >= 0x80 && cp < 0xA0))
			return -1;
		p += len;
		n++;
	}
	return n;
}

static int is_email(const char *s)
{
	const char *at = strchr(s, '@'), *dot;

	if (!at || at == s || strchr(at + 1, '@'))
		return 0;
	for (const char *p = s; *p; p++)
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == ',' || *p == ';' || *p == '<' ||
		    *p == '>')
			return 0;
	dot = strrchr(at + 1, '.');
	return dot && dot > at + 1 && dot[1] != '\0';
}

static int is_url(const char *s)
{
	if (strncmp(s, "http://", 7) && strncmp(s, "https://", 8))
		return 0;
	for (const char *p = s; *p; p++)
		if (*p == ' ' || *p == '\t' || *p == '\n')
			return 0;
	return strlen(s) > 8;
}

static int is_word(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		      *p == '_' || *p >= 0x80))
			return 0;
	return *s != '\0';
}

const char *text_check_msg(enum text_check check, const char *s)
{
	switch (check) {
	case TC_PLAIN:
		return NULL;
	case TC_EMAIL:
		return is_email(s) ? NULL : "not an e-mail address";
	case TC_URL:
		return is_url(s) ? NULL : "not an http(s) address";
	case TC_WORD:
		return is_word(s) ? NULL : "not a lower-case word (letters, digits, - and _)";
	case TC_NACE:
		return nace_parse(s, NULL, NULL) ? NULL :
		       "not a NACE Rev. 2 section, division, group or class";
	case TC_REGION:
		return region_valid(s) ? NULL : "not an ISO 3166-2 region of SE, DK, NO or FI";
	}
	return NULL;
}

int text_is_currency(const char *s)
{
	return s && strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
	       s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z';
}

static uint32_t fold_cp(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 32;
	/* Latin Extended-A: pairs upper/lower, even-odd or odd-even by range */
	if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
		return cp | 1;
	if (((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) && (cp & 1))
		return cp + 1;
	return cp;
}

static int put_cp(uint32_t cp, int len, char *out)
{
	if (len == 2) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
	} else {
		out[0] = (char)cp;
	}
	return len;
}

char *text_fold(const char *s, char *out)
{
	const unsigned char *p = (const unsigned char *)s;
	char *o = out;
	uint32_t cp;

	while (*p) {
		int len = utf8_next(p, &cp);
		if (len < 0) {
			*o++ = (char)*p++;
			continue;
		}
		uint32_t f = fold_cp(cp);
		if (f != cp && len <= 2) {
			o += put_cp(f, len, o);
		} else {
			memcpy(o, p, (size_t)len);
			o += len;
		}
		p += len;
	}
	*o = '\0';
	return out;
}

int text_equal_folded(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *fa, *fb;
	int eq;

	if (la != lb)
		return 0;
	fa = malloc(la + 1);
	fb = malloc(lb + 1);
	if (!fa || !fb)
		abort();
	eq = !strcmp(text_fold(a, fa), text_fold(b, fb));
	free(fa);
	free(fb);
	return eq;
}

int text_contains_folded(const char *haystack, const char *needle)
{
	char *fh = malloc(strlen(haystack) + 1), *fn = malloc(strlen(needle) + 1);
	int found;

	if (!fh || !fn)
		abort();
	found = strstr(text_fold(haystack, fh), text_fold(needle, fn)) != NULL;
	free(fh);
	free(fn);
	return found;
}
