/*
 * privacy.c - what the actor may not see (app/privacy.h, docs/privacy.md).
 *
 * Loaded once per use case, inside its transaction: the ids of the private persons,
 * ties and exchanges that another account owns (a few per workspace, read with one
 * indexed query each) and the person who is the actor. Applying it to a record is then
 * a few binary searches; only a record that names a hidden person inside a list is
 * rewritten.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "app/internal.h"
#include "app/privacy.h"
#include "core/banned.h"

enum { HID_PERSON, HID_TIE, HID_EXCHANGE, HID_COUNT };

struct idset {
	mu_id *ids;		/* sorted */
	size_t n;
};

struct privacy {
	mu_id account;
	mu_id me;		/* the person who is the actor, 0 if none */
	struct idset hidden[HID_COUNT];
};

/* Fields that belong to one side of a record: shown only to that side's account. */
static const struct {
	enum entity_kind kind;
	const char *side, *field;
} sided[] = {
	{ ENT_TIE, "a", "liking_a" },
	{ ENT_TIE, "b", "liking_b" },
	{ ENT_ONE_TO_ONE, "a", "notes_a" },
	{ ENT_ONE_TO_ONE, "b", "notes_b" },
};

static int cmp_id(const void *x, const void *y)
{
	mu_id a = *(const mu_id *)x, b = *(const mu_id *)y;
	return (a > b) - (a < b);
}

static int in_set(const struct idset *s, mu_id id)
{
	return s->n && bsearch(&id, s->ids, s->n, sizeof(mu_id), cmp_id) != NULL;
}

static int hid_index(enum entity_kind kind)
{
	return kind == ENT_PERSON ? HID_PERSON : kind == ENT_TIE ? HID_TIE :
	       kind == ENT_EXCHANGE ? HID_EXCHANGE : -1;
}

static int load_hidden(struct app *app, struct mu_arena *a, enum entity_kind kind,
		       struct idset *out, struct mu_error *err)
{
	struct store_owned *own;
	size_t n;
	int rc = store_private_list(app->st, a, app->ws, model_entity(kind), &own, &n, err);

	if (rc < 0)
		return rc;
	out->ids = mu_alloc_array(a, n ? n : 1, sizeof(mu_id));
	out->n = 0;
	for (size_t i = 0; i < n; i++)
		if (own[i].owner != app->who.account || !app->who.account)
			out->ids[out->n++] = own[i].id;
	qsort(out->ids, out->n, sizeof(mu_id), cmp_id);
	return 0;
}

int privacy_load(struct app *app, struct mu_arena *a, struct privacy **out,
		 struct mu_error *err)
{
	static const enum entity_kind kinds[HID_COUNT] = { ENT_PERSON, ENT_TIE, ENT_EXCHANGE };
	struct privacy *p;
	int rc;

	*out = NULL;
	if (app->who.operator)
		return 0;
	p = mu_alloc(a, sizeof(*p));
	memset(p, 0, sizeof(*p));
	p->account = app->who.account;
	for (int i = 0; i < HID_COUNT; i++)
		if ((rc = load_hidden(app, a, kinds[i], &p->hidden[i], err)) < 0)
			return rc;
	if (p->account &&
	    (rc = store_person_of_account(app->st, app->ws, p->account, &p->me, err)) < 0)
		return rc;
	*out = p;
	return 0;
}

int privacy_hides(const struct privacy *p, enum entity_kind kind, mu_id id)
{
	int h = hid_index(kind);
	return p && h >= 0 && in_set(&p->hidden[h], id);
}

static int hidden_ref(const struct privacy *p, json_t *j)
{
	mu_id id = 0;
	const char *s = json_string_value(j);

	for (; s && *s >= '0' && *s <= '9'; s++)
		id = id * 10 + (*s - '0');
	return privacy_hides(p, ENT_PERSON, id);
}

/* Drop what names a hidden person from j (of field f): 1 if j itself must go. */
static int prune(const struct privacy *p, const struct field_def *f, json_t *j)
{
	if (f->type == FT_REF)
		return f->ref == ENT_PERSON && hidden_ref(p, j);
	if (f->type == FT_LIST) {
		for (size_t i = json_array_size(j); i-- > 0;)
			if (prune(p, &f->sub[0], json_array_get(j, i)))
				json_array_remove(j, i);
		return 0;
	}
	if (f->type != FT_OBJECT)
		return 0;
	for (const struct field_def *s = f->sub; s->name; s++) {
		json_t *m = json_object_get(j, s->name);
		if (!m || !model_field_holds_persons(s) || !prune(p, s, m))
			continue;
		if (s->flags & FF_REQUIRED)
			return 1;	/* an attendance without its person says nothing */
		json_object_del(j, s->name);
	}
	return 0;
}

static void prune_text(const struct privacy *p, struct mu_arena *a, const struct field_def *f,
		       struct mu_value *v)
{
	json_t *j = json_loads(v->s, 0, NULL);
	char *text;

	if (!j)
		return;
	if (prune(p, f, j) || (json_is_array(j) && !json_array_size(j))) {
		v->set = 0;	/* empty is absent, as the codec has it */
		v->s = NULL;
	} else if ((text = json_dumps(j, JSON_COMPACT))) {
		v->s = mu_strdup(a, text);
		free(text);
	}
	json_decref(j);
}

static mu_id ref_of(const struct mu_record *r, const char *name)
{
	int i = model_field_index(r->ent, name);
	return i >= 0 && r->v[i].set ? r->v[i].i : 0;
}

static void clear_sided(const struct privacy *p, struct mu_record *r)
{
	for (size_t k = 0; k < sizeof(sided) / sizeof(sided[0]); k++) {
		int i;
		if (sided[k].kind != r->ent->kind || (p->me && ref_of(r, sided[k].side) == p->me))
			continue;
		if ((i = model_field_index(r->ent, sided[k].field)) >= 0) {
			r->v[i].set = 0;
			r->v[i].s = NULL;
			r->v[i].i = 0;
		}
	}
}

int privacy_visible(const struct privacy *p, const struct mu_record *r)
{
	const struct entity_def *e = r->ent;

	if (!p)
		return 1;
	if (privacy_hides(p, e->kind, r->id))
		return 0;
	for (size_t i = 0; i < e->nfields; i++) {
		const struct field_def *f = &e->fields[i];
		if (f->type == FT_REF && r->v[i].set && privacy_hides(p, f->ref, r->v[i].i))
			return 0;
	}
	return 1;
}

int privacy_apply(const struct privacy *p, struct mu_arena *a, struct mu_record *r)
{
	const struct entity_def *e = r->ent;

	if (!p)
		return 1;
	if (!privacy_visible(p, r))
		return 0;
	for (size_t i = 0; p->hidden[HID_PERSON].n && i < e->nfields; i++) {
		const struct field_def *f = &e->fields[i];
		if ((f->type == FT_LIST || f->type == FT_OBJECT) && r->v[i].set && model_field_holds_persons(f))
			prune_text(p, a, f, &r->v[i]);
	}
	clear_sided(p, r);
	return 1;
}

void privacy_filter(const struct privacy *p, struct mu_arena *a, struct mu_record *rs,
		    size_t *n)
{
	size_t k = 0;

	if (!p)
		return;
	for (size_t i = 0; i < *n; i++)
		if (privacy_apply(p, a, &rs[i]))
			rs[k++] = rs[i];
	*n = k;
}
