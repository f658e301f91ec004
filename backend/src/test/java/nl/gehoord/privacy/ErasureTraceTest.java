package nl.gehoord.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.gehoord.db.Database;
import nl.gehoord.sla.WorkingDays;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an erasure leaves: no row anywhere that links the phone to the case, no trace of who handled it on the
 * case row, and nothing of the erased rows in the raw bytes of the database file, its {@code -wal} or {@code -shm}.
 */
class ErasureTraceTest {
    private static TestServer server;
    private static ApiClient api;
    private static Database db;

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @BeforeAll
    static void start() {
        server = SHARED.server();
        api = server.client();
        db = server.app().database();
    }

    @Test
    void afterAnErasureNoRowLinksThePhoneToTheCase() {
        ApiClient phone = Journeys.newDevice(api);
        String caseId = Journeys.submitCase(phone, "Ik wil dat dit helemaal weg is.");
        String deviceId = deviceOf(caseId);
        String askedOther = Journeys.submitCase(phone, "Ik wil een andere vertrouwenspersoon.");
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        trust.get("/v1/inbox/" + caseId);
        phone.post("/v1/cases/" + caseId + "/messages", Map.of("text", "Nog een bericht."));
        assertThat(phone.post("/v1/cases/" + askedOther + "/other-trust-person", Map.of()).status()).isLessThan(300);
        assertThat(db.read(h -> h.createQuery("SELECT assigned_staff_id FROM cases WHERE id = :id").bind("id", caseId)
                .mapTo(String.class).findOne()).orElse(null)).as("the case was handled by someone").isNotNull();

        assertThat(phone.delete("/v1/cases/" + caseId).status()).isEqualTo(204);
        assertThat(phone.delete("/v1/cases/" + askedOther).status()).isEqualTo(204);
        assertThat(rowsHoldingBoth(deviceId, askedOther)).isEmpty();

        List<String> links = rowsHoldingBoth(deviceId, caseId);
        assertThat(links).as("rows that hold both the phone's id and the case id").isEmpty();
        List<String> auditWithDevice = db.read(h -> h.createQuery("""
                SELECT action FROM audit_log WHERE actor_id = :d OR target_id = :d OR case_id = :d
                """).bind("d", deviceId).mapTo(String.class).list());
        assertThat(auditWithDevice).as("the audit log never names a phone").isEmpty();
        Map<String, Object> row = db.read(h -> h.createQuery(
                "SELECT assigned_staff_id, location_id, visit_at, code_hmac FROM cases WHERE id = :id")
                .bind("id", caseId).mapToMap().one());
        assertThat(row.values()).as("who handled it and where are gone from the erased case").containsOnlyNulls();
        int idempotency = db.read(h -> h.createQuery("SELECT COUNT(*) FROM idempotency_keys WHERE device_id = :d")
                .bind("d", deviceId).mapTo(Integer.class).one());
        assertThat(idempotency).as("the request record linked the phone to the case").isZero();
    }

    @Test
    void nothingOfAnErasedCaseIsLeftInTheDatabaseFileWalOrShm() throws IOException {
        ApiClient phone = Journeys.newDevice(api);
        String caseId = Journeys.submitCase(phone, "Kanarie-wis " + System.nanoTime() + " mijn verhaal.");
        phone.post("/v1/cases/" + caseId + "/messages", Map.of("text", "Kanarie-bericht dat weg moet."));
        List<String> canaries = sealedValuesOf(caseId);
        assertThat(canaries).hasSizeGreaterThanOrEqualTo(2);
        assertThat(rawFiles()).as("the canaries are on disk before the erasure").contains(canaries.get(0));

        assertThat(phone.delete("/v1/cases/" + caseId).status()).isEqualTo(204);

        String raw = rawFiles();
        for (String canary : canaries) {
            assertThat(raw).as("a sealed value of the erased case").doesNotContain(canary);
        }
    }

    @Test
    void nothingOfWhatTheRetentionJobErasedIsLeftInTheFiles() throws IOException {
        ApiClient phone = Journeys.newDevice(api);
        String caseId = Journeys.submitCase(phone, "Kanarie-bewaar " + System.nanoTime() + " oud verhaal.");
        phone.post("/v1/cases/" + caseId + "/messages", Map.of("text", "Kanarie-oud-bericht."));
        assertThat(phone.post("/v1/cases/" + caseId + "/withdraw", null).status()).isEqualTo(200);
        List<String> canaries = sealedValuesOf(caseId);
        assertThat(rawFiles()).contains(canaries.get(0));

        Instant later = ZonedDateTime.ofInstant(server.clock().instant(), WorkingDays.ZONE).plusMonths(13).toInstant();
        assertThat(server.app().retention().run(later).casesErased()).isPositive();

        String raw = rawFiles();
        for (String canary : canaries) {
            assertThat(raw).as("a sealed value the retention job erased").doesNotContain(canary);
        }
    }

    /** Slices of every sealed value of the case, long enough to be unique and short enough to match in a page. */
    private static List<String> sealedValuesOf(String caseId) {
        List<String> out = new ArrayList<>();
        db.read(h -> {
            h.createQuery("SELECT story_enc FROM cases WHERE id = :id").bind("id", caseId).mapTo(String.class)
                    .forEach(v -> out.add(slice(v)));
            h.createQuery("SELECT body_enc FROM case_messages WHERE case_id = :id").bind("id", caseId)
                    .mapTo(String.class).forEach(v -> out.add(slice(v)));
            return null;
        });
        return out;
    }

    private static String slice(String sealed) {
        return sealed.substring(sealed.length() - 40);
    }

    private static String rawFiles() throws IOException {
        StringBuilder all = new StringBuilder();
        Path database = server.databaseFile();
        for (Path file : List.of(database, database.resolveSibling("gehoord.db-wal"),
                database.resolveSibling("gehoord.db-shm"))) {
            if (Files.exists(file)) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return all.toString();
    }

    private static String deviceOf(String caseId) {
        return db.read(h -> h.createQuery("SELECT device_id FROM case_devices WHERE case_id = :c").bind("c", caseId)
                .mapTo(String.class).one());
    }

    /** Every row of every table, as text, that holds both values. */
    private static List<String> rowsHoldingBoth(String a, String b) {
        return db.read(h -> {
            List<String> found = new ArrayList<>();
            List<String> tables = h.createQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                    .mapTo(String.class).list();
            for (String table : tables) {
                for (Map<String, Object> row : h.createQuery("SELECT * FROM " + table).mapToMap().list()) {
                    String text = row.toString();
                    if (text.contains(a) && text.contains(b)) {
                        found.add(table + ": " + text);
                    }
                }
            }
            return found;
        });
    }
}
