package nl.gehoord.staff;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.http.ApiException;
import org.jdbi.v3.core.Handle;

/**
 * The second factor: an RFC 6238 secret, turned on only when the password and a first code confirm it, and ten
 * single-use recovery codes shown once. Wrong codes lock the second factor (not the password check) for a time
 * that doubles with every miss after the first few, so guessing six digits stays hopeless (docs/security.md).
 */
public final class SecondFactors {
    public static final int FREE_FAILURES = 3;
    public static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    public static final Duration MAX_LOCK = Duration.ofHours(24);
    public static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

    private final FieldCipher cipher;
    private final SecretHasher hasher;
    private final SecureRandom random;
    private final Clock clock;
    private final Totp totp;

    public SecondFactors(FieldCipher cipher, SecretHasher hasher, SecureRandom random, Clock clock) {
        this.cipher = cipher;
        this.hasher = hasher;
        this.random = random;
        this.clock = clock;
        this.totp = new Totp(clock);
    }

    /** What a second-factor check found. A missing code is not a guess and counts for nothing. */
    public enum Outcome { NOT_NEEDED, OK, MISSING, WRONG }

    /**
     * Checks a code or a recovery code for an account whose password was right, in the caller's write
     * transaction (so a miss is recorded even though the log-in fails). While locked, answers 429 without looking.
     */
    public Outcome check(Handle h, String staffId, String code, String recoveryCode) {
        StaffDao dao = h.attach(StaffDao.class);
        StaffDao.SecondFactor state = dao.secondFactor(staffId).orElseThrow(ApiException::notFound);
        if (state.totpSecretEnc() == null) {
            return Outcome.NOT_NEEDED;
        }
        long now = clock.millis();
        if (state.secondFactorLockedUntil() != null && state.secondFactorLockedUntil() > now) {
            throw ApiException.tooManyRequests((state.secondFactorLockedUntil() - now + 999) / 1000);
        }
        boolean hasCode = code != null && !code.isEmpty();
        boolean hasRecovery = recoveryCode != null && !recoveryCode.isEmpty();
        if (!hasCode && !hasRecovery) {
            return Outcome.MISSING;
        }
        boolean ok;
        if (hasCode) {
            OptionalLong step = totp.matchingStep(cipher.open(state.totpSecretEnc(), staffId, "totpSecret"), code);
            ok = step.isPresent() && dao.acceptTotpStep(staffId, step.getAsLong()) == 1;
        } else {
            ok = recoveryCode.length() <= 64 && dao.useRecoveryCode(staffId, hasher.hmac(normalise(recoveryCode))) == 1;
        }
        if (ok) {
            if (state.secondFactorFailures() != 0) {
                dao.setSecondFactorFailures(staffId, 0, null);
            }
            return Outcome.OK;
        }
        int failures = state.secondFactorFailures() + 1;
        dao.setSecondFactorFailures(staffId, failures, failures > FREE_FAILURES ? now + lockMillis(failures) : null);
        return Outcome.WRONG;
    }

    static long lockMillis(int failures) {
        int over = failures - FREE_FAILURES;
        return Math.min(FIRST_LOCK.toMillis() << Math.min(over - 1, 30), MAX_LOCK.toMillis());
    }

    /** A new secret, waiting for confirmation; it replaces any earlier one that was never confirmed. */
    public String start(Handle h, String staffId) {
        StaffDao dao = h.attach(StaffDao.class);
        if (dao.secondFactor(staffId).orElseThrow(ApiException::notFound).totpSecretEnc() != null) {
            throw ApiException.conflict("totp_already_on");
        }
        String secret = Totp.newSecret(random);
        dao.setTotpPending(staffId, cipher.seal(secret, staffId, "totpPending"));
        return secret;
    }

    /** Confirms the waiting secret with its first code; returns the recovery codes, shown this once. */
    public List<String> confirm(Handle h, String staffId, String code) {
        StaffDao dao = h.attach(StaffDao.class);
        StaffDao.SecondFactor state = dao.secondFactor(staffId).orElseThrow(ApiException::notFound);
        if (state.totpSecretEnc() != null) {
            throw ApiException.conflict("totp_already_on");
        }
        if (state.totpPendingEnc() == null) {
            throw ApiException.conflict("totp_not_started");
        }
        OptionalLong step = totp.matchingStep(cipher.open(state.totpPendingEnc(), staffId, "totpPending"), code);
        if (step.isEmpty()) {
            throw ApiException.validation("code", "invalid_value");
        }
        String secret = cipher.open(state.totpPendingEnc(), staffId, "totpPending");
        dao.setTotpPending(staffId, cipher.seal(secret, staffId, "totpSecret"));
        if (dao.activateTotp(staffId, step.getAsLong()) != 1) {
            throw ApiException.conflict("totp_already_on");
        }
        return newRecoveryCodes(dao, staffId);
    }

    private List<String> newRecoveryCodes(StaffDao dao, String staffId) {
        dao.deleteRecoveryCodes(staffId);
        List<String> codes = new ArrayList<>();
        long now = clock.millis();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                if (c == 5) {
                    code.append('-');
                }
                code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
            }
            codes.add(code.toString());
            dao.insertRecoveryCode(staffId, hasher.hmac(normalise(code.toString())), now);
        }
        return codes;
    }

    /** Case, spaces and dashes do not matter when a code is typed. */
    static String normalise(String code) {
        return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
