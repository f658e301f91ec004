package nl.gehoord.events;

/**
 * Something happened to a case. Carries ids and a type only, never content, so listeners (push, statistics)
 * cannot leak what a young person wrote.
 *
 * @param type    what happened (see the constants)
 * @param caseId  the case
 * @param staffId the staff member concerned (the new assignee, the author of a reply), or null
 */
public record CaseEvent(String type, String caseId, String staffId) {
    public static final String RECEIVED = "case_received";
    public static final String ASSIGNED = "case_assigned";
    public static final String REASSIGNED = "case_reassigned";
    public static final String REPLY = "reply";
    public static final String YOUNG_PERSON_MESSAGE = "young_person_message";
    public static final String STATUS_CHANGED = "status_changed";
    public static final String DUE_DATE_MOVED = "due_date_moved";
    public static final String SLA_WARNING = "sla_warning";
    public static final String SLA_BREACHED = "sla_breached";
    public static final String WITHDRAWN = "withdrawn";
    public static final String ERASED = "erased";
    /** Another phone claimed the case with its code. */
    public static final String DEVICE_LINKED = "device_linked";

    public static CaseEvent of(String type, String caseId) {
        return new CaseEvent(type, caseId, null);
    }
}
