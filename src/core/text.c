/*
 * text.c - UTF-8 decoding for checks and folding. Folding covers the letters of the
 * Nordic languages (Å Ä Ö Æ Ø É Ü ...) and Latin Extended-A; byte lengths never change
 * because each folded pair has the same UTF-8 length.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/utf8.h"
#include "core/enums.h"
#include "core/banned.h"

/* Decode one code point at s (a string); its byte length, or -1 if invalid. */
static int utf8_next(const unsigned char *s, uint32_t *cp)
{
	int len = utf8_decode(s, SIZE_MAX, cp);
	return len ? len : -1;
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

/* YYYY-MM-DD (a real day), or --MM-DD (a day that some year has) */
static int is_birthday(const char *s)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y = 0, m, d;

	if (strlen(s) == 10 && s[4] == '-' && s[7] == '-') {
		for (int i = 0; i < 4; i++) {
			if (s[i] < '0' || s[i] > '9')
				return 0;
			y = y * 10 + (s[i] - '0');
		}
		if (y < 1800)
			return 0;
		s += 5;
	} else if (strlen(s) == 7 && s[0] == '-' && s[1] == '-' && s[4] == '-') {
		s += 2;
	} else {
		return 0;
	}
	if (s[0] < '0' || s[0] > '1' || s[1] < '0' || s[1] > '9' || s[3] < '0' || s[3] > '3' ||
	    s[4] < '0' || s[4] > '9')
		return 0;
	m = (s[0] - '0') * 10 + (s[1] - '0');
	d = (s[3] - '0') * 10 + (s[4] - '0');
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	return !(m == 2 && d == 29 && y && (y % 4 || (y % 100 == 0 && y % 400)));
}

/* U+00C0-U+017F without accents, in lower case (generated with Python's unicodedata:
 * NFD without combining marks; letters that do not decompose spelled out). */
static const char *const unaccented[192] = {
	"a", "a", "a", "a", "a", "a", "ae", "c",	/* U+00C0 */
	"e", "e", "e", "e", "i", "i", "i", "i",	/* U+00C8 */
	"d", "n", "o", "o", "o", "o", "o", "",	/* U+00D0 */
	"o", "u", "u", "u", "u", "y", "th", "ss",	/* U+00D8 */
	"a", "a", "a", "a", "a", "a", "ae", "c",	/* U+00E0 */
	"e", "e", "e", "e", "i", "i", "i", "i",	/* U+00E8 */
	"d", "n", "o", "o", "o", "o", "o", "",	/* U+00F0 */
	"o", "u", "u", "u", "u", "y", "th", "y",	/* U+00F8 */
	"a", "a", "a", "a", "a", "a", "c", "c",	/* U+0100 */
	"c", "c", "c", "c", "c", "c", "d", "d",	/* U+0108 */
	"d", "d", "e", "e", "e", "e", "e", "e",	/* U+0110 */
	"e", "e", "e", "e", "g", "g", "g", "g",	/* U+0118 */
	"g", "g", "g", "g", "h", "h", "h", "h",	/* U+0120 */
	"i", "i", "i", "i", "i", "i", "i", "i",	/* U+0128 */
	"i", "i", "ij", "ij", "j", "j", "k", "k",	/* U+0130 */
	"k", "l", "l", "l", "l", "l", "l", "l",	/* U+0138 */
	"l", "l", "l", "n", "n", "n", "n", "n",	/* U+0140 */
	"n", "n", "n", "n", "o", "o", "o", "o",	/* U+0148 */
	"o", "o", "oe", "oe", "r", "r", "r", "r",	/* U+0150 */
	"r", "r", "s", "s", "s", "s", "s", "s",	/* U+0158 */
	"s", "s", "t", "t", "t", "t", "t", "t",	/* U+0160 */
	"u", "u", "u", "u", "u", "u", "u", "u",	/* U+0168 */
	"u", "u", "u", "u", "w", "w", "y", "y",	/* U+0170 */
	"y", "z", "z", "z", "z", "z", "z", "s",	/* U+0178 */
};

char *text_key(const char *s, char *out)
{
	const unsigned char *p = (const unsigned char *)s;
	char *o = out;
	int gap = 0;		/* a separator is pending */

	while (*p) {
		const char *piece = NULL;
		size_t len = 1;
		char low[2] = { 0, 0 };

		if (*p < 0x80) {
			if ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
			    (*p >= 'A' && *p <= 'Z')) {
				low[0] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
				piece = low;
			}
		} else if (*p >= 0xC2 && *p <= 0xC5 && (p[1] & 0xC0) == 0x80) {
			unsigned cp = (unsigned)(*p & 0x1F) << 6 | (p[1] & 0x3F);
			len = 2;
			if (cp >= 0xC0 && cp < 0x180)
				piece = unaccented[cp - 0xC0];
			else
				piece = "";	/* U+0080-U+00BF: signs and spaces */
			if (!*piece)
				piece = NULL;
		} else {
			/* another letter: kept whole, as its bytes */
			len = 1;
			while ((p[len] & 0xC0) == 0x80)
				len++;
			if (gap && o > out)
				*o++ = ' ';
			memcpy(o, p, len);
			o += len;
			gap = 0;
			p += len;
			continue;
		}
		if (!piece) {
			gap = 1;
		} else {
			if (gap && o > out)
				*o++ = ' ';
			gap = 0;
			for (const char *c = piece; *c; c++)
				*o++ = *c;
		}
		p += len;
	}
	*o = '\0';
	return out;
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
	case TC_BIRTHDAY:
		return is_birthday(s) ? NULL : "not a birthday (YYYY-MM-DD, or --MM-DD)";
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
