package nl.gehoord.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {
    private static Instant add(String from, int days) {
        return WorkingDays.add(Instant.parse(from), days);
    }

    @Test
    void twoWorkingDaysSkipTheWeekend() {
        // Thursday 10:00 Amsterdam -> Monday 10:00.
        assertThat(add("2026-11-26T09:00:00Z", 2)).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        // Saturday counts from Monday 09:00 -> Wednesday 09:00.
        assertThat(add("2026-11-28T15:00:00Z", 2)).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
    }

    @Test
    void publicHolidaysAreNoWorkingDays() {
        // Wednesday 23 December 2026, 10:00 -> 24th is a working day, 25/26/27 are not -> Monday 28th.
        assertThat(add("2026-12-23T09:00:00Z", 2)).isEqualTo(Instant.parse("2026-12-28T09:00:00Z"));
        assertThat(DutchHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(DutchHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(DutchHolidays.isHoliday(LocalDate.of(2026, 4, 27))).as("Koningsdag").isTrue();
        assertThat(DutchHolidays.isHoliday(LocalDate.of(2025, 4, 26))).as("Koningsdag on a Sunday moves to Saturday").isTrue();
        assertThat(DutchHolidays.isHoliday(LocalDate.of(2026, 5, 14))).as("Hemelvaart 2026").isTrue();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 11, 23))).isTrue();
    }

    /**
     * The days off are those of the Algemene termijnenwet: article 3(1) lists the feast days, 3(2) puts Good
     * Friday on the same footing. Days added by decree for a few years (3(3)) are not counted.
     */
    @Test
    void theCalendarIsThatOfTheAlgemeneTermijnenwet() {
        assertThat(DutchHolidays.holidays(2027)).containsExactlyInAnyOrder(
                LocalDate.of(2027, 1, 1),   // Nieuwjaarsdag
                LocalDate.of(2027, 3, 26),  // Goede Vrijdag, article 3(2)
                LocalDate.of(2027, 3, 28),  // Eerste Paasdag (a Sunday)
                LocalDate.of(2027, 3, 29),  // Tweede Paasdag
                LocalDate.of(2027, 4, 27),  // Koningsdag
                LocalDate.of(2027, 5, 5),   // Bevrijdingsdag
                LocalDate.of(2027, 5, 6),   // Hemelvaartsdag
                LocalDate.of(2027, 5, 16),  // Eerste Pinksterdag (a Sunday)
                LocalDate.of(2027, 5, 17),  // Tweede Pinksterdag
                LocalDate.of(2027, 12, 25), // Eerste Kerstdag
                LocalDate.of(2027, 12, 26)); // Tweede Kerstdag
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2027, 5, 7))).as("the Friday after Ascension").isTrue();
        // Thursday 25 March 2027, 10:00: Good Friday, the weekend and Easter Monday are skipped -> Wednesday 31st.
        assertThat(add("2027-03-25T09:00:00Z", 2)).isEqualTo(Instant.parse("2027-03-31T08:00:00Z"));
    }

    /**
     * Counting in dates and placing the result in the zone once gives what counting day by day in the zone gives,
     * across both clock changes of two years; only a time of day that a clock change skips (02:00-03:00) is not
     * compared, since it does not exist on that day.
     */
    @Test
    void countingInDatesMatchesCountingInTheZone() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        for (Instant at = from; at.isBefore(from.plus(java.time.Duration.ofDays(730)));
             at = at.plus(java.time.Duration.ofMinutes(433))) {
            int hour = at.atZone(WorkingDays.ZONE).getHour();
            if (hour == 2) {
                continue;
            }
            for (int days : new int[] {0, 1, 5, 30, 60}) {
                assertThat(WorkingDays.add(at, days)).as("%s plus %d working days", at, days)
                        .isEqualTo(dayByDay(at, days));
            }
        }
    }

    private static Instant dayByDay(Instant from, int days) {
        java.time.ZonedDateTime due = from.atZone(WorkingDays.ZONE);
        if (!WorkingDays.isWorkingDay(due.toLocalDate())) {
            LocalDate next = due.toLocalDate().plusDays(1);
            while (!WorkingDays.isWorkingDay(next)) {
                next = next.plusDays(1);
            }
            due = next.atTime(WorkingDays.OPENS).atZone(WorkingDays.ZONE);
        }
        for (int added = 0; added < days; ) {
            due = due.plusDays(1);
            if (WorkingDays.isWorkingDay(due.toLocalDate())) {
                added++;
            }
        }
        return due.toInstant();
    }
}
