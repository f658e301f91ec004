package nl.gehoord.crypto;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/** Random bearer tokens (256 bits, URL-safe) and time-ordered ids. */
public final class Tokens {
    private final SecureRandom random;
    private final Clock clock;

    public Tokens(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** For tools that make a token or an id outside the server, on the system clock. */
    public Tokens(SecureRandom random) {
        this(random, Clock.systemUTC());
    }

    public String bearerToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A time-ordered UUID (version 7): the clock's milliseconds first, then 74 random bits from the injected source.
     * New rows then go to the end of each primary-key index instead of a random page, which keeps the pages a write
     * touches few. The random part still makes an id impossible to guess; the time it reveals is the row's own
     * creation time, which the row shows anyway.
     */
    public String id() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        long millis = clock.millis();
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (millis >>> (40 - 8 * i));
        }
        b[6] = (byte) ((b[6] & 0x0f) | 0x70);
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
