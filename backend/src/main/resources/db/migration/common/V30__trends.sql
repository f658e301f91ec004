-- Trends for councils (issue 6). Councils see aggregates only; these tables hold no free text and no case id.

-- What a council account may see: the cases about a care provider's locations, or the cases from the regions of
-- one or more municipalities. One kind per account; several values are allowed (a council for two municipalities).
CREATE TABLE council_scopes (
    staff_id   TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('provider', 'municipality')),
    value      TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (staff_id, value)
);

-- The minimum group size per organisation (default 10 when absent; never below 5).
CREATE TABLE trend_settings (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id),
    min_cell_size   INTEGER NOT NULL CHECK (min_cell_size >= 5),
    updated_at      BIGINT NOT NULL
);

-- Each case's current contribution to the rollup, so an update can subtract the old one and add the new one
-- whatever order events come in. Keyed by a keyed HMAC of the case id: the row cannot be joined to the case
-- without the server key, and it survives erasure (location cleared on the case) and deletion of the case.
CREATE TABLE trend_case_facts (
    fact_key    TEXT PRIMARY KEY,
    month       TEXT NOT NULL,
    topic       TEXT NOT NULL,
    setting     TEXT NOT NULL,
    region_code TEXT NOT NULL,
    age_band    TEXT NOT NULL,
    provider    TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    formal      INTEGER NOT NULL,
    sla         TEXT NOT NULL,
    fr_bucket   INTEGER,
    res_bucket  INTEGER
);

-- The rollup: one row per month and combination of coded facts, with counts and duration histograms
-- (bucket bounds in TrendBuckets and docs/trends.md).
CREATE TABLE trend_rollup (
    month       TEXT NOT NULL,
    topic       TEXT NOT NULL,
    setting     TEXT NOT NULL,
    region_code TEXT NOT NULL,
    age_band    TEXT NOT NULL,
    provider    TEXT NOT NULL,
    cases       BIGINT NOT NULL DEFAULT 0,
    o_open      BIGINT NOT NULL DEFAULT 0,
    o_resolved  BIGINT NOT NULL DEFAULT 0,
    o_closed    BIGINT NOT NULL DEFAULT 0,
    o_withdrawn BIGINT NOT NULL DEFAULT 0,
    formal      BIGINT NOT NULL DEFAULT 0,
    sla_met     BIGINT NOT NULL DEFAULT 0,
    sla_missed  BIGINT NOT NULL DEFAULT 0,
    fr_00 BIGINT NOT NULL DEFAULT 0,
    fr_01 BIGINT NOT NULL DEFAULT 0,
    fr_02 BIGINT NOT NULL DEFAULT 0,
    fr_03 BIGINT NOT NULL DEFAULT 0,
    fr_04 BIGINT NOT NULL DEFAULT 0,
    fr_05 BIGINT NOT NULL DEFAULT 0,
    fr_06 BIGINT NOT NULL DEFAULT 0,
    fr_07 BIGINT NOT NULL DEFAULT 0,
    fr_08 BIGINT NOT NULL DEFAULT 0,
    fr_09 BIGINT NOT NULL DEFAULT 0,
    fr_10 BIGINT NOT NULL DEFAULT 0,
    fr_11 BIGINT NOT NULL DEFAULT 0,
    fr_12 BIGINT NOT NULL DEFAULT 0,
    fr_13 BIGINT NOT NULL DEFAULT 0,
    fr_14 BIGINT NOT NULL DEFAULT 0,
    fr_15 BIGINT NOT NULL DEFAULT 0,
    fr_16 BIGINT NOT NULL DEFAULT 0,
    fr_17 BIGINT NOT NULL DEFAULT 0,
    fr_18 BIGINT NOT NULL DEFAULT 0,
    fr_19 BIGINT NOT NULL DEFAULT 0,
    fr_20 BIGINT NOT NULL DEFAULT 0,
    fr_21 BIGINT NOT NULL DEFAULT 0,
    fr_22 BIGINT NOT NULL DEFAULT 0,
    res_00 BIGINT NOT NULL DEFAULT 0,
    res_01 BIGINT NOT NULL DEFAULT 0,
    res_02 BIGINT NOT NULL DEFAULT 0,
    res_03 BIGINT NOT NULL DEFAULT 0,
    res_04 BIGINT NOT NULL DEFAULT 0,
    res_05 BIGINT NOT NULL DEFAULT 0,
    res_06 BIGINT NOT NULL DEFAULT 0,
    res_07 BIGINT NOT NULL DEFAULT 0,
    res_08 BIGINT NOT NULL DEFAULT 0,
    res_09 BIGINT NOT NULL DEFAULT 0,
    res_10 BIGINT NOT NULL DEFAULT 0,
    res_11 BIGINT NOT NULL DEFAULT 0,
    res_12 BIGINT NOT NULL DEFAULT 0,
    res_13 BIGINT NOT NULL DEFAULT 0,
    res_14 BIGINT NOT NULL DEFAULT 0,
    res_15 BIGINT NOT NULL DEFAULT 0,
    res_16 BIGINT NOT NULL DEFAULT 0,
    res_17 BIGINT NOT NULL DEFAULT 0,
    res_18 BIGINT NOT NULL DEFAULT 0,
    res_19 BIGINT NOT NULL DEFAULT 0,
    res_20 BIGINT NOT NULL DEFAULT 0,
    res_21 BIGINT NOT NULL DEFAULT 0,
    res_22 BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (month, topic, setting, region_code, age_band, provider)
);
CREATE INDEX trend_rollup_by_provider ON trend_rollup (provider, month);
CREATE INDEX trend_rollup_by_region ON trend_rollup (region_code, month);
