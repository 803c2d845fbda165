-- 0006-revision.sql: a workspace's revision goes up once with every transaction that
-- changes its records, settings or who may see what (store_touch in store.c), so that
-- a server can keep the graph of a workspace in memory and know when it is stale
-- (app/graph.c; issue 9). Portable SQL.
ALTER TABLE workspace ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

-- Every request by an account lists the private records it may not see
-- (app/privacy.c); few records are private, so these partial indexes make that a
-- lookup instead of a scan of every person, tie and exchange of the workspace.
CREATE INDEX person_private ON person (workspace_id, "private") WHERE "private" = 1;
CREATE INDEX tie_private ON tie (workspace_id, "private") WHERE "private" = 1;
CREATE INDEX exchange_private ON exchange (workspace_id, "private") WHERE "private" = 1;
