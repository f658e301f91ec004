-- Rate-limit buckets shared by every instance on this database (Bucket4j's PostgreSQL backend takes a row
-- lock per bucket). The id is an HMAC of the limit and its key (a device, an address, an account), so the
-- table names no one; state is Bucket4j's serialised bucket; expires_at (epoch ms) is when a bucket has
-- filled up again and carries no information, after which it is removed.
CREATE TABLE rate_limit_buckets (
    id         TEXT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_buckets_by_expiry ON rate_limit_buckets (expires_at);
