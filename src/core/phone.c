/*
 * phone.c - telephone numbers as E.164 (see phone.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/phone.h"
#include "core/banned.h"

static const struct {
	char iso[3];
	int cc;
} codes[] = {
	{ "SE", 46 }, { "DK", 45 }, { "NO", 47 }, { "FI", 358 }, { "IS", 354 },
	{ "DE", 49 }, { "GB", 44 }, { "NL", 31 }, { "FR", 33 }, { "ES", 34 }, { "IT", 39 },
	{ "PL", 48 }, { "EE", 372 }, { "LV", 371 }, { "LT", 370 }, { "CH", 41 },
	{ "AT", 43 }, { "BE", 32 }, { "IE", 353 }, { "US", 1 }, { "CA", 1 },
};

int phone_country_code(const char *iso2)
{
	for (size_t i = 0; iso2 && i < sizeof(codes) / sizeof(codes[0]); i++)
		if (!strcmp(codes[i].iso, iso2))
			return codes[i].cc;
	return 0;
}

/* 1 if s starts an extension: "ext", "x", "#" or "," (a pause, then an extension). */
static int extension_at(const char *s)
{
	return *s == '#' || *s == ',' || *s == 'x' || *s == 'X' ||
	       !strncmp(s, "ext", 3) || !strncmp(s, "Ext", 3) || !strncmp(s, "EXT", 3);
}

int phone_e164(const char *raw, int cc, char out[PHONE_E164_MAX])
{
	char digits[64];
	size_t n = 0;
	int plus = 0, seen_digit = 0;

	for (const char *p = raw; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c >= '0' && c <= '9') {
			if (n == sizeof(digits) - 1)
				return -1;
			digits[n++] = (char)c;
			seen_digit = 1;
		} else if (c == '+' && !seen_digit && !plus) {
			plus = 1;
		} else if (c == '(' && p[1] == '0' && p[2] == ')' && plus && seen_digit) {
			p += 2;	/* "+46 (0)70": the trunk prefix written for locals */
		} else if (seen_digit && extension_at(p)) {
			break;
		} else if (!strchr(" -./()\t", c) && c != 0xC2 && c != 0xA0) {
			return -1;	/* a letter: a name or a note, not a number */
		}
	}
	digits[n] = '\0';
	const char *d = digits;
	if (!plus && d[0] == '0' && d[1] == '0') {
		plus = 1;	/* 00: the international prefix of most of Europe */
		d += 2;
	}
	if (plus) {
		n = strlen(d);
		if (n < 6 || n > 15)
			return -1;
		snprintf(out, PHONE_E164_MAX, "+%s", d);
		return 0;
	}
	if (cc <= 0)
		return -1;
	if (d[0] == '0')
		d++;
	n = strlen(d);
	char ccs[8];
	int cl = snprintf(ccs, sizeof(ccs), "%d", cc);
	if (n < 5 || n + (size_t)cl > 15)
		return -1;
	snprintf(out, PHONE_E164_MAX, "+%s%s", ccs, d);
	return 0;
}
