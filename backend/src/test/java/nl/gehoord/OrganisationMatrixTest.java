package nl.gehoord;

import static nl.gehoord.http.Role.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.gehoord.http.Route;
import nl.gehoord.organisations.PlacesDao;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The access matrix with two organisations: every route an admin may call is called by the demo organisation's
 * admin with each id of a second organisation. Another organisation's id must answer exactly as a made-up id of
 * the same kind (404 in a path, the same 422 in a body), so ids leak nothing; lists show none of its ids; and
 * nothing of the second organisation changes. Every admin route must be declared here.
 */
class OrganisationMatrixTest {
    /** One call: with the other organisation's id, and the same call with a made-up id (null: a list or no ids). */
    record Probe(String method, String path, Object body, String controlPath, Object controlBody) {
        static Probe list(String method, String path, Object body) {
            return new Probe(method, path, body, null, null);
        }
    }

    private static final String ORG_B = "org-b";
    private static TestServer server;
    private static ApiClient adminA;
    private static ApiClient adminB;
    private static final Map<String, String> B = new LinkedHashMap<>();

    @RegisterExtension
    static final SharedServer SHARED = SharedServer.resetPerClass();

    @BeforeAll
    static void start() {
        server = SHARED.server();
        ApiClient api = server.client();
        assertThat(AdminCommands.createAdmin(server.app().database(), server.auditLog(), server.clock(),
                new SecureRandom(), "admin@org-b.example", ORG_B, "Beheer B", TestServer.DEMO_PASSWORD)).isZero();
        adminA = Journeys.staff(api, "admin@demo.local");
        adminB = Journeys.staff(api, "admin@org-b.example");
        B.put("organisation", ORG_B);
        B.put("region", adminB.post("/v1/admin/regions", Map.of("code", "regio-b", "name", "Regio B",
                "municipality", "Gemeente B")).text("code"));
        B.put("team", adminB.post("/v1/admin/teams", Map.of("name", "Team B")).text("teamId"));
        B.put("staff", Journeys.invite(adminB, Map.of("email", "trust@org-b.example", "displayName", "VP B",
                "role", "trust_person", "teamId", B.get("team"))));
        B.put("rule", adminB.post("/v1/admin/routing-rules", Map.of("priority", 1, "teamId", B.get("team")))
                .text("ruleId"));
        server.app().database().writeVoid(h -> h.attach(PlacesDao.class).insertLocation(new PlacesDao.Location(
                "loc-org-b", "regio-b", "Zorg B", "Locatie B", "residential")));
        B.put("location", "loc-org-b");
        B.put("reply", adminB.post("/v1/canned-replies", Map.of("title", "Groet B", "body", "Hoi B.")).text("id"));
        B.put("session", adminB.get("/v1/staff/sessions").json().path("sessions").get(0).path("sessionId").asText());
        B.put("email", "trust@org-b.example");
    }

    private static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static final String MADE_UP = "00000000-0000-4000-8000-000000000000";

