package nl.gehoord.security;

import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up of the tests that write requests byte by byte: one server with room for hostile volume for the
 * class, one registered phone, raw HTTP to the server, and a fresh case of the phone's own for each test.
 */
final class RawHttpPhone implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final Map<String, String> env;
    private TestServer server;
    private RawHttp raw;
    private ApiClient phone;
    private String deviceToken;
    private String caseId;

    RawHttpPhone() {
        this(Map.of());
    }

    /** With settings of its own on top of the roomy rate limits. */
    RawHttpPhone(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(HostileCorpusTest.ROOMY);
        all.putAll(settings);
        this.env = Map.copyOf(all);
    }

    TestServer server() {
        return server;
    }

    RawHttp raw() {
        return raw;
    }

    ApiClient phone() {
        return phone;
    }

    String deviceToken() {
        return deviceToken;
    }

    String caseId() {
        return caseId;
    }

    /** The path of this test's case. */
    String casePath() {
        return "/v1/cases/" + caseId;
    }

    String messagesPath() {
        return casePath() + "/messages";
    }

    /** The phone's Authorization header value. */
    String bearer() {
        return "Bearer " + deviceToken;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServer.start(env);
        raw = new RawHttp(server.app().port());
        deviceToken = server.client().post("/v1/devices", Map.of("platform", "android", "locale", "nl"))
                .text("deviceToken");
        phone = server.client().as(deviceToken);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        caseId = Journeys.submitCase(phone, "Mijn verhaal over de groep");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }
}
