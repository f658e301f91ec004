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
        assertThat(new Deadlines(300L, null, 100L, 200L, 900L).earliest(true)).isEqualTo(200L);
        assertThat(new Deadlines(100L, 50L, null, null, 900L).earliest(true)).as("first response met").isEqualTo(900L);
        assertThat(new Deadlines(100L, null, 100L, 200L, 900L).earliest(false)).isNull();
    }

    @Test
    void aDeadlineWarnsAtThreeQuartersAndIsBreachedWhenDue() {
        Deadlines d = new Deadlines(1_000L, null, null, null, null);
        assertThat(d.state(true, 0, 749)).isEqualTo(SlaState.OK);
        assertThat(d.state(true, 0, 750)).isEqualTo(SlaState.WARNING);
        assertThat(d.state(true, 0, 1_000)).isEqualTo(SlaState.BREACHED);
        assertThat(d.state(false, 0, 1_000)).as("finished").isEqualTo(SlaState.OK);
    }

    @Test
    void becomingUrgentBringsOpenAnswersForwardButNeverLater() {
        Deadlines waiting = new Deadlines(5_000L, null, null, null, 9_000L);
        assertThat(waiting.answersDueBy(3_000L)).isEqualTo(new Deadlines(3_000L, null, null, null, 9_000L));
        assertThat(waiting.answersDueBy(7_000L)).as("already sooner").isEqualTo(waiting);
        Deadlines answered = new Deadlines(5_000L, 4_000L, 6_000L, 8_000L, 9_000L);
        assertThat(answered.answersDueBy(7_000L)).as("the next answer, not the one given")
                .isEqualTo(new Deadlines(5_000L, 4_000L, 6_000L, 7_000L, 9_000L));
    }
}
