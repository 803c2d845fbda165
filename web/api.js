// api.js - the one door to the HTTP API (docs/api.md).
//
//   const doc = await api("GET", "/session");
//   await api("POST", "/persons", {full_name: "Ada"});
//   await api("POST", "/import/vcard?dry_run=true", file);   // a File goes as it is
//   const blob = await apiBlob("/export/vcard");
//
// Paths are below /api/v1. The session cookie goes by itself (same origin, HttpOnly:
// this code never sees it). Once signed in, a request that changes something carries
// the session's CSRF token in X-CSRF-Token, and every request names the chosen
// workspace in X-Mutua-Workspace. A failure throws an ApiError with the status and
// the API's error object {"error": {"code", "message", "field"}}; status 0 means the
// server was not reached.

const BASE = "/api/v1";

const state = { csrf: null, workspace: null, onSignedOut: null };

export class ApiError extends Error {
  constructor(status, error = {}, retryAfter = 0) {
    super(error.message || `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.code = error.code || null;
    this.field = error.field || null;
    this.retryAfter = retryAfter; // seconds, from Retry-After (429)
  }
}

// The session's CSRF token (from the login answer or GET /session), or null.
export function setCsrf(token) {
  state.csrf = token || null;
}

// The workspace id to name in X-Mutua-Workspace, or null for none.
export function setWorkspace(id) {
  state.workspace = id || null;
}

// fn() runs when a signed-in request is answered 401 (the session ended meanwhile).
export function onSignedOut(fn) {
  state.onSignedOut = fn;
}

// The answer of a request: JSON (null for none), or with asBlob the body as a Blob. A
// body that is a Blob or File (a file to import) goes as it is, with its own type.
async function request(method, path, body, asBlob) {
  const headers = { Accept: asBlob ? "*/*" : "application/json" };
  const raw = typeof Blob !== "undefined" && body instanceof Blob;
  if (body !== undefined) headers["Content-Type"] = raw ? body.type || "application/octet-stream" : "application/json";
  if (method !== "GET" && method !== "HEAD" && state.csrf) headers["X-CSRF-Token"] = state.csrf;
  if (state.workspace) headers["X-Mutua-Workspace"] = state.workspace;
  let res;
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      body: body === undefined || raw ? body : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch (e) {
    throw new ApiError(0, { code: "network", message: e.message });
  }
  if (res.ok && asBlob) return res.blob();
  // read the body even when there is none (204): a response left unread counts as a
  // cancelled request in the browser's network log
  const text = await res.text();
  const type = res.headers.get("Content-Type") || "";
  let data = null;
  if (text && type.startsWith("application/json")) {
    try {
      data = JSON.parse(text);
    } catch {
      throw new ApiError(res.status, { code: "bad_json", message: "the answer is not JSON" });
    }
  }
  if (res.ok) return data;
  const err = new ApiError(res.status, data?.error, Number(res.headers.get("Retry-After")) || 0);
  if (res.status === 401 && state.csrf && state.onSignedOut) state.onSignedOut();
  throw err;
}

export function api(method, path, body) {
  return request(method, path, body, false);
}

// GET path's body as a Blob (an export to save), signed in as api() is.
export function apiBlob(path) {
  return request("GET", path, undefined, true);
}
