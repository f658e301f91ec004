package nl.gehoord.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.testing.FakeFcm;
import nl.gehoord.testing.FakeFcm.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox and its dispatcher against the real Firebase Admin SDK and a fake FCM on loopback. */
class PushDispatcherTest {
    private PushFixture fx;
    private FakeFcm fcm;
    private FcmSender sender;

    @BeforeEach
    void setUp() {
        fx = new PushFixture();
        fcm = FakeFcm.start();
        sender = fcm.sender(fx.clock);
    }

    @AfterEach
    void tearDown() {
        sender.close();
        fcm.close();
        fx.close();
    }

    @Test
    void sendsInBatchesOfAtMost500() {
        String caseId = fx.newCase(false, null);
        fx.linkNewDevices(caseId, "tok-batch-", 1200);
        fx.publish(CaseEvent.Type.REPLY, caseId);
        RecordingSender recording = new RecordingSender(sender);
        PushDispatcher dispatcher = fx.dispatcher(recording);

        assertThat(dispatcher.runOnce()).isEqualTo(500);
        assertThat(dispatcher.runOnce()).isEqualTo(500);
        assertThat(dispatcher.runOnce()).isEqualTo(200);
        assertThat(dispatcher.runOnce()).isZero();

        assertThat(recording.batchSizes).containsExactly(500, 500, 200);
        assertThat(fcm.received()).hasSize(1200);
        assertThat(fcm.received().stream().map(FakeFcm.Received::token).distinct().count()).isEqualTo(1200);
        assertThat(fx.outbox(caseId)).allMatch(r -> r.state().equals(OutboxDao.SENT));
        assertThat(fx.counter("gehoord.push.sent", "audience", "device")).isEqualTo(1200);
        assertThat(fx.pending()).isZero();
    }

    @Test
    void a429IsRetriedNoSoonerThanItsRetryAfter() {
        String caseId = fx.caseWithDevice("tok-429");
        fcm.script("tok-429", Reply.quotaExceeded(30));
        fx.publish(CaseEvent.Type.REPLY, caseId);
        PushDispatcher dispatcher = fx.dispatcher(sender);

        dispatcher.runOnce();
        OutboxDao.Row row = fx.outbox(caseId).get(0);
        assertThat(row.state()).isEqualTo(OutboxDao.PENDING);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(row.notBefore()).isEqualTo(fx.clock.millis() + 30_000);
        assertThat(fx.counter("gehoord.push.retried")).isEqualTo(1);

        fx.advance(Duration.ofSeconds(29));
        assertThat(dispatcher.runOnce()).isZero();
        fx.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.runOnce()).isEqualTo(1);

