package nl.gehoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.Browser;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The staff pages in a real browser, through the real server: a trust person logs in with a second factor, sees a
 * case a phone submitted appear without a reload, opens it, answers with a canned reply and changes the status
 * with an explanation, which the phone then reads; a coordinator reassigns; a council reads its dashboard and
 * downloads the CSV. Every page passes axe-core (WCAG 2.2 A and AA) and leaves a screenshot in docs/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebJourneyTest {
    private static TestServer server;
    private static Browser browser;
    private static String totpSecret;
    private static ApiClient phone;
    private static String caseId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = Browser.open(WebFixture.base(server));
        WebFixture.addStaff(server, "staff-web-second", "tweede@demo.local", "Lotte Bakker", "trust_person",
                "team-midden");
        totpSecret = WebFixture.enrolTotp(server, "trust@demo.local");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    private static void logIn(String email, String code) {
        WebFixture.logIn(browser, email, code);
    }

    @Test
    @Order(1)
    void aTrustPersonWorksACaseFromArrivalToExplainedStatus() {
        browser.go("/web/login");
        browser.assertAccessible("the log-in page");
        browser.screenshot("login");

        // Without the second factor the password alone is not enough.
        logIn("trust@demo.local", null);
        assertThat(browser.path()).isEqualTo("/web/login");
        assertThat(browser.text("[role=alert]")).contains("Dat lukte niet");

        logIn("trust@demo.local", WebFixture.nextCode(server, totpSecret));
        assertThat(browser.path()).isEqualTo("/web/inbox");
        assertThat(browser.cookie(WebSessions.COOKIE)).startsWith("gs_");
        browser.waitFor(d -> server.app().live().open() >= 1);
        browser.js("window.gehoordMarker = 'still the same page';");

        // A phone submits a case through the API: it appears in the open inbox without a reload.
        phone = Journeys.newDevice(server.client());
        caseId = Journeys.submitCase(phone, "Ik mag mijn moeder niet meer bellen van de groepsleiding.");
        String linkCss = "a[href='/web/cases/" + caseId + "']";
        browser.waitFor(d -> d.findElements(By.cssSelector(linkCss)).stream().findFirst().orElse(null));
        assertThat(browser.js("return window.gehoordMarker;")).isEqualTo("still the same page");
        assertThat(browser.text("#inbox-summary")).contains("Cases in deze lijst: 1.");
        assertThat(browser.text(".case-card")).contains("Vrijheidsbeperking", "Op tijd", "13-15 jaar");
        browser.assertAccessible("the inbox");
        browser.screenshot("inbox");

        browser.settle();
        browser.find(linkCss).click();
        browser.settle();
        assertThat(browser.path()).isEqualTo("/web/cases/" + caseId);
        assertThat(browser.text(".story")).isEqualTo("Ik mag mijn moeder niet meer bellen van de groepsleiding.");
        assertThat(browser.text(".staff-only")).contains("Alleen voor medewerkers");
        assertThat(browser.text(".case-side")).contains("Sam de Vries");
        browser.assertAccessible("the case page");

        // The young person writes: the thread shows it at once, without a reload.
        browser.js("window.gehoordMarker = 'case page';");
        assertThat(phone.post("/v1/cases/" + caseId + "/messages", Map.of("text", "Wanneer hoor ik iets?"))
                .status()).isEqualTo(201);
        browser.waitFor(d -> d.findElement(By.cssSelector(".thread")).getText().contains("Wanneer hoor ik iets?"));
        assertThat(browser.js("return window.gehoordMarker;")).isEqualTo("case page");

        // A canned reply goes into the box, to send as it is.
        browser.find("button[aria-label='Gebruik: Eerste antwoord']").click();
        browser.waitFor(d -> !d.findElement(By.id("reply-text")).getAttribute("value").isBlank());
        String canned = browser.find("#reply-text").getAttribute("value");
        browser.find("form[action$='/reply'] button[type=submit]").click();
        browser.settle();
        browser.waitFor(d -> d.findElement(By.cssSelector("[role=status].alert")).getText()
                .contains("Je antwoord is verstuurd."));

        // The status change: first the preview of exactly what the young person reads, then the change.
        new Select(browser.find("#new-status")).selectByValue("in_conversation");
        browser.find("#explanation").sendKeys("We gaan samen praten over het bellen.");
        browser.find("button[hx-post$='/preview']").click();
        browser.waitFor(d -> d.findElement(By.id("preview")).getText().contains("We praten met je"));
        assertThat(browser.text("#preview")).contains("We gaan samen praten over het bellen.", "Nederlands");
        browser.screenshot("case");
        browser.find("#status-form button[type=submit]").click();
        browser.settle();
        browser.waitFor(d -> d.findElement(By.cssSelector("[role=status].alert")).getText()
                .contains("De status is veranderd."));
        assertThat(browser.text(".badges")).contains("In gesprek");

        // The phone reads the reply and the explanation through the API.
        JsonNode detail = phone.get("/v1/cases/" + caseId).json();
        assertThat(detail.get("status").asText()).isEqualTo("in_conversation");
        assertThat(detail.get("statusText").asText()).isEqualTo("We praten met je");
        assertThat(detail.toString()).contains("We gaan samen praten over het bellen.");
        JsonNode messages = phone.get("/v1/cases/" + caseId + "/messages?after=0").json();
        assertThat(messages.toString()).contains(canned.replace("\n", "\\n").substring(0, 20));
    }

    @Test
    @Order(2)
    void aCoordinatorReassignsFromTheCasePage() {
        logIn("coordinator@demo.local", null);
        assertThat(browser.path()).isEqualTo("/web/queue");
        assertThat(browser.text("#members-h + table")).contains("Sam de Vries", "Lotte Bakker");
        browser.assertAccessible("the team page");
        browser.screenshot("queue");

        browser.go("/web/cases/" + caseId);
        new Select(browser.find("#assign-to")).selectByValue("staff-web-second");
        browser.find("form[action$='/assign'] button[type=submit]").click();
        browser.settle();
        browser.waitFor(d -> d.findElement(By.cssSelector("[role=status].alert")).getText()
                .contains("De case is toegewezen."));
        assertThat(browser.text(".case-side")).contains("Lotte Bakker");
        browser.assertAccessible("the case page for a coordinator");
        String assigned = server.app().database().read(h -> h.createQuery(
                "SELECT assigned_staff_id FROM cases WHERE id = :id").bind("id", caseId).mapTo(String.class).one());
        assertThat(assigned).isEqualTo("staff-web-second");

        // Nobody available: a new case waits in the team queue, appears there live, and is handed out from it.
        ApiClient sam = WebFixture.staffApi(server, "trust@demo.local", WebFixture.nextCode(server, totpSecret));
        assertThat(sam.put("/v1/staff/me", Map.of("available", false)).status()).isEqualTo(200);
        browser.go("/web/queue");
        browser.waitFor(d -> server.app().live().open() >= 1);
        String waiting = Journeys.submitCase(Journeys.newDevice(server.client()), "Niemand luistert naar mij.");
        String form = "form[action='/web/cases/" + waiting + "/assign']";
        browser.waitFor(d -> !d.findElements(By.cssSelector(form)).isEmpty());
        browser.settle();
        new Select(browser.find(form + " select")).selectByValue("staff-demo-trust");
        browser.find(form + " button").click();
        browser.settle();
        browser.waitFor(d -> d.findElement(By.cssSelector("[role=status].alert")).getText()
                .contains("De case is toegewezen."));
        assertThat(browser.path()).isEqualTo("/web/queue");
        assertThat(browser.text("#waiting-h")).contains("(0)");
        assertThat(browser.text("#team-h + table")).contains("Sam de Vries");
    }

    @Test
    @Order(3)
    void aCouncilReadsItsDashboardAndDownloadsTheCsv() {
        nl.gehoord.trends.TrendSeed.seed(server, 400, java.time.YearMonth.of(2026, 10), 5);
        logIn("council@demo.local", null);
        assertThat(browser.path()).isEqualTo("/web/council");
        new Select(browser.find("#breakdown")).selectByValue("topic");
        browser.find("form.filters button[type=submit]").click();
        browser.settle();
        assertThat(browser.find("#breakdown").getAttribute("value")).isEqualTo("topic");
        assertThat(browser.text("table caption")).contains("Aantal cases");
        assertThat(browser.text("#perturbed-h")).contains("niet precies");
        assertThat(browser.driver().getPageSource()).doesNotContain("verborgen");
        assertThat(browser.find("img.chart").getAttribute("alt")).isNotBlank();
        browser.waitFor(d -> Boolean.TRUE.equals(browser.js(
                "const i = document.querySelector('img.chart'); return i.complete && i.naturalWidth > 0;")));
        browser.assertAccessible("the council dashboard");
        browser.screenshot("council");

        String href = browser.find("a[href*='trends.csv']").getAttribute("href");
        WebFixture.Page csv = WebFixture.get(server, href.substring(href.indexOf("/web/")),
                WebSessions.COOKIE + "=" + browser.cookie(WebSessions.COOKIE));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment");
        assertThat(csv.body().lines().findFirst().orElse("")).contains("topic");

        // The page, the chart, the CSV and the API's answer show the same perturbed numbers, the same largest
        // deviation and the same values that are not final yet.
        String query = href.substring(href.indexOf('?') + 1);
        java.util.regex.Matcher period = java.util.regex.Pattern.compile("from=([0-9-]+)&to=([0-9-]+)").matcher(query);
        assertThat(period.find()).isTrue();
        JsonNode api = nl.gehoord.testing.Journeys.staff(server.client(), "council@demo.local")
                .get("/v1/trends?by=topic&from=" + period.group(1) + "&to=" + period.group(2)).json();
        int deviation = api.get("perturbation").get("maxDeviation").asInt();
        assertThat(deviation).isPositive();
        assertThat(browser.text("#max-deviation")).contains("hoogstens " + deviation + " meer of minder");
        assertThat(browser.text("table caption")).contains("hoogstens " + deviation);
        java.util.List<String> apiCases = new java.util.ArrayList<>();
        long apiNotFinal = 0;
        for (JsonNode cell : api.get("cells")) {
            apiCases.add(cell.get("cases").asText());
            apiNotFinal += cell.get("final").asBoolean() ? 0 : 1;
        }
        assertThat(apiCases).hasSizeGreaterThan(3);
        java.util.List<String> pageCases = browser.all("tbody td.count").stream()
                .map(e -> e.getText().replace(".", "")).toList();
        assertThat(pageCases).isEqualTo(apiCases);
        assertThat(browser.text("tfoot td.count").replace(".", "")).isEqualTo(api.get("total").get("cases").asText());
        java.util.List<String> csvLines = csv.body().lines().toList();
        int casesColumn = java.util.Arrays.asList(csvLines.get(0).split(",")).indexOf("cases");
        assertThat(csvLines.subList(1, csvLines.size() - 1).stream().map(l -> l.split(",")[casesColumn]).toList())
                .isEqualTo(apiCases);
        assertThat(csvLines.get(csvLines.size() - 1).split(",")[casesColumn])
                .isEqualTo(api.get("total").get("cases").asText());
        long pageNotFinal = browser.all("tbody tr").stream()
                .filter(r -> !r.findElements(By.cssSelector("td.not-final")).isEmpty()).count();
        assertThat(apiNotFinal).as("the seeded month is recent, so its outcomes are not final yet").isPositive();
        assertThat(pageNotFinal).isEqualTo(apiNotFinal);
        assertThat(browser.all("tbody td.final").stream().filter(e -> e.getText().equals("nog niet")).count())
                .isEqualTo(apiNotFinal);
        assertThat(browser.text("#not-final-note")).contains("Nog niet definitief");
        WebFixture.Page svg = WebFixture.get(server, browser.find("img.chart").getAttribute("src")
                .replaceFirst("^https?://[^/]+", ""), WebSessions.COOKIE + "=" + browser.cookie(WebSessions.COOKIE));
        java.util.List<String> bars = java.util.regex.Pattern.compile(">(\\d+) \u00b1 (\\d+)<").matcher(svg.body())
                .results().peek(m -> assertThat(m.group(2)).isEqualTo(Integer.toString(deviation)))
                .map(m -> m.group(1)).toList();
        assertThat(bars).isNotEmpty();
        assertThat(apiCases).containsAll(bars);

        // A council's session opens no case page and no inbox.
        browser.go("/web/inbox");
        assertThat(browser.text("h1")).isEqualTo("Dat mag niet");
        browser.go("/web/cases/" + caseId);
        assertThat(browser.text("h1")).isEqualTo("Dat mag niet");
        assertThat(browser.driver().getPageSource()).doesNotContain("moeder");
    }

    @Test
    @Order(4)
    void anAdministratorSeesTheAuditChainAndNoCaseContent() {
        logIn("admin@demo.local", null);
        assertThat(browser.path()).isEqualTo("/web/admin");
        assertThat(browser.text("#audit-h + p")).contains("De keten is heel");
        assertThat(browser.text("#staff-h + div table")).contains("trust@demo.local", "Lotte Bakker");
        browser.assertAccessible("the admin page");
        browser.screenshot("admin");
        browser.go("/web/cases/" + caseId);
        assertThat(browser.text("h1")).isEqualTo("Dat mag niet");
        assertThat(browser.driver().getPageSource()).doesNotContain("moeder");
    }

    @Test
    @Order(5)
    void theInboxJourneyWorksWithTheKeyboardAlone() {
        browser.forgetCookies();
        browser.go("/web/login");
        browser.tabTo(e -> "email".equals(e.getAttribute("id")), "the e-mail field").sendKeys("tweede@demo.local");
        browser.press(Keys.TAB);
        browser.driver().switchTo().activeElement().sendKeys(TestServer.DEMO_PASSWORD);
        browser.loadsNewPage(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/web/inbox");

        // The case reassigned to this trust person: reach it with Tab, open it with Enter.
        browser.tabTo(e -> ("/web/cases/" + caseId).equals(pathOf(e.getAttribute("href"))), "the case link");
        browser.press(Keys.ENTER);
        browser.settle();
        browser.waitFor(d -> browser.path().equals("/web/cases/" + caseId));

        // A canned reply with Space, the send button with Enter.
        browser.tabTo(e -> "Gebruik: Langskomen".equals(e.getAttribute("aria-label")), "a canned reply");
        browser.press(Keys.SPACE);
        browser.waitFor(d -> !d.findElement(By.id("reply-text")).getAttribute("value").isBlank());
        browser.tabTo(e -> "Verstuur antwoord".equals(e.getText()), "the send button");
        browser.press(Keys.ENTER);
        browser.settle();
        browser.waitFor(d -> d.findElement(By.cssSelector("[role=status].alert")).getText()
                .contains("Je antwoord is verstuurd."));

        // The filters with Space on a checkbox and Enter on the button.
        browser.tabTo(e -> "/web/inbox".equals(pathOf(e.getAttribute("href"))), "the menu");
        browser.press(Keys.ENTER);
        browser.settle();
        browser.tabTo(e -> "urgent".equals(e.getAttribute("id")), "the urgent filter");
        browser.press(Keys.SPACE);
        browser.tabTo(e -> "Toon".equals(e.getText()), "the filter button");
        browser.press(Keys.ENTER);
        browser.settle();
        browser.waitFor(d -> d.getCurrentUrl().contains("urgent=true"));
        assertThat(browser.text("#inbox-list")).contains("Geen cases met deze filters.");
    }

    @Test
    @Order(6)
    void theInboxWorksAtPhoneWidth() {
        browser.size(390, 844);
        try {
            browser.go("/web/inbox");
            assertThat(browser.path()).isEqualTo("/web/inbox");
            assertThat(browser.js("return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as("no sideways scrolling at 390 px").isEqualTo(true);
            assertThat(browser.find("a[href='/web/cases/" + caseId + "']").isDisplayed()).isTrue();
            browser.assertAccessible("the inbox at phone width");
            browser.screenshot("inbox-phone");
            browser.go("/web/cases/" + caseId);
            assertThat(browser.js("return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as("no sideways scrolling on the case page at 390 px").isEqualTo(true);
            browser.screenshot("case-phone");
        } finally {
            browser.size(1280, 900);
        }
    }

    private static String pathOf(String href) {
        return href == null ? null : java.net.URI.create(href).getPath();
    }
}
