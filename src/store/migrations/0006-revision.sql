-- 0006-revision.sql: a workspace's revision goes up once with every transaction that
-- changes its records, settings or who may see what (store_touch in store.c), so that
-- a server can keep the graph of a workspace in memory and know when it is stale
-- (app/graph.c; issue 9). Portable SQL.
ALTER TABLE workspace ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
