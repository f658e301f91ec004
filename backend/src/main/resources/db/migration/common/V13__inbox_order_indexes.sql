-- The inbox and the queue at scale (100k cases): indexes that give rows in the lists' own order, so a page is an
-- index-ordered scan that stops at LIMIT (no sort of all matching cases), and a cursor is a seek into the index.
-- The order is one key: urgent first, then the earliest open deadline (none last), then id. InboxQueries.RANK
-- is the same expression, written identically, so both SQLite and PostgreSQL match it to these indexes.
-- Erased cases are never listed, so they are left out (the lists say erased_at IS NULL).
-- A trust person's open cases (the default view): only open cases in it, so a page reads LIMIT entries. The status
-- list is written as InboxQueries.OPEN_STATUSES writes it (the planners match a partial index's terms literally).
CREATE INDEX cases_inbox_open ON cases (assigned_staff_id,
    (CASE WHEN urgent = TRUE THEN 0 ELSE 10000000000000000 END + COALESCE(sla_due_at, 9000000000000000)), id)
    WHERE erased_at IS NULL AND status IN ('received', 'assigned', 'in_conversation', 'formal_complaint');
-- One status (?status=closed): status is an equality before the order.
CREATE INDEX cases_inbox_status ON cases (assigned_staff_id, status,
    (CASE WHEN urgent = TRUE THEN 0 ELSE 10000000000000000 END + COALESCE(sla_due_at, 9000000000000000)), id)
    WHERE erased_at IS NULL;
-- All statuses (?status=all). status is carried in this and the queue indexes so a status filter is checked
-- in the index, before a table row is read.
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
-- Superseded by the indexes above: these could filter but not give the order.
DROP INDEX cases_inbox;
DROP INDEX cases_queue;
