package nl.gehoord.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Before and after: a case withdrawn after its month ended changes no published number until the month's layer
 * values are final (three months on), and afterwards every number is within the perturbation of the truth; for
 * the month itself and for the year that ends with it.
 */
class TrendsWithdrawalTest {
    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final CouncilScope UTRECHT = new CouncilScope(CouncilScope.MUNICIPALITY, List.of("Utrecht"));
    private static final List<String> LAYERS = List.of("o_open", "o_resolved", "o_closed", "o_withdrawn", "formal",
            "sla_met", "sla_missed");

    @Test
    void aWithdrawnCaseChangesNothingUntilTheFreezeAndThenOnlyWithinThePerturbation() {
        TestServer server = SHARED.server();
        TrendRollup rollup = TrendCases.rollupOf(server, 9);
        Random random = new Random(9);
        server.app().database().writeVoid(h -> {
            for (int i = 0; i < 60; i++) {
                TrendCases.Spec spec = TrendCases.random(random, "withdraw-" + i, SEPTEMBER, new String[] {"utrecht"});
                TrendCases.insert(h, spec);
                rollup.refresh(h, spec.id());
            }
        });
        String open = server.app().database().read(h -> h.createQuery("""
                SELECT id FROM cases WHERE id LIKE 'withdraw-%' AND status = 'in_conversation' ORDER BY id LIMIT 1
                """).mapTo(String.class).one());
        TrendsService service = new TrendsService(server.app().database(), server.clock(),
                server.app().trendPublisher());
        Map<String, TrendsTable> before = askAll(service, server);
        assertThat(before.get(SEPTEMBER + "|").total().layersFinal()).as("September is not final in November").isFalse();

        server.app().database().writeVoid(h -> {
            h.createUpdate("UPDATE cases SET status = 'withdrawn', closed_at = :now WHERE id = :id")
                    .bind("now", server.clock().millis()).bind("id", open).execute();
            rollup.refresh(h, open);
        });
        assertSame(before, askAll(service, server), true);
        server.clock().set(Instant.parse("2026-12-20T12:00:00Z"));
        assertSame(before, askAll(service, server), true);

        server.clock().set(Instant.parse("2027-01-05T12:00:00Z")); // December has ended: September is final
        Map<String, TrendsTable> after = askAll(service, server);
        assertSame(before, after, false);
        long changed = 0;
        PTable ptable = PTable.standard();
        for (String asked : after.keySet()) {
            TrendsTable t = after.get(asked);
            String by = asked.substring(asked.indexOf('|') + 1);
            YearMonth from = YearMonth.parse(t.from());
            assertThat(t.total().layersFinal()).isTrue();
            List<String> dims = TrendsOverTimeTest.dims(by);
            Map<List<String>, Long> cases = server.app().database().read(h ->
                    TrendTruth.counts(h, UTRECHT, dims, from, SEPTEMBER));
            Map<String, Map<List<String>, Long>> truth = new HashMap<>();
            for (String column : LAYERS) {
                truth.put(column, server.app().database().read(h ->
                        TrendTruth.counts(h, UTRECHT, dims, from, SEPTEMBER, column)));
            }
            for (TrendsTable.Cell c : t.cells()) {
                List<String> key = dims.stream().map(d -> c.key().get(d)).toList();
                long n = cases.getOrDefault(key, 0L);
                long[] published = {c.outcomes().open(), c.outcomes().resolved(), c.outcomes().closed(),
                    c.outcomes().withdrawn(), c.outcomes().formalComplaint(), c.sla().met(), c.sla().missed()};
                if (c.cases() == 0) {
                    assertThat(published).as("a cell published as 0 is 0 throughout").containsOnly(0);
                    continue;
                }
                for (int i = 0; i < LAYERS.size(); i++) {
                    long real = truth.get(LAYERS.get(i)).getOrDefault(key, 0L);
                    assertThat(published[i]).as(asked + " " + key + " " + LAYERS.get(i))
                            .isBetween(real - ptable.maxDeviation(), real + ptable.maxDeviation())
                            .isNotIn(1L, 2L);
                }
                long pending = n - truth.get("sla_met").getOrDefault(key, 0L)
                        - truth.get("sla_missed").getOrDefault(key, 0L);
                assertThat(c.sla().pending()).isBetween(pending - 2, pending + 2);
            }
            changed += layers(before.get(asked)).equals(layers(t)) ? 0 : 1;
        }
        System.out.printf("withdrawal: %d of %d answers (every shape, September and the year ending with it) show"
                + " other layer values once September is final%n", changed, after.size());
        assertThat(changed).as("the final layer values are computed again, for good").isPositive();
    }

    private static String layers(TrendsTable t) {
        StringBuilder out = new StringBuilder(TrendShapes.layers(t.total()));
        t.cells().forEach(c -> out.append('\n').append(TrendShapes.layers(c)));
        return out.toString();
    }

    private static Map<String, TrendsTable> askAll(TrendsService service, TestServer server) {
        YearMonth now = YearMonth.from(server.clock().instant().atZone(TrendDims.ZONE));
        Map<String, TrendsTable> answers = new HashMap<>();
        // September alone, and the year ending with it (published as a year of its own).
        for (YearMonth from : List.of(SEPTEMBER, SEPTEMBER.minusMonths(11))) {
            for (String by : TrendShapes.all()) {
                answers.put(from + "|" + by, service.answer(UTRECHT, 10,
                        TrendsQuery.parse(from.toString(), SEPTEMBER.toString(), by, now)));
            }
        }
        return answers;
    }

    /** Same counts always; the same layer values too when {@code layersToo}. */
    private static void assertSame(Map<String, TrendsTable> before, Map<String, TrendsTable> now, boolean layersToo) {
        for (String by : before.keySet()) {
            TrendsTable a = before.get(by);
            TrendsTable b = now.get(by);
            for (int i = 0; i < a.cells().size(); i++) {
                assertThat(TrendShapes.counts(b.cells().get(i))).isEqualTo(TrendShapes.counts(a.cells().get(i)));
                if (layersToo) {
                    assertThat(TrendShapes.layers(b.cells().get(i))).as(by)
                            .isEqualTo(TrendShapes.layers(a.cells().get(i)));
                }
            }
            assertThat(b.total().cases()).isEqualTo(a.total().cases());
        }
    }
}
