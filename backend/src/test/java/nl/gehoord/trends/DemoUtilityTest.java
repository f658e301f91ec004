package nl.gehoord.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.gehoord.crypto.KeyRing;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.demo.DemoCases;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * How much the disclosure control hides in the demo (8,000 generated cases): the share of suppressed cells over the
 * default range (the last 12 months) for both demo councils. Prints the figures docs/trends.md quotes, and holds
 * them: a small outcome, complaint or SLA count in a thin month no longer hides a topic for the whole year.
 */
class DemoUtilityTest {
    private static final List<String> BYS = List.of("topic", "setting", "month", "topic,setting", "month,topic");

    @Test
    void theDemoCouncilsSeeMostOfTheirDefaultRange() {
        try (TestServer server = TestServer.start()) {
            TrendRollup rollup = new TrendRollup(new SecretHasher(KeyRing.loadOrCreate(server.settings().keyFile(),
                    new SecureRandom())), server.clock());
            DemoCases.seed(server.app().database(), rollup, server.clock());
            Map<String, Double> shares = new LinkedHashMap<>();
            server.app().database().read(h -> {
                for (String staff : new String[] {"staff-demo-council", "staff-demo-council-linde"}) {
                    CouncilScope scope = CouncilScopes.scopeOf(h, staff).orElseThrow();
                    for (String by : BYS) {
                        TrendsQuery query = TrendsQuery.parse(null, null, by,
                                java.time.YearMonth.now(server.clock().withZone(TrendDims.ZONE)));
                        TrendsTable table = TrendsService.answer(h, new ChangeCache(), scope, 10, query,
                                TrendsService.lastEnded(server.clock()));
                        long hidden = table.cells().stream().filter(c -> c.suppressed()).count();
                        long nonEmpty = table.cells().stream().filter(c -> c.suppressed() || c.cases() > 0).count();
                        double share = nonEmpty == 0 ? 0 : (double) hidden / nonEmpty;
                        shares.put(staff + " by=" + by, share);
                        System.out.printf("utility %s by=%s: %d of %d non-empty cells hidden (%.0f%%), %d cells in all%n",
                                staff, by, hidden, nonEmpty, 100 * share, table.cells().size());
                    }
                }
                return null;
            });
            // Before small outcome counts stopped costing whole cells: 9 of 13 and 13 of 13 topics hidden.
            assertThat(shares.get("staff-demo-council by=topic")).isLessThanOrEqualTo(7 / 13.0);
            assertThat(shares.get("staff-demo-council-linde by=topic")).isLessThanOrEqualTo(9 / 13.0);
            assertThat(shares.get("staff-demo-council by=month")).isZero();
            assertThat(shares.get("staff-demo-council-linde by=month")).isZero();
        }
    }
}
