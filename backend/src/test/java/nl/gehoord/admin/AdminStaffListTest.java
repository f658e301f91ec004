package nl.gehoord.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin's list of staff is one query, however many accounts there are (no query per account). */
class AdminStaffListTest {
    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @Test
    void listingStaffCostsTheSameNumberOfQueriesForFiveOrFortyAccounts() {
        TestServer server = SHARED.server();
        ApiClient admin = Journeys.staff(server.client(), "admin@demo.local");
        AtomicInteger staffQueries = new AtomicInteger();
        server.app().database().jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                if (context.getRenderedSql().contains("FROM staff")) {
                    staffQueries.incrementAndGet();
                }
            }
        });
        int few = queriesFor(admin, staffQueries);
        for (int i = 0; i < 35; i++) {
            assertThat(admin.post("/v1/admin/staff", Map.of("email", "many" + i + "@demo.local",
                    "displayName", "Veel", "role", "council")).status()).isEqualTo(201);
        }
        int many = queriesFor(admin, staffQueries);
        // The session check and the list; a background pass may add one now and then, never one per account.
        assertThat(few).isLessThanOrEqualTo(4);
        assertThat(many).isLessThanOrEqualTo(4);
    }

    private static int queriesFor(ApiClient admin, AtomicInteger counter) {
        counter.set(0);
        ApiResponse list = admin.get("/v1/admin/staff");
        assertThat(list.status()).isEqualTo(200);
        return counter.get();
    }
}
