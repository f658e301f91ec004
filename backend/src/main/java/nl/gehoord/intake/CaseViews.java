package nl.gehoord.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the young person's app receives about cases. Texts are already in the asked language. */
public final class CaseViews {
    private CaseViews() {
    }

    public record Created(String caseId, String caseCode, CaseStatus status, String statusText, boolean urgent,
                          List<String> nextSteps, Instant firstResponseDueBy, Instant createdAt,
                          List<ContentCatalog.HelpContactView> helpContacts) {
    }

    public record Summary(String caseId, String kind, CaseStatus status, String statusText, boolean urgent,
                          Instant createdAt, Instant updatedAt) {
    }

    public record Detail(String caseId, String kind, CaseStatus status, String statusText, boolean urgent,
                         Instant createdAt, Instant updatedAt, List<TimelineEntry> timeline, NextStep nextStep,
                         List<MessageView> messages, List<ContentCatalog.HelpContactView> helpContacts) {
    }

    public record TimelineEntry(String type, Instant at, String title, String text, Instant dueBy) {
    }

    public record NextStep(String text, Instant dueBy) {
    }

    public record MessageView(String messageId, int seq, String author, String text, Instant sentAt) {
    }

    public record MessagePage(List<MessageView> messages, Integer nextAfter) {
    }

    public record Export(Instant exportedAt, ExportCase caseData, List<MessageView> messages,
                         List<TimelineEntry> timeline, ExportFeedback feedback, List<ExportDevice> devices) {
    }

    public record ExportCase(String caseId, String kind, CaseStatus status, boolean urgent, String topic, String setting,
                             String region, String ageBand, Map<String, String> answers, String story,
                             ExportAbout about, NewCaseRequest.Contact contact, String contactPreference,
                             Instant createdAt, Instant updatedAt) {
    }

    public record ExportAbout(String locationId, String locationName, String text) {
    }

    public record ExportFeedback(int score, String text, Instant givenAt) {
    }

    public record ExportDevice(String deviceId, Instant linkedAt) {
    }
}
