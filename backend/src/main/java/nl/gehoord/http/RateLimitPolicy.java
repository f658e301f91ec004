package nl.gehoord.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.gehoord.config.RateRule;

/**
 * The one rate-limit policy: which routes are limited, by what (the device, the client's address, and all
 * callers together), and how much (config/RateLimitSettings, changeable per setting). Checked after the caller is
 * known and before the body is read, so a flood costs almost nothing. Failed staff log-ins are slowed further,
 * per account and per address, by the staff feature's own throttle (a rate per account would let a stranger lock
 * the owner out).
 */
public final class RateLimitPolicy {
    /** The limited routes and their action names. */
    static final Map<String, String> ROUTE_ACTIONS = Map.of(
            "POST /v1/devices", "register",
            "POST /v1/cases", "case",
            "POST /v1/cases/{caseId}/messages", "message",
            "POST /v1/cases/claim", "claim",
            "POST /v1/staff/session", "login",
            "POST /v1/staff/invitations/accept", "invitation");
    private static final List<String> SCOPES = List.of("device", "address", "global");

    private final Map<String, RateLimits.Limit> limits = new LinkedHashMap<>();
    private final RateLimits buckets;
    private final ClientAddress addresses;

    public RateLimitPolicy(Map<String, RateRule> rules, RateLimits buckets, ClientAddress addresses) {
        rules.forEach((name, rule) -> limits.put(name, new RateLimits.Limit(name, rule.capacity(), rule.period())));
        this.buckets = buckets;
        this.addresses = addresses;
    }

    /** The route with its limits checked before its handler; routes without limits come back unchanged. */
    public Route wrap(Route route) {
        String action = ROUTE_ACTIONS.get(key(route.method(), route.path()));
        if (action == null) {
            return route;
        }
        return new Route(route.method(), route.path(), ctx -> {
            check(action, ctx);
            route.handler().handle(ctx);
        }, route.roles());
    }

    void check(String action, Context ctx) {
        for (String scope : SCOPES) {
            limit(action + "." + scope).ifPresent(limit -> {
                String key = switch (scope) {
                    case "device" -> Http.actor(ctx) instanceof Actor.Device d ? d.deviceId() : null;
                    case "address" -> addresses.of(ctx);
                    default -> "global";
                };
                if (key != null) {
                    buckets.check(limit, key);
                }
            });
        }
    }

    Optional<RateLimits.Limit> limit(String name) {
        return Optional.ofNullable(limits.get(name));
    }

    public String clientAddress(Context ctx) {
        return addresses.of(ctx);
    }

    static String key(HandlerType method, String path) {
        return method.name() + " " + path;
    }
}
