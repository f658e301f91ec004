package nl.gehoord.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.Postgres;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The same migrations and the young person's journey on a real PostgreSQL server (embedded, no install). */
class PostgresTest {
    @Test
    void migratesAndRunsTheJourney() throws IOException {
        String url = Postgres.freshDatabaseUrl();
        Path dir = Files.createTempDirectory("gehoord-pg");
        try (TestServer server = TestServer.startIn(dir, Map.of("GEHOORD_DATABASE_URL", url))) {
            assertThat(server.app().database().dialect()).isEqualTo(Dialect.POSTGRESQL);
            ApiClient api = server.client();
            assertThat(api.get("/ready").status()).isEqualTo(200);
            ApiClient phone = Journeys.newDevice(api);
            ApiResponse created = Journeys.submit(phone, Journeys.complaint("Verhaal op PostgreSQL."));
            String caseId = created.text("caseId");
            assertThat(phone.post("/v1/cases/" + caseId + "/messages", Map.of("text", "Hallo")).status()).isEqualTo(201);
            assertThat(phone.post("/v1/cases/" + caseId + "/messages", Map.of("text", "Nog eens")).json().path("seq").asInt())
                    .isEqualTo(2);
            ApiClient second = Journeys.newDevice(api);
            assertThat(second.post("/v1/cases/claim", Map.of("caseCode", created.text("caseCode"))).status()).isEqualTo(200);
            assertThat(second.get("/v1/cases/" + caseId + "/export").json().path("caseData").path("story").asText())
                    .isEqualTo("Verhaal op PostgreSQL.");
            assertThat(phone.delete("/v1/cases/" + caseId).status()).isEqualTo(204);
            assertThat(second.get("/v1/cases/" + caseId).status()).isEqualTo(404);
        }
    }
}
