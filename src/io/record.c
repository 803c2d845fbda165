/*
 * record.c - the field-table driven JSON codec.
 *
 * Scalars decode into struct mu_value; lists and objects are rebuilt as canonical
 * JSON (members in table order, nulls dropped, text trimmed, references as store ids)
 * and kept as text. Every rejection names the field and what is wrong with it.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/record.h"
#include "core/mtime.h"
#include "core/text.h"
#include "enums_gen.h"
#include "core/banned.h"

#define MAX_PERSON_REFS 4096

struct decoder {
	struct mu_arena *a;
	ref_resolve_fn resolve;
	void *ctx;
	mu_id *refs;
	size_t nrefs, cap;
};

int record_is_store_id(const char *text, mu_id *id)
{
	size_t len = strlen(text);
	long long v = 0;

	if (len == 0 || len > 16 || text[0] == '0')
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (!isdigit((unsigned char)text[i]))
			return 0;
		v = v * 10 + (text[i] - '0');
	}
	if (v > (1LL << 53))
		return 0;
	*id = v;
	return 1;
}

int ref_resolve_store_id(void *ctx, enum entity_kind kind, const char *text, mu_id *id,
			 struct mu_error *err)
{
	(void)ctx;
	if (!record_is_store_id(text, id))
		return mu_fail(err, MU_EINVAL, "", "'%s' is not a %s id", text,
			       model_entity(kind)->name);
	return 0;
}

/* Trimmed copy of s in the arena. */
static char *trimmed(struct mu_arena *a, const char *s)
{
	const char *end;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' ||
			   end[-1] == '\r'))
		end--;
	return mu_strndup(a, s, (size_t)(end - s));
}

static const char *type_word(const struct field_def *f)
{
	static const char *const words[] = {
		[FT_TEXT] = "a string", [FT_INT] = "an integer", [FT_REAL] = "a number",
		[FT_BOOL] = "true or false", [FT_DATE] = "a date (YYYY-MM-DD)",
		[FT_TIME] = "a UTC time (YYYY-MM-DDTHH:MM:SSZ)", [FT_ENUM] = "a string",
		[FT_REF] = "an id string", [FT_MONEY] = "an object {amount, currency}",
		[FT_LIST] = "an array", [FT_OBJECT] = "an object",
	};
	return words[f->type];
}

static int decode_text(struct decoder *d, const struct field_def *f, json_t *j,
		       const char **out, struct mu_error *err)
{
	const char *msg;
	char *s;
	long chars;

	if (!json_is_string(j))
		return mu_fail(err, MU_EINVAL, "", "must be %s", type_word(f));
	s = trimmed(d->a, json_string_value(j));
	/* long free text may hold lines and tabs; addresses, codes and words never */
	chars = text_chars(s, f->max > 200 && f->check == TC_PLAIN);
	if (chars < 0)
		return mu_fail(err, MU_EINVAL, "", "contains control characters or invalid UTF-8");
	if (chars == 0) {
		*out = NULL;	/* empty text is no text */
		return f->min > 0 ? mu_fail(err, MU_EINVAL, "", "must not be empty") : 0;
	}
	if (chars > f->max)
		return mu_fail(err, MU_EINVAL, "", "is longer than %lld characters",
			       (long long)f->max);
	if ((msg = text_check_msg(f->check, s)))
		return mu_fail(err, MU_EINVAL, "", "'%s' is %s", s, msg);
	*out = s;
	return 0;
}

static int decode_enum(const struct field_def *f, json_t *j, const char **out,
		       struct mu_error *err)
{
	const char *s = json_string_value(j);
	int i;

	if (!s)
		return mu_fail(err, MU_EINVAL, "", "must be one of the %s values", f->enm->name);
	if ((i = enum_find(f->enm, s)) < 0) {
		char list[512] = "";
		size_t len = 0;
		for (size_t k = 0; k < f->enm->count && len < sizeof(list) - 64; k++)
			len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s",
						k ? ", " : "", f->enm->items[k].name);
		return mu_fail(err, MU_EINVAL, "", "'%s' is not a %s (one of: %s)", s,
			       f->enm->name, list);
	}
	*out = f->enm->items[i].name;
	return 0;
}

static int decode_money(struct decoder *d, const struct field_def *f, json_t *j,
			struct mu_value *v, struct mu_error *err)
{
	const char *key;
	json_t *m, *amount, *cur;

