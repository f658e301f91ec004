-- Every index on cases and push_outbox checked against the queries that run (EXPLAIN QUERY PLAN on SQLite): each is
-- used, but two only by their first column, while every write keeps all their columns up to date.
--   cases_by_status (organisation_id, status, urgent, created_at): only the audit log's "cases of this organisation"
--     uses it, by organisation_id.
--   cases_sla_open (status, sla_due_at): the deadline scheduler and the retention job look cases up by status only;
--     sla_due_at changes with every deadline, and the inbox orders by it through its own indexes (V13).
-- Both become one-column indexes. The push_outbox indexes are all needed as they are: due rows (state, not_before),
-- a case's rows (case_id, state), a claim's rows (claim_id), and the cascades from devices and staff.
DROP INDEX cases_by_status;
CREATE INDEX cases_by_organisation ON cases (organisation_id);
DROP INDEX cases_sla_open;
CREATE INDEX cases_status ON cases (status);
