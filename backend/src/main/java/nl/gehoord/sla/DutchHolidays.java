package nl.gehoord.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The days off that deadlines skip: the "algemeen erkende feestdagen" of the Algemene termijnenwet, the law by
 * which Dutch legal time limits are counted. Article 3(1) lists New Year's Day, Easter Monday, Ascension Day,
 * Whit Monday, Christmas and Boxing Day, King's Day and 5 May; article 3(2) puts Good Friday on the same
 * footing, so it is in. Easter Sunday and Whit Sunday are Sundays anyway. Days the government adds by decree
 * for a few years at a time (article 3(3), such as the Friday after Ascension) are not in the law itself and
 * are not counted here.
 */
public final class DutchHolidays {
    private DutchHolidays() {
    }

    /** Each year's days, made once: every deadline asks about many days. */
    private static final Map<Integer, Set<LocalDate>> BY_YEAR = new ConcurrentHashMap<>();

    public static boolean isHoliday(LocalDate date) {
        return BY_YEAR.computeIfAbsent(date.getYear(), DutchHolidays::holidays).contains(date);
    }

    public static Set<LocalDate> holidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        days.add(LocalDate.of(year, 1, 1));
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));       // Goede Vrijdag: article 3(2)
        days.add(easter);                    // Eerste Paasdag
        days.add(easter.plusDays(1));        // Tweede Paasdag
        LocalDate kingsDay = LocalDate.of(year, 4, 27);
        days.add(kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY ? kingsDay.minusDays(1) : kingsDay);
        days.add(LocalDate.of(year, 5, 5));  // Bevrijdingsdag
        days.add(easter.plusDays(39));       // Hemelvaartsdag
        days.add(easter.plusDays(49));       // Eerste Pinksterdag
        days.add(easter.plusDays(50));       // Tweede Pinksterdag
        days.add(MonthDay.of(12, 25).atYear(year));
        days.add(MonthDay.of(12, 26).atYear(year));
        return Set.copyOf(days);
    }

    /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
