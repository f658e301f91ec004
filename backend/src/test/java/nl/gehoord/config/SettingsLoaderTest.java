package nl.gehoord.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsPutEverythingInTheDataFolder() {
        Settings settings = SettingsLoader.from(Map.of("GEHOORD_DATA_DIR", dir.toString()));
        assertThat(settings.port()).isEqualTo(7070);
        assertThat(settings.databaseUrl()).isEqualTo("jdbc:sqlite:" + dir.resolve("gehoord.db"));
        assertThat(settings.keyFile()).isEqualTo(dir.resolve("keys.json"));
        assertThat(settings.firebaseCredentials()).isEmpty();
        assertThat(settings.isSqlite()).isTrue();
        assertThat(settings.bodyStall()).isEqualTo(java.time.Duration.ofSeconds(10));
    }

    @Test
    void badSettingsFailFastNamingTheSetting() {
        assertThatThrownBy(() -> SettingsLoader.from(Map.of("GEHOORD_PORT", "seventy")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GEHOORD_PORT");
        assertThatThrownBy(() -> SettingsLoader.from(Map.of("GEHOORD_PORT", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GEHOORD_PORT");
        assertThatThrownBy(() -> SettingsLoader.from(Map.of("GEHOORD_DATABASE_URL", "jdbc:mysql://x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GEHOORD_DATABASE_URL");
        assertThatThrownBy(() -> SettingsLoader.from(Map.of("GEHOORD_FIREBASE_CREDENTIALS", "/nope/sa.json")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GEHOORD_FIREBASE_CREDENTIALS");
        assertThatThrownBy(() -> SettingsLoader.from(Map.of("GEHOORD_DEMO_PASSWORD", "short")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GEHOORD_DEMO_PASSWORD");
        assertThatThrownBy(() -> SettingsLoader.from(Map.of("GEHOORD_BODY_STALL_SECONDS", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GEHOORD_BODY_STALL_SECONDS");
        assertThatThrownBy(() -> SettingsLoader.from(Map.of("GEHOORD_CONFIG_FILE", "/nope/gehoord.properties")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GEHOORD_CONFIG_FILE");
    }

    @Test
    void aConfigFileAddsAndTheEnvironmentWins() throws IOException {
        Path file = dir.resolve("gehoord.properties");
        Files.writeString(file, "GEHOORD_PORT=8080\nGEHOORD_DATA_DIR=" + dir + "\n");
        Settings fromFile = SettingsLoader.from(Map.of("GEHOORD_CONFIG_FILE", file.toString()));
        assertThat(fromFile.port()).isEqualTo(8080);
        assertThat(fromFile.dataDir()).isEqualTo(dir);
        Settings envWins = SettingsLoader.from(Map.of("GEHOORD_CONFIG_FILE", file.toString(), "GEHOORD_PORT", "9090"));
        assertThat(envWins.port()).isEqualTo(9090);
    }
}
