/*
 * log.c - mu_log: the whole line is formatted into one buffer and written with one
 * write(2), so lines from several threads never interleave.
 *
 * Invariants: a line is at most LINE_MAX_BYTES (a longer message is cut and ends in
 * "..."), holds no control character, and ends in exactly one newline.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "core/mtime.h"
#include "core/banned.h"

#define LINE_MAX_BYTES 2048

static const char *const level_names[MU_LOG_LEVEL_COUNT] = {
	[MU_LOG_DEBUG] = "debug",
	[MU_LOG_INFO] = "info",
	[MU_LOG_WARN] = "warn",
	[MU_LOG_ERROR] = "error",
};

/* The one mutable global: the minimum level, read and set from any thread. */
static _Atomic int min_level = MU_LOG_INFO;

void mu_log_set_level(enum mu_log_level level)
{
	if ((unsigned)level < MU_LOG_LEVEL_COUNT)
		atomic_store(&min_level, (int)level);
}

enum mu_log_level mu_log_get_level(void)
{
	return (enum mu_log_level)atomic_load(&min_level);
}

int mu_log_enabled(enum mu_log_level level)
{
	return (int)level >= atomic_load(&min_level);
}

int mu_log_level_parse(const char *name, enum mu_log_level *out)
{
	for (int i = 0; name && i < MU_LOG_LEVEL_COUNT; i++) {
		if (!strcmp(name, level_names[i])) {
			*out = (enum mu_log_level)i;
			return 0;
		}
	}
	return -1;
}

const char *mu_log_level_name(enum mu_log_level level)
{
	return (unsigned)level < MU_LOG_LEVEL_COUNT ? level_names[level] : "?";
}

/* Control characters (newlines above all) become spaces; trailing spaces go, as
 * libraries' messages often end in a newline. Returns the new length of s. */
static size_t flatten(char *s)
{
	size_t len = 0, keep = 0;

	for (; s[len]; len++) {
		if ((unsigned char)s[len] < 0x20 || s[len] == 0x7f)
			s[len] = ' ';
		if (s[len] != ' ')
			keep = len + 1;
	}
	s[keep] = '\0';
	return keep;
}

void mu_vlog(enum mu_log_level level, const char *area, const char *fmt, va_list ap)
{
	char line[LINE_MAX_BYTES], ts[MU_TIME_LEN];
	size_t head, len;
	int n;

	if (!mu_log_enabled(level))
		return;
	mu_time_format((mu_time)time(NULL), ts);
	n = snprintf(line, sizeof(line), "%s %s %s ", ts, mu_log_level_name(level),
		     area ? area : "-");
	head = n < 0 ? 0 : (size_t)n;
	if (head > sizeof(line) / 2)
		head = sizeof(line) / 2;	/* an absurd area name: cut it, keep the message */
	n = vsnprintf(line + head, sizeof(line) - head - 1, fmt, ap);
	if (n >= 0 && (size_t)n >= sizeof(line) - head - 1)
		memcpy(line + sizeof(line) - 5, "...", 4);
	len = head + flatten(line + head);
	line[len++] = '\n';
	if (write(STDERR_FILENO, line, len) < 0)
		return;	/* nowhere left to report it */
}

void mu_log(enum mu_log_level level, const char *area, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	mu_vlog(level, area, fmt, ap);
	va_end(ap);
}
