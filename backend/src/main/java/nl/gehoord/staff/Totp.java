package nl.gehoord.staff;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), the kind every
 * authenticator app reads. One step either side is accepted for clock drift. The code itself is a few lines over
 * the JDK's HMAC; base32 comes from commons-codec.
 */
public final class Totp {
    private static final long STEP_SECONDS = 30;

    private final Clock clock;

    public Totp(Clock clock) {
        this.clock = clock;
    }

    /** A new secret of 160 bits, base32 encoded as authenticator apps expect (32 characters, no padding). */
    public static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return new Base32().encodeToString(bytes);
    }

    /** The time step the code belongs to (now, or one either side), so a used code can be refused the second time. */
    public java.util.OptionalLong matchingStep(String base32Secret, String code) {
        if (code == null || !code.matches("\\d{6}")) {
            return java.util.OptionalLong.empty();
        }
        long step = clock.millis() / 1000 / STEP_SECONDS;
        long matched = -1;
        for (long s = step - 1; s <= step + 1; s++) {
            // No early exit: the time taken does not tell which step matched.
            if (java.security.MessageDigest.isEqual(code(base32Secret, s).getBytes(), code.getBytes())) {
                matched = s;
            }
        }
        return matched < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(matched);
    }

    /** The code for the current step (tests and enrolment checks). */
    public String current(String base32Secret) {
        return code(base32Secret, clock.millis() / 1000 / STEP_SECONDS);
    }

    static String code(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(decode(base32Secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] decode(String base32) {
        return new Base32().decode(base32.toUpperCase(java.util.Locale.ROOT));
    }
}
