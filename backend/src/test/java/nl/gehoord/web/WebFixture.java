package nl.gehoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.gehoord.demo.DemoData;
import nl.gehoord.staff.Totp;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.Browser;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Staff accounts, second factors and raw page requests that the page tests share. */
final class WebFixture {
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private WebFixture() {
    }

    /** A staff account with the demo password, in a team (created when missing); not available for new cases. */
    /** Logs the browser in through the log-in page as {@code email}, forgetting whoever was logged in. */
    static void logIn(Browser browser, String email) {
        logIn(browser, email, null);
    }

    /** Logs in with a second-factor code as well, when {@code code} is not null. */
    static void logIn(Browser browser, String email, String code) {
        browser.forgetCookies();
        browser.go("/web/login");
        browser.find("#email").sendKeys(email);
        browser.find("#password").sendKeys(TestServer.DEMO_PASSWORD);
        if (code != null) {
            browser.find("#code").sendKeys(code);
        }
        browser.loadsNewPage(() -> browser.find("form[action='/web/login'] button[type=submit]").click());
    }

    /** The message a page shows after a change: that it worked, or why it was refused. */
    static String flash(Browser browser) {
        return browser.waitFor(d -> d.findElements(By.cssSelector(".alert[role]")).stream().findFirst()
                .map(WebElement::getText).orElse(null));
    }

    static void addStaff(TestServer server, String id, String email, String name, String role, String teamId) {
        server.app().database().writeVoid(h -> {
            if (teamId != null) {
                h.createUpdate("INSERT INTO teams (id, organisation_id, name, created_at) SELECT :team, :org, :team, 0"
                        + " WHERE NOT EXISTS (SELECT 1 FROM teams WHERE id = :team)")
                        .bind("team", teamId).bind("org", DemoData.ORGANISATION_ID).execute();
            }
            h.createUpdate("""
                    INSERT INTO staff (id, organisation_id, email, display_name, role, password_hash, available, active,
                                       created_at, team_id)
                    SELECT :id, organisation_id, :email, :name, :role, password_hash, FALSE, TRUE, 0, :team
                    FROM staff WHERE id = 'staff-demo-trust'
                    """).bind("id", id).bind("email", email).bind("name", name).bind("role", role)
                    .bind("team", teamId).execute();
        });
    }

    /** Turns on the second factor through the API and returns the secret. */
    static String enrolTotp(TestServer server, String email) {
        ApiClient staff = Journeys.staff(server.client(), email);
        var answer = staff.post("/v1/staff/me/totp", Map.of());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        String secret = answer.text("secret");
        var confirmed = staff.post("/v1/staff/me/totp/confirm", Map.of("password", TestServer.DEMO_PASSWORD,
                "code", new Totp(server.clock()).current(secret)));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        staff.delete("/v1/staff/session");
        return secret;
    }

    /** An API session for a staff member with a second factor. */
    static ApiClient staffApi(TestServer server, String email, String code) {
        var answer = server.client().anonymous().post("/v1/staff/session",
                Map.of("email", email, "password", TestServer.DEMO_PASSWORD, "totp", code));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return server.client().as(answer.text("token"));
    }

    /** The code an authenticator app shows now (moving the clock on first, as each code works only once). */
    static String nextCode(TestServer server, String secret) {
        server.clock().advance(Duration.ofSeconds(31));
        return new Totp(server.clock()).current(secret);
    }

    record Page(int status, Map<String, java.util.List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        String csrf() {
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(body);
            assertThat(m.find()).as("a CSRF field on the page").isTrue();
            return m.group(1);
        }
    }

    static Page get(TestServer server, String path, String cookie, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base(server) + path)).GET();
        return send(b, cookie, headers);
    }

    static Page post(TestServer server, String path, String cookie, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base(server) + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(b, cookie, headers);
    }

    /** Logs in through the page's own form (double-submit token and all) and returns the session cookie. */
    static String login(TestServer server, String email, String code) {
        Page form = get(server, "/web/login", null);
        String loginCookie = cookieValue(form, WebSessions.LOGIN_COOKIE);
        Map<String, String> fields = new java.util.HashMap<>(Map.of("_csrf", form.csrf(), "email", email,
                "password", TestServer.DEMO_PASSWORD));
        if (code != null) {
            fields.put("code", code);
        }
        Page answer = post(server, "/web/login", WebSessions.LOGIN_COOKIE + "=" + loginCookie, fields);
        assertThat(answer.status()).as(answer.body()).isEqualTo(303);
        return WebSessions.COOKIE + "=" + cookieValue(answer, WebSessions.COOKIE);
    }

    static String cookieValue(Page page, String name) {
        return page.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
                .flatMap(e -> e.getValue().stream()).filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    static String setCookie(Page page, String name) {
        return page.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
                .flatMap(e -> e.getValue().stream()).filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    static String base(TestServer server) {
        return "http://127.0.0.1:" + server.app().port();
    }

    private static Page send(HttpRequest.Builder b, String cookie, String... headers) {
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(r.statusCode(), r.headers().map(), r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
