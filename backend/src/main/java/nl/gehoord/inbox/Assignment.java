package nl.gehoord.inbox;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Picks a trust person within a team: available, fewest open cases, and among equals the one who got a case
 * longest ago (round-robin). Nobody available: empty, and the case waits in the coordinator's queue.
 */
final class Assignment {
    private Assignment() {
    }

    static Optional<String> pick(Handle h, String teamId, String excludeStaffId) {
        if (teamId == null) {
            return Optional.empty();
        }
        List<InboxDao.Member> members = h.attach(InboxDao.class).availableTrustPersons(teamId);
        return members.stream().map(InboxDao.Member::id).filter(id -> !id.equals(excludeStaffId)).findFirst();
    }
}
