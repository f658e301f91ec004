package nl.gehoord.inbox;

import java.util.List;
import java.util.Optional;
import nl.gehoord.db.DirectSql;
import nl.gehoord.intake.CaseStatus;
import nl.gehoord.sla.Deadlines;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Teams, routing, the inbox's own case columns, notes and canned replies. */
@RegisterConstructorMapper(InboxDao.Team.class)
@RegisterConstructorMapper(InboxDao.Rule.class)
@RegisterConstructorMapper(InboxDao.Member.class)
@RegisterConstructorMapper(InboxDao.Handling.class)
@RegisterConstructorMapper(InboxDao.Note.class)
@RegisterConstructorMapper(InboxDao.CannedReply.class)
@RegisterConstructorMapper(InboxDao.LocationCare.class)
public interface InboxDao {
    /**
     * Routing counts a trust person's open cases up to this many: a trust person carries tens of cases, so past it
     * all are overloaded alike and the turn decides, and the count stays small however many cases pile up.
     */
    int OPEN_CASES_COUNTED = 500;

    record Team(String id, String organisationId, String name, long createdAt) {
    }

    record Rule(String id, String organisationId, int priority, String regionCode, String setting, String topic,
                String teamId, long createdAt) {
        boolean matches(String region, String caseSetting, String caseTopic) {
            return (regionCode == null || regionCode.equals(region)) && (setting == null || setting.equals(caseSetting))
                    && (topic == null || topic.equals(caseTopic));
        }
    }

    /** A trust person as assignment sees them. */
    record Member(String id, String teamId, boolean available, boolean active, String role, long lastAssignedAt,
                  int openCases) {
    }

    /** The inbox's view of a case's handling facts; the deadlines are the SLA's, read along. */
    record Handling(String id, String organisationId, String teamId, String assignedStaffId, CaseStatus status,
                    boolean urgent, long createdAt, @Nested Deadlines deadlines, Long slaDueAt,
                    boolean visitRequested, Long visitAt, String contactPreference, Long erasedAt) {
    }

    record Note(String id, String caseId, String staffId, String keyId, String bodyEnc, long createdAt) {
    }

    /** Title and body sealed with (organisationId, "cannedTitle"/"cannedBody", id). */
    record CannedReply(String id, String organisationId, String keyId, String titleEnc, String bodyEnc, long createdAt,
                       long updatedAt) {
    }

    /** A care location of an organisation with its own trust person (null when it has none). */
    record LocationCare(String id, String regionCode, String provider, String name, String trustPersonId) {
    }

    // Teams and routing

    @SqlUpdate("INSERT INTO teams (id, organisation_id, name, created_at) VALUES (:id, :organisationId, :name, :createdAt)")
    void insertTeam(@BindMethods Team team);

    @SqlQuery("SELECT * FROM teams WHERE id = :id")
    Optional<Team> team(String id);

    @SqlQuery("SELECT * FROM teams ORDER BY organisation_id, name, id")
    List<Team> teams();

    @SqlQuery("SELECT * FROM teams WHERE organisation_id = :organisationId ORDER BY name, id")
    List<Team> teamsOf(String organisationId);

    @SqlUpdate("""
            INSERT INTO routing_rules (id, organisation_id, priority, region_code, setting, topic, team_id, created_at)
            VALUES (:id, :organisationId, :priority, :regionCode, :setting, :topic, :teamId, :createdAt)
            """)
    void insertRule(@BindMethods Rule rule);

    // Routing runs on every case submission, on the single writer's thread: its statements are bound and mapped by
    // hand and called without attaching this interface (Jdbi's SqlObject machinery cost more than the statements).

