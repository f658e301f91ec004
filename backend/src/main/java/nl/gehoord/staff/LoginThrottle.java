package nl.gehoord.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.http.ApiException;

/**
 * Failed log-ins slow down what caused them, with a refusal window that doubles after each further failure: per
 * account, per network address, and per known log-in device. There is no lock-out a stranger can cause: the
 * owner, logging in from a device that logged in before, is held back only by failures made with that same
 * device token ({@link StaffSessionService}). Keys are kept hashed; a key is forgotten a day after its last
 * failure, and a success clears it. In memory, like the rate limits: a restart forgives, which only the operator
 * can cause.
 */
public final class LoginThrottle {
    /** {@code free} failures pass; then each failure shuts the key for {@code first}, doubled per further failure. */
    public record Rule(int free, Duration first, Duration max) {
        long windowMillis(int failures) {
            int over = failures - free;
            if (over <= 0) {
                return 0;
            }
            long window = first.toMillis() << Math.min(over - 1, 40);
            return Math.min(window, max.toMillis());
        }
    }

    public static final Rule ACCOUNT = new Rule(5, Duration.ofSeconds(2), Duration.ofHours(1));
    /** Generous: a whole office may share one address. */
    public static final Rule ADDRESS = new Rule(20, Duration.ofSeconds(1), Duration.ofHours(1));
    public static final Rule DEVICE = new Rule(5, Duration.ofSeconds(2), Duration.ofHours(1));
    static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final int CLEANUP_EVERY = 1_000;

    private record State(int failures, long blockedUntil, long lastFailure) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Refuses with 429 and Retry-After while the key's window is open. */
    public void check(String scope, String key) {
        long now = clock.millis();
        State state = states.get(id(scope, key));
        if (state != null && state.blockedUntil() > now) {
            throw ApiException.tooManyRequests((state.blockedUntil() - now + 999) / 1000);
        }
    }

    public void failed(String scope, String key, Rule rule) {
        long now = clock.millis();
        states.compute(id(scope, key), (k, old) -> {
            int failures = old == null || now - old.lastFailure() > FORGET_AFTER.toMillis() ? 1 : old.failures() + 1;
            return new State(failures, now + rule.windowMillis(failures), now);
        });
        if (calls.incrementAndGet() % CLEANUP_EVERY == 0) {
            cleanup(now);
        }
    }

    public void succeeded(String scope, String key) {
        states.remove(id(scope, key));
    }

    private void cleanup(long now) {
        states.values().removeIf(s -> now - s.lastFailure() > FORGET_AFTER.toMillis() && s.blockedUntil() <= now);
    }

    /** Forgets everything (tests). */
    public void reset() {
        states.clear();
    }

    private static String id(String scope, String key) {
        return scope + ":" + SecretHasher.sha256(key);
    }
}
