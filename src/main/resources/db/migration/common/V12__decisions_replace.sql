-- Two coordinators deciding the same item (issue #13): a review decision names the decision it
-- replaces, and only one decision may replace a given one, so the second of two coordinators who
-- saw the same state is refused ("already decided by …") instead of silently overwriting the first.
-- Decisions made before this column replace nothing on record (NULLs never collide).
ALTER TABLE link_decisions ADD COLUMN supersedes TEXT REFERENCES link_decisions (id);
CREATE UNIQUE INDEX link_decisions_supersedes ON link_decisions (supersedes);
