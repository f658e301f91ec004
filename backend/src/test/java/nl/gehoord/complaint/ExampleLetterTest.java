package nl.gehoord.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Makes the example letter in docs/ from a demo case, the way a trust person and young person would: through the
 * API of a demo server. Run it again after changing the letter: {@code mvn -B -o verify -Dtest=ExampleLetterTest}.
 */
class ExampleLetterTest {
    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    static final Path EXAMPLE = Path.of("../docs/formal-complaint-example.pdf");

    @Test
    void theExampleLetterInTheDocsIsMadeFromADemoCase() throws IOException {
        TestServer server = SHARED.server();
        ApiClient api = server.client();
        ApiClient phone = Journeys.newDevice(api);
        String caseId = Journeys.submitCase(phone, "Sinds twee weken mag ik mijn moeder niet meer bellen. "
                + "De groepsleiding zegt dat het een huisregel is. Ik heb niets verkeerd gedaan.");
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        assertThat(trust.post("/v1/inbox/" + caseId + "/complaint", Map.of("kind", "committee")).status())
                .isEqualTo(201);
        phone.put("/v1/cases/" + caseId + "/complaint", Map.of("whatNow",
                "Ik wil mijn moeder weer elke dag kunnen bellen. En ik wil weten waarom dit zo ging.",
                "hearing", "yes", "companion", "trust_person", "name", "via_trust_person"));
        int version = phone.get("/v1/cases/" + caseId + "/complaint").json().path("version").asInt();
        assertThat(phone.post("/v1/cases/" + caseId + "/complaint/approval", Map.of("version", version))
                .status()).isEqualTo(200);
        assertThat(trust.post("/v1/inbox/" + caseId + "/complaint/send", Map.of()).status()).isEqualTo(200);
        byte[] pdf = phone.download("/v1/cases/" + caseId + "/complaint/letter.pdf").bytes();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Stichting De Linde", "huisregel");
            FormalComplaintTest.assertTagged(doc);
        }
        Files.write(EXAMPLE, pdf);
    }
}
