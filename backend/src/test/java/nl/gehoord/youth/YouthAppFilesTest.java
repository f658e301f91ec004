package nl.gehoord.youth;

import static org.assertj.core.api.Assertions.assertThat;

import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The app's files as the browser and its service worker get them: typed, revalidated by ETag, locked down. */
class YouthAppFilesTest {
    private static TestServer server;
    private static ApiClient browser;

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @BeforeAll
    static void start() {
        server = SHARED.server();
        browser = server.client().anonymous();
    }

    @Test
    void aFileIsTypedLockedDownAndRevalidatedByItsContent() {
        ApiResponse script = browser.get("/app/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).startsWith("text/javascript");
        assertThat(script.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(script.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe");
        String etag = script.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{16}\"");

        assertThat(browser.header("If-None-Match", etag).get("/app/app.js").status()).isEqualTo(304);
        assertThat(browser.header("If-None-Match", "\"0000000000000000\"").get("/app/app.js").status())
                .isEqualTo(200);
        assertThat(browser.get("/app/api.js").header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void theIndexAndTheServiceWorkerAreServedAndNothingElse() {
        assertThat(browser.get("/app/").contentType()).startsWith("text/html");
        assertThat(browser.get("/app/sw.js").header("Service-Worker-Allowed")).isEqualTo("/app/");
        assertThat(browser.get("/app/app.js").header("Service-Worker-Allowed")).isNull();
        assertThat(browser.get("/app/pom.xml").status()).isEqualTo(404);
        assertThat(browser.get("/app/..%2Fweb%2Fgehoord.css").status()).isEqualTo(404);
    }
}
