package nl.gehoord.staff;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Staff passwords, hashed with Argon2id (OWASP's minimum: 19 MiB, 2 passes, 1 lane), which costs tens of
 * milliseconds per login here. The parameters travel inside the hash, so they can be raised later.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 12;
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Checked when an email is unknown, so the answer takes as long as for a known one. */
    private static final String DECOY_HASH = hash("not-a-real-password-0000");

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public static boolean verify(String password, String hash) {
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Burns the same time as a real check. */
    public static void verifyDecoy(String password) {
        verify(password, DECOY_HASH);
    }
}
