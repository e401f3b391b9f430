-- The editors' live updates of a protest day, published as they are written (and as Atom).
CREATE TABLE live_updates (
    id           TEXT PRIMARY KEY,
    campaign_id  TEXT REFERENCES campaigns (id),
    language     TEXT NOT NULL,
    text         TEXT NOT NULL,
    author       TEXT NOT NULL REFERENCES users (id),
    published_at BIGINT NOT NULL
);
CREATE INDEX live_updates_published ON live_updates (campaign_id, published_at);
