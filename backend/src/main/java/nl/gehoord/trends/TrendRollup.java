package nl.gehoord.trends;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.db.Database;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.events.CaseEventListener;
import nl.gehoord.events.CaseSnapshot;
import nl.gehoord.intake.CaseStatus;
import org.jdbi.v3.core.Handle;

/**
 * Keeps trend_rollup current inside the transaction that changed a case. Whatever the event, it reads the case's
 * coded facts, subtracts the case's previous contribution and adds the new one, so the result does not depend on
 * which events arrive or in which order. A case counted for the first time gets its random record key (the
 * cell-key method, see {@link PTable}); it keeps that key for good.
 */
public final class TrendRollup implements CaseEventListener {
    private final SecretHasher hasher;
    private final Clock clock;
    private final SecureRandom random;

    public TrendRollup(SecretHasher hasher, Clock clock, SecureRandom random) {
        this.hasher = hasher;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public void on(Handle handle, CaseEvent event) {
        refresh(handle, event.caseId());
    }

    /** One update per case for all the events of one change. */
    @Override
    public void on(Handle handle, java.util.List<CaseEvent> events) {
        java.util.Map<String, CaseEvent> lastPerCase = new java.util.LinkedHashMap<>();
        events.forEach(e -> lastPerCase.put(e.caseId(), e));
        for (CaseEvent last : lastPerCase.values()) {
            CaseSnapshot c = last.snapshot();
            if (c != null && c.created()) {
                countNew(handle, c);
            } else {
                refresh(handle, last.caseId());
            }
        }
    }

    /** A case stored in this transaction: counted for the first time, from the facts its publisher holds. */
    private void countNew(Handle handle, CaseSnapshot c) {
        CaseFacts facts = facts(c.topic(), c.setting(), c.regionCode(), c.ageBand(), c.provider(), CaseStatus.of(c.status()),
                c.createdAt(), null, c.firstResponseDueAt(), null, false, null, clock.millis());
        apply(handle, factKey(c.caseId()), null, facts.withRecordKey(newRecordKey()));
    }

    /** Brings one case's contribution up to date. Safe to call any number of times. */
    public void refresh(Handle handle, String caseId) {
        TrendRollupDao dao = handle.attach(TrendRollupDao.class);
        String key = factKey(caseId);
        Optional<CaseFacts> old = dao.facts(key);
        Optional<CaseFacts> current = dao.caseRow(caseId).map(row -> facts(row, old.orElse(null), clock.millis()));
        if (current.isEmpty()) {
            return; // the case row is gone (retention): its last contribution stays counted
        }
        long recordKey = old.map(CaseFacts::recordKey).orElseGet(this::newRecordKey);
        apply(handle, key, old.orElse(null), current.get().withRecordKey(recordKey));
    }

    /**
     * Gives every facts row counted before record keys existed its key, and adds the key to the rollups. Runs at
     * start-up; does nothing once every row has a key.
     *
     * @return how many rows got a key
     */
    public int assignMissingKeys(Database db) {
        return db.write(h -> {
            TrendRollupDao dao = h.attach(TrendRollupDao.class);
            int n = 0;
            for (String key : dao.factKeysWithoutRecordKey()) {
                CaseFacts keyless = dao.facts(key).orElseThrow();
                apply(h, key, keyless, keyless.withRecordKey(newRecordKey()));
                n++;
            }
            return n;
        });
    }

    private long newRecordKey() {
        return Integer.toUnsignedLong(random.nextInt());
    }

    /** Applies a change of one case's facts to the rollup and stores the new facts. */
    public static void apply(Handle handle, String factKey, CaseFacts old, CaseFacts now) {
        if (now.sameAs(old)) {
            return;
        }
        TrendRollupDao.markMonth(handle, now.month());
        if (old == null) {
            TrendRollupDao.add(handle, now, now.contribution());
        } else if (old.sameCell(now)) {
            TrendRollupDao.add(handle, now, CaseFacts.minus(now.contribution(), old.contribution()));
        } else {
            TrendRollupDao.add(handle, old, CaseFacts.negate(old.contribution()));
            TrendRollupDao.add(handle, now, now.contribution());
        }
        TrendRollupDao.storeFacts(handle, factKey, now);
    }

    String factKey(String caseId) {
        return hasher.hmac("trend-facts:" + caseId);
    }

    private static CaseFacts facts(TrendRollupDao.CaseRow c, CaseFacts old, long now) {
        return facts(c.topic(), c.setting(), c.regionCode(), c.ageBand(), c.provider(), c.status(), c.createdAt(),
                c.firstResponseAt(), c.firstResponseDueAt(), c.closedAt(), c.formalEvents() > 0, old, now);
    }

    /** The facts of a case as it stands now; {@code old} keeps what erasure removed from the case row. */
    public static CaseFacts facts(String topic, String setting, String regionCode, String ageBand, String provider,
                                  CaseStatus status, long createdAt, Long firstResponseAt, Long firstResponseDueAt,
                                  Long closedAt, boolean formalInTimeline, CaseFacts old, long now) {
        String keptProvider = provider != null ? provider : old != null ? old.provider() : "";
        String outcome = switch (status) {
            case RESOLVED -> CaseFacts.RESOLVED;
            case CLOSED -> CaseFacts.CLOSED;
            case WITHDRAWN -> CaseFacts.WITHDRAWN;
            default -> CaseFacts.OPEN;
        };
        boolean formal = status == CaseStatus.FORMAL_COMPLAINT || formalInTimeline || (old != null && old.formal());
        String sla = CaseFacts.SLA_PENDING;
        if (firstResponseDueAt != null) {
            if (firstResponseAt != null) {
                sla = firstResponseAt <= firstResponseDueAt ? CaseFacts.SLA_MET : CaseFacts.SLA_MISSED;
            } else {
                long until = closedAt != null ? closedAt : now;
                sla = until > firstResponseDueAt ? CaseFacts.SLA_MISSED : CaseFacts.SLA_PENDING;
            }
        }
        Integer fr = firstResponseAt == null ? null : TrendBuckets.bucketOf(firstResponseAt - createdAt);
        Integer res = closedAt != null && (outcome.equals(CaseFacts.RESOLVED) || outcome.equals(CaseFacts.CLOSED))
                ? TrendBuckets.bucketOf(closedAt - createdAt) : null;
        return new CaseFacts(TrendDims.month(createdAt), TrendDims.topic(topic), TrendDims.setting(setting),
                regionCode, TrendDims.ageBand(ageBand), keptProvider, outcome, formal, sla, fr, res,
                old != null ? old.recordKey() : 0);
    }
}
