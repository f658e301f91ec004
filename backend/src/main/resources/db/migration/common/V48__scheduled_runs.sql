-- The last day (Amsterdam date, yyyy-mm-dd) on which a daily job ran. Every instance's scheduler fires at
-- the same time; the one whose update moves the day forward runs the job, the others skip it.
CREATE TABLE scheduled_runs (
    job      TEXT PRIMARY KEY,
    last_day TEXT NOT NULL
);
