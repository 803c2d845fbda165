/*
 * mtime.c - civil calendar arithmetic (Howard Hinnant's days_from_civil) and strict
 * ISO 8601 parsing. No libc time zone functions: the machine's zone never matters.
 */
#include <stdio.h>
#include <string.h>

#include "core/mtime.h"
#include "core/banned.h"

int64_t mu_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void mu_civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int days_in_month(int y, int m)
{
	static const int len[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : len[m - 1];
}

static int parse_date_part(const char *s, int64_t *days)
{
	int y, m, d;

	if (digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &m) || s[7] != '-' ||
	    digits(s + 8, 2, &d))
		return -1;
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	*days = mu_days_from_civil(y, m, d);
	return 0;
}

int mu_date_parse(const char *s, int64_t *days)
{
	if (!s || strlen(s) != 10)
		return -1;
	return parse_date_part(s, days);
}

int mu_time_parse(const char *s, mu_time *out)
{
	int64_t days;
	int hh, mm, ss;

	if (!s || strlen(s) != 20 || parse_date_part(s, &days) || s[10] != 'T' ||
	    digits(s + 11, 2, &hh) || s[13] != ':' || digits(s + 14, 2, &mm) || s[16] != ':' ||
	    digits(s + 17, 2, &ss) || s[19] != 'Z')
		return -1;
	if (hh > 23 || mm > 59 || ss > 59)
		return -1;
	*out = days * 86400 + hh * 3600 + mm * 60 + ss;
	return 0;
}

int mu_when_parse(const char *s, mu_time *out)
{
	int64_t days;

	if (s && strlen(s) == 10) {
		if (mu_date_parse(s, &days))
			return -1;
		*out = days * 86400;
		return 0;
	}
	return mu_time_parse(s, out);
}

static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

void mu_time_format(mu_time t, char out[MU_TIME_LEN])
{
	int64_t days = floor_div(t, 86400), sec = t - days * 86400;
	int y, m, d;

	mu_civil_from_days(days, &y, &m, &d);
	snprintf(out, MU_TIME_LEN, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
		 (int)(sec / 3600), (int)(sec / 60 % 60), (int)(sec % 60));
}

void mu_date_format(int64_t days, char out[MU_DATE_LEN])
{
	int y, m, d;

	mu_civil_from_days(days, &y, &m, &d);
	snprintf(out, MU_DATE_LEN, "%04d-%02d-%02d", y, m, d);
}
