package nl.gehoord.trends;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What signal counts for councils are made of: the signals of a month (their theme and record key only) within a
 * scope, and the stored published counts. Reads the signals feature's table; writes only its own.
 */
@RegisterConstructorMapper(SignalTrendsDao.Keyed.class)
@RegisterConstructorMapper(SignalTrendsDao.Published.class)
public interface SignalTrendsDao {
    /** A signal as the count sees it: its theme and record key. */
    record Keyed(String theme, long recordKey) {
    }

    /** One stored published count. */
    record Published(String month, String theme, long signals) {
    }

    @SqlQuery("""
            SELECT s.id FROM signals s LEFT JOIN signal_record_keys k ON k.signal_id = s.id
            WHERE s.created_at >= :from AND s.created_at < :to AND k.signal_id IS NULL ORDER BY s.id
            """)
    List<String> withoutKey(long from, long to);

    @SqlBatch("INSERT INTO signal_record_keys (signal_id, record_key) VALUES (:signalId, :recordKey)")
    void insertKeys(List<String> signalId, List<Long> recordKey);

    @SqlQuery("""
            SELECT s.theme, k.record_key FROM signals s
            JOIN signal_record_keys k ON k.signal_id = s.id JOIN locations l ON l.id = s.location_id
            WHERE l.provider IN (<providers>) AND s.created_at >= :from AND s.created_at < :to
            """)
    List<Keyed> ofProviders(@BindList("providers") List<String> providers, long from, long to);

    @SqlQuery("""
            SELECT s.theme, k.record_key FROM signals s
            JOIN signal_record_keys k ON k.signal_id = s.id JOIN locations l ON l.id = s.location_id
            JOIN regions r ON r.code = l.region_code
            WHERE r.municipality IN (<municipalities>) AND s.created_at >= :from AND s.created_at < :to
            """)
    List<Keyed> ofMunicipalities(@BindList("municipalities") List<String> municipalities, long from, long to);

    /** Claims a month's publication for a scope: 1 when this transaction publishes it, 0 when it was already. */
    @SqlUpdate("""
            INSERT INTO signal_published_months (scope_key, month) VALUES (:scopeKey, :month)
            ON CONFLICT (scope_key, month) DO NOTHING
            """)
    int claim(String scopeKey, String month);

    @SqlBatch("""
            INSERT INTO signal_published_cells (scope_key, month, theme, signals)
            VALUES (:scopeKey, :month, :theme, :signals)
            """)
    void insertCells(String scopeKey, String month, List<String> theme, List<Long> signals);

    @SqlQuery("""
            SELECT c.month, c.theme, c.signals FROM signal_published_cells c
            WHERE c.scope_key = :scopeKey AND c.month >= :from AND c.month <= :to
            """)
    List<Published> cells(String scopeKey, String from, String to);

    @SqlQuery("""
            SELECT month FROM signal_published_months WHERE scope_key = :scopeKey AND month >= :from AND month <= :to
            """)
    List<String> published(String scopeKey, String from, String to);
}
