-- A coordinator's corrections of the police-station directory, which imports follow from then on.
-- A merged station points at the one it became part of.
ALTER TABLE police_stations ADD COLUMN merged_into TEXT REFERENCES police_stations (id);

-- Spellings split off a station: mentions written so belong to the other station, whatever a
-- later import's directory makes of them.
CREATE TABLE police_station_splits (
    from_station TEXT NOT NULL REFERENCES police_stations (id),
    variant      TEXT NOT NULL,
    to_station   TEXT NOT NULL REFERENCES police_stations (id),
    PRIMARY KEY (from_station, variant)
);

-- Every merge and split, who decided it and when.
CREATE TABLE police_station_decisions (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    station_id    TEXT NOT NULL REFERENCES police_stations (id),
    other_station TEXT NOT NULL REFERENCES police_stations (id),
    variants      TEXT,
    decided_by    TEXT REFERENCES users (id),
    decided_at    BIGINT NOT NULL
);
