package nl.gehoord.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import nl.gehoord.crypto.KeyRing;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.db.Database;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.events.CaseEvents;
import nl.gehoord.http.Actor;
import nl.gehoord.http.Role;
import nl.gehoord.trends.CouncilScope;
import nl.gehoord.trends.CouncilScopes;
import nl.gehoord.trends.TrendPublisher;
import nl.gehoord.trends.TrendBulkLoad;
import nl.gehoord.trends.TrendCellsRead;
import nl.gehoord.trends.TrendRollup;
import nl.gehoord.trends.TrendsQuery;
import nl.gehoord.trends.TrendsService;
import nl.gehoord.trends.TrendsTable;
import nl.gehoord.trends.TrendsWarmer;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Trends at scale: generates N cases (default 1,000,000) into a real SQLite file through the real rollup code,
 * then times the publication of the ended months (once per scope, as the background warm-up does it) and the trends
 * query in several shapes (warm: every month published, so an answer is a sum of stored cells) next to the same
 * counts by scanning the cases table, and the rollup update per case. Then {@link TrendsHttpBenchmark} on the demo:
 * CPU per warm GET /v1/trends?by=topic and latency at 64 concurrent requests. Run by scripts/benchmark.sh; never
 * part of the test suite. Prints figures, asserts nothing.
 */
