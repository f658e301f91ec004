package nl.gehoord.ops;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * GET /metrics in the Prometheus text format. Public like /health: every meter carries counts and fixed labels
 * only, never an id, a token or a text (see docs/push.md). Keep the port off the internet all the same.
 */
public final class MetricsController {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    public void scrape(Context ctx) {
        ctx.contentType(CONTENT_TYPE).result(registry.scrape());
    }
}
