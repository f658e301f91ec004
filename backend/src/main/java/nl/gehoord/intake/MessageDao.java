package nl.gehoord.intake;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The message thread of a case between the young person and the trust person. Bodies are sealed. */
@RegisterConstructorMapper(MessageDao.MessageRow.class)
public interface MessageDao {
    record MessageRow(String id, String caseId, int seq, String author, String staffId, String keyId, String bodyEnc,
                      long createdAt) {
    }

    /**
     * The sequence number is taken inside the write transaction, so it is gap-free per case. The case row is
     * locked first: on PostgreSQL a concurrent writer to the same case then waits, and its own number is read
     * only after this one is committed (on SQLite the single writer already does this).
     */
    default void insert(MessageRow row) {
        lockCase(row.caseId());
        insertNumbered(row);
    }

    @SqlUpdate("UPDATE cases SET updated_at = updated_at WHERE id = :caseId")
    void lockCase(String caseId);

    @SqlUpdate("""
            INSERT INTO case_messages (id, case_id, seq, author, staff_id, key_id, body_enc, created_at)
            VALUES (:id, :caseId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM case_messages WHERE case_id = :caseId),
                    :author, :staffId, :keyId, :bodyEnc, :createdAt)
            """)
    void insertNumbered(@BindMethods MessageRow row);

    @SqlQuery("SELECT * FROM case_messages WHERE id = :id")
    MessageRow byId(String id);

    @SqlQuery("""
            SELECT * FROM case_messages WHERE case_id = :caseId AND seq > :after ORDER BY seq LIMIT :limit
            """)
    List<MessageRow> page(String caseId, int after, int limit);

    @SqlUpdate("DELETE FROM case_messages WHERE case_id = :caseId")
    int deleteAll(String caseId);
}
