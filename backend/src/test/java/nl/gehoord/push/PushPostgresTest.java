package nl.gehoord.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.gehoord.db.Dialect;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.testing.FakeFcm;
import org.junit.jupiter.api.Test;

/**
 * Several server instances share one PostgreSQL: their dispatchers race for the same outbox rows under READ
 * COMMITTED, with no process-wide write lock to serialise them. No push may go out twice.
 */
class PushPostgresTest {
    @Test
    void fourDispatchersOnOnePostgresNeverSendOneEventTwice() throws Exception {
        try (PushFixture fx = new PushFixture(nl.gehoord.testing.Postgres.seededDatabaseUrl());
             FakeFcm fcm = FakeFcm.start();
             FcmSender sender = fcm.sender(fx.clock)) {
            assertThat(fx.db.dialect()).isEqualTo(Dialect.POSTGRESQL);
            int total = 0;
            for (int c = 0; c < 4; c++) {
                String caseId = fx.newCase(false, null);
                fx.linkNewDevices(caseId, "tok-pg-" + c + "-", 100);
                fx.publish(CaseEvent.Type.REPLY, caseId);
                fx.publish(CaseEvent.Type.STATUS_CHANGED, caseId);
                total += 200;
            }
            PushDispatcher.Settings small = new PushDispatcher.Settings(25, Duration.ofMinutes(10),
                    Duration.ofHours(12), 20, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofDays(7));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> handled = new ArrayList<>();
            for (int d = 0; d < 4; d++) {
                PushDispatcher dispatcher = fx.dispatcher(sender, small);
                handled.add(pool.submit(() -> {
                    start.await();
                    int sum = 0;
                    for (int i = 0; i < 1000 && fx.pending() > 0; i++) {
                        sum += dispatcher.runOnce();
                    }
                    return sum;
                }));
            }
            start.countDown();
            int sum = 0;
            for (Future<Integer> f : handled) {
                sum += f.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();

            assertThat(sum).isEqualTo(total);
            List<FakeFcm.Received> received = fcm.received();
            assertThat(received).hasSize(total);
            assertThat(received.stream().map(FakeFcm.Received::pushId).distinct().count()).isEqualTo(total);
            assertThat(fx.pending()).isZero();
        }
    }
}
