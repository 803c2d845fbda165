/*
 * fuzz_workspace.c - the workspace document import (FORMAT.md §1) under a fuzzer.
 *
 * Each input is imported as a new workspace of an in-memory database. An input the
 * importer takes must then round-trip: its export, imported again, exports the same
 * records (the property FORMAT.md promises), else the target aborts. Anything the
 * importer refuses must be refused with an error, never a crash, leak or sanitizer
 * report. The database is made anew every so many inputs, so memory stays bounded.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"

#define INPUTS_PER_DATABASE 500

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct app *app;
static unsigned long serial, used;

static struct app *fresh_app(void)
{
	struct mu_error err = { 0 };

	if (app && used < INPUTS_PER_DATABASE)
		return app;
	if (app)
		app_close(app);
	used = 0;
	if (app_open(":memory:", 1772613000, &app, &err) < 0) {
		fprintf(stderr, "fuzz_workspace: %s\n", err.message);
		abort();
	}
	return app;
}

/* Import doc under a fresh name and export the new workspace: the document, or NULL
 * if the import refused it. */
static json_t *import_export(json_t *doc, struct mu_error *err)
{
	struct import_summary sum;
	char name[32], id[24];
	json_t *out;

	snprintf(name, sizeof(name), "fuzz %lu", ++serial);
	if (app_import(app, doc, name, &sum, err) < 0)
		return NULL;
	snprintf(id, sizeof(id), "%lld", (long long)sum.workspace);
	if (app_workspace_select(app, id, err) < 0 || app_export(app, &out, err) < 0) {
		fprintf(stderr, "fuzz_workspace: the imported workspace: %s\n", err->message);
		abort();
	}
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mu_error err = { 0 };
	json_t *doc, *first, *second;

	fresh_app();
	used++;
	if (app_parse_json((const char *)data, size, &doc, &err) < 0)
		return 0;
	first = import_export(doc, &err);
	json_decref(doc);
	if (!first)
		return 0;
	second = import_export(first, &err);
	if (second) {	/* the workspace's name differs by design */
		json_object_del(first, "workspace");
		json_object_del(second, "workspace");
	}
	if (!second || !json_equal(first, second)) {
		char *a = json_dumps(first, JSON_COMPACT), *b = second ? json_dumps(second, JSON_COMPACT) : NULL;
		fprintf(stderr, "fuzz_workspace: export -> import -> export differs:\n%s\n%s\n", a,
			b ? b : err.message);
		abort();
	}
	json_decref(first);
	json_decref(second);
	return 0;
}
