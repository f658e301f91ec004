package nl.gehoord.trends;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Random;
import nl.gehoord.crypto.KeyRing;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.demo.DemoData;
import nl.gehoord.testing.TestServer;
import org.jdbi.v3.core.Handle;

/** Writes coded cases straight into a test database and counts them through the real rollup code. */
final class TrendCases {
    record Spec(String id, String topic, String setting, String region, String ageBand, String locationId,
                String status, long createdAt, Long firstResponseAt, Long dueAt, Long closedAt) {
    }

    private TrendCases() {
    }

    /** The rollup the server itself uses: same key file, so the same fact keys. */
    static TrendRollup rollupOf(TestServer server) {
        return rollupOf(server, 12);
    }

    /** The same, with record keys from a seeded random source, so that the published numbers are the same each run. */
    static TrendRollup rollupOf(TestServer server, long seed) {
        Path keyFile = server.settings().keyFile();
        return new TrendRollup(new SecretHasher(KeyRing.loadOrCreate(keyFile, new SecureRandom())), server.clock(),
                seeded(seed));
    }

    static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void insert(Handle h, Spec s) {
        h.createUpdate("""
                INSERT INTO cases (id, organisation_id, kind, topic, setting, region_code, age_band, location_id,
                                   contact_preference, urgent, status, flow_version, created_at, updated_at,
                                   first_response_due_at, first_response_at, closed_at)
                VALUES (:id, :org, 'complaint', :topic, :setting, :region, :ageBand, :locationId, 'app_message', FALSE,
                        :status, 1, :createdAt, :createdAt, :dueAt, :firstResponseAt, :closedAt)
                """).bind("id", s.id()).bind("topic", s.topic()).bind("setting", s.setting()).bind("region", s.region())
                .bind("ageBand", s.ageBand()).bind("locationId", s.locationId()).bind("status", s.status())
                .bind("createdAt", s.createdAt()).bind("dueAt", s.dueAt()).bind("firstResponseAt", s.firstResponseAt())
                .bind("closedAt", s.closedAt()).bind("org", DemoData.ORGANISATION_ID).execute();
    }

    /** A random case in the given month, using a few values per dimension so that small and large cells occur. */
    static Spec random(Random random, String id, YearMonth month, String[] regions) {
        String[] topics = {"unknown", "treatment", "freedom", "sexual"};
        double[] topicWeights = {0.15, 0.45, 0.35, 0.05};
        String[] settings = {"other", "residential", "foster_care"};
        double[] settingWeights = {0.1, 0.6, 0.3};
        String[] ages = {"unknown", "13_15", "16_17"};
        double[] ageWeights = {0.1, 0.5, 0.4};
        long start = month.atDay(1).atStartOfDay(TrendDims.ZONE).toInstant().toEpochMilli();
        long created = start + (long) (random.nextDouble() * 27 * 86_400_000L);
        String topic = topics[pick(random, topicWeights)];
        double roll = random.nextDouble();
        String status = roll < 0.5 ? "resolved" : roll < 0.7 ? "closed" : roll < 0.8 ? "withdrawn" : "in_conversation";
        Long closed = status.equals("in_conversation") ? null : created + (long) (random.nextDouble() * 20 * 86_400_000L);
        long due = created + 2 * 86_400_000L;
        Long first = random.nextDouble() < 0.9 ? created + (long) (random.nextDouble() * 3 * 86_400_000L) : null;
        return new Spec(id, topic.equals("unknown") ? null : topic, settings[pick(random, settingWeights)],
                regions[random.nextDouble() < 0.7 ? 0 : regions.length - 1],
                pickAge(random, ages, ageWeights), null, status, created, first, due, closed);
    }

    private static String pickAge(Random random, String[] ages, double[] weights) {
        String age = ages[pick(random, weights)];
        return age.equals("unknown") ? null : age;
    }

    static int pick(Random random, double[] weights) {
        double roll = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll <= 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
