package nl.gehoord.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
    private final QuietHours night = QuietHours.of("22:00", "07:00").orElseThrow();
    private final QuietHours lunch = QuietHours.of("12:00", "13:00").orElseThrow();

    @Test
    void aWindowAcrossMidnightEndsNextMorning() {
        // 23:30 Amsterdam (UTC+1) on Monday: quiet until Tuesday 07:00.
        assertThat(night.endOfQuietAt(Instant.parse("2026-11-23T22:30:00Z")))
                .contains(Instant.parse("2026-11-24T06:00:00Z"));
        // 05:00 Amsterdam on Tuesday: quiet until 07:00 the same day.
        assertThat(night.endOfQuietAt(Instant.parse("2026-11-24T04:00:00Z")))
                .contains(Instant.parse("2026-11-24T06:00:00Z"));
    }

    @Test
    void outsideTheWindowNothingWaits() {
        assertThat(night.endOfQuietAt(Instant.parse("2026-11-24T06:00:00Z"))).isEmpty(); // 07:00 exactly
        assertThat(night.endOfQuietAt(Instant.parse("2026-11-24T20:59:59Z"))).isEmpty(); // 21:59:59
        assertThat(lunch.endOfQuietAt(Instant.parse("2026-11-24T10:00:00Z"))).isEmpty(); // 11:00
    }

    @Test
    void aDaytimeWindowEndsTheSameDay() {
        assertThat(lunch.endOfQuietAt(Instant.parse("2026-11-24T11:15:00Z")))
                .contains(Instant.parse("2026-11-24T12:00:00Z"));
    }

    @Test
    void amsterdamSummerTimeIsRespected() {
        // 23:00 in July is 21:00 UTC (UTC+2); quiet until 07:00 local = 05:00 UTC.
        assertThat(night.endOfQuietAt(Instant.parse("2026-07-01T21:00:00Z")))
                .contains(Instant.parse("2026-07-02T05:00:00Z"));
    }

    @Test
    void noneOrUnreadableOrEmptyWindowsHoldNothingBack() {
        assertThat(QuietHours.of(null, null)).isEmpty();
        assertThat(QuietHours.of("25:00", "07:00")).isEmpty();
        assertThat(QuietHours.of("08:00", "08:00")).isEmpty();
    }
}
