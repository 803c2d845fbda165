/*
 * mtime.h - Mutua's clock and calendar: UTC only, whole days, ISO 8601 text.
 *
 * Times are Unix seconds (int64). Dates are days since 1970-01-01. The text forms are
 * "YYYY-MM-DDTHH:MM:SSZ" and "YYYY-MM-DD"; parsing is strict (the format of FORMAT.md
 * §1, real calendar dates, years 1900-9999) so that stored text is canonical.
 */
#ifndef MU_MTIME_H
#define MU_MTIME_H

#include <stdint.h>

typedef int64_t mu_time;	/* seconds since the epoch, UTC */

#define MU_TIME_LEN 21		/* "2026-03-04T08:30:00Z" + NUL */
#define MU_DATE_LEN 11		/* "2026-03-04" + NUL */

int64_t mu_days_from_civil(int y, int m, int d);
void mu_civil_from_days(int64_t days, int *y, int *m, int *d);

/* 0 on success, -1 if s is not a valid time/date in the strict form. */
int mu_time_parse(const char *s, mu_time *out);
int mu_date_parse(const char *s, int64_t *days);
/* Accepts either form ("2026-03-04" means midnight UTC). */
int mu_when_parse(const char *s, mu_time *out);

void mu_time_format(mu_time t, char out[MU_TIME_LEN]);
void mu_date_format(int64_t days, char out[MU_DATE_LEN]);

#endif
