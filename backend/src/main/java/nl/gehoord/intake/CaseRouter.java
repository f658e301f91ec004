package nl.gehoord.intake;

import org.jdbi.v3.core.Handle;

/**
 * Decides which organisation receives a new case and, where it can, who handles it. Runs inside the case's
 * write transaction so routing and the case are stored together.
 */
public interface CaseRouter {
    /**
     * What a router needs to know; only coded facts, never the young person's words. {@code organisationId} is the
     * region's organisation when the caller has already read it, else null.
     */
    record Request(String caseId, String kind, String topic, String setting, String regionCode, String locationId,
                   boolean urgent, String organisationId) {
        public Request(String caseId, String kind, String topic, String setting, String regionCode, String locationId,
                       boolean urgent) {
            this(caseId, kind, topic, setting, regionCode, locationId, urgent, null);
        }
    }

    /**
     * The organisation that owns the case, the trust person it went to (null: the coordinators' queue) and the
     * team that handles it (null: the organisation's own queue).
     */
    record Decision(String organisationId, String assignedStaffId, String teamId) {
        public Decision(String organisationId, String assignedStaffId) {
            this(organisationId, assignedStaffId, null);
        }
    }

    Decision route(Handle handle, Request request);
}
