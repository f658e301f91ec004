package nl.gehoord.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import nl.gehoord.db.Database;
import nl.gehoord.demo.DemoData;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The order and paging of GET /v1/inbox and GET /v1/queue, checked against an order computed here in Java from
 * the rows: urgent first, then the earliest due time (none last), then id; each filter; every page through the
 * cursor, with no case twice and none left out. Many cases share a due time, so the id tie-break and the cursor
 * across a tie are exercised; erased cases, other people's cases and other teams' cases must never show.
 */
class InboxOrderTest {
    private static final long HOUR = 3_600_000L;
    private static final Set<String> OPEN = Set.of("received", "assigned", "in_conversation", "formal_complaint");
    private static final String[] STATUSES = {"received", "assigned", "in_conversation", "formal_complaint",
        "resolved", "closed", "withdrawn"};

    private TestServer server;
    private final List<Row> rows = new ArrayList<>();
    private long now;

    record Row(String id, String staffId, String teamId, boolean urgent, String status, Long due, boolean erased) {
    }

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @BeforeEach
    void start() {
        server = SHARED.server();
        now = server.clock().millis();
        Database db = server.app().database();
        Random random = new Random(7);
        // Due times from a small set, so ties are common; finished cases have none.
        long[] dues = {now - 30 * HOUR, now - 2 * HOUR, now + HOUR, now + 5 * HOUR, now + 50 * HOUR};
        String[] staff = {"staff-demo-trust", "staff-demo-trust", "staff-demo-trust", "staff-demo-coordinator", null};
        String[] teams = {DemoData.TEAM_ID, DemoData.TEAM_ID, null, "team-other"};
        db.writeVoid(h -> {
            h.execute("INSERT INTO teams (id, organisation_id, name, created_at) VALUES ('team-other', ?, 'Ander', ?)",
                    DemoData.ORGANISATION_ID, now);
            for (int i = 0; i < 140; i++) {
                String status = STATUSES[random.nextInt(STATUSES.length)];
                Long due = OPEN.contains(status) && random.nextInt(8) > 0 ? dues[random.nextInt(dues.length)] : null;
                String staffId = staff[random.nextInt(staff.length)];
                Row row = new Row(UUID.nameUUIDFromBytes(("order-" + i).getBytes(StandardCharsets.UTF_8)).toString(),
                        staffId,
                        teams[random.nextInt(teams.length)], random.nextInt(4) == 0, status, due,
                        random.nextInt(15) == 0);
                h.execute("""
                        INSERT INTO cases (id, organisation_id, kind, setting, region_code, contact_preference, urgent,
                                           status, flow_version, assigned_staff_id, team_id, created_at, updated_at,
                                           sla_due_at, erased_at)
                        VALUES (?, ?, 'complaint', 'residential', 'utrecht', 'app_message', ?, ?, 1, ?, ?, ?, ?, ?, ?)
                        """, row.id(), DemoData.ORGANISATION_ID, row.urgent(), status, staffId, row.teamId(),
                        now - i * HOUR, now, due, row.erased() ? now : null);
            }
            // The expected order is computed from all rows, the demo's own cases included.
            rows.addAll(h.createQuery("""
                    SELECT id, assigned_staff_id, team_id, urgent, status, sla_due_at, erased_at FROM cases""")
                    .map((rs, ctx) -> new Row(rs.getString("id"), rs.getString("assigned_staff_id"),
                            rs.getString("team_id"), rs.getBoolean("urgent"), rs.getString("status"),
                            nl.gehoord.db.Columns.longOrNull(rs, "sla_due_at"), nl.gehoord.db.Columns.longOrNull(rs, "erased_at") != null))
                    .list());
        });
    }


    @Test
    void theInboxPagesThroughMyCasesInOrderUnderEveryFilter() {
        ApiClient trust = Journeys.staff(server.client(), "trust@demo.local");
        Predicate<Row> mine = r -> "staff-demo-trust".equals(r.staffId());
        check(trust, "/v1/inbox?limit=7", mine.and(r -> OPEN.contains(r.status())));
        check(trust, "/v1/inbox?limit=7&status=all", mine);
        check(trust, "/v1/inbox?limit=5&status=closed", mine.and(r -> r.status().equals("closed")));
        check(trust, "/v1/inbox?limit=4&urgent=true", mine.and(r -> OPEN.contains(r.status()) && r.urgent()));
        check(trust, "/v1/inbox?limit=3&overdue=true&status=all",
                mine.and(r -> r.due() != null && r.due() < now));
        check(trust, "/v1/inbox?limit=2&urgent=true&overdue=true",
                mine.and(r -> OPEN.contains(r.status()) && r.urgent() && r.due() != null && r.due() < now));
    }

    @Test
    void theQueueMergesTheTeamAndTheOrganisationInOneOrder() {
        ApiClient coordinator = Journeys.staff(server.client(), "coordinator@demo.local");
        Predicate<Row> ours = r -> DemoData.TEAM_ID.equals(r.teamId()) || r.teamId() == null;
        Predicate<Row> unassigned = ours.and(r -> r.staffId() == null);
        check(coordinator, "/v1/queue?limit=3", unassigned.and(r -> OPEN.contains(r.status())));
        check(coordinator, "/v1/queue?limit=4&status=all", unassigned);
        check(coordinator, "/v1/queue?limit=6&scope=team&status=all", ours);
        check(coordinator, "/v1/queue?limit=5&scope=team&urgent=true", ours.and(r -> OPEN.contains(r.status())
                && r.urgent()));
    }

    private void check(ApiClient client, String path, Predicate<Row> listed) {
        List<String> expected = rows.stream().filter(r -> !r.erased()).filter(listed)
                .sorted(Comparator.comparing((Row r) -> !r.urgent())
                        .thenComparing(r -> r.due() == null ? Long.MAX_VALUE : r.due())
                        .thenComparing(Row::id))
                .map(Row::id).toList();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiResponse page = client.get(path + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode json = page.json();
            json.path("cases").forEach(c -> seen.add(c.path("caseId").asText()));
            cursor = json.path("nextCursor").isTextual() ? json.path("nextCursor").asText() : null;
            pages++;
            assertThat(pages).as("paging ends").isLessThan(200);
        } while (cursor != null);
        assertThat(expected).as("the test data covers " + path).hasSizeGreaterThan(2);
        assertThat(seen).as(path).containsExactlyElementsOf(expected);
    }
}
