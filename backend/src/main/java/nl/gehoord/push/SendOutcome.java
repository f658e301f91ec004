package nl.gehoord.push;

import java.time.Duration;

/**
 * What the transport says about one push. The transport only classifies; the dispatcher decides what follows
 * (when to retry, when to give up, which token to remove).
 *
 * @param errorCode  the transport's error code (for example UNAVAILABLE), or null when sent
 * @param retryAfter how long the service asked us to wait (Retry-After), or null
 */
public record SendOutcome(Kind kind, String errorCode, Duration retryAfter) {
    public enum Kind {
        /** Accepted by the push service. */
        SENT,
        /** A passing problem (rate limit, service unavailable, network): try again later. */
        RETRY,
        /** The token is dead (unregistered, or refused as a token): remove it. */
        TOKEN_INVALID,
        /** Refused for another reason: trying again would not help. */
        FAILED
    }

    public static SendOutcome sent() {
        return new SendOutcome(Kind.SENT, null, null);
    }

    public static SendOutcome retry(String errorCode, Duration retryAfter) {
        return new SendOutcome(Kind.RETRY, errorCode, retryAfter);
    }

    public static SendOutcome tokenInvalid(String errorCode) {
        return new SendOutcome(Kind.TOKEN_INVALID, errorCode, null);
    }

    public static SendOutcome failed(String errorCode) {
        return new SendOutcome(Kind.FAILED, errorCode, null);
    }
}
