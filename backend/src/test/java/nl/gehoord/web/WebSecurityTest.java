package nl.gehoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.gehoord.http.Role;
import nl.gehoord.http.Route;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The staff pages refuse everyone the route does not name, as the API does: walked from Routes.pages, every page
 * and fragment without a session, with every other role's session, and a case page for a staff member of another
 * team. A state change without the CSRF token is refused and changes nothing; every answer carries the pages'
 * Content-Security-Policy; the session cookie is HttpOnly, SameSite=Strict and Secure behind a TLS proxy.
 */
class WebSecurityTest {
    private static TestServer server;
    private static String caseId;
    private static final Map<Role, String> SESSIONS = new java.util.EnumMap<>(Role.class);
    private static String otherTeam;
    private static String trustCsrf;

    // The test itself is the "proxy" on 127.0.0.1 that says the browser spoke TLS.
    @RegisterExtension
    static final SharedServer SHARED = SharedServer.resetPerClass(Map.of("GEHOORD_TRUSTED_PROXIES", "127.0.0.1"));

    @BeforeAll
    static void start() {
        server = SHARED.server();
        WebFixture.addStaff(server, "staff-web-west", "west@demo.local", "Ander Team", "trust_person", "team-west");
        ApiClient phone = Journeys.newDevice(server.client());
        caseId = Journeys.submitCase(phone, "Een verhaal dat alleen de vertrouwenspersoon mag lezen.");
        SESSIONS.put(Role.TRUST_PERSON, WebFixture.login(server, "trust@demo.local", null));
        SESSIONS.put(Role.COORDINATOR, WebFixture.login(server, "coordinator@demo.local", null));
        SESSIONS.put(Role.COUNCIL, WebFixture.login(server, "council@demo.local", null));
        SESSIONS.put(Role.ADMIN, WebFixture.login(server, "admin@demo.local", null));
        otherTeam = WebFixture.login(server, "west@demo.local", null);
        trustCsrf = WebFixture.get(server, "/web/inbox", SESSIONS.get(Role.TRUST_PERSON)).csrf();
    }

    private static String concrete(Route route) {
        return route.path().replace("{caseId}", caseId).replace("{replyId}", "canned-demo-hello")
                .replace("{file}", "none.css").replace("{staffId}", "staff-demo-trust").replace("{ruleId}", "rule-demo-default")
                .replace("{locationId}", "loc-utr-linde").replace("{teamId}", "team-midden")
                .replace("{signalId}", "signal-none");
    }

    private static WebFixture.Page call(Route route, String cookie, boolean withCsrf) {
        String path = concrete(route);
        if (route.method().name().equals("GET")) {
            return WebFixture.get(server, path, cookie);
        }
        Map<String, String> form = new java.util.HashMap<>(Map.of("text", "x", "status", "closed",
                "explanation", "x", "staffId", "staff-demo-trust", "available", "true", "code", "AAAAA"));
        List<String> headers = new ArrayList<>();
        if (withCsrf && cookie != null) {
            // Another session's token: the role is refused before the token is even looked at.
            headers.add(WebSessions.CSRF_HEADER);
            headers.add(trustCsrf);
        }
        return WebFixture.post(server, path, cookie, form, headers.toArray(new String[0]));
    }

    @Test
    void noPageOrFragmentWithoutASessionOrForAnotherRole() {
        List<Route> routes = server.app().pageRoutes();
        assertThat(routes).hasSizeGreaterThan(20);
        for (Route route : routes) {
            if (route.isPublic()) {
                continue;
            }
            WebFixture.Page anonymous = call(route, null, false);
            assertThat(anonymous.status()).as("no session: " + route.method() + " " + route.path())
                    .isIn(303, 401);
            assertThat(anonymous.body()).doesNotContain("verhaal");
            if (anonymous.status() == 303) {
                assertThat(anonymous.header("Location")).startsWith("/web/login");
            }
            WebFixture.Page forged = call(route, WebSessions.COOKIE + "=gs_forged", false);
            assertThat(forged.status()).as("forged cookie: " + route.path()).isIn(303, 401);
            for (Map.Entry<Role, String> session : SESSIONS.entrySet()) {
                if (route.roles().contains(session.getKey())) {
                    continue;
                }
                WebFixture.Page refused = call(route, session.getValue(), true);
                assertThat(refused.status()).as(session.getKey() + " on " + route.method() + " " + route.path())
                        .isEqualTo(403);
                assertThat(refused.body()).doesNotContain("verhaal").contains("Dat mag niet");
                assertThat(refused.header("Content-Security-Policy")).isEqualTo(WebGuard.CSP);
            }
        }
    }

