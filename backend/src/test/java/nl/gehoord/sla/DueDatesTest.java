package nl.gehoord.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DueDatesTest {
    private final DueDates due = DueDates.defaults();

    @Test
    void twoWorkingDaysSkipTheWeekend() {
        // Thursday 10:00 Amsterdam -> Monday 10:00.
        assertThat(due.firstResponseDue(Instant.parse("2026-11-26T09:00:00Z"), false))
                .isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        // Saturday counts from Monday 09:00 -> Wednesday 09:00.
        assertThat(due.firstResponseDue(Instant.parse("2026-11-28T15:00:00Z"), false))
                .isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
    }

    @Test
    void publicHolidaysAreNoWorkingDays() {
        // Wednesday 23 December 2026, 10:00 -> 24th is a working day, 25/26/27 are not -> Monday 28th.
        assertThat(due.firstResponseDue(Instant.parse("2026-12-23T09:00:00Z"), false))
                .isEqualTo(Instant.parse("2026-12-28T09:00:00Z"));
        assertThat(DutchHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(DutchHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(DutchHolidays.isHoliday(LocalDate.of(2026, 4, 27))).as("Koningsdag").isTrue();
        assertThat(DutchHolidays.isHoliday(LocalDate.of(2025, 4, 26))).as("Koningsdag on a Sunday moves to Saturday").isTrue();
        assertThat(DutchHolidays.isHoliday(LocalDate.of(2026, 5, 14))).as("Hemelvaart 2026").isTrue();
        assertThat(DueDates.isWorkingDay(LocalDate.of(2026, 11, 23))).isTrue();
    }

    @Test
    void urgentCasesRunRoundTheClock() {
        assertThat(due.firstResponseDue(Instant.parse("2026-11-28T22:00:00Z"), true))
                .isEqualTo(Instant.parse("2026-11-29T02:00:00Z"));
    }
}
