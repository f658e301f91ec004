package nl.gehoord.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * An organisation's time limits. Urgent first responses count around the clock; everything else counts
 * working days (not weekends, not Dutch public holidays, as {@link DueDates} does) from the start of business
 * hours, so a message sent at night is due as if it came in at opening time.
 */
public record SlaPolicy(int firstResponseWorkingDays, int urgentFirstResponseMinutes, int nextResponseWorkingDays,
                        int resolutionWorkingDays) {
    static final LocalTime OPENS = LocalTime.of(9, 0);
    static final LocalTime CLOSES = LocalTime.of(17, 0);
    private static final Set<String> OPEN = Set.of("received", "assigned", "in_conversation", "formal_complaint");

    public static SlaPolicy defaults() {
        return new SlaPolicy(2, 240, 2, 30);
    }

    public long firstResponseDue(long receivedAt, boolean urgent) {
        return urgent ? receivedAt + Duration.ofMinutes(urgentFirstResponseMinutes).toMillis()
                : workingDaysFrom(receivedAt, firstResponseWorkingDays);
    }

    public long nextResponseDue(long since, boolean urgent) {
        return urgent ? since + Duration.ofMinutes(urgentFirstResponseMinutes).toMillis()
                : workingDaysFrom(since, nextResponseWorkingDays);
    }

    public long resolutionDue(long receivedAt) {
        return workingDaysFrom(receivedAt, resolutionWorkingDays);
    }

    /** Working days counted from the start of business: a message at night counts from 09:00 the next working day. */
    static long workingDaysFrom(long at, int days) {
        return DueDates.addWorkingDays(startOfBusiness(Instant.ofEpochMilli(at)), days).toEpochMilli();
    }

    /** The moment itself during business hours (09:00-17:00 on a working day), else the next opening. */
    static Instant startOfBusiness(Instant at) {
        ZonedDateTime local = at.atZone(DueDates.ZONE);
        LocalDate day = local.toLocalDate();
        if (DueDates.isWorkingDay(day) && !local.toLocalTime().isBefore(OPENS)
                && local.toLocalTime().isBefore(CLOSES)) {
            return at;
        }
        if (!DueDates.isWorkingDay(day) || !local.toLocalTime().isBefore(CLOSES)) {
            day = day.plusDays(1);
            while (!DueDates.isWorkingDay(day)) {
                day = day.plusDays(1);
            }
        }
        return day.atTime(OPENS).atZone(DueDates.ZONE).toInstant();
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
