package nl.gehoord.push;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.text.Language;

/**
 * Send-time policy: for one outbox row, finds the recipient's token and settings and decides what goes out now:
 * the push (neutral text, or none in discreet mode), a wait until quiet hours end, or nothing (no token).
 */
public final class PushComposer {
    private final FieldCipher cipher;
    private final PushTexts texts;

    public PushComposer(FieldCipher cipher, PushTexts texts) {
        this.cipher = cipher;
        this.texts = texts;
    }

    public sealed interface Decision permits Send, Wait, Drop {
    }

    /** Send this push; {@code sealedToken} identifies the token to remove if the service says it is dead. */
    public record Send(PushMessage message, String sealedToken) implements Decision {
    }

    public record Wait(Instant until) implements Decision {
    }

    public record Drop(String reason) implements Decision {
    }

    /** Decides for one row; {@code recipients} holds the batch's devices and staff tokens, read once. */
    public Decision compose(Recipients recipients, OutboxDao.Row row, Instant now) {
        if (PushPolicy.STAFF.equals(row.recipientKind())) {
            Optional<PushTargetDao.StaffTarget> staff = recipients.staffMember(row.recipientId());
            if (staff.isEmpty()) {
                return new Drop("no_token");
            }
            String sealed = staff.get().pushTokenEnc();
            Map<String, String> data = data(row);
            data.put(PushData.LINK, PushData.inboxLink(row.caseId()));
            data.put(PushData.WEB_LINK, PushData.webLink(row.caseId()));
            return new Send(new PushMessage(row.id(), cipher.open(sealed, row.recipientId(), "pushToken"), data,
                    texts.text(row.messageKey(), Language.ofTag(staff.get().language())), collapseKey(row),
                    row.urgent()), sealed);
        }
        Optional<PushTargetDao.DeviceTarget> found = recipients.device(row.recipientId());
        if (found.isEmpty()) {
            return new Drop("no_recipient");
        }
        PushTargetDao.DeviceTarget device = found.get();
        if (device.pushTokenEnc() == null) {
            return new Drop("no_token");
        }
        if (!row.urgent()) {
            Optional<Instant> quietUntil = QuietHours.of(device.quietStart(), device.quietEnd())
                    .flatMap(q -> q.endOfQuietAt(now));
            if (quietUntil.isPresent()) {
                return new Wait(quietUntil.get());
            }
        }
        PushMessage.VisibleText visible = device.discreet() ? null
                : texts.text(row.messageKey(),
                        Language.ofTag(device.language() != null ? device.language() : device.locale()));
        return new Send(new PushMessage(row.id(), cipher.open(device.pushTokenEnc(), device.id(), "pushToken"),
                data(row), visible, collapseKey(row), row.urgent()), device.pushTokenEnc());
    }

    private static Map<String, String> data(OutboxDao.Row row) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(PushData.EVENT, row.event());
        data.put(PushData.CASE_ID, row.caseId());
        data.put(PushData.PUSH_ID, row.id());
        return data;
    }

    /** One notification per case on a phone: a busy conversation replaces itself instead of piling up. */
    static String collapseKey(OutboxDao.Row row) {
        return "case-" + row.caseId();
    }
}
