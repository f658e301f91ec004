package nl.gehoord.youth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Browser;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The youth web app in a real browser at phone size, against a real server: the whole journey in Dutch, English
 * and Arabic, by keyboard only, a reload while sending, a claim on a second browser, the trust person's reply
 * appearing by itself, and "leave now". axe-core and the touch-target sizes are checked on every screen.
 */
class YouthAppTest {
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    /** The narrowest phone the app is made for. */
    private static final int NARROW_WIDTH = 320;
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("GEHOORD_RATE_LIMIT_REGISTER_ADDRESS", "1000/1h",
                "GEHOORD_RATE_LIMIT_CASE_ADDRESS", "1000/1h"));
        browser = Browser.open(server.client().baseUrl());
        browser.size(PHONE_WIDTH, PHONE_HEIGHT);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @BeforeEach
    void freshDevice() {
        browser.go("/app/");
        browser.js("localStorage.clear(); sessionStorage.clear();");
        browser.go("/app/");
    }

    /** The app's own words, as the API gives them to the app. */
    private static JsonNode texts(String language) {
        return server.client().header("Accept-Language", language).get("/v1/app-texts").json().path("texts");
    }

    private static String t(String language, String key) {
        return texts(language).path(key).asText();
    }

    private void click(String text) {
        WebElement button = browser.waitFor(d -> d.findElement(By.xpath(
                "//button[normalize-space()=" + xpathLiteral(text) + "] | //a[normalize-space()=" + xpathLiteral(text) + "]")));
        button.click();
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    private void choose(String id) {
        browser.waitFor(d -> d.findElement(By.cssSelector("button[data-id='" + id + "']"))).click();
    }

    private void heading(String text) {
        browser.waitFor(d -> d.findElement(By.tagName("h1")).getText().equals(text));
    }

    /** axe-core on the screen, every control at least 44 by 44 CSS pixels, and no case content in the title. */
    private void checkScreen(String name, boolean screenshot) {
        browser.assertAccessible(name);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> small = (List<Map<String, Object>>) browser.js("""
                return [...document.querySelectorAll('button, a[href], input, select, textarea')]
                  .filter(e => e.offsetParent !== null)
                  .map(e => ({what: e.outerHTML.substring(0, 80), w: e.getBoundingClientRect().width,
                              h: e.getBoundingClientRect().height}))
                  .filter(r => (r.w < 44 || r.h < 44) && !r.what.startsWith('<input type="checkbox"'));
                """);
        assertThat(small).as("touch targets under 44x44 px on " + name).isEmpty();
        assertThat(browser.driver().getTitle()).isEqualTo("Gehoord");
        if (screenshot) {
            browser.screenshot(name);
        }
    }

    private String deviceToken() {
        return (String) browser.js("return localStorage.getItem('gehoord.device');");
    }

    /** The complaint journey through every question, checked on each screen; photographed unless prefix is null. */
    private String complaintJourney(String language, String prefix) {
        choose(language);
        heading(t(language, "start.title"));
        checkScreen(prefix + "-start", prefix != null);
        choose("complaint");
        checkScreen(prefix + "-step-topic", prefix != null);
        choose("freedom");
        WebElement story = browser.waitFor(d -> d.findElement(By.id("answer-story")));
        story.sendKeys("Ik mag mijn moeder niet meer bellen.");
        checkScreen(prefix + "-step-story", prefix != null);
        click(t(language, "nav.next"));
        choose("residential");
        new Select(browser.waitFor(d -> d.findElement(By.id("answer-region")))).selectByValue("utrecht");
        checkScreen(prefix + "-step-region", false);
        click(t(language, "nav.next"));
        new Select(browser.waitFor(d -> d.findElement(By.id("answer-location")))).selectByValue("loc-utr-linde");
        click(t(language, "nav.next"));
        choose("13_15");
        choose("app_message");
        browser.waitFor(d -> d.findElement(By.id("answer-phone")));
        click(t(language, "nav.next"));
        heading(t(language, "summary.title"));
        assertThat(browser.find("main").getText()).contains("Ik mag mijn moeder niet meer bellen.");
        checkScreen(prefix + "-summary", prefix != null);
        click(t(language, "summary.send"));
        heading(t(language, "receipt.title"));
        String code = browser.text("#case-code");
        assertThat(code).matches("[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}");
        checkScreen(prefix + "-receipt", prefix != null);
        browser.find("#written").click();
        click(t(language, "receipt.open"));
        heading(t(language, "case.title"));
        checkScreen(prefix + "-case", prefix != null);
        return code;
    }

    @Test
    void theWholeJourneyInDutchWithTheTrustPersonsReplyAppearingByItself() {
        browser.waitFor(d -> d.findElement(By.cssSelector("button[data-id='nl']")));
        checkScreen("youth-language", true);
        String code = complaintJourney("nl", "youth-nl");
        ApiClient phone = server.client().as(deviceToken());
        JsonNode mine = phone.get("/v1/cases").json().path("cases");
        assertThat(mine).hasSize(1);
        String caseId = mine.get(0).path("caseId").asText();

        ApiClient trust = Journeys.staff(server.client(), "trust@demo.local");
        assertThat(trust.post("/v1/inbox/" + caseId + "/messages",
                Map.of("text", "Hoi, ik ben je vertrouwenspersoon. Ik lees je bericht.")).status()).isEqualTo(201);
        browser.waitFor(d -> d.findElement(By.cssSelector(".thread")).getText()
                .contains("Ik lees je bericht."));
        checkScreen("youth-nl-case-reply", true);

        // The young person answers in the page; the trust person reads it through the API.
        browser.find("#reply").sendKeys("Dank je. Wanneer kom je?");
        click(t("nl", "case.send"));
        browser.waitFor(d -> d.findElement(By.cssSelector(".thread")).getText().contains("Wanneer kom je?"));
        assertThat(trust.get("/v1/inbox/" + caseId).body()).contains("Wanneer kom je?");
        assertThat(code).isNotBlank();
    }

    /** The trust person's view of the complaint, which says what the server holds. */
    private static JsonNode complaintOnServer(ApiClient trust, String caseId) {
        return trust.get("/v1/inbox/" + caseId + "/complaint").json();
    }

    @Test
    void theFormalComplaintIsAnsweredReadBesideItsPlainWordsApprovedAgainAfterARewordingAndSaved() {
        browser.size(NARROW_WIDTH, PHONE_HEIGHT);
        try {
            complaintJourney("nl", null);
            ApiClient phone = server.client().as(deviceToken());
            String caseId = phone.get("/v1/cases").json().path("cases").get(0).path("caseId").asText();
            ApiClient trust = Journeys.staff(server.client(), "trust@demo.local");
            assertThat(trust.post("/v1/inbox/" + caseId + "/complaint", Map.of("kind", "committee")).status())
                    .isEqualTo(201);
            assertThat(complaintOnServer(trust, caseId).path("state").asText()).isEqualTo("draft");

            // The open case page finds the letter by itself and asks the questions one at a time.
            click(t("nl", "complaint.answer"));
            WebElement whatNow = browser.waitFor(d -> d.findElement(By.id("complaint-whatNow")));
            checkScreen("youth-complaint-question", true);
            whatNow.sendKeys("Ik wil mijn moeder elke dag bellen.");
            click(t("nl", "nav.next"));
            // The choices work by keyboard alone too.
            browser.tabTo(e -> "yes".equals(e.getAttribute("data-id")), "may the board talk with you")
                    .sendKeys(Keys.ENTER);
            browser.waitFor(d -> d.findElement(By.cssSelector("button[data-id='trust_person']")));
            checkScreen("youth-complaint-choice", true);
            browser.tabTo(e -> "trust_person".equals(e.getAttribute("data-id")), "who may come")
                    .sendKeys(Keys.SPACE);
            choose("via_trust_person");
            WebElement story = browser.waitFor(d -> d.findElement(By.id("complaint-story")));
            assertThat(story.getAttribute("value")).as("what happened starts as their story")
                    .isEqualTo("Ik mag mijn moeder niet meer bellen.");
            click(t("nl", "nav.next"));
            heading(t("nl", "complaint.letterTitle"));
            JsonNode answered = complaintOnServer(trust, caseId);
            assertThat(answered.path("answers").path("whatNow").asText()).isEqualTo("Ik wil mijn moeder elke dag bellen.");
            assertThat(answered.path("answers").path("hearing").asText()).isEqualTo("yes");
            assertThat(answered.path("answers").path("companion").asText()).isEqualTo("trust_person");
            assertThat(answered.path("answers").path("name").asText()).isEqualTo("via_trust_person");
            assertThat(answered.path("complete").asBoolean()).isTrue();
            assertThat(answered.path("approved").asBoolean()).isFalse();

            // Every paragraph beside what it says, the Dutch letter marked as Dutch; nothing wider than the phone.
            List<WebElement> parts = browser.all(".letter .part");
            assertThat(parts).hasSize(7);
            for (WebElement part : parts) {
                assertThat(part.findElement(By.cssSelector(".plain")).getText()).startsWith("Dit deel zegt");
                assertThat(part.findElement(By.cssSelector(".formal")).getAttribute("lang")).isEqualTo("nl");
            }
            assertThat(browser.text("main")).contains("Ik wil mijn moeder elke dag bellen.");
            assertNoSidewaysScroll();
            checkScreen("youth-complaint-letter", true);

            // Approved by keyboard alone.
            browser.tabTo(e -> t("nl", "complaint.approve").equals(e.getText()), "approve").sendKeys(Keys.ENTER);
            heading(t("nl", "case.title"));
            JsonNode approved = complaintOnServer(trust, caseId);
            assertThat(approved.path("approved").asBoolean()).isTrue();
            int first = approved.path("version").asInt();

            // The trust person rewords a formal paragraph: the page says so and asks to read and approve again.
            String reworded = "De klacht gaat over Stichting De Linde, Groep De Kastanje, waar de klager woont.";
            assertThat(trust.put("/v1/inbox/" + caseId + "/complaint/wording",
                    Map.of("paragraphs", Map.of("about", reworded))).status()).isEqualTo(200);
            assertThat(complaintOnServer(trust, caseId).path("approved").asBoolean()).isFalse();
            WebElement changed = browser.waitFor(d -> d.findElement(By.id("complaint-changed")));
            assertThat(changed.getText()).isEqualTo(t("nl", "complaint.changed"));
            checkScreen("youth-complaint-changed", true);
            click(t("nl", "complaint.read"));
            heading(t("nl", "complaint.letterTitle"));
            assertThat(browser.text("main")).contains(reworded, t("nl", "complaint.changed"));
            assertThat(trust.post("/v1/inbox/" + caseId + "/complaint/send", Map.of()).text("code"))
                    .as("not sent before the young person approves again").isEqualTo("complaint_not_approved");
            click(t("nl", "complaint.approve"));
            heading(t("nl", "case.title"));
            JsonNode again = complaintOnServer(trust, caseId);
            assertThat(again.path("approved").asBoolean()).isTrue();
            assertThat(again.path("version").asInt()).isGreaterThan(first);

            // Sent: the case is with the committee and the young person saves the letter as a PDF.
            ApiResponse sent = trust.post("/v1/inbox/" + caseId + "/complaint/send", Map.of());
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
            assertThat(sent.text("state")).isEqualTo("sent");
            assertThat(phone.get("/v1/cases/" + caseId).text("status")).isEqualTo("formal_complaint");
            browser.js("window.savedFiles = []; const make = URL.createObjectURL;"
                    + "URL.createObjectURL = b => { window.savedFiles.push(b.type + ' ' + b.size); return make(b); };");
            click(t("nl", "complaint.download"));
            browser.waitFor(d -> String.valueOf(browser.js("return window.savedFiles.join();"))
                    .startsWith("application/pdf "));
            browser.js("window.scrollTo(0, 0);");
            checkScreen("youth-complaint-sent", true);

            // The same letter in Arabic: the page mirrors, the Dutch letter stays left to right.
            browser.js("localStorage.setItem('gehoord.language', 'ar');");
            browser.go("/app/");
            click(t("ar", "start.myCases"));
            browser.waitFor(d -> d.findElement(By.cssSelector(".cases button"))).click();
            click(t("ar", "complaint.read"));
            heading(t("ar", "complaint.letterTitle"));
            assertThat(browser.find("html").getAttribute("dir")).isEqualTo("rtl");
            assertThat(browser.find(".formal").getAttribute("dir")).isEqualTo("ltr");
            assertNoSidewaysScroll();
            checkScreen("youth-complaint-ar-letter", true);
        } finally {
            browser.size(PHONE_WIDTH, PHONE_HEIGHT);
        }
    }

    private void assertNoSidewaysScroll() {
        Number wide = (Number) browser.js("return document.documentElement.scrollWidth;");
        assertThat(wide.intValue()).as("page width at " + NARROW_WIDTH + " px").isLessThanOrEqualTo(NARROW_WIDTH);
    }

    @Test
    void theJourneyInEnglish() {
        complaintJourney("en", "youth-en");
        assertThat(server.client().as(deviceToken()).get("/v1/cases").json().path("cases")).hasSize(1);
    }

    @Test
    void theJourneyInArabicIsLaidOutRightToLeft() {
        browser.waitFor(d -> d.findElement(By.cssSelector("button[data-id='ar']")));
        complaintJourney("ar", "youth-ar");
        assertThat(browser.find("html").getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("ar");
        // The layout mirrors: the brand name sits on the right, the "leave" button on the left.
        double brand = ((Number) browser.js("return document.getElementById('brand').getBoundingClientRect().left;"))
                .doubleValue();
        double leave = ((Number) browser.js("return document.getElementById('leave').getBoundingClientRect().left;"))
                .doubleValue();
        assertThat(brand).isGreaterThan(leave);
    }

    @Test
    void notSafeNowShowsTheHelpNumbersAtOnce() {
        choose("nl");
        choose("unsafe");
        heading(t("nl", "help.title"));
        List<String> numbers = new ArrayList<>();
        for (WebElement link : browser.all("a[href^='tel:']")) {
            numbers.add(link.getAttribute("href"));
        }
        assertThat(numbers).contains("tel:112", "tel:08000432");
        checkScreen("youth-nl-help", true);
    }

    @Test
    void theWholeIntakeWorksByKeyboardAlone() {
        browser.tabTo(e -> "nl".equals(e.getAttribute("data-id")), "Nederlands").sendKeys(Keys.ENTER);
        heading(t("nl", "start.title"));
        browser.tabTo(e -> "question".equals(e.getAttribute("data-id")), "the question kind").sendKeys(Keys.ENTER);
        browser.waitFor(d -> d.findElement(By.id("answer-story")));
        browser.tabTo(e -> "answer-story".equals(e.getAttribute("id")), "the story").sendKeys("Mag ik mijn telefoon houden?");
        browser.tabTo(e -> t("nl", "nav.next").equals(e.getText()), "next").sendKeys(Keys.ENTER);
        browser.tabTo(e -> "foster_care".equals(e.getAttribute("data-id")), "foster care").sendKeys(Keys.SPACE);
        WebElement region = browser.tabTo(e -> "answer-region".equals(e.getAttribute("id")), "region");
        new Select(region).selectByValue("amsterdam");
        browser.tabTo(e -> t("nl", "nav.next").equals(e.getText()), "next").sendKeys(Keys.ENTER);
        browser.tabTo(e -> t("nl", "nav.next").equals(e.getText()), "next").sendKeys(Keys.ENTER);
        browser.tabTo(e -> "16_17".equals(e.getAttribute("data-id")), "age").sendKeys(Keys.ENTER);
        browser.tabTo(e -> "app_message".equals(e.getAttribute("data-id")), "contact").sendKeys(Keys.ENTER);
        browser.tabTo(e -> t("nl", "nav.next").equals(e.getText()), "next").sendKeys(Keys.ENTER);
        heading(t("nl", "summary.title"));
        browser.tabTo(e -> t("nl", "summary.send").equals(e.getText()), "send").sendKeys(Keys.ENTER);
        heading(t("nl", "receipt.title"));
        assertThat(server.client().as(deviceToken()).get("/v1/cases").json().path("cases")).hasSize(1);
    }

    @Test
    void aReloadWhileSendingAKeptDraftGivesOneCase() {
        choose("nl");
        choose("question");
        browser.waitFor(d -> d.findElement(By.id("answer-story"))).sendKeys("Een vraag die ik bewaar.");
        click(t("nl", "nav.next"));
        choose("residential");
        new Select(browser.waitFor(d -> d.findElement(By.id("answer-region")))).selectByValue("rotterdam");
        click(t("nl", "nav.next"));
        click(t("nl", "nav.next"));
        click(t("nl", "nav.next"));
        choose("app_message");
        click(t("nl", "nav.next"));
        heading(t("nl", "summary.title"));
        browser.find("#keep-draft").click();
        click(t("nl", "summary.send"));
        browser.driver().navigate().refresh(); // the page goes away while the case is on its way
        heading(t("nl", "summary.title"));     // the kept draft comes back at the summary
        click(t("nl", "summary.send"));        // and is sent again with the same Idempotency-Key
        heading(t("nl", "receipt.title"));
        assertThat(server.client().as(deviceToken()).get("/v1/cases").json().path("cases")).hasSize(1);
        assertThat(browser.js("return localStorage.getItem('gehoord.draft');")).isNull();
    }

    @Test
    void aCodeClaimsTheCaseInAnotherBrowserAndLeavingNowLeavesNoWayBack() {
        String code = complaintJourney("nl", null);
        try (Browser other = Browser.open(server.client().baseUrl())) {
            other.size(PHONE_WIDTH, PHONE_HEIGHT);
            other.go("/app/");
            other.waitFor(d -> d.findElement(By.cssSelector("button[data-id='nl']"))).click();
            other.waitFor(d -> d.findElement(By.xpath("//button[normalize-space()=" + xpathLiteral(t("nl", "start.claim"))
                    + "]"))).click();
            other.waitFor(d -> d.findElement(By.id("claim-code"))).sendKeys(code.toLowerCase().replace("-", " "));
            other.find("main .primary").click();
            other.waitFor(d -> d.findElement(By.tagName("h1")).getText().equals(t("nl", "case.title")));
            other.assertAccessible("claim");
            other.screenshot("youth-nl-claimed");
        }
        browser.find("#leave").click();
        browser.waitFor(d -> !d.getCurrentUrl().contains("/app"));
        // Back leads to where the browser was before the app, never to the case: the app had one history
        // entry, and leaving replaced it.
        browser.driver().navigate().back();
        if (browser.driver().getCurrentUrl().contains("/app")) {
            browser.waitFor(d -> !d.findElements(By.tagName("h1")).isEmpty());
            assertThat(browser.text("h1")).isNotEqualTo(t("nl", "case.title"));
        }
        assertThat(browser.driver().getPageSource()).doesNotContain("Ik mag mijn moeder");
    }

    @Test
    void theHelpNumbersAndTheFlowWorkOffline() {
        choose("nl");
        heading(t("nl", "start.title"));
        // The service worker takes over on the next load and keeps the shell and the public texts.
        browser.waitFor(d -> Boolean.TRUE.equals(browser.js("return !!navigator.serviceWorker.controller;"))
                || reloaded());
        browser.driver().navigate().refresh();
        heading(t("nl", "start.title"));
        ((org.openqa.selenium.chromium.HasCdp) browser.driver()).executeCdpCommand("Network.enable", Map.<String, Object>of());
        ((org.openqa.selenium.chromium.HasCdp) browser.driver()).executeCdpCommand("Network.emulateNetworkConditions", Map.<String, Object>of("offline", true,
                "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            browser.driver().navigate().refresh();
            heading(t("nl", "start.title"));
            choose("unsafe");
            heading(t("nl", "help.title"));
            assertThat(browser.all("a[href='tel:112']")).isNotEmpty();
            click(t("nl", "help.continue"));
            browser.waitFor(d -> !d.findElements(By.cssSelector("button[data-id]")).isEmpty());
        } finally {
            ((org.openqa.selenium.chromium.HasCdp) browser.driver()).executeCdpCommand("Network.emulateNetworkConditions", Map.<String, Object>of("offline", false,
                    "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        }
    }

    private boolean reloaded() {
        browser.driver().navigate().refresh();
        return false;
    }
}
