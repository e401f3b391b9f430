-- Nothing reaches the public unchecked (issue #12): what a coordinator or an editor decides about
-- reports, detentions, consent, photos and updates, each with its author, time and reason, and what
-- a detention needs before it is counted (a place from the gazetteer, a campaign it falls in).
-- Reasons are free text and may name people: they are stored encrypted, like every free text.

-- The campaign an admin marks current (the latest mark wins): the public pages show it, and what
-- names no campaign goes to it when no campaign's dates contain it.
ALTER TABLE campaigns ADD COLUMN marked_current_at BIGINT;

-- A person's consent is not a column: how far a name may be published is worked out from what
-- was said about it (consent_statements below, and the reports), when a page is made.
ALTER TABLE persons DROP COLUMN consent;

-- Whether a report said anything about publication: one that did not is no consent statement,
-- neither a grant nor a withdrawal. Reports stored before this column count as having stated it.
ALTER TABLE reports ADD COLUMN consent_stated BOOLEAN;

-- What the count needs of a detention. campaign_id: the campaign it counts in (its event's, or its
-- report's). place_id: the gazetteer's (GeoNames) id of its city, resolved from the report's text
-- or set by a coordinator; without one (and without an event) it is held apart. rejected_at: its
-- report was rejected as spam or a duplicate, so it counts nowhere. merged_into: another detention
-- of the same arrest that now stands for both.
ALTER TABLE detentions ADD COLUMN campaign_id TEXT REFERENCES campaigns (id);
ALTER TABLE detentions ADD COLUMN place_id TEXT;
ALTER TABLE detentions ADD COLUMN rejected_at BIGINT;
ALTER TABLE detentions ADD COLUMN merged_into TEXT REFERENCES detentions (id);
UPDATE detentions SET campaign_id = COALESCE(
    (SELECT e.campaign_id FROM events e WHERE e.id = detentions.event_id),
    (SELECT r.campaign_id FROM reports r WHERE r.id = detentions.report_id));
CREATE INDEX detentions_campaign ON detentions (campaign_id);
CREATE INDEX detentions_merged_into ON detentions (merged_into);

-- A coordinator's decision about a report or a detention: reject or reinstate a report, confirm or
-- unconfirm, merge or unmerge two detentions of one arrest, place a held detention. Append-only:
-- the latest decision of a kind is in force, and deciding again undoes it.
CREATE TABLE case_decisions (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    report_id    TEXT REFERENCES reports (id),
    detention_id TEXT REFERENCES detentions (id),
    other_id     TEXT REFERENCES detentions (id),
    detail       TEXT,
    reason_enc   ${blob} NOT NULL,
    decided_by   TEXT NOT NULL REFERENCES users (id),
    decided_at   BIGINT NOT NULL
);
CREATE INDEX case_decisions_report ON case_decisions (report_id, decided_at);
CREATE INDEX case_decisions_detention ON case_decisions (detention_id, decided_at);

-- A timeline entry that corrects an earlier one names it: the earlier entry stays, superseded.
ALTER TABLE detention_statuses ADD COLUMN supersedes TEXT REFERENCES detention_statuses (id);
ALTER TABLE detention_statuses ADD COLUMN reason_enc ${blob};

-- Consent to publication a coordinator has verified with the detainee (given_by SELF) or their
-- representative (REPRESENTATIVE), from a report or a conversation. Only verified consent lets a
-- name out; a later withdrawal by the detainee needs no verification.
CREATE TABLE consent_statements (
    id          TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES persons (id),
    report_id   TEXT REFERENCES reports (id),
    consent     TEXT NOT NULL,
    given_by    TEXT NOT NULL,
    stated_at   BIGINT NOT NULL,
    note_enc    ${blob},
    recorded_by TEXT NOT NULL REFERENCES users (id),
    recorded_at BIGINT NOT NULL
);
CREATE INDEX consent_statements_person ON consent_statements (person_id, stated_at);
CREATE INDEX consent_statements_report ON consent_statements (report_id);

-- An editor takes a photo or an update off the public site; the row stays, with who, when, why.
ALTER TABLE media_items ADD COLUMN unpublished_at BIGINT;
ALTER TABLE media_items ADD COLUMN unpublished_by TEXT REFERENCES users (id);
ALTER TABLE media_items ADD COLUMN unpublish_reason_enc ${blob};
ALTER TABLE live_updates ADD COLUMN unpublished_at BIGINT;
ALTER TABLE live_updates ADD COLUMN unpublished_by TEXT REFERENCES users (id);
ALTER TABLE live_updates ADD COLUMN unpublish_reason_enc ${blob};

-- The name under which a user's public work (live updates) appears; without one, the group's name.
-- An account name is never published.
ALTER TABLE users ADD COLUMN display_name TEXT;

-- Undoing a police-station merge: the decision is marked undone, and the rows the merge moved
-- (spellings, mentions, detentions, splits, stations merged earlier) are listed so that exactly
-- those move back.
ALTER TABLE police_station_decisions ADD COLUMN undone_at BIGINT;
ALTER TABLE police_station_decisions ADD COLUMN undone_by TEXT REFERENCES users (id);
CREATE TABLE police_station_merge_moves (
    decision_id TEXT NOT NULL REFERENCES police_station_decisions (id),
    kind        TEXT NOT NULL,
    ref         TEXT NOT NULL,
    PRIMARY KEY (decision_id, kind, ref)
);
