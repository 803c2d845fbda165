-- 0007-search-language.pg.sql: takeaway search in the workspace's language on
-- PostgreSQL (issue 10: Swedish, Danish and English configurations), replacing 0002's
-- 'simple' one. docs/decisions/0006-postgresql.md.
-- driver: postgresql
--
-- The language is the workspace's locale: sv searches with PostgreSQL's 'swedish'
-- configuration, da with 'danish', anything else with 'english' (Snowball stemming and
-- the language's stop words), so "nätverk" finds "nätverket" and "netværk" finds
-- "netværket". The search statement asks mutua_search_config() too (store.c,
-- search_dialects[]), so a query is read in the language its documents were.
--
-- A trigger, not 0002's generated column: a generated column may read its own row
-- only, and the language is in the workspace's. A workspace that changes its locale
-- has its takeaways read again in the new language, in the same statement.

CREATE FUNCTION mutua_search_config(ws BIGINT) RETURNS regconfig
	LANGUAGE sql STABLE
	AS $$ SELECT CASE (SELECT locale FROM workspace WHERE id = ws)
		WHEN 'sv' THEN 'pg_catalog.swedish'::regconfig
		WHEN 'da' THEN 'pg_catalog.danish'::regconfig
		ELSE 'pg_catalog.english'::regconfig END $$;

CREATE FUNCTION mutua_takeaway_search_doc() RETURNS trigger
	LANGUAGE plpgsql
	AS $$
DECLARE
	cfg regconfig := mutua_search_config(NEW.workspace_id);
BEGIN
	-- the words of the text and of the tags (to_tsvector of jsonb takes its strings)
	NEW.search_doc := to_tsvector(cfg, coalesce(NEW."text", '')) ||
		to_tsvector(cfg, CAST(coalesce(NEW."tags", '[]') AS jsonb));
	RETURN NEW;
END $$;

CREATE FUNCTION mutua_workspace_search_language() RETURNS trigger
	LANGUAGE plpgsql
	AS $$
BEGIN
	UPDATE takeaway SET "text" = "text" WHERE workspace_id = NEW.id;
	RETURN NULL;
END $$;

ALTER TABLE takeaway DROP COLUMN search_doc;	-- 0002's, with its index
ALTER TABLE takeaway ADD COLUMN search_doc tsvector;
CREATE TRIGGER takeaway_search_doc BEFORE INSERT OR UPDATE OF "text", "tags" ON takeaway
	FOR EACH ROW EXECUTE FUNCTION mutua_takeaway_search_doc();
CREATE TRIGGER workspace_search_language AFTER UPDATE OF locale ON workspace
	FOR EACH ROW WHEN (OLD.locale IS DISTINCT FROM NEW.locale)
	EXECUTE FUNCTION mutua_workspace_search_language();
-- check-layers: all-workspaces (every workspace's takeaways, read in its language once)
UPDATE takeaway SET "text" = "text";
CREATE INDEX takeaway_search_doc ON takeaway USING gin (search_doc);
