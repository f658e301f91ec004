-- Canned replies are free text written by staff and may hold names: sealed like all other free text, with
-- (organisationId, "cannedTitle"/"cannedBody", id) as associated data. The start-up upgrade seals the rows that
-- exist and empties the plain columns (secure_delete overwrites them); they stay only for that step.
CREATE TABLE canned_replies_sealed (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    key_id          TEXT,
    title_enc       TEXT,
    body_enc        TEXT,
    title           TEXT,
    body            TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
INSERT INTO canned_replies_sealed (id, organisation_id, title, body, created_at, updated_at)
SELECT id, organisation_id, title, body, created_at, updated_at FROM canned_replies;
DROP TABLE canned_replies;
ALTER TABLE canned_replies_sealed RENAME TO canned_replies;
CREATE INDEX canned_replies_by_org ON canned_replies (organisation_id, created_at);
