-- The audit chain becomes keyed: each entry's MAC is an HMAC (key derived from the key file's secret) over its
-- fields and the previous entry's MAC, so whoever can write the database cannot rewrite the log. The unkeyed
-- hashes go; the start-up upgrade computes the MACs of the entries that exist, once, in order.
-- The log never names a young person's device: entries made by a device keep only the role.
DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
CREATE TABLE audit_log_keyed (
    seq        BIGINT PRIMARY KEY,
    at         BIGINT NOT NULL,
    actor_id   TEXT,
    actor_role TEXT,
    action     TEXT NOT NULL,
    case_id    TEXT,
    target_id  TEXT,
    mac        TEXT
);
INSERT INTO audit_log_keyed (seq, at, actor_id, actor_role, action, case_id, target_id)
SELECT seq, at, CASE WHEN actor_role = 'device' THEN NULL ELSE actor_id END,
       CASE WHEN actor_role = 'device' THEN 'young_person' ELSE actor_role END, action, case_id, target_id
FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_keyed RENAME TO audit_log;
CREATE INDEX audit_log_by_case ON audit_log (case_id, seq);
-- Append-only: the only change allowed is giving an entry without a MAC its MAC (the start-up upgrade).
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (OLD.mac IS NULL AND NEW.mac IS NOT NULL AND NEW.seq = OLD.seq AND NEW.at = OLD.at
          AND NEW.actor_id IS OLD.actor_id AND NEW.actor_role IS OLD.actor_role AND NEW.action = OLD.action
          AND NEW.case_id IS OLD.case_id AND NEW.target_id IS OLD.target_id)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
