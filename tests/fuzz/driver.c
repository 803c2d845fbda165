/*
 * driver.c - runs a libFuzzer target without libFuzzer (gcc has none).
 *
 *	driver [-n N] [-s SEED] [-m MAXLEN] [FILE|DIR]...
 *
 * Link it with one fuzz_*.c that defines LLVMFuzzerTestOneInput. Every FILE, and every
 * regular file in each DIR (a corpus), is run once; then N pseudo-random inputs
 * (default 10000) from a deterministic xorshift generator seeded with SEED (default 1),
 * so a failure reproduces with the same arguments. The inputs are built and mutated
 * from fragments that trouble text formats: UTF-8 of two to four octets, broken and
 * overlong UTF-8, separators (, ; : \ "), line breaks, control bytes, NUL, and runs of
 * ASCII whose lengths land on line-length boundaries. A target reports a failure by
 * aborting (as under libFuzzer); the driver itself only says how much it ran.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* optional, as in libFuzzer */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

struct frag {
	const char *s;
	size_t len;
};
#define F(lit) { lit, sizeof(lit) - 1 }

static const struct frag frags[] = {
	F("a"), F("Z"), F(" "), F("\t"), F("abc "), F("Mutua"),
	F(","), F(";"), F(":"), F("\\"), F("\""), F("\\n"), F("\\,"), F("\\\\"), F("="),
	F("\n"), F("\r\n"), F("\r"), F("\r\n "), F("\x00"), F("\x01"), F("\x1b"), F("\x7f"),
	F("å"), F("ä"), F("ö"), F("Å"), F("Ä"), F("Ö"), F("æ"), F("ø"), F("Æ"), F("Ø"),
	F("é"), F("ü"), F("ß"), F("Œ"), F("€"), F("—"), F("…"), F("\xc2\x85"), F("\xc2\xa0"),
	F("\xef\xbb\xbf"), F("\xef\xbf\xbd"), F("\xe2\x80\xa8"), F("\xcc\x81"),
	F("😀"), F("🇸🇪"), F("👩‍👩‍👧"), F("\xf4\x8f\xbf\xbf"), F("中文"),
	/* ill-formed: cut, stray, overlong, surrogate, too big, never valid */
	F("\xc3"), F("\xe2\x82"), F("\xf0\x9f\x98"), F("\x80"), F("\xbf"), F("\xc0\xaf"),
	F("\xc1\xbf"), F("\xe0\x80\xaf"), F("\xed\xa0\x80"), F("\xed\xbf\xbf"),
	F("\xf0\x80\x80\xaf"), F("\xf4\x90\x80\x80"), F("\xf5\x80\x80\x80"), F("\xf8"),
	F("\xfe"), F("\xff"),
};

static uint64_t rng_state;

