package nl.gehoord.trends;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Councils see signal counts per theme and month of their own scope, through real HTTP: perturbed (never 1 or 2, at
 * most 2 off, 0 stays 0), frozen per month (the same whenever asked, and a range is the sum of its months), and
 * without any signal's text, id or location; refused to everyone else.
 */
class SignalTrendsTest {
    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    private static final String TEXT = "SIGNAALTEKST-" + Long.toHexString(System.nanoTime());

    @Test
    void councilsSeePerturbedFrozenSignalCountsOfTheirScopeOnly() {
        TestServer server = SHARED.server();
        server.clock().set(Instant.parse("2026-11-10T10:00:00Z"));
        ApiClient api = server.client();
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        List<String> ids = new ArrayList<>();
        // November: Utrecht, De Linde: 6 freedom restriction, 1 physical violence; Utrecht, Horizon: 4 no help;
        // Amsterdam: 5 other (outside both councils' scopes).
        ids.addAll(signals(trust, "loc-utr-linde", "freedom_restriction", 6));
        ids.addAll(signals(trust, "loc-utr-linde", "physical_violence", 1));
        ids.addAll(signals(trust, "loc-utr-horizon", "no_help", 4));
        ids.addAll(signals(trust, "loc-ams-waterland", "other", 5));

        ApiClient utrecht = Journeys.staff(api, "council@demo.local");
        assertThat(utrecht.get("/v1/trends/signals?from=2026-11&to=2026-11").status())
                .as("the current month is not shown").isEqualTo(422);

        server.clock().set(Instant.parse("2026-12-03T10:00:00Z"));
        // Sessions end after a time without use: log in again after the clock moved.
        utrecht = Journeys.staff(api, "council@demo.local");
        ApiClient lindeCouncil = Journeys.staff(api, "raad.linde@demo.local");
        trust = Journeys.staff(api, "trust@demo.local");
        ApiResponse first = utrecht.get("/v1/trends/signals?from=2026-11&to=2026-11&by=month");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        Map<String, Long> nov = counts(first.json());
        assertThat(nov.keySet()).containsExactlyInAnyOrder("freedom_restriction", "physical_violence",
                "psychological_violence", "sexual_boundary_crossing", "unsafe_situation", "no_help",
                "treatment", "other");
        assertThat(nov.get("freedom_restriction")).isBetween(4L, 8L);
        assertThat(nov.get("physical_violence")).as("1 is published as 0 or 3").isIn(0L, 3L);
        assertThat(nov.get("no_help")).isBetween(3L, 6L);
        assertThat(nov.get("other")).as("Amsterdam's signals are outside the scope; 0 stays 0").isZero();
        assertThat(nov.get("treatment")).isZero();
        assertThat(nov.values()).doesNotContain(1L, 2L);
        JsonNode p = first.json().path("perturbation");
        assertThat(p.path("method").asText()).isEqualTo("cell-key");
        assertThat(p.path("maxDeviation").asInt()).isEqualTo(2);
        assertThat(p.path("neverPublished").toString()).isEqualTo("[1,2]");
        assertThat(first.json().path("total").path("signals").asLong())
                .isEqualTo(nov.values().stream().mapToLong(Long::longValue).sum());
        assertNothingBelowTheScope(first.body(), ids);

        Map<String, Long> provider = counts(lindeCouncil.get("/v1/trends/signals?from=2026-11&to=2026-11").json());
        assertThat(provider.get("freedom_restriction")).as("the same cases, the same number in every scope")
                .isEqualTo(nov.get("freedom_restriction"));
        assertThat(provider.get("no_help")).as("Horizon is another provider").isZero();
        assertThat(provider.get("other")).isZero();

        // December: more signals; November does not change, asked later, in another shape or language.
        ids.addAll(signals(trust, "loc-utr-linde", "freedom_restriction", 2));
        ids.addAll(signals(trust, "loc-utr-linde", "treatment", 7));
        server.clock().set(Instant.parse("2027-02-20T10:00:00Z"));
        utrecht = Journeys.staff(api, "council@demo.local");
        ApiResponse later = utrecht.english().get("/v1/trends/signals?from=2026-11&to=2026-11&by=month");
        assertThat(counts(later.json())).isEqualTo(nov);
        Map<String, Long> dec = counts(utrecht.get("/v1/trends/signals?from=2026-12&to=2026-12").json());
        assertThat(dec.get("treatment")).isBetween(5L, 9L);
        assertThat(dec.get("freedom_restriction")).isIn(0L, 3L);
        JsonNode range = utrecht.get("/v1/trends/signals?from=2026-11&to=2027-01").json();
        Map<String, Long> sum = counts(range);
        for (String theme : nov.keySet()) {
            assertThat(sum.get(theme)).as("a range is the sum of its months: " + theme)
                    .isEqualTo(nov.get(theme) + dec.get(theme) + 0);
        }
        JsonNode perMonth = utrecht.get("/v1/trends/signals?from=2026-11&to=2027-01&by=month").json();
        assertThat(perMonth.path("cells").size()).isEqualTo(3 * 8);
        assertNothingBelowTheScope(perMonth.toString(), ids);

        ApiResponse csv = utrecht.get("/v1/trends/signals.csv?from=2026-11&to=2026-11");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("theme,signals,perturbation,max_deviation")
                .contains("freedom_restriction," + nov.get("freedom_restriction") + ",cell-key,2");
        assertNothingBelowTheScope(csv.body(), ids);

        assertThat(utrecht.get("/v1/trends/signals?by=topic").status()).as("no breakdown below the scope")
                .isEqualTo(422);
        for (String email : List.of("trust@demo.local", "coordinator@demo.local", "admin@demo.local")) {
            assertThat(Journeys.staff(api, email).get("/v1/trends/signals").status()).as(email).isEqualTo(403);
            assertThat(Journeys.staff(api, email).get("/v1/trends/signals.csv").status()).as(email)
                    .isEqualTo(403);
        }
        assertThat(Journeys.newDevice(api).get("/v1/trends/signals").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/v1/trends/signals").status()).isEqualTo(401);
    }

    private static List<String> signals(ApiClient trust, String location, String theme, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ApiResponse created = trust.post("/v1/signals", Map.of("locationId", location, "theme", theme, "text",
                    TEXT + " " + i, "caseIds", List.of()));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ids.add(created.text("signalId"));
        }
        return ids;
    }

    private static Map<String, Long> counts(JsonNode body) {
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode cell : body.path("cells")) {
            counts.merge(cell.path("key").path("theme").asText(), cell.path("signals").asLong(), Long::sum);
        }
        return counts;
    }

    private static void assertNothingBelowTheScope(String body, List<String> ids) {
        assertThat(body).doesNotContain(TEXT).doesNotContain("loc-").doesNotContain("Kastanje")
                .doesNotContain("Vluchtheuvel").doesNotContain("Horizon").doesNotContain("2026-11-");
        for (String id : ids) {
            assertThat(body).doesNotContain(id);
        }
    }
}
