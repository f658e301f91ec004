package nl.gehoord.sla;

import java.time.Duration;

/**
 * An organisation's time limits. Urgent answers are due within a time around the clock; everything else
 * counts {@link WorkingDays} from the start of business hours, so a message sent at night is due as if it came
 * in at opening time.
 */
public record SlaPolicy(int firstResponseWorkingDays, int urgentFirstResponseMinutes, int nextResponseWorkingDays,
                        int resolutionWorkingDays) {
    public static SlaPolicy defaults() {
        return new SlaPolicy(2, 240, 2, 30);
    }

    public long firstResponseDue(long receivedAt, boolean urgent) {
        return urgent ? urgentDue(receivedAt) : WorkingDays.after(receivedAt, firstResponseWorkingDays);
    }

    public long nextResponseDue(long since, boolean urgent) {
        return urgent ? urgentDue(since) : WorkingDays.after(since, nextResponseWorkingDays);
    }

    public long resolutionDue(long receivedAt) {
        return WorkingDays.after(receivedAt, resolutionWorkingDays);
    }

    /** The latest an answer may come when something urgent arrives at {@code at}. */
    public long urgentDue(long at) {
        return at + Duration.ofMinutes(urgentFirstResponseMinutes).toMillis();
    }
}
