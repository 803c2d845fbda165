/*
 * workspace.c - decode and encode the workspace object; settings are stored complete
 * (every default filled in, keys in a fixed order) so that what a user sees is what
 * the computations use, and export is byte-stable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/workspace.h"
#include "core/text.h"
#include "enums_gen.h"
#include "core/banned.h"

static const char *const tiers[] = { "inner", "active", "wide" };
static const int default_cadence[] = { 30, 90, 180 };

static int only_keys(json_t *obj, const char *const *keys, size_t n, struct mu_error *err)
{
	const char *key;
	json_t *v;

	json_object_foreach(obj, key, v) {
		size_t i = 0;
		while (i < n && strcmp(keys[i], key))
			i++;
		if (i == n)
			return mu_fail(err, MU_EINVAL, key, "unknown field");
	}
	return 0;
}

static int number_in(json_t *j, double lo, double hi, const char *field, double *out,
		     struct mu_error *err)
{
	if (!json_is_number(j) || json_number_value(j) < lo || json_number_value(j) > hi)
		return mu_fail(err, MU_EINVAL, field, "must be a number from %g to %g", lo, hi);
	*out = json_number_value(j);
	return 0;
}

static int decode_weights(json_t *j, json_t *out, struct mu_error *err)
{
	json_t *arr = json_array();
	double w, sum = 0;
	char field[32];

	if (!json_is_array(j) || json_array_size(j) != 5) {
		json_decref(arr);
		return mu_fail(err, MU_EINVAL, "fit_weights", "must be an array of five numbers");
	}
	for (size_t i = 0; i < 5; i++) {
		snprintf(field, sizeof(field), "fit_weights[%zu]", i);
		if (number_in(json_array_get(j, i), 0, 1, field, &w, err) < 0) {
			json_decref(arr);
			return MU_EINVAL;
		}
		sum += w;
		json_array_append_new(arr, json_real(w));
	}
	if (sum <= 0) {
		json_decref(arr);
		return mu_fail(err, MU_EINVAL, "fit_weights", "must not all be zero");
	}
	json_object_set_new(out, "fit_weights", arr);
	return 0;
}

static int decode_cadence(json_t *j, json_t *out, struct mu_error *err)
{
	static const char *const keys[] = { "inner", "active", "wide" };
	json_t *c = json_object();
	char field[48];

	if (j && !json_is_object(j)) {
		json_decref(c);
		return mu_fail(err, MU_EINVAL, "cadence_days", "must be an object {inner, active, wide}");
	}
	if (j && only_keys(j, keys, 3, err) < 0) {
		json_decref(c);
		mu_error_prefix(err, "cadence_days");
		return MU_EINVAL;
	}
	for (size_t i = 0; i < 3; i++) {
		json_t *v = j ? json_object_get(j, tiers[i]) : NULL;
		if (v && (!json_is_integer(v) || json_integer_value(v) < 1 ||
			  json_integer_value(v) > 3650)) {
			json_decref(c);
			snprintf(field, sizeof(field), "cadence_days.%s", tiers[i]);
			return mu_fail(err, MU_EINVAL, field, "must be a whole number of days, 1 to 3650");
		}
		json_object_set_new(c, tiers[i], v ? json_integer(json_integer_value(v)) :
						   json_integer(default_cadence[i]));
	}
	json_object_set_new(out, "cadence_days", c);
	return 0;
}

/* The referral-group scorecard (SPEC §4.10): a threshold per measure over a rolling
 * window (0: shown, not scored), the score bands of the colours, and how long a new
 * member stays grey. */
static const struct scorecard_key {
	const char *key;
	double deflt, lo, hi;
	int whole;
} scorecard_keys[] = {
	{ "window_days", 182, 7, 3660, 1 },
	{ "attendance", 0.9, 0, 1, 0 },
	{ "referrals_given", 6, 0, 1e6, 0 },
	{ "visitors", 1, 0, 1e6, 0 },
	{ "one_to_ones", 6, 0, 1e6, 0 },
	{ "closed_received", 0, 0, 1e12, 0 },
	{ "closed_given", 0, 0, 1e12, 0 },
	{ "takeaways", 2, 0, 1e6, 0 },
	{ "green", 0.8, 0, 1, 0 },
	{ "amber", 0.5, 0, 1, 0 },
	{ "new_member_days", 90, 0, 3660, 1 },
};
#define N_SCORECARD (sizeof(scorecard_keys) / sizeof(scorecard_keys[0]))

static int decode_scorecard(json_t *j, json_t *out, struct mu_error *err)
{
	const char *keys[N_SCORECARD];
	json_t *c = json_object();
	char field[48];

	for (size_t i = 0; i < N_SCORECARD; i++)
		keys[i] = scorecard_keys[i].key;
	if (j && (!json_is_object(j) || only_keys(j, keys, N_SCORECARD, err) < 0)) {
		json_decref(c);
		if (!json_is_object(j))
			return mu_fail(err, MU_EINVAL, "scorecard", "must be an object");
		mu_error_prefix(err, "scorecard");
		return MU_EINVAL;
	}
	for (size_t i = 0; i < N_SCORECARD; i++) {
		const struct scorecard_key *k = &scorecard_keys[i];
		json_t *v = j ? json_object_get(j, k->key) : NULL;
		double x = k->deflt;
		snprintf(field, sizeof(field), "scorecard.%s", k->key);
		if (v && (number_in(v, k->lo, k->hi, field, &x, err) < 0 ||
			  (k->whole && !json_is_integer(v) &&
			   mu_fail(err, MU_EINVAL, field, "must be a whole number") < 0))) {
			json_decref(c);
			return MU_EINVAL;
		}
		json_object_set_new(c, k->key, k->whole ? json_integer((json_int_t)x) : json_real(x));
	}
	if (json_real_value(json_object_get(c, "amber")) > json_real_value(json_object_get(c, "green"))) {
		json_decref(c);
		return mu_fail(err, MU_EINVAL, "scorecard.amber", "must not be above green");
	}
	json_object_set_new(out, "scorecard", c);
	return 0;
}

