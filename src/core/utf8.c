/*
 * utf8.c - well-formed UTF-8 (see utf8.h).
 */
#include "core/utf8.h"
#include "core/banned.h"

int utf8_lead(unsigned char c, unsigned char *lo, unsigned char *hi)
{
	*lo = 0x80;
	*hi = 0xBF;
	if (c < 0x80)
		return 0;
	if (c == 0xE0)
		*lo = 0xA0;	/* overlong */
	else if (c == 0xED)
		*hi = 0x9F;	/* surrogates */
	else if (c == 0xF0)
		*lo = 0x90;	/* overlong */
	else if (c == 0xF4)
		*hi = 0x8F;	/* above U+10FFFF */
	if (c >= 0xC2 && c <= 0xDF)
		return 1;
	if (c >= 0xE0 && c <= 0xEF)
		return 2;
	if (c >= 0xF0 && c <= 0xF4)
		return 3;
	return -1;	/* a continuation byte, C0, C1 or F5-FF */
}

int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char lo, hi;
	int more = n ? utf8_lead(s[0], &lo, &hi) : -1;

	if (more < 0 || (size_t)more >= n)
		return 0;
	*cp = s[0] & (0x7F >> more);
	for (int i = 1; i <= more; i++) {
		if (s[i] < lo || s[i] > hi)
			return 0;
		*cp = *cp << 6 | (s[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	return more + 1;
}
