package nl.gehoord.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The operator's commands through the real command line (a separate JVM), next to a running server. */
class MainCommandsTest {
    private record Run(int exitCode, String output) {
    }

    @Test
    void backupRotateAndReencryptRunBesideTheServerAndBadUsageSaysSo() throws Exception {
        try (TestServer server = TestServer.start()) {
            Journeys.submitCase(Journeys.newDevice(server.client()), "Een zaak voor de opdrachtregel.");
            Path backup = Files.createTempDirectory("gehoord-cli").resolve("copy.db");

            Run made = main(server.dataDir(), "backup", "--to", backup.toString());
            assertThat(made.exitCode()).as(made.output()).isZero();
            assertThat(made.output()).contains("Backup written").contains("1 cases");
            assertThat(backup).exists();

            Run rotated = main(server.dataDir(), "rotate-key");
            assertThat(rotated.exitCode()).as(rotated.output()).isZero();
            Run moved = main(server.dataDir(), "reencrypt");
            assertThat(moved.exitCode()).as(moved.output()).isZero();
            assertThat(moved.output()).contains("0 still on an older key");

            assertThat(main(server.dataDir(), "backup").exitCode()).isEqualTo(2);
            Run missing = main(server.dataDir(), "restore", "--from", backup.resolveSibling("nope.db").toString());
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.output()).contains("cannot be read");
            assertThat(server.client().get("/ready").status()).isEqualTo(200);
        }
    }

    @Test
    void verifyAuditPrintsAHeadThatALaterRunChecks() throws Exception {
        try (TestServer server = TestServer.start()) {
            Journeys.staff(server.client(), "trust@demo.local");
            Run first = main(server.dataDir(), "verify-audit");
            assertThat(first.exitCode()).as(first.output()).isZero();
            java.util.regex.Matcher head = java.util.regex.Pattern.compile("Head: ([0-9]+:[0-9a-f]{64})")
                    .matcher(first.output());
            assertThat(head.find()).as(first.output()).isTrue();

            Journeys.staff(server.client(), "coordinator@demo.local");
            Run later = main(server.dataDir(), "verify-audit", "--expect-head", head.group(1));
            assertThat(later.exitCode()).as(later.output()).isZero();
            assertThat(later.output()).contains("including the expected head");

            String forged = head.group(1).substring(0, head.group(1).indexOf(':') + 1) + "0".repeat(64);
            assertThat(main(server.dataDir(), "verify-audit", "--expect-head", forged).exitCode()).isEqualTo(1);
            assertThat(main(server.dataDir(), "verify-audit", "--expect-head", "nonsense").exitCode()).isEqualTo(2);
        }
    }

    @Test
    void serveExitWhenStartedMigratesAFreshFolderAndStops() throws Exception {
        Path dataDir = Files.createTempDirectory("gehoord-train");
        Run run = main(dataDir, "serve", "--exit-when-started");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Gehoord started and stopped.");
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("gehoord.db"));
             java.sql.ResultSet rs = db.createStatement().executeQuery(
                     "SELECT COUNT(*), MIN(success) FROM flyway_schema_history WHERE version IS NOT NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(migrations("common") + migrations("sqlite"));
            assertThat(rs.getInt(2)).isEqualTo(1);
        }
    }

    private static int migrations(String folder) throws IOException {
        try (var files = Files.list(Path.of("src/main/resources/db/migration", folder))) {
            return (int) files.filter(f -> f.getFileName().toString().startsWith("V")).count();
        }
    }

    private static Run main(Path dataDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dgehoord.test.log=target/test-logs/cli-child-" + System.nanoTime() + ".log", "nl.gehoord.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GEHOORD_DATA_DIR", dataDir.toString());
        builder.environment().put("GEHOORD_HOST", "127.0.0.1");
        builder.environment().put("GEHOORD_PORT", "0");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