    static List<Rule> rules(Handle h, String organisationId) {
        return DirectSql.query(h, """
                SELECT id, organisation_id, priority, region_code, setting, topic, team_id, created_at
                FROM routing_rules WHERE organisation_id = :organisationId ORDER BY priority, created_at, id
                """).bind("organisationId", organisationId)
                .map(rs -> new Rule(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8)))
                .list();
    }

    @SqlQuery("SELECT * FROM routing_rules ORDER BY organisation_id, priority, created_at, id")
    List<Rule> allRules();

    @SqlUpdate("DELETE FROM routing_rules WHERE id = :id")
    int deleteRule(String id);

    @SqlUpdate("DELETE FROM routing_rules WHERE id = :id AND organisation_id = :organisationId")
    int deleteRuleOf(String id, String organisationId);

    static Optional<String> availableLocationTrustPerson(Handle h, String locationId) {
        return DirectSql.query(h, """
                SELECT l.staff_id FROM location_trust_persons l JOIN staff s ON s.id = l.staff_id
                WHERE l.location_id = :locationId AND s.active = TRUE AND s.available = TRUE
                  AND s.role = 'trust_person'
                """).bind("locationId", locationId).map(rs -> rs.getString(1)).findFirst();
    }

    @SqlQuery("""
            SELECT l.id, l.region_code, l.provider, l.name, t.staff_id AS trust_person_id
            FROM locations l JOIN regions r ON r.code = l.region_code
            LEFT JOIN location_trust_persons t ON t.location_id = l.id
            WHERE r.organisation_id = :organisationId ORDER BY l.region_code, l.provider, l.name, l.id
            """)
    List<LocationCare> locationsOf(@Bind("organisationId") String organisationId);

    @SqlUpdate("DELETE FROM location_trust_persons WHERE location_id = :locationId")
    void clearLocationTrustPerson(String locationId);

    @SqlUpdate("""
            INSERT INTO location_trust_persons (location_id, staff_id, created_at) VALUES (:locationId, :staffId, :at)
            """)
    void setLocationTrustPerson(String locationId, String staffId,
                                long at);

    static List<Member> availableTrustPersons(Handle h, String teamId) {
        return DirectSql.query(h, """
                SELECT s.id, s.team_id, s.available, s.active, s.role, s.last_assigned_at,
                       (SELECT COUNT(*) FROM (SELECT 1 FROM cases c WHERE c.assigned_staff_id = s.id
                          AND c.status IN ('received', 'assigned', 'in_conversation', 'formal_complaint')
                          LIMIT\s""" + OPEN_CASES_COUNTED + ") counted) AS open_cases\n" + """
                FROM staff s
                WHERE s.team_id = :teamId AND s.role = 'trust_person' AND s.active = TRUE AND s.available = TRUE
                ORDER BY open_cases, s.last_assigned_at, s.id
                """).bind("teamId", teamId)
                .map(rs -> new Member(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getString(5), rs.getLong(6), rs.getInt(7)))
                .list();
    }

    /** A team member as the coordinator sees them: name, role, availability and open cases. */
    record TeamMember(String id, String displayName, String role, boolean available, int openCases) {
    }

    @SqlQuery("""
            SELECT s.id, s.display_name, s.role, s.available,
                   (SELECT COUNT(*) FROM cases c WHERE c.assigned_staff_id = s.id
                      AND c.status IN ('received', 'assigned', 'in_conversation', 'formal_complaint')) AS open_cases
            FROM staff s
            WHERE s.team_id = :teamId AND s.active = TRUE AND s.role IN ('trust_person', 'coordinator')
            ORDER BY s.role DESC, s.display_name, s.id
            """)
    @RegisterConstructorMapper(TeamMember.class)
    List<TeamMember> teamMembers(String teamId);

    /**
     * PostgreSQL: the least-loaded available trust person whose row no concurrent transaction holds, locked
     * until commit. Writers run side by side there, so each must see which colleague another intake is
     * assigning to right now; the row lock is that signal, and {@code SKIP LOCKED} spreads them over the team.
     */
    @SqlQuery("""
            SELECT s.id FROM staff s
            WHERE s.team_id = :teamId AND s.role = 'trust_person' AND s.active = TRUE AND s.available = TRUE
              AND s.id <> :excludeId
            ORDER BY (SELECT COUNT(*) FROM (SELECT 1 FROM cases c WHERE c.assigned_staff_id = s.id
                        AND c.status IN ('received', 'assigned', 'in_conversation', 'formal_complaint')
                        LIMIT\s""" + OPEN_CASES_COUNTED + ") counted),\n" + """
                     s.last_assigned_at, s.id
            LIMIT 1 FOR UPDATE OF s SKIP LOCKED
            """)
    Optional<String> lockFreeTrustPerson(String teamId, String excludeId);

    /** PostgreSQL: as above, but waits for the first candidate when every one is being assigned to. */
    @SqlQuery("""
            SELECT s.id FROM staff s
            WHERE s.team_id = :teamId AND s.role = 'trust_person' AND s.active = TRUE AND s.available = TRUE
              AND s.id <> :excludeId
            ORDER BY s.last_assigned_at, s.id
            LIMIT 1 FOR UPDATE OF s
            """)
    Optional<String> waitForTrustPerson(String teamId, String excludeId);

    @SqlQuery("""
            SELECT s.id, s.team_id, s.available, s.active, s.role, s.last_assigned_at, 0 AS open_cases
            FROM staff s WHERE s.id = :id
            """)
    Optional<Member> member(String id);

    static Optional<String> teamOf(Handle h, String staffId) {
        return DirectSql.query(h, "SELECT team_id FROM staff WHERE id = :id").bind("id", staffId)
                .map(rs -> rs.getString(1)).findFirst();
    }


    // The inbox's case columns

    @SqlQuery("""
            SELECT id, organisation_id, team_id, assigned_staff_id, status, urgent, created_at, first_response_due_at,
                   first_response_at, next_response_since, next_response_due_at, resolution_due_at, sla_due_at,
                   visit_requested, visit_at, contact_preference, erased_at
            FROM cases WHERE id = :id
            """)
    Optional<Handling> handling(@Bind("id") String caseId);

    /** The team's unassigned open cases, urgent first, then by due time. */
    @SqlQuery("""
            SELECT id FROM cases
            WHERE team_id = :teamId AND assigned_staff_id IS NULL AND erased_at IS NULL
              AND status IN ('received', 'assigned', 'in_conversation', 'formal_complaint')
            ORDER BY urgent DESC, COALESCE(sla_due_at, 9000000000000000), id
            LIMIT :limit
            """)
    List<String> queued(String teamId, int limit);

    @SqlUpdate("UPDATE cases SET team_id = :teamId WHERE id = :id")
    void setTeam(@Bind("id") String caseId, String teamId);

    @SqlUpdate("UPDATE cases SET assigned_staff_id = :staffId, team_id = :teamId, updated_at = :at WHERE id = :id")
    void assign(@Bind("id") String caseId, String staffId, String teamId,
                long at);

    @SqlUpdate("UPDATE cases SET status = :status, updated_at = :at WHERE id = :id")
    void setStatusOnly(@Bind("id") String caseId, CaseStatus status, long at);

    @SqlUpdate("UPDATE cases SET staff_read_seq = :seq WHERE id = :id AND staff_read_seq < :seq")
    void markRead(@Bind("id") String caseId, int seq);

    @SqlQuery("SELECT COALESCE(MAX(seq), 0) FROM case_messages WHERE case_id = :caseId")
    int lastMessageSeq(String caseId);

    @SqlUpdate("UPDATE cases SET visit_requested = TRUE, updated_at = :at WHERE id = :id")
    void requestVisit(@Bind("id") String caseId, long at);

    @SqlUpdate("UPDATE cases SET visit_at = :visitAt, updated_at = :at WHERE id = :id")
    void planVisit(@Bind("id") String caseId, long visitAt, long at);

    // Notes

    @SqlUpdate("""
            INSERT INTO case_notes (id, case_id, staff_id, key_id, body_enc, created_at)
            VALUES (:id, :caseId, :staffId, :keyId, :bodyEnc, :createdAt)
            """)
    void insertNote(@BindMethods Note note);

    @SqlQuery("SELECT * FROM case_notes WHERE case_id = :caseId ORDER BY created_at, id")
    List<Note> notes(String caseId);

    @SqlUpdate("DELETE FROM case_notes WHERE case_id = :caseId")
    int deleteNotes(String caseId);

    // Canned replies

    @SqlUpdate("""
            INSERT INTO canned_replies (id, organisation_id, key_id, title_enc, body_enc, created_at, updated_at)
            VALUES (:id, :organisationId, :keyId, :titleEnc, :bodyEnc, :createdAt, :updatedAt)
            """)
    void insertCanned(@BindMethods CannedReply reply);

    /** Sorted by title after opening: the sealed titles have no order. */
    @SqlQuery("SELECT * FROM canned_replies WHERE organisation_id = :organisationId ORDER BY created_at, id")
    List<CannedReply> canned(String organisationId);

    @SqlQuery("SELECT * FROM canned_replies WHERE id = :id AND organisation_id = :organisationId")
    Optional<CannedReply> cannedById(String id, String organisationId);

    @SqlUpdate("""
            UPDATE canned_replies SET key_id = :keyId, title_enc = :titleEnc, body_enc = :bodyEnc, updated_at = :at
            WHERE id = :id
            """)
    void updateCanned(String id, String keyId, String titleEnc,
                      String bodyEnc, long at);

    /** Demo seed only: written plain and sealed by the start-up upgrade before the server serves. */
    @SqlUpdate("""
            INSERT INTO canned_replies (id, organisation_id, title, body, created_at, updated_at)
            VALUES (:id, :organisationId, :title, :body, :at, :at)
            """)
    void insertUnsealedCanned(String id, String organisationId,
                              String title, String body, long at);

    /** A plain row: one from before canned replies were sealed, or a demo seed. */
    record UnsealedCanned(String id, String organisationId, String title, String body) {
    }

    @SqlQuery("SELECT id, organisation_id, title, body FROM canned_replies WHERE title IS NOT NULL OR body IS NOT NULL"
            + " ORDER BY id LIMIT :limit")
    @RegisterConstructorMapper(UnsealedCanned.class)
    List<UnsealedCanned> unsealedCanned(int limit);

    @SqlUpdate("""
            UPDATE canned_replies SET key_id = :keyId, title_enc = :titleEnc, body_enc = :bodyEnc, title = NULL, body = NULL
            WHERE id = :id
            """)
    void sealCanned(String id, String keyId, String titleEnc,
                    String bodyEnc);

    @SqlUpdate("DELETE FROM canned_replies WHERE id = :id AND organisation_id = :organisationId")
    int deleteCanned(String id, String organisationId);
}