	if (!json_is_object(j))
		return mu_fail(err, MU_EINVAL, "", "must be %s%s", type_word(f),
			       (f->flags & FF_PER) ? " with per" : "");
	json_object_foreach(j, key, m)
		if (strcmp(key, "amount") && strcmp(key, "currency") &&
		    !((f->flags & FF_PER) && !strcmp(key, "per")))
			return mu_fail(err, MU_EINVAL, key, "unknown field");
	amount = json_object_get(j, "amount");
	cur = json_object_get(j, "currency");
	if (!json_is_integer(amount))
		return mu_fail(err, MU_EINVAL, "amount", "must be an integer in minor units");
	if (!text_is_currency(json_string_value(cur)))
		return mu_fail(err, MU_EINVAL, "currency", "must be an ISO 4217 code such as SEK");
	v->i = json_integer_value(amount);
	if (v->i < -(1LL << 53) || v->i > (1LL << 53))
		return mu_fail(err, MU_EINVAL, "amount", "is out of range");
	v->s = mu_strdup(d->a, json_string_value(cur));
	if (f->flags & FF_PER) {
		static const struct field_def per = { .name = "per", .type = FT_ENUM,
						      .enm = &enum_fee_per };
		json_t *p = json_object_get(j, "per");
		int rc;
		if (!p)
			return mu_fail(err, MU_EINVAL, "per", "is required (year, month or meeting)");
		if ((rc = decode_enum(&per, p, &v->per, err)) < 0) {
			mu_error_prefix(err, "per");
			return rc;
		}
	}
	return 0;
}

static int add_person_ref(struct decoder *d, mu_id id, struct mu_error *err)
{
	for (size_t i = 0; i < d->nrefs; i++)
		if (d->refs[i] == id)
			return 0;
	if (d->nrefs == MAX_PERSON_REFS)
		return mu_fail(err, MU_ETOOBIG, "", "more than %d persons named in one record",
			       MAX_PERSON_REFS);
	if (d->nrefs == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		mu_id *more = mu_alloc_array(d->a, cap, sizeof(*more));
		if (d->nrefs)
			memcpy(more, d->refs, d->nrefs * sizeof(*more));
		d->refs = more;
		d->cap = cap;
	}
	d->refs[d->nrefs++] = id;
	return 0;
}

static int decode_scalar(struct decoder *d, const struct field_def *f, json_t *j,
			 struct mu_value *v, struct mu_error *err);
static json_t *canonical(struct decoder *d, const struct field_def *f, json_t *j,
			 struct mu_error *err);

static json_t *canonical_object(struct decoder *d, const struct field_def *sub, json_t *j,
				struct mu_error *err)
{
	const char *key;
	json_t *m, *out;

	if (!json_is_object(j)) {
		mu_fail(err, MU_EINVAL, "", "must be an object");
		return NULL;
	}
	json_object_foreach(j, key, m) {
		const struct field_def *f = sub;
		while (f->name && strcmp(f->name, key))
			f++;
		if (!f->name) {
			mu_fail(err, MU_EINVAL, key, "unknown field");
			return NULL;
		}
	}
	out = json_object();
	for (const struct field_def *f = sub; f->name; f++) {
		json_t *val = json_object_get(j, f->name), *c;
		if (!val || json_is_null(val)) {
			if (f->flags & FF_REQUIRED) {
				mu_fail(err, MU_EINVAL, f->name, "is required");
				goto fail;
			}
			continue;
		}
		if (!(c = canonical(d, f, val, err))) {
			mu_error_prefix(err, f->name);
			goto fail;
		}
		if (!json_is_null(c))
			json_object_set_new(out, f->name, c);
		else
			json_decref(c);
	}
	return out;
fail:
	json_decref(out);
	return NULL;
}

/* The canonical JSON of a nested value (new reference), or NULL with err set. */
static json_t *canonical(struct decoder *d, const struct field_def *f, json_t *j,
			 struct mu_error *err)
{
	struct mu_value v = { 0 };
	char buf[32];

	switch (f->type) {
	case FT_LIST: {
		json_t *out, *el;
		size_t i;
		if (!json_is_array(j)) {
			mu_fail(err, MU_EINVAL, "", "must be an array");
			return NULL;
		}
		if ((int64_t)json_array_size(j) > f->max) {
			mu_fail(err, MU_EINVAL, "", "has more than %lld items", (long long)f->max);
			return NULL;
		}
		out = json_array();
		json_array_foreach(j, i, el) {
			json_t *c = json_is_null(el) ? NULL : canonical(d, &f->sub[0], el, err);
			if (!c || json_is_null(c)) {
				if (c || !err->code)
					mu_fail(err, MU_EINVAL, "", "must not be empty or null");
				snprintf(buf, sizeof(buf), "[%zu]", i);
				mu_error_prefix(err, buf);
				json_decref(c);
				json_decref(out);
				return NULL;
			}
			json_array_append_new(out, c);
		}
		return out;
	}
	case FT_OBJECT:
		return canonical_object(d, f->sub, j, err);
	default:
		break;
	}
	if (decode_scalar(d, f, j, &v, err) < 0)
		return NULL;
	if (!v.set)
		return json_null();
	switch (f->type) {
	case FT_REF:
		if (f->ref == ENT_PERSON && add_person_ref(d, v.i, err) < 0)
			return NULL;
		snprintf(buf, sizeof(buf), "%lld", (long long)v.i);
		return json_string(buf);
	case FT_INT:
		return json_integer(v.i);
	default:
		return json_string(v.s);
	}
}

