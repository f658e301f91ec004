package nl.gehoord.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Makes the example signal report in docs/ from demo data, the way a trust person would: three young people tell
 * of the same thing at one location, and the trust person records a signal in their own words through the API of
 * a demo server. Run it again after changing the report: {@code mvn -B -o verify -Dtest=ExampleSignalReportTest}.
 */
class ExampleSignalReportTest {
    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    static final Path EXAMPLE = Path.of("../docs/signal-report-example.pdf");

    @Test
    void theExampleSignalReportInTheDocsIsMadeFromDemoData() throws IOException {
        TestServer server = SHARED.server();
        ApiClient api = server.client();
        List<String> stories = List.of("Ik moet elke avond om acht uur op mijn kamer. Dan gaat de deur op slot.",
                "Als ik boos ben moet ik een dag op mijn kamer blijven. Dat is een huisregel zeggen ze.",
                "Mijn deur gaat 's nachts op slot. Ik ben bang als er brand is.");
        List<String> caseIds = new ArrayList<>();
        for (String story : stories) {
            caseIds.add(Journeys.submitCase(Journeys.newDevice(api), story));
        }
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        String signalId = trust.post("/v1/signals", Map.of("locationId", "loc-utr-linde", "theme",
                "freedom_restriction", "text", "Op groep De Kastanje gaan de kamerdeuren van jongeren 's avonds en "
                + "'s nachts op slot. Ook moeten jongeren als straf soms een dag op hun kamer blijven. De "
                + "groepsleiding noemt dit een huisregel. Voor zover wij weten ligt er geen besluit over een "
                + "vrijheidsbeperkende maatregel aan ten grondslag, en het past niet bij een open groep.",
                "caseIds", caseIds)).text("signalId");
        byte[] pdf = trust.download("/v1/signals/" + signalId + "/report.pdf?recipient=provider").bytes();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Stichting De Linde", "huisregel", "3 meldingen");
            for (String story : stories) {
                assertThat(text).doesNotContain(story.substring(0, 20));
            }
            SignalsTest.assertTaggedReport(doc);
        }
        Files.write(EXAMPLE, pdf);
    }
}
