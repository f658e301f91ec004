-- Gehoord foundation schema. Portable SQL (SQLite and PostgreSQL): text ids, BIGINT epoch milliseconds,
-- BOOLEAN flags (compare with TRUE/FALSE), sealed (encrypted) free text as TEXT. Columns ending in _enc hold AES-GCM sealed
-- values; columns ending in _hash or _hmac hold one-way digests of secrets.

CREATE TABLE organisations (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE regions (
    code            TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    municipality    TEXT NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations (id)
);

CREATE TABLE locations (
    id          TEXT PRIMARY KEY,
    region_code TEXT NOT NULL REFERENCES regions (code),
    provider    TEXT NOT NULL,
    name        TEXT NOT NULL,
    setting     TEXT
);
CREATE INDEX locations_by_region ON locations (region_code);

CREATE TABLE staff (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    email           TEXT NOT NULL UNIQUE,
    display_name    TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('trust_person', 'coordinator', 'council', 'admin')),
    password_hash   TEXT NOT NULL,
    available       BOOLEAN NOT NULL DEFAULT TRUE,
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      BIGINT NOT NULL
);

CREATE TABLE staff_sessions (
    id           TEXT PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    staff_id     TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);

CREATE TABLE devices (
    id             TEXT PRIMARY KEY,
    token_hash     TEXT NOT NULL UNIQUE,
    platform       TEXT NOT NULL CHECK (platform IN ('android', 'ios', 'web')),
    locale         TEXT NOT NULL,
    push_token_enc TEXT,
    discreet       BOOLEAN NOT NULL DEFAULT FALSE,
    quiet_start    TEXT,
    quiet_end      TEXT,
    created_at     BIGINT NOT NULL,
    last_seen_at   BIGINT NOT NULL
);

CREATE TABLE cases (
    id                    TEXT PRIMARY KEY,
    code_hmac             TEXT UNIQUE,
    organisation_id       TEXT NOT NULL REFERENCES organisations (id),
    kind                  TEXT NOT NULL,
    topic                 TEXT,
    setting               TEXT NOT NULL,
    region_code           TEXT NOT NULL REFERENCES regions (code),
    age_band              TEXT,
    location_id           TEXT REFERENCES locations (id),
    contact_preference    TEXT NOT NULL,
    urgent                BOOLEAN NOT NULL,
    status                TEXT NOT NULL CHECK (status IN ('received', 'assigned', 'in_conversation',
                              'formal_complaint', 'resolved', 'closed', 'withdrawn')),
    flow_version          INTEGER NOT NULL,
    assigned_staff_id     TEXT REFERENCES staff (id),
    key_id                TEXT,
    answers_enc           TEXT,
    story_enc             TEXT,
    about_enc             TEXT,
    contact_enc           TEXT,
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT NOT NULL,
    first_response_due_at BIGINT,
    first_response_at     BIGINT,
    closed_at             BIGINT,
    erased_at             BIGINT
);
CREATE INDEX cases_by_status ON cases (organisation_id, status, urgent, created_at);
CREATE INDEX cases_by_staff ON cases (assigned_staff_id, status);

CREATE TABLE case_devices (
    case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    linked_at BIGINT NOT NULL,
    PRIMARY KEY (case_id, device_id)
);
CREATE INDEX case_devices_by_device ON case_devices (device_id);

-- A repeat of POST /v1/cases with the same key returns the same case; the receipt code is kept sealed for
-- the replay window only and removed with the row.
CREATE TABLE idempotency_keys (
    device_id       TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    key_hash        TEXT NOT NULL,
    request_hash    TEXT NOT NULL,
    case_id         TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    case_code_enc   TEXT,
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (device_id, key_hash)
);

CREATE TABLE case_messages (
    id         TEXT PRIMARY KEY,
    case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    author     TEXT NOT NULL CHECK (author IN ('young_person', 'trust_person')),
    staff_id   TEXT REFERENCES staff (id),
    key_id     TEXT NOT NULL,
    body_enc   TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (case_id, seq)
);

-- The timeline: what happened to a case. Types and statuses are codes; the only free text is a staff
-- explanation, sealed.
CREATE TABLE case_events (
    id              TEXT PRIMARY KEY,
    case_id         TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    type            TEXT NOT NULL,
    status          TEXT,
    key_id          TEXT,
    explanation_enc TEXT,
    due_at          BIGINT,
    created_at      BIGINT NOT NULL,
    UNIQUE (case_id, seq)
);

CREATE TABLE case_feedback (
    case_id    TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    key_id     TEXT,
    text_enc   TEXT,
    created_at BIGINT NOT NULL
);
