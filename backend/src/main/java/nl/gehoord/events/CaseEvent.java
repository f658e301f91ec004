package nl.gehoord.events;

import nl.gehoord.db.Coded;

/**
 * Something happened to a case. Carries ids and a type only, never content, so listeners (push, statistics)
 * cannot leak what a young person wrote.
 *
 * @param type    what happened
 * @param caseId  the case
 * @param staffId the staff member concerned (the new assignee, the author of a reply), or null
 * @param snapshot the case as the publisher holds it, so listeners need not read it again; null when the
 *                 publisher did not load it
 */
public record CaseEvent(Type type, String caseId, String staffId, CaseSnapshot snapshot) {
    public CaseEvent(Type type, String caseId, String staffId) {
        this(type, caseId, staffId, null);
    }

    /** What happened; the code is what the push outbox stores and a push's data carries. */
    public enum Type implements Coded {
        RECEIVED("case_received"),
        ASSIGNED("case_assigned"),
        REASSIGNED("case_reassigned"),
        REPLY("reply"),
        YOUNG_PERSON_MESSAGE("young_person_message"),
        STATUS_CHANGED("status_changed"),
        DUE_DATE_MOVED("due_date_moved"),
        SLA_WARNING("sla_warning"),
        SLA_BREACHED("sla_breached"),
        WITHDRAWN("withdrawn"),
        ERASED("erased"),
        /** Another phone claimed the case with its code. */
        DEVICE_LINKED("device_linked");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    public static CaseEvent of(Type type, String caseId) {
        return new CaseEvent(type, caseId, null);
    }
}
