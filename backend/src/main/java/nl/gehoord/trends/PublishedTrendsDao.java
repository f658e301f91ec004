package nl.gehoord.trends;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What trends publish: the stored months and years and their cells per scope (trend_published_*, the table names
 * given by {@link Span}), and what they are computed from (the scope's rollup rows of the months they cover).
 */
@RegisterConstructorMapper(PublishedCell.class)
@RegisterConstructorMapper(PublishedTrendsDao.PublishedMonth.class)
@RegisterConstructorMapper(PublishedTrendsDao.RegionName.class)
@RegisterRowMapper(PublishedTrendsDao.AtomMapper.class)
public interface PublishedTrendsDao {
    /** A stored month of a scope; layersFinal once its layer values were computed for good. */
    record PublishedMonth(String month, boolean layersFinal) {
    }

    record RegionName(String code, String name) {
    }

    /** One rollup row of a scope: its topic, setting, region and age band, its month, and its value columns. */
    record Atom(List<String> values, String month, long[] v) {
    }

    final class AtomMapper implements RowMapper<Atom> {
        @Override
        public Atom map(ResultSet rs, StatementContext ctx) throws SQLException {
            long[] v = new long[CaseFacts.VALUE_COLUMNS.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = rs.getLong(6 + i);
            }
            return new Atom(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                    rs.getString(5), v);
        }
    }

    String SUMS = Stream.of(CaseFacts.VALUE_COLUMNS).map(c -> "SUM(" + c + ")").collect(Collectors.joining(", "));

    @SqlQuery("""
            SELECT topic, setting, region_code, age_band, month, <sums> FROM trend_rollup_region
            WHERE region_code IN (<regions>) AND month >= :from AND month <= :to
            GROUP BY topic, setting, region_code, age_band, month HAVING SUM(cases) > 0
            """)
    List<Atom> regionAtoms(@BindList("regions") List<String> regions, String from, String to,
                           @Define("sums") String sums);

    @SqlQuery("""
            SELECT topic, setting, region_code, age_band, month, <sums> FROM trend_rollup
            WHERE provider IN (<providers>) AND month >= :from AND month <= :to
            GROUP BY topic, setting, region_code, age_band, month HAVING SUM(cases) > 0
            """)
    List<Atom> providerAtoms(@BindList("providers") List<String> providers, String from, String to,
                             @Define("sums") String sums);

    /** The scope's rollup rows of the months from..to, added up per topic, setting, region, age band and month. */
    default List<Atom> atoms(CouncilScope scope, List<String> regions, String from, String to) {
        if (CouncilScope.PROVIDER.equals(scope.kind())) {
            return providerAtoms(scope.values(), from, to, SUMS);
        }
        return regions.isEmpty() ? List.of() : regionAtoms(regions, from, to, SUMS);
    }

    @SqlQuery("""
            SELECT month, layers_final FROM <months>
            WHERE scope_key = :scopeKey AND month >= :from AND month <= :to ORDER BY month
            """)
    List<PublishedMonth> months(@Define("months") String table, String scopeKey, String from, String to);

    /** Claims a publication: 1 when this transaction publishes it, 0 when it was published already. */
    @SqlUpdate("""
            INSERT INTO <months> (scope_key, month, layers_final) VALUES (:scopeKey, :month, :layersFinal)
            ON CONFLICT (scope_key, month) DO NOTHING
            """)
    int claimMonth(@Define("months") String table, String scopeKey, String month, boolean layersFinal);

    /** Claims a publication's final layer values: 1 when this transaction computes them, 0 when they were already. */
    @SqlUpdate("""
            UPDATE <months> SET layers_final = TRUE
            WHERE scope_key = :scopeKey AND month = :month AND layers_final = FALSE
            """)
    int claimFinalLayers(@Define("months") String table, String scopeKey, String month);

    @SqlBatch("""
            INSERT INTO <cells> (scope_key, dims, month, cell, cases, o_open, o_resolved, o_closed,
                                 o_withdrawn, formal, sla_met, sla_missed, sla_pending, fr_hist, res_hist)
            VALUES (:scopeKey, :c.dims, :c.month, :c.cell, :c.cases, :c.open, :c.resolved, :c.closed, :c.withdrawn,
                    :c.formal, :c.slaMet, :c.slaMissed, :c.slaPending, :c.frHist, :c.resHist)
            """)
    void insertCells(@Define("cells") String table, String scopeKey, @BindMethods("c") List<PublishedCell> cells);

    @SqlUpdate("DELETE FROM <cells> WHERE scope_key = :scopeKey AND month = :month")
    void deleteCells(@Define("cells") String table, String scopeKey, String month);

    @SqlQuery("""
            SELECT dims, month, cell, cases, o_open AS open, o_resolved AS resolved, o_closed AS closed,
                   o_withdrawn AS withdrawn, formal, sla_met, sla_missed, sla_pending, fr_hist, res_hist
            FROM <cells> WHERE scope_key = :scopeKey AND month = :month
            """)
    List<PublishedCell> monthCells(@Define("cells") String table, String scopeKey, String month);

    /** One stored table of one publication. */
    @SqlQuery("""
            SELECT dims, month, cell, cases, o_open AS open, o_resolved AS resolved, o_closed AS closed,
                   o_withdrawn AS withdrawn, formal, sla_met, sla_missed, sla_pending, fr_hist, res_hist
            FROM <cells> WHERE scope_key = :scopeKey AND dims = :dims AND month = :month
            """)
    List<PublishedCell> tableCells(@Define("cells") String table, String scopeKey, String dims, String month);

    /** Months that hold data of any scope, in a window: the months the background publication looks at. */
    @SqlQuery("SELECT month FROM trend_month_versions WHERE month >= :from AND month <= :to ORDER BY month")
    List<String> monthsWithData(String from, String to);

    @SqlQuery("SELECT code, name FROM regions ORDER BY code")
    List<RegionName> regionNames();
}
