package nl.gehoord.complaint;

import java.util.List;

/**
 * The few extra questions a formal complaint asks the young person, in the flow's style: one question a step,
 * choices where we can, their own words where we must. The texts are catalog keys in every language.
 */
public final class ComplaintQuestions {
    public static final List<String> HEARING = List.of("yes", "no");
    public static final List<String> COMPANIONS = List.of("trust_person", "parent", "someone_else", "nobody");
    public static final List<String> NAME = List.of("in_letter", "via_trust_person");
    public static final int MAX_WORDS = 4000;
    public static final int MAX_NAME = 200;

    /** One question: its id, its title and help keys, and its options (option id and label key), if any. */
    public record Question(String id, String titleKey, String helpKey, List<Option> options) {
    }

    public record Option(String id, String labelKey) {
    }

    public static final List<Question> ALL = List.of(
            new Question("whatNow", "complaint.question.what_now.title", "complaint.question.what_now.help", List.of()),
            new Question("hearing", "complaint.question.hearing.title", "complaint.question.hearing.help", List.of(
                    new Option("yes", "complaint.option.hearing.yes"),
                    new Option("no", "complaint.option.hearing.no"))),
            new Question("companion", "complaint.question.companion.title", "complaint.question.companion.help",
                    List.of(new Option("trust_person", "complaint.option.companion.trust_person"),
                            new Option("parent", "complaint.option.companion.parent"),
                            new Option("someone_else", "complaint.option.companion.someone_else"),
                            new Option("nobody", "complaint.option.companion.nobody"))),
            new Question("name", "complaint.question.name.title", "complaint.question.name.help", List.of(
                    new Option("in_letter", "complaint.option.name.in_letter"),
                    new Option("via_trust_person", "complaint.option.name.via_trust_person"))),
            new Question("fullName", "complaint.question.full_name.title", "complaint.question.full_name.help",
                    List.of()),
            new Question("story", "complaint.question.story.title", "complaint.question.story.help", List.of()));

    private ComplaintQuestions() {
    }
}
