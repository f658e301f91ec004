package nl.gehoord.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import nl.gehoord.intake.CaseStatus;
import nl.gehoord.intake.CaseTexts;
import nl.gehoord.text.Language;
import nl.gehoord.text.Messages;
import nl.gehoord.trends.TrendLabels;

/**
 * The words of the staff pages in the staff member's language (their profile's language where the pages are
 * written in it, Dutch otherwise): labels from {@code web/words_<lang>.properties}, the category names the council
 * trends use, and dates in Amsterdam time. What a young person reads never comes from here but from the message
 * catalogs; the intake questions and options stay as the intake wrote them (Dutch).
 */
public final class Words {
    /** The languages the staff pages are written in; every file has the same keys. */
    public static final List<Language> WRITTEN = List.of(Language.NL, Language.EN);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Language language;
    private final Locale locale;
    private final DateTimeFormatter when;
    private final Properties words;
    private final Properties flow;
    private final TrendLabels labels;
    private final Clock clock;
    private final Map<Language, Words> others;

    /** The Dutch words, which also hand out the other written languages ({@link #in}). */
    public Words(TrendLabels labels, Clock clock) {
        this(Language.NL, labels, clock, Messages.load("flow/texts_nl.properties"), new EnumMap<>(Language.class));
        others.put(Language.NL, this);
        for (Language l : WRITTEN) {
            others.computeIfAbsent(l, x -> new Words(x, labels, clock, flow, others));
        }
    }

    private Words(Language language, TrendLabels labels, Clock clock, Properties flow, Map<Language, Words> others) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language.tag());
        this.when = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", locale);
        this.words = Messages.load("web/words_" + language.tag() + ".properties");
        this.flow = flow;
        this.labels = labels;
        this.clock = clock;
        this.others = others;
    }

    /** The words in this language when the pages are written in it, else in Dutch. */
    public Words in(Language wanted) {
        return others.getOrDefault(wanted, others.get(Language.NL));
    }

    public Language language() {
        return language;
    }

    public String get(String key) {
        String value = words.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no staff page word for " + key);
        }
        return value;
    }

    public String get(String key, Object... args) {
        return new java.text.MessageFormat(get(key).replace("'", "''"), locale).format(args);
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

    /** A role's name; an unknown one shows as stored rather than failing the page. */
    public String role(String role) {
        return role == null ? "" : has("role." + role) ? get("role." + role) : role;
    }

    /** The name of a language by its tag (the young person's, say), in the staff member's words. */
    public String languageName(String tag) {
        return tag != null && has("language." + tag) ? get("language." + tag) : String.valueOf(tag);
    }

    /** A signal's theme from the fixed list. */
    public String theme(String theme) {
        return get("signal.theme." + theme);
    }

    public String sla(String state) {
        return get("sla." + state);
    }

    public String topic(String topic) {
        return topic == null ? labels.text(language, "topic.unknown") : labels.text(language, "topic." + topic);
    }

    public String setting(String setting) {
        return setting == null ? "" : labels.text(language, "setting." + setting);
    }

    public String ageBand(String band) {
        return labels.text(language, "ageBand." + (band == null ? "unknown" : band));
    }

    public String label(String dimension, String value) {
        if (value == null) {
            return "";
        }
        String text = switch (dimension) {
            case "month", "region" -> value;
            default -> labels.text(language, dimension + "." + value);
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

    /** A count for the council table (perturbed, as the trends answer gives it). */
    public String number(Long value) {
        return value == null ? get("council.none") : String.format(locale, "%,d", value);
    }

    /** A share of first answers on time; none when no first answer was due yet. */
    public String share(Double value) {
        return value == null ? get("council.share.none") : Math.round(value * 100) + "%";
    }

    /** Numbers as a list in words: "1 en 2". */
    public String list(java.util.List<Integer> values) {
        if (values.isEmpty()) {
            return "";
        }
        java.util.List<String> parts = values.stream().map(String::valueOf).toList();
        return parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1)) + " "
                + get("and") + " " + parts.get(parts.size() - 1);
    }

    public String when(Instant at) {
        return at == null ? "" : when.format(at.atZone(CaseTexts.ZONE));
    }

    /** The end of a span that began at {@code first}: only the time when it is the same day. */
    public String until(Instant first, Instant last) {
        if (first == null || last == null) {
            return when(last);
        }
        return first.atZone(CaseTexts.ZONE).toLocalDate().equals(last.atZone(CaseTexts.ZONE).toLocalDate())
                ? DateTimeFormatter.ofPattern("HH:mm", locale).format(last.atZone(CaseTexts.ZONE)) : when(last);
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
            return get("age.minutes", Math.max(0, d.toMinutes()));
        }
        if (d.toHours() < 48) {
            return get("age.hours", d.toHours());
        }
        return get("age.days", d.toDays());
    }

    /** Due in words, with its SLA state: "te laat sinds ...", "bijna te laat: ...". */
    public String due(Instant dueAt, String slaState) {
        if (dueAt == null) {
            return "ok".equals(slaState) ? get("due.none") : sla(slaState);
        }
        return sla(slaState) + " – " + when(dueAt);
    }
}
