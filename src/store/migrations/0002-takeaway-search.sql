-- 0002-takeaway-search.sql: full-text search of takeaways (SPEC §3: "shared with the
-- workspace; full-text searchable"), docs/decisions/0003-search.md.
-- driver: sqlite
--
-- SQLite only (FTS5, triggers, json_each): the store applies a migration that names a
-- driver only on that driver, and another driver brings its own file with the same
-- number (PostgreSQL: a tsvector column with a GIN index). The search statement that
-- reads these tables is the per-driver one in src/store/store.c (search_dialects[]).
--
-- Shape. takeaway_fts holds the words of each takeaway's text and tags; its rowid is a
-- document number handed out by takeaway_search, which maps it to (workspace_id, id),
-- so that every search is scoped by workspace_id through that table and a changed or
-- deleted takeaway finds its document by index. The takeaway table's own rowid is not
-- used: it has no INTEGER PRIMARY KEY, and VACUUM may renumber such rowids.
--
-- Tokenizer: unicode61 folds case (Å = å) but, with remove_diacritics 0, keeps the
-- accented letters apart: å, ä, ö, æ, ø are letters of their own in Swedish and
-- Danish (får "gets" is not far "father", før "before" is not for "for").
--
-- Triggers keep the index in step inside the statement that writes the takeaway, so
-- every way a takeaway is written (the record verbs, import, demo, a workspace's
-- cascade) is covered and nothing is half-written.

-- Search documents: one per takeaway, numbered for takeaway_fts.
CREATE TABLE takeaway_search (
	doc INTEGER PRIMARY KEY,		-- the rowid of the takeaway's row in takeaway_fts
	-- No foreign keys: the triggers below own these rows, and a cascade from workspace
	-- must not remove one before the takeaway's delete trigger has looked it up.
	workspace_id INTEGER NOT NULL,		-- the takeaway's workspace
	takeaway_id INTEGER NOT NULL,		-- the takeaway's id in that workspace
	UNIQUE (workspace_id, takeaway_id)
);

-- The full-text index: the words of the text and of the tags (the JSON array's
-- strings joined by spaces), by document number.
CREATE VIRTUAL TABLE takeaway_fts USING fts5(
	"text",
	"tags",
	tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER takeaway_search_insert AFTER INSERT ON takeaway BEGIN
	INSERT INTO takeaway_search (workspace_id, takeaway_id)
	VALUES (new.workspace_id, new.id);
	INSERT INTO takeaway_fts (rowid, "text", "tags")
	VALUES ((SELECT doc FROM takeaway_search
		 WHERE workspace_id = new.workspace_id AND takeaway_id = new.id),
		new."text", (SELECT group_concat(value, ' ') FROM json_each(new."tags")));
END;

CREATE TRIGGER takeaway_search_update AFTER UPDATE OF "text", "tags" ON takeaway BEGIN
	UPDATE takeaway_fts
	SET "text" = new."text",
	    "tags" = (SELECT group_concat(value, ' ') FROM json_each(new."tags"))
	WHERE rowid = (SELECT doc FROM takeaway_search
		       WHERE workspace_id = new.workspace_id AND takeaway_id = new.id);
END;

CREATE TRIGGER takeaway_search_delete AFTER DELETE ON takeaway BEGIN
	DELETE FROM takeaway_fts
	WHERE rowid = (SELECT doc FROM takeaway_search
		       WHERE workspace_id = old.workspace_id AND takeaway_id = old.id);
	DELETE FROM takeaway_search
	WHERE workspace_id = old.workspace_id AND takeaway_id = old.id;
END;

-- Index the takeaways that exist already, in every workspace.
-- check-layers: all-workspaces
INSERT INTO takeaway_search (workspace_id, takeaway_id)
SELECT workspace_id, id FROM takeaway ORDER BY workspace_id, id;
-- check-layers: all-workspaces
INSERT INTO takeaway_fts (rowid, "text", "tags")
SELECT s.doc, t."text", (SELECT group_concat(value, ' ') FROM json_each(t."tags"))
FROM takeaway_search s JOIN takeaway t ON t.workspace_id = s.workspace_id AND t.id = s.takeaway_id;
