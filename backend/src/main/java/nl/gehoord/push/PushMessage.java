package nl.gehoord.push;

import java.util.Map;

/**
 * One push as the transport sees it: where it goes and what it carries, already decided by the policy.
 *
 * @param pushId      the outbox row id; also in {@code data}, so the app can drop a repeat after a crash
 * @param token       the recipient's push token (never logged)
 * @param data        ids and the event name only
 * @param visible     the neutral title and body to show, or null for a silent (discreet) push
 * @param collapseKey pushes with the same key replace each other on the phone and in FCM's queue
 * @param urgent      deliver at once (high priority) rather than when convenient for the battery
 */
public record PushMessage(String pushId, String token, Map<String, String> data, VisibleText visible,
                          String collapseKey, boolean urgent) {
    public PushMessage {
        data = Map.copyOf(data);
    }

    /** A neutral, localised text without case content. */
    public record VisibleText(String title, String body) {
    }

    /** For logs: the event name and ids, never the token or any text. */
    public String describe() {
        return "pushId=" + pushId + " event=" + data.get(PushData.EVENT) + " caseId=" + data.get(PushData.CASE_ID);
    }
}
