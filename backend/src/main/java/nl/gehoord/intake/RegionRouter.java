package nl.gehoord.intake;

import nl.gehoord.organisations.PlacesDao;
import org.jdbi.v3.core.Handle;

/** Sends a case to the trust-person organisation that serves its region, into that organisation's queue. */
public final class RegionRouter implements CaseRouter {
    @Override
    public Decision route(Handle handle, Request request) {
        if (request.organisationId() != null) {
            return new Decision(request.organisationId(), null);
        }
        PlacesDao.Region region = handle.attach(PlacesDao.class).region(request.regionCode())
                .orElseThrow(() -> new IllegalStateException("region checked before routing"));
        return new Decision(region.organisationId(), null);
    }
}
