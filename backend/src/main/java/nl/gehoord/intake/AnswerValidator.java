package nl.gehoord.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.FieldError;
import nl.gehoord.safety.DangerPhrases;

/**
 * Checks a new case against the flow version the app used: walks the path the answers take, so a required
 * question on that path must be answered, a question off the path must not be, and every choice must be one of
 * the offered options. Collects every problem at once so the app can show them together.
 */
public final class AnswerValidator {
    public static final int MAX_STORY = 4000;
    public static final int MAX_ABOUT_TEXT = 500;
    public static final int MAX_CONTACT_FIELD = 100;
    public static final int MAX_ANSWERS = 50;

    private final FlowCatalog flow;
    private final DangerPhrases danger;

    public AnswerValidator(FlowCatalog flow) {
        this(flow, DangerPhrases.standard());
    }

    public AnswerValidator(FlowCatalog flow, DangerPhrases danger) {
        this.flow = flow;
        this.danger = danger;
    }

    /** The checked, cleaned case as the service stores it. */
    public record ValidCase(String kind, Map<String, String> answers, String story, String region, String setting,
                            String ageBand, String locationId, String aboutText, NewCaseRequest.Contact contact,
                            String contactPreference, String topic, boolean urgent, int flowVersion) {
    }

    /** The places a case can name; looked up in the database by the caller. */
    public interface Places {
        boolean regionExists(String regionCode);

        /** The region of a care location, or empty when there is no such location. */
        java.util.Optional<String> regionOf(String locationId);
    }

