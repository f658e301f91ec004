-- Canned replies are free text written by staff and may hold names: sealed like all other free text, with
-- (organisationId, "cannedTitle"/"cannedBody", id) as associated data. The start-up upgrade seals the rows that
-- exist and empties the plain columns; they stay only for that step.
ALTER TABLE canned_replies ADD COLUMN key_id TEXT;
ALTER TABLE canned_replies ADD COLUMN title_enc TEXT;
ALTER TABLE canned_replies ADD COLUMN body_enc TEXT;
ALTER TABLE canned_replies ALTER COLUMN title DROP NOT NULL;
ALTER TABLE canned_replies ALTER COLUMN body DROP NOT NULL;
DROP INDEX canned_replies_by_org;
CREATE INDEX canned_replies_by_org ON canned_replies (organisation_id, created_at);
