package nl.gehoord.push;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A device's quiet hours ("HH:mm" to "HH:mm", Amsterdam time; the window may cross midnight, as 22:00-07:00
 * does). Non-urgent pushes wait until the window ends.
 */
public record QuietHours(LocalTime start, LocalTime end) {
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** Empty when the device set none, or set something unreadable (then we do not hold pushes back). */
    public static Optional<QuietHours> of(String start, String end) {
        if (start == null || end == null) {
            return Optional.empty();
        }
        try {
            LocalTime s = LocalTime.parse(start);
            LocalTime e = LocalTime.parse(end);
            return s.equals(e) ? Optional.empty() : Optional.of(new QuietHours(s, e));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** When the quiet window that holds {@code now} ends; empty when {@code now} is not quiet. */
    public Optional<Instant> endOfQuietAt(Instant now) {
        ZonedDateTime local = now.atZone(ZONE);
        LocalTime time = local.toLocalTime();
        LocalDate date = local.toLocalDate();
        boolean crossesMidnight = start.isAfter(end);
        boolean quiet = crossesMidnight ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        LocalDate endDate = crossesMidnight && !time.isBefore(start) ? date.plusDays(1) : date;
        return Optional.of(ZonedDateTime.of(endDate, end, ZONE).toInstant());
    }
}
