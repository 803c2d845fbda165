-- 0001-init.sql: the whole domain model of SPEC §3 (see docs/model.md).
--
-- Every table but workspace and account carries workspace_id, the distribution column
-- of a sharded PostgreSQL (docs/scaling.md), and its primary key is (workspace_id, id):
-- ids are per workspace, drawn from workspace.next_id, so a workspace moves between
-- databases with its ids intact. References are composite foreign keys on
-- (workspace_id, id), which makes a reference into another workspace impossible.
-- Lists and nested objects (offerings, attendance, segments, ...) are canonical JSON
-- text, validated by the program; persons referenced from inside them are indexed in
-- person_ref so that they cannot be deleted from under a record.
-- Portable SQL: runs on SQLite 3.35+ and PostgreSQL 13+.

-- A network of one user, group or organisation.
CREATE TABLE workspace (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,		-- shown to users; unique per database
	kind TEXT NOT NULL,			-- personal, group, organisation
	locale TEXT NOT NULL,			-- en, sv, da
	currency TEXT NOT NULL,			-- ISO 4217, the default for money input
	settings TEXT NOT NULL,			-- JSON object of weights and thresholds (SPEC §4)
	next_id INTEGER NOT NULL DEFAULT 1,	-- next record id in this workspace
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

-- A user who logs in (accounts and roles arrive with issue 6).
CREATE TABLE account (
	id INTEGER PRIMARY KEY,
	email TEXT NOT NULL UNIQUE,		-- login name
	display_name TEXT NOT NULL,
	created_at TEXT NOT NULL
);

CREATE TABLE organisation (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	"name" TEXT NOT NULL,
	"industry" TEXT,			-- NACE Rev. 2 code
	"size_class" TEXT,			-- micro, small, medium, large
	"region" TEXT,				-- ISO 3166-2 or free text
	"website" TEXT,
	"org_number" TEXT,
	PRIMARY KEY (workspace_id, id)
);

CREATE TABLE person (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	"full_name" TEXT NOT NULL,
	"emails" TEXT,				-- JSON array of e-mail addresses
	"phones" TEXT,				-- JSON array
	"organisation_id" INTEGER,
	"title" TEXT,
	"role_level" TEXT,
	"role_function" TEXT,
	"industry" TEXT,
	"region" TEXT,
	"city" TEXT,
	"tags" TEXT,				-- JSON array
	"source" TEXT,				-- how met, where the data came from
	"legal_basis" TEXT,			-- GDPR basis: legitimate_interest, consent, contract
	"private" INTEGER NOT NULL DEFAULT 0,	-- visible only to owner_account_id
	account_id INTEGER REFERENCES account (id),	-- if the person is also a user
	owner_account_id INTEGER REFERENCES account (id),	-- who owns a private record
	PRIMARY KEY (workspace_id, id),
	FOREIGN KEY (workspace_id, "organisation_id") REFERENCES organisation (workspace_id, id)
);
CREATE INDEX person_organisation ON person (workspace_id, "organisation_id");

-- A person's profile; its id is the person's id.
CREATE TABLE profile (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,			-- = person.id
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	"sphere" TEXT,
	"offerings" TEXT,			-- JSON [{label, stage}]
	"asks" TEXT,				-- JSON array of text
	"contributes" TEXT,
	"target_industries" TEXT,		-- JSON array of NACE codes
	"target_sizes" TEXT,			-- JSON array of size classes
	"target_roles" TEXT,			-- JSON [{level, function}]
	"target_regions" TEXT,			-- JSON array of regions
	"themes" TEXT,				-- JSON array of text
	"typical_deal_amount" INTEGER,		-- minor units
	"typical_deal_currency" TEXT,
	"competitors" TEXT,			-- JSON array of person ids
	PRIMARY KEY (workspace_id, id),
	FOREIGN KEY (workspace_id, id) REFERENCES person (workspace_id, id)
);

CREATE TABLE network (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	"name" TEXT NOT NULL,
	"purpose" TEXT,				-- business_exchange, professional, ...
	"openness" TEXT,			-- open, closed
	"fee_amount" INTEGER,			-- minor units
	"fee_currency" TEXT,
	"fee_per" TEXT,				-- year, month, meeting
	"meetings_per_year" INTEGER,
	"meeting_place" TEXT,
	"url" TEXT,
	PRIMARY KEY (workspace_id, id)
);

CREATE TABLE referral (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	"giver" INTEGER NOT NULL,
	"receiver" INTEGER NOT NULL,
	"prospect_person" INTEGER,
	"prospect_organisation" INTEGER,
	"network_id" INTEGER,
	"kind" TEXT,				-- inside, outside
	"status" TEXT,				-- given ... won, lost
	"history" TEXT,				-- JSON [{status, at}]
	"closed_value_amount" INTEGER,
	"closed_value_currency" TEXT,
	PRIMARY KEY (workspace_id, id),
	FOREIGN KEY (workspace_id, "giver") REFERENCES person (workspace_id, id),
	FOREIGN KEY (workspace_id, "receiver") REFERENCES person (workspace_id, id),
	FOREIGN KEY (workspace_id, "prospect_person") REFERENCES person (workspace_id, id),
	FOREIGN KEY (workspace_id, "prospect_organisation") REFERENCES organisation (workspace_id, id),
	FOREIGN KEY (workspace_id, "network_id") REFERENCES network (workspace_id, id)
);
CREATE INDEX referral_giver ON referral (workspace_id, "giver");
CREATE INDEX referral_receiver ON referral (workspace_id, "receiver");

-- The ledger of give and take.
CREATE TABLE exchange (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	"at" TEXT NOT NULL,
	"giver" INTEGER NOT NULL,
	"receiver" INTEGER NOT NULL,
	"kind" TEXT NOT NULL,
	"amount_amount" INTEGER,
	"amount_currency" TEXT,
	"points" INTEGER,
	"network_id" INTEGER,
	"referral_id" INTEGER,
	"note" TEXT,
	"private" INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (workspace_id, id),
	FOREIGN KEY (workspace_id, "giver") REFERENCES person (workspace_id, id),
	FOREIGN KEY (workspace_id, "receiver") REFERENCES person (workspace_id, id),
	FOREIGN KEY (workspace_id, "network_id") REFERENCES network (workspace_id, id),
	FOREIGN KEY (workspace_id, "referral_id") REFERENCES referral (workspace_id, id)
);
CREATE INDEX exchange_giver ON exchange (workspace_id, "giver", "at");
CREATE INDEX exchange_receiver ON exchange (workspace_id, "receiver", "at");

CREATE TABLE tie (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	"a" INTEGER NOT NULL,
	"b" INTEGER NOT NULL,
	"how_met" TEXT,
	"since" TEXT,
	"cadence_days" INTEGER,			-- NULL: by tier
	"tier" TEXT,				-- inner, active, wide
	"liking_a" INTEGER,			-- a's rating of b, 1-5, private to a
	"liking_b" INTEGER,			-- b's rating of a, 1-5, private to b
	"private" INTEGER NOT NULL DEFAULT 0,
	"status" TEXT,				-- active, dormant, ended
	PRIMARY KEY (workspace_id, id),
	FOREIGN KEY (workspace_id, "a") REFERENCES person (workspace_id, id),
	FOREIGN KEY (workspace_id, "b") REFERENCES person (workspace_id, id)
);
CREATE INDEX tie_a ON tie (workspace_id, "a");
CREATE INDEX tie_b ON tie (workspace_id, "b");

-- Membership in a network; for a company's employees also the participation's cost.
CREATE TABLE membership (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	"network_id" INTEGER NOT NULL,
	"person_id" INTEGER NOT NULL,
	"role" TEXT,				-- member, leader, visitor, substitute
	"since" TEXT,
	"until" TEXT,
	"hours_per_meeting" REAL,
	"hourly_cost_amount" INTEGER,
	"hourly_cost_currency" TEXT,
	"expected_outcome" TEXT,
	PRIMARY KEY (workspace_id, id),
	FOREIGN KEY (workspace_id, "network_id") REFERENCES network (workspace_id, id),
	FOREIGN KEY (workspace_id, "person_id") REFERENCES person (workspace_id, id)
);
CREATE INDEX membership_network ON membership (workspace_id, "network_id");
CREATE INDEX membership_person ON membership (workspace_id, "person_id");

CREATE TABLE meeting (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	"network_id" INTEGER NOT NULL,
	"at" TEXT NOT NULL,
	"place" TEXT,
	"attendance" TEXT,			-- JSON [{person, code}]
	"visitors" TEXT,			-- JSON [{person, invited_by}]
	PRIMARY KEY (workspace_id, id),
	FOREIGN KEY (workspace_id, "network_id") REFERENCES network (workspace_id, id)
);
CREATE INDEX meeting_network ON meeting (workspace_id, "network_id", "at");

CREATE TABLE one_to_one (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	"at" TEXT NOT NULL,
	"a" INTEGER NOT NULL,
	"b" INTEGER NOT NULL,
	"notes_a" TEXT,				-- private to a
	"notes_b" TEXT,				-- private to b
	PRIMARY KEY (workspace_id, id),
	FOREIGN KEY (workspace_id, "a") REFERENCES person (workspace_id, id),
	FOREIGN KEY (workspace_id, "b") REFERENCES person (workspace_id, id)
);

CREATE TABLE takeaway (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	"network_id" INTEGER,
	"meeting_id" INTEGER,
	"author" INTEGER,
	"at" TEXT NOT NULL,
	"text" TEXT NOT NULL,
	"tags" TEXT,				-- JSON array of words
	PRIMARY KEY (workspace_id, id),
	FOREIGN KEY (workspace_id, "network_id") REFERENCES network (workspace_id, id),
	FOREIGN KEY (workspace_id, "meeting_id") REFERENCES meeting (workspace_id, id),
	FOREIGN KEY (workspace_id, "author") REFERENCES person (workspace_id, id)
);

CREATE TABLE goal (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	"owner_person" INTEGER,			-- NULL: the workspace's goal
	"network_id" INTEGER,
	"metric" TEXT NOT NULL,
	"target" REAL NOT NULL,
	"from" TEXT NOT NULL,
	"to" TEXT NOT NULL,
	PRIMARY KEY (workspace_id, id),
	FOREIGN KEY (workspace_id, "owner_person") REFERENCES person (workspace_id, id),
	FOREIGN KEY (workspace_id, "network_id") REFERENCES network (workspace_id, id)
);

CREATE TABLE plan (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	"owner_person" INTEGER,
	"capacity_per_month" INTEGER,
	"segments" TEXT,			-- JSON [{industry, role_level, ..., want}]
	PRIMARY KEY (workspace_id, id),
	FOREIGN KEY (workspace_id, "owner_person") REFERENCES person (workspace_id, id)
);

CREATE TABLE ask (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	"person" INTEGER NOT NULL,
	"at" TEXT NOT NULL,
	"text" TEXT NOT NULL,
	"segment" TEXT,				-- JSON {industry, role_level, ...}
	"status" TEXT,				-- open, closed
	PRIMARY KEY (workspace_id, id),
	FOREIGN KEY (workspace_id, "person") REFERENCES person (workspace_id, id)
);

CREATE TABLE offer (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	"person" INTEGER NOT NULL,
	"at" TEXT NOT NULL,
	"text" TEXT NOT NULL,
	"status" TEXT,
	PRIMARY KEY (workspace_id, id),
	FOREIGN KEY (workspace_id, "person") REFERENCES person (workspace_id, id)
);

CREATE TABLE task (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	id INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	"owner_person" INTEGER,
	"person" INTEGER,
	"due" TEXT NOT NULL,
	"kind" TEXT,
	"done_at" TEXT,
	PRIMARY KEY (workspace_id, id),
	FOREIGN KEY (workspace_id, "owner_person") REFERENCES person (workspace_id, id),
	FOREIGN KEY (workspace_id, "person") REFERENCES person (workspace_id, id)
);

-- Persons referenced from inside JSON lists (attendance, visitors, competitors), so a
-- person still referenced cannot be deleted and a data subject's records are found.
CREATE TABLE person_ref (
	workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
	entity TEXT NOT NULL,			-- table of the referring record
	record_id INTEGER NOT NULL,
	person_id INTEGER NOT NULL,
	PRIMARY KEY (workspace_id, entity, record_id, person_id),
	FOREIGN KEY (workspace_id, person_id) REFERENCES person (workspace_id, id)
);
CREATE INDEX person_ref_person ON person_ref (workspace_id, person_id);
