package nl.gehoord.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;

/**
 * How long data is kept, and when the daily clean-up runs (Europe/Amsterdam time).
 *
 * @param closedCaseContent content of a closed, resolved or withdrawn case is erased this long after it closed
 * @param unusedDevice      an app install not seen for this long is removed (its cases stay, claimable by code)
 * @param idempotencyKeys   idempotency records (and the sealed receipt code kept for replays) are removed after this
 * @param runAt             local time of day at which the daily job runs
 */
public record RetentionSettings(Period closedCaseContent, Duration unusedDevice, Duration idempotencyKeys,
                                LocalTime runAt) {
    public static RetentionSettings defaults() {
        return new RetentionSettings(Period.ofMonths(12), Duration.ofDays(365), Duration.ofDays(7), LocalTime.of(3, 30));
    }
}
