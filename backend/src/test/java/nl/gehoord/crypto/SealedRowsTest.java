package nl.gehoord.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import nl.gehoord.db.Database;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sealed rows stay where they were written: a message, a timeline explanation or a note moved to another row of
 * the same case fails to open; canned replies are sealed; and the idempotency record keeps no unkeyed digest.
 */
class SealedRowsTest {
    private static TestServer server;
    private static ApiClient api;
    private static Database db;
    private static FieldCipher cipher;

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @BeforeAll
    static void start() {
        server = SHARED.server();
        api = server.client();
        db = server.app().database();
        cipher = new FieldCipher(KeyRing.loadOrCreate(server.settings().keyFile(), new SecureRandom()),
                new SecureRandom());
    }

    @Test
    void aYoungPersonsMessageMovedToTheTrustPersonsRowFailsToOpen() {
        ApiClient phone = Journeys.newDevice(api);
        String caseId = Journeys.submitCase(phone, "Verhaal voor de wissel.");
        phone.post("/v1/cases/" + caseId + "/messages", Map.of("text", "Dit schreef ik zelf."));
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        assertThat(trust.post("/v1/inbox/" + caseId + "/messages", Map.of("text", "Dit schreef de vertrouwenspersoon."))
                .status()).isEqualTo(201);
        List<Map<String, Object>> rows = db.read(h -> h.createQuery(
                "SELECT id, author, staff_id, body_enc FROM case_messages WHERE case_id = :c ORDER BY seq")
                .bind("c", caseId).mapToMap().list());
        assertThat(rows).hasSize(2);
        Map<String, Object> young = rows.get(0);
        Map<String, Object> staff = rows.get(1);

        swap("case_messages", "body_enc", (String) young.get("id"), (String) staff.get("id"));

        assertThatThrownBy(() -> cipher.open((String) young.get("body_enc"), caseId, "message",
                (String) staff.get("id"), "trust_person", (String) staff.get("staff_id")))
                .isInstanceOf(IllegalStateException.class);
        // Even with the author changed along, the row id gives it away.
        assertThatThrownBy(() -> cipher.open((String) young.get("body_enc"), caseId, "message",
                (String) staff.get("id"), "young_person", null)).isInstanceOf(IllegalStateException.class);
        assertThat(phone.get("/v1/cases/" + caseId + "/messages").status()).as("never shown as the other's words")
                .isGreaterThanOrEqualTo(500);
        swap("case_messages", "body_enc", (String) young.get("id"), (String) staff.get("id"));
        JsonNode thread = phone.get("/v1/cases/" + caseId + "/messages").json().path("messages");
        assertThat(thread.get(0).path("text").asText()).isEqualTo("Dit schreef ik zelf.");
    }

