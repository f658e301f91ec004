package nl.gehoord.complaint;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the letter is drafted from besides the case itself: the young person's answers to the extra questions and
 * their own words, and the trust person's changes to the formal wording of single paragraphs. Stored sealed as
 * one JSON value; null fields are not answered yet.
 *
 * @param whatNow      what should happen now, in the young person's words
 * @param hearing      {@code yes} or {@code no}: may the committee hear them
 * @param companion    who may come with them to the hearing (see {@link ComplaintQuestions#COMPANIONS})
 * @param name         {@code in_letter} or {@code via_trust_person}
 * @param fullName     their name, only when they chose {@code in_letter}
 * @param story        what happened, in their words (starts as the case's story)
 * @param wording      formal paragraphs the trust person rewrote, by paragraph id
 */
public record ComplaintDraft(String whatNow, String hearing, String companion, String name, String fullName,
                             String story, Map<String, String> wording) {
    public ComplaintDraft {
        wording = wording == null ? Map.of() : Map.copyOf(new TreeMap<>(wording));
    }

    public boolean nameInLetter() {
        return "in_letter".equals(name);
    }

    /** What the young person still has to answer before they can approve. */
    public boolean complete() {
        return whatNow != null && hearing != null && (!"yes".equals(hearing) || companion != null) && name != null
                && (!nameInLetter() || fullName != null);
    }
}
