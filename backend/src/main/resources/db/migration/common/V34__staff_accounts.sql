-- Staff accounts are made by invitation: an admin never sets or learns a password. An account that has not
-- accepted its invitation (or was reset) has password_hash '!', which no password matches.
-- The invitation token is 256 random bits, kept only as its SHA-256; it works once and expires.
CREATE TABLE staff_invitations (
    id          TEXT PRIMARY KEY,
    staff_id    TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE,
    invited_by  TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX staff_invitations_by_staff ON staff_invitations (staff_id);

-- Second factor: a new secret waits here (sealed with (staffId, "totpPending")) until a first code and the
-- password confirm it. Wrong codes lock the second factor for a time that doubles with every miss.
ALTER TABLE staff ADD COLUMN totp_pending_enc TEXT;
ALTER TABLE staff ADD COLUMN second_factor_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN second_factor_locked_until BIGINT;

-- Recovery codes for a lost phone: HMAC-SHA256 with the server secret (about 50 bits each, so keyed), single use.
CREATE TABLE staff_recovery_codes (
    staff_id   TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    code_hmac  TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (staff_id, code_hmac)
);

-- Devices on which the owner logged in before (OWASP "device cookies"): a log-in from one of them is not held
-- back by failures a stranger caused on the account. Only the token's SHA-256 is kept.
CREATE TABLE staff_login_devices (
    token_hash   TEXT PRIMARY KEY,
    staff_id     TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL
);
CREATE INDEX staff_login_devices_by_staff ON staff_login_devices (staff_id, last_used_at);

-- A coarse label of the client that opened a session ("Firefox on Linux"), for the owner's list of sessions.
ALTER TABLE staff_sessions ADD COLUMN client TEXT;
