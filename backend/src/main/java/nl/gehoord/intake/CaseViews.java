package nl.gehoord.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.gehoord.text.TextInfo;

/**
 * What the young person's app receives about cases. Texts are already in the asked language; every answer with
 * texts carries {@code language}, {@code direction}, {@code reviewed} (and {@code fallbackLanguages} when a text
 * was missing) from an unwrapped {@link TextInfo}.
 */
public final class CaseViews {
    private CaseViews() {
    }

    public record Created(String caseId, String caseCode, CaseStatus status, String statusText, boolean urgent,
                          List<String> nextSteps, Instant firstResponseDueBy, Instant createdAt,
                          List<ContentCatalog.HelpContactView> helpContacts, @JsonUnwrapped TextInfo textInfo) {
    }

    public record Summary(String caseId, String kind, CaseStatus status, String statusText, boolean urgent,
                          Instant createdAt, Instant updatedAt, @JsonUnwrapped TextInfo textInfo) {
    }

    public record CaseList(List<Summary> cases, @JsonUnwrapped TextInfo textInfo) {
    }

    public record Detail(String caseId, String kind, CaseStatus status, String statusText, boolean urgent,
                         Instant createdAt, Instant updatedAt, List<TimelineEntry> timeline, NextStep nextStep,
                         List<MessageView> messages, List<ContentCatalog.HelpContactView> helpContacts,
                         @JsonUnwrapped TextInfo textInfo) {
    }

    public record TimelineEntry(String type, Instant at, String title, String text, Instant dueBy) {
    }

    /**
     * {@code dueIn}: the due date in days ("Dat is over 3 dagen."), absent without one; {@code choices}: what the
     * young person can do now, always including that they may stop.
     */
    public record NextStep(String text, Instant dueBy, String dueIn, String choices) {
    }

    public record MessageView(String messageId, int seq, String author, String text, Instant sentAt) {
    }

    public record MessagePage(List<MessageView> messages, Integer nextAfter) {
    }

    /**
     * {@code headings}: a plain heading per section (title, case, story, messages, timeline, complaint, feedback,
     * devices). {@code complaint} is there only when the case has a formal complaint.
     */
    public record Export(Instant exportedAt, Map<String, String> headings, ExportCase caseData,
                         List<MessageView> messages, List<TimelineEntry> timeline,
                         @JsonInclude(JsonInclude.Include.NON_NULL) ExportComplaint complaint,
                         ExportFeedback feedback, List<ExportDevice> devices, @JsonUnwrapped TextInfo textInfo) {
    }

    /**
     * The formal complaint: where it is on its route with its dates, the young person's answers, and the letter
     * as they approved it, each paragraph beside its plain version. {@code letter} is empty while no version is
     * approved (or the approved one was changed since).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExportComplaint(String kind, String state, Instant startedAt, Integer approvedVersion,
                                  Instant approvedAt, Instant sentAt, Instant committeeDueBy, String decision,
                                  Instant decidedAt, Instant measuresDueBy, Instant measuresAt,
                                  Map<String, String> answers, List<ExportLetterPart> letter) {
    }

    /** One paragraph of the approved letter: the Dutch heading and text, their own words, and what it says. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExportLetterPart(String id, String title, String plain, String letterHeading, String letterText,
                                   String ownWords) {
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
