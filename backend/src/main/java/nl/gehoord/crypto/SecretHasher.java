package nl.gehoord.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Secrets are stored only as hashes: random tokens as SHA-256, short codes as HMAC-SHA256 with a server secret. */
public final class SecretHasher {
    private final SecretKeySpec hmacKey;
    /** A keyed Mac per thread: looking up and keying one for every value cost more than the digest. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public SecretHasher(KeyRing keys) {
        this.hmacKey = new SecretKeySpec(keys.hmacSecret(), "HmacSHA256");
    }

    /** For high-entropy random tokens (device and session tokens): a plain hash suffices. */
    public static String sha256(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For lower-entropy secrets (case codes, push tokens for look-up): keyed, so a stolen database alone is not enough. */
    public String hmac(String value) {
        // doFinal leaves the Mac keyed and reset for the next value.
        return HexFormat.of().formatHex(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares two secrets in time that does not depend on where they differ. */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
