-- Signals: a structural abuse or unsafe situation at a location, written by a trust person in their own words,
-- linked to the cases it draws on, and the report to the provider's management (or the inspectorate) with its
-- answer and deadline. A signal holds no child's words and names no child.

CREATE TABLE signals (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    location_id     TEXT NOT NULL REFERENCES locations (id),
    theme           TEXT NOT NULL,
    created_by      TEXT NOT NULL REFERENCES staff (id),
    key_id          TEXT,
    text_enc        TEXT NOT NULL,
    recipient       TEXT CHECK (recipient IN ('provider', 'inspectorate')),
    sent_at         BIGINT,
    answer_due_at   BIGINT,
    answered_at     BIGINT,
    answer_enc      TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX signals_by_organisation ON signals (organisation_id, created_at);

-- Erasing a case removes its links; the signal and the trust person's text stay.
CREATE TABLE signal_cases (
    signal_id TEXT NOT NULL REFERENCES signals (id) ON DELETE CASCADE,
    case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    PRIMARY KEY (signal_id, case_id)
);
CREATE INDEX signal_cases_by_case ON signal_cases (case_id);
