package nl.gehoord.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One endpoint: method, path, handler, the roles that may call it and, for a rate-limited action, which one
 * ({@code limited}, else null).
 */
public record Route(HandlerType method, String path, Handler handler, Set<Role> roles, Limited limited) {
    public Route {
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("every route names who may call it: " + method + " " + path);
        }
        if (roles.contains(Role.PUBLIC) && roles.size() > 1) {
            throw new IllegalArgumentException("a public route needs no other role: " + method + " " + path);
        }
    }

    public static Route of(HandlerType method, String path, Handler handler, Role first, Role... rest) {
        return new Route(method, path, handler, EnumSet.of(first, rest), null);
    }

    /** The same route, rate limited as {@code action}. */
    public Route limitedAs(Limited action) {
        return new Route(method, path, handler, roles, action);
    }

    /** The same route with another handler (one that checks something first, then calls this one's). */
    public Route withHandler(Handler other) {
        return new Route(method, path, other, roles, limited);
    }

    public Optional<Limited> limit() {
        return Optional.ofNullable(limited);
    }

    public boolean isPublic() {
        return roles.contains(Role.PUBLIC);
    }
}
