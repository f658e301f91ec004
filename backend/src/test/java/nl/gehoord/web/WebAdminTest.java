package nl.gehoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.gehoord.demo.DemoData;
import nl.gehoord.http.Route;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Browser;
import nl.gehoord.testing.OtherOrganisation;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrator's pages in a real browser: inviting staff (the one-time code shown once, and it works),
 * deactivating them, teams and their members, routing rules, a location's own trust person, time limits and the
 * audit log with its verification, each through the AdminService the API uses, audited, and each page passing
 * axe-core. Over plain HTTP: another organisation's admin changes nothing here, and a trust person, a council and
 * a browser without a session are refused every admin page and change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAdminTest {
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        OtherOrganisation.create(server);
        browser = Browser.open(WebFixture.base(server));
        WebFixture.addStaff(server, "staff-web-second", "tweede@demo.local", "Lotte Bakker", "trust_person",
                DemoData.TEAM_ID);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    private static void logInAsAdmin() {
        WebFixture.logIn(browser, "admin@demo.local");
    }

    private static void submit(String formCss) {
        browser.find(formCss + " button[type=submit]").click();
        browser.settle();
    }

    private static String flash() {
        return browser.waitFor(d -> d.findElements(By.cssSelector(".alert[role]")).stream().findFirst()
                .map(e -> e.getText()).orElse(null));
    }

    private static long audited(String action) {
        return server.app().database().read(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = :a")
                .bind("a", action).mapTo(Long.class).one());
    }

    private static <T> T one(String sql, Class<T> type) {
        return server.app().database().read(h -> h.createQuery(sql).mapTo(type).one());
    }

    @Test
    @Order(1)
    void anAdministratorInvitesAStaffMemberWhoseCodeWorksAndDeactivatesThem() {
        logInAsAdmin();
        assertThat(browser.path()).isEqualTo("/web/admin");
        assertThat(browser.text("#audit-h + p")).contains("De keten is heel");
        browser.assertAccessible("the admin overview");
        browser.screenshot("admin-overview");

        browser.find("a[href='/web/admin/staff']").click();
        browser.settle();
        browser.find("#invite-name").sendKeys("Noor Visser");
        browser.find("#invite-email").sendKeys("noor@demo.local");
        new Select(browser.find("#invite-role")).selectByValue("trust_person");
        new Select(browser.find("#invite-team")).selectByValue(DemoData.TEAM_ID);
        submit("form[action='/web/admin/staff']");
        assertThat(browser.text("#invited-h")).contains("Noor Visser is uitgenodigd");
        String code = browser.find("#invitation-code").getAttribute("value");
        assertThat(code).hasSizeGreaterThan(20);
        assertThat(browser.path()).doesNotContain(code);
        browser.assertAccessible("the staff page with a new invitation");
        browser.screenshot("admin-staff");
        assertThat(audited("admin.staff.invite")).isEqualTo(1);

        // Shown once: the page itself no longer has it, and the database holds only a hash.
        browser.go("/web/admin/staff");
        assertThat(browser.driver().getPageSource()).doesNotContain(code);
        int plain = server.app().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM staff_invitations WHERE token_hash = :c").bind("c", code)
                .mapTo(Integer.class).one());
        assertThat(plain).isZero();

        // The invited person sets a password with the code and logs in.
        ApiResponse accepted = server.client().anonymous().post("/v1/staff/invitations/accept",
                Map.of("token", code, "password", "een-eigen-wachtwoord-van-noor"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);

        // The same e-mail again is refused in plain words.
        browser.find("#invite-name").sendKeys("Noor Visser");
        browser.find("#invite-email").sendKeys("noor@demo.local");
        submit("form[action='/web/admin/staff']");
        assertThat(flash()).contains("Dat bestaat al");

        // Deactivated: Noor can no longer log in.
        browser.find("button[aria-label='Zet het account van Noor Visser uit']").click();
        browser.settle();
        assertThat(flash()).contains("Het account staat uit");
        assertThat(server.client().anonymous().post("/v1/staff/session", Map.of("email", "noor@demo.local",
                "password", "een-eigen-wachtwoord-van-noor")).status()).isEqualTo(401);
        assertThat(audited("admin.staff.change")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void teamsAreMadeAndGetMembers() {
        browser.go("/web/admin/teams");
        browser.find("#team-name").sendKeys("Team Noord");
        submit("form[action='/web/admin/teams']");
        assertThat(flash()).contains("Het team is gemaakt");
        String teamId = one("SELECT id FROM teams WHERE name = 'Team Noord'", String.class);
        String form = "form[action='/web/admin/teams/" + teamId + "/members']";
        new Select(browser.find(form + " select")).selectByValue("staff-web-second");
        submit(form);
        assertThat(flash()).contains("Het team is aangepast");
        assertThat(browser.text("#team-" + teamId + "-h + ul")).contains("Lotte Bakker");
        assertThat(one("SELECT team_id FROM staff WHERE id = 'staff-web-second'", String.class)).isEqualTo(teamId);
        browser.assertAccessible("the teams page");
        browser.screenshot("admin-teams");
        assertThat(audited("admin.team.create")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void routingRulesAndALocationsOwnTrustPerson() {
        browser.go("/web/admin/routing");
        browser.find("#rule-priority").sendKeys("5");
        new Select(browser.find("#rule-topic")).selectByValue("freedom");
        new Select(browser.find("#rule-team")).selectByVisibleText("Team Noord");
        submit("form[action='/web/admin/routing-rules']");
        assertThat(flash()).contains("De regel is toegevoegd");
        assertThat(browser.text("#rules-h + div table")).contains("Vrijheidsbeperking", "Team Noord");
        assertThat(one("SELECT COUNT(*) FROM routing_rules WHERE organisation_id = 'demo-org'", Integer.class))
                .isEqualTo(2);

        String location = "form[action='/web/admin/locations/loc-utr-linde/trust-person']";
        new Select(browser.find(location + " select")).selectByValue("staff-demo-trust");
        browser.find(location + " button").click();
        browser.settle();
        assertThat(flash()).contains("De vertrouwenspersoon van de locatie is opgeslagen");
        assertThat(one("SELECT staff_id FROM location_trust_persons WHERE location_id = 'loc-utr-linde'",
                String.class)).isEqualTo("staff-demo-trust");
        browser.assertAccessible("the routing page");
        browser.screenshot("admin-routing");

        browser.find("button[aria-label='Verwijder de regel met volgorde 5']").click();
        browser.settle();
        assertThat(flash()).contains("De regel is weg");
        assertThat(one("SELECT COUNT(*) FROM routing_rules WHERE organisation_id = 'demo-org'", Integer.class))
                .isEqualTo(1);
        assertThat(audited("admin.rule.create") + audited("admin.rule.delete")
                + audited("admin.location.trust_person")).isEqualTo(3);
    }

    @Test
    @Order(4)
    void timeLimitsAreSetAndABadValueIsExplained() {
        browser.go("/web/admin/time-limits");
        browser.find("#tl-first").clear();
        browser.find("#tl-first").sendKeys("3");
        submit("form[action='/web/admin/time-limits']");
        assertThat(flash()).contains("De termijnen zijn opgeslagen");
        assertThat(browser.find("#tl-first").getAttribute("value")).isEqualTo("3");
        browser.assertAccessible("the time limits page");
        browser.screenshot("admin-time-limits");

        // Past the browser's own check, the server explains in plain words and changes nothing.
        String cookie = WebSessions.COOKIE + "=" + browser.cookie(WebSessions.COOKIE);
        String csrf = WebFixture.get(server, "/web/admin/time-limits", cookie).csrf();
        WebFixture.Page bad = WebFixture.post(server, "/web/admin/time-limits", cookie, Map.of("_csrf", csrf,
                "firstResponseWorkingDays", "0", "urgentFirstResponseMinutes", "240", "nextResponseWorkingDays", "2",
                "resolutionWorkingDays", "30"));
        assertThat(bad.status()).isEqualTo(303);
        browser.go(bad.header("Location"));
        assertThat(flash()).startsWith("Eerste antwoord (werkdagen):");
        assertThat(browser.find("#tl-first").getAttribute("value")).isEqualTo("3");
        assertThat(audited("admin.sla.change")).isEqualTo(1);
    }

    @Test
    @Order(5)
    void theAuditLogShowsTheChangesAndItsVerification() {
        browser.go("/web/admin/audit");
        assertThat(browser.text("#verify-h + p")).contains("De keten is heel");
        assertThat(browser.text("#entries-h + div table")).contains("Team gemaakt", "Medewerker uitgenodigd",
                "Termijnen veranderd", "Noor Visser");
        browser.assertAccessible("the audit log page");
        browser.screenshot("admin-audit");
    }

    @Test
    @Order(6)
    void anotherOrganisationsAdminChangesNothingHere() {
        String other = WebFixture.login(server, "admin@zee.local", null);
        WebFixture.Page staff = WebFixture.get(server, "/web/admin/staff", other);
        assertThat(staff.status()).isEqualTo(200);
        assertThat(staff.body()).contains("coordinator@zee.local").doesNotContain("trust@demo.local");
        assertThat(WebFixture.get(server, "/web/admin/routing", other).body()).doesNotContain("Groep De Kastanje");
        assertThat(WebFixture.get(server, "/web/admin/audit", other).body()).doesNotContain("Noor Visser")
                .doesNotContain("Team Noord");
        String csrf = staff.csrf();
        long changes = adminChanges();
        Map<String, Map<String, String>> attempts = Map.of(
                "/web/admin/staff/staff-demo-trust", Map.of("active", "false"),
                "/web/admin/routing-rules/rule-demo-default/delete", Map.of(),
                "/web/admin/locations/loc-utr-linde/trust-person", Map.of("staffId", OtherOrganisation.TRUST_PERSON),
                "/web/admin/teams/" + DemoData.TEAM_ID + "/members", Map.of("staffId", OtherOrganisation.TRUST_PERSON),
                "/web/admin/teams/" + OtherOrganisation.TEAM + "/members", Map.of("staffId", "staff-demo-trust"));
        for (Map.Entry<String, Map<String, String>> a : attempts.entrySet()) {
            Map<String, String> form = new HashMap<>(a.getValue());
            form.put("_csrf", csrf);
            WebFixture.Page answer = WebFixture.post(server, a.getKey(), other, form);
            assertThat(answer.status()).as(a.getKey()).isIn(303, 404);
            if (answer.status() == 303) {
                assertThat(answer.header("Location")).as(a.getKey()).contains("fout=");
            }
            assertThat(answer.body()).doesNotContain("demo.local");
        }
        assertThat(adminChanges()).isEqualTo(changes);
        assertThat(one("SELECT active FROM staff WHERE id = 'staff-demo-trust'", Boolean.class)).isTrue();
        assertThat(one("SELECT team_id FROM staff WHERE id = 'staff-demo-trust'", String.class))
                .isEqualTo(DemoData.TEAM_ID);
        assertThat(one("SELECT team_id FROM staff WHERE id = '" + OtherOrganisation.TRUST_PERSON + "'",
                String.class)).isEqualTo(OtherOrganisation.TEAM);
        assertThat(one("SELECT COUNT(*) FROM routing_rules WHERE id = 'rule-demo-default'", Integer.class))
                .isEqualTo(1);
        assertThat(one("SELECT staff_id FROM location_trust_persons WHERE location_id = 'loc-utr-linde'",
                String.class)).isEqualTo("staff-demo-trust");

        // Their time limits are their own: the demo organisation's stay as they were.
        WebFixture.Page own = WebFixture.post(server, "/web/admin/time-limits", other, Map.of("_csrf", csrf,
                "firstResponseWorkingDays", "9", "urgentFirstResponseMinutes", "240", "nextResponseWorkingDays", "2",
                "resolutionWorkingDays", "30"));
        assertThat(own.header("Location")).isEqualTo("/web/admin/time-limits?klaar=time_limits");
        assertThat(WebFixture.get(server, "/web/admin/time-limits", other).body()).contains("value=\"9\"");
        String cookie = WebSessions.COOKIE + "=" + browser.cookie(WebSessions.COOKIE);
        assertThat(WebFixture.get(server, "/web/admin/time-limits", cookie).body()).contains("value=\"3\"")
                .doesNotContain("value=\"9\"");
    }

    @Test
    @Order(7)
    void aTrustPersonACouncilAndNoSessionAreRefusedEveryAdminPage() {
        Map<String, String> sessions = Map.of("trust person", WebFixture.login(server, "trust@demo.local", null),
                "council", WebFixture.login(server, "council@demo.local", null),
                "coordinator", WebFixture.login(server, "coordinator@demo.local", null));
        List<Route> admin = server.app().pageRoutes().stream().filter(r -> r.path().startsWith("/web/admin"))
                .toList();
        assertThat(admin).hasSizeGreaterThanOrEqualTo(14);
        long changes = adminChanges();
        for (Route route : admin) {
            String path = route.path().replace("{staffId}", "staff-web-second").replace("{ruleId}", "rule-demo-default")
                    .replace("{locationId}", "loc-utr-linde").replace("{teamId}", DemoData.TEAM_ID);
            boolean get = route.method().name().equals("GET");
            for (Map.Entry<String, String> s : sessions.entrySet()) {
                WebFixture.Page answer;
                if (get) {
                    answer = WebFixture.get(server, path, s.getValue());
                } else {
                    String csrf = WebFixture.get(server, s.getKey().equals("council") ? "/web/council" : "/web/inbox",
                            s.getValue()).csrf();
                    answer = WebFixture.post(server, path, s.getValue(), Map.of("_csrf", csrf, "active", "false",
                            "name", "Team X", "priority", "1", "teamId", DemoData.TEAM_ID, "staffId", "staff-demo-trust",
                            "firstResponseWorkingDays", "7"));
                }
                assertThat(answer.status()).as(s.getKey() + " " + route.method() + " " + path).isEqualTo(403);
                assertThat(answer.body()).contains("Dat mag niet").doesNotContain("demo.local");
            }
            WebFixture.Page anonymous = get ? WebFixture.get(server, path, null)
                    : WebFixture.post(server, path, null, Map.of("active", "false"));
            assertThat(anonymous.status()).as("no session: " + path).isIn(303, 401);
            assertThat(anonymous.body()).doesNotContain("demo.local");
        }
        assertThat(adminChanges()).isEqualTo(changes);
    }

    private static long adminChanges() {
        return one("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'admin.%'", Long.class);
    }
}
