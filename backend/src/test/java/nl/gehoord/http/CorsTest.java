package nl.gehoord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Strict CORS: only configured origins; apps (no Origin) are not affected; security headers on every answer. */
class CorsTest {
    /** One server with an allowed origin for the tests that need one, put back before each. */
    @RegisterExtension
    static final SharedServer ALLOWING = new SharedServer(Map.of("GEHOORD_ALLOWED_ORIGINS", "https://app.gehoord.example"));

    @Test
    void onlyConfiguredOriginsGetIn() {
        TestServer server = ALLOWING.server();
        ApiClient device = Journeys.newDevice(server.client());
        ApiResponse allowed = device.header("Origin", "https://app.gehoord.example").get("/v1/devices/me");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.gehoord.example");
        assertThat(allowed.header("Access-Control-Expose-Headers")).contains("Retry-After");

        ApiResponse refused = device.header("Origin", "https://evil.example").get("/v1/devices/me");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("origin_not_allowed");
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();

        ApiResponse app = device.get("/v1/devices/me");
        assertThat(app.status()).isEqualTo(200);
        for (String header : new String[] {"X-Content-Type-Options", "X-Frame-Options", "Content-Security-Policy",
            "Referrer-Policy", "Strict-Transport-Security", "Cross-Origin-Resource-Policy"}) {
            assertThat(app.header(header)).as(header).isNotBlank();
        }
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredAndOneFromAnotherOriginIsRefused() throws Exception {
        TestServer server = ALLOWING.server();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> allowed = http.send(preflight(server, "https://app.gehoord.example"),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.gehoord.example");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).contains("POST");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization");
        java.net.http.HttpResponse<String> refused = http.send(preflight(server, "https://evil.example"),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static java.net.http.HttpRequest preflight(TestServer server, String origin) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.client().baseUrl() + "/v1/cases"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                .build();
    }

    @Test
    void withoutConfiguredOriginsEveryBrowserOriginIsRefused() {
        try (TestServer server = TestServer.start()) {
            ApiClient device = Journeys.newDevice(server.client());
            assertThat(device.header("Origin", "http://localhost:3000").get("/v1/devices/me").status()).isEqualTo(403);
        }
    }
}