public final class TrendsBenchmark {
    private static final String[] TOPICS = {"treatment", "verbal_violence", "physical_violence", "sexual", "freedom",
        "help_quality", "unsafe_situation", "information", "decisions", "rights", "complaint_handling", "other", null};
    private static final double[] TOPIC_WEIGHTS = {0.19, 0.08, 0.05, 0.02, 0.14, 0.16, 0.04, 0.11, 0.08, 0.05, 0.03,
        0.03, 0.02};
    private static final String[] SETTINGS = {"foster_care", "residential", "closed_care", "youth_protection",
        "youth_prison", "outpatient", "other"};
    private static final double[] SETTING_WEIGHTS = {0.18, 0.30, 0.08, 0.20, 0.04, 0.17, 0.03};
    private static final String[] AGES = {"10_12", "13_15", "16_17", "18_23", null};
    private static final double[] AGE_WEIGHTS = {0.12, 0.36, 0.30, 0.16, 0.06};
    private static final int REGIONS = 42;
    private static final int PROVIDERS = 150;
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private TrendsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        // A second argument names the folder of an earlier run: its database is reused, nothing is generated.
        boolean reuse = args.length > 1;
        Path dir = reuse ? Path.of(args[1]) : Files.createTempDirectory("gehoord-bench");
        if (reuse) {
            // A database from before newer migrations: apply them, also those numbered below its last one.
            org.flywaydb.core.Flyway.configure().dataSource("jdbc:sqlite:" + dir.resolve("bench.db"), null, null)
                    .locations("classpath:db/migration/common", "classpath:db/migration/sqlite").outOfOrder(true)
                    .load().migrate();
        }
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("bench.db"));
        db.migrate();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SecretHasher hasher = new SecretHasher(KeyRing.loadOrCreate(dir.resolve("keys.json"), new SecureRandom()));
        TrendRollup rollup = new TrendRollup(hasher, clock, new SecureRandom());
        if (reuse) {
            System.out.printf("Trends benchmark on the existing database in %s; record keys given to %d cases%n", dir,
                    rollup.assignMissingKeys(db));
            singleUpdates(db, rollup, clock);
            queries(db, clock, rollup);
            db.close();
            TrendsHttpBenchmark.run();
            return;
        }
        places(db);
        System.out.printf("Trends benchmark: %,d cases, %d regions, %d providers, 30 months, SQLite file %s%n", n,
                REGIONS, PROVIDERS, dir.resolve("bench.db"));

        long t0 = System.nanoTime();
        insertCases(db, n, 1);
        long t1 = System.nanoTime();
        // Benchmark data: every case counted at once (the same tables as counting each case through the rollup,
        // TrendBulkLoadTest); the cost of one case's rollup update is measured apart below.
        TrendBulkLoad.load(db, hasher, clock, new SecureRandom());
        long t2 = System.nanoTime();
        System.out.printf("Generated in %.1f s: case inserts %.1f s, trend facts and rollups in bulk %.1f s%n",
                (t2 - t0) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        long rollupRows = db.read(h -> h.createQuery("SELECT COUNT(*) FROM trend_rollup").mapTo(Long.class).one());
        System.out.printf("Rollup rows: %,d; database file %.0f MB%n", rollupRows,
                Files.size(dir.resolve("bench.db")) / 1e6);

        singleUpdates(db, rollup, clock);
        queries(db, clock, rollup);
        db.close();
        TrendsHttpBenchmark.run();
    }

    /** A status change as the inbox makes it: its own write transaction, with and without the rollup listener. */
    private static void singleUpdates(Database db, TrendRollup rollup, Clock clock) {
        CaseEvents withRollup = new CaseEvents().listen(rollup);
        CaseEvents without = new CaseEvents();
        Random random = new Random(2);
        int count = 300;
        long[] plain = new long[count];
        long[] rolled = new long[count];
        String[] statuses = {"in_conversation", "resolved", "closed", "formal_complaint"};
        for (int i = 0; i < count; i++) {
            for (int variant = 0; variant < 2; variant++) {
                String id = "c" + random.nextInt(1000);
                String status = statuses[random.nextInt(statuses.length)];
                CaseEvents events = variant == 0 ? without : withRollup;
                long t0 = System.nanoTime();
                db.writeVoid(h -> {
                    h.createUpdate("UPDATE cases SET status = :s, updated_at = :now WHERE id = :id")
                            .bind("s", status).bind("now", clock.millis()).bind("id", id).execute();
                    events.publish(h, CaseEvent.of(CaseEvent.Type.STATUS_CHANGED, id));
                });
                (variant == 0 ? plain : rolled)[i] = System.nanoTime() - t0;
            }
        }
        System.out.printf("One status change in its own transaction (fsync on commit), median of %d: %.2f ms without "
                + "the rollup listener, %.2f ms with it%n", count, median(plain) / 1e6, median(rolled) / 1e6);
    }

    private static void queries(Database db, Clock clock, TrendRollup rollup) {
        String municipality = "Gemeente 1";
        String provider = "Aanbieder 1";
        String[] councils = {"bench-council-m", "bench-council-p"};
        db.writeVoid(h -> {
            h.createUpdate("DELETE FROM council_scopes WHERE staff_id LIKE 'bench-council-%'").execute();
            h.createUpdate("DELETE FROM staff WHERE id LIKE 'bench-council-%'").execute();
            for (String id : councils) {
                h.createUpdate("""
                        INSERT INTO staff (id, organisation_id, email, display_name, role, password_hash, available,
                                           active, created_at)
                        VALUES (:id, 'bench-org', :email, 'Raad', 'council', 'x', TRUE, TRUE, 0)
                        """).bind("id", id).bind("email", id + "@bench.local").execute();
            }
            CouncilScopes.setInTransaction(h, councils[0], CouncilScope.MUNICIPALITY, List.of(municipality), 0);
            CouncilScopes.setInTransaction(h, councils[1], CouncilScope.PROVIDER, List.of(provider), 0);
        });
        long inMunicipality = db.read(h -> h.createQuery("""
                SELECT COUNT(*) FROM cases WHERE region_code IN (SELECT code FROM regions WHERE municipality = :m)
                """).bind("m", municipality).mapTo(Long.class).one());
        long atProvider = db.read(h -> h.createQuery("""
                SELECT COUNT(*) FROM cases c JOIN locations l ON l.id = c.location_id WHERE l.provider = :p
                """).bind("p", provider).mapTo(Long.class).one());
        System.out.printf("Scopes: municipality '%s' %,d cases; provider '%s' %,d cases%n", municipality,
                inMunicipality, provider, atProvider);
        // One case per scope in September 2026, whose status the runs below flip: "a change to one month".
        String[] changing = {
            db.read(h -> h.createQuery("""
                    SELECT id FROM cases WHERE region_code IN (SELECT code FROM regions WHERE municipality = :m)
                      AND created_at >= :from AND created_at < :to ORDER BY id LIMIT 1
                    """).bind("m", municipality).bind("from", monthStart(YearMonth.of(2026, 9)))
                    .bind("to", monthStart(YearMonth.of(2026, 10))).mapTo(String.class).one()),
            db.read(h -> h.createQuery("""
                    SELECT id FROM cases WHERE location_id IN (SELECT id FROM locations WHERE provider = :p)
                      AND created_at >= :from AND created_at < :to ORDER BY id LIMIT 1
                    """).bind("p", provider).bind("from", monthStart(YearMonth.of(2026, 9)))
                    .bind("to", monthStart(YearMonth.of(2026, 10))).mapTo(String.class).one())};
        YearMonth last = YearMonth.of(2026, 10);
        // The dashboard's views (by topic, setting, age band, two dimensions, by month) and the largest shapes.
        List<List<String>> shapes = List.of(List.of(), List.of("month"), List.of("topic"), List.of("setting"),
                List.of("ageBand"), List.of("topic", "setting"), List.of("topic", "ageBand"), List.of("month", "topic"),
                List.of("topic", "setting", "region"), List.of("month", "topic", "ageBand"));
        TrendPublisher publisher = new TrendPublisher(db);
        long publishing = time(() -> new TrendsWarmer(db, publisher, clock).runOnce());
        long monthCells = db.read(h -> h.createQuery("SELECT COUNT(*) FROM trend_published_cells")
                .mapTo(Long.class).one());
        long yearCells = db.read(h -> h.createQuery("SELECT COUNT(*) FROM trend_published_year_cells")
                .mapTo(Long.class).one());
        System.out.printf("%nPublishing every ended month and year of both scopes once (the warm-up pass after a "
                + "restart finds them stored and does nothing): %.0f ms, %,d stored cells (%,d of months, %,d of "
                + "years)%n", publishing / 1e6, monthCells + yearCells, monthCells, yearCells);
        long again = time(() -> new TrendsWarmer(db, publisher, clock).runOnce());
        System.out.printf("The same pass again (everything published): %.1f ms%n", again / 1e6);
        // A change to one month after it was published changes nothing published; it costs the rollup update only.
        flip(db, rollup, changing[0]);
        flip(db, rollup, changing[1]);
        System.out.println();
        System.out.println("| scope | months | by | warm ms (median of 15) | warm p95 ms | scan of cases ms "
                + "| answer cells | stored tables read | stored cells read (months + years) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        TrendsService trends = new TrendsService(db, clock, publisher);
        for (int c = 0; c < councils.length; c++) {
            Actor.Staff council = new Actor.Staff(councils[c], Role.COUNCIL, "bench-org", null, null);
            CouncilScope scope = db.read(h -> CouncilScopes.scopeOf(h, council.staffId())).orElseThrow();
            for (int months : new int[] {12, 18, 24}) {
                for (List<String> by : shapes) {
                    TrendsQuery query = new TrendsQuery(last.minusMonths(months - 1), last, by);
                    TrendsTable table = trends.trends(council, query);
                    long[] warm = new long[15];
                    for (int i = 0; i < warm.length; i++) {
                        warm[i] = time(() -> trends.trends(council, query));
                    }
                    long[] scan = new long[3];
                    for (int i = 0; i < scan.length; i++) {
                        long s = System.nanoTime();
                        scan(db, c == 0, c == 0 ? municipality : provider, query);
                        scan[i] = System.nanoTime() - s;
                    }
                    long[] sorted = warm.clone();
                    Arrays.sort(sorted);
                    TrendCellsRead.Count read = TrendCellsRead.count(publisher, scope, query, last);
                    System.out.printf("| %s | %d | %s | %.2f | %.2f | %.1f | %d | %d | %d (%d + %d) |%n",
                            c == 0 ? "municipality" : "provider", months, by.isEmpty() ? "(total)" : String.join(",", by),
                            median(warm) / 1e6, sorted[(int) Math.ceil(0.95 * sorted.length) - 1] / 1e6,
                            median(scan) / 1e6, table.cells().size(), read.tables(), read.cells(), read.monthCells(),
                            read.yearCells());
                }
            }
        }
    }

    private static long time(Runnable action) {
        long t0 = System.nanoTime();
        action.run();
        return System.nanoTime() - t0;
    }

    /** A status change to one case, counted by the rollup in the same transaction (as the inbox makes it). */
    private static void flip(Database db, TrendRollup rollup, String id) {
        db.writeVoid(h -> {
            String status = h.createQuery("SELECT status FROM cases WHERE id = :id").bind("id", id)
                    .mapTo(String.class).one();
            h.createUpdate("UPDATE cases SET status = :s WHERE id = :id")
                    .bind("s", "withdrawn".equals(status) ? "resolved" : "withdrawn").bind("id", id).execute();
            rollup.refresh(h, id);
        });
    }

    private static long monthStart(YearMonth month) {
        return month.atDay(1).atStartOfDay(java.time.ZoneId.of("Europe/Amsterdam")).toInstant().toEpochMilli();
    }

    /** The baseline: the same counts straight from the cases table (no rollup, no disclosure control). */
    private static void scan(Database db, boolean municipality, String value, TrendsQuery query) {
        long from = query.from().atDay(1).atStartOfDay(java.time.ZoneId.of("Europe/Amsterdam")).toInstant().toEpochMilli();
        long to = query.to().plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneId.of("Europe/Amsterdam")).toInstant()
                .toEpochMilli();
        String filter = municipality
                ? "c.region_code IN (SELECT code FROM regions WHERE municipality = :v)"
                : "c.location_id IN (SELECT id FROM locations WHERE provider = :v)";
        db.read(h -> h.createQuery("""
                SELECT strftime('%Y-%m', c.created_at / 1000, 'unixepoch') AS month, c.topic, c.setting, c.region_code,
                       c.age_band, COUNT(*), SUM(CASE WHEN c.status = 'resolved' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN c.first_response_at <= c.first_response_due_at THEN 1 ELSE 0 END)
                FROM cases c WHERE c.created_at >= :from AND c.created_at < :to AND """ + " " + filter + """
                 GROUP BY 1, 2, 3, 4, 5
                """).bind("from", from).bind("to", to).bind("v", value).mapToMap().list());
    }

    /** Inserts {@code n} generated cases (ids c0, c1, ...; coded fields only), drawn from a seeded source. */
    public static void insertCases(Database db, int n, long seed) {
        Random random = new Random(seed);
        int batch = 20_000;
        for (int start = 0; start < n; start += batch) {
            int end = Math.min(n, start + batch);
            int from = start;
            db.writeVoid(h -> {
                PreparedBatch insert = h.prepareBatch("""
                        INSERT INTO cases (id, organisation_id, kind, topic, setting, region_code, age_band, location_id,
                                           contact_preference, urgent, status, flow_version, created_at, updated_at,
                                           first_response_due_at, first_response_at, closed_at)
                        VALUES (:id, 'bench-org', 'complaint', :topic, :setting, :region, :age, :location, 'app_message',
                                FALSE, :status, 1, :created, :created, :due, :first, :closed)
                        """);
                for (int i = from; i < end; i++) {
                    bindCase(insert.bind("id", "c" + i), random);
                    insert.add();
                }
                insert.execute();
            });
        }
    }

    /** The organisation, its regions (in 30 municipalities) and the locations of its care providers. */
    public static void places(Database db) {
        db.writeVoid(h -> {
            h.createUpdate("INSERT INTO organisations (id, name, created_at) VALUES ('bench-org', 'Bench', 0)").execute();
            for (int r = 0; r < REGIONS; r++) {
                h.createUpdate("INSERT INTO regions (code, name, municipality, organisation_id) VALUES (:c, :n, :m, 'bench-org')")
                        .bind("c", "r" + r).bind("n", "Regio " + r).bind("m", "Gemeente " + (r % 30)).execute();
            }
            for (int p = 0; p < PROVIDERS; p++) {
                for (int l = 0; l < 3; l++) {
                    int region = (p * 7 + l * 11) % REGIONS;
                    h.createUpdate("""
                            INSERT INTO locations (id, region_code, provider, name, setting)
                            VALUES (:id, :r, :p, :n, :s)
                            """).bind("id", "l" + p + "-" + l).bind("r", "r" + region).bind("p", "Aanbieder " + p)
                            .bind("n", "Locatie " + l).bind("s", SETTINGS[(p + l) % 6]).execute();
                }
            }
        });
    }

    private static void bindCase(PreparedBatch batch, Random random) {
        // Regions and providers are skewed: a few large, many small (as in the Netherlands).
        int region = (int) Math.min(REGIONS - 1, Math.floor(-Math.log(1 - random.nextDouble()) * 9));
        String location = null;
        if (random.nextDouble() < 0.6) {
            int p = (int) Math.min(PROVIDERS - 1, Math.floor(-Math.log(1 - random.nextDouble()) * 25));
            int l = random.nextInt(3);
            region = (p * 7 + l * 11) % REGIONS;
            location = "l" + p + "-" + l;
        }
        long created = NOW.toEpochMilli() - 23L * 86_400_000L - (long) (random.nextDouble() * 913 * 86_400_000L);
        long due = created + 2 * 86_400_000L;
        Long first = random.nextDouble() < 0.93 ? created + (long) (Math.exp(random.nextGaussian() + 3) * 3_600_000L) : null;
        double roll = random.nextDouble();
        String status = roll < 0.55 ? "resolved" : roll < 0.75 ? "closed" : roll < 0.85 ? "withdrawn"
                : roll < 0.9 ? "formal_complaint" : "in_conversation";
        Long closed = roll < 0.85 ? created + (long) (Math.exp(random.nextGaussian() * 0.8 + 3) * 86_400_000L) : null;
        batch.bind("topic", TOPICS[pick(random, TOPIC_WEIGHTS)]).bind("setting", SETTINGS[pick(random, SETTING_WEIGHTS)])
                .bind("region", "r" + region).bind("age", AGES[pick(random, AGE_WEIGHTS)]).bind("location", location)
                .bind("status", status).bind("created", created).bind("due", due).bind("first", first)
                .bind("closed", closed);
    }

    private static int pick(Random random, double[] weights) {
        double roll = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll <= 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static double median(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }
}
