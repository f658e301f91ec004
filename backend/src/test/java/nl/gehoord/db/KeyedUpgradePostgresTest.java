package nl.gehoord.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.gehoord.testing.Postgres;
import nl.gehoord.testing.TestServer;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The PostgreSQL side of the start-up upgrade: the old audit chain re-chained with the key, canned replies sealed. */
class KeyedUpgradePostgresTest {
    @Test
    void anOldAuditLogAndPlainCannedRepliesAreUpgradedOnPostgres() throws Exception {
        String url = Postgres.freshDatabaseUrl();
        Flyway.configure().dataSource(url, null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").target("32").load()
                .migrate();
        Jdbi.create(url).useHandle(h -> {
            h.execute("INSERT INTO organisations (id, name, created_at) VALUES ('org-old', 'Oud', 0)");
            h.execute("INSERT INTO canned_replies (id, organisation_id, title, body, created_at, updated_at) "
                    + "VALUES ('c1', 'org-old', 'Voor Noor', 'Hoi Noor.', 0, 0)");
            h.execute("INSERT INTO audit_log (seq, at, actor_id, actor_role, action, case_id, target_id, prev_hash, hash)"
                    + " VALUES (1, 0, 'staff-old', 'trust_person', 'case.read', 'case-old', NULL, 'p', 'h1')");
            h.execute("INSERT INTO audit_log (seq, at, actor_id, actor_role, action, case_id, target_id, prev_hash, hash)"
                    + " VALUES (2, 1, 'dev-old', 'device', 'case.other_trust_person', 'case-old', NULL, 'h1', 'h2')");
        });
        Path dir = Files.createTempDirectory("gehoord-pg-upgrade");
        try (TestServer server = TestServer.startIn(dir, Map.of("GEHOORD_DATABASE_URL", url))) {
            Database db = server.app().database();
            List<Map<String, Object>> audit = db.read(h -> h.createQuery(
                    "SELECT actor_id, actor_role, mac FROM audit_log WHERE seq <= 2 ORDER BY seq").mapToMap().list());
            assertThat(audit.get(1).get("actor_id")).isNull();
            assertThat(audit.get(1).get("actor_role")).isEqualTo("young_person");
            assertThat(audit).allSatisfy(e -> assertThat((String) e.get("mac")).hasSize(64));
            assertThat(server.auditLog().verify(db).intact()).isTrue();
            assertThatThrownBy(() -> db.writeVoid(h -> h.execute("UPDATE audit_log SET mac = 'x' WHERE seq = 1")))
                    .as("a MAC, once set, cannot be changed").hasStackTraceContaining("append-only");
            Map<String, Object> canned = db.read(h -> h.createQuery("SELECT * FROM canned_replies WHERE id = 'c1'")
                    .mapToMap().one());
            assertThat(canned.get("title")).isNull();
            assertThat((String) canned.get("title_enc")).startsWith("v2.");
        }
    }
}
