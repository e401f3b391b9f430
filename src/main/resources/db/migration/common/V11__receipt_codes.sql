-- The public report form (issue #13): each report gets a short receipt code the reporter is shown
-- and may quote when they call, so that staff find their report without their name being said
-- again. Random (intake.ReceiptCode), so it says nothing about the report; unique, so it finds one.
-- Reports stored before have none.
ALTER TABLE reports ADD COLUMN receipt_code TEXT;
CREATE UNIQUE INDEX reports_receipt_code ON reports (receipt_code);
