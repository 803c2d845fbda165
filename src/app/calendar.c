/*
 * calendar.c - the agenda and the meetings as an iCalendar feed (RFC 5545): every
 * agenda line a VTODO, every one-to-one and network meeting a VEVENT.
 *
 * A UID names what the entry is about (kind, record, who acts) and the workspace, so
 * it stays the same from one export to the next and a subscribed calendar updates the
 * entry instead of adding another. DTSTAMP is the time of the export.
 */
#include <stdio.h>
#include <string.h>

#include "app/calendar.h"
#include "app/access.h"
#include "app/facts.h"
#include "app/internal.h"
#include "io/ical.h"
#include "method/agenda.h"
#include "enums_gen.h"
#include "core/banned.h"

#define DAY 86400
#define ONE_TO_ONE_SECONDS 3600		/* one_to_one has no end: an hour */
#define MEETING_SECONDS (2 * 3600)	/* a chapter breakfast: two hours */

struct cal {
	struct mu_buf *b;
	const struct m_facts *f;
	mu_id ws;
};

static int write_vtodo(struct cal *c, const struct agenda_item *it)
{
	char uid[128];
	const char *kind = agenda_kind_name[it->kind];
	int64_t due = m_day_of(it->due);
	int rc;

	snprintf(uid, sizeof uid, "%s-%lld-%lld@w%lld.mutua", kind, (long long)it->record,
		 (long long)it->actor, (long long)c->ws);
	if ((rc = ical_begin(c->b, "VTODO")) < 0 || (rc = ical_raw(c->b, "UID", uid)) < 0 ||
	    (rc = ical_time(c->b, "DTSTAMP", c->f->now)) < 0 ||
	    (rc = ical_text(c->b, "SUMMARY", it->todo)) < 0 ||
	    (rc = ical_text(c->b, "DESCRIPTION", it->why)) < 0 ||
	    (rc = ical_date(c->b, "DUE", due)) < 0 ||
	    (rc = ical_categories(c->b, &kind, 1)) < 0 ||
	    (rc = ical_raw(c->b, "STATUS", "NEEDS-ACTION")) < 0)
		return rc;
	return ical_end(c->b, "VTODO");
}

static int event(struct cal *c, const char *uid_kind, mu_id id, mu_time start, int seconds,
		 const char *summary, const char *place)
{
	char uid[96];
	int rc;

	snprintf(uid, sizeof uid, "%s-%lld@w%lld.mutua", uid_kind, (long long)id, (long long)c->ws);
	if ((rc = ical_begin(c->b, "VEVENT")) < 0 || (rc = ical_raw(c->b, "UID", uid)) < 0 ||
	    (rc = ical_time(c->b, "DTSTAMP", c->f->now)) < 0 ||
	    (rc = ical_time(c->b, "DTSTART", start)) < 0 ||
	    (rc = ical_time(c->b, "DTEND", start + seconds)) < 0 ||
	    (rc = ical_text(c->b, "SUMMARY", summary)) < 0 ||
	    (place && *place && (rc = ical_text(c->b, "LOCATION", place)) < 0))
		return rc;
	return ical_end(c->b, "VEVENT");
}

static int member_of(const struct m_facts *f, mu_id network, mu_id person)
{
	for (size_t i = 0; i < f->n_memberships; i++)
		if (f->memberships[i].network == network && f->memberships[i].person == person)
			return 1;
	return 0;
}

static int events(struct cal *c, mu_id person, struct mu_arena *a)
{
	const struct m_facts *f = c->f;
	int rc;

	for (size_t i = 0; i < f->n_one_to_ones; i++) {
		const struct m_one_to_one *o = &f->one_to_ones[i];
		if (person && o->a != person && o->b != person)
			continue;
		char *summary = mu_printf(a, "One-to-one: %s and %s", m_person_name(f, o->a), m_person_name(f, o->b));
		if ((rc = event(c, "one-to-one", o->id, o->at, ONE_TO_ONE_SECONDS, summary, NULL)) < 0)
			return rc;
	}
	for (size_t i = 0; i < f->n_meetings; i++) {
		const struct m_meeting *m = &f->meetings[i];
		const struct m_network *n = m_network_get(f, m->network);
		if (person && !member_of(f, m->network, person))
			continue;
		if ((rc = event(c, "meeting", m->id, m->at, MEETING_SECONDS, n && n->name ? n->name : "Meeting",
				m->place ? m->place : n ? n->place : NULL)) < 0)
			return rc;
	}
	return 0;
}

int app_calendar(struct app *app, mu_id person, struct mu_buf *out, struct mu_error *err)
{
	struct mu_arena a;
	struct m_facts f;
	struct agenda_item *items;
	size_t n;
	int rc;

	mu_arena_init(&a);
	if ((rc = app_need_workspace(app, err)) < 0 || (rc = app_facts(app, &a, &f, err)) < 0 ||
	    (rc = app_audit_read(app, "compute", "calendar", 0, NULL, err)) < 0)
		goto out;
	if (person && !m_person_get(&f, person)) {
		rc = mu_fail(err, MU_ENOTFOUND, "person", "no person %lld in this workspace",
			     (long long)person);
		goto out;
	}
	struct cal c = { out, &f, app->ws };
	agenda_build(&f, person, &a, &items, &n);
	if ((rc = ical_begin_calendar(out, "-//Mutua//Mutua " MUTUA_VERSION "//EN",
				      app->wsinfo.name)) < 0)
		goto out;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = write_vtodo(&c, &items[i]);
	if (rc == 0 && (rc = events(&c, person, &a)) == 0)
		rc = ical_end_calendar(out);
	if (rc < 0)
		mu_fail(err, rc, NULL, "the calendar is too large to write");
out:
	mu_arena_release(&a);
	return rc;
}
