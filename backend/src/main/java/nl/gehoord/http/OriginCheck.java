package nl.gehoord.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Strict CORS: a browser request from an origin that is not configured (GEHOORD_ALLOWED_ORIGINS) is refused
 * with 403 before anything else happens. Apps send no Origin and are not affected; allowed origins get their
 * CORS headers from Javalin's CorsPlugin.
 */
public final class OriginCheck {
    private final Set<String> allowed;

    public OriginCheck(List<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /**
     * The staff pages post to their own server: their Origin names the host the browser asked for (a TLS proxy
     * may change the scheme, not the host). Any other origin is refused as above.
     */
    static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        String o = origin.trim().toLowerCase(Locale.ROOT);
        int scheme = o.indexOf("://");
        return scheme > 0 && o.substring(scheme + 3).equals(host.trim().toLowerCase(Locale.ROOT));
    }

    public void apply(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !allowed.contains(origin.trim().toLowerCase(Locale.ROOT))
                && !(ctx.path().startsWith("/web/") && sameHost(origin, ctx.header("Host")))) {
            throw new ApiException(403, "origin_not_allowed");
        }
    }
}
