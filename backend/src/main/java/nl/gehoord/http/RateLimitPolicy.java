package nl.gehoord.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.gehoord.config.RateRule;

/**
 * The one rate-limit policy: a route declares which action it is ({@link Route#limited()}); the policy limits it
 * by the device, the client's address and all callers together, as much as config/RateLimitSettings says
 * (changeable per setting). Checked after the caller is known and before the body is read, so a flood costs
 * almost nothing. Failed staff log-ins are slowed further, per account and per address, by the staff feature's
 * own throttle (a rate per account would let a stranger lock the owner out).
 */
public final class RateLimitPolicy {
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
        if (route.limited() == null) {
            return route;
        }
        String action = route.limited().action();
        return route.withHandler(ctx -> {
            check(action, ctx);
            route.handler().handle(ctx);
        });
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
}