static int decode_scalar(struct decoder *d, const struct field_def *f, json_t *j,
			 struct mu_value *v, struct mu_error *err)
{
	mu_time t;
	int64_t days;
	int rc = 0;

	switch (f->type) {
	case FT_TEXT:
		rc = decode_text(d, f, j, &v->s, err);
		v->set = rc == 0 && v->s;
		return rc;
	case FT_INT:
		if (!json_is_integer(j))
			return mu_fail(err, MU_EINVAL, "", "must be an integer");
		v->i = json_integer_value(j);
		if (v->i < f->min || v->i > f->max)
			return mu_fail(err, MU_EINVAL, "", "must be from %lld to %lld",
				       (long long)f->min, (long long)f->max);
		break;
	case FT_REAL:
		if (!json_is_number(j))
			return mu_fail(err, MU_EINVAL, "", "must be a number");
		v->r = json_number_value(j);
		if (!(v->r >= (double)f->min && v->r <= (double)f->max))
			return mu_fail(err, MU_EINVAL, "", "must be from %lld to %lld",
				       (long long)f->min, (long long)f->max);
		break;
	case FT_BOOL:
		if (!json_is_boolean(j))
			return mu_fail(err, MU_EINVAL, "", "must be true or false");
		v->i = json_is_true(j);
		v->set = (unsigned char)v->i;
		return 0;
	case FT_DATE:
		if (!json_is_string(j) || mu_date_parse(json_string_value(j), &days))
			return mu_fail(err, MU_EINVAL, "", "must be a date (YYYY-MM-DD)");
		v->s = mu_strdup(d->a, json_string_value(j));
		break;
	case FT_TIME:
		if (!json_is_string(j) || mu_time_parse(json_string_value(j), &t))
			return mu_fail(err, MU_EINVAL, "", "must be a UTC time (YYYY-MM-DDTHH:MM:SSZ)");
		v->s = mu_strdup(d->a, json_string_value(j));
		break;
	case FT_ENUM:
		rc = decode_enum(f, j, &v->s, err);
		break;
	case FT_REF:
		if (!json_is_string(j))
			return mu_fail(err, MU_EINVAL, "", "must be an id string");
		rc = d->resolve(d->ctx, f->ref, json_string_value(j), &v->i, err);
		break;
	case FT_MONEY:
		rc = decode_money(d, f, j, v, err);
		break;
	case FT_LIST:
	case FT_OBJECT: {
		json_t *c = canonical(d, f, j, err);
		if (!c)
			return err->code ? err->code : MU_EINVAL;
		if ((json_is_array(c) && !json_array_size(c)) ||
		    (json_is_object(c) && !json_object_size(c))) {
			json_decref(c);
			return 0;	/* empty is absent */
		}
		char *text = json_dumps(c, JSON_COMPACT);
		json_decref(c);
		if (!text)
			MU_BUG("out of memory");
		v->s = mu_strdup(d->a, text);
		free(text);
		break;
	}
	}
	if (rc == 0)
		v->set = 1;
	return rc;
}

int record_decode(struct mu_arena *a, const struct entity_def *e, json_t *obj, unsigned flags,
		  ref_resolve_fn resolve, void *ctx, struct mu_record **out,
		  struct mu_error *err)
{
	struct decoder d = { .a = a, .resolve = resolve, .ctx = ctx };
	struct mu_record *r;
	const char *key;
	json_t *j;
	int rc;

