package nl.gehoord.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * An organisation's time limits. Urgent first responses count around the clock; everything else counts
 * working days (not weekends, not Dutch public holidays), as {@link DueDates} does.
 */
public record SlaPolicy(int firstResponseWorkingDays, int urgentFirstResponseMinutes, int nextResponseWorkingDays,
                        int resolutionWorkingDays) {
    private static final Set<String> OPEN = Set.of("received", "assigned", "in_conversation", "formal_complaint");

    public static SlaPolicy defaults() {
        return new SlaPolicy(2, 240, 2, 30);
    }

    public long firstResponseDue(long receivedAt, boolean urgent) {
        return urgent ? receivedAt + Duration.ofMinutes(urgentFirstResponseMinutes).toMillis()
                : DueDates.addWorkingDays(Instant.ofEpochMilli(receivedAt), firstResponseWorkingDays).toEpochMilli();
    }

    public long nextResponseDue(long since, boolean urgent) {
        return urgent ? since + Duration.ofMinutes(urgentFirstResponseMinutes).toMillis()
                : DueDates.addWorkingDays(Instant.ofEpochMilli(since), nextResponseWorkingDays).toEpochMilli();
    }

    public long resolutionDue(long receivedAt) {
        return DueDates.addWorkingDays(Instant.ofEpochMilli(receivedAt), resolutionWorkingDays).toEpochMilli();
    }

    /** The earliest deadline still open, which the inbox sorts on; null once the case is finished. */
    public static Long earliest(String status, Long firstDue, Long firstAt, Long nextDue, Long resolutionDue) {
        if (!OPEN.contains(status)) {
            return null;
        }
        Long best = null;
        for (Long candidate : new Long[] {firstAt == null ? firstDue : null, nextDue, resolutionDue}) {
            if (candidate != null && (best == null || candidate < best)) {
                best = candidate;
            }
        }
        return best;
    }
}
