-- 0002-takeaway-search.pg.sql: full-text search of takeaways on PostgreSQL, the
-- counterpart of 0002-takeaway-search.sql (SQLite's FTS5), docs/decisions/0003-search.md
-- and 0006-postgresql.md.
-- driver: postgresql
--
-- A generated tsvector column with a GIN index: PostgreSQL keeps it in step with every
-- write of the takeaway, in the same statement, as SQLite's triggers do. It holds the
-- words of the text and of the tags (to_tsvector of jsonb takes the array's strings).
-- The search statement that reads it is the per-driver one in src/store/store.c
-- (search_dialects[]).
--
-- Configuration 'simple': lower case, no stemming and no stop words, accents kept (å
-- is not a), which is what FTS5's unicode61 with remove_diacritics 0 does on SQLite,
-- so a search finds the same takeaways on both. NEEDSWORK(10): the swedish, danish and
-- english configurations by the workspace's locale (stemming) would need the
-- configuration in a column of takeaway; not done.

ALTER TABLE takeaway ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (
	to_tsvector('simple', "text") ||
	to_tsvector('simple', CAST(coalesce("tags", '[]') AS jsonb))
) STORED;	-- the words of the text and the tags, for search_dialects[]

CREATE INDEX takeaway_search_doc ON takeaway USING gin (search_doc);
