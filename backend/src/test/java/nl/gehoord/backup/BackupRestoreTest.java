package nl.gehoord.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Commands;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;

class BackupRestoreTest {
    /** Enough room for a write load from one address in a test. */
    static final Map<String, String> BUSY = Map.of(
            "GEHOORD_RATE_LIMIT_CASE_DEVICE", "100000/1h",
            "GEHOORD_RATE_LIMIT_CASE_ADDRESS", "100000/1h",
            "GEHOORD_RATE_LIMIT_REGISTER_ADDRESS", "100000/1h");

    private record Acknowledged(String token, String caseId, String story, long at) {
    }

    @Test
    void aBackupTakenUnderWriteLoadRestoresToAWorkingServerWithEveryAcknowledgedCase() throws Exception {
        Path backupFile = Files.createTempDirectory("gehoord-backup").resolve("nightly.db");
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        long backupStarted;
        long backupEnded;
        Path keyFile;
        try (TestServer server = TestServer.start(BUSY)) {
            ApiClient client = server.client();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.submit(() -> {
                    try {
                        String token = client.post("/v1/devices", Map.of("platform", "android", "locale", "nl"))
                                .text("deviceToken");
                        ApiClient device = client.as(token);
                        for (int i = 0; !stop.get(); i++) {
                            String story = "Verhaal " + writer + "-" + i;
                            ApiResponse created = device.header("Idempotency-Key", UUID.randomUUID().toString())
                                    .post("/v1/cases", Journeys.complaint(story));
                            assertThat(created.status()).as(created.toString()).isEqualTo(201);
                            acknowledged.add(new Acknowledged(token, created.text("caseId"), story, System.nanoTime()));
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                });
            }
            waitUntil(() -> acknowledged.size() >= 40);
            backupStarted = System.nanoTime();
            SqliteBackup.Result result = SqliteBackup.backup(server.settings().databaseUrl(), backupFile);
            backupEnded = System.nanoTime();
            int atBackupEnd = acknowledged.size();
            waitUntil(() -> acknowledged.size() >= atBackupEnd + 20);
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(failures).isEmpty();
            assertThat(result.cases()).isGreaterThanOrEqualTo(40);
            keyFile = server.settings().keyFile();
            System.out.printf("backup under load: %d cases, %d bytes, %d ms; %d cases written meanwhile%n",
                    result.cases(), result.bytes(), TimeUnit.NANOSECONDS.toMillis(backupEnded - backupStarted),
                    acknowledged.size());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backupFile))).isEqualTo("rw-------");

        Path restoredDir = Files.createTempDirectory("gehoord-restored");
        Files.copy(keyFile, restoredDir.resolve("keys.json"));
        SqliteBackup.Result restored = SqliteBackup.restore(backupFile,
                "jdbc:sqlite:" + restoredDir.resolve("gehoord.db"));

        List<Acknowledged> before = new ArrayList<>();
        acknowledged.forEach(a -> {
            if (a.at() < backupStarted) {
                before.add(a);
            }
        });
        assertThat(before).hasSizeGreaterThanOrEqualTo(40);
        assertThat(restored.cases()).isGreaterThanOrEqualTo(before.size());
        try (TestServer again = TestServer.startIn(restoredDir, BUSY)) {
            ApiClient client = again.client();
            for (Acknowledged a : before) {
                ApiResponse export = client.as(a.token()).get("/v1/cases/" + a.caseId() + "/export");
                assertThat(export.status()).as(a.caseId()).isEqualTo(200);
                assertThat(export.json().path("caseData").path("story").asText()).isEqualTo(a.story());
            }
            // The restored server takes new work.
            Journeys.submitCase(Journeys.newDevice(client), "Na het terugzetten.");
            assertThat(client.get("/ready").status()).isEqualTo(200);
        }
    }

    @Test
    void theCommandsSayWhatTheyDidAndRefuseWhatIsNotABackup() throws Exception {
        Path dir = Files.createTempDirectory("gehoord-backup-cmd");
        try (TestServer server = TestServer.start()) {
            Journeys.submitCase(Journeys.newDevice(server.client()), "Een zaak om te bewaren.");
            Commands.Result backup = Commands.run(BackupCommands::run,
                    List.of("backup", "--to", dir.resolve("b.db").toString()), server.settings());
            assertThat(backup.exitCode()).as(backup.err()).isZero();
            assertThat(backup.out()).contains("1 cases").contains("key file");
            Commands.Result usage = Commands.run(BackupCommands::run, List.of("backup"), server.settings());
            assertThat(usage.exitCode()).isEqualTo(2);
            assertThat(usage.err()).contains("--to FILE");
        }
        Path notADatabase = dir.resolve("notes.txt");
        Files.writeString(notADatabase, "dit is geen database");
        assertThatThrownBy(() -> SqliteBackup.restore(notADatabase, "jdbc:sqlite:" + dir.resolve("x.db")))
                .isInstanceOf(BackupException.class);
        assertThatThrownBy(() -> SqliteBackup.backup("jdbc:postgresql://localhost/gehoord", dir.resolve("p.db")))
                .isInstanceOf(BackupException.class).hasMessageContaining("pg_dump");
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}
