package nl.gehoord.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.crypto.KeyRing;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.demo.DemoData;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.events.CaseEvents;
import nl.gehoord.intake.DeviceDao;
import nl.gehoord.push.Backoff;
import nl.gehoord.push.FcmSender;
import nl.gehoord.push.OutboxListener;
import nl.gehoord.push.PushComposer;
import nl.gehoord.push.PushDispatcher;
import nl.gehoord.push.PushMessage;
import nl.gehoord.push.PushMetrics;
import nl.gehoord.push.PushPolicy;
import nl.gehoord.push.PushTexts;
import nl.gehoord.testing.FakeFcm;
import nl.gehoord.testing.MutableClock;
import nl.gehoord.testing.TestServer;
import nl.gehoord.text.Messages;

/**
 * Outbox throughput against the fake FCM on loopback, next to a bare baseline in the same run: the same number of
 * messages handed straight to the Firebase Admin SDK's sendEach (500 a call) without the outbox. The difference is
 * what the outbox costs: writing rows with the events, claiming, composing (opening tokens) and recording.
 * Run with scripts/benchmark.sh; never part of mvn verify. Arguments: [pushes] [rounds].
 */
public final class OutboxThroughputBenchmark {
    private OutboxThroughputBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int pushes = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf(Locale.ROOT, "Outbox throughput: %d pushes a round, %d rounds (first round is warm-up)%n",
                pushes, rounds);
        System.out.printf(Locale.ROOT, "%-7s %-32s %10s %12s%n", "round", "what", "seconds", "pushes/s");
        try (FakeFcm fcm = FakeFcm.start()) {
            for (int round = 0; round <= rounds; round++) {
                String label = round == 0 ? "warm-up" : Integer.toString(round);
                print(label, "bare sendEach (no outbox)", bare(fcm, pushes), pushes);
                Result outbox = outbox(fcm, pushes);
                print(label, "outbox: write rows with events", outbox.enqueueSeconds(), pushes);
                print(label, "outbox: drain through dispatcher", outbox.drainSeconds(), pushes);
                print(label, "outbox: end to end", outbox.enqueueSeconds() + outbox.drainSeconds(), pushes);
                fcm.reset();
            }
        }
        System.exit(0);
    }

    private record Result(double enqueueSeconds, double drainSeconds) {
    }

    private static void print(String round, String what, double seconds, int pushes) {
        System.out.printf(Locale.ROOT, "%-7s %-32s %10.2f %12.0f%n", round, what, seconds, pushes / seconds);
    }

    private static double bare(FakeFcm fcm, int pushes) {
        MutableClock clock = new MutableClock(TestServer.START);
        try (FcmSender sender = fcm.sender(clock)) {
            List<PushMessage> all = new ArrayList<>(pushes);
            for (int i = 0; i < pushes; i++) {
                all.add(new PushMessage("bare-" + i, "bare-token-" + i,
                        Map.of("event", "reply", "caseId", "c", "pushId", "bare-" + i),
                        new PushMessage.VisibleText("Je hebt een nieuw bericht", "Open de app om het te lezen."),
                        "case-c", false));
            }
            long start = System.nanoTime();
            for (int from = 0; from < pushes; from += 500) {
                sender.send(all.subList(from, Math.min(pushes, from + 500)));
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static Result outbox(FakeFcm fcm, int pushes) throws IOException {
        Path dir = Files.createTempDirectory("gehoord-bench");
        MutableClock clock = new MutableClock(TestServer.START);
        SecureRandom random = new SecureRandom();
        Tokens tokens = new Tokens(random);
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("bench.db"));
             FcmSender sender = fcm.sender(clock)) {
            db.migrate();
            DemoData.seed(db, clock, TestServer.DEMO_PASSWORD);
            FieldCipher cipher = new FieldCipher(KeyRing.loadOrCreate(dir.resolve("keys.json"), random), random);
            CaseEvents events = new CaseEvents().listen(new OutboxListener(new PushPolicy(), tokens, clock, () -> { }));
            // One case per 10 devices, so an event writes 10 rows: like a case followed on a few phones, times many.
            List<String> cases = new ArrayList<>();
            db.writeVoid(h -> {
                long now = clock.millis();
                for (int i = 0; i < pushes; i++) {
                    if (i % 10 == 0) {
                        String caseId = tokens.id();
                        cases.add(caseId);
                        h.createUpdate("""
                                INSERT INTO cases (id, organisation_id, kind, setting, region_code, contact_preference,
                                                   urgent, status, flow_version, created_at, updated_at)
                                VALUES (:id, :org, 'complaint', 'residential', 'utrecht', 'app_message', FALSE,
                                        'received', 1, :now, :now)
                                """).bind("id", caseId).bind("org", DemoData.ORGANISATION_ID).bind("now", now).execute();
                    }
                    String deviceId = tokens.id();
                    h.attach(DeviceDao.class).insert(new DeviceDao.DeviceRow(deviceId, tokens.bearerToken(), "android",
                            "nl", cipher.seal("bench-token-" + i, deviceId, "pushToken"), false, null, null, now, now));
                    h.createUpdate("INSERT INTO case_devices (case_id, device_id, linked_at) VALUES (:c, :d, :t)")
                            .bind("c", cases.get(cases.size() - 1)).bind("d", deviceId).bind("t", now).execute();
                }
            });
            long start = System.nanoTime();
            for (String caseId : cases) {
                db.writeVoid(h -> events.publish(h, CaseEvent.of(CaseEvent.Type.REPLY, caseId)));
            }
            double enqueue = (System.nanoTime() - start) / 1e9;
            PushDispatcher.Settings settings = PushDispatcher.Settings.defaults();
            PushDispatcher dispatcher = new PushDispatcher(db, sender,
                    new PushComposer(cipher, new PushTexts(new Messages())),
                    new PushMetrics(new SimpleMeterRegistry(), clock),
                    new Backoff(settings.baseBackoff(), settings.maxBackoff(), new Random(1)), tokens, clock, settings);
            start = System.nanoTime();
            int sent = 0;
            int handled;
            while ((handled = dispatcher.runOnce()) > 0) {
                sent += handled;
            }
            double drain = (System.nanoTime() - start) / 1e9;
            if (sent != pushes || fcm.received().size() < pushes) {
                throw new IllegalStateException("expected " + pushes + " pushes, dispatched " + sent);
            }
            return new Result(enqueue, drain);
        }
    }
}
