/*
 * search.c - full-text search of takeaways: what the user typed, read as words.
 *
 * The text is split here into terms (store.h: struct store_search_term) and the store
 * writes them in its engine's syntax, each term quoted, so that no input is ever an
 * operator. Words are runs of letters and digits, as the index's tokenizer (FTS5
 * unicode61) reads them; the classification below follows it closely enough to tell
 * a text with words from one with none (ASCII, the Latin-1 signs and the punctuation
 * and symbol blocks separate words, every other character is part of one). A term
 * is a phrase when one chunk holds several words (e-handel, "ny kund"): the index
 * splits the stored text at the same characters, so the phrase finds it.
 */
#include <stdint.h>
#include <string.h>

#include "app/search.h"
#include "app/access.h"
#include "app/internal.h"
#include "app/privacy.h"
#include "core/text.h"
#include "core/banned.h"

struct parser {
	struct mu_arena *a;
	struct store_search_term *terms;
	size_t nterms, cap;
	const char *words[SEARCH_WORDS_MAX];	/* of the term being read */
	size_t nwords, total;
	int star;		/* a * followed the term's last word */
};

/* One code point of valid UTF-8 (text_chars() has checked it); returns its length. */
static int decode(const unsigned char *s, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0) {
		*cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if ((s[0] & 0xF0) == 0xE0) {
		*cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
		      (s[2] & 0x3F);
		return 3;
	}
	*cp = ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
	      ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
	return 4;
}

