/*
 * dedupe.c - which person a contact already is (see dedupe.h).
 *
 * One map of typed keys to slots: "e:anna@lind.se", "p:+46701234567",
 * "u:linkedin.com/in/anna", "n:anna lind\x1flind rekrytering", "m:anna lind" (a name
 * alone) and "M:anna lind" (held by a person with an organisation).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "method/dedupe.h"
#include "core/strmap.h"
#include "core/phone.h"
#include "core/text.h"
#include "core/banned.h"

#define AMBIGUOUS (-2L)		/* a name held by several persons: never a match alone */

struct dedupe {
	struct strmap *keys;
	int cc;
};

struct dedupe *dedupe_new(int cc)
{
	struct dedupe *d = calloc(1, sizeof(*d));

	if (!d)
		abort();
	d->keys = strmap_new();
	d->cc = cc;
	return d;
}

void dedupe_free(struct dedupe *d)
{
	if (!d)
		return;
	strmap_free(d->keys);
	free(d);
}

/* Key -> slot unless the key is held; a second holder of a name alone ("m:") makes it
 * ambiguous. */
static void put(struct dedupe *d, const char *key, long slot)
{
	int added;
	long *v = strmap_put(d->keys, key, slot, &added);

	if (!added && key[0] == 'm' && *v != slot)
		*v = AMBIGUOUS;
}

static long get(const struct dedupe *d, const char *key)
{
	long *v = strmap_get(d->keys, key);
	return v ? *v : -1;
}

/* The contact details of k of one kind. */
struct values {
	const char *const *v;
	size_t n;
};

static struct values values_of(const struct dedupe_keys *k, enum dedupe_kind kind)
{
	switch (kind) {
	case DEDUPE_EMAIL:
		return (struct values){ k->emails, k->n_emails };
	case DEDUPE_PHONE:
		return (struct values){ k->phones, k->n_phones };
	case DEDUPE_URL:
		return (struct values){ k->urls, k->n_urls };
	}
	return (struct values){ NULL, 0 };
}

/* How a match by each kind is said: "same e-mail anna@lind.se". */
static const char *const kind_words[] = { "e-mail", "phone", "web address" };

/* "e:" and the address in lower case into buf, or NULL if there is none. */
static const char *email_key(const char *raw, char *buf, size_t size)
{
	size_t n = 0;

	while (*raw == ' ' || *raw == '\t')
		raw++;
	n = (size_t)snprintf(buf, size, "e:%s", raw);
	if (n >= size)
		return NULL;
	while (n > 2 && (buf[n - 1] == ' ' || buf[n - 1] == '\t'))
		buf[--n] = '\0';
	for (char *p = buf + 2; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	return n > 2 ? buf : NULL;
}

static const char *url_key(const char *raw, char *buf, size_t size)
{
	const char *p = raw, *end;
	size_t n;

	if (!strncmp(p, "https://", 8))
		p += 8;
	else if (!strncmp(p, "http://", 7))
		p += 7;
	if (!strncmp(p, "www.", 4))
		p += 4;
	end = p + strcspn(p, "?#");
	while (end > p && end[-1] == '/')
		end--;
	if (end == p || (size_t)(end - p) + 3 > size)
		return NULL;
	n = (size_t)(end - p);
	buf[0] = 'u';
	buf[1] = ':';
	for (size_t i = 0; i < n; i++)
		buf[2 + i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
	buf[2 + n] = '\0';
	return buf;
}

static const char *phone_key(const struct dedupe *d, const char *raw, char *buf, size_t size)
{
	char e164[PHONE_E164_MAX];

	if (phone_e164(raw, d->cc, e164) < 0 || snprintf(buf, size, "p:%s", e164) >= (int)size)
		return NULL;
	return buf;
}

/* The typed key ("e:", "p:", "u:" and the form) of raw as a value of kind k, or NULL. */
static const char *typed_key(const struct dedupe *d, enum dedupe_kind k, const char *raw,
			     char *buf, size_t size)
{
	switch (k) {
	case DEDUPE_EMAIL:
		return email_key(raw, buf, size);
	case DEDUPE_PHONE:
		return phone_key(d, raw, buf, size);
	case DEDUPE_URL:
		return url_key(raw, buf, size);
	}
	return NULL;
}

const char *dedupe_key(const struct dedupe *d, enum dedupe_kind k, const char *raw,
		       char *buf, size_t size)
{
	const char *key = typed_key(d, k, raw, buf, size);
	return key ? key + 2 : NULL;
}

/* Longest name or organisation a key is made of: the model allows 200 characters. */
#define NAME_MAX_BYTES 1000

/* "n:name\x1forg" (org NULL: "m:name") into buf (of NAME_KEY_SIZE), or NULL if there
 * is no name. */
#define NAME_KEY_SIZE (4 * NAME_MAX_BYTES + 8)
static char *name_key(char *buf, const char *name, const char *org)
{
	char nk[2 * NAME_MAX_BYTES + 1], ok[2 * NAME_MAX_BYTES + 1];

	if (!name || strlen(name) > NAME_MAX_BYTES || (org && strlen(org) > NAME_MAX_BYTES) ||
	    !*text_key(name, nk))
		return NULL;
	if (!org) {
		snprintf(buf, NAME_KEY_SIZE, "m:%s", nk);
		return buf;
	}
	if (!*text_key(org, ok))
		return NULL;
	snprintf(buf, NAME_KEY_SIZE, "n:%s\x1f%s", nk, ok);
	return buf;
}

void dedupe_add(struct dedupe *d, size_t slot, const struct dedupe_keys *k)
{
	char buf[600], nbuf[NAME_KEY_SIZE];
	const char *key;
	char *nk;

	for (int kind = 0; kind < 3; kind++) {
		const struct values v = values_of(k, (enum dedupe_kind)kind);
		for (size_t i = 0; i < v.n; i++)
			if ((key = typed_key(d, (enum dedupe_kind)kind, v.v[i], buf, sizeof(buf))))
				put(d, key, (long)slot);
	}
	if (k->organisation && (nk = name_key(nbuf, k->name, k->organisation)))
		put(d, nk, (long)slot);
	if ((nk = name_key(nbuf, k->name, NULL))) {
		put(d, nk, (long)slot);
		if (k->organisation) {
			nk[0] = 'M';
			put(d, nk, (long)slot);
		}
	}
}

long dedupe_find(const struct dedupe *d, const struct dedupe_keys *k, char *why, size_t size)
{
	char buf[600], nbuf[NAME_KEY_SIZE];
	const char *key;
	char *nk;
	long slot = -1;

	for (int kind = 0; kind < 3; kind++) {
		const struct values v = values_of(k, (enum dedupe_kind)kind);
		for (size_t i = 0; i < v.n; i++)
			if ((key = typed_key(d, (enum dedupe_kind)kind, v.v[i], buf, sizeof(buf))) &&
			    (slot = get(d, key)) >= 0) {
				snprintf(why, size, "same %s %s", kind_words[kind], key + 2);
				return slot;
			}
	}
	if (k->organisation && (nk = name_key(nbuf, k->name, k->organisation)) &&
	    (slot = get(d, nk)) >= 0) {
		snprintf(why, size, "same name and organisation");
	} else if ((nk = name_key(nbuf, k->name, NULL)) && (slot = get(d, nk)) >= 0) {
		nk[0] = 'M';
		if (k->organisation && get(d, nk) >= 0)
			slot = -1;	/* both have an organisation, and they differ */
		else
			snprintf(why, size, "same name, and no organisation to tell them apart");
	} else {
		slot = -1;
	}
	return slot;
}