    public ValidCase validate(NewCaseRequest request, Places places) {
        FlowDefinition definition = flow.definition();
        List<FieldError> errors = new ArrayList<>();
        if (request.flowVersion() != null && request.flowVersion() != definition.version()) {
            throw ApiException.validation("flowVersion", "flow_outdated");
        }
        if (request.kind() == null) {
            throw ApiException.validation("kind", "required");
        }
        FlowDefinition.Kind kind = definition.kind(request.kind())
                .orElseThrow(() -> ApiException.validation("kind", "unknown_option"));
        Map<String, String> given = request.answers() == null ? Map.of() : request.answers();
        if (given.size() > MAX_ANSWERS) {
            throw ApiException.validation("answers", "too_many");
        }
        Map<String, String> topLevel = new LinkedHashMap<>();
        topLevel.put("setting", request.setting());
        topLevel.put("ageBand", request.ageBand());
        topLevel.put("contactPreference", request.contactPreference());
        topLevel.put("region", request.region());
        topLevel.put("story", request.story());

        Map<String, String> cleanAnswers = new LinkedHashMap<>();
        Set<String> asked = new HashSet<>();
        List<String> typed = new ArrayList<>();
        boolean urgent = kind.urgent();
        Map<String, FlowDefinition.Step> steps = definition.stepsById();
        FlowDefinition.Step step = steps.get(kind.firstStep());
        int guard = 0;
        while (step != null && !step.isSummary() && guard++ < steps.size()) {
            FlowDefinition.Question q = step.question();
            String target = q.targetOrDefault();
            String next = step.next();
            boolean inAnswers = target.equals("answers");
            if (inAnswers) {
                asked.add(q.id());
            }
            if ("choice".equals(q.type()) && (inAnswers || topLevel.containsKey(target))) {
                String field = inAnswers ? "answers." + q.id() : target;
                String value = inAnswers ? given.get(q.id()) : topLevel.get(target);
                var option = choice(q, value, field, errors);
                if (option.isPresent()) {
                    if (inAnswers) {
                        cleanAnswers.put(q.id(), value);
                    }
                    urgent |= option.get().urgent();
                    next = option.get().next() != null ? option.get().next() : next;
                }
            } else if (inAnswers) {
                String field = "answers." + q.id();
                int max = q.maxLength() == null ? MAX_STORY : q.maxLength();
                String text = TextRules.clean(given.get(q.id()), field, max, q.required(), errors);
                if (text != null) {
                    cleanAnswers.put(q.id(), text);
                    typed.add(text);
                }
            } else if (q.required() && target.equals("region") && request.region() == null) {
                errors.add(new FieldError("region", "required"));
            }
            step = next == null ? null : steps.get(next);
        }
        for (String questionId : given.keySet()) {
            if (!asked.contains(questionId)) {
                boolean known = definition.question(questionId).isPresent();
                errors.add(new FieldError("answers." + shortKey(questionId), known ? "not_asked" : "unknown_question"));
            }
        }
        // Top-level choices the path did not reach are still checked against the flow's options.
        for (String target : List.of("setting", "ageBand", "contactPreference")) {
            String value = topLevel.get(target);
            var question = definition.questionForTarget(target);
            if (value != null && question.isPresent() && question.get().option(value).isEmpty()
                    && errors.stream().noneMatch(e -> e.field().equals(target))) {
                errors.add(new FieldError(target, "unknown_option"));
            }
            if (value == null && question.isPresent() && question.get().required()
                    && errors.stream().noneMatch(e -> e.field().equals(target))) {
                errors.add(new FieldError(target, "required"));
            }
        }
        if (request.region() == null && errors.stream().noneMatch(e -> e.field().equals("region"))) {
            errors.add(new FieldError("region", "required"));
        } else if (request.region() != null
                && (!request.region().matches("[a-z0-9-]{1,40}") || !places.regionExists(request.region()))) {
            errors.add(new FieldError("region", "unknown_option"));
        }
        String story = TextRules.clean(request.story(), "story", MAX_STORY, false, errors);
        String locationId = null;
        String aboutText = null;
        if (request.about() != null) {
            locationId = request.about().locationId();
            if (locationId != null && (!locationId.matches("[A-Za-z0-9-]{1,64}")
                    || !places.regionOf(locationId).map(r -> r.equals(request.region())).orElse(false))) {
                errors.add(new FieldError("about.locationId", "unknown_option"));
                locationId = null;
            }
            aboutText = TextRules.clean(request.about().text(), "about.text", MAX_ABOUT_TEXT, false, errors);
        }
        NewCaseRequest.Contact contact = null;
        if (request.contact() != null) {
            String name = TextRules.clean(request.contact().name(), "contact.name", MAX_CONTACT_FIELD, false, errors);
            String phone = TextRules.clean(request.contact().phone(), "contact.phone", 20, false, errors);
            if (phone != null && !phone.matches("\\+?[0-9 ()-]{6,20}")) {
                errors.add(new FieldError("contact.phone", "invalid_phone"));
                phone = null;
            }
            String bestTime = TextRules.clean(request.contact().bestTime(), "contact.bestTime", MAX_CONTACT_FIELD,
                    false, errors);
            if (name != null || phone != null || bestTime != null) {
                contact = new NewCaseRequest.Contact(name, phone, bestTime);
            }
        }
        if ("phone_call".equals(request.contactPreference()) && (contact == null || contact.phone() == null)
                && errors.stream().noneMatch(e -> e.field().startsWith("contact"))) {
            errors.add(new FieldError("contact.phone", "required_for_call"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        // Words of danger or self-harm in anything typed make the case urgent, whatever the path said.
        typed.add(story);
        typed.add(aboutText);
        urgent |= danger.anyIn(typed);
        String topic = cleanAnswers.get("topic");
        return new ValidCase(kind.id(), cleanAnswers, story, request.region(), request.setting(), request.ageBand(),
                locationId, aboutText, contact, request.contactPreference(), topic, urgent, definition.version());
    }

    /** The chosen option of a choice question; records an error when it is missing but required, or unknown. */
    private static java.util.Optional<FlowDefinition.Option> choice(FlowDefinition.Question q, String value, String field,
                                                                 List<FieldError> errors) {
        if (value == null) {
            if (q.required()) {
                errors.add(new FieldError(field, "required"));
            }
            return java.util.Optional.empty();
        }
        var option = q.option(value);
        if (option.isEmpty()) {
            errors.add(new FieldError(field, "unknown_option"));
        }
        return option;
    }

    private static String shortKey(String key) {
        String cleaned = key.replaceAll("[^A-Za-z0-9_-]", "?");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }
}
