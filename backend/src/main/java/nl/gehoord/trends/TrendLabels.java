package nl.gehoord.trends;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import nl.gehoord.text.Language;

/** Words for the chart: dimension values and chart texts, in Dutch and English. */
public final class TrendLabels {
    private final Map<Language, Properties> texts = new EnumMap<>(Language.class);

    public TrendLabels() {
        for (Language language : Language.values()) {
            Properties p = new Properties();
            String path = "/trends/labels_" + language.tag() + ".properties";
            try (InputStream in = TrendLabels.class.getResourceAsStream(path)) {
                if (in == null) {
                    // Council charts are written in Dutch and English; other languages read the English.
                    if (language == Language.NL || language == Language.EN) {
                        throw new IllegalStateException("missing " + path);
                    }
                    continue;
                }
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            texts.put(language, p);
        }
    }

    public String text(Language language, String key, Object... args) {
        String value = null;
        for (Language candidate : language.chain()) {
            Properties found = texts.get(candidate);
            if (value == null && found != null) {
                value = found.getProperty(key);
            }
        }
        value = value == null ? key : value;
        return args.length == 0 ? value : new MessageFormat(value, Locale.ROOT).format(args);
    }

    /** The plain explanation of how the numbers were changed, for councils. */
    public String explanation(Language language, TrendsTable.Perturbation perturbation) {
        return text(language, "perturbation.explanation", perturbation.maxDeviation(),
                perturbation.neverPublished().size() + 1, perturbation.layersFinalAfterMonths());
    }

    /** A cell value in words; region names come from the database. */
    public String value(Language language, String dim, String value, Map<String, String> regionNames) {
        return switch (dim) {
            case TrendDims.MONTH -> YearMonth.parse(value).format(
                    DateTimeFormatter.ofPattern("MMM yyyy", Locale.forLanguageTag(language.tag())));
            case TrendDims.REGION -> regionNames.getOrDefault(value, value);
            default -> text(language, dim + "." + value);
        };
    }
}
