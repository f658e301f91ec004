package nl.gehoord.config;

import java.time.Duration;
import java.util.Locale;

/**
 * One rate limit as configured: {@code capacity} actions per {@code period}, written {@code 10/1h},
 * {@code 20/15m}, {@code 1000/1d} or {@code 5/30s}.
 */
public record RateRule(long capacity, Duration period) {
    public RateRule {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least 1 action per positive period");
        }
    }

    /** Parses {@code <count>/<number><s|m|h|d>}; throws ConfigException naming the setting when it cannot. */
    public static RateRule parse(String setting, String raw) {
        String value = raw.trim().toLowerCase(Locale.ROOT);
        String hint = setting + " must look like 10/1h (a count, a slash, a number and s, m, h or d), got '"
                + raw + "'.";
        if (!value.matches("\\d{1,9}/\\d{1,6}[smhd]")) {
            throw new ConfigException(hint);
        }
        String[] parts = value.split("/");
        long count = Long.parseLong(parts[0]);
        long amount = Long.parseLong(parts[1].substring(0, parts[1].length() - 1));
        Duration period = switch (parts[1].charAt(parts[1].length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (count < 1 || period.isZero()) {
            throw new ConfigException(setting + " must allow at least 1 action in a period longer than 0, got '"
                    + raw + "'.");
        }
        return new RateRule(count, period);
    }

    @Override
    public String toString() {
        return capacity + "/" + period;
    }
}
