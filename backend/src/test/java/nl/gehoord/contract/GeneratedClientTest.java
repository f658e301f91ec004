package nl.gehoord.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.gehoord.client.ApiClient;
import nl.gehoord.client.ApiException;
import nl.gehoord.client.api.AdminApi;
import nl.gehoord.client.api.CasesApi;
import nl.gehoord.client.api.DevicesApi;
import nl.gehoord.client.api.InboxApi;
import nl.gehoord.client.api.InfoApi;
import nl.gehoord.client.api.StaffApi;
import nl.gehoord.client.api.TrendsApi;
import nl.gehoord.client.model.AboutInput;
import nl.gehoord.client.model.CaseCreated;
import nl.gehoord.client.model.CaseDetail;
import nl.gehoord.client.model.CaseKind;
import nl.gehoord.client.model.CaseStatus;
import nl.gehoord.client.model.CouncilScopeKind;
import nl.gehoord.client.model.Device;
import nl.gehoord.client.model.DeviceRegistered;
import nl.gehoord.client.model.DeviceRegistration;
import nl.gehoord.client.model.DeviceSetting;
import nl.gehoord.client.model.DeviceUpdate;
import nl.gehoord.client.model.Flow;
import nl.gehoord.client.model.InboxItem;
import nl.gehoord.client.model.InboxPage;
import nl.gehoord.client.model.NewCase;
import nl.gehoord.client.model.Platform;
import nl.gehoord.client.model.QueueScope;
import nl.gehoord.client.model.StaffLogin;
import nl.gehoord.client.model.StaffRole;
import nl.gehoord.client.model.StaffSession;
import nl.gehoord.client.model.TrendDimension;
import nl.gehoord.client.model.Trends;
import nl.gehoord.crypto.KeyRing;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.demo.DemoCases;
import nl.gehoord.testing.TestServer;
import nl.gehoord.trends.TrendRollup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract as an app maker meets it: a Java client generated from openapi.yaml at build time (openapi-generator,
 * library {@code native}) drives a real server, for each kind of caller. A spec that is valid but that generated code cannot use (ids that
 * do not parse as their format, enums the server does not send, a removal the client cannot express) fails here.
 */