static int is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
	       (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* 1 if cp belongs to a word: a letter or digit (Unicode L*, N*), approximately. */
static int word_char(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z');
	if (cp < 0xC0)	/* Latin-1 signs; ª ² ³ µ ¹ º ¼ ½ ¾ are letters or numbers */
		return cp == 0xAA || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 || cp == 0xB9 ||
		       cp == 0xBA || cp == 0xBC || cp == 0xBD || cp == 0xBE;
	if (cp == 0xD7 || cp == 0xF7)	/* × ÷ */
		return 0;
	/* punctuation, currency, arrows, mathematical and other symbols, CJK and
	 * full-width punctuation, emoji */
	return !((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
		 (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
		 (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
		 (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0x1F000 && cp <= 0x1FAFF));
}

static int too_many(struct mu_error *err)
{
	return mu_fail(err, MU_EUSAGE, "q", "the search has more than %d words",
		       SEARCH_WORDS_MAX);
}

static int add_word(struct parser *p, const char *begin, const char *end,
		    struct mu_error *err)
{
	size_t len = (size_t)(end - begin);
	char *w;

	if (p->total == SEARCH_WORDS_MAX)
		return too_many(err);
	w = mu_alloc(p->a, len + 1);
	memcpy(w, begin, len);
	p->words[p->nwords++] = w;
	p->total++;
	p->star = 0;
	return 0;
}

/* The words read so far make a term (if there are any). */
static void end_term(struct parser *p)
{
	struct store_search_term *t;
	const char **words;

	if (!p->nwords)
		return;
	if (p->nterms == p->cap) {
		struct store_search_term *more = mu_alloc_array(p->a, p->cap * 2,
								 sizeof(*more));
		memcpy(more, p->terms, p->nterms * sizeof(*more));
		p->terms = more;
		p->cap *= 2;
	}
	words = mu_alloc_array(p->a, p->nwords, sizeof(*words));
	memcpy(words, p->words, p->nwords * sizeof(*words));
	t = &p->terms[p->nterms++];
	t->words = words;
	t->nwords = p->nwords;
	t->prefix = p->star;
	p->nwords = 0;
	p->star = 0;
}

int app_search_parse(struct mu_arena *a, const char *text, struct store_search_term **terms,
		     size_t *n, struct mu_error *err)
{
	struct parser p = { .a = a, .cap = 4 };
	const char *s = text, *word = NULL;
	int quoted = 0, after_word = 0;
	size_t closed = 0;	/* 1 + the term a quote just closed, else 0 */
	uint32_t cp;

	if (strlen(text) > SEARCH_TEXT_MAX)
		return mu_fail(err, MU_EUSAGE, "q", "the search text is longer than %d bytes",
			       SEARCH_TEXT_MAX);
	if (text_chars(text, 1) < 0)
		return mu_fail(err, MU_EUSAGE, "q", "the search text is not valid UTF-8 text");
	p.terms = mu_alloc_array(a, p.cap, sizeof(*p.terms));
	for (;;) {
		int len = *s ? decode((const unsigned char *)s, &cp) : 0;
		int in_word = *s && word_char(cp);
		size_t just_closed = 0;

		if (word && !in_word) {
			if (add_word(&p, word, s, err) < 0)
				return err->code;
			word = NULL;
		}
		if (!*s)
			break;
		if (in_word) {
			if (!word)
				word = s;
		} else if (cp == '*') {
			/* kommun* and "ny kun"*: a prefix; a * anywhere else is nothing */
			if (after_word)
				p.star = 1;
			else if (closed)
				p.terms[closed - 1].prefix = 1;
		} else if (cp == '"') {
			size_t before = p.nterms;
			end_term(&p);
			if (quoted && p.nterms > before)
				just_closed = p.nterms;
			quoted = !quoted;
		} else if (is_space(cp) && !quoted) {
			end_term(&p);
		}
		after_word = in_word;
		closed = just_closed;
		s += len;
	}
	end_term(&p);
	if (!p.nterms)
		return mu_fail(err, MU_EUSAGE, "q", "nothing to search for: give at least one"
			       " word (letters or digits)");
	*terms = p.terms;
	*n = p.nterms;
	return 0;
}

int app_takeaway_search(struct app *app, struct mu_arena *a, const char *text, size_t offset,
			size_t limit, struct mu_record **out, size_t *n, struct mu_error *err)
{
	struct store_search_term *terms;
	size_t nterms;
	int rc;

	if ((rc = app_need_workspace(app, err)) < 0 ||
	    (rc = app_search_parse(a, text, &terms, &nterms, err)) < 0 ||
	    (rc = app_begin(app, STORE_READ, a, err)) < 0)
		return rc;
	if (!app->priv) {
		rc = store_takeaway_search(app->st, a, app->ws, terms, nterms, offset, limit, out,
					   n, err);
	} else {
		/* what the actor may not see must not take places on a page: rank all, then cut */
		rc = store_takeaway_search(app->st, a, app->ws, terms, nterms, 0, 0, out, n, err);
		if (rc == 0) {
			privacy_filter(app->priv, a, *out, n);
			size_t from = offset < *n ? offset : *n;
			*out += from;
			*n -= from;
			if (limit && *n > limit)
				*n = limit;
		}
	}
	if ((rc = app_end(app, rc, err)) < 0)
		return rc;
	return app_audit_read(app, "search", "takeaway", 0, NULL, err);
}

/* --- persons --- */

/* A person's searchable text, each field as a matching key (text_key: case and
 * accents ignored, punctuation a space), the name first. */
struct person_text {
	const char *field[8];
	size_t n;
};

static const char *key_of(struct mu_arena *a, const char *s)
{
	return s ? text_key(s, mu_alloc(a, 2 * strlen(s) + 1)) : NULL;
}

static void add_field(struct mu_arena *a, struct person_text *pt, const char *s)
{
	if (s && *s && pt->n < sizeof pt->field / sizeof pt->field[0])
		pt->field[pt->n++] = key_of(a, s);
}

/* A list field (e-mails, tags) as one text: its strings, space-separated. */
static const char *list_text(struct mu_arena *a, const struct mu_value *v)
{
	json_t *arr = v->set ? json_loads(v->s, 0, NULL) : NULL, *el;
	char *out = NULL;
	size_t i;

	json_array_foreach(arr, i, el)
		if (json_is_string(el))
			out = out ? mu_printf(a, "%s %s", out, json_string_value(el)) :
				    mu_strdup(a, json_string_value(el));
	json_decref(arr);
	return out;
}

static int cmp_org(const void *k, const void *x)
{
	mu_id a = *(const mu_id *)k, b = ((const struct mu_record *)x)->id;
	return a < b ? -1 : a > b;
}

static void person_text(struct mu_arena *a, const struct mu_record *p,
			const struct mu_record *orgs, size_t norgs, struct person_text *pt)
{
	const struct mu_value *v = p->v;
	const struct entity_def *e = p->ent;
	int org = model_field_index(e, "organisation_id");

	pt->n = 0;
	add_field(a, pt, v[model_field_index(e, "full_name")].s);
	add_field(a, pt, list_text(a, &v[model_field_index(e, "emails")]));
	add_field(a, pt, v[model_field_index(e, "title")].set ? v[model_field_index(e, "title")].s : NULL);
	add_field(a, pt, v[model_field_index(e, "city")].set ? v[model_field_index(e, "city")].s : NULL);
	add_field(a, pt, list_text(a, &v[model_field_index(e, "tags")]));
	if (v[org].set) {
		const struct mu_record *o = bsearch(&v[org].i, orgs, norgs, sizeof(*orgs), cmp_org);
		if (o)
			add_field(a, pt, o->v[model_field_index(o->ent, "name")].s);
	}
}

/* 1 if key holds needle at the start of a word: "anna lind" finds "anna lindqvist". */
static int at_word_start(const char *key, const char *needle)
{
	size_t len = strlen(needle);

	for (const char *s = key; (s = strstr(s, needle)); s++)
		if (s == key || s[-1] == ' ')
			return len > 0;
	return 0;
}

/* How well pt matches every term: 0 if one is missing; a term in the name counts
 * twice, so that people called so come before people merely working there. */
static int person_score(const struct person_text *pt, const char *const *terms, size_t nterms)
{
	int score = 0;

	for (size_t t = 0; t < nterms; t++) {
		int best = 0;
		for (size_t f = 0; f < pt->n && best < 2; f++)
			if (at_word_start(pt->field[f], terms[t]))
				best = f == 0 ? 2 : 1;
		if (!best)
			return 0;
		score += best;
	}
	return score;
}

struct scored {
	struct mu_record r;
	int score;
};

static int by_score(const void *x, const void *y)
{
	const struct scored *a = x, *b = y;
	if (a->score != b->score)
		return b->score - a->score;
	return (a->r.id > b->r.id) - (a->r.id < b->r.id);
}

/* The terms as matching keys: each term's words joined, then text_key'd. */
static const char **term_keys(struct mu_arena *a, const struct store_search_term *terms,
			      size_t n)
{
	const char **keys = mu_alloc_array(a, n, sizeof(*keys));

	for (size_t t = 0; t < n; t++) {
		const char *joined = terms[t].words[0];
		for (size_t w = 1; w < terms[t].nwords; w++)
			joined = mu_printf(a, "%s %s", joined, terms[t].words[w]);
		keys[t] = key_of(a, joined);
	}
	return keys;
}

static int search_persons(struct app *app, struct mu_arena *a, const char *const *keys,
			  size_t nkeys, struct scored **out, size_t *n, struct mu_error *err)
{
	struct mu_record *people, *orgs;
	size_t npeople, norgs;
	struct person_text pt;
	int rc;

	if ((rc = store_record_list(app->st, a, app->ws, model_entity(ENT_PERSON), 0, 0, &people,
				    &npeople, err)) < 0 ||
	    (rc = store_record_list(app->st, a, app->ws, model_entity(ENT_ORGANISATION), 0, 0,
				    &orgs, &norgs, err)) < 0)
		return rc;
	if (app->priv)
		privacy_filter(app->priv, a, people, &npeople);
	*out = mu_alloc_array(a, npeople ? npeople : 1, sizeof(**out));
	*n = 0;
	for (size_t i = 0; i < npeople; i++) {
		int score;
		person_text(a, &people[i], orgs, norgs, &pt);
		if ((score = person_score(&pt, keys, nkeys)) > 0) {
			(*out)[*n].r = people[i];
			(*out)[(*n)++].score = score;
		}
	}
	qsort(*out, *n, sizeof(**out), by_score);
	return 0;
}

int app_person_search(struct app *app, struct mu_arena *a, const char *text, size_t offset,
		      size_t limit, struct mu_record **out, size_t *n, struct mu_error *err)
{
	struct store_search_term *terms;
	struct scored *found = NULL;
	size_t nterms, nfound = 0;
	int rc;

	if ((rc = app_need_workspace(app, err)) < 0 ||
	    (rc = app_search_parse(a, text, &terms, &nterms, err)) < 0 ||
	    (rc = app_begin(app, STORE_READ, a, err)) < 0)
		return rc;
	rc = search_persons(app, a, term_keys(a, terms, nterms), nterms, &found, &nfound, err);
	if ((rc = app_end(app, rc, err)) < 0)
		return rc;
	size_t from = offset < nfound ? offset : nfound;
	*n = nfound - from;
	if (limit && *n > limit)
		*n = limit;
	*out = mu_alloc_array(a, *n ? *n : 1, sizeof(**out));
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = found[from + i].r;
	return app_audit_read(app, "search", "person", 0, NULL, err);
}
