package nl.gehoord.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rate limits and their defaults, by {@code action.scope}. Each can be changed with an environment variable
 * {@code GEHOORD_RATE_LIMIT_<ACTION>_<SCOPE>}, e.g. {@code GEHOORD_RATE_LIMIT_CLAIM_DEVICE=5/1h}. Per-address
 * limits are generous because a whole group home may share one address; per-device and global limits do the
 * real work. docs/security.md explains the numbers.
 */
public final class RateLimitSettings {
    public static final String PREFIX = "GEHOORD_RATE_LIMIT_";

    /** Every limit the server knows, with its default. Order is the order of the documentation. */
    public static final Map<String, RateRule> DEFAULTS = defaults();

    private RateLimitSettings() {
    }

    private static Map<String, RateRule> defaults() {
        Map<String, RateRule> d = new LinkedHashMap<>();
        d.put("register.address", new RateRule(60, Duration.ofHours(1)));
        d.put("register.global", new RateRule(20_000, Duration.ofHours(1)));
        d.put("case.device", new RateRule(10, Duration.ofHours(1)));
        d.put("case.address", new RateRule(100, Duration.ofHours(1)));
        d.put("case.global", new RateRule(10_000, Duration.ofHours(1)));
        d.put("message.device", new RateRule(120, Duration.ofHours(1)));
        d.put("message.address", new RateRule(1_000, Duration.ofHours(1)));
        d.put("message.global", new RateRule(50_000, Duration.ofHours(1)));
        d.put("claim.device", new RateRule(10, Duration.ofHours(1)));
        d.put("claim.address", new RateRule(30, Duration.ofHours(1)));
        d.put("claim.global", new RateRule(1_000, Duration.ofHours(1)));
        d.put("login.address", new RateRule(30, Duration.ofMinutes(15)));
        d.put("login.global", new RateRule(2_000, Duration.ofMinutes(15)));
        d.put("invitation.address", new RateRule(10, Duration.ofHours(1)));
        d.put("invitation.global", new RateRule(500, Duration.ofHours(1)));
        return java.util.Collections.unmodifiableMap(d);
    }

    /** The environment variable for a limit name: "claim.device" gives GEHOORD_RATE_LIMIT_CLAIM_DEVICE. */
    public static String variable(String name) {
        return PREFIX + name.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The defaults with every GEHOORD_RATE_LIMIT_* value applied; an unknown name or a bad value fails fast. */
    static Map<String, RateRule> from(Map<String, String> values) {
        Map<String, String> byVariable = new LinkedHashMap<>();
        DEFAULTS.keySet().forEach(name -> byVariable.put(variable(name), name));
        Map<String, RateRule> out = new LinkedHashMap<>(DEFAULTS);
        values.forEach((key, raw) -> {
            if (!key.startsWith(PREFIX)) {
                return;
            }
            String name = byVariable.get(key);
            if (name == null) {
                throw new ConfigException(key + " is not a known rate limit. Known: "
                        + String.join(", ", byVariable.keySet()) + ".");
            }
            out.put(name, RateRule.parse(key, raw));
        });
        return java.util.Collections.unmodifiableMap(out);
    }
}
