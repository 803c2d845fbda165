/*
 * openapi.h - the API as an OpenAPI 3.0 document, generated from the route table
 * (http/routes.c) and the model's field tables (core/model.c).
 *
 * GET /api/v1/openapi.json (http_openapi_get, http/handlers.h) serves it; the unit test
 * and tests/api/t0110-openapi.sh hold it to the table and to an independent validator.
 */
#ifndef MU_HTTP_OPENAPI_H
#define MU_HTTP_OPENAPI_H

#include <jansson.h>

/* The document (a new reference). Aborts with MU_BUG when the route table names a
 * request body that openapi.c does not describe, or when two routes give the same
 * method and path: such a table is a programmer's error, and the tests run this. */
json_t *http_openapi_document(void);

#endif
