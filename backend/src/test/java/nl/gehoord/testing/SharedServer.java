package nl.gehoord.testing;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real server for every test class of the test JVM that asks for the same settings, put back before each test
 * to the state a new one would have ({@link TestServer#reset}: the demo data only, the clock at
 * {@link TestServer#START}, no rate-limit buckets or log-in slow-downs, no kept trend answers, no listeners or SQL
 * logger a test added). It is stopped when the run ends. Use as
 * {@code @RegisterExtension static final SharedServer SHARED = new SharedServer();}.
 *
 * <p>A class that changes what a reset does not put back (a rotated key file, a server stopped or restarted, a
 * crash) starts its own {@link TestServer}. {@link #resetPerClass} puts the server back once, before the class's
 * first test, for classes whose tests build on what their {@code @BeforeAll} made, as on a server of their own.
 */
public final class SharedServer implements BeforeAllCallback, BeforeEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServer.class);
    private final Map<String, String> env;
    private final boolean resetEachTest;
    private TestServer server;

    public SharedServer() {
        this(Map.of());
    }

    public SharedServer(Map<String, String> env) {
        this(env, true);
    }

    private SharedServer(Map<String, String> env, boolean resetEachTest) {
        this.env = Map.copyOf(env);
        this.resetEachTest = resetEachTest;
    }

    /** The shared server, put back before the class's first test only: its tests see what the ones before did. */
    public static SharedServer resetPerClass() {
        return resetPerClass(Map.of());
    }

    /** The same for the server with these settings. */
    public static SharedServer resetPerClass(Map<String, String> env) {
        return new SharedServer(env, false);
    }

    public TestServer server() {
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Kept in the run's root context, which closes it (TestServer is AutoCloseable) when the run ends.
        server = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(new TreeMap<>(env).toString(),
                key -> TestServer.start(env), TestServer.class);
        if (!resetEachTest) {
            server.reset();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (resetEachTest) {
            server.reset();
        }
    }
}