	if (!json_is_object(obj))
		return mu_fail(err, MU_EINVAL, "", "must be a JSON object");
	json_object_foreach(obj, key, j)
		if (model_field_index(e, key) < 0 &&
		    !(!strcmp(key, "id") && (flags & RD_ID_ALLOWED)))
			return mu_fail(err, MU_EINVAL, key, !strcmp(key, "id") ?
				       "cannot be set; the store assigns ids" : "unknown field");
	r = mu_alloc(a, sizeof(*r));
	r->ent = e;
	r->v = mu_alloc_array(a, e->nfields, sizeof(*r->v));
	for (size_t i = 0; i < e->nfields; i++) {
		const struct field_def *f = &e->fields[i];
		j = json_object_get(obj, f->name);
		if (j && !json_is_null(j) && (rc = decode_scalar(&d, f, j, &r->v[i], err)) < 0) {
			mu_error_prefix(err, f->name);
			return rc;
		}
	}
	r->person_refs = d.refs;
	r->n_person_refs = d.nrefs;
	if (flags & RD_CREATE)
		model_fill_defaults(r);
	if ((rc = model_check(r, flags & RD_CREATE, err)) < 0)
		return rc;
	*out = r;
	return 0;
}

static json_t *money_json(const struct field_def *f, const struct mu_value *v)
{
	json_t *m = json_object();

	json_object_set_new(m, "amount", json_integer(v->i));
	json_object_set_new(m, "currency", json_string(v->s));
	if (f->flags & FF_PER)
		json_object_set_new(m, "per", json_string(v->per));
	return m;
}

static json_t *value_json(const struct field_def *f, const struct mu_value *v)
{
	char buf[32];

	if (f->type == FT_BOOL)
		return json_boolean(v->set && v->i);
	if (!v->set)
		return f->type == FT_LIST ? json_array() : json_null();
	switch (f->type) {
	case FT_INT:
		return json_integer(v->i);
	case FT_REAL:
		return json_real(v->r);
	case FT_REF:
		snprintf(buf, sizeof(buf), "%lld", (long long)v->i);
		return json_string(buf);
	case FT_MONEY:
		return money_json(f, v);
	case FT_LIST:
	case FT_OBJECT: {
		json_t *j = json_loads(v->s, JSON_DECODE_ANY, NULL);
		return j ? j : json_null();
	}
	default:
		return json_string(v->s);
	}
}

json_t *record_encode(const struct mu_record *r)
{
	const struct entity_def *e = r->ent;
	json_t *o = json_object();
	char buf[32];

	if (model_key_index(e) < 0) {
		snprintf(buf, sizeof(buf), "%lld", (long long)r->id);
		json_object_set_new(o, "id", json_string(buf));
	}
	for (size_t i = 0; i < e->nfields; i++)
		json_object_set_new(o, e->fields[i].name, value_json(&e->fields[i], &r->v[i]));
	return o;
}

json_t *record_id_json(mu_id id)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%lld", (long long)id);
	return json_string(buf);
}

/* ---- record_write_json: the encoder's bytes, written straight into a buffer ---- */

/* An integer in decimal, optionally quoted (ids are strings in JSON): by hand, since a
 * printf per value is most of what writing a record would otherwise cost. */
static int write_int(struct mu_buf *b, long long v, int quoted)
{
	char s[24], *p = s + sizeof(s);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	if (quoted)
		*--p = '"';
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	if (quoted)
		*--p = '"';
	return mu_buf_add(b, p, (size_t)(s + sizeof(s) - p));
}

/* A JSON string as jansson writes it: '"' and '\' escaped, \b \f \n \r \t by name,
 * the other control characters as \u00XX, everything else (UTF-8 included) as it is. */
static int write_string(struct mu_buf *b, const char *s)
{
	const char *run = s;
	int rc = mu_buf_add(b, "\"", 1);

	for (; *s && !rc; s++) {
		unsigned char c = (unsigned char)*s;
		const char *esc = NULL;
		char u[8];

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		default:
			snprintf(u, sizeof(u), "\\u%04X", c);
			esc = u;
		}
		if (!(rc = mu_buf_add(b, run, (size_t)(s - run))))
			rc = mu_buf_adds(b, esc);
		run = s + 1;
	}
	if (!rc)
		rc = mu_buf_add(b, run, strlen(run));
	return rc ? rc : mu_buf_add(b, "\"", 1);
}

/* A real as jansson writes it with JSON_REAL_PRECISION(15): %.15g, ".0" when that
 * looks like an integer, and the exponent without '+' or leading zeros (1e20, 1e-5). */
static int write_real(struct mu_buf *b, double v)
{
	char s[40], out[40];
	size_t k = 0;
	const char *e;

	int len = snprintf(s, sizeof(s), "%.15g", v);

	if (!strpbrk(s, ".eEni"))	/* n, i: nan, inf, which jansson refuses anyway */
		snprintf(s + len, sizeof(s) - (size_t)len, ".0");
	if (!(e = strchr(s, 'e')))
		return mu_buf_adds(b, s);
	memcpy(out, s, (size_t)(e - s) + 1);
	k = (size_t)(e - s) + 1;
	e++;
	if (*e == '+')
		e++;
	else if (*e == '-')
		out[k++] = *e++;
	while (*e == '0' && e[1])
		e++;
	snprintf(out + k, sizeof(out) - k, "%s", e);
	return mu_buf_adds(b, out);
}

