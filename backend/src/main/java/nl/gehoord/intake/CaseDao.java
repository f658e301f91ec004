package nl.gehoord.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import nl.gehoord.db.Columns;
import nl.gehoord.db.DirectSql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Cases, the devices that may read them, idempotency records, the timeline and feedback. */
@RegisterConstructorMapper(CaseDao.CaseRow.class)
@RegisterConstructorMapper(CaseDao.EventRow.class)
@RegisterConstructorMapper(CaseDao.IdempotencyRow.class)
@RegisterConstructorMapper(CaseDao.FeedbackRow.class)
@RegisterConstructorMapper(CaseDao.DeviceLink.class)
@RegisterConstructorMapper(CaseDao.LinkedDevice.class)
public interface CaseDao {
    /** A case as stored: its coded facts and sealed fields in records of their own. */
    record CaseRow(String id, String codeHmac, String organisationId, @Nested Facts facts, boolean urgent,
                   CaseStatus status, String assignedStaffId, @Nested Sealed sealed, long createdAt, long updatedAt,
                   Long firstResponseDueAt, Long firstResponseAt, Long closedAt, Long erasedAt) {
    }

    /** The coded facts of a case: what statistics count, and what stays after erasure (but the location). */
    record Facts(String kind, String topic, String setting, String regionCode, String ageBand, String locationId,
                 String contactPreference, int flowVersion) {
    }

    /** The young person's own words, sealed with key {@code keyId}; all null once erased. */
    record Sealed(String keyId, String answersEnc, String storyEnc, String aboutEnc, String contactEnc) {
    }

    record EventRow(String id, String caseId, int seq, String type, CaseStatus status, String keyId,
                    String explanationEnc, Long dueAt, long createdAt) {
    }

    /** A record kept from before request digests were keyed: it replays by its key alone. */
    String UNKEYED_REQUEST = "unkeyed";

    record IdempotencyRow(String deviceId, String keyHash, String requestHash, String caseId, String caseCodeEnc,
                          long createdAt) {
    }

    record FeedbackRow(String caseId, int score, String keyId, String textEnc, long createdAt) {
    }

    record DeviceLink(String caseId, String deviceId, long linkedAt) {
    }

    record LinkedDevice(String deviceId, String platform, long linkedAt) {
    }

    /**
     * What a new case needs to know about the places it names, in one read: the region's organisation, the
     * location's region and care provider, and the organisation's time limits (all null where there are none).
     */
    record NewCaseContext(String organisationId, String locationRegion, String provider, Integer firstResponseWorkingDays,
                          Integer urgentFirstResponseMinutes, Integer nextResponseWorkingDays,
                          Integer resolutionWorkingDays) {
    }

    // What a case submission runs is bound by hand and called without attaching this interface: Jdbi's SqlObject
    // machinery (attaching, per-call configuration, reflective binding and mapping) cost several times the
    // statements themselves on the single writer's thread.

