package nl.gehoord.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.testing.FakeFcm;
import nl.gehoord.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a push carries, as the real Firebase Admin SDK puts it on the wire to a fake FCM. */
class PushPayloadTest {
    private static final Set<String> DEVICE_DATA_KEYS = Set.of("event", "caseId", "pushId");

    private PushFixture fx;
    private FakeFcm fcm;
    private FcmSender sender;
    private PushDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        fx = new PushFixture();
        fcm = FakeFcm.start();
        sender = fcm.sender(fx.clock);
        dispatcher = fx.dispatcher(sender);
    }

    @AfterEach
    void tearDown() {
        sender.close();
        fcm.close();
        fx.close();
    }

    @Test
    void aVisiblePushHasANeutralLocalisedTextAndOnlyIdsInItsData() {
        String caseId = fx.newCase(false, null);
        String device = fx.newDevice("tok-visible-nl");
        fx.link(caseId, device);
        fx.publish(CaseEvent.Type.REPLY, caseId);

        assertThat(dispatcher.runOnce()).isEqualTo(1);

        FakeFcm.Received push = single(fcm.receivedFor("tok-visible-nl"));
        JsonNode m = push.message();
        assertThat(push.authorization()).isEqualTo("Bearer " + FakeFcm.ACCESS_TOKEN);
        assertThat(names(m.path("data"))).containsExactlyInAnyOrderElementsOf(DEVICE_DATA_KEYS);
        assertThat(push.data("event")).isEqualTo("reply");
        assertThat(push.data("caseId")).isEqualTo(caseId);
        assertThat(push.pushId()).isEqualTo(fx.outbox(caseId).get(0).id());
        PushMessage.VisibleText nl = new PushTexts(fx.messages).text(PushTexts.REPLY, Language.NL);
        assertThat(m.path("notification").path("title").asText()).isEqualTo(nl.title());
        assertThat(m.path("notification").path("body").asText()).isEqualTo(nl.body());
        assertThat(m.path("android").path("collapse_key").asText()).isEqualTo("case-" + caseId);
        assertThat(m.path("android").path("notification").path("tag").asText()).isEqualTo("case-" + caseId);
        assertThat(m.path("android").path("notification").path("visibility").asText()).isEqualTo("private");
        assertThat(m.path("apns").path("headers").path("apns-collapse-id").asText()).isEqualTo("case-" + caseId);
        assertThat(m.path("apns").path("payload").path("aps").path("thread-id").asText()).isEqualTo("case-" + caseId);
        assertThat(push.rawBody()).doesNotContain(PushFixture.STORY).doesNotContain(device);
    }

    @Test
    void aDiscreetDeviceGetsNoVisibleTextAtAll() {
        String caseId = fx.newCase(false, null);
        fx.link(caseId, fx.newDevice("tok-discreet", true, "nl", null, null));
        fx.publish(CaseEvent.Type.STATUS_CHANGED, caseId);

        dispatcher.runOnce();

        FakeFcm.Received push = single(fcm.receivedFor("tok-discreet"));
        JsonNode m = push.message();
        assertThat(m.has("notification")).isFalse();
        assertThat(m.path("android").has("notification")).isFalse();
        assertThat(m.path("apns").path("payload").path("aps").has("alert")).isFalse();
        assertThat(m.path("apns").path("payload").path("aps").path("content-available").asInt()).isEqualTo(1);
        assertThat(m.path("apns").path("headers").path("apns-push-type").asText()).isEqualTo("background");
        assertThat(names(m.path("data"))).containsExactlyInAnyOrderElementsOf(DEVICE_DATA_KEYS);
        for (String key : List.of(PushTexts.STATUS_CHANGED + ".title", PushTexts.STATUS_CHANGED + ".body")) {
            for (Language language : Language.values()) {
                assertThat(push.rawBody()).doesNotContain(fx.messages.get(language, key));
            }
        }
        assertThat(push.rawBody()).doesNotContain(PushFixture.STORY);
    }

    @Test
    void theTextFollowsTheDeviceLanguage() {
        String caseId = fx.newCase(false, null);
        fx.link(caseId, fx.newDevice("tok-en", false, "en", null, null));
        fx.publish(CaseEvent.Type.RECEIVED, caseId);

        dispatcher.runOnce();

        JsonNode notification = single(fcm.receivedFor("tok-en")).message().path("notification");
        assertThat(notification.path("title").asText())
                .isEqualTo(fx.messages.get(Language.EN, PushTexts.CASE_RECEIVED + ".title"));
    }

    @Test
    void aStaffPushDeepLinksToTheCaseInTheInboxAndCarriesNoContent() {
        String caseId = fx.newCase(false, PushFixture.TRUST);
        fx.staffToken(PushFixture.TRUST, "tok-trust");
        fx.publish(CaseEvent.Type.YOUNG_PERSON_MESSAGE, caseId);

        dispatcher.runOnce();

        FakeFcm.Received push = single(fcm.receivedFor("tok-trust"));
        assertThat(names(push.message().path("data"))).containsExactlyInAnyOrder("event", "caseId", "pushId", "link",
                "webLink");
        assertThat(push.data("link")).isEqualTo("gehoord://inbox/cases/" + caseId);
        assertThat(push.data("webLink")).isEqualTo("/web/cases/" + caseId);
        assertThat(push.data("event")).isEqualTo("young_person_message");
        assertThat(push.message().path("notification").path("title").asText())
                .isEqualTo(fx.messages.get(Language.NL, PushTexts.STAFF_YOUNG_PERSON_MESSAGE + ".title"));
        assertThat(push.rawBody()).doesNotContain(PushFixture.STORY);
    }

    @Test
    void aStaffPushIsInTheStaffMembersOwnLanguage() {
        String caseId = fx.newCase(false, PushFixture.TRUST);
        fx.staffToken(PushFixture.TRUST, "tok-trust-ar");
        fx.db.writeVoid(h -> h.execute("UPDATE staff SET language = 'ar' WHERE id = ?", PushFixture.TRUST));
        fx.publish(CaseEvent.Type.YOUNG_PERSON_MESSAGE, caseId);

        dispatcher.runOnce();

        JsonNode notification = single(fcm.receivedFor("tok-trust-ar")).message().path("notification");
        assertThat(notification.path("title").asText())
                .isEqualTo(fx.messages.get(Language.AR, PushTexts.STAFF_YOUNG_PERSON_MESSAGE + ".title"))
                .isNotEqualTo(fx.messages.get(Language.NL, PushTexts.STAFF_YOUNG_PERSON_MESSAGE + ".title"));
    }

    @Test
    void aLanguagePickedInTheAppWinsOverThePhonesLocaleForPushes() {
        String caseId = fx.newCase(false, null);
        String device = fx.newDevice("tok-picked");
        fx.db.writeVoid(h -> h.execute("UPDATE devices SET language = 'uk' WHERE id = ?", device));
        fx.link(caseId, device);
        fx.publish(CaseEvent.Type.REPLY, caseId);

        dispatcher.runOnce();

        assertThat(single(fcm.receivedFor("tok-picked")).message().path("notification").path("title").asText())
                .isEqualTo(fx.messages.get(Language.UK, PushTexts.REPLY + ".title"));
    }

    @Test
    void urgentCasesGoWithHighPriority() {
        String urgentCase = fx.newCase(true, null);
        fx.link(urgentCase, fx.newDevice("tok-urgent"));
        String calmCase = fx.newCase(false, null);
        fx.link(calmCase, fx.newDevice("tok-calm"));
        fx.publish(CaseEvent.Type.REPLY, urgentCase);
        fx.publish(CaseEvent.Type.REPLY, calmCase);

        dispatcher.runOnce();

        assertThat(single(fcm.receivedFor("tok-urgent")).message().path("android").path("priority").asText())
                .isEqualTo("high");
        assertThat(single(fcm.receivedFor("tok-calm")).message().path("android").path("priority").asText())
                .isEqualTo("normal");
        assertThat(fcm.await(2, Duration.ofSeconds(1))).hasSize(2);
    }

    private static FakeFcm.Received single(List<FakeFcm.Received> received) {
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