class GeneratedClientTest {
    private static final int DEMO_CASES = 120;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        TrendRollup rollup = new TrendRollup(new SecretHasher(KeyRing.loadOrCreate(server.settings().keyFile(),
                new SecureRandom())), server.clock(), new SecureRandom());
        DemoCases.seed(server.app().database(), rollup, server.clock(), DEMO_CASES);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient client(String bearer) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + server.app().port());
        if (bearer != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer));
        }
        return client;
    }

    @Test
    void aYoungPersonRegistersReadsTheFlowSubmitsACaseAndReadsItBack() throws ApiException {
        DeviceRegistered device = new DevicesApi(client(null)).registerDevice(new DeviceRegistration()
                .platform(Platform.ANDROID).locale("nl").pushToken("fcm:generated-client"), "nl", "generated-client-1");
        assertThat(device.getDeviceToken()).startsWith("gd_");
        ApiClient phone = client(device.getDeviceToken());

        Flow flow = new InfoApi(client(null)).getFlow("en", null, null);
        assertThat(flow.getKinds()).extracting(kind -> kind.getId()).contains(CaseKind.COMPLAINT, CaseKind.UNSAFE);

        CaseCreated created = new CasesApi(phone).createCase(UUID.randomUUID().toString(), new NewCase()
                .kind("complaint").answers(Map.of("topic", "freedom")).story("Ik mag niet bellen met mijn moeder.")
                .region("utrecht").setting("residential").ageBand("13_15")
                .about(new AboutInput().locationId("loc-utr-linde")).contactPreference("app_message")
                .flowVersion(flow.getVersion()), "nl", null);
        assertThat(created.getCaseCode()).matches("[346789ACEFHJKMNPRTWXY]{5}(-[346789ACEFHJKMNPRTWXY]{5}){2}");

        CaseDetail detail = new CasesApi(phone).getCase(created.getCaseId(), "nl", null);
        assertThat(detail.getCaseId()).isEqualTo(created.getCaseId());
        assertThat(detail.getStatus()).isIn(CaseStatus.RECEIVED, CaseStatus.ASSIGNED);
        assertThat(new CasesApi(phone).listCases("nl", null).getCases())
                .extracting(summary -> summary.getCaseId()).containsExactly(created.getCaseId());

        Device quiet = new DevicesApi(phone).updateDevice(new DeviceUpdate().discreet(true)
                .remove(Set.of(DeviceSetting.PUSH_TOKEN)), "nl", null);
        assertThat(quiet.getPushEnabled()).as("removal a generated client can send").isFalse();
        assertThat(quiet.getDiscreet()).isTrue();

        assertThatThrownBy(() -> new CasesApi(phone).getCase(UUID.randomUUID(), "nl", null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void staffReadTheDemoInboxAndQueue() throws ApiException {
        StaffSession trust = new StaffApi(client(null)).staffLogin(new StaffLogin().email("trust@demo.local")
                .password(TestServer.DEMO_PASSWORD), "nl", null);
        assertThat(trust.getRole()).isEqualTo(StaffRole.TRUST_PERSON);
        InboxApi inbox = new InboxApi(client(trust.getToken()));
        InboxPage first = inbox.inbox("nl", null, null, null, null, null, 100);
        assertThat(first.getCases()).as("the demo's open cases, ids parsed as UUIDs").isNotEmpty();
        int seen = first.getCases().size();
        String cursor = first.getNextCursor();
        while (cursor != null) {
            InboxPage next = inbox.inbox("nl", null, null, null, null, cursor, 100);
            seen += next.getCases().size();
            cursor = next.getNextCursor();
        }
        long open = server.app().database().read(h -> h.createQuery("""
                SELECT COUNT(*) FROM cases WHERE assigned_staff_id = 'staff-demo-trust'
                  AND status IN ('received', 'assigned', 'in_conversation', 'formal_complaint')
                """).mapTo(Long.class).one());
        assertThat((long) seen).isEqualTo(open).isPositive();
        InboxItem item = first.getCases().get(0);
        assertThat(inbox.inboxCase(item.getCaseId(), "nl", null).getCaseId()).isEqualTo(item.getCaseId());

        StaffSession coordinator = new StaffApi(client(null)).staffLogin(new StaffLogin()
                .email("coordinator@demo.local").password(TestServer.DEMO_PASSWORD), "nl", null);
        InboxApi queue = new InboxApi(client(coordinator.getToken()));
        assertThat(queue.queue("nl", null, null, null, null, null, 100, QueueScope.UNASSIGNED).getCases()).isNotNull();
        assertThat(queue.queue("nl", null, null, null, null, null, 100, QueueScope.TEAM).getCases()).isNotNull();
    }

    @Test
    void aCouncilReadsTrendsAndAnAdminReadsTheStaffList() throws ApiException {
        StaffSession council = new StaffApi(client(null)).staffLogin(new StaffLogin().email("council@demo.local")
                .password(TestServer.DEMO_PASSWORD), "en", null);
        Trends trends = new TrendsApi(client(council.getToken())).trends("en", null, null, null, "topic");
        assertThat(trends.getBy()).containsExactly(TrendDimension.TOPIC);
        assertThat(trends.getScope().getKind()).isEqualTo(CouncilScopeKind.MUNICIPALITY);
        assertThat(trends.getCells()).isNotEmpty().allSatisfy(cell -> {
            assertThat(cell.getKey()).containsOnlyKeys("topic");
            assertThat(cell.getCases()).as("a perturbed count").isNotNull().isNotNegative();
        });
        assertThat(trends.getTotal().getCases()).isPositive();

        StaffSession admin = new StaffApi(client(null)).staffLogin(new StaffLogin().email("admin@demo.local")
                .password(TestServer.DEMO_PASSWORD), "nl", null);
        assertThat(new AdminApi(client(admin.getToken())).adminStaff("nl", null, null).getStaff())
                .extracting(account -> account.getRole())
                .contains(StaffRole.TRUST_PERSON, StaffRole.COORDINATOR, StaffRole.COUNCIL, StaffRole.ADMIN);
    }
}
