package nl.gehoord.inbox;

import java.util.Map;
import java.util.Set;

/**
 * The steps a trust person may take: received -> assigned -> in_conversation -> formal_complaint ->
 * resolved | closed. "assigned" comes from assignment and "withdrawn" only from the young person; a resolved
 * case may be reopened when the young person writes that it is not solved.
 */
public final class StatusMachine {
    private static final Map<String, Set<String>> NEXT = Map.of(
            "received", Set.of("closed"),
            "assigned", Set.of("in_conversation", "formal_complaint", "resolved", "closed"),
            "in_conversation", Set.of("formal_complaint", "resolved", "closed"),
            "formal_complaint", Set.of("in_conversation", "resolved", "closed"),
            "resolved", Set.of("in_conversation", "closed"),
            "closed", Set.of(),
            "withdrawn", Set.of());

    /** Statuses a trust person may set at all. */
    public static final Set<String> SETTABLE = Set.of("in_conversation", "formal_complaint", "resolved", "closed");
    /** Statuses where a due date for the next step makes sense. */
    public static final Set<String> WITH_DUE_DATE = Set.of("in_conversation", "formal_complaint");

    private StatusMachine() {
    }

    public static boolean allowed(String from, String to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    public static boolean finishes(String status) {
        return "resolved".equals(status) || "closed".equals(status) || "withdrawn".equals(status);
    }
}