/* Canonical settings text with defaults (SPEC §4), in the arena. */
static int decode_settings(struct mu_arena *a, json_t *j, const char **out, struct mu_error *err)
{
	static const char *const keys[] = { "fit_weights", "fit_threshold_power_team",
					    "reciprocity_window_days", "cadence_days", "scorecard" };
	json_t *s = json_object(), *v;
	double th = 0.5;
	char *text;
	int rc = MU_EINVAL;

	if (j && !json_is_object(j)) {
		mu_fail(err, MU_EINVAL, "", "must be an object");
		goto out;
	}
	if (j && only_keys(j, keys, 5, err) < 0)
		goto out;
	v = j ? json_object_get(j, "fit_weights") : NULL;
	if (v) {
		if (decode_weights(v, s, err) < 0)
			goto out;
	} else {
		json_t *w = json_array();
		for (int i = 0; i < 5; i++)
			json_array_append_new(w, json_real(0.2));
		json_object_set_new(s, "fit_weights", w);
	}
	v = j ? json_object_get(j, "fit_threshold_power_team") : NULL;
	if (v && number_in(v, 0, 1, "fit_threshold_power_team", &th, err) < 0)
		goto out;
	json_object_set_new(s, "fit_threshold_power_team", json_real(th));
	v = j ? json_object_get(j, "reciprocity_window_days") : NULL;
	if (v && (!json_is_integer(v) || json_integer_value(v) < 1 ||
		  json_integer_value(v) > 36500)) {
		mu_fail(err, MU_EINVAL, "reciprocity_window_days", "must be a whole number of days,"
			" 1 to 36500");
		goto out;
	}
	json_object_set_new(s, "reciprocity_window_days",
			    json_integer(v ? json_integer_value(v) : 365));
	if (decode_cadence(j ? json_object_get(j, "cadence_days") : NULL, s, err) < 0 ||
	    decode_scorecard(j ? json_object_get(j, "scorecard") : NULL, s, err) < 0)
		goto out;
	text = json_dumps(s, JSON_COMPACT | JSON_REAL_PRECISION(15));
	*out = mu_strdup(a, text);
	free(text);
	rc = 0;
out:
	json_decref(s);
	return rc;
}

static int decode_string(struct mu_arena *a, json_t *obj, const char *key, int required,
			 size_t max, const char **out, struct mu_error *err)
{
	json_t *v = json_object_get(obj, key);
	long n;

	if (!v || json_is_null(v)) {
		*out = NULL;
		return required ? mu_fail(err, MU_EINVAL, key, "is required") : 0;
	}
	if (!json_is_string(v))
		return mu_fail(err, MU_EINVAL, key, "must be a string");
	n = text_chars(json_string_value(v), 0);
	if (n < 1 || (size_t)n > max)
		return mu_fail(err, MU_EINVAL, key, "must be 1 to %zu characters of text", max);
	*out = mu_strdup(a, json_string_value(v));
	return 0;
}

static int decode_enum_string(struct mu_arena *a, json_t *obj, const char *key,
			      const struct enum_def *e, const char *deflt, const char **out,
			      struct mu_error *err)
{
	int rc = decode_string(a, obj, key, !deflt, 50, out, err);

	if (rc < 0)
		return rc;
	if (!*out) {
		*out = deflt;
		return 0;
	}
	if (enum_find(e, *out) < 0)
		return mu_fail(err, MU_EINVAL, key, "'%s' is not a %s", *out, e->name);
	return 0;
}

int workspace_decode(struct mu_arena *a, json_t *obj, struct workspace *w,
		     struct mu_error *err)
{
	static const char *const keys[] = { "name", "kind", "locale", "currency", "settings" };
	int rc;

	if (!json_is_object(obj))
		return mu_fail(err, MU_EINVAL, "", "must be an object");
	if ((rc = only_keys(obj, keys, 5, err)) < 0 ||
	    (rc = decode_string(a, obj, "name", 1, 200, &w->name, err)) < 0 ||
	    (rc = decode_enum_string(a, obj, "kind", &enum_workspace_kind, NULL, &w->kind,
				     err)) < 0 ||
	    (rc = decode_enum_string(a, obj, "locale", &enum_locale, "en", &w->locale, err)) < 0 ||
	    (rc = decode_string(a, obj, "currency", 0, 3, &w->currency, err)) < 0)
		return rc;
	if (!w->currency)
		w->currency = "SEK";
	if (!text_is_currency(w->currency))
		return mu_fail(err, MU_EINVAL, "currency", "'%s' is not an ISO 4217 code such as SEK",
			       w->currency);
	if ((rc = decode_settings(a, json_object_get(obj, "settings"), &w->settings, err)) < 0) {
		mu_error_prefix(err, "settings");
		return rc;
	}
	return 0;
}

json_t *workspace_encode(const struct workspace *w)
{
	json_t *o = json_object();

	json_object_set_new(o, "name", json_string(w->name));
	json_object_set_new(o, "kind", json_string(w->kind));
	json_object_set_new(o, "locale", json_string(w->locale));
	json_object_set_new(o, "currency", json_string(w->currency));
	json_object_set_new(o, "settings", json_loads(w->settings, 0, NULL));
	return o;
}
