// web-import.mjs - import a module of web/ into node, with the modules it imports.
//
// web/*.js are browser modules, and web/ has no package.json saying so (the browser
// needs none), so node would read them as CommonJS. A copy of web/ beside a
// package.json of type "module" is read as the browser reads it.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export async function importWeb(dir, file) {
  const copy = mkdtempSync(join(tmpdir(), "mutua-web-"));
  try {
    cpSync(dir, copy, { recursive: true });
    writeFileSync(join(copy, "package.json"), '{"type": "module"}\n');
    return await import(pathToFileURL(join(copy, file)).href);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
