package nl.gehoord.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The working-day calendar every deadline counts in: Monday to Friday, not on the days {@link DutchHolidays}
 * lists, business hours 09:00-17:00 in Amsterdam.
 */
public final class WorkingDays {
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final LocalTime OPENS = LocalTime.of(9, 0);
    static final LocalTime CLOSES = LocalTime.of(17, 0);

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !DutchHolidays.isHoliday(date);
    }

    /** Working days counted from the start of business: a message at night counts from 09:00 the next working day. */
    public static long after(long at, int days) {
        return add(startOfBusiness(Instant.ofEpochMilli(at)), days).toEpochMilli();
    }

    /**
     * The same time of day {@code days} working days later; a moment on a day off counts from 09:00 on the next
     * working day.
     */
    public static Instant add(Instant from, int days) {
        ZonedDateTime start = from.atZone(ZONE);
        LocalDate day = start.toLocalDate();
        LocalTime time = start.toLocalTime();
        if (!isWorkingDay(day)) {
            day = day.plusDays(1);
            while (!isWorkingDay(day)) {
                day = day.plusDays(1);
            }
            time = OPENS;
        }
        // Counted in dates, then placed in the zone once: a time zone lookup per day was most of the cost.
        int added = 0;
        while (added < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                added++;
            }
        }
        return ZonedDateTime.ofLocal(day.atTime(time), ZONE, start.getOffset()).toInstant();
    }

    /** The moment itself during business hours (09:00-17:00 on a working day), else the next opening. */
    static Instant startOfBusiness(Instant at) {
        ZonedDateTime local = at.atZone(ZONE);
        LocalDate day = local.toLocalDate();
        if (isWorkingDay(day) && !local.toLocalTime().isBefore(OPENS) && local.toLocalTime().isBefore(CLOSES)) {
            return at;
        }
        if (!isWorkingDay(day) || !local.toLocalTime().isBefore(CLOSES)) {
            day = day.plusDays(1);
            while (!isWorkingDay(day)) {
                day = day.plusDays(1);
            }
        }
        return day.atTime(OPENS).atZone(ZONE).toInstant();
    }
}
