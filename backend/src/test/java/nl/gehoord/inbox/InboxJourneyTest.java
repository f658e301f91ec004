package nl.gehoord.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.gehoord.audit.AuditLog;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The trust person's side of a case, through real HTTP: inbox, open, reply, note, status, visit, queue. */
class InboxJourneyTest {
    private TestServer server;
    private ApiClient api;

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @BeforeEach
    void start() {
        server = SHARED.server();
        api = server.client();
    }


    /** Words of danger in a later message: the inbox shows and sorts on the organisation's urgent time. */
    @Test
    void aCaseThatBecomesUrgentLaterIsDueWithinTheOrganisationsUrgentTime() {
        ApiClient admin = Journeys.staff(api, "admin@demo.local");
        assertThat(admin.put("/v1/admin/organisations/demo-org/sla", Map.of("firstResponseWorkingDays", 2,
                "urgentFirstResponseMinutes", 60, "nextResponseWorkingDays", 2, "resolutionWorkingDays", 30))
                .status()).isEqualTo(200);
        ApiClient phone = Journeys.newDevice(api);
        String caseId = Journeys.submitCase(phone, "Ik mag mijn moeder niet bellen.");
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        assertThat(trust.get("/v1/inbox").json().path("cases").get(0).path("dueAt").asText())
                .as("2 working days").isEqualTo("2026-11-25T09:00:00Z");

        server.clock().advance(Duration.ofHours(1));
        assertThat(phone.post("/v1/cases/" + caseId + "/messages", Map.of("text", "ik wil niet meer leven"))
                .status()).isEqualTo(201);

        trust = Journeys.staff(api, "trust@demo.local"); // the first session ran out while the clock moved on
        JsonNode item = trust.get("/v1/inbox").json().path("cases").get(0);
        assertThat(item.path("urgent").asBoolean()).isTrue();
        assertThat(item.path("dueAt").asText()).as("60 minutes from the message, not a fixed 4 hours")
                .isEqualTo("2026-11-23T11:00:00Z");
        assertThat(trust.get("/v1/inbox/" + caseId).json().path("deadlines").path("firstResponseDueAt").asText())
                .isEqualTo("2026-11-23T11:00:00Z");
        JsonNode receipt = phone.get("/v1/cases/" + caseId).json().path("timeline").get(0);
        assertThat(receipt.toString()).as("the receipt shows the same time").contains("2026-11-23T11:00:00Z");
    }

    @Test
    void aDemoCaseReachesTheTrustPersonWhoAnswersInPlainWords() {
        ApiClient phone = Journeys.newDevice(api);
        ApiResponse created = Journeys.submit(phone, Journeys.complaint("Ik mag niet naar huis bellen."));
        String caseId = created.text("caseId");
        assertThat(created.text("status")).as("routing assigns at once").isEqualTo("assigned");

        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        JsonNode inbox = trust.get("/v1/inbox").json();
        assertThat(inbox.path("cases")).hasSize(1);
        JsonNode item = inbox.path("cases").get(0);
        assertThat(item.path("caseId").asText()).isEqualTo(caseId);
        assertThat(item.path("status").asText()).isEqualTo("assigned");
        assertThat(item.path("dueAt").asText()).as("2 working days from Monday 10:00").isEqualTo("2026-11-25T09:00:00Z");
        assertThat(item.path("slaState").asText()).isEqualTo("ok");
        assertThat(inbox.toString()).as("lists carry no content").doesNotContain("bellen");

        phone.post("/v1/cases/" + caseId + "/messages", Map.of("text", "Hallo?"));
        assertThat(trust.get("/v1/inbox").json().path("cases").get(0).path("unread").asInt()).isEqualTo(1);

        JsonNode opened = trust.get("/v1/inbox/" + caseId).json();
        assertThat(opened.path("story").asText()).isEqualTo("Ik mag niet naar huis bellen.");
        assertThat(opened.path("answers").path("topic").asText()).isEqualTo("freedom");
        assertThat(opened.path("about").path("locationName").asText()).contains("De Kastanje");
        assertThat(opened.path("openedBy").get(0).path("staffId").asText()).isEqualTo("staff-demo-trust");
        assertThat(trust.get("/v1/inbox").json().path("cases").get(0).path("unread").asInt())
                .as("opening reads the thread").isZero();

        ApiResponse reply = trust.post("/v1/inbox/" + caseId + "/messages", Map.of("text", "Hoi, ik help je."));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.text("author")).isEqualTo("trust_person");
        ApiResponse note = trust.post("/v1/inbox/" + caseId + "/notes", Map.of("text", "Groepsleider bellen."));
        assertThat(note.status()).isEqualTo(201);

        ApiResponse status = trust.post("/v1/inbox/" + caseId + "/status", Map.of("status", "in_conversation",
                "explanation", "We gaan samen praten.", "dueAt", "2026-11-30T10:00:00Z"));
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        assertThat(trust.post("/v1/inbox/" + caseId + "/status", Map.of("status", "received",
                "explanation", "Terug.")).status()).as("not a step a trust person takes").isEqualTo(409);

