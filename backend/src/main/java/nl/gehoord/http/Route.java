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

    /** For each path with a GET route: a HEAD handler that refuses with 405 and the path's methods in Allow. */
    public static java.util.Map<String, Handler> headRefusals(java.util.List<Route> routes) {
        java.util.Map<String, java.util.Set<String>> methods = new java.util.LinkedHashMap<>();
        for (Route route : routes) {
            methods.computeIfAbsent(route.path(), p -> new java.util.TreeSet<>()).add(route.method().name());
        }
        java.util.Map<String, Handler> out = new java.util.LinkedHashMap<>();
        methods.forEach((path, names) -> {
            if (names.contains("GET")) {
                String allow = String.join(", ", names);
                out.put(path, ctx -> {
                    throw new ApiException(405, "method_not_allowed", java.util.List.of(),
                            java.util.Map.of("Allow", allow));
                });
            }
        });
        return out;
    }

    public boolean isPublic() {
        return roles.contains(Role.PUBLIC);
    }
}
