package nl.gehoord.trends;

import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.events.CaseEventListener;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Keeps trend_rollup current inside the transaction that changed a case. Whatever the event, it reads the case's
 * coded facts, subtracts the case's previous contribution and adds the new one, so the result does not depend on
 * which events arrive or in which order.
 */
public final class TrendRollup implements CaseEventListener {
    private static final String KEY_COLUMNS = "month, topic, setting, region_code, age_band, provider";
    private static final String UPSERT = buildUpsert("trend_rollup", KEY_COLUMNS);
    private static final String UPSERT_REGION = buildUpsert("trend_rollup_region",
            "region_code, month, topic, setting, age_band");

    private final SecretHasher hasher;
    private final Clock clock;

    public TrendRollup(SecretHasher hasher, Clock clock) {
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public void on(Handle handle, CaseEvent event) {
        refresh(handle, event.caseId());
    }

    /** Brings one case's contribution up to date. Safe to call any number of times. */
    public void refresh(Handle handle, String caseId) {
        String key = factKey(caseId);
        Optional<CaseFacts> old = handle.createQuery("SELECT * FROM trend_case_facts WHERE fact_key = :key")
                .bind("key", key).map((rs, ctx) -> new CaseFacts(rs.getString("month"), rs.getString("topic"),
                        rs.getString("setting"), rs.getString("region_code"), rs.getString("age_band"),
                        rs.getString("provider"), rs.getString("outcome"), rs.getInt("formal") == 1,
                        rs.getString("sla"), nullableInt(rs, "fr_bucket"),
                        nullableInt(rs, "res_bucket")))
                .findOne();
        Optional<CaseFacts> current = readCase(handle, caseId, old.orElse(null));
        if (current.isEmpty()) {
            return; // the case row is gone (retention): its last contribution stays counted
        }
        apply(handle, key, old.orElse(null), current.get());
    }

    /** Applies a change of one case's facts to the rollup and stores the new facts. */
    public static void apply(Handle handle, String factKey, CaseFacts old, CaseFacts now) {
        if (now.sameAs(old)) {
            return;
        }
        bumpVersion(handle, now.month());
        if (old != null && !old.month().equals(now.month())) {
            bumpVersion(handle, old.month());
        }
        if (old == null) {
            add(handle, now, now.contribution());
        } else if (old.sameCell(now)) {
            add(handle, now, CaseFacts.minus(now.contribution(), old.contribution()));
        } else {
            add(handle, old, CaseFacts.negate(old.contribution()));
            add(handle, now, now.contribution());
        }
        handle.createUpdate("""
                INSERT INTO trend_case_facts (fact_key, month, topic, setting, region_code, age_band, provider, outcome,
                                              formal, sla, fr_bucket, res_bucket)
                VALUES (:key, :month, :topic, :setting, :regionCode, :ageBand, :provider, :outcome, :formal, :sla,
                        :frBucket, :resBucket)
                ON CONFLICT (fact_key) DO UPDATE SET month = excluded.month, topic = excluded.topic,
                    setting = excluded.setting, region_code = excluded.region_code, age_band = excluded.age_band,
                    provider = excluded.provider, outcome = excluded.outcome, formal = excluded.formal,
                    sla = excluded.sla, fr_bucket = excluded.fr_bucket, res_bucket = excluded.res_bucket
                """).bind("key", factKey).bindMethods(now).bind("formal", now.formal() ? 1 : 0).execute();
    }

    /** Raises the month's version, so the warm-up on every server instance sees that the month changed. */
    private static void bumpVersion(Handle handle, String month) {
        handle.createUpdate("""
                INSERT INTO trend_month_versions (month, version) VALUES (:month, 1)
                ON CONFLICT (month) DO UPDATE SET version = trend_month_versions.version + 1
                """).bind("month", month).execute();
    }

    private static void add(Handle handle, CaseFacts cell, long[] delta) {
        if (CaseFacts.isZero(delta)) {
            return;
        }
        for (String sql : new String[] {UPSERT, UPSERT_REGION}) {
            Update update = handle.createUpdate(sql).bindMethods(cell);
            for (int i = 0; i < delta.length; i++) {
                update.bind("v" + i, delta[i]);
            }
            update.execute();
        }
        if (delta[0] < 0) {
            handle.createUpdate("""
                    DELETE FROM trend_rollup WHERE month = :month AND topic = :topic AND setting = :setting
                      AND region_code = :regionCode AND age_band = :ageBand AND provider = :provider AND cases = 0
                    """).bindMethods(cell).execute();
            handle.createUpdate("""
                    DELETE FROM trend_rollup_region WHERE month = :month AND topic = :topic AND setting = :setting
                      AND region_code = :regionCode AND age_band = :ageBand AND cases = 0
                    """).bindMethods(cell).execute();
        }
    }

    private static String buildUpsert(String table, String keyColumns) {
        String[] cols = CaseFacts.VALUE_COLUMNS;
        String names = String.join(", ", cols);
        String values = Stream.iterate(0, i -> i + 1).limit(cols.length).map(i -> ":v" + i)
                .collect(Collectors.joining(", "));
        String sets = Stream.of(cols).map(c -> c + " = " + table + "." + c + " + excluded." + c)
                .collect(Collectors.joining(", "));
        String keys = Stream.of(keyColumns.split(", ")).map(c -> switch (c) {
            case "region_code" -> ":regionCode";
            case "age_band" -> ":ageBand";
            default -> ":" + c;
        }).collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + keyColumns + ", " + names + ") VALUES (" + keys + ", " + values
                + ") ON CONFLICT (" + keyColumns + ") DO UPDATE SET " + sets;
    }

    String factKey(String caseId) {
        return hasher.hmac("trend-facts:" + caseId);
    }

    private Optional<CaseFacts> readCase(Handle handle, String caseId, CaseFacts old) {
        return handle.createQuery("""
                        SELECT c.topic, c.setting, c.region_code, c.age_band, c.status, c.created_at,
                               c.first_response_at, c.first_response_due_at, c.closed_at, l.provider,
                               (SELECT COUNT(*) FROM case_events e
                                 WHERE e.case_id = c.id AND e.status = 'formal_complaint') AS formal_events
                        FROM cases c LEFT JOIN locations l ON l.id = c.location_id
                        WHERE c.id = :id
                        """).bind("id", caseId)
                .map((rs, ctx) -> facts(rs.getString("topic"), rs.getString("setting"), rs.getString("region_code"),
                        rs.getString("age_band"), rs.getString("provider"), rs.getString("status"),
                        rs.getLong("created_at"), nullableLong(rs, "first_response_at"),
                        nullableLong(rs, "first_response_due_at"),
                        nullableLong(rs, "closed_at"), rs.getInt("formal_events") > 0, old,
                        clock.millis()))
                .findOne();
    }

    /** The facts of a case as it stands now; {@code old} keeps what erasure removed from the case row. */
    public static CaseFacts facts(String topic, String setting, String regionCode, String ageBand, String provider,
                                  String status, long createdAt, Long firstResponseAt, Long firstResponseDueAt,
                                  Long closedAt, boolean formalInTimeline, CaseFacts old, long now) {
        String keptProvider = provider != null ? provider : old != null ? old.provider() : "";
        String outcome = switch (status) {
            case "resolved" -> CaseFacts.RESOLVED;
            case "closed" -> CaseFacts.CLOSED;
            case "withdrawn" -> CaseFacts.WITHDRAWN;
            default -> CaseFacts.OPEN;
        };
        boolean formal = "formal_complaint".equals(status) || formalInTimeline || (old != null && old.formal());
        String sla = CaseFacts.SLA_PENDING;
        if (firstResponseDueAt != null) {
            if (firstResponseAt != null) {
                sla = firstResponseAt <= firstResponseDueAt ? CaseFacts.SLA_MET : CaseFacts.SLA_MISSED;
            } else {
                long until = closedAt != null ? closedAt : now;
                sla = until > firstResponseDueAt ? CaseFacts.SLA_MISSED : CaseFacts.SLA_PENDING;
            }
        }
        Integer fr = firstResponseAt == null ? null : TrendBuckets.bucketOf(firstResponseAt - createdAt);
        Integer res = closedAt != null && (outcome.equals(CaseFacts.RESOLVED) || outcome.equals(CaseFacts.CLOSED))
                ? TrendBuckets.bucketOf(closedAt - createdAt) : null;
        return new CaseFacts(TrendDims.month(createdAt), TrendDims.topic(topic), TrendDims.setting(setting),
                regionCode, TrendDims.ageBand(ageBand), keptProvider, outcome, formal, sla, fr, res);
    }

    private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
