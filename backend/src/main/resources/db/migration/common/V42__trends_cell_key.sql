-- Trends published with the cell-key method (see docs/trends.md, Method).
--
-- Each case's random record key (drawn from the server's SecureRandom when the case is first counted, never shown).
-- Rows counted before this column existed get their key at start-up (TrendRollup.assignMissingKeys).
ALTER TABLE trend_case_facts ADD COLUMN record_key BIGINT;

-- Per rollup row the sum of its cases' record keys, in all and per layer value; a cell's key is the sum modulo 2^32.
ALTER TABLE trend_rollup ADD COLUMN key_all BIGINT NOT NULL DEFAULT 0;
ALTER TABLE trend_rollup ADD COLUMN key_open BIGINT NOT NULL DEFAULT 0;
ALTER TABLE trend_rollup ADD COLUMN key_resolved BIGINT NOT NULL DEFAULT 0;
ALTER TABLE trend_rollup ADD COLUMN key_closed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE trend_rollup ADD COLUMN key_withdrawn BIGINT NOT NULL DEFAULT 0;
ALTER TABLE trend_rollup ADD COLUMN key_formal BIGINT NOT NULL DEFAULT 0;
ALTER TABLE trend_rollup ADD COLUMN key_sla_met BIGINT NOT NULL DEFAULT 0;
ALTER TABLE trend_rollup ADD COLUMN key_sla_missed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE trend_rollup_region ADD COLUMN key_all BIGINT NOT NULL DEFAULT 0;
ALTER TABLE trend_rollup_region ADD COLUMN key_open BIGINT NOT NULL DEFAULT 0;
ALTER TABLE trend_rollup_region ADD COLUMN key_resolved BIGINT NOT NULL DEFAULT 0;
ALTER TABLE trend_rollup_region ADD COLUMN key_closed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE trend_rollup_region ADD COLUMN key_withdrawn BIGINT NOT NULL DEFAULT 0;
ALTER TABLE trend_rollup_region ADD COLUMN key_formal BIGINT NOT NULL DEFAULT 0;
ALTER TABLE trend_rollup_region ADD COLUMN key_sla_met BIGINT NOT NULL DEFAULT 0;
ALTER TABLE trend_rollup_region ADD COLUMN key_sla_missed BIGINT NOT NULL DEFAULT 0;

-- The published numbers of an ended month, per council scope: computed once and stored, so that an answer never
-- depends on the day it is asked and a range is the sum of its months. scope_key is a SHA-256 of the scope's kind
-- and values (CouncilScope.key). layers_final: the layer values (outcomes, formal complaints, first response on
-- time) and duration histograms were computed once the month was old enough; before that they are the values of
-- the first publication, shown as not final.
CREATE TABLE trend_published_months (
    scope_key    TEXT NOT NULL,
    month        TEXT NOT NULL,
    layers_final BOOLEAN NOT NULL,
    PRIMARY KEY (scope_key, month)
);

-- One published cell: dims names the category dimensions of its table in a fixed order (topic, setting, region,
-- ageBand; '' for the total), cell their values joined by U+001F. Counts are already perturbed; the histograms are
-- exact and only ever shown as a median bucket when the minimum group size lies behind them. Cells with no case
-- are not stored (0 stays 0).
CREATE TABLE trend_published_cells (
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
