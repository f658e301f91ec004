package nl.gehoord.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many young people at once: SQLite's single writer must never show up as an error. */
class ConcurrentWritesTest {
    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @Test
    void parallelSubmissionsAndMessagesAllSucceed() throws Exception {
        TestServer server = SHARED.server();
        ApiClient api = server.client();
        int phones = 16;
        List<ApiClient> devices = new ArrayList<>();
        for (int i = 0; i < phones; i++) {
            devices.add(Journeys.newDevice(api));
        }
        ExecutorService pool = Executors.newFixedThreadPool(phones);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (ApiClient device : devices) {
                results.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int n = 0; n < 5; n++) {
                        ApiResponse created = device.header("Idempotency-Key", "parallel-" + n + "-" + device.hashCode())
                                .post("/v1/cases", Journeys.complaint("Verhaal " + n));
                        statuses.add(created.status());
                        if (created.status() == 201) {
                            String caseId = created.text("caseId");
                            statuses.add(device.post("/v1/cases/" + caseId + "/messages", Map.of("text", "Bericht " + n)).status());
                            statuses.add(device.get("/v1/cases/" + caseId).status());
                        }
                    }
                    return statuses;
                }));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> result : results) {
                all.addAll(result.get());
            }
            assertThat(all).hasSize(phones * 5 * 3).allMatch(s -> s == 200 || s == 201);
        } finally {
            pool.shutdownNow();
        }
        int cases = server.app().database().read(h -> h.createQuery("SELECT COUNT(*) FROM cases").mapTo(Integer.class).one());
        int messages = server.app().database().read(h -> h.createQuery("SELECT COUNT(*) FROM case_messages").mapTo(Integer.class).one());
        assertThat(cases).isEqualTo(phones * 5);
        assertThat(messages).isEqualTo(phones * 5);
    }
}
