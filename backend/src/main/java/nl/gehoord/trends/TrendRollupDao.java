package nl.gehoord.trends;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.gehoord.db.DirectSql;
import nl.gehoord.intake.CaseStatus;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The rollup's tables: each case's facts (trend_case_facts), the two rollups and the months that hold data. The
 * value columns of the rollups (counts, histograms, key sums) are listed once, in {@link CaseFacts#VALUE_COLUMNS},
 * and written into the statements from there.
 */
@RegisterConstructorMapper(CaseFacts.class)
@RegisterConstructorMapper(TrendRollupDao.CaseRow.class)
public interface TrendRollupDao {
    /** The coded fields of a case that its facts come from. */
    record CaseRow(String topic, String setting, String regionCode, String ageBand, CaseStatus status, long createdAt,
                   Long firstResponseAt, Long firstResponseDueAt, Long closedAt, String provider, int formalEvents) {
    }

    String COLUMNS = String.join(", ", CaseFacts.VALUE_COLUMNS);

    @SqlQuery("""
            SELECT month, topic, setting, region_code, age_band, provider, outcome, formal, sla, fr_bucket,
                   res_bucket, COALESCE(record_key, 0) AS record_key
            FROM trend_case_facts WHERE fact_key = :key
            """)
    Optional<CaseFacts> facts(String key);

    @SqlQuery("SELECT fact_key FROM trend_case_facts WHERE record_key IS NULL")
    List<String> factKeysWithoutRecordKey();

    // A case submission writes its facts and both rollups on the single writer's thread: these statements are bound
    // by hand and called without attaching this interface (Jdbi's SqlObject machinery, with reflective binding of
    // every value column, cost several times the statements themselves).

    String STORE_FACTS = """
            INSERT INTO trend_case_facts (fact_key, month, topic, setting, region_code, age_band, provider, outcome,
                                          formal, sla, fr_bucket, res_bucket, record_key)
            VALUES (:key, :month, :topic, :setting, :regionCode, :ageBand, :provider, :outcome,
                    :formal, :sla, :frBucket, :resBucket, :recordKey)
            ON CONFLICT (fact_key) DO UPDATE SET month = excluded.month, topic = excluded.topic,
                setting = excluded.setting, region_code = excluded.region_code, age_band = excluded.age_band,
                provider = excluded.provider, outcome = excluded.outcome, formal = excluded.formal,
                sla = excluded.sla, fr_bucket = excluded.fr_bucket, res_bucket = excluded.res_bucket,
                record_key = excluded.record_key
            """;
    /**
     * The two additions for one set of changed value columns, with only those columns bound: a new case changes
     * four of some fifty. Each set's statement text is made once, so its parse and prepared statement are reused.
     */
    final class Additions {
        private static final java.util.Map<Long, Additions> BY_COLUMNS = new java.util.concurrent.ConcurrentHashMap<>();

        static {
            if (CaseFacts.VALUE_COLUMNS.length > Long.SIZE) {
                throw new IllegalStateException("more value columns than bits in the set of changed ones");
            }
        }

        final String rollup;
        final String region;

        private Additions(long changed) {
            List<String> columns = new java.util.ArrayList<>();
            for (int i = 0; i < CaseFacts.VALUE_COLUMNS.length; i++) {
                if ((changed & (1L << i)) != 0) {
                    columns.add(CaseFacts.VALUE_COLUMNS[i]);
                }
            }
            String names = String.join(", ", columns);
            String parameters = String.join(", ", Collections.nCopies(columns.size(), "?"));
            rollup = "INSERT INTO trend_rollup (month, topic, setting, region_code, age_band, provider, " + names
                    + ") VALUES (?, ?, ?, ?, ?, ?, " + parameters
                    + ") ON CONFLICT (month, topic, setting, region_code, age_band, provider) DO UPDATE SET "
                    + sums("trend_rollup", columns);
            region = "INSERT INTO trend_rollup_region (region_code, month, topic, setting, age_band, " + names
                    + ") VALUES (?, ?, ?, ?, ?, " + parameters
                    + ") ON CONFLICT (region_code, month, topic, setting, age_band) DO UPDATE SET "
                    + sums("trend_rollup_region", columns);
        }

        private static String sums(String table, List<String> columns) {
            return columns.stream().map(c -> c + " = " + table + "." + c + " + excluded." + c)
                    .collect(Collectors.joining(", "));
        }

        static Additions of(long[] delta) {
            long changed = 0;
            for (int i = 0; i < delta.length; i++) {
                if (delta[i] != 0) {
                    changed |= 1L << i;
                }
            }
            return changed == 0 ? null : BY_COLUMNS.computeIfAbsent(changed, Additions::new);
        }
    }

    static void storeFacts(Handle h, String key, CaseFacts f) {
        DirectSql.update(h, STORE_FACTS).bind("key", key).bind("month", f.month()).bind("topic", f.topic())
                .bind("setting", f.setting()).bind("regionCode", f.regionCode()).bind("ageBand", f.ageBand())
                .bind("provider", f.provider()).bind("outcome", f.outcome()).bind("formal", f.formalFlag())
                .bind("sla", f.sla()).bind("frBucket", f.frBucket()).bind("resBucket", f.resBucket())
                .bind("recordKey", f.recordKey()).execute();
    }

    /** Notes that a month holds data, so the background publication knows which months to publish. */
    static void markMonth(Handle h, String month) {
        DirectSql.update(h, "INSERT INTO trend_month_versions (month, version) VALUES (:month, 1) ON CONFLICT (month) DO NOTHING")
                .bind("month", month).execute();
    }

    /** Adds a change of counts to the cell's rows in both rollups (and drops rows left without cases). */
    static void add(Handle h, CaseFacts cell, long[] delta) {
        Additions additions = Additions.of(delta);
        if (additions == null) {
            return; // nothing changes
        }
        DirectSql.Update rollup = DirectSql.update(h, additions.rollup).bind(0, cell.month()).bind(1, cell.topic())
                .bind(2, cell.setting()).bind(3, cell.regionCode()).bind(4, cell.ageBand()).bind(5, cell.provider());
        DirectSql.Update region = DirectSql.update(h, additions.region).bind(0, cell.regionCode()).bind(1, cell.month())
                .bind(2, cell.topic()).bind(3, cell.setting()).bind(4, cell.ageBand());
        int bound = 0;
        for (long value : delta) {
            if (value != 0) {
                rollup.bind(6 + bound, value);
                region.bind(5 + bound, value);
                bound++;
            }
        }
        rollup.execute();
        region.execute();
        if (delta[0] < 0) {
            h.attach(TrendRollupDao.class).deleteEmptyRows(cell);
        }
    }


    /** Drops the cell's rows in both rollups once no case is left in them. */
    default void deleteEmptyRows(CaseFacts cell) {
        deleteEmptyRollupRow(cell);
        deleteEmptyRegionRow(cell);
    }

    @SqlUpdate("""
            DELETE FROM trend_rollup WHERE month = :c.month AND topic = :c.topic AND setting = :c.setting
              AND region_code = :c.regionCode AND age_band = :c.ageBand AND provider = :c.provider AND cases = 0
            """)
    void deleteEmptyRollupRow(@BindMethods("c") CaseFacts cell);

    @SqlUpdate("""
            DELETE FROM trend_rollup_region WHERE month = :c.month AND topic = :c.topic AND setting = :c.setting
              AND region_code = :c.regionCode AND age_band = :c.ageBand AND cases = 0
            """)
    void deleteEmptyRegionRow(@BindMethods("c") CaseFacts cell);

    @SqlQuery("""
            SELECT c.topic, c.setting, c.region_code, c.age_band, c.status, c.created_at, c.first_response_at,
                   c.first_response_due_at, c.closed_at, l.provider,
                   (SELECT COUNT(*) FROM case_events e
                     WHERE e.case_id = c.id AND e.status = 'formal_complaint') AS formal_events
            FROM cases c LEFT JOIN locations l ON l.id = c.location_id
            WHERE c.id = :id
            """)
    Optional<CaseRow> caseRow(String id);
}
