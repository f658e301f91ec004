package nl.gehoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser that logged in before keeps a known-device cookie, so a stranger guessing the owner's password
 * slows down only the stranger: the owner's browser still logs in at once, while a browser without the cookie
 * waits like the stranger. The cookie is HttpOnly, SameSite=Strict, sent only to the log-in form and Secure over TLS.
 */
class WebKnownDeviceTest {
    private static final String OWNER = "trust@demo.local";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("GEHOORD_TRUSTED_PROXIES", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One log-in through the form, with the cookies given (the device cookie may be null); the answer. */
    private static WebFixture.Page attempt(String password, String deviceCookie, String... headers) {
        return attemptAs(OWNER, password, deviceCookie, headers);
    }

    private static WebFixture.Page attemptAs(String email, String password, String deviceCookie, String... headers) {
        WebFixture.Page form = WebFixture.get(server, "/web/login", null, headers);
        String cookies = WebSessions.LOGIN_COOKIE + "=" + WebFixture.cookieValue(form, WebSessions.LOGIN_COOKIE)
                + (deviceCookie == null ? "" : "; " + WebSessions.DEVICE_COOKIE + "=" + deviceCookie);
        Map<String, String> fields = new HashMap<>(Map.of("_csrf", form.csrf(), "email", email, "password", password));
        return WebFixture.post(server, "/web/login", cookies, fields, headers);
    }

    @Test
    void aStrangersFailuresDoNotSlowDownTheOwnersBrowser() {
        WebFixture.Page first = attempt(TestServer.DEMO_PASSWORD, null);
        assertThat(first.status()).isEqualTo(303);
        String device = WebFixture.cookieValue(first, WebSessions.DEVICE_COOKIE);
        assertThat(device).startsWith("gk_");
        String set = WebFixture.setCookie(first, WebSessions.DEVICE_COOKIE);
        assertThat(set).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/web/login")
                .doesNotContain("Secure");
        assertThat(set).containsPattern("Max-Age=(\\d{8,})");

        // A stranger guesses until the account is held back.
        int status = 0;
        for (int i = 0; i < 8 && status != 429; i++) {
            status = attempt("wrong-guess-" + i, null).status();
        }
        assertThat(status).as("the stranger is slowed down").isEqualTo(429);
        assertThat(attempt(TestServer.DEMO_PASSWORD, null).status()).as("a browser without the cookie waits too")
                .isEqualTo(429);

        // The owner's browser, showing its cookie, logs in at once and gets a fresh one.
        WebFixture.Page owner = attempt(TestServer.DEMO_PASSWORD, device);
        assertThat(owner.status()).as(owner.body()).isEqualTo(303);
        assertThat(owner.header("Location")).isEqualTo("/web/inbox");
        String renewed = WebFixture.cookieValue(owner, WebSessions.DEVICE_COOKIE);
        assertThat(renewed).startsWith("gk_").isNotEqualTo(device);

        // The old token was replaced: shown again, it is a stranger's and waits.
        assertThat(attempt(TestServer.DEMO_PASSWORD, device).status()).isEqualTo(429);
        // A made-up token is no better than none.
        assertThat(attempt(TestServer.DEMO_PASSWORD, "gk_madeup").status()).isEqualTo(429);
        assertThat(attempt(TestServer.DEMO_PASSWORD, renewed).status()).isEqualTo(303);
    }

    @Test
    void theDeviceCookieIsSecureBehindATlsProxy() {
        WebFixture.Page answer = attemptAs("coordinator@demo.local", TestServer.DEMO_PASSWORD, null,
                "X-Forwarded-Proto", "https");
        assertThat(answer.status()).isEqualTo(303);
        assertThat(WebFixture.setCookie(answer, WebSessions.DEVICE_COOKIE)).contains("HttpOnly").contains("Secure")
                .containsIgnoringCase("SameSite=Strict");
    }
}
