-- Trends: a version per month, raised in the same transaction that changes the month's rollup. The background
-- warm-up of the protecting changes (TrendsWarmer) reads it to learn which months changed, whichever server
-- instance changed them. It only decides what to compute ahead; whether a computed result still fits the data
-- is decided by a fingerprint of the data itself (ChangeCache), so a missed or late version costs time, never
-- correctness (see docs/trends.md, Speed).
CREATE TABLE trend_month_versions (
    month   TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);

INSERT INTO trend_month_versions (month, version) SELECT DISTINCT month, 1 FROM trend_rollup;
