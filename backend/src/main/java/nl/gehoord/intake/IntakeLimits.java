package nl.gehoord.intake;

import java.time.Duration;
import nl.gehoord.http.RateLimits.Limit;

/**
 * How often a young person's app may do things. Generous for a real person, tight for a script. Claim limits
 * make guessing a case code hopeless: see docs/security.md for the arithmetic.
 */
public record IntakeLimits(Limit registrationsPerAddress, Limit casesPerDevice, Limit messagesPerDevice,
                           Limit claimsPerDevice, Limit claimsPerAddress, Limit claimsGlobal) {

    public static IntakeLimits defaults() {
        return new IntakeLimits(
                new Limit("register", 30, Duration.ofHours(1)),
                new Limit("case", 10, Duration.ofHours(1)),
                new Limit("message", 120, Duration.ofHours(1)),
                new Limit("claim-device", 10, Duration.ofHours(1)),
                new Limit("claim-address", 30, Duration.ofHours(1)),
                new Limit("claim-global", 1000, Duration.ofHours(1)));
    }
}
