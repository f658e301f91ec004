package nl.gehoord.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestServer;
import nl.gehoord.trends.TrendRollup;
import org.junit.jupiter.api.Test;

/** The demo's generated cases: seeded once, counted by the rollup, and councils see real numbers. */
class DemoCasesTest {
    @Test
    void theDemoCouncilsSeeRealNumbers() {
        try (TestServer server = TestServer.start()) {
            TrendRollup rollup = server.app().trendRollup();
            assertThat(DemoCases.seed(server.app().database(), rollup, server.clock())).isEqualTo(DemoCases.COUNT);
            assertThat(DemoCases.seed(server.app().database(), rollup, server.clock())).as("idempotent").isZero();
            long counted = server.app().database().read(h -> h.createQuery("SELECT SUM(cases) FROM trend_rollup")
                    .mapTo(Long.class).one());
            assertThat(counted).isEqualTo(DemoCases.COUNT);
            String text = server.app().database().read(h -> h.createQuery("""
                    SELECT COUNT(*) FROM cases WHERE id LIKE 'demo-case-%'
                      AND (story_enc IS NOT NULL OR answers_enc IS NOT NULL OR contact_enc IS NOT NULL)
                    """).mapTo(Long.class).one()).toString();
            assertThat(text).as("coded facts only").isEqualTo("0");

            for (String email : new String[] {"council@demo.local", "raad.linde@demo.local"}) {
                ApiClient council = Journeys.staff(server.client(), email);
                ApiResponse response = council.get("/v1/trends?by=month");
                assertThat(response.status()).isEqualTo(200);
                JsonNode total = response.json().path("total");
                assertThat(total.path("cases").asLong()).as(email).isGreaterThan(500);
                long shownMonths = 0;
                for (JsonNode cell : response.json().path("cells")) {
                    shownMonths += cell.path("cases").asLong() > 0 ? 1 : 0;
                }
                assertThat(shownMonths).as(email + ": months with a number").isGreaterThan(6);
                long shownTopics = 0;
                for (JsonNode cell : council.get("/v1/trends?by=topic").json().path("cells")) {
                    shownTopics += cell.path("cases").asLong() > 0 ? 1 : 0;
                }
                System.out.printf("%s: %d cases in 12 months, %d months and %d topics with a number%n", email,
                        total.path("cases").asLong(), shownMonths, shownTopics);
            }
        }
    }
}
