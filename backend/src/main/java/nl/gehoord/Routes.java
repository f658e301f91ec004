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
import nl.gehoord.admin.AdminController;
import nl.gehoord.complaint.ComplaintController;
import nl.gehoord.http.Limited;
import nl.gehoord.http.Route;
import nl.gehoord.inbox.CannedReplyController;
import nl.gehoord.inbox.InboxController;
import nl.gehoord.inbox.StaffProfileController;
import nl.gehoord.intake.CaseController;
import nl.gehoord.intake.DeviceController;
import nl.gehoord.intake.InfoController;
import nl.gehoord.ops.MetricsController;
import nl.gehoord.ops.OpsController;
import nl.gehoord.signals.SignalController;
import nl.gehoord.staff.StaffController;
import nl.gehoord.trends.TrendsController;
import nl.gehoord.web.AdminPages;
import nl.gehoord.web.Assets;
import nl.gehoord.web.CasePages;
import nl.gehoord.web.ComplaintPages;
import nl.gehoord.web.CouncilPages;
import nl.gehoord.web.InboxPages;
import nl.gehoord.web.LiveUpdates;
import nl.gehoord.web.LoginPages;
import nl.gehoord.web.QueuePages;
import nl.gehoord.web.SignalPages;
import nl.gehoord.youth.YouthAppController;

/**
 * Every route of the API, with the roles that may call it and the rate-limited action it is. The one place to
 * read who may do what, and how often.
 */
public final class Routes {
    private Routes() {
    }

    public record Controllers(OpsController ops, InfoController info, DeviceController devices, CaseController cases,
                              StaffController staff,
                              MetricsController metrics,
                              // The inbox
                              InboxController inbox, StaffProfileController staffProfile,
                              CannedReplyController cannedReplies, AdminController admin,
                              TrendsController trends, YouthAppController youthApp,
                              ComplaintController complaints, SignalController signals) {
    }

    /** The staff pages' controllers. */
    public record PageControllers(Assets assets, LoginPages login, InboxPages inbox, CasePages cases,
                                  ComplaintPages complaints, SignalPages signals, QueuePages queue,
                                  CouncilPages council, AdminPages admin, LiveUpdates live) {
    }