    /** Hand-written: read on every case submission, so no reflection per row. */
    final class NewCaseContextMapper implements RowMapper<NewCaseContext> {
        @Override
        public NewCaseContext map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new NewCaseContext(rs.getString(1), rs.getString(2), rs.getString(3), Columns.intOrNull(rs, 4),
                    Columns.intOrNull(rs, 5), Columns.intOrNull(rs, 6), Columns.intOrNull(rs, 7));
        }
    }

    static Optional<NewCaseContext> newCaseContext(Handle h, String regionCode, String locationId) {
        return h.createQuery("""
                SELECT r.organisation_id, l.region_code, l.provider, p.first_response_working_days,
                       p.urgent_first_response_minutes, p.next_response_working_days, p.resolution_working_days
                FROM regions r
                LEFT JOIN locations l ON l.id = :locationId
                LEFT JOIN sla_policies p ON p.organisation_id = r.organisation_id
                WHERE r.code = :regionCode
                """).bind("regionCode", regionCode).bind("locationId", locationId)
                .map(new NewCaseContextMapper()).findOne();
    }

    /** A new case with its deadlines, as it is first stored. */
    record NewCase(String id, String codeHmac, String organisationId, String teamId, String kind, String topic,
                   String setting, String regionCode, String ageBand, String locationId, String contactPreference,
                   boolean urgent, CaseStatus status, int flowVersion, String assignedStaffId, String keyId,
                   String answersEnc, String storyEnc, String aboutEnc, String contactEnc, long createdAt,
                   long firstResponseDueAt, long resolutionDueAt, Long slaDueAt) {
    }

    static void insertNew(Handle h, NewCase row) {
        DirectSql.update(h, """
                INSERT INTO cases (id, code_hmac, organisation_id, team_id, kind, topic, setting, region_code, age_band,
                                   location_id, contact_preference, urgent, status, flow_version, assigned_staff_id,
                                   key_id, answers_enc, story_enc, about_enc, contact_enc, created_at, updated_at,
                                   first_response_due_at, resolution_due_at, sla_due_at)
                VALUES (:id, :codeHmac, :organisationId, :teamId, :kind, :topic, :setting, :regionCode, :ageBand,
                        :locationId, :contactPreference, :urgent, :status, :flowVersion, :assignedStaffId,
                        :keyId, :answersEnc, :storyEnc, :aboutEnc, :contactEnc, :createdAt, :createdAt,
                        :firstResponseDueAt, :resolutionDueAt, :slaDueAt)
                """)
                .bind("id", row.id()).bind("codeHmac", row.codeHmac()).bind("organisationId", row.organisationId())
                .bind("teamId", row.teamId()).bind("kind", row.kind()).bind("topic", row.topic())
                .bind("setting", row.setting()).bind("regionCode", row.regionCode()).bind("ageBand", row.ageBand())
                .bind("locationId", row.locationId()).bind("contactPreference", row.contactPreference())
                .bind("urgent", row.urgent()).bind("status", row.status().code())
                .bind("flowVersion", row.flowVersion()).bind("assignedStaffId", row.assignedStaffId())
                .bind("keyId", row.keyId()).bind("answersEnc", row.answersEnc()).bind("storyEnc", row.storyEnc())
                .bind("aboutEnc", row.aboutEnc()).bind("contactEnc", row.contactEnc())
                .bind("createdAt", row.createdAt()).bind("firstResponseDueAt", row.firstResponseDueAt())
                .bind("resolutionDueAt", row.resolutionDueAt()).bind("slaDueAt", row.slaDueAt())
                .execute();
    }

    /** The first timeline entry of a new case; nothing else is numbered yet, so it is number 1. */
    static void insertReceived(Handle h, String id, String caseId, long dueAt, long at) {
        DirectSql.update(h, """
                INSERT INTO case_events (id, case_id, seq, type, status, due_at, created_at)
                VALUES (:id, :caseId, 1, 'received', 'received', :dueAt, :at)
                """).bind("id", id).bind("caseId", caseId).bind("dueAt", dueAt).bind("at", at).execute();
    }

    /** The first two entries of a new case that went straight to a trust person. */
    static void insertReceivedAndAssigned(Handle h, String id, String assignedId, String caseId, long dueAt,
                                          long at) {
        DirectSql.update(h, """
                INSERT INTO case_events (id, case_id, seq, type, status, due_at, created_at)
                VALUES (:id, :caseId, 1, 'received', 'received', :dueAt, :at),
                       (:assignedId, :caseId, 2, 'assigned', 'assigned', NULL, :at)
                """).bind("id", id).bind("assignedId", assignedId).bind("caseId", caseId).bind("dueAt", dueAt)
                .bind("at", at).execute();
    }

    /**
     * Stores the idempotency record of a new case unless the key is taken (a retry or a race) or was erased.
     *
     * @return 1 when stored; 0 when the caller must roll back and answer as for the earlier request
     */
    static int insertIdempotencyIfNew(Handle h, IdempotencyRow row, String erasedTag) {
        return DirectSql.update(h, """
                INSERT INTO idempotency_keys (device_id, key_hash, request_hash, case_id, case_code_enc, created_at)
                SELECT :deviceId, :keyHash, :requestHash, :caseId, :caseCodeEnc, :createdAt
                WHERE NOT EXISTS (SELECT 1 FROM erased_requests WHERE tag = :erasedTag)
                ON CONFLICT (device_id, key_hash) DO NOTHING
                """).bind("deviceId", row.deviceId()).bind("keyHash", row.keyHash())
                .bind("requestHash", row.requestHash()).bind("caseId", row.caseId())
                .bind("caseCodeEnc", row.caseCodeEnc()).bind("createdAt", row.createdAt())
                .bind("erasedTag", erasedTag).execute();
    }

    @SqlUpdate("""
            INSERT INTO cases (id, code_hmac, organisation_id, kind, topic, setting, region_code, age_band, location_id,
                               contact_preference, urgent, status, flow_version, assigned_staff_id, key_id,
                               answers_enc, story_enc, about_enc, contact_enc, created_at, updated_at,
                               first_response_due_at, first_response_at, closed_at, erased_at, team_id)
            VALUES (:id, :codeHmac, :organisationId, :facts.kind, :facts.topic, :facts.setting, :facts.regionCode,
                    :facts.ageBand, :facts.locationId, :facts.contactPreference, :urgent, :status, :facts.flowVersion,
                    :assignedStaffId, :sealed.keyId, :sealed.answersEnc, :sealed.storyEnc, :sealed.aboutEnc,
                    :sealed.contactEnc, :createdAt, :updatedAt,
                    :firstResponseDueAt, :firstResponseAt, :closedAt, :erasedAt, :teamId)
            """)
    void insert(@BindMethods CaseRow row, String teamId);

    /** The locale of the app install that linked to the case last: the language the young person reads. */
    @SqlQuery("""
            SELECT d.locale FROM devices d JOIN case_devices l ON l.device_id = d.id
            WHERE l.case_id = :caseId ORDER BY l.linked_at DESC LIMIT 1
            """)
    Optional<String> readerLocale(String caseId);

    @SqlQuery("SELECT * FROM cases WHERE id = :id")
    Optional<CaseRow> byId(String id);

    /** The case, if this device may read it. */
    @SqlQuery("""
            SELECT c.* FROM cases c JOIN case_devices d ON d.case_id = c.id
            WHERE c.id = :caseId AND d.device_id = :deviceId AND c.erased_at IS NULL
            """)
    Optional<CaseRow> forDevice(String caseId, String deviceId);

    @SqlQuery("""
            SELECT c.* FROM cases c JOIN case_devices d ON d.case_id = c.id
            WHERE d.device_id = :deviceId AND c.erased_at IS NULL
            ORDER BY c.created_at DESC, c.id
            """)
    List<CaseRow> allForDevice(String deviceId);

    @SqlQuery("SELECT * FROM cases WHERE code_hmac = :codeHmac AND erased_at IS NULL")
    Optional<CaseRow> byCodeHmac(String codeHmac);

    @SqlUpdate("UPDATE cases SET status = :status, updated_at = :at, closed_at = :closedAt WHERE id = :id")
    void updateStatus(String id, CaseStatus status, long at, Long closedAt);

    @SqlUpdate("UPDATE cases SET updated_at = :at WHERE id = :id")
    void touch(String id, long at);

    /** Words of danger in a later message: the case becomes urgent. */
    @SqlUpdate("UPDATE cases SET urgent = TRUE, updated_at = :at WHERE id = :id")
    void markUrgent(String id, long at);

    /**
     * Erasure: every sealed field, the receipt, the location, the visit and who handled it go; the coded facts the
     * statistics need stay.
     */
    @SqlUpdate("""
            UPDATE cases SET code_hmac = NULL, answers_enc = NULL, story_enc = NULL, about_enc = NULL,
                             contact_enc = NULL, key_id = NULL, location_id = NULL, assigned_staff_id = NULL,
                             visit_at = NULL, erased_at = :at, updated_at = :at
            WHERE id = :id
            """)
    void eraseContent(String id, long at);

    static void link(Handle h, DeviceLink link) {
        DirectSql.update(h, "INSERT INTO case_devices (case_id, device_id, linked_at) VALUES (:caseId, :deviceId, :linkedAt)")
                .bind("caseId", link.caseId()).bind("deviceId", link.deviceId()).bind("linkedAt", link.linkedAt())
                .execute();
    }

    @SqlQuery("SELECT * FROM case_devices WHERE case_id = :caseId ORDER BY linked_at")
    List<DeviceLink> links(String caseId);

    @SqlUpdate("DELETE FROM case_devices WHERE case_id = :caseId")
    void unlinkAll(String caseId);

    @SqlQuery("""
            SELECT d.id AS device_id, d.platform, l.linked_at FROM case_devices l JOIN devices d ON d.id = l.device_id
            WHERE l.case_id = :caseId ORDER BY l.linked_at, d.id
            """)
    List<LinkedDevice> linkedDevices(String caseId);

    @SqlUpdate("DELETE FROM case_devices WHERE case_id = :caseId AND device_id = :deviceId")
    int unlink(String caseId, String deviceId);

    @SqlQuery("SELECT * FROM idempotency_keys WHERE device_id = :deviceId AND key_hash = :keyHash")
    Optional<IdempotencyRow> idempotency(String deviceId, String keyHash);

    @SqlUpdate("""
            INSERT INTO idempotency_keys (device_id, key_hash, request_hash, case_id, case_code_enc, created_at)
            VALUES (:deviceId, :keyHash, :requestHash, :caseId, :caseCodeEnc, :createdAt)
            """)
    void insertIdempotency(@BindMethods IdempotencyRow row);

    /** On erasure the record goes: it links the phone that sent the request to the case. */
    @SqlUpdate("DELETE FROM idempotency_keys WHERE case_id = :caseId")
    void forgetIdempotency(String caseId);

    @SqlUpdate("DELETE FROM idempotency_keys WHERE created_at < :before")
    int deleteIdempotencyBefore(long before);

    @SqlQuery("SELECT key_hash FROM idempotency_keys WHERE case_id = :caseId AND device_id = :deviceId")
    List<String> idempotencyKeysOf(String caseId, String deviceId);

    @SqlUpdate("INSERT INTO erased_requests (tag, created_at) VALUES (:tag, :at) ON CONFLICT (tag) DO NOTHING")
    void insertErasedRequest(String tag, long at);

    @SqlQuery("SELECT COUNT(*) > 0 FROM erased_requests WHERE tag = :tag")
    boolean isErasedRequest(String tag);

    @SqlUpdate("DELETE FROM erased_requests WHERE created_at < :before")
    int deleteErasedRequestsBefore(long before);

    /** Numbered like messages: the case row is locked first, so concurrent writers to one case wait in turn. */
    default void insertEvent(EventRow row) {
        lockCase(row.caseId());
        insertNumberedEvent(row);
    }

    @SqlUpdate("UPDATE cases SET updated_at = updated_at WHERE id = :caseId")
    void lockCase(String caseId);

    @SqlUpdate("""
            INSERT INTO case_events (id, case_id, seq, type, status, key_id, explanation_enc, due_at, created_at)
            VALUES (:id, :caseId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM case_events WHERE case_id = :caseId),
                    :type, :status, :keyId, :explanationEnc, :dueAt, :createdAt)
            """)
    void insertNumberedEvent(@BindMethods EventRow row);

    @SqlQuery("SELECT * FROM case_events WHERE case_id = :caseId ORDER BY seq")
    List<EventRow> events(String caseId);

    @SqlUpdate("UPDATE case_events SET explanation_enc = NULL, key_id = NULL WHERE case_id = :caseId")
    void eraseEventTexts(String caseId);

    @SqlUpdate("""
            INSERT INTO case_feedback (case_id, score, key_id, text_enc, created_at)
            VALUES (:caseId, :score, :keyId, :textEnc, :createdAt)
            """)
    void insertFeedback(@BindMethods FeedbackRow row);

    @SqlQuery("SELECT * FROM case_feedback WHERE case_id = :caseId")
    Optional<FeedbackRow> feedback(String caseId);

    @SqlUpdate("UPDATE case_feedback SET text_enc = NULL, key_id = NULL WHERE case_id = :caseId")
    void eraseFeedbackText(String caseId);

    /** Finished cases whose content is still there and that closed before the cut-off, oldest first (retention). */
    @SqlQuery("""
            SELECT id FROM cases
            WHERE erased_at IS NULL AND status IN ('closed', 'resolved', 'withdrawn')
              AND COALESCE(closed_at, updated_at) < :before
            ORDER BY COALESCE(closed_at, updated_at), id
            LIMIT :limit
            """)
    List<String> finishedClosedBefore(long before, int limit);
}
