package nl.gehoord.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.gehoord.config.Settings;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.Commands;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;

class KeyRotationTest {
    @Test
    void aNewKeyTakesNewWritesOldRowsStayReadableAndReencryptMovesThemAll() {
        String oldToken;
        String oldCase;
        Path dir;
        Settings settings;
        try (TestServer server = TestServer.start()) {
            dir = server.dataDir();
            settings = server.settings();
            ApiClient client = server.client();
            oldToken = client.post("/v1/devices", Map.of("platform", "android", "locale", "nl",
                    "pushToken", "push-token-of-the-old-phone")).text("deviceToken");
            ApiClient device = client.as(oldToken);
            oldCase = device.header("Idempotency-Key", "rotation-key-0001")
                    .post("/v1/cases", nl.gehoord.testing.Journeys.complaint("Oud verhaal met de eerste sleutel."))
                    .text("caseId");
            device.post("/v1/cases/" + oldCase + "/messages", Map.of("text", "Oud bericht."));
            assertThat(keyIdsIn(server, "SELECT story_enc FROM cases")).containsOnly("k1");
        }

        assertThat(run(List.of("rotate-key"), settings)).contains("k2");

        String newCase;
        try (TestServer server = TestServer.startIn(dir, Map.of())) {
            ApiClient device = server.client().as(oldToken);
            newCase = device.header("Idempotency-Key", "rotation-key-0002")
                    .post("/v1/cases", nl.gehoord.testing.Journeys.complaint("Nieuw verhaal met de tweede sleutel."))
                    .text("caseId");
            assertThat(keyIdOf(server, newCase)).isEqualTo("k2");
            assertThat(keyIdOf(server, oldCase)).isEqualTo("k1");
            assertThat(story(device, oldCase)).isEqualTo("Oud verhaal met de eerste sleutel.");
            assertThat(story(device, newCase)).isEqualTo("Nieuw verhaal met de tweede sleutel.");
        }

        String report = run(List.of("reencrypt"), settings);
        assertThat(report).contains("0 still on an older key");

        try (TestServer server = TestServer.startIn(dir, Map.of())) {
            for (String column : SealedColumns.ALL.stream().map(c -> "SELECT " + c.column() + " FROM " + c.table())
                    .toList()) {
                assertThat(keyIdsIn(server, column)).as(column).isSubsetOf("k2");
            }
            assertThat(keyIdsIn(server, "SELECT push_token_enc FROM devices")).containsExactly("k2");
            assertThat(keyIdsIn(server, "SELECT body_enc FROM case_messages")).containsExactly("k2");
            String rowKey = server.app().database().read(h -> h.createQuery("SELECT key_id FROM cases WHERE id = :id")
                    .bind("id", oldCase).mapTo(String.class).one());
            assertThat(rowKey).isEqualTo("k2");
            ApiClient device = server.client().as(oldToken);
            assertThat(story(device, oldCase)).isEqualTo("Oud verhaal met de eerste sleutel.");
            ApiResponse messages = device.get("/v1/cases/" + oldCase + "/messages");
            assertThat(messages.json().path("messages").get(0).path("text").asText()).isEqualTo("Oud bericht.");
        }
        // A second pass has nothing left to do.
        assertThat(run(List.of("reencrypt"), settings)).contains("Moved 0 ");
    }

    @Test
    void aRunningServerPicksUpTheNewKeyAndReadsRowsReencryptedWhileItRuns() {
        try (TestServer server = TestServer.start()) {
            ApiClient device = nl.gehoord.testing.Journeys.newDevice(server.client());
            String before = nl.gehoord.testing.Journeys.submitCase(device, "Voor het draaien van de sleutel.");
            assertThat(keyIdOf(server, before)).isEqualTo("k1");

            assertThat(run(List.of("rotate-key"), server.settings())).contains("k2");
            String after = nl.gehoord.testing.Journeys.submitCase(device, "Na het draaien van de sleutel.");
            assertThat(keyIdOf(server, after)).isEqualTo("k2");

            assertThat(run(List.of("reencrypt"), server.settings())).contains("0 still on an older key");
            assertThat(keyIdOf(server, before)).isEqualTo("k2");
            assertThat(story(device, before)).isEqualTo("Voor het draaien van de sleutel.");
            assertThat(story(device, after)).isEqualTo("Na het draaien van de sleutel.");
        }
    }

    @Test
    void aReplacedKeyFileWithAnotherHmacSecretIsIgnored() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("gehoord-keys");
        Path file = dir.resolve("keys.json");
        java.security.SecureRandom random = new java.security.SecureRandom();
        KeyRing keys = KeyRing.loadOrCreate(file, random);
        FieldCipher cipher = new FieldCipher(keys, random);
        String sealed = cipher.seal("geheim", "case-1", "story");
        Path other = dir.resolve("other.json");
        KeyRing.loadOrCreate(other, random);
        KeyRing.rotate(other, random);
        java.nio.file.Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(keys.activeKeyId()).isEqualTo("k1");
        assertThat(cipher.open(sealed, "case-1", "story")).isEqualTo("geheim");
    }

    private static String run(List<String> args, Settings settings) {
        return Commands.succeed(KeyCommands::run, args, settings);
    }

    private static String story(ApiClient device, String caseId) {
        return device.get("/v1/cases/" + caseId + "/export").json().path("caseData").path("story").asText();
    }

    private static String keyIdOf(TestServer server, String caseId) {
        return FieldCipher.keyIdOf(server.app().database().read(h -> h.createQuery(
                "SELECT story_enc FROM cases WHERE id = :id").bind("id", caseId).mapTo(String.class).one()));
    }

    private static List<String> keyIdsIn(TestServer server, String sql) {
        return server.app().database().read(h -> h.createQuery(sql).mapTo(String.class).list()).stream()
                .filter(java.util.Objects::nonNull).map(FieldCipher::keyIdOf).distinct().toList();
    }
}
