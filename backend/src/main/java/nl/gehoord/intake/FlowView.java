package nl.gehoord.intake;

import java.util.List;

/**
 * The intake flow in one language, as the app receives it from GET /v1/flow: the texts' language, direction and
 * review state (see {@link nl.gehoord.text.TextInfo}), the kinds, the steps, and the route a case can take.
 */
public record FlowView(int version, String language, String direction, boolean reviewed,
                       List<String> fallbackLanguages, List<Kind> kinds, List<Step> steps, List<RouteStep> route) {

    /** One status on the route: what it means, who does what, what the young person can choose. */
    public record RouteStep(String status, String title, String text) {
    }

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
