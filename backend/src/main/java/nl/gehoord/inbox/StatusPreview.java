package nl.gehoord.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.gehoord.db.Database;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.FieldError;
import nl.gehoord.intake.CaseDao;
import nl.gehoord.intake.CaseStatus;
import nl.gehoord.intake.CaseTexts;
import nl.gehoord.intake.CaseViews;
import nl.gehoord.intake.TextRules;
import nl.gehoord.text.Language;
import nl.gehoord.text.Wording;

/**
 * Shows a trust person, before they send a status change, exactly what the young person's app will show for it:
 * in the young person's language, from the same catalog texts the app's answer is built from. Changes nothing.
 */
public final class StatusPreview {
    private final Database db;
    private final InboxService inbox;
    private final CaseTexts texts;
    private final Clock clock;

    public StatusPreview(Database db, InboxService inbox, CaseTexts texts, Clock clock) {
        this.db = db;
        this.inbox = inbox;
        this.texts = texts;
        this.clock = clock;
    }

    /** The young person's view of the change: their language, the status word, the timeline entry, what is next. */
    public record Preview(String language, String statusText, CaseViews.TimelineEntry entry,
                          CaseViews.NextStep nextStep) {
    }

    public Preview preview(Actor.Staff me, String caseId, InboxService.StatusChange change) {
        List<FieldError> errors = new ArrayList<>();
        CaseStatus status = change.status() == null ? null : CaseStatus.parse(change.status()).orElse(null);
        if (status == null || !StatusMachine.SETTABLE.contains(status)) {
            errors.add(new FieldError("status", change.status() == null ? "required" : "unknown_option"));
        }
        String explanation = TextRules.clean(change.explanation(), "explanation", InboxService.MAX_EXPLANATION, false,
                errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Language language = db.read(h -> {
            inbox.access(h, me, caseId);
            return Language.ofTag(h.attach(CaseDao.class).readerLocale(caseId).orElse(null));
        });
        Instant dueAt = change.dueAt() != null && StatusMachine.WITH_DUE_DATE.contains(status)
                ? change.dueAt() : null;
        Wording w = new Wording(language);
        return new Preview(language.tag(), texts.status(w, status),
                texts.statusEntry(w, status, explanation, dueAt, clock.instant()),
                texts.nextStepFor(w, status, dueAt));
    }
}
