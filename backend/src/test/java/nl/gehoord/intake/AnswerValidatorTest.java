package nl.gehoord.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.FieldError;
import org.junit.jupiter.api.Test;

/** The flow walk: the path the answers take decides what is required, allowed and urgent. */
class AnswerValidatorTest {
    private static final FlowCatalog FLOW = new FlowCatalog();
    private static final AnswerValidator.Places PLACES = new AnswerValidator.Places() {
        @Override
        public boolean regionExists(String regionCode) {
            return regionCode.equals("utrecht") || regionCode.equals("rotterdam");
        }

        @Override
        public java.util.Optional<String> regionOf(String locationId) {
            return locationId.equals("loc-utr-linde") ? java.util.Optional.of("utrecht") : java.util.Optional.empty();
        }
    };
    private final Validator validator = new Validator(new AnswerValidator(FLOW));

    /** The validator with this test's places. */
    private record Validator(AnswerValidator inner) {
        AnswerValidator.ValidCase validate(NewCaseRequest request) {
            return inner.validate(request, PLACES);
        }
    }

    private static NewCaseRequest request(String kind, Map<String, String> answers, String story) {
        return new NewCaseRequest(null, kind, answers, story, "utrecht", "residential", "13_15", null, null,
                "app_message");
    }

    private List<FieldError> errorsOf(NewCaseRequest request) {
        try {
            validator.validate(request);
            return List.of();
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(422);
            return e.errors();
        }
    }

    @Test
    void aPlainComplaintIsValidAndNotUrgent() {
        AnswerValidator.ValidCase valid = validator.validate(request("complaint", Map.of("topic", "freedom"), "  Mijn verhaal.  "));
        assertThat(valid.urgent()).isFalse();
        assertThat(valid.topic()).isEqualTo("freedom");
        assertThat(valid.story()).as("trimmed").isEqualTo("Mijn verhaal.");
    }

    @Test
    void violenceBranchesToTheSafetyStepAndIsUrgent() {
        assertThat(errorsOf(request("complaint", Map.of("topic", "physical_violence"), null)))
                .containsExactly(new FieldError("answers.safety", "required"));
        AnswerValidator.ValidCase valid = validator.validate(
                request("complaint", Map.of("topic", "physical_violence", "safety", "safe_now"), null));
        assertThat(valid.urgent()).as("the topic itself is urgent").isTrue();
        assertThat(validator.validate(request("unsafe", Map.of("safety", "safe_now"), null)).urgent()).isTrue();
    }

    @Test
    void questionsOffThePathAndUnknownOnesAreRefused() {
        assertThat(errorsOf(request("complaint", Map.of("topic", "freedom", "safety", "safe_now"), null)))
                .containsExactly(new FieldError("answers.safety", "not_asked"));
        assertThat(errorsOf(request("complaint", Map.of("topic", "freedom", "shoe_size", "42"), null)))
                .containsExactly(new FieldError("answers.shoe_size", "unknown_question"));
        assertThat(errorsOf(request("complaint", Map.of("topic", "pizza"), null)))
                .containsExactly(new FieldError("answers.topic", "unknown_option"));
        assertThat(errorsOf(request("question", Map.of(), null))).isEmpty();
    }

    @Test
    void allProblemsAreReportedTogether() {
        NewCaseRequest bad = new NewCaseRequest(null, "complaint", Map.of(), "x".repeat(AnswerValidator.MAX_STORY + 1),
                null, "castle", "99_100", null, new NewCaseRequest.Contact(null, "call me", null), "phone_call");
        assertThat(errorsOf(bad)).extracting(FieldError::field)
                .contains("answers.topic", "setting", "ageBand", "region", "story", "contact.phone");
    }

    @Test
    void unknownPlacesAreReportedWithTheOtherProblems() {
        NewCaseRequest request = new NewCaseRequest(null, "complaint", Map.of(), null, "atlantis", "residential", null,
                new NewCaseRequest.About("loc-utr-linde", null), null, "app_message");
        assertThat(errorsOf(request)).containsExactlyInAnyOrder(new FieldError("answers.topic", "required"),
                new FieldError("region", "unknown_option"), new FieldError("about.locationId", "unknown_option"));
    }

    @Test
    void anOutdatedFlowVersionIsSaidPlainly() {
        NewCaseRequest old = new NewCaseRequest(FLOW.definition().version() - 1, "question", Map.of(), null, "utrecht",
                "residential", null, null, null, "app_message");
        assertThatThrownBy(() -> validator.validate(old)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).errors()).containsExactly(new FieldError("flowVersion", "flow_outdated")));
    }
}
