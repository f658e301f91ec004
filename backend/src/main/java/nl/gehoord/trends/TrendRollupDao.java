package nl.gehoord.trends;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.gehoord.intake.CaseStatus;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The rollup's tables: each case's facts (trend_case_facts), the two rollups and the months that hold data. The
 * value columns of the rollups (counts, histograms, key sums) are listed once, in {@link CaseFacts#VALUE_COLUMNS},
 * and filled into the statements through {@code <columns>}-style definitions.
 */
@RegisterConstructorMapper(CaseFacts.class)
@RegisterConstructorMapper(TrendRollupDao.CaseRow.class)
public interface TrendRollupDao {
    /** The coded fields of a case that its facts come from. */
    record CaseRow(String topic, String setting, String regionCode, String ageBand, CaseStatus status, long createdAt,
                   Long firstResponseAt, Long firstResponseDueAt, Long closedAt, String provider, int formalEvents) {
    }

    String COLUMNS = String.join(", ", CaseFacts.VALUE_COLUMNS);
    String VALUES = Stream.of(CaseFacts.VALUE_COLUMNS).map(c -> ":v." + c).collect(Collectors.joining(", "));
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

    @SqlUpdate("""
            INSERT INTO trend_case_facts (fact_key, month, topic, setting, region_code, age_band, provider, outcome,
                                          formal, sla, fr_bucket, res_bucket, record_key)
            VALUES (:key, :f.month, :f.topic, :f.setting, :f.regionCode, :f.ageBand, :f.provider, :f.outcome,
                    :f.formalFlag, :f.sla, :f.frBucket, :f.resBucket, :f.recordKey)
            ON CONFLICT (fact_key) DO UPDATE SET month = excluded.month, topic = excluded.topic,
                setting = excluded.setting, region_code = excluded.region_code, age_band = excluded.age_band,
                provider = excluded.provider, outcome = excluded.outcome, formal = excluded.formal,
                sla = excluded.sla, fr_bucket = excluded.fr_bucket, res_bucket = excluded.res_bucket,
                record_key = excluded.record_key
            """)
    void storeFacts(String key, @BindMethods("f") CaseFacts facts);

    /** Notes that a month holds data, so the background publication knows which months to publish. */
    @SqlUpdate("""
            INSERT INTO trend_month_versions (month, version) VALUES (:month, 1) ON CONFLICT (month) DO NOTHING
            """)
    void markMonth(String month);

    @SqlUpdate("""
            INSERT INTO trend_rollup (month, topic, setting, region_code, age_band, provider, <columns>)
            VALUES (:c.month, :c.topic, :c.setting, :c.regionCode, :c.ageBand, :c.provider, <values>)
            ON CONFLICT (month, topic, setting, region_code, age_band, provider) DO UPDATE SET <sums>
            """)
    void addToRollup(@BindMethods("c") CaseFacts cell, @BindMap("v") Map<String, Object> delta,
                     @Define("columns") String columns, @Define("values") String values, @Define("sums") String sums);

    @SqlUpdate("""
            INSERT INTO trend_rollup_region (region_code, month, topic, setting, age_band, <columns>)
            VALUES (:c.regionCode, :c.month, :c.topic, :c.setting, :c.ageBand, <values>)
            ON CONFLICT (region_code, month, topic, setting, age_band) DO UPDATE SET <sums>
            """)
    void addToRegionRollup(@BindMethods("c") CaseFacts cell, @BindMap("v") Map<String, Object> delta,
                           @Define("columns") String columns, @Define("values") String values,
                           @Define("sums") String sums);

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

    /** Adds a change of counts to the cell's rows in both rollups (and drops rows left without cases). */
    default void add(CaseFacts cell, long[] delta) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < delta.length; i++) {
            values.put(CaseFacts.VALUE_COLUMNS[i], delta[i]);
        }
        addToRollup(cell, values, COLUMNS, VALUES, ADD_ROLLUP);
        addToRegionRollup(cell, values, COLUMNS, VALUES, ADD_REGION);
        if (delta[0] < 0) {
            deleteEmptyRollupRow(cell);
            deleteEmptyRegionRow(cell);
        }
    }

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
