package nl.gehoord.trends;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What every trends answer reads first: the council's scope with its organisation's minimum group size. Apart from
 * {@link CouncilScopesDao} because Jdbi's attach prepares a handler for every method of the interface.
 */
@RegisterConstructorMapper(TrendAskerDao.AskerRow.class)
public interface TrendAskerDao {
    /** A scope row with the organisation's minimum group size (null when not set). */
    record AskerRow(String kind, String value, Integer minCellSize) {
    }

    @SqlQuery("""
            SELECT c.kind, c.value, t.min_cell_size FROM council_scopes c
            LEFT JOIN trend_settings t ON t.organisation_id = :organisationId
            WHERE c.staff_id = :staffId ORDER BY c.value
            """)
    List<AskerRow> askerRows(String staffId, String organisationId);
}
