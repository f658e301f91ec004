package nl.gehoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.gehoord.http.Route;
import nl.gehoord.intake.CaseTexts;
import nl.gehoord.signals.SignalService;
import nl.gehoord.testing.Browser;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.OtherOrganisation;
import nl.gehoord.testing.TestServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The signals pages in a real browser: three cases of one location and theme bring a suggestion, the trust person
 * records a signal from it in their own words with those cases linked, sees the report exactly as it goes out (for
 * the provider and for the inspectorate) and downloads its PDF, marks it sent with the keyboard alone, sees it turn
 * overdue and records the answer; every page passes axe-core, also at phone width. Over plain HTTP: a council,
 * another organisation's staff and no session are refused, and nothing changes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebSignalsTest {
    private static final String CHILD = "KINDWOORDEN-WEB";
    private static final String TEXT = "Op groep De Kastanje moeten jongeren onder een huisregel op hun kamer blijven.";
    private static TestServer server;
    private static Browser browser;
    private static final List<String> caseIds = new ArrayList<>();
    private static String signalId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        OtherOrganisation.create(server);
        browser = Browser.open(WebFixture.base(server));
        for (int i = 0; i < 3; i++) {
            caseIds.add(Journeys.submitCase(Journeys.newDevice(server.client()), CHILD + " ik moest op mijn kamer " + i));
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    private static void logIn(String email) {
        WebFixture.logIn(browser, email);
    }

    private static String flash() {
        return WebFixture.flash(browser);
    }

    private static long count(String sql) {
        return server.app().database().read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static String cookie() {
        return WebSessions.COOKIE + "=" + browser.cookie(WebSessions.COOKIE);
    }

    @Test
    @Order(1)
    void aSuggestionBecomesASignalInTheTrustPersonsOwnWords() {
        logIn("trust@demo.local");
        browser.find("nav a[href='/web/signals']").click();
        browser.settle();
        assertThat(browser.path()).isEqualTo("/web/signals");
        assertThat(browser.text("#signals-h + p")).contains("Nog geen signalen");
        assertThat(browser.text("#suggestions")).contains("Vrijheidsbeperking – Stichting De Linde, Groep De Kastanje",
                "3 cases");
        browser.assertAccessible("the signals page with a suggestion");
        browser.screenshot("signal-suggestions");

        browser.find("#suggestions a").click();
        browser.settle();
        assertThat(browser.path()).isEqualTo("/web/signals/new");
        assertThat(new Select(browser.find("#signal-location")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("loc-utr-linde");
        assertThat(new Select(browser.find("#signal-theme")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("freedom_restriction");
        List<String> themes = new Select(browser.find("#signal-theme")).getOptions().stream()
                .map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
        assertThat(themes).as("the fixed list").containsExactlyInAnyOrderElementsOf(SignalService.THEMES.keySet());
        for (String caseId : caseIds) {
            assertThat(browser.find("#link-" + caseId).isSelected()).as("the suggestion's cases are ticked").isTrue();
        }
        assertThat(browser.text("#signal-form fieldset")).contains("Vrijheidsbeperking").doesNotContain(CHILD);
        browser.assertAccessible("the new signal form");
        browser.screenshot("signal-new");

        browser.find("#signal-text").sendKeys(TEXT);
        browser.find("#signal-form button[type=submit]").click();
        browser.settle();
        assertThat(flash()).contains("Het signaal is vastgelegd");
        signalId = browser.path().substring("/web/signals/".length());
        assertThat(count("SELECT COUNT(*) FROM signal_cases WHERE signal_id = '" + signalId + "'")).isEqualTo(3);

        // The report as it goes out: the trust person's words, place, theme and counts; no child's words.
        String report = browser.text("#report");
        assertThat(report).contains("Vertrouwenswerk Demo", "Aan de directie van Stichting De Linde", TEXT,
                "Stichting De Linde, Groep De Kastanje", "3 meldingen", "november 2026");
        assertThat(browser.driver().getPageSource()).doesNotContain(CHILD).doesNotContain(caseIds.get(0));
        assertThat(browser.text("#signal-facts")).contains("Nog niet verstuurd");
        browser.assertAccessible("the signal page");
        browser.screenshot("signal");
    }

    @Test
    @Order(2)
    void theReportForTheInspectorateIsAPdfWithoutAChild() throws Exception {
        browser.go("/web/signals/" + signalId);
        browser.find("a[href$='recipient=inspectorate']").click();
        browser.settle();
        assertThat(browser.text("#report")).contains("Aan de Inspectie Gezondheidszorg en Jeugd (IGJ)");
        List<String> shown = browser.all("#report p, #report h3, #report h4").stream().map(WebElement::getText)
                .toList();
        String href = browser.find("#report-pdf").getAttribute("href");
        assertThat(href).endsWith("/web/signals/" + signalId + "/report.pdf?recipient=inspectorate");
        long before = count("SELECT COUNT(*) FROM audit_log WHERE action = 'signal.report_pdf'");
        HttpResponse<byte[]> pdf = WebFixture.HTTP.send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookie()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Cache-Control")).hasValue("no-store");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Inspectie Gezondheidszorg en Jeugd", TEXT, "3 meldingen");
            assertThat(shown).hasSizeGreaterThan(15);
            for (String block : shown) {
                assertThat(text).as("the page shows what the PDF says").contains(block.replaceAll("\\s+", " "));
            }
            assertThat(text).doesNotContain(CHILD).doesNotContain("13_15");
            for (String caseId : caseIds) {
                assertThat(text).doesNotContain(caseId);
            }
        }
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'signal.report_pdf'")).isEqualTo(before + 1);
    }

    @Test
    @Order(3)
    void sentWithTheKeyboardItTurnsOverdueAndGetsItsAnswer() {
        browser.go("/web/signals/" + signalId);
        // Ten minutes ahead, in Amsterdam time as the field is read.
        String due = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                .format(server.clock().instant().plus(Duration.ofMinutes(10)).atZone(CaseTexts.ZONE));
        browser.js("document.getElementById('answer-due').value = arguments[0];", due);
        browser.tabTo(e -> "sent-provider".equals(e.getAttribute("id")), "the recipient");
        browser.press(Keys.SPACE);
        browser.tabTo(e -> "Sla op dat het verstuurd is".equals(e.getText()), "the save button");
        browser.press(Keys.ENTER);
        browser.settle();
        assertThat(flash()).contains("het signaal is verstuurd");
        assertThat(browser.text("#signal-facts")).contains("Verstuurd, wacht op antwoord", "De directie van de aanbieder");

        // Past the date without an answer: overdue in the list and on its page.
        server.clock().advance(Duration.ofMinutes(15));
        browser.go("/web/signals");
        assertThat(browser.text("#signal-" + signalId)).contains("Te laat: geen antwoord");
        assertThat(browser.find("#signal-" + signalId + " .state--overdue").isDisplayed()).isTrue();
        browser.assertAccessible("the signals list with an overdue signal");
        browser.screenshot("signal-list");
        browser.find("#signal-" + signalId + " a").click();
        browser.settle();
        assertThat(browser.text("#signal-overdue")).contains("Het antwoord is te laat");

        browser.tabTo(e -> "answer-text".equals(e.getAttribute("id")), "the answer")
                .sendKeys("De aanbieder schaft de huisregel af.");
        browser.tabTo(e -> "Sla het antwoord op".equals(e.getText()), "the save button");
        browser.press(Keys.ENTER);
        browser.settle();
        assertThat(flash()).contains("Het antwoord is opgeslagen");
        assertThat(browser.text("#signal-facts")).contains("Beantwoord");
        assertThat(browser.text("#signal-answer")).isEqualTo("De aanbieder schaft de huisregel af.");
        browser.assertAccessible("the answered signal");
        browser.screenshot("signal-answered");
    }

    @Test
    @Order(4)
    void theSignalPagesWorkAtPhoneWidth() {
        browser.size(390, 844);
        try {
            for (String path : List.of("/web/signals", "/web/signals/new", "/web/signals/" + signalId)) {
                browser.go(path);
                assertThat(browser.js("return document.documentElement.scrollWidth <= window.innerWidth;"))
                        .as("no sideways scrolling at 390 px on " + path).isEqualTo(true);
                browser.assertAccessible(path + " at phone width");
            }
            browser.screenshot("signal-phone");
        } finally {
            browser.size(1280, 900);
        }
    }

    @Test
    @Order(5)
    void aCouncilAnotherOrganisationsStaffAndNoSessionAreRefused() {
        List<Route> routes = server.app().pageRoutes().stream().filter(r -> r.path().startsWith("/web/signals"))
                .toList();
        assertThat(routes).hasSize(7);
        long before = count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'signal.%'");
        long signals = count("SELECT COUNT(*) FROM signals");
        Map<String, String> form = Map.of("locationId", "loc-utr-linde", "theme", "other", "text", "x", "recipient",
                "provider", "answerDueBy", "2027-01-01T10:00", "caseId", caseIds.get(1));

        String council = WebFixture.login(server, "council@demo.local", null);
        String councilCsrf = WebFixture.get(server, "/web/council", council).csrf();
        for (Route route : routes) {
            String path = route.path().replace("{signalId}", signalId);
            boolean get = route.method().name().equals("GET");
            WebFixture.Page answer = get ? WebFixture.get(server, path, council)
                    : WebFixture.post(server, path, council, with(form, councilCsrf));
            assertThat(answer.status()).as("council " + route.method() + " " + path).isEqualTo(403);
            assertThat(answer.body()).doesNotContain("huisregel").contains("Dat mag niet");
            WebFixture.Page anonymous = get ? WebFixture.get(server, path, null) : WebFixture.post(server, path, null,
                    form);
            assertThat(anonymous.status()).as("no session: " + path).isIn(303, 401);
            assertThat(anonymous.body()).doesNotContain("huisregel");
        }

        // Another organisation's trust person sees none of this organisation's signals and changes none.
        String other = WebFixture.login(server, "trust@zee.local", null);
        WebFixture.Page list = WebFixture.get(server, "/web/signals", other);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(signalId).doesNotContain("Kastanje");
        assertThat(WebFixture.get(server, "/web/signals/new", other).body()).doesNotContain("Kastanje")
                .doesNotContain(caseIds.get(0));
        String csrf = list.csrf();
        for (String path : List.of("/web/signals/" + signalId, "/web/signals/" + signalId + "/report.pdf")) {
            WebFixture.Page answer = WebFixture.get(server, path, other);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("huisregel");
        }
        for (String path : List.of("/web/signals/" + signalId + "/sent", "/web/signals/" + signalId + "/answer")) {
            assertThat(WebFixture.post(server, path, other, with(form, csrf)).status()).as(path).isEqualTo(404);
        }
        WebFixture.Page created = WebFixture.post(server, "/web/signals", other, with(form, csrf));
        assertThat(created.status()).isEqualTo(303);
        assertThat(created.header("Location")).startsWith("/web/signals/new?fout=veld-locationId");
        assertThat(count("SELECT COUNT(*) FROM signals")).isEqualTo(signals);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'signal.%'")).isEqualTo(before);

        // The organisation's coordinator sees the signal.
        String coordinator = WebFixture.login(server, "coordinator@demo.local", null);
        assertThat(WebFixture.get(server, "/web/signals/" + signalId, coordinator).body()).contains(TEXT);
    }

    private static Map<String, String> with(Map<String, String> form, String csrf) {
        Map<String, String> all = new HashMap<>(form);
        all.put("_csrf", csrf);
        return all;
    }
}
