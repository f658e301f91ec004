package nl.gehoord.http;

import io.javalin.http.Context;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives each request an id (kept in the logs and in every problem answer) and writes one access-log line with
 * the route's path template, never the raw URL, body or headers.
 */
public final class RequestContext {
    private static final Logger ACCESS = LoggerFactory.getLogger("gehoord.access");

    private RequestContext() {
    }

    public static void begin(Context ctx) {
        String incoming = ctx.header("X-Request-Id");
        String id = incoming != null && incoming.matches("[A-Za-z0-9-]{8,64}") ? incoming : UUID.randomUUID().toString();
        ctx.attribute(Http.REQUEST_ID, id);
        ctx.header("X-Request-Id", id);
        MDC.put("requestId", id);
    }

    public static void log(Context ctx, Float millis) {
        String template = ctx.endpoint() == null ? "(unmatched)" : ctx.endpoint().path;
        Actor actor = Http.actor(ctx);
        // Structured fields (JSON logs): the route's template, never the raw path, query, body or headers.
        ACCESS.atInfo().addKeyValue("method", ctx.method().name()).addKeyValue("route", template)
                .addKeyValue("status", ctx.statusCode()).addKeyValue("ms", Math.round(millis))
                .addKeyValue("actor", actor.role().stored())
                .log("{} {} {} {}ms actor={}", ctx.method(), template, ctx.statusCode(), Math.round(millis),
                        actor.role().stored());
        MDC.remove("requestId");
    }
}
