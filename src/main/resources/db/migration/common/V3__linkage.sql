-- Who each report is about, as linkage or a coordinator decided. Append-only: a report's latest
-- decision is in force, and any earlier one can be restored by deciding again.
CREATE TABLE link_decisions (
    id                 TEXT PRIMARY KEY,
    report_id          TEXT NOT NULL REFERENCES reports (id),
    person_id          TEXT NOT NULL REFERENCES persons (id),
    previous_person_id TEXT REFERENCES persons (id),
    kind               TEXT NOT NULL,
    score              ${double},
    candidates         TEXT,
    decided_at         BIGINT NOT NULL,
    decided_by         TEXT REFERENCES users (id)
);
CREATE INDEX link_decisions_report ON link_decisions (report_id, decided_at);

-- Reports in the grey zone, waiting for a coordinator to say who they are about.
CREATE TABLE review_queue (
    report_id TEXT PRIMARY KEY REFERENCES reports (id),
    opened_at BIGINT NOT NULL
);

CREATE INDEX detentions_report ON detentions (report_id);
