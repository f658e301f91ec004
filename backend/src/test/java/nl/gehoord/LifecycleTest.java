package nl.gehoord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Parts start in the order handed over and stop in reverse, also when a start fails half-way. */
class LifecycleTest {
    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    private final List<String> log = new ArrayList<>();

    private void part(Lifecycle lifecycle, String name) {
        lifecycle.manage(name, () -> log.add("start " + name), () -> log.add("stop " + name));
    }

    @Test
    void startsInOrderAndStopsInReverse() {
        Lifecycle lifecycle = new Lifecycle();
        part(lifecycle, "a");
        part(lifecycle, "b");
        part(lifecycle, "c");
        lifecycle.start();
        lifecycle.close();
        assertThat(log).containsExactly("start a", "start b", "start c", "stop c", "stop b", "stop a");
    }

    @Test
    void aFailedStartStopsWhatWasHandedOverAndAStopThatFailsDoesNotKeepTheOthersRunning() {
        Lifecycle lifecycle = new Lifecycle();
        part(lifecycle, "a");
        lifecycle.manage("broken stop", () -> log.add("start broken stop"), () -> {
            throw new IllegalStateException("stuck");
        });
        lifecycle.manage("failing", () -> {
            throw new IllegalStateException("port in use");
        }, () -> log.add("stop failing"));
        part(lifecycle, "never");
        assertThatThrownBy(lifecycle::start).hasMessage("port in use");
        assertThat(log).containsExactly("start a", "start broken stop", "stop never", "stop failing", "stop a");
    }

    @Test
    void theAppStartsItsServerAfterEveryBackgroundPartSoItStopsBeforeThem() {
        TestServer server = SHARED.server();
        // The live streams of the staff pages close just before the server stops, so it need not wait on them.
        assertThat(server.app().parts()).containsExactly("database", "trends warmer", "push transport",
                "push worker", "sla pass", "retention", "http server", "live updates");
    }
}
