package nl.gehoord.push;

/** The keys of a push's data payload: ids and an event name, nothing the young person or staff wrote. */
public final class PushData {
    public static final String EVENT = "event";
    public static final String CASE_ID = "caseId";
    public static final String PUSH_ID = "pushId";
    /** Staff only: where the inbox opens the case. */
    public static final String LINK = "link";

    private PushData() {
    }

    public static String inboxLink(String caseId) {
        return "gehoord://inbox/cases/" + caseId;
    }
}
