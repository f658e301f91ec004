package nl.gehoord.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit log records who did what to which case, never content, and shows any tampering. */
class AuditLogTest {
    private TestServer server;
    private ApiClient api;

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @BeforeEach
    void start() {
        server = SHARED.server();
        api = server.client();
    }


    @Test
    void recordsReadsStatusChangesAndLoginsWithoutContentAndVerifies() {
        ApiClient phone = Journeys.newDevice(api);
        String caseId = Journeys.submitCase(phone, "Geheim verhaal voor de audit.");
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        trust.get("/v1/inbox/" + caseId);
        trust.post("/v1/inbox/" + caseId + "/messages", Map.of("text", "Geheim antwoord."));
        trust.post("/v1/inbox/" + caseId + "/status", Map.of("status", "closed", "explanation", "Geheime uitleg."));

        ApiClient admin = Journeys.staff(api, "admin@demo.local");
        JsonNode entries = admin.get("/v1/admin/audit").json().path("entries");
        assertThat(entries.findValuesAsText("action"))
                .contains("login", "case.read", "case.reply", "case.status");
        assertThat(entries.toString()).doesNotContain("Geheim").doesNotContain("trust@demo.local");
        JsonNode read = entries.findParents("action").stream().filter(e -> e.path("action").asText().equals("case.read"))
                .findFirst().orElseThrow();
        assertThat(read.path("actorId").asText()).isEqualTo("staff-demo-trust");
        assertThat(read.path("caseId").asText()).isEqualTo(caseId);

        JsonNode verified = admin.get("/v1/admin/audit/verify").json();
        assertThat(verified.path("intact").asBoolean()).isTrue();
        assertThat(verified.path("entries").asLong()).isEqualTo(entries.size());
    }

    @Test
    void theDatabaseRefusesChangesAndVerifyFindsARewrittenChain() {
        Journeys.staff(api, "trust@demo.local");
        Journeys.staff(api, "coordinator@demo.local");
        Journeys.staff(api, "council@demo.local");
        var db = server.app().database();
        assertThat(server.auditLog().verify(db).intact()).isTrue();
        assertThatThrownBy(() -> db.writeVoid(h -> h.execute("UPDATE audit_log SET action = 'x' WHERE seq = 2")))
                .as("append-only in the database itself").hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> db.writeVoid(h -> h.execute("DELETE FROM audit_log WHERE seq = 2")))
                .hasStackTraceContaining("append-only");

        // Someone with file access drops the guard and rewrites an entry: the chain shows it.
        db.writeVoid(h -> {
            h.execute("DROP TRIGGER audit_log_no_update");
            h.execute("UPDATE audit_log SET actor_id = 'staff-demo-admin' WHERE seq = 2");
        });
        AuditLog.Verification broken = server.auditLog().verify(db);
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBrokenSeq()).isEqualTo(2L);
        assertThat(broken.entries()).isEqualTo(1L);
    }

    @Test
    void theChainIsKeyedSoRewritingItWithoutTheKeyFileIsSeen() {
        Journeys.staff(api, "trust@demo.local");
        Journeys.staff(api, "trust@demo.local");
        var db = server.app().database();
        var entries = db.read(h -> h.attach(AuditDao.class).page(0, 10));
        assertThat(entries).hasSizeGreaterThanOrEqualTo(2);
        AuditLog log = server.auditLog();
        assertThat(entries.get(0).mac()).isEqualTo(log.mac(entries.get(0).seq(), entries.get(0).at(),
                entries.get(0).actorId(), entries.get(0).actorRole(), entries.get(0).action(), entries.get(0).caseId(),
                entries.get(0).targetId(), log.genesis()));
        assertThat(log.genesis()).as("the chain does not start from a value anyone knows").isNotEqualTo("0".repeat(64));

        // Someone who can write the database but has no key file rewrites an entry and re-chains with SHA-256,
        // as the unkeyed chain allowed: the keyed chain shows it.
        AuditDao.Entry second = entries.get(1);
        db.writeVoid(h -> {
            h.execute("DROP TRIGGER audit_log_no_update");
            h.createUpdate("UPDATE audit_log SET actor_id = 'staff-demo-admin', mac = :mac WHERE seq = 2")
                    .bind("mac", nl.gehoord.crypto.SecretHasher.sha256(second.toString())).execute();
        });
        AuditLog.Verification broken = log.verify(db);
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBrokenSeq()).isEqualTo(2L);
        // A different key file does not verify the real chain either.
        AuditLog otherKey = new AuditLog(server.clock(), nl.gehoord.crypto.KeyRing.loadOrCreate(
                server.dataDir().resolve("other-keys.json"), new java.security.SecureRandom()));
        assertThat(otherKey.verify(db).firstBrokenSeq()).isEqualTo(1L);
    }

    @Test
    void theHeadPrintedEarlierProvesLaterThatTheLogStillHoldsIt() {
        Journeys.staff(api, "trust@demo.local");
        var db = server.app().database();
        AuditLog log = server.auditLog();
        AuditLog.Verification first = log.verify(db);
        assertThat(first.intact()).isTrue();
        assertThat(first.head()).matches(first.entries() + ":[0-9a-f]{64}");
        Journeys.staff(api, "coordinator@demo.local");
        assertThat(log.verify(db, first.head()).intact()).as("more entries after the head are fine").isTrue();
        assertThat(log.verify(db, first.entries() + ":" + "a".repeat(64)).intact()).isFalse();
        assertThat(log.verify(db, (first.entries() + 50) + ":" + first.head().split(":")[1]).intact())
                .as("a head beyond the end: the tail was cut off").isFalse();
        assertThatThrownBy(() -> log.verify(db, "not-a-head")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void askingForAnotherTrustPersonLogsNoDeviceAndTheVerificationCarriesTheHead() {
        ApiClient phone = Journeys.newDevice(api);
        String caseId = Journeys.submitCase(phone, "Ik wil iemand anders.");
        String deviceId = server.app().database().read(h -> h.createQuery(
                "SELECT device_id FROM case_devices WHERE case_id = :c").bind("c", caseId).mapTo(String.class).one());
        assertThat(phone.post("/v1/cases/" + caseId + "/other-trust-person", Map.of()).status()).isLessThan(300);
        var rows = server.app().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE actor_id = :d OR target_id = :d OR case_id = :d")
                .bind("d", deviceId).mapTo(Integer.class).one());
        assertThat(rows).as("no audit entry names the phone").isZero();
        var entry = server.app().database().read(h -> h.attach(AuditDao.class).forCase(caseId)).stream()
                .filter(e -> e.action().equals("case.other_trust_person")).findFirst().orElseThrow();
        assertThat(entry.actorId()).isNull();
        assertThat(entry.actorRole()).isEqualTo("young_person");
        JsonNode verified = Journeys.staff(api, "admin@demo.local").get("/v1/admin/audit/verify").json();
        assertThat(verified.path("head").asText()).matches("[0-9]+:[0-9a-f]{64}");
    }
}