/* 1 if the stored JSON text has a number that is not an integer: re-reading it is
 * then the only way to write it as the encoder does (its reals get 15 digits). */
static int has_real(const char *s)
{
	int in_string = 0;

	for (; *s; s++) {
		if (in_string) {
			if (*s == '\\' && s[1])
				s++;
			else if (*s == '"')
				in_string = 0;
		} else if (*s == '"') {
			in_string = 1;
		} else if (*s == '.' || *s == 'e' || *s == 'E') {
			return 1;
		}
	}
	return 0;
}

/* A list or object field: stored as jansson's compact dump of what record_decode
 * accepted, so written as it is unless it holds a real (re-read, as value_json()
 * does, for the 15 digits); what does not parse is null there too. */
static int write_stored_json(struct mu_buf *b, const char *text)
{
	json_t *j;
	char *s;
	int rc;

	if (*text && !has_real(text))
		return mu_buf_adds(b, text);
	if (!(j = json_loads(text, JSON_DECODE_ANY, NULL)))
		return mu_buf_adds(b, "null");
	s = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15) | JSON_ENCODE_ANY);
	json_decref(j);
	rc = s ? mu_buf_adds(b, s) : mu_buf_adds(b, "null");
	free(s);
	return rc;
}

static int write_value(struct mu_buf *b, const struct field_def *f, const struct mu_value *v)
{
	int rc;

	if (f->type == FT_BOOL)
		return mu_buf_adds(b, v->set && v->i ? "true" : "false");
	if (!v->set)
		return mu_buf_adds(b, f->type == FT_LIST ? "[]" : "null");
	switch (f->type) {
	case FT_INT:
		return write_int(b, (long long)v->i, 0);
	case FT_REAL:
		return write_real(b, v->r);
	case FT_REF:
		return write_int(b, (long long)v->i, 1);
	case FT_MONEY:
		if ((rc = mu_buf_adds(b, "{\"amount\":")) || (rc = write_int(b, (long long)v->i, 0)) ||
		    (rc = mu_buf_adds(b, ",\"currency\":")) || (rc = write_string(b, v->s)))
			return rc;
		if (f->flags & FF_PER && ((rc = mu_buf_adds(b, ",\"per\":")) ||
					  (rc = write_string(b, v->per))))
			return rc;
		return mu_buf_adds(b, "}");
	case FT_LIST:
	case FT_OBJECT:
		return write_stored_json(b, v->s);
	default:
		return write_string(b, v->s);
	}
}

int record_write_json(struct mu_buf *b, const struct mu_record *r)
{
	const struct entity_def *e = r->ent;
	int rc = mu_buf_adds(b, "{");
	const char *sep = "";

	if (!rc && model_key_index(e) < 0) {
		if (!(rc = mu_buf_adds(b, "\"id\":")))
			rc = write_int(b, (long long)r->id, 1);
		sep = ",";
	}
	for (size_t i = 0; i < e->nfields && !rc; i++) {
		/* field names are ours: plain ASCII, nothing to escape */
		if (!(rc = mu_buf_adds(b, sep)) && !(rc = mu_buf_adds(b, "\"")) &&
		    !(rc = mu_buf_adds(b, e->fields[i].name)) && !(rc = mu_buf_adds(b, "\":")))
			rc = write_value(b, &e->fields[i], &r->v[i]);
		sep = ",";
	}
	return rc ? rc : mu_buf_adds(b, "}");
}

json_t *record_enums_json(void)
{
	static const char *const lang[3] = { "en", "sv", "da" };
	json_t *all = json_object();

	for (size_t e = 0; e < enum_all_count; e++) {
		const struct enum_def *d = enum_all[e];
		json_t *items = json_array();
		for (size_t i = 0; i < d->count; i++) {
			const struct enum_item *it = &d->items[i];
			json_t *label = json_object();
			for (int l = 0; l < 3; l++)
				json_object_set_new(label, lang[l],
						    json_string(enum_label(d, (int)i, (enum mu_locale)l)));
			json_t *o = json_pack("{s:s, s:o}", "name", it->name, "label", label);
			if (it->section)
				json_object_set_new(o, "section", json_string(it->section));
			json_array_append_new(items, o);
		}
		json_object_set_new(all, d->name, items);
	}
	return all;
}
