package nl.gehoord.staff;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Staff passwords, hashed with Argon2id (OWASP's minimum: 19 MiB, 2 passes, 1 lane), which costs tens of
 * milliseconds per login here. The parameters travel inside the hash, so they can be raised later: a log-in with
 * an older, weaker hash stores a new one ({@link #needsRehash}).
 */
public final class Passwords {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;
    /** The stored value of an account without a password (invited, or reset): no password matches it. */
    public static final String NONE = "!";
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Checked when an email is unknown or has no password, so the answer takes as long as for a known one. */
    private static final String DECOY_HASH = hash("not-a-real-password-0000");

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public static boolean verify(String password, String hash) {
        if (hash == null || NONE.equals(hash)) {
            verifyDecoy(password);
            return false;
        }
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** True when the hash was made with weaker parameters than today's. */
    public static boolean needsRehash(String hash) {
        if (hash == null || NONE.equals(hash)) {
            return false;
        }
        try {
            Argon2Function used = Argon2Function.getInstanceFromHash(hash);
            return used.getVariant() != ARGON2.getVariant() || used.getMemory() < ARGON2.getMemory()
                    || used.getIterations() < ARGON2.getIterations() || used.getParallelism() < ARGON2.getParallelism()
                    || used.getOutputLength() < ARGON2.getOutputLength();
        } catch (RuntimeException malformed) {
            return true;
        }
    }

    /** A new password's problems, as a field error code, or null when it is fine. */
    static String problem(String password) {
        if (password == null || password.isEmpty()) {
            return "required";
        }
        if (password.length() > MAX_LENGTH) {
            return "too_long";
        }
        return password.length() < MIN_LENGTH ? "too_short" : null;
    }

    /** Burns the same time as a real check. */
    public static void verifyDecoy(String password) {
        try {
            Password.check(password, DECOY_HASH).with(ARGON2);
        } catch (RuntimeException ignored) {
            // the time is what counts
        }
    }
}
