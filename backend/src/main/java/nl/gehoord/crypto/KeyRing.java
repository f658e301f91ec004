package nl.gehoord.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 * The server's keys, read from a JSON key file that is created with mode 0600 on first run and refused when group
 * or others may read it.
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
     * replaced, it is read again. A rotation only adds keys; a file that drops or changes a key in use, changes the
     * HMAC secret, is readable by others or cannot be read is refused with a warning, and the keys in use stay.
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
                    String refusal = refusal(fresh);
                    if (refusal == null) {
                        state = fresh.state;
                    } else {
                        LOG.warn("the key file {} was replaced but {}; keeping the keys in use", file, refusal);
                        state = new State(state.fieldKeys(), state.activeKeyId(), version);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.warn("the key file {} changed but cannot be used ({}); keeping the keys in use", file,
                            e.getClass().getSimpleName());
                    state = new State(state.fieldKeys(), state.activeKeyId(), version);
                }
            }
            return state;
        }
    }

    /** Why a re-read file may not replace the keys in use, or null when it only adds keys. Names ids, never keys. */
    private String refusal(KeyRing fresh) {
        if (!java.security.MessageDigest.isEqual(fresh.hmacSecret, hmacSecret)) {
            return "its HMAC secret differs";
        }
        for (Map.Entry<String, SecretKey> key : state.fieldKeys().entrySet()) {
            SecretKey other = fresh.state.fieldKeys().get(key.getKey());
            if (other == null) {
                return "it drops key " + key.getKey();
            }
            if (!java.security.MessageDigest.isEqual(other.getEncoded(), key.getValue().getEncoded())) {
                return "it changes key " + key.getKey();
            }
        }
        return null;
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

    /**
     * Writes a fresh key file so that two processes starting at once end up with the same one: each writes its
     * own temporary file in full (and syncs it), then links it to the real name, which only one can do; the other
     * reads the winner's file.
     */
    private static void create(Path file, SecureRandom random) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        String keyId = "k1";
        root.put("active", keyId);
        root.putObject("keys").put(keyId, randomKey(random));
        root.put("hmacSecret", randomKey(random));
        Path parent = file.toAbsolutePath().getParent();
        createOwnerOnlyFolders(parent);
        Path temp = writeTemporary(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        try {
            try {
                Files.createLink(file, temp);
            } catch (UnsupportedOperationException noLinks) {
                // A file system without hard links: a rename that refuses to replace is the next best.
                Files.move(temp, file);
            }
            syncFolder(parent);
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first; use theirs.
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void createOwnerOnlyFolders(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** A new owner-only file beside {@code file}, written and synced to disk. */
    private static Path writeTemporary(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path temp = parent.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(parent, file.getFileName() + ".", ".new",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(parent, file.getFileName() + ".", ".new");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** Makes a rename or link in {@code folder} durable; where a folder cannot be opened (Windows), skipped. */
    private static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
            LOG.debug("cannot sync folder {}", folder);
        }
    }

    /**
     * Replaces the key file atomically and durably: the new content is on disk before the rename, and the rename
     * is on disk before this returns, so a power cut leaves either the old file or the new one, never an empty
     * or half one, and never the old one once rows sealed with the new key can exist.
     */
    private static void replace(Path file, byte[] content) throws IOException {
        Path temp = writeTemporary(file, content);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncFolder(file.toAbsolutePath().getParent());
    }

    /** A key file that group or others can read is refused: anyone with it can read every story. */
    private static void checkMode(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        for (PosixFilePermission p : mode) {
            if (p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_")) {
                throw new KeyFileException("The key file " + file + " can be read or changed by others (mode "
                        + PosixFilePermissions.toString(mode) + "). Make it readable by the server's user only: "
                        + "chmod 600 " + file, null);
            }
        }
    }

    private static KeyRing load(Path file) throws IOException {
        checkMode(file);
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
    public static synchronized String rotate(Path file, SecureRandom random) {
        // Two rotations at once would each add "their" new key and the second rename would drop the first's, while
        // a server may already seal with it: they take turns on a lock file beside the key file.
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = lock.lock()) {
            ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
            ObjectNode keys = (ObjectNode) root.path("keys");
            int next = keys.size() + 1;
            while (keys.has("k" + next)) {
                next++;
            }
            String id = "k" + next;
            keys.put(id, randomKey(random));
            root.put("active", id);
            replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
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

    /**
     * A key for one purpose (the audit chain, for one), derived from the HMAC secret with HMAC-SHA256 over a label:
     * it needs no new entry in existing key files, and one purpose's key tells nothing about another's.
     */
    public byte[] derivedKey(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacSecret, "HmacSHA256"));
            return mac.doFinal(("gehoord key for " + purpose).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] hmacSecret() {
        return hmacSecret.clone();
    }

    public Path file() {
        return file;
    }
}
