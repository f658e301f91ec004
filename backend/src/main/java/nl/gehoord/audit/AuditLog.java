package nl.gehoord.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import nl.gehoord.db.Database;
import org.jdbi.v3.core.Handle;

/**
 * The tamper-evident audit log: who did what, when, to which case id; never content. Each entry's hash covers
 * its own fields and the previous entry's hash, so changing or removing an entry breaks every hash after it.
 * Entries are written inside the caller's transaction, so an audited action and its entry commit together.
 */
public final class AuditLog {
    public static final String GENESIS = "0".repeat(64);
    private static final int VERIFY_PAGE = 1000;

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Who acted: a staff member (id and role), a young person's device, or the system. */
    public record Who(String actorId, String role) {
        public static final Who SYSTEM = new Who(null, "system");
    }

    public void append(Handle h, Who who, String action, String caseId, String targetId) {
        AuditDao dao = h.attach(AuditDao.class);
        if (isPostgres(h)) {
            dao.lockChain();
        }
        AuditDao.Entry last = dao.last().orElse(null);
        long seq = last == null ? 1 : last.seq() + 1;
        String prev = last == null ? GENESIS : last.hash();
        long at = clock.millis();
        String hash = hash(seq, at, who.actorId(), who.role(), action, caseId, targetId, prev);
        dao.insert(new AuditDao.Entry(seq, at, who.actorId(), who.role(), action, caseId, targetId, prev, hash));
    }

    private static boolean isPostgres(Handle h) {
        try {
            return h.getConnection().getMetaData().getURL().startsWith("jdbc:postgresql:");
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    /** The result of walking the chain from the first entry. */
    public record Verification(boolean intact, long entries, Long firstBrokenSeq) {
    }

    public static Verification verify(Database db) {
        return db.read(h -> {
            AuditDao dao = h.attach(AuditDao.class);
            String prev = GENESIS;
            long expectedSeq = 1;
            long after = 0;
            long count = 0;
            List<AuditDao.Entry> page;
            do {
                page = dao.page(after, VERIFY_PAGE);
                for (AuditDao.Entry e : page) {
                    String expected = hash(e.seq(), e.at(), e.actorId(), e.actorRole(), e.action(), e.caseId(),
                            e.targetId(), prev);
                    if (e.seq() != expectedSeq || !e.prevHash().equals(prev) || !e.hash().equals(expected)) {
                        return new Verification(false, count, e.seq());
                    }
                    prev = e.hash();
                    expectedSeq++;
                    count++;
                    after = e.seq();
                }
            } while (page.size() == VERIFY_PAGE);
            return new Verification(true, count, null);
        });
    }

    static String hash(long seq, long at, String actorId, String role, String action, String caseId, String targetId,
                       String prev) {
        String canonical = String.join("\u001f", Long.toString(seq), Long.toString(at), nullSafe(actorId),
                nullSafe(role), action, nullSafe(caseId), nullSafe(targetId), prev);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullSafe(String value) {
        return value == null ? "\u0000" : value;
    }
}
