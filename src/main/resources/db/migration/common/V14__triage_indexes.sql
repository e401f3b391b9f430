-- The coordinator's console (issue #13) reads small slices of large tables.
-- The review queue, oldest or newest opened first, without a sort of the whole queue.
CREATE INDEX review_queue_opened ON review_queue (opened_at, report_id);
-- Triage: detentions nobody has confirmed, rejected or merged yet, newest first (ids are
-- time-ordered). Partial, so a million confirmed detentions cost it nothing.
CREATE INDEX detentions_untriaged ON detentions (id)
    WHERE confirmed_at IS NULL AND rejected_at IS NULL AND merged_into IS NULL;
