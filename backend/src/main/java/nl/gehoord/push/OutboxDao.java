package nl.gehoord.push;

import java.util.List;
import java.util.Optional;
import nl.gehoord.db.Columns;
import nl.gehoord.db.DirectSql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The push outbox. Rows are claimed with a lease (claim id + lease end) so several dispatchers can drain one
 * outbox: a claim repeats its conditions in the outer UPDATE, so on PostgreSQL a second dispatcher that raced
 * for the same rows re-checks them after the first commits and skips them; a crashed dispatcher's rows come
 * back when its lease ends. Every outcome is written only while the claim is still ours.
 */
@RegisterConstructorMapper(OutboxDao.Row.class)
@RegisterConstructorMapper(OutboxDao.Depth.class)
public interface OutboxDao extends SqlObject {
    String PENDING = "pending";
    String SENT = "sent";
    String FAILED = "failed";
    String DROPPED = "dropped";
    String COLLAPSED = "collapsed";

    /** Exactly one of {@code deviceId} (a young person's phone) and {@code staffId} is set. */
    record Row(String id, String caseId, String event, String messageKey, String deviceId, String staffId,
               boolean urgent, String state, int attempts, long createdAt, long notBefore, String claimId,
               Long leaseUntil, String lastError, Long finishedAt) {
        public String recipientKind() {
            return deviceId != null ? PushPolicy.DEVICE : PushPolicy.STAFF;
        }

        public String recipientId() {
            return deviceId != null ? deviceId : staffId;
        }
    }

