package nl.gehoord.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file served from the jar, read once at start-up: its bytes, its media type and a hash of its content, which
 * names a version (in a long-cache URL or an ETag) so a new build is never confused with an old one.
 */
public record JarFile(byte[] bytes, String contentType, String contentHash) {

    /** Reads {@code resource} from the class path; a missing one is a broken build, so start-up fails. */
    public static JarFile read(String resource, String contentType) {
        try (InputStream in = JarFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            byte[] bytes = in.readAllBytes();
            return new JarFile(bytes, contentType, sha256Hex(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
