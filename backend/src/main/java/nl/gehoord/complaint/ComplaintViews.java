package nl.gehoord.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.gehoord.text.TextInfo;

/** What the complaint endpoints answer. */
public final class ComplaintViews {
    private ComplaintViews() {
    }

    /** Where the complaint is on its route, for both sides. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Route(String state, Instant sentAt, Instant committeeDueBy, String decision, Instant decidedAt,
                        Instant measuresDueBy, Instant measuresAt) {
    }

    /** One paragraph as the young person sees it: the Dutch letter beside the plain version in their language. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record YouthParagraph(String id, String title, String plain, String letterHeading, String letterText,
                                 String ownWords) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Option(String id, String label) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(String id, String title, String help, List<Option> options, String answer) {
    }

    /** The young person's view: the questions, the letter side by side, and whether it is approved. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ForYoungPerson(String complaintId, String caseId, String kind, int version, boolean complete,
                                 boolean approved, Instant approvedAt, boolean letterReady, String intro,
                                 List<Question> questions, List<YouthParagraph> paragraphs,
                                 @JsonUnwrapped Route route, @JsonUnwrapped TextInfo textInfo) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StaffParagraph(String id, String heading, String text, String ownWords, boolean reworded,
                                 String plain) {
    }

    /** The trust person's view: the letter as it stands, the answers, and what is still missing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ForTrustPerson(String complaintId, String caseId, String kind, int version, boolean complete,
                                 boolean approved, Instant approvedAt, Map<String, String> answers,
                                 List<StaffParagraph> paragraphs, @JsonUnwrapped Route route) {
    }

    /** The trust person's view beside the young person's, as the staff pages show them. */
    public record ForTrustPersonPage(ForTrustPerson complaint, ForYoungPerson asRead) {
        /** The young person's version of one paragraph. */
        public YouthParagraph plain(String paragraphId) {
            return asRead.paragraphs().stream().filter(p -> p.id().equals(paragraphId)).findFirst().orElse(null);
        }
    }

    public record Settings(String organisationId, String letterheadName, List<String> letterheadLines,
                           int committeeWeeks, int freedomWeeks) {
    }
}
