package nl.gehoord.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestLog;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What staff type (replies, notes, explanations) and their secrets (push token, TOTP secret) never reach the
 * disk or the logs in the clear; and erasure by the young person takes the notes and explanations too.
 */
class InboxCanaryTest {
    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @Test
    void staffWordsAndSecretsAreSealedAndErasureTakesThemAway() throws IOException {
        String run = Long.toHexString(System.nanoTime());
        String reply = "KanarieReply" + run + " ik bel de groep";
        String note = "KanarieNote" + run + " vader is boos";
        String explanation = "KanarieUitleg" + run + " we praten samen";
        String moved = "KanarieLater" + run + " de commissie is laat";
        String pushToken = "KanariePush" + run;
        TestServer server = SHARED.server();
        ApiClient api = server.client();
        ApiClient phone = Journeys.newDevice(api);
        String caseId = Journeys.submitCase(phone, "Verhaal " + run);
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        assertThat(trust.post("/v1/inbox/" + caseId + "/messages", Map.of("text", reply)).status()).isEqualTo(201);
        assertThat(trust.post("/v1/inbox/" + caseId + "/notes", Map.of("text", note)).status()).isEqualTo(201);
        assertThat(trust.post("/v1/inbox/" + caseId + "/status", Map.of("status", "formal_complaint",
                "explanation", explanation, "dueAt", "2027-01-10T10:00:00Z")).status()).isEqualTo(200);
        assertThat(trust.post("/v1/inbox/" + caseId + "/due-date", Map.of("dueAt", "2027-02-10T10:00:00Z",
                "explanation", moved)).status()).isEqualTo(200);
        assertThat(trust.put("/v1/staff/me", Map.of("available", true, "pushToken", pushToken)).status())
                .isEqualTo(200);
        String totpSecret = trust.post("/v1/staff/me/totp", Map.of()).text("secret");

        String opened = trust.get("/v1/inbox/" + caseId).body();
        for (String word : List.of(reply, note, explanation, moved)) {
            assertThat(opened).as("stored for real").contains(word);
        }
        String young = phone.get("/v1/cases/" + caseId).body();
        assertThat(young).contains(reply, explanation, moved).doesNotContain(note);

        List<String> secrets = List.of(reply, note, explanation, moved, pushToken, totpSecret);
        assertNoneOnDisk(server, secrets);

        assertThat(phone.delete("/v1/cases/" + caseId).status()).isEqualTo(204);
        long notes = server.app().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM case_notes WHERE case_id = :id").bind("id", caseId).mapTo(Long.class).one());
        long explanations = server.app().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM case_events WHERE case_id = :id AND explanation_enc IS NOT NULL")
                .bind("id", caseId).mapTo(Long.class).one());
        assertThat(notes).isZero();
        assertThat(explanations).isZero();
    }

    private static void assertNoneOnDisk(TestServer server, List<String> secrets) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(server.dataDir())) {
            list.filter(Files::isRegularFile).forEach(files::add);
        }
        files.add(TestLog.file());
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertThat(raw.contains(secret)).as("%s must not contain '%s'", file.getFileName(), secret).isFalse();
            }
        }
    }
}
