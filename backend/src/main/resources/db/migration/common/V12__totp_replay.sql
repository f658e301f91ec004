-- The last accepted TOTP time step per account: a code is accepted once (RFC 6238, section 5.2).
ALTER TABLE staff ADD COLUMN totp_last_step BIGINT;
