package nl.gehoord.intake;

import java.util.Set;

/** The statuses a case moves through. Codes are stable; what a young person reads comes from the catalogs. */
public final class CaseStatus {
    public static final String RECEIVED = "received";
    public static final String ASSIGNED = "assigned";
    public static final String IN_CONVERSATION = "in_conversation";
    public static final String FORMAL_COMPLAINT = "formal_complaint";
    public static final String RESOLVED = "resolved";
    public static final String CLOSED = "closed";
    public static final String WITHDRAWN = "withdrawn";

    public static final Set<String> OPEN = Set.of(RECEIVED, ASSIGNED, IN_CONVERSATION, FORMAL_COMPLAINT);
    public static final Set<String> FINISHED = Set.of(RESOLVED, CLOSED, WITHDRAWN);

    private CaseStatus() {
    }

    public static boolean isOpen(String status) {
        return OPEN.contains(status);
    }
}
