package nl.gehoord.testing;

import java.nio.file.Path;

/**
 * The file this test JVM logs to (logback-test.xml writes it): one per surefire fork, named by the build in the
 * system property {@code gehoord.test.log}, so that tests scanning the log read what their own JVM wrote.
 */
public final class TestLog {
    private TestLog() {
    }

    public static Path file() {
        return Path.of(System.getProperty("gehoord.test.log", "target/test-logs/gehoord-test.log"));
    }
}
