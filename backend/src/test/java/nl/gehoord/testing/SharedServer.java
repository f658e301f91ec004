package nl.gehoord.testing;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real server for a whole test class, put back before each test to the state a new one would have: the
 * demo data only (every table copied back from the template), the clock at {@link TestServer#START} and no
 * rate-limit buckets. Use as {@code @RegisterExtension static final SharedServer SHARED = new SharedServer();}.
 */
public final class SharedServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final Map<String, String> env;
    private TestServer server;

    public SharedServer() {
        this(Map.of());
    }

    public SharedServer(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public TestServer server() {
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServer.start(env);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }
}
