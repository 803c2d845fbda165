/*
 * phone.h - telephone numbers as E.164 ("+46701234567"), to find the same number
 * written two ways ("070-123 45 67", "+46 (0)70 123 45 67", "0046 70 123 45 67").
 *
 * No numbering plan is consulted (that is libphonenumber's job, and it is C++): the
 * rules are those every national plan we meet shares. '+' or "00" starts an
 * international number; else a leading 0 is the trunk prefix, dropped for the default
 * country's code; else (Denmark, Norway: no trunk prefix) the default code goes in
 * front. "(0)" after a country code is dropped; an extension ("ext", "x", "#", ",")
 * and what follows are not part of the number.
 */
#ifndef MU_PHONE_H
#define MU_PHONE_H

#include <stddef.h>

/* Longest E.164 text: '+', 15 digits, NUL. */
#define PHONE_E164_MAX 17

/* Write raw as E.164 into out (PHONE_E164_MAX bytes) with default country calling code
 * cc (46 for Sweden). 0, or -1 if raw is no telephone number (letters, fewer than 6 or
 * more than 15 digits). */
int phone_e164(const char *raw, int cc, char out[PHONE_E164_MAX]);

/* The country calling code for an ISO 3166-1 alpha-2 code ("SE" -> 46), 0 if unknown. */
int phone_country_code(const char *iso2);

#endif
