package nl.gehoord.inbox;

import java.util.List;
import java.util.Optional;
import nl.gehoord.crypto.ReceiptCodes;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.db.Database;
import nl.gehoord.http.Actor;
import nl.gehoord.intake.CaseDao;

/** Finding a case by the code the young person reads out, and the team a coordinator plans with. */
public final class InboxLookup {
    private final Database db;
    private final InboxService inbox;
    private final SecretHasher hasher;

    public InboxLookup(Database db, InboxService inbox, SecretHasher hasher) {
        this.db = db;
        this.inbox = inbox;
        this.hasher = hasher;
    }

    /**
     * The case with this receipt code, if this staff member may work on it. A wrong code, someone else's case and
     * an erased one look the same: empty.
     */
    public Optional<String> byCode(Actor.Staff me, String code) {
        Optional<String> normalised = ReceiptCodes.normalise(code);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        String hmac = hasher.hmac(normalised.get());
        return db.read(h -> h.attach(CaseDao.class).byCodeHmac(hmac).flatMap(row -> {
            try {
                inbox.access(h, me, row.id());
                return Optional.of(row.id());
            } catch (nl.gehoord.http.ApiException notTheirs) {
                return Optional.<String>empty();
            }
        }));
    }

    /** The members of the staff member's team (trust persons and coordinators), with availability and load. */
    public List<InboxDao.TeamMember> team(Actor.Staff me) {
        if (me.teamId() == null) {
            return List.of();
        }
        return db.read(h -> h.attach(InboxDao.class).teamMembers(me.teamId()));
    }
}
