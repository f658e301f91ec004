package nl.gehoord.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's keys, read from a JSON key file that is created with mode 0600 on first run.
 * Field keys carry an id so that rows remember which key sealed them and keys can be rotated; the HMAC
 * secret (for case codes) never rotates, because codes are looked up by their HMAC.
 */
public final class KeyRing {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KeyRing.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** The key new writes use, with its id, read together so a rotation in between cannot mix them. */
    public record Active(String id, SecretKey key) {
    }

    /** One reading of the key file: its field keys, the active one, and what the file looked like. */
    private record State(Map<String, SecretKey> fieldKeys, String activeKeyId, Object fileVersion) {
    }

    private final Path file;
    private final byte[] hmacSecret;
    private volatile State state;

    private KeyRing(Path file, Map<String, SecretKey> fieldKeys, String activeKeyId, byte[] hmacSecret) {
        this.file = file;
        this.state = new State(Collections.unmodifiableMap(fieldKeys), activeKeyId, version(file));
        this.hmacSecret = hmacSecret;
    }

    /** What identifies one version of the file: a rotation replaces it (new inode, time and size). */
    private static Object version(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return java.util.List.of(String.valueOf(a.fileKey()), a.lastModifiedTime().toMillis(), a.size());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Picks up a rotation made by the {@code rotate-key} command while the server runs: when the key file was
     * replaced, it is read again. The HMAC secret must stay the same; a file that changed it, or cannot be read,
     * is ignored and the keys in use stay.
     */
    private State current() {
        State now = state;
        Object version = version(file);
        if (version == null || version.equals(now.fileVersion())) {
            return now;
        }
        synchronized (this) {
            if (!version.equals(state.fileVersion())) {
                try {
                    KeyRing fresh = load(file);
                    if (java.security.MessageDigest.isEqual(fresh.hmacSecret, hmacSecret)) {
                        state = fresh.state;
                    } else {
                        LOG.error("the key file was replaced with a different HMAC secret; keeping the keys in use");
                        state = new State(state.fieldKeys(), state.activeKeyId(), version);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.error("the key file changed but cannot be read ({}); keeping the keys in use",
                            e.getClass().getSimpleName());
                    state = new State(state.fieldKeys(), state.activeKeyId(), version);
                }
            }
            return state;
        }
    }

    /** Loads the key file, creating it with fresh keys when it does not exist yet. */
    public static KeyRing loadOrCreate(Path file, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                create(file, random);
            }
            return load(file);
        } catch (IOException e) {
            throw new KeyFileException("Cannot read or create the key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file, SecureRandom random) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        String keyId = "k1";
        root.put("active", keyId);
        root.putObject("keys").put(keyId, randomKey(random));
        root.put("hmacSecret", randomKey(random));
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try {
            writeOwnerOnly(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root), false);
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first; use theirs.
        }
    }

    private static void writeOwnerOnly(Path file, byte[] content, boolean replace) throws IOException {
        Path target = replace ? file.resolveSibling(file.getFileName() + ".new") : file;
        if (replace) {
            Files.deleteIfExists(target);
        }
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(target, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(target);
        }
        Files.write(target, content);
        if (replace) {
            Files.move(target, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static KeyRing load(Path file) throws IOException {
        if (!(JSON.readTree(file.toFile()) instanceof ObjectNode root) || !root.path("keys").isObject()) {
            throw new KeyFileException("The key file " + file + " is not a Gehoord key file.", null);
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = root.path("keys").fields();
        while (it.hasNext()) {
            var entry = it.next();
            byte[] raw = decode(entry.getValue().asText(), file);
            if (raw.length != 32) {
                throw new KeyFileException("Key " + entry.getKey() + " in " + file + " is not 256 bits.", null);
            }
            keys.put(entry.getKey(), new SecretKeySpec(raw, "AES"));
        }
        String active = root.path("active").asText();
        if (!keys.containsKey(active)) {
            throw new KeyFileException("The active key '" + active + "' is not in " + file + ".", null);
        }
        byte[] hmac = decode(root.path("hmacSecret").asText(), file);
        if (hmac.length < 32) {
            throw new KeyFileException("The HMAC secret in " + file + " is too short.", null);
        }
        return new KeyRing(file, keys, active, hmac);
    }

    private static byte[] decode(String base64, Path file) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("The key file " + file + " holds a value that is not base64.", null);
        }
    }

    /** Adds a new field key and makes it the active one; returns the new key's id. */
    public static String rotate(Path file, SecureRandom random) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
            ObjectNode keys = (ObjectNode) root.path("keys");
            int next = keys.size() + 1;
            while (keys.has("k" + next)) {
                next++;
            }
            String id = "k" + next;
            keys.put(id, randomKey(random));
            root.put("active", id);
            writeOwnerOnly(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root), true);
            return id;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot rotate keys in " + file + ": " + e.getMessage(), e);
        }
    }

    private static String randomKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public String activeKeyId() {
        return current().activeKeyId();
    }

    public SecretKey activeKey() {
        return active().key();
    }

    public Active active() {
        State s = current();
        return new Active(s.activeKeyId(), s.fieldKeys().get(s.activeKeyId()));
    }

    public SecretKey key(String keyId) {
        SecretKey key = current().fieldKeys().get(keyId);
        if (key == null) {
            throw new IllegalStateException("Unknown key id " + keyId + "; is the right key file configured?");
        }
        return key;
    }

    public byte[] hmacSecret() {
        return hmacSecret.clone();
    }

    public Path file() {
        return file;
    }
}