    @Test
    void aStaffMemberOfAnotherTeamCannotOpenTheCaseByUrl() {
        assertThat(WebFixture.get(server, "/web/cases/" + caseId, SESSIONS.get(Role.TRUST_PERSON)).body())
                .contains("Een verhaal dat alleen de vertrouwenspersoon mag lezen.");
        for (String path : List.of("/web/cases/" + caseId, "/web/cases/" + caseId + "/live")) {
            WebFixture.Page page = WebFixture.get(server, path, otherTeam);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).doesNotContain("verhaal");
        }
        WebFixture.Page inbox = WebFixture.get(server, "/web/inbox", otherTeam);
        assertThat(inbox.body()).doesNotContain("/web/cases/" + caseId);
        String csrf = inbox.csrf();
        int before = messages();
        WebFixture.Page reply = WebFixture.post(server, "/web/cases/" + caseId + "/reply", otherTeam,
                Map.of("_csrf", csrf, "text", "Hallo"));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(messages()).isEqualTo(before);
    }

    @Test
    void aStateChangeWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        String trust = SESSIONS.get(Role.TRUST_PERSON);
        String csrf = WebFixture.get(server, "/web/inbox", trust).csrf();
        int before = messages();
        WebFixture.Page none = WebFixture.post(server, "/web/cases/" + caseId + "/reply", trust, Map.of("text", "Hoi"));
        assertThat(none.status()).isEqualTo(403);
        WebFixture.Page wrong = WebFixture.post(server, "/web/cases/" + caseId + "/reply", trust,
                Map.of("text", "Hoi", "_csrf", csrf.substring(1) + "0"));
        assertThat(wrong.status()).isEqualTo(403);
        WebFixture.Page otherSessions = WebFixture.post(server, "/web/cases/" + caseId + "/reply", trust,
                Map.of("text", "Hoi"), WebSessions.CSRF_HEADER,
                WebFixture.get(server, "/web/queue", SESSIONS.get(Role.COORDINATOR)).csrf());
        assertThat(otherSessions.status()).isEqualTo(403);
        assertThat(messages()).isEqualTo(before);

        WebFixture.Page crossSite = WebFixture.post(server, "/web/cases/" + caseId + "/reply", trust,
                Map.of("text", "Hoi", "_csrf", csrf), "Origin", "https://evil.example");
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(messages()).isEqualTo(before);

        WebFixture.Page ok = WebFixture.post(server, "/web/cases/" + caseId + "/reply", trust,
                Map.of("text", "Hoi, ik ben er.", "_csrf", csrf), "Origin", WebFixture.base(server));
        assertThat(ok.status()).isEqualTo(303);
        assertThat(ok.header("Location")).isEqualTo("/web/cases/" + caseId + "?klaar=reply");
        assertThat(messages()).isEqualTo(before + 1);

        // Log-in too: the form's token must match its cookie.
        WebFixture.Page login = WebFixture.post(server, "/web/login", null, Map.of("email", "trust@demo.local",
                "password", TestServer.DEMO_PASSWORD));
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.headers().keySet().stream().map(String::toLowerCase)).doesNotContain("set-cookie-none");
        assertThat(login.body()).contains("Het formulier was verlopen");
    }

    @Test
    void everyPageCarriesTheContentSecurityPolicy() {
        for (Route route : server.app().pageRoutes()) {
            if (!route.method().name().equals("GET") || route.path().equals(nl.gehoord.web.LiveUpdates.PATH)) {
                continue;
            }
            Role role = route.isPublic() ? null : route.roles().stream().filter(SESSIONS::containsKey).findFirst()
                    .orElseThrow();
            WebFixture.Page page = WebFixture.get(server, concrete(route), role == null ? null : SESSIONS.get(role));
            assertThat(page.header("Content-Security-Policy")).as(route.path()).isEqualTo(WebGuard.CSP)
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
            if (page.status() == 200 && page.header("Content-Type").startsWith("text/html")) {
                assertThat(page.body()).as(route.path()).doesNotContain("style=\"").doesNotContain("<script>")
                        .doesNotContain(" onclick=");
            }
        }
        WebFixture.Page login = WebFixture.get(server, "/web/login", null);
        String css = java.util.regex.Pattern.compile("href=\"(/web/assets/gehoord\\.[0-9a-f]{12}\\.css)\"")
                .matcher(login.body()).results().findFirst().orElseThrow().group(1);
        WebFixture.Page asset = WebFixture.get(server, css, null);
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndSecureBehindATlsProxy() {
        WebFixture.Page form = WebFixture.get(server, "/web/login", null, "X-Forwarded-Proto", "https");
        String loginCookie = WebFixture.setCookie(form, WebSessions.LOGIN_COOKIE);
        assertThat(loginCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Secure");
        WebFixture.Page answer = WebFixture.post(server, "/web/login", WebSessions.LOGIN_COOKIE + "="
                        + WebFixture.cookieValue(form, WebSessions.LOGIN_COOKIE),
                Map.of("_csrf", form.csrf(), "email", "trust@demo.local", "password", TestServer.DEMO_PASSWORD),
                "X-Forwarded-Proto", "https");
        String session = WebFixture.setCookie(answer, WebSessions.COOKIE);
        assertThat(session).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Secure");

        WebFixture.Page plain = WebFixture.get(server, "/web/login", null);
        assertThat(WebFixture.setCookie(plain, WebSessions.LOGIN_COOKIE)).doesNotContain("Secure");

        // Logging out ends the session for the API too: it is the same session.
        String cookie = WebSessions.COOKIE + "=" + WebFixture.cookieValue(answer, WebSessions.COOKIE);
        String csrf = WebFixture.get(server, "/web/inbox", cookie).csrf();
        assertThat(WebFixture.post(server, "/web/logout", cookie, Map.of("_csrf", csrf)).status()).isEqualTo(303);
        assertThat(WebFixture.get(server, "/web/inbox", cookie).status()).isEqualTo(303);
        assertThat(server.client().as(WebFixture.cookieValue(answer, WebSessions.COOKIE)).get("/v1/inbox").status())
                .isEqualTo(401);
    }

    @Test
    void aPushDeepLinkLeadsThroughTheLogInToTheCase() {
        WebFixture.Page page = WebFixture.get(server, "/web/cases/" + caseId, null);
        assertThat(page.header("Location")).isEqualTo("/web/login?naar=/web/cases/" + caseId);
        WebFixture.Page form = WebFixture.get(server, page.header("Location"), null);
        assertThat(form.body()).contains("name=\"naar\" value=\"/web/cases/" + caseId + "\"");
        String loginCookie = WebSessions.LOGIN_COOKIE + "=" + WebFixture.cookieValue(form, WebSessions.LOGIN_COOKIE);
        WebFixture.Page answer = WebFixture.post(server, "/web/login", loginCookie, Map.of("_csrf", form.csrf(),
                "email", "trust@demo.local", "password", TestServer.DEMO_PASSWORD, "naar", "/web/cases/" + caseId));
        assertThat(answer.header("Location")).isEqualTo("/web/cases/" + caseId);

        // Never to another site.
        WebFixture.Page again = WebFixture.get(server, "/web/login", null);
        WebFixture.Page elsewhere = WebFixture.post(server, "/web/login", WebSessions.LOGIN_COOKIE + "="
                + WebFixture.cookieValue(again, WebSessions.LOGIN_COOKIE), Map.of("_csrf", again.csrf(),
                "email", "trust@demo.local", "password", TestServer.DEMO_PASSWORD, "naar", "https://evil.example/"));
        assertThat(elsewhere.header("Location")).isEqualTo("/web/inbox");
    }

    @Test
    void everyReadIsAuditedAndTheCasePageGroupsConsecutiveOpensByOnePerson() {
        String fresh = Journeys.submitCase(Journeys.newDevice(server.client()), "Nog een verhaal voor de telling.");
        String trust = SESSIONS.get(Role.TRUST_PERSON);
        assertThat(WebFixture.get(server, "/web/cases/" + fresh, trust).status()).isEqualTo(200);
        assertThat(WebFixture.get(server, "/web/cases/" + fresh + "/live", trust).status()).isEqualTo(200);
        assertThat(WebFixture.get(server, "/web/cases/" + fresh + "/live", trust).status()).isEqualTo(200);
        assertThat(WebFixture.get(server, "/web/cases/" + fresh, SESSIONS.get(Role.COORDINATOR)).status())
                .isEqualTo(200);
        String page = WebFixture.get(server, "/web/cases/" + fresh, trust).body();

        int reads = server.app().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE case_id = :id AND action = 'case.read'").bind("id", fresh)
                .mapTo(Integer.class).one());
        assertThat(reads).as("every read is in the audit log").isEqualTo(5);
        String table = page.substring(page.indexOf("<table class=\"table table--compact opened\""));
        table = table.substring(0, table.indexOf("</table>"));
        List<String> rows = java.util.regex.Pattern.compile("<tr><td>(.*?)</td><td>.*?</td><td>(\\d+)×</td></tr>")
                .matcher(table).results().map(m -> m.group(1) + " " + m.group(2)).toList();
        assertThat(rows).containsExactly("Sam de Vries (vertrouwenspersoon) 3", "Noor Jansen (coördinator) 1",
                "Sam de Vries (vertrouwenspersoon) 1");
    }

    private static int messages() {
        return server.app().database().read(h -> h.createQuery("SELECT COUNT(*) FROM case_messages WHERE case_id = :id")
                .bind("id", caseId).mapTo(Integer.class).one());
    }
}
