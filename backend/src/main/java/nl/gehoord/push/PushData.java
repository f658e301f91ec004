package nl.gehoord.push;

/** The keys of a push's data payload: ids and an event name, nothing the young person or staff wrote. */
public final class PushData {
    public static final String EVENT = "event";
    public static final String CASE_ID = "caseId";
    public static final String PUSH_ID = "pushId";
    /** Staff only: where the inbox opens the case. */
    public static final String LINK = "link";
    /** The same case on the staff pages, as a path on the server (a web push or a mail client opens it). */
    public static final String WEB_LINK = "webLink";

    private PushData() {
    }

    public static String webLink(String caseId) {
        return "/web/cases/" + caseId;
    }

    public static String inboxLink(String caseId) {
        return "gehoord://inbox/cases/" + caseId;
    }
}
