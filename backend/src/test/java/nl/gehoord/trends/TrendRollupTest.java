package nl.gehoord.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import nl.gehoord.db.Database;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.events.CaseEvents;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import nl.gehoord.intake.CaseStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rollup follows case changes inside the changing transaction, whatever the order of events. Status and first
 * response are changed directly in the database here (the inbox does it in production) and the event published.
 */
class TrendRollupTest {
    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    private TestServer server;
    private Database db;
    private TrendRollup rollup;
    private CaseEvents events;

    @BeforeEach
    void start() {
        server = SHARED.server();
        db = server.app().database();
        rollup = TrendCases.rollupOf(server);
        events = new CaseEvents().listen(rollup);
    }

    @Test
    void theRollupEqualsACountFromScratchWhateverOrderEventsComeIn() {
        Random random = new Random(42);
        List<String> ids = new ArrayList<>();
        db.writeVoid(h -> {
            for (int i = 0; i < 300; i++) {
                TrendCases.Spec spec = TrendCases.random(random, "order-" + i, YearMonth.of(2026, 1 + i % 10),
                        new String[] {"utrecht", "amsterdam"});
                TrendCases.insert(h, new TrendCases.Spec(spec.id(), spec.topic(), spec.setting(), spec.region(),
                        spec.ageBand(), i % 3 == 0 ? (spec.region().equals("utrecht") ? "loc-utr-linde"
                        : "loc-ams-jb") : null, "received", spec.createdAt(), null, spec.dueAt(), null));
                events.publish(h, CaseEvent.of(CaseEvent.Type.RECEIVED, spec.id()));
                ids.add(spec.id());
            }
        });
        // Many changes, with events published in a shuffled order, some twice, some for cases that did not change.
        List<String[]> changes = new ArrayList<>();
        String[] statuses = {"assigned", "in_conversation", "formal_complaint", "resolved", "closed", "withdrawn"};
        for (int i = 0; i < 900; i++) {
            changes.add(new String[] {ids.get(random.nextInt(ids.size())), statuses[random.nextInt(statuses.length)]});
        }
        db.writeVoid(h -> {
            for (String[] change : changes) {
                long now = server.clock().millis();
                boolean finished = List.of("resolved", "closed", "withdrawn").contains(change[1]);
                h.createUpdate("""
                        UPDATE cases SET status = :status, closed_at = :closed,
                               first_response_at = COALESCE(first_response_at, created_at + 3600000 * :hours)
                        WHERE id = :id
                        """).bind("status", change[1]).bind("closed", finished ? now : null)
                        .bind("hours", random.nextInt(100)).bind("id", change[0]).execute();
                if (change[1].equals("formal_complaint")) {
                    h.createUpdate("""
                            INSERT INTO case_events (id, case_id, seq, type, status, created_at)
                            VALUES (:id, :caseId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM case_events WHERE case_id = :caseId),
                                    'status_changed', 'formal_complaint', :now)
                            """).bind("id", "ev-" + random.nextLong()).bind("caseId", change[0]).bind("now", now)
                            .execute();
                }
            }
            List<String> order = new ArrayList<>();
            changes.forEach(c -> order.add(c[0]));
            order.addAll(ids.subList(0, 50));
            Collections.shuffle(order, random);
            for (String id : order) {
                events.publish(h, CaseEvent.of(random.nextBoolean() ? CaseEvent.Type.STATUS_CHANGED : CaseEvent.Type.REPLY, id));
            }
        });
        assertThat(rollupTable()).isEqualTo(fromScratch()).isNotEmpty();
        assertThat(regionTable()).as("the rollup without providers adds the providers up")
                .isEqualTo(withoutProvider(fromScratch()));
    }

    private Map<List<Object>, List<Object>> regionTable() {
        return db.read(h -> {
            Map<List<Object>, List<Object>> table = new TreeMap<>(TrendRollupTest::compare);
            h.createQuery("SELECT * FROM trend_rollup_region WHERE cases > 0").mapToMap().forEach(row -> {
                Map<String, Object> withEmptyProvider = new java.util.HashMap<>(row);
                withEmptyProvider.put("provider", "*");
                put(table, withEmptyProvider);
            });
            return table;
        });
    }

