package nl.gehoord.trends;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/** The dimensions a council may break trends down by, and the coded values each can take, in a fixed order. */
public final class TrendDims {
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    public static final String MONTH = "month";
    public static final String TOPIC = "topic";
    public static final String SETTING = "setting";
    public static final String REGION = "region";
    public static final String AGE_BAND = "ageBand";
    public static final List<String> ALL = List.of(MONTH, TOPIC, SETTING, REGION, AGE_BAND);
    public static final String UNKNOWN = "unknown";

    public static final List<String> TOPICS = List.of(UNKNOWN, "treatment", "verbal_violence", "physical_violence",
            "sexual", "freedom", "help_quality", "unsafe_situation", "information", "decisions", "rights",
            "complaint_handling", "other");
    public static final List<String> SETTINGS = List.of("other", "foster_care", "residential", "closed_care",
            "youth_protection", "youth_prison", "outpatient");
    public static final List<String> AGE_BANDS = List.of(UNKNOWN, "10_12", "13_15", "16_17", "18_23");

    private TrendDims() {
    }

    public static String month(long epochMillis) {
        return YearMonth.from(Instant.ofEpochMilli(epochMillis).atZone(ZONE)).toString();
    }

    /** A stored value, mapped into the dimension's list (anything unexpected counts as unknown or other). */
    static String topic(String stored) {
        return stored != null && TOPICS.contains(stored) ? stored : stored == null ? UNKNOWN : "other";
    }

    static String setting(String stored) {
        return stored != null && SETTINGS.contains(stored) ? stored : "other";
    }

    static String ageBand(String stored) {
        return stored != null && AGE_BANDS.contains(stored) ? stored : UNKNOWN;
    }
}
