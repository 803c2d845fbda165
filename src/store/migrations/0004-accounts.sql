-- 0004-accounts.sql: accounts that log in, their roles per workspace, sessions, API
-- tokens, invitations, login throttling, the audit trail, data-subject suppression,
-- the owners of private ties and exchanges, and a person's objection (SPEC §6,
-- docs/security.md, docs/privacy.md). Portable SQL: every driver applies it.
--
-- Secrets are never stored: sessions, API tokens and invitations keep a BLAKE2b hash
-- of their token, passwords an Argon2id string (libsodium crypto_pwhash_str).
-- Tokens carry their workspace's id in clear ("mutua_7_..."), so that every lookup of
-- a workspace table is scoped by workspace_id and routes to one shard.

ALTER TABLE account ADD COLUMN password_hash TEXT;	-- NULL: cannot sign in

-- An account's role in a workspace: owner, admin, member, viewer.
CREATE TABLE workspace_role (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	"role" TEXT NOT NULL,
	created_at TEXT NOT NULL,
	PRIMARY KEY (workspace_id, account_id)
);
CREATE INDEX workspace_role_account ON workspace_role (account_id);

-- A signed-in browser or client. Times are Unix seconds, compared on every request.
CREATE TABLE "session" (
	token_hash TEXT PRIMARY KEY,
	account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL,		-- absolute expiry counts from here
	seen_at INTEGER NOT NULL		-- idle expiry counts from here
);
CREATE INDEX session_account ON "session" (account_id);

-- A bearer token for scripts: one workspace, one role at most the account's own.
CREATE TABLE api_token (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	"name" TEXT NOT NULL,
	"role" TEXT NOT NULL,
	token_hash TEXT NOT NULL,
	created_at TEXT NOT NULL,
	expires_at TEXT,			-- NULL: until revoked
	last_used_at TEXT,
	PRIMARY KEY (workspace_id, id),
	UNIQUE (workspace_id, token_hash)
);

-- An invitation to join a workspace with a role, accepted once with its token.
CREATE TABLE invitation (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	email TEXT NOT NULL,
	"role" TEXT NOT NULL,
	token_hash TEXT NOT NULL,
	invited_by INTEGER REFERENCES account (id) ON DELETE SET NULL,
	created_at TEXT NOT NULL,
	expires_at INTEGER NOT NULL,		-- Unix seconds
	PRIMARY KEY (workspace_id, id),
	UNIQUE (workspace_id, token_hash)
);

-- Failed sign-ins, by a hash of the account name or of the client address, so that
-- several servers share one count. Rows older than an hour are pruned.
CREATE TABLE login_failure (
	"key" TEXT NOT NULL,
	at INTEGER NOT NULL			-- Unix seconds
);
CREATE INDEX login_failure_key ON login_failure ("key", at);

-- Who read or changed personal data, when, and which record.
CREATE TABLE audit (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	at TEXT NOT NULL,
	account_id INTEGER REFERENCES account (id) ON DELETE SET NULL,	-- NULL: the operator
	actor TEXT NOT NULL,			-- the account's e-mail then, or "operator"
	"action" TEXT NOT NULL,			-- read, list, search, compute, export, create, ...
	entity TEXT NOT NULL,			-- person, exchange, ..., or the computation
	entity_id INTEGER,			-- the record, if one
	detail TEXT,				-- e.g. how many records a list returned
	PRIMARY KEY (workspace_id, id)
);
CREATE INDEX audit_at ON audit (workspace_id, at);

-- Keys (hashes of an e-mail, a phone number, a name) of erased data subjects, so that
-- an import does not bring them back (Art. 17).
CREATE TABLE suppression (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	"key" TEXT NOT NULL,
	created_at TEXT NOT NULL,
	PRIMARY KEY (workspace_id, "key")
);

ALTER TABLE tie ADD COLUMN owner_account_id INTEGER REFERENCES account (id);
ALTER TABLE exchange ADD COLUMN owner_account_id INTEGER REFERENCES account (id);
-- Art. 21: the person objects to being processed for suggestions.
ALTER TABLE person ADD COLUMN "objection" INTEGER NOT NULL DEFAULT 0;
