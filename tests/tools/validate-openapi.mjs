#!/usr/bin/env node
// validate-openapi.mjs FILE - check an OpenAPI document with @apidevtools/swagger-parser
// (tests/api/t0110-openapi.sh). Prints what is wrong and exits 1, or exits 0 when valid;
// 2 on a usage error. Installed by `scripts/deps --test` (npm ci in tests/tools).
//
// SwaggerParser.validate() checks the document against the OpenAPI meta-schema and
// resolves every $ref. Its semantic checks (unique operationIds, declared path
// parameters) run on Swagger 2.0 only, so the two that matter here are done below.
import { readFile } from "node:fs/promises";
import SwaggerParser from "@apidevtools/swagger-parser";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

// The parameter p, following a $ref into components.parameters.
function deref(doc, p) {
	const m = p.$ref && p.$ref.match(/^#\/components\/parameters\/(.+)$/);
	return m ? doc.components.parameters[m[1]] || {} : p;
}

// Problems the meta-schema cannot see, one string each.
function semantic(doc) {
	const problems = [];
	const seen = new Map();
	for (const [path, item] of Object.entries(doc.paths || {})) {
		const holes = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
		for (const method of METHODS.filter((m) => item[m])) {
			const op = item[method];
			const where = `${method.toUpperCase()} ${path}`;
			if (seen.has(op.operationId))
				problems.push(`${where}: operationId ${op.operationId} is also ${seen.get(op.operationId)}'s`);
			seen.set(op.operationId, where);
			const params = [...(item.parameters || []), ...(op.parameters || [])].map((p) => deref(doc, p));
			for (const hole of holes)
				if (!params.some((p) => p.in === "path" && p.name === hole && p.required === true))
					problems.push(`${where}: path parameter {${hole}} is not declared`);
		}
	}
	return problems;
}

const file = process.argv[2];
if (!file || process.argv.length > 3) {
	console.error("usage: validate-openapi.mjs FILE");
	process.exit(2);
}
try {
	const doc = JSON.parse(await readFile(file, "utf8"));
	// validate() dereferences in place: give it a copy, keep doc for the checks below
	await SwaggerParser.validate(structuredClone(doc));
	const problems = semantic(doc);
	if (problems.length) {
		for (const p of problems) console.error(`${file}: ${p}`);
		process.exit(1);
	}
} catch (e) {
	console.error(`${file}: ${e.message}`);
	process.exit(1);
}
