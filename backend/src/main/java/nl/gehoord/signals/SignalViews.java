package nl.gehoord.signals;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** What the signal endpoints answer. */
public final class SignalViews {
    private SignalViews() {
    }

    /** A signal for the organisation's staff. {@code state}: draft, sent, answered or overdue. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Signal(String signalId, String locationId, String locationName, String theme, String text,
                         int linkedCases, String createdBy, Instant createdAt, String recipient, Instant sentAt,
                         Instant answerDueBy, Instant answeredAt, String answer, String state) {
    }

    public record SignalList(List<Signal> signals) {
    }

    /**
     * The report for the provider's management or the inspectorate: the trust person's own words, the place and
     * theme, and how many cases it draws on in which months. Nothing that identifies a child.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(String reportType, String organisation, String location, String theme, String text,
                         int cases, String fromMonth, String toMonth, Instant writtenAt) {
    }

    /** One block of the report's text: {@code title}, {@code heading}, {@code paragraph}, {@code closing} or {@code note}. */
    public record ReportBlock(String kind, String text) {
    }

    /** The report as it is printed: the letterhead, then its blocks in reading order (Dutch). */
    public record ReportDocument(String reportType, String letterheadName, List<String> letterheadLines,
                                 List<ReportBlock> blocks) {
    }

    /** Several cases of one location share a theme in the period: a suggestion, people decide. */
    public record Suggestion(String locationId, String locationName, String theme, int cases, Instant firstAt,
                             Instant lastAt) {
    }

    public record Suggestions(int periodDays, int minimumCases, List<Suggestion> suggestions) {
    }
}
