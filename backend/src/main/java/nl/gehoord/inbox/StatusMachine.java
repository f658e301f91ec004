package nl.gehoord.inbox;

import static nl.gehoord.intake.CaseStatus.ASSIGNED;
import static nl.gehoord.intake.CaseStatus.CLOSED;
import static nl.gehoord.intake.CaseStatus.FORMAL_COMPLAINT;
import static nl.gehoord.intake.CaseStatus.IN_CONVERSATION;
import static nl.gehoord.intake.CaseStatus.RECEIVED;
import static nl.gehoord.intake.CaseStatus.RESOLVED;
import static nl.gehoord.intake.CaseStatus.WITHDRAWN;

import java.util.Map;
import java.util.Set;
import nl.gehoord.intake.CaseStatus;

/**
 * The steps a trust person may take: received -> assigned -> in_conversation -> formal_complaint ->
 * resolved | closed. "assigned" comes from assignment and "withdrawn" only from the young person; a resolved
 * case may be reopened when the young person writes that it is not solved.
 */
public final class StatusMachine {
    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
            RECEIVED, Set.of(CLOSED),
            ASSIGNED, Set.of(IN_CONVERSATION, FORMAL_COMPLAINT, RESOLVED, CLOSED),
            IN_CONVERSATION, Set.of(FORMAL_COMPLAINT, RESOLVED, CLOSED),
            FORMAL_COMPLAINT, Set.of(IN_CONVERSATION, RESOLVED, CLOSED),
            RESOLVED, Set.of(IN_CONVERSATION, CLOSED),
            CLOSED, Set.of(),
            WITHDRAWN, Set.of());

    /** Statuses a trust person may set at all. */
    public static final Set<CaseStatus> SETTABLE = Set.of(IN_CONVERSATION, FORMAL_COMPLAINT, RESOLVED, CLOSED);
    /** Statuses where a due date for the next step makes sense. */
    public static final Set<CaseStatus> WITH_DUE_DATE = Set.of(IN_CONVERSATION, FORMAL_COMPLAINT);

    private StatusMachine() {
    }

    public static boolean allowed(CaseStatus from, CaseStatus to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    public static boolean finishes(CaseStatus status) {
        return !status.isOpen();
    }
}
