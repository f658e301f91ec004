package nl.gehoord.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.Postgres;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writers that SQLite's single writer lock puts in a row run side by side on PostgreSQL. Each behaviour that
 * was safe only thanks to that lock is driven here with requests released at the same instant.
 */
class ConcurrentWritersPostgresTest {
    private static TestServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.startIn(Files.createTempDirectory("gehoord-pg-concurrent"),
                Map.of("GEHOORD_DATABASE_URL", Postgres.seededDatabaseUrl(),
                        "GEHOORD_RATE_LIMIT_CASE_DEVICE", "1000/1h", "GEHOORD_RATE_LIMIT_CASE_ADDRESS", "1000/1h",
                        "GEHOORD_RATE_LIMIT_MESSAGE_DEVICE", "1000/1h",
                        "GEHOORD_RATE_LIMIT_MESSAGE_ADDRESS", "1000/1h",
                        "GEHOORD_RATE_LIMIT_REGISTER_ADDRESS", "1000/1h"));
        api = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void oneIdempotencyKeySentManyTimesAtOnceMakesOneCase() throws Exception {
        ApiClient phone = Journeys.newDevice(api);
        Map<String, Object> body = Journeys.complaint("Twee keer tegelijk op verzenden gedrukt.");
        List<ApiResponse> answers = all(8, i -> phone.header("Idempotency-Key", "same-key-at-once")
                .post("/v1/cases", body));
        assertThat(answers).extracting(ApiResponse::status).containsOnly(201);
        assertThat(answers.stream().map(r -> r.json().path("caseId").asText()).distinct()).hasSize(1);
        assertThat(answers.stream().map(r -> r.json().path("caseCode").asText()).distinct()).hasSize(1);
        assertThat(phone.get("/v1/cases").json().path("cases")).hasSize(1);
    }

    @Test
    void theYoungPersonAndTheTrustPersonWritingAtOnceAreBothStored() throws Exception {
        ApiClient phone = Journeys.newDevice(api);
        String caseId = Journeys.submitCase(phone, "Samen tegelijk schrijven.");
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        int rounds = 10;
        for (int round = 0; round < rounds; round++) {
            int r = round;
            List<ApiResponse> answers = all(2, i -> i == 0
                    ? phone.post("/v1/cases/" + caseId + "/messages", Map.of("text", "Van mij " + r + "."))
                    : trust.post("/v1/inbox/" + caseId + "/messages", Map.of("text", "Van de vertrouwenspersoon " + r + ".")));
            assertThat(answers).extracting(ApiResponse::status).containsOnly(201);
        }
        var thread = phone.get("/v1/cases/" + caseId + "/messages?after=0").json().path("messages");
        assertThat(thread).hasSize(2 * rounds);
        List<Integer> seqs = new ArrayList<>();
        thread.forEach(m -> seqs.add(m.path("seq").asInt()));
        assertThat(seqs).doesNotHaveDuplicates();
    }

    @Test
    void casesArrivingAtOnceAreSpreadOverTheFreeTrustPersons() throws Exception {
        server.app().database().writeVoid(h -> {
            h.execute("INSERT INTO teams (id, organisation_id, name, created_at) "
                    + "SELECT 'team-spread', organisation_id, 'Team Spreiding', 0 FROM teams WHERE id = 'team-midden'");
            for (String id : List.of("staff-spread-a", "staff-spread-b")) {
                h.execute("INSERT INTO staff SELECT (jsonb_populate_record(NULL::staff, to_jsonb(s) || jsonb_build_object("
                        + "'id', ?, 'email', ? || '@demo.local', 'team_id', 'team-spread', 'last_assigned_at', 0))).* "
                        + "FROM staff s WHERE s.id = 'staff-demo-trust'", id, id);
            }
            h.execute("UPDATE routing_rules SET team_id = 'team-spread' WHERE team_id = 'team-midden'");
        });
        try {
            List<ApiClient> phones = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                phones.add(Journeys.newDevice(api));
            }
            List<ApiResponse> answers = all(20, i -> {
                Map<String, Object> body = Journeys.complaint("Tegelijk binnen " + i + ".");
                body.remove("about"); // no location, so no location's own trust person: the team's rule decides
                return Journeys.submit(phones.get(i), body);
            });
            assertThat(answers).extracting(ApiResponse::status).containsOnly(201);
            Map<String, Integer> load = server.app().database().read(h -> {
                Map<String, Integer> counts = new java.util.HashMap<>();
                h.createQuery("SELECT assigned_staff_id, COUNT(*) AS n FROM cases WHERE team_id = 'team-spread' "
                        + "GROUP BY assigned_staff_id").map((rs, ctx) -> Map.entry(String.valueOf(rs.getString(1)),
                        rs.getInt(2))).forEach(e -> counts.put(e.getKey(), e.getValue()));
                return counts;
            });
            assertThat(load.keySet()).containsExactlyInAnyOrder("staff-spread-a", "staff-spread-b");
            assertThat(load.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
            assertThat(Math.abs(load.get("staff-spread-a") - load.get("staff-spread-b"))).isLessThanOrEqualTo(2);
        } finally {
            server.app().database().writeVoid(h ->
                    h.execute("UPDATE routing_rules SET team_id = 'team-midden' WHERE team_id = 'team-spread'"));
        }
    }

    interface Call {
        ApiResponse call(int index) throws Exception;
    }

    /** Runs the calls on their own threads, released together by a barrier. */
    static List<ApiResponse> all(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CyclicBarrier start = new CyclicBarrier(count);
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<ApiResponse> task = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return call.call(index);
                };
                futures.add(pool.submit(task));
            }
            List<ApiResponse> answers = new ArrayList<>();
            for (Future<ApiResponse> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
