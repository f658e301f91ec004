package nl.gehoord.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.Postgres;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;

/** An organisation moves from its SQLite file to PostgreSQL: everything arrives, sealed text stays sealed. */
class DatabaseCopyTest {
    @Test
    void everythingIsCopiedVerifiedAndReadableOnTheNewDatabase() throws Exception {
        Path dir = Files.createTempDirectory("gehoord-copy");
        String deviceToken;
        String caseId;
        try (TestServer sqlite = TestServer.startIn(dir, Map.of())) {
            ApiResponse registered = sqlite.client().anonymous().post("/v1/devices",
                    Map.of("platform", "android", "locale", "nl"));
            deviceToken = registered.text("deviceToken");
            ApiClient phone = sqlite.client().as(deviceToken);
            caseId = Journeys.submitCase(phone, "Dit verhuist mee naar de nieuwe database.");
            assertThat(phone.post("/v1/cases/" + caseId + "/messages", Map.of("text", "Een bericht erbij.")).status())
                    .isEqualTo(201);
            assertThat(Journeys.staff(sqlite.client(), "trust@demo.local").post("/v1/inbox/" + caseId + "/messages",
                    Map.of("text", "Ik lees mee.")).status()).isEqualTo(201);
        }
        String target = Postgres.freshDatabaseUrl();
        String sealedStory;
        try (Database from = Database.open("jdbc:sqlite:" + dir.resolve("gehoord.db"));
             Database to = Database.open(target)) {
            List<DatabaseCopy.TableResult> tables = DatabaseCopy.copy(from, to);
            assertThat(tables).extracting(DatabaseCopy.TableResult::table)
                    .contains("organisations", "staff", "devices", "cases", "case_messages", "audit_log");
            assertThat(tables).filteredOn(t -> t.table().equals("case_messages"))
                    .singleElement().extracting(DatabaseCopy.TableResult::rows).isEqualTo(2L);
            sealedStory = from.read(h -> h.createQuery("SELECT story_enc FROM cases WHERE id = :id")
                    .bind("id", caseId).mapTo(String.class).one());
            String copiedStory = to.read(h -> h.createQuery("SELECT story_enc FROM cases WHERE id = :id")
                    .bind("id", caseId).mapTo(String.class).one());
            assertThat(copiedStory).isEqualTo(sealedStory);
            // A second copy into the same database is refused and changes nothing.
            assertThatThrownBy(() -> DatabaseCopy.copy(from, to)).hasMessageContaining("not empty");
            long messages = to.read(h -> h.createQuery("SELECT COUNT(*) FROM case_messages").mapTo(Long.class).one());
            assertThat(messages).isEqualTo(2L);
        }
        // The same key file opens the copied text on PostgreSQL.
        try (TestServer postgres = TestServer.startIn(dir, Map.of("GEHOORD_DATABASE_URL", target))) {
            ApiResponse export = postgres.client().as(deviceToken).get("/v1/cases/" + caseId + "/export");
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.body()).contains("Dit verhuist mee naar de nieuwe database.", "Een bericht erbij.",
                    "Ik lees mee.");
            assertThat(nl.gehoord.audit.AuditLog.verify(postgres.app().database()).intact()).isTrue();
        }
    }
}
