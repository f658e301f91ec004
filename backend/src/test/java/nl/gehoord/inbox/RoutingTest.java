package nl.gehoord.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Routing rules, a location's own trust person, fair assignment, the queue and asking for someone else. */
class RoutingTest {
    private TestServer server;
    private ApiClient api;
    private ApiClient admin;
    private final List<CaseEvent> events = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @BeforeEach
    void start() {
        server = SHARED.server();
        api = server.client();
        admin = Journeys.staff(api, "admin@demo.local");
        server.listen((h, e) -> events.add(e));
    }


    private String team(String name) {
        return admin.post("/v1/admin/teams", Map.of("organisationId", "demo-org", "name", name)).text("teamId");
    }

    private String trustPerson(String email, String teamId) {
        return Journeys.invite(admin, Map.of("email", email, "displayName", "TP",
                "role", "trust_person", "organisationId", "demo-org", "teamId", teamId));
    }

    private void rule(int priority, String region, String setting, String topic, String teamId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("organisationId", "demo-org", "priority", priority,
                "teamId", teamId));
        if (region != null) {
            body.put("region", region);
        }
        if (setting != null) {
            body.put("setting", setting);
        }
        if (topic != null) {
            body.put("topic", topic);
        }
        ApiResponse r = admin.post("/v1/admin/routing-rules", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private static Map<String, Object> rotterdam(String story) {
        Map<String, Object> body = Journeys.complaint(story);
        body.put("region", "rotterdam");
        body.put("about", Map.of("locationId", "loc-rtd-maas"));
        return body;
    }

    private String assignee(String caseId) {
        return server.app().database().read(h -> h.createQuery("SELECT assigned_staff_id FROM cases WHERE id = :id")
                .bind("id", caseId).mapTo(String.class).findOne().orElse(null));
    }

    @Test
    void theFirstMatchingRulePicksTheTeamAndAssignmentIsFair() {
        String rijnmond = team("Team Rijnmond");
        String a = trustPerson("a@demo.local", rijnmond);
        String b = trustPerson("b@demo.local", rijnmond);
        rule(10, "rotterdam", null, null, rijnmond);
        ApiClient phone = Journeys.newDevice(api);

        String utrecht = Journeys.submitCase(phone, "Utrecht.");
        assertThat(assignee(utrecht)).as("the default rule still serves Utrecht").isEqualTo("staff-demo-trust");

        String first = Journeys.submit(phone, rotterdam("Een.")).text("caseId");
        String second = Journeys.submit(phone, rotterdam("Twee.")).text("caseId");
        assertThat(List.of(assignee(first), assignee(second))).as("fewest open cases, then round-robin")
                .containsExactlyInAnyOrder(a, b);
        String third = Journeys.submit(phone, rotterdam("Drie.")).text("caseId");
        String fourth = Journeys.submit(phone, rotterdam("Vier.")).text("caseId");
        assertThat(List.of(assignee(third), assignee(fourth))).containsExactlyInAnyOrder(a, b);

        // A closes a case: A now has the fewest open cases and gets the next one.
        String aCase = assignee(first).equals(a) ? first : second;
        ApiClient trustA = Journeys.staff(api, "a@demo.local");
        assertThat(trustA.post("/v1/inbox/" + aCase + "/status", Map.of("status", "closed",
                "explanation", "Klaar.")).status()).isEqualTo(200);
        String fifth = Journeys.submit(phone, rotterdam("Vijf.")).text("caseId");
        assertThat(assignee(fifth)).isEqualTo(a);
        // Compared without the case snapshot the event carries for its listeners.
        assertThat(events).extracting(e -> new CaseEvent(e.type(), e.caseId(), e.staffId()))
                .contains(new CaseEvent(CaseEvent.Type.ASSIGNED, fifth, a));

        // A rule on setting and topic, tried before the region rule.
        String closedCare = team("Team Gesloten");
        String c = trustPerson("c@demo.local", closedCare);
        rule(5, null, "residential", "freedom", closedCare);
        assertThat(assignee(Journeys.submit(phone, rotterdam("Zes.")).text("caseId"))).isEqualTo(c);
    }

    /** Routing counts open cases only up to a limit: past it, every trust person is overloaded alike and takes turns. */
    @Test
    void pastTheCountedLimitTrustPersonsTakeTurns() {
        String team = team("Team Rijnmond");
        String a = trustPerson("a@demo.local", team);
        String b = trustPerson("b@demo.local", team);
        rule(10, "rotterdam", null, null, team);
        int limit = InboxDao.OPEN_CASES_COUNTED;
        ApiClient phone = Journeys.newDevice(api);
        Journeys.submitCase(phone, "Utrecht."); // the case the copies are made of
        server.app().database().writeVoid(h -> {
            openCasesOf(h, a, limit + 100);
            openCasesOf(h, b, limit - 1);
            h.createUpdate("UPDATE staff SET last_assigned_at = CASE id WHEN :a THEN 1 ELSE 2 END WHERE id IN (:a, :b)")
                    .bind("a", a).bind("b", b).execute();
        });
        assertThat(assignee(Journeys.submit(phone, rotterdam("Een.")).text("caseId")))
                .as("below the limit the fewest open cases decide").isEqualTo(b);
        server.clock().advance(java.time.Duration.ofMinutes(1)); // turns are told apart by when each was given
        assertThat(assignee(Journeys.submit(phone, rotterdam("Twee.")).text("caseId")))
                .as("both at the limit: the one who got a case longest ago").isEqualTo(a);
        server.clock().advance(java.time.Duration.ofMinutes(1));
        assertThat(assignee(Journeys.submit(phone, rotterdam("Drie.")).text("caseId"))).isEqualTo(b);
    }

    /** Copies of a demo case, open and assigned to the trust person: only their count matters to routing. */
    private static void openCasesOf(org.jdbi.v3.core.Handle h, String staffId, int count) {
        List<String> columns = h.createQuery("SELECT name FROM pragma_table_info('cases')").mapTo(String.class).list();
        String copied = String.join(", ", columns.stream().map(c -> switch (c) {
            case "id", "code_hmac" -> "c." + c + " || '-' || :staffId || '-' || n.i";
            case "assigned_staff_id" -> ":staffId";
            case "status" -> "'assigned'";
            default -> "c." + c;
        }).toList());
        h.createUpdate("INSERT INTO cases (" + String.join(", ", columns) + ") WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                + "SELECT i + 1 FROM n WHERE i < :count) SELECT " + copied
                + " FROM n, (SELECT * FROM cases ORDER BY id LIMIT 1) c")
                .bind("staffId", staffId).bind("count", count).execute();
        assertThat(h.createQuery("SELECT COUNT(*) FROM cases WHERE assigned_staff_id = :staffId").bind("staffId", staffId)
                .mapTo(Integer.class).one()).isEqualTo(count);
    }