    /** Every route an admin may call, with its probes. */
    private static Map<String, List<Probe>> probes() {
        Map<String, List<Probe>> p = new LinkedHashMap<>();
        String sla = "/v1/admin/organisations/%s/sla";
        Map<String, Object> slaBody = body("firstResponseWorkingDays", 3, "urgentFirstResponseMinutes", 120,
                "nextResponseWorkingDays", 3, "resolutionWorkingDays", 20);
        p.put("GET /v1/admin/organisations", List.of(Probe.list("GET", "/v1/admin/organisations", null)));
        p.put("GET /v1/admin/organisations/{organisationId}/sla", List.of(new Probe("GET", sla.formatted(ORG_B), null,
                sla.formatted("no-such-org"), null)));
        p.put("PUT /v1/admin/organisations/{organisationId}/sla", List.of(new Probe("PUT", sla.formatted(ORG_B),
                slaBody, sla.formatted("no-such-org"), slaBody)));
        String letter = "/v1/admin/organisations/%s/complaint-settings";
        Map<String, Object> letterBody = body("letterheadName", "Vertrouwenswerk B", "letterheadLines",
                List.of("Postbus 1"), "committeeWeeks", 6, "freedomWeeks", 4);
        p.put("GET /v1/admin/organisations/{organisationId}/complaint-settings", List.of(new Probe("GET",
                letter.formatted(ORG_B), null, letter.formatted("no-such-org"), null)));
        p.put("PUT /v1/admin/organisations/{organisationId}/complaint-settings", List.of(new Probe("PUT",
                letter.formatted(ORG_B), letterBody, letter.formatted("no-such-org"), letterBody)));
        p.put("GET /v1/admin/regions", List.of(Probe.list("GET", "/v1/admin/regions", null)));
        p.put("POST /v1/admin/regions", List.of(new Probe("POST", "/v1/admin/regions", body("code", "regio-x",
                "name", "X", "municipality", "X", "organisationId", ORG_B), "/v1/admin/regions", body("code",
                "regio-x", "name", "X", "municipality", "X", "organisationId", "no-such-org"))));
        p.put("GET /v1/admin/teams", List.of(Probe.list("GET", "/v1/admin/teams", null)));
        p.put("POST /v1/admin/teams", List.of(new Probe("POST", "/v1/admin/teams", body("organisationId", ORG_B,
                "name", "X"), "/v1/admin/teams", body("organisationId", "no-such-org", "name", "X"))));
        p.put("GET /v1/admin/staff", List.of(Probe.list("GET", "/v1/admin/staff", null),
                Probe.list("GET", "/v1/admin/staff?organisationId=" + ORG_B, null)));
        p.put("POST /v1/admin/staff", List.of(
                new Probe("POST", "/v1/admin/staff", body("email", "x1@demo.local", "displayName", "X",
                        "role", "coordinator", "organisationId", ORG_B), "/v1/admin/staff", body("email",
                        "x1@demo.local", "displayName", "X", "role", "coordinator", "organisationId", "no-such-org")),
                new Probe("POST", "/v1/admin/staff", body("email", "x2@demo.local", "displayName", "X",
                        "role", "coordinator", "teamId", B.get("team")), "/v1/admin/staff", body("email",
                        "x2@demo.local", "displayName", "X", "role", "coordinator", "teamId", MADE_UP))));
        p.put("PUT /v1/admin/staff/{staffId}", List.of(
                new Probe("PUT", "/v1/admin/staff/" + B.get("staff"), body("active", false),
                        "/v1/admin/staff/" + MADE_UP, body("active", false)),
                new Probe("PUT", "/v1/admin/staff/staff-demo-trust", body("teamId", B.get("team")),
                        "/v1/admin/staff/staff-demo-trust", body("teamId", MADE_UP))));
        p.put("POST /v1/admin/staff/{staffId}/invitation", List.of(new Probe("POST", "/v1/admin/staff/"
                + B.get("staff") + "/invitation", Map.of(), "/v1/admin/staff/" + MADE_UP + "/invitation", Map.of())));
        p.put("GET /v1/admin/routing-rules", List.of(Probe.list("GET", "/v1/admin/routing-rules", null)));
        p.put("POST /v1/admin/routing-rules", List.of(
                new Probe("POST", "/v1/admin/routing-rules", body("organisationId", ORG_B, "priority", 7,
                        "teamId", "team-midden"), "/v1/admin/routing-rules", body("organisationId", "no-such-org",
                        "priority", 7, "teamId", "team-midden")),
                new Probe("POST", "/v1/admin/routing-rules", body("priority", 7, "teamId", B.get("team")),
                        "/v1/admin/routing-rules", body("priority", 7, "teamId", MADE_UP)),
                new Probe("POST", "/v1/admin/routing-rules", body("priority", 7, "teamId", "team-midden",
                        "region", B.get("region")), "/v1/admin/routing-rules", body("priority", 7,
                        "teamId", "team-midden", "region", "no-such-region"))));
        p.put("DELETE /v1/admin/routing-rules/{ruleId}", List.of(new Probe("DELETE", "/v1/admin/routing-rules/"
                + B.get("rule"), null, "/v1/admin/routing-rules/" + MADE_UP, null)));
        p.put("PUT /v1/admin/locations/{locationId}/trust-person", List.of(
                new Probe("PUT", "/v1/admin/locations/" + B.get("location") + "/trust-person",
                        body("staffId", "staff-demo-trust"), "/v1/admin/locations/no-such-location/trust-person",
                        body("staffId", "staff-demo-trust")),
                new Probe("PUT", "/v1/admin/locations/loc-utr-linde/trust-person", body("staffId", B.get("staff")),
                        "/v1/admin/locations/loc-utr-linde/trust-person", body("staffId", MADE_UP))));
        p.put("GET /v1/admin/audit", List.of(Probe.list("GET", "/v1/admin/audit", null)));
        p.put("GET /v1/admin/audit/verify", List.of(Probe.list("GET", "/v1/admin/audit/verify", null)));
        p.put("GET /v1/canned-replies", List.of(Probe.list("GET", "/v1/canned-replies", null)));
        p.put("POST /v1/canned-replies", List.of(Probe.list("POST", "/v1/canned-replies", body("title", "A",
                "body", "Hoi."))));
        p.put("PUT /v1/canned-replies/{replyId}", List.of(new Probe("PUT", "/v1/canned-replies/" + B.get("reply"),
                body("title", "Weg", "body", "Weg."), "/v1/canned-replies/" + MADE_UP, body("title", "Weg",
                "body", "Weg."))));
        p.put("DELETE /v1/canned-replies/{replyId}", List.of(new Probe("DELETE", "/v1/canned-replies/"
                + B.get("reply"), null, "/v1/canned-replies/" + MADE_UP, null)));
        // The admin's own account: no other organisation's ids to give, except a session of another account.
        p.put("GET /v1/staff/me", List.of(Probe.list("GET", "/v1/staff/me", null)));
        p.put("GET /v1/staff/sessions", List.of(Probe.list("GET", "/v1/staff/sessions", null)));
        p.put("DELETE /v1/staff/sessions/{sessionId}", List.of(new Probe("DELETE", "/v1/staff/sessions/"
                + B.get("session"), null, "/v1/staff/sessions/" + MADE_UP, null)));
        p.put("POST /v1/staff/me/totp", List.of(Probe.list("POST", "/v1/staff/me/totp", Map.of())));
        p.put("POST /v1/staff/me/totp/confirm", List.of(Probe.list("POST", "/v1/staff/me/totp/confirm",
                body("password", TestServer.DEMO_PASSWORD, "code", "000000"))));
        p.put("PUT /v1/staff/me/password", List.of(Probe.list("PUT", "/v1/staff/me/password", body(
                "currentPassword", TestServer.DEMO_PASSWORD, "newPassword", TestServer.DEMO_PASSWORD))));
        p.put("DELETE /v1/staff/sessions", List.of());
        p.put("DELETE /v1/staff/session", List.of());
        return p;
    }

