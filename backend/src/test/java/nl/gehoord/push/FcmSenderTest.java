package nl.gehoord.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

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
}
