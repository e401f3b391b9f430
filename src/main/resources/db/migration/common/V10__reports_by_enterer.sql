-- The operator's fast entry (issue #13) lists the reports a user typed in their shift: the newest
-- of one enterer's reports, found without reading every report received meanwhile.
CREATE INDEX reports_entered_by ON reports (entered_by, received_at);
