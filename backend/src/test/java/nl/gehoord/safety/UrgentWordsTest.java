package nl.gehoord.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Words of danger in what a young person types make the case urgent, end to end. */
class UrgentWordsTest {
    private static TestServer server;
    private static ApiClient device;

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer(Map.of("GEHOORD_RATE_LIMIT_CASE_DEVICE", "1000/1h"));

    @BeforeEach
    void start() {
        server = SHARED.server();
        device = Journeys.newDevice(server.client());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ik wil d00d, echt waar.", "Mijn begeleider slaat me.", "i wanna kill myself",
        "Ik ben bang om terug te gaan naar de groep.", "المشرف يضربني كل يوم.", "أُرِيدُ أَنْ أَمُوتَ",
        "Вихователь мене б'є.", "ክሞት እደሊ።", "Aabahay wuu i garaacaa."})
    void aStoryWithDangerWordsMakesAnOrdinaryComplaintUrgentWithHelpNumbersAndAFourHourAnswer(String story) {
        ApiResponse created = Journeys.submit(device, Journeys.complaint(story));

        assertThat(created.json().path("urgent").asBoolean()).isTrue();
        assertThat(created.json().path("helpContacts").isArray()).isTrue();
        assertThat(created.json().path("helpContacts").toString()).contains("112").contains("113");
        Instant due = Instant.parse(created.text("firstResponseDueBy"));
        assertThat(due).isEqualTo(server.clock().instant().plus(Duration.ofHours(4)));
        String caseId = created.text("caseId");
        assertThat(device.get("/v1/cases/" + caseId).json().path("urgent").asBoolean()).isTrue();
        boolean stored = server.app().database().read(h -> h.createQuery("SELECT urgent FROM cases WHERE id = :id")
                .bind("id", caseId).mapTo(Boolean.class).one());
        assertThat(stored).isTrue();
    }

    @Test
    void dangerWordsInTheAboutTextCountToo() {
        Map<String, Object> body = new HashMap<>(Journeys.complaint("Het gaat over de groep."));
        body.put("about", Map.of("locationId", "loc-utr-linde", "text", "de man die me misbruikt"));
        assertThat(Journeys.submit(device, body).json().path("urgent").asBoolean()).isTrue();
    }

    @Test
    void dangerWordsInALaterMessageMakeTheCaseUrgentWithAnEarlierAnswer() {
        ApiResponse created = Journeys.submit(device, Journeys.complaint("Ik mag mijn moeder niet bellen."));
        String caseId = created.text("caseId");
        assertThat(created.json().path("urgent").asBoolean()).isFalse();
        server.clock().advance(Duration.ofHours(1));
        assertThat(device.post("/v1/cases/" + caseId + "/messages", Map.of("text", "Het gaat slecht.")).status())
                .isEqualTo(201);
        assertThat(device.get("/v1/cases/" + caseId).json().path("urgent").asBoolean()).isFalse();

        assertThat(device.post("/v1/cases/" + caseId + "/messages", Map.of("text", "ik wil niet meer leven"))
                .status()).isEqualTo(201);

        ApiResponse detail = device.get("/v1/cases/" + caseId);
        assertThat(detail.json().path("urgent").asBoolean()).isTrue();
        assertThat(detail.json().path("helpContacts").toString()).contains("113");
        long due = server.app().database().read(h -> h.createQuery(
                "SELECT first_response_due_at FROM cases WHERE id = :id").bind("id", caseId).mapTo(Long.class).one());
        assertThat(Instant.ofEpochMilli(due)).isEqualTo(server.clock().instant().plus(Duration.ofHours(4)));
    }

    @Test
    void anOrdinaryComplaintStaysOrdinary() {
        ApiResponse created = Journeys.submit(device, Journeys.complaint("Ik mag mijn moeder niet bellen."));
        assertThat(created.json().path("urgent").asBoolean()).isFalse();
        assertThat(created.json().has("helpContacts")).isFalse();
    }
}
