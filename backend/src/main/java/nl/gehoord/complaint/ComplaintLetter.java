package nl.gehoord.complaint;

import com.ibm.icu.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import nl.gehoord.intake.CaseTexts;
import nl.gehoord.text.Messages;

/**
 * Drafts the formal letter (Dutch) from what is known: the case's topic, setting, location and date, the young
 * person's answers and own words, and the trust person's support. Each paragraph names the catalog key of its
 * plain version, which the young person reads in their own language beside it.
 */
public final class ComplaintLetter {
    /** The paragraphs of every letter, in order: each is an element a complaints committee needs. */
    public static final List<String> PARTS = List.of("complainant", "about", "facts", "complaint", "request",
            "hearing", "support");
    private static final Properties TEXTS = Messages.load("complaint/letter_nl.properties");
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH)
            .withZone(CaseTexts.ZONE);

    /**
     * One paragraph: its id, Dutch heading, the formal text (the trust person may rewrite it), the young person's
     * own words quoted under it (or null), and the key of its plain version.
     */
    public record Paragraph(String id, String heading, String text, String ownWords, String plainKey) {
    }

    /** Everything a letter says, besides the letterhead. */
    public record Letter(String kind, String subject, String addressee, List<Paragraph> paragraphs,
                         String trustPersonName) {
    }

    /** What the draft is made from. {@code provider} and {@code location} are null when the case names no place. */
    public record Facts(String kind, String topic, String setting, long reportedAt, String provider, String location,
                        String organisationName, String trustPersonName) {
    }

    private ComplaintLetter() {
    }

    public static Letter draft(Facts facts, ComplaintDraft draft) {
        List<Paragraph> parts = new ArrayList<>();
        String careOf = facts.provider() == null ? "de zorgaanbieder" : facts.provider();
        parts.add(part("complainant", draft, draft.nameInLetter() ? say("letter.complainant.named", draft.fullName())
                        : say("letter.complainant.unnamed", careOf), null,
                draft.nameInLetter() ? "complaint.part.complainant.named" : "complaint.part.complainant.unnamed"));
        String setting = say("letter.setting." + known(facts.setting(), "other", "letter.setting."));
        parts.add(part("about", draft, facts.provider() == null ? say("letter.about.no_location", careOf, setting)
                : say("letter.about", facts.provider(), facts.location(), setting), null, "complaint.part.about.plain"));
        String reported = DATE.format(Instant.ofEpochMilli(facts.reportedAt()));
        parts.add(part("facts", draft, say(draft.story() == null ? "letter.facts.none" : "letter.facts", reported),
                draft.story(), "complaint.part.facts.plain"));
        String topic = say("letter.topic." + known(facts.topic(), "other", "letter.topic."));
        boolean freedom = "freedom_restriction".equals(facts.kind());
        parts.add(part("complaint", draft, say(freedom ? "letter.complaint.freedom_restriction"
                        : "letter.complaint.committee", topic), null,
                freedom ? "complaint.part.complaint.freedom_restriction" : "complaint.part.complaint.committee"));
        parts.add(part("request", draft, say(draft.whatNow() == null ? "letter.request.none" : "letter.request"),
                draft.whatNow(), "complaint.part.request.plain"));
        boolean heard = !"no".equals(draft.hearing());
        String companion = heard && draft.companion() != null ? say("letter.companion." + draft.companion()) : "";
        parts.add(part("hearing", draft, say(heard ? "letter.hearing.yes" : "letter.hearing.no", companion).strip(),
                null, heard ? "complaint.part.hearing.yes" : "complaint.part.hearing.no"));
        parts.add(part("support", draft, say("letter.support", facts.trustPersonName(), facts.organisationName()),
                null, "complaint.part.support.plain"));
        return new Letter(facts.kind(), say("letter.subject." + (freedom ? "freedom_restriction" : "committee")),
                say("letter.addressee", careOf), List.copyOf(parts), facts.trustPersonName());
    }

    /** The formal text, or the trust person's own wording of that paragraph. */
    private static Paragraph part(String id, ComplaintDraft draft, String text, String ownWords, String plainKey) {
        String wording = draft.wording().get(id);
        return new Paragraph(id, say("letter.heading." + id), wording != null ? wording : text, ownWords, plainKey);
    }

    private static String known(String value, String fallback, String prefix) {
        return value != null && TEXTS.containsKey(prefix + value) ? value : fallback;
    }

    static String say(String key, Object... args) {
        String pattern = TEXTS.getProperty(key);
        if (pattern == null) {
            throw new IllegalStateException("letter text missing: " + key);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, DUTCH).format(args);
    }

    static String date(long millis) {
        return DATE.format(Instant.ofEpochMilli(millis));
    }

    /** All text of the letter in reading order: what the PDF prints and what approval covers. */
    public static List<String> lines(Letter letter) {
        List<String> lines = new ArrayList<>();
        lines.add(letter.subject());
        lines.add(letter.addressee());
        for (Paragraph p : letter.paragraphs()) {
            lines.add(p.heading());
            lines.add(p.text());
            if (p.ownWords() != null) {
                lines.add(p.ownWords());
            }
        }
        return lines;
    }
}
