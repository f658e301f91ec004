package nl.gehoord;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;
import static nl.gehoord.http.Role.DEVICE;
import static nl.gehoord.http.Role.PUBLIC;
import static nl.gehoord.http.Role.ADMIN;
import static nl.gehoord.http.Role.COORDINATOR;
import static nl.gehoord.http.Role.COUNCIL;
import static nl.gehoord.http.Role.TRUST_PERSON;

import java.util.List;
import nl.gehoord.http.Route;
import nl.gehoord.intake.CaseController;
import nl.gehoord.intake.DeviceController;
import nl.gehoord.intake.InfoController;
import nl.gehoord.ops.MetricsController;
import nl.gehoord.ops.OpsController;
import nl.gehoord.staff.StaffController;
import nl.gehoord.trends.TrendsController;

/** Every route of the API, with the roles that may call it. The one place to read who may do what. */
public final class Routes {
    private Routes() {
    }

    public record Controllers(OpsController ops, InfoController info, DeviceController devices, CaseController cases,
                              StaffController staff,
                              MetricsController metrics /* push (issue 5) */) {
    }

    public static List<Route> all(Controllers c) {
        return List.of(
                // Operations
                Route.of(GET, "/health", c.ops()::health, PUBLIC),
                Route.of(GET, "/ready", c.ops()::ready, PUBLIC),

                // Public information for the app
                Route.of(GET, "/v1/flow", c.info()::flow, PUBLIC),
                Route.of(GET, "/v1/glossary", c.info()::glossary, PUBLIC),
                Route.of(GET, "/v1/help-contacts", c.info()::helpContacts, PUBLIC),
                Route.of(GET, "/v1/regions", c.info()::regions, PUBLIC),

                // Young person: the app install
                Route.of(POST, "/v1/devices", c.devices()::register, PUBLIC),
                Route.of(GET, "/v1/devices/me", c.devices()::current, DEVICE),
                Route.of(PUT, "/v1/devices/me", c.devices()::update, DEVICE),
                Route.of(DELETE, "/v1/devices/me", c.devices()::delete, DEVICE),

                // Young person: cases (a device sees only its own; others are 404)
                Route.of(POST, "/v1/cases", c.cases()::create, DEVICE),
                Route.of(GET, "/v1/cases", c.cases()::list, DEVICE),
                Route.of(POST, "/v1/cases/claim", c.cases()::claim, DEVICE),
                Route.of(GET, "/v1/cases/{caseId}", c.cases()::detail, DEVICE),
                Route.of(DELETE, "/v1/cases/{caseId}", c.cases()::erase, DEVICE),
                Route.of(POST, "/v1/cases/{caseId}/messages", c.cases()::postMessage, DEVICE),
                Route.of(GET, "/v1/cases/{caseId}/messages", c.cases()::messages, DEVICE),
                Route.of(POST, "/v1/cases/{caseId}/withdraw", c.cases()::withdraw, DEVICE),
                Route.of(GET, "/v1/cases/{caseId}/export", c.cases()::export, DEVICE),
                Route.of(POST, "/v1/cases/{caseId}/feedback", c.cases()::feedback, DEVICE),

                // Staff sessions
                Route.of(POST, "/v1/staff/session", c.staff()::login, PUBLIC),
                Route.of(DELETE, "/v1/staff/session", c.staff()::logout, TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN),

                // push (issue 5): Prometheus scrape. Public like /health: counts and fixed labels only, no ids,
                // no content (docs/push.md).
                Route.of(GET, "/metrics", c.metrics()::scrape, PUBLIC)
        );
    }

    // --- Trends for councils (issue 6): aggregates within the council's own scope, council role only ---
    public static List<Route> trends(TrendsController trends) {
        return List.of(
                Route.of(GET, "/v1/trends", trends::json, COUNCIL),
                Route.of(GET, "/v1/trends.csv", trends::csv, COUNCIL),
                Route.of(GET, "/v1/trends/chart.svg", trends::svg, COUNCIL)
        );
    }
    // --- end trends ---
}
