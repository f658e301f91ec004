package nl.gehoord.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.gehoord.text.Catalog;
import nl.gehoord.text.Language;
import nl.gehoord.text.TextInfo;
import nl.gehoord.text.Wording;

/**
 * Loads the intake flow from resources once, checks that it is whole (every branch reaches the summary, every
 * text exists in every language), and renders it per language with an ETag.
 */
public final class FlowCatalog {
    private final FlowDefinition definition;
    private final Catalog texts = new Catalog("flow/texts_");
    private final Map<Language, FlowView> views = new EnumMap<>(Language.class);
    private final Map<Language, String> etags = new EnumMap<>(Language.class);

    public FlowCatalog() {
        this.definition = readDefinition("flow/flow.json");
        check();
        for (Language language : Language.values()) {
            FlowView view = render(language);
            views.put(language, view);
            etags.put(language, etagOf(language));
        }
    }

    public FlowDefinition definition() {
        return definition;
    }

    public FlowView view(Language language) {
        return views.get(language);
    }

    public String etag(Language language) {
        return etags.get(language);
    }

    public Catalog catalog() {
        return texts;
    }

    public String text(Language language, String key) {
        return new Wording(language).say(texts, key);
    }

    /** The plain label of an option, e.g. for the trust person's view or the summary. */
    public String optionLabel(Language language, String questionId, String optionId) {
        String key = "option." + questionId + "." + optionId;
        return texts.has(key) ? text(language, key) : optionId;
    }

    private static FlowDefinition readDefinition(String resource) {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = FlowCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return mapper.readValue(in, FlowDefinition.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private void check() {
        Map<String, FlowDefinition.Step> steps = definition.stepsById();
        List<String> problems = new ArrayList<>();
        Set<String> questionIds = new HashSet<>();
        for (FlowDefinition.Step step : definition.steps()) {
            if (step.isSummary()) {
                continue;
            }
            if (step.question() == null) {
                problems.add("step " + step.id() + " has no question");
                continue;
            }
            if (!questionIds.add(step.question().id())) {
                problems.add("question id " + step.question().id() + " is used twice");
            }
            if (step.next() != null && !steps.containsKey(step.next())) {
                problems.add("step " + step.id() + " goes to unknown step " + step.next());
            }
            List<FlowDefinition.Option> options = step.question().options() == null ? List.of()
                    : step.question().options();
            for (FlowDefinition.Option option : options) {
                if (option.next() != null && !steps.containsKey(option.next())) {
                    problems.add("option " + option.id() + " goes to unknown step " + option.next());
                }
                if (step.next() == null && option.next() == null) {
                    problems.add("option " + option.id() + " of step " + step.id() + " leads nowhere");
                }
            }
            if (step.next() == null && options.isEmpty()) {
                problems.add("step " + step.id() + " leads nowhere");
            }
        }
        for (FlowDefinition.Kind kind : definition.kinds()) {
            if (!steps.containsKey(kind.firstStep())) {
                problems.add("kind " + kind.id() + " starts at unknown step " + kind.firstStep());
            } else {
                checkReachesSummary(kind.firstStep(), steps, new HashSet<>(), problems);
            }
        }
        for (FlowDefinition.Kind kind : definition.kinds()) {
            if (kind.icon() == null || kind.icon().isBlank()) {
                problems.add("kind " + kind.id() + " has no icon");
            }
        }
        for (FlowDefinition.Step step : definition.steps()) {
            if (step.question() != null && step.question().options() != null) {
                step.question().options().stream().filter(o -> o.icon() == null || o.icon().isBlank())
                        .forEach(o -> problems.add("option " + o.id() + " of step " + step.id() + " has no icon"));
            }
        }
        // Dutch and English are written together and must be whole; other languages fall back per text.
        for (Language language : List.of(Language.NL, Language.EN)) {
            for (String key : textKeys()) {
                if (texts.raw(language, key) == null) {
                    problems.add("missing " + language.tag() + " text " + key);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The intake flow is broken: " + problems);
        }
    }

    private void checkReachesSummary(String stepId, Map<String, FlowDefinition.Step> steps, Set<String> path,
                                     List<String> problems) {
        FlowDefinition.Step step = steps.get(stepId);
        if (step == null || step.isSummary()) {
            return;
        }
        if (!path.add(stepId)) {
            problems.add("the flow loops at step " + stepId);
            return;
        }
        Set<String> nexts = new HashSet<>();
        if (step.next() != null) {
            nexts.add(step.next());
        }
        if (step.question() != null && step.question().options() != null) {
            step.question().options().stream().filter(o -> o.next() != null).forEach(o -> nexts.add(o.next()));
        }
        for (String next : nexts) {
            checkReachesSummary(next, steps, new HashSet<>(path), problems);
        }
    }

    /** Every text key the flow needs. */
    public List<String> textKeys() {
        List<String> keys = new ArrayList<>();
        for (FlowDefinition.Kind kind : definition.kinds()) {
            keys.add("kind." + kind.id() + ".title");
            keys.add("kind." + kind.id() + ".description");
        }
        for (FlowDefinition.Step step : definition.steps()) {
            keys.add("step." + step.id() + ".title");
            keys.add("step." + step.id() + ".help");
            if (step.question() != null && step.question().options() != null) {
                for (FlowDefinition.Option option : step.question().options()) {
                    keys.add("option." + step.question().id() + "." + option.id());
                }
            }
        }
        for (String status : route()) {
            keys.add("route." + status + ".title");
            keys.add("route." + status + ".text");
        }
        return keys;
    }

    private List<String> route() {
        return definition.route() == null ? List.of() : definition.route();
    }

    private FlowView render(Language language) {
        Wording w = new Wording(language);
        List<FlowView.Kind> kinds = definition.kinds().stream()
                .map(k -> new FlowView.Kind(k.id(), w.say(texts, "kind." + k.id() + ".title"),
                        w.say(texts, "kind." + k.id() + ".description"), k.icon(), k.firstStep(), k.urgent()))
                .toList();
        List<FlowView.Step> steps = definition.steps().stream().map(s -> {
            FlowView.Question question = null;
            if (s.question() != null) {
                FlowDefinition.Question q = s.question();
                List<FlowView.Option> options = q.options() == null ? null : q.options().stream()
                        .map(o -> new FlowView.Option(o.id(), w.say(texts, "option." + q.id() + "." + o.id()),
                                o.icon(), o.next(), o.urgent()))
                        .toList();
                question = new FlowView.Question(q.id(), q.type(), q.targetOrDefault(), q.required(), q.maxLength(),
                        options);
            }
            return new FlowView.Step(s.id(), s.isSummary() ? "summary" : "question",
                    w.say(texts, "step." + s.id() + ".title"), w.say(texts, "step." + s.id() + ".help"),
                    s.next(), question);
        }).toList();
        List<FlowView.RouteStep> route = route().stream()
                .map(status -> new FlowView.RouteStep(status, w.say(texts, "route." + status + ".title"),
                        w.say(texts, "route." + status + ".text")))
                .toList();
        TextInfo info = w.info();
        return new FlowView(definition.version(), info.language(), info.direction(), info.reviewed(),
                info.fallbackLanguages(), kinds, steps, route);
    }

    private String etagOf(Language language) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] bytes = nl.gehoord.http.Json.mapper().writeValueAsBytes(views.get(language));
            return "\"flow-" + definition.version() + "-" + language.tag() + "-"
                    + HexFormat.of().formatHex(digest.digest(bytes)).substring(0, 16) + "\"";
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