    @Test
    void everyAdminRouteIsDeclared() {
        Map<String, List<Probe>> probes = probes();
        List<String> missing = new ArrayList<>();
        for (Route route : server.app().routes()) {
            String key = route.method() + " " + route.path();
            if (route.roles().contains(ADMIN) && !probes.containsKey(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).as("admin routes without a two-organisation probe in OrganisationMatrixTest").isEmpty();
    }

    @Test
    void anAdminReachesNothingOfAnotherOrganisation() {
        String before = stateOfB();
        List<String> failures = new ArrayList<>();
        probes().forEach((route, list) -> {
            for (Probe probe : list) {
                ApiResponse got = send(adminA, probe.method(), probe.path(), probe.body());
                for (String id : B.values()) {
                    if (got.body().contains(id)) {
                        failures.add(route + " " + probe.path() + ": the answer shows " + id + ": " + got);
                    }
                }
                if (probe.controlPath() == null) {
                    if (got.status() >= 400 && got.status() != 422) {
                        failures.add(route + " " + probe.path() + ": refused its own admin: " + got);
                    }
                    continue;
                }
                ApiResponse control = send(adminA, probe.method(), probe.controlPath(), probe.controlBody());
                if (got.status() != 404 && got.status() != 422) {
                    failures.add(route + " " + probe.path() + ": expected 404 or 422, got " + got);
                } else if (got.status() != control.status() || !got.text("code").equals(control.text("code"))
                        || !got.json().path("errors").toString().equals(control.json().path("errors").toString())) {
                    failures.add(route + " " + probe.path() + ": answers unlike a made-up id (" + control + "): "
                            + got);
                }
            }
        });
        assertThat(stateOfB()).as("nothing of the other organisation changed").isEqualTo(before);
        if (!failures.isEmpty()) {
            fail(failures.size() + " cross-organisation failures:\n" + String.join("\n", failures));
        }
        assertThat(Journeys.staff(server.client(), "trust@org-b.example").get("/v1/staff/me").status())
                .as("the other organisation's trust person can still log in").isEqualTo(200);
    }

    private static String stateOfB() {
        return server.app().database().read(h -> {
            List<Object> rows = new ArrayList<>();
            for (String sql : List.of(
                    "SELECT id, password_hash, team_id, active, available, totp_secret_enc FROM staff"
                            + " WHERE organisation_id = 'org-b' ORDER BY id",
                    "SELECT * FROM teams WHERE organisation_id = 'org-b' ORDER BY id",
                    "SELECT * FROM regions WHERE organisation_id = 'org-b' ORDER BY code",
                    "SELECT * FROM routing_rules WHERE organisation_id = 'org-b' ORDER BY id",
                    "SELECT * FROM location_trust_persons WHERE location_id = 'loc-org-b'",
                    "SELECT * FROM sla_policies WHERE organisation_id = 'org-b'",
                    "SELECT * FROM canned_replies WHERE organisation_id = 'org-b' ORDER BY id",
                    "SELECT s.id FROM staff_sessions s JOIN staff a ON a.id = s.staff_id"
                            + " WHERE a.organisation_id = 'org-b' ORDER BY s.id",
                    "SELECT i.id FROM staff_invitations i JOIN staff a ON a.id = i.staff_id"
                            + " WHERE a.organisation_id = 'org-b' ORDER BY i.id")) {
                rows.add(h.createQuery(sql).mapToMap().list());
            }
            return rows.toString();
        });
    }

    private static ApiResponse send(ApiClient client, String method, String path, Object body) {
        return switch (method) {
            case "GET" -> client.get(path);
            case "DELETE" -> client.delete(path);
            case "POST" -> client.post(path, body == null ? Map.of() : body);
            case "PUT" -> client.put(path, body == null ? Map.of() : body);
            default -> throw new IllegalArgumentException(method);
        };
    }
}
