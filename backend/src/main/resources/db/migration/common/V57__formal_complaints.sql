-- The formal complaint: a letter to the provider's complaints committee drafted from the case, approved by the
-- young person before it counts, sent as a PDF, and the committee's decision and the provider's measures after.
-- Portable SQL. Sealed text in *_enc columns, bound to the case and the complaint's own id.

-- Per trust-person organisation: the letterhead printed on letters and the committee's usual deadlines.
CREATE TABLE complaint_settings (
    organisation_id  TEXT PRIMARY KEY REFERENCES organisations (id),
    letterhead_name  TEXT NOT NULL,
    letterhead_lines TEXT NOT NULL,
    committee_weeks  INTEGER NOT NULL DEFAULT 6 CHECK (committee_weeks BETWEEN 1 AND 26),
    freedom_weeks    INTEGER NOT NULL DEFAULT 4 CHECK (freedom_weeks BETWEEN 1 AND 26),
    updated_at       BIGINT NOT NULL
);

-- One formal complaint a case. version counts every change to the draft; approved_version is the version the
-- young person approved, and approved_enc the letter's paragraphs exactly as they saw them, so a change after
-- approval leaves the letter unapproved until they look again.
CREATE TABLE complaints (
    id               TEXT PRIMARY KEY,
    case_id          TEXT NOT NULL UNIQUE REFERENCES cases (id) ON DELETE CASCADE,
    organisation_id  TEXT NOT NULL REFERENCES organisations (id),
    kind             TEXT NOT NULL CHECK (kind IN ('committee', 'freedom_restriction')),
    state            TEXT NOT NULL CHECK (state IN ('draft', 'sent', 'decided', 'measures_known')),
    version          INTEGER NOT NULL,
    approved_version INTEGER,
    approved_at      BIGINT,
    started_by       TEXT NOT NULL,
    key_id           TEXT,
    draft_enc        TEXT,
    approved_enc     TEXT,
    letter_enc       TEXT,
    sent_at          BIGINT,
    committee_due_at BIGINT,
    decision         TEXT CHECK (decision IN ('upheld', 'partly_upheld', 'rejected')),
    decided_at       BIGINT,
    measures_due_at  BIGINT,
    measures_at      BIGINT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