    private static Map<List<Object>, List<Object>> withoutProvider(Map<List<Object>, List<Object>> table) {
        Map<List<Object>, List<Object>> out = new TreeMap<>(TrendRollupTest::compare);
        table.forEach((key, values) -> {
            List<Object> k = new ArrayList<>(key.subList(0, 5));
            k.add("*");
            out.merge(List.copyOf(k), values, (a, b) -> {
                List<Object> sum = new ArrayList<>();
                for (int i = 0; i < a.size(); i++) {
                    sum.add((Long) a.get(i) + (Long) b.get(i));
                }
                return sum;
            });
        });
        return out;
    }

    @Test
    void aFormalComplaintStaysCountedAfterTheCaseIsResolvedAndSlaIsJudgedAgainstTheDueTime() {
        String id = insertCase("loc-utr-linde");
        long created = createdAt(id);
        db.writeVoid(h -> {
            h.createUpdate("UPDATE cases SET status = 'formal_complaint', first_response_at = first_response_due_at WHERE id = :id")
                    .bind("id", id).execute();
            events.publish(h, CaseEvent.of(CaseEvent.Type.STATUS_CHANGED, id));
        });
        db.writeVoid(h -> {
            h.createUpdate("UPDATE cases SET status = 'resolved', closed_at = :at WHERE id = :id")
                    .bind("at", created + 10 * 86_400_000L).bind("id", id).execute();
            events.publish(h, CaseEvent.of(CaseEvent.Type.STATUS_CHANGED, id));
        });
        Map<String, Object> row = onlyRow();
        assertThat(row.get("formal")).isEqualTo(1L);
        assertThat(row.get("o_resolved")).isEqualTo(1L);
        assertThat(row.get("o_open")).isEqualTo(0L);
        assertThat(row.get("sla_met")).as("answered exactly at the due time").isEqualTo(1L);
        assertThat(row.get("provider")).isEqualTo("Stichting De Linde");
    }

