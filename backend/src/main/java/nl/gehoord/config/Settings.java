package nl.gehoord.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting the server reads at start-up, already checked. */
public record Settings(
        int port,
        String host,
        Path dataDir,
        String databaseUrl,
        Path keyFile,
        Optional<Path> firebaseCredentials,
        Optional<String> demoPassword,
        long maxRequestBytes,
        String allowedOrigins,
        // --- Safety and abuse resistance: client address, rate limits, retention ---
        List<String> trustedProxies,
        Map<String, RateRule> rateLimits,
        RetentionSettings retention,
        // How long an instance's claim on a batch of pushes holds; after it a live instance takes them over.
        java.time.Duration pushLease,
        // How long a blocking read of a request body waits for the next bytes before answering 408.
        java.time.Duration bodyStall) {

    /** The browser origins CORS allows, from the comma-separated setting. */
    public List<String> allowedOriginList() {
        return Arrays.stream(allowedOrigins.split(",")).map(String::trim).filter(o -> !o.isEmpty()).toList();
    }

    public boolean isSqlite() {
        return databaseUrl.startsWith("jdbc:sqlite:");
    }
}