        assertThat(fcm.receivedFor("tok-429")).hasSize(1);
        assertThat(fcm.requests()).isEqualTo(2);
        assertThat(fx.outbox(caseId).get(0).state()).isEqualTo(OutboxDao.SENT);
    }

    @Test
    void a503WithALongRetryAfterIsRetriedByTheDispatcherAfterThatTime() {
        String caseId = fx.caseWithDevice("tok-503");
        // Beyond the SDK's own 60-second retry window, so the SDK hands it back to the dispatcher.
        fcm.script("tok-503", Reply.unavailable(120));
        fx.publish(CaseEvent.Type.REPLY, caseId);
        PushDispatcher dispatcher = fx.dispatcher(sender);

        dispatcher.runOnce();
        OutboxDao.Row row = fx.outbox(caseId).get(0);
        assertThat(row.lastError()).isEqualTo("UNAVAILABLE");
        assertThat(row.notBefore()).isEqualTo(fx.clock.millis() + 120_000);

        fx.advance(Duration.ofSeconds(119));
        assertThat(dispatcher.runOnce()).isZero();
        fx.advance(Duration.ofSeconds(1));
        dispatcher.runOnce();

        assertThat(fcm.receivedFor("tok-503")).hasSize(1);
        assertThat(fx.outbox(caseId).get(0).state()).isEqualTo(OutboxDao.SENT);
    }

    @Test
    void aShort503IsAbsorbedByTheSdkRetryWithinOneBatch() {
        String caseId = fx.caseWithDevice("tok-503-short");
        fcm.script("tok-503-short", Reply.unavailable(null));
        fx.publish(CaseEvent.Type.REPLY, caseId);

        fx.dispatcher(sender).runOnce();

        assertThat(fcm.requests()).isEqualTo(2);
        assertThat(fx.outbox(caseId).get(0).state()).isEqualTo(OutboxDao.SENT);
        assertThat(fx.outbox(caseId).get(0).attempts()).isEqualTo(1);
    }

    @Test
    void serverErrorsBackOffExponentiallyWithJitter() {
        String caseId = fx.caseWithDevice("tok-500");
        fcm.script("tok-500", Reply.internal(), Reply.internal(), Reply.internal());
        fx.publish(CaseEvent.Type.REPLY, caseId);
        PushDispatcher dispatcher = fx.dispatcher(sender);
        Duration base = PushDispatcher.Settings.defaults().baseBackoff();

        List<Long> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            dispatcher.runOnce();
            OutboxDao.Row row = fx.outbox(caseId).get(0);
            long wait = row.notBefore() - fx.clock.millis();
            long ceiling = base.toMillis() << (attempt - 1);
            assertThat(wait).as("wait after failure " + attempt).isBetween(ceiling / 2, ceiling);
            waits.add(wait);
            assertThat(dispatcher.runOnce()).as("nothing before the wait is over").isZero();
            fx.advance(Duration.ofMillis(wait));
        }
        dispatcher.runOnce();

        assertThat(fx.outbox(caseId).get(0).state()).isEqualTo(OutboxDao.SENT);
        assertThat(fx.outbox(caseId).get(0).attempts()).isEqualTo(4);
        assertThat(fx.counter("gehoord.push.retried")).isEqualTo(3);
    }

    @Test
    void givesUpAfterABoundedTimeAndRecordsIt() {
        String caseId = fx.caseWithDevice("tok-down");
        fcm.byDefault(token -> Reply.unavailable(3600));
        fx.publish(CaseEvent.Type.REPLY, caseId);
        PushDispatcher dispatcher = fx.dispatcher(sender);

        for (int hour = 0; hour < 13; hour++) {
            dispatcher.runOnce();
            fx.advance(Duration.ofHours(1));
        }

        OutboxDao.Row row = fx.outbox(caseId).get(0);
        assertThat(row.state()).isEqualTo(OutboxDao.FAILED);
        assertThat(row.lastError()).isEqualTo("gave_up_UNAVAILABLE");
        assertThat(row.attempts()).as("hourly attempts from 0h to 12h").isEqualTo(13);
        assertThat(fx.counter("gehoord.push.failed", "reason", "gave_up")).isEqualTo(1);
        assertThat(fx.deviceToken(fx.outbox(caseId).get(0).recipientId())).contains("tok-down");
        assertThat(dispatcher.runOnce()).isZero();
    }

    @Test
    void unregisteredRemovesTheTokenAndNeverBlocksTheOthers() {
        String caseId = fx.newCase(false, null);
        String dead = fx.newDevice("tok-dead");
        fx.link(caseId, fx.newDevice("tok-alive-1"));
        fx.link(caseId, dead);
        fx.link(caseId, fx.newDevice("tok-alive-2"));
        fcm.script("tok-dead", Reply.unregistered());
        fx.publish(CaseEvent.Type.REPLY, caseId);

        fx.dispatcher(sender).runOnce();

        assertThat(fcm.received()).extracting(FakeFcm.Received::token)
                .containsExactlyInAnyOrder("tok-alive-1", "tok-alive-2");
        assertThat(fx.deviceToken(dead)).isEmpty();
        assertThat(fx.counter("gehoord.push.tokens.removed")).isEqualTo(1);
        assertThat(fx.outbox(caseId)).filteredOn(r -> r.recipientId().equals(dead))
                .singleElement().satisfies(r -> {
                    assertThat(r.state()).isEqualTo(OutboxDao.DROPPED);
                    assertThat(r.lastError()).isEqualTo("UNREGISTERED");
                });

        // The next push for that device is not even attempted.
        fx.publish(CaseEvent.Type.STATUS_CHANGED, caseId);
        fx.dispatcher(sender).runOnce();
        assertThat(fcm.receivedFor("tok-dead")).isEmpty();
        assertThat(fcm.requests()).isEqualTo(3 + 2);
    }

    @Test
    void invalidArgumentAboutTheTokenRemovesItButOtherInvalidArgumentsDoNot() {
        String caseId = fx.newCase(false, null);
        String badToken = fx.newDevice("tok-malformed");
        String badPayload = fx.newDevice("tok-bad-payload");
        fx.link(caseId, badToken);
        fx.link(caseId, badPayload);
        fcm.script("tok-malformed", Reply.invalidToken());
        fcm.script("tok-bad-payload", Reply.invalidPayload());
        fx.publish(CaseEvent.Type.REPLY, caseId);

        fx.dispatcher(sender).runOnce();

        assertThat(fx.deviceToken(badToken)).isEmpty();
        assertThat(fx.deviceToken(badPayload)).contains("tok-bad-payload");
        assertThat(fx.outbox(caseId)).filteredOn(r -> r.recipientId().equals(badPayload))
                .singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(OutboxDao.FAILED));
        assertThat(fx.counter("gehoord.push.tokens.removed")).isEqualTo(1);
    }

    @Test
    void noOtherErrorRemovesAToken() {
        List<Reply> replies = List.of(Reply.senderIdMismatch(), Reply.quotaExceeded(5), Reply.unavailable(300),
                Reply.internal(), new Reply(401, "{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\"}}",
                        java.util.Map.of()));
        String caseId = fx.newCase(false, null);
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            String device = fx.newDevice("tok-keep-" + i);
            devices.add(device);
            fx.link(caseId, device);
            fcm.script("tok-keep-" + i, replies.get(i));
        }
        fx.publish(CaseEvent.Type.REPLY, caseId);

        fx.dispatcher(sender).runOnce();

        for (int i = 0; i < devices.size(); i++) {
            assertThat(fx.deviceToken(devices.get(i))).as("token after " + replies.get(i).status())
                    .contains("tok-keep-" + i);
        }
        assertThat(fx.counter("gehoord.push.tokens.removed")).isZero();
    }

    @Test
    void aStaffTokenIsRemovedOnUnregistered() {
        String caseId = fx.newCase(false, PushFixture.TRUST);
        fx.staffToken(PushFixture.TRUST, "tok-staff-dead");
        fcm.script("tok-staff-dead", Reply.unregistered());
        fx.publish(CaseEvent.Type.YOUNG_PERSON_MESSAGE, caseId);

        fx.dispatcher(sender).runOnce();

        assertThat(fx.staffToken(PushFixture.TRUST)).isEmpty();
    }

    @Test
    void aTokenRegisteredMeanwhileIsNotRemoved() {
        String device = fx.newDevice("tok-old");
        String oldSealed = fx.db.read(h -> h.attach(PushTargetDao.class).device(device)).orElseThrow().pushTokenEnc();
        fx.db.writeVoid(h -> h.createUpdate("UPDATE devices SET push_token_enc = :t WHERE id = :id")
                .bind("t", fx.cipher.seal("tok-new", device, "pushToken")).bind("id", device).execute());

        int removed = fx.db.write(h -> h.attach(PushTargetDao.class).removeDeviceToken(device, oldSealed));

        assertThat(removed).isZero();
        assertThat(fx.deviceToken(device)).contains("tok-new");
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        String caseId = fx.caseWithDevice("tok-rollback");

        try {
            fx.db.writeVoid(h -> {
                fx.events.publish(h, CaseEvent.of(CaseEvent.Type.REPLY, caseId));
                throw new IllegalStateException("the change fails after its event was published");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertThat(fx.outbox(caseId)).isEmpty();
        assertThat(fx.dispatcher(sender).runOnce()).isZero();
        assertThat(fcm.requests()).isZero();
    }

    @Test
    void aDispatcherKilledMidBatchLosesNothingWhenRestarted() throws Exception {
        String caseId = fx.newCase(false, null);
        fx.linkNewDevices(caseId, "tok-crash-", 20);
        fx.publish(CaseEvent.Type.REPLY, caseId);
        // The first dispatcher hands half its batch to FCM, then hangs as if its process died: it never records.
        CountDownLatch halfSent = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        PushSender dying = new PushSender() {
            @Override
            public List<SendOutcome> send(List<PushMessage> messages) {
                sender.send(messages.subList(0, messages.size() / 2));
                halfSent.countDown();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("killed");
            }

            @Override
            public String name() {
                return "dying";
            }
        };
        ExecutorService crashed = Executors.newSingleThreadExecutor();
        Future<Integer> zombie = crashed.submit(fx.dispatcher(dying)::runOnce);
        assertThat(halfSent.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(fcm.received()).hasSize(10);

        PushDispatcher restarted = fx.dispatcher(sender);
        assertThat(restarted.runOnce()).as("the dead dispatcher's lease still holds").isZero();
        fx.advance(PushDispatcher.Settings.defaults().lease().plusSeconds(1));
        assertThat(restarted.runOnce()).isEqualTo(20);

        assertThat(fx.outbox(caseId)).hasSize(20).allMatch(r -> r.state().equals(OutboxDao.SENT));
        Set<String> delivered = new HashSet<>();
        fcm.received().forEach(r -> delivered.add(r.token()));
        assertThat(delivered).hasSize(20);

        // When the dead dispatcher wakes up, it cannot overwrite what the restarted one recorded.
        never.countDown();
        zombie.get(30, TimeUnit.SECONDS);
        crashed.shutdown();
        assertThat(fx.outbox(caseId)).allMatch(r -> r.state().equals(OutboxDao.SENT));
        assertThat(fx.pending()).isZero();
    }

    @Test
    void twoDispatchersNeverSendOneEventTwice() throws Exception {
        int total = 0;
        for (int c = 0; c < 4; c++) {
            String caseId = fx.newCase(false, null);
            fx.linkNewDevices(caseId, "tok-two-" + c + "-", 150);
            fx.publish(CaseEvent.Type.REPLY, caseId);
            fx.publish(CaseEvent.Type.STATUS_CHANGED, caseId);
            total += 300;
        }
        PushDispatcher.Settings small = new PushDispatcher.Settings(50, Duration.ofMinutes(10), Duration.ofHours(12),
                20, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofDays(7));
        List<PushDispatcher> dispatchers = List.of(fx.dispatcher(sender, small), fx.dispatcher(sender, small));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> handled = new ArrayList<>();
        for (PushDispatcher d : dispatchers) {
            handled.add(pool.submit(() -> {
                start.await();
                int sum = 0;
                for (int i = 0; i < 1000; i++) {
                    int n = d.runOnce();
                    if (n == 0 && fx.pending() == 0) {
                        break;
                    }
                    sum += n;
                }
                return sum;
            }));
        }
        start.countDown();
        int first = handled.get(0).get(2, TimeUnit.MINUTES);
        int second = handled.get(1).get(2, TimeUnit.MINUTES);
        pool.shutdown();

        assertThat(first + second).isEqualTo(total);
        assertThat(first).as("both dispatchers took part").isPositive();
        assertThat(second).as("both dispatchers took part").isPositive();
        List<FakeFcm.Received> received = fcm.received();
        assertThat(received).hasSize(total);
        assertThat(received.stream().map(FakeFcm.Received::pushId).distinct().count()).isEqualTo(total);
        assertThat(fx.pending()).isZero();
    }

    @Test
    void quietHoursHoldBackNonUrgentPushesAndCollapseThem() {
        // 23:00 in Amsterdam (UTC+1 in November).
        fx.at(Instant.parse("2026-11-23T22:00:00Z"));
        String calm = fx.newCase(false, null);
        fx.link(calm, fx.newDevice("tok-night", false, "nl", "22:00", "07:00"));
        String urgent = fx.newCase(true, null);
        fx.link(urgent, fx.newDevice("tok-night-urgent", false, "nl", "22:00", "07:00"));
        PushDispatcher dispatcher = fx.dispatcher(sender);

        for (int i = 0; i < 20; i++) {
            fx.publish(CaseEvent.Type.REPLY, calm);
            dispatcher.runOnce();
            fx.advance(Duration.ofMinutes(10));
        }
        fx.publish(CaseEvent.Type.REPLY, urgent);
        dispatcher.runOnce();

        assertThat(fcm.receivedFor("tok-night")).isEmpty();
        assertThat(fcm.receivedFor("tok-night-urgent")).hasSize(1);
        Instant seven = Instant.parse("2026-11-24T06:00:00Z");
        assertThat(fx.outbox(calm)).filteredOn(r -> r.state().equals(OutboxDao.PENDING))
                .singleElement().satisfies(r -> assertThat(r.notBefore()).isEqualTo(seven.toEpochMilli()));

        fx.at(seven.minusSeconds(1));
        assertThat(dispatcher.runOnce()).isZero();
        fx.at(seven);
        dispatcher.runOnce();

        assertThat(fcm.receivedFor("tok-night")).as("twenty replies in the night, one push in the morning")
                .hasSize(1);
        assertThat(fx.outbox(calm)).filteredOn(r -> r.state().equals(OutboxDao.COLLAPSED)).hasSize(19);
    }

    @Test
    void erasureDeletesTheCasesUndeliveredPushesAndEveryTraceOfWhoFollowedIt() {
        String caseId = fx.caseWithDevice("tok-erased");
        String other = fx.caseWithDevice("tok-other");
        PushDispatcher dispatcher = fx.dispatcher(sender);
        fx.publish(CaseEvent.Type.RECEIVED, caseId);
        dispatcher.runOnce();
        assertThat(fcm.receivedFor("tok-erased")).hasSize(1);
        fx.publish(CaseEvent.Type.REPLY, caseId);
        fx.publish(CaseEvent.Type.STATUS_CHANGED, caseId);
        fx.publish(CaseEvent.Type.REPLY, other);

        fx.publish(CaseEvent.Type.ERASED, caseId);
        dispatcher.runOnce();

        assertThat(fx.outbox(caseId)).as("sent and waiting rows alike").isEmpty();
        assertThat(fcm.receivedFor("tok-erased")).hasSize(1);
        assertThat(fcm.receivedFor("tok-other")).hasSize(1);
        assertThat(fx.outbox(other)).hasSize(1);
    }

    @Test
    void forgettingAPhoneDeletesItsOutboxRows() {
        String caseId = fx.newCase(false, null);
        String phone = fx.newDevice("tok-forget");
        fx.link(caseId, phone);
        fx.publish(CaseEvent.Type.REPLY, caseId);
        fx.dispatcher(sender).runOnce();
        fx.publish(CaseEvent.Type.STATUS_CHANGED, caseId);
        assertThat(fx.outbox(caseId)).hasSize(2);

        fx.db.writeVoid(h -> h.attach(nl.gehoord.intake.DeviceDao.class).delete(phone));

        assertThat(fx.outbox(caseId)).isEmpty();
        assertThat(fx.dispatcher(sender).runOnce()).isZero();
    }

    @Test
    void anUnreadableTokenIsDroppedWithoutHoldingUpItsBatch() {
        String caseId = fx.newCase(false, null);
        String broken = fx.newDevice("tok-unreadable");
        fx.link(caseId, broken);
        fx.link(caseId, fx.newDevice("tok-readable"));
        // Sealed for another device: opening it fails, as it would after losing the key it was sealed with.
        fx.db.writeVoid(h -> h.createUpdate("UPDATE devices SET push_token_enc = :t WHERE id = :id")
                .bind("t", fx.cipher.seal("tok-unreadable", "someone-else", "pushToken")).bind("id", broken).execute());
        fx.publish(CaseEvent.Type.REPLY, caseId);

        assertThat(fx.dispatcher(sender).runOnce()).isEqualTo(2);

        assertThat(fcm.received()).extracting(FakeFcm.Received::token).containsExactly("tok-readable");
        assertThat(fx.outbox(caseId)).filteredOn(r -> r.recipientId().equals(broken)).singleElement()
                .satisfies(r -> assertThat(r.lastError()).isEqualTo("unreadable"));
    }

    @Test
    void aPushWithoutATokenIsDroppedAndRecorded() {
        String caseId = fx.newCase(false, null);
        String device = fx.newDevice("tok-gone");
        fx.link(caseId, device);
        fx.db.writeVoid(h -> h.createUpdate("UPDATE devices SET push_token_enc = NULL WHERE id = :id")
                .bind("id", device).execute());
        fx.publish(CaseEvent.Type.REPLY, caseId);

        assertThat(fx.dispatcher(sender).runOnce()).isEqualTo(1);

        assertThat(fx.outbox(caseId).get(0).state()).isEqualTo(OutboxDao.DROPPED);
        assertThat(fx.outbox(caseId).get(0).lastError()).isEqualTo("no_token");
        assertThat(fcm.requests()).isZero();
    }
}
