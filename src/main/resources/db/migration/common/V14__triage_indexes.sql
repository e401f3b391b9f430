-- The coordinator's console (issue #13) reads small slices of large tables.
-- The review queue, oldest or newest opened first, without a sort of the whole queue.
CREATE INDEX review_queue_opened ON review_queue (opened_at, report_id);
-- Triage: detentions nobody has confirmed or rejected yet, newest first (ids are time-ordered).
-- Partial, so a million confirmed detentions cost it nothing. (The list leaves out merged ones
-- with a condition no index serves, so that the planner is not drawn to detentions_merged_into.)
CREATE INDEX detentions_untriaged ON detentions (id)
    WHERE confirmed_at IS NULL AND rejected_at IS NULL;
