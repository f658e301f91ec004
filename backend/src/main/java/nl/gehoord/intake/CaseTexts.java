package nl.gehoord.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.text.Messages;
import nl.gehoord.text.Wording;

/**
 * Plain-language words about a case: its status, the timeline (what happened, what happens next, by when, what
 * the young person can choose), the export's headings. Every text comes from the catalogs; only a trust person's
 * own explanation is shown as they wrote it.
 */
public final class CaseTexts {
    public static final ZoneId ZONE = ZoneId.of(Wording.ZONE);
    /** The sections of an export, in the order the app shows them. */
    static final List<String> EXPORT_SECTIONS = List.of("title", "case", "story", "messages", "timeline",
            "complaint", "feedback", "devices");

    /**
     * The formal complaint's steps keep the case's status (before sending it is still in conversation; after the
     * decision it is still with the committee), so what comes next follows the latest step on the timeline
     * instead: the key after {@code next.}. Sending has none of its own: the status says it.
     */
    private static final Map<String, String> COMPLAINT_STEPS = Map.of(
            "complaint_started", "complaint_started",
            "complaint_changed", "complaint_changed",
            "complaint_approved", "complaint_approved",
            "committee_upheld", "complaint_decided",
            "committee_partly_upheld", "complaint_decided",
            "committee_rejected", "complaint_rejected",
            "provider_measures", "complaint_measures");

    private final Messages messages;
    private final FieldCipher cipher;
    private final Clock clock;

    public CaseTexts(Messages messages, FieldCipher cipher, Clock clock) {
        this.messages = messages;
        this.cipher = cipher;
        this.clock = clock;
    }

    public String status(Wording w, CaseStatus status) {
        return messages.get(w, "status." + status.code());
    }

    public List<String> nextStepsAfterCreate(Wording w, boolean urgent, Instant dueBy) {
        List<String> steps = new ArrayList<>();
        steps.add(messages.get(w, "created.next.read"));
        steps.add(messages.get(w, urgent ? "created.next.answer_urgent" : "created.next.answer", w.when(dueBy)));
        steps.add(messages.get(w, "created.next.code"));
        steps.add(messages.get(w, "created.next.stop"));
        if (urgent) {
            steps.add(messages.get(w, "created.next.danger"));
        }
        return steps;
    }

    public List<CaseViews.TimelineEntry> timeline(Wording w, List<CaseDao.EventRow> events) {
        List<CaseViews.TimelineEntry> entries = new ArrayList<>();
        for (CaseDao.EventRow event : events) {
            String base = "status_changed".equals(event.type()) ? "timeline.status." + event.status().code() : "timeline." + event.type();
            String title = messages.has(base + ".title") ? messages.get(w, base + ".title")
                    : messages.get(w, "timeline.other.title");
            String text;
            if (event.explanationEnc() != null) {
                text = cipher.open(event.explanationEnc(), event.caseId(), "explanation", event.id());
            } else if (messages.has(base + ".text")) {
                text = event.dueAt() != null && messages.has(base + ".text_due")
                        ? messages.get(w, base + ".text_due", w.when(Instant.ofEpochMilli(event.dueAt())))
                        : messages.get(w, base + ".text");
            } else {
                text = messages.get(w, "timeline.other.text");
            }
            entries.add(new CaseViews.TimelineEntry(event.type(), Instant.ofEpochMilli(event.createdAt()), title, text,
                    event.dueAt() == null ? null : Instant.ofEpochMilli(event.dueAt())));
        }
        return entries;
    }

    /**
     * The timeline entry a status change gives the young person, as their app will show it: the catalog's title
     * and the trust person's explanation as written (or the catalog's text when there is none).
     */
    public CaseViews.TimelineEntry statusEntry(Wording w, CaseStatus status, String explanation, Instant dueAt,
                                               Instant at) {
        String base = "timeline.status." + status.code();
        String title = messages.has(base + ".title") ? messages.get(w, base + ".title")
                : messages.get(w, "timeline.other.title");
        String text = explanation != null ? explanation
                : dueAt != null && messages.has(base + ".text_due") ? messages.get(w, base + ".text_due", w.when(dueAt))
                : messages.has(base + ".text") ? messages.get(w, base + ".text")
                : messages.get(w, "timeline.other.text");
        return new CaseViews.TimelineEntry("status_changed", at, title, text, dueAt);
    }

    /** What happens next after a status change to this status, with its due date when one is given. */
    public CaseViews.NextStep nextStepFor(Wording w, CaseStatus status, Instant dueAt) {
        String key = "next." + status.code();
        String choices = messages.get(w, "choices." + status.code());
        if (dueAt != null && messages.has(key + "_due")) {
            return new CaseViews.NextStep(messages.get(w, key + "_due", w.when(dueAt)), dueAt, dueIn(w, dueAt),
                    choices);
        }
        return new CaseViews.NextStep(messages.get(w, key), null, null, choices);
    }

    /** What happens next, given the status and the latest due date on the timeline, and what they can choose. */
    public CaseViews.NextStep nextStep(Wording w, CaseDao.CaseRow row, List<CaseDao.EventRow> events) {
        Long due = null;
        String step = null;
        for (CaseDao.EventRow event : events) {
            if (event.dueAt() != null) {
                due = event.dueAt();
            }
            if ("status_changed".equals(event.type()) || "complaint_sent".equals(event.type())) {
                step = null;
            } else if (COMPLAINT_STEPS.containsKey(event.type())) {
                step = COMPLAINT_STEPS.get(event.type());
            }
        }
        if (row.status() == CaseStatus.RECEIVED && row.firstResponseDueAt() != null) {
            due = row.firstResponseDueAt();
        }
        String key = "next." + (step != null && row.status().isOpen() ? step : row.status().code());
        String choices = messages.get(w, "choices." + row.status().code());
        boolean closed = !row.status().isOpen();
        if (due != null && !closed && messages.has(key + "_due")) {
            Instant dueBy = Instant.ofEpochMilli(due);
            return new CaseViews.NextStep(messages.get(w, key + "_due", w.when(dueBy)), dueBy, dueIn(w, dueBy),
                    choices);
        }
        return new CaseViews.NextStep(messages.get(w, key), null, null, choices);
    }

    /** "Dat is over 3 dagen.": calendar days in Amsterdam, with each language's plural forms; null once past. */
    String dueIn(Wording w, Instant dueBy) {
        long days = ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(ZONE)), dueBy.atZone(ZONE).toLocalDate());
        return days < 0 ? null : messages.get(w, "next.due_in_days", days);
    }

    /** The export's headings, one per section, so a printed or read-aloud export is in the young person's words. */
    public Map<String, String> exportHeadings(Wording w) {
        Map<String, String> headings = new LinkedHashMap<>();
        for (String section : EXPORT_SECTIONS) {
            headings.put(section, messages.get(w, "export.heading." + section));
        }
        return headings;
    }
}
