package nl.gehoord.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code java nl.gehoord.Main ...} in a JVM of its own, for tests of what only a real process shows (the start
 * banner, a kill without shutdown hooks, the operator commands). The child logs to a file of its own (sharing the
 * test log would truncate what this JVM wrote) and starts with the quick compiler only: these processes live for
 * seconds, so the optimising compiler would cost more start-up time than it saves.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** A process builder for {@code Main} with these arguments; {@code logName} names its log in target/test-logs. */
    public static ProcessBuilder main(String logName, Map<String, String> env, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "-Dgehoord.test.log=target/test-logs/" + logName + "-" + System.nanoTime() + ".log", "nl.gehoord.Main"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder;
    }
}