    /**
     * Writes new pending pushes in one statement, each only if its recipient can receive it: a phone with a push
     * token, an active staff member with one. A push nobody can receive is not written at all.
     *
     * @return how many were written
     */
    static int insertReachable(Handle handle, List<Row> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO push_outbox (id, case_id, event, message_key, device_id,"
                + " staff_id, urgent, state, attempts, created_at, not_before)");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? " " : " UNION ALL ").append("SELECT :id").append(i).append(", :caseId").append(i)
                    .append(", :event").append(i).append(", :messageKey").append(i);
            if (rows.get(i).deviceId() != null) {
                sql.append(", id, NULL, :urgent").append(i).append(", 'pending', 0, :at").append(i).append(", :at")
                        .append(i).append(" FROM devices WHERE id = :to").append(i)
                        .append(" AND push_token_enc IS NOT NULL");
            } else {
                sql.append(", NULL, id, :urgent").append(i).append(", 'pending', 0, :at").append(i).append(", :at")
                        .append(i).append(" FROM staff WHERE id = :to").append(i)
                        .append(" AND active = TRUE AND push_token_enc IS NOT NULL");
            }
        }
        DirectSql.Update update = DirectSql.update(handle, sql.toString());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            update.bind("id" + i, r.id()).bind("caseId" + i, r.caseId()).bind("event" + i, r.event())
                    .bind("messageKey" + i, r.messageKey()).bind("urgent" + i, r.urgent())
                    .bind("at" + i, r.createdAt()).bind("to" + i, r.recipientId());
        }
        return update.execute();
    }

    /** How many pushes wait, and since when the oldest waits (null when none). */
    record Depth(long pending, Long oldestCreatedAt) {
    }

    @SqlUpdate("""
            INSERT INTO push_outbox (id, case_id, event, message_key, device_id, staff_id, urgent, state,
                                     attempts, created_at, not_before, claim_id, lease_until, last_error, finished_at)
            VALUES (:id, :caseId, :event, :messageKey, :deviceId, :staffId, :urgent, :state,
                    :attempts, :createdAt, :notBefore, :claimId, :leaseUntil, :lastError, :finishedAt)
            """)
    void insert(@BindMethods Row row);

    /** A newer push of the same text for the same case and recipient makes the waiting older ones pointless. */
    @SqlUpdate("""
            UPDATE push_outbox SET state = 'collapsed', finished_at = :now
            WHERE case_id = :caseId AND (device_id = :deviceId OR staff_id = :staffId)
              AND message_key = :messageKey AND state = 'pending' AND (lease_until IS NULL OR lease_until < :now)
            """)
    int collapsePending(String caseId, String deviceId,
                        String staffId, String messageKey, long now);

    /**
     * Erasure: nothing more goes out about this case, not even ids, and no row keeps saying which phones
     * followed it. A push already in a dispatcher's hands cannot be called back; its outcome finds no row.
     */
    @SqlUpdate("DELETE FROM push_outbox WHERE case_id = :caseId")
    int deleteForCase(String caseId);

    @SqlQuery("SELECT COUNT(*) FROM push_outbox WHERE state = 'pending' AND not_before <= :now"
            + " AND (lease_until IS NULL OR lease_until < :now)")
    int countDue(long now);

    /** Claims up to {@code limit} due rows and returns them: the dispatcher's one write before it sends. */
    static List<Row> claim(Handle h, String claimId, long now, long leaseUntil, int limit) {
        DirectSql.update(h, """
                UPDATE push_outbox SET claim_id = :claimId, lease_until = :leaseUntil
                WHERE id IN (SELECT id FROM push_outbox
                             WHERE state = 'pending' AND not_before <= :now
                               AND (lease_until IS NULL OR lease_until < :now)
                             ORDER BY not_before, created_at, id
                             LIMIT :limit)
                  AND state = 'pending' AND not_before <= :now AND (lease_until IS NULL OR lease_until < :now)
                """).bind("claimId", claimId).bind("leaseUntil", leaseUntil).bind("now", now).bind("limit", limit)
                .execute();
        return DirectSql.query(h, """
                SELECT id, case_id, event, message_key, device_id, staff_id, urgent, state, attempts, created_at,
                       not_before, claim_id, lease_until, last_error, finished_at
                FROM push_outbox WHERE claim_id = :claimId ORDER BY not_before, created_at, id
                """).bind("claimId", claimId)
                .map(rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getInt(9),
                        rs.getLong(10), rs.getLong(11), rs.getString(12), Columns.longOrNull(rs, 13), rs.getString(14),
                        Columns.longOrNull(rs, 15)))
                .list();
    }

    /** Ends a claimed row: sent, failed, dropped. */
    static int finish(Handle h, String id, String claimId, String state, int attempted, String error, long now) {
        return DirectSql.update(h, """
                UPDATE push_outbox SET state = :state, attempts = attempts + :attempted, last_error = :error,
                                       finished_at = :now, claim_id = NULL, lease_until = NULL
                WHERE id = :id AND claim_id = :claimId
                """).bind("state", state).bind("attempted", attempted).bind("error", error).bind("now", now)
                .bind("id", id).bind("claimId", claimId).execute();
    }

    /** Gives a claimed row back to wait until notBefore: a retry (attempted 1) or quiet hours (attempted 0). */
    static int reschedule(Handle h, String id, String claimId, long notBefore, int attempted, String error) {
        return DirectSql.update(h, """
                UPDATE push_outbox SET not_before = :notBefore, attempts = attempts + :attempted, last_error = :error,
                                       claim_id = NULL, lease_until = NULL
                WHERE id = :id AND claim_id = :claimId
                """).bind("notBefore", notBefore).bind("attempted", attempted).bind("error", error)
                .bind("id", id).bind("claimId", claimId).execute();
    }

    @SqlQuery("SELECT COUNT(*) AS pending, MIN(created_at) AS oldest_created_at FROM push_outbox WHERE state = 'pending'")
    Depth depth();

    /** Finished rows are kept a while for inspection, then removed. */
    @SqlUpdate("DELETE FROM push_outbox WHERE state <> 'pending' AND finished_at < :before")
    int purgeFinished(long before);

    @SqlQuery("SELECT * FROM push_outbox WHERE id = :id")
    Optional<Row> byId(String id);

    @SqlQuery("SELECT * FROM push_outbox WHERE case_id = :caseId ORDER BY created_at, id")
    List<Row> forCase(String caseId);
}
