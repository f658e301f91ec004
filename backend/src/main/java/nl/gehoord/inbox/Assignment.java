package nl.gehoord.inbox;

import java.util.List;
import java.util.Optional;
import nl.gehoord.db.Dialect;
import org.jdbi.v3.core.Handle;

/**
 * Picks a trust person within a team: available, fewest open cases (counted up to
 * {@link InboxDao#OPEN_CASES_COUNTED}), and among equals the one who got a case longest ago (round-robin). Nobody
 * available: empty, and the case waits in the coordinator's queue.
 */
final class Assignment {
    private Assignment() {
    }

    static Optional<String> pick(Handle h, String teamId, String excludeStaffId) {
        if (teamId == null) {
            return Optional.empty();
        }
        if (Dialect.of(h) == Dialect.POSTGRESQL) {
            return pickConcurrently(h.attach(InboxDao.class), teamId, excludeStaffId == null ? "" : excludeStaffId);
        }
        List<InboxDao.Member> members = InboxDao.availableTrustPersons(h, teamId);
        return members.stream().map(InboxDao.Member::id).filter(id -> !id.equals(excludeStaffId)).findFirst();
    }

    /**
     * Counts of other transactions' uncommitted assignments are invisible, so the pick locks the chosen row.
     * When every candidate is locked, this waits for one; by then the others have committed, so the choice is
     * made again on their committed counts (our own lock is never skipped by ourselves).
     */
    private static Optional<String> pickConcurrently(InboxDao dao, String teamId, String excludeId) {
        Optional<String> free = dao.lockFreeTrustPerson(teamId, excludeId);
        if (free.isPresent()) {
            return free;
        }
        Optional<String> waited = dao.waitForTrustPerson(teamId, excludeId);
        if (waited.isEmpty()) {
            return Optional.empty();
        }
        return dao.lockFreeTrustPerson(teamId, excludeId).or(() -> waited);
    }
}
