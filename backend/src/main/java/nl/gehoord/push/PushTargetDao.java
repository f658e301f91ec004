package nl.gehoord.push;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Who a push goes to and where: the recipients of a case event (read in the event's transaction) and, at send
 * time, a recipient's sealed token and settings. Tokens are removed only when the sealed value is still the one
 * that was sent to, so a token the app registered meanwhile survives.
 */
@RegisterConstructorMapper(PushTargetDao.DeviceTarget.class)
@RegisterConstructorMapper(PushTargetDao.CaseFacts.class)
@RegisterConstructorMapper(PushTargetDao.StaffTarget.class)
public interface PushTargetDao {
    /** {@code language}: picked in the app, wins over the phone's {@code locale}; null when none was picked. */
    record DeviceTarget(String id, String platform, String locale, String pushTokenEnc, boolean discreet,
                        String quietStart, String quietEnd, String language) {
    }

    record StaffTarget(String id, String pushTokenEnc, String language) {
    }

    record CaseFacts(String id, String organisationId, String assignedStaffId, boolean urgent) {
    }

    @SqlQuery("SELECT id, organisation_id, assigned_staff_id, urgent FROM cases WHERE id = :caseId")
    Optional<CaseFacts> caseFacts(String caseId);

    @SqlQuery("SELECT device_id FROM case_devices WHERE case_id = :caseId ORDER BY linked_at, device_id")
    List<String> caseDevices(String caseId);

    /**
     * The staff who handle a case: its assignee, or when nobody has it yet, the coordinators whose queue it is in
     * (the case's team's coordinators; for a case without a team, the organisation's) — the same people the
     * inbox shows the queued case to.
     */
    @SqlQuery("""
            SELECT s.id FROM cases c JOIN staff s ON s.id = c.assigned_staff_id
            WHERE c.id = :caseId AND s.active = TRUE
            UNION
            SELECT s.id FROM cases c JOIN staff s ON s.organisation_id = c.organisation_id
            WHERE c.id = :caseId AND c.assigned_staff_id IS NULL AND s.role = 'coordinator' AND s.active = TRUE
              AND (c.team_id IS NULL OR s.team_id = c.team_id)
            ORDER BY 1
            """)
    List<String> caseHandlers(String caseId);

    /** The coordinators who see the case (its team's, or the organisation's when it has no team). */
    @SqlQuery("""
            SELECT s.id FROM cases c JOIN staff s ON s.organisation_id = c.organisation_id
            WHERE c.id = :caseId AND s.role = 'coordinator' AND s.active = TRUE
              AND (c.team_id IS NULL OR s.team_id = c.team_id)
            ORDER BY s.id
            """)
    List<String> coordinators(String caseId);

    @SqlQuery("SELECT id FROM staff WHERE id = :staffId AND active = TRUE")
    Optional<String> activeStaff(String staffId);

    @SqlQuery("""
            SELECT id, platform, locale, push_token_enc, discreet, quiet_start, quiet_end, language
            FROM devices WHERE id = :deviceId
            """)
    Optional<DeviceTarget> device(String deviceId);

    /** A batch's devices in one query; ids not found are simply absent. Never call with no ids. */
    @SqlQuery("""
            SELECT id, platform, locale, push_token_enc, discreet, quiet_start, quiet_end, language
            FROM devices WHERE id IN (<ids>)
            """)
    List<DeviceTarget> devices(@BindList("ids") Collection<String> deviceIds);

    @SqlQuery("SELECT push_token_enc FROM staff WHERE id = :staffId AND active = TRUE AND push_token_enc IS NOT NULL")
    Optional<String> staffToken(String staffId);

    /** A batch's active staff that have a token, in one query. Never call with no ids. */
    @SqlQuery("""
            SELECT id, push_token_enc, language FROM staff
            WHERE id IN (<ids>) AND active = TRUE AND push_token_enc IS NOT NULL
            """)
    List<StaffTarget> staffTokens(@BindList("ids") Collection<String> staffIds);

    @SqlUpdate("UPDATE devices SET push_token_enc = NULL WHERE id = :deviceId AND push_token_enc = :sealed")
    int removeDeviceToken(String deviceId, String sealed);
}
