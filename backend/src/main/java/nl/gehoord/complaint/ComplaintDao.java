package nl.gehoord.complaint;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The formal complaints and the organisations' complaint settings. The complaint feature is their only writer. */
@RegisterConstructorMapper(ComplaintDao.ComplaintRow.class)
@RegisterConstructorMapper(ComplaintDao.Settings.class)
public interface ComplaintDao {
    record ComplaintRow(String id, String caseId, String organisationId, String kind, String state, int version,
                        Integer approvedVersion, Long approvedAt, String startedBy, String keyId, String draftEnc,
                        String approvedEnc, String letterEnc, Long sentAt, Long committeeDueAt, String decision,
                        Long decidedAt, Long measuresDueAt, Long measuresAt, long createdAt, long updatedAt) {
        boolean approved() {
            return approvedVersion != null && approvedVersion == version && approvedEnc != null;
        }
    }

    record Settings(String organisationId, String letterheadName, String letterheadLines, int committeeWeeks,
                    int freedomWeeks, long updatedAt) {
    }

    @SqlUpdate("""
            INSERT INTO complaints (id, case_id, organisation_id, kind, state, version, approved_version, approved_at,
                                    started_by, key_id, draft_enc, approved_enc, letter_enc, sent_at, committee_due_at,
                                    decision, decided_at, measures_due_at, measures_at, created_at, updated_at)
            VALUES (:id, :caseId, :organisationId, :kind, :state, :version, :approvedVersion, :approvedAt,
                    :startedBy, :keyId, :draftEnc, :approvedEnc, :letterEnc, :sentAt, :committeeDueAt,
                    :decision, :decidedAt, :measuresDueAt, :measuresAt, :createdAt, :updatedAt)
            """)
    void insert(@BindMethods ComplaintRow row);

    @SqlQuery("SELECT * FROM complaints WHERE case_id = :caseId")
    Optional<ComplaintRow> forCase(String caseId);

    /** A changed draft: a new version, and any approval of an earlier one no longer counts. */
    @SqlUpdate("""
            UPDATE complaints SET draft_enc = :draftEnc, key_id = :keyId, version = version + 1,
                                  approved_version = NULL, approved_at = NULL, approved_enc = NULL, updated_at = :at
            WHERE id = :id AND state = 'draft'
            """)
    int updateDraft(String id, String draftEnc, String keyId, long at);

    /** The young person's approval of the version they saw; none when the draft changed in between. */
    @SqlUpdate("""
            UPDATE complaints SET approved_version = version, approved_at = :at, approved_enc = :approvedEnc,
                                  updated_at = :at
            WHERE id = :id AND state = 'draft' AND version = :version
            """)
    int approve(String id, int version, String approvedEnc, long at);

    @SqlUpdate("""
            UPDATE complaints SET state = 'sent', letter_enc = :letterEnc, sent_at = :at, committee_due_at = :due,
                                  updated_at = :at
            WHERE id = :id AND state = 'draft' AND approved_version = version AND version = :version
            """)
    int markSent(String id, int version, String letterEnc, long due, long at);

    @SqlUpdate("""
            UPDATE complaints SET state = 'decided', decision = :decision, decided_at = :decidedAt,
                                  measures_due_at = :measuresDue, updated_at = :at
            WHERE id = :id AND state = 'sent'
            """)
    int markDecided(String id, String decision, long decidedAt, long measuresDue, long at);

    @SqlUpdate("UPDATE complaints SET state = 'measures_known', measures_at = :at, updated_at = :at "
            + "WHERE id = :id AND state = 'decided'")
    int markMeasures(String id, long at);

    /** Erasure of the case: the complaint and its letter go with the case's content. */
    @SqlUpdate("DELETE FROM complaints WHERE case_id = :caseId")
    int deleteForCase(String caseId);

    @SqlQuery("SELECT * FROM complaint_settings WHERE organisation_id = :organisationId")
    Optional<Settings> settings(String organisationId);

    @SqlUpdate("""
            INSERT INTO complaint_settings (organisation_id, letterhead_name, letterhead_lines, committee_weeks,
                                            freedom_weeks, updated_at)
            VALUES (:organisationId, :letterheadName, :letterheadLines, :committeeWeeks, :freedomWeeks, :updatedAt)
            ON CONFLICT (organisation_id) DO UPDATE SET letterhead_name = excluded.letterhead_name,
                letterhead_lines = excluded.letterhead_lines, committee_weeks = excluded.committee_weeks,
                freedom_weeks = excluded.freedom_weeks, updated_at = excluded.updated_at
            """)
    void saveSettings(@BindMethods Settings settings);

    @SqlQuery("SELECT name FROM organisations WHERE id = :organisationId")
    Optional<String> organisationName(String organisationId);

    @SqlQuery("SELECT display_name FROM staff WHERE id = :staffId")
    Optional<String> staffName(String staffId);
}
