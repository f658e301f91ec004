package nl.gehoord.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;
import nl.gehoord.intake.CaseStatus;
import nl.gehoord.intake.CaseTexts;
import nl.gehoord.text.Language;
import nl.gehoord.text.Messages;
import nl.gehoord.trends.TrendLabels;

/**
 * The words of the staff pages (Dutch, the staff's working language): labels from {@code web/words_nl.properties},
 * the category names the council trends use, and dates in Amsterdam time. What a young person reads never comes
 * from here but from the message catalogs.
 */
public final class Words {
    private static final Locale NL = Locale.forLanguageTag("nl");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", NL);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Properties words = Messages.load("web/words_nl.properties");
    private final Properties flow = Messages.load("flow/texts_nl.properties");
    private final TrendLabels labels;
    private final Clock clock;

    public Words(TrendLabels labels, Clock clock) {
        this.labels = labels;
        this.clock = clock;
    }

    public String get(String key) {
        String value = words.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no staff page word for " + key);
        }
        return value;
    }

    public String get(String key, Object... args) {
        return new java.text.MessageFormat(get(key).replace("'", "''"), NL).format(args);
    }

    public boolean has(String key) {
        return words.containsKey(key);
    }

    public String status(CaseStatus status) {
        return get("status." + status.code());
    }

    /** A choice of the inbox's status filter: a status's code, or {@code open} or {@code all}. */
    public String status(String filter) {
        return get("status." + filter);
    }

    public String sla(String state) {
        return get("sla." + state);
    }

    public String topic(String topic) {
        return topic == null ? labels.text(Language.NL, "topic.unknown") : labels.text(Language.NL, "topic." + topic);
    }

    public String setting(String setting) {
        return setting == null ? "" : labels.text(Language.NL, "setting." + setting);
    }

    public String ageBand(String band) {
        return labels.text(Language.NL, "ageBand." + (band == null ? "unknown" : band));
    }

    public String label(String dimension, String value) {
        if (value == null) {
            return "";
        }
        String text = switch (dimension) {
            case "month", "region" -> value;
            default -> labels.text(Language.NL, dimension + "." + value);
        };
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The question of an intake step, as the young person saw it. */
    public String question(String step) {
        return flow.getProperty("step." + step + ".title", step);
    }

    /** The option the young person chose, in the words they saw; typed text comes back as typed. */
    public String answer(String step, String value) {
        return value == null ? "" : flow.getProperty("option." + step + "." + value, value);
    }

    public String kind(String kind) {
        return flow.getProperty("kind." + kind + ".title", kind);
    }

    /** A count for the council table; a hidden one says so in words. */
    public String number(Long value) {
        return value == null ? get("council.hidden") : String.format(NL, "%,d", value);
    }

    public String share(Double value) {
        return value == null ? get("council.hidden") : Math.round(value * 100) + "%";
    }

    public String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(CaseTexts.ZONE));
    }

    /** The value for a datetime-local field, in Amsterdam time. */
    public String inputValue(Instant at) {
        return at == null ? "" : INPUT.format(at.atZone(CaseTexts.ZONE));
    }

    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** How long ago, in rounded words ("3 uur", "2 dagen"): the inbox's age band. */
    public String age(Instant since) {
        Duration d = Duration.between(since, clock.instant());
        if (d.toMinutes() < 60) {
            return Math.max(0, d.toMinutes()) + " min";
        }
        if (d.toHours() < 48) {
            return d.toHours() + " uur";
        }
        return d.toDays() + " dagen";
    }

    /** Due in words, with its SLA state: "te laat sinds ...", "bijna te laat: ...". */
    public String due(Instant dueAt, String slaState) {
        if (dueAt == null) {
            return "ok".equals(slaState) ? get("due.none") : sla(slaState);
        }
        return sla(slaState) + " – " + when(dueAt);
    }
}
