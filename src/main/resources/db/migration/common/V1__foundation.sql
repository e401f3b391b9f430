-- Vigil's foundation schema, shared by SQLite and PostgreSQL.
-- Columns ending in _enc hold Tink AEAD ciphertext of personal data; nothing else here is
-- personal. Times the system records are epoch milliseconds; times people report are kept as
-- ISO 8601 text with the offset they were given in.

CREATE TABLE users (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    role        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE tokens (
    hash        TEXT PRIMARY KEY,            -- SHA-256 of the bearer token; the token is never stored
    user_id     TEXT NOT NULL REFERENCES users (id),
    created_at  BIGINT NOT NULL,
    revoked_at  BIGINT
);

CREATE TABLE campaigns (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    starts_on   TEXT NOT NULL,
    ends_on     TEXT,
    description TEXT,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE police_stations (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    city        TEXT,
    address     TEXT,
    latitude    ${double},
    longitude   ${double},
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE police_station_names (
    station_id  TEXT NOT NULL REFERENCES police_stations (id),
    variant     TEXT NOT NULL,
    PRIMARY KEY (station_id, variant)
);

CREATE TABLE events (
    id            TEXT PRIMARY KEY,
    campaign_id   TEXT REFERENCES campaigns (id),
    held_on       TEXT NOT NULL,
    city          TEXT NOT NULL,
    region        TEXT,
    venue         TEXT,
    kind          TEXT,
    authorised    BOOLEAN,
    cause         TEXT,
    organiser     TEXT,
    temperature_c ${double},
    conditions    TEXT,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX events_campaign ON events (campaign_id, city, held_on);

-- A sourced figure: "an estimated 15,000 demonstrators" (police, organisers, media …).
CREATE TABLE claims (
    id          TEXT PRIMARY KEY,
    campaign_id TEXT REFERENCES campaigns (id),
    event_id    TEXT REFERENCES events (id),
    subject     TEXT NOT NULL,
    qualifier   TEXT NOT NULL,
    value       BIGINT NOT NULL,
    source      TEXT NOT NULL,
    quote       TEXT,
    url         TEXT,
    created_at  BIGINT NOT NULL,
    CHECK (campaign_id IS NOT NULL OR event_id IS NOT NULL)
);
CREATE INDEX claims_event ON claims (event_id);
CREATE INDEX claims_campaign ON claims (campaign_id);

-- A report is immutable once stored (a trigger per database enforces it); a correction is a
-- new report whose `corrects` names the one it corrects.
CREATE TABLE reports (
    id                TEXT PRIMARY KEY,
    received_at       BIGINT NOT NULL,
    channel           TEXT NOT NULL,
    entered_by        TEXT REFERENCES users (id),
    reporter          TEXT NOT NULL,
    campaign_id       TEXT REFERENCES campaigns (id),
    event_id          TEXT REFERENCES events (id),
    corrects          TEXT REFERENCES reports (id),
    city              TEXT,
    place             TEXT,
    police_station    TEXT,
    detained_at       TEXT,
    consent           TEXT NOT NULL,
    force_used        BOOLEAN NOT NULL,
    minor             BOOLEAN NOT NULL,
    journalist        BOOLEAN NOT NULL,
    name_enc          ${blob},
    birth_year_enc    ${blob},
    contact_enc       ${blob},
    text_enc          ${blob},
    idempotency_scope TEXT,
    idempotency_key   TEXT,
    request_hash_enc  ${blob},
    UNIQUE (idempotency_scope, idempotency_key)
);
CREATE INDEX reports_received ON reports (received_at, id);
CREATE INDEX reports_campaign_received ON reports (campaign_id, received_at, id);
CREATE INDEX reports_corrects ON reports (corrects);

CREATE TABLE persons (
    id             TEXT PRIMARY KEY,
    created_at     BIGINT NOT NULL,
    name_enc       ${blob},
    birth_year_enc ${blob},
    contact_enc    ${blob},
    consent        TEXT NOT NULL,
    public_figure  BOOLEAN NOT NULL
);

CREATE TABLE detentions (
    id                TEXT PRIMARY KEY,
    person_id         TEXT NOT NULL REFERENCES persons (id),
    event_id          TEXT REFERENCES events (id),
    report_id         TEXT NOT NULL REFERENCES reports (id),
    detained_at       TEXT,
    place             TEXT,
    police_station    TEXT,
    police_station_id TEXT REFERENCES police_stations (id),
    force_used        BOOLEAN NOT NULL,
    minor             BOOLEAN NOT NULL,
    journalist        BOOLEAN NOT NULL,
    status            TEXT NOT NULL,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL
);
CREATE INDEX detentions_event ON detentions (event_id, id);
CREATE INDEX detentions_person ON detentions (person_id);

-- The status timeline of a detention: every change keeps when it happened, its source and author.
CREATE TABLE detention_statuses (
    id           TEXT PRIMARY KEY,
    detention_id TEXT NOT NULL REFERENCES detentions (id),
    status       TEXT NOT NULL,
    happened_at  TEXT NOT NULL,
    recorded_at  BIGINT NOT NULL,
    source       TEXT NOT NULL,
    author       TEXT REFERENCES users (id),
    article      TEXT,
    fine_rub     BIGINT,
    arrest_days  INTEGER,
    note_enc     ${blob}
);
CREATE INDEX detention_statuses_detention ON detention_statuses (detention_id, happened_at);
