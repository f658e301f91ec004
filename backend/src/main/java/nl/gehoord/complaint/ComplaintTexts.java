package nl.gehoord.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.gehoord.intake.CaseViews;
import nl.gehoord.text.Language;
import nl.gehoord.text.Messages;
import nl.gehoord.text.Wording;

/**
 * The young person's words about their formal complaint, from the message catalogs: the questions, each
 * paragraph's title and plain version ("this part says: ...") in their language beside the Dutch letter.
 */
public final class ComplaintTexts {
    /** Each paragraph's title for the young person, by paragraph id. */
    static final Map<String, String> PART_TITLES = Map.of(
            "complainant", "complaint.part.complainant.title",
            "about", "complaint.part.about.title",
            "facts", "complaint.part.facts.title",
            "complaint", "complaint.part.complaint.title",
            "request", "complaint.part.request.title",
            "hearing", "complaint.part.hearing.title",
            "support", "complaint.part.support.title");

    private final Messages messages;

    public ComplaintTexts(Messages messages) {
        this.messages = messages;
    }

    /** The plain version of a paragraph (for the trust person's view: what the young person reads). */
    String plain(Language language, String key) {
        return messages.get(language, key);
    }

    ComplaintViews.ForYoungPerson youthView(ComplaintDao.ComplaintRow row, ComplaintDraft draft,
                                            ComplaintLetter.Letter letter, ComplaintViews.Route route,
                                            Language language) {
        Wording w = new Wording(language);
        Map<String, String> answers = answers(draft);
        List<ComplaintViews.Question> questions = new ArrayList<>();
        for (ComplaintQuestions.Question q : ComplaintQuestions.ALL) {
            boolean asked = switch (q.id()) {
                case "companion" -> !"no".equals(draft.hearing());
                case "fullName" -> draft.nameInLetter();
                default -> true;
            };
            if (!asked) {
                continue;
            }
            List<ComplaintViews.Option> options = q.options().stream()
                    .map(o -> new ComplaintViews.Option(o.id(), messages.get(w, o.labelKey()))).toList();
            questions.add(new ComplaintViews.Question(q.id(), messages.get(w, q.titleKey()),
                    messages.get(w, q.helpKey()), options.isEmpty() ? null : options, answers.get(q.id())));
        }
        List<ComplaintViews.YouthParagraph> paragraphs = letter.paragraphs().stream()
                .map(p -> new ComplaintViews.YouthParagraph(p.id(), messages.get(w, PART_TITLES.get(p.id())), messages.get(w, p.plainKey()), p.heading(), p.text(), p.ownWords()))
                .toList();
        String intro = messages.get(w, "draft".equals(row.state()) ? (row.approved() ? "complaint.intro.approved"
                : "complaint.intro.draft") : "complaint.intro.sent");
        Instant approvedAt = row.approved() && row.approvedAt() != null ? Instant.ofEpochMilli(row.approvedAt()) : null;
        return new ComplaintViews.ForYoungPerson(row.id(), row.caseId(), row.kind(), row.version(), draft.complete(),
                row.approved(), approvedAt, row.letterEnc() != null, intro, questions, paragraphs, route, w.info());
    }

    /** The export's view: the route with its dates, the answers, and the approved letter beside its plain words. */
    CaseViews.ExportComplaint forExport(ComplaintDao.ComplaintRow row, ComplaintDraft draft,
                                        ComplaintLetter.Letter approved, Wording w) {
        List<CaseViews.ExportLetterPart> letter = approved == null ? List.of() : approved.paragraphs().stream()
                .map(p -> new CaseViews.ExportLetterPart(p.id(), messages.get(w, PART_TITLES.get(p.id())),
                        messages.get(w, p.plainKey()), p.heading(), p.text(), p.ownWords()))
                .toList();
        return new CaseViews.ExportComplaint(row.kind(), row.state(), instant(row.createdAt()),
                approved == null ? null : row.approvedVersion(), approved == null ? null : instant(row.approvedAt()),
                instant(row.sentAt()), instant(row.committeeDueAt()), row.decision(), instant(row.decidedAt()),
                instant(row.measuresDueAt()), instant(row.measuresAt()), answers(draft), letter);
    }

    static Map<String, String> answers(ComplaintDraft draft) {
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        put(answers, "whatNow", draft.whatNow());
        put(answers, "hearing", draft.hearing());
        put(answers, "companion", draft.companion());
        put(answers, "name", draft.name());
        put(answers, "fullName", draft.fullName());
        put(answers, "story", draft.story());
        return answers;
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
