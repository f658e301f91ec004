package nl.gehoord.trends;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Bulk writes of the rollup's tables for benchmark data: the same rows {@link TrendRollupDao} writes one case at a
 * time, written as prepared batches of many rows.
 */
@RegisterConstructorMapper(TrendBulkDao.CaseRowWithId.class)
interface TrendBulkDao {
    /** A case's coded fields, as {@link TrendRollupDao#caseRow} reads them, with its id. */
    record CaseRowWithId(String id, String topic, String setting, String regionCode, String ageBand,
                         nl.gehoord.intake.CaseStatus status, long createdAt, Long firstResponseAt,
                         Long firstResponseDueAt, Long closedAt, String provider, int formalEvents) {
        TrendRollupDao.CaseRow row() {
            return new TrendRollupDao.CaseRow(topic, setting, regionCode, ageBand, status, createdAt, firstResponseAt,
                    firstResponseDueAt, closedAt, provider, formalEvents);
        }
    }

    /** Every case with its facts' inputs, in id order (the order the record keys are drawn in). */
    @SqlQuery("""
            SELECT c.id, c.topic, c.setting, c.region_code, c.age_band, c.status, c.created_at, c.first_response_at,
                   c.first_response_due_at, c.closed_at, l.provider, COALESCE(e.n, 0) AS formal_events
            FROM cases c LEFT JOIN locations l ON l.id = c.location_id
            LEFT JOIN (SELECT case_id, COUNT(*) AS n FROM case_events WHERE status = 'formal_complaint'
                       GROUP BY case_id) e ON e.case_id = c.id
            ORDER BY c.id
            """)
    List<CaseRowWithId> cases();

    @SqlBatch("""
            INSERT INTO trend_case_facts (fact_key, month, topic, setting, region_code, age_band, provider, outcome,
                                          formal, sla, fr_bucket, res_bucket, record_key)
            VALUES (:key, :f.month, :f.topic, :f.setting, :f.regionCode, :f.ageBand, :f.provider, :f.outcome,
                    :f.formalFlag, :f.sla, :f.frBucket, :f.resBucket, :f.recordKey)
            """)
    void insertFacts(List<String> key, @BindMethods("f") List<CaseFacts> facts);

    @SqlBatch("INSERT INTO trend_month_versions (month, version) VALUES (:month, 1) ON CONFLICT (month) DO NOTHING")
    void markMonths(List<String> month);

    @SqlBatch("""
            INSERT INTO trend_rollup (month, topic, setting, region_code, age_band, provider, <columns>)
            VALUES (:c.month, :c.topic, :c.setting, :c.regionCode, :c.ageBand, :c.provider, <values>)
            """)
    void insertRollup(@BindMethods("c") List<CaseFacts> cells, @BindMap("v") List<Map<String, Object>> values,
                      @Define("columns") String columns, @Define("values") String valueNames);

    @SqlBatch("""
            INSERT INTO trend_rollup_region (region_code, month, topic, setting, age_band, <columns>)
            VALUES (:c.regionCode, :c.month, :c.topic, :c.setting, :c.ageBand, <values>)
            """)
    void insertRegionRollup(@BindMethods("c") List<CaseFacts> cells, @BindMap("v") List<Map<String, Object>> values,
                            @Define("columns") String columns, @Define("values") String valueNames);
}
