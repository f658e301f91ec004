package nl.gehoord;

import static nl.gehoord.http.Role.ADMIN;
import static nl.gehoord.http.Role.COORDINATOR;
import static nl.gehoord.http.Role.COUNCIL;
import static nl.gehoord.http.Role.DEVICE;
import static nl.gehoord.http.Role.PUBLIC;
import static nl.gehoord.http.Role.TRUST_PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import nl.gehoord.http.Role;
import nl.gehoord.http.Route;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The access matrix, data-driven from {@link Routes#all}: every wired route must be declared in {@link #MATRIX}
 * with the roles it allows and a way to call it. Every route is then called by every actor: no token and a bad
 * token get 401, a known actor of the wrong kind 403, a young person or trust person for a case that is not
 * theirs 404, and everyone allowed gets through. No refusal carries case content. {@link OrganisationMatrixTest}
 * adds the second organisation: every admin route, called by one organisation's admin with the other's ids.
 */
class AccessMatrixTest {
    /** The actors, refused ones first so a destructive allowed call comes last. */
    enum Who {
        NO_TOKEN(null), BAD_TOKEN(null), OTHER_YOUNG_PERSON(DEVICE), TRUST_PERSON_OTHER_TEAM(TRUST_PERSON),
        COUNCIL_MEMBER(COUNCIL), ADMINISTRATOR(ADMIN), YOUNG_PERSON(DEVICE), TRUST_PERSON_THIS_TEAM(TRUST_PERSON),
        COORDINATOR_THIS_TEAM(COORDINATOR);

        final Role role;

        Who(Role role) {
            this.role = role;
        }
    }

    /** How a route treats ownership. */
    enum Scope {
        /** Everyone with the role may. */
        ANY,
        /** About one case: the other young person and the other team's trust person get 404. */
        CASE,
        /** Ends the caller's credential or other sessions of the account: run last, with fresh credentials. */
        FRESH
    }

    record Request(String path, Object body, Map<String, String> headers) {
        static Request of(String path) {
            return new Request(path, null, Map.of());
        }

        static Request of(String path, Object body) {
            return new Request(path, body, Map.of());
        }
    }

    /** One declared route: its roles, its scope, and how to build a request for a given case and caller. */
    record Entry(Set<Role> roles, Scope scope, BiFunction<Fixture, Who, Request> request) {
    }

    private static final String STORY = "MATRIX-STORY-7f3a niemand mag dit lezen";
    private static final Map<String, Entry> MATRIX = new LinkedHashMap<>();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static void declare(String route, Scope scope, BiFunction<Fixture, Who, Request> request, Role... roles) {
        MATRIX.put(route, new Entry(EnumSet.copyOf(List.of(roles)), scope, request));
    }

    static {
        // Operations and public information
        declare("GET /health", Scope.ANY, (f, w) -> Request.of("/health"), PUBLIC);
        declare("GET /ready", Scope.ANY, (f, w) -> Request.of("/ready"), PUBLIC);
        declare("GET /metrics", Scope.ANY, (f, w) -> Request.of("/metrics"), PUBLIC);
        declare("GET /v1/flow", Scope.ANY, (f, w) -> Request.of("/v1/flow"), PUBLIC);
        declare("GET /v1/glossary", Scope.ANY, (f, w) -> Request.of("/v1/glossary"), PUBLIC);
        declare("GET /v1/help-contacts", Scope.ANY, (f, w) -> Request.of("/v1/help-contacts"), PUBLIC);
        declare("GET /v1/regions", Scope.ANY, (f, w) -> Request.of("/v1/regions"), PUBLIC);
        declare("GET /v1/app-texts", Scope.ANY, (f, w) -> Request.of("/v1/app-texts"), PUBLIC);
        declare("GET /app", Scope.ANY, (f, w) -> Request.of("/app"), PUBLIC);
        declare("GET /app/{file}", Scope.ANY, (f, w) -> Request.of("/app/app.js"), PUBLIC);
        declare("POST /v1/devices", Scope.ANY, (f, w) -> Request.of("/v1/devices",
                Map.of("platform", "android", "locale", "nl")), PUBLIC);
        declare("POST /v1/staff/session", Scope.ANY, (f, w) -> Request.of("/v1/staff/session",
                Map.of("email", "council@demo.local", "password", TestServer.DEMO_PASSWORD)), PUBLIC);
        declare("POST /v1/staff/invitations/accept", Scope.ANY, (f, w) -> Request.of("/v1/staff/invitations/accept",
                Map.of("token", f.newInvitation(), "password", TestServer.DEMO_PASSWORD)), PUBLIC);

        // Young person: the app install and cases
        declare("GET /v1/devices/me", Scope.ANY, (f, w) -> Request.of("/v1/devices/me"), DEVICE);
        declare("PUT /v1/devices/me", Scope.ANY, (f, w) -> Request.of("/v1/devices/me", Map.of("locale", "nl")), DEVICE);
        declare("DELETE /v1/devices/me", Scope.FRESH, (f, w) -> Request.of("/v1/devices/me"), DEVICE);
        declare("POST /v1/cases", Scope.ANY, (f, w) -> new Request("/v1/cases", Journeys.complaint("Nog een."),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), DEVICE);
        declare("GET /v1/cases", Scope.ANY, (f, w) -> Request.of("/v1/cases"), DEVICE);
        declare("POST /v1/cases/claim", Scope.ANY, (f, w) -> Request.of("/v1/cases/claim",
                Map.of("caseCode", f.caseCode)), DEVICE);
        declare("GET /v1/cases/{caseId}", Scope.CASE, (f, w) -> Request.of("/v1/cases/" + f.caseId), DEVICE);
        declare("DELETE /v1/cases/{caseId}", Scope.CASE, (f, w) -> Request.of("/v1/cases/" + f.caseId), DEVICE);
        declare("POST /v1/cases/{caseId}/messages", Scope.CASE, (f, w) -> Request.of("/v1/cases/" + f.caseId
                + "/messages", Map.of("text", "Hallo")), DEVICE);
        declare("GET /v1/cases/{caseId}/messages", Scope.CASE, (f, w) -> Request.of("/v1/cases/" + f.caseId
                + "/messages"), DEVICE);
        declare("GET /v1/cases/{caseId}/devices", Scope.CASE, (f, w) -> Request.of("/v1/cases/" + f.caseId
                + "/devices"), DEVICE);
        declare("DELETE /v1/cases/{caseId}/devices/{linkId}", Scope.CASE, (f, w) -> Request.of("/v1/cases/"
                + f.caseId + "/devices/" + f.ownLink()), DEVICE);
        declare("POST /v1/cases/{caseId}/withdraw", Scope.CASE, (f, w) -> Request.of("/v1/cases/" + f.caseId
                + "/withdraw", Map.of()), DEVICE);
        declare("GET /v1/cases/{caseId}/export", Scope.CASE, (f, w) -> Request.of("/v1/cases/" + f.caseId
                + "/export"), DEVICE);
        declare("POST /v1/cases/{caseId}/feedback", Scope.CASE, (f, w) -> Request.of("/v1/cases/" + f.caseId
                + "/feedback", Map.of("score", 4)), DEVICE);
        declare("POST /v1/cases/{caseId}/other-trust-person", Scope.CASE, (f, w) -> Request.of("/v1/cases/"
                + f.caseId + "/other-trust-person", Map.of()), DEVICE);
        declare("POST /v1/cases/{caseId}/visit-request", Scope.CASE, (f, w) -> Request.of("/v1/cases/"
                + f.caseId + "/visit-request", Map.of()), DEVICE);

        // Staff
        declare("DELETE /v1/staff/session", Scope.FRESH, (f, w) -> Request.of("/v1/staff/session"),
                TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN);
        declare("GET /v1/staff/me", Scope.ANY, (f, w) -> Request.of("/v1/staff/me"),
                TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN);
        declare("PUT /v1/staff/me", Scope.ANY, (f, w) -> Request.of("/v1/staff/me", Map.of("available", true)),
                TRUST_PERSON, COORDINATOR);
        declare("POST /v1/staff/me/totp", Scope.ANY, (f, w) -> Request.of("/v1/staff/me/totp", Map.of()),
                TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN);
        declare("POST /v1/staff/me/totp/confirm", Scope.ANY, (f, w) -> Request.of("/v1/staff/me/totp/confirm",
                Map.of("password", TestServer.DEMO_PASSWORD, "code", "000000")), TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN);
        declare("PUT /v1/staff/me/password", Scope.FRESH, (f, w) -> Request.of("/v1/staff/me/password",
                Map.of("currentPassword", TestServer.DEMO_PASSWORD, "newPassword", TestServer.DEMO_PASSWORD)),
                TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN);
        declare("GET /v1/staff/sessions", Scope.ANY, (f, w) -> Request.of("/v1/staff/sessions"),
                TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN);
        declare("DELETE /v1/staff/sessions", Scope.FRESH, (f, w) -> Request.of("/v1/staff/sessions"),
                TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN);
        declare("DELETE /v1/staff/sessions/{sessionId}", Scope.ANY, (f, w) -> Request.of("/v1/staff/sessions/"
                + f.secondSessionOf(w)), TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN);

        // Inbox and queue
        declare("GET /v1/inbox", Scope.ANY, (f, w) -> Request.of("/v1/inbox"), TRUST_PERSON, COORDINATOR);
        declare("GET /v1/queue", Scope.ANY, (f, w) -> Request.of("/v1/queue"), COORDINATOR);
        declare("GET /v1/inbox/{caseId}", Scope.CASE, (f, w) -> Request.of("/v1/inbox/" + f.caseId),
                TRUST_PERSON, COORDINATOR);
        declare("POST /v1/inbox/{caseId}/messages", Scope.CASE, (f, w) -> Request.of("/v1/inbox/" + f.caseId
                + "/messages", Map.of("text", "Ik help je.")), TRUST_PERSON, COORDINATOR);
        declare("POST /v1/inbox/{caseId}/notes", Scope.CASE, (f, w) -> Request.of("/v1/inbox/" + f.caseId
                + "/notes", Map.of("text", "Notitie.")), TRUST_PERSON, COORDINATOR);
        declare("POST /v1/inbox/{caseId}/status", Scope.CASE, (f, w) -> Request.of("/v1/inbox/" + f.caseId
                + "/status", Map.of("status", "in_conversation", "explanation", "We praten.")), TRUST_PERSON, COORDINATOR);
        declare("POST /v1/inbox/{caseId}/due-date", Scope.CASE, (f, w) -> Request.of("/v1/inbox/" + f.caseId
                + "/due-date", Map.of("dueAt", "2027-01-05T10:00:00Z", "explanation", "Het duurt langer.")),
                TRUST_PERSON, COORDINATOR);
        declare("POST /v1/inbox/{caseId}/visit", Scope.CASE, (f, w) -> Request.of("/v1/inbox/" + f.caseId
                + "/visit", Map.of("visitAt", "2026-12-01T10:00:00Z")), TRUST_PERSON, COORDINATOR);
        declare("POST /v1/inbox/{caseId}/assign", Scope.CASE, (f, w) -> Request.of("/v1/inbox/" + f.caseId
                + "/assign", Map.of("staffId", f.spareTrustPerson)), COORDINATOR);

        // Canned replies
        declare("GET /v1/canned-replies", Scope.ANY, (f, w) -> Request.of("/v1/canned-replies"),
                TRUST_PERSON, COORDINATOR, ADMIN);
        declare("POST /v1/canned-replies", Scope.ANY, (f, w) -> Request.of("/v1/canned-replies",
                Map.of("title", "Groet", "body", "Hoi.")), COORDINATOR, ADMIN);
        declare("PUT /v1/canned-replies/{replyId}", Scope.ANY, (f, w) -> Request.of("/v1/canned-replies/"
                + "canned-demo-hello", Map.of("title", "Eerste antwoord", "body", "Hoi.")), COORDINATOR, ADMIN);
        declare("DELETE /v1/canned-replies/{replyId}", Scope.ANY, (f, w) -> Request.of("/v1/canned-replies/"
                + (w.role == COORDINATOR || w.role == ADMIN ? f.newCannedReply() : "canned-demo-visit")),
                COORDINATOR, ADMIN);

        // Admin
        declare("GET /v1/admin/organisations", Scope.ANY, (f, w) -> Request.of("/v1/admin/organisations"), ADMIN);
        declare("GET /v1/admin/organisations/{organisationId}/sla", Scope.ANY, (f, w) -> Request.of(
                "/v1/admin/organisations/demo-org/sla"), ADMIN);
        declare("PUT /v1/admin/organisations/{organisationId}/sla", Scope.ANY, (f, w) -> Request.of(
                "/v1/admin/organisations/demo-org/sla", Map.of("firstResponseWorkingDays", 2,
                        "urgentFirstResponseMinutes", 240, "nextResponseWorkingDays", 2, "resolutionWorkingDays", 30)),
                ADMIN);
        declare("GET /v1/admin/regions", Scope.ANY, (f, w) -> Request.of("/v1/admin/regions"), ADMIN);
        declare("POST /v1/admin/regions", Scope.ANY, (f, w) -> Request.of("/v1/admin/regions", Map.of("code",
                "r-" + COUNTER.incrementAndGet(), "name", "Regio", "municipality", "Gemeente",
                "organisationId", "demo-org")), ADMIN);
        declare("GET /v1/admin/teams", Scope.ANY, (f, w) -> Request.of("/v1/admin/teams"), ADMIN);
        declare("POST /v1/admin/teams", Scope.ANY, (f, w) -> Request.of("/v1/admin/teams",
                Map.of("organisationId", "demo-org", "name", "Team " + COUNTER.incrementAndGet())), ADMIN);
        declare("GET /v1/admin/staff", Scope.ANY, (f, w) -> Request.of("/v1/admin/staff"), ADMIN);
        declare("POST /v1/admin/staff", Scope.ANY, (f, w) -> Request.of("/v1/admin/staff", Map.of(
                "email", "new" + COUNTER.incrementAndGet() + "@demo.local", "displayName", "Nieuw",
                "role", "council", "organisationId", "demo-org")), ADMIN);
        declare("POST /v1/admin/staff/{staffId}/invitation", Scope.ANY, (f, w) -> Request.of("/v1/admin/staff/"
                + f.newAccount() + "/invitation", Map.of()), ADMIN);
        declare("PUT /v1/admin/staff/{staffId}", Scope.ANY, (f, w) -> Request.of("/v1/admin/staff/"
                + f.spareTrustPerson, Map.of("available", false)), ADMIN);
        declare("GET /v1/admin/routing-rules", Scope.ANY, (f, w) -> Request.of("/v1/admin/routing-rules"), ADMIN);
        declare("POST /v1/admin/routing-rules", Scope.ANY, (f, w) -> Request.of("/v1/admin/routing-rules",
                Map.of("organisationId", "demo-org", "priority", 5000, "teamId", "team-midden")), ADMIN);
        declare("DELETE /v1/admin/routing-rules/{ruleId}", Scope.ANY, (f, w) -> Request.of(
                "/v1/admin/routing-rules/" + (w.role == ADMIN ? f.newRule() : "rule-demo-default")), ADMIN);
        declare("PUT /v1/admin/locations/{locationId}/trust-person", Scope.ANY, (f, w) -> Request.of(
                "/v1/admin/locations/loc-rtd-maas/trust-person", nullStaff()), ADMIN);
        declare("GET /v1/admin/audit", Scope.ANY, (f, w) -> Request.of("/v1/admin/audit"), ADMIN);
        declare("GET /v1/admin/audit/verify", Scope.ANY, (f, w) -> Request.of("/v1/admin/audit/verify"), ADMIN);

        // The formal complaint: the case's young person and the trust person who handles it; the admin's settings
        declare("GET /v1/cases/{caseId}/complaint", Scope.CASE, (f, w) -> Request.of("/v1/cases/" + f.caseId
                + "/complaint"), DEVICE);
        declare("PUT /v1/cases/{caseId}/complaint", Scope.CASE, (f, w) -> Request.of("/v1/cases/" + f.caseId
                + "/complaint", Map.of("hearing", "yes")), DEVICE);
        declare("POST /v1/cases/{caseId}/complaint/approval", Scope.CASE, (f, w) -> Request.of("/v1/cases/"
                + f.caseId + "/complaint/approval", Map.of("version", 1)), DEVICE);
        declare("GET /v1/cases/{caseId}/complaint/letter.pdf", Scope.CASE, (f, w) -> Request.of("/v1/cases/"
                + f.caseId + "/complaint/letter.pdf"), DEVICE);
        declare("POST /v1/inbox/{caseId}/complaint", Scope.CASE, (f, w) -> Request.of("/v1/inbox/" + f.caseId
                + "/complaint", Map.of("kind", "committee")), TRUST_PERSON);
        declare("GET /v1/inbox/{caseId}/complaint", Scope.CASE, (f, w) -> Request.of("/v1/inbox/" + f.caseId
                + "/complaint"), TRUST_PERSON);
        declare("PUT /v1/inbox/{caseId}/complaint/wording", Scope.CASE, (f, w) -> Request.of("/v1/inbox/"
                + f.caseId + "/complaint/wording", Map.of("paragraphs", Map.of("about", "Anders."))), TRUST_PERSON);
        declare("POST /v1/inbox/{caseId}/complaint/send", Scope.CASE, (f, w) -> Request.of("/v1/inbox/" + f.caseId
                + "/complaint/send", Map.of()), TRUST_PERSON);
        declare("POST /v1/inbox/{caseId}/complaint/decision", Scope.CASE, (f, w) -> Request.of("/v1/inbox/"
                + f.caseId + "/complaint/decision", Map.of("outcome", "upheld")), TRUST_PERSON);
        declare("POST /v1/inbox/{caseId}/complaint/measures", Scope.CASE, (f, w) -> Request.of("/v1/inbox/"
                + f.caseId + "/complaint/measures", Map.of()), TRUST_PERSON);
        declare("GET /v1/inbox/{caseId}/complaint/letter.pdf", Scope.CASE, (f, w) -> Request.of("/v1/inbox/"
                + f.caseId + "/complaint/letter.pdf"), TRUST_PERSON);
        declare("GET /v1/admin/organisations/{organisationId}/complaint-settings", Scope.ANY, (f, w) -> Request.of(
                "/v1/admin/organisations/demo-org/complaint-settings"), ADMIN);
        declare("PUT /v1/admin/organisations/{organisationId}/complaint-settings", Scope.ANY, (f, w) -> Request.of(
                "/v1/admin/organisations/demo-org/complaint-settings", Map.of("letterheadName", "Vertrouwenswerk Demo",
                        "letterheadLines", List.of("Postbus 1234, 3500 AA Utrecht"), "committeeWeeks", 6,
                        "freedomWeeks", 4)), ADMIN);

        // Signals: the organisation's trust persons and coordinators
        declare("POST /v1/signals", Scope.ANY, (f, w) -> Request.of("/v1/signals", Map.of("locationId",
                "loc-utr-linde", "theme", "freedom_restriction", "text", "Kinderen moeten op hun kamer blijven.")),
                TRUST_PERSON, COORDINATOR);
        declare("GET /v1/signals", Scope.ANY, (f, w) -> Request.of("/v1/signals"), TRUST_PERSON, COORDINATOR);
        declare("GET /v1/signals/suggestions", Scope.ANY, (f, w) -> Request.of("/v1/signals/suggestions"),
                TRUST_PERSON, COORDINATOR);
        declare("GET /v1/signals/{signalId}", Scope.ANY, (f, w) -> Request.of("/v1/signals/" + f.signal()),
                TRUST_PERSON, COORDINATOR);
        declare("GET /v1/signals/{signalId}/report", Scope.ANY, (f, w) -> Request.of("/v1/signals/" + f.signal()
                + "/report"), TRUST_PERSON, COORDINATOR);
        declare("GET /v1/signals/{signalId}/report.pdf", Scope.ANY, (f, w) -> Request.of("/v1/signals/"
                + f.signal() + "/report.pdf?recipient=inspectorate"), TRUST_PERSON, COORDINATOR);
        declare("POST /v1/signals/{signalId}/sent", Scope.ANY, (f, w) -> Request.of("/v1/signals/" + f.signal()
                + "/sent", Map.of("recipient", "provider", "answerDueBy", "2027-01-05T10:00:00Z")),
                TRUST_PERSON, COORDINATOR);
        declare("POST /v1/signals/{signalId}/answer", Scope.ANY, (f, w) -> Request.of("/v1/signals/" + f.signal()
                + "/answer", Map.of("text", "De zorg past de huisregels aan.")), TRUST_PERSON, COORDINATOR);

        // Trends: councils only, aggregates within their own scope
        declare("GET /v1/trends", Scope.ANY, (f, w) -> Request.of("/v1/trends?by=month"), COUNCIL);
        declare("GET /v1/trends.csv", Scope.ANY, (f, w) -> Request.of("/v1/trends.csv?by=topic"), COUNCIL);
        declare("GET /v1/trends/chart.svg", Scope.ANY, (f, w) -> Request.of("/v1/trends/chart.svg?by=month"), COUNCIL);
        declare("GET /v1/trends/signals", Scope.ANY, (f, w) -> Request.of("/v1/trends/signals?by=month"), COUNCIL);
        declare("GET /v1/trends/signals.csv", Scope.ANY, (f, w) -> Request.of("/v1/trends/signals.csv"), COUNCIL);
    }

    private static Map<String, Object> nullStaff() {
        Map<String, Object> body = new HashMap<>();
        body.put("staffId", null);
        return body;
    }

    /** What one route's calls share: a fresh case of the young person, assigned to this team's trust person. */
    static final class Fixture {
        final String caseId;
        final String caseCode;
        final String spareTrustPerson;
        private final ApiClient admin;
        private final ApiClient coordinator;
        private final ApiClient youngPerson;

        Fixture(String caseId, String caseCode, String spareTrustPerson, ApiClient admin, ApiClient coordinator,
                ApiClient youngPerson) {
            this.caseId = caseId;
            this.caseCode = caseCode;
            this.spareTrustPerson = spareTrustPerson;
            this.admin = admin;
            this.coordinator = coordinator;
            this.youngPerson = youngPerson;
        }

        /** A new invited account, never accepted: something an admin may reset. */
        String newAccount() {
            return invited().text("staffId");
        }

        String newInvitation() {
            return invited().text("invitationToken");
        }

        private ApiResponse invited() {
            return admin.post("/v1/admin/staff", Map.of("email", "invited" + COUNTER.incrementAndGet() + "@demo.local",
                    "displayName", "Uitgenodigd", "role", "council"));
        }

        private String ownLink;

        /** The link of the young person's own phone to the case (read once: the call may remove it). */
        String ownLink() {
            if (ownLink == null) {
                ownLink = youngPerson.get("/v1/cases/" + caseId + "/devices").json().path("devices").get(0)
                        .path("linkId").asText();
            }
            return ownLink;
        }

        /** Another session of the caller's own account (a made-up id for callers without one). */
        String secondSessionOf(Who who) {
            String email = EMAILS.get(who);
            if (email == null) {
                return "no-session";
            }
            return Journeys.staff(admin, email).get("/v1/staff/sessions").json().path("sessions").findParents("current")
                    .stream().filter(n -> n.path("current").asBoolean()).findFirst().orElseThrow()
                    .path("sessionId").asText();
        }

        private String signal;

        /** A signal of the demo organisation (made once per route). */
        String signal() {
            if (signal == null) {
                signal = coordinator.post("/v1/signals", Map.of("locationId", "loc-utr-linde", "theme",
                        "freedom_restriction", "text", "Kinderen moeten op hun kamer blijven.")).text("signalId");
            }
            return signal;
        }

        String newCannedReply() {
            return coordinator.post("/v1/canned-replies", Map.of("title", "Weg", "body", "Weg.")).text("id");
        }

        String newRule() {
            return admin.post("/v1/admin/routing-rules", Map.of("organisationId", "demo-org", "priority", 9000,
                    "teamId", "team-midden")).text("ruleId");
        }
    }

    private static TestServer server;
    private static ApiClient api;
    private static String spareTrustPerson;

    @RegisterExtension
    static final SharedServer SHARED = SharedServer.resetPerClass();

    @BeforeAll
    static void start() {
        server = SHARED.server();
        api = server.client();
        ApiClient admin = Journeys.staff(api, "admin@demo.local");
        String otherTeam = admin.post("/v1/admin/teams", Map.of("organisationId", "demo-org", "name", "Team West"))
                .text("teamId");
        Journeys.invite(admin, Map.of("email", "other-team@demo.local", "displayName", "Anders",
                "role", "trust_person", "organisationId", "demo-org", "teamId", otherTeam));
        spareTrustPerson = Journeys.invite(admin, Map.of("email", "spare@demo.local", "displayName", "Reserve",
                "role", "trust_person", "organisationId", "demo-org", "teamId", "team-midden"));
        assertThat(admin.put("/v1/admin/staff/" + spareTrustPerson, Map.of("available", false)).status()).isEqualTo(200);
    }

    @Test
    void everyRouteIsDeclaredWithTheRolesItReallyHas() {
        Map<String, Set<Role>> wired = new LinkedHashMap<>();
        for (Route route : server.app().routes()) {
            wired.put(route.method() + " " + route.path(), route.roles());
        }
        List<String> problems = new ArrayList<>();
        for (var e : wired.entrySet()) {
            Entry declared = MATRIX.get(e.getKey());
            if (declared == null) {
                problems.add("Route " + e.getKey() + " (roles " + e.getValue() + ") is not in AccessMatrixTest.MATRIX:"
                        + " declare it with its roles and a request that an allowed actor can make.");
            } else if (!declared.roles().equals(e.getValue())) {
                problems.add("Route " + e.getKey() + " allows " + new TreeSet<>(e.getValue())
                        + " but the matrix says " + new TreeSet<>(declared.roles()));
            }
        }
        for (String key : MATRIX.keySet()) {
            if (!wired.containsKey(key)) {
                problems.add("The matrix declares " + key + ", which is not a route (any more).");
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    void everyActorGetsExactlyWhatTheMatrixSays() {
        Map<Who, ApiClient> actors = actors();
        List<String> failures = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (Scope scope : new Scope[] {Scope.ANY, Scope.CASE, Scope.FRESH}) {
            MATRIX.forEach((route, entry) -> {
                if (entry.scope() == scope) {
                    order.add(route);
                }
            });
        }
        for (String route : order) {
            Entry entry = MATRIX.get(route);
            server.app().rateLimits().reset();
            // A route that ends sessions gets its own callers, so the ones shared by the others stay valid.
            Map<Who, ApiClient> callers = entry.scope() == Scope.FRESH ? actors() : actors;
            Fixture fixture = fixture(callers);
            String method = route.substring(0, route.indexOf(' '));
            for (Who who : Who.values()) {
                Request request = entry.request().apply(fixture, who);
                ApiClient client = callers.get(who);
                for (var header : request.headers().entrySet()) {
                    client = client.header(header.getKey(), header.getValue());
                }
                ApiResponse response = send(client, method, request);
                String expected = expected(entry, who);
                String got = describe(response.status());
                if (!expected.equals(got)) {
                    failures.add(route + " as " + who + ": expected " + expected + ", got " + response);
                }
                if (response.status() >= 400 && response.body().contains("MATRIX-STORY")) {
                    failures.add(route + " as " + who + ": a refusal carries case content");
                }
                if (response.status() == 401 || response.status() == 403 || response.status() == 404) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " access failures:\n" + String.join("\n", failures));
        }
    }

    private static String expected(Entry entry, Who who) {
        if (entry.roles().contains(PUBLIC)) {
            return "allowed";
        }
        if (who.role == null) {
            return "401";
        }
        if (!entry.roles().contains(who.role)) {
            return "403";
        }
        if (entry.scope() == Scope.CASE && (who == Who.OTHER_YOUNG_PERSON || who == Who.TRUST_PERSON_OTHER_TEAM)) {
            return "404";
        }
        return "allowed";
    }

    /** 401, 403 and 404 are refusals; anything else (2xx, or 409/422 for a step the case does not allow now) got through. */
    private static String describe(int status) {
        return status == 401 || status == 403 || status == 404 || status >= 500 ? Integer.toString(status) : "allowed";
    }

    private static ApiResponse send(ApiClient client, String method, Request request) {
        return switch (method) {
            case "GET" -> client.get(request.path());
            case "DELETE" -> client.delete(request.path());
            case "POST" -> client.post(request.path(), request.body() == null ? Map.of() : request.body());
            case "PUT" -> client.put(request.path(), request.body() == null ? Map.of() : request.body());
            default -> throw new IllegalArgumentException(method);
        };
    }

    private static final Map<Who, String> EMAILS = Map.of(Who.TRUST_PERSON_OTHER_TEAM, "other-team@demo.local",
            Who.TRUST_PERSON_THIS_TEAM, "trust@demo.local", Who.COORDINATOR_THIS_TEAM, "coordinator@demo.local",
            Who.COUNCIL_MEMBER, "council@demo.local", Who.ADMINISTRATOR, "admin@demo.local");

    private static Map<Who, ApiClient> actors() {
        Map<Who, ApiClient> actors = new LinkedHashMap<>();
        actors.put(Who.NO_TOKEN, api.anonymous());
        actors.put(Who.BAD_TOKEN, api.as("gs_" + "x".repeat(43)));
        actors.put(Who.YOUNG_PERSON, Journeys.newDevice(api));
        actors.put(Who.OTHER_YOUNG_PERSON, Journeys.newDevice(api));
        actors.put(Who.TRUST_PERSON_OTHER_TEAM, Journeys.staff(api, "other-team@demo.local"));
        actors.put(Who.TRUST_PERSON_THIS_TEAM, Journeys.staff(api, "trust@demo.local"));
        actors.put(Who.COORDINATOR_THIS_TEAM, Journeys.staff(api, "coordinator@demo.local"));
        actors.put(Who.COUNCIL_MEMBER, Journeys.staff(api, "council@demo.local"));
        actors.put(Who.ADMINISTRATOR, Journeys.staff(api, "admin@demo.local"));
        return actors;
    }

    private static Fixture fixture(Map<Who, ApiClient> actors) {
        ApiResponse created = Journeys.submit(actors.get(Who.YOUNG_PERSON), Journeys.complaint(STORY));
        assertThat(created.text("status")).as("the case goes to this team's trust person").isEqualTo("assigned");
        return new Fixture(created.text("caseId"), created.text("caseCode"), spareTrustPerson,
                actors.get(Who.ADMINISTRATOR), actors.get(Who.COORDINATOR_THIS_TEAM), actors.get(Who.YOUNG_PERSON));
    }
}
