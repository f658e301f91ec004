package nl.gehoord.push;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import nl.gehoord.events.CaseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The demo's sender: a trust person's reply shows up in the log as an event name and ids, nothing else. */
class LogSenderTest {
    private PushFixture fx;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(LogSender.class);

    @BeforeEach
    void setUp() {
        fx = new PushFixture();
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(appender);
        fx.close();
    }

    @Test
    void aReplyIsLoggedWithTheEventNameAndIdsOnly() {
        String caseId = fx.newCase(false, PushFixture.TRUST);
        String device = fx.newDevice("tok-demo-secret");
        fx.link(caseId, device);
        fx.publish(new CaseEvent(CaseEvent.Type.REPLY, caseId, PushFixture.TRUST));

        assertThat(fx.dispatcher(new LogSender()).runOnce()).isEqualTo(1);

        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        String pushId = fx.outbox(caseId).get(0).id();
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .contains("event=reply", "caseId=" + caseId, "pushId=" + pushId)
                .doesNotContain("tok-demo-secret").doesNotContain(PushFixture.STORY)
                .doesNotContain(fx.messages.get(nl.gehoord.text.Language.NL, PushTexts.REPLY + ".title")));
        assertThat(fx.outbox(caseId).get(0).state()).isEqualTo(OutboxDao.SENT);
    }
}
