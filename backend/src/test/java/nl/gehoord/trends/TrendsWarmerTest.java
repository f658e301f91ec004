package nl.gehoord.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import nl.gehoord.db.Database;
import nl.gehoord.demo.DemoData;
import nl.gehoord.http.Actor;
import nl.gehoord.http.Role;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The background warm-up of the protecting changes, driven pass by pass with the test's clock. Cases are written
 * straight into the database and counted through the real rollup, without the server's event bus: as a change made
 * by another server instance would look to this one.
 */
class TrendsWarmerTest {
    private static final List<YearMonth> MONTHS = List.of(YearMonth.of(2026, 7), YearMonth.of(2026, 8),
            YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    private static final Actor.Staff COUNCIL = new Actor.Staff("staff-demo-council", Role.COUNCIL,
            DemoData.ORGANISATION_ID, null, null);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private static TestServer server;
    private static Database db;
    private static TrendRollup rollup;
    private ChangeCache cache;
    private TrendsWarmer warmer;
    private TrendsService trends;

    @BeforeAll
    static void casesInUtrecht() {
        server = TestServer.start();
        db = server.app().database();
        rollup = TrendCases.rollupOf(server);
        Random random = new Random(7);
        db.writeVoid(h -> {
            int n = 0;
            for (YearMonth month : MONTHS) {
                for (int i = 0; i < 60; i++) {
                    TrendCases.Spec spec = TrendCases.random(random, "warm-" + n++, month, new String[] {"utrecht"});
                    TrendCases.insert(h, spec);
                    rollup.refresh(h, spec.id());
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void freshCache() {
        cache = new ChangeCache();
        warmer = new TrendsWarmer(db, cache, server.clock(), QUIET, MAX_WAIT);
        trends = new TrendsService(db, server.clock(), cache);
    }

    @Test
    void atStartUpEveryMonthInUseIsWarmedSoTheFirstQueriesComputeNothing() {
        TrendsWarmer.Pass first = warmer.runOnce();
        assertThat(first.computed()).as("July to October for the Utrecht council (De Linde has no cases)").isEqualTo(4);
        long computed = cache.computed();

        askSome();

        assertThat(cache.computed()).as("the queries found every month's changes ready").isEqualTo(computed);
        assertThat(warmer.runOnce()).as("nothing changed, nothing to do").isEqualTo(new TrendsWarmer.Pass(0, 0));
    }

    @Test
    void aChangedMonthIsWarmedOnceItsDataStandsStillForTheQuietTime() {
        warmer.runOnce();
        changeCase("warm-130"); // a September case

        assertThat(warmer.runOnce()).as("just changed: wait").isEqualTo(new TrendsWarmer.Pass(0, 1));
        server.clock().advance(Duration.ofSeconds(2));
        changeCase("warm-131");
        assertThat(warmer.runOnce()).as("changed again: wait longer").isEqualTo(new TrendsWarmer.Pass(0, 1));
        server.clock().advance(Duration.ofSeconds(2));
        assertThat(warmer.runOnce()).isEqualTo(new TrendsWarmer.Pass(0, 1));
        server.clock().advance(Duration.ofSeconds(1));
        assertThat(warmer.runOnce()).as("September and its pair October, for the Utrecht council only")
                .isEqualTo(new TrendsWarmer.Pass(2, 0));
        long computed = cache.computed();

        askSome();

        assertThat(cache.computed()).isEqualTo(computed);
    }

    @Test
    void aMonthThatKeepsChangingIsWarmedAfterTheLongestWait() {
        warmer.runOnce();
        int computed = 0;
        for (int second = 0; second <= MAX_WAIT.toSeconds(); second += 2) {
            changeCase("warm-" + (70 + second)); // August cases, every two seconds: never quiet
            computed += warmer.runOnce().computed();
            server.clock().advance(Duration.ofSeconds(2));
        }
        assertThat(computed).as("August and July, once, when the longest wait was over").isEqualTo(2);
    }

    @Test
    void aQueryBeforeTheWarmUpComputesWhatIsMissingAndPublishesTheSameAsWithoutAnyCache() {
        warmer.runOnce();
        changeCase("warm-10"); // July
        long computed = cache.computed();

        TrendsTable early = trends.trends(COUNCIL, query("2026-07", "2026-10", "month", "topic"));

        assertThat(cache.computed()).as("July and its pair August, inline").isEqualTo(computed + 2);
        assertThat(early).isEqualTo(new TrendsService(db, server.clock()).trends(COUNCIL,
                query("2026-07", "2026-10", "month", "topic")));
    }

    @Test
    void warmedAnswersAreTheAnswersComputedWithoutAnyCache() {
        warmer.runOnce();
        TrendsService uncached = new TrendsService(db, server.clock());
        for (String[] by : new String[][] {{}, {"month"}, {"topic", "setting"}, {"month", "topic", "ageBand"},
            {"topic", "setting", "region"}}) {
            for (String[] range : new String[][] {{"2026-07", "2026-10"}, {"2026-08", "2026-09"},
                {"2025-11", "2026-10"}}) {
                TrendsQuery query = query(range[0], range[1], by);
                assertThat(trends.trends(COUNCIL, query)).as(String.join(",", by) + " " + range[0])
                        .isEqualTo(uncached.trends(COUNCIL, query));
            }
        }
    }

    @Test
    void whenAMonthEndsItIsWarmed() {
        warmer.runOnce();
        db.writeVoid(h -> {
            TrendCases.Spec spec = TrendCases.random(new Random(8), "warm-november", YearMonth.of(2026, 11),
                    new String[] {"utrecht"});
            TrendCases.insert(h, spec);
            rollup.refresh(h, spec.id());
        });
        assertThat(warmer.runOnce().computed()).as("November has not ended: no query can use it").isZero();

        Instant before = server.clock().instant();
        server.clock().set(Instant.parse("2026-12-01T09:00:00Z"));
        try {
            assertThat(warmer.runOnce().computed()).as("November (its pair December has not ended)").isEqualTo(1);
            long computed = cache.computed();
            trends.trends(COUNCIL, query("2026-09", "2026-11", "month", "topic"));
            assertThat(cache.computed()).isEqualTo(computed);
        } finally {
            server.clock().set(before);
        }
    }

    private void askSome() {
        trends.trends(COUNCIL, query("2026-07", "2026-10", "month", "topic"));
        trends.trends(COUNCIL, query("2026-08", "2026-09", "topic", "setting", "region"));
        trends.trends(COUNCIL, trends.parse(null, null, "month"));
    }

    private static TrendsQuery query(String from, String to, String... by) {
        return new TrendsQuery(YearMonth.parse(from), YearMonth.parse(to), List.of(by));
    }

    /** A status change as the inbox would make it, counted by the rollup. */
    private static void changeCase(String id) {
        db.writeVoid(h -> {
            String status = h.createQuery("SELECT status FROM cases WHERE id = :id").bind("id", id)
                    .mapTo(String.class).one();
            h.createUpdate("UPDATE cases SET status = :s WHERE id = :id")
                    .bind("s", "withdrawn".equals(status) ? "resolved" : "withdrawn").bind("id", id).execute();
            rollup.refresh(h, id);
        });
    }
}
