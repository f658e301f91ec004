package nl.gehoord.trends;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.gehoord.staff.Passwords;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Trends through real HTTP: cases made through POST /v1/cases in November 2026, asked for in December by the demo
 * councils (Utrecht municipality; the client council of Stichting De Linde). Counts are perturbed (cell-key
 * method), so the tests check ranges of at most 2 around the true counts.
 */
class TrendsApiTest {
    private static final String STORY = "Canary-trends-story: they took my phone for a week";
    private static final String NOVEMBER = "/v1/trends?from=2026-11&to=2026-11";

    private static TestServer server;
    private static ApiClient client;
    private static ApiClient council;
    private static ApiClient linde;

    @RegisterExtension
    static final SharedServer SHARED = SharedServer.resetPerClass();

    @BeforeAll
    static void casesInNovember() {
        server = SHARED.server();
        client = server.client();
        ApiClient device = Journeys.newDevice(client);
        for (int i = 0; i < 12; i++) {
            if (i == 8) {
                device = Journeys.newDevice(client); // a device may make 10 cases an hour
            }
            Journeys.submitCase(device, STORY);
        }
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = new HashMap<>(Journeys.complaint(STORY));
            body.put("answers", Map.of("topic", "treatment"));
            Journeys.submit(device, body);
        }
        Map<String, Object> amsterdam = new HashMap<>(Journeys.complaint(STORY));
        amsterdam.put("region", "amsterdam");
        amsterdam.put("about", Map.of("locationId", "loc-ams-waterland"));
        Journeys.submit(device, amsterdam);
        server.clock().set(Instant.parse("2026-12-02T09:00:00Z"));
        council = Journeys.staff(client, "council@demo.local");
        linde = Journeys.staff(client, "raad.linde@demo.local");
    }

    @Test
    void aCouncilGetsPerturbedCountsForItsScopeAndIsToldSo() {
        ApiResponse response = council.get(NOVEMBER + "&by=topic");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("minimumCellSize").asInt()).isEqualTo(10);
        assertThat(body.path("scope").path("kind").asText()).isEqualTo("municipality");
        JsonNode perturbation = body.path("perturbation");
        assertThat(perturbation.path("method").asText()).isEqualTo("cell-key");
        assertThat(perturbation.path("maxDeviation").asInt()).isEqualTo(2);
        assertThat(perturbation.path("neverPublished").toString()).isEqualTo("[1,2]");
        assertThat(perturbation.path("variance").asDouble()).as("one month: the month table's variance")
                .isEqualTo(PTable.standard().variance());
        assertThat(perturbation.path("tables").toString())
                .isEqualTo("[{\"span\":\"month\",\"maxDeviation\":2,\"variance\":0.7}]");
        JsonNode year = council.get("/v1/trends?from=2025-12&to=2026-11&by=topic").json().path("perturbation");
        assertThat(year.path("variance").asDouble()).as("a rolling year: the year table's variance")
                .isEqualTo(PTable.year().variance()).isEqualTo(2.0);
        assertThat(year.path("tables").toString()).isEqualTo("[{\"span\":\"year\",\"maxDeviation\":2,"
                + "\"variance\":2.0},{\"span\":\"month\",\"maxDeviation\":2,\"variance\":0.7}]");
        assertThat(perturbation.path("explanation").asText()).contains("hoogstens 2 meer of minder");
        assertThat(council.english().get(NOVEMBER).json().path("perturbation").path("explanation").asText())
                .contains("at most 2 more or less");
        assertThat(body.path("total").path("cases").asLong()).as("15 in Utrecht; Amsterdam is outside the scope")
                .isBetween(13L, 17L);
        assertThat(cell(body, "topic", "treatment").path("cases").asLong()).as("3 cases: 3, 4 or 5").isBetween(3L, 5L);
        assertThat(cell(body, "topic", "freedom").path("cases").asLong()).isBetween(10L, 14L);
        assertThat(cell(body, "topic", "rights").path("cases").asLong()).as("0 stays 0").isZero();
        for (JsonNode c : body.path("cells")) {
            assertThat(c.path("cases").asLong()).as("never 1 or 2").isNotIn(1L, 2L);
            assertThat(c.has("suppressed")).as("nothing is hidden any more").isFalse();
        }
        assertThat(response.body()).doesNotContain("Canary");
    }

    @Test
    void outcomesAreAlsoPerturbedAndNotFinalUntilTheMonthIsOldEnough() {
        JsonNode total = council.get(NOVEMBER).json().path("total");
        assertThat(total.path("cases").asLong()).isBetween(13L, 17L);
        assertThat(total.path("outcomes").path("open").asLong()).as("all 15 open").isEqualTo(
                total.path("cases").asLong());
        assertThat(total.path("outcomes").path("formalComplaint").asLong()).isZero();
        assertThat(total.path("final").asBoolean()).as("November is final at the end of February").isFalse();
        assertThat(total.path("firstResponse").isNull()).as("no first response yet").isTrue();
    }

    @Test
    void aClientCouncilSeesOnlyItsProvidersLocationsAndTheSameGroupAlwaysGetsTheSameNumber() {
        ApiResponse response = linde.get(NOVEMBER + "&by=region");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("scope").path("values").get(0).asText()).isEqualTo("Stichting De Linde");
        long total = response.json().path("total").path("cases").asLong();
        assertThat(total).isBetween(13L, 17L);
        assertThat(response.json().path("cells")).hasSize(1);
        assertThat(cell(response.json(), "region", "utrecht").path("cases").asLong())
                .as("the same cases, so the same number").isEqualTo(total);
    }

    @Test
    void everyoneButACouncilIsRefusedWithoutContent() {
        ApiClient device = Journeys.newDevice(client);
        for (String path : List.of(NOVEMBER, "/v1/trends.csv", "/v1/trends/chart.svg")) {
            assertRefused(client.anonymous().get(path), 401);
            assertRefused(client.as("gs_notARealTokenAtAllnotARealTokenAtAllnotARe").get(path), 401);
            assertRefused(device.get(path), 403);
            for (String email : List.of("trust@demo.local", "coordinator@demo.local", "admin@demo.local")) {
                assertRefused(Journeys.staff(client, email).get(path), 403);
            }
        }
    }

    private static void assertRefused(ApiResponse response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Canary").doesNotContain("freedom").doesNotContain("cases");
    }

    @Test
    void rangesNarrowerThanWholeMonthsAndUnfinishedMonthsAreRefusedPlainly() {
        assertField(council.get("/v1/trends?from=2026-11-05&to=2026-11-30"), "from", "not_whole_month");
        assertField(council.get("/v1/trends?from=2026-11-01&to=2026-11-20"), "to", "not_whole_month");
        assertField(council.get("/v1/trends?from=2026-12&to=2026-12"), "to", "month_not_ended");
        assertField(council.get("/v1/trends?from=2026-11&to=2026-10"), "from", "from_after_to");
        assertField(council.get("/v1/trends?from=nov&to=2026-11"), "from", "invalid_month");
        assertField(council.get("/v1/trends?from=2020-01&to=2026-11"), "from", "range_too_long");
        assertField(council.get(NOVEMBER + "&by=name"), "by", "unknown_dimension");
        assertField(council.get(NOVEMBER + "&by=month,topic,setting,region"), "by", "too_many_dimensions");
        ApiResponse whole = council.get("/v1/trends?from=2026-11-01&to=2026-11-30");
        assertThat(whole.status()).isEqualTo(200);
        ApiResponse english = council.english().get("/v1/trends?from=2026-11-05&to=2026-11-30");
        assertThat(english.json().path("errors").get(0).path("message").asText()).contains("whole months");
    }

    private static void assertField(ApiResponse response, String field, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        JsonNode error = response.json().path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo(field);
        assertThat(error.path("code").asText()).isEqualTo(code);
    }

    @Test
    void csvHasAHeaderRowCrlfLinesAndSaysOnEveryRowThatItsNumbersArePerturbed() {
        ApiResponse response = council.get("/v1/trends.csv?from=2026-11&to=2026-11&by=topic");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        String[] lines = response.body().split("\r\n", -1);
        assertThat(lines[0]).startsWith("topic,cases,open,resolved,closed,withdrawn,formal_complaint,sla_met")
                .endsWith(",perturbation,max_deviation,final");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("treatment,[345],.*"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("rights,0,0,0,0,0,0"));
        assertThat(lines[lines.length - 2]).matches("total,1[3-7],.*");
        for (int i = 1; i < lines.length - 1; i++) {
            assertThat(lines[i]).endsWith(",cell-key,2,false");
        }
        assertThat(lines[lines.length - 1]).isEmpty();
        assertThat(response.body().replace("\r\n", "")).doesNotContain("\n");
        int columns = lines[0].split(",").length;
        for (int i = 0; i < lines.length - 1; i++) {
            assertThat(lines[i].split(",", -1)).as(lines[i]).hasSize(columns);
        }
    }

    @Test
    void theChartIsSvgWithTitleAndDescription() {
        ApiResponse response = council.english().get("/v1/trends/chart.svg?from=2026-11&to=2026-11&by=topic");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("image/svg+xml");
        assertThat(response.body()).contains("<title id=\"chart-title\">Number of cases").contains("<desc")
                .contains("at most 2 more or less").contains(" \u00b1 2</text>").contains("Freedom restrictions")
                .doesNotContain("Canary");
    }

    @Test
    void theWarmUpPublishesEndedMonthsSoAQueryOnlyAddsUpStoredCells() {
        server.app().trendsWarmer().runOnce();
        CouncilScope utrecht = new CouncilScope(CouncilScope.MUNICIPALITY, List.of("Utrecht"));
        java.time.YearMonth november = java.time.YearMonth.of(2026, 11);
        assertThat(server.app().trendPublisher().ensure(utrecht, november, november, november))
                .as("November was published by the warm-up").isZero();
        String first = council.get(NOVEMBER + "&by=month,topic").body();
        String november1 = server.app().database().read(h -> h.createQuery("""
                SELECT id FROM cases WHERE region_code = 'utrecht' ORDER BY id LIMIT 1
                """).mapTo(String.class).one());
        String status = server.app().database().read(h -> h.createQuery("SELECT status FROM cases WHERE id = :id")
                .bind("id", november1).mapTo(String.class).one());
        setStatus(server.app().trendRollup(), november1, "withdrawn");
        try {
            assertThat(council.get(NOVEMBER + "&by=month,topic").body()).as("published once, not recomputed")
                    .isEqualTo(first);
        } finally {
            setStatus(server.app().trendRollup(), november1, status); // the other tests count November as it was
        }
    }

    private static void setStatus(TrendRollup rollup, String caseId, String status) {
        server.app().database().writeVoid(h -> {
            h.createUpdate("UPDATE cases SET status = :s WHERE id = :id").bind("s", status).bind("id", caseId).execute();
            rollup.refresh(h, caseId);
        });
    }

    @Test
    void aCouncilAccountWithoutScopeSeesNothingUntilOneIsSet() {
        server.app().database().writeVoid(h -> h.createUpdate("""
                INSERT INTO staff (id, organisation_id, email, display_name, role, password_hash, available, active,
                                   created_at)
                VALUES ('staff-no-scope', 'demo-org', 'noscope@demo.local', 'Raad', 'council', :hash, TRUE, TRUE, 0)
                """).bind("hash", Passwords.hash(TestServer.DEMO_PASSWORD)).execute());
        ApiClient unscoped = Journeys.staff(client, "noscope@demo.local");
        ApiResponse refused = unscoped.get(NOVEMBER);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asText()).isEqualTo("council_scope_missing");

        CouncilScopes scopes = new CouncilScopes(server.app().database(), server.clock());
        CouncilScope scope = scopes.setScope("staff-no-scope", "municipality", List.of("Amsterdam"));
        assertThat(scope.values()).containsExactly("Amsterdam");
        JsonNode total = unscoped.get(NOVEMBER).json().path("total");
        assertThat(total.path("cases").asLong()).as("1 case in Amsterdam: 0 or 3").isIn(0L, 3L);
    }

    @Test
    void scopesAndMinimumSizesAreValidated() {
        CouncilScopes scopes = new CouncilScopes(server.app().database(), server.clock());
        assertThat(codeOf(() -> scopes.setScope("staff-demo-trust", "municipality", List.of("Utrecht"))))
                .isEqualTo("not_found");
        assertThat(codeOf(() -> scopes.setScope("staff-demo-council", "street", List.of("Utrecht"))))
                .isEqualTo("validation_failed");
        assertThat(codeOf(() -> scopes.setScope("staff-demo-council", "provider", List.of("Nobody BV"))))
                .isEqualTo("validation_failed");
        TrendSettings settings = new TrendSettings(server.app().database(), server.clock());
        assertThat(codeOf(() -> settings.setMinCellSize("demo-org", 4))).isEqualTo("validation_failed");
    }

    @Test
    void theMinimumGroupSizeIsPerOrganisation() {
        TrendSettings settings = new TrendSettings(server.app().database(), server.clock());
        settings.setMinCellSize("demo-org", 20);
        try {
            JsonNode total = council.get(NOVEMBER).json().path("total");
            assertThat(council.get(NOVEMBER).json().path("minimumCellSize").asInt()).isEqualTo(20);
            assertThat(total.path("cases").asLong()).as("counts are perturbed, not hidden").isBetween(13L, 17L);
        } finally {
            settings.setMinCellSize("demo-org", 10);
        }
    }

    private static String codeOf(Runnable action) {
        try {
            action.run();
            return "none";
        } catch (nl.gehoord.http.ApiException e) {
            return e.code();
        }
    }

    private static JsonNode cell(JsonNode body, String dim, String value) {
        for (JsonNode cell : body.path("cells")) {
            if (cell.path("key").path(dim).asText().equals(value)) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + dim + "=" + value);
    }
}
