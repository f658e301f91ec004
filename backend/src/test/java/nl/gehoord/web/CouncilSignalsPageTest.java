package nl.gehoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The council page shows the signal counts of its scope per theme, and their CSV; only to councils. */
class CouncilSignalsPageTest {
    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    private static final String TEXT = "SIGNAALTEKST-" + Long.toHexString(System.nanoTime());

    @Test
    void theCouncilPageShowsPerturbedSignalCountsAndNoSignal() {
        TestServer server = SHARED.server();
        server.clock().set(Instant.parse("2026-11-10T10:00:00Z"));
        ApiClient trust = Journeys.staff(server.client(), "trust@demo.local");
        for (int i = 0; i < 6; i++) {
            assertThat(trust.post("/v1/signals", Map.of("locationId", "loc-utr-linde", "theme",
                    "freedom_restriction", "text", TEXT, "caseIds", List.of())).status()).isEqualTo(201);
        }
        server.clock().set(Instant.parse("2026-12-03T10:00:00Z"));
        String council = WebFixture.login(server, "council@demo.local", null);
        WebFixture.Page page = WebFixture.get(server, "/web/council?from=2026-11&to=2026-11", council);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"signals-table\"", "Signalen", "Vrijheidsbeperking",
                "/web/council/signals.csv?").doesNotContain(TEXT).doesNotContain("Kastanje");
        String row = page.body().substring(page.body().indexOf("Vrijheidsbeperking"));
        long shown = Long.parseLong(row.substring(row.indexOf("<td>") + 4, row.indexOf("</td>")));
        assertThat(shown).as("6 signals, at most 2 off").isBetween(4L, 8L);

        WebFixture.Page csv = WebFixture.get(server, "/web/council/signals.csv?breakdown=none&from=2026-11"
                + "&to=2026-11", council);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("theme,signals,perturbation,max_deviation")
                .contains("freedom_restriction," + shown + ",cell-key,2").doesNotContain(TEXT);

        String trustWeb = WebFixture.login(server, "trust@demo.local", null);
        assertThat(WebFixture.get(server, "/web/council/signals.csv", trustWeb).status()).isEqualTo(403);
        assertThat(WebFixture.get(server, "/web/council/signals.csv", null).status()).isNotEqualTo(200);
    }
}
