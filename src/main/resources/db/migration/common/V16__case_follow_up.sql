-- A detention followed to the court's decision (issue #15): each timeline entry carries the
-- structured facts of its step, so outcomes are counted rather than read out of notes. An entry is
-- still never changed: a wrong one is superseded by a new entry that refers to it. The judge's name is the only
-- personal text here and is sealed like the note; courts, case numbers and articles are public
-- record and stay in clear, so the court calendar can group and sort by them.
ALTER TABLE detention_statuses ADD COLUMN police_station_id TEXT REFERENCES police_stations (id);
ALTER TABLE detention_statuses ADD COLUMN article_part INTEGER;
ALTER TABLE detention_statuses ADD COLUMN court TEXT;
-- The hearing's time as given (with its offset), and the same instant in epoch milliseconds, which
-- sorts and is indexed for the calendar.
ALTER TABLE detention_statuses ADD COLUMN hearing_at TEXT;
ALTER TABLE detention_statuses ADD COLUMN hearing_ms BIGINT;
ALTER TABLE detention_statuses ADD COLUMN judge_enc ${blob};
ALTER TABLE detention_statuses ADD COLUMN case_number TEXT;
ALTER TABLE detention_statuses ADD COLUMN service_hours INTEGER;
ALTER TABLE detention_statuses ADD COLUMN appeal_outcome TEXT;
CREATE INDEX detention_statuses_hearing ON detention_statuses (hearing_ms);
