package nl.gehoord.signals;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Signals and their links to cases. The signals feature is their only writer. */
@RegisterConstructorMapper(SignalDao.SignalRow.class)
@RegisterConstructorMapper(SignalDao.Cluster.class)
@RegisterConstructorMapper(SignalDao.LinkedCase.class)
@RegisterConstructorMapper(SignalDao.Place.class)
@RegisterConstructorMapper(SignalDao.Linkable.class)
public interface SignalDao {
    /** A care location of the organisation, named as a report names it. */
    record Place(String id, String name) {
    }

    /** A case a staff member may link to a signal: what it is about and where, never who or what was said. */
    record Linkable(String id, String topic, String locationId, String status, long createdAt) {
    }

    record SignalRow(String id, String organisationId, String locationId, String theme, String createdBy,
                     String keyId, String textEnc, String recipient, Long sentAt, Long answerDueAt, Long answeredAt,
                     String answerEnc, long createdAt, long updatedAt) {
    }

    /** Cases of one location and topic in a period: the ground for a suggestion. */
    record Cluster(String locationId, String topic, int cases, long firstAt, long lastAt) {
    }

    /** A linked case as a report may count it: its month only, never who or what. */
    record LinkedCase(String caseId, long createdAt) {
    }

    @SqlUpdate("""
            INSERT INTO signals (id, organisation_id, location_id, theme, created_by, key_id, text_enc, recipient,
                                 sent_at, answer_due_at, answered_at, answer_enc, created_at, updated_at)
            VALUES (:id, :organisationId, :locationId, :theme, :createdBy, :keyId, :textEnc, :recipient,
                    :sentAt, :answerDueAt, :answeredAt, :answerEnc, :createdAt, :updatedAt)
            """)
    void insert(@BindMethods SignalRow row);

    @SqlUpdate("INSERT INTO signal_cases (signal_id, case_id) VALUES (:signalId, :caseId)")
    void link(String signalId, String caseId);

    @SqlQuery("SELECT * FROM signals WHERE id = :id AND organisation_id = :organisationId")
    Optional<SignalRow> byId(String id, String organisationId);

    @SqlQuery("SELECT * FROM signals WHERE organisation_id = :organisationId ORDER BY created_at DESC, id LIMIT 200")
    List<SignalRow> ofOrganisation(String organisationId);

    @SqlQuery("""
            SELECT c.id AS case_id, c.created_at FROM signal_cases s JOIN cases c ON c.id = s.case_id
            WHERE s.signal_id = :signalId ORDER BY c.created_at
            """)
    List<LinkedCase> linkedCases(String signalId);

    @SqlUpdate("""
            UPDATE signals SET recipient = :recipient, sent_at = :at, answer_due_at = :due, updated_at = :at
            WHERE id = :id AND sent_at IS NULL
            """)
    int markSent(String id, String recipient, long due, long at);

    @SqlUpdate("""
            UPDATE signals SET answered_at = :at, answer_enc = :answerEnc, key_id = :keyId, updated_at = :at
            WHERE id = :id AND sent_at IS NOT NULL AND answered_at IS NULL
            """)
    int markAnswered(String id, String answerEnc, String keyId, long at);

    /** Erasure of a case: the link goes, the signal and the trust person's text stay. */
    @SqlUpdate("DELETE FROM signal_cases WHERE case_id = :caseId")
    int unlinkCase(String caseId);

    /** Cases per location and topic since a time, in one organisation, where at least {@code min} share both. */
    @SqlQuery("""
            SELECT location_id, topic, COUNT(*) AS cases, MIN(created_at) AS first_at, MAX(created_at) AS last_at
            FROM cases
            WHERE organisation_id = :organisationId AND location_id IS NOT NULL AND topic IN (<topics>)
              AND created_at >= :since AND erased_at IS NULL
            GROUP BY location_id, topic HAVING COUNT(*) >= :min
            ORDER BY COUNT(*) DESC, location_id, topic
            """)
    List<Cluster> clusters(String organisationId, @BindList("topics") List<String> topics, long since, int min);

    /** Whether a signal on this location and theme was made since then (no second suggestion for it). */
    @SqlQuery("""
            SELECT COUNT(*) > 0 FROM signals
            WHERE organisation_id = :organisationId AND location_id = :locationId AND theme = :theme
              AND created_at >= :since
            """)
    boolean recentSignal(String organisationId, String locationId, String theme, long since);

    /** Whether the staff member handles one of these cases, or is the location's trust person. */
    @SqlQuery("""
            SELECT COUNT(*) > 0 FROM cases
            WHERE organisation_id = :organisationId AND location_id = :locationId AND topic = :topic
              AND created_at >= :since AND assigned_staff_id = :staffId AND erased_at IS NULL
            """)
    boolean handlesOne(String organisationId, String locationId, String topic, long since, String staffId);

    @SqlQuery("SELECT COUNT(*) > 0 FROM location_trust_persons WHERE location_id = :locationId AND staff_id = :staffId")
    boolean isLocationTrustPerson(String locationId, String staffId);

    /** The location, if it belongs to one of this organisation's regions. */
    @SqlQuery("""
            SELECT l.provider || ', ' || l.name FROM locations l JOIN regions r ON r.code = l.region_code
            WHERE l.id = :locationId AND r.organisation_id = :organisationId
            """)
    Optional<String> locationName(String locationId, String organisationId);

    /** The care provider of the location, if it belongs to one of this organisation's regions. */
    @SqlQuery("""
            SELECT l.provider FROM locations l JOIN regions r ON r.code = l.region_code
            WHERE l.id = :locationId AND r.organisation_id = :organisationId
            """)
    Optional<String> provider(String locationId, String organisationId);

    @SqlQuery("""
            SELECT l.id, l.provider || ', ' || l.name AS name FROM locations l JOIN regions r ON r.code = l.region_code
            WHERE r.organisation_id = :organisationId ORDER BY l.provider, l.name, l.id
            """)
    List<Place> places(String organisationId);

    /**
     * The organisation's cases that one staff member may link: a trust person's are those assigned to them
     * ({@code staffId}); a coordinator's those of their team ({@code teamId}), or all ({@code allTeams}) without one.
     * Newest first, at most {@code limit}.
     */
    @SqlQuery("""
            SELECT id, topic, location_id, status, created_at FROM cases
            WHERE organisation_id = :organisationId AND erased_at IS NULL
              AND (assigned_staff_id = :staffId OR team_id = :teamId OR :allTeams)
            ORDER BY created_at DESC, id LIMIT :limit
            """)
    List<Linkable> linkable(String organisationId, String staffId, String teamId, boolean allTeams, int limit);

    @SqlQuery("SELECT name FROM organisations WHERE id = :organisationId")
    Optional<String> organisationName(String organisationId);
}
