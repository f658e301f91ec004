package nl.gehoord.trends;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What a stored publication covers: one month, or a rolling year (the twelve months ending at a month). Each is
 * perturbed once as cells of its own and stored in its own tables; docs/trends.md, Years, says why.
 */
enum Span {
    MONTH(1, "trend_published_months", "trend_published_cells"),
    YEAR(12, "trend_published_years", "trend_published_year_cells");

    /**
     * The most category dimensions a year's stored tables have: a year has its total and its tables by one or two of
     * topic, setting, region and age band; three-dimension tables are kept to months (a range of them is the sum of
     * its months), because their small cells are what an attacker combining years and months would learn most about.
     */
    static final int YEAR_MAX_DIMENSIONS = 2;

    final int months;
    final String monthsTable;
    final String cellsTable;

    Span(int months, String monthsTable, String cellsTable) {
        this.months = months;
        this.monthsTable = monthsTable;
        this.cellsTable = cellsTable;
    }

    /** The first month of the publication that ends at {@code end}. */
    YearMonth first(YearMonth end) {
        return end.minusMonths(months - 1L);
    }

    /** One stored publication: a span and its last month. */
    record Part(Span span, YearMonth end) {
    }

    /**
     * The fewest stored publications a range's table with this many category dimensions is the sum of: as many
     * years as fit, counted back from the range's end, then the months left at its start (only months for a table
     * that years do not have). Fixed by the range alone, so every answer about the range is the
     * same sum whenever it is asked.
     */
    static List<Part> parts(YearMonth from, YearMonth to, int dimensions) {
        List<Part> parts = new ArrayList<>();
        YearMonth end = to;
        while (dimensions <= YEAR_MAX_DIMENSIONS && !YEAR.first(end).isBefore(from)) {
            parts.add(new Part(YEAR, end));
            end = end.minusMonths(YEAR.months);
        }
        for (YearMonth m = from; !m.isAfter(end); m = m.plusMonths(1)) {
            parts.add(new Part(MONTH, m));
        }
        return List.copyOf(parts);
    }
}
