package nl.gehoord.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import nl.gehoord.pdf.TaggedPdfChecks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signals through real HTTP: several cases of one location with one theme bring a suggestion, the trust person
 * records a signal in their own words linked to those cases, the report names no child, its sending and the
 * answer are tracked, and erasing a linked case drops the link but keeps the signal's text. The report as PDF is
 * tagged, Dutch, on the letterhead, and holds no case id, age or child's words.
 */
class SignalsTest {
    private static TestServer server;
    private static ApiClient api;

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @BeforeAll
    static void start() {
        server = SHARED.server();
        api = server.client();
    }

    @Test
    void casesSharingAThemeAtOneLocationBecomeASignalWithoutAChildsWords() {
        String childWords = "KINDWOORDEN" + Long.toHexString(System.nanoTime());
        List<String> caseIds = new ArrayList<>();
        List<ApiClient> phones = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ApiClient phone = Journeys.newDevice(api);
            phones.add(phone);
            caseIds.add(Journeys.submitCase(phone, childWords + " ik moest op mijn kamer blijven " + i));
        }
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        JsonNode suggestions = trust.get("/v1/signals/suggestions").json();
        assertThat(suggestions.path("suggestions").toString()).contains("loc-utr-linde", "freedom_restriction");
        JsonNode suggestion = suggestions.path("suggestions").get(0);
        assertThat(suggestion.path("cases").asInt()).isGreaterThanOrEqualTo(3);

        String text = "Op groep De Kastanje moeten kinderen onder een huisregel op hun kamer blijven.";
        ApiResponse created = trust.post("/v1/signals", Map.of("locationId", "loc-utr-linde", "theme",
                "freedom_restriction", "text", text, "caseIds", caseIds));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String signalId = created.text("signalId");
        assertThat(created.json().path("linkedCases").asInt()).isEqualTo(3);
        assertThat(created.text("state")).isEqualTo("draft");
        assertThat(trust.get("/v1/signals/suggestions").json().path("suggestions").toString())
                .as("a signal made for it ends the suggestion").doesNotContain("freedom_restriction");