static uint64_t rnd(void)
{
	/* xorshift64* (Vigna); never seeded with 0 */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

static size_t below(size_t n)
{
	return n ? (size_t)(rnd() % n) : 0;
}

struct input {
	uint8_t *data;
	size_t len, max;
};

/* Insert n bytes at pos, as many as fit. */
static void insert(struct input *in, size_t pos, const void *s, size_t n)
{
	if (n > in->max - in->len)
		n = in->max - in->len;
	memmove(in->data + pos + n, in->data + pos, in->len - pos);
	memcpy(in->data + pos, s, n);
	in->len += n;
}

static void insert_frag(struct input *in, size_t pos)
{
	const struct frag *f = &frags[below(sizeof(frags) / sizeof(frags[0]))];

	insert(in, pos, f->s, f->len);
}

/* A run of ASCII: lengths near 64-80 put the next octet around a fold. */
static void insert_run(struct input *in, size_t pos)
{
	char run[160];
	size_t n = below(4) ? 60 + below(24) : 1 + below(sizeof(run) - 1);

	memset(run, 'a' + (int)below(26), n);
	insert(in, pos, run, n);
}

static void mutate(struct input *in)
{
	size_t pos = below(in->len + 1), n;

	switch (below(8)) {
	case 0:
	case 1:
	case 2:
		insert_frag(in, pos);
		break;
	case 3:
		insert_run(in, pos);
		break;
	case 4:	/* delete a range */
		n = below(in->len - pos + 1);
		memmove(in->data + pos, in->data + pos + n, in->len - pos - n);
		in->len -= n;
		break;
	case 5:	/* one random byte */
		if (pos < in->len)
			in->data[pos] = (uint8_t)rnd();
		break;
	case 6:	/* copy a range elsewhere */
		if (in->len) {
			uint8_t tmp[256];
			size_t from = below(in->len);
			n = 1 + below(in->len - from < sizeof(tmp) ? in->len - from : sizeof(tmp));
			memcpy(tmp, in->data + from, n);
			insert(in, pos, tmp, n);
		}
		break;
	default:	/* truncate */
		in->len = pos;
		break;
	}
}

static void fresh(struct input *in)
{
	size_t n = 1 + below(24);

	in->len = 0;
	for (size_t i = 0; i < n; i++) {
		if (below(5))
			insert_frag(in, in->len);
		else
			insert_run(in, in->len);
	}
}

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t len = 0, cap = 0, got;

	if (!f) {
		fprintf(stderr, "driver: cannot open '%s'\n", path);
		return -1;
	}
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 4096;
			data = realloc(data, cap);
			if (!data)
				abort();
		}
		got = fread(data + len, 1, cap - len, f);
		len += got;
	} while (got > 0);
	fclose(f);
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	return 0;
}

/* A file, or every regular file in a directory (one level). The count run, or -1. */
static long run_path(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	long n = 0;

	if (stat(path, &st) < 0) {
		fprintf(stderr, "driver: cannot open '%s'\n", path);
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return run_file(path) < 0 ? -1 : 1;
	if (!(d = opendir(path))) {
		fprintf(stderr, "driver: cannot read directory '%s'\n", path);
		return -1;
	}
	while ((e = readdir(d))) {
		char sub[4096];

		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		if (stat(sub, &st) == 0 && S_ISREG(st.st_mode)) {
			if (run_file(sub) < 0) {
				closedir(d);
				return -1;
			}
			n++;
		}
	}
	closedir(d);
	return n;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
	unsigned long long iterations = 10000, seed = 1;
	size_t maxlen = 1024;
	long files = 0;
	struct input in;
	double t0 = now_ms();
	int i;

	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc && argv[i][0] == '-'; i += 2) {
		char *end;
		unsigned long long v;

		if (i + 1 >= argc)
			goto usage;
		v = strtoull(argv[i + 1], &end, 10);
		if (*end || end == argv[i + 1])
			goto usage;
		if (!strcmp(argv[i], "-n"))
			iterations = v;
		else if (!strcmp(argv[i], "-s"))
			seed = v;
		else if (!strcmp(argv[i], "-m") && v > 0)
			maxlen = (size_t)v;
		else
			goto usage;
	}
	for (; i < argc; i++) {
		long n = run_path(argv[i]);
		if (n < 0)
			return 2;
		files += n;
	}

	rng_state = seed * 0x9E3779B97F4A7C15ULL + 1;
	if (!rng_state)
		rng_state = 1;
	in.max = maxlen;
	in.len = 0;
	in.data = malloc(maxlen);
	if (!in.data)
		abort();
	for (unsigned long long k = 0; k < iterations; k++) {
		/* mostly mutate the last input; start afresh now and then */
		if (in.len == 0 || below(16) == 0) {
			fresh(&in);
		} else {
			size_t n = 1 + below(4);
			while (n--)
				mutate(&in);
		}
		LLVMFuzzerTestOneInput(in.data, in.len);
	}
	free(in.data);
	printf("driver: %ld files, %llu random inputs (seed %llu, up to %zu bytes) in %.0f ms\n",
	       files, iterations, seed, maxlen, now_ms() - t0);
	return 0;
usage:
	fprintf(stderr, "usage: driver [-n N] [-s SEED] [-m MAXLEN] [FILE|DIR]...\n");
	return 2;
}
