package nl.gehoord.push;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Push counters and outbox gauges. Labels are fixed, short vocabularies (audience, error code); never an id,
 * a token or a text.
 */
public final class PushMetrics {
    private final MeterRegistry registry;
    private final Counter retried;
    private final Counter tokensRemoved;
    private final AtomicReference<OutboxDao.Depth> depth = new AtomicReference<>(new OutboxDao.Depth(0, null));

    public PushMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.retried = Counter.builder("gehoord.push.retried").description("Pushes put back to try again later")
                .register(registry);
        this.tokensRemoved = Counter.builder("gehoord.push.tokens.removed")
                .description("Push tokens removed because the push service called them dead").register(registry);
        Gauge.builder("gehoord.push.outbox.depth", depth, d -> d.get().pending())
                .description("Pushes waiting in the outbox").register(registry);
        Gauge.builder("gehoord.push.outbox.oldest.age", depth, d -> {
            Long oldest = d.get().oldestCreatedAt();
            return oldest == null ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
        }).baseUnit("seconds").description("Age of the oldest waiting push").register(registry);
        // Present from the start, so a scrape shows 0 rather than nothing.
        sentCounter(PushPolicy.DEVICE);
        sentCounter(PushPolicy.STAFF);
        // Likewise the most common reason a push is not sent.
        failedCounter("no_token");
    }

    void sent(String audience) {
        sentCounter(audience).increment();
    }

    void failed(String reason) {
        failedCounter(reason).increment();
    }

    private Counter failedCounter(String reason) {
        return Counter.builder("gehoord.push.failed").description("Pushes that will not be delivered")
                .tag("reason", reason.toLowerCase(Locale.ROOT)).register(registry);
    }

    void retried() {
        retried.increment();
    }

    void tokenRemoved() {
        tokensRemoved.increment();
    }

    void outbox(OutboxDao.Depth current) {
        depth.set(current);
    }

    private Counter sentCounter(String audience) {
        return Counter.builder("gehoord.push.sent").description("Pushes accepted by the push service")
                .tag("audience", audience).register(registry);
    }
}
