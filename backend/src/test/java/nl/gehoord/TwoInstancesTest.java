package nl.gehoord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import nl.gehoord.crypto.KeyRing;
import nl.gehoord.push.PushMessage;
import nl.gehoord.push.PushSender;
import nl.gehoord.push.SendOutcome;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.Postgres;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL behave as one service: started together on an empty database, every
 * request may reach either of them, and background work (pushes, SLA alerts, retention) is done once.
 */
class TwoInstancesTest {
    private static final List<String> SENT = new CopyOnWriteArrayList<>();
    private static TestServer a;
    private static TestServer b;

    /** Records every push id that reaches a phone, whichever instance sent it. */
    private static final PushSender RECORDING = new PushSender() {
        @Override
        public List<SendOutcome> send(List<PushMessage> messages) {
            List<SendOutcome> outcomes = new ArrayList<>();
            for (PushMessage m : messages) {
                SENT.add(m.pushId());
                outcomes.add(SendOutcome.sent());
            }
            return outcomes;
        }

        @Override
        public String name() {
            return "recording";
        }
    };

    @BeforeAll
    static void startTogether() throws Exception {
        Path shared = Files.createTempDirectory("gehoord-two");
        Path keyFile = shared.resolve("keys.json");
        KeyRing.loadOrCreate(keyFile, new SecureRandom()); // instances share one key file, as they must
        Map<String, String> env = new HashMap<>();
        env.put("GEHOORD_DATABASE_URL", Postgres.freshDatabaseUrl());
        env.put("GEHOORD_KEY_FILE", keyFile.toString());
        env.put("GEHOORD_RATE_LIMIT_CLAIM_DEVICE", "6/1h");
        env.put("GEHOORD_PUSH_LEASE_SECONDS", "10");
        // Both migrate and seed the demo at the same moment on the empty database.
        CompletableFuture<TestServer> first = CompletableFuture.supplyAsync(() ->
                TestServer.startIn(dir(shared, "a"), env, RECORDING));
        CompletableFuture<TestServer> second = CompletableFuture.supplyAsync(() ->
                TestServer.startIn(dir(shared, "b"), env, RECORDING));
        a = first.get(120, TimeUnit.SECONDS);
        b = second.get(120, TimeUnit.SECONDS);
    }

