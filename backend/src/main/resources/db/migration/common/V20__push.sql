-- Push notifications (issue 5): the transactional outbox. A row is one push to one recipient, written in the
-- same transaction as the change that caused it. It holds ids and codes only: which case, which event, which
-- catalog text, and who receives it; the token is read (and opened) only when the push is sent. A row goes with
-- its case, its device or its staff member (ON DELETE CASCADE), and erasing a case deletes its rows, so the
-- outbox never keeps a link between a phone and a case that erasure or "forget this phone" has cut.

-- Staff push tokens, sealed with (staffId, "pushToken"). The inbox migration (V10) adds the same column;
-- whichever lands second drops its copy when merging.
ALTER TABLE staff ADD COLUMN push_token_enc TEXT;

CREATE TABLE push_outbox (
    id             TEXT PRIMARY KEY,
    case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    event          TEXT NOT NULL,
    message_key    TEXT NOT NULL,
    device_id      TEXT REFERENCES devices (id) ON DELETE CASCADE,
    staff_id       TEXT REFERENCES staff (id) ON DELETE CASCADE,
    urgent         BOOLEAN NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'dropped', 'collapsed')),
    attempts       INTEGER NOT NULL DEFAULT 0,
    created_at     BIGINT NOT NULL,
    not_before     BIGINT NOT NULL,
    claim_id       TEXT,
    lease_until    BIGINT,
    last_error     TEXT,
    finished_at    BIGINT,
    CHECK ((device_id IS NULL AND staff_id IS NOT NULL) OR (device_id IS NOT NULL AND staff_id IS NULL))
);
-- The dispatcher's question: which pending rows are due?
CREATE INDEX push_outbox_due ON push_outbox (state, not_before);
-- Coalescing and erasure: the rows of one case.
CREATE INDEX push_outbox_by_case ON push_outbox (case_id, state);
-- Cascades when a device or a staff member is deleted.
CREATE INDEX push_outbox_by_device ON push_outbox (device_id);
CREATE INDEX push_outbox_by_staff ON push_outbox (staff_id);
-- A dispatcher reads back the rows it just claimed.
CREATE INDEX push_outbox_by_claim ON push_outbox (claim_id);
