-- Events imported from published tables (OVD-Info, issue #3), the police stations their cells
-- name, and what the tallies group by. Nothing here is personal: the tables are public aggregates.

ALTER TABLE events ADD COLUMN subject TEXT;
ALTER TABLE events ADD COLUMN description TEXT;
-- JSON array of the source reports' URLs, in the table's order.
ALTER TABLE events ADD COLUMN links TEXT;
-- Words of the links cell that are not URLs (`оценка овд-инфо`).
ALTER TABLE events ADD COLUMN source_note TEXT;
ALTER TABLE events ADD COLUMN latitude ${double};
ALTER TABLE events ADD COLUMN longitude ${double};
-- The sourced count of people detained whose names are not documented; an event's detentions are
-- its distinct named persons plus this.
ALTER TABLE events ADD COLUMN unnamed_detentions BIGINT NOT NULL DEFAULT 0;
-- The natural key of an imported row (`ovdinfo:<region>:<date>:id=<Id>`): re-import updates.
ALTER TABLE events ADD COLUMN source_key TEXT;
-- The row exactly as read, as JSON {"header": [...], "cells": [...]}: the event's source.
ALTER TABLE events ADD COLUMN source_row TEXT;
-- SHA-256 of everything an import stores for the event: equal means re-import changes nothing.
ALTER TABLE events ADD COLUMN source_hash TEXT;
-- The police-station cell verbatim; mentions below are read from it and can be read again.
ALTER TABLE events ADD COLUMN station_cell TEXT;
-- The cell's per-station counts do not add up to the event's count (or the cell says so).
ALTER TABLE events ADD COLUMN station_counts_mismatch BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX events_source_key ON events (source_key);
CREATE INDEX events_held_on ON events (held_on);
-- covering what a tally by region or by date within a region reads, the id included for the
-- join to station mentions, so that such a tally never visits the rows
CREATE INDEX events_region_held_on ON events (region, held_on, unnamed_detentions, id);

-- Stations an import created carry the directory's key (`ovdinfo:<region>:<name form>`), so that
-- re-import finds them; stations entered by hand have none.
ALTER TABLE police_stations ADD COLUMN import_key TEXT;
CREATE UNIQUE INDEX police_stations_import_key ON police_stations (import_key);

-- Each place an event's police-station cell names, in the cell's order.
CREATE TABLE event_station_mentions (
    event_id          TEXT NOT NULL REFERENCES events (id),
    position          INTEGER NOT NULL,
    raw_text          TEXT NOT NULL,
    police_station_id TEXT REFERENCES police_stations (id),
    -- COURT, POLICE_VAN, PROSECUTOR: a place that is not a police station (then no station id)
    non_station       TEXT,
    -- people brought there: the event's whole count when the cell names one place, the count the
    -- cell gives otherwise, NULL when it gives none
    detentions        BIGINT,
    PRIMARY KEY (event_id, position)
);
CREATE INDEX event_station_mentions_station ON event_station_mentions (police_station_id);

CREATE INDEX detentions_station ON detentions (police_station_id);
