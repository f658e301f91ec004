package nl.gehoord.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.http.IpRanges;
import nl.gehoord.staff.StaffSessionService;

/**
 * The browser's side of a staff session. The cookie holds the same opaque token the API hands out (so expiry,
 * log-out and deactivation work exactly as for the API); it is HttpOnly, SameSite=Strict, and Secure whenever the
 * page came over TLS, directly or through a trusted proxy that says so. The CSRF token is an HMAC of the session
 * token: the page gets it, another site cannot compute it, and nothing has to be stored for it.
 */
public final class WebSessions {
    public static final String COOKIE = "gehoord_session";
    /** Before log-in there is no session to bind a CSRF token to: the form and this cookie carry the same value. */
    public static final String LOGIN_COOKIE = "gehoord_login";
    /**
     * The known-device token a successful log-in gave this browser: failures made by others then do not slow the
     * owner down here. Sent only to the log-in form, and kept long, as the API's clients keep theirs.
     */
    public static final String DEVICE_COOKIE = "gehoord_device";
    static final String DEVICE_PATH = "/web/login";
    /** Browsers keep a cookie at most about 400 days. */
    static final int DEVICE_MAX_AGE = (int) java.time.Duration.ofDays(400).toSeconds();
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final SecretHasher hasher;
    private final Tokens tokens;
    private final TrustedProxy proxy;

    public WebSessions(SecretHasher hasher, Tokens tokens, TrustedProxy proxy) {
        this.hasher = hasher;
        this.tokens = tokens;
        this.proxy = proxy;
    }

    /** Whether the proxy in front says the browser spoke TLS; believed only from configured proxies. */
    public record TrustedProxy(IpRanges proxies) {
        public boolean tls(Context ctx) {
            if ("https".equalsIgnoreCase(ctx.scheme())) {
                return true;
            }
            String peer = IpRanges.canonical(ctx.req().getRemoteAddr()).orElse("");
            return !proxies.isEmpty() && proxies.contains(peer)
                    && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        }
    }

    public Optional<String> token(Context ctx) {
        String value = ctx.cookie(COOKIE);
        if (value == null || value.length() > 200 || !value.startsWith(StaffSessionService.TOKEN_PREFIX)
                || !value.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public void open(Context ctx, StaffSessionService.Session session) {
        ctx.cookie(cookie(ctx, COOKIE, session.token(),
                (int) StaffSessionService.ABSOLUTE_TIMEOUT.toSeconds()));
        ctx.cookie(cookie(ctx, LOGIN_COOKIE, "", 0));
        if (session.knownDeviceToken() != null) {
            ctx.cookie(new Cookie(DEVICE_COOKIE, session.knownDeviceToken(), DEVICE_PATH, DEVICE_MAX_AGE,
                    proxy.tls(ctx), true, null, SameSite.STRICT));
        }
    }

    /** The known-device token this browser holds, if it looks like one; whose it is, the staff service checks. */
    public String knownDevice(Context ctx) {
        String value = ctx.cookie(DEVICE_COOKIE);
        if (value == null || value.length() > 100 || !value.startsWith(StaffSessionService.DEVICE_TOKEN_PREFIX)
                || !value.matches("[A-Za-z0-9_-]+")) {
            return null;
        }
        return value;
    }

    public void close(Context ctx) {
        ctx.cookie(cookie(ctx, COOKIE, "", 0));
    }

    public String csrf(String sessionToken) {
        return hasher.hmac("csrf|" + sessionToken);
    }

    /** The token sent with a state change (form field or htmx header) matches this session's. */
    public boolean csrfOk(Context ctx, String sessionToken) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null) {
            sent = formField(ctx, CSRF_FIELD);
        }
        return SecretHasher.constantTimeEquals(sent, csrf(sessionToken));
    }

    /** A fresh log-in form token, set as a cookie too (double submit). */
    public String loginToken(Context ctx) {
        String value = tokens.bearerToken();
        ctx.cookie(cookie(ctx, LOGIN_COOKIE, value, 3600));
        return value;
    }

    public boolean loginTokenOk(Context ctx) {
        String cookie = ctx.cookie(LOGIN_COOKIE);
        return cookie != null && SecretHasher.constantTimeEquals(cookie, formField(ctx, CSRF_FIELD));
    }

    private static String formField(Context ctx, String name) {
        String type = ctx.contentType();
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            return null;
        }
        return ctx.formParam(name);
    }

    private Cookie cookie(Context ctx, String name, String value, int maxAge) {
        return new Cookie(name, value, "/", maxAge, proxy.tls(ctx), true, null, SameSite.STRICT);
    }
}
