/*
 * encoding.c - bytes of an imported file as UTF-8 (see encoding.h).
 */
#include <stdint.h>
#include <string.h>

#include "io/encoding.h"
#include "core/utf8.h"
#include "core/banned.h"

/* Windows-1252's 0x80-0x9F; 0 marks the five bytes it leaves undefined. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Append code point c as UTF-8 at p; returns the end. */
static char *put_utf8(char *p, uint32_t c)
{
	if (c < 0x80) {
		*p++ = (char)c;
	} else if (c < 0x800) {
		*p++ = (char)(0xC0 | c >> 6);
		*p++ = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		*p++ = (char)(0xE0 | c >> 12);
		*p++ = (char)(0x80 | (c >> 6 & 0x3F));
		*p++ = (char)(0x80 | (c & 0x3F));
	} else {
		*p++ = (char)(0xF0 | c >> 18);
		*p++ = (char)(0x80 | (c >> 12 & 0x3F));
		*p++ = (char)(0x80 | (c >> 6 & 0x3F));
		*p++ = (char)(0x80 | (c & 0x3F));
	}
	return p;
}

int enc_is_utf8(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;

	uint32_t cp;

	for (size_t i = 0; i < len;) {
		int n = utf8_decode(p + i, len - i, &cp);
		if (!n)
			return 0;
		i += (size_t)n;
	}
	return 1;
}

char *enc_cp1252_to_utf8(struct mu_arena *a, const char *s, size_t len)
{
	char *out = mu_alloc(a, len * 3 + 1), *p = out;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp = c;
		if (c >= 0x80 && c < 0xA0)
			cp = cp1252_high[c - 0x80] ? cp1252_high[c - 0x80] : 0xFFFD;
		p = put_utf8(p, cp);
	}
	*p = '\0';
	return out;
}

static int utf16_to_utf8(struct mu_arena *a, const unsigned char *s, size_t len, int big,
			 char **out, size_t *out_len, struct mu_error *err)
{
	char *buf, *p;

	if (len % 2)
		return mu_fail(err, MU_EINVAL, "", "the file is UTF-16 but ends in half a character"
			       " (%zu bytes)", len + 2);
	/* a UTF-16 unit becomes at most 3 bytes; a surrogate pair (2 units) 4 */
	buf = p = mu_alloc(a, len / 2 * 3 + 1);
	for (size_t i = 0; i < len; i += 2) {
		uint32_t u = big ? (uint32_t)s[i] << 8 | s[i + 1] : (uint32_t)s[i + 1] << 8 | s[i];
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
			uint32_t lo = big ? (uint32_t)s[i + 2] << 8 | s[i + 3] :
				(uint32_t)s[i + 3] << 8 | s[i + 2];
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				p = put_utf8(p, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
				i += 2;
				continue;
			}
		}
		if (u >= 0xD800 && u <= 0xDFFF)
			return mu_fail(err, MU_EINVAL, "", "the UTF-16 text holds an unpaired surrogate"
				       " at byte %zu", i + 2);
		if (u == 0)
			return mu_fail(err, MU_EINVAL, "", "the text holds a NUL character at byte %zu",
				       i + 2);
		p = put_utf8(p, u);
	}
	*p = '\0';
	*out = buf;
	*out_len = (size_t)(p - buf);
	return 0;
}

int enc_to_utf8(struct mu_arena *a, const char *data, size_t len, char **out, size_t *out_len,
		const char **encoding, struct mu_error *err)
{
	const unsigned char *s = (const unsigned char *)data;
	const char *nul;

	if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
		int big = s[0] == 0xFE;
		*encoding = big ? "UTF-16BE" : "UTF-16LE";
		return utf16_to_utf8(a, s + 2, len - 2, big, out, out_len, err);
	}
	if ((nul = memchr(data, '\0', len)))
		return mu_fail(err, MU_EINVAL, "", "the text holds a NUL character at byte %zu"
			       " (is it a UTF-16 file without a byte order mark?)",
			       (size_t)(nul - data));
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		data += 3;
		len -= 3;
	}
	if (enc_is_utf8(data, len)) {
		*encoding = "UTF-8";
		*out = mu_strndup(a, data, len);
		*out_len = len;
		return 0;
	}
	*encoding = "Windows-1252";
	*out = enc_cp1252_to_utf8(a, data, len);
	*out_len = strlen(*out);
	return 0;
}
