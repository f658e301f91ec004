package nl.gehoord;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import nl.gehoord.audit.AuditLog;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The first admin from the command line; the password never comes from the arguments. */
class AdminCommandsTest {
    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    private TestServer server;

    @BeforeEach
    void start() {
        server = SHARED.server();
    }

    @Test
    void createsAnAdminWhoCanLogInAndManage() {
        int exit = AdminCommands.createAdmin(server.app().database(), server.auditLog(), server.clock(), new SecureRandom(),
                "First.Admin@Example.org", "jeugdstem", "Eerste beheerder", "a-long-admin-password");
        assertThat(exit).isZero();
        ApiResponse login = server.client().post("/v1/staff/session",
                Map.of("email", "first.admin@example.org", "password", "a-long-admin-password"));
        assertThat(login.status()).isEqualTo(201);
        assertThat(login.text("role")).isEqualTo("admin");
        var admin = server.client().as(login.text("token"));
        assertThat(admin.get("/v1/admin/organisations").json().path("organisations").findValuesAsText("organisationId"))
                .contains("jeugdstem");
        assertThat(AdminCommands.createAdmin(server.app().database(), server.auditLog(), server.clock(), new SecureRandom(),
                "first.admin@example.org", null, null, "another-long-password")).as("no second account").isEqualTo(1);
        assertThat(server.auditLog().verify(server.app().database()).intact()).isTrue();
    }

    @Test
    void withoutAnEmailItIsBadUsageBeforeAnyPasswordIsRead() {
        assertThat(AdminCommands.createAdmin(List.of("--organisation", "x"))).isEqualTo(2);
    }
}
