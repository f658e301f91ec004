package nl.gehoord.config;

import java.nio.file.Path;
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
        String allowedOrigins) {

    public boolean isSqlite() {
        return databaseUrl.startsWith("jdbc:sqlite:");
    }
}
