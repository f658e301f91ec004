package nl.gehoord.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.EnumSet;
import java.util.Set;

/** One endpoint: method, path, handler and the roles that may call it. */
public record Route(HandlerType method, String path, Handler handler, Set<Role> roles) {
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
        return new Route(method, path, handler, EnumSet.of(first, rest));
    }

    public boolean isPublic() {
        return roles.contains(Role.PUBLIC);
    }
}
