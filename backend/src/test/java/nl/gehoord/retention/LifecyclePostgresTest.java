package nl.gehoord.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.gehoord.config.Settings;
import nl.gehoord.crypto.KeyCommands;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.Commands;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;

/** Retention, re-encryption and late urgency use only portable SQL: the same run on a real PostgreSQL. */
class LifecyclePostgresTest {
    @Test
    void retentionAndReencryptionWorkOnPostgresql() throws Exception {
        {
            String url = nl.gehoord.testing.Postgres.seededDatabaseUrl();
            Path dir = Files.createTempDirectory("gehoord-pg-lifecycle");
            Settings settings;
            String kept;
            try (TestServer server = TestServer.startIn(dir, Map.of("GEHOORD_DATABASE_URL", url))) {
                settings = server.settings();
                ApiClient device = Journeys.newDevice(server.client());
                String closed = Journeys.submitCase(device, "Dit verhaal gaat na een jaar weg.");
                assertThat(device.post("/v1/cases/" + closed + "/withdraw", null).status()).isEqualTo(200);
                server.clock().advance(Duration.ofDays(300));
                ApiClient active = Journeys.newDevice(server.client());
                kept = Journeys.submitCase(active, "Dit verhaal blijft.");
                active.post("/v1/cases/" + kept + "/messages", Map.of("text", "Een bericht."));
                // Danger words in a later message mark the case urgent (a BOOLEAN column on PostgreSQL).
                active.post("/v1/cases/" + kept + "/messages", Map.of("text", "ik wil niet meer leven"));
                assertThat(active.get("/v1/cases/" + kept).json().path("urgent").asBoolean()).isTrue();

                RetentionJob.Report report = server.app().retention()
                        .run(TestServer.START.plus(Duration.ofDays(400)));
                assertThat(report.casesErased()).isEqualTo(1);
                assertThat(report.devicesRemoved()).isEqualTo(1);
                String story = server.app().database().read(h -> h.createQuery(
                        "SELECT story_enc FROM cases WHERE id = :id").bind("id", closed).mapTo(String.class).one());
                assertThat(story).isNull();
                assertThat(active.get("/v1/devices/me").status()).isEqualTo(200);
                assertThat(device.get("/v1/devices/me").status()).isEqualTo(401);
            }
            assertThat(run(List.of("rotate-key"), settings)).contains("k2");
            assertThat(run(List.of("reencrypt"), settings)).contains("0 still on an older key");
            try (TestServer server = TestServer.startIn(dir, Map.of("GEHOORD_DATABASE_URL", url))) {
                String sealed = server.app().database().read(h -> h.createQuery(
                        "SELECT story_enc FROM cases WHERE id = :id").bind("id", kept).mapTo(String.class).one());
                assertThat(sealed).startsWith("v2.k2.");
            }
        }
    }

    private static String run(List<String> args, Settings settings) {
        return Commands.succeed(KeyCommands::run, args, settings);
    }
}
