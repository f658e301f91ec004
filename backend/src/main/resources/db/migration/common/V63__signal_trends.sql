-- Signal counts for councils, protected as case counts are (cell-key method, docs/trends.md, Signals): each
-- signal's random record key (drawn when its month is first published, never shown), and the published counts per
-- council scope, month and theme, computed once when the month is first asked after it ended and never again.
CREATE TABLE signal_record_keys (
    signal_id  TEXT PRIMARY KEY REFERENCES signals (id) ON DELETE CASCADE,
    record_key BIGINT NOT NULL
);

CREATE TABLE signal_published_months (
    scope_key TEXT NOT NULL,
    month     TEXT NOT NULL,
    PRIMARY KEY (scope_key, month)
);

CREATE TABLE signal_published_cells (
    scope_key TEXT NOT NULL,
    month     TEXT NOT NULL,
    theme     TEXT NOT NULL,
    signals   INTEGER NOT NULL,
    PRIMARY KEY (scope_key, month, theme)
);
