package nl.gehoord.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.gehoord.demo.DemoCases;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * What the demo councils can use (8,000 generated cases, default range: the last 12 months): published numbers
 * compared with the true counts. Prints the figures docs/trends.md quotes and holds the bounds:
 * one-dimension views show every group that has cases, at most 10% of cases lie in cells published as 0, and the
 * mean absolute error is at most 3 per cell; two-dimension views publish every cell (nothing is hidden), and at
 * most 10% of cases lie in cells that are off by more than 20%.
 */
class DemoUtilityTest {
    private static final List<String> ONE = List.of("topic", "setting", "ageBand", "region", "month");
    private static final List<String> TWO = List.of("topic,setting", "topic,ageBand", "setting,ageBand", "month,topic",
            "month,setting", "month,ageBand");
    private static final String[] COUNCILS = {"staff-demo-council", "staff-demo-council-linde"};

    @Test
    void theDemoCouncilsSeeUsefulNumbers() {
        try (TestServer server = TestServer.start()) {
            DemoCases.seed(server.app().database(), TrendCases.rollupOf(server, 2026), server.clock());
            TrendsService service = new TrendsService(server.app().database(), server.clock(),
                    server.app().trendPublisher());
            YearMonth now = YearMonth.now(server.clock().withZone(TrendDims.ZONE));
            List<String> failures = new ArrayList<>();
            for (String staff : COUNCILS) {
                CouncilScope scope = server.app().database().read(h -> CouncilScopes.scopeOf(h, staff)).orElseThrow();
                for (String by : ONE) {
                    View v = view(server, service, scope, by, now);
                    System.out.printf("utility %s by=%s: %d of %d groups with cases shown, %.1f%% of cases in cells"
                                    + " published as 0, mean absolute error %.2f per cell, largest error %d%n", staff, by,
                            v.shownNonZero, v.nonZero, 100 * v.casesInZeroCells, v.meanAbsoluteError, v.maxError);
                    check(failures, v.shownNonZero == v.nonZero, staff + " by=" + by + ": a group with cases shows 0");
                    check(failures, v.casesInZeroCells <= 0.10, staff + " by=" + by + ": too many cases in 0 cells");
                    check(failures, v.meanAbsoluteError <= 3, staff + " by=" + by + ": mean absolute error over 3");
                    check(failures, v.maxError <= 2L * 12, staff + " by=" + by + ": an error beyond 12 months of 2");
                }
                for (String by : TWO) {
                    View v = view(server, service, scope, by, now);
                    System.out.printf("utility %s by=%s: %d of %d cells published (none hidden), %d of %d cells with"
                                    + " cases shown as more than 0, %.1f%% of cases in cells off by more than 20%%%n",
                            staff, by, v.published, v.cells, v.shownNonZero, v.nonZero, 100 * v.casesOffBy20);
                    check(failures, v.published >= 0.9 * v.cells, staff + " by=" + by + ": under 90% published");
                    check(failures, v.casesOffBy20 <= 0.10, staff + " by=" + by
                            + ": too many cases in cells off by more than 20%");
                }
            }
            assertThat(failures).isEmpty();
        }
    }

    private static void check(List<String> failures, boolean ok, String message) {
        if (!ok) {
            failures.add(message);
        }
    }

    /** Figures of one view. */
    private record View(int cells, int published, int nonZero, int shownNonZero, double casesInZeroCells,
                        double meanAbsoluteError, long maxError, double casesOffBy20) {
    }

    private static View view(TestServer server, TrendsService service, CouncilScope scope, String by, YearMonth now) {
        TrendsQuery query = TrendsQuery.parse(null, null, by, now);
        TrendsTable table = service.answer(scope, 10, query);
        Map<List<String>, Long> truth = server.app().database().read(h ->
                TrendTruth.counts(h, scope, query.by(), query.from(), query.to()));
        Map<List<String>, Long> shown = TrendTruth.published(table);
        Set<List<String>> keys = new HashSet<>(shown.keySet());
        assertThat(keys).as("every true cell is in the answer").containsAll(truth.keySet());
        int nonZero = 0;
        int shownNonZero = 0;
        long cases = 0;
        long inZero = 0;
        long offBy20 = 0;
        long errorSum = 0;
        long maxError = 0;
        for (List<String> key : keys) {
            long t = truth.getOrDefault(key, 0L);
            long p = shown.get(key);
            if (t > 0) {
                nonZero++;
                shownNonZero += p > 0 ? 1 : 0;
                cases += t;
                inZero += p == 0 ? t : 0;
                offBy20 += Math.abs(p - t) > 0.2 * t ? t : 0;
                errorSum += Math.abs(p - t);
            }
            maxError = Math.max(maxError, Math.abs(p - t));
            assertThat(t == 0 ? p : 0).as("0 stays 0").isZero();
        }
        return new View(table.cells().size(), table.cells().size(), nonZero, shownNonZero,
                cases == 0 ? 0 : (double) inZero / cases, nonZero == 0 ? 0 : (double) errorSum / nonZero, maxError,
                cases == 0 ? 0 : (double) offBy20 / cases);
    }
}
