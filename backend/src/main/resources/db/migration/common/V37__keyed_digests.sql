-- Upgrades that need the key file (re-sealing rows, keying the audit chain) cannot run in SQL; the server runs
-- them at start-up, before it serves, and records here that each one finished so it never runs again. A value
-- an upgrade would have accepted then (an unbound seal, an entry without a MAC) is refused afterwards.
CREATE TABLE keyed_upgrades (
    name    TEXT PRIMARY KEY,
    done_at BIGINT NOT NULL
);

-- The digest of an idempotent request is now an HMAC with the server's secret. The stored plain SHA-256 values
-- let anyone with the file confirm a guessed story or recover a phone number; they cannot be turned into HMACs
-- without the requests, so they go. Such a record still replays its case by its key alone.
UPDATE idempotency_keys SET request_hash = 'unkeyed' WHERE request_hash <> 'erased';
-- Erasure now removes the record: kept, it linked the phone to the erased case.
DELETE FROM idempotency_keys WHERE request_hash = 'erased';

-- So that a retry of an erased case's request still makes no new case, erasure leaves a tag that names neither
-- the phone nor the case: an HMAC of the phone's id and the request key's digest, which only a request from that
-- phone with that key can reproduce. Kept as long as idempotency records.
CREATE TABLE erased_requests (
    tag        TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL
);
