package nl.gehoord.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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

/** Time limits with the test's clock: warnings at 75%, breaches at the due time, each once; working days and holidays. */
class SlaSchedulerTest {
    private TestServer server;
    private ApiClient api;
    private final List<CaseEvent> events = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @BeforeEach
    void start() {
        server = SHARED.server();
        api = server.client();
        server.listen((h, e) -> events.add(e));
        // This test runs the passes itself; the every-minute thread would race it for the same alerts.
        server.app().slaScheduler().close();
    }


    private List<CaseEvent> slaEvents(String caseId) {
        return events.stream().filter(e -> e.caseId().equals(caseId))
                .filter(e -> e.type().code().startsWith("sla_")).toList();
    }

    private int run(String at) {
        server.clock().set(Instant.parse(at));
        return server.app().slaScheduler().runOnce();
    }

    @Test
    void firstResponseWarnsAtThreeQuartersAndBreachesAtTheDueTimeOnceEach() {
        ApiClient phone = Journeys.newDevice(api);
        String caseId = Journeys.submitCase(phone, "Niemand antwoordt.");
        // Monday 10:00 in Amsterdam; due two working days later, Wednesday 10:00 (09:00 UTC); 75% is Tuesday 21:00 UTC.
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        assertThat(trust.get("/v1/inbox").json().path("cases").get(0).path("dueAt").asText())
                .isEqualTo("2026-11-25T09:00:00Z");

        assertThat(run("2026-11-24T20:59:00Z")).isZero();
        assertThat(run("2026-11-24T21:00:00Z")).isEqualTo(1);
        assertThat(slaEvents(caseId)).containsExactly(new CaseEvent(CaseEvent.Type.SLA_WARNING, caseId, "staff-demo-trust"));
        assertThat(run("2026-11-24T23:00:00Z")).as("a warning is raised once").isZero();
        trust = Journeys.staff(api, "trust@demo.local");
        assertThat(trust.get("/v1/inbox").json().path("cases").get(0).path("slaState").asText()).isEqualTo("warning");

        assertThat(run("2026-11-25T09:00:00Z")).isEqualTo(1);
        assertThat(run("2026-11-25T12:00:00Z")).as("a breach is raised once").isZero();
        assertThat(slaEvents(caseId)).extracting(CaseEvent::type)
                .containsExactly(CaseEvent.Type.SLA_WARNING, CaseEvent.Type.SLA_BREACHED);
        trust = Journeys.staff(api, "trust@demo.local");
        assertThat(trust.get("/v1/inbox?overdue=true").json().path("cases").get(0).path("slaState").asText())
                .isEqualTo("breached");

        // Answering ends the first-response clock; the young person's next message starts the next-response clock.
        assertThat(trust.post("/v1/inbox/" + caseId + "/messages", Map.of("text", "Sorry, ik ben er nu.")).status())
                .isEqualTo(201);
        assertThat(trust.get("/v1/inbox?overdue=true").json().path("cases")).isEmpty();
        assertThat(phone.post("/v1/cases/" + caseId + "/messages", Map.of("text", "Oke.")).status()).isEqualTo(201);
        // Wednesday 13:00 local + 2 working days = Friday 13:00 local (12:00 UTC).
        assertThat(trust.get("/v1/inbox").json().path("cases").get(0).path("dueAt").asText())
                .isEqualTo("2026-11-27T12:00:00Z");
        assertThat(run("2026-11-27T12:00:00Z")).isEqualTo(2);
        assertThat(slaEvents(caseId)).hasSize(4);
    }

    @Test
    void urgentCasesCountAroundTheClockAndOthersSkipWeekendsAndHolidays() {
        ApiClient phone = Journeys.newDevice(api);
        server.clock().set(Instant.parse("2026-11-28T22:00:00Z")); // Saturday night
        Map<String, Object> unsafe = Journeys.complaint("Ik ben bang.");
        unsafe.put("kind", "unsafe");
        unsafe.put("answers", Map.of("safety", "safe_now"));
        ApiResponse created = Journeys.submit(phone, unsafe);
        String caseId = created.text("caseId");
        assertThat(created.text("firstResponseDueBy")).isEqualTo("2026-11-29T02:00:00Z");
        assertThat(run("2026-11-29T00:59:00Z")).isZero();
        assertThat(run("2026-11-29T01:00:00Z")).isEqualTo(1);
        assertThat(run("2026-11-29T02:00:00Z")).isEqualTo(1);
        assertThat(slaEvents(caseId)).extracting(CaseEvent::type)
                .containsExactly(CaseEvent.Type.SLA_WARNING, CaseEvent.Type.SLA_BREACHED);

        // Christmas Eve 10:00: the 25th and 26th are holidays and the 27th a Sunday, so due Tuesday the 29th.
        server.clock().set(Instant.parse("2026-12-24T09:00:00Z"));
        ApiResponse christmas = Journeys.submit(phone, Journeys.complaint("Kerst."));
        assertThat(christmas.text("firstResponseDueBy")).isEqualTo("2026-12-29T09:00:00Z");
    }

    @Test
    void anOrganisationSetsItsOwnLimits() {
        ApiClient admin = Journeys.staff(api, "admin@demo.local");
        ApiResponse set = admin.put("/v1/admin/organisations/demo-org/sla", Map.of("firstResponseWorkingDays", 1,
                "urgentFirstResponseMinutes", 60, "nextResponseWorkingDays", 1, "resolutionWorkingDays", 20));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        ApiClient phone = Journeys.newDevice(api);
        ApiResponse created = Journeys.submit(phone, Journeys.complaint("Een dag."));
        assertThat(created.text("firstResponseDueBy")).isEqualTo("2026-11-24T09:00:00Z");
        JsonTimeline.assertReceivedDue(phone, created.text("caseId"), "2026-11-24T09:00:00Z");
    }

    /** The receipt on the young person's timeline shows the organisation's due time too. */
    static final class JsonTimeline {
        static void assertReceivedDue(ApiClient phone, String caseId, String due) {
            var timeline = phone.get("/v1/cases/" + caseId).json().path("timeline");
            assertThat(timeline.get(0).path("type").asText()).isEqualTo("received");
            assertThat(timeline.get(0).path("dueBy").asText()).isEqualTo(due);
        }
    }
}