    /**
     * Every staff page and fragment, with the roles that may see it: the same roles as the API routes they stand
     * for. A session cookie is the credential here, and every state change needs the session's CSRF token.
     */
    public static List<Route> pages(PageControllers p) {
        return List.of(
                Route.of(GET, Assets.PATH, p.assets()::serve, PUBLIC),
                Route.of(GET, "/web/login", p.login()::form, PUBLIC),
                Route.of(POST, "/web/login", p.login()::login, PUBLIC).limitedAs(Limited.LOGIN),
                Route.of(POST, "/web/logout", p.login()::logout, TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN),
                Route.of(GET, LiveUpdates.PATH, p.live()::stream, TRUST_PERSON, COORDINATOR),

                // Trust person and coordinator
                Route.of(GET, "/web/inbox", p.inbox()::page, TRUST_PERSON, COORDINATOR),
                Route.of(GET, "/web/inbox/rows", p.inbox()::rows, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/web/search", p.inbox()::search, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/web/me/availability", p.inbox()::availability, TRUST_PERSON, COORDINATOR),
                Route.of(GET, "/web/cases/{caseId}", p.cases()::page, TRUST_PERSON, COORDINATOR),
                Route.of(GET, "/web/cases/{caseId}/live", p.cases()::live, TRUST_PERSON, COORDINATOR),
                Route.of(GET, "/web/cases/{caseId}/canned/{replyId}", p.cases()::cannedReply, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/web/cases/{caseId}/reply", p.cases()::reply, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/web/cases/{caseId}/note", p.cases()::note, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/web/cases/{caseId}/status", p.cases()::status, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/web/cases/{caseId}/preview", p.cases()::preview, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/web/cases/{caseId}/due-date", p.cases()::dueDate, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/web/cases/{caseId}/visit", p.cases()::visit, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/web/cases/{caseId}/assign", p.cases()::assign, COORDINATOR),

                // The formal complaint: only the trust person who handles the case, as in the API
                Route.of(POST, "/web/cases/{caseId}/complaint", p.complaints()::start, TRUST_PERSON),
                Route.of(POST, "/web/cases/{caseId}/complaint/wording", p.complaints()::reword, TRUST_PERSON),
                Route.of(POST, "/web/cases/{caseId}/complaint/send", p.complaints()::send, TRUST_PERSON),
                Route.of(POST, "/web/cases/{caseId}/complaint/decision", p.complaints()::decision, TRUST_PERSON),
                Route.of(POST, "/web/cases/{caseId}/complaint/measures", p.complaints()::measures, TRUST_PERSON),
                Route.of(GET, "/web/cases/{caseId}/complaint/letter.pdf", p.complaints()::letter, TRUST_PERSON),

                // Signals: the organisation's trust persons and coordinators, as in the API
                Route.of(GET, "/web/signals", p.signals()::list, TRUST_PERSON, COORDINATOR),
                Route.of(GET, "/web/signals/new", p.signals()::newForm, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/web/signals", p.signals()::create, TRUST_PERSON, COORDINATOR),
                Route.of(GET, "/web/signals/{signalId}", p.signals()::page, TRUST_PERSON, COORDINATOR),
                Route.of(GET, "/web/signals/{signalId}/report.pdf", p.signals()::pdf, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/web/signals/{signalId}/sent", p.signals()::sent, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/web/signals/{signalId}/answer", p.signals()::answer, TRUST_PERSON, COORDINATOR),

                // Coordinator
                Route.of(GET, "/web/queue", p.queue()::page, COORDINATOR),
                Route.of(GET, "/web/queue/rows", p.queue()::rows, COORDINATOR),

                // Council: trends of its own scope, never a case
                Route.of(GET, "/web/council", p.council()::page, COUNCIL),
                Route.of(GET, "/web/council/trends.csv", p.council()::csv, COUNCIL),
                Route.of(GET, "/web/council/chart.svg", p.council()::svg, COUNCIL),
                Route.of(GET, "/web/council/signals.csv", p.council()::signalsCsv, COUNCIL),

                // Admin: staff, teams, routing, time limits and the audit log of the own organisation; never a case
                Route.of(GET, "/web/admin", p.admin()::page, ADMIN),
                Route.of(GET, "/web/admin/staff", p.admin()::staffPage, ADMIN),
                Route.of(POST, "/web/admin/staff", p.admin()::invite, ADMIN),
                Route.of(POST, "/web/admin/staff/{staffId}", p.admin()::changeStaff, ADMIN),
                Route.of(GET, "/web/admin/teams", p.admin()::teamsPage, ADMIN),
                Route.of(POST, "/web/admin/teams", p.admin()::createTeam, ADMIN),
                Route.of(POST, "/web/admin/teams/{teamId}/members", p.admin()::addMember, ADMIN),
                Route.of(GET, "/web/admin/routing", p.admin()::routingPage, ADMIN),
                Route.of(POST, "/web/admin/routing-rules", p.admin()::createRule, ADMIN),
                Route.of(POST, "/web/admin/routing-rules/{ruleId}/delete", p.admin()::deleteRule, ADMIN),
                Route.of(POST, "/web/admin/locations/{locationId}/trust-person", p.admin()::locationTrustPerson, ADMIN),
                Route.of(GET, "/web/admin/time-limits", p.admin()::timeLimitsPage, ADMIN),
                Route.of(POST, "/web/admin/time-limits", p.admin()::setTimeLimits, ADMIN),
                Route.of(GET, "/web/admin/audit", p.admin()::auditPage, ADMIN)
        );
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
                Route.of(GET, "/v1/app-texts", c.youthApp()::texts, PUBLIC),

                // The youth web app: static files only; it uses the API above like any phone app
                Route.of(GET, "/app", c.youthApp()::index, PUBLIC),
                Route.of(GET, "/app/{file}", c.youthApp()::file, PUBLIC),

                // Young person: the app install
                Route.of(POST, "/v1/devices", c.devices()::register, PUBLIC).limitedAs(Limited.REGISTER),
                Route.of(GET, "/v1/devices/me", c.devices()::current, DEVICE),
                Route.of(PUT, "/v1/devices/me", c.devices()::update, DEVICE),
                Route.of(DELETE, "/v1/devices/me", c.devices()::delete, DEVICE),

                // Young person: cases (a device sees only its own; others are 404)
                Route.of(POST, "/v1/cases", c.cases()::create, DEVICE).limitedAs(Limited.CASE),
                Route.of(GET, "/v1/cases", c.cases()::list, DEVICE),
                Route.of(POST, "/v1/cases/claim", c.cases()::claim, DEVICE).limitedAs(Limited.CLAIM),
                Route.of(GET, "/v1/cases/{caseId}", c.cases()::detail, DEVICE),
                Route.of(DELETE, "/v1/cases/{caseId}", c.cases()::erase, DEVICE),
                Route.of(POST, "/v1/cases/{caseId}/messages", c.cases()::postMessage, DEVICE).limitedAs(Limited.MESSAGE),
                Route.of(GET, "/v1/cases/{caseId}/messages", c.cases()::messages, DEVICE),
                // The phones that follow a case: each may see them and remove any (the case stays claimable)
                Route.of(GET, "/v1/cases/{caseId}/devices", c.cases()::devices, DEVICE),
                Route.of(DELETE, "/v1/cases/{caseId}/devices/{linkId}", c.cases()::unlinkDevice, DEVICE),
                Route.of(POST, "/v1/cases/{caseId}/withdraw", c.cases()::withdraw, DEVICE),
                Route.of(GET, "/v1/cases/{caseId}/export", c.cases()::export, DEVICE),
                Route.of(POST, "/v1/cases/{caseId}/feedback", c.cases()::feedback, DEVICE),

                // Staff sessions
                Route.of(POST, "/v1/staff/session", c.staff()::login, PUBLIC).limitedAs(Limited.LOGIN),
                Route.of(DELETE, "/v1/staff/session", c.staff()::logout, TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN),
                // The invited person sets their own password; the one-time token is the credential.
                Route.of(POST, "/v1/staff/invitations/accept", c.staff()::acceptInvitation, PUBLIC)
                        .limitedAs(Limited.INVITATION),
                // Every staff member: their own password and their own sessions only
                Route.of(PUT, "/v1/staff/me/password", c.staff()::changePassword, TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN),
                Route.of(GET, "/v1/staff/sessions", c.staff()::sessions, TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN),
                Route.of(DELETE, "/v1/staff/sessions", c.staff()::logoutEverywhere, TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN),
                Route.of(DELETE, "/v1/staff/sessions/{sessionId}", c.staff()::endSession, TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN),

                // Prometheus scrape. Public like /health: counts and fixed labels only, no ids,
                // no content (docs/push.md).
                Route.of(GET, "/metrics", c.metrics()::scrape, PUBLIC),

                // --- The trust person's inbox, the coordinator's queue, admin ---------------------------------
                // Young person: how their case is handled (404 for a case that is not theirs)
                Route.of(POST, "/v1/cases/{caseId}/other-trust-person", c.inbox()::askOtherTrustPerson, DEVICE),
                Route.of(POST, "/v1/cases/{caseId}/visit-request", c.inbox()::askVisit, DEVICE),

                // Staff: their own settings
                Route.of(GET, "/v1/staff/me", c.staffProfile()::me, TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN),
                Route.of(PUT, "/v1/staff/me", c.staffProfile()::update, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/v1/staff/me/totp", c.staff()::startTotp, TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN),
                Route.of(POST, "/v1/staff/me/totp/confirm", c.staff()::confirmTotp, TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN),

                // Inbox and queue (a trust person sees their cases, a coordinator their team's; others are 404)
                Route.of(GET, "/v1/inbox", c.inbox()::inbox, TRUST_PERSON, COORDINATOR),
                Route.of(GET, "/v1/queue", c.inbox()::queue, COORDINATOR),
                Route.of(GET, "/v1/inbox/{caseId}", c.inbox()::open, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/v1/inbox/{caseId}/messages", c.inbox()::reply, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/v1/inbox/{caseId}/notes", c.inbox()::note, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/v1/inbox/{caseId}/status", c.inbox()::status, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/v1/inbox/{caseId}/due-date", c.inbox()::dueDate, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/v1/inbox/{caseId}/visit", c.inbox()::visit, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/v1/inbox/{caseId}/assign", c.inbox()::assign, COORDINATOR),

                // Canned replies of the staff member's organisation
                Route.of(GET, "/v1/canned-replies", c.cannedReplies()::list, TRUST_PERSON, COORDINATOR, ADMIN),
                Route.of(POST, "/v1/canned-replies", c.cannedReplies()::create, COORDINATOR, ADMIN),
                Route.of(PUT, "/v1/canned-replies/{replyId}", c.cannedReplies()::update, COORDINATOR, ADMIN),
                Route.of(DELETE, "/v1/canned-replies/{replyId}", c.cannedReplies()::delete, COORDINATOR, ADMIN),

                // Admin: never case content, never a password, only within the admin's own organisation
                Route.of(GET, "/v1/admin/organisations", c.admin()::organisations, ADMIN),
                Route.of(GET, "/v1/admin/organisations/{organisationId}/sla", c.admin()::sla, ADMIN),
                Route.of(PUT, "/v1/admin/organisations/{organisationId}/sla", c.admin()::setSla, ADMIN),
                Route.of(GET, "/v1/admin/regions", c.admin()::regions, ADMIN),
                Route.of(POST, "/v1/admin/regions", c.admin()::createRegion, ADMIN),
                Route.of(GET, "/v1/admin/teams", c.admin()::teams, ADMIN),
                Route.of(POST, "/v1/admin/teams", c.admin()::createTeam, ADMIN),
                Route.of(GET, "/v1/admin/staff", c.admin()::staff, ADMIN),
                Route.of(POST, "/v1/admin/staff", c.admin()::inviteStaff, ADMIN),
                Route.of(PUT, "/v1/admin/staff/{staffId}", c.admin()::changeStaff, ADMIN),
                Route.of(POST, "/v1/admin/staff/{staffId}/invitation", c.admin()::reinviteStaff, ADMIN),
                Route.of(GET, "/v1/admin/routing-rules", c.admin()::rules, ADMIN),
                Route.of(POST, "/v1/admin/routing-rules", c.admin()::createRule, ADMIN),
                Route.of(DELETE, "/v1/admin/routing-rules/{ruleId}", c.admin()::deleteRule, ADMIN),
                Route.of(PUT, "/v1/admin/locations/{locationId}/trust-person", c.admin()::locationTrustPerson, ADMIN),
                Route.of(GET, "/v1/admin/audit", c.admin()::audit, ADMIN),
                Route.of(GET, "/v1/admin/audit/verify", c.admin()::verifyAudit, ADMIN),

                // Trends for councils: aggregates within the council's own scope, council role only
                Route.of(GET, "/v1/trends", c.trends()::json, COUNCIL),
                Route.of(GET, "/v1/trends.csv", c.trends()::csv, COUNCIL),
                Route.of(GET, "/v1/trends/chart.svg", c.trends()::svg, COUNCIL),
                Route.of(GET, "/v1/trends/signals", c.trends()::signalsJson, COUNCIL),
                Route.of(GET, "/v1/trends/signals.csv", c.trends()::signalsCsv, COUNCIL),

                // The formal complaint: only the case's young person and the trust person who handles it
                Route.of(GET, "/v1/cases/{caseId}/complaint", c.complaints()::youthView, DEVICE),
                Route.of(PUT, "/v1/cases/{caseId}/complaint", c.complaints()::answer, DEVICE),
                Route.of(POST, "/v1/cases/{caseId}/complaint/approval", c.complaints()::approve, DEVICE),
                Route.of(GET, "/v1/cases/{caseId}/complaint/letter.pdf", c.complaints()::youthLetter, DEVICE),
                Route.of(POST, "/v1/inbox/{caseId}/complaint", c.complaints()::start, TRUST_PERSON),
                Route.of(GET, "/v1/inbox/{caseId}/complaint", c.complaints()::staffView, TRUST_PERSON),
                Route.of(PUT, "/v1/inbox/{caseId}/complaint/wording", c.complaints()::reword, TRUST_PERSON),
                Route.of(POST, "/v1/inbox/{caseId}/complaint/send", c.complaints()::send, TRUST_PERSON),
                Route.of(POST, "/v1/inbox/{caseId}/complaint/decision", c.complaints()::decision, TRUST_PERSON),
                Route.of(POST, "/v1/inbox/{caseId}/complaint/measures", c.complaints()::measures, TRUST_PERSON),
                Route.of(GET, "/v1/inbox/{caseId}/complaint/letter.pdf", c.complaints()::staffLetter, TRUST_PERSON),
                Route.of(GET, "/v1/admin/organisations/{organisationId}/complaint-settings",
                        c.complaints()::settings, ADMIN),
                Route.of(PUT, "/v1/admin/organisations/{organisationId}/complaint-settings",
                        c.complaints()::saveSettings, ADMIN),

                // Signals: the organisation's trust persons and coordinators; never a child's words or name
                Route.of(POST, "/v1/signals", c.signals()::create, TRUST_PERSON, COORDINATOR),
                Route.of(GET, "/v1/signals", c.signals()::list, TRUST_PERSON, COORDINATOR),
                Route.of(GET, "/v1/signals/suggestions", c.signals()::suggestions, TRUST_PERSON, COORDINATOR),
                Route.of(GET, "/v1/signals/{signalId}", c.signals()::get, TRUST_PERSON, COORDINATOR),
                Route.of(GET, "/v1/signals/{signalId}/report", c.signals()::report, TRUST_PERSON, COORDINATOR),
                Route.of(GET, "/v1/signals/{signalId}/report.pdf", c.signals()::reportPdf, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/v1/signals/{signalId}/sent", c.signals()::sent, TRUST_PERSON, COORDINATOR),
                Route.of(POST, "/v1/signals/{signalId}/answer", c.signals()::answer, TRUST_PERSON, COORDINATOR)
        );
    }
}
