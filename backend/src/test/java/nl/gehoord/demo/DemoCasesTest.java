package nl.gehoord.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
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
                    SELECT COUNT(*) FROM cases
                    WHERE story_enc IS NOT NULL OR answers_enc IS NOT NULL OR contact_enc IS NOT NULL
                    """).mapTo(Long.class).one()).toString();
            assertThat(text).as("coded facts only").isEqualTo("0");
            List<String> ids = server.app().database().read(h -> h.createQuery("SELECT id FROM cases")
                    .mapTo(String.class).list());
            assertThat(ids).hasSize(DemoCases.COUNT).allSatisfy(id ->
                    assertThat(UUID.fromString(id).toString()).as("a UUID, as the contract says").isEqualTo(id));
            assertThat(ids).contains(DemoCases.id(0), DemoCases.id(DemoCases.COUNT - 1));
            assertThat(DemoCases.id(176)).as("the same in every demo").isEqualTo(
                    UUID.nameUUIDFromBytes("gehoord-demo-case-176".getBytes(StandardCharsets.UTF_8)).toString());
            List<String> eventIds = server.app().database().read(h -> h.createQuery(
                    "SELECT e.id FROM case_events e").mapTo(String.class).list());
            assertThat(eventIds).isNotEmpty().allSatisfy(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));

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

    @Test
    void aDemoDatabaseWithTheOldIdsIsNotSeededTwice() {
        try (TestServer server = TestServer.start()) {
            server.app().database().writeVoid(h -> h.createUpdate("""
                    INSERT INTO cases (id, organisation_id, kind, setting, region_code, contact_preference, urgent,
                                       status, flow_version, created_at, updated_at)
                    VALUES ('demo-case-00000', :org, 'help', 'residential', 'utrecht', 'app_message', FALSE,
                            'received', 1, 0, 0)
                    """).bind("org", DemoData.ORGANISATION_ID).execute());
            assertThat(DemoCases.seed(server.app().database(), server.app().trendRollup(), server.clock(), 10))
                    .isZero();
            long cases = server.app().database().read(h -> h.createQuery("SELECT COUNT(*) FROM cases")
                    .mapTo(Long.class).one());
            assertThat(cases).as("the old demo cases stay, no second set beside them").isEqualTo(1);
        }
    }
}
