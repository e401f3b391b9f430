-- A detention is confirmed when someone accountable has verified it: a coordinator who confirmed
-- it, or who typed the report themself. Unconfirmed detentions (the public form, operators taking
-- calls) are counted apart, so fake reports cannot silently inflate the published count.
ALTER TABLE detentions ADD COLUMN confirmed_at BIGINT;
ALTER TABLE detentions ADD COLUMN confirmed_by TEXT REFERENCES users (id);
