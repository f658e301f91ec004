package nl.gehoord.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import nl.gehoord.backup.SqliteBackup;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The data folder, the database with its -wal and -shm, the key file and backups are for the server's user only. */
class DataFilesTest {
    @Test
    void theDataFolderAndEveryDatabaseFileAreOwnerOnly() throws Exception {
        Path root = Files.createTempDirectory("gehoord-modes");
        Path data = root.resolve("data");
        try (TestServer server = TestServer.startIn(data, Map.of())) {
            Journeys.submitCase(Journeys.newDevice(server.client()), "Een verhaal voor de rechten.");
            assertThat(mode(data)).isEqualTo("rwx------");
            for (String name : new String[] {"gehoord.db", "gehoord.db-wal", "gehoord.db-shm", "keys.json"}) {
                assertThat(mode(data.resolve(name))).as(name).isEqualTo("rw-------");
            }
            Path backup = root.resolve("backups/copy.db");
            SqliteBackup.backup(server.settings().databaseUrl(), backup);
            assertThat(mode(backup)).isEqualTo("rw-------");
            assertThat(mode(backup.getParent())).isEqualTo("rwx------");
        }
        // A database left readable by others (copied in by hand, an older version) is tightened at start.
        Files.setPosixFilePermissions(data.resolve("gehoord.db"), PosixFilePermissions.fromString("rw-r--r--"));
        try (TestServer server = TestServer.startIn(data, Map.of())) {
            assertThat(mode(data.resolve("gehoord.db"))).isEqualTo("rw-------");
        }
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
