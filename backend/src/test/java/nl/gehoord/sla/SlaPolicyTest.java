package nl.gehoord.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Working days from the start of business hours, in Amsterdam time. */
class SlaPolicyTest {
    private final SlaPolicy policy = SlaPolicy.defaults();

    private String due(String receivedAt, boolean urgent) {
        return Instant.ofEpochMilli(policy.firstResponseDue(Instant.parse(receivedAt).toEpochMilli(), urgent)).toString();
    }

    @Test
    void duringBusinessHoursTheClockStartsAtOnce() {
        assertThat(due("2026-11-23T09:00:00Z", false)).isEqualTo("2026-11-25T09:00:00Z"); // Monday 10:00
    }

    @Test
    void atNightItCountsFromTheNextOpening() {
        assertThat(due("2026-11-23T00:58:00Z", false)).as("Monday 01:58 counts from 09:00 Monday")
                .isEqualTo("2026-11-25T08:00:00Z");
        assertThat(due("2026-11-23T19:00:00Z", false)).as("Monday 20:00 counts from Tuesday 09:00")
                .isEqualTo("2026-11-26T08:00:00Z");
        assertThat(due("2026-11-27T17:30:00Z", false)).as("Friday evening counts from Monday 09:00")
                .isEqualTo("2026-12-02T08:00:00Z");
        assertThat(due("2026-12-24T17:00:00Z", false)).as("Christmas Eve evening: 25, 26 holidays, 27 Sunday")
                .isEqualTo("2026-12-30T08:00:00Z");
    }

    @Test
    void urgentCountsAroundTheClock() {
        assertThat(due("2026-11-28T22:00:00Z", true)).isEqualTo("2026-11-29T02:00:00Z");
    }

    @Test
    void theEarliestOpenDeadlineCountsAndNoneOnceFinished() {
        assertThat(SlaPolicy.earliest("assigned", 300L, null, 200L, 900L)).isEqualTo(200L);
        assertThat(SlaPolicy.earliest("assigned", 100L, 50L, null, 900L)).as("first response met").isEqualTo(900L);
        assertThat(SlaPolicy.earliest("closed", 100L, null, 200L, 900L)).isNull();
    }
}
