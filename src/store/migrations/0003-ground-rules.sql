-- 0003-ground-rules.sql: an organisation's ground rules for taking part in networks
-- (seed 003: "Lav nogle interne grundregler og retningslinjer for deltagelse i netværk"),
-- shown with its participation matrix. Portable SQL: every driver applies it.
ALTER TABLE organisation ADD COLUMN ground_rules TEXT;
