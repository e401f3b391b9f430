-- Who is held at a police station now (issue #13): the console's held and stations pages and
-- /api/custody read detentions by status, which a million detentions must not scan.
CREATE INDEX detentions_status ON detentions (status);
