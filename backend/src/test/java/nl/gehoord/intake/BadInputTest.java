package nl.gehoord.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.DatabaseState;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile requests across the young person's endpoints: each gets a 4xx problem+json in plain
 * words, and the database is exactly as it was before.
 */
class BadInputTest {
    private static TestServer server;
    private static ApiClient api;
    private static ApiClient phone;
    private static String caseId;

    @RegisterExtension
    static final SharedServer SHARED = SharedServer.resetPerClass();

    @BeforeAll
    static void start() {
        server = SHARED.server();
        api = server.client();
        phone = Journeys.newDevice(api);
        caseId = Journeys.submitCase(phone, "Een gewoon verhaal.");
    }

    record Bad(String name, String method, String path, String body, String contentType, Map<String, String> headers,
               boolean asDevice) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Bad json(String name, String method, String path, String body) {
        return new Bad(name, method, path, body, "application/json", Map.of(), true);
    }

    static Bad newCase(String name, String body) {
        return new Bad(name, "POST", "/v1/cases", body, "application/json", Map.of("Idempotency-Key", "bad-input-" + name.hashCode()), true);
    }

    static final String VALID = "\"kind\":\"complaint\",\"answers\":{\"topic\":\"freedom\"},\"region\":\"utrecht\","
            + "\"setting\":\"residential\",\"contactPreference\":\"app_message\"";

