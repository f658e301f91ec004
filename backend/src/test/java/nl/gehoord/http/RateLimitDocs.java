package nl.gehoord.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.gehoord.config.RateRule;

/** Reads the rate limits the contract and docs/security.md state, as setting names and rules. */
final class RateLimitDocs {
    private static final Pattern IN_SPEC = Pattern.compile(
            "(per device|per network address|per account|in total|overall) \\(([\\d,]+) (an hour|per 15 minutes)\\)");
    private static final Map<String, String> ACTIONS = Map.of(
            "register an app install", "register", "create a case", "case", "send a message", "message",
            "claim a case", "claim", "staff log-in", "login", "accept a staff invitation", "invitation");
    private static final List<String> COLUMNS = List.of("device", "address", "account", "global");

    private RateLimitDocs() {
    }

    /** "Rate-limited per device (10 an hour), per network address (30 an hour) and in total (1000 an hour)". */
    static Map<String, RateRule> inSpec(String action, String description) {
        Map<String, RateRule> out = new LinkedHashMap<>();
        Matcher m = IN_SPEC.matcher(description.replaceAll("\\s+", " "));
        while (m.find()) {
            String scope = switch (m.group(1)) {
                case "per device" -> "device";
                case "per network address" -> "address";
                case "per account" -> "account";
                default -> "global";
            };
            Duration period = m.group(3).equals("an hour") ? Duration.ofHours(1) : Duration.ofMinutes(15);
            out.put(action + "." + scope, new RateRule(Long.parseLong(m.group(2).replace(",", "")), period));
        }
        return out;
    }

    /** The table under "## Rate limits (defaults)": one row per action, one column per scope. */
    static Map<String, RateRule> inSecurityTable(String markdown) {
        String section = markdown.substring(markdown.indexOf("## Rate limits (defaults)"));
        Map<String, RateRule> out = new LinkedHashMap<>();
        for (String line : section.lines().skip(1).takeWhile(l -> l.startsWith("|")).toList()) {
            String[] cells = line.split("\\|");
            String action = ACTIONS.get(cells[1].trim());
            if (action == null) {
                continue;
            }
            for (int i = 0; i < COLUMNS.size(); i++) {
                String cell = cells[i + 2].trim();
                // "-" is no limit; words (the log-in's slow-down per account) are no rate limit either.
                if (cell.matches("[\\d,]+ / (hour|15 min)")) {
                    String[] parts = cell.split(" / ");
                    Duration period = parts[1].equals("hour") ? Duration.ofHours(1) : Duration.ofMinutes(15);
                    out.put(action + "." + COLUMNS.get(i), new RateRule(Long.parseLong(parts[0].replace(",", "")),
                            period));
                }
            }
        }
        return out;
    }
}