    @Test
    void notesAndTimelineExplanationsMovedWithinACaseFailToOpen() {
        ApiClient phone = Journeys.newDevice(api);
        String caseId = Journeys.submitCase(phone, "Verhaal voor notities.");
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        trust.post("/v1/inbox/" + caseId + "/notes", Map.of("text", "Eerste notitie."));
        trust.post("/v1/inbox/" + caseId + "/notes", Map.of("text", "Tweede notitie."));
        List<Map<String, Object>> notes = db.read(h -> h.createQuery(
                "SELECT id, staff_id, body_enc FROM case_notes WHERE case_id = :c ORDER BY created_at, id")
                .bind("c", caseId).mapToMap().list());
        assertThat(notes).hasSize(2);
        assertThatThrownBy(() -> cipher.open((String) notes.get(0).get("body_enc"), caseId, "note",
                (String) notes.get(1).get("id"), (String) notes.get(1).get("staff_id")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(cipher.open((String) notes.get(0).get("body_enc"), caseId, "note", (String) notes.get(0).get("id"),
                (String) notes.get(0).get("staff_id"))).isIn("Eerste notitie.", "Tweede notitie.");

        trust.post("/v1/inbox/" + caseId + "/status", Map.of("status", "in_conversation", "explanation", "Eerste uitleg."));
        trust.post("/v1/inbox/" + caseId + "/status", Map.of("status", "formal_complaint", "explanation",
                "Tweede uitleg."));
        List<Map<String, Object>> events = db.read(h -> h.createQuery(
                "SELECT id, explanation_enc FROM case_events WHERE case_id = :c AND explanation_enc IS NOT NULL"
                        + " ORDER BY seq").bind("c", caseId).mapToMap().list());
        assertThat(events).hasSize(2);
        assertThatThrownBy(() -> cipher.open((String) events.get(0).get("explanation_enc"), caseId, "explanation",
                (String) events.get(1).get("id"))).isInstanceOf(IllegalStateException.class);
        swap("case_events", "explanation_enc", (String) events.get(0).get("id"), (String) events.get(1).get("id"));
        assertThat(phone.get("/v1/cases/" + caseId).status()).isGreaterThanOrEqualTo(500);
        swap("case_events", "explanation_enc", (String) events.get(0).get("id"), (String) events.get(1).get("id"));
        assertThat(phone.get("/v1/cases/" + caseId).body()).contains("Eerste uitleg.");
    }

    @Test
    void cannedRepliesAreStoredSealedAndBoundToTheirRow() {
        ApiClient coordinator = Journeys.staff(api, "coordinator@demo.local");
        String title = "Sjabloon voor Noor " + System.nanoTime();
        JsonNode created = coordinator.post("/v1/canned-replies", Map.of("title", title,
                "body", "Hoi Noor, ik bel je morgen.")).json();
        String id = created.path("id").asText();
        Map<String, Object> row = db.read(h -> h.createQuery("SELECT * FROM canned_replies WHERE id = :id")
                .bind("id", id).mapToMap().one());
        assertThat(row.toString()).doesNotContain("Noor");
        assertThat(row.get("title")).isNull();
        assertThat((String) row.get("title_enc")).startsWith("v2.");
        assertThat(coordinator.get("/v1/canned-replies").body()).contains(title, "Hoi Noor, ik bel je morgen.");
        assertThat(coordinator.put("/v1/canned-replies/" + id, Map.of("title", title, "body", "Hoi Noor, tot zo."))
                .body()).contains("Hoi Noor, tot zo.");
        int plain = db.read(h -> h.createQuery("SELECT COUNT(*) FROM canned_replies WHERE title IS NOT NULL"
                + " OR body IS NOT NULL").mapTo(Integer.class).one());
        assertThat(plain).as("the demo's replies are sealed too").isZero();
        assertThatThrownBy(() -> cipher.open((String) row.get("body_enc"), (String) row.get("organisation_id"),
                "cannedBody", "canned-demo-hello")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theIdempotencyRecordHoldsNoDigestThatAGuessCanBeCheckedAgainst() throws Exception {
        ApiClient phone = Journeys.newDevice(api);
        Map<String, Object> body = Journeys.complaint("Mijn nummer is 0612345678.");
        String caseId = phone.header("Idempotency-Key", "guess-key-0001").post("/v1/cases", body).text("caseId");
        String stored = db.read(h -> h.createQuery("SELECT request_hash FROM idempotency_keys WHERE case_id = :c")
                .bind("c", caseId).mapTo(String.class).one());
        // What an attacker with the file computes for a guessed request: any plain digest of any serialisation.
        var mapper = nl.gehoord.http.Json.mapper();
        for (var writer : List.of(mapper.writer(), mapper.writer().with(
                com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS))) {
            String json = writer.writeValueAsString(mapper.convertValue(body, nl.gehoord.intake.NewCaseRequest.class));
            assertThat(stored).isNotEqualTo(SecretHasher.sha256(json));
        }
        assertThat(stored).isEqualTo(new SecretHasher(KeyRing.loadOrCreate(server.settings().keyFile(),
                new SecureRandom())).hmac("idempotent-request:" + mapper.writer().with(
                com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(
                mapper.convertValue(body, nl.gehoord.intake.NewCaseRequest.class))));
        // The replay still works, and a changed request under the same key is still refused.
        assertThat(phone.header("Idempotency-Key", "guess-key-0001").post("/v1/cases", body).text("caseId"))
                .isEqualTo(caseId);
        Map<String, Object> other = Journeys.complaint("Een ander verhaal.");
        assertThat(phone.header("Idempotency-Key", "guess-key-0001").post("/v1/cases", other).status()).isEqualTo(422);
    }

    private static void swap(String table, String column, String a, String b) {
        db.writeVoid(h -> {
            String va = h.createQuery("SELECT " + column + " FROM " + table + " WHERE id = :id").bind("id", a)
                    .mapTo(String.class).one();
            String vb = h.createQuery("SELECT " + column + " FROM " + table + " WHERE id = :id").bind("id", b)
                    .mapTo(String.class).one();
            h.createUpdate("UPDATE " + table + " SET " + column + " = :v WHERE id = :id").bind("v", vb).bind("id", a)
                    .execute();
            h.createUpdate("UPDATE " + table + " SET " + column + " = :v WHERE id = :id").bind("v", va).bind("id", b)
                    .execute();
        });
    }
}
