package nl.gehoord.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import nl.gehoord.http.IpRanges;

/**
 * Reads settings from environment variables. A config file named by GEHOORD_CONFIG_FILE (Java properties,
 * same keys as the variables) may add to them; the environment wins. Fails fast with a plain message.
 */
public final class SettingsLoader {
    private final Map<String, String> values;

    private SettingsLoader(Map<String, String> values) {
        this.values = values;
    }

    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    public static Settings from(Map<String, String> env) {
        Map<String, String> merged = new HashMap<>();
        String configFile = env.get("GEHOORD_CONFIG_FILE");
        if (configFile != null && !configFile.isBlank()) {
            merged.putAll(readFile(Path.of(configFile)));
        }
        env.forEach((k, v) -> {
            if (k.startsWith("GEHOORD_") && v != null && !v.isBlank()) {
                merged.put(k, v);
            }
        });
        return new SettingsLoader(merged).load();
    }

    private static Map<String, String> readFile(Path file) {
        if (!Files.isReadable(file)) {
            throw new ConfigException("GEHOORD_CONFIG_FILE points to " + file + ", which cannot be read.");
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("GEHOORD_CONFIG_FILE " + file + " is not a valid properties file: " + e.getMessage());
        }
        Map<String, String> out = new HashMap<>();
        props.stringPropertyNames().forEach(k -> out.put(k.trim(), props.getProperty(k).trim()));
        return out;
    }

    private Settings load() {
        int port = integer("GEHOORD_PORT", 7070, 0, 65535);
        String host = values.getOrDefault("GEHOORD_HOST", "0.0.0.0");
        Path dataDir = Path.of(values.getOrDefault("GEHOORD_DATA_DIR", "./data")).toAbsolutePath().normalize();
        String dbUrl = values.getOrDefault("GEHOORD_DATABASE_URL", "jdbc:sqlite:" + dataDir.resolve("gehoord.db"));
        if (!dbUrl.startsWith("jdbc:sqlite:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("GEHOORD_DATABASE_URL must start with jdbc:sqlite: or jdbc:postgresql:, got '"
                    + dbUrl.replaceAll("password=[^&]*", "password=***") + "'.");
        }
        Path keyFile = Path.of(values.getOrDefault("GEHOORD_KEY_FILE", dataDir.resolve("keys.json").toString()))
                .toAbsolutePath().normalize();
        Optional<Path> firebase = Optional.ofNullable(values.get("GEHOORD_FIREBASE_CREDENTIALS")).map(Path::of);
        firebase.ifPresent(f -> {
            if (!Files.isReadable(f)) {
                throw new ConfigException("GEHOORD_FIREBASE_CREDENTIALS points to " + f
                        + ", which cannot be read. Give the path of a Firebase service-account JSON file, or leave it unset.");
            }
        });
        Optional<String> demoPassword = Optional.ofNullable(values.get("GEHOORD_DEMO_PASSWORD"));
        demoPassword.ifPresent(p -> {
            if (p.length() < 12) {
                throw new ConfigException("GEHOORD_DEMO_PASSWORD must be at least 12 characters long.");
            }
        });
        long maxRequestBytes = integer("GEHOORD_MAX_REQUEST_BYTES", 64 * 1024, 1024, 10 * 1024 * 1024);
        String origins = values.getOrDefault("GEHOORD_ALLOWED_ORIGINS", "");
        for (String origin : origins.split(",")) {
            String o = origin.trim();
            if (!o.isEmpty() && !o.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
                throw new ConfigException("GEHOORD_ALLOWED_ORIGINS must be a comma-separated list of origins such as "
                        + "https://app.example.nl (scheme, host and optional port; no path, no *), got '" + o + "'.");
            }
        }
        // --- Safety and abuse resistance ---
        List<String> trustedProxies = trustedProxies();
        Map<String, RateRule> rateLimits = RateLimitSettings.from(values);
        RetentionSettings retention = retention();
        java.time.Duration pushLease = java.time.Duration.ofSeconds(integer("GEHOORD_PUSH_LEASE_SECONDS", 60, 10, 3600));
        java.time.Duration bodyStall = java.time.Duration.ofSeconds(integer("GEHOORD_BODY_STALL_SECONDS", 10, 1, 300));
        return new Settings(port, host, dataDir, dbUrl, keyFile, firebase, demoPassword, maxRequestBytes, origins,
                trustedProxies, rateLimits, retention, pushLease, bodyStall);
    }

    /** Addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For may be believed. */
    private List<String> trustedProxies() {
        String raw = values.getOrDefault("GEHOORD_TRUSTED_PROXIES", "");
        List<String> out = new ArrayList<>();
        for (String part : raw.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (!IpRanges.isValid(p)) {
                throw new ConfigException("GEHOORD_TRUSTED_PROXIES must list IP addresses or CIDR ranges such as "
                        + "10.0.0.5 or 10.0.0.0/8, separated by commas; '" + p + "' is neither.");
            }
            out.add(p);
        }
        return List.copyOf(out);
    }

    private RetentionSettings retention() {
        RetentionSettings d = RetentionSettings.defaults();
        int months = integer("GEHOORD_RETENTION_CASE_MONTHS", d.closedCaseContent().getMonths(), 1, 120);
        int deviceDays = integer("GEHOORD_RETENTION_DEVICE_DAYS", (int) d.unusedDevice().toDays(), 1, 3650);
        int idempotencyDays = integer("GEHOORD_RETENTION_IDEMPOTENCY_DAYS", (int) d.idempotencyKeys().toDays(), 1, 365);
        LocalTime runAt = d.runAt();
        String raw = values.get("GEHOORD_RETENTION_RUN_AT");
        if (raw != null) {
            try {
                if (!raw.trim().matches("\\d{2}:\\d{2}")) {
                    throw new DateTimeParseException("format", raw, 0);
                }
                runAt = LocalTime.parse(raw.trim());
            } catch (DateTimeParseException e) {
                throw new ConfigException("GEHOORD_RETENTION_RUN_AT must be a time of day like 03:30, got '" + raw + "'.");
            }
        }
        return new RetentionSettings(Period.ofMonths(months), Duration.ofDays(deviceDays),
                Duration.ofDays(idempotencyDays), runAt);
    }

    private int integer(String name, int defaultValue, int min, int max) {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new ConfigException(name + " must be between " + min + " and " + max + ", got " + value + ".");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, got '" + raw + "'.");
        }
    }
}
