package nl.gehoord.crypto;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.MapMapper;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * The re-encrypt pass's statements, for any column of {@link SealedColumns}: table and column names come from
 * that fixed list (never from input), values are bound.
 */
public interface SealedColumnDao {
    @SqlQuery("SELECT COUNT(*) FROM <table> WHERE <column> IS NOT NULL AND <column> NOT LIKE :prefix")
    long countOnOlderKeys(@Define String table, @Define String column, String prefix);

    /**
     * A page of rows in key order after {@code afterKeys} (a row-value comparison, or ""), whose value does or does
     * not start with {@code :prefix}: {@code match} is {@code LIKE} or {@code NOT LIKE}.
     */
    @SqlQuery("""
            SELECT <selected> FROM <table> WHERE <column> IS NOT NULL AND <column> <match> :prefix <afterKeys>
            ORDER BY <keys> LIMIT :limit
            """)
    @UseRowMapper(MapMapper.class)
    List<Map<String, Object>> page(@Define String table, @Define String column, @Define String match,
                                   @Define String selected, @Define String keys, @Define String afterKeys,
                                   @BindMap Map<String, Object> values);

    /** Writes the value sealed anew, only where the row still holds the value read. */
    @SqlUpdate("UPDATE <table> SET <column> = :fresh <keyIdSet> WHERE <column> = :old <sameRow>")
    int replace(@Define String table, @Define String column, @Define String keyIdSet, @Define String sameRow,
                @BindMap Map<String, Object> values);
}