    static Stream<Arguments> requests() {
        String casePath = "/v1/cases/{case}";
        List<Bad> bad = new ArrayList<>();
        // Malformed JSON and wrong media
        bad.add(newCase("not json", "this is not json"));
        bad.add(newCase("truncated json", "{\"kind\":\"complaint\""));
        bad.add(newCase("array instead of object", "[1,2,3]"));
        bad.add(newCase("json null", "null"));
        bad.add(newCase("empty object", "{}"));
        bad.add(newCase("trailing garbage", "{" + VALID + "} {}"));
        bad.add(newCase("duplicate keys", "{" + VALID + ",\"kind\":\"help\"}"));
        bad.add(new Bad("empty body", "POST", "/v1/cases", "", "application/json", Map.of("Idempotency-Key", "bad-empty-body"), true));
        bad.add(new Bad("form body", "POST", "/v1/cases", "kind=complaint", "application/x-www-form-urlencoded", Map.of("Idempotency-Key", "bad-form-body"), true));
        bad.add(new Bad("text body", "POST", "/v1/devices", "android", "text/plain", Map.of(), false));
        bad.add(new Bad("no content type", "POST", "/v1/devices", "{\"platform\":\"android\",\"locale\":\"nl\"}", null, Map.of(), false));
        // Unknown fields and wrong types
        bad.add(newCase("unknown field", "{" + VALID + ",\"isAdmin\":true}"));
        bad.add(newCase("kind is a number", "{\"kind\":5,\"region\":\"utrecht\",\"setting\":\"residential\",\"contactPreference\":\"app_message\"}"));
        bad.add(newCase("answers is a list", "{\"kind\":\"complaint\",\"answers\":[\"freedom\"],\"region\":\"utrecht\",\"setting\":\"residential\",\"contactPreference\":\"app_message\"}"));
        bad.add(newCase("answer is an object", "{\"kind\":\"complaint\",\"answers\":{\"topic\":{\"x\":1}},\"region\":\"utrecht\",\"setting\":\"residential\",\"contactPreference\":\"app_message\"}"));
        bad.add(newCase("answer is a number", "{\"kind\":\"complaint\",\"answers\":{\"topic\":3},\"region\":\"utrecht\",\"setting\":\"residential\",\"contactPreference\":\"app_message\"}"));
        bad.add(newCase("story is a number", "{" + VALID + ",\"story\":12}"));
        bad.add(newCase("story is a boolean", "{" + VALID + ",\"story\":true}"));
        bad.add(newCase("flowVersion is a string", "{" + VALID + ",\"flowVersion\":\"1\"}"));
        bad.add(newCase("flowVersion is a float", "{" + VALID + ",\"flowVersion\":1.5}"));
        bad.add(newCase("flowVersion is huge", "{" + VALID + ",\"flowVersion\":99999999999999999999999}"));
        bad.add(newCase("about is a string", "{" + VALID + ",\"about\":\"De Linde\"}"));
        bad.add(newCase("contact is a list", "{" + VALID + ",\"contact\":[]}"));
        // Against the flow
        bad.add(newCase("unknown kind", "{\"kind\":\"revenge\",\"region\":\"utrecht\",\"setting\":\"residential\",\"contactPreference\":\"app_message\"}"));
        bad.add(newCase("missing kind", "{\"region\":\"utrecht\",\"setting\":\"residential\",\"contactPreference\":\"app_message\"}"));
        bad.add(newCase("unknown question", "{" + VALID.replace("{\"topic\":\"freedom\"}", "{\"topic\":\"freedom\",\"ssn\":\"123\"}") + "}"));
        bad.add(newCase("wrong option", "{" + VALID.replace("freedom", "pizza") + "}"));
        bad.add(newCase("missing required topic", "{" + VALID.replace("{\"topic\":\"freedom\"}", "{}") + "}"));
        bad.add(newCase("question not on the path", "{" + VALID.replace("{\"topic\":\"freedom\"}", "{\"topic\":\"freedom\",\"safety\":\"safe_now\"}") + "}"));
        bad.add(newCase("violence without the safety answer", "{" + VALID.replace("freedom", "physical_violence") + "}"));
        bad.add(newCase("unknown setting", "{" + VALID.replace("residential", "castle") + "}"));
        bad.add(newCase("unknown region", "{" + VALID.replace("utrecht", "atlantis") + "}"));
        bad.add(newCase("region with path tricks", "{" + VALID.replace("utrecht", "../../etc/passwd") + "}"));
        bad.add(newCase("location in another region", "{" + VALID + ",\"about\":{\"locationId\":\"loc-rtd-maas\"}}"));
        bad.add(newCase("unknown location", "{" + VALID + ",\"about\":{\"locationId\":\"loc-nope\"}}"));
        bad.add(newCase("story too long", "{" + VALID + ",\"story\":\"" + "a".repeat(4001) + "\"}"));
        bad.add(newCase("story only spaces is fine but control chars are not", "{" + VALID + ",\"story\":\"hoi\\u0000daar\"}"));
        bad.add(newCase("phone call without a phone", "{" + VALID.replace("app_message", "phone_call") + "}"));
        bad.add(newCase("phone number with letters", "{" + VALID + ",\"contact\":{\"phone\":\"bel me maar\"}}"));
        bad.add(newCase("outdated flow version", "{" + VALID + ",\"flowVersion\":0}"));
        bad.add(newCase("deep nesting", "{" + VALID + ",\"about\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(40) + "}"));
        bad.add(newCase("SQL in the kind", "{" + VALID.replace("\"complaint\"", "\"complaint'; DROP TABLE cases;--\"") + "}"));
        bad.add(new Bad("no idempotency key", "POST", "/v1/cases", "{" + VALID + "}", "application/json", Map.of(), true));
        bad.add(new Bad("idempotency key with spaces", "POST", "/v1/cases", "{" + VALID + "}", "application/json", Map.of("Idempotency-Key", "a key with spaces"), true));
        bad.add(new Bad("no token", "POST", "/v1/cases", "{" + VALID + "}", "application/json", Map.of("Idempotency-Key", "no-token-0001"), false));
        bad.add(new Bad("bad token", "GET", "/v1/cases", null, null, Map.of("Authorization", "Bearer gd_forged"), false));
        bad.add(new Bad("basic auth", "GET", "/v1/cases", null, null, Map.of("Authorization", "Basic YWRtaW46YWRtaW4="), false));
        bad.add(new Bad("token with quotes", "GET", "/v1/cases", null, null, Map.of("Authorization", "Bearer ' OR 1=1 --"), false));
        // Devices
        bad.add(new Bad("device unknown platform", "POST", "/v1/devices", "{\"platform\":\"nokia\",\"locale\":\"nl\"}", "application/json", Map.of(), false));
        bad.add(new Bad("device missing locale", "POST", "/v1/devices", "{\"platform\":\"ios\"}", "application/json", Map.of(), false));
        bad.add(new Bad("device unknown locale", "POST", "/v1/devices", "{\"platform\":\"ios\",\"locale\":\"xx\"}", "application/json", Map.of(), false));
        bad.add(new Bad("device push token with spaces", "POST", "/v1/devices", "{\"platform\":\"ios\",\"locale\":\"nl\",\"pushToken\":\"a b\"}", "application/json", Map.of(), false));
        bad.add(json("device discreet as string", "PUT", "/v1/devices/me", "{\"discreet\":\"yes\"}"));
        bad.add(json("device quiet hours nonsense", "PUT", "/v1/devices/me", "{\"quietHours\":{\"start\":\"25:99\",\"end\":\"07:00\"}}"));
        bad.add(json("device quiet hours missing end", "PUT", "/v1/devices/me", "{\"quietHours\":{\"start\":\"22:00\"}}"));
        // Messages, claim, feedback, paging
        bad.add(json("empty message", "POST", casePath + "/messages", "{\"text\":\"\"}"));
        bad.add(json("blank message", "POST", casePath + "/messages", "{\"text\":\"   \"}"));
        bad.add(json("message missing text", "POST", casePath + "/messages", "{}"));
        bad.add(json("message too long", "POST", casePath + "/messages", "{\"text\":\"" + "x".repeat(4001) + "\"}"));
        bad.add(json("message text is a list", "POST", casePath + "/messages", "{\"text\":[\"a\"]}"));
        bad.add(json("message with a bell character", "POST", casePath + "/messages", "{\"text\":\"ding\\u0007\"}"));
        bad.add(json("message with a lone surrogate", "POST", casePath + "/messages", "{\"text\":\"\\ud800\"}"));
        bad.add(new Bad("message in bad UTF-8", "POST", casePath + "/messages", "{\"text\":\"\u00ff\u00fe\"}", "application/json;bad-utf8", Map.of(), true));
        bad.add(json("message to an unknown case", "POST", "/v1/cases/00000000-0000-4000-8000-000000000000/messages", "{\"text\":\"hoi\"}"));
        bad.add(json("message to a path trick", "POST", "/v1/cases/..%2F..%2Fadmin/messages", "{\"text\":\"hoi\"}"));
        bad.add(new Bad("paging with letters", "GET", casePath + "/messages?after=abc", null, null, Map.of(), true));
        bad.add(new Bad("paging negative", "GET", casePath + "/messages?after=-5", null, null, Map.of(), true));
        bad.add(new Bad("paging huge", "GET", casePath + "/messages?after=99999999999999", null, null, Map.of(), true));
        bad.add(json("claim without code", "POST", "/v1/cases/claim", "{}"));
        bad.add(json("claim wrong code", "POST", "/v1/cases/claim", "{\"caseCode\":\"AAAAA-AAAAA-AAAAA\"}"));
        bad.add(json("claim SQL", "POST", "/v1/cases/claim", "{\"caseCode\":\"' OR '1'='1\"}"));
        bad.add(json("claim code is a number", "POST", "/v1/cases/claim", "{\"caseCode\":12345}"));
        bad.add(json("feedback on an open case", "POST", casePath + "/feedback", "{\"score\":5}"));
        bad.add(json("feedback score too high", "POST", casePath + "/feedback", "{\"score\":6}"));
        bad.add(json("feedback score as text", "POST", casePath + "/feedback", "{\"score\":\"5\"}"));
        bad.add(new Bad("unknown path", "GET", "/v1/secrets", null, null, Map.of(), true));
        bad.add(new Bad("wrong method", "PATCH", "/v1/cases", "{}", "application/json", Map.of(), true));
        bad.add(new Bad("body too large", "POST", casePath + "/messages", "{\"text\":\"" + "x".repeat(200_000) + "\"}", "application/json", Map.of(), true));
        return bad.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void refusedPlainlyAndNothingChanges(Bad bad) {
        String before = DatabaseState.fingerprint(server.app().database());
        ApiClient client = bad.asDevice() ? phone : api.anonymous();
        for (var header : bad.headers().entrySet()) {
            client = client.header(header.getKey(), header.getValue());
        }
        String path = bad.path().replace("{case}", caseId);
        byte[] body = bad.body() == null ? null : bad.body().getBytes(StandardCharsets.UTF_8);
        String contentType = bad.contentType();
        if ("application/json;bad-utf8".equals(contentType)) {
            body = new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
            contentType = "application/json";
        }
        ApiResponse response = client.raw(bad.method(), path, body, contentType);

        assertThat(response.status()).as(bad.name() + ": " + response).isBetween(400, 499);
        assertThat(response.contentType()).as(bad.name()).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asText()).as(bad.name()).isNotBlank();
        assertThat(response.json().path("code").asText()).as(bad.name()).isNotBlank();
        assertThat(response.body()).as("no stack traces or SQL").doesNotContain("Exception", "SELECT ", "at nl.gehoord");
        assertThat(DatabaseState.fingerprint(server.app().database())).as(bad.name() + " changed nothing").isEqualTo(before);
    }
}
