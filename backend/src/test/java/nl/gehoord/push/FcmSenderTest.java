package nl.gehoord.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import nl.gehoord.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FcmSenderTest {
    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-11-23T09:00:00Z");
        assertThat(FcmSender.parseRetryAfter("30", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(FcmSender.parseRetryAfter("Mon, 23 Nov 2026 09:02:00 GMT", now)).isEqualTo(Duration.ofMinutes(2));
        assertThat(FcmSender.parseRetryAfter("Mon, 23 Nov 2026 08:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(FcmSender.parseRetryAfter("soon", now)).isNull();
        assertThat(FcmSender.parseRetryAfter("-5", now)).isNull();
    }

    @Test
    void aServiceAccountFileMakesAnFcmSenderWithoutCallingOut(@TempDir Path dir) throws Exception {
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path file = dir.resolve("service-account.json");
        new ObjectMapper().writeValue(file.toFile(), Map.of("type", "service_account", "project_id", "gehoord-demo",
                "private_key_id", "k1", "private_key", pem, "client_email", "push@gehoord-demo.iam.gserviceaccount.com",
                "client_id", "1", "token_uri", "http://127.0.0.1:9/token"));

        try (FcmSender sender = FcmSender.fromCredentialsFile(file, Clock.systemUTC())) {
            assertThat(sender.name()).isEqualTo("fcm");
        }
    }

    @Test
    void aFileThatIsNoServiceAccountStopsStartUpNamingTheSetting(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("not-a-service-account.json");
        Files.writeString(file, "{\"hello\": \"world\"}");

        assertThatThrownBy(() -> FcmSender.fromCredentialsFile(file, Clock.systemUTC()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GEHOORD_FIREBASE_CREDENTIALS");
    }
}
