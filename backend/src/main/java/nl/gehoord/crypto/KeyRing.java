package nl.gehoord.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final Map<String, SecretKey> fieldKeys;
    private final String activeKeyId;
    private final byte[] hmacSecret;

    private KeyRing(Path file, Map<String, SecretKey> fieldKeys, String activeKeyId, byte[] hmacSecret) {
        this.file = file;
        this.fieldKeys = Collections.unmodifiableMap(fieldKeys);
        this.activeKeyId = activeKeyId;
        this.hmacSecret = hmacSecret;
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
        return activeKeyId;
    }

    public SecretKey activeKey() {
        return fieldKeys.get(activeKeyId);
    }

    public SecretKey key(String keyId) {
        SecretKey key = fieldKeys.get(keyId);
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
