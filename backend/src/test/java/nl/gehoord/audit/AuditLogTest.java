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
        assertThat(AuditLog.verify(db).intact()).isTrue();
        assertThatThrownBy(() -> db.writeVoid(h -> h.execute("UPDATE audit_log SET action = 'x' WHERE seq = 2")))
                .as("append-only in the database itself").hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> db.writeVoid(h -> h.execute("DELETE FROM audit_log WHERE seq = 2")))
                .hasStackTraceContaining("append-only");

        // Someone with file access drops the guard and rewrites an entry: the chain shows it.
        db.writeVoid(h -> {
            h.execute("DROP TRIGGER audit_log_no_update");
            h.execute("UPDATE audit_log SET actor_id = 'staff-demo-admin' WHERE seq = 2");
        });
        AuditLog.Verification broken = AuditLog.verify(db);
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBrokenSeq()).isEqualTo(2L);
        assertThat(broken.entries()).isEqualTo(1L);
    }

    @Test
    void theChainLinksEachEntryToThePreviousOne() {
        Journeys.staff(api, "trust@demo.local");
        Journeys.staff(api, "trust@demo.local");
        var entries = server.app().database().read(h -> h.attach(AuditDao.class).page(0, 10));
        assertThat(entries).hasSizeGreaterThanOrEqualTo(2);
        assertThat(entries.get(0).prevHash()).isEqualTo(AuditLog.GENESIS);
        assertThat(entries.get(1).prevHash()).isEqualTo(entries.get(0).hash());
        assertThat(entries.get(1).hash()).isEqualTo(AuditLog.hash(entries.get(1).seq(), entries.get(1).at(),
                entries.get(1).actorId(), entries.get(1).actorRole(), entries.get(1).action(), entries.get(1).caseId(),
                entries.get(1).targetId(), entries.get(0).hash()));
    }
}
