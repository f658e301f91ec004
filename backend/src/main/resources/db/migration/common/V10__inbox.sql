-- The trust person's inbox: teams, routing, assignment, notes, canned replies, SLA policies and alerts.
-- Portable SQL (SQLite and PostgreSQL). Sealed free text in *_enc columns, as in the foundation.

CREATE TABLE teams (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    name            TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);

-- A trust person or coordinator belongs to at most one team; a coordinator coordinates the team they are in.
ALTER TABLE staff ADD COLUMN team_id TEXT REFERENCES teams (id);
-- staff.push_token_enc (sealed with (staffId, "pushToken")) is added by the push migration V20, which
-- landed first; PUT /v1/staff/me writes it.
-- RFC 6238 secret, sealed with (staffId, "totpSecret"); null means no second factor.
ALTER TABLE staff ADD COLUMN totp_secret_enc TEXT;
-- Round-robin among equals: the one who got a case longest ago goes first.
ALTER TABLE staff ADD COLUMN last_assigned_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX staff_by_team ON staff (team_id, role);

-- First matching rule (lowest priority number) picks the team; a null column matches anything.
CREATE TABLE routing_rules (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    priority        INTEGER NOT NULL,
    region_code     TEXT REFERENCES regions (code),
    setting         TEXT,
    topic           TEXT,
    team_id         TEXT NOT NULL REFERENCES teams (id),
    created_at      BIGINT NOT NULL
);
CREATE INDEX routing_rules_by_org ON routing_rules (organisation_id, priority);

-- The trust person who visits a location every week or two gets its cases first.
CREATE TABLE location_trust_persons (
    location_id TEXT PRIMARY KEY REFERENCES locations (id),
    staff_id    TEXT NOT NULL REFERENCES staff (id),
    created_at  BIGINT NOT NULL
);

ALTER TABLE cases ADD COLUMN team_id TEXT REFERENCES teams (id);
-- The deadline the inbox sorts on: the earliest open one (first response, next response or resolution).
ALTER TABLE cases ADD COLUMN sla_due_at BIGINT;
ALTER TABLE cases ADD COLUMN next_response_since BIGINT;
ALTER TABLE cases ADD COLUMN next_response_due_at BIGINT;
ALTER TABLE cases ADD COLUMN resolution_due_at BIGINT;
ALTER TABLE cases ADD COLUMN visit_requested BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE cases ADD COLUMN visit_at BIGINT;
-- The highest message seq the assigned trust person has seen: unread = young person's messages above it.
ALTER TABLE cases ADD COLUMN staff_read_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX cases_inbox ON cases (assigned_staff_id, urgent, sla_due_at, id);
CREATE INDEX cases_queue ON cases (team_id, assigned_staff_id, urgent, sla_due_at, id);
CREATE INDEX cases_sla_open ON cases (status, sla_due_at);

CREATE TABLE case_notes (
    id         TEXT PRIMARY KEY,
    case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    staff_id   TEXT NOT NULL REFERENCES staff (id),
    key_id     TEXT NOT NULL,
    body_enc   TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX case_notes_by_case ON case_notes (case_id, created_at);

-- Plain-language templates; not about any young person, so stored as written.
CREATE TABLE canned_replies (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    title           TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX canned_replies_by_org ON canned_replies (organisation_id, title);

CREATE TABLE sla_policies (
    organisation_id                TEXT PRIMARY KEY REFERENCES organisations (id),
    first_response_working_days    INTEGER NOT NULL,
    urgent_first_response_minutes  INTEGER NOT NULL,
    next_response_working_days     INTEGER NOT NULL,
    resolution_working_days        INTEGER NOT NULL,
    updated_at                     BIGINT NOT NULL
);

-- One row per case, deadline, due time and level: a warning or breach is raised once.
CREATE TABLE sla_alerts (
    case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    deadline  TEXT NOT NULL CHECK (deadline IN ('first_response', 'next_response', 'resolution')),
    due_at    BIGINT NOT NULL,
    level     TEXT NOT NULL CHECK (level IN ('warning', 'breached')),
    raised_at BIGINT NOT NULL,
    PRIMARY KEY (case_id, deadline, due_at, level)
);

-- Append-only and hash-chained: each entry's hash covers its fields and the previous entry's hash.
-- Who, what, when and which case id; never content.
CREATE TABLE audit_log (
    seq         BIGINT PRIMARY KEY,
    at          BIGINT NOT NULL,
    actor_id    TEXT,
    actor_role  TEXT,
    action      TEXT NOT NULL,
    case_id     TEXT,
    target_id   TEXT,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_log_by_case ON audit_log (case_id, seq);
