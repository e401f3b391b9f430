-- Photos for the public gallery. Only the re-encoded image is kept: the upload, with whatever
-- location and device metadata it carried, is never stored.
CREATE TABLE media_items (
    id          TEXT PRIMARY KEY,
    campaign_id TEXT REFERENCES campaigns (id),
    event_id    TEXT REFERENCES events (id),
    caption     TEXT NOT NULL,
    credit      TEXT NOT NULL,
    width       INTEGER NOT NULL,
    height      INTEGER NOT NULL,
    image       ${blob} NOT NULL,
    uploaded_by TEXT REFERENCES users (id),
    created_at  BIGINT NOT NULL
);
CREATE INDEX media_items_event ON media_items (event_id, created_at);
CREATE INDEX media_items_campaign ON media_items (campaign_id, created_at);