    @Test
    void aChangeThatRollsBackLeavesTheRollupAsItWas() {
        String id = insertCase(null);
        Map<List<Object>, List<Object>> before = rollupTable();
        assertThatThrownBy(() -> db.writeVoid(h -> {
            h.createUpdate("UPDATE cases SET status = 'closed', closed_at = 1 WHERE id = :id").bind("id", id).execute();
            events.publish(h, CaseEvent.of(CaseEvent.Type.STATUS_CHANGED, id));
            throw new IllegalStateException("the request failed after the event");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(rollupTable()).isEqualTo(before);
    }

    @Test
    void anErasedCaseStillCountsForItsProviderButNothingLeadsBackToIt() {
        ApiClient device = Journeys.newDevice(server.client());
        String caseId = Journeys.submitCase(device, "Canary-erase: story");
        // The app's own bus counted it on creation.
        assertThat(onlyRow().get("provider")).isEqualTo("Stichting De Linde");
        assertThat(device.delete("/v1/cases/" + caseId).status()).isEqualTo(204);
        Map<String, Object> row = onlyRow();
        assertThat(row.get("cases")).isEqualTo(1L);
        assertThat(row.get("o_withdrawn")).isEqualTo(1L);
        assertThat(row.get("provider")).as("kept although the case lost its location").isEqualTo("Stichting De Linde");
        String location = db.read(h -> h.createQuery("SELECT location_id FROM cases WHERE id = :id")
                .bind("id", caseId).mapTo(String.class).findOne().orElse(null));
        assertThat(location).isNull();
        List<Map<String, Object>> facts = db.read(h -> h.createQuery("SELECT * FROM trend_case_facts").mapToMap().list());
        assertThat(facts).hasSize(1);
        assertThat(facts.get(0).toString()).doesNotContain(caseId).doesNotContain("Canary");
        // Deleting the case row (retention) keeps the statistics.
        db.writeVoid(h -> {
            h.createUpdate("DELETE FROM case_events WHERE case_id = :id").bind("id", caseId).execute();
            h.createUpdate("DELETE FROM cases WHERE id = :id").bind("id", caseId).execute();
            events.publish(h, CaseEvent.of(CaseEvent.Type.ERASED, caseId));
        });
        assertThat(onlyRow().get("cases")).isEqualTo(1L);
    }

    private String insertCase(String location) {
        String id = "single-" + System.nanoTime();
        long created = server.clock().millis() - 40L * 86_400_000L;
        db.writeVoid(h -> {
            TrendCases.insert(h, new TrendCases.Spec(id, "freedom", "residential", "utrecht", "13_15", location,
                    "received", created, null, created + 2 * 86_400_000L, null));
            events.publish(h, CaseEvent.of(CaseEvent.Type.RECEIVED, id));
        });
        return id;
    }

    private long createdAt(String id) {
        return db.read(h -> h.createQuery("SELECT created_at FROM cases WHERE id = :id").bind("id", id)
                .mapTo(Long.class).one());
    }

    private Map<String, Object> onlyRow() {
        List<Map<String, Object>> rows = db.read(h -> h.createQuery("SELECT * FROM trend_rollup").mapToMap().list());
        assertThat(rows).hasSize(1);
        Map<String, Object> row = new TreeMap<>();
        rows.get(0).forEach((k, v) -> row.put(k, v instanceof Number n && !(v instanceof Long) ? (Object) n.longValue() : v));
        return row;
    }

    /** The rollup as key -> values, zero rows left out. */
    private Map<List<Object>, List<Object>> rollupTable() {
        return db.read(h -> {
            Map<List<Object>, List<Object>> table = new TreeMap<>(TrendRollupTest::compare);
            h.createQuery("SELECT * FROM trend_rollup WHERE cases > 0").mapToMap().forEach(row -> put(table, row));
            return table;
        });
    }

    /** The record key the rollup gave a case (random, so the baseline takes it from the facts row). */
    private long recordKey(org.jdbi.v3.core.Handle h, String caseId) {
        return h.createQuery("SELECT record_key FROM trend_case_facts WHERE fact_key = :key")
                .bind("key", TrendCases.rollupOf(server).factKey(caseId)).mapTo(Long.class).findOne().orElse(0L);
    }

    /** The baseline: every case read and counted again, without the rollup. */
    private Map<List<Object>, List<Object>> fromScratch() {
        return db.read(h -> {
            Map<List<Object>, long[]> sums = new java.util.HashMap<>();
            h.createQuery("""
                    SELECT c.*, l.provider AS provider_name,
                           (SELECT COUNT(*) FROM case_events e WHERE e.case_id = c.id AND e.status = 'formal_complaint') AS f
                    FROM cases c LEFT JOIN locations l ON l.id = c.location_id
                    """).mapToMap().forEach(r -> {
                        CaseFacts f = TrendRollup.facts((String) r.get("topic"), (String) r.get("setting"),
                                (String) r.get("region_code"), (String) r.get("age_band"), (String) r.get("provider_name"),
                                CaseStatus.of((String) r.get("status")), ((Number) r.get("created_at")).longValue(),
                                asLong(r.get("first_response_at")), asLong(r.get("first_response_due_at")),
                                asLong(r.get("closed_at")), ((Number) r.get("f")).longValue() > 0, null,
                                server.clock().millis()).withRecordKey(recordKey(h, (String) r.get("id")));
                        List<Object> key = List.of(f.month(), f.topic(), f.setting(), f.regionCode(), f.ageBand(), f.provider());
                        long[] sum = sums.computeIfAbsent(key, x -> new long[CaseFacts.VALUE_COLUMNS.length]);
                        long[] c = f.contribution();
                        for (int i = 0; i < c.length; i++) {
                            sum[i] += c[i];
                        }
                    });
            Map<List<Object>, List<Object>> table = new TreeMap<>(TrendRollupTest::compare);
            sums.forEach((k, v) -> {
                List<Object> values = new ArrayList<>();
                for (long x : v) {
                    values.add(x);
                }
                table.put(k, values);
            });
            return table;
        });
    }

    private static void put(Map<List<Object>, List<Object>> table, Map<String, Object> row) {
        List<Object> key = List.of(row.get("month"), row.get("topic"), row.get("setting"), row.get("region_code"),
                row.get("age_band"), row.get("provider"));
        List<Object> values = new ArrayList<>();
        for (String column : CaseFacts.VALUE_COLUMNS) {
            values.add(((Number) row.get(column)).longValue());
        }
        table.put(key, values);
    }

    private static Long asLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static int compare(List<Object> a, List<Object> b) {
        return a.toString().compareTo(b.toString());
    }

}
