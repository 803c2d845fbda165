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
