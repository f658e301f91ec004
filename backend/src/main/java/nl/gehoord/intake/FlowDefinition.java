package nl.gehoord.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The structure of the intake flow (resource flow/flow.json): kinds, steps, questions, options, branching, and
 * the route a case can take (the statuses explained to the young person before they start).
 */
public record FlowDefinition(int version, List<Kind> kinds, List<Step> steps, List<String> route) {

    public record Kind(String id, String icon, String firstStep, boolean urgent) {
    }

    public record Step(String id, String type, String next, Question question) {
        public boolean isSummary() {
            return "summary".equals(type);
        }
    }

    public record Question(String id, String type, String target, boolean required, Integer maxLength,
                           List<Option> options) {
        public String targetOrDefault() {
            return target == null ? "answers" : target;
        }

        public Optional<Option> option(String optionId) {
            return options == null ? Optional.empty()
                    : options.stream().filter(o -> o.id().equals(optionId)).findFirst();
        }
    }

    public record Option(String id, String icon, String next, boolean urgent) {
    }

    public Map<String, Step> stepsById() {
        return steps.stream().collect(Collectors.toMap(Step::id, Function.identity()));
    }

    public Optional<Kind> kind(String id) {
        return kinds.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** The question whose answer goes to a top-level field (setting, ageBand, ...), if the flow asks it. */
    public Optional<Question> questionForTarget(String target) {
        return steps.stream().map(Step::question).filter(q -> q != null && target.equals(q.targetOrDefault()))
                .findFirst();
    }

    public Optional<Question> question(String questionId) {
        return steps.stream().map(Step::question).filter(q -> q != null && q.id().equals(questionId)).findFirst();
    }
}
