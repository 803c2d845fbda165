/*
 * calendar.h - the agenda and meetings as iCalendar (RFC 5545), for `export ical` and
 * the subscribable feed GET /api/v1/agenda.ics.
 */
#ifndef MU_APP_CALENDAR_H
#define MU_APP_CALENDAR_H

#include "app/app.h"
#include "core/buf.h"

/* The calendar of person (0: everyone): agenda lines as VTODO, one-to-ones and network
 * meetings as VEVENT, appended to out. */
int app_calendar(struct app *app, mu_id person, struct mu_buf *out, struct mu_error *err);

#endif
