/*
 * log.h - one line per event on stderr: time, level, area, message.
 *
 *	2026-03-04T08:30:00Z info http req=7 method=GET route=/api/v1/health status=200 ms=0.3
 *
 * Messages are printf-style and carry key=value pairs. Log ids only, never names,
 * e-mails, notes, tokens or passwords. Lines below the minimum level are dropped; the
 * level is the one mutable global (atomic), so any thread may log or change it.
 * core, method and graph never log: they return errors instead.
 */
#ifndef MU_LOG_H
#define MU_LOG_H

#include <stdarg.h>

enum mu_log_level {
	MU_LOG_DEBUG,
	MU_LOG_INFO,
	MU_LOG_WARN,
	MU_LOG_ERROR,
	MU_LOG_LEVEL_COUNT
};

/* Write one line to stderr if level is at or above the minimum (default info).
 * Control characters in the message become spaces, so a line stays one line. */
void mu_log(enum mu_log_level level, const char *area, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The same with a va_list (for libraries' log callbacks). */
void mu_vlog(enum mu_log_level level, const char *area, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

void mu_log_set_level(enum mu_log_level level);
enum mu_log_level mu_log_get_level(void);
/* 1 if a line at level would be written (to skip costly arguments). */
int mu_log_enabled(enum mu_log_level level);

/* "debug", "info", "warn", "error" to a level: 0, or -1 if name is none of these. */
int mu_log_level_parse(const char *name, enum mu_log_level *out);
const char *mu_log_level_name(enum mu_log_level level);

#endif
