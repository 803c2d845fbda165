/*
 * fuzz.h - what a fuzz target does when its oracle fails: say which target and what
 * went wrong, show the input as a C string (so it can be pasted into a test), abort.
 * Header only: each target is built alone, with gcc and the driver or with libFuzzer.
 */
#ifndef MU_FUZZ_H
#define MU_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static _Noreturn void fuzz_abort(const char *target, const uint8_t *data, size_t size,
				 const char *what)
{
	fprintf(stderr, "%s: %s\ninput (%zu bytes): \"", target, what, size);
	for (size_t i = 0; i < size; i++) {
		unsigned c = data[i];
		if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\')
			fputc((int)c, stderr);
		else
			fprintf(stderr, "\\x%02x", c);
	}
	fputs("\"\n", stderr);
	abort();
}

#endif