        // The young person reads the reply and the status change in plain words; never the note.
        JsonNode detail = phone.get("/v1/cases/" + caseId).json();
        assertThat(detail.path("status").asText()).isEqualTo("in_conversation");
        assertThat(detail.path("messages").get(1).path("text").asText()).isEqualTo("Hoi, ik help je.");
        JsonNode last = detail.path("timeline").get(detail.path("timeline").size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("status_changed");
        assertThat(last.path("title").asText()).isEqualTo("We praten met je");
        assertThat(last.path("text").asText()).isEqualTo("We gaan samen praten.");
        assertThat(last.path("dueBy").asText()).isEqualTo("2026-11-30T10:00:00Z");
        assertThat(detail.toString()).doesNotContain("Groepsleider");

        // Case facts other features read.
        Map<String, Object> facts = server.app().database().read(h -> h.createQuery(
                "SELECT first_response_at, status, closed_at, assigned_staff_id FROM cases WHERE id = :id")
                .bind("id", caseId).mapToMap().one());
        assertThat(((Number) facts.get("first_response_at")).longValue()).isEqualTo(TestServer.START.toEpochMilli());
        assertThat(facts.get("assigned_staff_id")).isEqualTo("staff-demo-trust");

        // A visit at the young person's request shows on their timeline with its date.
        assertThat(phone.post("/v1/cases/" + caseId + "/visit-request", Map.of()).status()).isEqualTo(202);
        assertThat(trust.get("/v1/inbox").json().path("cases").get(0).path("visitRequested").asBoolean()).isTrue();
        assertThat(trust.post("/v1/inbox/" + caseId + "/visit", Map.of("visitAt", "2026-11-26T14:00:00Z")).status())
                .isEqualTo(200);
        JsonNode timeline = phone.english().get("/v1/cases/" + caseId).json().path("timeline");
        JsonNode visit = timeline.get(timeline.size() - 1);
        assertThat(visit.path("type").asText()).isEqualTo("visit_planned");
        assertThat(visit.path("text").asText()).contains("Thursday 26 November");

        // Resolved closes the case for the statistics.
        assertThat(trust.post("/v1/inbox/" + caseId + "/status", Map.of("status", "resolved",
                "explanation", "Je mag weer bellen.")).status()).isEqualTo(200);
        Object closedAt = server.app().database().read(h -> h.createQuery("SELECT closed_at FROM cases WHERE id = :id")
                .bind("id", caseId).mapTo(Long.class).one());
        assertThat(closedAt).isEqualTo(TestServer.START.toEpochMilli());
        assertThat(trust.get("/v1/inbox").json().path("cases")).as("open cases only by default").isEmpty();
        assertThat(trust.get("/v1/inbox?status=resolved").json().path("cases")).hasSize(1);

        assertThat(server.auditLog().verify(server.app().database()).intact()).isTrue();
    }

    @Test
    void withNobodyAvailableTheCaseWaitsInTheQueueUrgentFirstAndTheCoordinatorAssigns() {
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        assertThat(trust.put("/v1/staff/me", Map.of("available", false, "pushToken", "fcm-token-1")).status())
                .isEqualTo(200);
        ApiClient phone = Journeys.newDevice(api);
        String calm = Journeys.submitCase(phone, "Rustig verhaal.");
        server.clock().advance(Duration.ofMinutes(1));
        Map<String, Object> urgentBody = Journeys.complaint("Dringend.");
        urgentBody.put("kind", "unsafe");
        urgentBody.put("answers", Map.of("safety", "safe_now"));
        ApiResponse urgent = Journeys.submit(phone, urgentBody);
        assertThat(urgent.json().path("urgent").asBoolean()).isTrue();
        String urgentId = urgent.text("caseId");

        ApiClient coordinator = Journeys.staff(api, "coordinator@demo.local");
        JsonNode queue = coordinator.get("/v1/queue").json().path("cases");
        List<String> ids = new ArrayList<>();
        queue.forEach(c -> ids.add(c.path("caseId").asText()));
        assertThat(ids).as("urgent first, though it came later").containsExactly(urgentId, calm);
        assertThat(trust.get("/v1/inbox").json().path("cases")).isEmpty();

        ApiResponse assigned = coordinator.post("/v1/inbox/" + calm + "/assign", Map.of("staffId", "staff-demo-trust"));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.text("status")).isEqualTo("assigned");
        assertThat(trust.get("/v1/inbox").json().path("cases").get(0).path("caseId").asText()).isEqualTo(calm);
        assertThat(coordinator.post("/v1/inbox/" + calm + "/assign", Map.of("staffId", "staff-demo-trust")).status())
                .isEqualTo(409);
        String sealed = server.app().database().read(h -> h.createQuery(
                "SELECT push_token_enc FROM staff WHERE id = 'staff-demo-trust'").mapTo(String.class).one());
        assertThat(sealed).startsWith("v2.").doesNotContain("fcm-token-1");
    }

    @Test
    void whoBecomesAvailableTakesTheQueueUrgentFirst() {
        List<nl.gehoord.events.CaseEvent> assigned = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.listen((h, e) -> {
            if (e.type() == nl.gehoord.events.CaseEvent.Type.ASSIGNED) {
                assigned.add(e);
            }
        });
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        trust.put("/v1/staff/me", Map.of("available", false));
        ApiClient phone = Journeys.newDevice(api);
        String calm = Journeys.submitCase(phone, "Rustig.");
        Map<String, Object> urgentBody = Journeys.complaint("Dringend.");
        urgentBody.put("kind", "unsafe");
        urgentBody.put("answers", Map.of("safety", "safe_now"));
        String urgent = Journeys.submit(phone, urgentBody).text("caseId");
        assertThat(assigned).isEmpty();

        assertThat(trust.put("/v1/staff/me", Map.of("available", true)).status()).isEqualTo(200);
        assertThat(assigned).extracting(nl.gehoord.events.CaseEvent::caseId).containsExactly(urgent, calm);
        assertThat(trust.get("/v1/inbox").json().path("cases").findValuesAsText("caseId")).containsExactly(urgent, calm);
        assertThat(phone.get("/v1/cases/" + calm).json().path("status").asText()).isEqualTo("assigned");
    }
}
