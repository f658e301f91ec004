package nl.gehoord.push;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.crypto.KeyRing;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.demo.DemoData;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.events.CaseEvents;
import nl.gehoord.intake.DeviceDao;
import nl.gehoord.testing.MutableClock;
import nl.gehoord.testing.TemplateData;
import nl.gehoord.testing.TestServer;
import nl.gehoord.text.Messages;

/**
 * The push parts wired as App wires them, on a real SQLite file with the demo data, without the HTTP server and
 * without the background worker: tests publish events in transactions and run dispatcher batches themselves.
 */
final class PushFixture implements AutoCloseable {
    static final String TRUST = "staff-demo-trust";
    static final String COORDINATOR = "staff-demo-coordinator";
    /** A sealed story, to prove it never reaches a push. */
    static final String STORY = "Mijn begeleider pakte mijn telefoon af";

    final Path dir;
    final Database db;
    final MutableClock clock = new MutableClock(TestServer.START);
    final SecureRandom random = new SecureRandom();
    final Tokens tokens = new Tokens(random);
    final FieldCipher cipher;
    final Messages messages = new Messages();
    final CaseEvents events = new CaseEvents();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final PushMetrics metrics = new PushMetrics(meters, clock);

    PushFixture() {
        this(null);
    }

    /** On an existing database (for instance PostgreSQL); null makes a new SQLite file. */
    PushFixture(String jdbcUrl) {
        try {
            dir = Files.createTempDirectory("gehoord-push");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (jdbcUrl == null) {
            TemplateData.copyInto(dir); // migrated and seeded once per run
        }
        db = Database.open(jdbcUrl != null ? jdbcUrl : "jdbc:sqlite:" + dir.resolve("gehoord.db"));
        db.migrate();
        DemoData.seed(db, clock, TestServer.DEMO_PASSWORD);
        cipher = new FieldCipher(KeyRing.loadOrCreate(dir.resolve("keys.json"), random), random);
        events.listen(new OutboxListener(new PushPolicy(), tokens, clock, () -> { }));
    }

    PushDispatcher dispatcher(PushSender sender) {
        return dispatcher(sender, PushDispatcher.Settings.defaults());
    }

    PushDispatcher dispatcher(PushSender sender, PushDispatcher.Settings settings) {
        return new PushDispatcher(db, sender, new PushComposer(cipher, new PushTexts(messages)), metrics,
                new Backoff(settings.baseBackoff(), settings.maxBackoff(), new Random(7)), tokens, clock, settings);
    }

    String newCase(boolean urgent, String assignedStaffId) {
        String id = tokens.id();
        long now = clock.millis();
        db.writeVoid(h -> h.createUpdate("""
                INSERT INTO cases (id, organisation_id, kind, setting, region_code, contact_preference, urgent, status,
                                   flow_version, assigned_staff_id, key_id, story_enc, created_at, updated_at)
                VALUES (:id, :org, 'complaint', 'residential', 'utrecht', 'app_message', :urgent, :status, 1, :staff,
                        :keyId, :story, :now, :now)
                """).bind("id", id).bind("org", DemoData.ORGANISATION_ID).bind("urgent", urgent)
                .bind("status", assignedStaffId == null ? "received" : "assigned").bind("staff", assignedStaffId)
                .bind("keyId", cipher.activeKeyId()).bind("story", cipher.seal(STORY, id, "story"))
                .bind("now", now).execute());
        return id;
    }

    String newDevice(String pushToken, boolean discreet, String locale, String quietStart, String quietEnd) {
        String id = tokens.id();
        long now = clock.millis();
        db.writeVoid(h -> h.attach(DeviceDao.class).insert(new DeviceDao.DeviceRow(id, tokens.bearerToken(), "android",
                locale, cipher.seal(pushToken, id, "pushToken"), discreet, quietStart, quietEnd, now, now)));
        return id;
    }

    String newDevice(String pushToken) {
        return newDevice(pushToken, false, "nl", null, null);
    }

    /** Many devices with tokens prefix0..prefix(n-1), linked to the case, in one transaction. */
    void linkNewDevices(String caseId, String tokenPrefix, int n) {
        long now = clock.millis();
        db.writeVoid(h -> {
            DeviceDao devices = h.attach(DeviceDao.class);
            for (int i = 0; i < n; i++) {
                String id = tokens.id();
                devices.insert(new DeviceDao.DeviceRow(id, tokens.bearerToken(), "android", "nl",
                        cipher.seal(tokenPrefix + i, id, "pushToken"), false, null, null, now, now));
                h.createUpdate("INSERT INTO case_devices (case_id, device_id, linked_at) VALUES (:c, :d, :t)")
                        .bind("c", caseId).bind("d", id).bind("t", now).execute();
            }
        });
    }

    void link(String caseId, String deviceId) {
        db.writeVoid(h -> h.createUpdate("INSERT INTO case_devices (case_id, device_id, linked_at) VALUES (:c, :d, :t)")
                .bind("c", caseId).bind("d", deviceId).bind("t", clock.millis()).execute());
    }

    /** A case with one linked device holding this token. */
    String caseWithDevice(String pushToken) {
        String caseId = newCase(false, null);
        link(caseId, newDevice(pushToken));
        return caseId;
    }

    void staffToken(String staffId, String token) {
        db.writeVoid(h -> h.attach(nl.gehoord.staff.StaffDao.class)
                .setPushToken(staffId, cipher.seal(token, staffId, "pushToken")));
    }

    Optional<String> staffToken(String staffId) {
        return db.read(h -> h.attach(PushTargetDao.class).staffToken(staffId))
                .map(sealed -> cipher.open(sealed, staffId, "pushToken"));
    }

    Optional<String> deviceToken(String deviceId) {
        return db.read(h -> h.attach(PushTargetDao.class).device(deviceId))
                .map(PushTargetDao.DeviceTarget::pushTokenEnc).map(sealed -> cipher.open(sealed, deviceId, "pushToken"));
    }

    void publish(CaseEvent.Type type, String caseId) {
        publish(new CaseEvent(type, caseId, null));
    }

    void publish(CaseEvent event) {
        db.writeVoid(h -> events.publish(h, event));
    }

    java.util.List<OutboxDao.Row> outbox(String caseId) {
        return db.read(h -> h.attach(OutboxDao.class).forCase(caseId));
    }

    long pending() {
        return db.read(h -> h.attach(OutboxDao.class).depth()).pending();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    void at(Instant instant) {
        clock.set(instant);
    }

    double counter(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Runs batches until nothing is due (bounded). */
    int drain(PushDispatcher dispatcher) {
        int total = 0;
        for (int i = 0; i < 100; i++) {
            int handled = dispatcher.runOnce();
            if (handled == 0) {
                return total;
            }
            total += handled;
        }
        throw new AssertionError("the outbox did not drain");
    }

    @Override
    public void close() {
        db.close();
    }
}
