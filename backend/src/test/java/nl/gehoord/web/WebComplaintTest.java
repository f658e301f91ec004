package nl.gehoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.gehoord.demo.DemoData;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Browser;
import nl.gehoord.testing.Journeys;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The trust person's side of the formal complaint on the case page, in a real browser: starting it, each paragraph
 * beside the plain version exactly as the young person reads it in their own language (Arabic here, right to left),
 * rewording a paragraph (which takes the approval away and keeps the letter from being sent, said in plain words),
 * sending the approved letter, its PDF, the committee's decision and the provider's measures with the keyboard
 * alone, and the page at phone width; axe-core on every state of the section. Over plain HTTP: a coordinator, a
 * trust person who does not handle the case, a council and no session change nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebComplaintTest {
    private static final String STORY = "De groepsleiding pakte mijn telefoon af. Ik mocht een week niet bellen.";
    private static final String REWORDED = "De klacht gaat over Stichting De Linde, locatie Groep De Kastanje, "
            + "waar de klager woont.";
    private static TestServer server;
    private static Browser browser;
    private static ApiClient phone;
    private static String caseId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = Browser.open(WebFixture.base(server));
        WebFixture.addStaff(server, "staff-web-second", "tweede@demo.local", "Lotte Bakker", "trust_person",
                DemoData.TEAM_ID);
        ApiResponse device = server.client().anonymous().post("/v1/devices", Map.of("platform", "android",
                "locale", "ar"));
        phone = server.client().as(device.text("deviceToken")).header("Accept-Language", "ar");
        caseId = Journeys.submitCase(phone, STORY);
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

    private static long audited(String action) {
        return server.app().database().read(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = :a")
                .bind("a", action).mapTo(Long.class).one());
    }

    private static JsonNode youngPersonsView() {
        ApiResponse view = phone.get("/v1/cases/" + caseId + "/complaint");
        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        return view.json();
    }

    private static void approve() {
        int version = youngPersonsView().path("version").asInt();
        assertThat(phone.post("/v1/cases/" + caseId + "/complaint/approval", Map.of("version", version)).status())
                .isEqualTo(200);
    }

    private static String cookie() {
        return WebSessions.COOKIE + "=" + browser.cookie(WebSessions.COOKIE);
    }

    @Test
    @Order(1)
    void theTrustPersonStartsTheComplaintAndSeesEveryParagraphAsTheYoungPersonReadsIt() {
        logIn("trust@demo.local");
        browser.go("/web/cases/" + caseId);
        assertThat(browser.text("#complaint")).contains("Formele klacht", "Begin de klacht");
        browser.assertAccessible("the case page before a complaint");
        browser.find("#complaint-kind-committee").click();
        browser.find("form[action='/web/cases/" + caseId + "/complaint'] button[type=submit]").click();
        browser.settle();
        assertThat(flash()).contains("De klacht is begonnen");
        assertThat(audited("complaint.started")).isEqualTo(1);

        String facts = browser.text("#complaint-facts");
        assertThat(facts).contains("Concept", "Versie\n1", "Nee, deze versie nog niet");
        assertThat(browser.text("#letter-hint")).contains("Arabisch");

        // Beside each formal paragraph: the young person's title and plain words, exactly as their app shows them.
        JsonNode view = youngPersonsView();
        assertThat(view.path("paragraphs")).hasSize(7);
        for (JsonNode p : view.path("paragraphs")) {
            WebElement plain = browser.find("#part-" + p.path("id").asText() + " .letter-part__plain > div");
            assertThat(plain.getAttribute("lang")).isEqualTo("ar");
            assertThat(plain.getAttribute("dir")).isEqualTo("rtl");
            assertThat(plain.findElement(By.tagName("h4")).getText()).isEqualTo(p.path("title").asText());
            assertThat(plain.findElement(By.tagName("p")).getText()).isEqualTo(p.path("plain").asText());
            assertThat(browser.text("#part-" + p.path("id").asText() + " .letter-part__formal"))
                    .contains(p.path("letterHeading").asText());
        }
        assertThat(browser.text("#part-facts blockquote")).isEqualTo(STORY);

        // Not answered, not approved: no send button, and the reason in plain words.
        assertThat(browser.all("form[action='/web/cases/" + caseId + "/complaint/send']")).isEmpty();
        assertThat(browser.text("#send-why")).contains("nog niet alle vragen beantwoord");
        browser.assertAccessible("the case page with a draft complaint");
        browser.screenshot("complaint-draft");
    }

    @Test
    @Order(2)
    void aRewordingAfterApprovalKeepsTheLetterBackUntilTheYoungPersonApprovesAgain() throws Exception {
        assertThat(phone.put("/v1/cases/" + caseId + "/complaint", Map.of("whatNow", "Ik wil mijn moeder weer bellen.",
                "hearing", "yes", "companion", "trust_person", "name", "via_trust_person")).status()).isEqualTo(200);
        approve();
        browser.go("/web/cases/" + caseId);
        assertThat(browser.text("#complaint-facts")).contains("Ja, deze versie");
        assertThat(browser.text("#send-h + p")).contains("versie 2 goedgekeurd");

        // The trust person rewrites one paragraph: the approval no longer counts.
        browser.find("#part-about summary").click();
        WebElement text = browser.find("#wording-about");
        text.clear();
        text.sendKeys(REWORDED);
        browser.find("#part-about form button[type=submit]:not([name])").click();
        browser.settle();
        assertThat(flash()).contains("De jongere moet de brief opnieuw goedkeuren");
        assertThat(browser.text("#part-about .letter-part__formal")).contains(REWORDED, "door jou herschreven");
        assertThat(browser.text("#complaint-facts")).contains("Versie\n3", "Nee, deze versie nog niet");
        assertThat(browser.all("form[action='/web/cases/" + caseId + "/complaint/send']")).isEmpty();
        assertThat(browser.text("#send-why")).contains("versie 3 nog niet goedgekeurd");
        assertThat(audited("complaint.wording")).isEqualTo(1);

        // Past the page, the server refuses the send just the same, and nothing is sent.
        String csrf = WebFixture.get(server, "/web/cases/" + caseId, cookie()).csrf();
        WebFixture.Page refused = WebFixture.post(server, "/web/cases/" + caseId + "/complaint/send", cookie(),
                Map.of("_csrf", csrf));
        assertThat(refused.header("Location")).isEqualTo("/web/cases/" + caseId + "?fout=complaint_not_approved");
        browser.go(refused.header("Location"));
        assertThat(flash()).contains("de jongere heeft deze versie nog niet goedgekeurd");
        assertThat(youngPersonsView().path("state").asText()).isEqualTo("draft");

        // Approved again, it goes; the letter is the PDF with the reworded paragraph.
        approve();
        browser.go("/web/cases/" + caseId);
        browser.find("form[action='/web/cases/" + caseId + "/complaint/send'] button").click();
        browser.settle();
        assertThat(flash()).contains("De brief is verstuurd");
        assertThat(browser.text("#complaint-facts")).contains("Verstuurd, wacht op de commissie",
                "Commissie beslist uiterlijk");
        assertThat(browser.text(".badges")).contains("Bij de klachtencommissie");
        assertThat(browser.text("#case-live")).contains("Formele klacht begonnen", "Jongere keurde de brief goed",
                "Brief veranderd na goedkeuring", "Klachtbrief verstuurd");
        assertThat(browser.all("details")).as("a sent letter is not reworded").isEmpty();
        String href = browser.find("a[href$='/complaint/letter.pdf']").getAttribute("href");
        HttpResponse<byte[]> pdf = WebFixture.HTTP.send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookie()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Cache-Control")).hasValue("no-store");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ")).contains(REWORDED);
        }
        assertThat(audited("complaint.letter_read")).isEqualTo(1);
        browser.assertAccessible("the case page with a sent complaint");
        browser.screenshot("complaint-sent");
    }

    @Test
    @Order(3)
    void theDecisionAndTheMeasuresAreRecordedWithTheKeyboardAlone() {
        browser.go("/web/cases/" + caseId);
        browser.tabTo(e -> "outcome-upheld".equals(e.getAttribute("id")), "the first outcome");
        browser.press(Keys.SPACE);
        browser.tabTo(e -> "decision-explanation".equals(e.getAttribute("id")), "the explanation")
                .sendKeys("De commissie zegt dat je gelijk hebt.");
        browser.tabTo(e -> "Sla de uitspraak op".equals(e.getText()), "the save button");
        browser.press(Keys.ENTER);
        browser.settle();
        assertThat(flash()).contains("De uitspraak is opgeslagen");
        assertThat(browser.text("#complaint-facts")).contains("Gegrond", "Maatregelen uiterlijk");
        browser.assertAccessible("the case page after the decision");

        browser.tabTo(e -> "measures-explanation".equals(e.getAttribute("id")), "the measures")
                .sendKeys("Je mag weer elke dag bellen.");
        browser.tabTo(e -> "Sla de maatregelen op".equals(e.getText()), "the save button");
        browser.press(Keys.ENTER);
        browser.settle();
        assertThat(flash()).contains("De maatregelen zijn opgeslagen");
        assertThat(browser.text("#complaint-facts")).contains("Maatregelen bekend");
        assertThat(browser.all("form[action$='/complaint/measures']")).isEmpty();

        // The young person's timeline tells the whole route.
        List<String> types = phone.get("/v1/cases/" + caseId).json().path("timeline").findValuesAsText("type");
        assertThat(types).contains("complaint_started", "complaint_approved", "complaint_changed", "complaint_sent",
                "committee_upheld", "provider_measures");
        browser.assertAccessible("the case page with the whole route");
        browser.screenshot("complaint-decided");
    }

    @Test
    @Order(4)
    void theComplaintWorksAtPhoneWidth() {
        browser.size(390, 844);
        try {
            browser.go("/web/cases/" + caseId);
            assertThat(browser.find("#complaint").isDisplayed()).isTrue();
            assertThat(browser.js("return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as("no sideways scrolling at 390 px").isEqualTo(true);
            browser.assertAccessible("the complaint at phone width");
            browser.screenshot("complaint-phone");
        } finally {
            browser.size(1280, 900);
        }
    }

    @Test
    @Order(5)
    void onlyTheTrustPersonWhoHandlesTheCaseSeesOrChangesTheComplaint() throws IOException {
        String other = Journeys.submitCase(Journeys.newDevice(server.client()), "Nog een verhaal over bellen.");
        List<String> changes = List.of("/complaint", "/complaint/wording", "/complaint/send", "/complaint/decision",
                "/complaint/measures");
        long before = complaintAudits();

        // The coordinator sees the case, not the complaint, and may change nothing of it.
        String coordinator = WebFixture.login(server, "coordinator@demo.local", null);
        WebFixture.Page page = WebFixture.get(server, "/web/cases/" + caseId, coordinator);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("id=\"complaint\"").doesNotContain(REWORDED);
        String csrf = page.csrf();
        for (String path : changes) {
            WebFixture.Page answer = WebFixture.post(server, "/web/cases/" + other + path, coordinator,
                    Map.of("_csrf", csrf, "kind", "committee", "paragraph", "about", "text", "x", "outcome", "upheld"));
            assertThat(answer.status()).as("coordinator " + path).isEqualTo(403);
        }
        assertThat(WebFixture.get(server, "/web/cases/" + caseId + "/complaint/letter.pdf", coordinator).status())
                .isEqualTo(403);

        // A trust person of the team who does not handle the case: not found, nothing changed.
        String second = WebFixture.login(server, "tweede@demo.local", null);
        String secondCsrf = WebFixture.get(server, "/web/inbox", second).csrf();
        for (String path : changes) {
            WebFixture.Page answer = WebFixture.post(server, "/web/cases/" + other + path, second,
                    Map.of("_csrf", secondCsrf, "kind", "committee", "paragraph", "about", "text", "x", "outcome",
                            "upheld"));
            assertThat(answer.status()).as("another trust person " + path).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("bellen");
        }
        WebFixture.Page letter = WebFixture.get(server, "/web/cases/" + caseId + "/complaint/letter.pdf", second);
        assertThat(letter.status()).isEqualTo(404);
        assertThat(letter.body()).doesNotContain("Stichting De Linde");

        // A council is refused, and without a session there is only the log-in.
        String council = WebFixture.login(server, "council@demo.local", null);
        assertThat(WebFixture.get(server, "/web/cases/" + caseId + "/complaint/letter.pdf", council).status())
                .isEqualTo(403);
        for (String path : changes) {
            assertThat(WebFixture.post(server, "/web/cases/" + other + path, null, Map.of("kind", "committee"))
                    .status()).isIn(303, 401);
        }
        assertThat(WebFixture.get(server, "/web/cases/" + caseId + "/complaint/letter.pdf", null).status())
                .isIn(303, 401);
        assertThat(complaintAudits()).isEqualTo(before);
        int started = server.app().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM complaints WHERE case_id = :c").bind("c", other).mapTo(Integer.class).one());
        assertThat(started).isZero();
    }

    private static long complaintAudits() {
        return server.app().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'complaint.%'").mapTo(Long.class).one());
    }
}
