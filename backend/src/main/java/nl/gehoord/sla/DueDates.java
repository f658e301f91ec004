package nl.gehoord.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a first answer is due. Urgent cases: a fixed time around the clock. Others: a number of working days
 * (Monday to Friday, not on Dutch public holidays), counted from the moment the case came in.
 */
public final class DueDates {
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final Duration urgentFirstResponse;
    private final int firstResponseWorkingDays;

    public DueDates(Duration urgentFirstResponse, int firstResponseWorkingDays) {
        this.urgentFirstResponse = urgentFirstResponse;
        this.firstResponseWorkingDays = firstResponseWorkingDays;
    }

    public static DueDates defaults() {
        return new DueDates(Duration.ofHours(4), 2);
    }

    public Instant firstResponseDue(Instant receivedAt, boolean urgent) {
        if (urgent) {
            return receivedAt.plus(urgentFirstResponse);
        }
        return addWorkingDays(receivedAt, firstResponseWorkingDays);
    }

    /** Adds working days; a case that arrives on a day off counts from the start of the next working day. */
    public static Instant addWorkingDays(Instant from, int days) {
        ZonedDateTime start = from.atZone(ZONE);
        if (!isWorkingDay(start.toLocalDate())) {
            LocalDate next = start.toLocalDate().plusDays(1);
            while (!isWorkingDay(next)) {
                next = next.plusDays(1);
            }
            start = next.atTime(9, 0).atZone(ZONE);
        }
        ZonedDateTime due = start;
        int added = 0;
        while (added < days) {
            due = due.plusDays(1);
            if (isWorkingDay(due.toLocalDate())) {
                added++;
            }
        }
        return due.toInstant();
    }

    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !DutchHolidays.isHoliday(date);
    }
}
