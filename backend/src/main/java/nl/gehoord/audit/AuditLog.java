package nl.gehoord.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.gehoord.crypto.KeyRing;
import nl.gehoord.db.Database;
import nl.gehoord.db.KeyedUpgradeDao;
import org.jdbi.v3.core.Handle;

/**
 * The tamper-evident audit log: who did what, when, to which case id; never content, and never a young person's
 * device (a device is logged by its role only, so the log links no phone to a case). Each entry's MAC is an HMAC,
 * with a key derived from the key file, over its own fields and the previous entry's MAC; the chain starts from a
 * MAC of a fixed label under the same key. Without the key file nobody can rewrite, remove or add entries without
 * breaking every MAC after them; a head value kept elsewhere ({@code verify-audit}) also shows a cut-off tail.
 * Entries are written inside the caller's transaction, so an audited action and its entry commit together.
 */
public final class AuditLog {
    static final String KEY_PURPOSE = "audit-chain";
    static final String UPGRADE = "audit_chain_keyed";
    private static final int PAGE = 1000;

    private final Clock clock;
    private final byte[] key;

    public AuditLog(Clock clock, KeyRing keys) {
        this.clock = clock;
        this.key = keys.derivedKey(KEY_PURPOSE);
    }

    /** Who acted: a staff member (id and role), a young person (role only), or the system. */
    public record Who(String actorId, String role) {
        public static final Who SYSTEM = new Who(null, "system");
        /** A young person acting from their phone: which phone is never logged. */
        public static final Who YOUNG_PERSON = new Who(null, "young_person");
    }

    public void append(Handle h, Who who, String action, String caseId, String targetId) {
        AuditDao dao = h.attach(AuditDao.class);
        if (isPostgres(h)) {
            dao.lockChain();
        }
        AuditDao.Entry last = dao.last().orElse(null);
        long seq = last == null ? 1 : last.seq() + 1;
        String prev = last == null ? genesis() : last.mac();
        if (prev == null) {
            throw new IllegalStateException("the audit chain is not keyed yet; run the start-up upgrade first");
        }
        long at = clock.millis();
        dao.insert(new AuditDao.Entry(seq, at, who.actorId(), who.role(), action, caseId, targetId,
                mac(seq, at, who.actorId(), who.role(), action, caseId, targetId, prev)));
    }

    private static boolean isPostgres(Handle h) {
        try {
            return h.getConnection().getMetaData().getURL().startsWith("jdbc:postgresql:");
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    /**
     * Gives the entries written before the chain was keyed their MACs, in order, once. Each page commits on its
     * own and a crash in between is picked up where it stopped (the stored MACs carry the chain on). Afterwards
     * an entry without a MAC is a broken chain, not one to fill in.
     */
    public void keyExistingEntries(Database db) {
        if (db.read(h -> h.attach(KeyedUpgradeDao.class).done(UPGRADE))) {
            return;
        }
        while (true) {
            boolean more = db.write(h -> {
                AuditDao dao = h.attach(AuditDao.class);
                List<AuditDao.Entry> withoutMac = dao.withoutMac(PAGE);
                for (AuditDao.Entry e : withoutMac) {
                    String prev = e.seq() == 1 ? genesis() : dao.bySeq(e.seq() - 1).map(AuditDao.Entry::mac)
                            .orElseThrow(() -> new IllegalStateException("audit entry missing before " + e.seq()));
                    dao.setMac(e.seq(), mac(e.seq(), e.at(), e.actorId(), e.actorRole(), e.action(), e.caseId(),
                            e.targetId(), prev));
                }
                if (withoutMac.size() < PAGE) {
                    h.attach(KeyedUpgradeDao.class).markDone(UPGRADE, clock.millis());
                    return false;
                }
                return true;
            });
            if (!more) {
                return;
            }
        }
    }

    /**
     * The result of walking the chain from the first entry. {@code head} ({@code <seq>:<mac>}) names the last
     * entry; kept outside the database, it lets a later run prove the log still holds that entry unchanged.
     */
    public record Verification(boolean intact, long entries, Long firstBrokenSeq, String head) {
    }

    public Verification verify(Database db) {
        return verify(db, null);
    }

    /**
     * Walks the whole chain. With {@code expectHead} (a head printed earlier), the chain is intact only if it
     * still holds that entry with that MAC: a rewritten history or a removed tail no longer matches.
     */
    public Verification verify(Database db, String expectHead) {
        Optional<long[]> expectedSeq = parseHeadSeq(expectHead);
        if (expectHead != null && expectedSeq.isEmpty()) {
            throw new IllegalArgumentException("a head looks like <seq>:<64 hex digits>");
        }
        return db.read(h -> {
            AuditDao dao = h.attach(AuditDao.class);
            String prev = genesis();
            long expected = 1;
            long after = 0;
            long count = 0;
            boolean headSeen = expectHead == null;
            List<AuditDao.Entry> page;
            do {
                page = dao.page(after, PAGE);
                for (AuditDao.Entry e : page) {
                    String mac = mac(e.seq(), e.at(), e.actorId(), e.actorRole(), e.action(), e.caseId(),
                            e.targetId(), prev);
                    if (e.seq() != expected || e.mac() == null
                            || !MessageDigest.isEqual(e.mac().getBytes(StandardCharsets.US_ASCII),
                            mac.getBytes(StandardCharsets.US_ASCII))) {
                        return new Verification(false, count, e.seq(), head(count, prev));
                    }
                    if (!headSeen && e.seq() == expectedSeq.get()[0]) {
                        if (!expectHead.equals(head(e.seq(), e.mac()))) {
                            return new Verification(false, count, e.seq(), head(count, prev));
                        }
                        headSeen = true;
                    }
                    prev = e.mac();
                    expected++;
                    count++;
                    after = e.seq();
                }
            } while (page.size() == PAGE);
            if (!headSeen) {
                return new Verification(false, count, count + 1, head(count, prev));
            }
            return new Verification(true, count, null, head(count, prev));
        });
    }

    private static String head(long seq, String mac) {
        return seq + ":" + mac;
    }

    private static Optional<long[]> parseHeadSeq(String head) {
        if (head == null || !head.matches("[0-9]{1,18}:[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return Optional.of(new long[] {Long.parseLong(head.substring(0, head.indexOf(':')))});
    }

    /** The value the first entry chains from: secret, so a forged log cannot start from a known value. */
    String genesis() {
        return hmac("gehoord audit log genesis");
    }

    String mac(long seq, long at, String actorId, String role, String action, String caseId, String targetId,
               String prev) {
        return hmac(String.join("\u001f", Long.toString(seq), Long.toString(at), nullSafe(actorId),
                nullSafe(role), action, nullSafe(caseId), nullSafe(targetId), prev));
    }

    private String hmac(String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullSafe(String value) {
        return value == null ? "\u0000" : value;
    }
}
