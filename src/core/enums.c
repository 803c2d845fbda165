/*
 * enums.c - look-ups in the generated enumerations (enums_gen.c, from the TSV files
 * in data/), and the NACE code and region checks built on enum_nace and enum_region.
 *
 * The enumerations are small (the largest, nace, has 109 items), so every look-up is a
 * linear scan; nothing here allocates or keeps state.
 */
#include <string.h>

#include "enums_gen.h"
#include "core/banned.h"

int enum_find(const struct enum_def *e, const char *name)
{
	if (!e || !name)
		return -1;
	for (size_t i = 0; i < e->count; i++)
		if (strcmp(e->items[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *enum_label(const struct enum_def *e, int i, enum mu_locale loc)
{
	const struct enum_item *it;

	if (!e || i < 0 || (size_t)i >= e->count)
		return "";
	it = &e->items[i];
	if ((loc == MU_LOCALE_SV || loc == MU_LOCALE_DA) && it->label[loc] && it->label[loc][0])
		return it->label[loc];
	return it->label[MU_LOCALE_EN] ? it->label[MU_LOCALE_EN] : it->name;
}

const struct enum_def *enum_by_name(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < enum_all_count; i++)
		if (strcmp(enum_all[i]->name, name) == 0)
			return enum_all[i];
	return NULL;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static void set_out(char section[2], char division[3], const char *sec, const char *div)
{
	if (section) {
		section[0] = sec ? sec[0] : '\0';
		section[1] = '\0';
	}
	if (division) {
		division[0] = '\0';
		if (div) {
			division[0] = div[0];
			division[1] = div[1];
			division[2] = '\0';
		}
	}
}

int nace_parse(const char *code, char section[2], char division[3])
{
	char div[3];
	size_t len;
	int i;

	set_out(section, division, NULL, NULL);
	if (!code)
		return 0;
	len = strlen(code);

	/* a section: one capital letter that is listed without a section of its own */
	if (len == 1 && code[0] >= 'A' && code[0] <= 'Z') {
		if ((i = enum_find(&enum_nace, code)) < 0 || enum_nace.items[i].section)
			return 0;
		set_out(section, division, code, NULL);
		return 1;
	}

	/* a division NN, a group NN.N or a class NN.NN */
	if (len != 2 && len != 4 && len != 5)
		return 0;
	if (!is_digit(code[0]) || !is_digit(code[1]))
		return 0;
	if (len > 2 && (code[2] != '.' || !is_digit(code[3]) || (len == 5 && !is_digit(code[4]))))
		return 0;
	div[0] = code[0];
	div[1] = code[1];
	div[2] = '\0';
	if ((i = enum_find(&enum_nace, div)) < 0 || !enum_nace.items[i].section)
		return 0;
	set_out(section, division, enum_nace.items[i].section, div);
	return 1;
}

static int has_prefix_ci(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++) {
		char c = *s;

		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c != *prefix)
			return 0;
	}
	return 1;
}

int region_valid(const char *code)
{
	static const char *const prefixes[] = { "SE-", "DK-", "NO-", "FI-" };

	if (!code)
		return 0;
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (has_prefix_ci(code, prefixes[i]))
			return enum_find(&enum_region, code) >= 0;
	return 1;
}
