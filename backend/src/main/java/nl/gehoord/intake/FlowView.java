package nl.gehoord.intake;

import java.util.List;

/** The intake flow in one language, as the app receives it from GET /v1/flow. */
public record FlowView(int version, String language, List<Kind> kinds, List<Step> steps) {

    public record Kind(String id, String title, String description, String icon, String firstStep, boolean urgent) {
    }

    public record Step(String id, String type, String title, String help, String next, Question question) {
    }

    public record Question(String id, String type, String target, boolean required, Integer maxLength,
                           List<Option> options) {
    }

    public record Option(String id, String label, String icon, String next, boolean urgent) {
    }
}
