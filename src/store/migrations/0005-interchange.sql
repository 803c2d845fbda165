-- 0005-interchange.sql: what address books, LinkedIn and Google contacts bring that a
-- person did not hold (issue 8, docs/interchange.md): web addresses (the LinkedIn profile
-- is a duplicate key when the e-mail is missing), a birthday and a note. Portable SQL.
ALTER TABLE person ADD COLUMN "urls" TEXT;		-- JSON array of http(s) addresses
ALTER TABLE person ADD COLUMN "birthday" TEXT;		-- YYYY-MM-DD or --MM-DD
ALTER TABLE person ADD COLUMN "note" TEXT;
