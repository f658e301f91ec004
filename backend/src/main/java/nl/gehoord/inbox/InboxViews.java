package nl.gehoord.inbox;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.gehoord.intake.CaseStatus;
import nl.gehoord.intake.CaseViews;

/** What trust persons and coordinators receive. Only coded facts in lists; content only in the opened case. */
public final class InboxViews {
    private InboxViews() {
    }

    public record Item(String caseId, String kind, String topic, String setting, String region, String ageBand,
                       CaseStatus status,
                       boolean urgent, Instant createdAt, Instant updatedAt, Instant dueAt, boolean overdue,
                       String slaState, int unread, boolean visitRequested, String assignedStaffId) {
    }

    public record Page(List<Item> cases, String nextCursor) {
    }

    public record Deadlines(Instant firstResponseDueAt, Instant firstResponseAt, Instant nextResponseDueAt,
                            Instant resolutionDueAt, Instant dueAt, String slaState) {
    }

    public record About(String locationId, String locationName, String text) {
    }

    public record TimelineEntry(String type, CaseStatus status, Instant at, String explanation, Instant dueAt) {
    }

    public record Note(String noteId, String staffId, String text, Instant createdAt) {
    }

    public record Opened(String staffId, String role, Instant at) {
    }

    /** The opened case. One flat object in the API; its parts are records of their own so none is filled wrongly. */
    public record Detail(@JsonUnwrapped Facts facts, @JsonUnwrapped Handling handling, @JsonUnwrapped Content content,
                         List<CaseViews.MessageView> messages, List<TimelineEntry> timeline, List<Note> notes,
                         List<Opened> openedBy) {
    }

    /** The coded facts of an opened case. */
    public record Facts(String caseId, String kind, String topic, String setting, String region, String ageBand,
                        CaseStatus status, boolean urgent, Instant createdAt, Instant updatedAt) {
    }

    /** Who handles an opened case, how the young person wants to talk, and by when. */
    public record Handling(String assignedStaffId, String teamId, String contactPreference, boolean visitRequested,
                           Instant visitAt, Deadlines deadlines) {
    }

    /** What the young person told, opened. */
    public record Content(Map<String, String> answers, String story, About about, Map<String, String> contact) {
    }

    public record StatusResult(String caseId, CaseStatus status, Instant updatedAt, Instant dueAt) {
    }

    public record AssignResult(String caseId, CaseStatus status, String assignedStaffId) {
    }

    public record VisitResult(String caseId, Instant visitAt) {
    }
}
