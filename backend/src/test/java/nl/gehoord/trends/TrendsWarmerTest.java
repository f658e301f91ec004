package nl.gehoord.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The background publication: after a pass every ended month of every council scope in use is published, a month
 * is published in the pass after it ends, and its layer values are made final in the pass after it is old enough.
 * (The server's own warm-up also runs in the background; the test checks what is stored, whoever stored it.)
 */
class TrendsWarmerTest {
    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    private static final CouncilScope UTRECHT = new CouncilScope(CouncilScope.MUNICIPALITY, List.of("Utrecht"));
    private static final CouncilScope LINDE = new CouncilScope(CouncilScope.PROVIDER, List.of("Stichting De Linde"));

    @Test
    void endedMonthsArePublishedAndMadeFinalAheadOfTheQueries() {
        TestServer server = SHARED.server();
        TrendRollup rollup = TrendCases.rollupOf(server, 3);
        Random random = new Random(3);
        server.app().database().writeVoid(h -> {
            int n = 0;
            for (YearMonth month = YearMonth.of(2026, 7); !month.isAfter(YearMonth.of(2026, 11));
                 month = month.plusMonths(1)) {
                for (int i = 0; i < 30; i++) {
                    TrendCases.Spec spec = TrendCases.random(random, "warm-" + n++, month, new String[] {"utrecht"});
                    TrendCases.insert(h, spec);
                    rollup.refresh(h, spec.id());
                }
            }
        });
        TrendsWarmer warmer = server.app().trendsWarmer();
        TrendPublisher publisher = server.app().trendPublisher();

        warmer.runOnce();
        assertThat(published(server, UTRECHT)).as("July is three months old at the end of October")
                .isEqualTo(Map.of("2026-07", true, "2026-08", false, "2026-09", false, "2026-10", false));
        assertThat(published(server, LINDE)).as("every scope in use").containsOnlyKeys("2026-07", "2026-08",
                "2026-09", "2026-10");
        assertThat(publisher.ensure(UTRECHT, YearMonth.of(2026, 7), YearMonth.of(2026, 10), YearMonth.of(2026, 10)))
                .as("a query finds everything published").isZero();

        server.clock().set(Instant.parse("2026-12-01T09:00:00Z")); // November has ended; August is final
        warmer.runOnce();
        assertThat(published(server, UTRECHT)).isEqualTo(Map.of("2026-07", true, "2026-08", true,
                "2026-09", false, "2026-10", false, "2026-11", false));

        server.clock().set(Instant.parse("2027-01-02T09:00:00Z"));
        warmer.runOnce();
        assertThat(published(server, UTRECHT)).containsEntry("2026-09", true).containsEntry("2026-10", false)
                .containsEntry("2026-12", false);
    }

    private static Map<String, Boolean> published(TestServer server, CouncilScope scope) {
        Map<String, Boolean> months = published(server, scope, Span.MONTH);
        assertThat(published(server, scope, Span.YEAR)).as("the year ending at every published month, alike")
                .isEqualTo(months);
        return months;
    }

    private static Map<String, Boolean> published(TestServer server, CouncilScope scope, Span span) {
        Map<String, Boolean> months = new TreeMap<>();
        server.app().database().read(h -> h.attach(PublishedTrendsDao.class).months(span.monthsTable, scope.key(),
                        "2000-01", "2999-12"))
                .forEach(m -> months.put(m.month(), m.layersFinal()));
        return months;
    }
}