    @Test
    void aLocationsOwnTrustPersonGetsItsCasesFirstWhileAvailable() {
        String west = team("Team West");
        String visitor = trustPerson("visitor@demo.local", west);
        assertThat(admin.put("/v1/admin/locations/loc-utr-linde/trust-person", Map.of("staffId", visitor)).status())
                .isEqualTo(204);
        ApiClient phone = Journeys.newDevice(api);
        assertThat(assignee(Journeys.submitCase(phone, "Bij De Linde."))).isEqualTo(visitor);

        ApiClient visitorClient = Journeys.staff(api, "visitor@demo.local");
        visitorClient.put("/v1/staff/me", Map.of("available", false));
        assertThat(assignee(Journeys.submitCase(phone, "Weer De Linde."))).as("away: the normal route")
                .isEqualTo("staff-demo-trust");
    }

    @Test
    void withoutAMatchingRuleTheCaseWaitsInTheOrganisationsQueue() {
        assertThat(admin.delete("/v1/admin/routing-rules/rule-demo-default").status()).isEqualTo(204);
        ApiClient phone = Journeys.newDevice(api);
        ApiResponse created = Journeys.submit(phone, Journeys.complaint("Geen regel."));
        assertThat(created.text("status")).isEqualTo("received");
        ApiClient coordinator = Journeys.staff(api, "coordinator@demo.local");
        assertThat(coordinator.get("/v1/queue").json().path("cases").get(0).path("caseId").asText())
                .isEqualTo(created.text("caseId"));
    }

    @Test
    void aYoungPersonMayAskForAnotherTrustPerson() {
        String second = trustPerson("second@demo.local", "team-midden");
        ApiClient phone = Journeys.newDevice(api);
        String first = Journeys.submitCase(phone, "Een.");
        String caseId = assignee(first).equals("staff-demo-trust") ? first : Journeys.submitCase(phone, "Twee.");
        assertThat(assignee(caseId)).isEqualTo("staff-demo-trust");

        assertThat(phone.post("/v1/cases/" + caseId + "/other-trust-person", Map.of()).status()).isEqualTo(202);
        assertThat(assignee(caseId)).isEqualTo(second);
        assertThat(events).contains(new CaseEvent(CaseEvent.Type.REASSIGNED, caseId, second));
        JsonNode timeline = phone.english().get("/v1/cases/" + caseId).json().path("timeline");
        assertThat(timeline.findValuesAsText("type")).endsWith("other_trust_person_asked", "reassigned");
        assertThat(timeline.get(timeline.size() - 1).path("title").asText()).isEqualTo("You have a new trust person");
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        assertThat(trust.get("/v1/inbox/" + caseId).status()).as("no longer theirs").isEqualTo(404);

        // Nobody else free: back to the coordinator's queue, and the young person reads that they wait.
        ApiClient secondClient = Journeys.staff(api, "second@demo.local");
        secondClient.put("/v1/staff/me", Map.of("available", false));
        trust.put("/v1/staff/me", Map.of("available", false));
        assertThat(phone.post("/v1/cases/" + caseId + "/other-trust-person", Map.of()).status()).isEqualTo(202);
        assertThat(assignee(caseId)).isNull();
        assertThat(phone.get("/v1/cases/" + caseId).json().path("status").asText()).isEqualTo("received");
        ApiClient coordinator = Journeys.staff(api, "coordinator@demo.local");
        assertThat(coordinator.get("/v1/queue").json().path("cases").findValuesAsText("caseId")).contains(caseId);
    }
}
