package nl.gehoord.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import nl.gehoord.audit.AuditLog;
import nl.gehoord.db.Dialect;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.Postgres;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The inbox's SQL (flags, paging, the audit chain and its guard, SLA arithmetic) on a real PostgreSQL. */
class InboxPostgresTest {
    @Test
    void theTrustPersonsSideRunsOnPostgres() throws IOException {
        String url = Postgres.seededDatabaseUrl();
        Path dir = Files.createTempDirectory("gehoord-pg-inbox");
        try (TestServer server = TestServer.startIn(dir, Map.of("GEHOORD_DATABASE_URL", url))) {
            assertThat(server.app().database().dialect()).isEqualTo(Dialect.POSTGRESQL);
            server.app().slaScheduler().close(); // the test runs the pass itself
            ApiClient api = server.client();
            ApiClient phone = Journeys.newDevice(api);
            String first = Journeys.submitCase(phone, "Op PostgreSQL.");
            String second = Journeys.submitCase(phone, "Nog een op PostgreSQL.");
            ApiClient trust = Journeys.staff(api, "trust@demo.local");
            var page = trust.get("/v1/inbox?limit=1").json();
            assertThat(page.path("cases")).hasSize(1);
            var next = trust.get("/v1/inbox?limit=1&cursor=" + page.path("nextCursor").asText()).json();
            assertThat(next.path("cases").get(0).path("caseId").asText())
                    .isNotEqualTo(page.path("cases").get(0).path("caseId").asText()).isIn(first, second);
            assertThat(trust.get("/v1/inbox/" + first).json().path("story").asText()).isEqualTo("Op PostgreSQL.");
            assertThat(trust.post("/v1/inbox/" + first + "/messages", Map.of("text", "Hoi.")).status()).isEqualTo(201);
            assertThat(trust.post("/v1/inbox/" + first + "/status", Map.of("status", "resolved",
                    "explanation", "Opgelost.")).status()).isEqualTo(200);
            assertThat(trust.get("/v1/inbox?urgent=false&overdue=false").json().path("cases")).hasSize(1);
            ApiClient coordinator = Journeys.staff(api, "coordinator@demo.local");
            assertThat(coordinator.get("/v1/queue?scope=team").json().path("cases")).hasSize(1);
            // The V13 list shapes (open, one status, all, urgent range, the unassigned queue) on PostgreSQL.
            assertThat(trust.get("/v1/inbox?status=resolved").json().path("cases").findValuesAsText("caseId"))
                    .containsExactly(first);
            assertThat(trust.get("/v1/inbox?status=all").json().path("cases").findValuesAsText("caseId"))
                    .containsExactly(second, first);
            var all = trust.get("/v1/inbox?status=all&limit=1").json();
            assertThat(trust.get("/v1/inbox?status=all&limit=1&cursor=" + all.path("nextCursor").asText()).json()
                    .path("cases").findValuesAsText("caseId")).containsExactly(first);
            assertThat(trust.get("/v1/inbox?urgent=true").json().path("cases")).isEmpty();
            assertThat(coordinator.get("/v1/queue").json().path("cases")).isEmpty();

            server.clock().set(Instant.parse("2026-11-25T09:00:00Z"));
            assertThat(server.app().slaScheduler().runOnce()).isEqualTo(2);
            assertThat(server.auditLog().verify(server.app().database()).intact()).isTrue();
            assertThatThrownBy(() -> server.app().database().writeVoid(h -> h.execute("DELETE FROM audit_log")))
                    .hasStackTraceContaining("append-only");
        }
    }
}
