package nl.gehoord.sla;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Per-organisation time limits and the warnings and breaches raised. */
@RegisterConstructorMapper(SlaPolicy.class)
@RegisterConstructorMapper(SlaPolicyDao.Alert.class)
public interface SlaPolicyDao {
    record Alert(String caseId, String deadline, long dueAt, String level, long raisedAt) {
    }

    @SqlQuery("""
            SELECT first_response_working_days, urgent_first_response_minutes, next_response_working_days,
                   resolution_working_days
            FROM sla_policies WHERE organisation_id = :organisationId
            """)
    Optional<SlaPolicy> policy(String organisationId);

    @SqlUpdate("DELETE FROM sla_policies WHERE organisation_id = :organisationId")
    void deletePolicy(String organisationId);

    @SqlUpdate("""
            INSERT INTO sla_policies (organisation_id, first_response_working_days, urgent_first_response_minutes,
                                      next_response_working_days, resolution_working_days, updated_at)
            VALUES (:organisationId, :p.firstResponseWorkingDays, :p.urgentFirstResponseMinutes,
                    :p.nextResponseWorkingDays, :p.resolutionWorkingDays, :at)
            """)
    void insertPolicy(String organisationId, @BindMethods("p") SlaPolicy policy,
                      long at);

    @SqlQuery("SELECT * FROM sla_alerts WHERE case_id = :caseId ORDER BY raised_at, deadline, level")
    java.util.List<Alert> alerts(String caseId);

    @SqlUpdate("""
            INSERT INTO sla_alerts (case_id, deadline, due_at, level, raised_at)
            VALUES (:caseId, :deadline, :dueAt, :level, :raisedAt)
            """)
    void insertAlert(@BindMethods Alert alert);
}
