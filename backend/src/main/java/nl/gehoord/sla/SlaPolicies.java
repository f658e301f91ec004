package nl.gehoord.sla;

import java.time.Clock;
import nl.gehoord.db.Database;
import org.jdbi.v3.core.Handle;

/** Each organisation's time limits, with the defaults where an organisation has set none. */
public final class SlaPolicies {
    private final Clock clock;

    public SlaPolicies(Clock clock) {
        this.clock = clock;
    }

    public SlaPolicy forOrganisation(Handle h, String organisationId) {
        return h.attach(SlaPolicyDao.class).policy(organisationId).orElse(SlaPolicy.defaults());
    }

    public SlaPolicy forOrganisation(Database db, String organisationId) {
        return db.read(h -> forOrganisation(h, organisationId));
    }

    /** Replaces the organisation's limits; cases already in keep the due times they were given. */
    public void set(Handle h, String organisationId, SlaPolicy policy) {
        SlaPolicyDao dao = h.attach(SlaPolicyDao.class);
        dao.deletePolicy(organisationId);
        dao.insertPolicy(organisationId, policy, clock.millis());
    }
}
