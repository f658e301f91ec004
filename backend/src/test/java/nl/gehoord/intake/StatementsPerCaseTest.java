package nl.gehoord.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import nl.gehoord.db.DirectSql;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Counts the SQL statements one case submission runs, through Jdbi's own statement events and the observer of the
 * statements the writer runs directly on the connection ({@link DirectSql}): every statement a request causes (the
 * case, routing, timeline, idempotency, the push outbox, the inbox deadlines, the trends rollup) goes through one of
 * the two, so the count is exact. Background work (the push dispatcher sending the pushes) is
 * counted apart.
 */
class StatementsPerCaseTest {
    private static final int CASES = 12;
    private static final int MAX_PER_CASE = 15;
    private static TestServer server;

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer(Map.of("GEHOORD_RATE_LIMIT_CASE_DEVICE", "1000/1h"));

    @BeforeAll
    static void start() {
        server = SHARED.server();
    }

    /** Counts statements by the thread that ran them; SQL text is kept only to explain a failure. */
    static final class Counter implements SqlLogger, DirectSql.Observer {
        final Map<String, AtomicInteger> byThread = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> sql = new ConcurrentLinkedQueue<>();
        volatile boolean on;

        @Override
        public void logAfterExecution(StatementContext context) {
            count(context);
        }

        @Override
        public void logException(StatementContext context, SQLException ex) {
            count(context);
        }

        @Override
        public void executed(String text) {
            count(text);
        }

        private void count(StatementContext context) {
            count(context.getRenderedSql());
        }

        private void count(String rendered) {
            if (!on) {
                return;
            }
            // The group commit's savepoints frame each request in a shared transaction, as BEGIN and COMMIT frame
            // a lone one (which Jdbi does not report): they are counted apart.
            String kind = rendered.startsWith("SAVEPOINT") || rendered.startsWith("RELEASE")
                    || rendered.startsWith("ROLLBACK") ? "transaction" : kind();
            byThread.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            if (kind.equals("request")) {
                String text = rendered.replaceAll("\\s+", " ").trim();
                sql.add(text.substring(0, Math.min(70, text.length())));
            }
        }

        /**
         * The push dispatcher and the timed background jobs are not part of a submission. Writes run on the single
         * writer's thread, so the caller is told by the code on the stack, not by the thread.
         */
        private static String kind() {
            for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
                String c = frame.getClassName();
                if (c.startsWith("nl.gehoord.push.PushDispatcher") || c.startsWith("nl.gehoord.push.PushWorker")) {
                    return "push";
                }
                if (c.startsWith("nl.gehoord.sla.SlaScheduler") || c.startsWith("nl.gehoord.trends.TrendsWarmer")
                        || c.startsWith("nl.gehoord.retention.") || frame.getMethodName().equals("checkpointPassive")) {
                    return "background";
                }
            }
            return "request";
        }

        int requests() {
            return byThread.getOrDefault("request", new AtomicInteger()).get();
        }
    }

    @Test
    void aCaseSubmissionRunsAtMostFifteenStatements() {
        ApiClient anonymous = server.client();
        ApiResponse registered = anonymous.anonymous().post("/v1/devices",
                Map.of("platform", "android", "locale", "nl", "pushToken", "statement-count-token"));
        assertThat(registered.status()).isEqualTo(201);
        ApiClient device = anonymous.as(registered.text("deviceToken"));
        // The first case warms caches that later cases share (places, policies): count the steady state.
        Journeys.submitCase(device, "Ik mag niet naar buiten.");

        Counter counter = new Counter();
        server.app().database().jdbi().setSqlLogger(counter);
        server.app().database().jdbi().getConfig(DirectSql.Observers.class).set(counter);
        counter.on = true;
        for (int i = 0; i < CASES; i++) {
            Journeys.submitCase(device, "Ik mag niet naar buiten van de groepsleiding.");
        }
        counter.on = false;
        server.app().database().jdbi().getConfig(DirectSql.Observers.class).set(null);

        double perCase = counter.requests() / (double) CASES;
        assertThat(perCase).as("statements per case submission (%s), first case's: %s", counter.byThread,
                        counter.sql.stream().limit(20).toList())
                .isLessThanOrEqualTo(MAX_PER_CASE);
    }
}
