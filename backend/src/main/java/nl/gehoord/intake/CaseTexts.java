package nl.gehoord.intake;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.text.Language;
import nl.gehoord.text.Messages;

/**
 * Plain-language words about a case: its status, the timeline (what happened, what happens next, by when).
 * Every text comes from the catalogs; only a trust person's own explanation is shown as they wrote it.
 */
public final class CaseTexts {
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final Messages messages;
    private final FieldCipher cipher;

    public CaseTexts(Messages messages, FieldCipher cipher) {
        this.messages = messages;
        this.cipher = cipher;
    }

    public String status(Language language, CaseStatus status) {
        return messages.get(language, "status." + status);
    }

    /** A date and time a child reads easily, such as "dinsdag 25 november, 14:00". */
    public String when(Language language, Instant instant) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.forLanguageTag(language.tag()));
        return format.format(instant.atZone(ZONE));
    }

    public List<String> nextStepsAfterCreate(Language language, boolean urgent, Instant dueBy) {
        List<String> steps = new ArrayList<>();
        steps.add(messages.get(language, "created.next.read"));
        steps.add(messages.get(language, urgent ? "created.next.answer_urgent" : "created.next.answer", when(language, dueBy)));
        steps.add(messages.get(language, "created.next.code"));
        if (urgent) {
            steps.add(messages.get(language, "created.next.danger"));
        }
        return steps;
    }

    public List<CaseViews.TimelineEntry> timeline(Language language, List<CaseDao.EventRow> events) {
        List<CaseViews.TimelineEntry> entries = new ArrayList<>();
        for (CaseDao.EventRow event : events) {
            String base = "status_changed".equals(event.type()) ? "timeline.status." + event.status() : "timeline." + event.type();
            String title = messages.has(base + ".title") ? messages.get(language, base + ".title")
                    : messages.get(language, "timeline.other.title");
            String text;
            if (event.explanationEnc() != null) {
                text = cipher.open(event.explanationEnc(), event.caseId(), "explanation");
            } else if (messages.has(base + ".text")) {
                text = event.dueAt() != null && messages.has(base + ".text_due")
                        ? messages.get(language, base + ".text_due", when(language, Instant.ofEpochMilli(event.dueAt())))
                        : messages.get(language, base + ".text");
            } else {
                text = messages.get(language, "timeline.other.text");
            }
            entries.add(new CaseViews.TimelineEntry(event.type(), Instant.ofEpochMilli(event.createdAt()), title, text,
                    event.dueAt() == null ? null : Instant.ofEpochMilli(event.dueAt())));
        }
        return entries;
    }

    /** What happens next, given the status and the latest due date on the timeline. */
    public CaseViews.NextStep nextStep(Language language, CaseDao.CaseRow row, List<CaseDao.EventRow> events) {
        Long due = null;
        for (CaseDao.EventRow event : events) {
            if (event.dueAt() != null) {
                due = event.dueAt();
            }
        }
        if (row.status() == CaseStatus.RECEIVED && row.firstResponseDueAt() != null) {
            due = row.firstResponseDueAt();
        }
        String key = "next." + row.status();
        boolean closed = !row.status().isOpen();
        if (due != null && !closed && messages.has(key + "_due")) {
            Instant dueBy = Instant.ofEpochMilli(due);
            return new CaseViews.NextStep(messages.get(language, key + "_due", when(language, dueBy)), dueBy);
        }
        return new CaseViews.NextStep(messages.get(language, key), null);
    }
}
