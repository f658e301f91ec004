package nl.gehoord.trends;

import java.time.YearMonth;
import java.util.Random;
import nl.gehoord.testing.TestServer;

/** Generated cases in the trends rollup, for tests outside this package (the council's pages). */
public final class TrendSeed {
    private TrendSeed() {
    }

    /** This many cases in Utrecht in the given month, spread over topics, settings and ages as in the demo. */
    public static void seed(TestServer server, int count, YearMonth month, long seed) {
        TrendRollup rollup = TrendCases.rollupOf(server);
        server.app().database().writeVoid(h -> {
            Random random = new Random(seed);
            for (int i = 0; i < count; i++) {
                TrendCases.Spec spec = TrendCases.random(random, "seed-" + seed + "-" + i, month,
                        new String[] {"utrecht"});
                TrendCases.insert(h, spec);
                rollup.refresh(h, spec.id());
            }
        });
    }
}
