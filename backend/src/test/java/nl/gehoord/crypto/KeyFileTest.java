package nl.gehoord.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key file: owner-only, created once even by two processes at once, replaced durably, never silently swapped. */
class KeyFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aKeyFileThatOthersCanReadIsRefused() throws Exception {
        Path file = dir.resolve("keys.json");
        KeyRing.loadOrCreate(file, new SecureRandom());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> KeyRing.loadOrCreate(file, new SecureRandom())).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        assertThatThrownBy(() -> KeyRing.loadOrCreate(file, new SecureRandom())).isInstanceOf(KeyFileException.class);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(KeyRing.loadOrCreate(file, new SecureRandom()).activeKeyId()).isEqualTo("k1");
    }

    @Test
    void manyStartingAtOnceAllGetTheSameKeys() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path file = dir.resolve("race-" + round + "/keys.json");
            int starters = 6;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(starters);
            try {
                List<Future<byte[]>> rings = new ArrayList<>();
                for (int i = 0; i < starters; i++) {
                    rings.add(pool.submit(() -> {
                        go.await();
                        return KeyRing.loadOrCreate(file, new SecureRandom()).hmacSecret();
                    }));
                }
                go.countDown();
                byte[] first = rings.get(0).get();
                for (Future<byte[]> ring : rings) {
                    assertThat(ring.get()).as("round " + round).isEqualTo(first);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(KeyRing.loadOrCreate(file, new SecureRandom()).hmacSecret()).isEqualTo(
                    KeyRing.loadOrCreate(file, new SecureRandom()).hmacSecret());
            try (var left = Files.list(file.getParent())) {
                assertThat(left.map(p -> p.getFileName().toString()).toList()).as("no temporary files left")
                        .containsExactly("keys.json");
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void rotationReplacesTheFileWholeAndOwnerOnly() throws Exception {
        Path file = dir.resolve("keys.json");
        KeyRing keys = KeyRing.loadOrCreate(file, new SecureRandom());
        assertThat(KeyRing.rotate(file, new SecureRandom())).isEqualTo("k2");
        assertThat(keys.activeKeyId()).as("a running server picks it up").isEqualTo("k2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("keys.json", "keys.json.lock");
        }
    }

    @Test
    void rotationsAtTheSameTimeLoseNoKey() throws Exception {
        Path file = dir.resolve("keys.json");
        KeyRing.loadOrCreate(file, new SecureRandom());
        int rotations = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(rotations);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < rotations; i++) {
                ids.add(pool.submit(() -> {
                    go.await();
                    return KeyRing.rotate(file, new SecureRandom());
                }));
            }
            go.countDown();
            List<String> made = new ArrayList<>();
            for (Future<String> id : ids) {
                made.add(id.get());
            }
            ObjectNode keys = (ObjectNode) JSON.readTree(file.toFile()).get("keys");
            assertThat(made).doesNotHaveDuplicates();
            for (String id : made) {
                assertThat(keys.has(id)).as(id).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReloadedFileThatDropsOrChangesAKeyInUseIsRefusedAndTheKeysStay() throws Exception {
        Path file = dir.resolve("keys.json");
        SecureRandom random = new SecureRandom();
        KeyRing keys = KeyRing.loadOrCreate(file, random);
        FieldCipher cipher = new FieldCipher(keys, random);
        String sealed = cipher.seal("geheim", "case-1", "story");

        // Same HMAC secret, but k1 replaced by another key: rows sealed with k1 would become unreadable.
        ObjectNode changed = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) changed.get("keys")).put("k1", java.util.Base64.getEncoder().encodeToString(new byte[32]));
        replace(file, changed);
        assertThat(cipher.open(sealed, "case-1", "story")).isEqualTo("geheim");

        // Same HMAC secret, k1 dropped and k2 made active.
        ObjectNode dropped = (ObjectNode) JSON.readTree(file.toFile());
        ObjectNode only = JSON.createObjectNode();
        only.put("k2", java.util.Base64.getEncoder().encodeToString(new byte[32]));
        dropped.set("keys", only);
        dropped.put("active", "k2");
        replace(file, dropped);
        assertThat(keys.activeKeyId()).isEqualTo("k1");
        assertThat(cipher.open(sealed, "case-1", "story")).isEqualTo("geheim");

        // Loosened to be readable by others: refused too.
        KeyRing.rotate(file, random);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(keys.activeKeyId()).isEqualTo("k1");
    }

    private void replace(Path file, ObjectNode content) throws Exception {
        Path next = dir.resolve("next.json");
        Files.write(next, JSON.writeValueAsBytes(content));
        Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
