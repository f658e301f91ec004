package nl.gehoord.staff;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), the kind every
 * authenticator app reads. One step either side is accepted for clock drift. Small enough that a library
 * would add more surface than it saves.
 */
public final class Totp {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final long STEP_SECONDS = 30;

    private final Clock clock;

    public Totp(Clock clock) {
        this.clock = clock;
    }

    /** A new secret of 160 bits, base32 encoded as authenticator apps expect. */
    public static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return out.toString();
    }

    public boolean accepts(String base32Secret, String code) {
        return matchingStep(base32Secret, code).isPresent();
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
        String clean = base32.replace("=", "").toUpperCase(java.util.Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
