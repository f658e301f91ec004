package nl.gehoord.trends;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.gehoord.intake.CaseStatus;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
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
    String VALUES = Stream.of(CaseFacts.VALUE_COLUMNS).map(c -> ":" + c).collect(Collectors.joining(", "));
    String ADD_ROLLUP = sums("trend_rollup");
    String ADD_REGION = sums("trend_rollup_region");

    private static String sums(String table) {
        return Stream.of(CaseFacts.VALUE_COLUMNS).map(c -> c + " = " + table + "." + c + " + excluded." + c)
                .collect(Collectors.joining(", "));
    }

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
    /** One positional parameter per value column: some forty values per row, bound by position. */
    String VALUE_PARAMETERS = String.join(", ", Collections.nCopies(CaseFacts.VALUE_COLUMNS.length, "?"));
    String ADD_TO_ROLLUP = "INSERT INTO trend_rollup (month, topic, setting, region_code, age_band, provider, "
            + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, " + VALUE_PARAMETERS
            + ") ON CONFLICT (month, topic, setting, region_code, age_band, provider) DO UPDATE SET " + ADD_ROLLUP;
    String ADD_TO_REGION_ROLLUP = "INSERT INTO trend_rollup_region (region_code, month, topic, setting, age_band, "
            + COLUMNS + ") VALUES (?, ?, ?, ?, ?, " + VALUE_PARAMETERS
            + ") ON CONFLICT (region_code, month, topic, setting, age_band) DO UPDATE SET " + ADD_REGION;

    static void storeFacts(Handle h, String key, CaseFacts f) {
        h.createUpdate(STORE_FACTS).bind("key", key).bind("month", f.month()).bind("topic", f.topic())
                .bind("setting", f.setting()).bind("regionCode", f.regionCode()).bind("ageBand", f.ageBand())
                .bind("provider", f.provider()).bind("outcome", f.outcome()).bind("formal", f.formalFlag())
                .bind("sla", f.sla()).bind("frBucket", f.frBucket()).bind("resBucket", f.resBucket())
                .bind("recordKey", f.recordKey()).execute();
    }

    /** Notes that a month holds data, so the background publication knows which months to publish. */
    static void markMonth(Handle h, String month) {
        h.createUpdate("INSERT INTO trend_month_versions (month, version) VALUES (:month, 1) ON CONFLICT (month) DO NOTHING")
                .bind("month", month).execute();
    }

    /** Adds a change of counts to the cell's rows in both rollups (and drops rows left without cases). */
    static void add(Handle h, CaseFacts cell, long[] delta) {
        Update rollup = h.createUpdate(ADD_TO_ROLLUP).bind(0, cell.month()).bind(1, cell.topic())
                .bind(2, cell.setting()).bind(3, cell.regionCode()).bind(4, cell.ageBand()).bind(5, cell.provider());
        Update region = h.createUpdate(ADD_TO_REGION_ROLLUP).bind(0, cell.regionCode()).bind(1, cell.month())
                .bind(2, cell.topic()).bind(3, cell.setting()).bind(4, cell.ageBand());
        for (int i = 0; i < delta.length; i++) {
            rollup.bind(6 + i, delta[i]);
            region.bind(5 + i, delta[i]);
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