    private static Path dir(Path shared, String name) {
        try {
            return Files.createDirectories(shared.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    private static ApiClient phoneOn(TestServer server, String token) {
        return server.client().as(token);
    }

    private static String register(TestServer server) {
        ApiResponse r = server.client().anonymous().post("/v1/devices",
                Map.of("platform", "android", "locale", "nl", "pushToken", "fcm-two-" + System.nanoTime()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("deviceToken");
    }

    @Test
    void theDemoIsSeededOnceAndBothInstancesServeIt() {
        long organisations = a.app().database().read(h ->
                h.createQuery("SELECT COUNT(*) FROM organisations").mapTo(Long.class).one());
        assertThat(organisations).isEqualTo(1);
        assertThat(Journeys.staff(a.client(), "trust@demo.local").get("/v1/inbox").status()).isEqualTo(200);
        assertThat(Journeys.staff(b.client(), "trust@demo.local").get("/v1/inbox").status()).isEqualTo(200);
    }

    @Test
    void oneIdempotencyKeySentToBothInstancesMakesOneCase() throws Exception {
        String token = register(a);
        Map<String, Object> body = Journeys.complaint("Naar allebei tegelijk verstuurd.");
        CompletableFuture<ApiResponse> viaA = CompletableFuture.supplyAsync(() ->
                phoneOn(a, token).header("Idempotency-Key", "two-instances-key").post("/v1/cases", body));
        CompletableFuture<ApiResponse> viaB = CompletableFuture.supplyAsync(() ->
                phoneOn(b, token).header("Idempotency-Key", "two-instances-key").post("/v1/cases", body));
        ApiResponse one = viaA.get(60, TimeUnit.SECONDS);
        ApiResponse other = viaB.get(60, TimeUnit.SECONDS);
        assertThat(List.of(one.status(), other.status())).containsOnly(201);
        assertThat(one.text("caseId")).isEqualTo(other.text("caseId"));
        assertThat(phoneOn(b, token).get("/v1/cases").json()).hasSize(1);
    }

    @Test
    void casesSentToBothAtOnceAreEachAssignedOnceAndPushedOnce() throws Exception {
        List<CompletableFuture<String>> submitted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            TestServer via = i % 2 == 0 ? a : b;
            String token = register(via);
            int n = i;
            submitted.add(CompletableFuture.supplyAsync(() ->
                    Journeys.submitCase(phoneOn(via, token), "Via twee servers " + n + ".")));
        }
        List<String> caseIds = new ArrayList<>();
        for (CompletableFuture<String> f : submitted) {
            caseIds.add(f.get(60, TimeUnit.SECONDS));
        }
        for (String caseId : caseIds) {
            long assignedEvents = a.app().database().read(h -> h.createQuery(
                    "SELECT COUNT(*) FROM case_events WHERE case_id = :id AND type = 'assigned'")
                    .bind("id", caseId).mapTo(Long.class).one());
            assertThat(assignedEvents).as(caseId).isEqualTo(1);
        }
        // Both dispatchers drain the one outbox: every push is sent, none twice.
        List<String> due = waitForOutboxToDrain(Duration.ofSeconds(30));
        assertThat(due).isEmpty();
        assertThat(SENT).doesNotHaveDuplicates();
    }

    @Test
    void aWrongCodeGuessedOnEitherInstanceCountsAgainstOneLimit() {
        String token = register(a);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TestServer via = i % 2 == 0 ? a : b;
            statuses.add(phoneOn(via, token).post("/v1/cases/claim", Map.of("caseCode", "AAAAA-BBBBB-CCCCC"))
                    .status());
        }
        // Six guesses in all, over both instances; not six on each.
        assertThat(statuses.subList(0, 6)).doesNotContain(429);
        assertThat(statuses.subList(6, 8)).containsOnly(429);
    }

    @Test
    void anSlaWarningIsRaisedOnceAndTrendsAreEqualFromBoth() {
        a.app().slaScheduler().close();
        b.app().slaScheduler().close();
        Instant later = TestServer.START.plus(Duration.ofDays(30));
        a.clock().set(later);
        b.clock().set(later);
        int raised = a.app().slaScheduler().runOnce();
        int again = b.app().slaScheduler().runOnce();
        assertThat(raised).isPositive();
        assertThat(again).isZero();

        ApiClient councilA = Journeys.staff(a.client(), "council@demo.local");
        ApiClient councilB = Journeys.staff(b.client(), "council@demo.local");
        assertThat(councilA.get("/v1/trends?by=topic").body()).isEqualTo(councilB.get("/v1/trends?by=topic").body());
    }

    @Test
    void theDailyRetentionPassRunsOnOneInstanceOnly() {
        Instant day = TestServer.START.plus(Duration.ofDays(400));
        assertThat(a.app().retention().runDaily(day)).isPresent();
        assertThat(b.app().retention().runDaily(day)).isEmpty();
        assertThat(b.app().retention().runDaily(day.plus(Duration.ofDays(1)))).isPresent();
    }

    @Test
    void pushesHeldByAnInstanceThatDiedAreSentByTheOtherAfterTheLease() throws Exception {
        String token = register(a);
        String caseId = Journeys.submitCase(phoneOn(a, token), "Wie stuurt de push?");
        waitForOutboxToDrain(Duration.ofSeconds(30));
        // A push claimed by an instance that then died: its claim is on the row, so nobody sends it until the
        // lease ends. (A copy of the case's own push, pending again under the dead instance's claim.)
        long now = a.clock().millis();
        int claimed = a.app().database().write(h -> h.createUpdate("""
                INSERT INTO push_outbox
                SELECT (jsonb_populate_record(NULL::push_outbox, to_jsonb(p) || jsonb_build_object(
                        'id', 'held-by-dead-instance', 'state', 'pending', 'claim_id', 'dead-instance',
                        'lease_until', :until, 'finished_at', NULL, 'not_before', :now, 'attempts', 0))).*
                FROM push_outbox p WHERE p.case_id = :caseId AND p.device_id IS NOT NULL LIMIT 1
                """).bind("until", now + 10_000).bind("now", now).bind("caseId", caseId).execute());
        assertThat(claimed).isPositive();
        Thread.sleep(2_500); // the live dispatchers poll every second and must leave the claimed rows alone
        assertThat(pending(caseId)).isEqualTo(claimed);
        a.clock().set(Instant.ofEpochMilli(now + 11_000));
        b.clock().set(Instant.ofEpochMilli(now + 11_000));
        assertThat(waitForOutboxToDrain(Duration.ofSeconds(30))).isEmpty();
        assertThat(SENT).contains("held-by-dead-instance").doesNotHaveDuplicates();
    }

    private static long pending(String caseId) {
        return a.app().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM push_outbox WHERE state = 'pending' AND case_id = :caseId")
                .bind("caseId", caseId).mapTo(Long.class).one());
    }

    /** Waits until no push is pending any more; returns the ids still pending when the time is up. */
    private static List<String> waitForOutboxToDrain(Duration max) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        List<String> due;
        do {
            due = a.app().database().read(h -> h.createQuery(
                    "SELECT id FROM push_outbox WHERE state = 'pending'").mapTo(String.class).list());
            if (due.isEmpty()) {
                return due;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < until);
        return due;
    }
}
