-- The published numbers of a rolling year (the twelve months ending at `month`), per council scope: perturbed once
-- as cells of their own, like a month, so that a twelve-month answer is one perturbed number and not the sum of
-- twelve (docs/trends.md, Years). Same meaning of every column as trend_published_months and trend_published_cells;
-- layers_final once the last month of the year is old enough.
CREATE TABLE trend_published_years (
    scope_key    TEXT NOT NULL,
    month        TEXT NOT NULL,
    layers_final BOOLEAN NOT NULL,
    PRIMARY KEY (scope_key, month)
);

CREATE TABLE trend_published_year_cells (
    scope_key   TEXT NOT NULL,
    dims        TEXT NOT NULL,
    month       TEXT NOT NULL,
    cell        TEXT NOT NULL,
    cases       BIGINT NOT NULL,
    o_open      BIGINT NOT NULL,
    o_resolved  BIGINT NOT NULL,
    o_closed    BIGINT NOT NULL,
    o_withdrawn BIGINT NOT NULL,
    formal      BIGINT NOT NULL,
    sla_met     BIGINT NOT NULL,
    sla_missed  BIGINT NOT NULL,
    sla_pending BIGINT NOT NULL,
    fr_hist     TEXT,
    res_hist    TEXT,
    PRIMARY KEY (scope_key, dims, month, cell)
);
