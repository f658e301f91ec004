-- The inbox and the queue at scale (100k cases): indexes that give rows in the lists' own order, so a page is an
-- index-ordered scan that stops at LIMIT (no sort of all matching cases), and a cursor is a seek into the index.
-- The order is one key: urgent first, then the earliest open deadline (none last), then id. InboxQueries.RANK
-- is the same expression, written identically, so both SQLite and PostgreSQL match it to these indexes.
-- status is carried in the index so the status filter is checked before a table row is read; erased cases
-- are never listed, so they are left out (the lists say erased_at IS NULL).
CREATE INDEX cases_inbox_order ON cases (assigned_staff_id,
    (CASE WHEN urgent = TRUE THEN 0 ELSE 10000000000000000 END + COALESCE(sla_due_at, 9000000000000000)), id, status)
    WHERE erased_at IS NULL;
-- The coordinator's queue: unassigned cases of the team (assigned_staff_id IS NULL is an equality here) ...
CREATE INDEX cases_queue_order ON cases (team_id, assigned_staff_id,
    (CASE WHEN urgent = TRUE THEN 0 ELSE 10000000000000000 END + COALESCE(sla_due_at, 9000000000000000)), id, status)
    WHERE erased_at IS NULL;
-- ... and of the organisation while no team has them yet.
CREATE INDEX cases_queue_org_order ON cases (organisation_id, team_id, assigned_staff_id,
    (CASE WHEN urgent = TRUE THEN 0 ELSE 10000000000000000 END + COALESCE(sla_due_at, 9000000000000000)), id, status)
    WHERE erased_at IS NULL;
-- The queue with scope=team: all the team's cases, assigned or not.
CREATE INDEX cases_team_order ON cases (team_id,
    (CASE WHEN urgent = TRUE THEN 0 ELSE 10000000000000000 END + COALESCE(sla_due_at, 9000000000000000)), id, status)
    WHERE erased_at IS NULL;
-- Superseded by the two above: they could filter but not give the order.
DROP INDEX cases_inbox;
DROP INDEX cases_queue;
