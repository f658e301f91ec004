package nl.gehoord.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.staff.StaffDao;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox one batch at a time: claim due rows with a lease, compose, send through the transport,
 * record each outcome. Safe with several instances: a row is claimed by one dispatcher at a time, and an outcome
 * is written only while the claim is still held, so a dispatcher that died mid-batch (its rows come back when the
 * lease ends) cannot later overwrite what another one did. After a crash a push may go out twice; the app drops
 * a repeat by its pushId. It never goes out zero times.
 */
public final class PushDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(PushDispatcher.class);

    /**
     * @param batchSize   rows claimed per run; at most {@link PushSender#MAX_BATCH}
     * @param lease       how long a claim holds; longer than one send can take (the SDK's own retries included)
     * @param giveUpAfter a push still failing this long after its event is recorded as failed
     * @param maxAttempts a push that failed this often is recorded as failed
     * @param keepFinished finished rows are kept this long for inspection
     */
    public record Settings(int batchSize, Duration lease, Duration giveUpAfter, int maxAttempts,
                           Duration baseBackoff, Duration maxBackoff, Duration keepFinished) {
        public Settings {
            if (batchSize < 1 || batchSize > PushSender.MAX_BATCH) {
                throw new IllegalArgumentException("batch size must be 1.." + PushSender.MAX_BATCH);
            }
        }

        public static Settings defaults() {
            return withLease(Duration.ofSeconds(60));
        }

        /**
         * The defaults with this lease: longer than one send can take (the SDK's own retries included), short
         * enough that an urgent push held by an instance that died is sent by another soon after.
         */
        public static Settings withLease(Duration lease) {
            return new Settings(PushSender.MAX_BATCH, lease, Duration.ofHours(12), 20,
                    Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofDays(7));
        }
    }

    private final Database db;
    private final PushSender sender;
    private final PushComposer composer;
    private final PushMetrics metrics;
    private final Backoff backoff;
    private final Tokens tokens;
    private final Clock clock;
    private final Settings settings;
    private volatile long lastPurge = Long.MIN_VALUE;

    public PushDispatcher(Database db, PushSender sender, PushComposer composer, PushMetrics metrics, Backoff backoff,
                          Tokens tokens, Clock clock, Settings settings) {
        this.db = db;
        this.sender = sender;
        this.composer = composer;
        this.metrics = metrics;
        this.backoff = backoff;
        this.tokens = tokens;
        this.clock = clock;
        this.settings = settings;
    }

    private record Claimed(OutboxDao.Row row, PushComposer.Decision decision) {
    }

    /** Handles one batch of due pushes; returns how many outbox rows it settled (0 when nothing was due). */
    public int runOnce() {
        long now = clock.millis();
        purgeNowAndThen(now);
        int due = db.read(h -> {
            OutboxDao outbox = h.attach(OutboxDao.class);
            metrics.outbox(outbox.depth());
            return outbox.countDue(now);
        });
        if (due == 0) {
            return 0;
        }
        String claimId = tokens.id();
        List<OutboxDao.Row> rows = db.write(h -> OutboxDao.claim(h, claimId, now, now + settings.lease().toMillis(),
                settings.batchSize()));
        if (rows.isEmpty()) {
            return 0;
        }
        Instant at = Instant.ofEpochMilli(now);
        List<Claimed> claimed = db.read(h -> {
            Recipients recipients = Recipients.load(h.attach(PushTargetDao.class), rows);
            List<Claimed> out = new ArrayList<>(rows.size());
            for (OutboxDao.Row row : rows) {
                out.add(new Claimed(row, composeOne(recipients, row, at)));
            }
            return out;
        });
        List<PushMessage> messages = new ArrayList<>();
        for (Claimed c : claimed) {
            if (c.decision() instanceof PushComposer.Send send) {
                messages.add(send.message());
            }
        }
        List<SendOutcome> outcomes = send(messages);
        record(claimId, claimed, outcomes);
        metrics.outbox(db.read(h -> h.attach(OutboxDao.class).depth()));
        return rows.size();
    }

    /** One unreadable row (a token sealed with a key that is gone) is dropped; it never holds up its batch. */
    private PushComposer.Decision composeOne(Recipients recipients, OutboxDao.Row row, Instant at) {
        try {
            return composer.compose(recipients, row, at);
        } catch (RuntimeException e) {
            LOG.warn("push could not be composed: pushId={} {}", row.id(), e.getClass().getSimpleName());
            return new PushComposer.Drop("unreadable");
        }
    }

    private List<SendOutcome> send(List<PushMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        try {
            List<SendOutcome> outcomes = sender.send(messages);
            if (outcomes.size() != messages.size()) {
                throw new IllegalStateException("sender answered " + outcomes.size() + " of " + messages.size());
            }
            return outcomes;
        } catch (RuntimeException e) {
            LOG.warn("push sender {} failed on a batch of {}: {}", sender.name(), messages.size(),
                    e.getClass().getSimpleName());
            return messages.stream().map(m -> SendOutcome.retry("sender_error", null)).toList();
        }
    }

    private void record(String claimId, List<Claimed> claimed, List<SendOutcome> outcomes) {
        long now = clock.millis();
        List<Runnable> afterwards = new ArrayList<>();
        db.writeVoid(h -> {
            int next = 0;
            for (Claimed c : claimed) {
                OutboxDao.Row row = c.row();
                if (c.decision() instanceof PushComposer.Wait wait) {
                    OutboxDao.reschedule(h, row.id(), claimId, wait.until().toEpochMilli(), 0, "quiet_hours");
                } else if (c.decision() instanceof PushComposer.Drop drop) {
                    if (OutboxDao.finish(h, row.id(), claimId, OutboxDao.DROPPED, 0, drop.reason(), now) == 1) {
                        afterwards.add(() -> metrics.failed(drop.reason()));
                    }
                } else if (c.decision() instanceof PushComposer.Send send) {
                    SendOutcome outcome = outcomes.get(next++);
                    recordSent(h, claimId, row, send, outcome, now, afterwards);
                }
            }
        });
        afterwards.forEach(Runnable::run);
    }

    /** {@code h} attaches the token owners' DAOs only when a token must go: attaching costs more than a push. */
    private void recordSent(Handle h, String claimId, OutboxDao.Row row, PushComposer.Send send,
                            SendOutcome outcome, long now, List<Runnable> afterwards) {
        switch (outcome.kind()) {
            case SENT -> {
                if (OutboxDao.finish(h, row.id(), claimId, OutboxDao.SENT, 1, null, now) == 1) {
                    afterwards.add(() -> metrics.sent(row.recipientKind()));
                }
            }
            case TOKEN_INVALID -> {
                int removed = PushPolicy.STAFF.equals(row.recipientKind())
                        ? h.attach(StaffDao.class).removePushToken(row.recipientId(), send.sealedToken())
                        : h.attach(PushTargetDao.class).removeDeviceToken(row.recipientId(), send.sealedToken());
                if (OutboxDao.finish(h, row.id(), claimId, OutboxDao.DROPPED, 1, outcome.errorCode(), now) == 1) {
                    afterwards.add(() -> metrics.failed(outcome.errorCode()));
                }
                if (removed > 0) {
                    LOG.info("push token removed: pushId={} recipient={} reason={}", row.id(), row.recipientKind(),
                            outcome.errorCode());
                    afterwards.add(metrics::tokenRemoved);
                }
            }
            case FAILED -> {
                if (OutboxDao.finish(h, row.id(), claimId, OutboxDao.FAILED, 1, outcome.errorCode(), now) == 1) {
                    LOG.warn("push failed: {} reason={}", send.message().describe(), outcome.errorCode());
                    afterwards.add(() -> metrics.failed(outcome.errorCode()));
                }
            }
            case RETRY -> {
                int failedAttempts = row.attempts() + 1;
                Duration wait = backoff.delay(failedAttempts, outcome.retryAfter());
                long nextTry = now + wait.toMillis();
                boolean tooOld = nextTry > row.createdAt() + settings.giveUpAfter().toMillis();
                if (tooOld || failedAttempts >= settings.maxAttempts()) {
                    String reason = "gave_up_" + outcome.errorCode();
                    if (OutboxDao.finish(h, row.id(), claimId, OutboxDao.FAILED, 1, reason, now) == 1) {
                        LOG.warn("push given up after {} attempts: {} last={}", failedAttempts,
                                send.message().describe(), outcome.errorCode());
                        afterwards.add(() -> metrics.failed("gave_up"));
                    }
                } else if (OutboxDao.reschedule(h, row.id(), claimId, nextTry, 1, outcome.errorCode()) == 1) {
                    afterwards.add(metrics::retried);
                }
            }
            default -> throw new IllegalStateException("unknown outcome");
        }
    }

    private void purgeNowAndThen(long now) {
        if (now - lastPurge < Duration.ofHours(1).toMillis()) {
            return;
        }
        lastPurge = now;
        db.writeVoid(h -> h.attach(OutboxDao.class).purgeFinished(now - settings.keepFinished().toMillis()));
    }
}
