package nl.gehoord.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.gehoord.config.RetentionSettings;
import nl.gehoord.db.Database;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.events.CaseEvents;
import nl.gehoord.sla.WorkingDays;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetentionJobTest {
    private TestServer server;
    private ApiClient client;
    private Database db;
    private final List<CaseEvent> published = new ArrayList<>();
    private RetentionJob job;

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @BeforeEach
    void start() {
        server = SHARED.server();
        client = server.client();
        db = server.app().database();
        CaseEvents events = new CaseEvents().listen((h, e) -> published.add(e));
        job = new RetentionJob(db, events, RetentionSettings.defaults());
    }


    @Test
    void erasesContentOfCasesFinishedLongerAgoThanTheRetentionPeriodAndNothingElse() {
        ApiClient device = Journeys.newDevice(client);
        String oldWithdrawn = Journeys.submitCase(device, "Een oud verhaal dat weg moet.");
        device.post("/v1/cases/" + oldWithdrawn + "/messages", Map.of("text", "Een oud bericht."));
        assertThat(device.post("/v1/cases/" + oldWithdrawn + "/withdraw", null).status()).isEqualTo(200);
        String stillOpen = Journeys.submitCase(device, "Een open zaak blijft staan.");

        server.clock().advance(Duration.ofDays(200));
        ApiClient later = Journeys.newDevice(client);
        String recentWithdrawn = Journeys.submitCase(later, "Pas gestopt, nog bewaren.");
        assertThat(later.post("/v1/cases/" + recentWithdrawn + "/withdraw", null).status()).isEqualTo(200);

        // Just before twelve months since the first case closed: nothing goes yet.
        Instant twelveMonths = ZonedDateTime.ofInstant(TestServer.START, WorkingDays.ZONE).plusMonths(12).toInstant();
        assertThat(job.run(twelveMonths.minusSeconds(60)).casesErased()).isZero();
        assertThat(storyOf(oldWithdrawn)).isNotNull();

        RetentionJob.Report report = job.run(twelveMonths.plusSeconds(60));

        assertThat(report.casesErased()).isEqualTo(1);
        assertThat(storyOf(oldWithdrawn)).isNull();
        int messages = db.read(h -> h.createQuery("SELECT COUNT(*) FROM case_messages WHERE case_id = :id")
                .bind("id", oldWithdrawn).mapTo(Integer.class).one());
        assertThat(messages).isZero();
        Long erasedAt = db.read(h -> h.createQuery("SELECT erased_at FROM cases WHERE id = :id")
                .bind("id", oldWithdrawn).mapTo(Long.class).one());
        assertThat(erasedAt).isNotNull();
        // The coded facts statistics count stay.
        String kind = db.read(h -> h.createQuery("SELECT kind FROM cases WHERE id = :id").bind("id", oldWithdrawn)
                .mapTo(String.class).one());
        assertThat(kind).isEqualTo("complaint");
        assertThat(storyOf(stillOpen)).isNotNull();
        assertThat(storyOf(recentWithdrawn)).isNotNull();
        assertThat(published).containsExactly(CaseEvent.of(CaseEvent.Type.ERASED, oldWithdrawn));

        // A second run finds nothing more to do.
        assertThat(job.run(twelveMonths.plusSeconds(120)).casesErased()).isZero();
        assertThat(published).hasSize(1);
    }

    @Test
    void removesAppInstallsUnusedForTheConfiguredPeriodButKeepsTheirCases() {
        ApiClient idle = Journeys.newDevice(client);
        String caseId = Journeys.submitCase(idle, "Mijn telefoon raakte ik kwijt.");
        server.clock().advance(Duration.ofDays(300));
        ApiClient active = Journeys.newDevice(client);
        server.clock().advance(Duration.ofDays(66));
        assertThat(active.get("/v1/devices/me").status()).isEqualTo(200);

        RetentionJob.Report report = job.run(server.clock().instant());

        assertThat(report.devicesRemoved()).isEqualTo(1);
        assertThat(idle.get("/v1/devices/me").status()).isEqualTo(401);
        assertThat(active.get("/v1/devices/me").status()).isEqualTo(200);
        assertThat(storyOf(caseId)).isNotNull();
    }

    @Test
    void removesExpiredStaffSessionsAndOldIdempotencyRecords() {
        Journeys.staff(client, "trust@demo.local");
        Journeys.submitCase(Journeys.newDevice(client), "Iets voor de sleutel.");
        assertThat(count("staff_sessions")).isOne();
        assertThat(count("idempotency_keys")).isOne();

        RetentionJob.Report soon = job.run(server.clock().instant().plus(Duration.ofMinutes(10)));
        assertThat(soon.sessionsRemoved()).isZero();
        assertThat(soon.idempotencyRemoved()).isZero();

        RetentionJob.Report later = job.run(server.clock().instant().plus(Duration.ofDays(8)));
        assertThat(later.sessionsRemoved()).isEqualTo(1);
        assertThat(later.idempotencyRemoved()).isEqualTo(1);
        assertThat(count("staff_sessions")).isZero();
        assertThat(count("idempotency_keys")).isZero();
    }

    @Test
    void honoursAShorterConfiguredPeriod() {
        try (TestServer shortRetention = TestServer.start(Map.of("GEHOORD_RETENTION_CASE_MONTHS", "1"))) {
            ApiClient device = Journeys.newDevice(shortRetention.client());
            String caseId = Journeys.submitCase(device, "Kort bewaren.");
            device.post("/v1/cases/" + caseId + "/withdraw", null);
            RetentionJob configured = shortRetention.app().retention();
            assertThat(configured.run(TestServer.START.plus(Duration.ofDays(20))).casesErased()).isZero();
            assertThat(configured.run(TestServer.START.plus(Duration.ofDays(32))).casesErased()).isEqualTo(1);
        }
    }

    @Test
    void theDailyRunIsAtTheConfiguredAmsterdamTime() {
        Instant monday = TestServer.START; // 10:00 in Amsterdam
        assertThat(RetentionScheduler.nextRun(monday, LocalTime.of(3, 30)))
                .isEqualTo(Instant.parse("2026-11-24T02:30:00Z"));
        assertThat(RetentionScheduler.nextRun(monday, LocalTime.of(23, 0)))
                .isEqualTo(Instant.parse("2026-11-23T22:00:00Z"));
        // Summer time: 03:30 in Amsterdam is 01:30 UTC.
        assertThat(RetentionScheduler.nextRun(Instant.parse("2026-07-01T12:00:00Z"), LocalTime.of(3, 30)))
                .isEqualTo(Instant.parse("2026-07-02T01:30:00Z"));
    }

    private String storyOf(String caseId) {
        return db.read(h -> h.createQuery("SELECT story_enc FROM cases WHERE id = :id").bind("id", caseId)
                .mapTo(String.class).findOne().orElse(null));
    }

    private int count(String table) {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }
}
