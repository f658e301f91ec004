package nl.gehoord.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.crypto.KeyRing;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.testing.TestServer;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A database from before rows were bound, canned replies sealed and the audit chain keyed is upgraded at the first
 * start: every old row opens bound to its row, canned replies are sealed and their plain text gone, the audit log
 * names no phone and verifies under the key, and old request digests are gone. A crash half-way is picked up
 * where it stopped, and an unbound value slipped in afterwards is refused, not re-bound.
 */
class KeyedUpgradeTest {
    @Test
    void theFirstStartUpgradesOldRowsOnceAndRefusesUnboundValuesAfterwards() throws Exception {
        Path dir = Files.createTempDirectory("gehoord-upgrade");
        KeyRing keys = KeyRing.loadOrCreate(dir.resolve("keys.json"), new SecureRandom());
        FieldCipher cipher = new FieldCipher(keys, new SecureRandom());
        String url = "jdbc:sqlite:" + dir.resolve("gehoord.db");
        Flyway.configure().dataSource(url, null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite").target("32").load()
                .migrate();
        Jdbi old = Jdbi.create(url);
        old.useHandle(h -> {
            h.execute("INSERT INTO organisations (id, name, created_at) VALUES ('org-old', 'Oud', 0)");
            h.execute("INSERT INTO regions (code, name, municipality, organisation_id) VALUES ('OLD', 'Oud', 'Oud', "
                    + "'org-old')");
            h.execute("INSERT INTO staff (id, organisation_id, email, display_name, role, password_hash, created_at) "
                    + "VALUES ('staff-old', 'org-old', 'oud@example.nl', 'Oud', 'trust_person', 'x', 0)");
            h.execute("INSERT INTO devices (id, token_hash, platform, locale, created_at, last_seen_at) "
                    + "VALUES ('dev-old', 'th', 'android', 'nl', 0, 0)");
            h.execute("INSERT INTO cases (id, organisation_id, kind, setting, region_code, contact_preference, urgent, "
                    + "status, flow_version, assigned_staff_id, created_at, updated_at) VALUES ('case-old', 'org-old', "
                    + "'complaint', 'group_home', 'OLD', 'app', FALSE, 'assigned', 1, 'staff-old', 0, 0)");
            h.createUpdate("UPDATE cases SET story_enc = :v, key_id = 'k1' WHERE id = 'case-old'")
                    .bind("v", v1(keys, "Een oud verhaal.", "case-old", "story")).execute();
            h.execute("INSERT INTO case_devices (case_id, device_id, linked_at) VALUES ('case-old', 'dev-old', 0)");
            h.createUpdate("INSERT INTO case_messages (id, case_id, seq, author, staff_id, key_id, body_enc, created_at)"
                    + " VALUES ('m1', 'case-old', 1, 'young_person', NULL, 'k1', :v, 0)")
                    .bind("v", v1(keys, "Oud bericht.", "case-old", "message")).execute();
            // Already bound by a start that crashed half-way.
            h.createUpdate("INSERT INTO case_messages (id, case_id, seq, author, staff_id, key_id, body_enc, created_at)"
                    + " VALUES ('m2', 'case-old', 2, 'trust_person', 'staff-old', 'k1', :v, 0)")
                    .bind("v", cipher.seal("Oud antwoord.", "case-old", "message", "m2", "trust_person", "staff-old"))
                    .execute();
            h.createUpdate("INSERT INTO case_notes (id, case_id, staff_id, key_id, body_enc, created_at)"
                    + " VALUES ('n1', 'case-old', 'staff-old', 'k1', :v, 0)")
                    .bind("v", v1(keys, "Oude notitie.", "case-old", "note")).execute();
            h.createUpdate("INSERT INTO case_events (id, case_id, seq, type, status, key_id, explanation_enc, created_at)"
                    + " VALUES ('e1', 'case-old', 1, 'status_changed', 'assigned', 'k1', :v, 0)")
                    .bind("v", v1(keys, "Oude uitleg.", "case-old", "explanation")).execute();
            h.execute("INSERT INTO canned_replies (id, organisation_id, title, body, created_at, updated_at) "
                    + "VALUES ('c1', 'org-old', 'Voor Noor', 'Hoi Noor, tot morgen.', 0, 0)");
            h.createUpdate("INSERT INTO idempotency_keys (device_id, key_hash, request_hash, case_id, created_at) "
                    + "VALUES ('dev-old', 'kh', :hash, 'case-old', 0)")
                    .bind("hash", SecretHasher.sha256("{\"story\":\"Mijn nummer is 0612345678\"}")).execute();
            h.execute("INSERT INTO audit_log (seq, at, actor_id, actor_role, action, case_id, target_id, prev_hash, hash)"
                    + " VALUES (1, 0, 'staff-old', 'trust_person', 'case.read', 'case-old', NULL, 'p', 'h1')");
            h.execute("INSERT INTO audit_log (seq, at, actor_id, actor_role, action, case_id, target_id, prev_hash, hash)"
                    + " VALUES (2, 1, 'dev-old', 'device', 'case.other_trust_person', 'case-old', NULL, 'h1', 'h2')");
        });

        try (TestServer server = TestServer.startIn(dir, Map.of())) {
            Database db = server.app().database();
            assertThat(open(db, cipher, "m1")).isEqualTo("Oud bericht.");
            String story = db.read(h -> h.createQuery("SELECT story_enc FROM cases WHERE id = 'case-old'")
                    .mapTo(String.class).one());
            assertThat(story).as("re-sealed padded").startsWith("v2.");
            assertThat(cipher.open(story, "case-old", "story")).isEqualTo("Een oud verhaal.");
            assertThat(open(db, cipher, "m2")).isEqualTo("Oud antwoord.");
            String note = db.read(h -> h.createQuery("SELECT body_enc FROM case_notes WHERE id = 'n1'")
                    .mapTo(String.class).one());
            assertThat(cipher.open(note, "case-old", "note", "n1", "staff-old")).isEqualTo("Oude notitie.");
            String explanation = db.read(h -> h.createQuery("SELECT explanation_enc FROM case_events WHERE id = 'e1'")
                    .mapTo(String.class).one());
            assertThat(cipher.open(explanation, "case-old", "explanation", "e1")).isEqualTo("Oude uitleg.");

            Map<String, Object> canned = db.read(h -> h.createQuery("SELECT * FROM canned_replies WHERE id = 'c1'")
                    .mapToMap().one());
            assertThat(canned.get("title")).isNull();
            assertThat(canned.get("body")).isNull();
            assertThat(cipher.open((String) canned.get("body_enc"), "org-old", "cannedBody", "c1"))
                    .isEqualTo("Hoi Noor, tot morgen.");

            List<Map<String, Object>> audit = db.read(h -> h.createQuery(
                    "SELECT actor_id, actor_role FROM audit_log WHERE seq <= 2 ORDER BY seq").mapToMap().list());
            assertThat(audit.get(1).get("actor_id")).as("the phone is gone from the log").isNull();
            assertThat(audit.get(1).get("actor_role")).isEqualTo("young_person");
            assertThat(server.auditLog().verify(db).intact()).as("re-chained with the key").isTrue();

            String requestHash = db.read(h -> h.createQuery(
                    "SELECT request_hash FROM idempotency_keys WHERE key_hash = 'kh'").mapTo(String.class).one());
            assertThat(requestHash).isEqualTo("unkeyed");
            List<String> done = db.read(h -> h.createQuery("SELECT name FROM keyed_upgrades ORDER BY name")
                    .mapTo(String.class).list());
            assertThat(done).containsExactly("audit_chain_keyed", "sealed_rows_bound");

            // Someone slips an unbound value into another row after the upgrade.
            db.writeVoid(h -> h.createUpdate("UPDATE case_messages SET body_enc = :v WHERE id = 'm2'")
                    .bind("v", v1(keys, "Ondergeschoven.", "case-old", "message")).execute());
        }
        try (TestServer server = TestServer.startIn(dir, Map.of())) {
            Database db = server.app().database();
            String slipped = db.read(h -> h.createQuery("SELECT body_enc FROM case_messages WHERE id = 'm2'")
                    .mapTo(String.class).one());
            assertThat(slipped).as("not re-bound by a later start").startsWith("v1.");
            assertThatThrownBy(() -> open(db, cipher, "m2")).isInstanceOf(IllegalStateException.class);
        }
    }

    private static String open(Database db, FieldCipher cipher, String id) {
        Map<String, Object> m = db.read(h -> h.createQuery("SELECT * FROM case_messages WHERE id = :id")
                .bind("id", id).mapToMap().one());
        return cipher.open((String) m.get("body_enc"), (String) m.get("case_id"), "message", id,
                (String) m.get("author"), (String) m.get("staff_id"));
    }

    private static String v1(KeyRing keys, String plain, String owner, String field) {
        try {
            return nl.gehoord.crypto.FieldCipherTestAccess.sealV1(keys, plain, "gehoord:v1:" + owner + ":" + field);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
