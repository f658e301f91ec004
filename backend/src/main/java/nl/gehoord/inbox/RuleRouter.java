package nl.gehoord.inbox;

import java.time.Clock;
import java.util.Optional;
import nl.gehoord.intake.CaseRouter;
import nl.gehoord.intake.RegionRouter;
import nl.gehoord.staff.StaffDao;
import org.jdbi.v3.core.Handle;

/**
 * Routes a new case: the location's own trust person first (the one who visits it), else the first routing
 * rule of the region's organisation that matches region, setting and topic picks the team, and assignment
 * picks a trust person in it. No rule: the region's organisation queue, as {@link RegionRouter} does.
 */
public final class RuleRouter implements CaseRouter {
    private final RegionRouter fallback = new RegionRouter();
    private final Clock clock;

    public RuleRouter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Decision route(Handle h, Request request) {
        Decision base = fallback.route(h, request);
        if (request.locationId() != null) {
            Optional<String> visitor = InboxDao.availableLocationTrustPerson(h, request.locationId());
            if (visitor.isPresent()) {
                StaffDao.markAssigned(h, visitor.get(), clock.millis());
                return new Decision(base.organisationId(), visitor.get(), InboxDao.teamOf(h, visitor.get()).orElse(null));
            }
        }
        Optional<InboxDao.Rule> rule = InboxDao.rules(h, base.organisationId()).stream()
                .filter(r -> r.matches(request.regionCode(), request.setting(), request.topic())).findFirst();
        if (rule.isEmpty()) {
            return base;
        }
        String teamId = rule.get().teamId();
        Optional<String> assignee = Assignment.pick(h, teamId, null);
        assignee.ifPresent(id -> StaffDao.markAssigned(h, id, clock.millis()));
        return new Decision(base.organisationId(), assignee.orElse(null), teamId);
    }
}
