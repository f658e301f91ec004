package nl.gehoord.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the caller and checks the route's roles before the handler runs. A missing or unknown credential
 * gets 401; a known actor of the wrong kind gets 403. Whether a case belongs to the caller is the service's
 * question (it answers 404, so ids leak nothing).
 */
public final class AccessGuard {
    private static final int MAX_TOKEN_LENGTH = 200;

    private final List<Authenticator> authenticators;

    public AccessGuard(List<Authenticator> authenticators) {
        this.authenticators = List.copyOf(authenticators);
    }

    public Handler wrap(Route route) {
        return ctx -> {
            if (!route.isPublic()) {
                Actor actor = resolve(ctx).orElseThrow(ApiException::unauthorized);
                if (!route.roles().contains(actor.role())) {
                    throw ApiException.forbidden();
                }
                ctx.attribute(Http.ACTOR, actor);
            }
            route.handler().handle(ctx);
        };
    }

    Optional<Actor> resolve(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() > MAX_TOKEN_LENGTH + 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        if (token.isEmpty() || !token.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        for (Authenticator authenticator : authenticators) {
            if (token.startsWith(authenticator.prefix())) {
                return authenticator.authenticate(token);
            }
        }
        return Optional.empty();
    }
}
