package nl.gehoord.trends;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.FieldError;

/**
 * What a council asks: a range of whole months that have ended, and up to three dimensions. A range always
 * starts on the first day of a month and ends on the last day of a month: anything narrower is refused.
 */
public record TrendsQuery(YearMonth from, YearMonth to, List<String> by) {
    public static final int MAX_DIMENSIONS = 3;
    public static final int MAX_MONTHS = 60;

    public TrendsQuery {
        by = List.copyOf(by);
    }

    public boolean byMonth() {
        return by.contains(TrendDims.MONTH);
    }

    /** The asked dimensions other than month, in the asked order. */
    public List<String> categoryDims() {
        return by.stream().filter(d -> !d.equals(TrendDims.MONTH)).toList();
    }

    public List<String> months() {
        List<String> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }

    /**
     * Parses the query parameters. Missing from/to mean the last twelve months that have ended.
     *
     * @param currentMonth the month it is now (in the Netherlands); it has not ended, so it cannot be asked for
     */
    public static TrendsQuery parse(String from, String to, String by, YearMonth currentMonth) {
        List<FieldError> errors = new ArrayList<>();
        YearMonth lastEnded = currentMonth.minusMonths(1);
        YearMonth end = to == null || to.isBlank() ? lastEnded : month(to, false, "to", errors);
        YearMonth start = from == null || from.isBlank() ? (end == null ? null : end.minusMonths(11))
                : month(from, true, "from", errors);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                errors.add(new FieldError("from", "from_after_to"));
            } else if (end.isAfter(lastEnded)) {
                errors.add(new FieldError("to", "month_not_ended"));
            } else if (start.plusMonths(MAX_MONTHS).isBefore(end.plusMonths(1))) {
                errors.add(new FieldError("from", "range_too_long"));
            }
        }
        List<String> dims = dimensions(by, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new TrendsQuery(start, end, dims);
    }

    /** YYYY-MM, or YYYY-MM-DD on a month boundary (the first day for from, the last day for to). */
    private static YearMonth month(String text, boolean start, String field, List<FieldError> errors) {
        String t = text.trim();
        try {
            if (t.length() == 7) {
                return YearMonth.parse(t);
            }
            if (t.length() == 10) {
                LocalDate date = LocalDate.parse(t);
                YearMonth month = YearMonth.from(date);
                boolean boundary = start ? date.getDayOfMonth() == 1 : date.equals(month.atEndOfMonth());
                if (!boundary) {
                    errors.add(new FieldError(field, "not_whole_month"));
                    return null;
                }
                return month;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError(field, "invalid_month"));
        return null;
    }

    private static List<String> dimensions(String by, List<FieldError> errors) {
        if (by == null || by.isBlank()) {
            return List.of();
        }
        Set<String> dims = new LinkedHashSet<>();
        for (String part : by.split(",", -1)) {
            String d = part.trim();
            if (!TrendDims.ALL.contains(d) || !dims.add(d)) {
                errors.add(new FieldError("by", "unknown_dimension"));
                return List.of();
            }
        }
        if (dims.size() > MAX_DIMENSIONS) {
            errors.add(new FieldError("by", "too_many_dimensions"));
        }
        return List.copyOf(dims);
    }
}
