package nl.gehoord.http;

import io.javalin.http.Context;

/** Headers that keep answers out of caches and frames; this API serves JSON to apps, not pages. */
public final class SecurityHeaders {
    private SecurityHeaders() {
    }

    public static void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        ctx.header("X-Permitted-Cross-Domain-Policies", "none");
        if (!ctx.path().startsWith("/v1/flow") && !ctx.path().startsWith("/v1/glossary")
                && !ctx.path().startsWith("/v1/help-contacts")) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
