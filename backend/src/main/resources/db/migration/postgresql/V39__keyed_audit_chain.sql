-- The audit chain becomes keyed: each entry's MAC is an HMAC (key derived from the key file's secret) over its
-- fields and the previous entry's MAC, so whoever can write the database cannot rewrite the log. The unkeyed
-- hashes go; the start-up upgrade computes the MACs of the entries that exist, once, in order.
-- The log never names a young person's device: entries made by a device keep only the role.
DROP TRIGGER audit_log_no_change ON audit_log;
UPDATE audit_log SET actor_id = NULL, actor_role = 'young_person' WHERE actor_role = 'device';
ALTER TABLE audit_log DROP COLUMN prev_hash;
ALTER TABLE audit_log DROP COLUMN hash;
ALTER TABLE audit_log ADD COLUMN mac TEXT;
-- Append-only: the only change allowed is giving an entry without a MAC its MAC (the start-up upgrade).
CREATE OR REPLACE FUNCTION audit_log_refuse() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.mac IS NULL AND NEW.mac IS NOT NULL AND NEW.seq = OLD.seq AND NEW.at = OLD.at
       AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id AND NEW.actor_role IS NOT DISTINCT FROM OLD.actor_role
       AND NEW.action = OLD.action AND NEW.case_id IS NOT DISTINCT FROM OLD.case_id
       AND NEW.target_id IS NOT DISTINCT FROM OLD.target_id THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();
