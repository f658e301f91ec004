package nl.gehoord.http;

/**
 * An action whose route is rate limited, declared on the {@link Route} itself. Its limits are the settings
 * {@code <name>.device}, {@code <name>.address}, {@code <name>.account} and {@code <name>.global}
 * (config/RateLimitSettings), each optional.
 */
public enum Limited {
    REGISTER("register"),
    CASE("case"),
    MESSAGE("message"),
    CLAIM("claim"),
    LOGIN("login"),
    INVITATION("invitation");

    private final String action;

    Limited(String action) {
        this.action = action;
    }

    /** The first part of the settings' names, as in {@code GEHOORD_RATE_LIMIT_CLAIM_DEVICE}. */
    public String action() {
        return action;
    }
}
