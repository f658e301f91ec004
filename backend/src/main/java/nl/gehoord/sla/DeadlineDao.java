package nl.gehoord.sla;

import java.util.Optional;
import nl.gehoord.intake.CaseStatus;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The deadline columns of a case, which only {@link DueDates} writes. */
@RegisterConstructorMapper(DeadlineDao.Clocked.class)
@RegisterConstructorMapper(DeadlineDao.Candidate.class)
public interface DeadlineDao {
    /** An open case with a deadline at 75% of its time or later, for the SLA pass. */
    record Candidate(String id, String assignedStaffId, long createdAt, @Nested Deadlines deadlines) {
    }

    /** What the deadlines of a case depend on. */
    record Clocked(String id, String organisationId, CaseStatus status, boolean urgent, long createdAt,
                   @Nested Deadlines deadlines) {
    }

    @SqlQuery("""
            SELECT id, organisation_id, status, urgent, created_at, first_response_due_at, first_response_at,
                   next_response_since, next_response_due_at, resolution_due_at
            FROM cases WHERE id = :caseId
            """)
    Optional<Clocked> clocked(String caseId);

    @SqlUpdate("""
            UPDATE cases SET first_response_due_at = :d.firstResponseDueAt, first_response_at = :d.firstResponseAt,
                             next_response_since = :d.nextResponseSince, next_response_due_at = :d.nextResponseDueAt,
                             resolution_due_at = :d.resolutionDueAt, sla_due_at = :slaDueAt
            WHERE id = :caseId
            """)
    void write(String caseId, @BindMethods("d") Deadlines d, Long slaDueAt);

    /** Open cases with a deadline at least 75% used at {@code now}, oldest first. */
    @SqlQuery("""
            SELECT id, assigned_staff_id, created_at, first_response_due_at, first_response_at,
                   next_response_since, next_response_due_at, resolution_due_at
            FROM cases
            WHERE status IN ('received', 'assigned', 'in_conversation', 'formal_complaint')
              AND erased_at IS NULL
              AND ((first_response_at IS NULL AND first_response_due_at IS NOT NULL
                    AND created_at + (first_response_due_at - created_at) * 3 / 4 <= :now)
                OR (next_response_due_at IS NOT NULL
                    AND next_response_since + (next_response_due_at - next_response_since) * 3 / 4 <= :now)
                OR (resolution_due_at IS NOT NULL
                    AND created_at + (resolution_due_at - created_at) * 3 / 4 <= :now))
            ORDER BY created_at, id
            """)
    java.util.List<Candidate> atRisk(long now);

    /** The receipt on the young person's timeline shows the same first-answer time as the inbox. */
    @SqlUpdate("UPDATE case_events SET due_at = :dueAt WHERE case_id = :caseId AND type = 'received'")
    void showOnReceipt(String caseId, Long dueAt);
}
