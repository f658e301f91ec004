package nl.gehoord.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Random bearer tokens (256 bits, URL-safe) and ids. */
public final class Tokens {
    private final SecureRandom random;

    public Tokens(SecureRandom random) {
        this.random = random;
    }

    public String bearerToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A random UUID (version 4) drawn from the injected source, so ids reveal nothing and cannot be guessed. */
    public String id() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xff);
            lsb = (lsb << 8) | (b[i + 8] & 0xff);
        }
        return new java.util.UUID(msb, lsb).toString();
    }
}
