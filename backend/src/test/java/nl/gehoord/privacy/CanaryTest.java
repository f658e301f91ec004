package nl.gehoord.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestLog;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writes unique canary sentences through every field a young person can type, then proves that none of them
 * appears in the raw database file, its WAL or shared-memory file, or the logs. Encryption at rest, for real.
 */
class CanaryTest {
    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @Test
    void typedWordsNeverReachTheDiskOrTheLogsInTheClear() throws IOException {
        String run = Long.toHexString(System.nanoTime());
        Map<String, String> canaries = new HashMap<>();
        for (String field : List.of("story", "about", "name", "phone", "bestTime", "message", "feedback")) {
            canaries.put(field, "Kanarie" + field + run + " de groepsleider sloot mij op");
        }
        TestServer server = SHARED.server();
        ApiClient api = server.client();
        ApiClient phone = Journeys.newDevice(api);
        Map<String, Object> body = Journeys.complaint(canaries.get("story"));
        body.put("about", Map.of("locationId", "loc-utr-linde", "text", canaries.get("about")));
        body.put("contact", Map.of("name", canaries.get("name"), "phone", "06 1234 " + run.substring(0, 4).replaceAll("[a-f]", "5"),
                "bestTime", canaries.get("bestTime")));
        canaries.put("phone", (String) ((Map<?, ?>) body.get("contact")).get("phone"));
        ApiResponse created = Journeys.submit(phone, body);
        String caseId = created.text("caseId");
        String code = created.text("caseCode");
        assertThat(phone.post("/v1/cases/" + caseId + "/messages", Map.of("text", canaries.get("message"))).status())
                .isEqualTo(201);
        assertThat(phone.post("/v1/cases/" + caseId + "/withdraw", Map.of()).status()).isEqualTo(200);
        assertThat(phone.post("/v1/cases/" + caseId + "/feedback", Map.of("score", 3, "text", canaries.get("feedback")))
                .status()).isEqualTo(201);
        // The words are really stored: the export gives them back.
        String export = phone.get("/v1/cases/" + caseId + "/export").body();
        for (String canary : canaries.values()) {
            assertThat(export).contains(canary);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(server.dataDir())) {
            list.filter(Files::isRegularFile).forEach(files::add);
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("gehoord.db", "gehoord.db-wal");
        List<String> secrets = new ArrayList<>(canaries.values());
        secrets.add(code);
        secrets.add(code.replace("-", ""));
        for (Path file : files) {
            assertNoneIn(file, secrets);
        }
        assertNoneIn(TestLog.file(), secrets);
    }

    private static void assertNoneIn(Path file, List<String> secrets) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        byte[] raw = Files.readAllBytes(file);
        String latin = new String(raw, StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
            String needle = new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            assertThat(latin.contains(needle)).as("%s must not contain '%s'", file.getFileName(), secret).isFalse();
        }
    }
}
