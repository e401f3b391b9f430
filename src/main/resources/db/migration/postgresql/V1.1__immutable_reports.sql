-- Stored reports are evidence: never rewritten, never deleted.
CREATE FUNCTION reports_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'reports are immutable: store a correction instead';
END;
$$;

CREATE TRIGGER reports_immutable BEFORE UPDATE OR DELETE ON reports
    FOR EACH ROW EXECUTE FUNCTION reports_immutable();