        ApiResponse report = trust.get("/v1/signals/" + signalId + "/report?recipient=inspectorate");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.text("text")).isEqualTo(text);
        assertThat(report.json().path("cases").asInt()).isEqualTo(3);
        assertThat(report.text("fromMonth")).isEqualTo("2026-11");
        assertThat(report.body()).doesNotContain(childWords).doesNotContain(caseIds.get(0)).doesNotContain("13_15");

        ApiResponse sent = trust.post("/v1/signals/" + signalId + "/sent", Map.of("recipient", "provider",
                "answerDueBy", "2026-12-21T16:00:00Z"));
        assertThat(sent.text("state")).isEqualTo("sent");
        assertThat(trust.post("/v1/signals/" + signalId + "/sent", Map.of("recipient", "provider",
                "answerDueBy", "2026-12-21T16:00:00Z")).text("code")).isEqualTo("signal_sent_already");
        ApiResponse answered = trust.post("/v1/signals/" + signalId + "/answer",
                Map.of("text", "De zorg schaft de huisregel af."));
        assertThat(answered.text("state")).isEqualTo("answered");

        // Erasing a linked case drops the link; the trust person's text stays.
        assertThat(phones.get(0).delete("/v1/cases/" + caseIds.get(0)).status()).isEqualTo(204);
        JsonNode after = trust.get("/v1/signals/" + signalId).json();
        assertThat(after.path("linkedCases").asInt()).isEqualTo(2);
        assertThat(after.path("text").asText()).isEqualTo(text);

        // Staff of the organisation only; councils and young people never.
        assertThat(Journeys.staff(api, "coordinator@demo.local").get("/v1/signals/" + signalId).status())
                .isEqualTo(200);
        assertThat(Journeys.staff(api, "council@demo.local").get("/v1/signals").status()).isEqualTo(403);
        assertThat(phones.get(1).get("/v1/signals").status()).isEqualTo(403);
        String council = Journeys.staff(api, "council@demo.local").get("/v1/trends?by=topic").body();
        assertThat(council).doesNotContain("huisregel");
    }

    @Test
    void theReportAsPdfIsTaggedDutchAndNamesNoChild() throws IOException {
        String childWords = "KINDPDF" + Long.toHexString(System.nanoTime());
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            caseIds.add(Journeys.submitCase(Journeys.newDevice(api), childWords + " ze sloten mijn deur " + i));
        }
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        String text = "Op groep De Kastanje gaan deuren 's nachts op slot, zonder besluit.";
        // Another theme than the other test's, whose suggestion a signal on its theme would end.
        String signalId = trust.post("/v1/signals", Map.of("locationId", "loc-utr-linde", "theme",
                "unsafe_situation", "text", text, "caseIds", caseIds)).text("signalId");
        long audited = audited("signal.report_pdf");

        for (String recipient : List.of("provider", "inspectorate")) {
            ApiResponse pdf = trust.download("/v1/signals/" + signalId + "/report.pdf?recipient=" + recipient);
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
            assertThat(pdf.header("Cache-Control")).isEqualTo("no-store");
            assertThat(pdf.header("Content-Disposition")).isEqualTo("attachment; filename=\"signaal-" + signalId
                    + ".pdf\"");
            try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
                String body = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertThat(body).contains("Vertrouwenswerk Demo", "Postbus 1234", text.substring(0, 30),
                        "Stichting De Linde, Groep De Kastanje", "2 meldingen", "november 2026");
                assertThat(body).contains(recipient.equals("provider") ? "Aan de directie van Stichting De Linde"
                        : "Inspectie Gezondheidszorg en Jeugd");
                assertThat(body).doesNotContain(childWords).doesNotContain("13_15").doesNotContain("13-15")
                        .doesNotContain("13 tot 15");
                for (String caseId : caseIds) {
                    assertThat(body).doesNotContain(caseId).doesNotContain(caseId.substring(0, 8));
                }
                assertTaggedReport(doc);
            }
        }
        assertThat(audited("signal.report_pdf") - audited).as("each download is audited").isEqualTo(2);
        assertThat(trust.download("/v1/signals/" + signalId + "/report.pdf?recipient=pizza").status())
                .isEqualTo(422);
        assertThat(trust.download("/v1/signals/no-such-signal/report.pdf").status()).isEqualTo(404);
        assertThat(Journeys.staff(api, "council@demo.local").download("/v1/signals/" + signalId + "/report.pdf")
                .status()).isEqualTo(403);
    }

    /** A tagged Dutch PDF/UA report: structure over the text, language, title shown, fonts embedded. */
    static void assertTaggedReport(PDDocument doc) throws IOException {
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        assertThat(catalog.getMarkInfo().isMarked()).isTrue();
        assertThat(catalog.getLanguage()).isEqualTo("nl-NL");
        assertThat(doc.getDocumentInformation().getTitle()).startsWith("Signaal: ");
        assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
        assertThat(new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8))
                .contains("<pdfuaid:part>1</pdfuaid:part>");
        List<String> types = TaggedPdfChecks.structureTypes(doc);
        assertThat(types.get(0)).isEqualTo("Document");
        assertThat(types).contains("H1", "H2", "P");
        assertThat(types.stream().filter("H1"::equals).count()).isEqualTo(1);
        assertThat(types.stream().filter("H2"::equals).count()).isEqualTo(5);
        TaggedPdfChecks.assertFontsEmbedded(doc);
    }

    private static long audited(String action) {
        return server.app().database().read(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = :a")
                .bind("a", action).mapTo(Long.class).one());
    }

    @Test
    void aSignalLinksOnlyCasesTheTrustPersonHandlesAndPlacesOfTheOrganisation() {
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        ApiResponse unknownPlace = trust.post("/v1/signals", Map.of("locationId", "loc-nowhere", "theme", "other",
                "text", "Iets."));
        assertThat(unknownPlace.status()).isEqualTo(422);
        ApiResponse unknownTheme = trust.post("/v1/signals", Map.of("locationId", "loc-utr-linde", "theme", "pizza",
                "text", "Iets."));
        assertThat(unknownTheme.status()).isEqualTo(422);
        ApiResponse otherCase = trust.post("/v1/signals", Map.of("locationId", "loc-utr-linde", "theme", "other",
                "text", "Iets.", "caseIds", List.of("00000000-0000-4000-8000-000000000000")));
        assertThat(otherCase.status()).isEqualTo(422);
    }
}
