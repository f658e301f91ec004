package nl.gehoord.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.crypto.KeyRing;
import nl.gehoord.ops.MetricsController;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.FakeFcm;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestLog;
import nl.gehoord.testing.TestServer;
import nl.gehoord.text.Language;
import nl.gehoord.text.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Through HTTP: the real server, its outbox and worker, the real FCM transport, a fake FCM on loopback. */
class PushJourneyTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** The demo's routing gives every new case to this trust person at once. */
    private static final String TRUST_PERSON = "staff-demo-trust";
    private static FakeFcm fcm;
    private static TestServer server;
    private static final Messages MESSAGES = new Messages();

    @BeforeAll
    static void start() {
        fcm = FakeFcm.start();
        server = TestServer.start(Map.of(), fcm.sender(java.time.Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        server.close();
        fcm.close();
    }

    @BeforeEach
    void clean() {
        fcm.reset();
    }

    @Test
    void creatingACaseSendsCaseReceivedToTheDeviceWithoutContent() {
        String token = "tok-journey-received";
        ApiClient phone = device(token);
        String story = "Kanarieverhaal " + System.nanoTime() + " ze sloten mij op";

        String caseId = Journeys.submitCase(phone, story);

        FakeFcm.Received push = byEvent(awaitCount(token, 2), "case_received"); // and case_assigned
        assertThat(push.data("event")).isEqualTo("case_received");
        assertThat(push.data("caseId")).isEqualTo(caseId);
        assertThat(push.message().path("notification").path("title").asText())
                .isEqualTo(MESSAGES.get(Language.NL, PushTexts.CASE_RECEIVED + ".title"));
        assertThat(push.rawBody()).doesNotContain(story).doesNotContain("Kanarie");
    }

    @Test
    void aYoungPersonsMessageSendsAStaffPushWithALinkAndNoContent() {
        setStaffToken(TRUST_PERSON, "tok-journey-trust");
        ApiClient phone = device("tok-journey-message");
        String caseId = Journeys.submitCase(phone, null);
        awaitOne("tok-journey-trust"); // the case was assigned to the demo trust person
        String text = "Kanariebericht " + System.nanoTime() + " help mij alsjeblieft";

        ApiResponse posted = phone.post("/v1/cases/" + caseId + "/messages", Map.of("text", text));
        assertThat(posted.status()).isEqualTo(201);

        List<FakeFcm.Received> pushes = awaitCount("tok-journey-trust", 2);
        FakeFcm.Received push = pushes.get(1);
        assertThat(push.data("event")).isEqualTo("young_person_message");
        assertThat(push.data("caseId")).isEqualTo(caseId);
        assertThat(push.data("link")).isEqualTo("gehoord://inbox/cases/" + caseId);
        assertThat(push.rawBody()).doesNotContain(text).doesNotContain("Kanarie");
        setStaffToken(TRUST_PERSON, null);
    }

    @Test
    void aDiscreetPhoneGetsADataOnlyPush() {
        String token = "tok-journey-discreet";
        ApiClient phone = device(token);
        assertThat(phone.put("/v1/devices/me", Map.of("discreet", true)).status()).isEqualTo(200);

        Journeys.submitCase(phone, "Een verhaal");

        FakeFcm.Received push = byEvent(awaitCount(token, 2), "case_received");
        assertThat(push.message().has("notification")).isFalse();
        assertThat(push.message().path("android").has("notification")).isFalse();
        assertThat(push.data("event")).isEqualTo("case_received");
    }

    @Test
    void metricsArePublicAndCarryCountsButNoIdsOrTokens() {
        String token = "tok-journey-metrics";
        ApiClient phone = device(token);
        String caseId = Journeys.submitCase(phone, "Iets wat niemand mag lezen");
        awaitCount(token, 2); // received and assigned

        ApiResponse metrics = server.client().anonymous().get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse(""))
                .startsWith(MetricsController.CONTENT_TYPE.substring(0, 10));
        assertThat(metrics.body()).contains("gehoord_push_sent_total{audience=\"device\"}",
                "gehoord_push_failed_total", "gehoord_push_retried_total", "gehoord_push_tokens_removed_total",
                "gehoord_push_outbox_depth", "gehoord_push_outbox_oldest_age_seconds");
        assertThat(sentToDevices(metrics.body())).isGreaterThanOrEqualTo(1.0);
        assertThat(metrics.body()).doesNotContain(caseId).doesNotContain(token).doesNotContain("niemand");
    }

    @Test
    void pushTokensNeverReachTheLogs() throws IOException {
        String token = "tok-journey-log-secret-" + System.nanoTime();
        ApiClient phone = device(token);
        String caseId = Journeys.submitCase(phone, null);
        awaitCount(token, 2); // received and assigned

        Path log = TestLog.file();
        String written = Files.exists(log) ? Files.readString(log) : "";
        assertThat(written).doesNotContain(token);
        assertThat(caseId).isNotBlank();
    }

    private static ApiClient device(String pushToken) {
        ApiResponse registered = server.client().anonymous().post("/v1/devices",
                Map.of("platform", "android", "locale", "nl", "pushToken", pushToken));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return server.client().as(registered.text("deviceToken"));
    }

    private static void setStaffToken(String staffId, String token) {
        SecureRandom random = new SecureRandom();
        FieldCipher cipher = new FieldCipher(KeyRing.loadOrCreate(server.settings().keyFile(), random), random);
        server.app().database().writeVoid(h -> h.attach(nl.gehoord.staff.StaffDao.class)
                .setPushToken(staffId, cipher.seal(token, staffId, "pushToken")));
    }

    private static FakeFcm.Received awaitOne(String token) {
        return awaitCount(token, 1).get(0);
    }

    private static List<FakeFcm.Received> awaitCount(String token, int count) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (fcm.receivedFor(token).size() < count && System.nanoTime() < end) {
            fcm.await(fcm.received().size() + 1, Duration.ofMillis(200));
        }
        List<FakeFcm.Received> received = fcm.receivedFor(token);
        assertThat(received).as("pushes to " + token).hasSize(count);
        return received;
    }

    private static FakeFcm.Received byEvent(List<FakeFcm.Received> pushes, String event) {
        return pushes.stream().filter(p -> event.equals(p.data("event"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + event + " push in " + pushes));
    }

    private static double sentToDevices(String exposition) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith("gehoord_push_sent_total{audience=\"device\"}")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
